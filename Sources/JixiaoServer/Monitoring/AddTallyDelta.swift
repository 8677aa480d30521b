import Fluent
import SQLKit

/// PostgreSQL's tally trigger moves a task that stays with its assignee by one upsert of the difference (new buckets
/// minus old) instead of two (take away, then add): the trigger runs once per changed task, at commit, and a scan
/// that recolours 30,000 tasks spent three seconds in it. SQLite's triggers run as the rows change and cost little;
/// they stay as they are.
struct AddTallyDelta: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard database.isPostgres else { return }
        try await database.sql.raw("\(unsafeRaw: RoundTallySQL.postgresFunction(delta: true))").run()
    }

    func revert(on database: any Database) async throws {
        guard database.isPostgres else { return }
        try await database.sql.raw("\(unsafeRaw: RoundTallySQL.postgresFunction(delta: false))").run()
    }
}

extension RoundTallySQL {
    /// The trigger function (`CREATE OR REPLACE`): with `delta`, an update within one assignee's tally adds the
    /// difference of the buckets in one upsert.
    static func postgresFunction(delta: Bool) -> String {
        let same = "TG_OP = 'UPDATE' AND OLD.round_id = NEW.round_id AND OLD.assignee_id = NEW.assignee_id"
        let difference = zip(buckets(of: "NEW"), buckets(of: "OLD")).map { "(\($0)) - (\($1))" }
        let oneUpsert = """
            INSERT INTO monitoring_tallies (round_id, assignee_id, assignee_path, \(counted.joined(separator: ", ")))
            VALUES (NEW.round_id, NEW.assignee_id, NEW.assignee_path, \(difference.joined(separator: ", ")))
            ON CONFLICT (round_id, assignee_id) DO UPDATE SET \(counted.map { "\($0) = monitoring_tallies.\($0) + excluded.\($0)" }.joined(separator: ", "))
            """
        return """
            CREATE OR REPLACE FUNCTION monitoring_tally_delta() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              \(delta ? "IF \(same) THEN \(oneUpsert); RETURN NULL; END IF;" : "")
              IF TG_OP <> 'INSERT' THEN \(move("OLD", sign: "-")); END IF;
              IF TG_OP <> 'DELETE' THEN \(move("NEW", sign: "+")); END IF;
              RETURN NULL;
            END $$
            """
    }
}
