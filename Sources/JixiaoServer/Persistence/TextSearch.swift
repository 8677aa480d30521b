import Fluent
import FluentSQL
import SQLKit

/// "Contains this text, whatever its case" in the same words on both engines. LIKE would differ (SQLite ignores the
/// case of ASCII letters, PostgreSQL does not, so 990000-A01 would be missed for "a01") and would read a typed `_`
/// or `%` as a wildcard; a position search on lower-cased text does neither.
enum TextSearch {
    /// A filter true for rows where any of `columns` (table, column) contains `text`; nil when there is nothing to search.
    static func contains(_ text: String?, in columns: [(table: String, column: String)], on db: any Database) -> DatabaseQuery.Filter? {
        let needle = (text ?? "").trimmed
        guard !needle.isEmpty, !columns.isEmpty else { return nil }
        let clauses: [SQLQueryString] = columns.map { column in
            db.isPostgres
                ? "strpos(lower(\(ident: column.table).\(ident: column.column)), lower(\(bind: needle))) > 0"
                : "instr(lower(\(ident: column.table).\(ident: column.column)), lower(\(bind: needle))) > 0"
        }
        let sql: SQLQueryString = "(" + clauses.joined(separator: " OR ") + ")"
        return .sql(embed: sql)
    }
}
