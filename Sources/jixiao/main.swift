import JixiaoServer
import Vapor
import Logging

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
