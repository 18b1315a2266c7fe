-- why: a decision's header, signature and Nơi nhận are the unit's data, set once by its văn thư (Nghị định 30/2020/NĐ-CP,
-- Phụ lục I; issue 12). They were derived from the parent unit's name ("Huyện Tân Hồng" → agency and place) and fixed
-- ("HIỆU TRƯỞNG", three recipients), so a school under a Phòng GD&ĐT, a deputy's signature (KT.) or an acting head (Q.)
-- could not be printed.
CREATE TABLE document_settings (
    unit_id          uuid        NOT NULL,
    managing_agency  text        NOT NULL,
    place            text        NOT NULL,
    signer_position  text        NOT NULL,
    recipients       text[]      NOT NULL,
    fund             text        NOT NULL DEFAULT '',
    words_style      text        NOT NULL DEFAULT 'northern',
    version          integer     NOT NULL DEFAULT 1,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT document_settings_pkey PRIMARY KEY (unit_id),
    CONSTRAINT document_settings_unit_fkey FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT document_settings_text CHECK (
        managing_agency <> '' AND place <> '' AND signer_position <> ''
        AND length(managing_agency) <= 200 AND length(place) <= 200 AND length(signer_position) <= 200 AND length(fund) <= 200
        AND managing_agency IS NFC NORMALIZED AND place IS NFC NORMALIZED AND signer_position IS NFC NORMALIZED
        AND fund IS NFC NORMALIZED),
    CONSTRAINT document_settings_recipients_check CHECK (
        cardinality(recipients) BETWEEN 1 AND 10 AND array_position(recipients, NULL) IS NULL
        AND array_to_string(recipients, chr(10)) IS NFC NORMALIZED),
    CONSTRAINT document_settings_words_style_check CHECK (words_style IN ('northern', 'southern')),
    CONSTRAINT document_settings_version_positive CHECK (version > 0)
);

-- How the decision was signed (the head, a deputy "KT.", an acting head "Q.") and its own Nơi nhận when the clerk
-- wrote one (NULL: the unit's). Fixed when the decision is created, like the rest of it.
ALTER TABLE decisions
    ADD COLUMN signed_as text NOT NULL DEFAULT 'head',
    ADD COLUMN recipients text[],
    ADD CONSTRAINT decisions_signed_as_check CHECK (signed_as IN ('head', 'deputy', 'acting')),
    ADD CONSTRAINT decisions_recipients_check CHECK (
        recipients IS NULL OR (cardinality(recipients) BETWEEN 1 AND 10 AND array_position(recipients, NULL) IS NULL
                               AND array_to_string(recipients, chr(10)) IS NFC NORMALIZED));
