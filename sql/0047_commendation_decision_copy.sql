-- why: reading a commendation (`GET /v1/commendations/{id}`, the list's pages, issue "Performance") joined its decision
-- only for the decision's number, signer and issuer. For one commendation PostgreSQL hashed the whole decisions table at
-- every call (pgbench of that read: 45,000–51,000 a second with the join, 68,000–71,000 without), and a page of 50 spent a
-- third of its database time in the join (11,300–13,500 pages a second with it, 16,200–18,000 without). A commendation
-- now carries them as it carries the decision's date since sql/0046. Both rows are immutable (sql/0007:
-- commendations_immutable, decisions_immutable), so the copy cannot go stale; the trigger below fills the copy at every
-- insert whatever the insert says, and replaces sql/0046's trigger, which copied the date alone.
ALTER TABLE commendations
    ADD COLUMN decision_number text,
    ADD COLUMN decision_signer_name text,
    ADD COLUMN decision_issuer text;

ALTER TABLE commendations DISABLE TRIGGER commendations_immutable;
UPDATE commendations c
SET decision_number = d.number, decision_signer_name = d.signer_name, decision_issuer = d.issuer
FROM decisions d WHERE d.id = c.decision_id;
ALTER TABLE commendations ENABLE TRIGGER commendations_immutable;

ALTER TABLE commendations
    ALTER COLUMN decision_number SET NOT NULL,
    ALTER COLUMN decision_signer_name SET NOT NULL;

CREATE FUNCTION commendations_decision_copy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT d.decision_date, d.number, d.signer_name, d.issuer
    INTO NEW.decision_date, NEW.decision_number, NEW.decision_signer_name, NEW.decision_issuer
    FROM decisions d WHERE d.id = NEW.decision_id;
    RETURN NEW;
END
$$;
CREATE TRIGGER commendations_decision_copy BEFORE INSERT ON commendations
    FOR EACH ROW EXECUTE FUNCTION commendations_decision_copy();
DROP TRIGGER commendations_decision_date ON commendations;
DROP FUNCTION commendations_decision_date();
