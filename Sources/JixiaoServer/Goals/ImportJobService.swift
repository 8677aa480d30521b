import Fluent
import Vapor
import JixiaoDomain

/// What a person sees of an import job.
struct ImportJobStatus: Sendable {
    var id: UUID
    var fileName: String
    var createdAt: Date? = nil
    var progress: ImportProgress
    var imported: Int? = nil
    var outcome: ImportOutcome? = nil
    var error: AppError? = nil
}

/// 导入任务 — an uploaded goal list is imported as a job ("goal.import"): the file is kept in the job's row, any
/// worker (of a `serve` or `jixiao worker` process) runs it, and its progress and outcome are read from the row, so
/// a large file shows its progress instead of holding a browser tab open. The API either waits for it or answers 202
/// with where to look.
enum ImportJobService {
    static let kind = "goal.import"

    /// What the job keeps besides the file.
    struct Parameters: Codable, Sendable { var fileName: String }

    /// The import as a job kind: reads, checks and saves the list in the name of the person who sent it. It is one
    /// transaction, so a run cut short left nothing behind and can simply run again.
    static let jobKind = JobKind(name: kind, maxAttempts: 2, run: { run in
        guard let bytes = run.input, bytes.readableBytes > 0 else { throw AppError(.unprocessableEntity, "csv_empty", Message(.errorCSVEmpty)) }
        let outcome = try await GoalExchangeService.importList(bytes, by: run.caller, on: run.database) { progress in
            // Saving is one transaction: on SQLite it holds the only write lock until it commits.
            run.progress.report(JobProgress(phase: progress.phase.rawValue, done: progress.done, total: progress.total),
                                holdsWriteLock: progress.phase == .saving)
        }
        return String(decoding: try JSONEncoder().encode(outcome), as: UTF8.self)
    }, failure: AppError(.internalServerError, "import_failed", Message(.errorImportFailed)))

    /// Queues the job for an uploaded goal list; returns its id.
    static func startGoalList(_ bytes: ByteBuffer, fileName: String, _ req: Request) async throws -> UUID {
        let user = try req.requireSignedIn()
        guard Authorization.mayEver(user.actor, .declareGoal) else { throw AppError.forbidden() }
        guard bytes.readableBytes > 0 else { throw AppError(.unprocessableEntity, "csv_empty", Message(.errorCSVEmpty)) }
        guard bytes.readableBytes <= GoalExchangeService.maximumImportBytes else {
            throw AppError(.payloadTooLarge, "payload_too_large", Message(.errorTooLarge(String(GoalExchangeService.maximumImportBytes / (1024 * 1024)))))
        }
        return try await JobQueue.enqueue(kind, caller: try req.caller(), parameters: Parameters(fileName: String(fileName.prefix(200))),
                                          input: bytes, on: req.db, ringing: req.application)
    }

    /// Waits for the job to end (or `limit` to pass) and tells how it stands.
    static func wait(_ id: UUID, upTo limit: Duration? = nil, _ req: Request) async throws -> ImportJobStatus {
        _ = try await JobQueue.wait(for: id, upTo: limit, app: req.application, on: req.db)
        return try await status(id, req)
    }

    // MARK: reading

    /// A job of the signed-in person (others' jobs are not found).
    static func status(_ id: UUID, _ req: Request) async throws -> ImportJobStatus {
        let job = try await JobQueue.find(id, for: try req.caller(), app: req.application, on: req.db)
        guard job.kind == kind else { throw AppError.notFound() }
        return status(of: job)
    }

    /// The person's latest jobs, newest first.
    static func recent(_ req: Request, limit: Int = 10) async throws -> [ImportJobStatus] {
        let user = try req.requireSignedIn()
        return try await JobQueue.recent(kind: kind, userID: user.userID, limit: limit, app: req.application, on: req.db).map(status(of:))
    }

    static func status(of job: JobRow) -> ImportJobStatus {
        let outcome = job.result(as: ImportOutcome.self)
        let progress: ImportProgress = switch job.jobState {
        case .queued: ImportProgress(phase: .queued)
        case .running: ImportProgress(phase: job.phase.flatMap(ImportProgress.Phase.init(rawValue:)) ?? .reading, done: job.done, total: job.total)
        case .succeeded: ImportProgress(phase: .succeeded, done: job.done, total: job.total)
        case .failed: ImportProgress(phase: .failed)
        case .interrupted: ImportProgress(phase: .interrupted)
        }
        // Jobs from before outcomes were kept count their projects in `done`.
        let imported = job.jobState == .succeeded ? (outcome?.imported ?? job.done) : nil
        return ImportJobStatus(id: job.id, fileName: job.parameters(as: Parameters.self)?.fileName ?? "", createdAt: job.createdAt,
                               progress: progress, imported: imported, outcome: outcome,
                               error: job.jobState == .failed ? job.appError : nil)
    }
}
