import Fluent
import Foundation
import SQLKit
import JixiaoDomain

/// The SQL of key evaluations: the year's released objects of an area with the facts the selection rules read, the
/// coverage they reach, and the evaluations a person may list.
enum KeyEvaluationQueries {
    /// A released object of the year with what the selection rules need and where it sits.
    struct Candidate: Sendable {
        var objectID: UUID
        var kind: BudgetObjectKind
        var code: String
        var name: String
        var ownerName: String
        var amount: Money
        var department: UUID?
        var departmentName: String?
        var region: UUID
        var regionName: String
        var reasons: [SelectionReason]
        /// The key evaluation of the year that already covers it, if any.
        var evaluationID: UUID?
    }

    private struct ObjectRow: Decodable {
        var object_id: UUID, object_kind: String, object_code: String, object_name: String, owner_id: UUID, owner_path: String
        var approved_fen: Int64?, requested_fen: Int64
        var start_year: Int, category: String, functional_classification: String, is_key_project: Bool
    }

    private struct OrganizationRow: Decodable { var id: UUID, name: String, kind: String }

    /// Every released object of `fiscalYear` owned inside `area`, with the rules each meets, in code order.
    static func candidates(fiscalYear: Int, area: HierarchyPath, rules: SelectionRules, on db: any Database) async throws -> [Candidate] {
        let objects = try await ReleasedGoals.objects(fiscalYear: fiscalYear, under: area, on: db)
            .column(SQLColumn("start_year", table: "bo")).column(SQLColumn("category", table: "bo"))
            .column(SQLColumn("functional_classification", table: "bo")).column(SQLColumn("is_key_project", table: "bo"))
            .orderBy(SQLColumn("code", table: "bo"))
            .all(decoding: ObjectRow.self)
        guard !objects.isEmpty else { return [] }
        // The owners' ancestors name each object's department and region.
        let ancestorIDs = Set(objects.flatMap { HierarchyPath(rawValue: $0.owner_path).ids })
        var organizations: [UUID: OrganizationRow] = [:]
        for chunk in Array(ancestorIDs).chunked(into: 500) {
            for row in try await db.sql.select().columns("id", "name", "kind").from(OrganizationModel.schema)
                .where("id", .in, SQLGroupExpression(Array(chunk).map { SQLBind($0) })).all(decoding: OrganizationRow.self) {
                organizations[row.id] = row
            }
        }
        let ids = objects.map(\.object_id)
        let lastEvaluated = try await lastKeyEvaluationYears(codes: Set(objects.map(\.object_code)), before: fiscalYear, on: db)
        let selfScores = try await lowestSelfEvaluationScores(objectIDs: ids, on: db)
        let red = try await redMonitoring(objectIDs: ids, on: db)
        let chosen = try await evaluationsCovering(objectIDs: ids, fiscalYear: fiscalYear, on: db)
        return objects.map { row in
            let chain = HierarchyPath(rawValue: row.owner_path).ids.compactMap { organizations[$0] }
            let department = chain.last { $0.kind == OrganizationKind.department.rawValue }
            let region = chain.last { $0.kind == OrganizationKind.financeBureau.rawValue }
            let kind = BudgetObjectKind(rawValue: row.object_kind) ?? .project
            let amount = Money(fen: row.approved_fen ?? row.requested_fen)
            let facts = CandidateFacts(kind: kind, fiscalYear: fiscalYear, startYear: row.start_year, category: ProjectCategory(rawValue: row.category) ?? .recurring,
                                       functionalClassification: row.functional_classification, amount: amount, isKeyProject: row.is_key_project,
                                       lastKeyEvaluationYear: lastEvaluated[row.object_code], selfEvaluationScore: selfScores[row.object_id],
                                       redMonitoring: red.contains(row.object_id))
            return Candidate(objectID: row.object_id, kind: kind, code: row.object_code, name: row.object_name,
                             ownerName: organizations[row.owner_id]?.name ?? "", amount: amount, department: department?.id, departmentName: department?.name,
                             region: region?.id ?? row.owner_id, regionName: region?.name ?? "", reasons: KeyEvaluationSelection.reasons(facts, rules: rules),
                             evaluationID: chosen[row.object_id])
        }
    }

    /// The last year before `year` in which a key evaluation covered an object of each code.
    private static func lastKeyEvaluationYears(codes: Set<String>, before year: Int, on db: any Database) async throws -> [String: Int] {
        struct Row: Decodable { var object_code: String; var fiscal_year: Int }
        var found: [String: Int] = [:]
        for chunk in Array(codes).chunked(into: 500) {
            let rows = try await db.sql.select().column(SQLColumn("object_code", table: "ko")).column(SQLColumn("fiscal_year", table: "k"))
                .from(SQLAlias(SQLIdentifier(KeyEvaluationObjectModel.schema), as: SQLIdentifier("ko")))
                .join(SQLAlias(SQLIdentifier(KeyEvaluationModel.schema), as: SQLIdentifier("k")), on: SQLColumn("id", table: "k"), .equal, SQLColumn("evaluation_id", table: "ko"))
                .where(SQLColumn("object_code", table: "ko"), .in, SQLGroupExpression(Array(chunk).map { SQLBind($0) }))
                .where(SQLColumn("fiscal_year", table: "k"), .lessThan, SQLBind(year))
                .all(decoding: Row.self)
            for row in rows { found[row.object_code] = max(found[row.object_code] ?? row.fiscal_year, row.fiscal_year) }
        }
        return found
    }

    /// The lowest scored self-evaluation of each object (a transfer payment's regions each have one; a poor region counts).
    private static func lowestSelfEvaluationScores(objectIDs: [UUID], on db: any Database) async throws -> [UUID: Decimal] {
        struct Row: Decodable { var budget_object_id: UUID; var total_cents: Int? }
        var found: [UUID: Decimal] = [:]
        for chunk in objectIDs.chunked(into: 500) {
            let rows = try await db.sql.select().columns("budget_object_id", "total_cents").from(SelfEvaluationTables.evaluations)
                .where("budget_object_id", .in, SQLGroupExpression(Array(chunk).map { SQLBind($0) })).where("total_cents", .isNot, SQLLiteral.null)
                .all(decoding: Row.self)
            for row in rows {
                guard let cents = row.total_cents else { continue }
                let score = Decimal(cents) / 100
                found[row.budget_object_id] = min(found[row.budget_object_id] ?? score, score)
            }
        }
        return found
    }

    /// Objects with a red warning in any monitoring round, or a disposition that suspended payments, cut or stopped them.
    private static func redMonitoring(objectIDs: [UUID], on db: any Database) async throws -> Set<UUID> {
        struct Row: Decodable { var budget_object_id: UUID }
        var found: Set<UUID> = []
        for chunk in objectIDs.chunked(into: 500) {
            let binds = SQLGroupExpression(chunk.map { SQLBind($0) })
            found.formUnion(try await db.sql.select().column(SQLColumn("budget_object_id", table: "t")).distinct()
                .from(SQLAlias(SQLIdentifier(MonitoringTables.warnings), as: SQLIdentifier("w")))
                .join(SQLAlias(SQLIdentifier(MonitoringTables.tasks), as: SQLIdentifier("t")), on: SQLColumn("id", table: "t"), .equal, SQLColumn("task_id", table: "w"))
                .where(SQLColumn("budget_object_id", table: "t"), .in, binds)
                .where(SQLColumn("level", table: "w"), .equal, SQLBind(WarningLevel.red.key))
                .all(decoding: Row.self).map(\.budget_object_id))
            let severe = [DispositionKind.suspendPayments, .cutBudget, .stop].map { SQLBind($0.rawValue) }
            found.formUnion(try await db.sql.select().column("budget_object_id").distinct().from(MonitoringTables.dispositions)
                .where("budget_object_id", .in, binds).where("kind", .in, SQLGroupExpression(severe))
                .all(decoding: Row.self).map(\.budget_object_id))
        }
        return found
    }

    /// For each object, the key evaluation of `fiscalYear` that covers it.
    static func evaluationsCovering(objectIDs: [UUID], fiscalYear: Int, on db: any Database) async throws -> [UUID: UUID] {
        struct Row: Decodable { var budget_object_id: UUID; var evaluation_id: UUID }
        var found: [UUID: UUID] = [:]
        for chunk in objectIDs.chunked(into: 500) {
            let rows = try await db.sql.select().column(SQLColumn("budget_object_id", table: "ko")).column(SQLColumn("evaluation_id", table: "ko"))
                .from(SQLAlias(SQLIdentifier(KeyEvaluationObjectModel.schema), as: SQLIdentifier("ko")))
                .join(SQLAlias(SQLIdentifier(KeyEvaluationModel.schema), as: SQLIdentifier("k")), on: SQLColumn("id", table: "k"), .equal, SQLColumn("evaluation_id", table: "ko"))
                .where(SQLColumn("budget_object_id", table: "ko"), .in, SQLGroupExpression(Array(chunk).map { SQLBind($0) }))
                .where(SQLColumn("fiscal_year", table: "k"), .equal, SQLBind(fiscalYear))
                .all(decoding: Row.self)
            for row in rows { found[row.budget_object_id] = row.evaluation_id }
        }
        return found
    }

    /// Coverage of the area's year when the objects already under a key evaluation and `adding` are evaluated.
    static func coverage(_ candidates: [Candidate], adding: Set<UUID> = [], targets: CoverageTargets = CoverageTargets()) -> CoverageReport {
        let objects = candidates.map { CoverageObject(id: $0.objectID, kind: $0.kind, amount: $0.amount, department: $0.department, region: $0.region) }
        let evaluated = Set(candidates.filter { $0.evaluationID != nil }.map(\.objectID)).union(adding)
        return EvaluationCoverage.report(objects: objects, evaluated: evaluated, targets: targets)
    }

    /// The membership predicate of `ListScope.assignedUserID` for rows of `k` (key evaluations).
    static func visible(_ scope: ListScope) -> any SQLExpression {
        var parts: [any SQLExpression] = []
        if !scope.subtrees.isEmpty || !scope.organizations.isEmpty {
            parts.append(ScopePredicate(scope, path: SQLColumn("organization_path", table: "k"), id: SQLColumn("organization_id", table: "k")))
        }
        if let user = scope.assignedUserID {
            parts.append(SQLBinaryExpression(SQLColumn("id", table: "k"), .in, SQLSubquery.select { query in
                query.column("evaluation_id").from(KeyEvaluationMemberModel.schema).where("user_id", .equal, SQLBind(user))
            }))
        }
        return SQLGroupExpression(parts.isEmpty ? SQLRaw("1 = 0") : SQLList(parts, separator: SQLRaw(" OR ")))
    }

    /// Everyone on the team of a key evaluation that covers the object: they read its goal, monitoring and self-evaluation.
    static func teamMembers(of objectID: UUID, on db: any Database) async throws -> Set<UUID> {
        struct Row: Decodable { var user_id: UUID }
        return Set(try await db.sql.select().column(SQLColumn("user_id", table: "m"))
            .from(SQLAlias(SQLIdentifier(KeyEvaluationMemberModel.schema), as: SQLIdentifier("m")))
            .join(SQLAlias(SQLIdentifier(KeyEvaluationObjectModel.schema), as: SQLIdentifier("o")), on: SQLColumn("evaluation_id", table: "o"), .equal,
                  SQLColumn("evaluation_id", table: "m"))
            .where(SQLColumn("budget_object_id", table: "o"), .equal, SQLBind(objectID))
            .all(decoding: Row.self).map(\.user_id))
    }

    /// Each object's own self-evaluation (not a region's) and its newest monitoring task (not a region's).
    static func forms(of objectIDs: [UUID], on db: any Database) async throws -> [UUID: (selfEvaluation: UUID?, monitoringTask: UUID?)] {
        guard !objectIDs.isEmpty else { return [:] }
        struct Row: Decodable { var id: UUID; var budget_object_id: UUID }
        let binds = SQLGroupExpression(objectIDs.map { SQLBind($0) })
        let forms = try await db.sql.select().columns("id", "budget_object_id").from(SelfEvaluationTables.evaluations)
            .where("budget_object_id", .in, binds).where("region_id", .is, SQLLiteral.null).all(decoding: Row.self)
        let tasks = try await db.sql.select().column(SQLColumn("id", table: "t")).column(SQLColumn("budget_object_id", table: "t"))
            .from(SQLAlias(SQLIdentifier(MonitoringTables.tasks), as: SQLIdentifier("t")))
            .join(SQLAlias(SQLIdentifier(MonitoringTables.rounds), as: SQLIdentifier("r")), on: SQLColumn("id", table: "r"), .equal, SQLColumn("round_id", table: "t"))
            .where(SQLColumn("budget_object_id", table: "t"), .in, binds).where(SQLColumn("region_row_id", table: "t"), .is, SQLLiteral.null)
            .orderBy(SQLColumn("period_end", table: "r")).all(decoding: Row.self)
        var found: [UUID: (selfEvaluation: UUID?, monitoringTask: UUID?)] = [:]
        for form in forms { found[form.budget_object_id, default: (nil, nil)].selfEvaluation = form.id }
        for task in tasks { found[task.budget_object_id, default: (nil, nil)].monitoringTask = task.id }   // the newest period last
        return found
    }
}
