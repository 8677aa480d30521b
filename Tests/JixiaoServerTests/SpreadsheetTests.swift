import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZIPFoundation
@testable import JixiaoServer

/// Serialized: one test measures the process's peak memory, which tests running beside it would disturb.
@Suite("SpreadsheetML writer and reader", .serialized)
struct SpreadsheetTests {
    func temporaryURL() -> URL { FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-test-\(UUID().uuidString).xlsx") }

    struct Row: Equatable, CustomStringConvertible {
        var number: Int
        var cells: [Int: String]
        var description: String { "\(number): \(cells.sorted { $0.key < $1.key })" }
    }

    /// A hand-made archive with these parts, in this order.
    func archive(_ parts: [(path: String, content: Data)], compression: CompressionMethod = .deflate) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: compression) { position, size in
                data.subdata(in: Int(position) ..< min(Int(position) + size, data.count))
            }
        }
        return try #require(archive.data)
    }

    /// A workbook with one sheet "Sheet1" whose XML is `sheet`, and a shared string table if given.
    func workbook(sheet: Data, sharedStrings: Data? = nil,
                  workbook: String = #"<workbook xmlns:r="r"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
                  compression: CompressionMethod = .deflate) throws -> Data {
        var parts: [(path: String, content: Data)] = [
            ("xl/workbook.xml", Data(workbook.utf8)),
            ("xl/_rels/workbook.xml.rels", Data(#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8)),
        ]
        if let sharedStrings { parts.append(("xl/sharedStrings.xml", sharedStrings)) }
        parts.append(("xl/worksheets/sheet1.xml", sheet))
        return try archive(parts, compression: compression)
    }

    func workbook(sheet: String, sharedStrings: String? = nil, compression: CompressionMethod = .deflate) throws -> Data {
        try workbook(sheet: Data(sheet.utf8), sharedStrings: sharedStrings.map { Data($0.utf8) }, compression: compression)
    }

    func sheet(_ rows: String) -> String { "<worksheet><sheetData>\(rows)</sheetData></worksheet>" }

    func rows(of reader: SpreadsheetReader, sheet: Int = 0) throws -> [Row] {
        var rows: [Row] = []
        try reader.forEachRow(inSheet: sheet) { rows.append(Row(number: $0, cells: $1)) }
        return rows
    }

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
        let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
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
            let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
            let data = Data("<x/>".utf8)
            try archive.addEntry(with: "hello.txt", type: .file, uncompressedSize: Int64(data.count)) { _, _ in data }
            _ = try SpreadsheetReader(data: archive.data!)
        }
    }

    @Test func columnNames() {
        #expect(SpreadsheetWriter.columnName(0) == "A" && SpreadsheetWriter.columnName(25) == "Z" && SpreadsheetWriter.columnName(26) == "AA")
        #expect(SpreadsheetReader.columnIndex("AA12") == 26 && SpreadsheetReader.columnIndex("B3") == 1)
        #expect(SpreadsheetReader.columnIndex("XFD1") == 16_383)
        #expect(SpreadsheetReader.columnIndex(String(repeating: "Z", count: 40) + "1") == Int(Int32.max) - 1, "saturates, never overflows")
    }

    // MARK: XML

    /// Text around references, numeric references, CDATA, comments, processing instructions, prefixes, line ends.
    static let featureSheet = """
        \u{FEFF}<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r
        <!-- a comment -- with dashes - and > signs --->
        <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>\r\n\
        <x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>BEFORE&amp;AFTER</x:t></x:is></x:c><x:c r="B1" t="s"><x:v>0</x:v></x:c></x:row>
        <x:row r='2' spans="1:3" ><x:c r="A2" t="inlineStr"><x:is><x:t xml:space="preserve"> 中文&#x1F600;&#20013;&lt;&gt;&quot;&apos;&#x000041;</x:t></x:is></x:c>\
        <x:c r="C2" t="str"><x:f>A2&amp;"x"</x:f><x:v><![CDATA[a]]b<c>&amp;]]]]><?pi stuff?><![CDATA[]]]]]]]></x:v></x:c ></x:row>
        <x:row r="5"><x:c r="B5" t="inlineStr"><x:is><x:t>a&#13;b\r\nc\rd&#10;e</x:t></x:is></x:c><x:c r="C5" t="b"><x:v>0</x:v></x:c></x:row>
        </x:sheetData></x:worksheet>
        <!-- after the root -->

        """
    static let featureSharedStrings = #"<?xml version="1.0"?><sst count="1"><si><r><t>富</t></r><r><rPr><b/></rPr><t xml:space="preserve">文本&amp;</t></r><rPh sb="0" eb="1"><t>フ</t></rPh></si></sst>"#
    static let featureRows = [
        Row(number: 1, cells: [0: "BEFORE&AFTER", 1: "富文本&"]),
        Row(number: 2, cells: [0: " 中文😀中<>\"'A", 2: "a]]b<c>&amp;]]]]]]]"]),
        Row(number: 5, cells: [1: "a\rb\nc\nd\ne", 2: "FALSE"]),
    ]

    @Test func textAfterAReferenceIsKept() throws {
        let reader = try SpreadsheetReader(data: try workbook(sheet: Self.featureSheet, sharedStrings: Self.featureSharedStrings))
        let rows = try rows(of: reader)
        #expect(rows == Self.featureRows)
    }

    @Test(arguments: [true, false])
    func tagsReferencesAndCharactersMaySplitAnywhereBetweenChunks(deflated: Bool) throws {
        let data = try workbook(sheet: Self.featureSheet, sharedStrings: Self.featureSharedStrings, compression: deflated ? .deflate : .none)
        for chunkSize in [1, 2, 3, 4, 5, 6, 7, 13, 4096] {
            let reader = try SpreadsheetReader(data: data, limits: SpreadsheetLimits(), chunkSize: chunkSize)
            let rows = try rows(of: reader)
            #expect(rows == Self.featureRows, "chunks of \(chunkSize) bytes")
        }
    }

    @Test func attributesHaveReferencesReplacedAndWhiteSpaceNormalised() throws {
        let data = try workbook(sheet: Data(sheet("").utf8), workbook: "<workbook xmlns:rel=\"r\"><sheets><sheet name='R&amp;D\t&quot;预算&quot;&#10;' sheetId=\"1\" rel:id=\"rId1\"/></sheets></workbook>")
        let reader = try SpreadsheetReader(data: data)
        #expect(reader.sheets.map(\.name) == ["R&D \"预算\"\n"])
        #expect(try rows(of: reader).isEmpty)
    }

    @Test func refusesADocumentType() throws {
        let laughs = #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>"#
        let reader = try SpreadsheetReader(data: try workbook(sheet: laughs + sheet(#"<row><c t="inlineStr"><is><t>&lol2;</t></is></c></row>"#)))
        #expect(throws: SpreadsheetError.doctypeNotAllowed(part: "xl/worksheets/sheet1.xml")) { try rows(of: reader) }
        let workbookXML = #"<!DOCTYPE workbook SYSTEM "http://example.invalid/x.dtd"><workbook/>"#
        #expect(throws: SpreadsheetError.doctypeNotAllowed(part: "xl/workbook.xml")) {
            try SpreadsheetReader(data: try workbook(sheet: Data(sheet("").utf8), workbook: workbookXML))
        }
    }

    @Test(arguments: [
        ("<row><c><v>1</v></row>", 1),                                   // end tag does not match
        ("<row><c t=\"inlineStr\"><is><t>&nbsp;</t></is></c></row>", 1),  // no entity but the five
        ("<row><c><v>&#1;</v></c></row>", 1),                            // not an XML character
        ("<row><c><v>&#xD800;</v></c></row>", 1),                        // a surrogate
        ("<row><c><v>\u{1}</v></c></row>", 1),                           // raw control character
        ("<row>\n<c r=A1><v>1</v></c></row>", 2),                         // attribute value without quotes
        ("<row><c r=\"A1\"r=\"B1\"><v>1</v></c></row>", 1),               // no space between attributes
        ("<row><c><v>1 < 2</v></c></row>", 1),
        ("<row>\n\n<c>", 3),                                              // never closed
    ] as [(String, Int)])
    func refusesMalformedXML(rows body: String, line: Int) throws {
        let reader = try SpreadsheetReader(data: try workbook(sheet: sheet(body)))
        #expect(throws: SpreadsheetError.malformedXML(part: "xl/worksheets/sheet1.xml", line: line)) { try rows(of: reader) }
    }

    @Test func refusesBytesThatAreNotUTF8OrDeclaredOtherwise() throws {
        var latin1 = Data(sheet("<row><c t=\"inlineStr\"><is><t>caf").utf8)
        latin1.append(0xE9)
        latin1.append(contentsOf: Data("</t></is></c></row>".utf8) + Data("</sheetData></worksheet>".utf8))
        let reader = try SpreadsheetReader(data: try workbook(sheet: latin1))
        #expect(throws: SpreadsheetError.malformedXML(part: "xl/worksheets/sheet1.xml", line: 1)) { try rows(of: reader) }
        let gbk = try SpreadsheetReader(data: try workbook(sheet: "<?xml version=\"1.0\" encoding=\"GBK\"?>" + sheet("")))
        #expect(throws: SpreadsheetError.malformedXML(part: "xl/worksheets/sheet1.xml", line: 1)) { try rows(of: gbk) }
    }

    @Test func refusesAPartWithAWrongChecksum() throws {
        var data = try workbook(sheet: sheet("<row><c><v>12345</v></c></row>"), compression: .none)
        let digits = try #require(data.range(of: Data("12345".utf8)))
        data[digits.lowerBound] = UInt8(ascii: "9")
        let reader = try SpreadsheetReader(data: data)
        #expect(throws: SpreadsheetError.damagedPart("xl/worksheets/sheet1.xml")) { try rows(of: reader) }
    }

    @Test func errorsOfTheRowClosureReachTheCaller() throws {
        struct Stop: Error, Equatable {}
        let reader = try SpreadsheetReader(data: try workbook(sheet: sheet("<row><c><v>1</v></c></row><row><c><v>2</v></c></row>")))
        var seen = 0
        #expect(throws: Stop()) { try reader.forEachRow(inSheet: 0) { _, _ in seen += 1; throw Stop() } }
        #expect(seen == 1)
    }

    // MARK: limits

    /// Resident and peak resident memory of this process in bytes (Linux only).
    static func memory() -> (resident: Int, peak: Int)? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        func kilobytes(_ key: String) -> Int? {
            status.split(separator: "\n").first { $0.hasPrefix(key + ":") }
                .flatMap { Int($0.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") }
        }
        guard let resident = kilobytes("VmRSS"), let peak = kilobytes("VmHWM") else { return nil }
        return (resident * 1024, peak * 1024)
    }

    /// Sets the peak (VmHWM) back to the current resident size, so that a later reading shows the peak of what ran since.
    static func resetPeakMemory() -> Bool {
        FileManager.default.isWritableFile(atPath: "/proc/self/clear_refs")
            && (try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)) != nil
    }

    @Test func aSharedStringCountsAtEveryReferenceButIsStoredOnce() throws {
        // A 1 MB shared string referenced by 10,000 cells: 10 GB of values if each reference were copied.
        let big = String(repeating: "x", count: 1 << 20)
        let sharedStrings = Data("<sst><si><t>\(big)</t></si><si><t>small</t></si></sst>".utf8)
        var body = ""
        for row in 1...10_000 { body += "<row r=\"\(row)\"><c r=\"A\(row)\" t=\"s\"><v>0</v></c><c r=\"B\(row)\" t=\"s\"><v>1</v></c></row>" }
        let data = try workbook(sheet: Data(sheet(body).utf8), sharedStrings: sharedStrings)
        #expect(data.count < 200_000, "a small file: \(data.count) bytes")
        let limits = SpreadsheetLimits(cellBytes: 2 << 20)   // the default budget for values, 256 MiB

        // Every reference gets the table's own storage, not a copy.
        var firstTwo: [String] = []
        struct Enough: Error {}
        #expect(throws: Enough.self) {
            try SpreadsheetReader(data: data, limits: limits).forEachRow(inSheet: 0) { number, cells in
                firstTwo.append(cells[0] ?? "")
                if number == 2 { throw Enough() }
            }
        }
        var first = firstTwo[0], second = firstTwo[1]
        #expect(first == big)
        #expect(first.withUTF8 { $0.baseAddress } == second.withUTF8 { $0.baseAddress })

        // Refused at the 256th reference to the big string: with the 5-byte strings of the rows before, the values pass
        // 256 MiB. Had each reference been copied, the rows kept by then would hold 255 MB.
        let before = Self.memory()
        let peakWasReset = Self.resetPeakMemory()
        var kept: [[Int: String]] = []   // kept as the importer keeps them
        #expect(throws: SpreadsheetError.limitExceeded(.valueBytes, part: "xl/worksheets/sheet1.xml", row: 256)) {
            try SpreadsheetReader(data: data, limits: limits).forEachRow(inSheet: 0) { kept.append($1) }
        }
        #expect(kept.count == 255)
        // The peak since the reset where the kernel allows it, else what is resident now.
        if let before, let after = Self.memory() {
            let growth = (peakWasReset ? after.peak : after.resident) - before.resident
            #expect(growth < 100 << 20, "memory grew by \(growth >> 20) MB")
        }
    }

    @Test func aHugeSharedStringIsRefusedWithDefaultLimits() throws {
        // The reported bomb: a 9 MB shared string. One cell of Excel holds 32,767 characters at most.
        let sharedStrings = Data("<sst><si><t>\(String(repeating: "x", count: 9 << 20))</t></si></sst>".utf8)
        let data = try workbook(sheet: Data(sheet(#"<row><c t="s"><v>0</v></c></row>"#).utf8), sharedStrings: sharedStrings)
        #expect(throws: SpreadsheetError.limitExceeded(.cellBytes, part: "xl/sharedStrings.xml", row: nil)) { try SpreadsheetReader(data: data) }
    }

    @Test func manyTinyRowsAreRefusedAtTheRowLimit() throws {
        let data = try workbook(sheet: Data(sheet(String(repeating: "<row><c><v>1</v></c></row>", count: 200_000)).utf8))
        #expect(data.count < 100_000)
        let start = ContinuousClock.now
        var seen = 0
        #expect(throws: SpreadsheetError.limitExceeded(.rows, part: "xl/worksheets/sheet1.xml", row: 1_001)) {
            try SpreadsheetReader(data: data, limits: SpreadsheetLimits(rows: 1_000)).forEachRow(inSheet: 0) { _, _ in seen += 1 }
        }
        #expect(seen == 1_000)
        #expect(ContinuousClock.now - start < .seconds(2))
    }

    @Test func emptyRowsCountTowardsTheDefaultRowLimit() throws {
        let data = try workbook(sheet: Data(sheet(String(repeating: "<row/>", count: 1_000_001)).utf8))
        let reader = try SpreadsheetReader(data: data)
        #expect(throws: SpreadsheetError.limitExceeded(.rows, part: "xl/worksheets/sheet1.xml", row: 1_000_001)) { try rows(of: reader) }
    }

    @Test func refusesTooManyOrTooFarColumns() throws {
        let part = "xl/worksheets/sheet1.xml"
        let beyondExcel = try SpreadsheetReader(data: try workbook(sheet: sheet(#"<row r="7"><c r="XFE7"><v>1</v></c></row>"#)))
        #expect(throws: SpreadsheetError.limitExceeded(.columns, part: part, row: 7)) { try rows(of: beyondExcel) }
        let absurd = try SpreadsheetReader(data: try workbook(sheet: sheet("<row><c r=\"\(String(repeating: "Z", count: 60))1\"><v>1</v></c></row>")))
        #expect(throws: SpreadsheetError.limitExceeded(.columns, part: part, row: 1)) { try rows(of: absurd) }
        let many = try workbook(sheet: sheet("<row>" + String(repeating: #"<c r="A1"><v>1</v></c>"#, count: 11) + "</row>"))
        #expect(throws: SpreadsheetError.limitExceeded(.columns, part: part, row: 1)) {
            try rows(of: SpreadsheetReader(data: many, limits: SpreadsheetLimits(columns: 10)))
        }
        #expect(try rows(of: SpreadsheetReader(data: many, limits: SpreadsheetLimits(columns: 11))) == [Row(number: 1, cells: [0: "1"])])
    }

    @Test func refusesTooManyCells() throws {
        // Empty cells are not produced and do not count.
        let data = try workbook(sheet: sheet(String(repeating: "<row><c><v>1</v></c><c/><c><v>2</v></c></row>", count: 5)))
        #expect(try rows(of: SpreadsheetReader(data: data, limits: SpreadsheetLimits(cells: 10))).count == 5)
        #expect(throws: SpreadsheetError.limitExceeded(.cells, part: "xl/worksheets/sheet1.xml", row: 5)) {
            try rows(of: SpreadsheetReader(data: data, limits: SpreadsheetLimits(cells: 9)))
        }
    }

    @Test func refusesACellOrARowTooLong() throws {
        let data = try workbook(sheet: sheet(#"<row><c t="inlineStr"><is><t>12345</t></is></c></row><row><c t="inlineStr"><is><r><t>123</t></r><r><t>456</t></r></is></c></row>"#))
        #expect(try rows(of: SpreadsheetReader(data: data, limits: SpreadsheetLimits(cellBytes: 6))).count == 2)
        #expect(throws: SpreadsheetError.limitExceeded(.cellBytes, part: "xl/worksheets/sheet1.xml", row: 2)) {
            try rows(of: SpreadsheetReader(data: data, limits: SpreadsheetLimits(cellBytes: 5)))
        }
        let wide = try workbook(sheet: sheet("<row r=\"3\">" + String(repeating: #"<c t="inlineStr"><is><t>12345</t></is></c>"#, count: 4) + "</row>"))
        #expect(throws: SpreadsheetError.limitExceeded(.rowBytes, part: "xl/worksheets/sheet1.xml", row: 3)) {
            try rows(of: SpreadsheetReader(data: wide, limits: SpreadsheetLimits(rowBytes: 19)))
        }
    }

    @Test func refusesMoreDecompressedBytesThanAllowed() throws {
        var data = try workbook(sheet: sheet(String(repeating: "<row><c><v>1</v></c></row>", count: 10_000)))
        #expect(throws: SpreadsheetError.limitExceeded(.decompressedBytes, part: "xl/worksheets/sheet1.xml", row: nil)) {
            try rows(of: SpreadsheetReader(data: data, limits: SpreadsheetLimits(decompressedBytes: 100_000)))
        }
        // An archive that understates the size is caught while inflating.
        let name = Data("xl/worksheets/sheet1.xml".utf8)
        var searchFrom = data.startIndex
        while let found = data.range(of: name, in: searchFrom ..< data.endIndex) {
            let local = found.lowerBound - 30, central = found.lowerBound - 46
            if local >= 0 && data[local ..< local + 4].elementsEqual([0x50, 0x4B, 0x03, 0x04]) {
                data.replaceSubrange(local + 22 ..< local + 26, with: [100, 0, 0, 0])
            } else if central >= 0 && data[central ..< central + 4].elementsEqual([0x50, 0x4B, 0x01, 0x02]) {
                data.replaceSubrange(central + 24 ..< central + 28, with: [100, 0, 0, 0])
            }
            searchFrom = found.upperBound
        }
        let lying = try SpreadsheetReader(data: data, limits: SpreadsheetLimits(decompressedBytes: 100_000), chunkSize: 4096)
        let error = #expect(throws: SpreadsheetError.self) { try rows(of: lying) }
        guard case let .limitExceeded(limit, part, row)? = error else { return }
        #expect(limit == .decompressedBytes && part == "xl/worksheets/sheet1.xml")
        #expect((3_500 ... 3_900).contains(row ?? 0), "about 100,000 / 26 rows in: \(String(describing: row))")
    }

    @Test func refusesTooManySheetsOrSharedStringsAndDeepOrLongMarkup() throws {
        let sheets = (1...3).map { #"<sheet name="S\#($0)" sheetId="\#($0)" r:id="rId1"/>"# }.joined()
        let threeSheets = try workbook(sheet: Data(sheet("").utf8), workbook: "<workbook xmlns:r=\"r\"><sheets>\(sheets)</sheets></workbook>")
        #expect(throws: SpreadsheetError.limitExceeded(.sheets, part: "xl/workbook.xml", row: nil)) {
            try SpreadsheetReader(data: threeSheets, limits: SpreadsheetLimits(sheets: 2))
        }
        #expect(try SpreadsheetReader(data: threeSheets, limits: SpreadsheetLimits(sheets: 3)).sheets.count == 3)

        let strings = try workbook(sheet: sheet(""), sharedStrings: "<sst>" + String(repeating: "<si/>", count: 4) + "</sst>")
        #expect(throws: SpreadsheetError.limitExceeded(.sharedStrings, part: "xl/sharedStrings.xml", row: nil)) {
            try SpreadsheetReader(data: strings, limits: SpreadsheetLimits(sharedStrings: 3))
        }

        let deep = try SpreadsheetReader(data: try workbook(sheet: sheet("<row r=\"4\"><c><v>1</v></c>" + String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300) + "</row>")))
        #expect(throws: SpreadsheetError.limitExceeded(.elementDepth, part: "xl/worksheets/sheet1.xml", row: 4)) { try rows(of: deep) }
        let longName = String(repeating: "n", count: 600)
        let longNames = try workbook(sheet: sheet("<row r=\"4\"><\(longName)><\(longName)/></\(longName)></row>"))
        #expect(try rows(of: SpreadsheetReader(data: longNames, limits: SpreadsheetLimits(markupBytes: 1_000))).isEmpty)
        let nestedLongNames = try workbook(sheet: sheet("<row r=\"4\"><\(longName)><\(longName)></\(longName)></\(longName)></row>"))
        #expect(throws: SpreadsheetError.limitExceeded(.elementDepth, part: "xl/worksheets/sheet1.xml", row: 4)) {
            try rows(of: SpreadsheetReader(data: nestedLongNames, limits: SpreadsheetLimits(markupBytes: 1_000)))
        }

        let long = try workbook(sheet: sheet("<row r=\"2\"><c r=\"A2\"\(String(repeating: " ", count: 1_000))><v>1</v></c></row>"))
        #expect(throws: SpreadsheetError.limitExceeded(.markupBytes, part: "xl/worksheets/sheet1.xml", row: 2)) {
            try rows(of: SpreadsheetReader(data: long, limits: SpreadsheetLimits(markupBytes: 1_000)))
        }
        #expect(try rows(of: SpreadsheetReader(data: long, limits: SpreadsheetLimits(markupBytes: 1_010))).count == 1)
    }

    // MARK: writer

    @Test func writerDropsCharactersXMLDoesNotAllow() throws {
        let forbidden = (Array(0x00...0x08) + [0x0B, 0x0C] + Array(0x0E...0x1F) + [0xFFFE, 0xFFFF]).map { Character(Unicode.Scalar($0)!) }
        let name = "单位" + String(forbidden) + "名称"
        let url = temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        try SpreadsheetWriter.write([SheetSpec(name: "表" + String(forbidden), columnWidths: [],
                                               rows: AnySequence([[.text(name), .text("a\tb\nc\r\nd")]]))], to: url)
        let data = try Data(contentsOf: url)
        // Every part is XML that Foundation's parser accepts too.
        let archive = try Archive(data: data, accessMode: .read, pathEncoding: nil)
        for entry in archive {
            var xml = Data()
            _ = try archive.extract(entry) { xml.append($0) }
            let parser = XMLParser(data: xml)
            #expect(parser.parse(), "\(entry.path) parses: \(String(describing: parser.parserError))")
        }
        let reader = try SpreadsheetReader(data: data)
        #expect(reader.sheets.map(\.name) == ["表"])
        #expect(try rows(of: reader) == [Row(number: 1, cells: [0: "单位名称", 1: "a\tb\nc\r\nd"])])
        #expect(SpreadsheetWriter.escape("x\u{7}\u{FFFF}y\u{FFFD}\u{10FFFF}") == "x" + "y\u{FFFD}\u{10FFFF}")
    }
}
