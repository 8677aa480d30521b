import Foundation
import ZIPFoundation

/// A block of a Word document: a heading, a paragraph (a line break starts a new paragraph), or a bordered table
/// whose first row repeats on every page.
enum WordBlock: Sendable {
    case title(String)
    case heading(String, level: Int)
    case paragraph(String, centered: Bool = false, bold: Bool = false)
    /// Column widths in per-mille of the text width; they need not sum exactly.
    case table(header: [String], rows: [[String]], widths: [Int])
}

/// 报告导出 — a small WordprocessingML (.docx) writer: A4 pages, 宋体 body text and 黑体 headings (with Latin fonts beside
/// them), tables with single borders. Written by hand from the ECMA-376 part names so that Word, WPS and LibreOffice
/// open it; nothing is taken from a template file.
enum WordDocumentWriter {
    static let mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    static func data(title: String, author: String, created: Date, blocks: [WordBlock]) throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-report-\(UUID().uuidString).docx")
        defer { try? FileManager.default.removeItem(at: url) }
        let archive = try Archive(url: url, accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position) ..< min(Int(position) + size, data.count))
            }
        }
        try add("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
            <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
            <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
            </Types>
            """)
        try add("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
            </Relationships>
            """)
        try add("word/_rels/document.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            </Relationships>
            """)
        let stamp = created.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
        try add("docProps/core.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
            <dc:title>\(escape(title))</dc:title><dc:creator>\(escape(author))</dc:creator>\
            <dcterms:created xsi:type="dcterms:W3CDTF">\(stamp)</dcterms:created></cp:coreProperties>
            """)
        try add("word/styles.xml", styles)
        try add("word/document.xml", document(blocks))
        return try Data(contentsOf: url)
    }

    /// Text as XML character data: the spreadsheet writer's escaping (markup escaped, what XML 1.0 cannot hold dropped).
    static func escape(_ text: String) -> String { SpreadsheetWriter.escape(text) }

    private static func run(_ text: String, bold: Bool = false) -> String {
        "<w:r>\(bold ? "<w:rPr><w:b/></w:rPr>" : "")<w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r>"
    }

    private static func paragraphs(_ text: String, style: String? = nil, centered: Bool = false, bold: Bool = false) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { line in
            var properties = ""
            if let style { properties += "<w:pStyle w:val=\"\(style)\"/>" }
            if centered { properties += "<w:jc w:val=\"center\"/>" }
            return "<w:p>\(properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>")\(line.isEmpty ? "" : run(String(line), bold: bold))</w:p>"
        }.joined()
    }

    private static func document(_ blocks: [WordBlock]) -> String {
        // A4 with 2.54 cm margins leaves 9026 twentieths of a point for text.
        let textWidth = 9026
        var body = ""
        for block in blocks {
            switch block {
            case .title(let text): body += paragraphs(text, style: "Title")
            case .heading(let text, let level): body += paragraphs(text, style: "Heading\(min(max(level, 1), 3))")
            case .paragraph(let text, let centered, let bold): body += paragraphs(text, centered: centered, bold: bold)
            case .table(let header, let rows, let widths):
                let total = max(1, widths.reduce(0, +))
                let columns = widths.map { max(300, $0 * textWidth / total) }
                func cell(_ text: String, _ width: Int, bold: Bool) -> String {
                    "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr>\(paragraphs(text, style: "TableText", bold: bold))</w:tc>"
                }
                body += "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"\(columns.reduce(0, +))\" w:type=\"dxa\"/>"
                body += "<w:tblBorders>" + ["top", "left", "bottom", "right", "insideH", "insideV"].map {
                    "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                }.joined() + "</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr>"
                body += "<w:tblGrid>" + columns.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
                body += "<w:tr><w:trPr><w:tblHeader/></w:trPr>" + zip(header, columns).map { cell($0, $1, bold: true) }.joined() + "</w:tr>"
                for row in rows {
                    let padded = row + Array(repeating: "", count: max(0, columns.count - row.count))
                    body += "<w:tr><w:trPr><w:cantSplit/></w:trPr>" + zip(padded, columns).map { cell($0, $1, bold: false) }.joined() + "</w:tr>"
                }
                body += "</w:tbl><w:p/>"
            }
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)\
            <w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>\
            </w:body></w:document>
            """
    }

    /// 宋体 小四 body, 黑体 headings, table text 五号; Latin text in Times New Roman.
    private static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体" w:cs="Times New Roman"/>\
        <w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>\
        <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/><w:spacing w:before="240" w:after="360"/></w:pPr>\
        <w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="黑体"/><w:b/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr>\
        <w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="黑体"/><w:sz w:val="30"/><w:szCs w:val="30"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr>\
        <w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="楷体"/><w:b/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:outlineLvl w:val="2"/></w:pPr>\
        <w:rPr><w:b/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="300" w:lineRule="auto"/></w:pPr>\
        <w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>\
        <w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
        </w:styles>
        """
}
