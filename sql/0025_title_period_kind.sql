-- why: a unit reviews its yearly titles (danh hiệu: LĐTT, CSTĐ, TTLĐTT…) by one kind of period — schools by school year
-- (issue 12, data defect 2; documents-and-law review §3.4). A title nominated in a movement of the other kind ("năm 2024"
-- for a school) is the overlap sql/0021 refuses later, after the council's work: refuse it when the nomination is made.
-- NULL follows the unit's kind: a school reviews by school year, every other unit by calendar year.
ALTER TABLE units
    ADD COLUMN title_period_kind text,
    ADD CONSTRAINT units_title_period_kind_check CHECK (title_period_kind IN ('calendar_year', 'school_year'));

CREATE FUNCTION unit_title_period_kind(unit uuid) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT coalesce(title_period_kind, CASE kind WHEN 'school' THEN 'school_year' ELSE 'calendar_year' END)
    FROM units WHERE id = unit
$$;

CREATE FUNCTION nominations_title_period() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    wanted text;
    actual text;
BEGIN
    IF EXISTS (SELECT 1 FROM awards WHERE code = NEW.award_code AND kind = 'title') THEN
        SELECT m.period_kind, unit_title_period_kind(m.unit_id) INTO actual, wanted FROM movements m WHERE m.id = NEW.movement_id;
        IF actual IS DISTINCT FROM wanted THEN
            RAISE EXCEPTION 'titles of this unit are reviewed by %, the movement runs by %', wanted, actual
                USING ERRCODE = 'check_violation', CONSTRAINT = 'nominations_title_period_kind';
        END IF;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER nominations_title_period BEFORE INSERT OR UPDATE OF award_code, movement_id ON nominations
    FOR EACH ROW EXECUTE FUNCTION nominations_title_period();
