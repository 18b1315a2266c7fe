-- why: the sáng kiến register (issue 14, item 5; documents-and-law review §4.5). A teacher registers an idea in autumn,
-- applies for its recognition with a description in spring, the school's initiative council (Hội đồng sáng kiến)
-- scores it and concludes, the head recognises it by decision — cơ sở scope — and a wider scope (huyện, tỉnh) is
-- recorded from the higher level's decision when the school forwards it. Eligibility reads the recognised initiatives
-- and their scope instead of a count imported with the rating (which stays for the years before thidua).
CREATE TABLE initiatives (
    id              uuid        NOT NULL DEFAULT gen_random_uuid(),
    person_id       uuid        NOT NULL,  -- the author
    title           text        NOT NULL,
    period_kind     text        NOT NULL,
    period_year     integer     NOT NULL,
    registered_on   date        NOT NULL,
    status          text        NOT NULL DEFAULT 'registered',
    description     text,                  -- the application: the problem, the solution, its effect
    applied_on      date,
    score           integer,               -- the initiative council's points out of 100
    passed          boolean,               -- the council's conclusion (đạt / không đạt)
    scored_on       date,
    created_by      uuid,                  -- NULL from the command line (the audit log names the operator)
    version         integer     NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT initiatives_pkey PRIMARY KEY (id),
    CONSTRAINT initiatives_person_fkey FOREIGN KEY (person_id) REFERENCES people (id),
    CONSTRAINT initiatives_created_by_fkey FOREIGN KEY (created_by) REFERENCES accounts (id),
    CONSTRAINT initiatives_title_text CHECK (btrim(title) <> '' AND length(title) <= 500 AND title IS NFC NORMALIZED),
    CONSTRAINT initiatives_once UNIQUE (person_id, period_kind, period_year, title),
    CONSTRAINT initiatives_period_kind_check CHECK (period_kind IN ('calendar_year', 'school_year')),
    CONSTRAINT initiatives_status_check CHECK (status IN ('registered', 'applied', 'scored', 'recognized', 'not_recognized', 'withdrawn')),
    CONSTRAINT initiatives_description_text CHECK (
        description IS NULL OR (btrim(description) <> '' AND length(description) <= 10000 AND description IS NFC NORMALIZED)),
    CONSTRAINT initiatives_score_check CHECK (score BETWEEN 0 AND 100),
    -- what each step leaves behind, whoever writes the SQL
    CONSTRAINT initiatives_applied CHECK (
        status IN ('registered', 'withdrawn') OR (description IS NOT NULL AND applied_on >= registered_on)),
    CONSTRAINT initiatives_scored CHECK (
        status NOT IN ('scored', 'recognized', 'not_recognized') OR (score IS NOT NULL AND passed IS NOT NULL AND scored_on >= applied_on)),
    CONSTRAINT initiatives_recognized_passed CHECK (status <> 'recognized' OR passed),
    CONSTRAINT initiatives_version_positive CHECK (version > 0)
);
CREATE INDEX initiatives_person_idx ON initiatives (person_id);
CREATE INDEX initiatives_period_idx ON initiatives (period_kind, period_year);
CREATE TRIGGER initiatives_workflow BEFORE UPDATE OF status ON initiatives
    FOR EACH ROW EXECUTE FUNCTION enforce_workflow_transition();
INSERT INTO workflow_transitions (entity, from_status, to_status) VALUES
    ('initiatives', 'registered', 'applied'), ('initiatives', 'applied', 'scored'),
    ('initiatives', 'scored', 'recognized'), ('initiatives', 'scored', 'not_recognized'),
    ('initiatives', 'registered', 'withdrawn'), ('initiatives', 'applied', 'withdrawn');

-- Each recognition of an initiative: the school's (cơ sở, by the head's decision), then any wider scope from the higher
-- level's decision. Scopes rise one at a time and never twice; a decision is never dated before the one below it.
CREATE TABLE initiative_recognitions (
    initiative_id    uuid        NOT NULL,
    scope            text        NOT NULL,
    decision_number  text        NOT NULL,
    decision_date    date        NOT NULL,
    issuer           text        NOT NULL,
    recorded_by      uuid,
    recorded_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT initiative_recognitions_pkey PRIMARY KEY (initiative_id, scope),
    CONSTRAINT initiative_recognitions_initiative_fkey FOREIGN KEY (initiative_id) REFERENCES initiatives (id),
    CONSTRAINT initiative_recognitions_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES accounts (id),
    CONSTRAINT initiative_recognitions_scope_check CHECK (scope IN ('unit', 'district', 'province')),
    CONSTRAINT initiative_recognitions_text CHECK (
        btrim(decision_number) <> '' AND btrim(issuer) <> '' AND length(decision_number) <= 200 AND length(issuer) <= 200
        AND decision_number IS NFC NORMALIZED AND issuer IS NFC NORMALIZED)
);
CREATE TRIGGER initiative_recognitions_immutable BEFORE UPDATE OR DELETE ON initiative_recognitions
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE FUNCTION initiative_recognitions_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    i initiatives;
    below text := CASE NEW.scope WHEN 'district' THEN 'unit' WHEN 'province' THEN 'district' END;
    below_date date;
BEGIN
    SELECT * INTO i FROM initiatives WHERE id = NEW.initiative_id FOR UPDATE;
    IF NEW.decision_date > current_date OR NEW.decision_date < i.scored_on THEN
        RAISE EXCEPTION 'recognition dated % is in the future or before the council scored', NEW.decision_date
            USING ERRCODE = 'check_violation', CONSTRAINT = 'initiative_recognitions_date';
    END IF;
    IF NEW.scope = 'unit' THEN
        -- the school's own recognition turns the scored initiative into a recognised one
        UPDATE initiatives SET status = 'recognized', version = version + 1, updated_at = now() WHERE id = NEW.initiative_id;
        RETURN NEW;
    END IF;
    SELECT decision_date INTO below_date FROM initiative_recognitions WHERE initiative_id = NEW.initiative_id AND scope = below;
    IF below_date IS NULL THEN
        RAISE EXCEPTION 'scope % needs the % recognition first', NEW.scope, below
            USING ERRCODE = 'check_violation', CONSTRAINT = 'initiative_recognitions_order';
    END IF;
    IF NEW.decision_date < below_date THEN
        RAISE EXCEPTION 'recognition dated % is before the one below it', NEW.decision_date
            USING ERRCODE = 'check_violation', CONSTRAINT = 'initiative_recognitions_date';
    END IF;
    UPDATE initiatives SET version = version + 1, updated_at = now() WHERE id = NEW.initiative_id;
    RETURN NEW;
END;
$$;
CREATE TRIGGER initiative_recognitions_check BEFORE INSERT ON initiative_recognitions
    FOR EACH ROW EXECUTE FUNCTION initiative_recognitions_check();

-- CSTĐ tỉnh asks for an initiative whose effect reaches the province (Luật TĐKT 2022, Điều 21; Nghị định 98/2023,
-- Điều 21: "sáng kiến … có phạm vi ảnh hưởng trong tỉnh"), read from the register from the Law's start; the chain of
-- three CSTĐ cơ sở stays.
ALTER TABLE award_rules DROP CONSTRAINT award_rules_eligibility_known;
ALTER TABLE award_rules ADD CONSTRAINT award_rules_eligibility_known CHECK (eligibility <@ ARRAY[
    'rating_good', 'months_worked', 'no_discipline', 'ldtt_same_period', 'excellent_or_initiative',
    'cstd_cs_3_periods', 'cstd_tinh_2_times', 'bk_tinh_route',
    'collective_completed', 'collective_good', 'collective_excellent', 'members_ldtt_majority', 'members_no_warning',
    'members_all_completed', 'members_ldtt_70', 'member_cstd_cs', 'members_no_discipline', 'registered',
    'initiative_province']::text[]);
UPDATE award_rules SET eligibility = eligibility || ARRAY['initiative_province'], updated_at = now()
WHERE award_code = 'CSTD_TINH' AND effective_from >= DATE '2024-01-01' AND NOT ('initiative_province' = ANY (eligibility));
