import Fluent
import FluentSQLiteDriver
import NIOConcurrencyHelpers
import Vapor

/// Copies SQLite's write-ahead log into the database file in the background, every second, on a connection of its
/// own — as PostgreSQL's checkpointer does — so that no commit pays for the copy (`SQLiteWriters.tune` turns the
/// commits' own checkpoints off up to a backstop).
///
/// The copy is passive: it takes the frames no reader still needs and waits for no one, readers and the one writer go
/// on meanwhile; the log starts again from its beginning once everything in it is in the file. Runs for every command
/// that opens the file (pages, jobs, `demo`, `generate`, `bench`) and stops with the application.
struct SQLiteCheckpointer: LifecycleHandler {
    static let interval: Duration = .seconds(1)
    /// Pages (4 KiB) in the log at which a commit checkpoints by itself after all: ≈400 MB, reached only if the
    /// checkpointer stopped or one transaction is that large.
    static let backstopPages = 100_000

    func didBootAsync(_ application: Application) async throws {
        guard let db = application.databases.database(SQLiteWriters.checkpointID, logger: application.logger,
                                                      on: application.eventLoopGroup.any()) else { return }
        let logger = application.logger, last = LastCheckpoint()
        application.storage[LastCheckpoint.Key.self] = last
        application.storage[TaskKey.self] = Task {
            var failing = false
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.interval)
                if Task.isCancelled { return }
                do {
                    // One row: whether it had to stop short (busy), the frames in the log, the frames now in the file.
                    struct Outcome: Decodable { var busy: Int; var log: Int; var checkpointed: Int }
                    if let outcome = try await db.sql.raw("PRAGMA wal_checkpoint(PASSIVE)").first(decoding: Outcome.self) {
                        last.value.withLockedValue { $0 = (outcome.log, outcome.checkpointed) }
                    }
                    failing = false
                } catch where SQLiteWriters.isBusy(error) {
                    // Another process's checkpointer (a `jixiao worker` beside `serve`) is copying: the next turn will.
                    continue
                } catch {
                    // Said once per run of failures: the backstop keeps the log bounded meanwhile.
                    if !failing { logger.warning("sqlite: the background checkpoint failed (commits checkpoint at the backstop): \(error)") }
                    failing = true
                }
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        guard let task = application.storage[TaskKey.self] else { return }
        task.cancel()
        await task.value
    }

    private struct TaskKey: StorageKey { typealias Value = Task<Void, Never> }
}

/// What the checkpointer's last run reported: frames in the log and frames of it now in the file (for operators'
/// checks and tests).
final class LastCheckpoint: Sendable {
    struct Key: StorageKey { typealias Value = LastCheckpoint }
    let value = NIOLockedValueBox<(log: Int, checkpointed: Int)?>(Optional.none)
}

extension Application {
    /// The SQLite checkpointer's last report; nil before its first run or on PostgreSQL.
    var lastCheckpoint: (log: Int, checkpointed: Int)? { storage[LastCheckpoint.Key.self]?.value.withLockedValue { $0 } }
}
