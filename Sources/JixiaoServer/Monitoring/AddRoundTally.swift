import Fluent
import SQLKit

/// A round's counts and amounts by colour, kept per assignee (`monitoring_tallies`: at a province's scale ≈5,000 rows
/// per round instead of 200,000 tasks), so that a dashboard sums a few thousand rows on every look.
///
/// The database keeps them: triggers on `monitoring_tasks` add each inserted task and move each change of colour,
/// budget, state or submission from its old bucket to its new one, in the same statement's transaction. Every writer —
/// opening, the scan, a report, a transition, the treasury import, closing, and any later one — is covered without
/// having to remember it, and an increment is safe with several processes writing at once (PostgreSQL locks the one
/// row it adds to, at commit). SQLite has one writer at a time, so its triggers run as the rows change.
struct AddRoundTally: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let pathType: DatabaseSchema.DataType = database.isPostgres ? .sql(unsafeRaw: "TEXT COLLATE \"C\"") : .string
        try await database.schema(MonitoringTables.tallies)
            .field("round_id", .uuid, .required, .references(MonitoringTables.rounds, "id", onDelete: .cascade))
            .field("assignee_id", .uuid, .required)
            .field("assignee_path", pathType, .required)
            .field("red", .int64, .required).field("yellow", .int64, .required).field("green", .int64, .required)
            .field("red_fen", .int64, .required).field("yellow_fen", .int64, .required).field("green_fen", .int64, .required)
            // State 未报送 (closed unreported), and open tasks never submitted (未报送 once the deadline has passed).
            .field("unreported", .int64, .required)
            .field("unsubmitted", .int64, .required)
            .compositeIdentifier(over: "round_id", "assignee_id")
            .create()
        try await database.sql.create(index: "monitoring_tallies_path_idx").on(MonitoringTables.tallies)
            .column("round_id").column("assignee_path").run()

        // The rounds already there, counted once.
        let buckets = RoundTallySQL.buckets(of: "t")
        try await database.sql.raw("""
            INSERT INTO monitoring_tallies (round_id, assignee_id, assignee_path, \(unsafeRaw: RoundTallySQL.counted.joined(separator: ", ")))
            SELECT t.round_id, t.assignee_id, MIN(t.assignee_path), \(unsafeRaw: buckets.map { "SUM(\($0))" }.joined(separator: ", "))
            FROM monitoring_tasks t GROUP BY t.round_id, t.assignee_id
            """).run()

        for statement in database.isPostgres ? RoundTallySQL.postgresTriggers : RoundTallySQL.sqliteTriggers {
            try await database.sql.raw("\(unsafeRaw: statement)").run()
        }
        // The dashboard no longer reads the tasks for its counts.
        try await database.sql.drop(index: "monitoring_tasks_tally_idx").run()
    }

    func revert(on database: any Database) async throws {
        if database.isPostgres {
            for trigger in ["monitoring_tally_insert_delete", "monitoring_tally_update"] {
                try await database.sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: trigger) ON monitoring_tasks").run()
            }
            try await database.sql.raw("DROP FUNCTION IF EXISTS monitoring_tally_delta()").run()
        } else {
            for trigger in ["monitoring_tally_insert", "monitoring_tally_update", "monitoring_tally_delete"] {
                try await database.sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: trigger)").run()
            }
        }
        try await database.sql.create(index: "monitoring_tasks_tally_idx").on(MonitoringTables.tasks)
            .column("round_id").column("assignee_path").column("assignee_id").column("colour").column("full_year_budget_fen")
            .column("state").column("submitted_at").run()
        try await database.schema(MonitoringTables.tallies).delete()
    }
}

extension MonitoringTables {
    static let tallies = "monitoring_tallies"
}

/// The SQL of the tally: which bucket a task row falls in, and the triggers that move it.
enum RoundTallySQL {
    static let counted = ["red", "yellow", "green", "red_fen", "yellow_fen", "green_fen", "unreported", "unsubmitted"]

    /// What a task row (`row`: a table alias, `NEW` or `OLD`) adds to each counted column, in `counted`'s order.
    static func buckets(of row: String) -> [String] {
        func colour(_ key: String, _ value: String) -> String { "CASE WHEN \(row).colour = '\(key)' THEN \(value) ELSE 0 END" }
        return ["red", "yellow", "green"].map { colour($0, "1") }
            + ["red", "yellow", "green"].map { colour($0, "\(row).full_year_budget_fen") }
            + ["CASE WHEN \(row).state = 'unreported' THEN 1 ELSE 0 END",
               "CASE WHEN \(row).state IN ('pending', 'returned') AND \(row).submitted_at IS NULL THEN 1 ELSE 0 END"]
    }

    /// Adds (`sign` "+") or takes away ("-") one task row from its assignee's tally, creating the tally row when new.
    static func move(_ row: String, sign: String) -> String {
        let values = buckets(of: row).map { sign == "-" ? "-(\($0))" : $0 }
        // No alias on the target table: SQLite before 3.35 (Debian 12's `sqlite3` is 3.40, but older tools exist) could not
        // read a schema holding one, and then would not open the database at all.
        return """
            INSERT INTO monitoring_tallies (round_id, assignee_id, assignee_path, \(counted.joined(separator: ", ")))
            VALUES (\(row).round_id, \(row).assignee_id, \(row).assignee_path, \(values.joined(separator: ", ")))
            ON CONFLICT (round_id, assignee_id) DO UPDATE SET \(counted.map { "\($0) = monitoring_tallies.\($0) + excluded.\($0)" }.joined(separator: ", "))
            """
    }

    /// The columns whose change moves a task between buckets.
    static let watched = ["colour", "full_year_budget_fen", "state", "submitted_at", "assignee_id"]

    static var sqliteTriggers: [String] {
        let changed = watched.map { "OLD.\($0) IS NOT NEW.\($0)" }.joined(separator: " OR ")
        return [
            "CREATE TRIGGER monitoring_tally_insert AFTER INSERT ON monitoring_tasks BEGIN \(move("NEW", sign: "+")); END",
            "CREATE TRIGGER monitoring_tally_update AFTER UPDATE OF \(watched.joined(separator: ", ")) ON monitoring_tasks WHEN \(changed) BEGIN \(move("OLD", sign: "-")); \(move("NEW", sign: "+")); END",
            "CREATE TRIGGER monitoring_tally_delete AFTER DELETE ON monitoring_tasks BEGIN \(move("OLD", sign: "-")); END",
        ]
    }

    static var postgresTriggers: [String] {
        let changed = watched.map { "OLD.\($0) IS DISTINCT FROM NEW.\($0)" }.joined(separator: " OR ")
        return [
            """
            CREATE FUNCTION monitoring_tally_delta() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP <> 'INSERT' THEN \(move("OLD", sign: "-")); END IF;
              IF TG_OP <> 'DELETE' THEN \(move("NEW", sign: "+")); END IF;
              RETURN NULL;
            END $$
            """,
            // Deferred to the commit: a transaction that changes many tasks (the treasury import, closing) holds the
            // tally rows only while it commits, so a unit saving one task meanwhile neither waits for it from its first
            // change nor deadlocks with it (task row, then tally row, in opposite orders).
            "CREATE CONSTRAINT TRIGGER monitoring_tally_insert_delete AFTER INSERT OR DELETE ON monitoring_tasks DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION monitoring_tally_delta()",
            "CREATE CONSTRAINT TRIGGER monitoring_tally_update AFTER UPDATE OF \(watched.joined(separator: ", ")) ON monitoring_tasks DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (\(changed)) EXECUTE FUNCTION monitoring_tally_delta()",
        ]
    }
}
