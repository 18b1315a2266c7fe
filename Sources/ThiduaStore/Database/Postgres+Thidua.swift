import Foundation
import NIOCore
import PostgresNIO
import ThiduaCore

// thidua's own types in PostgreSQL's binary protocol, so repositories bind `\(id)`, `\(date)`, `\(status)` and decode
// rows straight into them, as postgres-nio's own types do. A value the database should never hold (an unknown
// status, a malformed date) fails the read loudly instead of turning into a default.

extension ID: PostgresEncodable, PostgresNonThrowingEncodable, PostgresDynamicTypeEncodable,
    PostgresThrowingDynamicTypeEncodable, PostgresArrayEncodable
{
    public static var psqlType: PostgresDataType { .uuid }
    public static var psqlFormat: PostgresFormat { .binary }
    public static var psqlArrayType: PostgresDataType { .uuidArray }

    public func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        rawValue.encode(into: &byteBuffer, context: context)
    }
}

extension ID: PostgresDecodable, PostgresArrayDecodable {
    public init<JSONDecoder: PostgresJSONDecoder>(
        from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
    ) throws {
        self.init(try UUID(from: &buffer, type: type, format: format, context: context))
    }
}

/// A `date` is 4 bytes on the wire: the days since 2000-01-01. The civil date is computed with integer arithmetic
/// (Howard Hinnant's days-from-civil), no calendar: this runs once per report line.
extension LocalDate: PostgresEncodable, PostgresNonThrowingEncodable,
    PostgresDynamicTypeEncodable, PostgresThrowingDynamicTypeEncodable
{
    public static var psqlType: PostgresDataType { .date }
    public static var psqlFormat: PostgresFormat { .binary }

    public func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeInteger(Int32(truncatingIfNeeded: Self.daysSince1970(year, month, day) - Self.days1970To2000))
    }
}

/// A `date[]` decodes to `[LocalDate]` (a nomination's hops, sql/0043).
extension LocalDate: PostgresArrayDecodable {}

extension LocalDate: PostgresDecodable {
    public init<JSONDecoder: PostgresJSONDecoder>(
        from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
    ) throws {
        guard type == .date, format == .binary else { throw PostgresDecodingError.Code.typeMismatch }
        guard buffer.readableBytes == 4, let days = buffer.readInteger(as: Int32.self) else { throw PostgresDecodingError.Code.failure }
        let (year, month, day) = Self.civil(fromDaysSince1970: Int(days) + Self.days1970To2000)
        self.init(year, month, day)
    }

    /// 2000-01-01 − 1970-01-01 in days.
    static let days1970To2000 = 10_957

    static func daysSince1970(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDaysSince1970 days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// A closed list stored as its raw text (statuses, kinds, ratings). Reading a value Swift does not know throws: a
/// corrupt row fails loudly instead of reading as a default. (It refines `Codable` only so that its members are chosen
/// over postgres-nio's JSON defaults for `Codable` types.)
public protocol StoredAsText: PostgresCodable, PostgresNonThrowingEncodable, RawRepresentable, Codable where RawValue == String {}

extension StoredAsText {
    public static var psqlType: PostgresDataType { .text }
    public static var psqlFormat: PostgresFormat { .binary }

    public func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeString(rawValue)
    }

    public init<JSONDecoder: PostgresJSONDecoder>(
        from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
    ) throws {
        let text = try String(from: &buffer, type: type, format: format, context: context)
        guard let value = Self(rawValue: text) else { throw PostgresDecodingError.Code.failure }
        self = value
    }
}

extension NominationStatus: StoredAsText {}
extension ModelStatus: StoredAsText {}
extension MovementStatus: StoredAsText {}
extension Period.Kind: StoredAsText {}
extension Vote: StoredAsText {}
extension StaffCategory: StoredAsText {}
extension UnitKind: StoredAsText {}
extension RewardRounding: StoredAsText {}
extension VoteThreshold.Base: StoredAsText {}
extension DisciplineMeasure: StoredAsText {}
extension EligibilityRule: StoredAsText {}
extension Rating: StoredAsText {}
extension CommendationKind: StoredAsText {}
extension DocumentKind: StoredAsText {}

extension Duration {
    /// Whole seconds, the way `make_interval(secs => …)` takes a rule's duration.
    var seconds: Double { Double(components.seconds) }
}

extension PostgresRow.Iterator {
    /// The next cell decoded as `type`; a row shorter than the columns read fails the read instead of stopping the server.
    mutating func decodeNext<Value: PostgresDecodable>(_ type: Value.Type) throws -> Value {
        guard let cell = next() else { throw PostgresDecodingError.Code.failure }
        return try cell.decode(type)
    }
}
