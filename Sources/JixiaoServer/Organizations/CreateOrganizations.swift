import Fluent
import SQLKit

struct CreateOrganizations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // Paths are compared byte by byte for subtree range scans, so PostgreSQL needs the C collation.
        let pathType: DatabaseSchema.DataType = database.isPostgres ? .sql(unsafeRaw: "TEXT COLLATE \"C\"") : .string
        try await database.schema(OrganizationModel.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("level", .int)
            .field("parent_id", .uuid, .references(OrganizationModel.schema, "id"))
            .field("path", pathType, .required)
            .field("depth", .int, .required)
            .field("is_active", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "code")
            .unique(on: "path")
            .create()
        try await database.sql.create(index: "organizations_parent_idx").on(OrganizationModel.schema).column("parent_id").run()
        try await database.sql.create(index: "organizations_name_idx").on(OrganizationModel.schema).column("name").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrganizationModel.schema).delete()
    }
}
