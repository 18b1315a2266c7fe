import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// Signed decisions and what they contain, for printing.
public struct DecisionRepository: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    /// The decision with this number (e.g. "12/QĐ-THAP") or id, with its commendations, the movements' legal bases
    /// and the issuing unit. A number alone finds it while it is unique; when several years (or issuers) used it, `year`
    /// picks one, and the error lists them.
    public func document(_ numberOrId: String, year: Int? = nil, logger: Logger) async throws -> DecisionDocument {
        let rows = try await client.rows(
            """
            SELECT id, number, decision_date, signer_name, issuer, signed_as, recipients FROM decisions
            WHERE (number = \(numberOrId) AND (\(year)::int IS NULL OR extract(year FROM decision_date) = \(year)))
               OR id::text = \(numberOrId.lowercased())
            ORDER BY decision_date
            """, logger: logger)
        guard let row = rows.first else {
            throw DomainError.notFound("quyết định \"\(numberOrId)\"" + (year.map { " năm \($0)" } ?? ""))
        }
        guard rows.count == 1 else {
            let candidates = try rows.map { row in
                let (_, _, date, _, issuer, _, _) = try row.decode((UUID, String, LocalDate, String, String?, String, [String]?).self)
                return "ngày \(date.vietnamese)" + (issuer.map { " (\($0))" } ?? "")
            }
            throw DomainError(
                .conflict,
                "Có \(rows.count) quyết định số \(numberOrId): \(candidates.joined(separator: "; ")). Chọn năm (--year) để in đúng quyết định.",
                violations: [.rule(field: "year", message: "Chọn năm của quyết định.")])
        }
        let (id, number, date, signer, _, signedAs, recipients) = try row.decode(
            (UUID, String, LocalDate, String, String?, String, [String]?).self)

        let entries = try await client.rows(
            "\(unescaped: HonorListRepository.lineSelect) WHERE c.decision_id = \(id) ORDER BY \(unescaped: HonorListRepository.lineOrder)",
            logger: logger
        ).map(HonorListRepository.line)

        // The movements it commends in, with their periods: a decision on one period names it.
        let movementRows = try await client.rows(
            """
            SELECT DISTINCT m.name, m.period_kind, m.period_year FROM commendations c JOIN movements m ON m.id = c.movement_id
            WHERE c.decision_id = \(id) ORDER BY m.name
            """, logger: logger
        ).map { try $0.decode((String, String, Int).self) }
        let periods = Set(movementRows.compactMap { Period(kindCode: $0.1, year: $0.2) })
        // The issuing unit: the one that launched the movements; its văn thư's settings head and sign the document.
        let issuerRows = try await client.rows(
            """
            SELECT u.id, u.name FROM commendations c JOIN movements m ON m.id = c.movement_id
            JOIN units u ON u.id = m.unit_id WHERE c.decision_id = \(id) LIMIT 1
            """, logger: logger)
        let (unitId, unitName) = try issuerRows.first?.decode((UUID?, String).self) ?? (nil, "")
        var settings = DocumentSettings.derived(parentName: "")
        // The unit's own bases (the circular, the regulations, the charter, its council) come before the movements' plans.
        var own: [LegalDocument] = []
        if let unitId {
            (settings, own) = try await client.withConnection {
                (
                    try await DocumentSettingsRepository.settings(of: unitId, on: $0, logger: logger).0,
                    try await UnitLegalBasesRepository.bases(of: unitId, on: $0, logger: logger)
                )
            }
        }
        let plans = try await client.rows(
            """
            SELECT \(unescaped: DocumentRepository.qualifiedColumns) FROM legal_documents d
            WHERE d.id IN (SELECT b.document_id FROM movement_legal_bases b JOIN commendations c ON c.movement_id = b.movement_id WHERE c.decision_id = \(id))
            ORDER BY d.issued_on, d.number
            """, logger: logger
        ).map { try DocumentRepository.document($0).item }
        let bases = DecisionDocument.bases(own: own, plans: plans, on: date)
        let terms = try await client.rows(
            """
            SELECT c.award_code, a.kind = 'title', (min(c.coefficient) FILTER (WHERE c.nominee_person_id IS NOT NULL))::text,
                   (min(c.coefficient * c.collective_factor) FILTER (WHERE c.nominee_unit_id IS NOT NULL))::text
            FROM commendations c JOIN awards a ON a.code = c.award_code
            WHERE c.decision_id = \(id) GROUP BY c.award_code, a.kind
            """, logger: logger
        ).map { row in
            let (code, isTitle, person, collective) = try row.decode((String, Bool, String?, String?).self)
            return DecisionDocument.AwardTerms(
                code: code, isTitle: isTitle, coefficient: person.flatMap(Coefficient.init)?.description ?? "",
                collectiveCoefficient: collective.flatMap(Coefficient.init)?.description ?? "")
        }
        var document = DecisionDocument(
            number: number, date: date, signer: signer,
            issuer: HonorList.Issuer(unitName: unitName, settings: settings),
            movements: movementRows.map(\.0), period: periods.count == 1 ? periods.first : nil, bases: bases, entries: entries,
            terms: terms, settings: settings, signedAs: SignedAs(rawValue: signedAs) ?? .head, recipients: recipients)
        // Thường xuyên, chuyên đề or đột xuất: the subject follows the kind its commendations share.
        let kinds = try await client.rows(
            """
            SELECT DISTINCT n.kind FROM commendations c JOIN nominations n ON n.id = c.nomination_id WHERE c.decision_id = \(id)
            """, logger: logger
        ).map { try $0.decode(CommendationKind.self) }
        document.kind = kinds.count == 1 ? kinds[0] : nil
        return document
    }

    /// The decision with this number for this issuer in this year, created if new: numbers restart at 01 each year (ND
    /// 30/2020), so next year's "15/QĐ-THAP" is another decision, and two authorities may both number "…/QĐ-UBND". The
    /// same number again in the same year with another date is a conflict (sql/0020 keeps it unique).
    static func findOrCreate(
        _ reference: DecisionReference, signer: Account, issuer: String? = nil, on connection: PostgresConnection, logger: Logger
    ) async throws -> UUID {
        let existing = try await connection.rows(
            """
            SELECT id, decision_date FROM decisions
            WHERE number = \(reference.number) AND coalesce(issuer, '') = \(issuer ?? "")
              AND extract(year FROM decision_date) = \(reference.date.year)
            """, logger: logger)
        if let row = existing.first {
            let (id, date) = try row.decode((UUID, LocalDate).self)
            guard date == reference.date else {
                throw DomainError(
                    .conflict,
                    "Quyết định số \(reference.number) năm \(date.year) "
                        + (issuer.map { "của \($0) " } ?? "")
                        + "đã có, ngày \(date.vietnamese); số quyết định chỉ đánh lại từ 01 khi sang năm mới, "
                        + "nên không dùng lại số này với ngày \(reference.date.vietnamese).",
                    violations: [.init(field: "decisionNumber", message: "Số quyết định này đã dùng trong năm \(date.year).")])
            }
            return id
        }
        let rows = try await connection.rows(
            """
            INSERT INTO decisions (number, decision_date, signer_id, signer_name, issuer, signed_as, recipients)
            VALUES (\(reference.number), \(reference.date), \(signer.id),
                    \(issuer == nil ? signer.displayName : ""), \(issuer), \(reference.signedAs.rawValue), \(reference.recipients))
            ON CONFLICT DO NOTHING
            RETURNING id
            """, logger: logger)
        if let row = rows.first { return try row.decode(UUID.self) }
        // Signed at the same moment by another request: use theirs if the date matches.
        return try await findOrCreate(reference, signer: signer, issuer: issuer, on: connection, logger: logger)
    }
}
