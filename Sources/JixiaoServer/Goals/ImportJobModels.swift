import Fluent
import Foundation
import JixiaoDomain

/// 导入任务 — the table imports were kept in before they became jobs (`jobs`, kind "goal.import"); only its
/// migrations use it now, and `MoveImportJobsToJobs` carried its rows over.
final class ImportJobModel: Model, @unchecked Sendable {
    static let schema = "import_jobs"

    @ID(key: .id) var id: UUID?
    /// What the file holds ("goal_list").
    @Field(key: "kind") var kind: String
    @Field(key: "user_id") var userID: UUID
    @Field(key: "file_name") var fileName: String
    @Field(key: "file_bytes") var fileBytes: Int
    @Field(key: "phase") var phase: String
    @Field(key: "done") var done: Int
    @OptionalField(key: "total") var total: Int?
    @OptionalField(key: "imported") var imported: Int?
    /// The error that stopped it, as JSON (`StoredError`), rendered in the reader's language when shown.
    @OptionalField(key: "error") var error: String?
    /// Which process runs it (host and pid), so another process can tell a job whose runner is gone.
    @Field(key: "runner") var runner: String
    /// `ImportOutcome` as JSON once the job succeeded.
    @OptionalField(key: "outcome") var outcome: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "finished_at") var finishedAt: Date?

    init() {}

    var progress: ImportProgress {
        ImportProgress(phase: ImportProgress.Phase(rawValue: phase) ?? .failed, done: done, total: total)
    }
}

struct CreateImportJobs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ImportJobModel.schema)
            .id()
            .field("kind", .string, .required)
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("file_name", .string, .required)
            .field("file_bytes", .int, .required)
            .field("phase", .string, .required)
            .field("done", .int, .required)
            .field("total", .int)
            .field("imported", .int)
            .field("error", .string)
            .field("runner", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("finished_at", .datetime)
            .create()
        try await database.sql.create(index: "import_jobs_user_idx").on(ImportJobModel.schema).column("user_id").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImportJobModel.schema).delete()
    }
}
