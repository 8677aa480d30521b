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
///
/// Every connection is also tuned for a file of gigabytes (`tune`), and the write-ahead log is copied into the file by
/// a checkpointer of its own (`SQLiteCheckpointer`) instead of by whichever commit happens to cross SQLite's threshold.
enum SQLiteWriters {
    /// The jobs' pool over the same file.
    static let jobsID = DatabaseID(string: "sqlite-jobs")

    /// The checkpointer's own connection over the same file.
    static let checkpointID = DatabaseID(string: "sqlite-checkpoint")

    /// How long a job's write waits: a job has no one waiting on a page, and giving up would fail the whole import.
    static let jobWait: Duration = .seconds(120)

    /// Registers the requests' pool (the default) and the jobs' pool for an SQLite file.
    static func use(file path: String, on app: Application) {
        giveOwnThreads(app)
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite, isDefault: true)
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: jobsID, isDefault: false)
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: checkpointID, isDefault: false)
        app.lifecycle.use(SQLiteCheckpointer())
    }

    /// SQLite runs every statement on the application's blocking thread pool, and a connection waiting for the write
    /// lock sleeps on one of its threads. Vapor's default is the process-wide pool with one thread per core (two on a
    /// small server), which bcrypt also uses: two requests waiting for the lock could hold both threads while the
    /// connection that holds the lock needs a thread for its next statement or its COMMIT — so nobody moves until a
    /// wait runs out and a request answers 503 for work that takes milliseconds. (Tests run many applications in one
    /// process, which made this the cause of an intermittent failure of thirty parallel sign-ins.) An application on
    /// SQLite therefore gets a pool of its own with a thread for every connection that can be busy at once — the
    /// requests', the jobs' and the checkpointer's, one each per event loop — plus the password hashes the gate lets
    /// run together. Must run before the databases are first used: they take the pool when they are created.
    static func giveOwnThreads(_ app: Application) {
        let loops = Array(app.eventLoopGroup.makeIterator()).count
        app.threadPool = NIOThreadPool(numberOfThreads: 3 * loops + PasswordGate.concurrentHashes)
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
        try await tune(db)
    }

    /// Per-connection settings for a file of gigabytes (a province holds millions of rows):
    /// - a page cache of 64 MB (SQLite's default is 2 MB): a transaction that changes tens of thousands of rows — an
    ///   import, a scan that recolours a round — keeps its pages in memory until it commits instead of writing them
    ///   to the log and reading them back;
    /// - temporary tables (a scan's work tables) in memory, not in a temporary file;
    /// - no automatic checkpoint: the commit that crossed SQLite's 1,000-page threshold would copy the whole log into
    ///   the file before it returned (seconds after a large write, on a request's or a job's time). The checkpointer
    ///   does it in the background; the large threshold here is only a backstop should it stop.
    static func tune(_ db: any Database) async throws {
        try await db.sql.raw("PRAGMA cache_size = -65536").run()
        try await db.sql.raw("PRAGMA temp_store = MEMORY").run()
        try await db.sql.raw("PRAGMA wal_autocheckpoint = \(unsafeRaw: String(SQLiteCheckpointer.backstopPages))").run()
    }

    /// Whether an error is SQLite giving up on the write lock.
    static func isBusy(_ error: any Error) -> Bool {
        guard let error = error as? SQLiteError else { return false }
        return error.reason == .busy || error.reason == .busyTimeout || error.reason == .locked
    }
}
