-- why: the file a school sends upward (issue 14, item 3; documents-and-law review §4.3). A forwarded nomination kept only
-- the tờ trình's number and date: the tờ trình names whom it is sent to ("Kính gửi: Hội đồng Thi đua – Khen thưởng huyện
-- … (qua Phòng Giáo dục và Đào tạo)"), each nominee's file holds papers the clerk must gather (the báo cáo thành tích, the
-- recognition of a sáng kiến), and the higher level answers each nominee: approved, reduced to another award, or refused —
-- each with the document that says so.

-- Whom the tờ trình is addressed to; NULL: the authority that grants the award.
ALTER TABLE submissions ADD COLUMN addressee text;
ALTER TABLE submissions ADD CONSTRAINT submissions_addressee_text CHECK (
    addressee IS NULL OR (addressee <> '' AND length(addressee) <= 300 AND addressee IS NFC NORMALIZED));
CREATE INDEX submissions_number_idx ON submissions (number, submitted_on);

-- A piece of evidence may be one of the file's papers.
ALTER TABLE evidence ADD COLUMN paper text;
ALTER TABLE evidence ADD CONSTRAINT evidence_paper_check CHECK (paper IN ('achievement_report', 'initiative_recognition'));

-- The higher level's answer on a forwarded nominee, recorded once. Approved and reduced answers issue a commendation
-- (of the award granted); a refusal declines the nomination and keeps the reason.
CREATE TABLE submission_answers (
    nomination_id    uuid        NOT NULL,
    outcome          text        NOT NULL,
    issuer           text        NOT NULL,
    number           text        NOT NULL,
    answered_on      date        NOT NULL,
    award_code       text,
    commendation_id  uuid,
    reason           text,
    recorded_by      uuid        NOT NULL,
    recorded_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT submission_answers_pkey PRIMARY KEY (nomination_id),
    CONSTRAINT submission_answers_submission_fkey FOREIGN KEY (nomination_id) REFERENCES submissions (nomination_id),
    CONSTRAINT submission_answers_award_fkey FOREIGN KEY (award_code) REFERENCES awards (code),
    CONSTRAINT submission_answers_commendation_fkey FOREIGN KEY (commendation_id) REFERENCES commendations (id),
    CONSTRAINT submission_answers_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES accounts (id),
    CONSTRAINT submission_answers_outcome_check CHECK (outcome IN ('approved', 'reduced', 'refused')),
    CONSTRAINT submission_answers_granted CHECK (
        (outcome = 'refused') = (award_code IS NULL) AND (outcome = 'refused') = (commendation_id IS NULL)),
    CONSTRAINT submission_answers_refusal_reason CHECK (outcome <> 'refused' OR reason IS NOT NULL),
    CONSTRAINT submission_answers_text CHECK (
        issuer <> '' AND number <> '' AND (reason IS NULL OR reason <> '')
        AND length(issuer) <= 200 AND length(number) <= 100 AND (reason IS NULL OR length(reason) <= 1000)
        AND issuer IS NFC NORMALIZED AND number IS NFC NORMALIZED AND (reason IS NULL OR reason IS NFC NORMALIZED))
);
CREATE TRIGGER submission_answers_immutable BEFORE UPDATE OR DELETE ON submission_answers
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
REVOKE UPDATE, DELETE ON submission_answers FROM thidua_app;

-- The answer comes after the tờ trình; "approved" grants the award proposed, "reduced" another one.
CREATE FUNCTION submission_answers_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    s submissions;
    proposed text;
BEGIN
    SELECT * INTO s FROM submissions WHERE nomination_id = NEW.nomination_id;
    SELECT award_code INTO proposed FROM nominations WHERE id = NEW.nomination_id;
    IF NEW.answered_on < s.submitted_on THEN
        RAISE EXCEPTION 'answer of % before the submission of %', NEW.answered_on, s.submitted_on
            USING ERRCODE = 'check_violation', CONSTRAINT = 'submission_answers_after_submission';
    END IF;
    IF (NEW.outcome = 'approved' AND NEW.award_code <> proposed) OR (NEW.outcome = 'reduced' AND NEW.award_code = proposed) THEN
        RAISE EXCEPTION 'outcome % with award % for a nomination of %', NEW.outcome, NEW.award_code, proposed
            USING ERRCODE = 'check_violation', CONSTRAINT = 'submission_answers_award_of_outcome';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER submission_answers_check BEFORE INSERT ON submission_answers
    FOR EACH ROW EXECUTE FUNCTION submission_answers_check();
