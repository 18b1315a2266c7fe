-- why: every change is recorded (who, when, what, before/after) in an append-only, hash-chained log.

CREATE TABLE audit_log (
    seq                bigint      NOT NULL,
    at                 timestamptz NOT NULL,
    actor_account_id   uuid,
    actor              text        NOT NULL,
    action             text        NOT NULL,
    entity             text        NOT NULL,
    entity_id          text        NOT NULL,
    before             jsonb,
    after              jsonb,
    prev_hash          text        NOT NULL,
    hash               text        NOT NULL,
    CONSTRAINT audit_log_pkey PRIMARY KEY (seq),
    CONSTRAINT audit_log_actor_fkey FOREIGN KEY (actor_account_id) REFERENCES accounts (id)
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, seq);

-- The hash of a row covers its content and the previous row's hash, so editing any row breaks the chain.
CREATE FUNCTION audit_row_hash(
    prev_hash text, seq bigint, at timestamptz, actor_account_id uuid, actor text,
    action text, entity text, entity_id text, before jsonb, after jsonb
) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(concat_ws(E'\x1f',
        prev_hash, seq::text,
        to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
        coalesce(actor_account_id::text, ''), actor, action, entity, entity_id,
        coalesce(before::text, ''), coalesce(after::text, '')
    ), 'UTF8')), 'hex')
$$;

CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last_seq  bigint;
    last_hash text;
BEGIN
    -- One writer at a time extends the chain; the lock is held until the transaction ends.
    PERFORM pg_advisory_xact_lock(7461616400000001);
    SELECT a.seq, a.hash INTO last_seq, last_hash FROM audit_log a ORDER BY a.seq DESC LIMIT 1;
    NEW.seq := coalesce(last_seq, 0) + 1;
    NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
    NEW.at := now();
    NEW.hash := audit_row_hash(NEW.prev_hash, NEW.seq, NEW.at, NEW.actor_account_id, NEW.actor,
                               NEW.action, NEW.entity, NEW.entity_id, NEW.before, NEW.after);
    RETURN NEW;
END;
$$;
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_chain();

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % is refused', TG_OP
        USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'audit_log_append_only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
