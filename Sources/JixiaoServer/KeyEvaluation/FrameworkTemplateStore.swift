import Fluent
import Foundation
import SQLKit
import Vapor
import JixiaoDomain

/// 评价指标体系模板 as stored: a finance bureau keeps its own version of each framework per fiscal year; an evaluation
/// copies the one in force when it starts — the newest version of the nearest bureau on the running organisation's
/// path, else the national reference framework. A new version never changes an evaluation already started.
enum FrameworkTemplateStore {
    static let table = "key_evaluation_templates"

    struct InForce: Sendable {
        var indicators: [FrameworkIndicator]
        /// Nil for the national reference framework.
        var owner: OrganizationModel?
        var version: Int

        var source: String { owner.map { "\($0.code) v\(version)" } ?? "standard" }
    }

    private struct Stored: Codable { var level1, level2, level3, weight, criteria: String }

    static func inForce(_ kind: FrameworkKind, fiscalYear: Int, at path: HierarchyPath, on db: any Database) async throws -> InForce {
        let ids = path.ids
        struct Row: Decodable { var organization_id: UUID; var version: Int; var indicators: String }
        let rows = ids.isEmpty ? [] : try await db.sql.select().columns("organization_id", "version", "indicators").from(table)
            .where("organization_id", .in, SQLGroupExpression(ids.map { SQLBind($0) })).where("fiscal_year", .equal, SQLBind(fiscalYear))
            .where("kind", .equal, SQLBind(kind.rawValue)).all(decoding: Row.self)
        // The nearest bureau on the path (the deepest), its newest version.
        for id in ids.reversed() {
            guard let row = rows.filter({ $0.organization_id == id }).max(by: { $0.version < $1.version }) else { continue }
            let stored = try JSONDecoder().decode([Stored].self, from: Data(row.indicators.utf8))
            return InForce(indicators: stored.map { FrameworkIndicator($0.level1, $0.level2, $0.level3, weight: Decimal(string: $0.weight) ?? 0, criteria: $0.criteria) },
                           owner: try await OrganizationModel.find(id, on: db), version: row.version)
        }
        return InForce(indicators: FrameworkTemplates.standard(kind), owner: nil, version: 0)
    }

    /// Saves a new version of the bureau's template; it must pass the framework checks. Only a finance bureau's
    /// performance office keeps templates.
    @discardableResult
    static func save(_ indicators: [FrameworkIndicator], kind: FrameworkKind, fiscalYear: Int, by caller: Caller, on db: any Database) async throws -> Int {
        let user = try caller.person()
        guard let bureau = try await OrganizationModel.find(user.organizationID, on: db), bureau.organizationKind == .financeBureau,
              user.roles.contains(.performanceOfficer) else { throw AppError(.forbidden, "not_a_bureau", Message(.errorTemplateBureau)) }
        try caller.authorize(.runKeyEvaluation, bureau.accessTarget)
        var errors: [AppError] = []
        for (index, row) in indicators.enumerated() {
            for (name, text) in [("level1", row.level1), ("level2", row.level2), ("level3", row.level3)] {
                if let problem = AppError.text(text, field: "f[\(index)].\(name)", maximum: InputLimits.shortText) { errors.append(problem) }
            }
            if let problem = AppError.text(row.criteria, field: "f[\(index)].criteria", maximum: InputLimits.longText, multiLine: true) { errors.append(problem) }
        }
        errors += EvaluationFramework.problems(indicators, kind: kind).map { $0.appError(kind: kind) }
        guard errors.isEmpty else { throw FormErrors(errors: errors) }
        let json = try KeyEvaluationModel.json(indicators.map { Stored(level1: $0.level1, level2: $0.level2, level3: $0.level3, weight: $0.weight.storedText, criteria: $0.criteria) })
        return try await db.transaction { db in
            struct Max: Decodable { var version: Int? }
            let current = try await db.sql.select().column(SQLFunction("MAX", args: SQLIdentifier("version")), as: "version").from(table)
                .where("organization_id", .equal, SQLBind(bureau.id!)).where("fiscal_year", .equal, SQLBind(fiscalYear))
                .where("kind", .equal, SQLBind(kind.rawValue)).first(decoding: Max.self)?.version ?? 0
            try await db.sql.insert(into: table).columns("id", "organization_id", "fiscal_year", "kind", "version", "indicators", "created_by_name", "created_at")
                .values(SQLBind(caller.effects.uuid()), SQLBind(bureau.id!), SQLBind(fiscalYear), SQLBind(kind.rawValue), SQLBind(current + 1), SQLBind(json),
                        SQLBind(user.displayName), SQLBind(caller.now))
                .run()
            try await AuditTrail.record("key_evaluation.template_saved", entityType: "organization", entityID: bureau.id!.uuidString.lowercased(),
                                        summary: "year=\(fiscalYear) kind=\(kind.rawValue) version=\(current + 1) rows=\(indicators.count)", context: caller.audit, on: db)
            return current + 1
        }
    }
}
