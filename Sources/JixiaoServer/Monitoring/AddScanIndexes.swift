import Fluent
import SQLKit

/// Indexes that let the full scan of a round (`MonitoringRoundScan`) compare the warnings it finds with those stored
/// without reading a warning row, and find the tasks the domain must judge without reading every task:
/// - warnings by task with rule, level and indicator (replaces the index on the task alone, which served the same
///   lookups by reading each row);
/// - warnings by round with the same columns (replaces round and level, which nothing else read);
/// - the few tasks whose money the set-based scan leaves to the domain (a spending plan, figures outside its bounds).
struct AddScanIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.drop(index: "monitoring_warnings_task_idx").run()
        try await sql.drop(index: "monitoring_warnings_round_idx").run()
        try await sql.create(index: "monitoring_warnings_task_idx").on(MonitoringTables.warnings)
            .column("task_id").column("rule").column("level").column("indicator_id").run()
        try await sql.create(index: "monitoring_warnings_round_idx").on(MonitoringTables.warnings)
            .column("round_id").column("task_id").column("rule").column("level").column("indicator_id").run()
        try await sql.raw("""
            CREATE INDEX monitoring_tasks_domain_idx ON monitoring_tasks (round_id) WHERE \(unsafeRaw: MonitoringTables.moneyForTheDomain())
            """).run()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        try await sql.drop(index: "monitoring_tasks_domain_idx").run()
        try await sql.drop(index: "monitoring_warnings_round_idx").run()
        try await sql.drop(index: "monitoring_warnings_task_idx").run()
        try await sql.create(index: "monitoring_warnings_task_idx").on(MonitoringTables.warnings).column("task_id").run()
        try await sql.create(index: "monitoring_warnings_round_idx").on(MonitoringTables.warnings).column("round_id").column("level").run()
    }
}

extension MonitoringTables {
    /// Money at most this many fen (10^13 fen = 1,000 亿元) keeps the set-based scan's cross-multiplications inside
    /// 64 bits.
    static let scanMoneyBound: Int64 = 10_000_000_000_000

    /// The condition of a task whose fund warning the domain judges: a spending plan (time progress from the plan), or
    /// money outside what the set-based scan's integer arithmetic holds. Written with the bound as a literal, word for
    /// word in the index and in the query (`table`: the query's alias), so that both engines use the partial index.
    static func moneyForTheDomain(table: String? = nil) -> String {
        let t = table.map { $0 + "." } ?? "", bound = scanMoneyBound
        return "(\(t)plan IS NOT NULL OR \(t)full_year_budget_fen < 0 OR \(t)full_year_budget_fen > \(bound) OR \(t)allocated_fen < 0 "
            + "OR \(t)allocated_fen > \(bound) OR \(t)spent_fen < 0 OR \(t)spent_fen > \(bound))"
    }
}
