import Foundation
import Hummingbird
import ThiduaCore
import ThiduaExport
import ThiduaStore

/// The file sent upward from a forwarded nomination's page: the higher level's answer — "Được duyệt", "Duyệt hình thức
/// khác" (the award granted instead) or "Không duyệt" (with its reason) — each mistake beside its field; and the tờ trình
/// with its list and the checklist of the file, to print or in Word.
extension WebPages {
    struct AnswerForm {
        let outcomes: [Option]
        let issuer: String
        let decisionNumber: String
        let decisionDate: String
        /// Awards that suit the nominee, other than the one proposed.
        let awards: [Option]
        let reason: String
        let errors: [String: String]
    }

    static var answerFields: Set<String> { ["outcome", "issuer", "decisionNumber", "decisionDate", "award", "reason"] }

    /// The answer form of a forwarded nomination, with what was typed and the problems found.
    func answerForm(_ nomination: Nomination, form: FormFields?, errors: [String: String], context: Context) async throws -> AnswerForm {
        let awards = try await catalogue.awards(logger: context.logger).filter {
            $0.recipient.suits(nomination.nominee) && $0.code != nomination.awardCode
        }
        let outcome = form?["outcome"] ?? AnswerOutcome.approved.rawValue
        return AnswerForm(
            outcomes: AnswerOutcome.allCases.map { Option(value: $0.rawValue, label: $0.vietnameseName, selected: $0.rawValue == outcome) },
            issuer: form?["issuer"] ?? "", decisionNumber: form?["decisionNumber"] ?? "", decisionDate: form?["decisionDate"] ?? "",
            awards: [Option(value: "", label: "— (chỉ khi duyệt hình thức khác)", selected: false)]
                + awards.map { Option(value: $0.code, label: $0.name, selected: $0.code == form?["award"]) },
            reason: form?["reason"] ?? "", errors: errors)
    }

    /// "Ghi kết quả": the answer recorded (the commendation issued, or the nomination declined), or the form again with
    /// each problem beside its field and nothing stored.
    func answerNomination(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .decide)
        let id: ID<Nomination> = try pathID(context)
        let form = try await FormFields.read(request)
        var problems: [DomainError.FieldViolation] = []
        let date = form.isoDate("decisionDate", required: true, problems: &problems)
        do {
            let draft = try validated(adding: problems) { () throws(DomainError) in
                try AnswerDraft.validate(
                    outcome: form["outcome"], issuer: form["issuer"], number: form["decisionNumber"], date: date,
                    award: form["award"], reason: form["reason"])
            }
            _ = try await submissions.answer(id, draft, by: session.account, logger: context.logger)
            return Renderer.redirect(to: "/nominations/\(id)")
        } catch let error as DomainError where error.refusesInput {
            let errors = formErrors(error, fields: Self.answerFields)
            return try await nominationPage(
                id, session: session, message: nil, status: .unprocessableContent, answer: (form, errors), context: context)
        } catch let error as DomainError {
            guard let refusal = error.workflowRefusal(of: Nomination.noun) else { throw error }
            return try await nominationPage(id, session: session, message: refusal.message, status: refusal.status, context: context)
        }
    }

    /// "Trình tiếp": the receiving unit's own tờ trình to the next unit up in thidua, with its number and date.
    struct OnwardForm {
        /// The unit it goes to.
        let to: String
        let number: String
        let date: String
        let errors: [String: String]
    }

    /// "Tờ trình số 18/TTr-THAP ngày 10/12/2024 gửi … — Phòng GD&ĐT Tân Hồng trình tiếp (Tờ trình số 45/TTr-PGDĐT ngày
    /// 20/12/2024) — đã đến Sở GD&ĐT trên thidua; lãnh đạo đơn vị đó ghi quyết định" (that last clause while it waits).
    static func submissionLine(_ submission: Submission, waiting: Bool) -> String {
        "Tờ trình số \(submission.number) ngày \(submission.date.vietnamese) gửi \(submission.addressee ?? submission.authorityName)"
            + submission.onward.map { " — \($0.fromUnit) trình tiếp (Tờ trình số \($0.number) ngày \($0.date.vietnamese))" }.joined()
            + (submission.receivingUnit.map { " — đã đến \($0) trên thidua" + (waiting ? Self.nextStep(submission) : "") } ?? "")
    }

    /// What the unit it arrived at does next: send it on when the level above uses thidua, else record the answer.
    private static func nextStep(_ submission: Submission) -> String {
        submission.onwardUnit.map { "; đơn vị đó trình tiếp lên \($0)" } ?? "; lãnh đạo đơn vị đó ghi quyết định"
    }

    /// "Trình tiếp": the nomination sent on to the next unit up, or the page again with each problem beside its field.
    func sendOnNomination(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .decide)
        let id: ID<Nomination> = try pathID(context)
        let form = try await FormFields.read(request)
        var unused: [DomainError.FieldViolation] = []
        // A date not typed as dd/mm/yyyy is nil here; the reference's check says so beside the field.
        let date = form.isoDate("submissionDate", required: true, problems: &unused).flatMap(LocalDate.init)
        do {
            let reference = try OnwardSubmission.reference(
                number: form["submissionNumber"], date: date, dateMessage: FormFields.dateMessage(for: form["submissionDate"]))
            _ = try await submissions.sendOn(id, submission: reference, by: session.account, logger: context.logger)
            return Renderer.redirect(to: "/nominations/\(id)")
        } catch let error as DomainError where error.refusesInput {
            let errors = formErrors(error, fields: ["submissionNumber", "submissionDate"])
            return try await nominationPage(
                id, session: session, message: nil, status: .unprocessableContent, onward: (form, errors), context: context)
        } catch let error as DomainError {
            guard let refusal = error.workflowRefusal(of: Nomination.noun) else { throw error }
            return try await nominationPage(id, session: session, message: refusal.message, status: refusal.status, context: context)
        }
    }

    /// The tờ trình's file (`?number=&year=`), printable or in Word (`&format=docx`); for the registry's roles.
    func submissionFile(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .readRegistry)
        let query = FormFields.query(request)
        guard let number = query["number"], let year = query["year"].flatMap({ Int($0) }) else { throw WebError.notFound }
        let format = query["format"].flatMap(SubmissionFileFormat.init) ?? .html
        let file: SubmissionFile
        do {
            file = try await submissions.file(
                number: number, year: year, within: Policy.units(for: .readRegistry, session.account), logger: context.logger)
        } catch let error as DomainError where error.code == .notFound {
            throw WebError.notFound
        }
        return Self.printable(
            try format.render(file), contentType: format.contentType, download: format == .html ? nil : "to-trinh.\(format.rawValue)")
    }

    /// "/submissions/file?number=18%2FTTr-THAP&year=2024".
    static func submissionPath(_ submission: Submission) -> String {
        submissionPath(number: submission.number, year: submission.date.year)
    }

    static func submissionPath(number: String, year: Int) -> String { "/submissions/file?number=\(queryValue(number))&year=\(year)" }
}
