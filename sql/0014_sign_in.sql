-- why: the web app (issue "The web app") signs people in with a login and a password, keeps its sessions in PostgreSQL,
-- and refuses a login after 5 failures in 15 minutes. Passwords are set through a one-time link the operator hands over
-- (valid 72 h); only hashes of links, passwords and session ids are kept.
ALTER TABLE accounts ADD COLUMN login text;
ALTER TABLE accounts ADD COLUMN password_hash text;
ALTER TABLE accounts ADD COLUMN password_set_at timestamptz;
ALTER TABLE accounts ADD CONSTRAINT accounts_login_format CHECK (login ~ '^[a-z0-9][a-z0-9._-]{2,63}$');
ALTER TABLE accounts ADD CONSTRAINT accounts_password_hash_format CHECK (password_hash ~ '^scrypt\$[0-9]+\$[0-9]+\$[0-9]+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$');
CREATE UNIQUE INDEX accounts_login_key ON accounts (login);

CREATE TABLE password_links (
    token_hash  text        NOT NULL,
    account_id  uuid        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    CONSTRAINT password_links_pkey PRIMARY KEY (token_hash),
    CONSTRAINT password_links_account_fkey FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT password_links_hash_format CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT password_links_expiry CHECK (expires_at > created_at)
);
CREATE INDEX password_links_account_idx ON password_links (account_id);

CREATE TABLE sessions (
    id_hash       text        NOT NULL,
    account_id    uuid        NOT NULL,
    csrf_token    text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    ended_at      timestamptz,
    CONSTRAINT sessions_pkey PRIMARY KEY (id_hash),
    CONSTRAINT sessions_account_fkey FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT sessions_hash_format CHECK (id_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT sessions_csrf_format CHECK (csrf_token ~ '^[A-Za-z0-9_-]{32,}$')
);
CREATE INDEX sessions_account_idx ON sessions (account_id);

-- Failed sign-ins by login (as typed, lower-cased), whether or not the login exists: the throttle counts them.
CREATE TABLE sign_in_failures (
    login  text        NOT NULL,
    at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sign_in_failures_login_text CHECK (char_length(login) <= 200)
);
CREATE INDEX sign_in_failures_login_at_idx ON sign_in_failures (login, at);
