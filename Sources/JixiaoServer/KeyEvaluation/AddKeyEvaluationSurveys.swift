import Fluent
import SQLKit

/// 满意度调查: a questionnaire of a key evaluation with its public link, the tokens issued for it, and the answers.
struct AddKeyEvaluationSurveys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(KeyEvaluationSurveyModel.schema)
            .id()
            .field("evaluation_id", .uuid, .required, .references(KeyEvaluationModel.schema, "id"))
            // The unguessable part of the public address.
            .field("public_key", .string, .required)
            .field("design", .string, .required)
            // "tokens": one answer per issued token; "open": anyone with the link, limited per address and time window.
            .field("mode", .string, .required)
            .field("limit_answers", .int, .required)
            .field("limit_hours", .int, .required)
            // The framework row whose actual value the satisfaction rate becomes.
            .field("indicator_id", .uuid, .references(KeyEvaluationIndicatorModel.schema, "id"))
            .field("state", .string, .required)
            .field("created_by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "public_key")
            .unique(on: "evaluation_id")
            .create()
        try await database.schema(SurveyTokenModel.schema)
            .id()
            .field("survey_id", .uuid, .required, .references(KeyEvaluationSurveyModel.schema, "id"))
            .field("token", .string, .required)
            .field("used_at", .datetime)
            .unique(on: "token")
            .create()
        try await database.sql.create(index: "survey_tokens_survey_idx").on(SurveyTokenModel.schema).column("survey_id").run()
        try await database.schema(SurveyResponseModel.schema)
            .id()
            .field("survey_id", .uuid, .required, .references(KeyEvaluationSurveyModel.schema, "id"))
            .field("answers", .string, .required)
            // SHA-256 of the survey's key and the address: enough to count answers per address, not to know who answered.
            .field("address_hash", .string, .required)
            .field("submitted_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "survey_responses_address_idx").on(SurveyResponseModel.schema)
            .column("survey_id").column("address_hash").column("submitted_at").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [SurveyResponseModel.schema, SurveyTokenModel.schema, KeyEvaluationSurveyModel.schema] { try await database.schema(schema).delete() }
    }
}
