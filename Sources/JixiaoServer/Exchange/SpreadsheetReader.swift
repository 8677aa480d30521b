import Foundation
import ZIPFoundation

/// A limit that a workbook can cross; see `SpreadsheetLimits` for what each one counts.
enum SpreadsheetLimit: String, Sendable, CaseIterable {
    case decompressedBytes, sheets, sharedStrings, rows, columns, cells, cellBytes, rowBytes, valueBytes, markupBytes, elementDepth
}

/// Why a spreadsheet cannot be read at all. A reader that throws has produced no usable result:
/// rows already handed to `forEachRow` before the error must be thrown away.
enum SpreadsheetError: Error, Equatable, Sendable {
    case notAnXLSX
    case missingPart(String)
    /// A part of the archive cannot be decompressed (corrupt data or wrong checksum).
    case damagedPart(String)
    /// Not well-formed XML, or not UTF-8, at this line of the part.
    case malformedXML(part: String, line: Int)
    /// The part declares a document type; DTDs (and with them entities of the document's own) are never read.
    case doctypeNotAllowed(part: String)
    /// A limit was crossed in `part` (the path inside the archive, e.g. "xl/worksheets/sheet1.xml" or
    /// "xl/sharedStrings.xml"); `row` is the sheet row being read, nil outside a sheet's rows.
    case limitExceeded(SpreadsheetLimit, part: String, row: Int?)
}

/// How much a workbook may make the reader do. Every count is checked as the data streams in, and crossing one
/// throws `SpreadsheetError.limitExceeded` at once. The defaults fit the largest goal lists provinces send
/// (about 300,000 rows and 50 MB of sheet XML for 20,000 projects) with room to spare.
struct SpreadsheetLimits: Sendable, Equatable {
    /// For goal lists uploaded to the server, which keeps the rows it reads until the file is checked: the largest
    /// real list (20,000 projects, 300,000 rows of 19 columns, under the 20 MB upload limit) fits, and a file built to
    /// cross a limit is refused before the rows held reach about 100 MB.
    static let goalList = SpreadsheetLimits(rows: 400_000, cells: 6_000_000, valueBytes: 96 * 1024 * 1024)

    /// Bytes decompressed to open the workbook (workbook, relations, shared strings) and read one sheet.
    var decompressedBytes = 256 * 1024 * 1024
    /// Sheets listed in the workbook.
    var sheets = 1_000
    /// Entries in the shared string table.
    var sharedStrings = 2_000_000
    /// Row elements in one sheet, empty ones included.
    var rows = 1_000_000
    /// Cells in one row, and the highest column a cell may name (16,384 = Excel's XFD).
    var columns = 16_384
    /// Non-empty cells produced for a sheet. What a caller keeps per cell (a dictionary entry) costs far more than a
    /// one-character value, so this bounds memory where `valueBytes` cannot: 8,000,000 is a 400,000-row goal list.
    var cells = 8_000_000
    /// UTF-8 bytes of one cell value or shared string: Excel's 32,767 characters at 3 bytes each at most.
    var cellBytes = 98_301
    /// UTF-8 bytes of all values of one row; bounds what the reader holds at a time.
    var rowBytes = 8 * 1024 * 1024
    /// UTF-8 bytes of all values produced for a sheet. A shared string counts at every cell that references it,
    /// although it is stored once.
    var valueBytes = 256 * 1024 * 1024
    /// Bytes of one tag (with its attributes) or processing instruction.
    var markupBytes = 1024 * 1024
    /// Nesting of XML elements. Also crossed when the names of the open elements take more than `markupBytes` together.
    var elementDepth = 256
}

/// 表格导入 — reads .xlsx files: shared strings, inline strings, numbers, booleans; one sheet at a time.
/// Parts are decompressed chunk by chunk and tokenized as the chunks arrive, so neither a part nor a sheet is ever
/// held whole: memory is one chunk, the current row and the shared string table (each string stored once).
/// Formulas are read as their cached values.
struct SpreadsheetReader {
    /// Sheet name and its part path inside the archive, in workbook order.
    let sheets: [(name: String, path: String)]
    let limits: SpreadsheetLimits
    private let archive: Archive
    private let sharedStrings: [String]
    /// Bytes decompressed while opening; reading a sheet may decompress what is left of `limits.decompressedBytes`.
    private let openingBytes: Int
    /// Largest piece handed to the tokenizer at once (and the decompression buffer): tests make it tiny.
    private let chunkSize: Int

    init(data: Data) throws {
        try self.init(data: data, limits: SpreadsheetLimits())
    }

    init(data: Data, limits: SpreadsheetLimits, chunkSize: Int = 64 * 1024) throws {
        precondition(chunkSize > 0)
        guard data.starts(with: [0x50, 0x4B]), let archive = try? Archive(data: data, accessMode: .read, pathEncoding: nil) else { throw SpreadsheetError.notAnXLSX }
        self.archive = archive
        self.limits = limits
        self.chunkSize = chunkSize
        var decompressed = 0

        var workbook = WorkbookHandler(limits: limits)
        try Self.read("xl/workbook.xml", from: archive, limits: limits, chunkSize: chunkSize, decompressed: &decompressed, into: &workbook)
        var relations = RelationshipsHandler(wanted: Set(workbook.sheets.map(\.relationship)))
        try Self.read("xl/_rels/workbook.xml.rels", from: archive, limits: limits, chunkSize: chunkSize, decompressed: &decompressed, into: &relations)
        sheets = workbook.sheets.compactMap { sheet in relations.targets[sheet.relationship].map { (sheet.name, Self.partPath($0)) } }

        let sharedStringsPath = relations.sharedStrings.map(Self.partPath) ?? "xl/sharedStrings.xml"
        if archive[sharedStringsPath] != nil {
            var table = SharedStringsHandler(limits: limits)
            try Self.read(sharedStringsPath, from: archive, limits: limits, chunkSize: chunkSize, decompressed: &decompressed, into: &table)
            sharedStrings = table.strings
        } else {
            sharedStrings = []
        }
        openingBytes = decompressed
    }

    /// Calls `row` for every non-empty row of the sheet with its 1-based number and its cells by 0-based column.
    /// If this throws, rows already passed to `row` are not a valid result.
    func forEachRow(inSheet index: Int, _ row: (Int, [Int: String]) throws -> Void) throws {
        guard sheets.indices.contains(index) else { throw SpreadsheetError.missingPart("sheet \(index + 1)") }
        let path = sheets[index].path
        try withoutActuallyEscaping(row) { row in
            var handler = SheetHandler(part: path, limits: limits, sharedStrings: sharedStrings, onRow: row)
            var decompressed = openingBytes
            try Self.read(path, from: archive, limits: limits, chunkSize: chunkSize, decompressed: &decompressed, into: &handler)
        }
    }

    /// Streams one part through the tokenizer into `handler`, counting decompressed bytes against the limit.
    private static func read<Handler: PartHandler>(_ path: String, from archive: Archive, limits: SpreadsheetLimits, chunkSize: Int,
                                                   decompressed: inout Int, into handler: inout Handler) throws {
        guard let entry = archive[path] else { throw SpreadsheetError.missingPart(path) }
        // The declared size is only a hint (the stream is counted as it inflates), but an honest one too big is refused unread.
        guard entry.uncompressedSize <= UInt64(max(0, limits.decompressedBytes - decompressed)) else {
            throw SpreadsheetError.limitExceeded(.decompressedBytes, part: path, row: nil)
        }
        var tokenizer = XMLStreamTokenizer(maximumMarkupBytes: limits.markupBytes, maximumDepth: limits.elementDepth)
        do {
            let checksum = try archive.extract(entry, bufferSize: chunkSize) { chunk in
                decompressed += chunk.count
                guard decompressed <= limits.decompressedBytes else {
                    throw SpreadsheetError.limitExceeded(.decompressedBytes, part: path, row: handler.currentRow)
                }
                try chunk.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                    var start = 0
                    while start < bytes.count {
                        let end = min(start + chunkSize, bytes.count)
                        try tokenizer.feed(UnsafeRawBufferPointer(rebasing: bytes[start..<end]), into: &handler)
                        start = end
                    }
                }
            }
            guard checksum == entry.checksum else { throw SpreadsheetError.damagedPart(path) }
            try tokenizer.finish(into: &handler)
        } catch let error as SpreadsheetError {
            throw error
        } catch let error as RowCallbackError {
            throw error.underlying
        } catch let error as XMLTokenError {
            switch error {
            case .malformed(let line): throw SpreadsheetError.malformedXML(part: path, line: line)
            case .doctype: throw SpreadsheetError.doctypeNotAllowed(part: path)
            case .markupTooLong: throw SpreadsheetError.limitExceeded(.markupBytes, part: path, row: handler.currentRow)
            case .tooDeep: throw SpreadsheetError.limitExceeded(.elementDepth, part: path, row: handler.currentRow)
            }
        } catch {
            // ZIPFoundation's errors: corrupt deflate data, unreadable entry.
            throw SpreadsheetError.damagedPart(path)
        }
    }

    /// A relationship target of the workbook as a path inside the archive.
    private static func partPath(_ target: String) -> String {
        target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    /// "B12" → 1; "AA3" → 26. Very long letter runs saturate instead of overflowing, so they fail any column limit.
    static func columnIndex(_ reference: String) -> Int? {
        var value = 0, sawLetter = false
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            value = min(value * 26 + Int(scalar.value - 64), Int(Int32.max))
            sawLetter = true
        }
        return sawLetter ? value - 1 : nil
    }
}

/// Wraps an error thrown by the caller's row closure, so that it reaches the caller unchanged.
private struct RowCallbackError: Error {
    var underlying: any Error
}

private protocol PartHandler: XMLTokenHandler {
    /// The sheet row being read, for error reports.
    var currentRow: Int? { get }
}

extension PartHandler {
    var currentRow: Int? { nil }
}

/// Collects the sheets of xl/workbook.xml: name and relationship id.
private struct WorkbookHandler: PartHandler {
    let limits: SpreadsheetLimits
    var sheets: [(name: String, relationship: String)] = []
    var count = 0

    init(limits: SpreadsheetLimits) { self.limits = limits }

    mutating func startElement(_ name: String, attributes: [XMLAttribute]) throws {
        guard name == "sheet" else { return }
        count += 1
        guard count <= limits.sheets else { throw SpreadsheetError.limitExceeded(.sheets, part: "xl/workbook.xml", row: nil) }
        // The relationship id is r:id with whatever prefix the document gives the relationships namespace.
        guard let sheetName = attributes[named: "name"],
              let id = attributes.first(where: { $0.name.hasSuffix(":id") })?.value else { return }
        sheets.append((sheetName, id))
    }

    mutating func endElement(_ name: String) throws {}
    mutating func characters(_ utf8: [UInt8]) throws {}
}

/// Keeps the targets of the workbook's relationships that matter: the sheets named in the workbook and the shared strings.
private struct RelationshipsHandler: PartHandler {
    let wanted: Set<String>
    var targets: [String: String] = [:]
    var sharedStrings: String?

    init(wanted: Set<String>) { self.wanted = wanted }

    mutating func startElement(_ name: String, attributes: [XMLAttribute]) throws {
        guard name == "Relationship", let id = attributes[named: "Id"], let target = attributes[named: "Target"] else { return }
        if wanted.contains(id) && targets[id] == nil { targets[id] = target }
        if sharedStrings == nil, attributes[named: "Type"]?.hasSuffix("/sharedStrings") == true { sharedStrings = target }
    }

    mutating func endElement(_ name: String) throws {}
    mutating func characters(_ utf8: [UInt8]) throws {}
}

/// Builds the shared string table: the text of each `<si>`, rich text runs joined, phonetic guides left out.
private struct SharedStringsHandler: PartHandler {
    let limits: SpreadsheetLimits
    var strings: [String] = []
    var inItem = false
    var inText = false
    var phoneticDepth = 0
    var current: [UInt8] = []
    let part = "xl/sharedStrings.xml"

    init(limits: SpreadsheetLimits) { self.limits = limits }

    mutating func startElement(_ name: String, attributes: [XMLAttribute]) throws {
        switch name {
        case "si":
            guard strings.count < limits.sharedStrings else { throw SpreadsheetError.limitExceeded(.sharedStrings, part: part, row: nil) }
            inItem = true
            current.removeAll(keepingCapacity: true)
        case "t": inText = inItem && phoneticDepth == 0
        case "rPh": phoneticDepth += 1   // phonetic guides are not part of the text
        default: break
        }
    }

    mutating func endElement(_ name: String) throws {
        switch name {
        case "t": inText = false
        case "rPh": phoneticDepth -= 1
        case "si":
            strings.append(String(decoding: current, as: UTF8.self))
            inItem = false
        default: break
        }
    }

    mutating func characters(_ utf8: [UInt8]) throws {
        guard inText else { return }
        guard current.count + utf8.count <= limits.cellBytes else { throw SpreadsheetError.limitExceeded(.cellBytes, part: part, row: nil) }
        current.append(contentsOf: utf8)
    }
}

/// Reads the rows of a worksheet, handing each non-empty row to `onRow` as soon as it ends.
private struct SheetHandler: PartHandler {
    let part: String
    let limits: SpreadsheetLimits
    let sharedStrings: [String]
    let onRow: (Int, [Int: String]) throws -> Void

    var inSheetData = false
    var inRow = false
    var rowsSeen = 0
    var rowNumber = 0
    var cells: [Int: String] = [:]
    var cellsInRow = 0
    var rowBytes = 0
    var valueBytes = 0
    var cellsProduced = 0
    var nextColumn = 0
    var inCell = false
    var cellColumn = 0
    var cellType = ""
    var phoneticDepth = 0
    var collecting = false
    var text: [UInt8] = []

    init(part: String, limits: SpreadsheetLimits, sharedStrings: [String], onRow: @escaping (Int, [Int: String]) throws -> Void) {
        self.part = part; self.limits = limits; self.sharedStrings = sharedStrings; self.onRow = onRow
    }

    var currentRow: Int? { rowsSeen > 0 ? rowNumber : nil }

    private func exceeded(_ limit: SpreadsheetLimit) -> SpreadsheetError { .limitExceeded(limit, part: part, row: currentRow) }

    mutating func startElement(_ name: String, attributes: [XMLAttribute]) throws {
        switch name {
        case "sheetData":
            inSheetData = true
        case "row" where inSheetData:
            rowsSeen += 1
            rowNumber = attributes[named: "r"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? rowNumber + 1
            guard rowsSeen <= limits.rows else { throw exceeded(.rows) }
            inRow = true
            cells.removeAll(keepingCapacity: true)
            cellsInRow = 0
            rowBytes = 0
            nextColumn = 0
        case "c" where inRow:
            cellsInRow += 1
            cellColumn = attributes[named: "r"].flatMap(SpreadsheetReader.columnIndex) ?? nextColumn
            guard cellsInRow <= limits.columns, cellColumn < limits.columns else { throw exceeded(.columns) }
            nextColumn = cellColumn + 1
            cellType = attributes[named: "t"] ?? "n"
            text.removeAll(keepingCapacity: true)
            phoneticDepth = 0
            inCell = true
        case "v" where inCell, "t" where inCell:
            collecting = phoneticDepth == 0
        case "rPh" where inCell:
            phoneticDepth += 1
        default:
            break
        }
    }

    mutating func characters(_ utf8: [UInt8]) throws {
        guard collecting else { return }
        guard text.count + utf8.count <= limits.cellBytes else { throw exceeded(.cellBytes) }
        text.append(contentsOf: utf8)
    }

    mutating func endElement(_ name: String) throws {
        switch name {
        case "sheetData":
            inSheetData = false
        case "v", "t":
            collecting = false
        case "rPh" where inCell:
            phoneticDepth -= 1
        case "c" where inCell:
            inCell = false
            collecting = false
            let value: String
            switch cellType {
            // The table's own string, not a copy: a string referenced by many cells is stored once.
            case "s": value = Int(String(decoding: text, as: UTF8.self)).flatMap { sharedStrings.indices.contains($0) ? sharedStrings[$0] : nil } ?? ""
            case "b": value = text.isEmpty ? "" : text == [UInt8(ascii: "1")] ? "TRUE" : "FALSE"
            default: value = String(decoding: text, as: UTF8.self)
            }
            guard !value.isEmpty else { return }
            cellsProduced += 1
            guard cellsProduced <= limits.cells else { throw exceeded(.cells) }
            let size = value.utf8.count
            rowBytes += size
            guard rowBytes <= limits.rowBytes else { throw exceeded(.rowBytes) }
            valueBytes += size
            guard valueBytes <= limits.valueBytes else { throw exceeded(.valueBytes) }
            cells[cellColumn] = value
        case "row" where inRow:
            inRow = false
            guard !cells.isEmpty else { return }
            do { try onRow(rowNumber, cells) } catch { throw RowCallbackError(underlying: error) }
        default:
            break
        }
    }
}
