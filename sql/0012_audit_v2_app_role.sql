-- why: the audit chain must not be rewritable by whoever holds the application's credentials (security review F6).
-- (1) New rows are hashed by the application in Swift over length-prefixed fields (scheme 2); the database only checks
--     that each row links to the one before. Rows written before keep their scheme-1 hash; nothing is rewritten.
-- (2) The application connects as thidua_app, a role that owns nothing: it may read and write the registry, but only
--     read and append the audit log and the immutable records, and it cannot alter a table or disable a trigger.
--     Migrations run as the owner. The role is created here without a password; the deployment gives it one.

ALTER TABLE audit_log ADD COLUMN scheme smallint NOT NULL DEFAULT 1;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_scheme_check CHECK (scheme IN (1, 2));

CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last_seq  bigint;
    last_hash text;
BEGIN
    -- One writer at a time extends the chain; the lock is held until the transaction ends.
    PERFORM pg_advisory_xact_lock(7461616400000001);
    SELECT a.seq, a.hash INTO last_seq, last_hash FROM audit_log a ORDER BY a.seq DESC LIMIT 1;
    IF NEW.scheme = 2 THEN
        -- Hashed by the application: it must extend the chain exactly.
        IF NEW.seq IS DISTINCT FROM coalesce(last_seq, 0) + 1
           OR NEW.prev_hash IS DISTINCT FROM coalesce(last_hash, repeat('0', 64))
           OR NEW.hash !~ '^[0-9a-f]{64}$' THEN
            RAISE EXCEPTION 'an audit row must follow the last one (seq %, hash %)', coalesce(last_seq, 0), last_hash
                USING ERRCODE = 'check_violation', CONSTRAINT = 'audit_log_chain_link';
        END IF;
        RETURN NEW;
    END IF;
    NEW.seq := coalesce(last_seq, 0) + 1;
    NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
    NEW.at := now();
    NEW.hash := audit_row_hash(NEW.prev_hash, NEW.seq, NEW.at, NEW.actor_account_id, NEW.actor,
                               NEW.action, NEW.entity, NEW.entity_id, NEW.before, NEW.after);
    RETURN NEW;
END;
$$;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'thidua_app') THEN
        CREATE ROLE thidua_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
    END IF;
END;
$$;

GRANT USAGE ON SCHEMA public TO thidua_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO thidua_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO thidua_app;
-- Append-only and immutable records: read and append, nothing else.
REVOKE UPDATE, DELETE ON audit_log, decisions, commendations, commendation_revocations, evidence_files, base_salaries,
    submissions, eligibility_overrides FROM thidua_app;
-- The migrations' own record is the owner's.
REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM thidua_app;
-- Tables later migrations create get the same grants by default (they run as the owner).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO thidua_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO thidua_app;
