/// The media type of a report file by its format name (the file extension), shared by every report.
enum MediaType {
    static func of(_ format: String) -> String {
        switch format {
        case "csv": "text/csv; charset=utf-8"
        case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "md": "text/markdown; charset=utf-8"
        case "json": "application/json"
        case "html": "text/html; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
