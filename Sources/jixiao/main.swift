import JixiaoServer
import Vapor
import Logging
import NIOCore
import NIOPosix

// Run Swift concurrency on NIO's event loops, so an async route handler does not hop between the cooperative pool and
// the loop that owns its connection and database pool at every await (measured: most of a request's CPU went to those
// hops). It must happen before anything async runs; when it cannot (already installed), Jixiao runs as before.
if ProcessInfo.processInfo.environment["JIXIAO_NIO_EXECUTOR"] != "0" {
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
