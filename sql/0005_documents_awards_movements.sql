-- why: legal documents (văn bản căn cứ), the award catalogue, and emulation movements with criteria.

CREATE TABLE legal_documents (
    id          uuid        NOT NULL DEFAULT gen_random_uuid(),
    number      text        NOT NULL,
    issued_on   date        NOT NULL,
    issuer      text        NOT NULL,
    title       text        NOT NULL,
    version     integer     NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT legal_documents_pkey PRIMARY KEY (id),
    CONSTRAINT legal_documents_number_issuer_key UNIQUE (number, issuer),
    CONSTRAINT legal_documents_text CHECK (
        number <> '' AND issuer <> '' AND title <> ''
        AND number IS NFC NORMALIZED AND issuer IS NFC NORMALIZED AND title IS NFC NORMALIZED)
);

-- The default catalogue (legal-rules.md); coefficients and authority levels by period come with the rules issue.
CREATE TABLE awards (
    code        text    NOT NULL,
    name        text    NOT NULL,
    recipient   text    NOT NULL,
    kind        text    NOT NULL,
    precedence  integer NOT NULL,
    citation    text    NOT NULL,
    verified    boolean NOT NULL DEFAULT true,
    CONSTRAINT awards_pkey PRIMARY KEY (code),
    CONSTRAINT awards_recipient_check CHECK (recipient IN ('individual', 'collective', 'both', 'model')),
    CONSTRAINT awards_kind_check CHECK (kind IN ('title', 'form', 'recognition'))
);
INSERT INTO awards (code, name, recipient, kind, precedence, citation, verified) VALUES
    ('CSTD_TQ',   'Chiến sĩ thi đua toàn quốc', 'individual', 'title', 10, 'Luật TĐKT 2022, Điều 21', true),
    ('CO_CP',     'Cờ thi đua của Chính phủ', 'collective', 'title', 20, 'Luật TĐKT 2022, Điều 25', true),
    ('BK_TTG',    'Bằng khen của Thủ tướng Chính phủ', 'both', 'form', 30, 'Luật TĐKT 2022, Điều 73', true),
    ('CSTD_TINH', 'Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh', 'individual', 'title', 40, 'Luật TĐKT 2022, Điều 21', true),
    ('CO_TINH',   'Cờ thi đua của bộ, ban, ngành, tỉnh', 'collective', 'title', 50, 'Luật TĐKT 2022, Điều 26', true),
    ('BK_TINH',   'Bằng khen của bộ, ban, ngành, tỉnh', 'both', 'form', 60, 'Luật TĐKT 2022, Điều 74; Nghị định 152/2025/NĐ-CP, Điều 54', false),
    ('CSTD_CS',   'Chiến sĩ thi đua cơ sở', 'individual', 'title', 70, 'Luật TĐKT 2022, Điều 21', true),
    ('TTLDXS',    'Tập thể lao động xuất sắc', 'collective', 'title', 80, 'Luật TĐKT 2022, Điều 27', true),
    ('TTLDTT',    'Tập thể lao động tiên tiến', 'collective', 'title', 90, 'Luật TĐKT 2022, Điều 27', true),
    ('GK',        'Giấy khen', 'both', 'form', 100, 'Luật TĐKT 2022, Điều 75', true),
    ('LDTT',      'Lao động tiên tiến', 'individual', 'title', 110, 'Luật TĐKT 2022, Điều 24', true),
    ('BIEU_DUONG','Biểu dương', 'both', 'form', 120, 'thực tiễn của đơn vị', true),
    ('MH_DVK',    'Công nhận mô hình "Dân vận khéo"', 'model', 'recognition', 130, 'kế hoạch của phong trào', true);

CREATE TABLE movements (
    id                     uuid        NOT NULL DEFAULT gen_random_uuid(),
    name                   text        NOT NULL,
    unit_id                uuid        NOT NULL,
    period_kind            text        NOT NULL,
    period_year            integer     NOT NULL,
    starts_on              date        NOT NULL,
    ends_on                date        NOT NULL,
    registration_deadline  date,
    nomination_deadline    date,
    status                 text        NOT NULL DEFAULT 'draft',
    version                integer     NOT NULL DEFAULT 1,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT movements_pkey PRIMARY KEY (id),
    CONSTRAINT movements_unit_fkey FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT movements_name_text CHECK (name <> '' AND name IS NFC NORMALIZED),
    CONSTRAINT movements_period_kind_check CHECK (period_kind IN ('calendar_year', 'school_year')),
    -- A calendar year runs 1 January–31 December; a school year 1 September–31 August.
    CONSTRAINT movements_period_dates CHECK (
        (period_kind = 'calendar_year' AND starts_on = make_date(period_year, 1, 1) AND ends_on = make_date(period_year, 12, 31))
        OR (period_kind = 'school_year' AND starts_on = make_date(period_year, 9, 1) AND ends_on = make_date(period_year + 1, 8, 31))),
    CONSTRAINT movements_deadlines_in_period CHECK (
        (registration_deadline IS NULL OR registration_deadline BETWEEN starts_on AND ends_on)
        AND (nomination_deadline IS NULL OR nomination_deadline BETWEEN starts_on AND ends_on)),
    CONSTRAINT movements_status_check CHECK (status IN ('draft', 'open', 'closed', 'archived'))
);
CREATE TRIGGER movements_transition BEFORE UPDATE OF status ON movements
    FOR EACH ROW EXECUTE FUNCTION enforce_workflow_transition();

CREATE TABLE movement_legal_bases (
    movement_id  uuid    NOT NULL,
    document_id  uuid    NOT NULL,
    position     integer NOT NULL,
    CONSTRAINT movement_legal_bases_pkey PRIMARY KEY (movement_id, document_id),
    CONSTRAINT movement_legal_bases_movement_fkey FOREIGN KEY (movement_id) REFERENCES movements (id),
    CONSTRAINT movement_legal_bases_document_fkey FOREIGN KEY (document_id) REFERENCES legal_documents (id)
);

CREATE TABLE movement_criteria (
    movement_id  uuid    NOT NULL,
    code         text    NOT NULL,
    title        text    NOT NULL,
    max_points   integer NOT NULL,
    position     integer NOT NULL,
    CONSTRAINT movement_criteria_pkey PRIMARY KEY (movement_id, code),
    CONSTRAINT movement_criteria_movement_fkey FOREIGN KEY (movement_id) REFERENCES movements (id),
    CONSTRAINT movement_criteria_points_check CHECK (max_points > 0),
    CONSTRAINT movement_criteria_text CHECK (code <> '' AND title <> '' AND title IS NFC NORMALIZED)
);
