-- why: model initiatives (mô hình) registered in a movement, and evidence (minh chứng) that is never edited in place.

CREATE TABLE model_fields (
    code  text NOT NULL,
    name  text NOT NULL,
    CONSTRAINT model_fields_pkey PRIMARY KEY (code)
);
INSERT INTO model_fields (code, name) VALUES
    ('economy', 'Kinh tế'),
    ('culture_society', 'Văn hóa – xã hội'),
    ('defence_security', 'Quốc phòng – an ninh'),
    ('political_system', 'Xây dựng hệ thống chính trị');

CREATE TABLE model_initiatives (
    id                    uuid        NOT NULL DEFAULT gen_random_uuid(),
    movement_id           uuid        NOT NULL,
    title                 text        NOT NULL,
    field_code            text        NOT NULL,
    owner_person_id       uuid,
    owner_unit_id         uuid,
    goals                 text        NOT NULL DEFAULT '',
    starts_on             date        NOT NULL,
    ends_on               date        NOT NULL,
    status                text        NOT NULL DEFAULT 'registered',
    recognition_level     text,
    recognition_decision  text,
    recognized_on         date,
    version               integer     NOT NULL DEFAULT 1,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT model_initiatives_pkey PRIMARY KEY (id),
    CONSTRAINT model_initiatives_movement_fkey FOREIGN KEY (movement_id) REFERENCES movements (id),
    CONSTRAINT model_initiatives_field_fkey FOREIGN KEY (field_code) REFERENCES model_fields (code),
    CONSTRAINT model_initiatives_owner_person_fkey FOREIGN KEY (owner_person_id) REFERENCES people (id),
    CONSTRAINT model_initiatives_owner_unit_fkey FOREIGN KEY (owner_unit_id) REFERENCES units (id),
    CONSTRAINT model_initiatives_one_owner CHECK ((owner_person_id IS NULL) <> (owner_unit_id IS NULL)),
    CONSTRAINT model_initiatives_text CHECK (title <> '' AND title IS NFC NORMALIZED AND goals IS NFC NORMALIZED),
    CONSTRAINT model_initiatives_period CHECK (starts_on <= ends_on),
    CONSTRAINT model_initiatives_status_check CHECK (
        status IN ('registered', 'in_progress', 'submitted', 'recognized', 'not_recognized', 'withdrawn')),
    CONSTRAINT model_initiatives_recognition CHECK (
        (status = 'recognized') = (recognition_level IS NOT NULL AND recognition_decision IS NOT NULL AND recognized_on IS NOT NULL)),
    CONSTRAINT model_initiatives_level_check CHECK (recognition_level IN ('school', 'district', 'province'))
);
CREATE INDEX model_initiatives_movement_idx ON model_initiatives (movement_id, created_at, id);
CREATE TRIGGER model_initiatives_transition BEFORE UPDATE OF status ON model_initiatives
    FOR EACH ROW EXECUTE FUNCTION enforce_workflow_transition();

-- Registration happens only while the movement is open and before its registration deadline.
CREATE FUNCTION model_initiatives_require_open_movement() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    m movements;
BEGIN
    SELECT * INTO m FROM movements WHERE id = NEW.movement_id FOR SHARE;
    IF m.status <> 'open' OR (m.registration_deadline IS NOT NULL AND current_date > m.registration_deadline) THEN
        RAISE EXCEPTION 'movement % is not open for registration', NEW.movement_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'model_initiatives_registration_open';
    END IF;
    IF NEW.starts_on < m.starts_on OR NEW.ends_on > m.ends_on THEN
        RAISE EXCEPTION 'the model''s period lies outside the movement''s'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'model_initiatives_within_movement';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER model_initiatives_require_open_movement BEFORE INSERT ON model_initiatives
    FOR EACH ROW EXECUTE FUNCTION model_initiatives_require_open_movement();

-- File contents are stored once per SHA-256 (content-addressed) and never replaced.
CREATE TABLE evidence_files (
    sha256   text   NOT NULL,
    size     bigint NOT NULL,
    content  bytea  NOT NULL,
    CONSTRAINT evidence_files_pkey PRIMARY KEY (sha256),
    CONSTRAINT evidence_files_sha256_format CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT evidence_files_size_matches CHECK (size = octet_length(content)),
    CONSTRAINT evidence_files_hash_matches CHECK (sha256 = encode(sha256(content), 'hex'))
);
CREATE TRIGGER evidence_files_immutable BEFORE UPDATE OR DELETE ON evidence_files
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE TABLE evidence (
    id                 uuid        NOT NULL DEFAULT gen_random_uuid(),
    model_id           uuid,
    nomination_id      uuid,
    kind               text        NOT NULL,
    file_sha256        text,
    filename           text,
    content_type       text,
    url                text,
    note               text,
    added_by           uuid        NOT NULL,
    added_at           timestamptz NOT NULL DEFAULT now(),
    retracted_at       timestamptz,
    retracted_by       uuid,
    retraction_reason  text,
    CONSTRAINT evidence_pkey PRIMARY KEY (id),
    CONSTRAINT evidence_model_fkey FOREIGN KEY (model_id) REFERENCES model_initiatives (id),
    CONSTRAINT evidence_file_fkey FOREIGN KEY (file_sha256) REFERENCES evidence_files (sha256),
    CONSTRAINT evidence_added_by_fkey FOREIGN KEY (added_by) REFERENCES accounts (id),
    CONSTRAINT evidence_retracted_by_fkey FOREIGN KEY (retracted_by) REFERENCES accounts (id),
    CONSTRAINT evidence_one_subject CHECK ((model_id IS NULL) <> (nomination_id IS NULL)),
    CONSTRAINT evidence_kind_check CHECK (
        (kind = 'file' AND file_sha256 IS NOT NULL AND filename IS NOT NULL AND content_type IS NOT NULL AND url IS NULL AND note IS NULL)
        OR (kind = 'link' AND url ~ '^https?://' AND file_sha256 IS NULL)
        OR (kind = 'note' AND note <> '' AND file_sha256 IS NULL AND url IS NULL)),
    CONSTRAINT evidence_text CHECK (filename IS NFC NORMALIZED AND note IS NFC NORMALIZED),
    CONSTRAINT evidence_retraction CHECK (
        (retracted_at IS NULL) = (retraction_reason IS NULL) AND (retracted_at IS NULL) = (retracted_by IS NULL))
);
CREATE INDEX evidence_model_idx ON evidence (model_id, added_at, id);
CREATE INDEX evidence_nomination_idx ON evidence (nomination_id, added_at, id);

-- Evidence is never edited: the only change allowed is recording its retraction, once.
CREATE FUNCTION evidence_only_retraction() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.retracted_at IS NOT NULL
       OR (to_jsonb(NEW) - 'retracted_at' - 'retracted_by' - 'retraction_reason')
          IS DISTINCT FROM (to_jsonb(OLD) - 'retracted_at' - 'retracted_by' - 'retraction_reason') THEN
        RAISE EXCEPTION 'evidence is never edited or deleted; only a retraction with a reason is recorded'
            USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'immutable_record';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER evidence_only_retraction BEFORE UPDATE OR DELETE ON evidence
    FOR EACH ROW EXECUTE FUNCTION evidence_only_retraction();
