-- why: forwarding again (issue 15: "the district's head decides, or forwards again to the province"). A nomination
-- forwarded with the school's tờ trình (submissions) now goes up one unit in thidua at a time: it arrives at the
-- nearest unit above the school with a head, not above the award's level — for a province's Bằng khen, the district
-- first. There its council reviews it (sql/0041) and its head either records the answer of the level above when that
-- level is outside thidua, or sends it on with a tờ trình of its own (onward_submissions); it then arrives at the next
-- unit up the same way, whose head answers it (or sends it on again). A level outside thidua altogether keeps the
-- school recording the answer, as before.

-- One row per hop after the school's: the unit that sent the nomination on, with its own tờ trình's number and date.
CREATE TABLE onward_submissions (
    nomination_id  uuid        NOT NULL,
    from_unit_id   uuid        NOT NULL,
    number         text        NOT NULL,
    submitted_on   date        NOT NULL,
    submitted_by   uuid        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT onward_submissions_pkey PRIMARY KEY (nomination_id, from_unit_id),
    CONSTRAINT onward_submissions_submission_fkey FOREIGN KEY (nomination_id) REFERENCES submissions (nomination_id),
    CONSTRAINT onward_submissions_unit_fkey FOREIGN KEY (from_unit_id) REFERENCES units (id),
    CONSTRAINT onward_submissions_submitted_by_fkey FOREIGN KEY (submitted_by) REFERENCES accounts (id),
    CONSTRAINT onward_submissions_number_text CHECK (number <> '' AND length(number) <= 100 AND number IS NFC NORMALIZED)
);
CREATE TRIGGER onward_submissions_immutable BEFORE UPDATE OR DELETE ON onward_submissions
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The nearest unit above `unit` on which someone holds headmaster and whose authority is not above `level`: where a
-- nomination sent up from `unit` for an award of that level arrives in thidua. NULL: nowhere (outside thidua).
CREATE FUNCTION receiver_above(unit uuid, level text) RETURNS uuid LANGUAGE sql STABLE AS $$
    SELECT p.unit
    FROM unnest(unit_path($1)) WITH ORDINALITY AS p (unit, depth)
    JOIN authority_levels ul ON ul.code = unit_authority(p.unit)
    JOIN authority_levels al ON al.code = $2
    WHERE p.depth > 1 AND ul.rank <= al.rank
      AND EXISTS (SELECT 1 FROM role_grants g WHERE g.unit_id = p.unit AND g.role = 'headmaster' AND g.revoked_at IS NULL)
    ORDER BY p.depth
    LIMIT 1
$$;

-- sql/0038's receiving unit, hop by hop: the unit above the latest sender (the movement's unit, or the last unit that
-- sent it on) where the nomination is now.
CREATE OR REPLACE FUNCTION receiving_unit(nomination uuid) RETURNS uuid LANGUAGE sql STABLE AS $$
    SELECT receiver_above(
        coalesce(
            (SELECT o.from_unit_id FROM onward_submissions o WHERE o.nomination_id = n.id ORDER BY o.created_at DESC LIMIT 1),
            m.unit_id),
        s.authority_level)
    FROM nominations n
    JOIN movements m ON m.id = n.movement_id
    JOIN submissions s ON s.nomination_id = n.id
    WHERE n.id = $1
$$;

-- Where the nomination would go if the unit it is at sent it on: NULL when nothing above it up to the award's level is
-- in thidua (its head then records the answer of the level above).
CREATE FUNCTION onward_unit(nomination uuid) RETURNS uuid LANGUAGE sql STABLE AS $$
    SELECT receiver_above(r.unit, s.authority_level)
    FROM submissions s, LATERAL (SELECT receiving_unit(s.nomination_id) AS unit) r
    WHERE s.nomination_id = $1 AND r.unit IS NOT NULL
$$;

-- sql/0038's check, with the hop: the answer is recorded by the head of the unit the nomination is at, and only when
-- no unit above it up to the award's level is in thidua — else that unit's head answers, once it is sent on there.
CREATE OR REPLACE FUNCTION submission_answers_by_receiver() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    receiver uuid := receiving_unit(NEW.nomination_id);
BEGIN
    IF receiver IS NOT NULL AND NOT account_covers(NEW.recorded_by, receiver, ARRAY['headmaster']) THEN
        RAISE EXCEPTION 'nomination % was forwarded to unit % in thidua: its head answers it', NEW.nomination_id, receiver
            USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'submission_answers_by_receiver';
    END IF;
    IF receiver IS NOT NULL AND onward_unit(NEW.nomination_id) IS NOT NULL THEN
        RAISE EXCEPTION 'nomination % goes on to unit %: its head answers it there', NEW.nomination_id, onward_unit(NEW.nomination_id)
            USING ERRCODE = 'check_violation', CONSTRAINT = 'submission_answers_sent_on_first';
    END IF;
    RETURN NEW;
END;
$$;

-- A hop is sent by the head of the unit the nomination is at, while it waits there unanswered, to a unit in thidua above,
-- and not before the tờ trình it came with.
CREATE FUNCTION onward_submissions_by_receiver() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    receiver uuid := receiving_unit(NEW.nomination_id);
    last_date date;
BEGIN
    IF receiver IS NULL OR receiver <> NEW.from_unit_id
        OR (SELECT status FROM nominations WHERE id = NEW.nomination_id) <> 'forwarded'
        OR EXISTS (SELECT 1 FROM submission_answers WHERE nomination_id = NEW.nomination_id)
    THEN
        RAISE EXCEPTION 'nomination % is not waiting at unit %', NEW.nomination_id, NEW.from_unit_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'onward_submissions_open';
    END IF;
    IF NOT account_covers(NEW.submitted_by, receiver, ARRAY['headmaster']) THEN
        RAISE EXCEPTION 'only the head of unit % sends nomination % on', receiver, NEW.nomination_id
            USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'onward_submissions_by_receiver';
    END IF;
    IF onward_unit(NEW.nomination_id) IS NULL THEN
        RAISE EXCEPTION 'no unit above % up to the award''s level is in thidua', receiver
            USING ERRCODE = 'check_violation', CONSTRAINT = 'onward_submissions_to_thidua';
    END IF;
    SELECT greatest(s.submitted_on, max(o.submitted_on)) INTO last_date
    FROM submissions s LEFT JOIN onward_submissions o ON o.nomination_id = s.nomination_id
    WHERE s.nomination_id = NEW.nomination_id GROUP BY s.submitted_on;
    IF NEW.submitted_on < last_date THEN
        RAISE EXCEPTION 'a tờ trình sent on cannot be dated before %', last_date
            USING ERRCODE = 'check_violation', CONSTRAINT = 'onward_submissions_date';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER onward_submissions_by_receiver BEFORE INSERT ON onward_submissions
    FOR EACH ROW EXECUTE FUNCTION onward_submissions_by_receiver();
