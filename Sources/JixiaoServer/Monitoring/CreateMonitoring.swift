import Fluent
import SQLKit

/// The tables of 运行监控: rule sets per bureau and version, rounds, one task per object (per regional goal for a
/// transfer payment) with its money, the progress reported per indicator, the warnings with their facts, the task's
/// history and the dispositions.
struct CreateMonitoring: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // Paths are compared byte by byte for subtree range scans, so PostgreSQL needs the C collation (as organizations).
        let pathType: DatabaseSchema.DataType = database.isPostgres ? .sql(unsafeRaw: "TEXT COLLATE \"C\"") : .string
        try await database.schema(MonitoringTables.ruleSets)
            .id()
            .field("organization_id", .uuid, .required, .references(OrganizationModel.schema, "id"))
            .field("version", .int, .required)
            .field("rules", .string, .required)
            .field("created_by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "organization_id", "version")
            .create()

        try await database.schema(MonitoringTables.rounds)
            .id()
            .field("organization_id", .uuid, .required, .references(OrganizationModel.schema, "id"))
            .field("organization_path", pathType, .required)
            .field("fiscal_year", .int, .required)
            .field("period_end", .string, .required)
            .field("deadline", .string, .required)
            .field("scope_kind", .string, .required)
            .field("scope_departments", .string, .required)
            // The same period and scope twice would ask units to report twice: refused with a clear error, and this
            // keeps two bureaus' clicks at the same moment from both getting through.
            .field("scope_key", .string, .required)
            .field("rules", .string, .required)
            .field("rules_version", .int, .required)
            .field("rules_owner_id", .uuid)
            .field("state", .string, .required)
            .field("task_count", .int, .required)
            .field("job_id", .uuid)
            .field("lock_version", .int, .required)
            .field("created_by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .field("closed_at", .datetime)
            .unique(on: "organization_id", "fiscal_year", "period_end", "scope_key")
            .create()
        try await database.sql.create(index: "monitoring_rounds_path_idx").on(MonitoringTables.rounds)
            .column("fiscal_year").column("organization_path").run()

        try await database.schema(MonitoringTables.tasks)
            .id()
            .field("round_id", .uuid, .required, .references(MonitoringTables.rounds, "id"))
            .field("budget_object_id", .uuid, .required, .references(BudgetObjectModel.schema, "id"))
            .field("goal_version_id", .uuid, .required, .references(GoalVersionModel.schema, "id"))
            // For a transfer payment: the regional goal's row in the version (its indicators) and its id that stays
            // the same across versions (to carry a region's report from one round to the next).
            .field("region_row_id", .uuid)
            .field("region_id", .uuid)
            .field("assignee_id", .uuid, .required, .references(OrganizationModel.schema, "id"))
            .field("assignee_path", pathType, .required)
            .field("assignee_kind", .string, .required)
            .field("state", .string, .required)
            .field("late", .bool, .required)
            .field("colour", .string, .required)
            .field("warning_count", .int, .required)
            .field("initial_budget_fen", .int64, .required)
            .field("full_year_budget_fen", .int64, .required)
            .field("allocated_fen", .int64)
            .field("spent_fen", .int64)
            .field("forecast_fen", .int64)
            .field("plan", .string)
            .field("budget_note", .string, .required)
            .field("fund_explanation", .string, .required)
            .field("fund_source", .string)
            .field("annual_progress", .string, .required)
            .field("submitted_by", .uuid)
            .field("submitted_at", .datetime)
            .field("lock_version", .int, .required)
            .field("updated_at", .datetime)
            .create()
        try await database.sql.create(index: "monitoring_tasks_round_idx").on(MonitoringTables.tasks)
            .column("round_id").column("assignee_path").run()
        // The scanner pages a round's tasks by id.
        try await database.sql.create(index: "monitoring_tasks_round_id_idx").on(MonitoringTables.tasks)
            .column("round_id").column("id").run()
        try await database.sql.create(index: "monitoring_tasks_object_idx").on(MonitoringTables.tasks)
            .column("budget_object_id").run()

        // Millions of rows at a province's scale: keyed by task and indicator, no id of its own.
        try await database.schema(MonitoringTables.progress)
            .field("task_id", .uuid, .required, .references(MonitoringTables.tasks, "id"))
            .field("indicator_id", .uuid, .required)
            .field("reached", .string, .required)
            .field("forecast", .string, .required)
            .field("likelihood", .string)
            .field("cause", .string)
            .field("explanation", .string, .required)
            .field("measures", .string, .required)
            .compositeIdentifier(over: "task_id", "indicator_id")
            .create()

        try await database.schema(MonitoringTables.warnings)
            .id()
            .field("task_id", .uuid, .required, .references(MonitoringTables.tasks, "id"))
            .field("round_id", .uuid, .required)
            .field("rule", .string, .required)
            .field("level", .string, .required)
            .field("indicator_id", .uuid)
            .field("facts", .string, .required)
            .create()
        try await database.sql.create(index: "monitoring_warnings_task_idx").on(MonitoringTables.warnings).column("task_id").run()
        try await database.sql.create(index: "monitoring_warnings_round_idx").on(MonitoringTables.warnings).column("round_id").column("level").run()

        try await database.schema(MonitoringTables.transitions)
            .id()
            .field("task_id", .uuid, .required, .references(MonitoringTables.tasks, "id"))
            .field("action", .string, .required)
            .field("from_state", .string, .required)
            .field("to_state", .string, .required)
            .field("late", .bool, .required)
            .field("actor_user_id", .uuid)
            .field("actor_name", .string, .required)
            .field("opinion", .string, .required)
            .field("occurred_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "monitoring_transitions_task_idx").on(MonitoringTables.transitions).column("task_id").run()

        try await database.schema(MonitoringTables.dispositions)
            .id()
            .field("task_id", .uuid, .required, .references(MonitoringTables.tasks, "id"))
            .field("round_id", .uuid, .required)
            .field("budget_object_id", .uuid, .required)
            .field("kind", .string, .required)
            .field("reason", .string, .required)
            .field("due_by", .string)
            .field("amount_fen", .int64)
            .field("adjustment_version_id", .uuid)
            .field("decided_by", .uuid, .required)
            .field("decided_by_name", .string, .required)
            .field("decided_at", .datetime, .required)
            .field("response", .string)
            .field("responded_by_name", .string)
            .field("responded_at", .datetime)
            .create()
        try await database.sql.create(index: "monitoring_dispositions_task_idx").on(MonitoringTables.dispositions).column("task_id").run()
        try await database.sql.create(index: "monitoring_dispositions_round_idx").on(MonitoringTables.dispositions).column("round_id").run()
    }

    func revert(on database: any Database) async throws {
        for table in [MonitoringTables.dispositions, MonitoringTables.transitions, MonitoringTables.warnings, MonitoringTables.progress,
                      MonitoringTables.tasks, MonitoringTables.rounds, MonitoringTables.ruleSets] {
            try await database.schema(table).delete()
        }
    }
}

enum MonitoringTables {
    static let ruleSets = "monitoring_rule_sets"
    static let rounds = "monitoring_rounds"
    static let tasks = "monitoring_tasks"
    static let progress = "monitoring_progress"
    static let warnings = "monitoring_warnings"
    static let transitions = "monitoring_transitions"
    static let dispositions = "monitoring_dispositions"
}
