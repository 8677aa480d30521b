import Foundation

/// 登录限制 — after too many failed sign-ins for one account or from one address, refuse for a while.
public struct SignInThrottle: Sendable {
    public var maximumFailures: Int
    public var window: TimeInterval

    /// The policy of the foundation issue: 5 failures within 15 minutes.
    public static let standard = SignInThrottle(maximumFailures: 5, window: 15 * 60)

    public init(maximumFailures: Int, window: TimeInterval) {
        self.maximumFailures = maximumFailures; self.window = window
    }

    /// The earliest moment at which failures older than the window can be ignored.
    public func windowStart(now: Date) -> Date { now.addingTimeInterval(-window) }

    /// When a new attempt will be accepted again, or nil if it is accepted now.
    /// `failures` are the times of failed attempts (any order) for one account or one address.
    public func lockedUntil(failures: [Date], now: Date) -> Date? {
        let recent = failures.filter { $0 > windowStart(now: now) && $0 <= now }.sorted()
        guard recent.count >= maximumFailures else { return nil }
        // The lock lifts when enough of the recent failures have aged out of the window.
        let releasing = recent[recent.count - maximumFailures]
        return releasing.addingTimeInterval(window)
    }
}
