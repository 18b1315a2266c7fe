-- why: a commendation has a kind (issue 12; documents-and-law review §4.7): thường xuyên (regular: the year's titles and
-- the year's Giấy khen), chuyên đề (thematic: a movement's sơ kết or tổng kết) or đột xuất (exceptional: one deed). The
-- decision's subject follows it, and the yearly route of a Bằng khen does not apply to the other two. It is chosen on the
-- nomination and the commendation keeps it through the nomination (one commendation per nomination, sql/0007).
-- Left out, it follows the award: a title is regular, a form or a recognition thematic. A title (danh hiệu) is recognised
-- for a year's work: regular only (not verified against a text: marked so in the catalogue's citation for rules).
ALTER TABLE nominations
    ADD COLUMN kind text,
    ADD CONSTRAINT nominations_kind_check CHECK (kind IN ('regular', 'thematic', 'exceptional'));

UPDATE nominations n SET kind = CASE a.kind WHEN 'title' THEN 'regular' ELSE 'thematic' END
FROM awards a WHERE a.code = n.award_code;

CREATE FUNCTION nominations_kind() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    award_kind text;
BEGIN
    SELECT kind INTO award_kind FROM awards WHERE code = NEW.award_code;
    IF NEW.kind IS NULL THEN
        NEW.kind := CASE award_kind WHEN 'title' THEN 'regular' ELSE 'thematic' END;
    ELSIF TG_OP = 'UPDATE' AND NEW.kind = OLD.kind AND NEW.award_code <> OLD.award_code AND award_kind = 'title' THEN
        -- the award changed to a title and the kind was left as it was: a title is regular
        NEW.kind := 'regular';
    ELSIF award_kind = 'title' AND NEW.kind <> 'regular' THEN
        RAISE EXCEPTION 'a title is recognised for the year''s work, not as a % commendation', NEW.kind
            USING ERRCODE = 'check_violation', CONSTRAINT = 'nominations_title_regular';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER nominations_kind BEFORE INSERT OR UPDATE OF award_code, kind ON nominations
    FOR EACH ROW EXECUTE FUNCTION nominations_kind();

ALTER TABLE nominations ALTER COLUMN kind SET NOT NULL;
