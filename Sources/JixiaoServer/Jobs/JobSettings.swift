import Foundation
import Vapor

/// How workers pace themselves. Read from the environment once; tests shorten the times.
struct JobSettings: Sendable {
    /// Jobs one process runs at a time (`JIXIAO_JOB_WORKERS`, default 1). SQLite has one writer, so there it is always 1.
    var concurrency = 1
    /// How often a worker that just finished looks for queued jobs another process added (its own process rings at
    /// once); the longer it stays idle, the less often it looks, up to five times this.
    var pollInterval: Duration = .milliseconds(400)
    /// How often a running job's row is touched to say its worker is alive.
    var heartbeatInterval: Duration = .seconds(10)
    /// A running job whose heartbeat is older than this is taken as abandoned (`JIXIAO_JOB_STALE_SECONDS`, default 60).
    var staleAfter: TimeInterval = 60
    /// Progress is written to the row at most this often (and whenever the phase changes).
    var progressInterval: Duration = .milliseconds(250)
    /// How long stopping waits for running jobs before handing them back to the queue.
    var shutdownGrace: Duration = .seconds(20)

    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> JobSettings {
        var settings = JobSettings()
        if let count = environment["JIXIAO_JOB_WORKERS"].flatMap(Int.init), (1...32).contains(count) { settings.concurrency = count }
        if let seconds = environment["JIXIAO_JOB_STALE_SECONDS"].flatMap(Double.init), seconds >= 5 { settings.staleAfter = seconds }
        return settings
    }
}

extension Application {
    private struct JobSettingsKey: StorageKey { typealias Value = JobSettings }

    var jobSettings: JobSettings {
        get { storage[JobSettingsKey.self] ?? .fromEnvironment() }
        set { storage[JobSettingsKey.self] = newValue }
    }
}
