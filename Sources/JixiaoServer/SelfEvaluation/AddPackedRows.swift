import Fluent
import SQLKit

/// (The text copies were replaced by compact ones, `AddSelfEvaluationCompactRows`; the rows' version and its triggers
/// made here serve those.) A copy of each form's rows as the year's check reads them (`SelfEvaluationBulkRead`'s packed text), so that a
/// province's check reads one text per form instead of gathering 3,000,000 rows again each time. The database keeps it
/// honest: every insert, update or delete of a form's rows — by a command, an import, the check's own corrections or a
/// statement typed by hand — raises the form's `rows_version` (a trigger), and a copy counts only while it carries the
/// version it was packed at. A copy that is missing or behind is packed again by the next read and stored; one that no
/// longer splits (the row's columns changed) is dropped and packed again. What the triggers cannot see — `TRUNCATE`,
/// triggers switched off for a session, a migration that rebuilds the rows' table without them — must delete the
/// copies itself.
struct AddSelfEvaluationPackedRows: AsyncMigration {
    static let table = "self_evaluation_packed_rows"

    func prepare(on database: any Database) async throws {
        try await database.schema(SelfEvaluationTables.evaluations).field("rows_version", .int, .required, .sql(.default(0))).update()
        try await database.schema(Self.table)
            .field("evaluation_id", .uuid, .required, .references(SelfEvaluationTables.evaluations, "id", onDelete: .cascade))
            .field("rows_version", .int, .required)
            .field("rows", .string, .required)
            .compositeIdentifier(over: "evaluation_id")
            .create()
        let forms = SelfEvaluationTables.evaluations, rows = SelfEvaluationTables.rows
        if database.isPostgres {
            // One update per statement, from the statement's transition table: opening a year inserts rows in batches.
            // An update sees the rows before and after it (a row moved to another form outdates both forms).
            for (function, changed) in [("self_evaluation_rows_changed", "SELECT evaluation_id FROM changed_rows"),
                                        ("self_evaluation_rows_updated", "SELECT evaluation_id FROM changed_rows UNION SELECT evaluation_id FROM old_rows")] {
                try await database.sql.raw("""
                    CREATE OR REPLACE FUNCTION \(unsafeRaw: function)() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      UPDATE \(unsafeRaw: forms) SET rows_version = rows_version + 1 WHERE id IN (\(unsafeRaw: changed));
                      RETURN NULL;
                    END $$
                    """).run()
            }
            for (event, transitions, function) in [("INSERT", "NEW TABLE AS changed_rows", "self_evaluation_rows_changed"),
                                                   ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS changed_rows", "self_evaluation_rows_updated"),
                                                   ("DELETE", "OLD TABLE AS changed_rows", "self_evaluation_rows_changed")] {
                try await database.sql.raw("""
                    CREATE TRIGGER \(unsafeRaw: "self_evaluation_rows_\(event.lowercased())") AFTER \(unsafeRaw: event) ON \(unsafeRaw: rows)
                    REFERENCING \(unsafeRaw: transitions) FOR EACH STATEMENT EXECUTE FUNCTION \(unsafeRaw: function)()
                    """).run()
            }
        } else {
            for (event, ids) in [("INSERT", "NEW.evaluation_id"), ("UPDATE", "OLD.evaluation_id, NEW.evaluation_id"), ("DELETE", "OLD.evaluation_id")] {
                try await database.sql.raw("""
                    CREATE TRIGGER \(unsafeRaw: "self_evaluation_rows_\(event.lowercased())") AFTER \(unsafeRaw: event) ON \(unsafeRaw: rows)
                    BEGIN UPDATE \(unsafeRaw: forms) SET rows_version = rows_version + 1 WHERE id IN (\(unsafeRaw: ids)); END
                    """).run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        for event in ["insert", "update", "delete"] {
            try await database.sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: "self_evaluation_rows_\(event)")\(unsafeRaw: database.isPostgres ? " ON \(SelfEvaluationTables.rows)" : "")").run()
        }
        if database.isPostgres {
            for function in ["self_evaluation_rows_changed", "self_evaluation_rows_updated"] {
                try await database.sql.raw("DROP FUNCTION IF EXISTS \(unsafeRaw: function)()").run()
            }
        }
        try await database.schema(Self.table).delete()
        try await database.schema(SelfEvaluationTables.evaluations).deleteField("rows_version").update()
    }
}
