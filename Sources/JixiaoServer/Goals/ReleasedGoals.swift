import Fluent
import Foundation
import SQLKit
import JixiaoDomain

/// The goals in force of a fiscal year: what monitoring rounds and the self-evaluation of a year are made of. A budget
/// object counts once its goal was released (批复); its released version is the one in force, also while an adjustment
/// is drafted.
enum ReleasedGoals {
    /// A released object with its goal in force and the organisation that owns it.
    struct Object: Decodable, Sendable {
        var object_id: UUID
        var object_kind: String
        var object_code: String
        var object_name: String
        var version_id: UUID
        var annual_goal: String
        var owner_id: UUID
        var owner_path: String
        var owner_kind: String
        var approved_fen: Int64?
        var requested_fen: Int64
    }

    /// A regional goal of a released transfer payment and the bureau that receives it.
    struct Region: Decodable, Sendable {
        var id: UUID
        var version_id: UUID
        var region_id: UUID
        var recipient_id: UUID
        var recipient_path: String
        var recipient_kind: String
        var allocated_fen: Int64
        var annual_goal: String
    }

    /// The select of objects of `fiscalYear` owned inside `area` with a released goal (tables `bo`, `o` for the owner,
    /// `v` for the version); callers narrow it further and order it.
    static func objects(fiscalYear: Int, under area: HierarchyPath, on db: any Database) -> SQLSelectBuilder {
        let range = area.subtreeRange
        return db.sql.select()
            .column(SQLColumn("id", table: "bo"), as: "object_id").column(SQLColumn("kind", table: "bo"), as: "object_kind")
            .column(SQLColumn("code", table: "bo"), as: "object_code").column(SQLColumn("name", table: "bo"), as: "object_name")
            .column(SQLColumn("id", table: "v"), as: "version_id").column(SQLColumn("annual_goal", table: "v"))
            .column(SQLColumn("id", table: "o"), as: "owner_id")
            .column(SQLColumn("path", table: "o"), as: "owner_path").column(SQLColumn("kind", table: "o"), as: "owner_kind")
            .column(SQLColumn("approved_fen", table: "bo")).column(SQLColumn("requested_fen", table: "bo"))
            .from(SQLAlias(SQLIdentifier(BudgetObjectModel.schema), as: SQLIdentifier("bo")))
            .join(SQLAlias(SQLIdentifier(OrganizationModel.schema), as: SQLIdentifier("o")), on: SQLColumn("id", table: "o"), .equal, SQLColumn("organization_id", table: "bo"))
            .join(SQLAlias(SQLIdentifier(GoalVersionModel.schema), as: SQLIdentifier("v")),
                  on: SQLBinaryExpression(SQLBinaryExpression(SQLColumn("budget_object_id", table: "v"), .equal, SQLColumn("id", table: "bo")), .and,
                                          SQLBinaryExpression(SQLColumn("state", table: "v"), .equal, SQLBind(GoalState.released.rawValue))))
            .where(SQLColumn("fiscal_year", table: "bo"), .equal, SQLBind(fiscalYear))
            .where(SQLColumn("path", table: "o"), .greaterThanOrEqual, SQLBind(range.lower))
            .where(SQLColumn("path", table: "o"), .lessThan, SQLBind(range.upper))
    }

    /// The regional goals of the given versions, in their order on the form.
    static func regions(versions: [UUID], on db: any Database) async throws -> [Region] {
        var found: [Region] = []
        for chunk in stride(from: 0, to: versions.count, by: 500).map({ Array(versions[$0..<min($0 + 500, versions.count)]) }) {
            found += try await db.sql.select()
                .column(SQLColumn("id", table: "r")).column(SQLColumn("version_id", table: "r")).column(SQLColumn("region_id", table: "r"))
                .column(SQLColumn("id", table: "o"), as: "recipient_id").column(SQLColumn("path", table: "o"), as: "recipient_path")
                .column(SQLColumn("kind", table: "o"), as: "recipient_kind").column(SQLColumn("allocated_fen", table: "r"))
                .column(SQLColumn("annual_goal", table: "r"))
                .from(SQLAlias(SQLIdentifier(GoalRegionModel.schema), as: SQLIdentifier("r")))
                .join(SQLAlias(SQLIdentifier(OrganizationModel.schema), as: SQLIdentifier("o")), on: SQLColumn("id", table: "o"), .equal,
                      SQLColumn("recipient_organization_id", table: "r"))
                .where(SQLColumn("version_id", table: "r"), .in, SQLGroupExpression(chunk.map { SQLBind($0) }))
                .orderBy(SQLColumn("position", table: "r"))
                .all(decoding: Region.self)
        }
        return found
    }
}
