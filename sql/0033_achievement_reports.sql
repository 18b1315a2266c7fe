-- why: the báo cáo thành tích (issue 14, item 4; documents-and-law review §4.4). The higher awards are proposed with the
-- nominee's report on the decree's template — sơ lược lý lịch, the duties, the achievements with the year's figures,
-- the initiatives, the awards already received, the head's and the union's confirmation. thidua fills what it knows
-- (name, position, unit, ratings, recognised models, earlier commendations); the nominee or the union writes the rest,
-- kept here until the nomination is decided. Which awards need one is the catalogue's data: the titles and forms above a
-- school's own (CSTĐ, TTLĐXS, Cờ thi đua, Bằng khen, the district chairman's Giấy khen), changed by a later row of data.

ALTER TABLE awards ADD COLUMN needs_achievement_report boolean NOT NULL DEFAULT false;
UPDATE awards SET needs_achievement_report = true
WHERE code IN ('CSTD_TQ', 'CSTD_TINH', 'CSTD_CS', 'TTLDXS', 'CO_CP', 'CO_TINH', 'BK_TTG', 'BK_TINH', 'GK_HUYEN');

CREATE TABLE achievement_reports (
    nomination_id  uuid        NOT NULL,
    profile        text        NOT NULL DEFAULT '',
    duties         text        NOT NULL DEFAULT '',
    achievements   text        NOT NULL DEFAULT '',
    measures       text        NOT NULL DEFAULT '',
    version        integer     NOT NULL DEFAULT 1,
    updated_by     uuid,       -- NULL when written from the command line (the audit log names the operator)
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT achievement_reports_pkey PRIMARY KEY (nomination_id),
    CONSTRAINT achievement_reports_nomination_fkey FOREIGN KEY (nomination_id) REFERENCES nominations (id),
    CONSTRAINT achievement_reports_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES accounts (id),
    CONSTRAINT achievement_reports_text CHECK (
        length(profile) <= 10000 AND length(duties) <= 10000 AND length(achievements) <= 10000 AND length(measures) <= 10000
        AND profile IS NFC NORMALIZED AND duties IS NFC NORMALIZED AND achievements IS NFC NORMALIZED
        AND measures IS NFC NORMALIZED),
    CONSTRAINT achievement_reports_version_positive CHECK (version > 0)
);

-- A report is written while its nomination is not yet decided: once it is forwarded, approved, declined or withdrawn, the
-- report sent with it stays as it was.
CREATE FUNCTION achievement_reports_open() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT status FROM nominations WHERE id = NEW.nomination_id) IN ('forwarded', 'approved', 'declined', 'withdrawn') THEN
        RAISE EXCEPTION 'the nomination % is decided; its report is kept as it was', NEW.nomination_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'achievement_reports_open';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER achievement_reports_open BEFORE INSERT OR UPDATE ON achievement_reports
    FOR EACH ROW EXECUTE FUNCTION achievement_reports_open();
CREATE TRIGGER achievement_reports_no_delete BEFORE DELETE ON achievement_reports
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
