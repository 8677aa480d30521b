import Fluent
import SQLKit

extension Database {
    var sql: any SQLDatabase { self as! any SQLDatabase }
    var isPostgres: Bool { sql.dialect.name == "postgresql" }
}

/// Rows a bulk write must change before it refreshes the planner's statistics (`refreshStatistics`).
let bulkWriteRows = 1_000

extension Database {
    /// After a bulk write changed a large share of these tables (a round opened over a province, a province's treasury
    /// file): PostgreSQL plans from statistics that its autovacuum refreshes only a minute or more later, and until
    /// then plans the next queries — the scan, the dashboard — for the tables as they were (seconds instead of
    /// milliseconds). Refreshed in the writer's own transaction, so its next statements see them too. SQLite keeps no
    /// statistics; the queries that need an order say it (`CROSS JOIN`).
    func refreshStatistics(_ tables: [String]) async throws {
        guard isPostgres, !tables.isEmpty else { return }
        try await sql.raw("ANALYZE \(unsafeRaw: tables.joined(separator: ", "))").run()
    }
}
