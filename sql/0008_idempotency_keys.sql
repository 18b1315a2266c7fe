-- why: a retried POST with the same Idempotency-Key answers the first result and creates nothing new.

CREATE TABLE idempotency_keys (
    account_id    uuid        NOT NULL,
    key           text        NOT NULL,
    request_hash  text        NOT NULL,
    status        integer,
    content_type  text,
    location      text,
    body          bytea,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT idempotency_keys_pkey PRIMARY KEY (account_id, key),
    CONSTRAINT idempotency_keys_account_fkey FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT idempotency_keys_key_length CHECK (length(key) BETWEEN 1 AND 200),
    -- status is NULL while the first request is still running
    CONSTRAINT idempotency_keys_complete CHECK ((status IS NULL) = (body IS NULL))
);
