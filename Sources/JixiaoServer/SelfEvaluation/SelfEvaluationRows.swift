import Fluent
import Foundation
import SQLKit
import JixiaoDomain

/// The self-evaluation of a fiscal year that a finance bureau opened, as stored. It moves like a monitoring round:
/// opening (a job makes the self-evaluations) → open → closed.
struct EvaluationYearRow: Decodable, Sendable {
    var id: UUID
    var organization_id: UUID
    var organization_path: String
    var fiscal_year: Int
    var deadline: String
    var rules: String
    var rules_version: Int
    var state: String
    var evaluation_count: Int
    var job_id: UUID?
    var lock_version: Int
    var created_by_name: String
    var created_at: Date
    var closed_at: Date?

    static let columns = ["id", "organization_id", "organization_path", "fiscal_year", "deadline", "rules", "rules_version", "state",
                          "evaluation_count", "job_id", "lock_version", "created_by_name", "created_at", "closed_at"]

    var yearState: MonitoringRoundState { MonitoringRoundState(rawValue: state) ?? .closed }
    var deadlineDay: CalendarDay { CalendarDay(isoDate: deadline) ?? CalendarDay(year: fiscal_year + 1, month: 12, day: 31)! }
    var target: AccessTarget { AccessTarget(organizationID: organization_id, organizationPath: HierarchyPath(rawValue: organization_path)) }

    static func find(_ id: UUID, on db: any Database) async throws -> EvaluationYearRow? {
        try await db.sql.select().columns(columns.map { SQLIdentifier($0) }).from(SelfEvaluationTables.years)
            .where("id", .equal, SQLBind(id)).first(decoding: EvaluationYearRow.self)
    }
}

/// One self-evaluation as stored, with its assignee's name.
struct EvaluationRow: Decodable, Sendable {
    var id: UUID
    var year_id: UUID
    var fiscal_year: Int
    var budget_object_id: UUID
    var goal_version_id: UUID
    var object_code: String
    var object_name: String
    var object_kind: String
    var region_row_id: UUID?
    var region_id: UUID?
    var is_summary: Bool
    var assignee_id: UUID
    var assignee_path: String
    var assignee_kind: String
    var state: String
    var late: Bool
    var stopped_reason: String?
    var annual_goal: String
    var initial_budget_fen: Int64
    var full_year_budget_fen: Int64
    var executed_fen: Int64?
    var monitoring_period: String?
    var monitoring_spent_fen: Int64?
    var monitoring_forecast_fen: Int64?
    var narrative: String
    var reassignments: String
    var printed_rate: String?
    var printed_budget_points: String?
    var printed_total: String?
    var source: String
    var rules: String
    var rules_version: Int
    var budget_points: String?
    var total: String?
    var total_cents: Int?
    var grade: String?
    var finding_count: Int
    var findings: String
    var submitted_by: UUID?
    var submitted_at: Date?
    var lock_version: Int
    var updated_at: Date?
    // Joined.
    var assignee_name: String

    static let columns = ["id", "year_id", "fiscal_year", "budget_object_id", "goal_version_id", "object_code", "object_name", "object_kind",
                          "region_row_id", "region_id", "is_summary", "assignee_id", "assignee_path", "assignee_kind", "state", "late",
                          "stopped_reason", "annual_goal", "initial_budget_fen", "full_year_budget_fen", "executed_fen", "monitoring_period",
                          "monitoring_spent_fen", "monitoring_forecast_fen", "narrative", "reassignments", "printed_rate", "printed_budget_points",
                          "printed_total", "source", "rules", "rules_version", "budget_points", "total", "total_cents", "grade", "finding_count",
                          "findings", "submitted_by", "submitted_at", "lock_version", "updated_at"]

    static func select(on db: any Database) -> SQLSelectBuilder {
        db.sql.select().columns(columns.map { SQLColumn($0, table: "e") }).column(SQLColumn("name", table: "a"), as: "assignee_name")
            .from(SQLAlias(SQLIdentifier(SelfEvaluationTables.evaluations), as: SQLIdentifier("e")))
            .join(SQLAlias(SQLIdentifier(OrganizationModel.schema), as: SQLIdentifier("a")), on: SQLColumn("id", table: "a"), .equal, SQLColumn("assignee_id", table: "e"))
    }

    static func find(_ id: UUID, on db: any Database) async throws -> EvaluationRow? {
        try await select(on: db).where(SQLColumn("id", table: "e"), .equal, SQLBind(id)).first(decoding: EvaluationRow.self)
    }

    var evaluationState: MonitoringTaskState { MonitoringTaskState(rawValue: state) ?? .pending }
    var assignee: MonitoringAssignee { MonitoringAssignee(rawValue: assignee_kind) ?? .unit }
    var target: AccessTarget { AccessTarget(organizationID: assignee_id, organizationPath: HierarchyPath(rawValue: assignee_path)) }
    var grade_: ScoreGrade? { grade.flatMap(ScoreGrade.init(rawValue:)) }

    /// The rules it was scored with. A stored set that cannot be read is an error, never silently the standard.
    var ruleSet: ScoringRuleSet {
        get throws { try JSONDecoder().decode(ScoringRuleSet.self, from: Data(rules.utf8)) }
    }

    var budgetFigures: YearBudgetFigures {
        YearBudgetFigures(initialBudget: Money(fen: initial_budget_fen), fullYearBudget: Money(fen: full_year_budget_fen),
                          executed: Money(fen: executed_fen ?? 0))
    }

    var groupReassignments: [GroupReassignment] {
        (try? JSONDecoder().decode([GroupReassignment].self, from: Data(reassignments.utf8))) ?? []
    }

    var storedFindings: [ConsistencyFinding] {
        (try? JSONDecoder().decode([ConsistencyFinding].self, from: Data(findings.utf8))) ?? []
    }
}

/// Why an indicator ended far above its target, as stored and sent.
enum OverCauseKey: String, CaseIterable, Codable, Sendable {
    /// 年初指标值设定明显偏低.
    case targetSetTooLow = "target_set_too_low"
    /// Anything else, in the row's explanation.
    case other
}

/// One indicator row of a self-evaluation as stored.
struct EvaluationIndicatorRow: Decodable, Sendable {
    var evaluation_id: UUID
    var indicator_id: UUID
    var position: Int
    var category: String
    var subcategory: String
    var name: String
    var target_text: String
    var weight: String
    var actual_text: String
    var band: String?
    var band_points: String?
    var not_applicable_reason: String?
    var over_cause: String?
    var chosen_points: String?
    var chosen_reason: String?
    var override_points: String?
    var override_reason: String?
    var explanation: String
    var last_forecast: String?
    var printed_points: String?
    var points: String?

    static let columns = ["evaluation_id", "indicator_id", "position", "category", "subcategory", "name", "target_text", "weight", "actual_text",
                          "band", "band_points", "not_applicable_reason", "over_cause", "chosen_points", "chosen_reason", "override_points",
                          "override_reason", "explanation", "last_forecast", "printed_points", "points"]

    /// The rows of many forms by form, each in position order, 500 forms to a query.
    static func of(_ evaluationIDs: [UUID], on db: any Database) async throws -> [UUID: [EvaluationIndicatorRow]] {
        var byForm: [UUID: [EvaluationIndicatorRow]] = [:]
        for part in stride(from: 0, to: evaluationIDs.count, by: 500).map({ evaluationIDs[$0..<min($0 + 500, evaluationIDs.count)] }) {
            let rows = try await db.sql.select().columns(columns.map { SQLIdentifier($0) }).from(SelfEvaluationTables.rows)
                .where("evaluation_id", .in, SQLGroupExpression(part.map { SQLBind($0) })).orderBy("evaluation_id").orderBy("position")
                .all(decoding: EvaluationIndicatorRow.self)
            for row in rows { byForm[row.evaluation_id, default: []].append(row) }
        }
        return byForm
    }

    static func of(_ evaluationID: UUID, on db: any Database) async throws -> [EvaluationIndicatorRow] {
        try await of([evaluationID], on: db)[evaluationID] ?? []
    }

    var indicatorCategory: IndicatorCategory { IndicatorCategory(rawValue: category) ?? .output }
    var weightValue: Decimal { Decimal(string: weight) ?? 0 }
    var target: Target? { try? TargetParser.parse(target_text) }
    var qualitativeBand: QualitativeBand? { band.flatMap(QualitativeBand.init(rawValue:)) }
    var overCause: OverCauseKey? { over_cause.flatMap(OverCauseKey.init(rawValue:)) }
}

extension Decimal {
    /// A stored or typed number ("9.68", "１０"); nil for anything else.
    init?(pointsText text: String?) {
        guard let text = text?.trimmed, !text.isEmpty, text.count <= 20 else { return nil }
        let ascii = String(text.map { char -> Character in
            guard let scalar = char.unicodeScalars.first, (0xFF10...0xFF19).contains(scalar.value) || scalar.value == 0xFF0E else { return char }
            return Character(UnicodeScalar(scalar.value - 0xFEE0)!)
        })
        guard ascii.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), ascii.filter({ $0 == "." }).count <= 1, ascii.contains(where: \.isNumber),
              let value = Decimal(string: ascii, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        self = value
    }

    /// How a stored number is written: plain digits, no exponent, nothing lost.
    var storedText: String { "\(self)" }
}
