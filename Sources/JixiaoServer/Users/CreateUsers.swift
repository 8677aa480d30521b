import Fluent
import SQLKit

struct CreateUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserModel.schema)
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("organization_id", .uuid, .required, .references(OrganizationModel.schema, "id"))
            .field("password_hash", .string, .required)
            .field("locale", .string)
            .field("is_active", .bool, .required)
            .field("must_change_password", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "username")
            .create()
        try await database.sql.create(index: "users_organization_idx").on(UserModel.schema).column("organization_id").run()
        try await database.schema(UserRoleModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("role", .string, .required)
            .unique(on: "user_id", "role")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserRoleModel.schema).delete()
        try await database.schema(UserModel.schema).delete()
    }
}
