import Fluent
import Foundation
import SQLKit
import Vapor
import JixiaoDomain

/// What a unit sends for one indicator.
struct IndicatorProgressInput: Sendable {
    var indicatorID: UUID
    var reached: String
    var forecast: String
    var likelihood: String?
    var cause: String?
    var explanation: String
    var measures: String
}

/// What a unit sends for its task: the money (nil leaves a figure as it is; an empty text clears an optional one)
/// and the progress per indicator.
struct ReportInput: Sendable {
    var lockVersion: Int
    var fullYearBudget: String?
    var allocated: String?
    var spent: String?
    var forecast: String?
    /// Twelve monthly amounts in 万元; an empty list removes the plan.
    var plan: [String]?
    var budgetNote: String?
    var fundExplanation: String?
    var annualProgress: String?
    /// Nil leaves the reported progress as it is; a list replaces it.
    var indicators: [IndicatorProgressInput]?
}

/// A task with everything its page and the API show.
struct TaskDetail: Sendable {
    var task: TaskRow
    var round: RoundRow
    var indicators: [Indicator]
    var progress: [UUID: IndicatorProgress]
    var warnings: [MonitoringWarning]
    var history: [TransitionRow]
}

struct TransitionRow: Decodable, Sendable {
    var action: String
    var from_state: String
    var to_state: String
    var late: Bool
    var actor_name: String
    var opinion: String
    var occurred_at: Date
}

/// 监控填报 use cases: read a task, save what the unit reports, move it through the workflow. Each takes a `Caller`.
enum MonitoringReports {
    static func load(_ taskID: UUID, by caller: Caller, on db: any Database) async throws -> TaskDetail {
        guard let task = try await TaskRow.find(taskID, on: db) else { throw AppError.notFound() }
        try await caller.authorizeObjectRead(task.budget_object_id, task.target, on: db)
        guard let round = try await RoundRow.find(task.round_id, on: db) else { throw AppError.notFound() }
        let indicators = (try await MonitoringScanner.indicatorsByVersion([task.goal_version_id], on: db)[task.goal_version_id] ?? [])
            .filter { $0.region_row_id == task.region_row_id }.map(\.indicator)
        let progress = (try await ProgressRow.of(tasks: [task.id], on: db)[task.id] ?? []).map(\.progress)
        let warnings = try await db.sql.select().columns(WarningRow.columns.map { SQLIdentifier($0) }).from(MonitoringTables.warnings)
            .where("task_id", .equal, SQLBind(task.id)).all(decoding: WarningRow.self).compactMap(\.warning)
        let history = try await db.sql.select().columns("action", "from_state", "to_state", "late", "actor_name", "opinion", "occurred_at")
            .from(MonitoringTables.transitions).where("task_id", .equal, SQLBind(task.id)).orderBy("occurred_at").all(decoding: TransitionRow.self)
        return TaskDetail(task: task, round: round, indicators: indicators,
                          progress: Dictionary(progress.map { ($0.indicatorID, $0) }, uniquingKeysWith: { first, _ in first }),
                          warnings: warnings.sorted { ($0.level, $0.rule.rawValue) > ($1.level, $1.rule.rawValue) }, history: history)
    }

    // MARK: saving

    static func save(_ taskID: UUID, _ input: ReportInput, by caller: Caller, on db: any Database) async throws -> TaskDetail {
        let user = try caller.person()
        let detail = try await load(taskID, by: caller, on: db)
        let task = detail.task
        try caller.authorize(.reportMonitoring, task.target)
        guard user.organizationID == task.assignee_id else { throw AppError(.forbidden, "task_not_assignee", Message(.errorTaskNotAssignee)) }
        guard detail.round.roundState == .open else {
            throw AppError(.conflict, "round_not_open", Message(.errorRoundNotOpen(detail.round.roundState.text)))
        }
        guard task.taskState.isEditable else {
            throw AppError(.conflict, "task_not_editable", Message(.errorTaskNotEditable(task.taskState.text)))
        }
        let (figures, fundErrors) = fund(from: input, task: task)
        let (progress, progressErrors) = input.indicators.map { progressRows($0, indicators: detail.indicators) } ?? ([], [])
        let replacesProgress = input.indicators != nil
        let errors = fundErrors + progressErrors
        if !errors.isEmpty { throw FormErrors(errors: errors) }

        let texts = (note: clip(input.budgetNote ?? task.budget_note), explanation: clip(input.fundExplanation ?? task.fund_explanation),
                     annual: clip(input.annualProgress ?? task.annual_progress, InputLimits.longText))
        let planText = try figures.plan.map { String(decoding: try JSONEncoder().encode($0.monthly.map(\.fen)), as: UTF8.self) }
        try await db.transaction { db in
            struct Row: Decodable { var id: UUID }
            let claimed = try await db.sql.update(MonitoringTables.tasks)
                .set("full_year_budget_fen", to: SQLBind(figures.fullYearBudget.fen))
                .set("allocated_fen", to: SQLBind(figures.allocated?.fen)).set("spent_fen", to: SQLBind(figures.spent?.fen))
                .set("forecast_fen", to: SQLBind(figures.forecast?.fen)).set("plan", to: SQLBind(planText))
                .set("fund_source", to: SQLBind(task.fund_source ?? (figures.allocated == nil ? nil : "unit")))
                .set("budget_note", to: SQLBind(texts.note)).set("fund_explanation", to: SQLBind(texts.explanation))
                .set("annual_progress", to: SQLBind(texts.annual))
                .set("lock_version", to: SQLRaw("lock_version + 1")).set("updated_at", to: SQLBind(caller.now))
                .where("id", .equal, SQLBind(task.id)).where("lock_version", .equal, SQLBind(input.lockVersion))
                .returning("id").all(decoding: Row.self)
            guard claimed.count == 1 else { throw AppError(.conflict, "task_conflict", Message(.errorTaskConflict)) }
            if replacesProgress {
                try await db.sql.delete(from: MonitoringTables.progress).where("task_id", .equal, SQLBind(task.id)).run()
            }
            if !progress.isEmpty {
                // Beside each forecast, whether it misses its target and the indicator's name: what a scan of the whole
                // round reads (`AddProgressMisses`).
                let indicators = Dictionary(detail.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
                var insert = db.sql.insert(into: MonitoringTables.progress).columns(ProgressRow.columns + ["forecast_misses", "indicator_name"])
                for item in progress {
                    let indicator = indicators[item.indicatorID]
                    let misses = indicator.map { MonitoringScan.forecastMisses($0, item) } ?? false
                    insert = insert.values(SQLBind(task.id), SQLBind(item.indicatorID), SQLBind(item.reachedText), SQLBind(item.forecastText),
                                           SQLBind(item.likelihood?.rawValue), SQLBind(item.cause), SQLBind(item.explanation), SQLBind(item.measures),
                                           SQLBind(misses ? 1 : 0), SQLBind(indicator?.name))
                }
                try await insert.run()
            }
            guard let saved = try await TaskRow.find(task.id, on: db) else { throw AppError.notFound() }
            try await MonitoringScanner.store([saved], round: detail.round, today: CalendarDay(chinaDay: caller.now), on: db)
            try await AuditTrail.record("monitoring.report_saved", entityType: "monitoring_task", entityID: task.id.uuidString.lowercased(),
                                        summary: "object=\(task.object_code) budget=\(figures.fullYearBudget.wanYuanText) allocated=\(figures.allocated?.wanYuanText ?? "-") spent=\(figures.spent?.wanYuanText ?? "-") indicators=\(replacesProgress ? String(progress.count) : "unchanged")",
                                        context: caller.audit, on: db)
        }
        return try await load(taskID, by: caller, on: db)
    }

    private static func clip(_ text: String, _ limit: Int = InputLimits.note) -> String { String(text.trimmed.prefix(limit)) }

    struct Figures { var fullYearBudget: Money; var allocated: Money?; var spent: Money?; var forecast: Money?; var plan: SpendingPlan? }

    /// Reads the money a unit sent, against what the task holds; each problem names its field.
    static func fund(from input: ReportInput, task: TaskRow) -> (Figures, [AppError]) {
        var errors: [AppError] = []
        func amount(_ text: String?, _ field: String, current: Money?) -> Money? {
            guard let text else { return current }
            guard !text.trimmed.isEmpty else { return nil }
            do { return try Money(wanYuan: text) } catch {
                if case .negative = error { errors.append(.invalid(field, Message(.errorFundNegative(fieldName(field))))) }
                else { errors.append(.invalid(field, Message(.errorMoney))) }
                return current
            }
        }
        let budget = amount(input.fullYearBudget, "fullYearBudget", current: Money(fen: task.full_year_budget_fen)) ?? Money(fen: task.initial_budget_fen)
        var allocated = amount(input.allocated, "allocated", current: task.allocated_fen.map(Money.init(fen:)))
        var spent = amount(input.spent, "spent", current: task.spent_fen.map(Money.init(fen:)))
        if task.fund_source == "treasury" {
            // The treasury's figures stand; a hand entry that differs is refused rather than silently dropped.
            let treasuryAllocated = task.allocated_fen.map(Money.init(fen:)), treasurySpent = task.spent_fen.map(Money.init(fen:))
            if allocated != treasuryAllocated || spent != treasurySpent {
                errors.append(.invalid(allocated != treasuryAllocated ? "allocated" : "spent", Message(.errorTreasuryFigures)))
            }
            allocated = treasuryAllocated; spent = treasurySpent
        }
        let forecast = amount(input.forecast, "forecast", current: task.forecast_fen.map(Money.init(fen:)))
        var plan = task.spendingPlan
        if let texts = input.plan {
            if texts.isEmpty || texts.allSatisfy({ $0.trimmed.isEmpty }) { plan = nil }
            else if texts.count != 12 { errors.append(.invalid("plan", Message(.errorPlanMonths))) }
            else {
                var monthly: [Money] = []
                for (index, text) in texts.enumerated() {
                    monthly.append(amount(text.trimmed.isEmpty ? "0" : text, "plan[\(index + 1)]", current: .zero) ?? .zero)
                }
                plan = try? SpendingPlan(monthly: monthly)
            }
        }
        if (allocated == nil) != (spent == nil) {
            errors.append(.invalid(allocated == nil ? "allocated" : "spent", Message(.errorRequired)))
        }
        let budgetChanged = budget.fen != task.initial_budget_fen
        if budgetChanged && (input.budgetNote ?? task.budget_note).trimmed.isEmpty {
            errors.append(.invalid("budgetNote", Message(.errorBudgetNoteRequired)))
        }
        let figures = FundFigures(initialBudget: Money(fen: task.initial_budget_fen), fullYearBudget: budget, allocated: allocated ?? .zero,
                                  spent: spent ?? .zero, yearEndForecast: forecast, plan: plan)
        for problem in figures.check() {
            switch problem {
            case .negative(let field): errors.append(.invalid(field.rawValue, Message(.errorFundNegative(fieldName(field.rawValue)))))
            case .spentAboveAllocated(let s, let a): errors.append(.invalid("spent", Message(.errorSpentAboveAllocated(s.wanYuanText, a.wanYuanText))))
            case .allocatedAboveBudget(let a, let b): errors.append(.invalid("allocated", Message(.errorAllocatedAboveBudget(a.wanYuanText, b.wanYuanText))))
            case .plan(.exceedsBudget(let p, let b)): errors.append(.invalid("plan", Message(.errorPlanAboveBudget(p.wanYuanText, b.wanYuanText))))
            case .plan: errors.append(.invalid("plan", Message(.errorPlanMonths)))
            }
        }
        return (Figures(fullYearBudget: budget, allocated: allocated, spent: spent, forecast: forecast, plan: plan), errors)
    }

    static func fieldName(_ field: String) -> TextKey {
        switch field {
        case "fullYearBudget": .fundFullYearBudget
        case "allocated": .fundAllocated
        case "spent": .fundSpent
        case "forecast", "yearEndForecast": .fundForecast
        case "initialBudget": .fundInitialBudget
        default: .fundPlan
        }
    }

    /// Reads the indicators a unit sent: each must belong to the task's goal, and values must read against the target.
    static func progressRows(_ inputs: [IndicatorProgressInput], indicators: [Indicator]) -> ([IndicatorProgress], [AppError]) {
        let byID = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var rows: [IndicatorProgress] = [], errors: [AppError] = [], seen: Set<UUID> = []
        for (index, input) in inputs.enumerated() {
            let field = "indicators[\(index + 1)]"
            guard let indicator = byID[input.indicatorID], seen.insert(input.indicatorID).inserted else {
                errors.append(.invalid(field, Message(.errorUnknownIndicator(index + 1))))
                continue
            }
            let likelihoodText = input.likelihood?.trimmed ?? ""
            let likelihood = CompletionLikelihood(text: likelihoodText)
            if !likelihoodText.isEmpty && likelihood == nil { errors.append(.invalid("\(field).likelihood", Message(.errorLikelihoodRequired))) }
            let item = IndicatorProgress(indicatorID: indicator.id, reachedText: clip(input.reached, InputLimits.shortText),
                                         forecastText: clip(input.forecast, InputLimits.shortText), likelihood: likelihood,
                                         cause: input.cause.map(\.trimmed).flatMap { $0.isEmpty ? nil : String($0.prefix(InputLimits.shortText)) },
                                         explanation: clip(input.explanation), measures: clip(input.measures))
            if let target = indicator.target {
                for (name, text) in [("reached", item.reachedText), ("forecast", item.forecastText)] where !text.isEmpty {
                    do throws(ProgressValueError) { _ = try ProgressValue.parse(text, against: target) } catch {
                        errors.append(.invalid("\(field).\(name)", Message(.errorProgressValue(text, error.reason))))
                    }
                }
            }
            rows.append(item)
        }
        return (rows, errors)
    }

    // MARK: workflow

    static func apply(_ action: MonitoringAction, to taskID: UUID, lockVersion: Int, by caller: Caller, on db: any Database) async throws -> TaskDetail {
        let user = try caller.person()
        let detail = try await load(taskID, by: caller, on: db)
        let task = detail.task
        let needed: Action = action == .submit ? .reportMonitoring : .reviewMonitoring
        try caller.authorize(needed, task.target)
        if action.isFinanceStep {
            // Finance's step belongs to the bureau that runs the round (or one above it), never to the organisation that
            // reported: a receiving bureau's own officers do not confirm its transfer-payment report.
            // (The task is visible to the caller, so the refusal is 403, not "not found".)
            guard caller.reaches(.reviewMonitoring, detail.round.target) else { throw AppError.forbidden() }
            guard user.organizationID != task.assignee_id else {
                throw AppError(.forbidden, "own_submission", Message(.errorMonitoringOwnSubmission))
            }
        }
        let reaching = user.roles.filter { Authorization.reaches($0, actor: user.actor, target: task.target) }
        let today = CalendarDay(chinaDay: caller.now)
        let result: MonitoringTransition
        do {
            result = try MonitoringWorkflow.transition(action, from: task.taskState, roles: reaching, round: detail.round.roundState,
                                                       deadline: detail.round.deadlineDay, today: today, assignee: task.assignee,
                                                       isAssignee: user.organizationID == task.assignee_id,
                                                       callerSubmitted: task.submitted_by == user.userID)
        } catch {
            var refusal = error.appError
            refusal.auditNote = "monitoring_task=\(taskID.uuidString.lowercased()) action=\(action.name) refused=\(error)"
            throw refusal
        }
        if action == .submit {
            let subject = MonitoringSubject(period: detail.round.period, fund: task.fund,
                                            indicators: detail.indicators.map { ($0, detail.progress[$0.id]) })
            let problems = MonitoringScan.submissionProblems(subject, rules: try detail.round.ruleSet, fundExplained: !task.fund_explanation.trimmed.isEmpty)
            if !problems.isEmpty {
                let rows = Dictionary(detail.indicators.enumerated().map { ($0.element.id, $0.offset + 1) }, uniquingKeysWith: { first, _ in first })
                let names = Dictionary(detail.indicators.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
                throw FormErrors(errors: problems.map { problem in
                    var error = problem.problem.appError(row: problem.indicatorID.flatMap { rows[$0] })
                    if let id = problem.indicatorID, let row = rows[id] { error.location = Message(.indicatorLocation(row, names[id] ?? "")) }
                    return error
                }, summary: ("task_incomplete", Message(.errorTaskSubmission(problems.count))))
            }
        }
        let opinion: String = switch action {
        case .departmentReturn(let text), .financeReturn(let text): text.trimmed
        default: ""
        }
        try await db.transaction { db in
            struct Row: Decodable { var id: UUID }
            var update = db.sql.update(MonitoringTables.tasks).set("state", to: SQLBind(result.newState.rawValue))
                .set("lock_version", to: SQLRaw("lock_version + 1")).set("updated_at", to: SQLBind(caller.now))
            if action == .submit {
                update = update.set("late", to: SQLBind(result.late)).set("submitted_by", to: SQLBind(user.userID)).set("submitted_at", to: SQLBind(caller.now))
            }
            let claimed = try await update.where("id", .equal, SQLBind(task.id)).where("lock_version", .equal, SQLBind(lockVersion))
                .returning("id").all(decoding: Row.self)
            guard claimed.count == 1 else { throw AppError(.conflict, "task_conflict", Message(.errorTaskConflict)) }
            try await db.sql.insert(into: MonitoringTables.transitions)
                .columns("id", "task_id", "action", "from_state", "to_state", "late", "actor_user_id", "actor_name", "opinion", "occurred_at")
                .values(SQLBind(UUID.timeOrdered(at: caller.now)), SQLBind(task.id), SQLBind(action.name), SQLBind(task.state),
                        SQLBind(result.newState.rawValue), SQLBind(result.late), SQLBind(user.userID), SQLBind(user.displayName),
                        SQLBind(opinion), SQLBind(caller.now))
                .run()
            if let moved = try await TaskRow.find(task.id, on: db) {
                // A submission after the deadline no longer counts as 未报送; a return past it does again.
                try await MonitoringScanner.store([moved], round: detail.round, today: today, on: db)
            }
            try await AuditTrail.record("monitoring.\(action.name)", entityType: "monitoring_task", entityID: task.id.uuidString.lowercased(),
                                        summary: "object=\(task.object_code) \(task.state)→\(result.newState.rawValue)\(result.late ? " late" : "") opinion=\(opinion)",
                                        context: caller.audit, on: db)
        }
        return try await load(taskID, by: caller, on: db)
    }
}

extension ProgressValueError {
    var reason: TextKey {
        switch self {
        case .empty: .progressEmpty
        case .notANumber: .progressNeedsNumber
        case .notADate: .progressNeedsDate
        case .unitMismatch(_, let unit): .progressUnit(unit)
        case .hasSign: .progressNoSign
        }
    }
}

extension ProgressProblem {
    func appError(row: Int?) -> AppError {
        let field = row.map { "indicators[\($0)]" } ?? "fundExplanation"
        switch self {
        case .reached(let error): return .invalid("\(field).reached", Message(.errorProgressValue("", error.reason)))
        case .forecast(let error): return .invalid("\(field).forecast", Message(.errorProgressValue("", error.reason)))
        case .missingFund: return .invalid("allocated", Message(.errorFundMissing))
        case .missingForecast: return .invalid("\(field).forecast", Message(.errorForecastRequired))
        case .missingLikelihood: return .invalid("\(field).likelihood", Message(.errorLikelihoodRequired))
        case .unknownCause(let cause): return .invalid("\(field).cause", Message(.errorUnknownCause(cause)))
        case .explanationRequired(let level):
            return row == nil ? .invalid(field, Message(.errorFundExplanationRequired(level.text)))
                : .invalid("\(field).explanation", Message(.errorExplanationRequired(level.text)))
        }
    }
}

extension MonitoringWorkflowError {
    var appError: AppError {
        switch self {
        case .notAllowed(let action, let from):
            AppError(.conflict, "transition_not_allowed", Message(.errorTransitionNotAllowed(action, from.text)))
        case .roleNotPermitted: .forbidden()
        case .opinionRequired: .invalid("opinion", Message(.errorOpinionRequired))
        case .roundNotOpen(let state): AppError(.conflict, "round_not_open", Message(.errorRoundNotOpen(state.text)))
        case .notAssignee: AppError(.forbidden, "task_not_assignee", Message(.errorTaskNotAssignee))
        case .ownSubmission: AppError(.forbidden, "own_submission", Message(.errorMonitoringOwnSubmission))
        }
    }
}
