-- why: the district's council reviews a nomination forwarded to it with the same tools (issue 15). A nomination
-- forwarded to a unit in thidua (sql/0038) on which anyone holds the council role is reviewed there too — a second round,
-- by that unit's council members, before its head answers. The movement's own council round stays as it was.

-- Which council a review belongs to: NULL for the movement's own council (every review before this file), else the
-- unit whose council reviewed the nomination after it was forwarded there.
ALTER TABLE reviews ADD COLUMN council_unit_id uuid;
ALTER TABLE reviews ADD CONSTRAINT reviews_council_unit_fkey FOREIGN KEY (council_unit_id) REFERENCES units (id);
DROP INDEX reviews_one_current_per_member;
CREATE UNIQUE INDEX reviews_one_current_per_member ON reviews (nomination_id, reviewer_id, council_unit_id) NULLS NOT DISTINCT
    WHERE superseded_at IS NULL AND nomination_id IS NOT NULL;

-- The council reviewing a forwarded nomination now: the unit it arrived at, when anyone holds the council role there and
-- the answer is not recorded yet; NULL otherwise (the head answers alone, as before).
CREATE FUNCTION reviewing_council(nomination uuid) RETURNS uuid LANGUAGE sql STABLE AS $$
    SELECT r.unit FROM nominations n, LATERAL (SELECT receiving_unit(n.id) AS unit) r
    WHERE n.id = $1 AND n.status = 'forwarded' AND r.unit IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM submission_answers sa WHERE sa.nomination_id = n.id)
      AND EXISTS (SELECT 1 FROM role_grants g WHERE g.unit_id = r.unit AND g.role = 'council' AND g.revoked_at IS NULL)
$$;

-- The members of a unit's council: active accounts holding the council role on that unit itself.
CREATE FUNCTION council_members_of(unit uuid) RETURNS SETOF uuid LANGUAGE sql STABLE AS $$
    SELECT DISTINCT g.account_id FROM role_grants g JOIN accounts a ON a.id = g.account_id
    WHERE g.role = 'council' AND g.revoked_at IS NULL AND a.disabled_at IS NULL AND g.unit_id = $1
$$;

-- sql/0007's check, with the second round: a review of the movement's council needs the nomination submitted or in
-- review; a review of a receiving unit's council needs it forwarded there, unanswered, by a council member of that unit.
CREATE OR REPLACE FUNCTION reviews_refuse_conflict_of_interest() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    subject_status text;
    subject_person uuid;
    subject_unit uuid;
    reviewer_person uuid;
    reviewer_unit uuid;
BEGIN
    IF NEW.nomination_id IS NOT NULL THEN
        SELECT status, nominee_person_id, nominee_unit_id INTO subject_status, subject_person, subject_unit
        FROM nominations WHERE id = NEW.nomination_id;
        IF (NEW.council_unit_id IS NULL AND subject_status NOT IN ('submitted', 'in_review'))
            OR (NEW.council_unit_id IS NOT NULL AND NEW.council_unit_id IS DISTINCT FROM reviewing_council(NEW.nomination_id))
        THEN
            RAISE EXCEPTION 'nomination is not open for review' USING ERRCODE = 'check_violation', CONSTRAINT = 'reviews_open_nomination';
        END IF;
        IF NEW.council_unit_id IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM role_grants g
            WHERE g.account_id = NEW.reviewer_id AND g.unit_id = NEW.council_unit_id AND g.role = 'council' AND g.revoked_at IS NULL)
        THEN
            RAISE EXCEPTION 'only a council member of unit % reviews there', NEW.council_unit_id
                USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'reviews_by_receiving_council';
        END IF;
        IF EXISTS (SELECT 1 FROM recusals WHERE nomination_id = NEW.nomination_id AND account_id = NEW.reviewer_id) THEN
            RAISE EXCEPTION 'reviewer was recused' USING ERRCODE = 'check_violation', CONSTRAINT = 'reviews_conflict_of_interest';
        END IF;
    ELSE
        IF NEW.council_unit_id IS NOT NULL THEN
            RAISE EXCEPTION 'a model is reviewed by its movement''s council' USING ERRCODE = 'check_violation',
                CONSTRAINT = 'reviews_open_nomination';
        END IF;
        SELECT status, owner_person_id, owner_unit_id INTO subject_status, subject_person, subject_unit
        FROM model_initiatives WHERE id = NEW.model_id;
        IF subject_status <> 'submitted' THEN
            RAISE EXCEPTION 'model is not submitted for recognition' USING ERRCODE = 'check_violation', CONSTRAINT = 'reviews_open_nomination';
        END IF;
    END IF;
    SELECT a.person_id, p.unit_id INTO reviewer_person, reviewer_unit
    FROM accounts a LEFT JOIN people p ON p.id = a.person_id WHERE a.id = NEW.reviewer_id;
    IF reviewer_person IS NOT NULL AND (
        subject_person = reviewer_person
        OR (subject_unit IS NOT NULL AND EXISTS (
            WITH RECURSIVE ancestry(id, parent_id) AS (
                SELECT id, parent_id FROM units WHERE id = reviewer_unit
                UNION
                SELECT u.id, u.parent_id FROM units u JOIN ancestry a ON u.id = a.parent_id)
            SELECT 1 FROM ancestry WHERE id = subject_unit)))
    THEN
        RAISE EXCEPTION 'a member never reviews their own work or their own collective''s'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'reviews_conflict_of_interest';
    END IF;
    RETURN NEW;
END;
$$;
