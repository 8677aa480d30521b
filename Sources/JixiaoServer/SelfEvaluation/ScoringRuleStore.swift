import Fluent
import Foundation
import SQLKit
import Vapor
import JixiaoDomain

/// 评分规则 as stored: each finance bureau's versions of its scoring rules for a fiscal year. A new version never
/// changes an older one; a self-evaluation keeps the version it was opened with and is scored by it on every save.
enum ScoringRuleStore {
    struct InForce: Sendable {
        var rules: ScoringRuleSet
        /// 0 for the policy's rules (no bureau on the path set its own for the year).
        var version: Int
        var ownerID: UUID?
    }

    /// The rules in force for `fiscalYear` at an organisation: the newest version of the nearest bureau on its path.
    static func inForce(at path: HierarchyPath, fiscalYear: Int, on db: any Database) async throws -> InForce {
        let ids = path.ids
        guard !ids.isEmpty else { return InForce(rules: .standard, version: 0, ownerID: nil) }
        struct Row: Decodable { var organization_id: UUID; var version: Int; var rules: String; var path: String }
        let rows = try await db.sql.select()
            .column(SQLColumn("organization_id", table: "rs")).column(SQLColumn("version", table: "rs")).column(SQLColumn("rules", table: "rs"))
            .column(SQLColumn("path", table: "o"))
            .from(SQLAlias(SQLIdentifier(SelfEvaluationTables.ruleSets), as: SQLIdentifier("rs")))
            .join(SQLAlias(SQLIdentifier(OrganizationModel.schema), as: SQLIdentifier("o")), on: SQLColumn("id", table: "o"), .equal, SQLColumn("organization_id", table: "rs"))
            .where(SQLColumn("organization_id", table: "rs"), .in, SQLGroupExpression(ids.map { SQLBind($0) }))
            .where(SQLColumn("fiscal_year", table: "rs"), .equal, SQLBind(fiscalYear))
            .all(decoding: Row.self)
        var newest: [HierarchyPath: Row] = [:]
        for row in rows where (newest[HierarchyPath(rawValue: row.path)]?.version ?? -1) < row.version {
            newest[HierarchyPath(rawValue: row.path)] = row
        }
        var sets: [HierarchyPath: ScoringRuleSet] = [:]
        for (owner, row) in newest { sets[owner] = try JSONDecoder().decode(ScoringRuleSet.self, from: Data(row.rules.utf8)) }
        let rules = ScoringRuleSet.inForce(at: path, among: sets)
        guard let owner = newest.filter({ $0.key.contains(path) }).max(by: { $0.key.depth < $1.key.depth }) else {
            return InForce(rules: rules, version: 0, ownerID: nil)
        }
        return InForce(rules: rules, version: owner.value.version, ownerID: owner.value.organization_id)
    }

    /// Saves a new version of a finance bureau's scoring rules for a year. Only the bureau's performance division keeps
    /// them. Self-evaluations already opened keep theirs.
    @discardableResult
    static func save(_ rules: ScoringRuleSet, fiscalYear: Int, for bureau: OrganizationModel, by caller: Caller, on db: any Database) async throws -> Int {
        let user = try caller.person()
        try caller.authorize(.runEvaluation, bureau.accessTarget)
        guard bureau.organizationKind == .financeBureau, user.roles.contains(.performanceOfficer) else { throw AppError.forbidden() }
        let problems = rules.check()
        if !problems.isEmpty { throw FormErrors(errors: problems.map(\.appError)) }
        let json = try encoded(rules)
        return try await db.transaction { db in
            struct Max: Decodable { var version: Int? }
            let current = try await db.sql.select().column(SQLFunction("MAX", args: SQLIdentifier("version")), as: "version")
                .from(SelfEvaluationTables.ruleSets).where("organization_id", .equal, SQLBind(bureau.id!))
                .where("fiscal_year", .equal, SQLBind(fiscalYear)).first(decoding: Max.self)?.version ?? 0
            // A version with the values of the bureau's newest one would change nothing but the number.
            if current > 0, let newest = try await db.sql.select().column("rules").from(SelfEvaluationTables.ruleSets)
                .where("organization_id", .equal, SQLBind(bureau.id!)).where("fiscal_year", .equal, SQLBind(fiscalYear))
                .where("version", .equal, SQLBind(current)).first(decoding: RulesText.self), newest.rules == json {
                throw AppError(.unprocessableEntity, "scoring_rules_unchanged", Message(.errorScoringUnchanged))
            }
            let version = current + 1
            try await db.sql.insert(into: SelfEvaluationTables.ruleSets)
                .columns("id", "organization_id", "fiscal_year", "version", "rules", "created_by_name", "created_at")
                .values(SQLBind(caller.effects.uuid()), SQLBind(bureau.id!), SQLBind(fiscalYear), SQLBind(version), SQLBind(json),
                        SQLBind(user.displayName), SQLBind(caller.now))
                .run()
            try await AuditTrail.record("self_evaluation.rules_saved", entityType: "organization", entityID: bureau.id!.uuidString.lowercased(),
                                        summary: "year=\(fiscalYear) version=\(version) rules=\(json)", context: caller.audit, on: db)
            return version
        }
    }

    private struct RulesText: Decodable { var rules: String }

    /// Sorted keys, so the stored text of equal rules is equal.
    static func encoded(_ rules: ScoringRuleSet) throws -> String {
        String(decoding: try MonitoringRuleStore.encoder.encode(rules), as: UTF8.self)
    }
}

extension ScoringRuleSet.Problem {
    var appError: AppError {
        switch self {
        case .budgetWeightOutOfRange: .invalid("budgetWeight", Message(.errorScoringBudgetWeight))
        case .overAchievementNotAboveTarget: .invalid("overAchievementPercent", Message(.errorScoringOverAchievement))
        case .lateShareOutOfRange: .invalid("lateSharePercent", Message(.errorScoringLateShare))
        case .lateGraceOutOfRange: .invalid("lateGraceMonths", Message(.errorScoringLateGrace))
        }
    }
}
