import Foundation

/// Reads RFC 4180 CSV: UTF-8 with or without BOM, CRLF or LF, quoted fields with commas, quotes and line breaks.
/// Each record remembers the line it starts on, so errors can name it (the header is line 1).
public enum CSVReader {
    public struct Record: Equatable, Sendable {
        public let line: Int
        public let fields: [String]
    }

    /// Decodes UTF-8 bytes (a leading BOM is dropped); throws when the file is not UTF-8.
    public static func decode(_ data: Data) throws(ImportFailed) -> String {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw ImportFailed([ImportIssue(line: 1, message: "Tệp không phải UTF-8. Hãy lưu lại dưới dạng \"CSV UTF-8\".")])
        }
        return text
    }

    /// Splits text into records; blank lines are skipped.
    public static func records(_ text: String) throws(ImportFailed) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var fieldWasQuoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
            field = ""
            fieldWasQuoted = false
        }

        while let scalar = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        inQuotes = false
                        pending = next
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty && !fieldWasQuoted:
                inQuotes = true
                fieldWasQuoted = true
            case ",":
                fields.append(field)
                field = ""
                fieldWasQuoted = false
            case "\r":
                let next = iterator.next()
                if next != "\n" { pending = next }
                endRecord()
                line += 1
                recordLine = line
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes {
            throw ImportFailed([ImportIssue(line: recordLine, message: "Dấu ngoặc kép mở nhưng không đóng.")])
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }
}
