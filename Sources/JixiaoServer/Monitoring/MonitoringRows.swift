import Fluent
import Foundation
import SQLKit
import JixiaoDomain

/// What a round covers (监控范围).
enum RoundScopeKind: String, CaseIterable, Codable, Sendable {
    /// Every released goal of the year in the organiser's area.
    case all
    /// 重点项目 only.
    case keyProjects = "key_projects"
    /// Released goals of the chosen departments (and their units).
    case departments
    /// Transfer payments: one task per regional goal, reported by the receiving bureau.
    case transferPayments = "transfer_payments"
}

/// A round as stored.
struct RoundRow: Decodable, Sendable {
    var id: UUID
    var organization_id: UUID
    var organization_path: String
    var fiscal_year: Int
    var period_end: String
    var deadline: String
    var scope_kind: String
    var scope_departments: String
    var scope_key: String
    var rules: String
    var rules_version: Int
    var state: String
    var task_count: Int
    var job_id: UUID?
    var lock_version: Int
    var created_by_name: String
    var created_at: Date
    var closed_at: Date?

    static let columns = ["id", "organization_id", "organization_path", "fiscal_year", "period_end", "deadline", "scope_kind",
                          "scope_departments", "scope_key", "rules", "rules_version", "state", "task_count", "job_id", "lock_version",
                          "created_by_name", "created_at", "closed_at"]

    var period: MonitoringPeriod { MonitoringPeriod(end: CalendarDay(isoDate: period_end) ?? CalendarDay(year: fiscal_year, month: 12, day: 31)!) }
    var deadlineDay: CalendarDay { CalendarDay(isoDate: deadline) ?? period.end }
    var roundState: MonitoringRoundState { MonitoringRoundState(rawValue: state) ?? .closed }
    var scopeKind: RoundScopeKind { RoundScopeKind(rawValue: scope_kind) ?? .all }
    var departmentIDs: [UUID] { scope_departments.split(separator: ",").compactMap { UUID(uuidString: String($0)) } }
    /// The rules the round opened with. A stored set that cannot be read is an error, never silently the standard.
    var ruleSet: MonitoringRuleSet {
        get throws { try JSONDecoder().decode(MonitoringRuleSet.self, from: Data(rules.utf8)) }
    }
    var target: AccessTarget { AccessTarget(organizationID: organization_id, organizationPath: HierarchyPath(rawValue: organization_path)) }

    static func find(_ id: UUID, on db: any Database) async throws -> RoundRow? {
        try await db.sql.select().columns(columns.map { SQLIdentifier($0) }).from(MonitoringTables.rounds)
            .where("id", .equal, SQLBind(id)).first(decoding: RoundRow.self)
    }

    /// Whether the organisation already has a round of the year ending on that day (any scope).
    static func existing(organization: UUID, year: Int, periodEnd: CalendarDay, on db: any Database) async throws -> Bool {
        try await db.sql.select().column("id").from(MonitoringTables.rounds).where("organization_id", .equal, SQLBind(organization))
            .where("fiscal_year", .equal, SQLBind(year)).where("period_end", .equal, SQLBind(periodEnd.isoDate)).first() != nil
    }
}

/// A task as stored, with its object's code and name.
struct TaskRow: Decodable, Sendable {
    var id: UUID
    var round_id: UUID
    var budget_object_id: UUID
    var goal_version_id: UUID
    var region_row_id: UUID?
    var region_id: UUID?
    var assignee_id: UUID
    var assignee_path: String
    var assignee_kind: String
    var state: String
    var late: Bool
    var colour: String
    var warning_count: Int
    var initial_budget_fen: Int64
    var full_year_budget_fen: Int64
    var allocated_fen: Int64?
    var spent_fen: Int64?
    var forecast_fen: Int64?
    var plan: String?
    var budget_note: String
    var fund_explanation: String
    var fund_source: String?
    var annual_progress: String
    var submitted_by: UUID?
    var submitted_at: Date?
    var lock_version: Int
    // Joined.
    var object_code: String
    var object_name: String
    var object_kind: String
    var assignee_name: String

    static let columns = ["id", "round_id", "budget_object_id", "goal_version_id", "region_row_id", "region_id", "assignee_id", "assignee_path",
                          "assignee_kind", "state", "late", "colour", "warning_count", "initial_budget_fen", "full_year_budget_fen",
                          "allocated_fen", "spent_fen", "forecast_fen", "plan", "budget_note", "fund_explanation", "fund_source",
                          "annual_progress", "submitted_by", "submitted_at", "lock_version"]

    /// The select of tasks with their object and assignee; callers add their own conditions. `inListOrder`: the
    /// caller reads the first rows of a large share of a round in list order (see `MonitoringTables.tasksAsT`).
    static func select(on db: any Database, inListOrder: Bool = false) -> SQLSelectBuilder {
        db.sql.select().columns(columns.map { SQLColumn($0, table: "t") })
            .column(SQLColumn("code", table: "bo"), as: "object_code").column(SQLColumn("name", table: "bo"), as: "object_name")
            .column(SQLColumn("kind", table: "bo"), as: "object_kind").column(SQLColumn("name", table: "a"), as: "assignee_name")
            .from(MonitoringTables.tasksAsT(db, inListOrder: inListOrder))
            .join(SQLAlias(SQLIdentifier(BudgetObjectModel.schema), as: SQLIdentifier("bo")), on: SQLColumn("id", table: "bo"), .equal, SQLColumn("budget_object_id", table: "t"))
            .join(SQLAlias(SQLIdentifier(OrganizationModel.schema), as: SQLIdentifier("a")), on: SQLColumn("id", table: "a"), .equal, SQLColumn("assignee_id", table: "t"))
    }

    static func find(_ id: UUID, on db: any Database) async throws -> TaskRow? {
        try await select(on: db).where(SQLColumn("id", table: "t"), .equal, SQLBind(id)).first(decoding: TaskRow.self)
    }

    var assignee: MonitoringAssignee { MonitoringAssignee(rawValue: assignee_kind) ?? .unit }
    var level: WarningLevel { WarningLevel(key: colour) ?? .green }
    var target: AccessTarget { AccessTarget(organizationID: assignee_id, organizationPath: HierarchyPath(rawValue: assignee_path)) }
}

/// What the warning scan needs of a task: its money, its state and the colour it has. `TaskRow` (a whole task with its
/// object) and `ScannedTaskRow` (the scan's narrow read) both carry it.
protocol ScannedTask: Sendable {
    var id: UUID { get }
    var goal_version_id: UUID { get }
    var region_row_id: UUID? { get }
    var state: String { get }
    var colour: String { get }
    var warning_count: Int { get }
    var submitted_at: Date? { get }
    var initial_budget_fen: Int64 { get }
    var full_year_budget_fen: Int64 { get }
    var allocated_fen: Int64? { get }
    var spent_fen: Int64? { get }
    var forecast_fen: Int64? { get }
    var plan: String? { get }
}

extension ScannedTask {
    var taskState: MonitoringTaskState { MonitoringTaskState(rawValue: state) ?? .pending }

    var spendingPlan: SpendingPlan? {
        guard let plan, let fen = try? JSONDecoder().decode([Int64].self, from: Data(plan.utf8)) else { return nil }
        return try? SpendingPlan(monthly: fen.map(Money.init(fen:)))
    }

    /// The money as the domain sees it; nil until execution figures exist (from the treasury or typed).
    var fund: FundFigures? {
        guard let allocated_fen, let spent_fen else { return nil }
        return FundFigures(initialBudget: Money(fen: initial_budget_fen), fullYearBudget: Money(fen: full_year_budget_fen),
                           allocated: Money(fen: allocated_fen), spent: Money(fen: spent_fen),
                           yearEndForecast: forecast_fen.map(Money.init(fen:)), plan: spendingPlan)
    }
}

extension TaskRow: ScannedTask {}

/// A task as the warning scan reads it: the task's own columns, nothing joined.
struct ScannedTaskRow: Decodable, ScannedTask {
    var id: UUID
    var goal_version_id: UUID
    var region_row_id: UUID?
    var state: String
    var colour: String
    var warning_count: Int
    var submitted_at: Date?
    var initial_budget_fen: Int64
    var full_year_budget_fen: Int64
    var allocated_fen: Int64?
    var spent_fen: Int64?
    var forecast_fen: Int64?
    var plan: String?

    static let columns = ["id", "goal_version_id", "region_row_id", "state", "colour", "warning_count", "submitted_at", "initial_budget_fen",
                          "full_year_budget_fen", "allocated_fen", "spent_fen", "forecast_fen", "plan"]
}

/// One indicator's progress row as stored.
struct ProgressRow: Decodable, Sendable {
    var task_id: UUID
    var indicator_id: UUID
    var reached: String
    var forecast: String
    var likelihood: String?
    var cause: String?
    var explanation: String
    var measures: String

    static let columns = ["task_id", "indicator_id", "reached", "forecast", "likelihood", "cause", "explanation", "measures"]

    var progress: IndicatorProgress {
        IndicatorProgress(indicatorID: indicator_id, reachedText: reached, forecastText: forecast,
                          likelihood: likelihood.flatMap(CompletionLikelihood.init(rawValue:)), cause: cause, explanation: explanation, measures: measures)
    }

    static func of(tasks ids: [UUID], on db: any Database) async throws -> [UUID: [ProgressRow]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await db.sql.select().columns(columns.map { SQLIdentifier($0) }).from(MonitoringTables.progress)
            .where("task_id", .in, SQLGroupExpression(ids.map { SQLBind($0) })).all(decoding: ProgressRow.self)
        return Dictionary(grouping: rows, by: \.task_id)
    }
}

/// A warning as stored.
struct WarningRow: Decodable, Sendable {
    var id: UUID
    var task_id: UUID
    var rule: String
    var level: String
    var indicator_id: UUID?
    var facts: String

    static let columns = ["id", "task_id", "rule", "level", "indicator_id", "facts"]

    var warning: MonitoringWarning? {
        guard let rule = WarningRule(rawValue: rule), let level = WarningLevel(key: level),
              let facts = try? JSONDecoder().decode(WarningFacts.self, from: Data(facts.utf8)) else { return nil }
        return MonitoringWarning(rule: rule, level: level, indicatorID: indicator_id, facts: facts)
    }
}

extension CalendarDay {
    /// Reads "2027-08-20".
    init?(isoDate text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// "2027-08-20".
    var isoDate: String { String(format: "%04d-%02d-%02d", year, month, day) }

    /// The calendar day of `date` in China Standard Time, the day people at a Chinese bureau live in.
    init(chinaDay date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self = CalendarDay(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1) ?? CalendarDay(year: 2000, month: 1, day: 1)!
    }
}
