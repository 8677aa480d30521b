import Fluent
import SQLKit

/// 重点评价: the evaluations a finance bureau or department runs, the budget objects each covers with the reasons they
/// were chosen, its indicator framework, its team, each member's independent scores, and its procedure's history.
struct CreateKeyEvaluations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let pathType: DatabaseSchema.DataType = database.isPostgres ? .sql(unsafeRaw: "TEXT COLLATE \"C\"") : .string
        try await database.schema(KeyEvaluationModel.schema)
            .id()
            // Who runs it: the finance bureau (财政评价) or the department (部门评价); its subtree reaches it.
            .field("organization_id", .uuid, .required, .references(OrganizationModel.schema, "id"))
            .field("organization_path", pathType, .required)
            .field("fiscal_year", .int, .required)
            .field("title", .string, .required)
            .field("framework_kind", .string, .required)
            .field("state", .string, .required)
            .field("plan", .string, .required)
            // The entrusted agency, kept beside the plan so lists can show it.
            .field("agency_id", .uuid, .references(OrganizationModel.schema, "id"))
            .field("selection_rules", .string, .required)
            .field("scoring_rules", .string, .required)
            .field("submitted_by", .uuid)
            .field("created_by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .field("lock_version", .int, .required)
            .create()
        try await database.sql.create(index: "key_evaluations_org_year_idx").on(KeyEvaluationModel.schema).column("organization_path").column("fiscal_year").run()

        try await database.schema(KeyEvaluationObjectModel.schema)
            .id()
            .field("evaluation_id", .uuid, .required, .references(KeyEvaluationModel.schema, "id"))
            .field("budget_object_id", .uuid, .required, .references(BudgetObjectModel.schema, "id"))
            .field("object_code", .string, .required)
            .field("object_name", .string, .required)
            .field("object_kind", .string, .required)
            .field("amount_fen", .int64, .required)
            // The rules it met when chosen, and the reason the person gave.
            .field("reasons", .string, .required)
            .field("choice_reason", .string, .required)
            .unique(on: "evaluation_id", "budget_object_id")
            .create()
        try await database.sql.create(index: "key_evaluation_objects_object_idx").on(KeyEvaluationObjectModel.schema).column("budget_object_id").run()

        try await database.schema(KeyEvaluationIndicatorModel.schema)
            .id()
            .field("evaluation_id", .uuid, .required, .references(KeyEvaluationModel.schema, "id"))
            .field("position", .int, .required)
            .field("level1", .string, .required)
            .field("level2", .string, .required)
            .field("level3", .string, .required)
            .field("weight", .string, .required)
            .field("criteria", .string, .required)
            .field("goal_indicator_id", .uuid)
            .field("target", .string)
            .field("actual", .string)
            .create()
        try await database.sql.create(index: "key_evaluation_indicators_eval_idx").on(KeyEvaluationIndicatorModel.schema).column("evaluation_id").run()

        try await database.schema(KeyEvaluationMemberModel.schema)
            .id()
            .field("evaluation_id", .uuid, .required, .references(KeyEvaluationModel.schema, "id"))
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("role", .string, .required)
            .field("user_name", .string, .required)
            .field("organization_name", .string, .required)
            // When the member submitted their scores; until then they see nobody else's.
            .field("submitted_at", .datetime)
            .field("added_at", .datetime, .required)
            .unique(on: "evaluation_id", "user_id")
            .create()
        try await database.sql.create(index: "key_evaluation_members_user_idx").on(KeyEvaluationMemberModel.schema).column("user_id").run()

        try await database.schema(KeyEvaluationScoreModel.schema)
            .id()
            .field("evaluation_id", .uuid, .required, .references(KeyEvaluationModel.schema, "id"))
            .field("indicator_id", .uuid, .required, .references(KeyEvaluationIndicatorModel.schema, "id"))
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("points", .string, .required)
            .field("comment", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "indicator_id", "user_id")
            .create()
        try await database.sql.create(index: "key_evaluation_scores_eval_idx").on(KeyEvaluationScoreModel.schema).column("evaluation_id").run()

        try await database.schema(KeyEvaluationTransitionModel.schema)
            .id()
            .field("evaluation_id", .uuid, .required, .references(KeyEvaluationModel.schema, "id"))
            .field("action", .string, .required)
            .field("from_state", .string, .required)
            .field("to_state", .string, .required)
            .field("actor_user_id", .uuid, .required)
            .field("actor_name", .string, .required)
            .field("opinion", .string, .required)
            .field("occurred_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "key_evaluation_transitions_eval_idx").on(KeyEvaluationTransitionModel.schema).column("evaluation_id").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [KeyEvaluationTransitionModel.schema, KeyEvaluationScoreModel.schema, KeyEvaluationMemberModel.schema,
                       KeyEvaluationIndicatorModel.schema, KeyEvaluationObjectModel.schema, KeyEvaluationModel.schema] {
            try await database.schema(schema).delete()
        }
    }
}
