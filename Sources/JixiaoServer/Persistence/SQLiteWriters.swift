import Fluent
import FluentSQLiteDriver
import Vapor

/// SQLite lets one connection write at a time, and an import saves its whole file in one transaction (all or
/// nothing), which on a slow machine holds the write lock for a minute or more. Two things keep the pages usable
/// meanwhile:
///
/// - Jobs take their connections from a pool of their own. The requests' pool holds one connection per event loop;
///   a job that borrowed one would make every request of that loop wait for its transaction, then fail at the
///   pool's timeout.
/// - Every connection waits for the write lock a bounded time. sqlite-nio's own busy handler retries at once and
///   for ever on a thread of the blocking pool, which has one thread per core: a request writing during an import
///   (a session's sliding expiry, an audit entry) would spin until the import commits, and two of them on two cores
///   would leave the import no thread to commit on. SQLite's busy timeout sleeps between tries and then gives up with
///   `SQLITE_BUSY`, which a request answers as 503 "busy, try again" with nothing saved.
enum SQLiteWriters {
    /// The jobs' pool over the same file.
    static let jobsID = DatabaseID(string: "sqlite-jobs")

    /// How long a job's write waits: a job has no one waiting on a page, and giving up would fail the whole import.
    static let jobWait: Duration = .seconds(120)

    /// Registers the requests' pool (the default) and the jobs' pool for an SQLite file.
    static func use(file path: String, on app: Application) {
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite, isDefault: true)
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: jobsID, isDefault: false)
    }

    /// Bounds the wait of the requests' connections, one per event loop. (The pool keeps its connections for the
    /// life of the application; a job's connection is bounded again each time a job starts.)
    static func boundRequestWaits(_ app: Application) async throws {
        let wait = app.jixiao.sqliteRequestWait
        for loop in app.eventLoopGroup.makeIterator() {
            guard let db = app.databases.database(logger: app.logger, on: loop) else { continue }
            try await bound(db, to: wait)
        }
    }

    /// The database a job works on: the jobs' pool on an SQLite file (its wait bounded), else the application's.
    static func jobDatabase(_ app: Application, on loop: any EventLoop) async throws -> any Database {
        guard app.databases.configuration(for: jobsID) != nil, let db = app.databases.database(jobsID, logger: app.logger, on: loop) else {
            return app.databases.database(logger: app.logger, on: loop) ?? app.db
        }
        try await bound(db, to: jobWait)
        return db
    }

    private static func bound(_ db: any Database, to wait: Duration) async throws {
        guard !db.isPostgres else { return }
        let milliseconds = wait.components.seconds * 1000 + wait.components.attoseconds / 1_000_000_000_000_000
        try await db.sql.raw("PRAGMA busy_timeout = \(unsafeRaw: String(milliseconds))").run()
    }

    /// Whether an error is SQLite giving up on the write lock.
    static func isBusy(_ error: any Error) -> Bool {
        guard let error = error as? SQLiteError else { return false }
        return error.reason == .busy || error.reason == .busyTimeout || error.reason == .locked
    }
}
