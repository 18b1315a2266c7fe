import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// The council's meeting on the web: the form the secretary fills after the meeting (once), and the secret ballots of
/// the titles voted that way, each form's mistakes beside its fields.
extension WebPages {
    struct MeetingForm {
        let heldOn: String
        let startsAt: String
        let endsAt: String
        let place: String
        let chairs: [Option]
        let secretaries: [Option]
        let members: [MemberChoice]
    }

    struct BallotRow {
        let nominationId: String
        let name: String
        let award: String
        /// "3 phát ra, 3 thu về, 3 hợp lệ, 3 đồng ý" once recorded.
        let recorded: String?
        let mayRecord: Bool
        let issued: String
        let returned: String
        let valid: String
        let agree: String
        let errors: [String: String]
    }

    /// The minutes when the meeting was recorded, nil before.
    func recordedMinutes(_ movement: ID<Movement>, context: Context) async throws -> CouncilMinutes? {
        do {
            return try await councils.minutes(movement: movement, logger: context.logger)
        } catch let error as DomainError where error.code == .notFound {
            return nil
        }
    }

    func recordCouncilMeeting(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .recordMeeting)
        let movement = try await movements.find(try pathID(context), logger: context.logger)
        let form = try await FormFields.read(request)
        var problems: [DomainError.FieldViolation] = []
        let date = form.isoDate("heldOn", required: true, problems: &problems)
        let council = try await councils.find(unit: movement.unitId, period: movement.period, logger: context.logger)
        let absent = (council?.members ?? []).map(\.personId.description).filter { form["absent-\($0)"] == "1" }.map {
            ($0, form["reason-\($0)"] ?? "")
        }
        do {
            _ = try await councils.recordMeeting(
                movement: movement.id, heldOn: date, startsAt: form["startsAt"], endsAt: form["endsAt"], place: form["place"],
                chairId: form["chairId"], secretaryId: form["secretaryId"], absences: absent, by: Actor(account: session.account),
                logger: context.logger)
            return Renderer.redirect(to: "/movements/\(movement.id)/council?done=meeting#thong-bao")
        } catch var error as DomainError where error.refusesInput || error.code == .conflict {
            // The page's own message for a date typed wrong replaces Core's, which is written for the API.
            if !problems.isEmpty { error = .validation(problems + error.violations.filter { $0.field != "heldOn" }) }
            var errors = formErrors(
                error, fields: ["heldOn", "startsAt", "endsAt", "place", "chairId", "secretaryId", "absences"],
                aliases: Dictionary(
                    uniqueKeysWithValues: absent.indices.flatMap { index in
                        [("absences[\(index)].personId", "absences"), ("absences[\(index)].reason", "absences")]
                    }))
            if errors.isEmpty { errors["form"] = error.messages.joined(separator: " ") }
            return try await councilPage(movement, session: session, form: form, errors: errors, notice: nil, context: context)
        }
    }

    func recordCouncilBallot(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .recordMeeting)
        let movement = try await movements.find(try pathID(context), logger: context.logger)
        let form = try await FormFields.read(request)
        func count(_ field: String) -> Int? { Int((form[field] ?? "").trimmingCharacters(in: .whitespaces)) }
        do {
            guard let nomination = form["nominationId"].flatMap(ID<Nomination>.init) else { throw WebError.notFound }
            _ = try await councils.recordBallot(
                movement: movement.id, nomination: nomination, issued: count("issued"), returned: count("returned"), valid: count("valid"),
                agree: count("agree"), by: Actor(account: session.account), logger: context.logger)
            return Renderer.redirect(to: "/movements/\(movement.id)/council?done=ballot#thong-bao")
        } catch let error as DomainError where error.refusesInput || error.code == .conflict {
            var errors = formErrors(error, fields: ["issued", "returned", "valid", "agree"])
            if errors.isEmpty { errors["form"] = error.messages.joined(separator: " ") }
            return try await councilPage(movement, session: session, form: form, errors: errors, notice: nil, context: context)
        }
    }

    func meetingForm(council: Council?, meeting: CouncilMinutes?, movement: Movement, account: Account, form: FormFields?) throws
        -> MeetingForm?
    {
        guard let council, meeting == nil, Policy.can(account, .recordMeeting) else { return nil }
        func options(_ field: String, default duty: Council.Duty) -> [Option] {
            let chosen = form?[field] ?? council.members.first { $0.duty == duty }?.personId.description ?? ""
            return council.members.map { Option(value: "\($0.personId)", label: $0.name, selected: chosen == "\($0.personId)") }
        }
        let absent = Set(council.members.map(\.personId.description).filter { form?["absent-\($0)"] == "1" })
        return MeetingForm(
            // Today when the movement is still running; a past movement's meeting date is typed.
            heldOn: form?["heldOn"] ?? (movement.period.contains(.today) ? LocalDate.today.vietnamese : ""),
            startsAt: form?["startsAt"] ?? "14:00",
            endsAt: form?["endsAt"] ?? "16:00", place: form?["place"] ?? "", chairs: options("chairId", default: .chair),
            secretaries: options("secretaryId", default: .secretary),
            members: council.members.map {
                MemberChoice(
                    value: "\($0.personId)", label: "\($0.name) — \($0.duty.vietnamese)", checked: absent.contains("\($0.personId)"),
                    reason: form?["reason-\($0.personId)"] ?? "")
            })
    }

    /// One row per nomination voted by secret ballot; the form posted last keeps what was typed and its messages.
    func ballotRows(_ minutes: CouncilMinutes, account: Account, form: FormFields?, errors: [String: String]) -> [BallotRow] {
        minutes.nominees.filter(\.secretBallot).map { nominee in
            let posted = form?["nominationId"] == nominee.nominationId.description
            let ballot = nominee.ballot
            func value(_ field: String, _ recorded: Int?) -> String { posted ? form?[field] ?? "" : recorded.map(String.init) ?? "" }
            return BallotRow(
                nominationId: nominee.nominationId.description, name: nominee.name, award: nominee.awardName,
                recorded: ballot.map { "\($0.issued) phát ra, \($0.returned) thu về, \($0.valid) hợp lệ, \($0.agree) đồng ý" },
                mayRecord: Policy.can(account, .recordMeeting), issued: value("issued", ballot?.issued),
                returned: value("returned", ballot?.returned), valid: value("valid", ballot?.valid), agree: value("agree", ballot?.agree),
                errors: posted ? errors : [:])
        }
    }
}
