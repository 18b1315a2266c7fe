-- why: the school year starts with đăng ký thi đua (issue 14, item 1; documents-and-law review §4.1). Each person files
-- the title sought (LĐTT, CSTĐ cơ sở), the award sought and the planned sáng kiến's title; each tổ registers its
-- collective title. The school sends the list to Phòng GD&ĐT, and at year end compares registered with achieved. A
-- registration belongs to the movement for the year's titles (the unit's kind of period, sql/0025), one per nominee.
CREATE TABLE registrations (
    id                 uuid        NOT NULL DEFAULT gen_random_uuid(),
    movement_id        uuid        NOT NULL,
    nominee_person_id  uuid,
    nominee_unit_id    uuid,
    title_code         text        NOT NULL,
    award_code         text,
    initiative_title   text,
    registered_on      date        NOT NULL DEFAULT current_date,
    created_by         uuid,  -- NULL when filed from the command line (the audit log names the operator)
    created_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT registrations_pkey PRIMARY KEY (id),
    CONSTRAINT registrations_movement_fkey FOREIGN KEY (movement_id) REFERENCES movements (id),
    CONSTRAINT registrations_person_fkey FOREIGN KEY (nominee_person_id) REFERENCES people (id),
    CONSTRAINT registrations_unit_fkey FOREIGN KEY (nominee_unit_id) REFERENCES units (id),
    CONSTRAINT registrations_title_fkey FOREIGN KEY (title_code) REFERENCES awards (code),
    CONSTRAINT registrations_award_fkey FOREIGN KEY (award_code) REFERENCES awards (code),
    CONSTRAINT registrations_created_by_fkey FOREIGN KEY (created_by) REFERENCES accounts (id),
    CONSTRAINT registrations_one_nominee CHECK ((nominee_person_id IS NULL) <> (nominee_unit_id IS NULL)),
    CONSTRAINT registrations_initiative_text CHECK (
        initiative_title IS NULL OR (btrim(initiative_title) <> '' AND length(initiative_title) <= 500
                                     AND initiative_title IS NFC NORMALIZED)),
    CONSTRAINT registrations_person_once UNIQUE (movement_id, nominee_person_id),
    CONSTRAINT registrations_unit_once UNIQUE (movement_id, nominee_unit_id)
);
CREATE INDEX registrations_person_idx ON registrations (nominee_person_id);
CREATE INDEX registrations_unit_idx ON registrations (nominee_unit_id);

-- What may be registered, and when: a title for the nominee's kind (an individual title for a person, a collective one
-- for a tổ), an award that is a form (Giấy khen, Bằng khen) for the same kind, in an open movement run by the unit's kind
-- of period, dated inside the movement's period, not after its registration deadline and not in the future.
CREATE FUNCTION registrations_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    m movements;
    wanted text;
    title awards;
    award awards;
    recipient text := CASE WHEN NEW.nominee_person_id IS NULL THEN 'collective' ELSE 'individual' END;
BEGIN
    SELECT * INTO m FROM movements WHERE id = NEW.movement_id FOR SHARE;
    IF m.status <> 'open' THEN
        RAISE EXCEPTION 'movement % is not open for registration', NEW.movement_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'registrations_movement_open';
    END IF;
    wanted := unit_title_period_kind(m.unit_id);
    IF m.period_kind IS DISTINCT FROM wanted THEN
        RAISE EXCEPTION 'titles of this unit are reviewed by %, the movement runs by %', wanted, m.period_kind
            USING ERRCODE = 'check_violation', CONSTRAINT = 'registrations_title_period_kind';
    END IF;
    IF NEW.registered_on < m.starts_on OR NEW.registered_on > m.ends_on OR NEW.registered_on > current_date
       OR (m.registration_deadline IS NOT NULL AND NEW.registered_on > m.registration_deadline) THEN
        RAISE EXCEPTION 'registration date % outside the movement''s registration time', NEW.registered_on
            USING ERRCODE = 'check_violation', CONSTRAINT = 'registrations_date';
    END IF;
    SELECT * INTO title FROM awards WHERE code = NEW.title_code;
    IF title.kind <> 'title' OR title.recipient <> recipient THEN
        RAISE EXCEPTION 'award % is not a title for this nominee', NEW.title_code
            USING ERRCODE = 'check_violation', CONSTRAINT = 'registrations_title_kind';
    END IF;
    IF NEW.award_code IS NOT NULL THEN
        SELECT * INTO award FROM awards WHERE code = NEW.award_code;
        IF award.kind <> 'form' OR award.recipient NOT IN ('both', recipient) THEN
            RAISE EXCEPTION 'award % is not a form of commendation for this nominee', NEW.award_code
                USING ERRCODE = 'check_violation', CONSTRAINT = 'registrations_award_kind';
        END IF;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER registrations_check BEFORE INSERT OR UPDATE ON registrations
    FOR EACH ROW EXECUTE FUNCTION registrations_check();

-- The catalogue may make registration a condition of a title ("registered"): off everywhere until a unit's rules say so
-- (the 2022 Law keeps registration among the bases for titles as we read it — to verify; the pre-2024 decree said it).
ALTER TABLE award_rules DROP CONSTRAINT award_rules_eligibility_known;
ALTER TABLE award_rules ADD CONSTRAINT award_rules_eligibility_known CHECK (eligibility <@ ARRAY[
    'rating_good', 'months_worked', 'no_discipline', 'ldtt_same_period', 'excellent_or_initiative',
    'cstd_cs_3_periods', 'cstd_tinh_2_times', 'bk_tinh_route',
    'collective_completed', 'collective_good', 'collective_excellent', 'members_ldtt_majority', 'members_no_warning',
    'members_all_completed', 'members_ldtt_70', 'member_cstd_cs', 'members_no_discipline', 'registered']::text[]);
