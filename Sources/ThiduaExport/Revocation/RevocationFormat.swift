import Foundation
import ThiduaCore

/// The revocation decision's formats: printable HTML and Markdown in the layout of the decision it revokes, and a Word
/// document the clerk finishes.
public enum RevocationFormat: String, CaseIterable, Sendable {
    case html, md, docx

    public var contentType: String { MediaType.of(rawValue) }

    public func render(_ document: RevocationDocument) throws -> Data {
        switch self {
        case .html: Data(Self.html(document).utf8)
        case .md: Data(Self.markdown(document).utf8)
        case .docx: try Self.docx(document)
        }
    }

    static func markdown(_ d: RevocationDocument) -> String { DecisionBody(d).markdown }

    static func html(_ d: RevocationDocument) -> String { DecisionBody(d).html() }

    static func docx(_ d: RevocationDocument) throws -> Data {
        var doc = Docx()
        DecisionBody(d).docx(&doc)
        return try doc.package()
    }
}
