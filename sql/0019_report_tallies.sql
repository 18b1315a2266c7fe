-- How many commendations, and how much reward money, each decision gives per award and per nominee's unit (revoked
-- ones taken out), kept by triggers. The year summary and the honor list's first page read these few hundred rows
-- instead of every commendation of the year: on a school with 100,000 commendations the summary's count took 155 ms.
-- A person's commendations count under their current unit, as the honor list prints it.
CREATE TABLE commendation_tallies (
    decision_id  uuid    NOT NULL,
    award_code   text    NOT NULL,
    unit_id      uuid    NOT NULL,
    collective   boolean NOT NULL,
    count        bigint  NOT NULL,
    amount       bigint  NOT NULL,
    CONSTRAINT commendation_tallies_pkey PRIMARY KEY (decision_id, award_code, unit_id, collective),
    CONSTRAINT commendation_tallies_decision_fkey FOREIGN KEY (decision_id) REFERENCES decisions (id),
    CONSTRAINT commendation_tallies_award_fkey FOREIGN KEY (award_code) REFERENCES awards (code),
    CONSTRAINT commendation_tallies_unit_fkey FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT commendation_tallies_not_negative CHECK (count >= 0 AND amount >= 0)
);

-- Adds the given commendations, each under its nominee's current unit.
CREATE FUNCTION commendation_tallies_add(ids uuid[]) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    INSERT INTO commendation_tallies AS t (decision_id, award_code, unit_id, collective, count, amount)
    SELECT c.decision_id, c.award_code, coalesce(c.nominee_unit_id, p.unit_id), c.nominee_person_id IS NULL,
           count(*), coalesce(sum(c.reward_amount), 0)
    FROM commendations c LEFT JOIN people p ON p.id = c.nominee_person_id
    WHERE c.id = ANY (ids)
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (decision_id, award_code, unit_id, collective)
        DO UPDATE SET count = t.count + excluded.count, amount = t.amount + excluded.amount;
$$;

-- Takes them out again; a person's count under `person_unit` when given (the unit they left), else their current one.
CREATE FUNCTION commendation_tallies_subtract(ids uuid[], person_unit uuid) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    UPDATE commendation_tallies t SET count = t.count - g.count, amount = t.amount - g.amount
    FROM (SELECT c.decision_id, c.award_code, coalesce(c.nominee_unit_id, person_unit, p.unit_id) AS unit_id,
                 c.nominee_person_id IS NULL AS collective, count(*) AS count, coalesce(sum(c.reward_amount), 0) AS amount
          FROM commendations c LEFT JOIN people p ON p.id = c.nominee_person_id
          WHERE c.id = ANY (ids)
          GROUP BY 1, 2, 3, 4) g
    WHERE t.decision_id = g.decision_id AND t.award_code = g.award_code AND t.unit_id = g.unit_id
      AND t.collective = g.collective;
$$;

CREATE FUNCTION commendation_tallies_added() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM commendation_tallies_add(ARRAY(SELECT id FROM added));
    RETURN NULL;
END;
$$;
CREATE TRIGGER commendation_tallies_added AFTER INSERT ON commendations
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION commendation_tallies_added();

CREATE FUNCTION commendation_tallies_revoked() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM commendation_tallies_subtract(ARRAY(SELECT commendation_id FROM added), NULL);
    RETURN NULL;
END;
$$;
CREATE TRIGGER commendation_tallies_revoked AFTER INSERT ON commendation_revocations
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION commendation_tallies_revoked();

-- A person moved to another unit takes their standing commendations with them.
CREATE FUNCTION commendation_tallies_moved() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    standing uuid[] := ARRAY(
        SELECT c.id FROM commendations c WHERE c.nominee_person_id = NEW.id
          AND NOT EXISTS (SELECT 1 FROM commendation_revocations r WHERE r.commendation_id = c.id));
BEGIN
    PERFORM commendation_tallies_subtract(standing, OLD.unit_id);
    PERFORM commendation_tallies_add(standing);
    RETURN NULL;
END;
$$;
CREATE TRIGGER commendation_tallies_moved AFTER UPDATE OF unit_id ON people
    FOR EACH ROW WHEN (OLD.unit_id IS DISTINCT FROM NEW.unit_id) EXECUTE FUNCTION commendation_tallies_moved();

-- A person's commendations are found by person (the move above, the honor list's first page).
CREATE INDEX commendations_person_award_idx ON commendations (nominee_person_id, award_code);

INSERT INTO commendation_tallies (decision_id, award_code, unit_id, collective, count, amount)
SELECT c.decision_id, c.award_code, coalesce(c.nominee_unit_id, p.unit_id), c.nominee_person_id IS NULL,
       count(*), coalesce(sum(c.reward_amount), 0)
FROM commendations c LEFT JOIN people p ON p.id = c.nominee_person_id
WHERE NOT EXISTS (SELECT 1 FROM commendation_revocations r WHERE r.commendation_id = c.id)
GROUP BY 1, 2, 3, 4;

-- The tallies follow from the records; the app reads them and changes them only through the triggers.
REVOKE INSERT, UPDATE, DELETE ON commendation_tallies FROM thidua_app;
REVOKE ALL ON FUNCTION commendation_tallies_add(uuid[]), commendation_tallies_subtract(uuid[], uuid) FROM PUBLIC;

-- How many nominations each movement has in each status, kept the same way: the year summary lists them per movement,
-- and counting a movement with 100,000 nominations took 43 ms.
CREATE TABLE nomination_tallies (
    movement_id  uuid   NOT NULL,
    status       text   NOT NULL,
    count        bigint NOT NULL,
    CONSTRAINT nomination_tallies_pkey PRIMARY KEY (movement_id, status),
    CONSTRAINT nomination_tallies_movement_fkey FOREIGN KEY (movement_id) REFERENCES movements (id),
    CONSTRAINT nomination_tallies_not_negative CHECK (count >= 0)
);

CREATE FUNCTION nomination_tallies_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE nomination_tallies t SET count = t.count - g.count
        FROM (SELECT movement_id, status, count(*) AS count FROM removed GROUP BY 1, 2) g
        WHERE t.movement_id = g.movement_id AND t.status = g.status;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO nomination_tallies AS t (movement_id, status, count)
        SELECT movement_id, status, count(*) FROM added GROUP BY 1, 2
        ON CONFLICT (movement_id, status) DO UPDATE SET count = t.count + excluded.count;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER nomination_tallies_inserted AFTER INSERT ON nominations
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION nomination_tallies_changed();
CREATE TRIGGER nomination_tallies_updated AFTER UPDATE ON nominations
    REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION nomination_tallies_changed();
CREATE TRIGGER nomination_tallies_deleted AFTER DELETE ON nominations
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION nomination_tallies_changed();

INSERT INTO nomination_tallies (movement_id, status, count)
SELECT movement_id, status, count(*) FROM nominations GROUP BY 1, 2;

REVOKE INSERT, UPDATE, DELETE ON nomination_tallies FROM thidua_app;
