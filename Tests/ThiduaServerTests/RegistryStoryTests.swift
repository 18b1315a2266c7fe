import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

@Suite("Registry stories over HTTP")
struct RegistryStoryTests {
    @Test("A nomination reaches the headmaster: union submits, council reviews (others' scores hidden), chair recommends at 2/3")
    func nominationIsRecommended() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            try await app.test(.router) { client in
                let created = try await client.send(
                    .post, "/v1/nominations", token: f.union,
                    json: """
                        {"movementId":"\(f.movement.id)","award":"LDTT","nominee":{"personId":"\(f.teacher.id)"},"achievements":"  Hoàn thành tốt nhiệm vụ "}
                        """)
                #expect(created.status == 201)
                #expect(created.body["status"]?.string == "draft")
                #expect(created.body["achievements"]?.string == "Hoàn thành tốt nhiệm vụ")
                let id = try #require(created.body["id"]?.string)
                #expect(try await client.send(.post, "/v1/nominations/\(id)/submit", token: f.union).body["status"]?.string == "submitted")

                // A member who has not reviewed sees progress but not the others' scores.
                let first = try await client.send(
                    .post, "/v1/nominations/\(id)/reviews", token: f.council[1].token,
                    json: #"{"scores":{"KQ":35,"LT":50},"vote":"agree","comment":"Xứng đáng"}"#)
                #expect(first.status == 201)
                let hidden = try await client.send(.get, "/v1/nominations/\(id)/reviews", token: f.council[2].token)
                #expect(hidden.body["progress"]?.string == "1 trên 3 thành viên đã đánh giá")
                #expect(hidden.body["averages"] == nil || hidden.body["averages"] == .null)
                _ = try await client.send(
                    .post, "/v1/nominations/\(id)/reviews", token: f.council[2].token,
                    json: #"{"scores":{"KQ":25,"LT":60},"vote":"abstain"}"#)
                let shown = try await client.send(.get, "/v1/nominations/\(id)/reviews", token: f.headmaster)
                #expect(shown.body["averages"]?["KQ"]?.number == 30)
                #expect(shown.body["averageTotal"]?.number == 85)
                #expect(shown.body["votes"]?["abstain"]?.number == 1)

                let union = try await client.send(
                    .post, "/v1/nominations/\(id)/recommendation", token: f.union, json: #"{"recommended":true}"#)
                #expect(union.status == 403)
                // LĐTT needs 2/3 of all council members: one agreement of three is not enough.
                let short = try await client.send(
                    .post, "/v1/nominations/\(id)/recommendation", token: f.headmaster, json: #"{"recommended":true}"#)
                #expect(short.status == 409)
                #expect(short.body["detail"]?.string?.contains("1 phiếu đồng ý, cần 2") == true)
                _ = try await client.send(
                    .post, "/v1/nominations/\(id)/reviews", token: f.council[0].token,
                    json: #"{"scores":{"KQ":30,"LT":50},"vote":"agree"}"#)
                let recommended = try await client.send(
                    .post, "/v1/nominations/\(id)/recommendation", token: f.headmaster, json: #"{"recommended":true}"#)
                #expect(recommended.body["status"]?.string == "recommended")

                let audit = try await client.send(.get, "/v1/audit?entity=nomination&id=\(id)", token: f.headmaster)
                let actions = audit.body["items"]?.array?.compactMap { $0["action"]?.string } ?? []
                #expect(
                    actions == [
                        "nomination.create", "nomination.submitted", "nomination.review", "nomination.in_review",
                        "nomination.review", "nomination.review", "nomination.recommended",
                    ])
            }
        }
    }

    @Test("The headmaster signs a recommended nomination; the council cannot, and a second approval is refused")
    func headmasterApproves() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let id = try await f.nomination(seed, status: .recommended).id
            try await app.test(.router) { client in
                let byCouncil = try await client.send(
                    .post, "/v1/nominations/\(id)/approve", token: f.council[1].token,
                    json: #"{"decisionNumber":"12/QĐ-THAP","decisionDate":"2024-05-20"}"#)
                #expect(byCouncil.status == 403)
                let approved = try await client.send(
                    .post, "/v1/nominations/\(id)/approve", token: f.headmaster,
                    json: #"{"decisionNumber":"12/QĐ-THAP","decisionDate":"2024-05-20"}"#)
                #expect(approved.status == 201)
                #expect(approved.headers[.location]?.hasPrefix("/v1/commendations/") == true)
                #expect(approved.body["award"]?.string == "LDTT")
                #expect(approved.body["signer"]?.string == "Trần Văn Minh")

                let again = try await client.send(
                    .post, "/v1/nominations/\(id)/approve", token: f.headmaster,
                    json: #"{"decisionNumber":"13/QĐ-THAP","decisionDate":"2024-05-21"}"#)
                #expect(again.status == 409)
                #expect(again.body["currentStatus"]?.string == "approved")
                let audit = try await client.send(.get, "/v1/audit?entity=nomination&id=\(id)", token: f.headmaster)
                #expect(audit.body["items"]?.array?.last?["action"]?.string == "nomination.approved")
            }
        }
    }

    @Test("A revoked commendation stays on the list, marked with its reason; a year filter finds it only in its year")
    func headmasterRevokes() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let id = try await f.nomination(seed, status: .recommended).id
            try await app.test(.router) { client in
                let approved = try await client.send(
                    .post, "/v1/nominations/\(id)/approve", token: f.headmaster,
                    json: #"{"decisionNumber":"12/QĐ-THAP","decisionDate":"2024-05-20"}"#)
                let location = try #require(approved.headers[.location])
                let revoked = try await client.send(
                    .post, "\(location)/revoke", token: f.headmaster,
                    json: #"{"reason":"Phát hiện vi phạm kỷ luật","decisionNumber":"20/QĐ-THAP"}"#)
                #expect(revoked.body["revoked"] == .bool(true))
                let listed = try await client.send(.get, "/v1/commendations?year=2024", token: f.headmaster)
                #expect(listed.body["items"]?.array?.count == 1)
                #expect(listed.body["items"]?.array?.first?["revocation"]?["reason"]?.string == "Phát hiện vi phạm kỷ luật")
                #expect(try await client.send(.get, "/v1/commendations?year=2023", token: f.headmaster).body["items"]?.array?.count == 0)
            }
        }
    }

    @Test("The union registers a model in an open movement, reports progress, and only the headmaster recognizes it")
    func unionRegistersModel() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            try await app.test(.router) { client in
                let created = try await client.send(
                    .post, "/v1/movements/\(f.movement.id)/models", token: f.union,
                    json: """
                        {"title":"Mô hình \\"Dân vận khéo\\" trong vận động học sinh ra lớp","field":"culture_society",
                         "owner":{"unitId":"\(f.collective.id)"},"goals":"Không học sinh bỏ học","startsOn":"2024-02-01","endsOn":"2024-12-31"}
                        """)
                #expect(created.status == 201)
                let id = try #require(created.body["id"]?.string)
                #expect(created.body["status"]?.string == "registered")
                for next in ["in_progress", "submitted"] {
                    let moved = try await client.send(
                        .post, "/v1/models/\(id)/transitions", token: f.union, json: #"{"status":"\#(next)"}"#)
                    #expect(moved.body["status"]?.string == next)
                }
                let byUnion = try await client.send(
                    .post, "/v1/models/\(id)/transitions", token: f.union,
                    json:
                        #"{"status":"recognized","recognition":{"level":"school","decisionNumber":"5/QĐ-THAP","decisionDate":"2024-12-20"}}"#
                )
                #expect(byUnion.status == 403)
                let recognized = try await client.send(
                    .post, "/v1/models/\(id)/transitions", token: f.headmaster,
                    json:
                        #"{"status":"recognized","recognition":{"level":"school","decisionNumber":"5/QĐ-THAP","decisionDate":"2024-12-20"}}"#
                )
                #expect(recognized.body["status"]?.string == "recognized")
                #expect(recognized.body["recognition"]?["level"]?.string == "school")
                let back = try await client.send(.post, "/v1/models/\(id)/transitions", token: f.union, json: #"{"status":"in_progress"}"#)
                #expect(back.status == 409)
                #expect(back.body["currentStatus"]?.string == "recognized")
                #expect(back.body["allowedStatuses"] == .array([]))
            }
        }
    }

    @Test("A model cannot be registered in a movement that is not open, and nothing is stored")
    func registrationNeedsOpenMovement() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            _ = try await MovementRepository(client: seed.client).transition(
                f.movement.id, to: .closed, expectedVersion: nil, by: seed.actor, logger: seed.logger)
            try await app.test(.router) { client in
                let refused = try await client.send(
                    .post, "/v1/movements/\(f.movement.id)/models", token: f.union,
                    json: """
                        {"title":"Mô hình muộn","field":"economy","owner":{"personId":"\(f.teacher.id)"}}
                        """)
                #expect(refused.status == 409)
            }
            #expect(try await seed.count("model_initiatives") == 0)
        }
    }

    @Test("Illegal transitions answer 409 with the current and allowed states")
    func illegalTransitions() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let draft = try await f.nomination(seed, status: .draft)
            try await app.test(.router) { client in
                let approve = try await client.send(
                    .post, "/v1/nominations/\(draft.id)/approve", token: f.headmaster,
                    json: #"{"decisionNumber":"1/QĐ","decisionDate":"2024-05-01"}"#)
                #expect(approve.status == 409)
                #expect(approve.body["code"]?.string == "invalid-transition")
                #expect(approve.body["currentStatus"]?.string == "draft")
                #expect(approve.body["allowedStatuses"] == .array([.string("submitted"), .string("withdrawn")]))
                let reopen = try await client.send(.post, "/v1/movements/\(f.movement.id)/open", token: f.headmaster)
                #expect(reopen.status == 409)
                #expect(reopen.body["currentStatus"]?.string == "open")
            }
            #expect(try await seed.count("commendations") == 0)
            #expect(try await NominationRepository(client: seed.client).find(draft.id, logger: seed.logger).status == .draft)
        }
    }

    @Test("A returned nomination is completed and resubmitted by the union")
    func returnedForCompletion() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let submitted = try await f.nomination(seed, status: .submitted)
            try await app.test(.router) { client in
                let noReason = try await client.send(.post, "/v1/nominations/\(submitted.id)/return", token: f.council[1].token, json: "{}")
                #expect(noReason.status == 422)
                let returned = try await client.send(
                    .post, "/v1/nominations/\(submitted.id)/return", token: f.council[1].token,
                    json: #"{"reason":"Bổ sung minh chứng sáng kiến"}"#)
                #expect(returned.body["status"]?.string == "returned")
                #expect(returned.body["returnReason"]?.string == "Bổ sung minh chứng sáng kiến")
                let patched = try await client.send(
                    .patch, "/v1/nominations/\(submitted.id)", token: f.union, json: #"{"achievements":"Có sáng kiến được công nhận"}"#)
                #expect(patched.status == 200)
                #expect(
                    try await client.send(.post, "/v1/nominations/\(submitted.id)/submit", token: f.union).body["status"]?.string
                        == "submitted")
            }
        }
    }

    @Test("A stale If-Match on a transition answers 412 and changes nothing")
    func staleVersionOnTransition() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let draft = try await f.nomination(seed, status: .draft)
            try await app.test(.router) { client in
                let stale = try await client.send(.post, "/v1/nominations/\(draft.id)/submit", token: f.union, headers: [.ifMatch: "\"7\""])
                #expect(stale.status == 412)
                let fresh = try await client.send(.post, "/v1/nominations/\(draft.id)/submit", token: f.union, headers: [.ifMatch: "\"1\""])
                #expect(fresh.status == 200)
                #expect(fresh.headers[.eTag] == "\"2\"")
            }
        }
    }
}

@Suite("Model reviews over HTTP")
struct ModelReviewTests {
    @Test("The council scores a submitted model; a member of the owning collective may not, and a registered model is not yet open")
    func modelReviews() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let models = ModelInitiativeRepository(client: seed.client)
            let model = try await models.register(
                movementId: f.movement.id, title: "Mô hình Dân vận khéo", field: "economy", owner: .unit(f.collective.id), goals: "",
                startsOn: nil, endsOn: nil, by: seed.actor, logger: seed.logger)
            try await app.test(.router) { client in
                let early = try await client.send(
                    .post, "/v1/models/\(model.id)/reviews", token: f.council[1].token,
                    json: #"{"scores":{"KQ":30,"LT":40},"vote":"agree"}"#)
                #expect(early.status == 409)
                #expect(early.body["currentStatus"]?.string == "registered")
                for next in [ModelStatus.inProgress, .submitted] {
                    _ = try await models.transition(
                        model.id, to: next, recognition: nil, expectedVersion: nil, by: seed.actor, logger: seed.logger)
                }
                let own = try await client.send(
                    .post, "/v1/models/\(model.id)/reviews", token: f.council[0].token,
                    json: #"{"scores":{"KQ":40,"LT":60},"vote":"agree"}"#)
                #expect(own.status == 403)
                let scored = try await client.send(
                    .post, "/v1/models/\(model.id)/reviews", token: f.council[1].token,
                    json: #"{"scores":{"KQ":30,"LT":40},"vote":"agree"}"#)
                #expect(scored.status == 201)
                let summary = try await client.send(.get, "/v1/models/\(model.id)/reviews", token: f.headmaster)
                #expect(summary.body["averageTotal"]?.number == 70)
                #expect(summary.body["progress"]?.string == "1 trên 3 thành viên đã đánh giá")
            }
        }
    }
}
