import Fluent
import SQLKit

/// 评价指标体系模板: a finance bureau's own frameworks per fiscal year and kind, in versions (inherited below it, like the
/// indicator library), and which template an evaluation was copied from.
struct AddKeyEvaluationTemplates: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FrameworkTemplateStore.table)
            .id()
            .field("organization_id", .uuid, .required, .references(OrganizationModel.schema, "id"))
            .field("fiscal_year", .int, .required)
            .field("kind", .string, .required)
            .field("version", .int, .required)
            .field("indicators", .string, .required)
            .field("created_by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "organization_id", "fiscal_year", "kind", "version")
            .create()
        // "standard" or "<bureau code> v<version>": read on the evaluation's page, never used to compute anything.
        try await database.schema(KeyEvaluationModel.schema).field("template_source", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(KeyEvaluationModel.schema).deleteField("template_source").update()
        try await database.schema(FrameworkTemplateStore.table).delete()
    }
}
