import Foundation

/// A small workbook of one sheet built in memory (the reward receipt list, the registration list): the rows' XML, the
/// column widths, A4 one page wide in either orientation, and optionally rows repeated on every printed page. The
/// honor list streams its own (XLSXHonorListWriter); these share its styles and package parts.
enum OneSheetWorkbook {
    static func package(sheetName: String, widths: [Int], rows: String, landscape: Bool, repeatRows: String? = nil) throws -> Data {
        let columns = widths.enumerated().map {
            "<col min=\"\($0.offset + 1)\" max=\"\($0.offset + 1)\" width=\"\($0.element)\" customWidth=\"1\"/>"
        }.joined()
        let sheet = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetFormatPr defaultRowHeight="15"/><cols>\(columns)</cols>\
            <sheetData>\(rows)</sheetData><pageMargins left="0.6" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>\
            <pageSetup paperSize="9" orientation="\(landscape ? "landscape" : "portrait")" fitToWidth="1" fitToHeight="0"/></worksheet>
            """
        let titles = repeatRows.map {
            "<definedNames><definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'\(sheetName)'!\($0)</definedName></definedNames>"
        }
        let workbook = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="\(sheetName)" sheetId="1" r:id="rId1"/></sheets>\(titles ?? "")</workbook>
            """
        return try OfficePackage.zip([
            ("[Content_Types].xml", XLSXHonorListWriter.contentTypes), ("_rels/.rels", XLSXHonorListWriter.rootRelationships),
            ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", XLSXHonorListWriter.workbookRelationships),
            ("xl/styles.xml", XLSXHonorListWriter.styles), ("xl/worksheets/sheet1.xml", sheet),
        ])
    }
}
