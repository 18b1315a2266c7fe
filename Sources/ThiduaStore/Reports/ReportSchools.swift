import ThiduaCore

/// How a district's or a province's reports group their lines by school (issue 15): `scope(id, name, grouped, inside,
/// school_id, school)` holds the report's unit (the CTE `top(id)` the query defines before it) and every unit below,
/// each with the school (or agency) on its path when the report's unit is above schools — with its parent's name when
/// that is not the report's unit, as two schools of a province can share a name. A unit above schools groups its own
/// lines under its own name (`inside` false: they come first). A school's report is not grouped: `school` is NULL.
enum ReportSchools {
    /// `('province', 'district', 'commune')`: the kinds whose reports are grouped by school (`UnitKind.groupsBySchool`).
    static let groupingKinds = "(" + UnitKind.allCases.filter(\.groupsBySchool).map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"

    static let scope = """
        scope(id, name, grouped, inside, school_id, school) AS (
            SELECT id, name, kind IN \(groupingKinds), false,
                   CASE WHEN kind IN \(groupingKinds) THEN id END,
                   CASE WHEN kind IN \(groupingKinds) THEN name END
            FROM units WHERE id = (SELECT id FROM top)
            UNION
            SELECT u.id, u.name, s.grouped, s.inside OR (s.grouped AND u.kind IN ('school', 'agency')),
                   CASE WHEN s.grouped AND NOT s.inside AND u.kind <> 'collective' THEN u.id ELSE s.school_id END,
                   CASE WHEN s.grouped AND NOT s.inside AND u.kind <> 'collective'
                        THEN u.name || CASE WHEN u.kind IN ('school', 'agency') AND s.id <> (SELECT id FROM top)
                                            THEN ', ' || s.name ELSE '' END
                        ELSE s.school END
            FROM units u JOIN scope s ON u.parent_id = s.id)
        """

    /// `ranked(id, school_id, school, place)`, after `scope`: each unit with its school's place in the report's order (the
    /// office's own lines first, then the schools by name). A long list sorts on this number rather than comparing the
    /// schools' Vietnamese names (ICU) on every line.
    static let ranked = """
        ranked(id, school_id, school, place) AS (
            SELECT id, school_id, school, dense_rank() OVER (ORDER BY inside, school, school_id) FROM scope)
        """
}
