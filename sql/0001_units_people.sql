-- why: the unit tree (province → district → school → collectives) and the people who work in it.
-- Text is stored NFC-normalised and trimmed; names sort with Vietnamese collation (vi-x-icu).

CREATE TABLE units (
    id          uuid        NOT NULL DEFAULT gen_random_uuid(),
    code        text        NOT NULL,
    name        text        COLLATE "vi-x-icu" NOT NULL,
    kind        text        NOT NULL,
    parent_id   uuid,
    version     integer     NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT units_pkey PRIMARY KEY (id),
    CONSTRAINT units_code_key UNIQUE (code),
    CONSTRAINT units_parent_fkey FOREIGN KEY (parent_id) REFERENCES units (id),
    CONSTRAINT units_code_format CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$'),
    CONSTRAINT units_name_text CHECK (name <> '' AND name = btrim(name) AND name IS NFC NORMALIZED),
    CONSTRAINT units_kind_check CHECK (kind IN ('province', 'district', 'commune', 'school', 'agency', 'collective')),
    CONSTRAINT units_parent_not_self CHECK (parent_id <> id),
    CONSTRAINT units_version_positive CHECK (version > 0)
);
CREATE INDEX units_parent_idx ON units (parent_id);

-- A unit may not become its own ancestor.
CREATE FUNCTION units_refuse_cycle() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.parent_id IS NOT NULL AND EXISTS (
        WITH RECURSIVE ancestors(id, parent_id) AS (
            SELECT id, parent_id FROM units WHERE id = NEW.parent_id
            UNION
            SELECT u.id, u.parent_id FROM units u JOIN ancestors a ON u.id = a.parent_id
        )
        SELECT 1 FROM ancestors WHERE id = NEW.id
    ) THEN
        RAISE EXCEPTION 'unit % would become its own ancestor', NEW.code
            USING ERRCODE = 'check_violation', CONSTRAINT = 'units_parent_cycle';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER units_refuse_cycle BEFORE UPDATE OF parent_id ON units
    FOR EACH ROW EXECUTE FUNCTION units_refuse_cycle();

CREATE TABLE people (
    id           uuid        NOT NULL DEFAULT gen_random_uuid(),
    unit_id      uuid        NOT NULL,
    code         text,
    full_name    text        COLLATE "vi-x-icu" NOT NULL,
    family_name  text        COLLATE "vi-x-icu" NOT NULL,
    middle_name  text        COLLATE "vi-x-icu" NOT NULL DEFAULT '',
    given_name   text        COLLATE "vi-x-icu" NOT NULL,
    position     text        NOT NULL DEFAULT '',
    category     text        NOT NULL,
    search_key   text        NOT NULL,
    version      integer     NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT people_pkey PRIMARY KEY (id),
    CONSTRAINT people_unit_fkey FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT people_code_key UNIQUE (code),
    CONSTRAINT people_category_check CHECK (category IN ('CBQL', 'VC', 'NLD')),
    CONSTRAINT people_names_text CHECK (
        full_name IS NFC NORMALIZED AND family_name IS NFC NORMALIZED
        AND middle_name IS NFC NORMALIZED AND given_name IS NFC NORMALIZED
        AND position IS NFC NORMALIZED AND family_name <> '' AND given_name <> ''
    ),
    -- The split of a name may be corrected, never its letters: the parts always spell the full name.
    CONSTRAINT people_name_parts_match CHECK (
        full_name = concat_ws(' ', family_name, NULLIF(middle_name, ''), given_name)
    ),
    CONSTRAINT people_version_positive CHECK (version > 0)
);
CREATE INDEX people_unit_idx ON people (unit_id);
-- Vietnamese list order: given name, middle name, family name; id breaks ties for keyset pages.
CREATE INDEX people_name_order_idx ON people (given_name, middle_name, family_name, id);
