import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Why a spreadsheet cannot be read at all.
enum SpreadsheetError: Error, Equatable {
    case notAnXLSX
    case missingPart(String)
    case partTooLarge(String)
    case malformedXML(part: String, line: Int)
}

/// 表格导入 — reads .xlsx files: shared strings, inline strings, numbers, booleans; one sheet at a time,
/// parsed as a stream so a large sheet is never held as a tree. Formulas are read as their cached values.
struct SpreadsheetReader {
    /// Sheet name and its part path inside the archive, in workbook order.
    let sheets: [(name: String, path: String)]
    private let archive: Archive
    private let sharedStrings: [String]
    /// Uncompressed size a single part may have: a guard against "zip bombs".
    static let maximumPartBytes: UInt64 = 200 * 1024 * 1024

    init(data: Data) throws {
        guard data.starts(with: [0x50, 0x4B]), let archive = try? Archive(data: data, accessMode: .read) else { throw SpreadsheetError.notAnXLSX }
        self.archive = archive
        let workbook = try Self.part("xl/workbook.xml", in: archive)
        let relations = try Self.part("xl/_rels/workbook.xml.rels", in: archive)
        let targets = Dictionary(try Self.elements(named: "Relationship", in: relations, part: "workbook.xml.rels").compactMap { attributes -> (String, String)? in
            guard let id = attributes["Id"], let target = attributes["Target"] else { return nil }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            return (id, path)
        }, uniquingKeysWith: { first, _ in first })
        sheets = try Self.elements(named: "sheet", in: workbook, part: "workbook.xml").compactMap { attributes in
            guard let name = attributes["name"], let id = attributes["r:id"], let path = targets[id] else { return nil }
            return (name, path)
        }
        if archive["xl/sharedStrings.xml"] != nil {
            sharedStrings = try SharedStringsParser.parse(try Self.part("xl/sharedStrings.xml", in: archive))
        } else {
            sharedStrings = []
        }
    }

    /// Calls `row` for every non-empty row of the sheet with its 1-based number and its cells by 0-based column.
    func forEachRow(inSheet index: Int, _ row: (Int, [Int: String]) throws -> Void) throws {
        guard sheets.indices.contains(index) else { throw SpreadsheetError.missingPart("sheet \(index + 1)") }
        let data = try Self.part(sheets[index].path, in: archive)
        try withoutActuallyEscaping(row) { row in
            let delegate = SheetParser(sharedStrings: sharedStrings, onRow: row)
            let parser = XMLParser(data: data)
            parser.delegate = delegate
            if !parser.parse() {
                if let error = delegate.callbackError { throw error }
                throw SpreadsheetError.malformedXML(part: sheets[index].path, line: parser.lineNumber)
            }
            if let error = delegate.callbackError { throw error }
        }
    }

    private static func part(_ path: String, in archive: Archive) throws -> Data {
        guard let entry = archive[path] else { throw SpreadsheetError.missingPart(path) }
        guard entry.uncompressedSize <= maximumPartBytes else { throw SpreadsheetError.partTooLarge(path) }
        var data = Data()
        _ = try archive.extract(entry) { chunk in
            data.append(chunk)
            if data.count > Int(maximumPartBytes) { throw SpreadsheetError.partTooLarge(path) }
        }
        return data
    }

    private static func elements(named name: String, in data: Data, part: String) throws -> [[String: String]] {
        final class Collector: NSObject, XMLParserDelegate {
            let name: String
            var found: [[String: String]] = []
            init(name: String) { self.name = name }
            func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                        attributes attributeDict: [String: String] = [:]) {
                if elementName == name || elementName.hasSuffix(":" + name) { found.append(attributeDict) }
            }
        }
        let collector = Collector(name: name)
        let parser = XMLParser(data: data)
        parser.delegate = collector
        guard parser.parse() else { throw SpreadsheetError.malformedXML(part: part, line: parser.lineNumber) }
        return collector.found
    }

    /// "B12" → 1; "AA3" → 26.
    static func columnIndex(_ reference: String) -> Int? {
        var value = 0, sawLetter = false
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            value = value * 26 + Int(scalar.value - 64)
            sawLetter = true
        }
        return sawLetter ? value - 1 : nil
    }
}

private final class SharedStringsParser: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var current = ""
    var inText = false
    var inPhonetic = false

    static func parse(_ data: Data) throws -> [String] {
        let delegate = SharedStringsParser()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else { throw SpreadsheetError.malformedXML(part: "sharedStrings.xml", line: parser.lineNumber) }
        return delegate.strings
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                attributes attributeDict: [String: String] = [:]) {
        switch elementName {
        case "si": current = ""
        case "t": inText = true
        case "rPh": inPhonetic = true   // phonetic guides are not part of the text
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText && !inPhonetic { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch elementName {
        case "t": inText = false
        case "rPh": inPhonetic = false
        case "si": strings.append(current)
        default: break
        }
    }
}

private final class SheetParser: NSObject, XMLParserDelegate {
    let sharedStrings: [String]
    let onRow: (Int, [Int: String]) throws -> Void
    var callbackError: (any Error)?
    var rowNumber = 0
    var cells: [Int: String] = [:]
    var cellColumn = 0
    var nextColumn = 0
    var cellType = ""
    var text = ""
    var collecting = false

    init(sharedStrings: [String], onRow: @escaping (Int, [Int: String]) throws -> Void) {
        self.sharedStrings = sharedStrings; self.onRow = onRow
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                attributes attributeDict: [String: String] = [:]) {
        switch elementName {
        case "row":
            rowNumber = attributeDict["r"].flatMap(Int.init) ?? rowNumber + 1
            cells = [:]; nextColumn = 0
        case "c":
            cellColumn = attributeDict["r"].flatMap(SpreadsheetReader.columnIndex) ?? nextColumn
            nextColumn = cellColumn + 1
            cellType = attributeDict["t"] ?? "n"
            text = ""
        case "v", "t":
            collecting = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch elementName {
        case "v", "t": collecting = false
        case "c":
            let value: String
            switch cellType {
            case "s": value = Int(text).flatMap { sharedStrings.indices.contains($0) ? sharedStrings[$0] : nil } ?? ""
            case "b": value = text == "1" ? "TRUE" : "FALSE"
            default: value = text
            }
            if !value.isEmpty { cells[cellColumn] = value }
        case "row":
            guard !cells.isEmpty else { return }
            do { try onRow(rowNumber, cells) } catch { callbackError = error; parser.abortParsing() }
        default: break
        }
    }
}
