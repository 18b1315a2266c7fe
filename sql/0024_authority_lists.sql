-- why: who may sign an award is a list, not a rank (documents-and-law review §3.3; issue 12 defect 3). With ranks any
-- school signed the commune chairman's Giấy khen (rank 10 ≤ 20) and TTLĐTT and CSTĐ cơ sở itself. Now each authority
-- level lists the awards it grants, and a unit may narrow or widen its own list (admin, with a reason). The defaults are
-- the common reading of the Law for a school under a district; provinces' regulations differ, so every row is marked
-- unverified with its source. The ranks stay for ordering the levels in lists, and decide nothing.

-- The district chairman's Giấy khen is its own award: records tell it from the headmaster's (GK, same code and money
-- as before) and rules of higher awards can ask for "Giấy khen cấp huyện".
INSERT INTO awards (code, name, recipient, kind, precedence, citation, verified) VALUES
    ('GK_HUYEN', 'Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện', 'both', 'form', 98, 'Luật TĐKT 2022, Điều 75', true);
INSERT INTO award_rules (award_code, effective_from, coefficient, collective_factor, authority_level, vote_numerator,
                         vote_denominator, vote_base, eligibility, citation, verified)
SELECT 'GK_HUYEN', effective_from, coefficient, collective_factor, 'district', vote_numerator, vote_denominator, vote_base,
       eligibility, citation, verified
FROM award_rules WHERE award_code = 'GK';

-- The level a rule names is now whom a unit that does not sign the award sends its tờ trình to, and whom the catalogue
-- names as deciding it: CSTĐ cơ sở and TTLĐTT go to the district's chairman, LĐTT is the unit head's own.
UPDATE award_rules SET authority_level = 'district', updated_at = now() WHERE award_code IN ('CSTD_CS', 'TTLDTT');
UPDATE award_rules SET authority_level = 'unit', updated_at = now() WHERE award_code = 'LDTT';

CREATE TABLE authority_grants (
    level_code  text    NOT NULL,
    award_code  text    NOT NULL,
    citation    text    NOT NULL,
    verified    boolean NOT NULL DEFAULT false,
    CONSTRAINT authority_grants_pkey PRIMARY KEY (level_code, award_code),
    CONSTRAINT authority_grants_level_fkey FOREIGN KEY (level_code) REFERENCES authority_levels (code),
    CONSTRAINT authority_grants_award_fkey FOREIGN KEY (award_code) REFERENCES awards (code),
    CONSTRAINT authority_grants_citation_text CHECK (citation <> '' AND citation IS NFC NORMALIZED)
);
INSERT INTO authority_grants (level_code, award_code, citation)
SELECT level_code, award_code,
       'Luật TĐKT 2022, Điều 80 (cách hiểu thường gặp trong quy chế thi đua của huyện; quy chế của tỉnh có thể khác)'
FROM (VALUES
    -- The head of a unit with legal status (a school's headmaster): the yearly LĐTT and the unit's own Giấy khen.
    ('unit', 'LDTT'), ('unit', 'GK'), ('unit', 'BIEU_DUONG'), ('unit', 'MH_DVK'),
    ('commune', 'LDTT'), ('commune', 'GK_XA'), ('commune', 'BIEU_DUONG'), ('commune', 'MH_DVK'),
    -- The district chairman: CSTĐ cơ sở, TTLĐTT and his Giấy khen for the schools under the district.
    ('district', 'LDTT'), ('district', 'CSTD_CS'), ('district', 'TTLDTT'), ('district', 'GK_HUYEN'), ('district', 'BIEU_DUONG'),
    ('district', 'MH_DVK'),
    ('province', 'CSTD_TINH'), ('province', 'CO_TINH'), ('province', 'BK_TINH'), ('province', 'TTLDXS'), ('province', 'MH_DVK'),
    ('government', 'CSTD_TQ'), ('government', 'CO_CP'), ('government', 'BK_TTG'))
    AS g (level_code, award_code);

-- A unit's own changes to its level's list: grants = true widens it, false narrows it; always with the reason.
CREATE TABLE unit_award_grants (
    unit_id     uuid        NOT NULL,
    award_code  text        NOT NULL,
    grants      boolean     NOT NULL,
    reason      text        NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT unit_award_grants_pkey PRIMARY KEY (unit_id, award_code),
    CONSTRAINT unit_award_grants_unit_fkey FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT unit_award_grants_award_fkey FOREIGN KEY (award_code) REFERENCES awards (code),
    CONSTRAINT unit_award_grants_reason_text CHECK (reason <> '' AND reason IS NFC NORMALIZED)
);

-- Whether the unit's head signs the award: the unit's own change if any, else its level's list.
CREATE FUNCTION unit_grants(unit uuid, award text) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT coalesce(
        (SELECT g.grants FROM unit_award_grants g WHERE g.unit_id = unit AND g.award_code = award),
        EXISTS (SELECT 1 FROM authority_grants a WHERE a.level_code = unit_authority(unit) AND a.award_code = award))
$$;
