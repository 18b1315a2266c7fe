import Foundation
import Hummingbird
import ThiduaCore
import ThiduaExport
import ThiduaStore

/// The Hội đồng Thi đua – Khen thưởng of a movement's period on the web: its members from the head's decision (recorded
/// here by the head or an admin), its meeting on the movement (recorded by the council's secretary, the head or an
/// admin), the secret ballots of the Chiến sĩ thi đua titles, and the biên bản to print or open in Word.
extension WebPages {
    struct CouncilContent {
        let movementName: String
        let movementPath: String
        let path: String
        let csrf: String
        let period: String
        let decision: String?
        let members: [MemberRow]
        let mayRecordCouncil: Bool
        let councilForm: CouncilForm?
        let meeting: [Fact]
        let absences: [String]
        let meetingForm: MeetingForm?
        let ballots: [BallotRow]
        let downloads: [Download]
        let errors: [String: String]
        let notice: String?
    }

    struct MemberRow {
        let name: String
        let position: String
        let duty: String
    }

    struct Fact {
        let label: String
        let value: String
    }

    struct MemberChoice {
        let value: String
        let label: String
        let checked: Bool
        var reason: String = ""
    }

    struct CouncilForm {
        let decisionNumber: String
        let decisionDate: String
        let chairs: [Option]
        let viceChairs: [Option]
        let secretaries: [Option]
        let members: [MemberChoice]
    }

    func addCouncilRoutes(to pages: RouterGroup<Context>) {
        pages.get("movements/:id/council") { request, context in try await self.councilPage(request: request, context: context) }
        pages.post("movements/:id/council") { request, context in try await self.recordCouncil(request: request, context: context) }
        pages.post("movements/:id/council/meeting") { request, context in
            try await self.recordCouncilMeeting(request: request, context: context)
        }
        pages.post("movements/:id/council/ballots") { request, context in
            try await self.recordCouncilBallot(request: request, context: context)
        }
        pages.get("movements/:id/council/minutes") { request, context in try await self.councilMinutes(request: request, context: context) }
    }

    func councilPage(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .readRegistry)
        let movement = try await movements.find(try pathID(context), logger: context.logger)
        let notice = ["council": "Đã ghi Hội đồng.", "meeting": "Đã ghi cuộc họp.", "ballot": "Đã ghi kết quả bỏ phiếu kín."][
            FormFields.query(request)["done"] ?? ""]
        return try await councilPage(movement, session: session, form: nil, errors: [:], notice: notice, context: context)
    }

    func recordCouncil(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .manageCouncil)
        let movement = try await movements.find(try pathID(context), logger: context.logger)
        let form = try await FormFields.read(request)
        var problems: [DomainError.FieldViolation] = []
        let date = form.isoDate("decisionDate", required: true, problems: &problems)
        var members: [(personId: String, duty: String)] = [(form["chair"] ?? "", "chair")]
        if let vice = form["viceChair"], !vice.isEmpty { members.append((vice, "vice_chair")) }
        members += form.all("member").map { ($0, "member") } + [(form["secretary"] ?? "", "secretary")]
        do {
            let draft = try validated(adding: problems) { () throws(DomainError) in
                try CouncilDraft.validate(
                    period: movement.period, decisionNumber: form["decisionNumber"], decisionDate: date ?? "", members: members)
            }
            _ = try await councils.create(draft, unit: movement.unitId, by: Actor(account: session.account), logger: context.logger)
            return Renderer.redirect(to: "/movements/\(movement.id)/council?done=council#thong-bao")
        } catch let error as DomainError where error.refusesInput || error.code == .conflict {
            var errors = formErrors(error, fields: ["decisionNumber", "decisionDate", "members"], aliases: ["unitId": "form"])
            if errors.isEmpty { errors["form"] = error.messages.joined(separator: " ") }
            return try await councilPage(movement, session: session, form: form, errors: errors, notice: nil, context: context)
        }
    }

    /// The biên bản (the same file as `thidua report council-minutes`): printable HTML or Word.
    func councilMinutes(request: Request, context: Context) async throws -> Response {
        _ = try session(context, allowedTo: .readRegistry)
        let format = FormFields.query(request)["format"].flatMap(CouncilMinutesFormat.init) ?? .html
        let minutes = try await councils.minutes(movement: try pathID(context), logger: context.logger)
        return Self.printable(
            try format.render(minutes), contentType: format.contentType,
            download: format == .html ? nil : "bien-ban-hop-hoi-dong.\(format.rawValue)")
    }

    func councilPage(
        _ movement: Movement, session: SignInRepository.Session, form: FormFields?, errors: [String: String], notice: String?,
        context: Context
    ) async throws -> Response {
        let account = session.account
        let path = "/movements/\(movement.id)/council"
        let council = try await councils.find(unit: movement.unitId, period: movement.period, logger: context.logger)
        let meeting = council == nil ? nil : try await recordedMinutes(movement.id, context: context)
        var councilForm: CouncilForm?
        if council == nil, Policy.can(account, .manageCouncil) {
            let people = try await self.people.list(
                .init(units: Policy.units(for: .readDirectory, session.account)), page: try PageRequest(limit: 200), logger: context.logger
            ).items
            func options(_ field: String, blank: String) -> [Option] {
                [Option(value: "", label: blank, selected: (form?[field] ?? "").isEmpty)]
                    + people.map {
                        Option(value: "\($0.id)", label: "\($0.name.full) — \($0.position)", selected: form?[field] == "\($0.id)")
                    }
            }
            let chosen = Set(form?.all("member") ?? [])
            councilForm = CouncilForm(
                decisionNumber: form?["decisionNumber"] ?? "", decisionDate: form?["decisionDate"] ?? "",
                chairs: options("chair", blank: "— Chọn —"), viceChairs: options("viceChair", blank: "Không có"),
                secretaries: options("secretary", blank: "— Chọn —"),
                members: people.map {
                    MemberChoice(value: "\($0.id)", label: "\($0.name.full) — \($0.position)", checked: chosen.contains("\($0.id)"))
                })
        }
        let content = CouncilContent(
            movementName: movement.name, movementPath: "/movements/\(movement.id)", path: path, csrf: session.csrfToken,
            period: movement.period.vietnamese,
            decision: council.map { "Quyết định số \($0.decisionNumber) ngày \($0.decisionDate.vietnamese)" },
            members: council?.members.map { MemberRow(name: $0.name, position: $0.position, duty: $0.duty.vietnamese) } ?? [],
            mayRecordCouncil: councilForm != nil, councilForm: councilForm, meeting: meeting.map(Self.meetingFacts) ?? [],
            absences: meeting.map { minutes in
                minutes.meeting.absences.map { "\(minutes.council.member($0.personId)?.name ?? "") (\($0.reason))" }
            } ?? [],
            meetingForm: try meetingForm(council: council, meeting: meeting, movement: movement, account: account, form: form),
            ballots: meeting.map { ballotRows($0, account: account, form: form, errors: errors) } ?? [],
            downloads: meeting == nil
                ? []
                : [
                    Download(label: "Bản in (HTML)", path: "\(path)/minutes"), Download(label: "Word", path: "\(path)/minutes?format=docx"),
                ],
            errors: errors, notice: notice)
        return renderer.page(
            "council", content, layout: Pages.layout(title: "Hội đồng Thi đua – Khen thưởng", session: session, current: "/movements"),
            status: errors.isEmpty ? .ok : errors["form"] != nil && errors.count == 1 ? .conflict : .unprocessableContent)
    }

    static func meetingFacts(_ minutes: CouncilMinutes) -> [Fact] {
        let meeting = minutes.meeting
        return [
            Fact(label: "Ngày họp", value: meeting.heldOn.vietnamese),
            Fact(label: "Thời gian", value: "\(meeting.startsAt) – \(meeting.endsAt)"),
            Fact(label: "Địa điểm", value: meeting.place),
            Fact(label: "Chủ trì", value: minutes.council.member(meeting.chairId)?.name ?? ""),
            Fact(label: "Thư ký", value: minutes.council.member(meeting.secretaryId)?.name ?? ""),
            Fact(label: "Có mặt", value: "\(minutes.presentCount)/\(minutes.memberCount) thành viên"),
        ]
    }
}
