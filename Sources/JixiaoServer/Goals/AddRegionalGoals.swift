import Fluent
import SQLKit

/// Regional goals of transfer payments: a table per region and a column tying indicator rows to their region.
struct AddRegionalGoals: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(GoalRegionModel.schema)
            .id()
            .field("version_id", .uuid, .required, .references(GoalVersionModel.schema, "id"))
            .field("region_id", .uuid, .required)
            .field("position", .int, .required)
            .field("recipient_code", .string, .required)
            .field("recipient_organization_id", .uuid, .references(OrganizationModel.schema, "id"))
            .field("allocated_fen", .int64, .required)
            .field("annual_goal", .string, .required)
            .create()
        try await database.sql.create(index: "goal_regions_version_idx").on(GoalRegionModel.schema).column("version_id").column("position").run()
        try await database.sql.create(index: "goal_regions_recipient_idx").on(GoalRegionModel.schema).column("recipient_organization_id").run()
        // No foreign key: SQLite adds a referencing column only without one; rows are written with their region.
        try await database.schema(GoalIndicatorModel.schema).field("region_row_id", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(GoalIndicatorModel.schema).deleteField("region_row_id").update()
        try await database.schema(GoalRegionModel.schema).delete()
    }
}
