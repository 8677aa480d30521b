import Fluent
import SQLKit

/// Replaces the packed text copies of `AddSelfEvaluationPackedRows` with compact ones: each form's rows parsed once
/// into `CompactRowCoding`'s bytes (a few hundred per form instead of a few thousand characters to split and parse
/// again), which the year's check scores without the general way (`CompactScoring`). The rows' version and its
/// triggers stay as they were: a copy counts only while it carries the version of the rows it was made from.
struct AddSelfEvaluationCompactRows: AsyncMigration {
    static let table = "self_evaluation_compact_rows"

    func prepare(on database: any Database) async throws {
        try await database.schema(AddSelfEvaluationPackedRows.table).delete()
        try await database.schema(Self.table)
            .field("evaluation_id", .uuid, .required, .references(SelfEvaluationTables.evaluations, "id", onDelete: .cascade))
            .field("rows_version", .int, .required)
            .field("rows", .data, .required)
            .compositeIdentifier(over: "evaluation_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Self.table).delete()
        // The text copies come back empty: the next check packs them again.
        try await database.schema(AddSelfEvaluationPackedRows.table)
            .field("evaluation_id", .uuid, .required, .references(SelfEvaluationTables.evaluations, "id", onDelete: .cascade))
            .field("rows_version", .int, .required)
            .field("rows", .string, .required)
            .compositeIdentifier(over: "evaluation_id")
            .create()
    }
}
