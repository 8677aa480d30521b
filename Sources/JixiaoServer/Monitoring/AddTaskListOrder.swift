import Fluent
import SQLKit
import JixiaoDomain

/// A round's lists read reddest first, then by project code — at a province's scale 200,000 tasks. The order is kept on
/// the task itself (`colour_rank`: 0 red, 1 yellow, 2 green, written with the colour; `object_code`: the budget
/// object's code, copied when the task is made — a released object's code does not change) so that one index gives
/// the first page without joining and sorting the whole round. The dashboard's counts by organisation read a second
/// index that holds every column they sum, never the table.
struct AddTaskListOrder: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MonitoringTables.tasks).field("colour_rank", .int).update()
        try await database.schema(MonitoringTables.tasks).field("object_code", .string).update()
        try await database.sql.raw("""
            UPDATE monitoring_tasks SET
              colour_rank = CASE colour WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 ELSE 2 END,
              object_code = (SELECT bo.code FROM budget_objects bo WHERE bo.id = monitoring_tasks.budget_object_id)
            """).run()
        // With the assignee's path and id, the conditions of an area and a scope are checked inside the index.
        try await database.sql.create(index: MonitoringTables.listIndex).on(MonitoringTables.tasks)
            .column("round_id").column("colour_rank").column("object_code").column("id").column("assignee_path").column("assignee_id").run()
        try await database.sql.drop(index: "monitoring_tasks_round_idx").run()
        try await database.sql.create(index: "monitoring_tasks_tally_idx").on(MonitoringTables.tasks)
            .column("round_id").column("assignee_path").column("assignee_id").column("colour").column("full_year_budget_fen")
            .column("state").column("submitted_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "monitoring_tasks_tally_idx").run()
        try await database.sql.create(index: "monitoring_tasks_round_idx").on(MonitoringTables.tasks).column("round_id").column("assignee_path").run()
        try await database.sql.drop(index: MonitoringTables.listIndex).run()
        try await database.schema(MonitoringTables.tasks).deleteField("object_code").update()
        try await database.schema(MonitoringTables.tasks).deleteField("colour_rank").update()
    }
}

extension MonitoringTables {
    static let listIndex = "monitoring_tasks_list_idx"

    /// `monitoring_tasks AS t`; `inListOrder`: read in list order. When a read covers a large share of a round (a
    /// province's dashboard), walking the list index and stopping after the first page beats narrowing by area and
    /// sorting the rest; SQLite's planner, which has no statistics of the range, would narrow by the area's path, so it
    /// is told. PostgreSQL chooses by its statistics.
    static func tasksAsT(_ db: any Database, inListOrder: Bool = false) -> any SQLExpression {
        let table = SQLAlias(SQLIdentifier(tasks), as: SQLIdentifier("t"))
        guard inListOrder && !db.isPostgres else { return table }
        return SQLList([table, SQLRaw("INDEXED BY"), SQLIdentifier(listIndex)], separator: SQLRaw(" "))
    }
}

extension WarningLevel {
    /// Where a colour sorts in a round's lists: red first.
    var listRank: Int {
        switch self {
        case .red: 0
        case .yellow: 1
        case .green: 2
        }
    }
}
