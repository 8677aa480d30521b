import Vapor
import JixiaoDomain

/// Settings a process reads once at start; tests override them.
public struct JixiaoSettings: Sendable {
    public init() {}
    /// Bcrypt work factor; tests lower it to keep the suite fast.
    public var bcryptCost = 12
    /// Adds `Secure` to cookies. On by default; `JIXIAO_COOKIE_SECURE=0` for plain-HTTP set-ups on a LAN.
    /// Browsers accept Secure cookies from http://127.0.0.1 and http://localhost.
    public var secureCookies = true
    public var sessionLifetime: TimeInterval = 8 * 3600
    public var apiTokenLifetime: TimeInterval = 30 * 24 * 3600
    public var throttle = SignInThrottle.standard
    /// Largest organisation list accepted for import.
    public var maximumImportBytes = 5 * 1024 * 1024
    /// The first administrator's password; when unset, a one-time password is generated and printed.
    public var initialAdminPassword: String?
    /// Level of the finance bureau created on first start (the installation's top).
    public var rootLevel = AdministrativeLevel.county
    /// Believe `X-Forwarded-For` for the client address (throttling, audit) only behind a known reverse proxy.
    public var trustForwardedFor = false
    /// The file holding the audit chain's key (`JIXIAO_AUDIT_KEY_FILE`); by default next to the SQLite file, or
    /// `jixiao-audit.key` in the working directory for PostgreSQL. Created on first start.
    public var auditKeyFile: String?
    /// PostgreSQL connections each event loop (each core) may hold (`JIXIAO_DB_CONNECTIONS_PER_CORE`). One per loop made a
    /// long save hold up every request of its loop; a few let reads go on beside it.
    public var postgresConnectionsPerLoop = 4
    /// How long a request's write on SQLite waits for another writer (an import saving) before it answers "busy,
    /// try again" with nothing saved (see `SQLiteWriters`).
    public var sqliteRequestWait: Duration = .seconds(5)

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> JixiaoSettings {
        var settings = JixiaoSettings()
        if let cost = environment["JIXIAO_BCRYPT_COST"].flatMap(Int.init), (4...31).contains(cost) { settings.bcryptCost = cost }
        if environment["JIXIAO_COOKIE_SECURE"] == "0" { settings.secureCookies = false }
        if environment["JIXIAO_TRUST_PROXY"] == "1" { settings.trustForwardedFor = true }
        if let password = environment["JIXIAO_ADMIN_PASSWORD"], !password.isEmpty { settings.initialAdminPassword = password }
        if let file = environment["JIXIAO_AUDIT_KEY_FILE"], !file.isEmpty { settings.auditKeyFile = file }
        if let level = environment["JIXIAO_ROOT_LEVEL"].flatMap(AdministrativeLevel.init(key:)) { settings.rootLevel = level }
        if let count = environment["JIXIAO_DB_CONNECTIONS_PER_CORE"].flatMap(Int.init), (1...64).contains(count) {
            settings.postgresConnectionsPerLoop = count
        }
        return settings
    }
}

extension Application {
    private struct SettingsKey: StorageKey { typealias Value = JixiaoSettings }
    var jixiao: JixiaoSettings {
        get { storage[SettingsKey.self] ?? JixiaoSettings() }
        set { storage[SettingsKey.self] = newValue }
    }
}
