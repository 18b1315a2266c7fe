import Foundation
import Hummingbird
import ThiduaCore
import ThiduaExport
import ThiduaStore

/// A tổ's bình xét on the web (issue 14, item 2): the tổ trưởng records it once — day, hours, place, chair, secretary,
/// the absent with their reasons, the title and agreeing votes per member — each mistake beside its field; then its
/// biên bản to print or in Word. A tổ trưởng sees their own tổ; the registry's roles pick one (`?unit=`).
extension WebPages {
    struct TeamReviewContent {
        struct MemberRow {
            let id: String
            let name: String
            let position: String
            let absent: Bool
            let reason: String
            let titles: [Option]
            let agree: String
        }

        let csrf: String
        let path: String
        let movementPath: String
        let movementName: String
        let teamName: String
        let recorded: String?
        let minutesPath: String
        let mayRecord: Bool
        let done: Bool
        let heldOn: String
        let startsAt: String
        let endsAt: String
        let place: String
        let chairs: [Option]
        let secretaries: [Option]
        let members: [MemberRow]
        let errors: [String: String]
    }

    /// The tổ of the page: `?unit=` when given, else the account's own; who may read it is Core's rule.
    private func team(_ request: Request, session: SignInRepository.Session, context: Context) async throws -> OrgUnit {
        let scope = try await accounts.scope(of: session.account.id, logger: context.logger)
        guard let unit = FormFields.query(request)["unit"].flatMap({ ID<OrgUnit>($0) }) ?? scope else { throw WebError.notFound }
        do {
            try Policy.requireReadTeamReview(of: unit, as: session.account, scope: scope)
        } catch {
            throw WebError.forbidden
        }
        return try await units.find(unit, logger: context.logger)
    }

    func teamReviewPage(request: Request, context: Context) async throws -> Response {
        let session = try session(context)
        let movement = try await movements.find(try pathID(context), logger: context.logger)
        let scope = try await accounts.scope(of: session.account.id, logger: context.logger)
        if FormFields.query(request)["unit"] == nil && scope == nil {
            return try await teamChooser(movement, session: session, context: context)
        }
        let team = try await team(request, session: session, context: context)
        let done = FormFields.query(request)["done"] == "1"
        return try await teamReviewPage(movement, team: team, session: session, form: nil, errors: [:], done: done, context: context)
    }

    func recordTeamReview(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .recordTeamReview)
        let movement = try await movements.find(try pathID(context), logger: context.logger)
        let team = try await team(request, session: session, context: context)
        let scope = try await accounts.scope(of: session.account.id, logger: context.logger)
        do { try Policy.requireTeamReview(of: team.id, as: session.account, scope: scope) } catch { throw WebError.forbidden }
        let form = try await FormFields.read(request)
        var problems: [DomainError.FieldViolation] = []
        let date = form.isoDate("heldOn", required: true, problems: &problems)
        let members = try await teamReviews.members(of: team.id, logger: context.logger).map(\.personId.description)
        let absent = members.filter { form["absent-\($0)"] == "1" }.map { ($0, form["reason-\($0)"] ?? "") }
        let votes = members.filter { !(form["title-\($0)"] ?? "").isEmpty }.map {
            ($0, form["title-\($0)"] ?? "", Int((form["agree-\($0)"] ?? "").trimmingCharacters(in: .whitespaces)))
        }
        do {
            if !problems.isEmpty { throw DomainError.validation(problems) }
            _ = try await teamReviews.record(
                movement: movement.id, unit: team.id, heldOn: date, startsAt: form["startsAt"], endsAt: form["endsAt"],
                place: form["place"], chairId: form["chairId"], secretaryId: form["secretaryId"], absences: absent, votes: votes,
                by: Actor(account: session.account), logger: context.logger)
            return Renderer.redirect(to: "/movements/\(movement.id)/team-review?unit=\(team.id)&done=1#da-ghi")
        } catch let error as DomainError where error.refusesInput || error.code == .conflict {
            var errors = formErrors(
                error, fields: ["heldOn", "startsAt", "endsAt", "place", "chairId", "secretaryId", "members"],
                aliases: Dictionary(
                    uniqueKeysWithValues: (0..<max(absent.count, votes.count)).flatMap { index in
                        [
                            ("absences[\(index)].personId", "members"), ("absences[\(index)].reason", "members"),
                            ("votes[\(index)].personId", "members"), ("votes[\(index)].title", "members"),
                            ("votes[\(index)].agree", "members"),
                        ]
                    }))
            if errors.isEmpty { errors["form"] = error.messages.joined(separator: " ") }
            return try await teamReviewPage(
                movement, team: team, session: session, form: form, errors: errors, done: false, context: context)
        }
    }

    func teamReviewMinutes(request: Request, context: Context) async throws -> Response {
        let session = try session(context)
        let movement = try await movements.find(try pathID(context), logger: context.logger)
        let team = try await team(request, session: session, context: context)
        let format = FormFields.query(request)["format"].flatMap(TeamReviewMinutesFormat.init) ?? .html
        let minutes: TeamReviewMinutes
        do {
            minutes = try await teamReviews.minutes(movement: movement.id, unit: team.id, logger: context.logger)
        } catch let error as DomainError where error.code == .notFound {
            throw WebError.notFound
        }
        return Self.printable(
            try format.render(minutes), contentType: format.contentType,
            download: format == .html ? nil : "bien-ban-binh-xet.\(format.rawValue)")
    }

    /// For an account not scoped to a tổ: the tổ of the movement's unit, each a link to its review.
    private func teamChooser(_ movement: Movement, session: SignInRepository.Session, context: Context) async throws -> Response {
        _ = try self.session(context, allowedTo: .readRegistry)
        let teams = try await units.list(
            try PageRequest(limit: 200), within: Policy.units(for: .readDirectory, session.account), logger: context.logger
        ).items.filter {
            $0.parentId == movement.unitId && $0.kind == .collective
        }
        let content = TeamChooserContent(
            movementPath: "/movements/\(movement.id)", movementName: movement.name,
            teams: teams.map { Option(value: "/movements/\(movement.id)/team-review?unit=\($0.id)", label: $0.name, selected: false) })
        return renderer.page(
            "team-review", content, layout: Pages.layout(title: "Bình xét của tổ", session: session, current: "/movements"))
    }

    struct TeamChooserContent {
        let choosing = true
        let movementPath: String
        let movementName: String
        let teams: [Option]
    }

    private func teamReviewPage(
        _ movement: Movement, team: OrgUnit, session: SignInRepository.Session, form: FormFields?, errors: [String: String], done: Bool,
        context: Context
    ) async throws -> Response {
        var recorded: String?
        do {
            let minutes = try await teamReviews.minutes(movement: movement.id, unit: team.id, logger: context.logger)
            recorded =
                "Họp ngày \(minutes.meeting.heldOn.vietnamese): có mặt \(minutes.presentCount)/\(minutes.memberCount); đề nghị "
                + "\(minutes.lines.filter(\.proposed).count)/\(minutes.lines.count) thành viên được xét."
        } catch let error as DomainError where error.code == .notFound {
            recorded = nil
        }
        let scope = try await accounts.scope(of: session.account.id, logger: context.logger)
        let mayRecord = (try? Policy.requireTeamReview(of: team.id, as: session.account, scope: scope)) != nil
        let members = recorded == nil && mayRecord ? try await teamReviews.members(of: team.id, logger: context.logger) : []
        let titles = try await catalogue.awards(logger: context.logger).filter { $0.kind == "title" && $0.recipient == .individual }
        func people(_ field: String) -> [Option] {
            [Option(value: "", label: "— Chọn —", selected: false)]
                + members.map { Option(value: $0.personId.description, label: $0.name, selected: form?[field] == $0.personId.description) }
        }
        let path = "/movements/\(movement.id)/team-review?unit=\(team.id)"
        let content = TeamReviewContent(
            csrf: session.csrfToken, path: path, movementPath: "/movements/\(movement.id)", movementName: movement.name,
            teamName: team.name, recorded: recorded, minutesPath: "/movements/\(movement.id)/team-review/minutes?unit=\(team.id)",
            mayRecord: mayRecord, done: done, heldOn: form?["heldOn"] ?? "", startsAt: form?["startsAt"] ?? "",
            endsAt: form?["endsAt"] ?? "", place: form?["place"] ?? "", chairs: people("chairId"), secretaries: people("secretaryId"),
            members: members.map { member in
                let id = member.personId.description
                let title = form?["title-\(id)"] ?? "LDTT"
                return .init(
                    id: id, name: member.name, position: member.position, absent: form?["absent-\(id)"] == "1",
                    reason: form?["reason-\(id)"] ?? "",
                    titles: [Option(value: "", label: "Không xét", selected: title.isEmpty)]
                        + titles.map { Option(value: $0.code, label: $0.name, selected: $0.code == title) },
                    agree: form?["agree-\(id)"] ?? "")
            }, errors: errors)
        return renderer.page(
            "team-review", content, layout: Pages.layout(title: "Bình xét của tổ", session: session, current: "/movements"),
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
