-- why: one table lists every allowed status change; one trigger refuses any other, whoever writes the SQL.

CREATE TABLE workflow_transitions (
    entity       text NOT NULL,
    from_status  text NOT NULL,
    to_status    text NOT NULL,
    CONSTRAINT workflow_transitions_pkey PRIMARY KEY (entity, from_status, to_status)
);

INSERT INTO workflow_transitions (entity, from_status, to_status) VALUES
    ('movements', 'draft', 'open'), ('movements', 'open', 'closed'), ('movements', 'closed', 'archived'),
    ('model_initiatives', 'registered', 'in_progress'), ('model_initiatives', 'in_progress', 'submitted'),
    ('model_initiatives', 'submitted', 'recognized'), ('model_initiatives', 'submitted', 'not_recognized'),
    ('model_initiatives', 'registered', 'withdrawn'), ('model_initiatives', 'in_progress', 'withdrawn'),
    ('model_initiatives', 'submitted', 'withdrawn'),
    ('nominations', 'draft', 'submitted'), ('nominations', 'returned', 'submitted'),
    ('nominations', 'submitted', 'in_review'),
    ('nominations', 'submitted', 'returned'), ('nominations', 'in_review', 'returned'),
    ('nominations', 'in_review', 'recommended'), ('nominations', 'in_review', 'not_recommended'),
    ('nominations', 'recommended', 'approved'), ('nominations', 'recommended', 'declined'),
    ('nominations', 'draft', 'withdrawn'), ('nominations', 'submitted', 'withdrawn'),
    ('nominations', 'in_review', 'withdrawn'), ('nominations', 'returned', 'withdrawn'),
    ('nominations', 'recommended', 'withdrawn'), ('nominations', 'not_recommended', 'withdrawn');

-- Attached to each workflow table: a status change must be listed above.
CREATE FUNCTION enforce_workflow_transition() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status AND NOT EXISTS (
        SELECT 1 FROM workflow_transitions
        WHERE entity = TG_TABLE_NAME AND from_status = OLD.status AND to_status = NEW.status
    ) THEN
        RAISE EXCEPTION '% cannot go from % to %', TG_TABLE_NAME, OLD.status, NEW.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'workflow_transition';
    END IF;
    RETURN NEW;
END;
$$;

-- Attached to records that are never changed or removed once written.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are immutable: % is refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'immutable_record';
END;
$$;
