import Foundation
import JixiaoDomain
import Vapor

/// An uploaded list as rows of cells, read the one way every importer shares: an .xlsx workbook's first sheet (by its
/// `limits`) or a CSV file in any encoding `UploadedText` reads, with the sheet and line of each row kept for errors.
/// Then the header: the first of the top ten rows with the anchor column, each title matched to a column of the
/// importer's layout (aliases included), and the rows below it with their values by column.
struct UploadedTable<Column: Hashable & Sendable>: Sendable {
    struct Row: Sendable {
        var sheet: String
        var line: Int
        /// Trimmed; absent when the cell was empty.
        var values: [Column: String]
        func value(_ column: Column) -> String { values[column] ?? "" }
    }

    var rows: [Row]
    /// Each known column's title as the file writes it (a unit in it may matter: "预算数（元）").
    var headers: [Column: String] = [:]

    /// - Parameters:
    ///   - match: the layout's column for a header title, nil for columns it does not know (kept out).
    ///   - anchor: the column whose title marks the header row.
    ///   - required: columns the header must have; their titles name what is missing.
    static func read(_ data: Data, limits: SpreadsheetLimits, match: (String) -> Column?, anchor: Column, required: [(Column, String)],
                     progress: (Int) -> Void = { _ in }) throws -> UploadedTable {
        let table = try UploadedGrid.read(data, limits: limits, sheets: .first, progress: progress).rows
        let missingMessage = Message(.errorCSVMissingColumns(required.map(\.1).joined(separator: "、")))
        guard let headerIndex = table.prefix(10).firstIndex(where: { row in row.cells.values.contains { match($0) == anchor } }) else {
            throw AppError(.unprocessableEntity, "missing_columns", missingMessage)
        }
        var columns: [Int: Column] = [:], headers: [Column: String] = [:]
        for (index, title) in table[headerIndex].cells {
            if let column = match(title) { columns[index] = column; headers[column] = title.trimmed }
        }
        let missing = required.filter { column, _ in !columns.values.contains(column) }
        if !missing.isEmpty {
            throw AppError(.unprocessableEntity, "missing_columns", Message(.errorCSVMissingColumns(missing.map(\.1).joined(separator: "、"))))
        }
        return UploadedTable(rows: table[(headerIndex + 1)...].map { row in
            var values: [Column: String] = [:]
            for (index, value) in row.cells { if let column = columns[index] { values[column] = value.trimmed } }
            return Row(sheet: row.sheet, line: row.line, values: values)
        }.filter { !$0.values.values.allSatisfy(\.isEmpty) }, headers: headers)
    }

    /// Why a workbook could not be read, in the words a person can act on.
    static func unreadable(_ error: any Error) -> AppError {
        guard let error = error as? SpreadsheetError else { return AppError(.unprocessableEntity, "xlsx_unreadable", Message(.errorXLSXUnreadable)) }
        switch error {
        case .limitExceeded(let limit, let part, let row):
            let place = row.map { "\(part) 第 \($0) 行 / row \($0)" } ?? part
            return AppError(.unprocessableEntity, "xlsx_limit_exceeded", Message(.errorXLSXLimit(limit.rawValue, place)))
        case .doctypeNotAllowed(let part):
            return AppError(.unprocessableEntity, "xlsx_unreadable", Message(.errorXLSXDoctype(part)))
        case .malformedXML(let part, let line):
            return AppError(.unprocessableEntity, "xlsx_unreadable", Message(.errorXLSXMalformed(part, String(line))))
        case .notAnXLSX, .missingPart, .damagedPart:
            return AppError(.unprocessableEntity, "xlsx_unreadable", Message(.errorXLSXUnreadable))
        }
    }
}

/// An uploaded file as rows of cells by 0-based column, with the sheet and line of each row: an .xlsx workbook's sheets
/// (the first, or all of them in order) or a CSV file in any encoding `UploadedText` reads. What every importer starts
/// from: a list (`UploadedTable`) or forms laid out as their paper versions (自评表).
struct UploadedGrid: Sendable {
    struct Row: Sendable { var sheet: String; var line: Int; var cells: [Int: String] }
    enum Sheets: Sendable { case first, all }
    var rows: [Row]

    static func read(_ data: Data, limits: SpreadsheetLimits, sheets: Sheets, progress: (Int) -> Void = { _ in }) throws -> UploadedGrid {
        var rows: [Row] = []
        if data.starts(with: [0x50, 0x4B]) {
            let reader: SpreadsheetReader
            do { reader = try SpreadsheetReader(data: data, limits: limits) } catch { throw UploadedTable<Int>.unreadable(error) }
            guard !reader.sheets.isEmpty else { throw AppError(.unprocessableEntity, "xlsx_unreadable", Message(.errorXLSXUnreadable)) }
            var throttle = ProgressThrottle(interval: 2_000)
            for (index, sheet) in reader.sheets.enumerated() where sheets == .all || index == 0 {
                do {
                    try reader.forEachRow(inSheet: index) {
                        rows.append(Row(sheet: sheet.name, line: $0, cells: $1))
                        if throttle.shouldReport(rows.count, total: nil) { progress(rows.count) }
                    }
                }
                catch let error as AppError { throw error }
                catch { rows = []; throw UploadedTable<Int>.unreadable(error) }
            }
        } else {
            let text = try UploadedText.decode(data)
            let records: [CSVRecord]
            do { records = try CSVReader.records(in: text) } catch { throw AppError(.unprocessableEntity, "csv_unreadable", Message(.errorCSVUnterminatedQuote("\(error)"))) }
            rows = records.map { Row(sheet: "CSV", line: $0.line, cells: Dictionary(uniqueKeysWithValues: $0.fields.enumerated().filter { !$0.element.isEmpty }.map { ($0.offset, $0.element) })) }
            progress(rows.count)
        }
        return UploadedGrid(rows: rows)
    }
}
