import Fluent
import SQLKit

/// 佐证材料: files a team member attaches to a score (PDF, images, Office files), kept in the database so every
/// process serving one PostgreSQL reads the same files and a backup holds them.
struct AddKeyEvaluationEvidence: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(KeyEvaluationEvidenceModel.schema)
            .id()
            .field("evaluation_id", .uuid, .required, .references(KeyEvaluationModel.schema, "id"))
            .field("indicator_id", .uuid, .required, .references(KeyEvaluationIndicatorModel.schema, "id"))
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("file_name", .string, .required)
            .field("kind", .string, .required)
            .field("byte_count", .int, .required)
            .field("sha256", .string, .required)
            .field("content", .data, .required)
            .field("uploaded_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "key_evaluation_evidence_eval_idx").on(KeyEvaluationEvidenceModel.schema).column("evaluation_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(KeyEvaluationEvidenceModel.schema).delete()
    }
}
