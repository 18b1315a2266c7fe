import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// Chấm điểm (web-ui.md flow 3): the council's queue, and one nomination's scoring form — each criterion with its
/// maximum, a vote and a comment. The others' scores appear only once the member has saved their own (F13).
extension WebPages {
    struct ReviewContent {
        let csrf: String
        let path: String
        let nominee: String
        let award: String
        let movement: String
        let achievements: String
        let status: String
        let statusCode: String
        let progress: String
        let criteria: [CriterionField]
        let maxTotal: Int
        let votes: [VoteChoice]
        let voteError: String?
        let comment: String
        let summary: String?
        let canReview: Bool
        let results: ReviewResults?
    }

    struct CriterionField {
        let code: String
        let title: String
        let maxPoints: Int
        let value: String
        let error: String?
    }

    struct VoteChoice {
        let value: String
        let label: String
        let checked: Bool
    }

    struct ReviewResults {
        let agree: Int
        let disagree: Int
        let abstain: Int
        let averageTotal: String
        let reviews: [MemberLine]
    }

    struct MemberLine {
        let reviewer: String
        let vote: String
        let total: Int
        let comment: String
    }

    static var voteLabels: [(Vote, String)] {
        [(.agree, "Đồng ý"), (.disagree, "Không đồng ý"), (.abstain, "Không biểu quyết")]
    }

    func reviewQueue(context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .review)
        let office = Office(.council, of: session.account)
        let items = try await workQueue.nominations(in: [.submitted, .inReview], concerning: nil, office: office, logger: context.logger)
        // Forwarded to a unit whose council this member sits on: reviewed there before its head answers (sql/0041).
        let arrived = try await office.asyncMap { try await workQueue.arrived(at: $0, logger: context.logger) } ?? []
        let rows = (items + arrived).map { QueueItem($0, path: "/nominations/\($0.id)/review", action: "Chấm điểm") }
        return renderer.page(
            "reviews", ReviewQueueContent(items: rows),
            layout: Pages.layout(title: "Chấm điểm", session: session, current: "/reviews"))
    }

    struct ReviewQueueContent {
        let items: [QueueItem]
    }

    func reviewPage(context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .review)
        return try await reviewForm(id: try pathID(context), session: session, form: nil, errors: [], context: context)
    }

    func submitReview(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .review)
        let id: ID<Nomination> = try pathID(context)
        let form = try await FormFields.read(request)
        var errors: [DomainError.FieldViolation] = []
        var scores: [String: Int] = [:]
        let nomination = try await nominations.find(id, logger: context.logger)
        let movement = try await movements.find(nomination.movementId, logger: context.logger)
        for criterion in movement.criteria {
            let text = (form["score.\(criterion.code)"] ?? "").trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            guard let value = Int(text) else {
                errors.append(.init(field: "scores.\(criterion.code)", message: "Điểm phải là số nguyên, ví dụ 35."))
                continue
            }
            scores[criterion.code] = value
        }
        let vote = form["vote"].flatMap(Vote.init(rawValue:))
        if vote == nil { errors.append(.init(field: "vote", message: "Chọn đồng ý, không đồng ý hoặc không biểu quyết.")) }
        if let vote, errors.isEmpty {
            do {
                _ = try await reviews.review(
                    .nomination(id), by: session.account, scores: scores, vote: vote,
                    comment: VietnameseText.normalized(form["comment"] ?? ""), logger: context.logger)
                return Renderer.redirect(to: "/nominations/\(id)/review")
            } catch let error as DomainError where !error.violations.isEmpty {
                errors = error.violations
            }
        }
        return try await reviewForm(id: id, session: session, form: form, errors: errors, context: context)
    }

    /// The page: with `form`, the values typed and `errors` beside their fields (422).
    private func reviewForm(
        id: ID<Nomination>, session: SignInRepository.Session, form: FormFields?, errors: [DomainError.FieldViolation],
        context: Context
    ) async throws -> Response {
        let item = try await workQueue.nomination(id, logger: context.logger)
        let nomination = try await nominations.find(id, logger: context.logger)
        let movement = try await movements.find(nomination.movementId, logger: context.logger)
        let summary = try await reviews.summary(.nomination(id), viewer: session.account, logger: context.logger)
        let round = try await reviews.reviewingCouncil(id, logger: context.logger)
        func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
        let fields = movement.criteria.map {
            CriterionField(
                code: $0.code, title: $0.title, maxPoints: $0.maxPoints, value: form?["score.\($0.code)"] ?? "",
                error: error("scores.\($0.code)"))
        }
        let chosen = form?["vote"]
        let results = summary.reviews.map { reviews in
            ReviewResults(
                agree: summary.votes?["agree"] ?? 0, disagree: summary.votes?["disagree"] ?? 0, abstain: summary.votes?["abstain"] ?? 0,
                averageTotal: summary.averageTotal.map { String(format: "%.1f", $0).replacingOccurrences(of: ".", with: ",") } ?? "–",
                reviews: reviews.map {
                    MemberLine(
                        reviewer: $0.reviewer, vote: Vote(rawValue: $0.vote).map(Self.voteName) ?? $0.vote, total: $0.total,
                        comment: $0.comment)
                })
        }
        let open = [.submitted, .inReview].contains(nomination.status) || round != nil
        let content = ReviewContent(
            csrf: session.csrfToken, path: "/nominations/\(id)/review", nominee: item.nominee, award: item.award, movement: item.movement,
            achievements: item.achievements, status: item.status.vietnameseName, statusCode: item.status.rawValue,
            progress: "\(summary.reviewed) trên \(summary.members) thành viên đã đánh giá", criteria: fields,
            maxTotal: movement.criteria.reduce(0) { $0 + $1.maxPoints },
            votes: Self.voteLabels.map { VoteChoice(value: $0.0.rawValue, label: $0.1, checked: chosen == $0.0.rawValue) },
            voteError: error("vote"), comment: form?["comment"] ?? "",
            summary: errors.isEmpty ? nil : "Đánh giá chưa được lưu: \(errors.count) mục cần sửa (ghi ngay cạnh từng mục).",
            canReview: open && !(summary.reviews ?? []).contains { $0.reviewerId == session.account.id.description }, results: results)
        return renderer.page(
            "review", content, layout: Pages.layout(title: "Chấm điểm: \(item.nominee)", session: session, current: "/reviews"),
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    static func voteName(_ vote: Vote) -> String { voteLabels.first { $0.0 == vote }?.1 ?? vote.rawValue }
}
