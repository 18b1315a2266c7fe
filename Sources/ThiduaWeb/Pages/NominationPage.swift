import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// One nomination: who, which award and its money today, where it stands, why it was returned, the eligibility panel,
/// and the workflow buttons its state allows ("Gửi đề nghị", "Rút đề nghị").
extension WebPages {
    struct NominationContent {
        let csrf: String
        let path: String
        let version: Int
        let nominee: String
        let award: String
        /// "Thường xuyên", "Chuyên đề", "Đột xuất".
        let kind: String
        let money: String?
        let movement: String
        let status: String
        let statusCode: String
        let achievements: String
        /// "Cần viết báo cáo thành tích" while an award that needs one has required sections empty.
        let reportMissing: String?
        let returnReason: String?
        let declineReason: String?
        let rules: [RuleLine]
        /// "Đã đăng ký Lao động tiên tiến ngày 02/10/2023" or "Không có bản đăng ký thi đua …": said whatever the rules ask.
        let registration: String?
        let canSubmit: Bool
        let canWithdraw: Bool
        /// The council's or the headmaster's "Trả lại bổ sung", the headmaster's "Không duyệt" and "Trình cấp trên".
        let canReturn: Bool
        let canDecline: Bool
        let canForward: Bool
        /// "Tờ trình số 18/TTr-THAP ngày 27/05/2024 gửi …" once forwarded, with its file (registry roles).
        let submission: String?
        let submissionPath: String?
        /// The tờ trình each unit in thidua sent it on with, printable ("Tờ trình của Huyện Tân Hồng (bản in)").
        let onwardFiles: [Download]
        /// The higher level's answer on a forwarded nomination (headmaster).
        let answer: AnswerForm?
        /// Sending it on to the next unit up in thidua, instead of the answer, when that unit is in thidua (sql/0043).
        let onward: OnwardForm?
        let decisionPath: String?
        /// The commendation it led to, with the page that revokes it (headmaster).
        let commendation: String?
        let revokePath: String?
        /// The revocation decision, printable, once revoked (registry roles: it states the reason).
        let revocationPath: String?
        /// Who did what and when, from the audit log.
        let timeline: [TimelineRow]
        let message: String?
    }

    struct RuleLine {
        let title: String
        let outcome: String
        let outcomeCode: String
        let facts: [String]
        /// "Căn cứ: …", with "(chưa xác minh)" for a rule read from an older or secondary text.
        let source: String
        let override: String?
    }

    static func outcomeName(_ outcome: RuleResult.Outcome) -> String {
        switch outcome {
        case .passed: "đạt"
        case .failed: "chưa đạt"
        case .unknown: "chưa đủ dữ liệu"
        }
    }

    func nominationPage(context: Context) async throws -> Response {
        let session = try session(context)
        return try await nominationPage(try pathID(context), session: session, message: nil, context: context)
    }

    func nominationPage(
        _ id: ID<Nomination>, session: SignInRepository.Session, message: String?, status: HTTPResponse.Status = .ok,
        answer typed: (form: FormFields, errors: [String: String])? = nil,
        onward typedOnward: (form: FormFields, errors: [String: String])? = nil, context: Context
    ) async throws -> Response {
        let nomination = try await nominations.find(id, logger: context.logger)
        try Policy.requireRead(nomination.nominee, as: session.account, what: Nomination.noun)
        let item = try await workQueue.nomination(id, logger: context.logger)
        let report = try await eligibility.evaluate(id, logger: context.logger)
        let quote = try? await catalogue.quote(
            award: nomination.awardCode, date: .today, collective: nomination.nominee.unitId != nil, logger: context.logger)
        let mayAct = Policy.can(session.account, .nominate)
        let decides = Policy.can(session.account, .decide)
        let answers = try await mayAnswer(nomination, as: session.account, decides: decides, context: context)
        let next = nomination.status.allowedNext
        let commendation = nomination.status == .approved ? try await commendations.find(nomination: id, logger: context.logger) : nil
        let written = try await achievementReports.find(id, logger: context.logger)
        let content = NominationContent(
            csrf: session.csrfToken, path: "/nominations/\(id)", version: nomination.version, nominee: item.nominee, award: item.award,
            kind: nomination.kind.vietnameseName.capitalizedFirst,
            money: quote.map { "\(VietnameseText.grouped($0.rewardAmount)) đ (theo mức lương cơ sở ngày \(LocalDate.today.vietnamese))" },
            movement: item.movement, status: nomination.status.vietnameseName, statusCode: nomination.status.rawValue,
            achievements: nomination.achievements,
            reportMissing: written.needed && !written.report.missing.isEmpty ? "cần viết trước khi gửi" : nil,
            returnReason: nomination.status == .returned ? nomination.returnReason : nil,
            declineReason: nomination.status == .declined ? nomination.declineReason : nil,
            rules: report.results.map {
                RuleLine(
                    title: $0.title, outcome: Self.outcomeName($0.outcome), outcomeCode: $0.outcome.rawValue, facts: $0.facts,
                    source: "Căn cứ: \($0.citation)" + ($0.verified ? "" : " (chưa xác minh)"),
                    override: $0.override.map { "Hiệu trưởng cho qua: \($0.reason)" })
            }, registration: report.registration.isEmpty ? nil : report.registration,
            canSubmit: mayAct && nomination.status.allowedNext.contains(.submitted),
            canWithdraw: mayAct && next.contains(.withdrawn),
            canReturn: Policy.can(session.account, .returnNomination) && next.contains(.returned),
            // Forwarded to a unit in thidua, a refusal is that unit's answer ("Ghi kết quả"), never a bare "Không duyệt".
            canDecline: decides && next.contains(.declined)
                && (nomination.status != .forwarded || (answers && nomination.submission?.receivingUnitId == nil)),
            // Only the step the award takes: the school signs what it decides itself, the rest goes up with a tờ trình.
            canForward: decides && next.contains(.forwarded) && !item.decidedByItsUnit,
            submission: nomination.submission.map { Self.submissionLine($0, waiting: nomination.status == .forwarded) },
            submissionPath: nomination.submission.flatMap {
                Policy.can(session.account, .readRegistry) ? Self.submissionPath($0) : nil
            },
            onwardFiles: Policy.can(session.account, .readRegistry)
                ? (nomination.submission?.onward ?? []).map {
                    Download(
                        label: "Tờ trình của \($0.fromUnit) (bản in)", path: Self.submissionPath(number: $0.number, year: $0.date.year))
                } : [],
            answer: answers && nomination.status == .forwarded && nomination.submission?.onwardUnit == nil
                ? try await answerForm(nomination, form: typed?.form, errors: typed?.errors ?? [:], context: context) : nil,
            onward: answers && nomination.status == .forwarded
                ? nomination.submission?.onwardUnit.map {
                    OnwardForm(
                        to: $0, number: typedOnward?.form["submissionNumber"] ?? "",
                        date: typedOnward?.form["submissionDate"] ?? "", errors: typedOnward?.errors ?? [:])
                } : nil,
            decisionPath: decides && nomination.status == .recommended && item.decidedByItsUnit ? "/decisions/new" : nil,
            commendation: commendation.map {
                "Quyết định số \($0.decisionNumber) ngày \($0.decisionDate.vietnamese)"
                    + ($0.revocation.map { " — đã thu hồi: \($0.reason)" } ?? "")
            },
            revokePath: commendation.flatMap { decides && $0.revocation == nil ? "/commendations/\($0.id)/revoke" : nil },
            revocationPath: commendation.flatMap {
                $0.revocation != nil && Policy.can(session.account, .readRegistry) ? "/commendations/\($0.id)/revocation" : nil
            },
            timeline: try await timeline(entity: "nomination", id: id.description, context: context), message: message)
        return renderer.page(
            "nomination", content, layout: Pages.layout(title: item.nominee, session: session, current: nil), status: status)
    }

    /// "Gửi đề nghị" or "Rút đề nghị": the transition with the version the page showed; a refusal (a rule not met, someone
    /// acted first) comes back on the page, saying why.
    func moveNomination(to next: NominationStatus, request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .nominate)
        let id: ID<Nomination> = try pathID(context)
        let form = try await FormFields.read(request)
        do {
            _ = try await nominations.transition(
                id, to: next, expectedVersion: form["version"].flatMap { Int($0) }, by: Actor(account: session.account),
                logger: context.logger)
            return Renderer.redirect(to: "/nominations/\(id)")
        } catch let error as DomainError {
            guard let refusal = error.workflowRefusal(of: Nomination.noun) else { throw error }
            return try await nominationPage(id, session: session, message: refusal.message, status: refusal.status, context: context)
        }
    }
}

extension WebPages {
    /// Who records the answer to a forwarded nomination: the school's head when the level is outside thidua, the head of
    /// the unit it was sent to when that unit is in thidua (sql/0038; the database refuses anyone else).
    func mayAnswer(_ nomination: Nomination, as account: Account, decides: Bool, context: Context) async throws -> Bool {
        guard decides, let receiver = nomination.submission?.receivingUnitId else { return decides }
        let acting = try await scopes.account(account, actingOn: "unit", id: receiver.rawValue, logger: context.logger)
        return acting.map { Policy.can($0, .decide) } ?? false
    }
}
