-- why: the commendation list's usual page (`GET /v1/commendations?year=2024`, issue "Performance") filtered by its
-- decision's date through the join, so PostgreSQL could not settle on one plan for the prepared statement (a date range
-- of unknown bounds on `decisions` is estimated at one row) and planned it anew at every call: half of PostgreSQL's time
-- per page. A commendation now carries its decision's date and the calendar year and school year it falls in, each year
-- with an index in the list's order, so the page is `decision_year = $1` on one index, planned once.
-- Both rows are immutable (sql/0007: commendations_immutable, decisions_immutable), so the copy cannot go stale; the
-- trigger below fills it at every insert whatever the insert says.
ALTER TABLE commendations ADD COLUMN decision_date date;

ALTER TABLE commendations DISABLE TRIGGER commendations_immutable;
UPDATE commendations c SET decision_date = d.decision_date FROM decisions d WHERE d.id = c.decision_id;
ALTER TABLE commendations ENABLE TRIGGER commendations_immutable;

-- A school year runs from 1 September to 31 August and is named by the year it starts in (ThiduaCore's Period).
ALTER TABLE commendations
    ALTER COLUMN decision_date SET NOT NULL,
    ADD COLUMN decision_year int GENERATED ALWAYS AS (extract(year FROM decision_date)::int) STORED,
    ADD COLUMN decision_school_year int
        GENERATED ALWAYS AS (extract(year FROM decision_date)::int - (extract(month FROM decision_date) < 9)::int) STORED;

CREATE FUNCTION commendations_decision_date() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT d.decision_date INTO NEW.decision_date FROM decisions d WHERE d.id = NEW.decision_id;
    RETURN NEW;
END
$$;
CREATE TRIGGER commendations_decision_date BEFORE INSERT ON commendations
    FOR EACH ROW EXECUTE FUNCTION commendations_decision_date();

CREATE INDEX commendations_year_list_idx ON commendations (decision_year, created_at, id);
CREATE INDEX commendations_school_year_list_idx ON commendations (decision_school_year, created_at, id);
