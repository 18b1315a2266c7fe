import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// Hồ sơ thi đua: a person's lifetime record by year — rating, titles and commendations (issued, or still pending with
/// the nomination's state), recognised models, disciplines. A teacher reads their own (`/record`); the registry roles
/// read anyone's (`/people/{id}/record`).
extension WebPages {
    struct RecordContent {
        let name: String
        let years: [RecordYear]
    }

    struct RecordYear {
        let period: String
        let rating: String?
        let titles: [RecordTitle]
        let models: [String]
        let disciplines: [String]
    }

    struct RecordTitle {
        let name: String
        let source: String
        let amount: String?
        let pending: Bool
    }

    func ownRecord(context: Context) async throws -> Response {
        let session = try session(context)
        guard let person = session.account.personId else {
            throw WebError(
                status: .notFound, title: "Chưa có hồ sơ",
                message: "Tài khoản này chưa gắn với một người trong danh sách cán bộ, nên chưa có hồ sơ thi đua. Hãy nhờ quản trị gắn.")
        }
        return try await record(person, session: session, current: "/record", context: context)
    }

    func personRecord(context: Context) async throws -> Response {
        let session = try session(context)
        return try await record(try pathID(context), session: session, current: nil, context: context)
    }

    private func record(_ person: ID<Person>, session: SignInRepository.Session, current: String?, context: Context) async throws
        -> Response
    {
        try Policy.requireRead(.person(person), as: session.account, what: Person.noun)
        let record = try await eligibility.record(of: .person(person), logger: context.logger)
        let years = record.years.reversed().map { year in
            RecordYear(
                period: year.periodKind == .schoolYear ? "Năm học \(year.period)" : "Năm \(year.period)", rating: year.ratingName,
                titles: year.titles.map {
                    RecordTitle(
                        name: $0.awardName, source: $0.source, amount: $0.rewardAmount.map { "\(VietnameseText.grouped($0)) đ" },
                        pending: $0.status != "issued")
                },
                models: year.recognizedModels,
                disciplines: year.disciplines.map { "\($0.measureName) — \($0.decisionNumber) ngày \($0.decidedOn.vietnamese)" })
        }
        return renderer.page(
            "record", RecordContent(name: record.name, years: years),
            layout: Pages.layout(title: "Hồ sơ thi đua: \(record.name)", session: session, current: current))
    }
}
