-- why: every file a school sends upward carries the biên bản họp Hội đồng Thi đua – Khen thưởng (issue 14, item 2;
-- documents-and-law review §4.2): date, place, chair and secretary, attendance x/y, and per nominee "số phiếu đồng ý /
-- tổng số thành viên, tỷ lệ %" with the conclusion. The council is the one the head's decision set up for the year
-- (members, chair, secretary: people, with or without an account), and its membership is the vote denominator. Titles
-- voted by secret ballot (Chiến sĩ thi đua) carry the ballot totals the vote counters read out.

-- Which awards the council votes on by secret ballot (Luật TĐKT 2022 and its decree: the Chiến sĩ thi đua titles).
ALTER TABLE awards ADD COLUMN secret_ballot boolean NOT NULL DEFAULT false;
UPDATE awards SET secret_ballot = true WHERE code IN ('CSTD_CS', 'CSTD_TINH', 'CSTD_TQ');

-- The council for one period of a unit (the head's decision setting it up for the school year).
CREATE TABLE councils (
    id               uuid        NOT NULL DEFAULT gen_random_uuid(),
    unit_id          uuid        NOT NULL,
    period_kind      text        NOT NULL,
    period_year      integer     NOT NULL,
    decision_number  text        NOT NULL,
    decision_date    date        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT councils_pkey PRIMARY KEY (id),
    CONSTRAINT councils_unit_fkey FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT councils_once_a_period UNIQUE (unit_id, period_kind, period_year),
    CONSTRAINT councils_period_kind_check CHECK (period_kind IN ('school_year', 'calendar_year')),
    CONSTRAINT councils_decision_text CHECK (
        decision_number <> '' AND decision_number = btrim(decision_number) AND decision_number IS NFC NORMALIZED)
);

-- Its members: one chair and one secretary; the others members or vice-chairs.
CREATE TABLE council_members (
    council_id  uuid    NOT NULL,
    person_id   uuid    NOT NULL,
    duty        text    NOT NULL,
    ordinal     integer NOT NULL,
    CONSTRAINT council_members_pkey PRIMARY KEY (council_id, person_id),
    CONSTRAINT council_members_council_fkey FOREIGN KEY (council_id) REFERENCES councils (id),
    CONSTRAINT council_members_person_fkey FOREIGN KEY (person_id) REFERENCES people (id),
    CONSTRAINT council_members_duty_check CHECK (duty IN ('chair', 'vice_chair', 'secretary', 'member'))
);
CREATE UNIQUE INDEX council_members_one_chair ON council_members (council_id) WHERE duty = 'chair';
CREATE UNIQUE INDEX council_members_one_secretary ON council_members (council_id) WHERE duty = 'secretary';

-- The council's meeting on a movement's nominations: one a movement, held on a day that has passed.
CREATE TABLE council_meetings (
    id            uuid        NOT NULL DEFAULT gen_random_uuid(),
    movement_id   uuid        NOT NULL,
    council_id    uuid        NOT NULL,
    held_on       date        NOT NULL,
    starts_at     time        NOT NULL,
    ends_at       time        NOT NULL,
    place         text        NOT NULL,
    chair_id      uuid        NOT NULL,
    secretary_id  uuid        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT council_meetings_pkey PRIMARY KEY (id),
    CONSTRAINT council_meetings_movement_key UNIQUE (movement_id),
    CONSTRAINT council_meetings_id_council_key UNIQUE (id, council_id),
    CONSTRAINT council_meetings_movement_fkey FOREIGN KEY (movement_id) REFERENCES movements (id),
    CONSTRAINT council_meetings_council_fkey FOREIGN KEY (council_id) REFERENCES councils (id),
    CONSTRAINT council_meetings_chair_fkey FOREIGN KEY (council_id, chair_id) REFERENCES council_members (council_id, person_id),
    CONSTRAINT council_meetings_secretary_fkey FOREIGN KEY (council_id, secretary_id)
        REFERENCES council_members (council_id, person_id),
    CONSTRAINT council_meetings_two_people CHECK (chair_id <> secretary_id),
    CONSTRAINT council_meetings_hours CHECK (starts_at < ends_at),
    CONSTRAINT council_meetings_place_text CHECK (
        place <> '' AND place = btrim(place) AND length(place) <= 300 AND place IS NFC NORMALIZED)
);

-- Members who did not attend, with the reason the biên bản gives.
CREATE TABLE council_meeting_absences (
    meeting_id  uuid NOT NULL,
    council_id  uuid NOT NULL,
    person_id   uuid NOT NULL,
    reason      text NOT NULL,
    CONSTRAINT council_meeting_absences_pkey PRIMARY KEY (meeting_id, person_id),
    CONSTRAINT council_meeting_absences_meeting_fkey FOREIGN KEY (meeting_id, council_id)
        REFERENCES council_meetings (id, council_id),
    CONSTRAINT council_meeting_absences_member_fkey FOREIGN KEY (council_id, person_id)
        REFERENCES council_members (council_id, person_id),
    CONSTRAINT council_meeting_absences_reason_text CHECK (
        reason <> '' AND reason = btrim(reason) AND length(reason) <= 300 AND reason IS NFC NORMALIZED)
);

-- The ballot totals of a secret vote on one nomination: issued ≥ returned ≥ valid ≥ agreeing.
CREATE TABLE council_ballots (
    meeting_id     uuid    NOT NULL,
    nomination_id  uuid    NOT NULL,
    issued         integer NOT NULL,
    returned       integer NOT NULL,
    valid          integer NOT NULL,
    agree          integer NOT NULL,
    CONSTRAINT council_ballots_pkey PRIMARY KEY (meeting_id, nomination_id),
    CONSTRAINT council_ballots_meeting_fkey FOREIGN KEY (meeting_id) REFERENCES council_meetings (id),
    CONSTRAINT council_ballots_nomination_fkey FOREIGN KEY (nomination_id) REFERENCES nominations (id),
    CONSTRAINT council_ballots_counts CHECK (0 <= agree AND agree <= valid AND valid <= returned AND returned <= issued)
);

-- A meeting is the council of the movement's own unit and period, held inside the movement's period and not in the
-- future; at a meeting the present members (members less absences) are the most ballots that can be issued.
CREATE FUNCTION council_meetings_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    m movements;
    c councils;
BEGIN
    SELECT * INTO m FROM movements WHERE id = NEW.movement_id;
    SELECT * INTO c FROM councils WHERE id = NEW.council_id;
    IF c.unit_id <> m.unit_id OR c.period_kind <> m.period_kind OR c.period_year <> m.period_year THEN
        RAISE EXCEPTION 'council % is not the council of movement %', NEW.council_id, NEW.movement_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'council_meetings_council_of_movement';
    END IF;
    IF NEW.held_on < m.starts_on OR NEW.held_on > m.ends_on OR NEW.held_on > current_date OR NEW.held_on < c.decision_date THEN
        RAISE EXCEPTION 'meeting date % outside the movement''s period', NEW.held_on
            USING ERRCODE = 'check_violation', CONSTRAINT = 'council_meetings_date';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER council_meetings_check BEFORE INSERT OR UPDATE ON council_meetings
    FOR EACH ROW EXECUTE FUNCTION council_meetings_check();

CREATE FUNCTION council_ballots_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    present integer;
    same_movement boolean;
    by_ballot boolean;
BEGIN
    SELECT count(*) - (SELECT count(*) FROM council_meeting_absences a WHERE a.meeting_id = NEW.meeting_id)
        INTO present
    FROM council_members cm JOIN council_meetings mt ON mt.council_id = cm.council_id WHERE mt.id = NEW.meeting_id;
    SELECT n.movement_id = mt.movement_id, a.secret_ballot INTO same_movement, by_ballot
    FROM nominations n JOIN council_meetings mt ON mt.id = NEW.meeting_id JOIN awards a ON a.code = n.award_code
    WHERE n.id = NEW.nomination_id;
    IF NOT same_movement OR NOT by_ballot THEN
        RAISE EXCEPTION 'nomination % is not voted by secret ballot at meeting %', NEW.nomination_id, NEW.meeting_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'council_ballots_secret_nomination';
    END IF;
    IF NEW.issued > present THEN
        RAISE EXCEPTION '% ballots issued, % members present', NEW.issued, present
            USING ERRCODE = 'check_violation', CONSTRAINT = 'council_ballots_present';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER council_ballots_check BEFORE INSERT OR UPDATE ON council_ballots
    FOR EACH ROW EXECUTE FUNCTION council_ballots_check();
