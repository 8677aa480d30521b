import Fluent
import Foundation
import SQLKit
import JixiaoDomain

/// Reads many self-evaluations for the year's check, two ways.
///
/// The compact way (`readCompact`): each form's own fields packed by the database into one text (fields separated by
/// U+001F, NULL written as U+0001) beside the compact copy of its rows (`CompactRowCoding`, kept in
/// `self_evaluation_compact_rows`) — a few hundred bytes per form, already parsed, which `CompactScoring` checks.
///
/// The general way (`read`): the forms the compact way could not settle, with their rows packed by the database too
/// (records separated by U+001E), so a form costs three column reads however many rows it has — decoding each of a
/// province's 3,000,000 rows through SQLKit's `Decodable` path, which looks every column up by name, took over a
/// minute. A form whose text does not split into the expected fields (a control character typed into a field) is read
/// again the ordinary way, never guessed.
enum SelfEvaluationBulkRead {
    static let fieldSeparator: UInt8 = 0x1F
    static let recordSeparator: UInt8 = 0x1E
    static let nullMarker: UInt8 = 0x01
    static let compactTable = AddSelfEvaluationCompactRows.table

    static let formFields = ["initial_budget_fen", "full_year_budget_fen", "executed_fen", "narrative", "reassignments", "printed_rate",
                             "printed_budget_points", "printed_total", "rules", "budget_points", "total", "total_cents", "grade", "finding_count",
                             "findings", "lock_version", "rows_version"]
    /// Every column of `EvaluationIndicatorRow` but the form's id, which the form carries.
    static let rowFields = Array(EvaluationIndicatorRow.columns.dropFirst())

    private static func separator(_ code: Int, postgres: Bool) -> String { postgres ? "chr(\(code))" : "char(\(code))" }

    /// Columns as text on both engines (SQLite keeps ids as text already; PostgreSQL writes its uuid with dashes).
    private static func packed(_ fields: [String], table: String, postgres: Bool) -> String {
        fields.map { "COALESCE(CAST(\(table).\($0) AS TEXT), \(separator(1, postgres: postgres)))" }
            .joined(separator: " || \(separator(31, postgres: postgres)) || ")
    }

    /// The form's year as a condition that must not steer the query: SQLite would otherwise walk the year's index —
    /// every form of the year, for each chunk of 2,000 — instead of the primary key (a unary `+` keeps a column out of
    /// its index choice). PostgreSQL's statistics choose the key by themselves.
    private static func yearColumn(_ db: any Database) -> String { db.isPostgres ? "e.year_id" : "+e.year_id" }

    // MARK: the compact way

    /// A form as the compact way reads it.
    struct CompactItem: Sendable {
        var id: UUID
        /// Nil when its packed text does not split: the general way reads it.
        var form: SelfEvaluationYearCheck.CheckedForm?
        /// The kept copy of its rows, when it is as new as the rows and reads; nil when there is none to use.
        var rows: CompactRowCoding.Decoded?
    }

    /// The year's forms with ids `first`…`last` (a range of the primary key may hold a form of another year opened at the
    /// same moment: only the year's own are read), each with its rows' compact copy when it is current — the version
    /// and the copy read in one statement.
    static func readCompact(year yearID: UUID, from first: UUID, to last: UUID, on db: any Database) async throws -> [CompactItem] {
        let postgres = db.isPostgres
        // The id leads the form's text (read by `UUID(compactHex:)`: Foundation's reading of a UUID's text cost more than
        // the form's), and the two columns are taken by name without a `Decodable` (its machinery per row cost more than
        // the SQL).
        let formText = "CAST(e.id AS TEXT) || \(separator(31, postgres: postgres)) || " + packed(formFields, table: "e", postgres: postgres)
        let found = try await db.sql.raw("""
            SELECT \(unsafeRaw: formText) AS form, CASE WHEN c.rows_version = e.rows_version THEN c.rows ELSE NULL END AS rows
            FROM \(ident: SelfEvaluationTables.evaluations) e LEFT JOIN \(ident: compactTable) c ON c.evaluation_id = e.id
            WHERE \(unsafeRaw: yearColumn(db)) = \(bind: yearID) AND e.id >= \(bind: first) AND e.id <= \(bind: last)
            """).all()
        return try found.map { row in
            let text = try row.decode(column: "form", as: String.self)
            guard let cut = text.utf8.firstIndex(of: fieldSeparator), let id = UUID(compactHex: String(text[..<cut])) else {
                throw AppError(.internalServerError, "evaluation_check_failed", Message(.errorEvaluationCheckFailed))
            }
            let rows = try row.decode(column: "rows", as: Data?.self)
            return CompactItem(id: id, form: form(id, text[text.utf8.index(after: cut)...]),
                               rows: rows.flatMap { data in data.withUnsafeBytes { CompactRowCoding.decode($0) } })
        }
    }

    /// A form's rows in compact bytes at a version of them.
    struct CompactCopy: Sendable {
        var evaluationID: UUID
        var version: Int
        var bytes: [UInt8]
    }

    /// The compact bytes of a form's rows as scored (`points`: what is stored of each row's points): the rows, or the
    /// marker that sends the form the general way when a row did not read or does not fit the compact scoring.
    static func compactBytes(_ evaluated: EvaluatedForm, points: [String?]) -> [UInt8] {
        guard evaluated.rowsRead, evaluated.form.rows.count == points.count else { return CompactRowCoding.encode(nil) }
        var rows: [CompactRow] = []
        rows.reserveCapacity(points.count)
        for (row, stored) in zip(evaluated.form.rows, points) {
            guard let compact = CompactRow(row, storedPoints: stored) else { return CompactRowCoding.encode(nil) }
            rows.append(compact)
        }
        return CompactRowCoding.encode(rows)
    }

    /// Keeps the copy of a form whose rows were just written, at the version they now have (read in the same statement,
    /// inside the writer's transaction): the next check reads it instead of the rows.
    static func keepCurrent(_ evaluationID: UUID, bytes: [UInt8], on db: any Database) async throws {
        try await keepCurrent([(evaluationID, bytes)], on: db)
    }

    /// The same for several forms in one statement.
    static func keepCurrent(_ copies: [(UUID, [UInt8])], on db: any Database) async throws {
        guard !copies.isEmpty else { return }
        let values = SQLList(copies.map { SQLGroupExpression([SQLBind($0.0), SQLBind(Data($0.1))] as [any SQLExpression]) })
        // (SQLite reads `ON CONFLICT` after a SELECT only when the SELECT has a WHERE clause.)
        try await db.sql.raw("""
            WITH v(evaluation_id, rows) AS (VALUES \(values))
            INSERT INTO \(ident: compactTable) (evaluation_id, rows_version, rows)
              SELECT e.id, e.rows_version, v.rows FROM v JOIN \(ident: SelfEvaluationTables.evaluations) e ON e.id = v.evaluation_id WHERE true
            ON CONFLICT (evaluation_id) DO UPDATE SET rows_version = excluded.rows_version, rows = excluded.rows
            WHERE \(ident: compactTable).rows_version <= excluded.rows_version
            """).run()
    }

    /// Keeps the compact copies the general way made, for the next check. A copy is only a shortcut: one stored after
    /// its rows changed once more carries the older version and is not used, a copy never replaces a newer one (two
    /// checks at once), and a copy that cannot be written is logged, never the check's failure. One at the same version
    /// is replaced: it was made from the same rows, and may be of an older format that no longer reads.
    static func keep(_ copies: [CompactCopy], on db: any Database) async {
        do {
            for part in stride(from: 0, to: copies.count, by: 500).map({ copies[$0..<min($0 + 500, copies.count)] }) {
                let values = SQLList(part.map { SQLGroupExpression([SQLBind($0.evaluationID), SQLBind($0.version), SQLBind(Data($0.bytes))] as [any SQLExpression]) })
                try await db.sql.raw("""
                    INSERT INTO \(ident: compactTable) (evaluation_id, rows_version, rows) VALUES \(values)
                    ON CONFLICT (evaluation_id) DO UPDATE SET rows_version = excluded.rows_version, rows = excluded.rows
                    WHERE \(ident: compactTable).rows_version <= excluded.rows_version
                    """).run()
            }
        } catch {
            db.logger.warning("self-evaluation: compact rows not kept (\(String(reflecting: error))); the next check makes them again")
        }
    }

    // MARK: the general way

    struct Chunk: Sendable {
        var forms: [SelfEvaluationYearCheck.CheckedForm] = []
        var rows: [UUID: [EvaluationIndicatorRow]] = [:]
        /// Forms whose packed text did not split and were read the ordinary way.
        var readOrdinarily = 0
    }

    /// The forms `ids` of the year and their rows by form, in position order.
    static func read(_ ids: [UUID], year yearID: UUID, on db: any Database) async throws -> Chunk {
        guard !ids.isEmpty else { return Chunk() }
        let postgres = db.isPostgres
        let formText = packed(formFields, table: "e", postgres: postgres), rowText = packed(rowFields, table: "r", postgres: postgres)
        let aggregate = postgres ? "string_agg(\(rowText), chr(30) ORDER BY r.position)" : "group_concat(\(rowText), char(30) ORDER BY r.position)"
        struct Packed: Decodable { var id: UUID; var form: String; var rows: String? }
        var chunk = Chunk()
        var unreadable: [UUID] = []
        for part in stride(from: 0, to: ids.count, by: 1_000).map({ ids[$0..<min($0 + 1_000, ids.count)] }) {
            let packed = try await db.sql.raw("""
                SELECT e.id AS id, \(unsafeRaw: formText) AS form,
                  (SELECT \(unsafeRaw: aggregate) FROM \(ident: SelfEvaluationTables.rows) r WHERE r.evaluation_id = e.id) AS rows
                FROM \(ident: SelfEvaluationTables.evaluations) e
                WHERE \(unsafeRaw: yearColumn(db)) = \(bind: yearID) AND e.id IN \(SQLGroupExpression(part.map { SQLBind($0) }))
                """).all(decoding: Packed.self)
            chunk.forms.reserveCapacity(chunk.forms.count + packed.count)
            for item in packed {
                guard let form = form(item.id, Substring(item.form)), let formRows = self.rows(item.id, item.rows) else { unreadable.append(item.id); continue }
                chunk.forms.append(form)
                chunk.rows[item.id] = formRows
            }
        }
        for id in unreadable {
            // Read ordinarily: the form, then its rows. Should the rows change in between, the version read is behind
            // them, so neither a correction (it needs that version) nor a copy (it counts only at the current one) follows.
            guard let form = try await db.sql.select().columns(SelfEvaluationYearCheck.CheckedForm.columns.map { SQLIdentifier($0) })
                .from(SelfEvaluationTables.evaluations).where("id", .equal, SQLBind(id)).first(decoding: SelfEvaluationYearCheck.CheckedForm.self) else { continue }
            chunk.forms.append(form)
            chunk.rows[id] = try await EvaluationIndicatorRow.of(id, on: db)
        }
        chunk.readOrdinarily = unreadable.count
        return chunk
    }

    /// The fields of a packed text (a hand-written loop over its bytes: the generic `split` of a UTF-8 view, with its
    /// index checks, cost the check more than SQLite's reading).
    private static func fields(_ text: Substring) -> [String?] {
        var text = text
        return text.withUTF8 { bytes in
            var found: [String?] = []
            found.reserveCapacity(24)
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == fieldSeparator {
                let field = UnsafeBufferPointer(rebasing: bytes[start..<index])
                found.append(field.count == 1 && field[0] == nullMarker ? nil : String(decoding: field, as: UTF8.self))
                start = index + 1
            }
            return found
        }
    }

    static func form(_ id: UUID, _ text: Substring) -> SelfEvaluationYearCheck.CheckedForm? {
        let f = fields(text)
        guard f.count == formFields.count, let initial = f[0].flatMap({ Int64($0) }), let full = f[1].flatMap({ Int64($0) }),
              let narrative = f[3], let reassignments = f[4], let rules = f[8], let findingCount = f[13].flatMap({ Int($0) }),
              let findings = f[14], let lockVersion = f[15].flatMap({ Int($0) }), let rowsVersion = f[16].flatMap({ Int($0) }) else { return nil }
        if f[2] != nil && f[2].flatMap({ Int64($0) }) == nil { return nil }
        if f[11] != nil && f[11].flatMap({ Int($0) }) == nil { return nil }
        return SelfEvaluationYearCheck.CheckedForm(
            id: id, initial_budget_fen: initial, full_year_budget_fen: full, executed_fen: f[2].flatMap { Int64($0) }, narrative: narrative,
            reassignments: reassignments, printed_rate: f[5], printed_budget_points: f[6], printed_total: f[7], rules: rules, budget_points: f[9],
            total: f[10], total_cents: f[11].flatMap { Int($0) }, grade: f[12], finding_count: findingCount, findings: findings, lock_version: lockVersion,
            rows_version: rowsVersion)
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
