import Foundation
import PostgresNIO
import Testing
import ThiduaCore
import ThiduaTestSupport
@testable import ThiduaStore

@Suite("Registry rules held by the database")
struct RegistryRuleTests {
    @Test("The database's transition table is exactly the domain's")
    func transitionTablesAgree() async throws {
        try await TestDatabase.with { database, client in
            var stored = Set<String>()
            for try await (entity, from, to) in try await client.query(
                "SELECT entity, from_status, to_status FROM workflow_transitions", logger: database.logger
            )
            .decode((String, String, String).self) {
                stored.insert("\(entity):\(from)>\(to)")
            }
            func moves<S: WorkflowStatus>(_ type: S.Type) -> Set<String> {
                Set(S.moves.flatMap { from, targets in targets.map { "\(S.entity):\(from.rawValue)>\($0.rawValue)" } })
            }
            #expect(
                stored
                    == moves(MovementStatus.self).union(moves(ModelStatus.self)).union(moves(NominationStatus.self))
                    .union(moves(Initiative.Status.self)))
        }
    }

    @Test(
        "A direct SQL update cannot skip a workflow step",
        arguments: [
            "UPDATE nominations SET status = 'approved'",
            "UPDATE nominations SET status = 'recommended'",
            "UPDATE movements SET status = 'archived'",
        ])
    func sqlCannotSkipSteps(statement: String) async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            _ = try await f.nomination(seed, status: .draft)
            await expectConstraint("workflow_transition") {
                try await client.query(PostgresQuery(unsafeSQL: statement), logger: database.logger)
            }
        }
    }

    @Test("A commendation cannot be inserted for a nomination that was not approved, nor edited once issued")
    func commendationsGuarded() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let recommended = try await f.nomination(seed, status: .recommended)
            // The decision exists, so the only thing that can refuse the insert below is the approval rule.
            try await client.query(
                """
                INSERT INTO decisions (number, decision_date, signer_id, signer_name) SELECT '9/QĐ', '2024-01-01', id, 'x' FROM accounts LIMIT 1;
                """, logger: database.logger)
            await expectConstraint("commendations_require_approval") {
                try await client.query(
                    """
                    INSERT INTO commendations (nomination_id, decision_id, award_code, movement_id, nominee_person_id)
                    SELECT \(recommended.id.rawValue), d.id, 'LDTT', \(f.movement.id.rawValue), \(f.teacher.id.rawValue) FROM decisions d
                    """, logger: database.logger)
            }
            #expect(try await seed.count("commendations") == 0)
            let commendation = try await NominationRepository(client: client).approve(
                recommended.id, decision: DecisionReference.validate(number: "12/QĐ-THAP", date: "2024-05-20"), expectedVersion: nil,
                by: f.headmasterAccount, logger: database.logger)
            await expectConstraint("immutable_record") {
                try await client.query(
                    "UPDATE commendations SET award_code = 'CSTD_CS' WHERE id = \(commendation.id.rawValue)", logger: database.logger)
            }
            await expectConstraint("immutable_record") {
                try await client.query("DELETE FROM commendations WHERE id = \(commendation.id.rawValue)", logger: database.logger)
            }
        }
    }

    @Test("Two headmasters approving the same nomination at once give one commendation")
    func concurrentApprovals() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let recommended = try await f.nomination(seed, status: .recommended)
            let repository = NominationRepository(client: client)
            let results = await withTaskGroup(of: Bool.self) { group in
                for number in ["12/QĐ-THAP", "13/QĐ-THAP", "14/QĐ-THAP", "15/QĐ-THAP"] {
                    group.addTask {
                        let decision = try? DecisionReference.validate(number: number, date: "2024-05-20")
                        return
                            (try? await repository.approve(
                                recommended.id, decision: decision!, expectedVersion: nil, by: f.headmasterAccount, logger: database.logger))
                            != nil
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 1)
            #expect(try await seed.count("commendations") == 1)
        }
    }

    @Test("A council member cannot review their own nomination or their collective's, even through SQL")
    func conflictOfInterest() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let repository = NominationRepository(client: client)
            // council[0] belongs to the collective THAP-K1.
            let ofCollective = try await f.nomination(seed, status: .submitted, award: "GK", nominee: .unit(f.collective.id))
            await #expect(
                throws: DomainError.forbidden(
                    "Thành viên hội đồng không chấm đề nghị của chính mình, của tập thể mình, hoặc đề nghị mình đã xin rút khỏi.")
            ) {
                try await ReviewRepository(client: client).review(
                    .nomination(ofCollective.id), by: f.council[0].account, scores: ["KQ": 40, "LT": 60], vote: .agree, comment: "",
                    logger: database.logger)
            }
            let ofThemselves = try await f.nomination(seed, status: .submitted, nominee: .person(f.councilPeople[1].id))
            await expectConstraint("reviews_conflict_of_interest") {
                try await client.query(
                    """
                    INSERT INTO reviews (nomination_id, movement_id, reviewer_id, vote)
                    VALUES (\(ofThemselves.id.rawValue), \(f.movement.id.rawValue), \(f.council[1].account.id.rawValue), 'agree')
                    """, logger: database.logger)
            }
            // Others may review.
            _ = try await ReviewRepository(client: client).review(
                .nomination(ofCollective.id), by: f.council[1].account, scores: ["KQ": 40, "LT": 60], vote: .agree, comment: "",
                logger: database.logger)
            #expect(try await seed.count("reviews") == 1)
        }
    }

    @Test("A review must score every criterion within its maximum")
    func reviewScoresValidated() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let submitted = try await f.nomination(seed, status: .submitted)
            let repository = NominationRepository(client: client)
            for scores in [["KQ": 40], ["KQ": 41, "LT": 10], ["KQ": 10, "LT": 10, "XX": 1]] {
                await #expect(throws: DomainError.self) {
                    try await ReviewRepository(client: client).review(
                        .nomination(submitted.id), by: f.council[1].account, scores: scores, vote: .agree, comment: "",
                        logger: database.logger)
                }
            }
            #expect(try await seed.count("reviews") == 0)
        }
    }

    @Test("A replaced review keeps the earlier version; the tally counts the current one")
    func replacedReviewKept() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let submitted = try await f.nomination(seed, status: .submitted)
            let repository = NominationRepository(client: client)
            _ = try await ReviewRepository(client: client).review(
                .nomination(submitted.id), by: f.council[1].account, scores: ["KQ": 10, "LT": 10], vote: .disagree, comment: "",
                logger: database.logger)
            let summary = try await ReviewRepository(client: client).review(
                .nomination(submitted.id), by: f.council[1].account, scores: ["KQ": 40, "LT": 60], vote: .agree, comment: "",
                logger: database.logger)
            #expect(summary.votes == ["agree": 1, "disagree": 0, "abstain": 0])
            #expect(summary.averageTotal == 100)
            #expect(try await seed.count("reviews") == 2)
        }
    }

    @Test("A decision of several nominations is all or nothing, and a dry run changes nothing")
    func batchDecision() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let a = try await f.nomination(seed, status: .recommended)
            let b = try await f.nomination(seed, status: .recommended, nominee: .person(f.councilPeople[0].id))
            let draft = try await f.nomination(seed, status: .draft, nominee: .person(f.councilPeople[2].id))
            let repository = NominationRepository(client: client)
            let decision = try DecisionReference.validate(number: "30/QĐ-THAP", date: "2024-05-25")

            let preview = try await repository.approveAll(
                [a.id, b.id], decision: decision, dryRun: true, by: f.headmasterAccount, logger: database.logger)
            #expect(preview.map(\.outcome) == ["would-approve", "would-approve"])
            #expect(try await seed.count("commendations") == 0)
            #expect(try await seed.count("decisions") == 0)

            await #expect(throws: DomainError.self) {
                try await repository.approveAll(
                    [a.id, draft.id], decision: decision, dryRun: false, by: f.headmasterAccount, logger: database.logger)
            }
            #expect(try await seed.count("commendations") == 0)
            #expect(try await repository.find(a.id, logger: database.logger).status == .recommended)

            let signed = try await repository.approveAll(
                [a.id, b.id], decision: decision, dryRun: false, by: f.headmasterAccount, logger: database.logger)
            #expect(signed.allSatisfy { $0.outcome == "approved" && $0.commendationId != nil })
            #expect(try await seed.count("commendations") == 2)
            #expect(try await seed.count("decisions") == 1)
            // The audit entries, written together at the end, extend the one chain in the order of the decision.
            let log = AuditLog(client: client)
            #expect(try await log.verify(logger: database.logger).problems.isEmpty)
            let recent = try await log.search(.init(), limit: 4, logger: database.logger).reversed().map(\.action)
            #expect(recent == ["nomination.approved", "commendation.create", "nomination.approved", "commendation.create"])
            let trail = try await log.entries(entity: "nomination", id: b.id.description, logger: database.logger)
            #expect(trail.last?.action == "nomination.approved")
            #expect(trail.last?.before?.contains("\"status\": \"recommended\"") == true)
        }
    }

    @Test("A decision naming the same person twice for one title approves the first and refuses the second, with the first's decision")
    func batchDecisionSameTitleTwice() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let first = try await f.nomination(seed, status: .recommended)
            let second = try await f.nomination(seed, status: .recommended)
            let repository = NominationRepository(client: client)
            let decision = try DecisionReference.validate(number: "31/QĐ-THAP", date: "2024-05-25")
            let preview = try await repository.approveAll(
                [first.id, second.id], decision: decision, dryRun: true, by: f.headmasterAccount, logger: database.logger)
            #expect(preview.map(\.outcome) == ["would-approve", "refused"])
            #expect(preview[1].problem?.contains("Quyết định số 31/QĐ-THAP ngày 25/05/2024") == true)
            #expect(try await seed.count("commendations") == 0)
            #expect(try await AuditLog(client: client).verify(logger: database.logger).problems.isEmpty)
        }
    }

    @Test("Evidence is never edited or deleted; a retraction is recorded once")
    func evidenceImmutable() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let submitted = try await f.nomination(seed, status: .submitted)
            let union = try #require(try await AccountRepository(client: client).authenticate(token: f.union, logger: database.logger))
            let evidence = EvidenceRepository(client: client)
            let item = try await evidence.add(
                .note("Biên bản họp tổ ngày 12/3"), to: .nomination(submitted.id), by: union, logger: database.logger)
            await expectConstraint("immutable_record") {
                try await client.query(
                    "UPDATE evidence SET note = 'sửa lén' WHERE id = \(UUID(uuidString: item.id)!)", logger: database.logger)
            }
            await expectConstraint("immutable_record") { try await client.query("DELETE FROM evidence", logger: database.logger) }
            let retracted = try await evidence.retract(UUID(uuidString: item.id)!, reason: "Nhầm tệp", by: union, logger: database.logger)
            #expect(retracted.retracted)
            await #expect(throws: DomainError.self) {
                try await evidence.retract(UUID(uuidString: item.id)!, reason: "Lần nữa", by: union, logger: database.logger)
            }
            let trail = try await AuditLog(client: client).entries(entity: "evidence", id: item.id, logger: database.logger)
            #expect(trail.map(\.action) == ["evidence.add", "evidence.retract"])
        }
    }
}
