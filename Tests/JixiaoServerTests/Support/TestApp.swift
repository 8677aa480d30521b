import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import JixiaoServer

/// The databases a server test runs on: in-memory SQLite always, PostgreSQL when JIXIAO_TEST_POSTGRES_URL is set.
enum TestDatabase: CustomStringConvertible, Sendable {
    case sqlite
    case postgres(String)

    static var postgresURL: String? {
        guard let url = ProcessInfo.processInfo.environment["JIXIAO_TEST_POSTGRES_URL"], !url.isEmpty else { return nil }
        return url
    }

    static let all: [TestDatabase] = {
        if postgresURL != nil { print("note: server suites run on SQLite and on PostgreSQL (JIXIAO_TEST_POSTGRES_URL is set)") }
        if let url = postgresURL { return [.sqlite, .postgres(url)] }
        print("note: PostgreSQL server tests skipped: JIXIAO_TEST_POSTGRES_URL is not set (they run on SQLite only)")
        return [.sqlite]
    }()

    var description: String {
        switch self {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }
}

let adminPassword = "Admin2026pass"

/// A configured application on a fresh database, with the demo province loaded: a copy of the engine's template
/// (see `TestTemplates`), migrated and loaded once per test process. Each PostgreSQL test gets a schema of its own
/// that is dropped afterwards, so tests run in parallel without meeting.
func withJixiao(_ database: TestDatabase, demo: Bool = true, _ body: (Application) async throws -> Void) async throws {
    let template = try await TestTemplates.shared.template(database, demo: demo)
    await TestSlots.shared.acquire()
    do {
        try await withCopy(of: template, database, body)
    } catch {
        await TestSlots.shared.release()
        throw error
    }
    await TestSlots.shared.release()
}

private func withCopy(of template: TestTemplate, _ database: TestDatabase, _ body: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    var settings = testSettings()
    // The copy has its administrator already; the first-start password would only be reported as not used.
    settings.initialAdminPassword = nil
    app.useSettings(settings)
    var schema: String?
    var sqliteFile: String?
    do {
        switch (database, template) {
        case (.sqlite, .sqlite(let bytes)):
            // A file of our own rather than `.memory`: sqlite-kit fakes in-memory databases with temporary files it
            // never deletes, and every test run left dozens of them behind.
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-test-\(UUID().uuidString).sqlite").path
            sqliteFile = path
            guard FileManager.default.createFile(atPath: path, contents: bytes) else { throw TestTemplateError.cannotCopy(path) }
            try await configure(app, database: .sqliteFile(path: path))
        case (.postgres(let url), .postgres(let template)):
            let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
            schema = String(name)
            try await configure(app, database: .postgres(url: url, schema: schema), autoMigrate: false)
            try await template.clone(into: String(name), on: app.db)
            // Nothing to migrate and the administrator exists: this checks that the copy is complete.
            try await prepareDatabase(app, database: .postgres(url: url, schema: schema))
        default:
            preconditionFailure("a \(database) test got another engine's template")
        }
        try await body(app)
    } catch {
        await cleanUp(app, schema: schema, sqliteFile: sqliteFile)
        throw error
    }
    await cleanUp(app, schema: schema, sqliteFile: sqliteFile)
}

/// How many test applications run at once. Swift Testing starts every test together; with setup now cheap, a hundred
/// applications on two cores made requests wait out the connection pool's timeout (503 where a test expects its own
/// answer). `JIXIAO_TEST_APPS` overrides the default of four per core.
actor TestSlots {
    static let shared = TestSlots(limit: ProcessInfo.processInfo.environment["JIXIAO_TEST_APPS"].flatMap(Int.init)
                                  ?? 4 * System.coreCount)
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { free = max(1, limit) }

    func acquire() async {
        if free > 0 { free -= 1; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}

private func cleanUp(_ app: Application, schema: String?, sqliteFile: String?) async {
    if let schema {
        // Refusals still waiting to be written would be flushed at shutdown, into a schema that is gone by then.
        try? await app.refusals.flush(on: app.db, everything: true)
        try? await app.db.sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
    }
    try? await app.asyncShutdown()
    if let sqliteFile {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: sqliteFile + suffix) }
    }
}

/// A browser for tests: keeps cookies, reads the CSRF token from the last page, sends forms.
final class Browser {
    let app: Application
    var cookies: [String: String] = [:]
    var address: String
    var acceptLanguage = "zh-CN,zh;q=0.9"
    private(set) var lastCSRF: String?

    init(_ app: Application, address: String = "192.0.2.10") {
        self.app = app
        self.address = address
    }

    @discardableResult
    func send(_ method: HTTPMethod, _ path: String, body: ByteBuffer? = nil, contentType: HTTPMediaType? = nil,
              extraHeaders: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        var headers = extraHeaders
        headers.replaceOrAdd(name: "X-Forwarded-For", value: address)
        headers.replaceOrAdd(name: .acceptLanguage, value: acceptLanguage)
        if !cookies.isEmpty { headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        if let contentType { headers.contentType = contentType }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        for value in response.headers[.setCookie] {
            let pair = value.split(separator: ";").first.map(String.init) ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 else { continue }
            if value.contains("Max-Age=0") || value.lowercased().contains("expires=thu, 01 jan 1970") || parts[1].isEmpty {
                cookies[parts[0]] = nil
            } else {
                cookies[parts[0]] = parts[1]
            }
        }
        if let token = Self.csrf(in: response.body.string) { lastCSRF = token }
        return response
    }

    @discardableResult
    func get(_ path: String) async throws -> TestingHTTPResponse { try await send(.GET, path) }

    /// Posts a form; the CSRF token of the last page is added unless `csrf` says otherwise.
    @discardableResult
    func post(_ path: String, _ fields: [String: String], csrf: String?? = .none) async throws -> TestingHTTPResponse {
        var fields = fields
        switch csrf {
        case .none: if let token = lastCSRF { fields["_csrf"] = token }
        case .some(let explicit): if let explicit { fields["_csrf"] = explicit }
        }
        let encoded = fields.map { "\(Self.escape($0.key))=\(Self.escape($0.value))" }.joined(separator: "&")
        return try await send(.POST, path, body: ByteBuffer(string: encoded), contentType: .urlEncodedForm)
    }

    @discardableResult
    func signIn(_ username: String, _ password: String) async throws -> TestingHTTPResponse {
        try await get("/signin")
        return try await post("/signin", ["username": username, "password": password, "next": "/"])
    }

    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}

/// A bearer-token API client.
struct APIClient {
    let app: Application
    var token: String?
    var address = "192.0.2.20"

    static func signIn(_ app: Application, _ username: String, _ password: String) async throws -> APIClient {
        var client = APIClient(app: app)
        let response = try await client.send(.POST, "/api/v1/tokens", json: ["username": username, "password": password])
        #expect(response.status == .created, "token for \(username): \(response.body.string)")
        client.token = try response.content.decode(TokenResponse.self).token
        return client
    }

    func send(_ method: HTTPMethod, _ path: String, json: [String: any Sendable]? = nil, body: ByteBuffer? = nil,
              contentType: HTTPMediaType? = nil, headers extra: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        var headers = extra
        headers.replaceOrAdd(name: "X-Forwarded-For", value: address)
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        var payload = body
        if let json {
            payload = ByteBuffer(data: try JSONSerialization.data(withJSONObject: json))
            headers.contentType = .json
        } else if let contentType {
            headers.contentType = contentType
        }
        return try await app.testing().sendRequest(method, path, headers: headers, body: payload)
    }

    func errorCode(_ response: TestingHTTPResponse) -> String? {
        (try? JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any])
            .flatMap { $0["error"] as? [String: Any] }?["code"] as? String
    }
}

func organizationCount(_ app: Application) async throws -> Int {
    try await OrganizationModel.query(on: app.db).count()
}

func auditActions(_ app: Application) async throws -> [String] {
    struct Row: Decodable { var action: String }
    return try await app.db.sql.select().column("action").from(AuditTrail.entriesTable).orderBy("sequence")
        .all(decoding: Row.self).map(\.action)
}

/// Budget objects whose recorded current version is not their newest version, or whose recorded state differs from it.
func currentVersionMismatches(_ app: Application) async throws -> [String] {
    struct Row: Decodable { var code: String }
    return try await app.db.sql.raw("""
        SELECT bo.code FROM budget_objects bo
        LEFT JOIN goal_versions v ON v.id = bo.current_version_id AND v.budget_object_id = bo.id
        WHERE v.id IS NULL OR v.state <> bo.current_state
           OR v.version_number <> (SELECT MAX(v2.version_number) FROM goal_versions v2 WHERE v2.budget_object_id = bo.id)
        """).all(decoding: Row.self).map(\.code)
}

/// How many refusals of `action` the audit trail records: the recorder is flushed first, and each entry counts the
/// refusals of one source and minute (`count=N`).
func refusalCount(_ app: Application, _ action: String, containing: String? = nil) async throws -> Int {
    try await app.refusals.flush(on: app.db, everything: true)
    struct Row: Decodable { var summary: String }
    let rows = try await app.db.sql.select().column("summary").from(AuditTrail.entriesTable)
        .where("action", .equal, SQLBind(action)).all(decoding: Row.self)
    return rows.filter { containing == nil || $0.summary.contains(containing!) }.reduce(0) { total, row in
        let count = row.summary.split(separator: " ").first { $0.hasPrefix("count=") }.flatMap { Int($0.dropFirst(6)) } ?? 0
        return total + count
    }
}
