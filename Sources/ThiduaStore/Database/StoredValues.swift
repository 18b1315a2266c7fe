import Foundation
import ThiduaCore

// Values as PostgreSQL hands them back in more than one column.

extension Owner {
    /// The owner stored in a `…_person_id` / `…_unit_id` column pair; the database's CHECK guarantees exactly one.
    static func stored(person: UUID?, unit: UUID?) throws -> Owner {
        if let person { return .person(ID(person)) }
        guard let unit else { throw DomainError(.conflict, "Bản ghi không có cá nhân hay tập thể nào.") }
        return .unit(ID(unit))
    }
}
