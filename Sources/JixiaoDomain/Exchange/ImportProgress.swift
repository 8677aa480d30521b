import Foundation

/// Where a long import stands: the step it is in, and how far that step has come.
public struct ImportProgress: Hashable, Codable, Sendable {
    public enum Phase: String, CaseIterable, Codable, Sendable {
        /// Waiting for a worker to take it up.
        case queued
        /// The file is being read into rows (the number of rows is not known yet).
        case reading
        /// Every row is being checked: codes, units, categories, targets, weights.
        case checking
        /// The checked projects are being written, all in one transaction.
        case saving
        case succeeded
        case failed
        /// The process running it stopped before it finished; nothing of it was saved.
        case interrupted

        public var isFinished: Bool { self == .succeeded || self == .failed || self == .interrupted }
    }

    public var phase: Phase
    /// Rows read, projects checked or projects saved so far, depending on the phase.
    public var done: Int
    /// What `done` counts towards; nil while reading.
    public var total: Int?

    public init(phase: Phase, done: Int = 0, total: Int? = nil) {
        self.phase = phase; self.done = done; self.total = total
    }

    /// Share of the whole import done, 0…100, for a progress bar. Reading is fast (a tenth), checking takes about as
    /// long as saving once the rows are in memory, so the steps get 10, 30 and 60 of the hundred.
    public var percent: Int {
        func within(_ start: Int, _ width: Int) -> Int {
            guard let total, total > 0 else { return start }
            return start + width * min(done, total) / total
        }
        switch phase {
        case .queued, .reading: return 0
        case .checking: return within(10, 30)
        case .saving: return within(40, 60)
        case .succeeded: return 100
        case .failed, .interrupted: return 0
        }
    }
}

/// Calls a progress handler at most every `interval` units of work (and always at the end), so reporting stays cheap
/// inside loops over hundreds of thousands of rows.
public struct ProgressThrottle: Sendable {
    public let interval: Int
    private var lastReported = 0

    public init(interval: Int) { self.interval = max(1, interval) }

    /// Whether `done` is far enough past the last report (or is the end) to report again.
    public mutating func shouldReport(_ done: Int, total: Int?) -> Bool {
        if done - lastReported >= interval || (total != nil && done == total) {
            lastReported = done
            return true
        }
        return false
    }
}
