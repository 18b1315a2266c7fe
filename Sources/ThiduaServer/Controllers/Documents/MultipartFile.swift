import Foundation

/// The `file` part of a `multipart/form-data` body (RFC 7578): its bytes, name and content type.
struct MultipartFile: Equatable {
    let filename: String
    let contentType: String
    let data: Data

    /// The boundary of a `multipart/form-data; boundary=…` content type, or nil for any other type.
    static func boundary(of contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data",
            let parameter = parts.first(where: { $0.lowercased().hasPrefix("boundary=") })
        else { return nil }
        let value = parameter.dropFirst("boundary=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        return value.isEmpty ? nil : value
    }

    /// Finds the part named `file` (or the first part with a file name); nil when there is none.
    static func parse(_ body: [UInt8], boundary: String) -> MultipartFile? {
        let delimiter = Array("--\(boundary)".utf8)
        let headerEnd: [UInt8] = [13, 10, 13, 10]
        var starts: [Int] = []
        var index = 0
        while let found = body.firstRange(of: delimiter, from: index) {
            starts.append(found.upperBound)
            index = found.upperBound
        }
        var firstFile: MultipartFile?
        for (number, start) in starts.enumerated() where number + 1 < starts.count {
            // A part runs from after its delimiter line to the CRLF before the next delimiter.
            let end = starts[number + 1] - delimiter.count - 2
            guard start + 2 <= end, let headersEnd = body.firstRange(of: headerEnd, from: start + 2), headersEnd.upperBound <= end else {
                continue
            }
            let headers = String(decoding: body[(start + 2)..<headersEnd.lowerBound], as: UTF8.self)
            var disposition = "", type = "application/octet-stream"
            for line in headers.split(separator: "\r\n") {
                let pair = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pair.count == 2 else { continue }
                if pair[0].lowercased() == "content-disposition" { disposition = pair[1] }
                if pair[0].lowercased() == "content-type" { type = pair[1] }
            }
            guard let filename = EvidenceController.filename(disposition) else { continue }
            let file = MultipartFile(filename: filename, contentType: type, data: Data(body[headersEnd.upperBound..<end]))
            if disposition.contains("name=\"file\"") { return file }
            firstFile = firstFile ?? file
        }
        return firstFile
    }
}

extension Array where Element == UInt8 {
    /// The first occurrence of `pattern` at or after `start`.
    func firstRange(of pattern: [UInt8], from start: Int) -> Range<Int>? {
        guard !pattern.isEmpty, count >= pattern.count, start <= count - pattern.count else { return nil }
        var i = start
        while i <= count - pattern.count {
            if self[i] == pattern[0] && self[i..<(i + pattern.count)].elementsEqual(pattern) { return i..<(i + pattern.count) }
            i += 1
        }
        return nil
    }
}
