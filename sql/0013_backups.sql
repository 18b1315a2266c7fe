-- why: every backup records the audit head it contains (security review F6, issue "backups a school can restore"), so a
-- restore can prove the log it brings back is the one that was saved, and an operator can check later that nothing up
-- to that point was removed or rewritten.
CREATE TABLE backups (
    id          bigint      GENERATED ALWAYS AS IDENTITY,
    taken_at    timestamptz NOT NULL DEFAULT now(),
    audit_seq   bigint      NOT NULL,
    audit_hash  text        NOT NULL,
    file        text        NOT NULL,
    CONSTRAINT backups_pkey PRIMARY KEY (id),
    CONSTRAINT backups_audit_hash_format CHECK (audit_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT backups_file_text CHECK (file IS NFC NORMALIZED)
);
-- The application never writes this table; only the owner's backup command does.
REVOKE INSERT, UPDATE, DELETE ON backups FROM thidua_app;
