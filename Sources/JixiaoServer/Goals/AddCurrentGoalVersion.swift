import Fluent
import SQLKit

/// Keeps each budget object's newest goal version and its state on the object itself.
///
/// A finance bureau's review queue asks "which objects under this city wait in these states"; with the state only on
/// `goal_versions`, both engines had to find every object's newest version first (a correlated MAX per object, ≈190 ms
/// for a city of 13,000 projects on PostgreSQL). With the state beside the organisation and year, one index
/// (organization_id, fiscal_year, current_state) answers it and only the rows shown are joined to their version.
struct AddCurrentGoalVersion: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // Added as nullable columns (SQLite cannot add a NOT NULL column without a default), then filled in.
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        try await database.schema(BudgetObjectModel.schema).field("current_version_id", .uuid).update()
        try await database.schema(BudgetObjectModel.schema).field("current_state", .string).update()
        try await database.sql.raw("""
            UPDATE budget_objects SET
              current_version_id = (SELECT v.id FROM goal_versions v WHERE v.budget_object_id = budget_objects.id ORDER BY v.version_number DESC LIMIT 1),
              current_state = (SELECT v.state FROM goal_versions v WHERE v.budget_object_id = budget_objects.id ORDER BY v.version_number DESC LIMIT 1)
            """).run()
        try await database.sql.drop(index: "budget_objects_org_year_idx").run()
        try await database.sql.create(index: "budget_objects_queue_idx").on(BudgetObjectModel.schema)
            .column("organization_id").column("fiscal_year").column("current_state").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "budget_objects_queue_idx").run()
        try await database.sql.create(index: "budget_objects_org_year_idx").on(BudgetObjectModel.schema)
            .column("organization_id").column("fiscal_year").run()
        try await database.schema(BudgetObjectModel.schema).deleteField("current_state").update()
        try await database.schema(BudgetObjectModel.schema).deleteField("current_version_id").update()
    }
}
