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

/// Password hashing off the event loop.
enum Passwords {
    static func hash(_ password: String, on app: Application) async throws -> String {
        let cost = app.jixiao.bcryptCost
        return try await app.threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    static func verify(_ password: String, hash: String, on app: Application) async throws -> Bool {
        try await app.threadPool.runIfActive { (try? Bcrypt.verify(password, created: hash)) ?? false }
    }
}
