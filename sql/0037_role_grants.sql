-- why: one thidua for a district (issue 15). An account's roles were global, so one install could serve one school: a
-- headmaster of school A could approve school B's nominations. A role is now granted on a unit and applies to it and to
-- every unit below it. Every existing role becomes a grant on the top unit (the one unit without a parent; the whole
-- registry when there is none yet or several), so nothing changes for a one-school install. accounts.roles stays, kept
-- equal to the account's granted roles by a trigger, for the queries that read it; the checks read role_grants.
-- The database checks the scope of every audited change itself (every write records one): the acting account must
-- hold a role on the changed record's unit or above, whatever route or program made the change.
CREATE TABLE role_grants (
    id          uuid        NOT NULL DEFAULT gen_random_uuid(),
    account_id  uuid        NOT NULL,
    role        text        NOT NULL,
    unit_id     uuid,                  -- NULL: the whole registry
    granted_by  uuid,                  -- NULL: the command line, a migration or the account's creation
    granted_at  timestamptz NOT NULL DEFAULT now(),
    revoked_by  uuid,
    revoked_at  timestamptz,
    CONSTRAINT role_grants_pkey PRIMARY KEY (id),
    CONSTRAINT role_grants_account_fkey FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT role_grants_unit_fkey FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT role_grants_granted_by_fkey FOREIGN KEY (granted_by) REFERENCES accounts (id),
    CONSTRAINT role_grants_revoked_by_fkey FOREIGN KEY (revoked_by) REFERENCES accounts (id),
    CONSTRAINT role_grants_role_check CHECK (role IN ('admin', 'headmaster', 'council', 'union', 'staff', 'team_lead')),
    CONSTRAINT role_grants_revocation CHECK (revoked_by IS NULL OR revoked_at IS NOT NULL)
);
-- A role once on a unit while it is held; a revoked grant stays as history.
CREATE UNIQUE INDEX role_grants_once ON role_grants (account_id, role, unit_id) NULLS NOT DISTINCT WHERE revoked_at IS NULL;
CREATE INDEX role_grants_account_idx ON role_grants (account_id) WHERE revoked_at IS NULL;

-- The unit and every unit above it, the unit first (units.parent_id has no cycles: units_parent_cycle).
CREATE FUNCTION unit_path(uuid) RETURNS uuid[] LANGUAGE sql STABLE AS $$
    WITH RECURSIVE up (id, parent_id, depth) AS (
        SELECT u.id, u.parent_id, 0 FROM units u WHERE u.id = $1
        UNION ALL
        SELECT u.id, u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.parent_id WHERE up.depth < 32
    )
    SELECT coalesce(array_agg(id ORDER BY depth), '{}') FROM up
$$;

-- Every unit under the given ones, them included.
CREATE FUNCTION unit_subtree(uuid[]) RETURNS uuid[] LANGUAGE sql STABLE AS $$
    WITH RECURSIVE down (id, depth) AS (
        SELECT u.id, 0 FROM units u WHERE u.id = ANY ($1)
        UNION
        SELECT u.id, down.depth + 1 FROM units u JOIN down ON u.parent_id = down.id WHERE down.depth < 32
    )
    SELECT coalesce(array_agg(DISTINCT id), '{}') FROM down
$$;

-- The unit grants go to when none is named: the one unit without a parent; NULL (the whole registry) when there is
-- none yet or several.
CREATE FUNCTION top_unit() RETURNS uuid LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN count(*) = 1 THEN (array_agg(id))[1] END FROM units WHERE parent_id IS NULL
$$;

-- Whether the account holds one of `roles` (any role when NULL) on `unit` or above it; with `unit` NULL, whether it
-- holds it on the whole registry (a grant with no unit, or on the top unit).
CREATE FUNCTION account_covers(account uuid, unit uuid, roles text[] DEFAULT NULL) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (
        SELECT 1 FROM role_grants g
        WHERE g.account_id = account AND g.revoked_at IS NULL AND (roles IS NULL OR g.role = ANY (roles))
          AND (g.unit_id IS NULL OR g.unit_id = top_unit() OR (unit IS NOT NULL AND g.unit_id = ANY (unit_path(unit)))))
$$;

-- The council that reviews a movement's nominations and models: the members holding the council role on the nearest
-- unit, from the movement's own upwards, where anyone holds it (a school's council for a school's movement; in a
-- one-school install, wherever its council's grants are). With none on any unit, the whole registry's.
CREATE FUNCTION council_members(movement uuid) RETURNS SETOF uuid LANGUAGE sql STABLE AS $$
    SELECT DISTINCT g.account_id FROM role_grants g JOIN accounts a ON a.id = g.account_id
    WHERE g.role = 'council' AND g.revoked_at IS NULL AND a.disabled_at IS NULL
      AND g.unit_id IS NOT DISTINCT FROM (
          SELECT p.unit FROM movements m, unnest(unit_path(m.unit_id)) WITH ORDINALITY AS p (unit, depth)
          WHERE m.id = $1
            AND EXISTS (SELECT 1 FROM role_grants c WHERE c.role = 'council' AND c.revoked_at IS NULL AND c.unit_id = p.unit)
          ORDER BY p.depth LIMIT 1)
$$;

-- The unit a record belongs to, for each kind of entity the audit log names: a movement's unit (the unit running the
-- emulation) for what happens inside a movement, a person's unit for a person's records. NULL when the kind has no
-- unit (documents are shared) or the record is not there.
CREATE FUNCTION record_unit(entity text, id uuid) RETURNS uuid LANGUAGE sql STABLE AS $$
    SELECT CASE entity
        WHEN 'unit' THEN (SELECT u.id FROM units u WHERE u.id = $2)
        WHEN 'person' THEN (SELECT p.unit_id FROM people p WHERE p.id = $2)
        WHEN 'movement' THEN (SELECT m.unit_id FROM movements m WHERE m.id = $2)
        WHEN 'nomination' THEN (SELECT m.unit_id FROM nominations n JOIN movements m ON m.id = n.movement_id WHERE n.id = $2)
        WHEN 'model' THEN (SELECT m.unit_id FROM model_initiatives mi JOIN movements m ON m.id = mi.movement_id WHERE mi.id = $2)
        WHEN 'registration' THEN (SELECT m.unit_id FROM registrations r JOIN movements m ON m.id = r.movement_id WHERE r.id = $2)
        WHEN 'posting' THEN (SELECT m.unit_id FROM postings p JOIN movements m ON m.id = p.movement_id WHERE p.id = $2)
        WHEN 'commendation' THEN (SELECT m.unit_id FROM commendations c JOIN movements m ON m.id = c.movement_id WHERE c.id = $2)
        WHEN 'decision' THEN (
            SELECT m.unit_id FROM commendations c JOIN movements m ON m.id = c.movement_id WHERE c.decision_id = $2 LIMIT 1)
        WHEN 'evidence' THEN (
            SELECT m.unit_id FROM evidence e
            LEFT JOIN model_initiatives mi ON mi.id = e.model_id
            LEFT JOIN nominations n ON n.id = e.nomination_id
            JOIN movements m ON m.id = coalesce(mi.movement_id, n.movement_id)
            WHERE e.id = $2)
        WHEN 'council' THEN (SELECT c.unit_id FROM councils c WHERE c.id = $2)
        WHEN 'initiative' THEN (SELECT p.unit_id FROM initiatives i JOIN people p ON p.id = i.person_id WHERE i.id = $2)
        WHEN 'outside_commendation' THEN (
            SELECT coalesce(pc.unit_id, p.unit_id) FROM past_commendations pc LEFT JOIN people p ON p.id = pc.person_id
            WHERE pc.id = $2)
        WHEN 'account' THEN (SELECT p.unit_id FROM accounts a JOIN people p ON p.id = a.person_id WHERE a.id = $2)
    END
$$;

-- Every audited change made by an account is inside that account's scope. The catalogue, base salaries and the law's
-- settings are the whole registry's: only a grant on all of it changes them.
CREATE FUNCTION audit_log_in_scope() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    unit uuid;
BEGIN
    IF NEW.actor_account_id IS NULL OR NEW.entity_id = NEW.actor_account_id::text THEN
        RETURN NEW;
    END IF;
    IF NEW.entity IN ('award_rule', 'base_salary', 'law_settings') THEN
        IF NOT account_covers(NEW.actor_account_id, NULL) THEN
            RAISE EXCEPTION 'account % holds no role on the whole registry', NEW.actor_account_id
                USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'out_of_scope';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.entity_id !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        RETURN NEW;
    END IF;
    unit := record_unit(NEW.entity, NEW.entity_id::uuid);
    IF unit IS NOT NULL AND NOT account_covers(NEW.actor_account_id, unit) THEN
        RAISE EXCEPTION 'account % holds no role on unit % (% %)', NEW.actor_account_id, unit, NEW.entity, NEW.entity_id
            USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'out_of_scope';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER audit_log_in_scope BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_in_scope();

-- Who grants or revokes a role on a unit holds the admin role on it or above: an admin of a school manages the school,
-- not the district.
CREATE FUNCTION role_grants_by_admin() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    actor uuid := CASE TG_OP WHEN 'INSERT' THEN NEW.granted_by ELSE NEW.revoked_by END;
BEGIN
    IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'revoked_by' - 'revoked_at') IS DISTINCT FROM (to_jsonb(OLD) - 'revoked_by' - 'revoked_at')
       OR TG_OP = 'UPDATE' AND OLD.revoked_at IS NOT NULL THEN
        RAISE EXCEPTION 'a grant is never edited; it is revoked and another is granted'
            USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'immutable_record';
    END IF;
    IF actor IS NOT NULL AND NOT account_covers(actor, NEW.unit_id, ARRAY['admin']) THEN
        RAISE EXCEPTION 'account % is not an admin of unit %', actor, NEW.unit_id
            USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'role_grants_out_of_scope';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER role_grants_by_admin BEFORE INSERT OR UPDATE ON role_grants FOR EACH ROW EXECUTE FUNCTION role_grants_by_admin();
CREATE TRIGGER role_grants_kept BEFORE DELETE ON role_grants FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- accounts.roles is the set of roles the account holds anywhere; an account keeps at least one (accounts_roles_check:
-- to stop an account, disable it).
CREATE FUNCTION role_grants_sync_roles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE accounts a SET roles = coalesce(
        (SELECT array_agg(DISTINCT g.role ORDER BY g.role) FROM role_grants g WHERE g.account_id = a.id AND g.revoked_at IS NULL),
        '{}')
    WHERE a.id = NEW.account_id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER role_grants_sync_roles AFTER INSERT OR UPDATE ON role_grants FOR EACH ROW EXECUTE FUNCTION role_grants_sync_roles();

-- An account created without grants (by a program that predates them) gets its roles on the top unit when its
-- transaction commits.
CREATE FUNCTION accounts_default_grants() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM role_grants g WHERE g.account_id = NEW.id) THEN
        INSERT INTO role_grants (account_id, role, unit_id) SELECT NEW.id, r, top_unit() FROM unnest(NEW.roles) r;
    END IF;
    RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER accounts_default_grants AFTER INSERT ON accounts DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION accounts_default_grants();

-- Today's roles: on the top unit; a tổ trưởng's on the tổ the account was scoped to (account_scopes, sql/0031, which
-- only team reviews read: the account's other roles reached the whole school, as they do now). account_scopes is no
-- longer read.
INSERT INTO role_grants (account_id, role, unit_id, granted_at)
SELECT a.id, r, CASE WHEN r = 'team_lead' THEN coalesce(s.unit_id, top_unit()) ELSE top_unit() END, a.created_at
FROM accounts a CROSS JOIN LATERAL unnest(a.roles) r LEFT JOIN account_scopes s ON s.account_id = a.id;
