import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// "Tạo phong trào" (headmaster, admin): name, launching unit, period, deadlines typed dd/mm/yyyy, legal bases ticked
/// from the registered documents, and up to eight criteria with their maximum points. A refused form comes back with
/// what was typed and each message beside its field; the new movement is a draft (dự thảo) until "Phát động phong trào".
extension WebPages {
    struct MovementFormContent {
        let csrf: String
        let name: String
        let units: [Option]
        let period: String
        let registrationDeadline: String
        let nominationDeadline: String
        let documents: [Choice]
        let criteria: [CriterionInput]
        /// Each refused field's message by field name ("criteria[N]" for row N); "form" for the rest.
        let errors: [String: String]
    }

    struct Choice {
        let value: String
        let label: String
        let checked: Bool
    }

    struct CriterionInput {
        let index: Int
        let code: String
        let title: String
        let points: String
        let error: String?
    }

    /// The form's messages; Core's for the unit names its API field ("unitId"), so the page says it in its own words.
    static func movementErrors(_ violations: [DomainError.FieldViolation]) -> [String: String] {
        formErrors(
            .validation(violations),
            fields: Set(
                ["name", "unitId", "period", "registrationDeadline", "nominationDeadline", "legalBases"]
                    + (0..<criterionRows).map { "criteria[\($0)]" }),
            words: ["unitId": "Chọn đơn vị phát động."])
    }

    /// Criterion rows the form offers.
    static var criterionRows: Int { 8 }

    func newMovement(context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .launchMovement)
        return try await movementForm(session: session, form: nil, rows: [], errors: [:], context: context)
    }

    func createMovement(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .launchMovement)
        let form = try await FormFields.read(request)
        // The rows a person filled in (a blank row is skipped), with the index each message will name.
        let rows = (0..<Self.criterionRows).compactMap { index -> (Int, String, String, String)? in
            let (code, title, points) = (form["code\(index)"] ?? "", form["title\(index)"] ?? "", form["points\(index)"] ?? "")
            return [code, title, points].allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } ? nil : (index, code, title, points)
        }
        var problems: [DomainError.FieldViolation] = []
        let registration = form.isoDate("registrationDeadline", problems: &problems)
        let nomination = form.isoDate("nominationDeadline", problems: &problems)
        let violations: [DomainError.FieldViolation]
        do {
            let draft = try validated(adding: problems) { () throws(DomainError) in
                try MovementDraft.validate(
                    name: form["name"], unitId: form["unitId"], period: form["period"].map { $0.trimmingCharacters(in: .whitespaces) },
                    registrationDeadline: registration, nominationDeadline: nomination, legalBases: form.all("legalBases"),
                    criteria: rows.map { (code: $0.1, title: $0.2, maxPoints: Int($0.3.trimmingCharacters(in: .whitespaces))) }
                ).get()
            }
            let movement = try await movements.create(draft, by: Actor(account: session.account), logger: context.logger)
            return Renderer.redirect(to: "/movements/\(movement.id)")
        } catch let error as DomainError
            where error.refusesInput || error.code == .notFound
        {
            violations = error.violations.isEmpty ? [.init(field: "name", message: error.message)] : error.violations
        }
        // A criterion's message names its place among the filled rows; the form shows it on that row.
        let placed = violations.map { violation -> DomainError.FieldViolation in
            guard violation.field.hasPrefix("criteria["),
                let position = Int(violation.field.dropFirst("criteria[".count).prefix { $0.isNumber }), position < rows.count
            else { return violation }
            return .init(field: "criteria[\(rows[position].0)]", message: violation.message)
        }
        return try await movementForm(
            session: session, form: form, rows: rows.map(\.0), errors: Self.movementErrors(placed), context: context)
    }

    private func movementForm(
        session: SignInRepository.Session, form: FormFields?, rows: [Int], errors: [String: String], context: Context
    ) async throws -> Response {
        let units = try await self.units.list(
            try PageRequest(limit: 100), within: Policy.units(for: .readDirectory, session.account), logger: context.logger
        ).items
        let documents = try await self.documents.list(try PageRequest(limit: 100), logger: context.logger).items
        let ticked = Set(form?.all("legalBases") ?? [])
        let content = MovementFormContent(
            csrf: session.csrfToken, name: form?["name"] ?? "",
            units: units.map { Option(value: $0.id.description, label: $0.name, selected: $0.id.description == form?["unitId"]) },
            period: form?["period"] ?? "", registrationDeadline: form?["registrationDeadline"] ?? "",
            nominationDeadline: form?["nominationDeadline"] ?? "",
            documents: documents.map { Choice($0, checked: ticked.contains($0.id.description)) },
            criteria: (0..<Self.criterionRows).map { index in
                CriterionInput(
                    index: index, code: form?["code\(index)"] ?? "", title: form?["title\(index)"] ?? "",
                    points: form?["points\(index)"] ?? "", error: errors["criteria[\(index)]"])
            },
            errors: errors)
        return renderer.page(
            "movement-new", content, layout: Pages.layout(title: "Tạo phong trào", session: session, current: "/movements"),
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}

extension WebPages.Choice {
    /// A recorded legal document to tick: "817/QĐ-UBND-HC ngày 07/08/2023 của UBND tỉnh Đồng Tháp: Ban hành …".
    init(_ document: LegalDocument, checked: Bool) {
        self.init(
            value: document.id.description,
            label: "\(document.number) ngày \(document.date.vietnamese) của \(document.issuer): \(document.title)",
            checked: checked)
    }
}
