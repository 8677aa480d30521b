import Fluent
import Foundation
import JixiaoDomain

/// 指标库 — an indicator kept by a finance bureau for everything below it to pick from.
final class LibraryEntryModel: Model, @unchecked Sendable {
    static let schema = "indicator_library"

    @ID(key: .id) var id: UUID?
    @Parent(key: "owner_organization_id") var owner: OrganizationModel
    /// 支出功能分类 prefix the entry belongs to ("205" education, "210" health …).
    @Field(key: "sector") var sector: String
    @Field(key: "category") var category: String
    @Field(key: "subcategory") var subcategory: String
    @Field(key: "name") var name: String
    @Field(key: "unit") var unit: String
    @Field(key: "operator") var targetOperator: String
    @Field(key: "definition") var definition: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var indicatorSubcategory: IndicatorSubcategory { IndicatorSubcategory(rawValue: subcategory) ?? .quantity }
}

struct CreateIndicatorLibrary: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LibraryEntryModel.schema)
            .id()
            .field("owner_organization_id", .uuid, .required, .references(OrganizationModel.schema, "id"))
            .field("sector", .string, .required)
            .field("category", .string, .required)
            .field("subcategory", .string, .required)
            .field("name", .string, .required)
            .field("unit", .string, .required)
            .field("operator", .string, .required)
            .field("definition", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "owner_organization_id", "name", "subcategory")
            .create()
        try await database.sql.create(index: "goal_indicators_library_idx").on(GoalIndicatorModel.schema).column("library_entry_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LibraryEntryModel.schema).delete()
    }
}
