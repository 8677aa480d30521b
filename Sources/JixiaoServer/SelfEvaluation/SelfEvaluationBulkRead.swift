import Fluent
import Foundation
import SQLKit

/// Reads many self-evaluations with their rows for the year's check. Decoding a row through SQLKit's `Decodable` path
/// looks every column up by name: for a province's 3,000,000 rows that alone took over a minute. Here the database
/// packs each form — its own fields, then each row's, in position order — into one text (fields separated by U+001F,
/// records by U+001E, NULL written as U+0001), so a form costs three column reads however many rows it has, and the
/// splitting runs in the check's own tasks. A form whose text does not split into the expected fields (a control
/// character typed into a field) is read again the ordinary way, never guessed.
enum SelfEvaluationBulkRead {
    static let fieldSeparator: UInt8 = 0x1F
    static let recordSeparator: UInt8 = 0x1E
    static let nullMarker = "\u{01}"

    static let formFields = ["initial_budget_fen", "full_year_budget_fen", "executed_fen", "narrative", "reassignments", "printed_rate",
                             "printed_budget_points", "printed_total", "rules", "budget_points", "total", "total_cents", "grade", "finding_count",
                             "findings", "lock_version"]
    /// Every column of `EvaluationIndicatorRow` but the form's id, which the form carries.
    static let rowFields = Array(EvaluationIndicatorRow.columns.dropFirst())

    struct Chunk: Sendable {
        var forms: [SelfEvaluationYearCheck.CheckedForm] = []
        var rows: [UUID: [EvaluationIndicatorRow]] = [:]
        /// Forms whose packed text did not split and were read the ordinary way.
        var readOrdinarily = 0
        /// Rows packed from the rows themselves (no copy, or one behind them): to be kept for the next read.
        var packedAgain: [PackedRows] = []
        /// Forms whose kept copy did not split: the copy is dropped, so the next read packs them from their rows.
        var unsplittable: [UUID] = []
    }

    /// One chunk's forms (ids `first`…`last` of the year) and their rows by form, in position order.
    static func read(year yearID: UUID, from first: UUID, to last: UUID, on db: any Database) async throws -> Chunk {
        let postgres = db.isPostgres
        func separator(_ code: Int) -> String { postgres ? "chr(\(code))" : "char(\(code))" }
        // Ids come as text on both engines (SQLite keeps them as text already; PostgreSQL writes its uuid with dashes).
        func text(_ column: String, table: String) -> String { "COALESCE(CAST(\(table).\(column) AS TEXT), \(separator(1)))" }
        let formText = formFields.map { text($0, table: "e") }.joined(separator: " || \(separator(31)) || ")
        let rowText = rowFields.map { text($0, table: "r") }.joined(separator: " || \(separator(31)) || ")
        let aggregate = postgres ? "string_agg(\(rowText), chr(30) ORDER BY r.position)" : "group_concat(\(rowText), char(30) ORDER BY r.position)"
        // The rows come from the form's kept copy while it is as new as the rows (`AddSelfEvaluationPackedRows`), else
        // packed here from the rows themselves — in the same statement as the version they are packed at.
        struct Packed: Decodable { var id: UUID; var form: String; var rows: String?; var rows_version: Int; var kept: Int }
        let current = "p.rows_version = e.rows_version"
        let packed = try await db.sql.raw("""
            SELECT e.id AS id, \(unsafeRaw: formText) AS form, e.rows_version AS rows_version,
              CASE WHEN \(unsafeRaw: current) THEN 1 ELSE 0 END AS kept,
              CASE WHEN \(unsafeRaw: current) THEN p.rows
                ELSE (SELECT \(unsafeRaw: aggregate) FROM \(ident: SelfEvaluationTables.rows) r WHERE r.evaluation_id = e.id) END AS rows
            FROM \(ident: SelfEvaluationTables.evaluations) e
              LEFT JOIN \(ident: AddSelfEvaluationPackedRows.table) p ON p.evaluation_id = e.id
            WHERE e.year_id = \(bind: yearID) AND e.id >= \(bind: first) AND e.id <= \(bind: last)
            """).all(decoding: Packed.self)
        var forms: [SelfEvaluationYearCheck.CheckedForm] = []
        var rows: [UUID: [EvaluationIndicatorRow]] = [:]
        var fresh: [PackedRows] = []
        forms.reserveCapacity(packed.count)
        rows.reserveCapacity(packed.count)
        var unreadable: [UUID] = [], unsplittable: [UUID] = []
        for item in packed {
            guard let form = form(item.id, item.form), let formRows = self.rows(item.id, item.rows) else {
                unreadable.append(item.id)
                if item.kept == 1 { unsplittable.append(item.id) }
                continue
            }
            forms.append(form)
            rows[item.id] = formRows
            if item.kept == 0, let text = item.rows { fresh.append(PackedRows(evaluationID: item.id, version: item.rows_version, text: text)) }
        }
        for id in unreadable {
            guard let form = try await db.sql.select().columns(SelfEvaluationYearCheck.CheckedForm.columns.map { SQLIdentifier($0) })
                .from(SelfEvaluationTables.evaluations).where("id", .equal, SQLBind(id)).first(decoding: SelfEvaluationYearCheck.CheckedForm.self) else { continue }
            forms.append(form)
            rows[id] = try await EvaluationIndicatorRow.of(id, on: db)
        }
        return Chunk(forms: forms, rows: rows, readOrdinarily: unreadable.count, packedAgain: fresh, unsplittable: unsplittable)
    }

    /// A form's rows packed at a version of them.
    struct PackedRows: Sendable {
        var evaluationID: UUID
        var version: Int
        var text: String
    }

    /// Keeps the copies a read packed again, for the next read, and drops those that did not split. A copy is only a
    /// shortcut: one stored after its rows changed once more carries the older version and is not used, a copy never
    /// replaces a newer one (two checks at once), and a copy that cannot be written is logged, never the check's failure.
    static func keep(_ packed: [PackedRows], dropping unsplittable: [UUID] = [], on db: any Database) async {
        do {
            for part in stride(from: 0, to: unsplittable.count, by: 500).map({ unsplittable[$0..<min($0 + 500, unsplittable.count)] }) {
                try await db.sql.delete(from: AddSelfEvaluationPackedRows.table).where("evaluation_id", .in, SQLGroupExpression(part.map { SQLBind($0) })).run()
            }
            for part in stride(from: 0, to: packed.count, by: 300).map({ packed[$0..<min($0 + 300, packed.count)] }) {
                let values = SQLList(part.map { SQLGroupExpression([SQLBind($0.evaluationID), SQLBind($0.version), SQLBind($0.text)] as [any SQLExpression]) })
                try await db.sql.raw("""
                    INSERT INTO \(ident: AddSelfEvaluationPackedRows.table) (evaluation_id, rows_version, rows) VALUES \(values)
                    ON CONFLICT (evaluation_id) DO UPDATE SET rows_version = excluded.rows_version, rows = excluded.rows
                    WHERE \(ident: AddSelfEvaluationPackedRows.table).rows_version < excluded.rows_version
                    """).run()
            }
        } catch {
            db.logger.warning("self-evaluation: packed rows not kept (\(String(reflecting: error))); the next read packs them again")
        }
    }

    private static func fields(_ text: Substring) -> [String?] {
        text.utf8.split(separator: fieldSeparator, omittingEmptySubsequences: false).map { bytes in
            let value = String(Substring(bytes))
            return value == nullMarker ? nil : value
        }
    }

    static func form(_ id: UUID, _ text: String) -> SelfEvaluationYearCheck.CheckedForm? {
        let f = fields(Substring(text))
        guard f.count == formFields.count, let initial = f[0].flatMap({ Int64($0) }), let full = f[1].flatMap({ Int64($0) }),
              let narrative = f[3], let reassignments = f[4], let rules = f[8], let findingCount = f[13].flatMap({ Int($0) }),
              let findings = f[14], let lockVersion = f[15].flatMap({ Int($0) }) else { return nil }
        if f[2] != nil && f[2].flatMap({ Int64($0) }) == nil { return nil }
        if f[11] != nil && f[11].flatMap({ Int($0) }) == nil { return nil }
        return SelfEvaluationYearCheck.CheckedForm(
            id: id, initial_budget_fen: initial, full_year_budget_fen: full, executed_fen: f[2].flatMap { Int64($0) }, narrative: narrative,
            reassignments: reassignments, printed_rate: f[5], printed_budget_points: f[6], printed_total: f[7], rules: rules, budget_points: f[9],
            total: f[10], total_cents: f[11].flatMap { Int($0) }, grade: f[12], finding_count: findingCount, findings: findings, lock_version: lockVersion)
    }

    static func rows(_ evaluationID: UUID, _ text: String?) -> [EvaluationIndicatorRow]? {
        guard let text, !text.isEmpty else { return [] }
        var rows: [EvaluationIndicatorRow] = []
        for record in text.utf8.split(separator: recordSeparator, omittingEmptySubsequences: false) {
            let f = fields(Substring(record))
            guard f.count == rowFields.count, let indicator = f[0].flatMap(UUID.init(compactHex:)), let position = f[1].flatMap({ Int($0) }),
                  let category = f[2], let subcategory = f[3], let name = f[4], let target = f[5], let weight = f[6], let actual = f[7],
                  let explanation = f[16] else { return nil }
            rows.append(EvaluationIndicatorRow(
                evaluation_id: evaluationID, indicator_id: indicator, position: position, category: category, subcategory: subcategory, name: name,
                target_text: target, weight: weight, actual_text: actual, band: f[8], band_points: f[9], not_applicable_reason: f[10],
                over_cause: f[11], chosen_points: f[12], chosen_reason: f[13], override_points: f[14], override_reason: f[15],
                explanation: explanation, last_forecast: f[17], printed_points: f[18], points: f[19]))
        }
        return rows
    }
}

extension UUID {
    /// A UUID from 32 hexadecimal digits, with or without the dashes, in either case.
    init?(compactHex text: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        var high: UInt8?
        for char in text.utf8 where char != UInt8(ascii: "-") {
            let nibble: UInt8
            switch char {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = char - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = char - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = char - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let h = high { bytes.append(h << 4 | nibble); high = nil } else { high = nibble }
        }
        guard bytes.count == 16, high == nil else { return nil }
        self.init(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                         bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
