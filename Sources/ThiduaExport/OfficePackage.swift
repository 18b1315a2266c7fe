import Foundation
import ZIPFoundation

/// An Office Open XML package (a DOCX or a small XLSX) built whole: its parts zipped in a private temporary folder and
/// read back. Entries carry a fixed date, so the same document always gives the same bytes.
enum OfficePackage {
    static func zip(_ parts: [(path: String, text: String)]) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appending(path: "thidua-office-\(UUID().uuidString)")
        // Documents hold people's names and money: readable by this user only (security review F19c).
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "package.zip")
        let archive = try Archive(url: file, accessMode: .create)
        let fixedDate = Date(timeIntervalSince1970: 1_704_067_200)
        for part in parts {
            let data = Data(part.text.utf8)
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                compressionMethod: .deflate, provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        return try Data(contentsOf: file)
    }

    /// The package's relationship to its main part.
    static func rootRelationships(target: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="\(target)"/>\
        </Relationships>
        """
    }
}
