import Fluent
import SQLKit

/// The tables of 单位自评: scoring rules per bureau, year and version; the self-evaluation of a year that a bureau
/// opens; one self-evaluation per released object (per regional goal of a transfer payment, plus the issuer's
/// summary) with its money, narrative, score and findings; its indicator rows; its history.
struct CreateSelfEvaluation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // Paths are compared byte by byte for subtree range scans, so PostgreSQL needs the C collation (as organizations).
        let pathType: DatabaseSchema.DataType = database.isPostgres ? .sql(unsafeRaw: "TEXT COLLATE \"C\"") : .string
        try await database.schema(SelfEvaluationTables.ruleSets)
            .id()
            .field("organization_id", .uuid, .required, .references(OrganizationModel.schema, "id"))
            .field("fiscal_year", .int, .required)
            .field("version", .int, .required)
            .field("rules", .string, .required)
            .field("created_by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "organization_id", "fiscal_year", "version")
            .create()

        try await database.schema(SelfEvaluationTables.years)
            .id()
            .field("organization_id", .uuid, .required, .references(OrganizationModel.schema, "id"))
            .field("organization_path", pathType, .required)
            .field("fiscal_year", .int, .required)
            .field("deadline", .string, .required)
            .field("rules", .string, .required)
            .field("rules_version", .int, .required)
            .field("rules_owner_id", .uuid)
            .field("state", .string, .required)
            .field("evaluation_count", .int, .required)
            .field("job_id", .uuid)
            .field("lock_version", .int, .required)
            .field("created_by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .field("closed_at", .datetime)
            // One self-evaluation of a year per bureau: a second would ask every unit to evaluate twice.
            .unique(on: "organization_id", "fiscal_year")
            .create()
        try await database.sql.create(index: "self_evaluation_years_path_idx").on(SelfEvaluationTables.years)
            .column("fiscal_year").column("organization_path").run()

        try await database.schema(SelfEvaluationTables.evaluations)
            .id()
            .field("year_id", .uuid, .required, .references(SelfEvaluationTables.years, "id"))
            .field("fiscal_year", .int, .required)
            .field("budget_object_id", .uuid, .required, .references(BudgetObjectModel.schema, "id"))
            .field("goal_version_id", .uuid, .required, .references(GoalVersionModel.schema, "id"))
            .field("object_code", .string, .required)
            .field("object_name", .string, .required)
            .field("object_kind", .string, .required)
            // For a transfer payment: the regional goal's row in the version and its id across versions; the issuer's
            // summary has neither and `is_summary` set.
            .field("region_row_id", .uuid)
            .field("region_id", .uuid)
            .field("is_summary", .bool, .required)
            .field("assignee_id", .uuid, .required, .references(OrganizationModel.schema, "id"))
            .field("assignee_path", pathType, .required)
            .field("assignee_kind", .string, .required)
            .field("state", .string, .required)
            .field("late", .bool, .required)
            // 停止执行 by a monitoring disposition: evaluated all the same, and marked.
            .field("stopped_reason", .string)
            .field("annual_goal", .string, .required)
            .field("initial_budget_fen", .int64, .required)
            .field("full_year_budget_fen", .int64, .required)
            .field("executed_fen", .int64)
            // The last monitoring round's figures, for the reader's comparison and the forecast check.
            .field("monitoring_period", .string)
            .field("monitoring_spent_fen", .int64)
            .field("monitoring_forecast_fen", .int64)
            .field("narrative", .string, .required)
            .field("reassignments", .string, .required)
            // What an imported sheet printed; null on a form typed here.
            .field("printed_rate", .string)
            .field("printed_budget_points", .string)
            .field("printed_total", .string)
            .field("source", .string, .required)
            // The score as computed at the last save with `rules` of version `rules_version`: the total unrounded and in
            // hundredths (half-up) for lists and sums, the grade, the findings.
            .field("rules", .string, .required)
            .field("rules_version", .int, .required)
            .field("budget_points", .string)
            .field("total", .string)
            .field("total_cents", .int)
            .field("grade", .string)
            .field("finding_count", .int, .required)
            .field("findings", .string, .required)
            .field("submitted_by", .uuid)
            .field("submitted_at", .datetime)
            .field("lock_version", .int, .required)
            .field("updated_at", .datetime)
            .create()
        try await database.sql.create(index: "self_evaluations_year_idx").on(SelfEvaluationTables.evaluations)
            .column("year_id").column("assignee_path").run()
        try await database.sql.create(index: "self_evaluations_object_idx").on(SelfEvaluationTables.evaluations)
            .column("budget_object_id").run()

        try await database.schema(SelfEvaluationTables.rows)
            .field("evaluation_id", .uuid, .required, .references(SelfEvaluationTables.evaluations, "id"))
            .field("indicator_id", .uuid, .required)
            .field("position", .int, .required)
            .field("category", .string, .required)
            .field("subcategory", .string, .required)
            .field("name", .string, .required)
            .field("target_text", .string, .required)
            .field("weight", .string, .required)
            // 实际完成值 as typed; or a band and its points; or 不适用 with its reason.
            .field("actual_text", .string, .required)
            .field("band", .string)
            .field("band_points", .string)
            .field("not_applicable_reason", .string)
            .field("over_cause", .string)
            .field("chosen_points", .string)
            .field("chosen_reason", .string)
            .field("override_points", .string)
            .field("override_reason", .string)
            .field("explanation", .string, .required)
            .field("last_forecast", .string)
            .field("printed_points", .string)
            // The points the last save computed (unrounded) and the arithmetic, for lists that do not score again.
            .field("points", .string)
            .compositeIdentifier(over: "evaluation_id", "indicator_id")
            .create()

        try await database.schema(SelfEvaluationTables.transitions)
            .id()
            .field("evaluation_id", .uuid, .required, .references(SelfEvaluationTables.evaluations, "id"))
            .field("action", .string, .required)
            .field("from_state", .string, .required)
            .field("to_state", .string, .required)
            .field("late", .bool, .required)
            .field("actor_user_id", .uuid)
            .field("actor_name", .string, .required)
            .field("opinion", .string, .required)
            .field("occurred_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "self_evaluation_transitions_idx").on(SelfEvaluationTables.transitions)
            .column("evaluation_id").run()
    }

    func revert(on database: any Database) async throws {
        for table in [SelfEvaluationTables.transitions, SelfEvaluationTables.rows, SelfEvaluationTables.evaluations, SelfEvaluationTables.years,
                      SelfEvaluationTables.ruleSets] {
            try await database.schema(table).delete()
        }
    }
}

enum SelfEvaluationTables {
    static let ruleSets = "scoring_rule_sets"
    static let years = "self_evaluation_years"
    static let evaluations = "self_evaluations"
    static let rows = "self_evaluation_rows"
    static let transitions = "self_evaluation_transitions"
}
