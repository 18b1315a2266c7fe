import Foundation
import Testing
import ThiduaCore
import ThiduaTestSupport

@testable import ThiduaServer

/// The commendations written by hand (issue "Performance") say what `JSONEncoder` said of `CommendationResponse`:
/// the same fields, the same values, absent ones absent, text escaped.
@Suite("Commendations as JSON by hand")
struct JSONWriterTests {
    static func commendation(revoked: Bool, money: Bool, issuer: String?, person: Bool) -> Commendation {
        var c = Commendation(
            id: ID(UUID()), nominationId: ID(UUID()), awardCode: "LDTT", movementId: ID(UUID()),
            nominee: person ? .person(ID(UUID())) : .unit(ID(UUID())), decisionNumber: "12/QĐ-THAP",
            decisionDate: LocalDate(2024, 5, 20), signerName: "Trần Văn \"Minh\" \\ \u{1}\n",
            revocation: revoked ? .init(reason: "Phát hiện vi phạm\tdạy thêm", decisionNumber: "03/QĐ-THAP") : nil)
        c.issuer = issuer
        if money {
            c.money = .init(coefficient: Coefficient(hundredths: 30), collectiveFactor: 1, baseSalary: 2_340_000, rewardAmount: 702_000)
        }
        return c
    }

    @Test(
        "Each shape of commendation reads back equal to the encoder's JSON",
        arguments: [
            (false, true, nil as String?, true), (true, false, "UBND tỉnh Đồng Tháp", false), (true, true, nil, true),
        ])
    func sameAsTheEncoder(revoked: Bool, money: Bool, issuer: String?, person: Bool) throws {
        let c = Self.commendation(revoked: revoked, money: money, issuer: issuer, person: person)
        let byHand = try JSONDecoder().decode(JSONValue.self, from: Data(CommendationJSON.one(c).bytes))
        let encoded = try JSONDecoder().decode(JSONValue.self, from: try JSONEncoder().encode(CommendationResponse(c)))
        #expect(byHand == encoded)
        #expect(byHand["signer"]?.string == "Trần Văn \"Minh\" \\ \u{1}\n")
    }

    @Test("A page holds its items in order and says the next cursor, or null on the last page")
    func page() throws {
        let items = [
            Self.commendation(revoked: false, money: true, issuer: nil, person: true),
            Self.commendation(revoked: true, money: false, issuer: nil, person: false),
        ]
        let page = try JSONDecoder().decode(JSONValue.self, from: Data(CommendationJSON.page(items, nextCursor: "abc").bytes))
        #expect(page["items"]?.array?.compactMap { $0["id"]?.string } == items.map(\.id.description))
        #expect(page["nextCursor"]?.string == "abc")
        let last = try JSONDecoder().decode(JSONValue.self, from: Data(CommendationJSON.page([], nextCursor: nil).bytes))
        #expect(last["items"]?.array?.isEmpty == true && last["nextCursor"] == .null)
    }

    @Test("Text reads back unchanged wherever its escapes fall: none, first, last, only, in a row")
    func textEscapes() throws {
        for text in ["", "Nguyễn Thị Hạnh", "\"", "\"đầu", "cuối\\", "\u{1}\u{1f}\t\r\n", "a\"\"b\\\\c", "Lê 🏅 \u{7f}"] {
            var json = JSONWriter(capacity: 16)
            json.string(text)
            #expect(try JSONDecoder().decode(String.self, from: Data(json.bytes)) == text, "\(text.debugDescription)")
        }
    }
}
