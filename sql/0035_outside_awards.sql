-- why: awards the state does not issue (issue 14, item 6; documents-and-law review §4.9). A school's staff also receive
-- the union's own awards — the Giấy khen of Công đoàn Giáo dục huyện, the union's "Giỏi việc trường, đảm việc nhà" — paid
-- from the union's funds under the union's rules, and the sector's Kỷ niệm chương "Vì sự nghiệp giáo dục", given once
-- for years of service (niên hạn). The catalogue now says who issues each award and, where the money is not a
-- coefficient of the base salary, the fixed amount; the union's chair records the union's decisions herself.

-- Who issues an award: the state (the Law's titles and forms, signed by a head or a chairman), the trade union, or the
-- sector's ministry. A non-state award names its issuing body as decisions print it.
ALTER TABLE awards
    ADD COLUMN issuer text NOT NULL DEFAULT 'state',
    ADD COLUMN issuer_name text NOT NULL DEFAULT '',
    -- given for length of service (niên hạn): its commendations are of that kind, and no other award's are
    ADD COLUMN for_service boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT awards_issuer_check CHECK (issuer IN ('state', 'union', 'sector')),
    ADD CONSTRAINT awards_issuer_name_text CHECK (issuer_name IS NFC NORMALIZED AND (issuer = 'state') = (issuer_name = ''));

-- Money as a fixed amount for one person (a collective: × the collective factor) instead of coefficient × base salary.
-- A rule with a fixed amount carries no coefficient; a non-state award's rules always give a fixed amount (0: none).
ALTER TABLE award_rules
    ADD COLUMN fixed_amount bigint,
    ADD CONSTRAINT award_rules_fixed_amount_check CHECK (
        fixed_amount IS NULL OR (fixed_amount BETWEEN 0 AND 1000000000 AND coefficient = 0));

CREATE FUNCTION award_rules_money_basis() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.fixed_amount IS NULL AND (SELECT issuer FROM awards WHERE code = NEW.award_code) <> 'state' THEN
        RAISE EXCEPTION 'award % is not the state''s: its money is a fixed amount', NEW.award_code
            USING ERRCODE = 'check_violation', CONSTRAINT = 'award_rules_fixed_for_non_state';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER award_rules_money_basis BEFORE INSERT OR UPDATE ON award_rules
    FOR EACH ROW EXECUTE FUNCTION award_rules_money_basis();

-- The kinds of commendation gain niên hạn (length of service), for the awards the catalogue gives for it and only them.
ALTER TABLE nominations DROP CONSTRAINT nominations_kind_check;
ALTER TABLE nominations ADD CONSTRAINT nominations_kind_check
    CHECK (kind IN ('regular', 'thematic', 'exceptional', 'length_of_service'));

CREATE OR REPLACE FUNCTION nominations_kind() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    award awards;
BEGIN
    SELECT * INTO award FROM awards WHERE code = NEW.award_code;
    IF award.for_service THEN
        -- an award for years of service is always of that kind
        IF NEW.kind IS NULL OR (TG_OP = 'UPDATE' AND NEW.kind = OLD.kind AND NEW.award_code <> OLD.award_code) THEN
            NEW.kind := 'length_of_service';
        ELSIF NEW.kind <> 'length_of_service' THEN
            RAISE EXCEPTION 'award % is given for length of service', NEW.award_code
                USING ERRCODE = 'check_violation', CONSTRAINT = 'nominations_length_of_service';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.kind IS NULL OR (TG_OP = 'UPDATE' AND NEW.kind = OLD.kind AND NEW.award_code <> OLD.award_code
                            AND (award.kind = 'title' OR OLD.kind = 'length_of_service')) THEN
        -- left out, or the award changed and the kind was left as it was: follow the new award
        NEW.kind := CASE award.kind WHEN 'title' THEN 'regular' ELSE 'thematic' END;
    ELSIF NEW.kind = 'length_of_service' THEN
        RAISE EXCEPTION 'award % is not given for length of service', NEW.award_code
            USING ERRCODE = 'check_violation', CONSTRAINT = 'nominations_length_of_service';
    ELSIF award.kind = 'title' AND NEW.kind <> 'regular' THEN
        RAISE EXCEPTION 'a title is recognised for the year''s work, not as a % commendation', NEW.kind
            USING ERRCODE = 'check_violation', CONSTRAINT = 'nominations_title_regular';
    END IF;
    RETURN NEW;
END;
$$;

-- A commendation decided outside thidua is a past_commendations row: imported from the school's old files (recorded_at
-- NULL), or now recorded one by one — the union's chair records the union's decisions, the head or an admin the
-- sector's. A row recorded here is for a non-state award (the state's go through nominations and decisions), suits the
-- award's recipient, is dated no later than today, has the kind the award allows and is never changed by an import.
ALTER TABLE past_commendations
    ADD COLUMN kind text,
    ADD COLUMN recorded_by uuid,  -- NULL for the command line (the audit log names the operator) and for imports
    ADD COLUMN recorded_at timestamptz,
    ADD CONSTRAINT past_commendations_kind_check CHECK (kind IN ('regular', 'thematic', 'exceptional', 'length_of_service')),
    ADD CONSTRAINT past_commendations_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES accounts (id),
    ADD CONSTRAINT past_commendations_recorded_kind CHECK (recorded_at IS NULL OR kind IS NOT NULL),
    ADD CONSTRAINT past_commendations_recorded_amount CHECK (recorded_at IS NULL OR reward_amount IS NOT NULL);
CREATE INDEX past_commendations_recorded_idx ON past_commendations (period_kind, period_year) WHERE recorded_at IS NOT NULL;

CREATE FUNCTION past_commendations_recorded() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    award awards;
BEGIN
    IF NEW.recorded_at IS NULL THEN
        RETURN NEW;
    END IF;
    SELECT * INTO award FROM awards WHERE code = NEW.award_code;
    IF award.issuer = 'state' THEN
        RAISE EXCEPTION 'award % is the state''s: it is proposed and decided in thidua', NEW.award_code
            USING ERRCODE = 'check_violation', CONSTRAINT = 'past_commendations_not_state';
    END IF;
    IF award.recipient NOT IN ('both', CASE WHEN NEW.person_id IS NULL THEN 'collective' ELSE 'individual' END) THEN
        RAISE EXCEPTION 'award % is not for this kind of nominee', NEW.award_code
            USING ERRCODE = 'check_violation', CONSTRAINT = 'past_commendations_recipient';
    END IF;
    IF (NEW.kind = 'length_of_service') <> award.for_service THEN
        RAISE EXCEPTION 'kind % does not suit award %', NEW.kind, NEW.award_code
            USING ERRCODE = 'check_violation', CONSTRAINT = 'past_commendations_length_of_service';
    END IF;
    IF NEW.decision_date > current_date THEN
        RAISE EXCEPTION 'decision dated % is in the future', NEW.decision_date
            USING ERRCODE = 'check_violation', CONSTRAINT = 'past_commendations_decision_date';
    END IF;
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'a recorded commendation is not changed'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'past_commendations_recorded_immutable';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER past_commendations_recorded BEFORE INSERT OR UPDATE ON past_commendations
    FOR EACH ROW EXECUTE FUNCTION past_commendations_recorded();

-- The non-state awards a school meets first. Their money follows the issuer's own rules, which differ by province and
-- year: the amounts below are examples to correct in the catalogue (marked unverified), never a coefficient.
INSERT INTO awards (code, name, recipient, kind, precedence, citation, verified, issuer, issuer_name, for_service) VALUES
    ('KNC_GD', 'Kỷ niệm chương "Vì sự nghiệp giáo dục"', 'individual', 'form', 65,
     'Luật TĐKT 2022, Điều 8 (kỷ niệm chương của bộ, ngành); quy định của Bộ Giáo dục và Đào tạo về Kỷ niệm chương', false,
     'sector', 'Bộ trưởng Bộ Giáo dục và Đào tạo', true),
    ('CDGD_GK', 'Giấy khen của Công đoàn Giáo dục huyện', 'both', 'form', 140,
     'Điều lệ Công đoàn Việt Nam; quy chế khen thưởng của tổ chức Công đoàn', false,
     'union', 'Ban Thường vụ Công đoàn Giáo dục huyện', false),
    ('CD_GVTDVN', 'Danh hiệu "Giỏi việc trường, đảm việc nhà"', 'individual', 'form', 150,
     'Phong trào thi đua "Giỏi việc trường, đảm việc nhà" của Công đoàn Giáo dục Việt Nam', false,
     'union', 'Ban Thường vụ Công đoàn Giáo dục huyện', false);

INSERT INTO award_rules (award_code, effective_from, coefficient, collective_factor, authority_level, eligibility, citation,
                         verified, fixed_amount) VALUES
    ('KNC_GD', DATE '2017-07-31', 0, 1, 'province', '{}',
     'Kỷ niệm chương không kèm tiền thưởng (cách hiểu của chúng tôi; cần đối chiếu quy định của Bộ)', false, 0),
    ('CDGD_GK', DATE '2017-07-31', 0, 2, 'district', '{}',
     'Mức của quy chế khen thưởng Công đoàn (ví dụ: 300.000 đ một cá nhân; sửa theo quy chế của địa phương)', false, 300000),
    ('CD_GVTDVN', DATE '2017-07-31', 0, 1, 'district', '{}',
     'Mức của quy chế khen thưởng Công đoàn (ví dụ: 200.000 đ; sửa theo quy chế của địa phương)', false, 200000);
