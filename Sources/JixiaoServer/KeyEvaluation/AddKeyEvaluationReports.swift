import Fluent
import SQLKit

/// 评价报告: the narrative of each section of a key evaluation's report, the problems found (each with the organisation
/// responsible for putting it right, ready for rectification) and the suggestions tied to them.
struct AddKeyEvaluationReports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReportSectionModel.schema)
            .id()
            .field("evaluation_id", .uuid, .required, .references(KeyEvaluationModel.schema, "id"))
            .field("section", .string, .required)
            .field("text", .string, .required)
            .field("updated_by_name", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "evaluation_id", "section")
            .create()
        try await database.schema(ReportFindingModel.schema)
            .id()
            .field("evaluation_id", .uuid, .required, .references(KeyEvaluationModel.schema, "id"))
            .field("position", .int, .required)
            .field("description", .string, .required)
            .field("responsible_organization_id", .uuid, .references(OrganizationModel.schema, "id"))
            .field("responsible_name", .string, .required)
            .field("indicator_id", .uuid, .references(KeyEvaluationIndicatorModel.schema, "id"))
            .field("created_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "key_evaluation_findings_eval_idx").on(ReportFindingModel.schema).column("evaluation_id").run()
        try await database.sql.create(index: "key_evaluation_findings_org_idx").on(ReportFindingModel.schema).column("responsible_organization_id").run()
        try await database.schema(ReportSuggestionModel.schema)
            .id()
            .field("evaluation_id", .uuid, .required, .references(KeyEvaluationModel.schema, "id"))
            .field("position", .int, .required)
            .field("text", .string, .required)
            // The findings it answers, as ids joined by commas.
            .field("finding_ids", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "key_evaluation_suggestions_eval_idx").on(ReportSuggestionModel.schema).column("evaluation_id").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [ReportSuggestionModel.schema, ReportFindingModel.schema, ReportSectionModel.schema] { try await database.schema(schema).delete() }
    }
}
