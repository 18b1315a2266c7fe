import Foundation
import Hummingbird
import ThiduaCore
import ThiduaExport
import ThiduaStore

/// Chờ duyệt → a batch decision (web-ui.md flow 4): tick recommended nominations, give the decision's number and date,
/// "Xem trước quyết định" shows exactly what signing does (a dry run: the list, the count, the money, any rule not met),
/// "Ký quyết định" signs all or nothing and opens the decision, ready to print.
extension WebPages {
    struct DecisionFormContent {
        let csrf: String
        let items: [Pick]
        let number: String
        let date: String
        let signers: [SignerChoice]
        /// The decision's own Nơi nhận as typed (one per line); empty for the unit's, shown in the hint.
        let recipientsText: String
        let defaultRecipients: String
        /// The school's document settings (agency, place, signer's position, Nơi nhận), one click from signing.
        let settingsPath: String?
        /// "Trình cấp trên" of the ticked nominations with one tờ trình (ForwardPages): what was typed.
        let forwardNumber: String
        let forwardDate: String
        let addressee: String
        /// After sending: the tờ trình's number and its file.
        let forwarded: Forwarded?
        /// "Chưa xem trước được:" or "Chưa trình được:" over `errors`.
        let errorsTitle: String
        let errors: [String]
    }

    struct Forwarded {
        let number: String
        let filePath: String
    }

    /// "Người ký": the head, a deputy signing on the head's behalf (KT.), someone acting (Q.).
    struct SignerChoice {
        let value: String
        let label: String
        let checked: Bool

        static func all(checked: String?) -> [SignerChoice] {
            SignedAs.allCases.map {
                SignerChoice(value: $0.rawValue, label: $0.vietnamese, checked: $0.rawValue == (checked ?? SignedAs.head.rawValue))
            }
        }
    }

    struct Pick {
        let id: String
        let nominee: String
        let award: String
        let movement: String
        let checked: Bool
        /// Beyond what the unit decides itself: it goes up with a tờ trình, not in the decision (Chờ duyệt marks it).
        var goesUp = false

        /// A line of a work list, ticked when the form sent back had it ticked.
        init(_ item: WorkQueueRepository.Item, ticked: Set<String>, goesUp: Bool = false) {
            (id, nominee, award, movement) = (item.id.description, item.nominee, item.award, item.movement)
            checked = ticked.contains(id)
            self.goesUp = goesUp
        }
    }

    struct PreviewContent {
        let csrf: String
        let number: String
        let date: String
        let ids: [String]
        let signedAs: String
        let signature: String
        /// The decision's own Nơi nhận, carried to signing; nil: the unit's.
        let recipients: [String]
        let recipientsLine: String?
        let lines: [PreviewLine]
        let count: Int
        let total: String
        let canSign: Bool
        let confirmation: String
        let problems: Int
    }

    struct PreviewLine {
        let nominee: String
        let award: String
        let amount: String
        let problem: String?
    }

    func decisionForm(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .decide)
        let forwarded = try await sentNotice(request, key: "forwarded", session: session, context: context)
        return try await decisionForm(session: session, form: nil, errors: [], forwarded: forwarded, context: context)
    }

    /// The page with what was typed and the problems found; `forwarding`: the problems are the tờ trình's.
    func decisionForm(
        session: SignInRepository.Session, form: FormFields?, errors: [String], forwarding: Bool = false, forwarded: Forwarded? = nil,
        context: Context
    ) async throws -> Response {
        let chosen = Set(form?.all("ids") ?? [])
        let items = try await workQueue.nominations(
            in: [.recommended], concerning: nil, office: Office(.headmaster, of: session.account), limit: 200, logger: context.logger
        ).map { Pick($0, ticked: chosen, goesUp: !$0.decidedByItsUnit) }
        let school = try await units.list(
            try PageRequest(limit: 200), within: Policy.units(for: .readDirectory, session.account), logger: context.logger
        ).items.first { $0.kind == .school }
        var defaults = DocumentSettings.standardRecipients
        if let school { defaults = try await documentSettings.settings(of: school.id, logger: context.logger).0.recipients }
        let content = DecisionFormContent(
            csrf: session.csrfToken, items: items, number: form?["number"] ?? "", date: form?["date"] ?? "",
            signers: SignerChoice.all(checked: form?["signedAs"]),
            recipientsText: form.map { Self.recipients(in: $0) ?? [] }?.joined(separator: "\n") ?? "",
            defaultRecipients: defaults.joined(separator: " "),
            settingsPath: school.map { "/units/\($0.id)/documents" }, forwardNumber: form?["forwardNumber"] ?? "",
            forwardDate: form?["forwardDate"] ?? "", addressee: form?["addressee"] ?? "", forwarded: forwarded,
            errorsTitle: forwarding ? "Chưa trình được:" : "Chưa xem trước được:", errors: errors)
        return renderer.page(
            "decision-form", content, layout: Pages.layout(title: "Chờ duyệt", session: session, current: "/decisions/new"),
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    /// Reads the form (the ticked nominations, the decision's number and its date as dd/mm/yyyy) and hands them to `act`;
    /// a form with mistakes, one the registry refuses as invalid, or a number already used this year comes back with every
    /// message at the top (422).
    private func withDecisionForm(
        _ request: Request, _ context: Context,
        _ act: (SignInRepository.Session, [ID<Nomination>], DecisionReference) async throws -> Response
    ) async throws -> Response {
        let session = try session(context, allowedTo: .decide)
        let form = try await FormFields.read(request)
        var (ids, errors) = form.tickedNominations()
        do {
            let decision = try form.decisionReference(
                number: "number", date: "date", dateMessage: "Ngày quyết định phải có dạng ngày/tháng/năm, ví dụ 24/05/2024."
            ).signed(as: form["signedAs"], recipients: Self.recipients(in: form))
            if errors.isEmpty { return try await act(session, ids, decision) }
        } catch let error as DomainError where error.refusesInput {
            errors += error.messages
        } catch let error as DomainError where error.code == .conflict && error.violations.contains(where: { $0.field == "decisionNumber" })
        {
            // The number is taken this year with another date: said on the form, the ticked names and the date kept.
            errors.append(error.message)
        }
        return try await decisionForm(session: session, form: form, errors: errors, context: context)
    }

    /// The decision's own Nơi nhận: the preview's carried lines, else the lines typed on the form; nil when none (the unit's).
    static func recipients(in form: FormFields) -> [String]? {
        let carried = form.all("recipients")
        let lines = carried.isEmpty ? form.lines("recipientsText") : carried
        return lines.isEmpty ? nil : lines
    }

    func previewDecision(request: Request, context: Context) async throws -> Response {
        try await withDecisionForm(request, context) { session, ids, decision in
            let outcomes = try await nominations.approveAll(
                ids, decision: decision, dryRun: true, by: session.account, logger: context.logger)
            let names = Dictionary(
                uniqueKeysWithValues: try await workQueue.nominations(ids, logger: context.logger).map { ($0.id, $0) })
            // approveAll answers in the order it was given the ids.
            let lines = zip(ids, outcomes).map { id, outcome in
                PreviewLine(
                    nominee: names[id]?.nominee ?? "", award: names[id]?.award ?? "",
                    amount: outcome.rewardAmount.map { "\(VietnameseText.grouped($0)) đ" } ?? "", problem: outcome.problem)
            }
            let total = VietnameseText.grouped(outcomes.compactMap(\.rewardAmount).reduce(0, +))
            let problems = outcomes.filter { $0.problem != nil }.count
            let content = PreviewContent(
                csrf: session.csrfToken, number: decision.number, date: decision.date.vietnamese, ids: ids.map(\.description),
                signedAs: decision.signedAs.rawValue, signature: decision.signedAs.vietnamese, recipients: decision.recipients ?? [],
                recipientsLine: decision.recipients?.joined(separator: " "), lines: lines, count: outcomes.count,
                total: "\(total) đồng", canSign: problems == 0,
                confirmation:
                    "Ký Quyết định số \(decision.number) ngày \(decision.date.vietnamese) khen thưởng \(outcomes.count) đề nghị, "
                    + "tổng \(total) đồng.",
                problems: problems)
            return renderer.page(
                "decision-preview", content,
                layout: Pages.layout(title: "Xem trước quyết định", session: session, current: "/decisions/new"))
        }
    }

    /// All or nothing: when someone acted first or a rule changed since the preview, approveAll refuses (a 409 page
    /// saying why) and nothing is signed.
    func signDecision(request: Request, context: Context) async throws -> Response {
        try await withDecisionForm(request, context) { session, ids, decision in
            _ = try await nominations.approveAll(ids, decision: decision, dryRun: false, by: session.account, logger: context.logger)
            return Renderer.redirect(to: "/decisions/signed?number=\(Self.queryValue(decision.number))&year=\(decision.date.year)")
        }
    }

    struct SignedContent {
        let number: String
        let date: String
        let count: Int
        let total: String
        let print: String
        let word: String
        let markdown: String
        let rewards: String
        let rewardsWorkbook: String
    }

    /// After signing: what was signed, in the layout (a phone shows it readably), with the A4 document to print and
    /// the way back — the document itself is a print page with no menu.
    func signedDecision(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .readDirectory)
        guard let number = FormFields.query(request)["number"], !number.isEmpty else { throw WebError.notFound }
        let document = try await decisions.document(number, year: Self.year(request), logger: context.logger)
        let query = "number=\(Self.queryValue(document.number))&year=\(document.date.year)"
        let (path, rewards) = ("/decisions/document?" + query, "/decisions/rewards?" + query)
        let content = SignedContent(
            number: document.number, date: document.date.vietnamese, count: document.entries.count,
            total: "\(VietnameseText.grouped(document.totalAmount)) đồng", print: path, word: path + "&format=docx",
            markdown: path + "&format=md", rewards: rewards, rewardsWorkbook: rewards + "&format=xlsx")
        return renderer.page(
            "decision-signed", content,
            layout: Pages.layout(title: "Quyết định số \(document.number)", session: session, current: "/decisions/new"))
    }

    /// The signed decision as printed (the same document as `thidua report decision`): print it from the browser, or
    /// download it as a Word document (to finish in Word or LibreOffice) or Markdown.
    func decisionDocument(request: Request, context: Context) async throws -> Response {
        _ = try session(context, allowedTo: .readDirectory)
        guard let number = FormFields.query(request)["number"], !number.isEmpty else { throw WebError.notFound }
        let format = FormFields.query(request)["format"].flatMap(DecisionDocumentFormat.init) ?? .html
        let document = try await decisions.document(number, year: Self.year(request), logger: context.logger)
        return Self.printable(
            try format.render(document), contentType: format.contentType, download: format == .html ? nil : "quyet-dinh.\(format.rawValue)")
    }
}

extension WebPages {
    /// The decision's reward receipt list (the same file as `thidua report rewards`): printable HTML, or the workbook and
    /// the Word document for the accountant.
    func decisionRewards(request: Request, context: Context) async throws -> Response {
        _ = try session(context, allowedTo: .readDirectory)
        guard let number = FormFields.query(request)["number"], !number.isEmpty else { throw WebError.notFound }
        let format = FormFields.query(request)["format"].flatMap(RewardListFormat.init) ?? .html
        let list = RewardList(try await decisions.document(number, year: Self.year(request), logger: context.logger))
        return Self.printable(
            try format.render(list), contentType: format.contentType,
            download: format == .html ? nil : "ky-nhan-tien-thuong.\(format.rawValue)")
    }

    /// A document to print or to finish: shown in the browser, or downloaded as `download` (a Word file, a workbook).
    static func printable(_ data: Data, contentType: String, download name: String?) -> Response {
        var headers: HTTPFields = [.contentType: contentType]
        if let name { headers[.contentDisposition] = "attachment; filename=\"\(name)\"" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func queryValue(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }

    /// `?year=` of a decision link: numbers restart each year, so a link names both.
    static func year(_ request: Request) -> Int? { FormFields.query(request)["year"].flatMap { Int($0) } }
}
