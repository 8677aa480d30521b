import Fluent
import NIOConcurrencyHelpers
import Vapor

/// A kind of long work a capability runs as a job ("goal.import"): its name on the row and how to run it.
/// Capabilities list theirs in `Capability.jobs`; a worker claims only kinds it knows, so a process of an older
/// version leaves a newer kind's jobs to processes that know them.
struct JobKind: Sendable {
    var name: String
    /// Runs after which a job whose runner keeps disappearing is given up as interrupted. The work must be safe to
    /// start again (an import is one transaction: an interrupted run left nothing behind).
    var maxAttempts = 2
    /// Does the work; returns the result kept on the row as JSON (nil for none). An `AppError` thrown ends the job
    /// as failed with that error shown to the person; any other error is logged and shown as `failure`.
    var run: @Sendable (JobRun) async throws -> String?
    /// What a person reads when the work broke on something unexpected.
    var failure = AppError(.internalServerError, "job_failed", Message(.errorImportFailed))
}

/// What a running job gets: who asked for it, its parameters and input, the database and where to report progress.
struct JobRun: Sendable {
    var job: JobRow
    var caller: Caller
    var input: ByteBuffer?
    var database: any Database
    var progress: JobReporter
    var logger: Logger

    func parameters<P: Decodable>(as type: P.Type) -> P? { job.parameters(as: type) }
}

/// Where a running job reports how far it has come. Reports are cheap (kept in memory); the worker writes the latest
/// to the row at most every `JobSettings.progressInterval`, and at once when the phase changes.
final class JobReporter: Sendable {
    struct Latest: Sendable {
        var progress: JobProgress?
        /// The work holds the database's write lock now (a long transaction): on SQLite nothing else can write until
        /// it commits, so the row is left alone and the page reads the live value of this process instead.
        var holdsWriteLock = false
        var version = 0
    }
    private let box = NIOLockedValueBox(Latest())

    func report(_ progress: JobProgress, holdsWriteLock: Bool = false) {
        box.withLockedValue { latest in
            guard latest.progress != progress || latest.holdsWriteLock != holdsWriteLock else { return }
            latest.progress = progress; latest.holdsWriteLock = holdsWriteLock; latest.version += 1
        }
    }

    var latest: Latest { box.withLockedValue { $0 } }
}

extension Application {
    private struct JobKindsKey: StorageKey { typealias Value = [String: JobKind] }

    /// The job kinds this application runs: every capability's, and any a test adds.
    var jobKinds: [String: JobKind] {
        get { storage[JobKindsKey.self] ?? Dictionary(Capabilities.jobKinds.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }) }
        set { storage[JobKindsKey.self] = newValue }
    }
}

extension Caller {
    /// The caller a job runs as: the person who queued it, loaded afresh (roles and organisation as they are now),
    /// with the audit context of the request that queued it. A person whose account or organisation has been
    /// deactivated since gets no work done in their name.
    static func ofJob(_ job: JobRow, on db: any Database, effects: Effects) async throws -> Caller {
        guard let userID = job.callerUserID else {
            return Caller(principal: .system(job.callerName), audit: job.auditContext, effects: effects)
        }
        guard let (user, organization) = try await SessionStore.loadUser(userID, on: db) else {
            throw AppError(.forbidden, "job_caller_inactive", Message(.errorJobCallerInactive))
        }
        return Caller(principal: .person(try SignedInUser(user: user, organization: organization)), audit: job.auditContext, effects: effects)
    }
}
