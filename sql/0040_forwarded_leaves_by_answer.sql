-- why: a nomination forwarded to a unit in thidua (sql/0038) is answered there, by that unit's head, and the answer
-- (submission_answers, checked by submission_answers_by_receiver) is what moves it on. Without this, the school's own
-- head could still decline it through the nomination's status route, which the pages hide but the API allowed.
-- Checked at commit: the answer is written after the status moves, in the same transaction.
CREATE FUNCTION forwarded_leaves_by_answer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF receiving_unit(NEW.id) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM submission_answers WHERE nomination_id = NEW.id) THEN
        RAISE EXCEPTION 'nomination % was forwarded to a unit in thidua: only its answer there moves it', NEW.id
            USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'forwarded_leaves_by_answer';
    END IF;
    RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER forwarded_leaves_by_answer AFTER UPDATE OF status ON nominations
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.status = 'forwarded' AND NEW.status <> 'forwarded')
    EXECUTE FUNCTION forwarded_leaves_by_answer();
