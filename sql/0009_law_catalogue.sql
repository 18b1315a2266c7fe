-- why: the law as data (legal-rules.md). Who may grant what, coefficients and council vote thresholds by effective
-- period, base salaries, the rounding of reward money, and the money each commendation was issued with. Every row
-- keeps its citation; rows we could not confirm are marked verified = false and shown as such.

-- Authority levels are reference data, not an enum: the map of levels changed on 01/07/2025.
-- A level grants an award when its rank is at least the award's level rank (Luật TĐKT 2022, Điều 80).
CREATE TABLE authority_levels (
    code  text    NOT NULL,
    name  text    NOT NULL,
    rank  integer NOT NULL,
    CONSTRAINT authority_levels_pkey PRIMARY KEY (code),
    CONSTRAINT authority_levels_text CHECK (code ~ '^[a-z_]+$' AND name <> '' AND name IS NFC NORMALIZED),
    CONSTRAINT authority_levels_rank_check CHECK (rank > 0)
);
INSERT INTO authority_levels (code, name, rank) VALUES
    ('commune',    'Chủ tịch Ủy ban nhân dân cấp xã', 10),
    ('unit',       'Thủ trưởng cơ quan, đơn vị có tư cách pháp nhân', 20),
    ('district',   'Chủ tịch Ủy ban nhân dân cấp huyện', 20),
    ('province',   'Bộ trưởng, thủ trưởng ban, ngành, Chủ tịch Ủy ban nhân dân cấp tỉnh', 30),
    ('government', 'Thủ tướng Chính phủ', 40);

-- Whether a unit's head signs an award is a per-unit setting; NULL means "by the unit's kind" (see unit_authority).
ALTER TABLE units ADD COLUMN authority_level text;
ALTER TABLE units ADD CONSTRAINT units_authority_level_fkey FOREIGN KEY (authority_level) REFERENCES authority_levels (code);

CREATE FUNCTION unit_authority(unit uuid) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT coalesce(authority_level, CASE kind WHEN 'province' THEN 'province' WHEN 'district' THEN 'district'
                                               WHEN 'commune' THEN 'commune' ELSE 'unit' END)
    FROM units WHERE id = unit
$$;

-- The commune chairman's Giấy khen carries its own coefficient (0.15 until 30/06/2025).
INSERT INTO awards (code, name, recipient, kind, precedence, citation, verified) VALUES
    ('GK_XA', 'Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã', 'both', 'form', 105, 'Luật TĐKT 2022, Điều 75', true);

-- The rules of one award from a date until the next row's date. A decision is judged by the row in force on its date.
CREATE TABLE award_rules (
    award_code         text         NOT NULL,
    effective_from     date         NOT NULL,
    coefficient        numeric(6,2) NOT NULL,
    collective_factor  integer      NOT NULL DEFAULT 1,
    authority_level    text         NOT NULL,
    vote_numerator     integer,
    vote_denominator   integer,
    vote_base          text,
    eligibility        text[]       NOT NULL DEFAULT '{}',
    citation           text         NOT NULL,
    verified           boolean      NOT NULL DEFAULT true,
    updated_at         timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT award_rules_pkey PRIMARY KEY (award_code, effective_from),
    CONSTRAINT award_rules_award_fkey FOREIGN KEY (award_code) REFERENCES awards (code),
    CONSTRAINT award_rules_authority_fkey FOREIGN KEY (authority_level) REFERENCES authority_levels (code),
    CONSTRAINT award_rules_coefficient_check CHECK (coefficient >= 0),
    -- For forms (Bằng khen, Giấy khen) a collective receives twice an individual's amount.
    CONSTRAINT award_rules_collective_factor_check CHECK (collective_factor IN (1, 2)),
    CONSTRAINT award_rules_vote_check CHECK (
        (vote_numerator IS NULL AND vote_denominator IS NULL AND vote_base IS NULL)
        OR (vote_numerator > 0 AND vote_denominator >= vote_numerator AND vote_base IN ('members', 'present'))),
    -- The rule names the evaluator knows (ThiduaCore EligibilityRule); a test keeps the two lists equal.
    CONSTRAINT award_rules_eligibility_known CHECK (eligibility <@ ARRAY[
        'rating_good', 'months_worked', 'no_discipline', 'ldtt_same_period', 'excellent_or_initiative',
        'cstd_cs_3_periods', 'cstd_tinh_2_times', 'bk_tinh_route',
        'collective_completed', 'members_ldtt_majority', 'members_no_warning',
        'members_all_completed', 'members_ldtt_70', 'member_cstd_cs', 'members_no_discipline']::text[]),
    CONSTRAINT award_rules_citation_text CHECK (citation <> '' AND citation IS NFC NORMALIZED)
);

-- Three periods: Decree 91/2017 (our reading, to verify), Decree 98/2023 (from the Law's start, 01/01/2024),
-- Decree 152/2025 (from 01/07/2025). Vote thresholds: 2/3 of all members for titles, 90% for CSTĐ tỉnh and toàn quốc.
INSERT INTO award_rules (award_code, effective_from, coefficient, collective_factor, authority_level,
                         vote_numerator, vote_denominator, vote_base, eligibility, citation, verified)
SELECT r.award_code, p.effective_from, CASE WHEN r.award_code = 'BK_TINH' AND p.effective_from >= DATE '2025-07-01' THEN 1.5
                                            WHEN r.award_code = 'GK_XA' AND p.effective_from >= DATE '2025-07-01' THEN 0.3
                                            ELSE r.coefficient END,
       r.collective_factor, r.authority_level, r.vote_numerator, r.vote_denominator, r.vote_base, r.eligibility,
       p.decree || '; ' || r.citation,
       p.verified AND r.verified AND NOT (r.award_code = 'BK_TINH' AND p.effective_from < DATE '2025-07-01')
FROM (VALUES
    (DATE '2017-07-31', 'Nghị định 91/2017/NĐ-CP', false),
    (DATE '2024-01-01', 'Nghị định 98/2023/NĐ-CP', true),
    (DATE '2025-07-01', 'Nghị định 152/2025/NĐ-CP', true)) AS p (effective_from, decree, verified)
CROSS JOIN (VALUES
    ('CSTD_TQ',    4.5,  1, 'government', 9, 10, 'members', ARRAY['cstd_tinh_2_times', 'no_discipline'], 'Luật TĐKT 2022, Điều 21', true),
    ('CO_CP',      12.0, 1, 'government', 2, 3, 'members', ARRAY[]::text[], 'Luật TĐKT 2022, Điều 25', true),
    ('BK_TTG',     3.5,  2, 'government', NULL, NULL, NULL, ARRAY[]::text[], 'Luật TĐKT 2022, Điều 73', true),
    ('CSTD_TINH',  3.0,  1, 'province', 9, 10, 'members', ARRAY['cstd_cs_3_periods', 'no_discipline'], 'Luật TĐKT 2022, Điều 21', true),
    ('CO_TINH',    8.0,  1, 'province', 2, 3, 'members', ARRAY[]::text[], 'Luật TĐKT 2022, Điều 26', true),
    ('BK_TINH',    1.0,  2, 'province', NULL, NULL, NULL, ARRAY['bk_tinh_route', 'no_discipline'], 'Luật TĐKT 2022, Điều 74; Nghị định 152/2025/NĐ-CP, Điều 54', true),
    ('CSTD_CS',    1.0,  1, 'unit', 2, 3, 'members', ARRAY['ldtt_same_period', 'excellent_or_initiative', 'no_discipline'], 'Luật TĐKT 2022, Điều 21', true),
    ('TTLDXS',     1.5,  1, 'province', 2, 3, 'members', ARRAY['members_all_completed', 'members_ldtt_70', 'member_cstd_cs', 'members_no_discipline'], 'Luật TĐKT 2022, Điều 27', true),
    ('TTLDTT',     0.8,  1, 'unit', 2, 3, 'members', ARRAY['collective_completed', 'members_ldtt_majority', 'members_no_warning'], 'Luật TĐKT 2022, Điều 27', false),
    ('GK',         0.3,  2, 'unit', NULL, NULL, NULL, ARRAY[]::text[], 'Luật TĐKT 2022, Điều 75', true),
    ('GK_XA',      0.15, 2, 'commune', NULL, NULL, NULL, ARRAY[]::text[], 'Luật TĐKT 2022, Điều 75', true),
    ('LDTT',       0.3,  1, 'commune', 2, 3, 'members', ARRAY['rating_good', 'months_worked', 'no_discipline'], 'Luật TĐKT 2022, Điều 24', true),
    ('BIEU_DUONG', 0,    1, 'unit', NULL, NULL, NULL, ARRAY[]::text[], 'thực tiễn của đơn vị', true),
    ('MH_DVK',     0,    1, 'unit', NULL, NULL, NULL, ARRAY[]::text[], 'kế hoạch của phong trào', true))
    AS r (award_code, coefficient, collective_factor, authority_level, vote_numerator, vote_denominator, vote_base, eligibility, citation, verified);

-- Mức lương cơ sở, from the date each decree set it. Admins add rows; a row once used by a commendation is kept there.
CREATE TABLE base_salaries (
    effective_from  date        NOT NULL,
    amount          bigint      NOT NULL,
    citation        text        NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT base_salaries_pkey PRIMARY KEY (effective_from),
    CONSTRAINT base_salaries_amount_check CHECK (amount > 0),
    CONSTRAINT base_salaries_citation_text CHECK (citation IS NFC NORMALIZED)
);
CREATE TRIGGER base_salaries_immutable BEFORE UPDATE OR DELETE ON base_salaries
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
INSERT INTO base_salaries (effective_from, amount, citation) VALUES
    ('2019-07-01', 1490000, 'Nghị định 38/2019/NĐ-CP'),
    ('2023-07-01', 1800000, 'Nghị định 24/2023/NĐ-CP'),
    ('2024-07-01', 2340000, 'Nghị định 73/2024/NĐ-CP');

-- One row of settings. Reward money is rounded up to the next 10,000 đồng (Nghị định 91/2017/NĐ-CP, Điều 68 khoản 2);
-- some portals round to the nearest instead.
CREATE TABLE law_settings (
    singleton        boolean     NOT NULL DEFAULT true,
    reward_rounding  text        NOT NULL DEFAULT 'up',
    rounding_unit    integer     NOT NULL DEFAULT 10000,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT law_settings_pkey PRIMARY KEY (singleton),
    CONSTRAINT law_settings_singleton CHECK (singleton),
    CONSTRAINT law_settings_rounding_check CHECK (reward_rounding IN ('up', 'nearest', 'none')),
    CONSTRAINT law_settings_unit_check CHECK (rounding_unit > 0)
);
INSERT INTO law_settings DEFAULT VALUES;

-- A commendation keeps the coefficient, base salary and amount it was issued with: later catalogue changes never
-- reach it. Rows issued before this migration get them once, below; every new row must carry them.
ALTER TABLE commendations
    ADD COLUMN coefficient numeric(6,2),
    ADD COLUMN collective_factor integer,
    ADD COLUMN base_salary bigint,
    ADD COLUMN reward_amount bigint;
ALTER TABLE commendations DISABLE TRIGGER commendations_immutable;
UPDATE commendations c SET coefficient = r.coefficient,
       collective_factor = CASE WHEN c.nominee_unit_id IS NULL THEN 1 ELSE r.collective_factor END,
       base_salary = b.amount,
       reward_amount = ceil(r.coefficient * b.amount * CASE WHEN c.nominee_unit_id IS NULL THEN 1 ELSE r.collective_factor END / 10000) * 10000
FROM decisions d, award_rules r, base_salaries b
WHERE d.id = c.decision_id
  AND r.award_code = c.award_code
  AND r.effective_from = (SELECT max(effective_from) FROM award_rules WHERE award_code = c.award_code AND effective_from <= d.decision_date)
  AND b.effective_from = (SELECT max(effective_from) FROM base_salaries WHERE effective_from <= d.decision_date);
ALTER TABLE commendations ENABLE TRIGGER commendations_immutable;
ALTER TABLE commendations ADD CONSTRAINT commendations_money_recorded CHECK (
    coefficient IS NOT NULL AND coefficient >= 0 AND collective_factor IN (1, 2) AND base_salary > 0 AND reward_amount >= 0) NOT VALID;

-- An award above the unit's authority is forwarded with a submission (tờ trình); the commendation is recorded when
-- the higher authority's decision arrives.
ALTER TABLE nominations DROP CONSTRAINT nominations_status_check;
ALTER TABLE nominations ADD CONSTRAINT nominations_status_check CHECK (status IN (
    'draft', 'submitted', 'in_review', 'returned', 'recommended', 'not_recommended', 'forwarded', 'approved', 'declined', 'withdrawn'));
ALTER TABLE nominations DROP CONSTRAINT nominations_recommendation_tally;
ALTER TABLE nominations ADD CONSTRAINT nominations_recommendation_tally CHECK (
    status NOT IN ('recommended', 'not_recommended', 'forwarded', 'approved', 'declined') OR recommendation_tally IS NOT NULL);
INSERT INTO workflow_transitions (entity, from_status, to_status) VALUES
    ('nominations', 'recommended', 'forwarded'), ('nominations', 'forwarded', 'approved'), ('nominations', 'forwarded', 'declined');

CREATE TABLE submissions (
    nomination_id    uuid        NOT NULL,
    number           text        NOT NULL,
    submitted_on     date        NOT NULL,
    authority_level  text        NOT NULL,
    submitted_by     uuid        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT submissions_pkey PRIMARY KEY (nomination_id),
    CONSTRAINT submissions_nomination_fkey FOREIGN KEY (nomination_id) REFERENCES nominations (id),
    CONSTRAINT submissions_authority_fkey FOREIGN KEY (authority_level) REFERENCES authority_levels (code),
    CONSTRAINT submissions_submitted_by_fkey FOREIGN KEY (submitted_by) REFERENCES accounts (id),
    CONSTRAINT submissions_number_text CHECK (number <> '' AND number IS NFC NORMALIZED)
);
CREATE TRIGGER submissions_immutable BEFORE UPDATE OR DELETE ON submissions
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- A decision recorded from a higher authority names its issuer; NULL is a decision signed in thidua.
ALTER TABLE decisions ADD COLUMN issuer text;
ALTER TABLE decisions ADD CONSTRAINT decisions_issuer_text CHECK (issuer IS NULL OR (issuer <> '' AND issuer IS NFC NORMALIZED));

-- What the eligibility rules read. Ratings per person and period (with months worked and initiatives recognized
-- outside thidua), per collective and period; disciplinary measures with dates; commendations from before thidua.
CREATE TABLE performance_ratings (
    person_id      uuid        NOT NULL,
    period_kind    text        NOT NULL,
    period_year    integer     NOT NULL,
    rating         text        NOT NULL,
    months_worked  integer,
    initiatives    integer     NOT NULL DEFAULT 0,
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT performance_ratings_pkey PRIMARY KEY (person_id, period_kind, period_year),
    CONSTRAINT performance_ratings_person_fkey FOREIGN KEY (person_id) REFERENCES people (id),
    CONSTRAINT performance_ratings_period_kind_check CHECK (period_kind IN ('calendar_year', 'school_year')),
    CONSTRAINT performance_ratings_rating_check CHECK (rating IN ('excellent', 'good', 'completed', 'not_completed')),
    CONSTRAINT performance_ratings_months_check CHECK (months_worked BETWEEN 0 AND 12),
    CONSTRAINT performance_ratings_initiatives_check CHECK (initiatives >= 0)
);

CREATE TABLE unit_ratings (
    unit_id      uuid        NOT NULL,
    period_kind  text        NOT NULL,
    period_year  integer     NOT NULL,
    rating       text        NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT unit_ratings_pkey PRIMARY KEY (unit_id, period_kind, period_year),
    CONSTRAINT unit_ratings_unit_fkey FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT unit_ratings_period_kind_check CHECK (period_kind IN ('calendar_year', 'school_year')),
    CONSTRAINT unit_ratings_rating_check CHECK (rating IN ('excellent', 'good', 'completed', 'not_completed'))
);

CREATE TABLE disciplines (
    id               uuid        NOT NULL DEFAULT gen_random_uuid(),
    person_id        uuid        NOT NULL,
    measure          text        NOT NULL,
    decided_on       date        NOT NULL,
    decision_number  text        NOT NULL DEFAULT '',
    recorded_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT disciplines_pkey PRIMARY KEY (id),
    CONSTRAINT disciplines_person_fkey FOREIGN KEY (person_id) REFERENCES people (id),
    CONSTRAINT disciplines_once UNIQUE (person_id, measure, decided_on),
    CONSTRAINT disciplines_measure_check CHECK (measure IN ('reprimand', 'warning', 'salary_downgrade', 'demotion', 'dismissal', 'discharge')),
    CONSTRAINT disciplines_text CHECK (decision_number IS NFC NORMALIZED)
);

CREATE TABLE past_commendations (
    id               uuid        NOT NULL DEFAULT gen_random_uuid(),
    person_id        uuid,
    unit_id          uuid,
    award_code       text        NOT NULL,
    period_kind      text        NOT NULL,
    period_year      integer     NOT NULL,
    decision_number  text        NOT NULL,
    decision_date    date        NOT NULL,
    issuer           text        NOT NULL,
    reward_amount    bigint,
    imported_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT past_commendations_pkey PRIMARY KEY (id),
    CONSTRAINT past_commendations_person_fkey FOREIGN KEY (person_id) REFERENCES people (id),
    CONSTRAINT past_commendations_unit_fkey FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT past_commendations_award_fkey FOREIGN KEY (award_code) REFERENCES awards (code),
    CONSTRAINT past_commendations_one_nominee CHECK ((person_id IS NULL) <> (unit_id IS NULL)),
    CONSTRAINT past_commendations_once UNIQUE NULLS NOT DISTINCT (person_id, unit_id, award_code, period_kind, period_year),
    CONSTRAINT past_commendations_period_kind_check CHECK (period_kind IN ('calendar_year', 'school_year')),
    CONSTRAINT past_commendations_amount_check CHECK (reward_amount >= 0),
    CONSTRAINT past_commendations_text CHECK (
        decision_number <> '' AND issuer <> '' AND decision_number IS NFC NORMALIZED AND issuer IS NFC NORMALIZED)
);

-- The headmaster may let a nomination pass a failed rule, only with a written reason; printed on the decision.
CREATE TABLE eligibility_overrides (
    nomination_id  uuid        NOT NULL,
    rule           text        NOT NULL,
    reason         text        NOT NULL,
    decided_by     uuid        NOT NULL,
    decided_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT eligibility_overrides_pkey PRIMARY KEY (nomination_id, rule),
    CONSTRAINT eligibility_overrides_nomination_fkey FOREIGN KEY (nomination_id) REFERENCES nominations (id),
    CONSTRAINT eligibility_overrides_decided_by_fkey FOREIGN KEY (decided_by) REFERENCES accounts (id),
    CONSTRAINT eligibility_overrides_reason_text CHECK (btrim(reason) <> '' AND reason IS NFC NORMALIZED)
);
CREATE TRIGGER eligibility_overrides_immutable BEFORE UPDATE OR DELETE ON eligibility_overrides
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- A unit-wide cap, off unless a row is enabled: e.g. CSTĐ cơ sở ≤ 15% of the unit's LĐTT in the same period
-- (Nghị định 91/2017/NĐ-CP; current status unverified). Approvals lock the row, so two at once cannot pass it.
CREATE TABLE unit_caps (
    unit_id          uuid         NOT NULL,
    award_code       text         NOT NULL,
    base_award_code  text         NOT NULL,
    percent          numeric(5,2) NOT NULL,
    enabled          boolean      NOT NULL DEFAULT true,
    CONSTRAINT unit_caps_pkey PRIMARY KEY (unit_id, award_code),
    CONSTRAINT unit_caps_unit_fkey FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT unit_caps_award_fkey FOREIGN KEY (award_code) REFERENCES awards (code),
    CONSTRAINT unit_caps_base_award_fkey FOREIGN KEY (base_award_code) REFERENCES awards (code),
    CONSTRAINT unit_caps_percent_check CHECK (percent > 0 AND percent <= 100),
    CONSTRAINT unit_caps_distinct_awards CHECK (award_code <> base_award_code)
);
