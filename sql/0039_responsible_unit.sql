-- The unit whose holders of `roles` answer for a unit's work: the nearest, from the unit itself upwards, where anyone
-- holds one of them (a school's head for a school's movement, even when a district's head is above; in a one-school
-- install, wherever its accounts' grants are). NULL when no unit has one: then the whole registry's grants answer.
-- The work queues (the head's decisions, the council's reviews) list a record only for the office that answers it, so
-- a district's head does not find every school's to-dos on her home page.
CREATE FUNCTION responsible_unit(unit uuid, roles text[]) RETURNS uuid LANGUAGE sql STABLE AS $$
    SELECT p.unit FROM unnest(unit_path($1)) WITH ORDINALITY AS p (unit, depth)
    WHERE EXISTS (SELECT 1 FROM role_grants g WHERE g.role = ANY ($2) AND g.revoked_at IS NULL AND g.unit_id = p.unit)
    ORDER BY p.depth
    LIMIT 1
$$;

-- The council that reviews a movement's nominations and models: the council role's holders on the movement's
-- responsible unit (its 2/3 count). Same members as sql/0037's definition, now through responsible_unit.
CREATE OR REPLACE FUNCTION council_members(movement uuid) RETURNS SETOF uuid LANGUAGE sql STABLE AS $$
    SELECT DISTINCT g.account_id FROM role_grants g JOIN accounts a ON a.id = g.account_id
    WHERE g.role = 'council' AND g.revoked_at IS NULL AND a.disabled_at IS NULL
      AND g.unit_id IS NOT DISTINCT FROM (SELECT responsible_unit(m.unit_id, ARRAY['council']) FROM movements m WHERE m.id = $1)
$$;
