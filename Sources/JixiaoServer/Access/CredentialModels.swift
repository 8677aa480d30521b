import Fluent
import Foundation

/// A signed-in browser: the cookie holds a random token, the database only its SHA-256,
/// so several `serve` processes share sessions and a stolen database yields no usable cookie.
final class SessionModel: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @Field(key: "client_address") var clientAddress: String

    init() {}
    init(tokenHash: String, userID: UUID, csrfToken: String, now: Date, expiresAt: Date, clientAddress: String) {
        self.tokenHash = tokenHash; self.$user.id = userID; self.csrfToken = csrfToken
        self.createdAt = now; self.expiresAt = expiresAt; self.lastSeenAt = now; self.clientAddress = clientAddress
    }
}

/// A bearer token for API clients, stored hashed, revocable, with an expiry.
final class APITokenModel: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "name") var name: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?

    init() {}
    init(tokenHash: String, userID: UUID, name: String, now: Date, expiresAt: Date) {
        self.tokenHash = tokenHash; self.$user.id = userID; self.name = name
        self.createdAt = now; self.expiresAt = expiresAt
    }
}

/// One sign-in attempt, kept for throttling (per account and per address).
final class SignInAttemptModel: Model, @unchecked Sendable {
    static let schema = "sign_in_attempts"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "client_address") var clientAddress: String
    @Field(key: "succeeded") var succeeded: Bool
    @Field(key: "attempted_at") var attemptedAt: Date

    init() {}
    init(username: String, clientAddress: String, succeeded: Bool, at: Date) {
        self.username = username; self.clientAddress = clientAddress; self.succeeded = succeeded; self.attemptedAt = at
    }
}
