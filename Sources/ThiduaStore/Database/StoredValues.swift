import Foundation
import ThiduaCore

// Values as PostgreSQL hands them back: the constraints guarantee their shape, so reading them cannot fail.

extension Owner {
    /// The owner stored in a `…_person_id` / `…_unit_id` column pair; the database's CHECK guarantees exactly one.
    static func stored(person: UUID?, unit: UUID?) throws -> Owner {
        if let person { return .person(ID(person)) }
        guard let unit else { throw DomainError(.conflict, "Bản ghi không có cá nhân hay tập thể nào.") }
        return .unit(ID(unit))
    }
}

extension LocalDate {
    /// A `date::text` column ("2024-05-20"). PostgreSQL only stores real dates, so the text is read digit by digit
    /// without a calendar check (which cost more than the rest of a report line).
    static func stored(_ text: String) -> LocalDate {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int {
            bytes[range].reduce(0) { $0 * 10 + Int($1) - Int(UInt8(ascii: "0")) }
        }
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return LocalDate(1970, 1, 1) }
        return LocalDate(number(0..<4), number(5..<7), number(8..<10))
    }
}
