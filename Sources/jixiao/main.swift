import JixiaoServer
import Vapor
import Logging
import NIOCore
import NIOPosix

// JIXIAO_NIO_EXECUTOR=1 runs Swift concurrency on NIO's event loops, so an async handler does not hop between the
// cooperative pool and the loop that owns its connection at every await (in scripts/bench-http the bare route and
// the API reads served about a tenth to a half more requests per second). It is off by default until jobs run off
// the loops: with it, the CPU work of a long job (checking a large import) runs on an event loop and delays the
// requests of that loop. It must happen before anything async runs.
if ProcessInfo.processInfo.environment["JIXIAO_NIO_EXECUTOR"] == "1" {
    _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
}

var environment = try Environment.detect()
try LoggingSystem.bootstrap(from: &environment)
let app = try await Application.make(environment)
do {
    // `migrate` is Fluent's operator command and asks before it changes anything; every other
    // command (serve, demo, generate, audit, bench) brings the schema up to date itself.
    let isMigrateCommand = environment.arguments.dropFirst().first == "migrate"
    try await configure(app, database: DatabaseSetting.fromEnvironment(), autoMigrate: !isMigrateCommand)
    try await app.execute()
} catch {
    app.logger.report(error: error)
    try? await app.asyncShutdown()
    exit(1)
}
try await app.asyncShutdown()
