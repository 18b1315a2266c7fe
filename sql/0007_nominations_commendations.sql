-- why: nominations (đề nghị khen thưởng), council reviews, decisions and commendations, revocations.

CREATE TABLE nominations (
    id                    uuid        NOT NULL DEFAULT gen_random_uuid(),
    movement_id           uuid        NOT NULL,
    award_code            text        NOT NULL,
    nominee_person_id     uuid,
    nominee_unit_id       uuid,
    achievements          text        NOT NULL DEFAULT '',
    status                text        NOT NULL DEFAULT 'draft',
    return_reason         text,
    decline_reason        text,
    recommendation_tally  jsonb,
    version               integer     NOT NULL DEFAULT 1,
    created_by            uuid        NOT NULL,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT nominations_pkey PRIMARY KEY (id),
    CONSTRAINT nominations_movement_fkey FOREIGN KEY (movement_id) REFERENCES movements (id),
    CONSTRAINT nominations_award_fkey FOREIGN KEY (award_code) REFERENCES awards (code),
    CONSTRAINT nominations_person_fkey FOREIGN KEY (nominee_person_id) REFERENCES people (id),
    CONSTRAINT nominations_unit_fkey FOREIGN KEY (nominee_unit_id) REFERENCES units (id),
    CONSTRAINT nominations_created_by_fkey FOREIGN KEY (created_by) REFERENCES accounts (id),
    CONSTRAINT nominations_one_nominee CHECK ((nominee_person_id IS NULL) <> (nominee_unit_id IS NULL)),
    CONSTRAINT nominations_text CHECK (achievements IS NFC NORMALIZED),
    CONSTRAINT nominations_status_check CHECK (status IN (
        'draft', 'submitted', 'in_review', 'returned', 'recommended', 'not_recommended', 'approved', 'declined', 'withdrawn')),
    CONSTRAINT nominations_returned_reason CHECK (status <> 'returned' OR return_reason IS NOT NULL),
    CONSTRAINT nominations_declined_reason CHECK (status <> 'declined' OR decline_reason IS NOT NULL),
    CONSTRAINT nominations_recommendation_tally CHECK (
        status NOT IN ('recommended', 'not_recommended', 'approved', 'declined') OR recommendation_tally IS NOT NULL)
);
CREATE INDEX nominations_list_idx ON nominations (created_at, id);
CREATE TRIGGER nominations_transition BEFORE UPDATE OF status ON nominations
    FOR EACH ROW EXECUTE FUNCTION enforce_workflow_transition();

ALTER TABLE evidence ADD CONSTRAINT evidence_nomination_fkey FOREIGN KEY (nomination_id) REFERENCES nominations (id);

CREATE TABLE nomination_models (
    nomination_id  uuid NOT NULL,
    model_id       uuid NOT NULL,
    CONSTRAINT nomination_models_pkey PRIMARY KEY (nomination_id, model_id),
    CONSTRAINT nomination_models_nomination_fkey FOREIGN KEY (nomination_id) REFERENCES nominations (id),
    CONSTRAINT nomination_models_model_fkey FOREIGN KEY (model_id) REFERENCES model_initiatives (id)
);

-- An admin may record that a council member stands aside from one nomination.
CREATE TABLE recusals (
    nomination_id  uuid        NOT NULL,
    account_id     uuid        NOT NULL,
    reason         text        NOT NULL,
    recorded_by    uuid        NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT recusals_pkey PRIMARY KEY (nomination_id, account_id),
    CONSTRAINT recusals_nomination_fkey FOREIGN KEY (nomination_id) REFERENCES nominations (id),
    CONSTRAINT recusals_account_fkey FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT recusals_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES accounts (id)
);

-- A council member's review of a nomination or of a model initiative. Replacing it keeps the earlier version (superseded_at).
CREATE TABLE reviews (
    id             uuid        NOT NULL DEFAULT gen_random_uuid(),
    nomination_id  uuid,
    model_id       uuid,
    movement_id    uuid        NOT NULL,
    reviewer_id    uuid        NOT NULL,
    vote           text        NOT NULL,
    comment        text        NOT NULL DEFAULT '',
    created_at     timestamptz NOT NULL DEFAULT now(),
    superseded_at  timestamptz,
    CONSTRAINT reviews_pkey PRIMARY KEY (id),
    CONSTRAINT reviews_nomination_fkey FOREIGN KEY (nomination_id) REFERENCES nominations (id),
    CONSTRAINT reviews_model_fkey FOREIGN KEY (model_id) REFERENCES model_initiatives (id),
    CONSTRAINT reviews_movement_fkey FOREIGN KEY (movement_id) REFERENCES movements (id),
    CONSTRAINT reviews_reviewer_fkey FOREIGN KEY (reviewer_id) REFERENCES accounts (id),
    CONSTRAINT reviews_one_subject CHECK ((nomination_id IS NULL) <> (model_id IS NULL)),
    CONSTRAINT reviews_vote_check CHECK (vote IN ('agree', 'disagree', 'abstain')),
    CONSTRAINT reviews_comment_text CHECK (comment IS NFC NORMALIZED)
);
CREATE UNIQUE INDEX reviews_one_current_per_member ON reviews (nomination_id, reviewer_id) WHERE superseded_at IS NULL AND nomination_id IS NOT NULL;
CREATE UNIQUE INDEX reviews_one_current_per_member_model ON reviews (model_id, reviewer_id) WHERE superseded_at IS NULL AND model_id IS NOT NULL;

CREATE TABLE review_scores (
    review_id       uuid    NOT NULL,
    movement_id     uuid    NOT NULL,
    criterion_code  text    NOT NULL,
    points          integer NOT NULL,
    CONSTRAINT review_scores_pkey PRIMARY KEY (review_id, criterion_code),
    CONSTRAINT review_scores_review_fkey FOREIGN KEY (review_id) REFERENCES reviews (id),
    CONSTRAINT review_scores_criterion_fkey FOREIGN KEY (movement_id, criterion_code) REFERENCES movement_criteria (movement_id, code),
    CONSTRAINT review_scores_points_check CHECK (points >= 0)
);

CREATE FUNCTION review_scores_within_maximum() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.points > (SELECT max_points FROM movement_criteria WHERE movement_id = NEW.movement_id AND code = NEW.criterion_code) THEN
        RAISE EXCEPTION 'points above the criterion''s maximum' USING ERRCODE = 'check_violation', CONSTRAINT = 'review_scores_within_maximum';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER review_scores_within_maximum BEFORE INSERT OR UPDATE ON review_scores
    FOR EACH ROW EXECUTE FUNCTION review_scores_within_maximum();

-- Nobody reviews a nomination or model of themselves or of a collective they belong to (or that contains their unit),
-- nor one they were recused from; nor once the council has concluded.
CREATE FUNCTION reviews_refuse_conflict_of_interest() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    subject_status text;
    subject_person uuid;
    subject_unit uuid;
    reviewer_person uuid;
    reviewer_unit uuid;
BEGIN
    IF NEW.nomination_id IS NOT NULL THEN
        SELECT status, nominee_person_id, nominee_unit_id INTO subject_status, subject_person, subject_unit
        FROM nominations WHERE id = NEW.nomination_id;
        IF subject_status NOT IN ('submitted', 'in_review') THEN
            RAISE EXCEPTION 'nomination is not open for review' USING ERRCODE = 'check_violation', CONSTRAINT = 'reviews_open_nomination';
        END IF;
        IF EXISTS (SELECT 1 FROM recusals WHERE nomination_id = NEW.nomination_id AND account_id = NEW.reviewer_id) THEN
            RAISE EXCEPTION 'reviewer was recused' USING ERRCODE = 'check_violation', CONSTRAINT = 'reviews_conflict_of_interest';
        END IF;
    ELSE
        SELECT status, owner_person_id, owner_unit_id INTO subject_status, subject_person, subject_unit
        FROM model_initiatives WHERE id = NEW.model_id;
        IF subject_status <> 'submitted' THEN
            RAISE EXCEPTION 'model is not submitted for recognition' USING ERRCODE = 'check_violation', CONSTRAINT = 'reviews_open_nomination';
        END IF;
    END IF;
    SELECT a.person_id, p.unit_id INTO reviewer_person, reviewer_unit
    FROM accounts a LEFT JOIN people p ON p.id = a.person_id WHERE a.id = NEW.reviewer_id;
    IF reviewer_person IS NOT NULL AND (
        subject_person = reviewer_person
        OR (subject_unit IS NOT NULL AND EXISTS (
            WITH RECURSIVE ancestry(id, parent_id) AS (
                SELECT id, parent_id FROM units WHERE id = reviewer_unit
                UNION
                SELECT u.id, u.parent_id FROM units u JOIN ancestry a ON u.id = a.parent_id)
            SELECT 1 FROM ancestry WHERE id = subject_unit)))
    THEN
        RAISE EXCEPTION 'a member never reviews their own work or their own collective''s'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'reviews_conflict_of_interest';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER reviews_refuse_conflict_of_interest BEFORE INSERT ON reviews
    FOR EACH ROW EXECUTE FUNCTION reviews_refuse_conflict_of_interest();

-- A signed decision (quyết định khen thưởng); several commendations may share one.
CREATE TABLE decisions (
    id             uuid        NOT NULL DEFAULT gen_random_uuid(),
    number         text        NOT NULL,
    decision_date  date        NOT NULL,
    signer_id      uuid        NOT NULL,
    signer_name    text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT decisions_pkey PRIMARY KEY (id),
    CONSTRAINT decisions_number_key UNIQUE (number),
    CONSTRAINT decisions_signer_fkey FOREIGN KEY (signer_id) REFERENCES accounts (id),
    CONSTRAINT decisions_number_text CHECK (number <> '' AND number IS NFC NORMALIZED)
);
CREATE TRIGGER decisions_immutable BEFORE UPDATE OR DELETE ON decisions
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- One achievement is rewarded once (Luật TĐKT 2022, nguyên tắc): one commendation per nomination.
CREATE TABLE commendations (
    id                 uuid        NOT NULL DEFAULT gen_random_uuid(),
    nomination_id      uuid        NOT NULL,
    decision_id        uuid        NOT NULL,
    award_code         text        NOT NULL,
    movement_id        uuid        NOT NULL,
    nominee_person_id  uuid,
    nominee_unit_id    uuid,
    created_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT commendations_pkey PRIMARY KEY (id),
    CONSTRAINT commendations_nomination_key UNIQUE (nomination_id),
    CONSTRAINT commendations_nomination_fkey FOREIGN KEY (nomination_id) REFERENCES nominations (id),
    CONSTRAINT commendations_decision_fkey FOREIGN KEY (decision_id) REFERENCES decisions (id),
    CONSTRAINT commendations_award_fkey FOREIGN KEY (award_code) REFERENCES awards (code),
    CONSTRAINT commendations_movement_fkey FOREIGN KEY (movement_id) REFERENCES movements (id),
    CONSTRAINT commendations_person_fkey FOREIGN KEY (nominee_person_id) REFERENCES people (id),
    CONSTRAINT commendations_unit_fkey FOREIGN KEY (nominee_unit_id) REFERENCES units (id),
    CONSTRAINT commendations_one_nominee CHECK ((nominee_person_id IS NULL) <> (nominee_unit_id IS NULL))
);
CREATE INDEX commendations_list_idx ON commendations (created_at, id);
CREATE TRIGGER commendations_immutable BEFORE UPDATE OR DELETE ON commendations
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- A commendation exists only for an approved nomination.
CREATE FUNCTION commendations_require_approval() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT status FROM nominations WHERE id = NEW.nomination_id) <> 'approved' THEN
        RAISE EXCEPTION 'only an approved nomination becomes a commendation'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'commendations_require_approval';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER commendations_require_approval BEFORE INSERT ON commendations
    FOR EACH ROW EXECUTE FUNCTION commendations_require_approval();

-- Revocation is a new record with its reason; the commendation itself stays as it was.
CREATE TABLE commendation_revocations (
    commendation_id  uuid        NOT NULL,
    reason           text        NOT NULL,
    decision_number  text        NOT NULL,
    revoked_by       uuid        NOT NULL,
    revoked_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT commendation_revocations_pkey PRIMARY KEY (commendation_id),
    CONSTRAINT commendation_revocations_commendation_fkey FOREIGN KEY (commendation_id) REFERENCES commendations (id),
    CONSTRAINT commendation_revocations_revoked_by_fkey FOREIGN KEY (revoked_by) REFERENCES accounts (id),
    CONSTRAINT commendation_revocations_text CHECK (reason <> '' AND decision_number <> '' AND reason IS NFC NORMALIZED)
);
CREATE TRIGGER commendation_revocations_immutable BEFORE UPDATE OR DELETE ON commendation_revocations
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
