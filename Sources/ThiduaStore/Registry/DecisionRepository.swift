import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// Signed decisions and what they contain, for printing.
public struct DecisionRepository: Sendable {
    let client: PostgresClient

    public init(client: PostgresClient) { self.client = client }

    /// The decision with this number (e.g. "12/QĐ-THAP") or id, with its commendations, the movements' legal bases
    /// and the issuing unit.
    public func document(_ numberOrId: String, logger: Logger) async throws -> DecisionDocument {
        let rows = try await client.rows(
            """
            SELECT id, number, decision_date::text, signer_name FROM decisions
            WHERE number = \(numberOrId) OR id::text = \(numberOrId.lowercased())
            """, logger: logger)
        guard let row = rows.first else { throw DomainError.notFound("quyết định \"\(numberOrId)\"") }
        let (id, number, date, signer) = try row.decode((UUID, String, String, String).self)

        var entries: [HonorList.Entry] = []
        for entry in try await client.rows(
            """
            SELECT c.nominee_person_id IS NULL, a.code, a.name, coalesce(p.full_name, nu.name), coalesce(p.position, ''),
                   coalesce(pu.name, nup.name, ''), n.achievements, mu.name, r.reason
            FROM commendations c
            JOIN awards a ON a.code = c.award_code
            JOIN nominations n ON n.id = c.nomination_id
            JOIN movements m ON m.id = c.movement_id
            JOIN units mu ON mu.id = m.unit_id
            LEFT JOIN people p ON p.id = c.nominee_person_id
            LEFT JOIN units pu ON pu.id = p.unit_id
            LEFT JOIN units nu ON nu.id = c.nominee_unit_id
            LEFT JOIN units nup ON nup.id = nu.parent_id
            LEFT JOIN commendation_revocations r ON r.commendation_id = c.id
            WHERE c.decision_id = \(id)
            ORDER BY c.nominee_person_id IS NULL, a.precedence, p.given_name, p.middle_name, p.family_name, nu.name, c.id
            """, logger: logger)
        {
            let (collective, code, award, name, position, unit, achievements, level, revocation) =
                try entry.decode((Bool, String, String, String, String, String, String, String, String?).self)
            entries.append(
                HonorList.Entry(
                    section: collective ? .collectives : .individuals, awardCode: code, awardName: award, name: name, position: position,
                    unit: unit,
                    achievements: achievements, decisionNumber: number, decisionDate: LocalDate(date) ?? LocalDate(1970, 1, 1),
                    decisionLevel: level,
                    amount: nil, revocation: revocation))
        }

        let movements = try await client.rows(
            "SELECT DISTINCT m.name FROM commendations c JOIN movements m ON m.id = c.movement_id WHERE c.decision_id = \(id) ORDER BY m.name",
            logger: logger
        ).map { try $0.decode(String.self) }
        let bases = try await client.rows(
            """
            SELECT d.number, d.issued_on::text, d.issuer, d.title FROM legal_documents d
            WHERE d.id IN (SELECT b.document_id FROM movement_legal_bases b JOIN commendations c ON c.movement_id = b.movement_id WHERE c.decision_id = \(id))
            ORDER BY d.issued_on, d.number
            """, logger: logger
        ).map { row in
            let (number, issued, issuer, title) = try row.decode((String, String, String, String).self)
            return DecisionDocument.Basis(number: number, date: LocalDate(issued) ?? LocalDate(1970, 1, 1), issuer: issuer, title: title)
        }
        let issuerRows = try await client.rows(
            """
            SELECT u.name, coalesce(p.name, '') FROM commendations c JOIN movements m ON m.id = c.movement_id
            JOIN units u ON u.id = m.unit_id LEFT JOIN units p ON p.id = u.parent_id WHERE c.decision_id = \(id) LIMIT 1
            """, logger: logger)
        let (unitName, parentName) = try issuerRows.first?.decode((String, String).self) ?? ("", "")
        return DecisionDocument(
            number: number, date: LocalDate(date) ?? LocalDate(1970, 1, 1), signer: signer,
            issuer: HonorList.Issuer(unitName: unitName, parentName: parentName, place: HonorListRepository.place(parentName)),
            movements: movements, bases: bases, entries: entries)
    }
}
