import Fluent
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import NIOConcurrencyHelpers
import Vapor

/// Who runs a job, as written in `claimed_by`: "host:pid#mark". The mark tells apart the worker sets of one process
/// (tests run many applications in one process) and the runs of a process id that was used again.
enum WorkerIdentity {
    static let host = ProcessInfo.processInfo.hostName
    static let pid = ProcessInfo.processInfo.processIdentifier

    static func make() -> String { "\(host):\(pid)#\(UUID().uuidString.prefix(8).lowercased())" }

    /// Whether `runner` names a process of this host that no longer exists: its jobs need not wait for their
    /// heartbeat to go stale. (A process of another host, or one hidden in another container, is judged by its heartbeat.)
    static func isDeadProcessOfThisHost(_ runner: String) -> Bool {
        let name = runner.split(separator: "#", maxSplits: 1).first.map(String.init) ?? runner
        guard let colon = name.lastIndex(of: ":"), name[..<colon] == host, let runnerPID = Int32(name[name.index(after: colon)...]),
              runnerPID > 0, runnerPID != pid else { return false }
        return kill(runnerPID, 0) == -1 && errno == ESRCH
    }
}

/// The workers of one application: `concurrency` loops that claim queued jobs and run them, one reaper pass now and
/// then for jobs whose runners are gone, and a doorbell that this process rings when it queues a job.
final class JobWorkers: Sendable {
    let identity = WorkerIdentity.make()
    private let doorbell = Doorbell()
    private struct State {
        var loops: [Task<Void, Never>] = []
        var stopping = false
        /// The jobs this process runs now, as claimed, and where they report.
        var running: [UUID: (job: JobRow, reporter: JobReporter)] = [:]
        /// Work tasks, so stopping can cancel them.
        var work: [UUID: Task<JobQueue.Ending, Never>] = [:]
    }
    private let state = NIOLockedValueBox(State())

    var isRunning: Bool { state.withLockedValue { !$0.loops.isEmpty && !$0.stopping } }
    var runningHere: Set<UUID> { state.withLockedValue { Set($0.running.keys) } }
    /// A job this process runs, with the progress it reported last.
    func liveJob(_ id: UUID) -> JobRow? {
        guard let (job, reporter) = state.withLockedValue({ $0.running[id] }) else { return nil }
        var live = job
        if let progress = reporter.latest.progress { live.phase = progress.phase; live.done = progress.done; live.total = progress.total }
        return live
    }

    /// Tells idle loops to look for work now.
    func ring() { doorbell.ring() }

    /// Starts the loops (once); the first also takes back the jobs of runners that are gone.
    func start(_ app: Application) {
        let settings = app.jobSettings
        let count = app.db.isPostgres ? settings.concurrency : 1
        state.withLockedValue { state in
            guard state.loops.isEmpty, !state.stopping else { return }
            state.loops = (0..<count).map { slot in Task { await self.loop(slot: slot, app: app) } }
        }
        app.logger.info("job workers started: \(count) as \(identity)")
    }

    /// Stops claiming, waits up to the grace period for running jobs, then hands unfinished ones back to the queue.
    func stop(_ app: Application) async {
        let loops = state.withLockedValue { state -> [Task<Void, Never>] in state.stopping = true; return state.loops }
        doorbell.ring()
        let grace = app.jobSettings.shutdownGrace
        let clock = ContinuousClock(), deadline = clock.now + grace
        while !runningHere.isEmpty && clock.now < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        let unfinished = state.withLockedValue { $0.work }
        for (id, task) in unfinished {
            task.cancel()
            try? await JobQueue.release(id, by: identity, on: app.db)
            app.logger.notice("job \(id) handed back to the queue: this process is stopping")
        }
        for loop in loops { loop.cancel() }
        for loop in loops where unfinished.isEmpty { await loop.value }
        state.withLockedValue { $0.loops = [] }
    }

    private var stopping: Bool { state.withLockedValue { $0.stopping } }

    private func loop(slot: Int, app: Application) async {
        let settings = app.jobSettings
        let clock = ContinuousClock()
        var nextReap = clock.now
        // Idle, the loop looks less and less often (up to five poll intervals): a job queued by this process rings
        // at once, one queued elsewhere waits a little longer; the small connection pools stay free for requests.
        var idle = settings.pollInterval
        while !stopping && !Task.isCancelled {
            do {
                if slot == 0 && clock.now >= nextReap {
                    try await JobQueue.reap(app: app, on: app.db)
                    nextReap = clock.now + .seconds(max(1, settings.staleAfter / 4))
                }
                if try await runNext(app) { idle = settings.pollInterval; continue }
            } catch {
                if stopping || Task.isCancelled { return }
                app.logger.warning("job worker: \(String(reflecting: error))")
                idle = settings.pollInterval * 5
            }
            await doorbell.wait(upTo: idle)
            idle = min(idle * 2, settings.pollInterval * 5)
        }
    }

    /// Claims one queued job and runs it to its end; false when none was queued.
    @discardableResult
    func runNext(_ app: Application) async throws -> Bool {
        guard !stopping else { return false }
        guard let job = try await JobQueue.claim(kinds: Array(app.jobKinds.keys), by: identity, now: app.effects.now(), on: app.db) else {
            return false
        }
        await run(job, app: app)
        return true
    }

    private func run(_ job: JobRow, app: Application) async {
        let reporter = JobReporter()
        let settings = app.jobSettings, identity = self.identity
        // The work and the row's upkeep use different connections: a long transaction of the work (an import saving)
        // holds its connection until it commits, which would leave the heartbeat waiting for it and the job looking
        // abandoned. On SQLite the work takes a connection of the jobs' own pool (see `SQLiteWriters`), so it never
        // holds the one connection that the requests of an event loop share.
        let loops = Array(app.eventLoopGroup.makeIterator())
        let workLoop = loops.randomElement() ?? app.eventLoopGroup.next()
        let upkeep = app.databases.database(logger: app.logger, on: loops.first { $0 !== workLoop } ?? workLoop) ?? app.db
        let db: any Database
        do {
            db = try await SQLiteWriters.jobDatabase(app, on: workLoop)
        } catch {
            app.logger.warning("job \(job.id) handed back to the queue: no database connection for it: \(String(reflecting: error))")
            try? await JobQueue.release(job.id, by: identity, on: upkeep)
            return
        }
        let work = Task<JobQueue.Ending, Never> {
            guard let kind = app.jobKinds[job.kind] else {
                return .failed(AppError(.internalServerError, "job_kind_unknown", Message(.errorImportFailed)))
            }
            do {
                let caller = try await Caller.ofJob(job, on: db, effects: app.effects)
                let input = try await JobQueue.input(of: job.id, on: db)
                return .succeeded(result: try await kind.run(JobRun(job: job, caller: caller, input: input, database: db,
                                                                    progress: reporter, logger: app.logger)))
            } catch let error as AppError {
                return .failed(error)
            } catch {
                app.logger.report(error: error)
                return .failed(kind.failure)
            }
        }
        state.withLockedValue { $0.running[job.id] = (job, reporter); $0.work[job.id] = work }
        defer { state.withLockedValue { _ = $0.running.removeValue(forKey: job.id); _ = $0.work.removeValue(forKey: job.id) } }

        // While the work runs: progress to the row (at most every `progressInterval`) and the heartbeat. On SQLite
        // nothing is written while the work holds the write lock: the statement would only wait for it.
        let writesWhileLocked = upkeep.isPostgres
        let keeper = Task {
            let clock = ContinuousClock()
            var written = -1, lastBeat = clock.now
            while !Task.isCancelled {
                try? await Task.sleep(for: settings.progressInterval)
                if Task.isCancelled { return }
                let latest = reporter.latest
                if latest.holdsWriteLock && !writesWhileLocked { continue }
                let changed = latest.version != written
                let beatDue = clock.now - lastBeat >= settings.heartbeatInterval
                guard changed || beatDue else { continue }
                do {
                    let held = try await JobQueue.touch(job.id, by: identity, progress: changed ? latest.progress : nil, now: app.effects.now(), on: upkeep)
                    if !held {
                        app.logger.warning("job \(job.id) was taken back from this worker; its work is cancelled")
                        work.cancel()
                        return
                    }
                    written = latest.version; lastBeat = clock.now
                } catch {
                    app.logger.warning("job \(job.id): progress not written: \(String(reflecting: error))")
                }
            }
        }
        let ending = await work.value
        keeper.cancel()
        await keeper.value
        if work.isCancelled && stopping { return }   // handed back by `stop`
        do {
            try await JobQueue.finish(job.id, by: identity, ending, progress: reporter.latest.progress, now: app.effects.now(), on: db)
        } catch {
            app.logger.report(error: error)
        }
    }
}

/// Wakes waiting loops: `ring` wakes every waiter, or the next one to wait when none is waiting.
final class Doorbell: Sendable {
    private struct State { var rung = false; var waiters: [UUID: CheckedContinuation<Void, Never>] = [:] }
    private let state = NIOLockedValueBox(State())

    func ring() {
        let waiters = state.withLockedValue { state -> [CheckedContinuation<Void, Never>] in
            if state.waiters.isEmpty { state.rung = true }
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    func wait(upTo limit: Duration) async {
        let id = UUID()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLockedValue { state -> Bool in
                if state.rung { state.rung = false; return true }
                state.waiters[id] = continuation
                return false
            }
            if now { continuation.resume(); return }
            Task {
                try? await Task.sleep(for: limit)
                self.state.withLockedValue { $0.waiters.removeValue(forKey: id) }?.resume()
            }
        }
    }
}

extension Application {
    private struct JobWorkersKey: StorageKey { typealias Value = JobWorkers }
    private static let jobWorkersLock = NIOLock()

    /// This application's workers (created on first use; started by `serve`, `jixiao worker` and tests).
    var jobWorkers: JobWorkers {
        Application.jobWorkersLock.withLock {
            if let workers = storage[JobWorkersKey.self] { return workers }
            let workers = JobWorkers()
            storage[JobWorkersKey.self] = workers
            return workers
        }
    }
}
