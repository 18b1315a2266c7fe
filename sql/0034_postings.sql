-- why: public posting before the headmaster signs (issue 14, item 7; documents-and-law review §4). A school posts the
-- list the council proposes for comment for some days (niêm yết công khai), on a page inside the school and as a
-- printed notice; staff may comment on a nominee or the list, and the council reads the comments. A nomination on a
-- posting is not decided before its window has ended: a decision dated inside the window is refused.

CREATE TABLE postings (
    id           uuid        NOT NULL DEFAULT gen_random_uuid(),
    movement_id  uuid        NOT NULL,
    posted_on    date        NOT NULL,
    days         integer     NOT NULL,
    place        text        NOT NULL,
    created_by   uuid,       -- NULL when posted from the command line (the audit log names the operator)
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT postings_pkey PRIMARY KEY (id),
    CONSTRAINT postings_movement_fkey FOREIGN KEY (movement_id) REFERENCES movements (id),
    CONSTRAINT postings_created_by_fkey FOREIGN KEY (created_by) REFERENCES accounts (id),
    CONSTRAINT postings_days_check CHECK (days BETWEEN 1 AND 30),
    CONSTRAINT postings_place_text CHECK (place <> '' AND length(place) <= 200 AND place IS NFC NORMALIZED),
    CONSTRAINT postings_once_a_day UNIQUE (movement_id, posted_on)
);
CREATE TRIGGER postings_immutable BEFORE UPDATE OR DELETE ON postings
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The nominations posted, as the list stood when it was posted.
CREATE TABLE posting_nominations (
    posting_id     uuid NOT NULL,
    nomination_id  uuid NOT NULL,
    CONSTRAINT posting_nominations_pkey PRIMARY KEY (posting_id, nomination_id),
    CONSTRAINT posting_nominations_posting_fkey FOREIGN KEY (posting_id) REFERENCES postings (id),
    CONSTRAINT posting_nominations_nomination_fkey FOREIGN KEY (nomination_id) REFERENCES nominations (id)
);
CREATE INDEX posting_nominations_nomination_idx ON posting_nominations (nomination_id);

-- A comment, on one nominee or on the whole list, made on a day inside the posting's window; never edited.
CREATE TABLE posting_comments (
    id             uuid        NOT NULL DEFAULT gen_random_uuid(),
    posting_id     uuid        NOT NULL,
    nomination_id  uuid,
    author_id      uuid,       -- NULL when recorded from the command line (a comment handed in on paper)
    author_name    text        NOT NULL,
    body           text        NOT NULL,
    commented_on   date        NOT NULL DEFAULT current_date,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT posting_comments_pkey PRIMARY KEY (id),
    CONSTRAINT posting_comments_posting_fkey FOREIGN KEY (posting_id) REFERENCES postings (id),
    CONSTRAINT posting_comments_on_the_list FOREIGN KEY (posting_id, nomination_id)
        REFERENCES posting_nominations (posting_id, nomination_id),
    CONSTRAINT posting_comments_author_fkey FOREIGN KEY (author_id) REFERENCES accounts (id),
    CONSTRAINT posting_comments_text CHECK (
        body <> '' AND length(body) <= 2000 AND body IS NFC NORMALIZED AND author_name <> '' AND author_name IS NFC NORMALIZED)
);
CREATE INDEX posting_comments_posting_idx ON posting_comments (posting_id, created_at);
CREATE TRIGGER posting_comments_immutable BEFORE UPDATE OR DELETE ON posting_comments
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE FUNCTION posting_comments_in_window() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    p postings;
BEGIN
    SELECT * INTO p FROM postings WHERE id = NEW.posting_id;
    IF NEW.commented_on < p.posted_on OR NEW.commented_on >= p.posted_on + p.days OR NEW.commented_on > current_date THEN
        RAISE EXCEPTION 'comment of % outside the posting of % for % days', NEW.commented_on, p.posted_on, p.days
            USING ERRCODE = 'check_violation', CONSTRAINT = 'posting_comments_in_window';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER posting_comments_in_window BEFORE INSERT ON posting_comments
    FOR EACH ROW EXECUTE FUNCTION posting_comments_in_window();

-- A posted nomination is decided only after its window: the decision's date comes after the last day of posting.
CREATE FUNCTION commendations_after_posting() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last_day date;
BEGIN
    SELECT max(p.posted_on + p.days - 1) INTO last_day
    FROM posting_nominations pn JOIN postings p ON p.id = pn.posting_id WHERE pn.nomination_id = NEW.nomination_id;
    IF last_day IS NOT NULL AND (SELECT decision_date FROM decisions WHERE id = NEW.decision_id) <= last_day THEN
        RAISE EXCEPTION 'nomination % is posted until %', NEW.nomination_id, last_day
            USING ERRCODE = 'check_violation', CONSTRAINT = 'commendations_after_posting';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER commendations_after_posting BEFORE INSERT ON commendations
    FOR EACH ROW EXECUTE FUNCTION commendations_after_posting();
