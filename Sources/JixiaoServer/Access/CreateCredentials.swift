import Fluent
import SQLKit

struct CreateCredentials: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SessionModel.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("client_address", .string, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema(APITokenModel.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .field("last_used_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema(SignInAttemptModel.schema)
            .id()
            .field("username", .string, .required)
            .field("client_address", .string, .required)
            .field("succeeded", .bool, .required)
            .field("attempted_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "sign_in_attempts_username_idx").on(SignInAttemptModel.schema)
            .column("username").column("attempted_at").run()
        try await database.sql.create(index: "sign_in_attempts_address_idx").on(SignInAttemptModel.schema)
            .column("client_address").column("attempted_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SignInAttemptModel.schema).delete()
        try await database.schema(APITokenModel.schema).delete()
        try await database.schema(SessionModel.schema).delete()
    }
}
