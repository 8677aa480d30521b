import Fluent
import NIOConcurrencyHelpers
import Vapor
import JixiaoDomain

/// Live progress of the imports this process runs. Pages read it before the job's row, which trails by up to a second
/// and, on SQLite, cannot move while the save step holds the database's only write lock. One per process, as the jobs
/// are (applications in one process — tests — share it; job ids never meet).
final class ImportJobRegistry: Sendable {
    static let shared = ImportJobRegistry()
    private let live = NIOLockedValueBox<[UUID: ImportProgress]>([:])

    func update(_ id: UUID, _ progress: ImportProgress) { live.withLockedValue { $0[id] = progress } }
    func progress(of id: UUID) -> ImportProgress? { live.withLockedValue { $0[id] } }
    func remove(_ id: UUID) { live.withLockedValue { _ = $0.removeValue(forKey: id) } }
}

extension Application {
    var importJobs: ImportJobRegistry { .shared }
}

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

/// 导入任务 — imports run beside the request that uploaded them, so a large file shows its progress instead of
/// holding a browser tab open; the same job serves the API (waiting for it, or answering 202 with where to look).
enum ImportJobService {
    /// This process, as written in `runner`: "instance#boot". The instance is what a restart keeps — host and port for
    /// `serve` (set when it starts listening), host and process id otherwise — and the boot mark differs each start.
    static var processMark: String { runnerMark.withLockedValue { $0 } }
    private static let bootMark = String(UUID().uuidString.prefix(8))
    private static let runnerMark = NIOLockedValueBox("\(ProcessInfo.processInfo.hostName):pid\(ProcessInfo.processInfo.processIdentifier)#\(bootMark)")

    /// Called when `serve` listens on `port`: jobs this instance was running before a restart died with it, and are
    /// marked interrupted at once (nothing of them was saved: an import is one transaction).
    static func claimInstance(port: Int, on db: any Database) async throws -> Int {
        let instance = "\(ProcessInfo.processInfo.hostName):\(port)"
        let mark = "\(instance)#\(bootMark)"
        runnerMark.withLockedValue { $0 = mark }
        let unfinished = ImportProgress.Phase.allCases.filter { !$0.isFinished }.map(\.rawValue)
        let orphans = try await ImportJobModel.query(on: db).filter(\.$phase ~~ unfinished)
            .filter(\.$runner, .custom("LIKE"), "\(instance)#%").filter(\.$runner != mark).all()
        for orphan in orphans {
            try await ImportJobModel.query(on: db).filter(\.$id == orphan.id!).filter(\.$phase == orphan.phase)
                .set(\.$phase, to: ImportProgress.Phase.interrupted.rawValue).set(\.$finishedAt, to: Date()).update()
        }
        return orphans.count
    }
    /// A job whose row has not moved for this long, run by another process, is taken as interrupted.
    static let staleAfter: TimeInterval = 600

    /// The error that ended a job, kept as JSON on its row.
    struct StoredError: Codable {
        var status: UInt
        var code: String
        var message: Message
        var details: [AppError.Detail]

        init(_ error: AppError) { status = error.status.code; code = error.code; message = error.message; details = error.details }
        var appError: AppError {
            AppError(HTTPResponseStatus(statusCode: Int(status)), code, message, details: details)
        }
    }

    /// Creates the job for an uploaded goal list and starts it on this process.
    static func startGoalList(_ bytes: ByteBuffer, fileName: String, _ req: Request) async throws -> (id: UUID, task: Task<Void, Never>) {
        let user = try req.requireSignedIn()
        guard Authorization.mayEver(user.actor, .declareGoal) else { throw AppError.forbidden() }
        guard bytes.readableBytes > 0 else { throw AppError(.unprocessableEntity, "csv_empty", Message(.errorCSVEmpty)) }
        guard bytes.readableBytes <= GoalExchangeService.maximumImportBytes else {
            throw AppError(.payloadTooLarge, "payload_too_large", Message(.errorTooLarge(String(GoalExchangeService.maximumImportBytes / (1024 * 1024)))))
        }
        let job = ImportJobModel()
        job.id = UUID(); job.kind = "goal_list"; job.userID = user.userID
        job.fileName = String(fileName.prefix(200)); job.fileBytes = bytes.readableBytes
        job.phase = ImportProgress.Phase.reading.rawValue; job.done = 0; job.runner = processMark
        try await job.create(on: req.db)
        let id = job.id!, app = req.application, context = req.auditContext
        app.importJobs.update(id, ImportProgress(phase: .reading))
        let task = Task {
            await run(id, app: app) { database, progress in
                try await GoalExchangeService.importList(bytes, user: user, context: context, on: database, progress: progress)
            }
        }
        return (id, task)
    }

    /// Runs an import, keeping the registry current and the row close behind it; the row gets the outcome.
    private static func run(_ id: UUID, app: Application,
                            _ work: @escaping @Sendable (any Database, @escaping @Sendable (ImportProgress) -> Void) async throws -> ImportOutcome) async {
        let registry = app.importJobs, database = app.db
        let mayWriteWhileSaving = database.isPostgres
        let flusher = Task {
            var written: ImportProgress?
            while !Task.isCancelled {
                do { try await Task.sleep(for: .seconds(1)) } catch { return }
                guard let now = registry.progress(of: id), now != written, !now.phase.isFinished else { continue }
                if now.phase == .saving && !mayWriteWhileSaving { continue }
                try? await write(id, progress: now, on: database)
                written = now
            }
        }
        let outcome: Result<ImportOutcome, AppError>
        do {
            outcome = .success(try await work(database) { registry.update(id, $0) })
        } catch let error as AppError {
            outcome = .failure(error)
        } catch {
            app.logger.report(error: error)
            outcome = .failure(AppError(.internalServerError, "import_failed", Message(.errorImportFailed)))
        }
        flusher.cancel()
        await flusher.value
        do {
            try await finish(id, outcome, on: database)
        } catch {
            app.logger.report(error: error)
        }
        registry.remove(id)
    }

    private static func write(_ id: UUID, progress: ImportProgress, on db: any Database) async throws {
        try await ImportJobModel.query(on: db).filter(\.$id == id)
            .set(\.$phase, to: progress.phase.rawValue).set(\.$done, to: progress.done).set(\.$total, to: progress.total)
            .set(\.$updatedAt, to: Date()).update()
    }

    private static func finish(_ id: UUID, _ outcome: Result<ImportOutcome, AppError>, on db: any Database) async throws {
        var update = ImportJobModel.query(on: db).filter(\.$id == id).set(\.$updatedAt, to: Date()).set(\.$finishedAt, to: Date())
        switch outcome {
        case .success(let result):
            let imported = result.imported
            update = update.set(\.$phase, to: ImportProgress.Phase.succeeded.rawValue).set(\.$imported, to: imported)
                .set(\.$done, to: imported).set(\.$total, to: imported)
                .set(\.$outcome, to: (try? JSONEncoder().encode(result)).map { String(decoding: $0, as: UTF8.self) })
        case .failure(let error):
            let json = try JSONEncoder().encode(StoredError(error))
            update = update.set(\.$phase, to: ImportProgress.Phase.failed.rawValue).set(\.$error, to: String(decoding: json, as: UTF8.self))
        }
        try await update.update()
    }

    // MARK: reading

    /// A job of the signed-in person (others' jobs are not found), with the freshest progress known.
    static func status(_ id: UUID, _ req: Request) async throws -> ImportJobStatus {
        let user = try req.requireSignedIn()
        guard let job = try await ImportJobModel.find(id, on: req.db), job.userID == user.userID else { throw AppError.notFound() }
        return try await status(of: job, req)
    }

    /// The person's latest jobs, newest first.
    static func recent(_ req: Request, limit: Int = 10) async throws -> [ImportJobStatus] {
        let user = try req.requireSignedIn()
        let jobs = try await ImportJobModel.query(on: req.db).filter(\.$userID == user.userID).sort(\.$createdAt, .descending).limit(limit).all()
        var result: [ImportJobStatus] = []
        for job in jobs { result.append(try await status(of: job, req)) }
        return result
    }

    private static func status(of row: ImportJobModel, _ req: Request) async throws -> ImportJobStatus {
        var job = row
        var progress: ImportProgress
        if let live = req.application.importJobs.progress(of: job.id!) {
            progress = live
        } else {
            progress = job.progress
            if !progress.phase.isFinished {
                // The runner may have finished between reading the row and asking the registry: read it again.
                job = try await ImportJobModel.find(job.id!, on: req.db) ?? job
                progress = job.progress
            }
            // Unfinished and not running here: if this process was its runner, the run is lost; another process's job
            // whose row stopped moving long ago went down with that process. Nothing of it was saved (one transaction).
            let stale = (job.updatedAt ?? .distantPast) < Date().addingTimeInterval(-staleAfter)
            if !progress.phase.isFinished && (job.runner == processMark || stale) {
                try await ImportJobModel.query(on: req.db).filter(\.$id == job.id!).filter(\.$phase == job.phase)
                    .set(\.$phase, to: ImportProgress.Phase.interrupted.rawValue).set(\.$finishedAt, to: Date()).update()
                progress = ImportProgress(phase: .interrupted)
            }
        }
        let error = job.error.flatMap { try? JSONDecoder().decode(StoredError.self, from: Data($0.utf8)) }?.appError
        let outcome = job.outcome.flatMap { try? JSONDecoder().decode(ImportOutcome.self, from: Data($0.utf8)) }
        return ImportJobStatus(id: job.id!, fileName: job.fileName, createdAt: job.createdAt, progress: progress, imported: job.imported,
                               outcome: outcome, error: error)
    }
}

/// When `serve` starts listening, it takes over its instance's name and marks the jobs of its previous run interrupted.
struct ImportJobRecovery: LifecycleHandler {
    func didBootAsync(_ application: Application) async throws {
        // Only `serve` has an instance to take over: the port it is told to listen on (`--port`/`-p`), else the default.
        let arguments = Array(application.environment.arguments.dropFirst())
        guard arguments.first == "serve" else { return }
        let portFlag = arguments.firstIndex { $0 == "--port" || $0 == "-p" }
        let port = portFlag.flatMap { arguments.indices.contains($0 + 1) ? Int(arguments[$0 + 1]) : nil }
            ?? application.http.server.configuration.port
        let count = try await ImportJobService.claimInstance(port: port, on: application.db)
        if count > 0 { application.logger.notice("\(count) import job(s) of the previous run marked interrupted") }
    }
}
