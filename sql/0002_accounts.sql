-- why: who may use thidua: accounts with roles, and API tokens of which only a SHA-256 hash is kept.

CREATE TABLE accounts (
    id            uuid        NOT NULL DEFAULT gen_random_uuid(),
    display_name  text        NOT NULL,
    roles         text[]      NOT NULL,
    person_id     uuid,
    created_at    timestamptz NOT NULL DEFAULT now(),
    disabled_at   timestamptz,
    CONSTRAINT accounts_pkey PRIMARY KEY (id),
    CONSTRAINT accounts_person_fkey FOREIGN KEY (person_id) REFERENCES people (id),
    CONSTRAINT accounts_display_name_text CHECK (
        display_name <> '' AND display_name = btrim(display_name) AND display_name IS NFC NORMALIZED
    ),
    CONSTRAINT accounts_roles_check CHECK (
        cardinality(roles) > 0
        AND roles <@ ARRAY['admin', 'headmaster', 'council', 'union', 'staff']::text[]
    )
);

CREATE TABLE api_tokens (
    id          uuid        NOT NULL DEFAULT gen_random_uuid(),
    account_id  uuid        NOT NULL,
    token_hash  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz,
    CONSTRAINT api_tokens_pkey PRIMARY KEY (id),
    CONSTRAINT api_tokens_account_fkey FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT api_tokens_token_hash_key UNIQUE (token_hash),
    CONSTRAINT api_tokens_hash_format CHECK (token_hash ~ '^[0-9a-f]{64}$')
);
CREATE INDEX api_tokens_account_idx ON api_tokens (account_id);
