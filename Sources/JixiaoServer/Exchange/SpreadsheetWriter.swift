import Foundation
import ZIPFoundation

/// One cell of a sheet. Numbers are written from exact decimal text, never through Double.
struct SheetCell: Sendable {
    enum Value: Sendable { case text(String), number(String), empty }
    /// `amount`: a boxed number shown with thousands separators and two decimals (Excel's built-in format 4, #,##0.00).
    enum Style: Int, Sendable { case plain = 0, header = 1, boxed = 2, title = 3, amount = 4 }
    var value: Value
    var style: Style = .plain

    static func text(_ s: String, _ style: Style = .plain) -> SheetCell { SheetCell(value: .text(s), style: style) }
    static func number(_ s: String, _ style: Style = .plain) -> SheetCell { SheetCell(value: .number(s), style: style) }
    static let empty = SheetCell(value: .empty)
}

/// A sheet to write: rows are pulled one at a time, so a large list never sits in memory as XML.
struct SheetSpec {
    var name: String
    var columnWidths: [Double]
    /// Merged ranges like "A1:N1".
    var merges: [String] = []
    var rows: AnySequence<[SheetCell]>
}

/// 表格导出 — a small SpreadsheetML (.xlsx) writer: inline strings, a few styles, merged cells, column widths.
/// Each sheet's XML is streamed to a temporary file and then deflated into the archive.
enum SpreadsheetWriter {
    static func write(_ sheets: [SheetSpec], to url: URL) throws {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position) ..< min(Int(position) + size, data.count))
            }
        }
        try add("[Content_Types].xml", contentTypes(sheetCount: sheets.count))
        try add("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """)
        try add("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
            \(sheets.enumerated().map { "<sheet name=\"\(escape(String($1.name.prefix(31))))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined())\
            </sheets></workbook>
            """)
        try add("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            \(sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined())\
            <Relationship Id="rId\(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
            """)
        try add("xl/styles.xml", styles)
        for (index, sheet) in sheets.enumerated() {
            let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-sheet-\(UUID().uuidString).xml")
            defer { try? FileManager.default.removeItem(at: temporary) }
            try writeSheet(sheet, to: temporary)
            try archive.addEntry(with: "xl/worksheets/sheet\(index + 1).xml", fileURL: temporary, compressionMethod: .deflate)
        }
    }

    private static func writeSheet(_ sheet: SheetSpec, to url: URL) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var buffer = ""
        func flush(force: Bool = false) throws {
            if force || buffer.utf8.count > 64 * 1024 { try handle.write(contentsOf: Data(buffer.utf8)); buffer = "" }
        }
        buffer += "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        buffer += "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        if !sheet.columnWidths.isEmpty {
            buffer += "<cols>" + sheet.columnWidths.enumerated().map { "<col min=\"\($0 + 1)\" max=\"\($0 + 1)\" width=\"\($1)\" customWidth=\"1\"/>" }.joined() + "</cols>"
        }
        buffer += "<sheetData>"
        var rowNumber = 0
        for row in sheet.rows {
            rowNumber += 1
            buffer += "<row r=\"\(rowNumber)\">"
            for (column, cell) in row.enumerated() {
                let reference = columnName(column) + String(rowNumber)
                let style = cell.style == .plain ? "" : " s=\"\(cell.style.rawValue)\""
                switch cell.value {
                case .text(let text): buffer += "<c r=\"\(reference)\" t=\"inlineStr\"\(style)><is><t xml:space=\"preserve\">\(escape(text))</t></is></c>"
                case .number(let number): buffer += "<c r=\"\(reference)\"\(style)><v>\(escape(number))</v></c>"
                case .empty: if !style.isEmpty { buffer += "<c r=\"\(reference)\"\(style)/>" }
                }
            }
            buffer += "</row>"
            try flush()
        }
        buffer += "</sheetData>"
        if !sheet.merges.isEmpty {
            buffer += "<mergeCells count=\"\(sheet.merges.count)\">" + sheet.merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
        }
        buffer += "<pageSetup orientation=\"landscape\" paperSize=\"9\"/></worksheet>"
        try flush(force: true)
    }

    /// 0 → A, 25 → Z, 26 → AA.
    static func columnName(_ index: Int) -> String {
        var n = index + 1, name = ""
        while n > 0 { let r = (n - 1) % 26; name = String(UnicodeScalar(65 + r)!) + name; n = (n - 1) / 26 }
        return name
    }

    /// Escapes text for element content and attribute values.
    /// Characters that XML 1.0 does not allow are dropped, not replaced: the C0 controls other than tab, line feed and
    /// carriage return (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F) and the noncharacters U+FFFE and U+FFFF. They are
    /// invisible and Excel shows nothing for them, so a replacement mark would only add noise. (Surrogates cannot occur
    /// in a Swift string.) A carriage return is written as a reference so that end-of-line normalisation keeps it.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func contentTypes(sheetCount: Int) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        \((1...max(sheetCount, 1)).map { "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined())\
        </Types>
        """
    }

    private static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <fonts count="3"><font><sz val="11"/><name val="SimSun"/></font><font><b/><sz val="11"/><name val="SimSun"/></font><font><b/><sz val="16"/><name val="SimHei"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>\
        <border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>\
        <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>\
        <xf numFmtId="4" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """
}
