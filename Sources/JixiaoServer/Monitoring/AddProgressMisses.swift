import Fluent
import SQLKit

/// What a scan of a whole round needs of each reported indicator, kept on the progress row when it is written:
/// whether the forecast misses its target (`forecast_misses`: 1 misses, 0 meets or says nothing, NULL not yet read —
/// as the domain reads it, `MonitoringScan.forecastMisses`) and the indicator's name (`indicator_name`, from the goal
/// version the task reports against; a warning quotes it). With them, the scan finds in two small partial indexes
/// the few indicators that can warn — the second holds every column the scan reads — instead of reading and parsing
/// every indicator of the round (3,000,000 at a province's scale) or looking each one up in the goal.
struct AddProgressMisses: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MonitoringTables.progress).field("forecast_misses", .int).update()
        try await database.schema(MonitoringTables.progress).field("indicator_name", .string).update()
        try await database.sql.raw("""
            UPDATE monitoring_progress SET indicator_name = (
              SELECT gi.name FROM monitoring_tasks t JOIN goal_indicators gi ON gi.version_id = t.goal_version_id
              WHERE t.id = monitoring_progress.task_id AND gi.indicator_id = monitoring_progress.indicator_id
                AND (gi.region_row_id = t.region_row_id OR (gi.region_row_id IS NULL AND t.region_row_id IS NULL))
              ORDER BY gi.position LIMIT 1)
            """).run()
        try await database.sql.raw("""
            CREATE INDEX monitoring_progress_misses_idx ON monitoring_progress (task_id) WHERE \(unsafeRaw: MonitoringTables.missesOrUnread(database))
            """).run()
        try await database.sql.raw("""
            CREATE INDEX monitoring_progress_unsure_idx ON monitoring_progress (task_id, indicator_id, likelihood, indicator_name)
            WHERE \(unsafeRaw: MonitoringTables.unsure())
            """).run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "monitoring_progress_unsure_idx").run()
        try await database.sql.drop(index: "monitoring_progress_misses_idx").run()
        try await database.schema(MonitoringTables.progress).deleteField("indicator_name").update()
        try await database.schema(MonitoringTables.progress).deleteField("forecast_misses").update()
    }
}

extension MonitoringTables {
    /// The condition of a progress row whose forecast misses its target or has not been read yet (rows saved before
    /// the column, or carried over from a round whose goal version differs). A query names it word for word (`table`:
    /// the alias it reads the row under), so that both engines see the partial index answers it.
    static func missesOrUnread(_ db: any Database, table: String? = nil) -> String {
        let column = (table.map { $0 + "." } ?? "") + "forecast_misses"
        return db.isPostgres ? "\(column) IS DISTINCT FROM 0" : "\(column) IS NOT 0"
    }

    /// The condition of a progress row whose unit doubts the target is reached (有可能, 完全不可能).
    static func unsure(table: String? = nil) -> String {
        (table.map { $0 + "." } ?? "") + "likelihood IN ('possible', 'impossible')"
    }
}
