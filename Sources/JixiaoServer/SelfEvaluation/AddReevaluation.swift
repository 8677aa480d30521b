import Fluent
import SQLKit

/// 抽查复核: a sample finance draws from a year's submitted self-evaluations (the plan, the seed and the population it
/// drew from, so anyone can draw again and get the same), and one re-evaluation per drawn form — by the bureau's staff or
/// an agency assigned to it — with the reviewer's verified figures, the score by the same rules, and 失真.
struct AddReevaluation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let pathType: DatabaseSchema.DataType = database.isPostgres ? .sql(unsafeRaw: "TEXT COLLATE \"C\"") : .string
        try await database.schema(SelfEvaluationTables.samples)
            .id()
            .field("year_id", .uuid, .required, .references(SelfEvaluationTables.years, "id"))
            .field("organization_id", .uuid, .required, .references(OrganizationModel.schema, "id"))
            .field("organization_path", pathType, .required)
            // The seed as decimal text: a UInt64 does not fit every engine's signed integer.
            .field("seed", .string, .required)
            .field("plan", .string, .required)
            .field("distortion_points", .string, .required)
            .field("population_count", .int, .required)
            .field("drawn_count", .int, .required)
            .field("created_by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "reevaluation_samples_year_idx").on(SelfEvaluationTables.samples).column("year_id").run()

        // Who could be drawn, as the draw saw them.
        try await database.schema(SelfEvaluationTables.population)
            .field("sample_id", .uuid, .required, .references(SelfEvaluationTables.samples, "id"))
            .field("evaluation_id", .uuid, .required)
            .field("stratum", .string, .required)
            .field("amount_fen", .int64, .required)
            .field("risks", .string, .required)
            .compositeIdentifier(over: "sample_id", "evaluation_id")
            .create()

        try await database.schema(SelfEvaluationTables.reevaluations)
            .field("sample_id", .uuid, .required, .references(SelfEvaluationTables.samples, "id"))
            .field("evaluation_id", .uuid, .required, .references(SelfEvaluationTables.evaluations, "id"))
            .field("position", .int, .required)
            .field("reason", .string, .required)
            // Nil: the bureau's own staff re-score; else the agency entrusted with it.
            .field("agency_id", .uuid, .references(OrganizationModel.schema, "id"))
            .field("state", .string, .required)
            .field("executed_fen", .int64)
            .field("rows", .string, .required)
            .field("comment", .string, .required)
            .field("self_total_cents", .int)
            .field("total", .string)
            .field("total_cents", .int)
            .field("grade", .string)
            .field("distorted", .bool)
            .field("scored_by", .uuid)
            .field("scored_by_name", .string)
            .field("scored_at", .datetime)
            .field("lock_version", .int, .required)
            .compositeIdentifier(over: "sample_id", "evaluation_id")
            .create()
        try await database.sql.create(index: "reevaluations_evaluation_idx").on(SelfEvaluationTables.reevaluations).column("evaluation_id").run()
        try await database.sql.create(index: "reevaluations_agency_idx").on(SelfEvaluationTables.reevaluations).column("agency_id").run()
    }

    func revert(on database: any Database) async throws {
        for table in [SelfEvaluationTables.reevaluations, SelfEvaluationTables.population, SelfEvaluationTables.samples] {
            try await database.schema(table).delete()
        }
    }
}

extension SelfEvaluationTables {
    static let samples = "reevaluation_samples"
    static let population = "reevaluation_population"
    static let reevaluations = "reevaluations"
}
