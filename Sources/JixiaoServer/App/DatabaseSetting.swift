import Foundation

/// Which database a process uses, read from `DATABASE_URL` or `JIXIAO_DATABASE_PATH`.
public enum DatabaseSetting: Sendable, Equatable {
    case sqliteFile(path: String)
    case sqliteMemory
    /// A PostgreSQL URL; `schema`, when set, becomes the search path (tests isolate themselves this way).
    case postgres(url: String, schema: String?)

    public static let defaultSQLitePath = "jixiao.sqlite"

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DatabaseSetting {
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            return try parse(url)
        }
        if let path = environment["JIXIAO_DATABASE_PATH"], !path.isEmpty {
            return .sqliteFile(path: path)
        }
        return .sqliteFile(path: defaultSQLitePath)
    }

    public static func parse(_ url: String) throws -> DatabaseSetting {
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") { return .postgres(url: url, schema: nil) }
        if url == "sqlite::memory:" || url == "sqlite://:memory:" { return .sqliteMemory }
        if url.hasPrefix("sqlite://") {
            let path = String(url.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw DatabaseSettingError.missingPath(url) }
            return .sqliteFile(path: path)
        }
        throw DatabaseSettingError.unsupported(url)
    }

    public var description: String {
        switch self {
        case .sqliteFile(let path): "SQLite \(path)"
        case .sqliteMemory: "SQLite (memory)"
        case .postgres(let url, _): "PostgreSQL \(Self.redacted(url))"
        }
    }

    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return "postgres://…" }
        if components.password != nil { components.password = "***" }
        return components.string ?? "postgres://…"
    }
}

enum DatabaseSettingError: Error, CustomStringConvertible {
    case unsupported(String)
    case missingPath(String)

    var description: String {
        switch self {
        case .unsupported(let url): "DATABASE_URL must start with postgres://, postgresql:// or sqlite:// (got \(DatabaseSetting.redacted(url)))"
        case .missingPath(let url): "DATABASE_URL \(url) names no file: write sqlite:///absolute/path.sqlite or sqlite://relative.sqlite"
        }
    }
}
