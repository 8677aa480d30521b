import Fluent
import SQLKit

/// 智库: a finance bureau's libraries of experts, agencies and supervisors, their status histories and declared
/// relations, the calls for applications, the draws into key-evaluation teams with every engagement, the ratings after
/// them, and the quality reviews of agencies' reports with the published notices.
struct CreateThinkTanks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let pathType: DatabaseSchema.DataType = database.isPostgres ? .sql(unsafeRaw: "TEXT COLLATE \"C\"") : .string
        try await database.schema(ThinkTankTables.experts)
            .id()
            // The library it is in: a finance bureau's (its performance office manages it).
            .field("bureau_id", .uuid, .required, .references(OrganizationModel.schema, "id"))
            .field("bureau_path", pathType, .required)
            .field("name", .string, .required)
            // Personal data (shown only to the library's managers).
            .field("id_number", .string, .required)
            .field("phone", .string, .required)
            .field("email", .string, .required)
            .field("title", .string, .required)
            .field("employer_name", .string, .required)
            // The employer when it is an organisation of the system (the conflict rules need it).
            .field("employer_id", .uuid, .references(OrganizationModel.schema, "id"))
            // The area the expert serves: a finance bureau at or below the library's.
            .field("region_id", .uuid, .required, .references(OrganizationModel.schema, "id"))
            // Field codes as ",205,finance," so one LIKE finds a field.
            .field("fields", .string, .required)
            .field("profile", .string, .required)
            .field("status", .string, .required)
            .field("source", .string, .required)
            .field("user_id", .uuid, .references(UserModel.schema, "id"))
            .field("lock_version", .int, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "bureau_id", "id_number")
            .create()
        try await database.sql.create(index: "think_tank_experts_bureau_idx").on(ThinkTankTables.experts).column("bureau_path").column("status").run()

        try await database.schema(ThinkTankTables.agencies)
            .id()
            .field("bureau_id", .uuid, .required, .references(OrganizationModel.schema, "id"))
            .field("bureau_path", pathType, .required)
            .field("name", .string, .required)
            .field("agency_type", .string, .required)
            .field("credit_code", .string, .required)
            .field("qualification", .string, .required)
            // Levels it is admitted at, as ",province,city,".
            .field("levels", .string, .required)
            .field("contact_name", .string, .required)
            .field("phone", .string, .required)
            // The agency organisation whose users are its staff (linked on admission).
            .field("organization_id", .uuid, .references(OrganizationModel.schema, "id"))
            .field("status", .string, .required)
            .field("source", .string, .required)
            .field("lock_version", .int, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "bureau_id", "credit_code")
            // One library record per agency organisation (several unlinked candidates may wait).
            .unique(on: "bureau_id", "organization_id")
            .create()

        try await database.schema(ThinkTankTables.supervisors)
            .id()
            .field("bureau_id", .uuid, .required, .references(OrganizationModel.schema, "id"))
            .field("bureau_path", pathType, .required)
            .field("name", .string, .required)
            .field("category", .string, .required)
            .field("employer_name", .string, .required)
            // The account with the supervisor role that reads the level.
            .field("user_id", .uuid, .references(UserModel.schema, "id"))
            .field("active", .bool, .required)
            .field("created_at", .datetime, .required)
            .create()

        try await database.schema(ThinkTankTables.statusChanges)
            .id()
            .field("member_kind", .string, .required)
            .field("member_id", .uuid, .required)
            .field("move", .string, .required)
            .field("from_status", .string)
            .field("to_status", .string, .required)
            .field("reason", .string, .required)
            // Confirms a dynamic-management proposal (the rule's words are in the reason).
            .field("by_rule", .bool, .required)
            .field("actor_user_id", .uuid)
            .field("actor_name", .string, .required)
            .field("occurred_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "think_tank_status_changes_member_idx").on(ThinkTankTables.statusChanges).column("member_id").run()

        try await database.schema(ThinkTankTables.relations)
            .id()
            .field("member_kind", .string, .required)
            .field("member_id", .uuid, .required)
            .field("organization_id", .uuid, .required, .references(OrganizationModel.schema, "id"))
            // "relation" (任职、亲属、利益关系) or "paid_work" (有偿服务, with its year)
            .field("kind", .string, .required)
            .field("year", .int)
            .field("note", .string, .required)
            .create()
        try await database.sql.create(index: "think_tank_relations_member_idx").on(ThinkTankTables.relations).column("member_id").run()

        try await database.schema(ThinkTankTables.calls)
            .id()
            .field("bureau_id", .uuid, .required, .references(OrganizationModel.schema, "id"))
            .field("member_kind", .string, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("closes_on", .string, .required)
            .field("key", .string, .required)
            .field("created_by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "key")
            .create()

        // Applications through a call's public form, by a salted hash of the sender's address: how many one address sent.
        try await database.schema(ThinkTankTables.applications)
            .id()
            .field("call_id", .uuid, .required, .references(ThinkTankTables.calls, "id"))
            .field("address_hash", .string, .required)
            .field("submitted_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "think_tank_applications_call_idx").on(ThinkTankTables.applications).column("call_id").column("address_hash").run()

        try await database.schema(ThinkTankTables.draws)
            .id()
            .field("evaluation_id", .uuid, .required, .references(KeyEvaluationModel.schema, "id"))
            // The seed as decimal text (a UInt64 does not fit every engine's signed integer).
            .field("seed", .string, .required)
            .field("request", .string, .required)
            // Every candidate considered, with its fields and conflicts: what a replay draws from.
            .field("candidates", .string, .required)
            .field("outcome", .string, .required)
            .field("requested_by", .uuid, .required)
            .field("requested_by_name", .string, .required)
            .field("occurred_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "think_tank_draws_evaluation_idx").on(ThinkTankTables.draws).column("evaluation_id").run()

        try await database.schema(ThinkTankTables.engagements)
            .id()
            .field("evaluation_id", .uuid, .required, .references(KeyEvaluationModel.schema, "id"))
            .field("member_kind", .string, .required)
            .field("member_id", .uuid, .required)
            .field("department_id", .uuid)
            .field("fiscal_year", .int, .required)
            // "drawn" or "manual" (with the reason), "replaced" once someone took its place
            .field("source", .string, .required)
            .field("draw_id", .uuid)
            .field("reason", .string, .required)
            .field("replaced_by", .uuid)
            .field("created_by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "evaluation_id", "member_kind", "member_id")
            .create()
        try await database.sql.create(index: "think_tank_engagements_member_idx").on(ThinkTankTables.engagements).column("member_id").run()

        try await database.schema(ThinkTankTables.ratings)
            .id()
            .field("engagement_id", .uuid, .required, .references(ThinkTankTables.engagements, "id"))
            .field("member_id", .uuid, .required)
            .field("attitude", .int, .required)
            .field("ability", .int, .required)
            .field("integrity", .int, .required)
            .field("comment", .string, .required)
            .field("rated_by", .uuid, .required)
            .field("rated_by_name", .string, .required)
            .field("rated_at", .datetime, .required)
            .unique(on: "engagement_id")
            .create()
        try await database.sql.create(index: "think_tank_ratings_member_idx").on(ThinkTankTables.ratings).column("member_id").run()

        try await database.schema(ThinkTankTables.reviews)
            .id()
            .field("evaluation_id", .uuid, .required, .references(KeyEvaluationModel.schema, "id"))
            .field("agency_id", .uuid, .required)
            .field("bureau_id", .uuid, .required, .references(OrganizationModel.schema, "id"))
            .field("fiscal_year", .int, .required)
            .field("entries", .string, .required)
            .field("total", .int, .required)
            .field("reviewed_by", .uuid, .required)
            .field("reviewed_by_name", .string, .required)
            .field("reviewed_at", .datetime, .required)
            .unique(on: "evaluation_id")
            .create()

        try await database.schema(ThinkTankTables.notices)
            .id()
            .field("bureau_id", .uuid, .required, .references(OrganizationModel.schema, "id"))
            .field("fiscal_year", .int, .required)
            // The published lines as JSON: a notice does not change after it is published.
            .field("lines", .string, .required)
            .field("published_by_name", .string, .required)
            .field("published_at", .datetime, .required)
            .unique(on: "bureau_id", "fiscal_year")
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in [ThinkTankTables.notices, ThinkTankTables.reviews, ThinkTankTables.ratings, ThinkTankTables.engagements, ThinkTankTables.draws,
                      ThinkTankTables.applications, ThinkTankTables.calls, ThinkTankTables.relations, ThinkTankTables.statusChanges, ThinkTankTables.supervisors,
                      ThinkTankTables.agencies, ThinkTankTables.experts] {
            try await database.schema(table).delete()
        }
    }
}

enum ThinkTankTables {
    static let experts = "think_tank_experts"
    static let agencies = "think_tank_agencies"
    static let supervisors = "think_tank_supervisors"
    static let statusChanges = "think_tank_status_changes"
    static let relations = "think_tank_relations"
    static let calls = "think_tank_calls"
    static let applications = "think_tank_applications"
    static let draws = "think_tank_draws"
    static let engagements = "think_tank_engagements"
    static let ratings = "think_tank_ratings"
    static let reviews = "think_tank_quality_reviews"
    static let notices = "think_tank_quality_notices"
}
