-- why: forwarding inside thidua (issue 15). A school forwards a nomination above its authority with a tờ trình
-- (submissions, sql/0009, sql/0032). When the level it is sent to is a unit in thidua — the nearest unit above the
-- movement's whose authority is that level (Huyện Tân Hồng for the district chairman's awards) — the nomination arrives
-- in that unit's queue and its head answers it there: the answer, and the commendation it issues under the higher
-- level's decision, are recorded by an account holding the headmaster role on that unit or above, not by the school
-- (which records the answer of a level outside thidua, as before).

-- The unit in thidua a forwarded nomination is sent to, or NULL when its level is outside thidua: a unit of that level
-- that only names the tree (no one holds headmaster on it, as the demo's province) does not receive.
CREATE FUNCTION receiving_unit(nomination uuid) RETURNS uuid LANGUAGE sql STABLE AS $$
    SELECT p.unit
    FROM nominations n
    JOIN movements m ON m.id = n.movement_id
    JOIN submissions s ON s.nomination_id = n.id,
    unnest(unit_path(m.unit_id)) WITH ORDINALITY AS p (unit, depth)
    WHERE n.id = $1 AND p.depth > 1 AND unit_authority(p.unit) = s.authority_level
      AND EXISTS (SELECT 1 FROM role_grants g WHERE g.unit_id = p.unit AND g.role = 'headmaster' AND g.revoked_at IS NULL)
    ORDER BY p.depth
    LIMIT 1
$$;

CREATE FUNCTION submission_answers_by_receiver() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    receiver uuid := receiving_unit(NEW.nomination_id);
BEGIN
    IF receiver IS NOT NULL AND NOT account_covers(NEW.recorded_by, receiver, ARRAY['headmaster']) THEN
        RAISE EXCEPTION 'nomination % was forwarded to unit % in thidua: its head answers it', NEW.nomination_id, receiver
            USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'submission_answers_by_receiver';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER submission_answers_by_receiver BEFORE INSERT ON submission_answers
    FOR EACH ROW EXECUTE FUNCTION submission_answers_by_receiver();
