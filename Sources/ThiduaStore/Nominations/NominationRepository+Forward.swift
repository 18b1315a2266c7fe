import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// One of several nominations sent up together could not go: which, and why. Nothing was stored.
public struct RefusedNomination: Error, Sendable {
    public let id: ID<Nomination>
    public let error: DomainError
}

extension NominationRepository {
    /// An award above the unit's authority: the headmaster's approval forwards it with a submission (tờ trình), addressed
    /// to `addressee` (nil: the authority that grants the award).
    public func forward(
        _ id: ID<Nomination>, submission reference: DecisionReference, addressee: String? = nil, expectedVersion: Int?,
        by signer: Account, logger: Logger
    ) async throws -> Nomination {
        try await client.transaction(logger: logger) { connection in
            try await Self.forward(
                id, submission: reference, addressee: addressee, expectedVersion: expectedVersion, on: connection, by: signer,
                logger: logger)
        }
    }

    /// Several nominations sent up with one tờ trình — its number, date and addressee shared, as a school sends its year's
    /// file — all or none: the first that cannot go is named (`RefusedNomination`) and nothing is stored.
    public func forwardAll(
        _ ids: [ID<Nomination>], submission reference: DecisionReference, addressee: String? = nil, by signer: Account,
        logger: Logger
    ) async throws -> [Nomination] {
        try Self.checkChosen(ids)
        return try await client.transaction(logger: logger) { connection in
            var forwarded: [Nomination] = []
            for id in ids {
                do {
                    forwarded.append(
                        try await Self.forward(
                            id, submission: reference, addressee: addressee, expectedVersion: nil, on: connection, by: signer,
                            logger: logger))
                } catch let error as DomainError {
                    throw RefusedNomination(id: id, error: error)
                }
            }
            return forwarded
        }
    }

    /// Nominations chosen to go together: at least one, none twice.
    static func checkChosen(_ ids: [ID<Nomination>]) throws(DomainError) {
        guard !ids.isEmpty else { throw DomainError.validation([.init(field: "nominationIds", message: "Chọn ít nhất một đề nghị.")]) }
        guard Set(ids).count == ids.count else {
            throw DomainError.validation([.init(field: "nominationIds", message: "Một đề nghị được liệt kê hai lần.")])
        }
    }

    static func forward(
        _ id: ID<Nomination>, submission reference: DecisionReference, addressee: String?, expectedVersion: Int?,
        on connection: PostgresConnection, by signer: Account, logger: Logger
    ) async throws -> Nomination {
        let current = try await Self.find(id, on: connection, lock: true, logger: logger)
        let authority = try await Self.authority(for: current, on: reference.date, connection: connection, logger: logger)
        guard !authority.grants else {
            throw DomainError(
                .conflict,
                "\"\(authority.awardName)\" do \(authority.unitName) tự quyết định, không cần tờ trình: hãy ký quyết định "
                    + "khen thưởng (số và ngày quyết định).",
                violations: [
                    .init(field: "decisionNumber", message: "Khen thưởng này do đơn vị tự quyết định: ký quyết định thay cho tờ trình.")
                ])
        }
        let reason = "Tờ trình số \(reference.number) ngày \(reference.date.vietnamese) gửi \(authority.required.name)"
        try await Self.move(
            id, to: .forwarded, reason: reason, expectedVersion: expectedVersion, on: connection, by: Actor(account: signer),
            logger: logger)
        try await connection.rows(
            """
            INSERT INTO submissions (nomination_id, number, submitted_on, authority_level, submitted_by, addressee)
            VALUES (\(id), \(reference.number), \(reference.date), \(authority.required.code),
                    \(signer.id), \(addressee))
            """, logger: logger)
        return try await Self.find(id, on: connection, lock: false, logger: logger)
    }
}
