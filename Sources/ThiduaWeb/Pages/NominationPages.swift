import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// Đề nghị khen thưởng (web-ui.md flow 2): find the person (typing "han" finds Ngọc Hân), pick the award with the money it
/// carries today, write the achievements, save a draft; the nomination's page shows the eligibility panel (đạt / chưa
/// đạt / chưa đủ dữ liệu, each with its facts) and "Gửi đề nghị".
extension WebPages {
    struct NewNominationContent {
        let csrf: String
        let query: String
        let movements: [Option]
        let people: [PersonChoice]
        /// "tập thể": a collective is nominated (a unit picked from the list) instead of a person found by name.
        let collective: Bool
        let units: [Option]
        let awards: [Option]
        /// Thường xuyên, chuyên đề, đột xuất — or left to the award.
        let kinds: [Option]
        let achievements: String
        let errors: [String]
    }

    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    struct PersonChoice {
        let id: String
        let name: String
        let position: String
        let checked: Bool
    }

    func newNomination(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .nominate)
        let query = FormFields.query(request)
        return try await nominationForm(
            session: session, query: query["q"] ?? "", movement: query["movementId"], collective: query["kind"] == "collective",
            form: nil, errors: [], context: context)
    }

    private func nominationForm(
        session: SignInRepository.Session, query: String, movement: String?, collective: Bool, form: FormFields?, errors: [String],
        context: Context
    ) async throws -> Response {
        let open = try await movements.list(
            status: .open, units: Policy.units(for: .readDirectory, session.account), page: try PageRequest(limit: 50),
            logger: context.logger
        ).items
        let chosenMovement = movement ?? open.first?.id.description
        let words = VietnameseText.normalized(query)
        let people =
            words.isEmpty || collective
            ? []
            : try await self.people.list(
                .init(query: words, units: Policy.units(for: .readDirectory, session.account)), page: try PageRequest(limit: 20),
                logger: context.logger
            ).items
        let units =
            collective
            ? try await self.units.list(
                try PageRequest(limit: 200), within: Policy.units(for: .readDirectory, session.account), logger: context.logger
            ).items.filter { $0.kind == .collective } : []
        let chosenPerson = form?["personId"]
        let awardOptions = try await catalogue.offers(collective: collective, on: .today, logger: context.logger).map { offer in
            let money = offer.quote.map { " — \(VietnameseText.grouped($0.rewardAmount)) đ" } ?? ""
            return Option(value: offer.award.code, label: offer.award.name + money, selected: form?["award"] == offer.award.code)
        }
        let content = NewNominationContent(
            csrf: session.csrfToken, query: words,
            movements: open.map { Option(value: $0.id.description, label: $0.name, selected: $0.id.description == chosenMovement) },
            people: people.map {
                PersonChoice(id: $0.id.description, name: $0.name.full, position: $0.position, checked: $0.id.description == chosenPerson)
            }, collective: collective,
            units: units.map { Option(value: $0.id.description, label: $0.name, selected: $0.id.description == form?["unitId"]) },
            awards: awardOptions, kinds: Self.kindOptions(chosen: form?["commendationKind"] ?? ""),
            achievements: form?["achievements"] ?? "",
            errors: errors)
        return renderer.page(
            "nomination-new", content, layout: Pages.layout(title: "Đề nghị khen thưởng", session: session, current: "/nominations/new"),
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    func createNomination(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .nominate)
        let form = try await FormFields.read(request)
        var errors: [String] = []
        let movement = form["movementId"].flatMap(ID<Movement>.init)
        let collective = form["kind"] == "collective"
        let nominee: Owner? =
            collective
            ? form["unitId"].flatMap(ID<OrgUnit>.init).map(Owner.unit) : form["personId"].flatMap(ID<Person>.init).map(Owner.person)
        if movement == nil { errors.append("Chọn phong trào.") }
        if nominee == nil { errors.append(collective ? "Chọn tập thể được đề nghị." : "Tìm và chọn người được đề nghị.") }
        if (form["award"] ?? "").isEmpty { errors.append("Chọn danh hiệu hoặc hình thức khen thưởng.") }
        var kind: CommendationKind?
        do { kind = try CommendationKind.parse(form["commendationKind"]) } catch { errors += error.messages }
        if let movement, let nominee, errors.isEmpty {
            do {
                let nomination = try await nominations.create(
                    movementId: movement, awardCode: form["award"] ?? "", nominee: nominee,
                    achievements: VietnameseText.normalized(form["achievements"] ?? ""), modelIds: [], kind: kind, by: session.account,
                    logger: context.logger)
                return Renderer.redirect(to: "/nominations/\(nomination.id)")
            } catch let error as DomainError
                where error.refusesInput || error.code == .notFound
            {
                errors = error.messages
            }
        }
        return try await nominationForm(
            session: session, query: form["q"] ?? "", movement: form["movementId"], collective: collective, form: form, errors: errors,
            context: context)
    }

    /// The kinds a nomination may take, the first left to the award.
    static func kindOptions(chosen: String) -> [Option] {
        [Option(value: "", label: "Theo danh hiệu, hình thức", selected: chosen.isEmpty)]
            + [
                (CommendationKind.regular, "thành tích cả năm"), (.thematic, "sơ kết, tổng kết phong trào"),
                (.exceptional, "thành tích đột xuất"),
            ].map { kind, what in
                Option(value: kind.rawValue, label: "\(kind.vietnameseName.capitalizedFirst) — \(what)", selected: chosen == kind.rawValue)
            }
    }
}
