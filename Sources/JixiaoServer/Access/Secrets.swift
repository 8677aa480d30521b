import Vapor

/// Random tokens and their stored digests.
enum Secrets {
    /// A URL-safe random token of 32 bytes.
    static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// What the database keeps of a token: its SHA-256, so a copy of the database opens no session.
    static func digest(_ token: String) -> String { AuditTrail.sha256Hex(token) }

    /// Compares without exiting early, so timing reveals nothing about a secret.
    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Password hashing off the event loop, through `PasswordGate`: bcrypt is deliberately slow, so a burst of sign-ins
/// waits for a free core instead of piling up threads, and a burst beyond what can be served soon is turned away
/// with 503 (the caller holds no database connection while it waits or hashes).
enum Passwords {
    static func hash(_ password: String, on app: Application) async throws -> String {
        let cost = app.jixiao.bcryptCost
        return try await app.passwordGate.run { try await app.threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) } }
    }

    static func verify(_ password: String, hash: String, on app: Application) async throws -> Bool {
        try await app.passwordGate.run { try await app.threadPool.runIfActive { (try? Bcrypt.verify(password, created: hash)) ?? false } }
    }
}

/// Lets at most `concurrent` password hashes run at once and at most `waiting` wait for a turn; anyone beyond that
/// gets 503 with a clear message at once.
actor PasswordGate {
    let concurrent: Int
    let waiting: Int
    private var running = 0
    private var queue: [CheckedContinuation<Void, Never>] = []

    /// How many hashes an application computes at once: one per core.
    static var concurrentHashes: Int { max(1, System.coreCount) }

    init(concurrent: Int, waiting: Int) {
        self.concurrent = max(1, concurrent); self.waiting = max(0, waiting)
    }

    func run<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
        try await enter()
        defer { leave() }
        return try await work()
    }

    private func enter() async throws {
        if running < concurrent { running += 1; return }
        guard queue.count < waiting else {
            throw AppError(.serviceUnavailable, "busy", Message(.errorBusy))
        }
        // The slot is handed over by `leave`, so `running` already counts this caller when it resumes.
        await withCheckedContinuation { queue.append($0) }
    }

    private func leave() {
        if queue.isEmpty { running -= 1 } else { queue.removeFirst().resume() }
    }
}

extension Application {
    private struct PasswordGateKey: StorageKey { typealias Value = PasswordGate }

    /// One gate per application: as many hashes at once as the thread pool has threads, 64 waiting.
    var passwordGate: PasswordGate {
        if let gate = storage[PasswordGateKey.self] { return gate }
        let gate = PasswordGate(concurrent: PasswordGate.concurrentHashes, waiting: 64)
        storage[PasswordGateKey.self] = gate
        return gate
    }
}
