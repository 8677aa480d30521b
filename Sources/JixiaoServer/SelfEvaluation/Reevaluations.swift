import Fluent
import Foundation
import SQLKit
import Vapor
import JixiaoDomain

/// A sample as stored.
struct SampleRow: Decodable, Sendable {
    var id: UUID
    var year_id: UUID
    var organization_id: UUID
    var organization_path: String
    var seed: String
    var plan: String
    var distortion_points: String
    var population_count: Int
    var drawn_count: Int
    var created_by_name: String
    var created_at: Date

    static let columns = ["id", "year_id", "organization_id", "organization_path", "seed", "plan", "distortion_points", "population_count",
                          "drawn_count", "created_by_name", "created_at"]
    var target: AccessTarget { AccessTarget(organizationID: organization_id, organizationPath: HierarchyPath(rawValue: organization_path)) }
    var samplingPlan: SamplingPlan { (try? JSONDecoder().decode(SamplingPlan.self, from: Data(plan.utf8))) ?? SamplingPlan() }
    var distortion: DistortionRule { DistortionRule(pointsApart: Decimal(pointsText: distortion_points) ?? 10) }

    static func find(_ id: UUID, on db: any Database) async throws -> SampleRow? {
        try await db.sql.select().columns(columns.map { SQLIdentifier($0) }).from(SelfEvaluationTables.samples)
            .where("id", .equal, SQLBind(id)).first(decoding: SampleRow.self)
    }
}

/// One drawn self-evaluation and its re-evaluation, with what lists show of the form.
struct ReevaluationRow: Decodable, Sendable {
    var sample_id: UUID
    var evaluation_id: UUID
    var position: Int
    var reason: String
    var agency_id: UUID?
    var state: String
    var executed_fen: Int64?
    var rows: String
    var comment: String
    var self_total_cents: Int?
    var total: String?
    var total_cents: Int?
    var grade: String?
    var distorted: Bool?
    var scored_by_name: String?
    var scored_at: Date?
    var lock_version: Int
    // Joined.
    var object_code: String
    var object_name: String
    var assignee_name: String
    var assignee_path: String
    var agency_name: String?

    static let columns = ["sample_id", "evaluation_id", "position", "reason", "agency_id", "state", "executed_fen", "rows", "comment", "self_total_cents",
                          "total", "total_cents", "grade", "distorted", "scored_by_name", "scored_at", "lock_version"]

    static func select(on db: any Database) -> SQLSelectBuilder {
        db.sql.select().columns(columns.map { SQLColumn($0, table: "r") })
            .column(SQLColumn("object_code", table: "e")).column(SQLColumn("object_name", table: "e"))
            .column(SQLColumn("name", table: "a"), as: "assignee_name").column(SQLColumn("assignee_path", table: "e"))
            .column(SQLColumn("name", table: "g"), as: "agency_name")
            .from(SQLAlias(SQLIdentifier(SelfEvaluationTables.reevaluations), as: SQLIdentifier("r")))
            .join(SQLAlias(SQLIdentifier(SelfEvaluationTables.evaluations), as: SQLIdentifier("e")), on: SQLColumn("id", table: "e"), .equal, SQLColumn("evaluation_id", table: "r"))
            .join(SQLAlias(SQLIdentifier(OrganizationModel.schema), as: SQLIdentifier("a")), on: SQLColumn("id", table: "a"), .equal, SQLColumn("assignee_id", table: "e"))
            .join(SQLAlias(SQLIdentifier(OrganizationModel.schema), as: SQLIdentifier("g")), method: SQLJoinMethod.left,
                  on: SQLColumn("id", table: "g"), .equal, SQLColumn("agency_id", table: "r"))
    }

    var sampleReason: SampleReason? { try? JSONDecoder().decode(SampleReason.self, from: Data(reason.utf8)) }
    var isScored: Bool { state == "scored" }
    var reviewerRows: [EvaluationRowInput] { (try? JSONDecoder().decode([EvaluationRowInput].self, from: Data(rows.utf8))) ?? [] }
}

/// What a reviewer sends: the executed amount as verified, each indicator's verified actual (and a score over the rule
/// with its reason, where the reviewer judges otherwise), and the reviewer's conclusion.
struct ReevaluationInput: Sendable {
    var lockVersion: Int
    var executed: String?
    var rows: [EvaluationRowInput]
    var comment: String
}

/// 抽查复核 use cases: draw a sample from a year's submitted self-evaluations, assign each drawn form to the bureau's staff
/// or an agency, re-score it by the same rules, and compare. Each takes a `Caller`.
enum Reevaluations {
    /// Draws a sample of the year's submitted self-evaluations inside the caller's bureau's area. Returns the sample.
    static func draw(year yearID: UUID, plan: SamplingPlan, seed: UInt64?, distortion: DistortionRule = DistortionRule(),
                     by caller: Caller, on db: any Database) async throws -> UUID {
        let user = try caller.person()
        let year = try await SelfEvaluationQueries.year(yearID, by: caller, on: db)
        guard let bureau = try await OrganizationModel.find(user.organizationID, on: db) else { throw AppError.notFound() }
        try caller.authorize(.runEvaluation, bureau.accessTarget)
        guard bureau.organizationKind == .financeBureau else { throw AppError(.forbidden, "evaluation_runner", Message(.errorEvaluationRunner)) }
        guard year.yearState != .opening else { throw AppError(.conflict, "evaluation_year_not_open", Message(.errorEvaluationYearNotOpen)) }
        var errors: [AppError] = []
        for (value, field) in [(plan.countPercent, "countPercent"), (plan.amountPercent, "amountPercent"), (plan.riskSharePercent, "riskSharePercent")]
        where value < 0 || value > 100 {
            errors.append(.invalid(field, Message(.errorSamplePercent)))
        }
        if distortion.pointsApart < 0 || distortion.pointsApart > 100 { errors.append(.invalid("distortionPoints", Message(.errorSamplePercent))) }
        if !errors.isEmpty { throw FormErrors(errors: errors) }

        let candidates = try await population(year: year, area: bureau.hierarchyPath, on: db)
        guard !candidates.isEmpty else { throw AppError(.unprocessableEntity, "sample_empty", Message(.errorSampleEmpty)) }
        var generator = SystemRandomNumberGenerator()
        let seed = seed ?? generator.next()
        let drawn = ReevaluationSampling.draw(candidates, plan: plan, seed: seed)
        let id = UUID.timeOrdered(at: caller.now)
        let encoder = MonitoringRuleStore.encoder
        let selfTotals = try await selfTotals(drawn.ids, on: db)
        try await db.transaction { db in
            try await db.sql.insert(into: SelfEvaluationTables.samples)
                .columns("id", "year_id", "organization_id", "organization_path", "seed", "plan", "distortion_points", "population_count", "drawn_count",
                         "created_by_name", "created_at")
                .values(SQLBind(id), SQLBind(yearID), SQLBind(bureau.id!), SQLBind(bureau.path), SQLBind(String(seed)),
                        SQLBind(String(decoding: try encoder.encode(plan), as: UTF8.self)), SQLBind(distortion.pointsApart.storedText),
                        SQLBind(candidates.count), SQLBind(drawn.chosen.count), SQLBind(user.displayName), SQLBind(caller.now))
                .run()
            for chunk in stride(from: 0, to: candidates.count, by: 500).map({ candidates[$0..<min($0 + 500, candidates.count)] }) {
                var insert = db.sql.insert(into: SelfEvaluationTables.population).columns("sample_id", "evaluation_id", "stratum", "amount_fen", "risks")
                for candidate in chunk {
                    insert = insert.values(SQLBind(id), SQLBind(candidate.id), SQLBind(candidate.department), SQLBind(candidate.amount.fen),
                                           SQLBind(candidate.risks.map(\.rawValue).sorted().joined(separator: ",")))
                }
                try await insert.run()
            }
            for chunk in stride(from: 0, to: drawn.chosen.count, by: 300).map({ Array(drawn.chosen.enumerated())[$0..<min($0 + 300, drawn.chosen.count)] }) {
                var insert = db.sql.insert(into: SelfEvaluationTables.reevaluations)
                    .columns("sample_id", "evaluation_id", "position", "reason", "state", "rows", "comment", "self_total_cents", "lock_version")
                for (position, chosen) in chunk {
                    insert = insert.values(SQLBind(id), SQLBind(chosen.id), SQLBind(position), SQLBind(String(decoding: try encoder.encode(chosen.reason), as: UTF8.self)),
                                           SQLBind("assigned"), SQLBind("[]"), SQLBind(""), SQLBind(selfTotals[chosen.id]), SQLBind(0))
                }
                try await insert.run()
            }
            try await AuditTrail.record("self_evaluation.sample_drawn", entityType: "reevaluation_sample", entityID: id.uuidString.lowercased(),
                                        summary: "year=\(year.fiscal_year) seed=\(seed) population=\(candidates.count) drawn=\(drawn.chosen.count) plan=\(plan.countPercent)/\(plan.amountPercent)/\(plan.riskSharePercent)",
                                        context: caller.audit, on: db)
        }
        return id
    }

    /// The year's submitted self-evaluations inside `area`, each with its stratum (the organisation directly under the
    /// bureau that it belongs to: a department, or a lower bureau), its amount and its risks.
    static func population(year: EvaluationYearRow, area: HierarchyPath, on db: any Database) async throws -> [SampleCandidate] {
        struct Row: Decodable {
            var id: UUID; var budget_object_id: UUID; var object_code: String; var assignee_path: String; var full_year_budget_fen: Int64
            var executed_fen: Int64?; var total_cents: Int?; var grade: String?; var finding_count: Int
        }
        let range = area.subtreeRange
        let rows = try await db.sql.select().columns("id", "budget_object_id", "object_code", "assignee_path", "full_year_budget_fen", "executed_fen",
                                                     "total_cents", "grade", "finding_count")
            .from(SelfEvaluationTables.evaluations)
            .where("year_id", .equal, SQLBind(year.id))
            .where("state", .in, SQLGroupExpression(MonitoringTaskState.allCases.filter(\.isReported).map { SQLBind($0.rawValue) }))
            .where("assignee_path", .greaterThanOrEqual, SQLBind(range.lower)).where("assignee_path", .lessThan, SQLBind(range.upper))
            .all(decoding: Row.self)
        // Red in a monitoring round of the year, and re-evaluated in another year before: by object code.
        struct Code: Decodable { var code: String }
        let red = Set(try await db.sql.raw("""
            SELECT DISTINCT bo.code FROM monitoring_tasks t JOIN monitoring_rounds r ON r.id = t.round_id
            JOIN budget_objects bo ON bo.id = t.budget_object_id
            WHERE r.fiscal_year = \(bind: year.fiscal_year) AND t.colour = 'red'
            """).all(decoding: Code.self).map(\.code))
        let sampledBefore = Set(try await db.sql.raw("""
            SELECT DISTINCT e.object_code AS code FROM reevaluations v JOIN self_evaluations e ON e.id = v.evaluation_id
            WHERE e.fiscal_year < \(bind: year.fiscal_year)
            """).all(decoding: Code.self).map(\.code))
        let depth = area.depth
        return rows.map { row in
            var risks = Set<SamplingRisk>()
            if row.grade == ScoreGrade.poor.rawValue { risks.insert(.poorSelfScore) }
            if red.contains(row.object_code) { risks.insert(.redMonitoring) }
            if row.finding_count > 0 { risks.insert(.qualityFindings) }
            if row.total_cents == 10_000 { risks.insert(.perfectScore) }
            if (row.total_cents ?? 0) >= 9_000, let executed = row.executed_fen, executed * 100 < row.full_year_budget_fen * 80 {
                risks.insert(.highScoreLowExecution)
            }
            if !sampledBefore.contains(row.object_code) { risks.insert(.neverSampled) }
            let ids = HierarchyPath(rawValue: row.assignee_path).ids
            let stratum = ids.count > depth ? ids[depth].uuidString.lowercased() : ids.last?.uuidString.lowercased() ?? ""
            return SampleCandidate(id: row.id, department: stratum, amount: Money(fen: row.full_year_budget_fen), risks: risks)
        }
    }

    private static func selfTotals(_ ids: [UUID], on db: any Database) async throws -> [UUID: Int] {
        struct Row: Decodable { var id: UUID; var total_cents: Int? }
        var found: [UUID: Int] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            for row in try await db.sql.select().columns("id", "total_cents").from(SelfEvaluationTables.evaluations)
                .where("id", .in, SQLGroupExpression(chunk.map { SQLBind($0) })).all(decoding: Row.self) {
                found[row.id] = row.total_cents
            }
        }
        return found
    }

    /// Draws again from the stored population with the stored plan and seed: the same forms in the same order, or not.
    static func replays(_ sample: SampleRow, on db: any Database) async throws -> Bool {
        struct Row: Decodable { var evaluation_id: UUID; var stratum: String; var amount_fen: Int64; var risks: String }
        let rows = try await db.sql.select().columns("evaluation_id", "stratum", "amount_fen", "risks").from(SelfEvaluationTables.population)
            .where("sample_id", .equal, SQLBind(sample.id)).all(decoding: Row.self)
        let candidates = rows.map { row in
            SampleCandidate(id: row.evaluation_id, department: row.stratum, amount: Money(fen: row.amount_fen),
                            risks: Set(row.risks.split(separator: ",").compactMap { SamplingRisk(rawValue: String($0)) }))
        }
        guard let seed = UInt64(sample.seed) else { return false }
        let again = ReevaluationSampling.draw(candidates, plan: sample.samplingPlan, seed: seed).ids
        struct Pick: Decodable { var evaluation_id: UUID }
        let stored = try await db.sql.select().column("evaluation_id").from(SelfEvaluationTables.reevaluations)
            .where("sample_id", .equal, SQLBind(sample.id)).orderBy("position").all(decoding: Pick.self).map(\.evaluation_id)
        return again == stored
    }

    /// The drawn forms of a sample that the person may see, in the order drawn.
    static func picks(_ sample: SampleRow, by caller: Caller, on db: any Database) async throws -> [ReevaluationRow] {
        let user = try caller.person()
        var query = ReevaluationRow.select(on: db).where(SQLColumn("sample_id", table: "r"), .equal, SQLBind(sample.id))
        if !caller.reaches(.viewBudget, sample.target) {
            // An agency sees exactly what is assigned to it.
            query = query.where(SQLColumn("agency_id", table: "r"), .equal, SQLBind(user.organizationID))
        }
        return try await query.orderBy(SQLColumn("position", table: "r")).all(decoding: ReevaluationRow.self)
    }

    /// A sample the person may see: the bureau's people, and agencies with something assigned in it.
    static func sample(_ id: UUID, by caller: Caller, on db: any Database) async throws -> SampleRow {
        let user = try caller.person()
        guard let sample = try await SampleRow.find(id, on: db) else { throw AppError.notFound() }
        if caller.reaches(.viewBudget, sample.target) { return sample }
        let assigned = try await db.sql.select().column("evaluation_id").from(SelfEvaluationTables.reevaluations)
            .where("sample_id", .equal, SQLBind(id)).where("agency_id", .equal, SQLBind(user.organizationID)).limit(1).first()
        guard assigned != nil else { throw AppError.notFound() }
        return sample
    }

    /// Assigns a drawn form to an agency (by its code) or, with nil, to the bureau's own staff.
    static func assign(sample sampleID: UUID, evaluation evaluationID: UUID, agencyCode: String?, by caller: Caller, on db: any Database) async throws {
        _ = try caller.person()
        guard let sample = try await SampleRow.find(sampleID, on: db) else { throw AppError.notFound() }
        try caller.authorize(.runEvaluation, sample.target)
        guard let pick = try await ReevaluationRow.select(on: db).where(SQLColumn("sample_id", table: "r"), .equal, SQLBind(sampleID))
            .where(SQLColumn("evaluation_id", table: "r"), .equal, SQLBind(evaluationID)).first(decoding: ReevaluationRow.self) else { throw AppError.notFound() }
        guard !pick.isScored else { throw AppError(.conflict, "reevaluation_scored", Message(.errorReevaluationScored)) }
        var agency: OrganizationModel?
        if let code = agencyCode?.trimmed, !code.isEmpty {
            guard let found = try await OrganizationCommands.byCode(code, on: db), found.organizationKind == .agency, found.isActive,
                  HierarchyPath(rawValue: sample.organization_path).contains(found.hierarchyPath) else {
                throw AppError.invalid("agency", Message(.errorReevaluationAgency(code)))
            }
            agency = found
        }
        let chosen = agency
        try await db.transaction { db in
            try await db.sql.update(SelfEvaluationTables.reevaluations).set("agency_id", to: SQLBind(chosen?.id))
                .set("lock_version", to: SQLRaw("lock_version + 1"))
                .where("sample_id", .equal, SQLBind(sampleID)).where("evaluation_id", .equal, SQLBind(evaluationID)).run()
            try await AuditTrail.record("self_evaluation.reevaluation_assigned", entityType: "self_evaluation", entityID: evaluationID.uuidString.lowercased(),
                                        summary: "sample=\(sampleID.uuidString.lowercased()) agency=\(chosen?.code ?? "finance")", context: caller.audit, on: db)
        }
    }

    /// Re-scores a drawn form with the reviewer's verified figures by the rules the form keeps; marks 失真.
    static func rescore(sample sampleID: UUID, evaluation evaluationID: UUID, _ input: ReevaluationInput, by caller: Caller, on db: any Database) async throws -> ReevaluationRow {
        let user = try caller.person()
        guard let sample = try await SampleRow.find(sampleID, on: db),
              let pick = try await ReevaluationRow.select(on: db).where(SQLColumn("sample_id", table: "r"), .equal, SQLBind(sampleID))
                .where(SQLColumn("evaluation_id", table: "r"), .equal, SQLBind(evaluationID)).first(decoding: ReevaluationRow.self),
              var evaluation = try await EvaluationRow.find(evaluationID, on: db) else { throw AppError.notFound() }
        // The agency assigned re-scores, or — when none is — the bureau's own staff; nobody else.
        if let agency = pick.agency_id {
            let target = AccessTarget(organizationID: evaluation.assignee_id, organizationPath: HierarchyPath(rawValue: evaluation.assignee_path),
                                      assignedAgencyIDs: [agency])
            try caller.authorize(.reevaluate, target)
            guard user.organizationID == agency else { throw AppError(.forbidden, "reevaluation_not_assigned", Message(.errorReevaluationNotAssigned)) }
        } else {
            try caller.authorize(.reevaluate, sample.target)
            guard user.roles.contains(.performanceOfficer) else { throw AppError(.forbidden, "reevaluation_not_assigned", Message(.errorReevaluationNotAssigned)) }
        }
        var errors: [AppError] = []
        if let text = input.executed?.trimmed, !text.isEmpty {
            do { evaluation.executed_fen = try Money(wanYuan: text).fen } catch { errors.append(.invalid("executed", Message(.errorMoney))) }
        }
        // The reviewer's figures replace the unit's, row by row; the same rules score them.
        var rows = try await EvaluationIndicatorRow.of(evaluationID, on: db)
        let positions = Dictionary(rows.enumerated().map { ($0.element.indicator_id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var seen: Set<UUID> = []
        for (index, item) in input.rows.enumerated() {
            guard let position = positions[item.indicatorID], seen.insert(item.indicatorID).inserted else {
                errors.append(.invalid("rows[\(index + 1)]", Message(.errorUnknownIndicator(index + 1))))
                continue
            }
            errors += SelfEvaluationForms.merge(item, into: &rows[position], row: position + 1)
        }
        let comment = String(input.comment.trimmed.prefix(InputLimits.longText))
        if comment.isEmpty { errors.append(.invalid("comment", Message(.errorReevaluationComment))) }
        evaluation.printed_rate = nil; evaluation.printed_budget_points = nil; evaluation.printed_total = nil
        for index in rows.indices { rows[index].printed_points = nil }
        let evaluated = EvaluatedForm(evaluation, rows: rows)
        errors += evaluated.rowErrors
        if !errors.isEmpty { throw FormErrors(errors: errors) }
        guard let score = evaluated.score else { throw FormErrors(errors: evaluated.demands(evaluation, rows: rows)) }
        let selfScore = Decimal(pointsText: evaluation.total)
        let distorted = selfScore.map { sample.distortion.isDistorted(selfScore: $0, reScore: score.total) }
        let stored = String(decoding: try MonitoringRuleStore.encoder.encode(input.rows), as: UTF8.self)
        let executed = evaluation.executed_fen, selfText = evaluation.total ?? "-"
        try await db.transaction { db in
            struct Row: Decodable { var evaluation_id: UUID }
            let claimed = try await db.sql.update(SelfEvaluationTables.reevaluations)
                .set("state", to: SQLBind("scored")).set("executed_fen", to: SQLBind(executed)).set("rows", to: SQLBind(stored))
                .set("comment", to: SQLBind(comment)).set("total", to: SQLBind(score.total.storedText))
                .set("total_cents", to: SQLBind(SelfEvaluationForms.cents(score.total))).set("grade", to: SQLBind(score.grade.rawValue))
                .set("distorted", to: SQLBind(distorted)).set("scored_by", to: SQLBind(user.userID)).set("scored_by_name", to: SQLBind(user.displayName))
                .set("scored_at", to: SQLBind(caller.now)).set("lock_version", to: SQLRaw("lock_version + 1"))
                .where("sample_id", .equal, SQLBind(sampleID)).where("evaluation_id", .equal, SQLBind(evaluationID))
                .where("lock_version", .equal, SQLBind(input.lockVersion))
                .returning("evaluation_id").all(decoding: Row.self)
            guard claimed.count == 1 else { throw AppError(.conflict, "reevaluation_conflict", Message(.errorReevaluationConflict)) }
            try await AuditTrail.record("self_evaluation.rescored", entityType: "self_evaluation", entityID: evaluationID.uuidString.lowercased(),
                                        summary: "sample=\(sampleID.uuidString.lowercased()) self=\(selfText) re=\(score.totalText) distorted=\(distorted.map(String.init) ?? "-")",
                                        context: caller.audit, on: db)
        }
        guard let saved = try await ReevaluationRow.select(on: db).where(SQLColumn("sample_id", table: "r"), .equal, SQLBind(sampleID))
            .where(SQLColumn("evaluation_id", table: "r"), .equal, SQLBind(evaluationID)).first(decoding: ReevaluationRow.self) else { throw AppError.notFound() }
        return saved
    }

    /// Self-score against re-score, per stratum (department or lower bureau) or per unit.
    struct Comparison: Sendable {
        var name: String
        var drawn = 0
        var scored = 0
        var selfCents = 0
        var reCents = 0
        var distorted = 0
        var meanSelf: String? { scored == 0 ? nil : Ratio.text(Decimal(selfCents) / Decimal(scored) / 100, decimals: 2) }
        var meanRe: String? { scored == 0 ? nil : Ratio.text(Decimal(reCents) / Decimal(scored) / 100, decimals: 2) }
    }

    static func compare(_ picks: [ReevaluationRow], by key: (ReevaluationRow) -> String) -> [Comparison] {
        var groups: [String: Comparison] = [:]
        for pick in picks {
            let name = key(pick)
            var group = groups[name] ?? Comparison(name: name)
            group.drawn += 1
            if pick.isScored, let selfCents = pick.self_total_cents, let reCents = pick.total_cents {
                group.scored += 1; group.selfCents += selfCents; group.reCents += reCents
                if pick.distorted == true { group.distorted += 1 }
            }
            groups[name] = group
        }
        return groups.values.sorted { $0.name < $1.name }
    }
}
