import Hummingbird
import ThiduaCore

// The file sent upward and the higher level's answers on the wire.

extension SubmissionController {
    struct AnswerRequest: Decodable {
        let outcome: String?
        let issuer: String?
        let decisionNumber: String?
        let decisionDate: String?
        let award: String?
        let reason: String?
    }

    /// One tờ trình sending several nominations up.
    struct ForwardRequest: Decodable {
        let nominationIds: [String]?
        let submissionNumber: String?
        let submissionDate: String?
        let addressee: String?
    }

    struct ForwardedResponse: ResponseEncodable {
        let number: String
        let date: LocalDate
        let count: Int
        let items: [NominationResponse]
    }

    /// The receiving unit's own tờ trình sending a forwarded nomination on to the next unit up.
    struct OnwardRequest: Decodable {
        let submissionNumber: String?
        let submissionDate: String?
    }
}

extension SubmissionAnswer: ResponseEncodable {}

/// The tờ trình's file as JSON: its heading, then each nominee with the papers of the file and the answer.
struct SubmissionFileResponse: ResponseEncodable, Sendable {
    struct Nominee: Encodable, Sendable {
        let nominationId: ID<Nomination>
        let name: String
        let position: String
        let collective: Bool
        let award: String
        let awardName: String
        let papers: [SubmissionFile.Paper]
        let missing: [SubmissionFile.PaperKind]
        let answer: SubmissionAnswer?
    }

    let number: String
    let date: LocalDate
    let unit: String
    let addressee: String
    let movements: [String]
    let counts: [String]
    let nominees: [Nominee]
    let complete: Bool

    init(_ file: SubmissionFile) {
        number = file.number
        date = file.date
        unit = file.issuer.unitName
        addressee = file.addressee
        movements = file.movementNames
        counts = file.body.filter { $0.hasPrefix("- ") }.map { String($0.dropFirst(2).dropLast()) }
        nominees = file.nominees.map {
            Nominee(
                nominationId: $0.nominationId, name: $0.name, position: $0.position, collective: $0.collective, award: $0.awardCode,
                awardName: $0.awardName, papers: $0.papers, missing: $0.missing, answer: $0.answer)
        }
        complete = file.nominees.allSatisfy(\.missing.isEmpty)
    }
}
