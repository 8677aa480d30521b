import Fluent
import SQLKit

/// The year's overview of a city reads its ≈13,000 forms three ways (tiles by state and grade, the count, the first
/// page by object code). With every column those reads filter, group and order by in one index beside the year and
/// the assignee's path, each is a scan of that index alone; the page then fetches only its own fifty forms.
struct AddSelfEvaluationOverviewIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.create(index: "self_evaluations_overview_idx").on(SelfEvaluationTables.evaluations)
            .column("year_id").column("assignee_path").column("state").column("grade").column("finding_count").column("total_cents")
            .column("object_code").column("is_summary").column("assignee_id").column("id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "self_evaluations_overview_idx").run()
    }
}
