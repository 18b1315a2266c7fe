-- One achievement is commended once (Luật Thi đua, khen thưởng 2022, Điều 5: "không khen thưởng nhiều lần cho một
-- thành tích"): a title (danh hiệu) is held at most once by a nominee over any stretch of time. Nothing stopped
-- "Lao động tiên tiến" 2024 under two movements, or for "năm học 2023-2024" and again for "năm 2024", which share eight
-- months. Each standing title commendation holds its movement's period here; the exclusion constraint refuses an
-- overlapping one for the same nominee and title, race-free (a concurrent insert waits). Revoking frees the period.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE title_periods (
    commendation_id  uuid      NOT NULL,
    nominee_id       uuid      NOT NULL,
    award_code       text      NOT NULL,
    period           daterange NOT NULL,
    CONSTRAINT title_periods_pkey PRIMARY KEY (commendation_id),
    CONSTRAINT title_periods_commendation_fkey FOREIGN KEY (commendation_id) REFERENCES commendations (id),
    CONSTRAINT title_periods_one_per_period EXCLUDE USING gist (nominee_id WITH =, award_code WITH =, period WITH &&)
);

CREATE FUNCTION title_periods_added() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    INSERT INTO title_periods (commendation_id, nominee_id, award_code, period)
    SELECT c.id, coalesce(c.nominee_person_id, c.nominee_unit_id), c.award_code, daterange(m.starts_on, m.ends_on, '[]')
    FROM added c JOIN awards a ON a.code = c.award_code AND a.kind = 'title' JOIN movements m ON m.id = c.movement_id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER title_periods_added AFTER INSERT ON commendations
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION title_periods_added();

CREATE FUNCTION title_periods_revoked() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    DELETE FROM title_periods WHERE commendation_id IN (SELECT commendation_id FROM added);
    RETURN NULL;
END;
$$;
CREATE TRIGGER title_periods_revoked AFTER INSERT ON commendation_revocations
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION title_periods_revoked();

-- Standing titles already recorded, earliest decision first; a later overlapping one (recorded before this rule) is
-- left out of the table rather than stopping the upgrade, and counted in a notice.
DO $$
DECLARE
    skipped bigint;
BEGIN
    INSERT INTO title_periods (commendation_id, nominee_id, award_code, period)
    SELECT c.id, coalesce(c.nominee_person_id, c.nominee_unit_id), c.award_code, daterange(m.starts_on, m.ends_on, '[]')
    FROM commendations c JOIN awards a ON a.code = c.award_code AND a.kind = 'title'
    JOIN movements m ON m.id = c.movement_id JOIN decisions d ON d.id = c.decision_id
    WHERE NOT EXISTS (SELECT 1 FROM commendation_revocations r WHERE r.commendation_id = c.id)
    ORDER BY d.decision_date, c.created_at
    ON CONFLICT DO NOTHING;
    SELECT count(*) INTO skipped FROM commendations c JOIN awards a ON a.code = c.award_code AND a.kind = 'title'
    WHERE NOT EXISTS (SELECT 1 FROM commendation_revocations r WHERE r.commendation_id = c.id)
      AND NOT EXISTS (SELECT 1 FROM title_periods t WHERE t.commendation_id = c.id);
    IF skipped > 0 THEN
        RAISE NOTICE '% title commendations overlap an earlier one for the same nominee and title; check them', skipped;
    END IF;
END;
$$;

REVOKE INSERT, UPDATE, DELETE ON title_periods FROM thidua_app;
