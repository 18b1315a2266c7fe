import Foundation
import Hummingbird
import ThiduaCore
import ThiduaExport
import ThiduaStore

/// A nomination's báo cáo thành tích (issue 14, item 4): its written sections, editable by the union, an admin or the
/// nominee until the nomination is forwarded or decided, each mistake beside its section; the report to print or in Word.
extension WebPages {
    struct AchievementReportContent {
        struct Section {
            let name: String
            let heading: String
            let required: Bool
            let text: String
            let error: String?
        }

        let csrf: String
        let path: String
        let nominationPath: String
        let documentPath: String
        let nominee: String
        let award: String
        let needed: Bool
        let editable: Bool
        let version: Int
        let sections: [Section]
        let saved: Bool
        let errors: [String: String]
    }

    func achievementReportPage(request: Request, context: Context) async throws -> Response {
        let session = try session(context)
        let saved = FormFields.query(request)["saved"] == "1"
        return try await achievementReportPage(
            try pathID(context), session: session, form: nil, errors: [:], saved: saved, context: context)
    }

    func saveAchievementReport(request: Request, context: Context) async throws -> Response {
        let session = try session(context)
        let id: ID<Nomination> = try pathID(context)
        let nomination = try await nominations.find(id, logger: context.logger)
        try Policy.requireRead(nomination.nominee, as: session.account, what: Nomination.noun)
        guard Policy.canWriteAchievementReport(for: nomination.nominee, as: session.account) else { throw WebError.forbidden }
        let form = try await FormFields.read(request)
        do {
            let report = try AchievementReport.validate(
                profile: form["profile"], duties: form["duties"], achievements: form["achievements"], measures: form["measures"])
            _ = try await achievementReports.save(
                id, report, expectedVersion: form["version"].flatMap { Int($0) }, by: Actor(account: session.account),
                logger: context.logger)
            return Renderer.redirect(to: "/nominations/\(id)/report?saved=1#da-luu")
        } catch let error as DomainError where error.refusesInput || error.code == .conflict || error.code == .preconditionFailed {
            let fields = Set(AchievementReport.Section.allCases.map(\.rawValue))
            let errors =
                error.refusesInput
                ? formErrors(error, fields: fields) : ["form": error.workflowRefusal(of: "báo cáo")?.message ?? error.message]
            return try await achievementReportPage(id, session: session, form: form, errors: errors, saved: false, context: context)
        }
    }

    private func achievementReportPage(
        _ id: ID<Nomination>, session: SignInRepository.Session, form: FormFields?, errors: [String: String], saved: Bool,
        context: Context
    ) async throws -> Response {
        let nomination = try await nominations.find(id, logger: context.logger)
        try Policy.requireRead(nomination.nominee, as: session.account, what: Nomination.noun)
        let item = try await workQueue.nomination(id, logger: context.logger)
        let (report, needed) = try await achievementReports.find(id, logger: context.logger)
        let open: Set<NominationStatus> = [.draft, .returned, .submitted, .inReview, .recommended, .notRecommended]
        let collective = nomination.nominee.unitId != nil
        let content = AchievementReportContent(
            csrf: session.csrfToken, path: "/nominations/\(id)/report", nominationPath: "/nominations/\(id)",
            documentPath: "/nominations/\(id)/report/document", nominee: item.nominee, award: item.award, needed: needed,
            editable: open.contains(nomination.status) && Policy.canWriteAchievementReport(for: nomination.nominee, as: session.account),
            version: report.version,
            sections: AchievementReport.Section.allCases.map { section in
                .init(
                    name: section.rawValue, heading: section.heading(collective: collective), required: section.required,
                    text: form?[section.rawValue] ?? report.text(section), error: errors[section.rawValue])
            }, saved: saved, errors: errors)
        return renderer.page(
            "achievement-report", content, layout: Pages.layout(title: "Báo cáo thành tích", session: session, current: nil),
            status: errors.isEmpty ? .ok : (errors["form"] != nil && errors.count == 1 ? .conflict : .unprocessableContent))
    }

    /// The printed report (`?format=docx` for Word), for whoever reads the nomination.
    func achievementReportDocument(request: Request, context: Context) async throws -> Response {
        let session = try session(context)
        let id: ID<Nomination> = try pathID(context)
        let nomination = try await nominations.find(id, logger: context.logger)
        try Policy.requireRead(nomination.nominee, as: session.account, what: Nomination.noun)
        let format = FormFields.query(request)["format"].flatMap(AchievementReportFormat.init) ?? .html
        let document = try await achievementReports.document(id, dated: .today, logger: context.logger)
        return Self.printable(
            try format.render(document), contentType: format.contentType,
            download: format == .html ? nil : "bao-cao-thanh-tich.\(format.rawValue)")
    }
}
