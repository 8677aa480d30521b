import Fluent
import Foundation
import SQLKit
import Vapor
import JixiaoDomain

/// 监控规则 as stored: each finance bureau's versions of its rule set. A new version never changes an older one, and a
/// round copies the version it opened with.
enum MonitoringRuleStore {
    struct InForce: Sendable {
        var rules: MonitoringRuleSet
        /// 0 for the standard rules (no bureau on the path keeps its own).
        var version: Int
        var ownerID: UUID?
    }

    /// The rules in force at an organisation: the newest version of the nearest bureau on its path that keeps its own.
    static func inForce(at path: HierarchyPath, on db: any Database) async throws -> InForce {
        let ids = path.ids
        guard !ids.isEmpty else { return InForce(rules: .standard, version: 0, ownerID: nil) }
        struct Row: Decodable { var organization_id: UUID; var version: Int; var rules: String; var path: String }
        let rows = try await db.sql.select()
            .column(SQLColumn("organization_id", table: "rs")).column(SQLColumn("version", table: "rs")).column(SQLColumn("rules", table: "rs"))
            .column(SQLColumn("path", table: "o"))
            .from(SQLAlias(SQLIdentifier(MonitoringTables.ruleSets), as: SQLIdentifier("rs")))
            .join(SQLAlias(SQLIdentifier(OrganizationModel.schema), as: SQLIdentifier("o")), on: SQLColumn("id", table: "o"), .equal, SQLColumn("organization_id", table: "rs"))
            .where(SQLColumn("organization_id", table: "rs"), .in, SQLGroupExpression(ids.map { SQLBind($0) }))
            .all(decoding: Row.self)
        var newest: [HierarchyPath: Row] = [:]
        for row in rows where (newest[HierarchyPath(rawValue: row.path)]?.version ?? -1) < row.version {
            newest[HierarchyPath(rawValue: row.path)] = row
        }
        var sets: [HierarchyPath: MonitoringRuleSet] = [:]
        for (owner, row) in newest {
            sets[owner] = try JSONDecoder().decode(MonitoringRuleSet.self, from: Data(row.rules.utf8))
        }
        let rules = MonitoringRuleSet.inForce(at: path, among: sets)
        guard let owner = newest.filter({ $0.key.contains(path) }).max(by: { $0.key.depth < $1.key.depth }) else {
            return InForce(rules: rules, version: 0, ownerID: nil)
        }
        return InForce(rules: rules, version: owner.value.version, ownerID: owner.value.organization_id)
    }

    /// Saves a new version of a finance bureau's rules. Only the bureau's performance division keeps them.
    @discardableResult
    static func save(_ rules: MonitoringRuleSet, for bureau: OrganizationModel, by caller: Caller, on db: any Database) async throws -> Int {
        let user = try caller.person()
        try caller.authorize(.runMonitoring, bureau.accessTarget)
        guard bureau.organizationKind == .financeBureau, user.roles.contains(.performanceOfficer) else { throw AppError.forbidden() }
        let problems = rules.check()
        if !problems.isEmpty { throw FormErrors(errors: problems.map(\.appError)) }
        let json = String(decoding: try encoder.encode(rules), as: UTF8.self)
        return try await db.transaction { db in
            struct Max: Decodable { var version: Int? }
            let current = try await db.sql.select().column(SQLFunction("MAX", args: SQLIdentifier("version")), as: "version")
                .from(MonitoringTables.ruleSets).where("organization_id", .equal, SQLBind(bureau.id!)).first(decoding: Max.self)?.version ?? 0
            let version = current + 1
            try await db.sql.insert(into: MonitoringTables.ruleSets)
                .columns("id", "organization_id", "version", "rules", "created_by_name", "created_at")
                .values(SQLBind(caller.effects.uuid()), SQLBind(bureau.id!), SQLBind(version), SQLBind(json), SQLBind(user.displayName), SQLBind(caller.now))
                .run()
            try await AuditTrail.record("monitoring.rules_saved", entityType: "organization", entityID: bureau.id!.uuidString.lowercased(),
                                        summary: "version=\(version) rules=\(json)", context: caller.audit, on: db)
            return version
        }
    }

    /// Sorted keys, so the stored text of equal rules is equal.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}

extension MonitoringRuleSet.Problem {
    var appError: AppError {
        switch self {
        case .fundThresholds: .invalid("fundRedBelow", Message(.errorRuleSetFund))
        case .positiveThreshold: .invalid("positiveRedBelow", Message(.errorRuleSetThreshold))
        case .reverseThreshold: .invalid("reverseRedAbove", Message(.errorRuleSetThreshold))
        case .exactThreshold: .invalid("exactRedBelow", Message(.errorRuleSetThreshold))
        case .negativeGrace: .invalid("deadlineGraceDays", Message(.errorRuleSetGrace))
        case .greenLevel(let rule): .invalid(rule == .notReported ? "notReportedLevel" : "possibleLevel", Message(.errorRuleSetGreen))
        case .noCauses, .duplicateCause: .invalid("deviationCauses", Message(.errorRuleSetCauses))
        }
    }
}
