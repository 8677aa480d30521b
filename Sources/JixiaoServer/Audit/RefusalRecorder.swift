import Fluent
import NIOConcurrencyHelpers
import Vapor

/// Every refusal goes into the audit trail — out of reach (404), not permitted (403), not signed in (401), a workflow
/// step refused, a forged CSRF token, a rejected session or token — but not one entry per request: the chain has one
/// head row, and an anonymous flood must not be able to queue a serialized write per request behind it.
///
/// Refusals are counted in memory per source (the signed-in person, or the client address), kind and minute, and
/// each group becomes one entry (`count=…`, with the first few requests as samples) once its minute is over. A
/// process flushes every few seconds and when it stops. The number of open groups is bounded: beyond it, further
/// refusals of that minute are counted under one overflow group, so memory stays flat under any flood.
final class RefusalRecorder: Sendable {
    struct Key: Hashable, Sendable {
        var action: String
        var source: String
        var minute: Int64
    }

    struct Group: Sendable {
        var count: Int
        var context: AuditContext
        var samples: [String]
    }

    static let maximumGroups = 5_000
    static let samplesPerGroup = 3

    private let groups = NIOLockedValueBox<[Key: Group]>([:])

    /// Counts one refusal. Cheap: no I/O.
    func note(_ action: String, summary: String, context: AuditContext, at date: Date = Date()) {
        let minute = Int64(date.timeIntervalSince1970 / 60)
        let source = context.userID != "-" ? "user:\(context.userID)" : "address:\(context.clientAddress)"
        groups.withLockedValue { groups in
            var key = Key(action: action, source: source, minute: minute)
            if groups[key] == nil && groups.count >= Self.maximumGroups {
                key = Key(action: action, source: "overflow", minute: minute)
            }
            var group = groups[key] ?? Group(count: 0, context: context, samples: [])
            group.count += 1
            if group.samples.count < Self.samplesPerGroup { group.samples.append(String(summary.prefix(300))) }
            groups[key] = group
        }
    }

    /// Writes the groups of minutes that are over (all of them when `everything`), oldest first, one entry each.
    func flush(on database: any Database, everything: Bool = false, now: Date = Date()) async throws {
        let currentMinute = Int64(now.timeIntervalSince1970 / 60)
        let due: [(Key, Group)] = groups.withLockedValue { groups in
            let keys = groups.keys.filter { everything || $0.minute < currentMinute }
            return keys.map { key in (key, groups.removeValue(forKey: key)!) }
        }
        var failures: [String] = []
        defer { if !failures.isEmpty { Logger(label: "jixiao.audit").error("refusals not written to the audit trail: \(failures.joined(separator: "; "))") } }
        for (key, group) in due.sorted(by: { ($0.0.minute, $0.0.action, $0.0.source) < ($1.0.minute, $1.0.action, $1.0.source) }) {
            let minute = AuditTrail.timestamp(Date(timeIntervalSince1970: TimeInterval(key.minute * 60)))
            var context = group.context
            if key.source == "overflow" { context = .system("refusal-overflow") }
            do {
                try await AuditTrail.record(key.action, entityType: "refusals", entityID: String(key.source.prefix(120)),
                                            summary: "count=\(group.count) minute=\(minute) " + group.samples.joined(separator: " | "),
                                            context: context, on: database)
            } catch {
                // One group the database will not take must not stop the others (or every later flush): say so and go on.
                failures.append("\(key.action) \(key.source.prefix(60)) count=\(group.count): \(error)")
            }
        }
    }

    var pendingCount: Int { groups.withLockedValue { $0.values.reduce(0) { $0 + $1.count } } }
}

/// Flushes the recorder every few seconds while the server runs, and once more when it stops.
struct RefusalFlusher: LifecycleHandler {
    static let interval: Duration = .seconds(5)

    func didBootAsync(_ application: Application) async throws {
        let recorder = application.refusals
        let database = application.db
        let logger = application.logger
        application.storage[TaskKey.self] = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.interval)
                do { try await recorder.flush(on: database) } catch { logger.warning("audit: refusals not yet written: \(error)") }
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        application.storage[TaskKey.self]?.cancel()
        try? await application.refusals.flush(on: application.db, everything: true)
    }

    private struct TaskKey: StorageKey { typealias Value = Task<Void, Never> }
}

extension Application {
    private struct RefusalsKey: StorageKey { typealias Value = RefusalRecorder }

    /// Set by `configure(_:)` before any request, like `passwordGate`; an application used without it (a command
    /// or test that skips `configure`) gets one on first use instead of failing.
    var refusals: RefusalRecorder {
        get {
            if let recorder = storage[RefusalsKey.self] { return recorder }
            let recorder = RefusalRecorder()
            storage[RefusalsKey.self] = recorder
            return recorder
        }
        set { storage[RefusalsKey.self] = newValue }
    }
}

extension Request {
    /// Counts a refusal for the audit trail (see `RefusalRecorder`).
    func noteRefusal(_ action: String, summary: String) {
        application.refusals.note(action, summary: summary, context: auditContext)
    }
}
