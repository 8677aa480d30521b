import AsyncKit
import Fluent
import Foundation
import SQLKit
import Vapor

/// 任务队列 — queues jobs, claims them for workers, reads them for pages, and takes back the jobs of runners that
/// are gone. Every step is one conditional SQL statement, so any number of processes can share the table.
enum JobQueue {
    static var table: String { CreateJobs.table }

    // MARK: queueing

    /// Queues a job for `caller` and rings this process's workers; returns its id (time-ordered, so ids sort as
    /// jobs were queued). `parameters` are kept as JSON; `input` is kept in the row until the job ends.
    @discardableResult
    static func enqueue(_ kind: String, caller: Caller, parameters: (some Encodable & Sendable)? = String?.none, input: ByteBuffer? = nil,
                        on db: any Database, ringing app: Application? = nil) async throws -> UUID {
        let id = UUID.timeOrdered(at: caller.now)
        let userID: UUID? = if case .person(let user) = caller.principal { user.userID } else { nil }
        let parametersJSON = try parameters.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        try await db.sql.insert(into: table)
            .columns("id", "kind", "state", "caller_user_id", "caller_name", "caller_organization_id", "caller_scope_path",
                     "request_id", "client_address", "parameters", "input", "input_bytes", "done", "attempts", "created_at")
            .values(SQLBind(id), SQLBind(kind), SQLBind(JobState.queued.rawValue), SQLBind(userID), SQLBind(caller.audit.userName),
                    SQLBind(caller.audit.organizationID), SQLBind(caller.audit.scopePath), SQLBind(caller.audit.requestID),
                    SQLBind(caller.audit.clientAddress), SQLBind(parametersJSON), SQLBind(input.map { Data($0.readableBytesView) }),
                    SQLBind(input?.readableBytes ?? 0), SQLBind(0), SQLBind(0), SQLBind(caller.now))
            .run()
        app?.jobWorkers.ring()
        return id
    }

    // MARK: reading

    /// A job as it stands. A running job whose runner has gone quiet is dealt with first (taken back or given up),
    /// so nobody is shown a stale percentage; while this process runs it, its live progress is shown (on SQLite the
    /// row cannot move while the work holds the write lock, and reading it could wait for a connection that the
    /// work holds).
    /// A job as the person who queued it sees it; a job of anyone else is as unknown as one that does not exist.
    static func find(_ id: UUID, for caller: Caller, app: Application, on db: any Database) async throws -> JobRow {
        let person = try caller.person()
        guard let job = try await find(id, app: app, on: db), job.callerUserID == person.userID else { throw AppError.notFound() }
        return job
    }

    static func find(_ id: UUID, app: Application, on db: any Database) async throws -> JobRow? {
        // A job of this process is answered without the database, which on SQLite may be held by the job itself.
        if let live = app.jobWorkers.liveJob(id) { return live }
        guard let job = try await db.sql.select().columns(JobRow.columns.map { SQLIdentifier($0) }).from(table)
            .where("id", .equal, SQLBind(id)).first(decoding: JobRow.self) else { return nil }
        if job.jobState == .running, let heartbeat = job.heartbeatAt,
           heartbeat < app.effects.now().addingTimeInterval(-app.jobSettings.staleAfter), app.jobWorkers.liveJob(id) == nil,
           try await takeBack(job, reason: .quiet, app: app, on: db) {
            return try await find(id, app: app, on: db)
        }
        return job
    }

    /// The latest jobs of a kind queued by a person, newest first.
    static func recent(kind: String, userID: UUID, limit: Int, app: Application, on db: any Database) async throws -> [JobRow] {
        let ids = try await db.sql.select().column("id").from(table)
            .where("caller_user_id", .equal, SQLBind(userID)).where("kind", .equal, SQLBind(kind))
            .orderBy("created_at", .descending).orderBy("id", .descending).limit(limit)
            .all(decoding: IDRow.self).map(\.id)
        var jobs: [JobRow] = []
        for id in ids { if let job = try await find(id, app: app, on: db) { jobs.append(job) } }
        return jobs
    }

    private struct IDRow: Decodable { var id: UUID }

    /// Waits until the job has ended, or `limit` has passed; returns it as it then stands. Its runner may be any
    /// process, so this reads the row, often at first and less often as the wait grows.
    static func wait(for id: UUID, upTo limit: Duration? = nil, app: Application, on db: any Database) async throws -> JobRow? {
        let clock = ContinuousClock(), start = clock.now
        var pause = Duration.milliseconds(10)
        while true {
            let found: JobRow?
            do {
                found = try await find(id, app: app, on: db)
            } catch is ConnectionPoolTimeoutError {
                // On SQLite a long job (another one, in this process) can hold the connection this read waited for:
                // still busy, so go on waiting.
                continue
            }
            guard let job = found else { return nil }
            if job.jobState.isFinished { return job }
            if let limit, clock.now - start >= limit { return job }
            try await Task.sleep(for: pause)
            pause = min(pause * 2, .milliseconds(250))
        }
    }

    // MARK: claiming

    /// Takes the oldest queued job of the given kinds for `worker`, or nil when there is none. On PostgreSQL
    /// `FOR UPDATE SKIP LOCKED` lets concurrent claimers pass over each other's rows; SQLite has one writer at a
    /// time, and the `state` condition makes a claim that lost the race take nothing.
    static func claim(kinds: [String], by worker: String, now: Date, on db: any Database) async throws -> JobRow? {
        guard !kinds.isEmpty else { return nil }
        let kindList = SQLList(kinds.map { SQLBind($0) })
        let returning = SQLList(JobRow.columns.map { SQLIdentifier($0) })
        let oldest: SQLQueryString
        if db.isPostgres {
            oldest = """
                SELECT id FROM \(ident: table) WHERE state = \(bind: JobState.queued.rawValue) AND kind IN (\(kindList))
                ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
                """
        } else {
            // SQLite: an UPDATE takes the file's write lock even when it changes nothing, and waits for it while another
            // connection writes (an import saving), so look first with a read and write only when there is a job.
            guard let candidate = try await db.sql.select().column("id").from(table).where("state", .equal, SQLBind(JobState.queued.rawValue))
                .where("kind", .in, kinds).orderBy("created_at").orderBy("id").limit(1).first(decoding: IDRow.self) else { return nil }
            oldest = "SELECT \(bind: candidate.id)"
        }
        let statement: SQLQueryString = """
            UPDATE \(ident: table) SET state = \(bind: JobState.running.rawValue), claimed_by = \(bind: worker),
                heartbeat_at = \(bind: now), started_at = \(bind: now), attempts = attempts + 1
            WHERE state = \(bind: JobState.queued.rawValue) AND id = (\(oldest))
            RETURNING \(returning)
            """
        return try await db.sql.raw(statement).first(decoding: JobRow.self)
    }

    /// The job's input bytes, read by the worker that claimed it.
    static func input(of id: UUID, on db: any Database) async throws -> ByteBuffer? {
        struct Row: Decodable { var input: Data? }
        return try await db.sql.select().column("input").from(table).where("id", .equal, SQLBind(id))
            .first(decoding: Row.self)?.input.map { ByteBuffer(data: $0) }
    }

    // MARK: while running

    /// Touches the heartbeat (and writes progress, when given) while `worker` still holds the job; false when it
    /// no longer does (another process took it back), so the worker stops caring about it.
    static func touch(_ id: UUID, by worker: String, progress: JobProgress?, now: Date, on db: any Database) async throws -> Bool {
        var update = db.sql.update(table).set("heartbeat_at", to: SQLBind(now))
        if let progress {
            update = update.set("phase", to: SQLBind(progress.phase)).set("done", to: SQLBind(progress.done)).set("total", to: SQLBind(progress.total))
        }
        return try await !update.where("id", .equal, SQLBind(id)).where("claimed_by", .equal, SQLBind(worker))
            .where("state", .equal, SQLBind(JobState.running.rawValue)).returning("id").all().isEmpty
    }

    /// How a job ended.
    enum Ending: Sendable {
        case succeeded(result: String?)
        case failed(AppError)
    }

    /// Records how the job ended, if `worker` still holds it; the input is let go (the job will not run again).
    @discardableResult
    static func finish(_ id: UUID, by worker: String, _ ending: Ending, progress: JobProgress?, now: Date, on db: any Database) async throws -> Bool {
        var update = db.sql.update(table).set("finished_at", to: SQLBind(now)).set("heartbeat_at", to: SQLBind(now))
            .set("input", to: SQLBind(Data?.none))
        switch ending {
        case .succeeded(let result):
            update = update.set("state", to: SQLBind(JobState.succeeded.rawValue)).set("result", to: SQLBind(result))
        case .failed(let error):
            update = update.set("state", to: SQLBind(JobState.failed.rawValue)).set("error", to: SQLBind(StoredAppError(error).json))
        }
        if let progress {
            update = update.set("phase", to: SQLBind(progress.phase)).set("done", to: SQLBind(progress.done)).set("total", to: SQLBind(progress.total))
        }
        return try await !update.where("id", .equal, SQLBind(id)).where("claimed_by", .equal, SQLBind(worker))
            .where("state", .equal, SQLBind(JobState.running.rawValue)).returning("id").all().isEmpty
    }

    /// Hands a job back to the queue without counting the run, when its worker stops before the work ended
    /// (the process is shutting down): another worker starts it afresh.
    static func release(_ id: UUID, by worker: String, on db: any Database) async throws {
        try await db.sql.update(table).set("state", to: SQLBind(JobState.queued.rawValue)).set("claimed_by", to: SQLBind(String?.none))
            .set("heartbeat_at", to: SQLBind(Date?.none)).set("attempts", to: SQLRaw("attempts - 1"))
            .set("phase", to: SQLBind(String?.none)).set("done", to: SQLBind(0)).set("total", to: SQLBind(Int?.none))
            .where("id", .equal, SQLBind(id)).where("claimed_by", .equal, SQLBind(worker))
            .where("state", .equal, SQLBind(JobState.running.rawValue)).run()
    }

    // MARK: runners that are gone

    /// Why a running job is taken from its runner.
    enum Abandonment: Sendable {
        /// Its heartbeat is older than `staleAfter`.
        case quiet
        /// Its runner was a process of this host that no longer exists.
        case deadProcess
    }

    /// Takes a running job from a runner that is gone: back to the queue while it has attempts left, else ended as
    /// interrupted. The statement re-checks what made it look gone (same runner, heartbeat still old), so a runner
    /// that spoke up meanwhile keeps its job. Returns whether it took the job.
    @discardableResult
    static func takeBack(_ job: JobRow, reason: Abandonment, app: Application, on db: any Database) async throws -> Bool {
        let now = app.effects.now()
        let maxAttempts = app.jobKinds[job.kind]?.maxAttempts ?? 1
        var update = db.sql.update(table)
        if job.attempts < maxAttempts {
            update = update.set("state", to: SQLBind(JobState.queued.rawValue)).set("claimed_by", to: SQLBind(String?.none))
                .set("heartbeat_at", to: SQLBind(Date?.none))
        } else {
            update = update.set("state", to: SQLBind(JobState.interrupted.rawValue)).set("finished_at", to: SQLBind(now))
                .set("input", to: SQLBind(Data?.none))
                .set("error", to: SQLBind(StoredAppError(AppError(.serviceUnavailable, "job_interrupted", Message(.importJobInterruptedExplain))).json))
        }
        update = update.where("id", .equal, SQLBind(job.id)).where("state", .equal, SQLBind(JobState.running.rawValue))
            .where("claimed_by", .equal, SQLBind(job.claimedBy))
        if reason == .quiet {
            update = update.where("heartbeat_at", .lessThan, SQLBind(now.addingTimeInterval(-app.jobSettings.staleAfter)))
        }
        let taken = try await !update.returning("id").all().isEmpty
        if taken {
            app.logger.notice("job \(job.id) (\(job.kind)) of \(job.claimedBy ?? "?") \(job.attempts < maxAttempts ? "queued again" : "given up as interrupted"): runner \(reason == .quiet ? "silent" : "gone")")
        }
        return taken
    }

    /// Looks for running jobs whose runners are gone — silent for too long, or processes of this host that have
    /// exited — and takes them back; jobs this process runs itself are left alone. Returns how many it took.
    @discardableResult
    static func reap(app: Application, on db: any Database) async throws -> Int {
        let now = app.effects.now()
        let running = try await db.sql.select().columns(JobRow.columns.map { SQLIdentifier($0) }).from(table)
            .where("state", .equal, SQLBind(JobState.running.rawValue)).all(decoding: JobRow.self)
        let mine = app.jobWorkers.runningHere
        var taken = 0
        for job in running where !mine.contains(job.id) {
            if let runner = job.claimedBy, WorkerIdentity.isDeadProcessOfThisHost(runner) {
                if try await takeBack(job, reason: .deadProcess, app: app, on: db) { taken += 1 }
            } else if (job.heartbeatAt ?? .distantPast) < now.addingTimeInterval(-app.jobSettings.staleAfter) {
                if try await takeBack(job, reason: .quiet, app: app, on: db) { taken += 1 }
            }
        }
        return taken
    }
}

extension UUID {
    /// A UUID whose first 48 bits are the milliseconds since 1970 (the layout of UUIDv7): ids made later sort later,
    /// and rows inserted together land together in the index.
    static func timeOrdered(at date: Date = Date()) -> UUID {
        let milliseconds = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        var bytes = UUID().uuid
        withUnsafeMutableBytes(of: &bytes) { raw in
            for index in 0..<6 { raw[index] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - index))) }
            raw[6] = (raw[6] & 0x0F) | 0x70   // version 7
            raw[8] = (raw[8] & 0x3F) | 0x80   // RFC 4122 variant
        }
        return UUID(uuid: bytes)
    }
}
