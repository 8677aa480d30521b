import Fluent
import SQLKit
import Foundation

/// Imports became jobs: the rows of `import_jobs` move to `jobs` (kind "goal.import") so the import page keeps
/// listing a person's earlier imports, and the old table goes. Unfinished imports of the old mechanism cannot be
/// continued (their files were never kept): they arrive as interrupted, as the old code would have marked them.
struct MoveImportJobsToJobs: AsyncMigration {
    private struct OldRow: Decodable {
        var id: UUID, user_id: UUID, file_name: String, file_bytes: Int, phase: String, done: Int, total: Int?
        var error: String?, runner: String, outcome: String?, created_at: Date?, updated_at: Date?, finished_at: Date?
        var username: String?, organization_id: UUID?
    }

    func prepare(on database: any Database) async throws {
        let rows = try await database.sql.raw("""
            SELECT j.id, j.user_id, j.file_name, j.file_bytes, j.phase, j.done, j.total, j.error, j.runner, j.outcome,
                   j.created_at, j.updated_at, j.finished_at, u.username, u.organization_id
            FROM import_jobs j LEFT JOIN users u ON u.id = j.user_id
            """).all(decoding: OldRow.self)
        let now = Date()
        for row in rows {
            let state: JobState = switch row.phase {
            case "succeeded": .succeeded
            case "failed": .failed
            default: .interrupted
            }
            let parameters = String(decoding: try JSONEncoder().encode(ImportJobService.Parameters(fileName: row.file_name)), as: UTF8.self)
            let created = row.created_at ?? now
            try await database.sql.insert(into: CreateJobs.table)
                .columns("id", "kind", "state", "caller_user_id", "caller_name", "caller_organization_id", "caller_scope_path",
                         "request_id", "client_address", "parameters", "input_bytes", "phase", "done", "total", "result", "error",
                         "attempts", "claimed_by", "heartbeat_at", "created_at", "started_at", "finished_at")
                .values(SQLBind(row.id), SQLBind(ImportJobService.kind), SQLBind(state.rawValue), SQLBind(row.user_id),
                        SQLBind(row.username ?? "-"), SQLBind(row.organization_id?.uuidString.lowercased() ?? "-"), SQLBind(""),
                        SQLBind("-"), SQLBind("-"), SQLBind(parameters), SQLBind(row.file_bytes), SQLBind(row.phase), SQLBind(row.done),
                        SQLBind(row.total), SQLBind(row.outcome), SQLBind(row.error), SQLBind(1), SQLBind(row.runner),
                        SQLBind(row.updated_at), SQLBind(created), SQLBind(created),
                        SQLBind(state == .interrupted ? (row.finished_at ?? now) : row.finished_at))
                .run()
        }
        try await database.schema(ImportJobModel.schema).delete()
    }

    /// Puts the table back with the goal imports of `jobs` in it (those still queued or running become interrupted).
    func revert(on database: any Database) async throws {
        try await CreateImportJobs().prepare(on: database)
        try await AddImportJobOutcome().prepare(on: database)
        let jobs = try await database.sql.select().columns(JobRow.columns.map { SQLIdentifier($0) }).from(CreateJobs.table)
            .where("kind", .equal, SQLBind(ImportJobService.kind)).all(decoding: JobRow.self)
        for job in jobs {
            guard let userID = job.callerUserID else { continue }
            let phase = switch job.jobState {
            case .succeeded: "succeeded"
            case .failed: "failed"
            default: "interrupted"
            }
            try await database.sql.insert(into: ImportJobModel.schema)
                .columns("id", "kind", "user_id", "file_name", "file_bytes", "phase", "done", "total", "imported", "error", "runner",
                         "outcome", "created_at", "updated_at", "finished_at")
                .values(SQLBind(job.id), SQLBind("goal_list"), SQLBind(userID), SQLBind(job.parameters(as: ImportJobService.Parameters.self)?.fileName ?? ""),
                        SQLBind(job.inputBytes), SQLBind(phase), SQLBind(job.done), SQLBind(job.total),
                        SQLBind(job.jobState == .succeeded ? (job.result(as: ImportOutcome.self)?.imported ?? job.done) : nil),
                        SQLBind(job.jobState == .failed ? job.error : nil), SQLBind(job.claimedBy ?? "-"), SQLBind(job.result),
                        SQLBind(job.createdAt), SQLBind(job.heartbeatAt ?? job.createdAt), SQLBind(job.finishedAt ?? Date()))
                .run()
        }
        try await database.sql.delete(from: CreateJobs.table).where("kind", .equal, SQLBind(ImportJobService.kind)).run()
    }
}
