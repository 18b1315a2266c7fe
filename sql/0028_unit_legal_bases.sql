-- why: a decision cites, after the Law and the decree, the unit's own bases — the sector's circular, the province's and
-- district's regulations, the school charter, the school's decision setting up its council — then the movement's plans
-- (issue 12; documents-and-law review §1). The bases are per-unit data; a document's kind (Luật, Nghị định, Thông tư,
-- Quyết định, Kế hoạch…) is a stored field, no longer guessed from its number (NULL for documents entered before: the
-- number is still read for them).
ALTER TABLE legal_documents
    ADD COLUMN kind text,
    ADD CONSTRAINT legal_documents_kind_check
        CHECK (kind IN ('QH', 'NĐ', 'TT', 'CT', 'NQ', 'QĐ', 'KH', 'HD', 'CTr', 'CV', 'TB', 'BC', 'QC'));

CREATE TABLE unit_legal_bases (
    unit_id      uuid NOT NULL,
    document_id  uuid NOT NULL,
    CONSTRAINT unit_legal_bases_pkey PRIMARY KEY (unit_id, document_id),
    CONSTRAINT unit_legal_bases_unit_fkey FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT unit_legal_bases_document_fkey FOREIGN KEY (document_id) REFERENCES legal_documents (id)
);
CREATE INDEX unit_legal_bases_document_idx ON unit_legal_bases (document_id);
