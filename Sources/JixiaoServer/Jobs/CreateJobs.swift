import Fluent
import SQLKit

/// The `jobs` table: one row per piece of long work, its input kept in the row (bytes in a `blob`/`bytea` column,
/// so every process reaches it without a shared directory) until the job has ended.
struct CreateJobs: AsyncMigration {
    static let table = "jobs"

    func prepare(on database: any Database) async throws {
        try await database.schema(Self.table)
            .id()
            .field("kind", .string, .required)
            .field("state", .string, .required)
            // Who queued it, as its audit entries will name them: the person (nil for the system) and the request.
            .field("caller_user_id", .uuid, .references(UserModel.schema, "id"))
            .field("caller_name", .string, .required)
            .field("caller_organization_id", .string, .required)
            .field("caller_scope_path", .string, .required)
            .field("request_id", .string, .required)
            .field("client_address", .string, .required)
            // What to do: small parameters as JSON, and the uploaded bytes.
            .field("parameters", .string)
            .field("input", .data)
            .field("input_bytes", .int, .required)
            // How far it has come, and how it ended.
            .field("phase", .string)
            .field("done", .int, .required)
            .field("total", .int)
            .field("result", .string)
            .field("error", .string)
            // Who runs it: attempts so far, the worker (host:pid#mark) and when it last said it is alive.
            .field("attempts", .int, .required)
            .field("claimed_by", .string)
            .field("heartbeat_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("started_at", .datetime)
            .field("finished_at", .datetime)
            .create()
        // Claims look for the oldest queued job; the reaper for running ones.
        try await database.sql.create(index: "jobs_state_idx").on(Self.table).column("state").column("created_at").run()
        // Pages list a person's latest jobs of a kind.
        try await database.sql.create(index: "jobs_caller_idx").on(Self.table).column("caller_user_id").column("kind").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Self.table).delete()
    }
}
