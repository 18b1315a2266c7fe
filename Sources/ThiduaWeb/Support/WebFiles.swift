import Foundation

/// The templates and assets carried in the binary (see Plugins/EmbedWebFiles), by file name.
enum WebTemplates {
    /// Every `*.mustache` file, by name without the extension ("layout", "login", …).
    static let all: [String: String] = Dictionary(
        uniqueKeysWithValues: embeddedWebFiles.compactMap { file in
            guard file.name.hasSuffix(".mustache"), let text = WebAssets.text(file.base64) else { return nil }
            return (String(file.name.dropLast(".mustache".count)), text)
        })
}

enum WebAssets {
    /// The stylesheet and scripts, by file name ("thidua.css"), with their media types.
    static let files: [String: (type: String, bytes: Data)] = Dictionary(
        uniqueKeysWithValues: embeddedWebFiles.compactMap { file in
            guard let type = mediaType(file.name), let bytes = Data(base64Encoded: file.base64) else { return nil }
            return (file.name, (type, bytes))
        })

    static func text(_ base64: String) -> String? { Data(base64Encoded: base64).flatMap { String(data: $0, encoding: .utf8) } }

    static func mediaType(_ name: String) -> String? {
        if name.hasSuffix(".css") { return "text/css; charset=utf-8" }
        if name.hasSuffix(".js") { return "text/javascript; charset=utf-8" }
        if name.hasSuffix(".svg") { return "image/svg+xml" }
        return nil
    }
}
