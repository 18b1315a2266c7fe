import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// Nhập dữ liệu (web-ui.md flow 6): choose a CSV of people or units → "Xem trước khi nhập" lists every row's problem
/// ("Dòng 7: …") or exactly what would happen (checked by the database and rolled back) → "Nhập" writes it, all rows
/// or none. The previewed text travels in the confirming form, so what is imported is what was previewed.
extension WebPages {
    struct ImportContent {
        let csrf: String
        let kinds: [Option]
        let columns: String
        let issues: [String]
        let done: String?
        let preview: Preview?
    }

    struct Preview {
        let kind: String
        let kindName: String
        let filename: String
        let summary: String
        let headers: [String]
        let rows: [PreviewRow]
        let more: String?
        let csv: String
    }

    struct PreviewRow {
        let cells: [Cell]
    }

    struct Cell {
        let label: String
        let value: String
    }

    enum ImportKind: String, CaseIterable {
        case people, units

        var name: String { self == .people ? "Nhân sự" : "Đơn vị" }

        var columns: String {
            switch self {
            case .people:
                "Nhân sự: full_name, unit (mã đơn vị), position, category (CBQL, VC hoặc NLD); có thể thêm code (mã nhân sự), "
                    + "family_name, middle_name, given_name."
            case .units: "Đơn vị: code, name, parent (mã đơn vị cấp trên, để trống nếu không có), kind."
            }
        }
    }

    /// Rows shown in a preview; the rest are counted.
    static var previewRows: Int { 100 }

    func importPage(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .managePeople)
        let query = FormFields.query(request)
        let done = query["created"].map { created in
            "Đã nhập \(ImportKind(rawValue: String(query["kind"] ?? ""))?.name.lowercased() ?? ""): thêm mới \(created), "
                + "cập nhật \(query["updated"] ?? "0"), không đổi \(query["unchanged"] ?? "0")."
        }
        return importPage(session: session, kind: .people, issues: [], done: done, preview: nil)
    }

    /// "Xem trước khi nhập": the file read, checked row by row, and dry-run in the database.
    func previewImport(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .managePeople)
        let form = try await uploadForm(request)
        let kind = ImportKind(rawValue: form.fields["kind"] ?? "") ?? .people
        guard let file = form.files.first(where: { !$0.filename.isEmpty && !$0.data.isEmpty }) else {
            return importPage(session: session, kind: kind, issues: ["Chọn tệp CSV để xem trước."], done: nil, preview: nil)
        }
        do {
            let text = try CSVReader.decode(file.data)
            let (summary, headers, rows) = try await importRows(kind, text, dryRun: true, session: session, context: context)
            let preview = Preview(
                kind: kind.rawValue, kindName: kind.name.lowercased(), filename: file.filename,
                summary: "Tệp có \(rows.count) dòng dữ liệu, không có lỗi. Khi nhập sẽ: thêm mới \(summary.created), "
                    + "cập nhật \(summary.updated), không đổi \(summary.unchanged).",
                headers: headers, rows: Array(rows.prefix(Self.previewRows)),
                more: rows.count > Self.previewRows ? "… và \(rows.count - Self.previewRows) dòng nữa." : nil, csv: text)
            return importPage(session: session, kind: kind, issues: [], done: nil, preview: preview)
        } catch let failed as ImportFailed {
            return importPage(session: session, kind: kind, issues: failed.issues.map(\.description), done: nil, preview: nil)
        }
    }

    /// "Nhập": the previewed text, imported for real.
    func runImport(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .managePeople)
        let form = try await uploadForm(request)
        let kind = ImportKind(rawValue: form.fields["kind"] ?? "") ?? .people
        do {
            let (summary, _, _) = try await importRows(kind, form.fields["csv"] ?? "", dryRun: false, session: session, context: context)
            return Renderer.redirect(
                to: "/imports?kind=\(kind.rawValue)&created=\(summary.created)&updated=\(summary.updated)&unchanged=\(summary.unchanged)")
        } catch let failed as ImportFailed {
            // Someone changed the registry between preview and import: the same list of problems, nothing written.
            return importPage(session: session, kind: kind, issues: failed.issues.map(\.description), done: nil, preview: nil)
        }
    }

    private func importRows(
        _ kind: ImportKind, _ text: String, dryRun: Bool, session: SignInRepository.Session, context: Context
    ) async throws -> (ImportSummary, [String], [PreviewRow]) {
        let actor = Actor(account: session.account)
        switch kind {
        case .people:
            let rows = try PersonImport.parse(text)
            let summary = try await people.importPeople(rows, by: actor, dryRun: dryRun, logger: context.logger)
            let headers = ["Dòng", "Họ và tên", "Đơn vị", "Chức vụ", "Đối tượng", "Mã nhân sự"]
            return (
                summary, headers,
                rows.map { row in
                    PreviewRow(
                        cells: zip(
                            headers,
                            [
                                "\(row.line)", row.draft.name.full, row.unitCode, row.draft.position, row.draft.category.vietnameseName,
                                row.draft.code ?? "",
                            ]
                        ).map(Cell.init))
                }
            )
        case .units:
            let rows = try UnitImport.parse(text)
            let summary = try await units.importUnits(rows, by: actor, dryRun: dryRun, logger: context.logger)
            let headers = ["Dòng", "Mã", "Tên đơn vị", "Cấp trên", "Loại"]
            return (
                summary, headers,
                rows.map { row in
                    PreviewRow(
                        cells: zip(headers, ["\(row.line)", row.draft.code, row.draft.name, row.parentCode ?? "", row.draft.kind.rawValue])
                            .map(Cell.init))
                }
            )
        }
    }

    private func uploadForm(_ request: Request) async throws -> MultipartForm {
        guard let form = try await readUpload(request, maxParts: 8) else {
            throw WebError(
                status: .unprocessableContent, title: "Biểu mẫu không đúng dạng", message: "Hãy tải lại trang Nhập dữ liệu rồi làm lại.")
        }
        return form
    }

    private func importPage(
        session: SignInRepository.Session, kind: ImportKind, issues: [String], done: String?, preview: Preview?
    ) -> Response {
        let content = ImportContent(
            csrf: session.csrfToken,
            kinds: ImportKind.allCases.map { Option(value: $0.rawValue, label: $0.name, selected: $0 == kind) },
            columns: ImportKind.allCases.map(\.columns).joined(separator: " "), issues: issues, done: done, preview: preview)
        return renderer.page(
            "imports", content, layout: Pages.layout(title: "Nhập dữ liệu", session: session, current: "/imports"),
            status: issues.isEmpty ? .ok : .unprocessableContent)
    }
}
