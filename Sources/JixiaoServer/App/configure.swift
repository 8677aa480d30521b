import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor

/// Wires a Jixiao application: database, migrations, middleware, routes, commands.
/// `autoMigrate` runs every pending migration before the first request (what `serve` does).
public func configure(_ app: Application, database: DatabaseSetting, autoMigrate: Bool = true) async throws {
    if app.storage[SettingsMarker.self] == nil { app.jixiao = JixiaoSettings.fromEnvironment() }
    try AuditKeyring.install(try AuditKey.loadOrCreate(at: app.jixiao.auditKeyFile ?? AuditKey.defaultPath(for: database)))
    switch database {
    case .sqliteFile(let path):
        SQLiteWriters.use(file: path, on: app)
        try await SQLiteWriters.boundRequestWaits(app)
    case .sqliteMemory:
        SQLiteWriters.giveOwnThreads(app)
        app.databases.use(.sqlite(.memory, sqlLogLevel: .trace), as: .sqlite)
    case .postgres(let url, let schema):
        var configuration = try SQLPostgresConfiguration(url: url)
        if let schema { configuration.searchPath = [schema] }
        app.databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: app.jixiao.postgresConnectionsPerLoop,
                                    sqlLogLevel: .trace), as: .psql)
    }
    app.migrations.add(Capabilities.migrations)

    app.refusals = RefusalRecorder()
    for capability in Capabilities.all {
        for handler in capability.lifecycle { app.lifecycle.use(handler) }
        for (name, command) in capability.commands { app.asyncCommands.use(command, as: name) }
    }
    _ = app.passwordGate
    app.middleware = Middlewares()
    app.middleware.use(RequestIDMiddleware())
    app.middleware.use(MethodGuardMiddleware())
    app.middleware.use(ErrorRenderingMiddleware())
    app.middleware.use(AuthenticationMiddleware())
    app.routes.defaultMaxBodySize = "1mb"

    try routes(app)

    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(GenerateCommand(), as: "generate")
    app.asyncCommands.use(BenchCommand(), as: "bench")

    _ = try await app.dummyPasswordHash()   // once, before requests share the application's storage
    if autoMigrate { try await prepareDatabase(app, database: database) }
}

/// Brings the schema up to date and, on the very first start, creates the administrator.
public func prepareDatabase(_ app: Application, database: DatabaseSetting) async throws {
    try await app.autoMigrate()
    try await AuditTrail.adoptKey(on: app.db)
    if case .sqliteFile = database {
        // WAL lets readers go on while one writer commits; it is a property of the file, so set once.
        try await app.db.sql.raw("PRAGMA journal_mode=WAL").run()
    }
    try await Bootstrap.ensureAdministrator(app)
}

/// Tests set their own settings before `configure`; this marker says they did.
struct SettingsMarker: StorageKey { typealias Value = Bool }

extension Application {
    public func useSettings(_ settings: JixiaoSettings) {
        jixiao = settings
        storage[SettingsMarker.self] = true
    }
}

func routes(_ app: Application) throws {
    app.get(HomeRoute.stylesheet) { _ in Stylesheet.response() }
    app.get(HomeRoute.health) { _ in "ok" }
    APIRoutes.register(on: app)
    let pages = app.grouped(RequireSignInMiddleware()).grouped(CSRFMiddleware())
    for capability in Capabilities.all {
        try capability.publicRoutes(app)
        try capability.pages(pages)
    }
}

/// Echoes the request id so a person can quote it and an operator find it in the audit trail and logs.
struct RequestIDMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "X-Request-ID", value: request.id)
        return response
    }
}

/// Methods the system never serves (TRACE, CONNECT, anything unknown) are answered 405 with the methods it does use,
/// before routing, which would call them 404 and so hide that the resource exists for other methods.
struct MethodGuardMiddleware: AsyncMiddleware {
    static let served: [HTTPMethod] = [.GET, .HEAD, .POST, .PUT, .PATCH, .DELETE, .OPTIONS]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard Self.served.contains(request.method) else {
            let response = Response(status: .methodNotAllowed)
            response.headers.replaceOrAdd(name: .allow, value: "GET, HEAD, POST, PUT, PATCH, DELETE")
            return response
        }
        return try await next.respond(to: request)
    }
}
