import Foundation
import Testing
import ZIPFoundation
@testable import JixiaoServer

@Suite("SpreadsheetML writer and reader")
struct SpreadsheetTests {
    func temporaryURL() -> URL { FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-test-\(UUID().uuidString).xlsx") }

    @Test func roundTripKeepsTextNumbersAndPositions() throws {
        let url = temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        let rows: [[SheetCell]] = [[.text("项目支出绩效目标申报表", .title)], [.text("编码", .header), .text("名称 & <备注>", .header), .text("金额", .header)]]
            + (1...2000).map { i in [.text("P-\(i)"), .text("营养改善计划\"第\(i)批\""), .number("\(i).123456")] }
            + [[.empty, .text("  前后空格  "), .text("第一行\n第二行")]]
        try SpreadsheetWriter.write([SheetSpec(name: "目标", columnWidths: [12, 40, 14], merges: ["A1:C1"], rows: AnySequence(rows)),
                                     SheetSpec(name: "说明", columnWidths: [], rows: AnySequence([[.text("第二张表")]]))], to: url)
        let reader = try SpreadsheetReader(data: try Data(contentsOf: url))
        #expect(reader.sheets.map(\.name) == ["目标", "说明"])
        var read: [(Int, [Int: String])] = []
        try reader.forEachRow(inSheet: 0) { read.append(($0, $1)) }
        #expect(read.count == rows.count)
        #expect(read[0].1[0] == "项目支出绩效目标申报表")
        #expect(read[1].1[1] == "名称 & <备注>")
        #expect(read[1001].1 == [0: "P-1000", 1: "营养改善计划\"第1000批\"", 2: "1000.123456"])
        #expect(read.last?.0 == 2003 && read.last?.1 == [1: "  前后空格  ", 2: "第一行\n第二行"], "an empty first cell keeps the others in their columns")
        var second: [[Int: String]] = []
        try reader.forEachRow(inSheet: 1) { second.append($1) }
        #expect(second == [[0: "第二张表"]])
    }

    @Test func readsSharedAndRichStringsAsExcelWritesThem() throws {
        // A workbook shaped like Excel's own output: shared strings, rich text runs, phonetic guides, booleans, gaps.
        let archive = try Archive(data: Data(), accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count)) { p, s in data.subdata(in: Int(p) ..< min(Int(p) + s, data.count)) }
        }
        try add("xl/workbook.xml", #"<workbook xmlns:r="r"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId7"/></sheets></workbook>"#)
        try add("xl/_rels/workbook.xml.rels", #"<Relationships><Relationship Id="rId7" Target="worksheets/sheet1.xml"/></Relationships>"#)
        try add("xl/sharedStrings.xml", #"<sst><si><t>学生受资助人数</t></si><si><r><t>≥</t></r><r><rPr><b/></rPr><t>735人次</t></r><rPh><t>ジ</t></rPh></si></sst>"#)
        try add("xl/worksheets/sheet1.xml", #"<worksheet><sheetData><row r="3"><c r="A3" t="s"><v>0</v></c><c r="C3" t="s"><v>1</v></c><c r="D3"><v>20</v></c><c r="E3" t="b"><v>1</v></c></row><row r="4"/></sheetData></worksheet>"#)
        let reader = try SpreadsheetReader(data: try #require(archive.data))
        var rows: [(Int, [Int: String])] = []
        try reader.forEachRow(inSheet: 0) { rows.append(($0, $1)) }
        #expect(rows.count == 1)
        #expect(rows[0].0 == 3)
        #expect(rows[0].1 == [0: "学生受资助人数", 2: "≥735人次", 3: "20", 4: "TRUE"])
    }

    @Test func refusesWhatIsNotAWorkbook() {
        #expect(throws: SpreadsheetError.notAnXLSX) { try SpreadsheetReader(data: Data("code,name\n1,2".utf8)) }
        #expect(throws: SpreadsheetError.self) {
            let archive = try Archive(data: Data(), accessMode: .create)
            let data = Data("<x/>".utf8)
            try archive.addEntry(with: "hello.txt", type: .file, uncompressedSize: Int64(data.count)) { _, _ in data }
            _ = try SpreadsheetReader(data: archive.data!)
        }
    }

    @Test func columnNames() {
        #expect(SpreadsheetWriter.columnName(0) == "A" && SpreadsheetWriter.columnName(25) == "Z" && SpreadsheetWriter.columnName(26) == "AA")
        #expect(SpreadsheetReader.columnIndex("AA12") == 26 && SpreadsheetReader.columnIndex("B3") == 1)
    }
}
