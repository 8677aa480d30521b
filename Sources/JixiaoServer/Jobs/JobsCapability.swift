import Vapor

extension Capability {
    /// 后台任务 — the jobs table and the workers that run every capability's long work.
    static let jobs = Capability(
        name: "jobs",
        migrations: [CreateJobs()],
        apiEndpoints: JobsAPI.endpoints,
        apiSchemas: JobsAPI.schemas,
        commands: [(name: "worker", command: WorkerCommand())],
        lifecycle: [JobWorkersLifecycle()]
    )
}

/// Starts this application's workers when it serves pages (and in tests); stops them with it.
struct JobWorkersLifecycle: LifecycleHandler {
    func didBoot(_ application: Application) throws {
        // `serve` (named, or the default command) runs workers beside the pages; other commands (`demo`, `migrate`,
        // `generate`, `audit`, `bench`) end soon and must not take jobs with them; `worker` starts its own.
        let command = application.environment.arguments.dropFirst().first
        let serves = command == nil || command == "serve" || command?.hasPrefix("-") == true
        guard serves || application.environment == .testing else { return }
        application.jobWorkers.start(application)
    }

    func shutdownAsync(_ application: Application) async {
        await application.jobWorkers.stop(application)
    }
}

/// `jixiao worker` — runs job workers without serving pages, until interrupted (SIGINT or SIGTERM), then hands
/// back what it could not finish within the grace period.
struct WorkerCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "count", short: "c", help: "Jobs to run at a time (PostgreSQL only; default JIXIAO_JOB_WORKERS or 1)")
        var count: Int?
    }

    var help: String { "Runs job workers (imports and other long work) without serving pages, until interrupted" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        if let count = signature.count { app.jobSettings.concurrency = max(1, min(count, 32)) }
        let stop = StopSignal()
        app.jobWorkers.start(app)
        context.console.print("Job workers running as \(app.jobWorkers.identity); Ctrl-C to stop.")
        await stop.wait()
        context.console.print("Stopping: running jobs get \(app.jobSettings.shutdownGrace) to finish, then go back to the queue.")
        await app.jobWorkers.stop(app)
    }
}

/// Resolves once the process receives SIGINT or SIGTERM.
final class StopSignal: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]
    private let stream: AsyncStream<Void>

    init() {
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        self.stream = stream
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(()) }
            source.resume()
            return source
        }
    }

    func wait() async {
        for await _ in stream { return }
    }
}
