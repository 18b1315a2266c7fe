-- why: before the council meets, each tổ holds its bình xét (issue 14, item 2; documents-and-law review §4.2): who
-- attended, the votes each member received for the title proposed, and the list the tổ trưởng sends to the council, with
-- its biên bản. A new role, team_lead (tổ trưởng), records it for the tổ the account is scoped to; a scope is the unit an
-- account's roles apply to (its subtree), none meaning the whole registry — the form the district issue gives every role.

ALTER TABLE accounts DROP CONSTRAINT accounts_roles_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_roles_check CHECK (
    cardinality(roles) > 0 AND roles <@ ARRAY['admin', 'headmaster', 'council', 'union', 'staff', 'team_lead']::text[]);

CREATE TABLE account_scopes (
    account_id  uuid NOT NULL,
    unit_id     uuid NOT NULL,
    CONSTRAINT account_scopes_pkey PRIMARY KEY (account_id),
    CONSTRAINT account_scopes_account_fkey FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT account_scopes_unit_fkey FOREIGN KEY (unit_id) REFERENCES units (id)
);

-- One review a tổ a movement: its members are the people of the tổ when it is recorded (their number kept).
CREATE TABLE team_reviews (
    id            uuid        NOT NULL DEFAULT gen_random_uuid(),
    movement_id   uuid        NOT NULL,
    unit_id       uuid        NOT NULL,
    held_on       date        NOT NULL,
    starts_at     time        NOT NULL,
    ends_at       time        NOT NULL,
    place         text        NOT NULL,
    chair_id      uuid        NOT NULL,
    secretary_id  uuid        NOT NULL,
    member_count  integer     NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT team_reviews_pkey PRIMARY KEY (id),
    CONSTRAINT team_reviews_once UNIQUE (movement_id, unit_id),
    CONSTRAINT team_reviews_movement_fkey FOREIGN KEY (movement_id) REFERENCES movements (id),
    CONSTRAINT team_reviews_unit_fkey FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT team_reviews_chair_fkey FOREIGN KEY (chair_id) REFERENCES people (id),
    CONSTRAINT team_reviews_secretary_fkey FOREIGN KEY (secretary_id) REFERENCES people (id),
    CONSTRAINT team_reviews_two_people CHECK (chair_id <> secretary_id),
    CONSTRAINT team_reviews_hours CHECK (starts_at < ends_at),
    CONSTRAINT team_reviews_members CHECK (member_count > 0),
    CONSTRAINT team_reviews_place_text CHECK (
        place <> '' AND place = btrim(place) AND length(place) <= 300 AND place IS NFC NORMALIZED)
);

CREATE TABLE team_review_absences (
    review_id  uuid NOT NULL,
    person_id  uuid NOT NULL,
    reason     text NOT NULL,
    CONSTRAINT team_review_absences_pkey PRIMARY KEY (review_id, person_id),
    CONSTRAINT team_review_absences_review_fkey FOREIGN KEY (review_id) REFERENCES team_reviews (id),
    CONSTRAINT team_review_absences_person_fkey FOREIGN KEY (person_id) REFERENCES people (id),
    CONSTRAINT team_review_absences_reason_text CHECK (
        reason <> '' AND reason = btrim(reason) AND length(reason) <= 300 AND reason IS NFC NORMALIZED)
);

-- The votes a member received for the title the tổ considered for them.
CREATE TABLE team_review_votes (
    review_id   uuid    NOT NULL,
    person_id   uuid    NOT NULL,
    title_code  text    NOT NULL,
    agree       integer NOT NULL,
    CONSTRAINT team_review_votes_pkey PRIMARY KEY (review_id, person_id),
    CONSTRAINT team_review_votes_review_fkey FOREIGN KEY (review_id) REFERENCES team_reviews (id),
    CONSTRAINT team_review_votes_person_fkey FOREIGN KEY (person_id) REFERENCES people (id),
    CONSTRAINT team_review_votes_title_fkey FOREIGN KEY (title_code) REFERENCES awards (code),
    CONSTRAINT team_review_votes_agree CHECK (agree >= 0)
);

-- A review is a tổ's (a collective under the movement's unit), held inside the movement's period and not in the future,
-- chaired and minuted by two of its members.
CREATE FUNCTION team_reviews_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    m movements;
    u units;
BEGIN
    SELECT * INTO m FROM movements WHERE id = NEW.movement_id;
    SELECT * INTO u FROM units WHERE id = NEW.unit_id;
    IF u.kind <> 'collective' OR u.parent_id IS DISTINCT FROM m.unit_id THEN
        RAISE EXCEPTION 'unit % is not a tổ of the movement''s unit', NEW.unit_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'team_reviews_team_of_movement';
    END IF;
    IF NEW.held_on < m.starts_on OR NEW.held_on > m.ends_on OR NEW.held_on > current_date THEN
        RAISE EXCEPTION 'review date % outside the movement''s period', NEW.held_on
            USING ERRCODE = 'check_violation', CONSTRAINT = 'team_reviews_date';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM people WHERE id = NEW.chair_id AND unit_id = NEW.unit_id)
       OR NOT EXISTS (SELECT 1 FROM people WHERE id = NEW.secretary_id AND unit_id = NEW.unit_id) THEN
        RAISE EXCEPTION 'the chair and the secretary must be members of the tổ'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'team_reviews_members_of_team';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER team_reviews_check BEFORE INSERT OR UPDATE ON team_reviews
    FOR EACH ROW EXECUTE FUNCTION team_reviews_check();

-- A vote is for a member of the tổ and an individual title, and no more than the members present.
CREATE FUNCTION team_review_votes_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    r team_reviews;
    present integer;
    title awards;
BEGIN
    SELECT * INTO r FROM team_reviews WHERE id = NEW.review_id;
    SELECT r.member_count - count(*) INTO present FROM team_review_absences WHERE review_id = NEW.review_id;
    SELECT * INTO title FROM awards WHERE code = NEW.title_code;
    IF NOT EXISTS (SELECT 1 FROM people WHERE id = NEW.person_id AND unit_id = r.unit_id) THEN
        RAISE EXCEPTION 'person % is not a member of the tổ', NEW.person_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'team_review_votes_member';
    END IF;
    IF title.kind <> 'title' OR title.recipient <> 'individual' THEN
        RAISE EXCEPTION 'award % is not an individual title', NEW.title_code
            USING ERRCODE = 'check_violation', CONSTRAINT = 'team_review_votes_title_kind';
    END IF;
    IF NEW.agree > present THEN
        RAISE EXCEPTION '% votes, % members present', NEW.agree, present
            USING ERRCODE = 'check_violation', CONSTRAINT = 'team_review_votes_present';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER team_review_votes_check BEFORE INSERT OR UPDATE ON team_review_votes
    FOR EACH ROW EXECUTE FUNCTION team_review_votes_check();
