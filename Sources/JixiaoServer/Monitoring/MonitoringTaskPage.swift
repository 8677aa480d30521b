import Fluent
import Plot
import SQLKit
import Vapor
import JixiaoDomain

/// What the task form sends; kept as typed when it is refused, so nothing the unit wrote is lost.
struct ReportForm: Content {
    var lock_version: Int
    var full_year_budget: String?
    var allocated: String?
    var spent: String?
    var forecast: String?
    var budget_note: String?
    var fund_explanation: String?
    var annual_progress: String?
    var p: [ProgressForm]?

    struct ProgressForm: Content {
        var id: UUID
        var reached: String?
        var forecast: String?
        var likelihood: String?
        var cause: String?
        var explanation: String?
        var measures: String?
    }

    var input: ReportInput {
        ReportInput(lockVersion: lock_version, fullYearBudget: full_year_budget, allocated: allocated, spent: spent, forecast: forecast, plan: nil,
                    budgetNote: budget_note, fundExplanation: fund_explanation, annualProgress: annual_progress,
                    indicators: p.map { $0.map { IndicatorProgressInput(indicatorID: $0.id, reached: $0.reached ?? "", forecast: $0.forecast ?? "",
                                                                         likelihood: $0.likelihood, cause: $0.cause, explanation: $0.explanation ?? "",
                                                                         measures: $0.measures ?? "") } })
    }
}

/// One object's task as its page shows it: the task, what the person may do with it now, its dispositions.
/// The same object's task in a round of the year, for its history across rounds.
struct ObjectRoundRow: Decodable, Sendable {
    var id: UUID
    var period_end: String
    var state: String
    var colour: String
    var late: Bool
    var warning_count: Int
    var full_year_budget_fen: Int64
    var allocated_fen: Int64?
    var spent_fen: Int64?
    var assignee_id: UUID
    var assignee_path: String

    var period: MonitoringPeriod? { CalendarDay(isoDate: period_end).map { MonitoringPeriod(end: $0) } }

    /// The object's tasks in every round of the year that the caller may see, oldest period first.
    static func of(_ task: TaskRow, year: Int, by caller: Caller, on db: any Database) async throws -> [ObjectRoundRow] {
        let user = try caller.person()
        // The region chosen in Swift: a bare "$n IS NULL" gives PostgreSQL no type to infer for the bind.
        let region: any SQLExpression = task.region_id.map { SQLBinaryExpression(SQLColumn("region_id", table: "t"), .equal, SQLBind($0)) }
            ?? SQLBinaryExpression(SQLColumn("region_id", table: "t"), .is, SQLLiteral.null)
        return try await db.sql.select()
            .columns(SQLColumn("id", table: "t"), SQLColumn("period_end", table: "r"), SQLColumn("state", table: "t"), SQLColumn("colour", table: "t"),
                     SQLColumn("late", table: "t"), SQLColumn("warning_count", table: "t"), SQLColumn("full_year_budget_fen", table: "t"),
                     SQLColumn("allocated_fen", table: "t"), SQLColumn("spent_fen", table: "t"), SQLColumn("assignee_id", table: "t"),
                     SQLColumn("assignee_path", table: "t"))
            .from(MonitoringTables.tasksAsT(db))
            .join(SQLAlias(SQLIdentifier(MonitoringTables.rounds), as: SQLIdentifier("r")), on: SQLColumn("id", table: "r"), .equal, SQLColumn("round_id", table: "t"))
            .where(SQLColumn("budget_object_id", table: "t"), .equal, SQLBind(task.budget_object_id))
            .where(SQLColumn("fiscal_year", table: "r"), .equal, SQLBind(year))
            .where(region)
            .where(ScopePredicate(Authorization.scope(user.actor, .viewBudget), path: SQLColumn("assignee_path", table: "t"), id: SQLColumn("assignee_id", table: "t")))
            .orderBy(SQLColumn("period_end", table: "r")).orderBy(SQLColumn("created_at", table: "r"))
            .all(decoding: ObjectRoundRow.self)
    }
}

struct MonitoringTaskModel: Sendable {
    var detail: TaskDetail
    var dispositions: [DispositionRow]
    var rounds: [ObjectRoundRow]
    var canEdit: Bool
    var canSubmit: Bool
    var canDepartmentReview: Bool
    var canFinanceReview: Bool
    var canDispose: Bool
    var isAssignee: Bool
    var csrfToken: String
    var saved = false
    var errors: [String: Message] = [:]
    var problem: AppError?
    /// What the person sent when it was refused.
    var draft: ReportForm?
    /// The disposition as it was filled in when it was refused.
    var disposeDraft: MonitoringController.DisposeForm?

    static func load(_ taskID: UUID, by caller: Caller, on db: any Database) async throws -> MonitoringTaskModel {
        let user = try caller.person()
        let detail = try await MonitoringReports.load(taskID, by: caller, on: db)
        let task = detail.task, round = detail.round
        try await MonitoringDeadlineScan.catchUp(round, by: caller, on: db)
        let open = round.roundState == .open
        let isAssignee = user.organizationID == task.assignee_id
        let dispositions = try await MonitoringDispositions.list(round: round.id, task: task.id, for: user, on: db).map(\.0)
        let financeReach = caller.reaches(.reviewMonitoring, round.target) && !isAssignee
        return MonitoringTaskModel(
            detail: detail, dispositions: dispositions, rounds: try await ObjectRoundRow.of(task, year: round.fiscal_year, by: caller, on: db),
            canEdit: open && isAssignee && task.taskState.isEditable && caller.reaches(.reportMonitoring, task.target),
            canSubmit: open && isAssignee && task.taskState.isEditable && caller.reaches(.reportMonitoring, task.target),
            canDepartmentReview: open && task.taskState == .submitted && !isAssignee && user.roles.contains(.departmentOfficer)
                && caller.reaches(.reviewMonitoring, task.target),
            canFinanceReview: open && task.taskState == .departmentConfirmed && financeReach
                && !user.roles.isDisjoint(with: [.performanceOfficer, .budgetOfficer]),
            canDispose: task.level != .green && caller.reaches(.disposeMonitoring, round.target),
            isAssignee: isAssignee, csrfToken: user.csrfToken ?? "")
    }
}

struct MonitoringTaskView {
    let model: MonitoringTaskModel
    let t: Localizer

    private var detail: TaskDetail { model.detail }
    private var csrf: Node<HTML.FormContext> { Components.csrfField(model.csrfToken) }
    private func error(_ field: String) -> String? { model.errors[field].map { t($0) } }

    var body: Node<HTML.BodyContext> {
        let task = detail.task, round = detail.round
        let rules = (try? round.ruleSet) ?? .standard
        let progress = task.fund.map { FundProgress($0, period: round.period, basis: rules.executionBasis) }
        let warningsByIndicator = Dictionary(grouping: detail.warnings.filter { $0.indicatorID != nil }, by: { $0.indicatorID! })
        let wan = t(.unitWanYuan)   // every amount says its unit: 万元 are not what a treasury file or an accountant assumes
        let heading: String = " · " + task.assignee_name + " · " + String(round.fiscal_year) + " " + round.period.text(in: t.locale) + " · "
            + t(.roundDeadline) + " " + round.deadline + " "
        return .group(
            .p(.a(.href(MonitoringRoute.round(.value(round.id)).url), .text(t(.backToRound)))),
            .if(model.saved, Components.notice(t(.taskSaved))),
            .unwrap(model.problem) { Components.problem($0, t) },
            .div(.class("card"),
                .p(.span(.class("code"), .text(task.object_code)), .text(heading),
                   Components.badge(t(task.taskState.text), kind: "task-\(task.state)"), .text(" "),
                   .if(task.late, .group(Components.badge(t(.taskLate), kind: "late"), .text(" "))),
                   Components.badge(t(task.level.text), kind: "level-\(task.colour)")),
                .p(.a(.href(MonitoringRoute.printable(.value(task.id)).url), .text(t(.sheetPrint))), .text("　"),
                   .a(.href(MonitoringRoute.sheet(.value(task.id)).url), .text(t(.sheetDownload))))),
            .section(.h2(.text(t(.warningsTitle))),
                detail.warnings.isEmpty ? .p(.class("hint"), .text(t(.noWarnings))) :
                .ul(.class("warnings"), .forEach(detail.warnings) { warningItem($0) })),
            .section(.h2(.text(t(.fundTitle))),
                .div(.class("table-scroll"), .table(.class("data"),
                    .tr(.th(.text(t(.fundInitialBudget))), .td(.class("number"), .text(Money(fen: task.initial_budget_fen).wanYuanDisplay + wan))),
                    .tr(.th(.text(t(.fundFullYearBudget))), .td(.class("number"), .text(Money(fen: task.full_year_budget_fen).wanYuanDisplay + wan))),
                    .tr(.th(.text(t(.fundAllocated))), .td(.class("number"), .text(task.allocated_fen.map { Money(fen: $0).wanYuanDisplay + wan } ?? "—"))),
                    .tr(.th(.text(t(.fundSpent))), .td(.class("number"), .text(task.spent_fen.map { Money(fen: $0).wanYuanDisplay + wan } ?? "—"))),
                    .tr(.th(.text(t(.fundRate))), .td(.class("number"), .text(progress?.executionRate?.percentText() ?? "—"))),
                    .tr(.th(.text(t(progress?.fromPlan == true ? .warnPlanProgress : .warnTimeProgress))),
                        .td(.class("number"), .text(progress?.timeProgress?.percentText() ?? round.period.timeProgress.percentText()))),
                    .tr(.th(.text(t(.warnPace))), .td(.class("number"), .text(progress?.pace?.percentText() ?? "—"))),
                    .tr(.th(.text(t(.fundForecast))), .td(.class("number"), .text(task.forecast_fen.map { Money(fen: $0).wanYuanDisplay + wan } ?? "—"))),
                    .tr(.th(.text(t(.fundCarryOver))), .td(.class("number"), .text(progress.map { Self.hundredYuan($0.expectedCarryOver) + wan + ($0.carryOverProjected ? t(.projected) : "") } ?? "—"))),
                    .tr(.th(.text(t(.fundSource))), .td(.text(task.fund_source == "treasury" ? t(.fundFromTreasury) : task.fund_source == nil ? "—" : t(.fundFromUnit)))),
                    .if(!task.budget_note.isEmpty, .tr(.th(.text(t(.budgetNoteLabel))), .td(.text(task.budget_note)))),
                    .if(!task.fund_explanation.isEmpty, .tr(.th(.text(t(.fundExplanationLabel))), .td(.text(task.fund_explanation))))
                ))),
            model.canEdit ? form(rules) : readOnly(warningsByIndicator),
            actions(),
            dispositions(),
            roundsOfObject(),
            .section(.h2(.text(t(.historyTitle))),
                detail.history.isEmpty ? .p(.class("hint"), .text("—")) :
                .div(.class("table-scroll"), .table(.class("data"), .tbody(.forEach(detail.history) { row in historyRow(row) }))))
        )
    }

    /// The object across the year's rounds: how its colour and execution moved.
    private func roundsOfObject() -> Node<HTML.BodyContext> {
        let others = model.rounds
        return .section(.h2(.text(t(.roundsOfObjectTitle))),
            others.count < 2 ? .p(.class("hint"), .text(t(.roundsOfObjectEmpty))) :
            .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(t(.roundPeriodEnd))), .th(.text(t(.fieldState))), .th(.text(t(.fundRate))), .th(.text(t(.levelRed) + "/" + t(.levelYellow) + "/" + t(.levelGreen))))),
                .tbody(.forEach(others) { row in roundOfObjectRow(row) }))))
    }

    private func roundOfObjectRow(_ row: ObjectRoundRow) -> Node<HTML.TableContext> {
        let rate: String = row.spent_fen.flatMap { Ratio(Money(fen: $0), over: Money(fen: row.full_year_budget_fen))?.percentText() } ?? "—"
        let level = WarningLevel(key: row.colour) ?? .green
        let label: String = row.period?.text(in: t.locale) ?? row.period_end
        let current = row.id == detail.task.id
        return .tr(.td(current ? .strong(.text(label)) : .a(.href(MonitoringRoute.task(.value(row.id)).url), .text(label))),
                   .td(.text(t((MonitoringTaskState(rawValue: row.state) ?? .pending).text))),
                   .td(.class("number"), .text(rate)),
                   .td(Components.badge(t(level.text), kind: "level-" + level.key)))
    }

    /// A projected amount to the nearest 100 元 (two decimals of 万元): a projection has no exact fen.
    static func hundredYuan(_ money: Money) -> String {
        let step: Int64 = 10_000, half = step / 2
        let rounded = money.fen >= 0 ? (money.fen + half) / step * step : -((-money.fen + half) / step * step)
        return Money(fen: rounded).wanYuanDisplay
    }

    private func warningItem(_ warning: MonitoringWarning) -> Node<HTML.ListContext> {
        let level: String = warning.level.key
        let words: String = " " + WarningWords.explain(warning, t)
        return .li(.class("warning level-" + level), Components.badge(t(warning.level.text), kind: "level-" + level), .text(words))
    }

    private func historyRow(_ row: TransitionRow) -> Node<HTML.TableContext> {
        let from: MonitoringTaskState = MonitoringTaskState(rawValue: row.from_state) ?? .pending
        let to: MonitoringTaskState = MonitoringTaskState(rawValue: row.to_state) ?? .pending
        let change: String = t(from.text) + " → " + t(to.text)
        return .tr(.td(.text(DisplayTime.minute(row.occurred_at))), .td(.text(row.actor_name)), .td(.text(change)),
                   .td(.if(row.late, Components.badge(t(.taskLate), kind: "late")), .text(row.opinion)))
    }

    /// A choice inside the indicator table: `label` names the column (shown above the field when the table folds into
    /// cards on a phone), `about` the indicator, for a screen reader.
    private func choice(_ name: String, _ options: [(value: String, label: String)], selected: String, error: String?,
                        label: String, about: String) -> Node<HTML.TableRowContext> {
        let node: Node<HTML.BodyContext> = .select(.attribute(named: "name", value: name), .attribute(named: "aria-label", value: about + " · " + label),
            Components.option(value: "", label: "—", selected: selected.isEmpty),
            .forEach(options) { item in Components.option(value: item.value, label: item.label, selected: item.value == selected) })
        let message: Node<HTML.BodyContext> = .unwrap(error) { .p(.class("field-error"), .text($0)) }
        return .td(.attribute(named: "data-label", value: label), node, message)
    }

    /// The unit's form: money, then each indicator with its target beside the values.
    private func form(_ rules: MonitoringRuleSet) -> Node<HTML.BodyContext> {
        let task = detail.task, draft = model.draft
        let treasury = task.fund_source == "treasury"
        func money(_ name: String, _ label: TextKey, _ typed: String?, _ stored: Int64?, readOnly: Bool = false) -> Node<HTML.FormContext> {
            let value = typed ?? stored.map { Money(fen: $0).wanYuanText } ?? ""
            return readOnly
                ? .div(.class("field"), .label(.text(t(label))), .input(.type(.text), .name(name), .value(value), .readonly(true)), .p(.class("hint"), .text(t(.fundFromTreasury))))
                : Components.textField(label: t(label) + t(.inWanYuan), name: name, value: value, error: error(name == "full_year_budget" ? "fullYearBudget" : name))
        }
        return .form(.method(.post), .action(MonitoringRoute.report(.value(task.id)).url), .class("card report"),
            csrf,
            .input(.type(.hidden), .name("lock_version"), .value(String(task.lock_version))),
            .h2(.text(t(.reportTitle))),
            .div(.class("toolbar wrap"),
                money("full_year_budget", .fundFullYearBudget, draft?.full_year_budget, task.full_year_budget_fen),
                money("allocated", .fundAllocated, draft?.allocated, task.allocated_fen, readOnly: treasury),
                money("spent", .fundSpent, draft?.spent, task.spent_fen, readOnly: treasury),
                money("forecast", .fundForecast, draft?.forecast, task.forecast_fen)),
            Components.textField(label: t(.budgetNoteLabel), name: "budget_note", value: draft?.budget_note ?? task.budget_note, error: error("budgetNote")),
            Components.textField(label: t(.fundExplanationLabel), name: "fund_explanation", value: draft?.fund_explanation ?? task.fund_explanation,
                                 error: error("fundExplanation") ?? error("allocated")),
            .div(.class("table-scroll"), .table(.class("data progress"),
                .thead(.tr(.th(.text(t(.fieldIndicator))), .th(.text(t(.fieldTarget))), .th(.text(t(.progressReached(detail.round.period))))
                           , .th(.text(t(.progressForecast))), .th(.text(t(.progressLikelihood))), .th(.text(t(.progressCause))),
                           .th(.text(t(.progressExplanation))), .th(.text(t(.progressMeasures))))),
                .tbody(.forEach(detail.indicators.enumerated().map { $0 }) { index, indicator in indicatorRow(index, indicator, rules) }))),
            .div(.class("field"), .label(.for("annual_progress"), .text(t(.annualProgressLabel))),
                 .textarea(.id("annual_progress"), .name("annual_progress"), .attribute(named: "rows", value: "3"),
                           .text(draft?.annual_progress ?? task.annual_progress))),
            .button(.type(.submit), .class("primary"), .text(t(.saveReport)))
        )
    }

    private func indicatorRow(_ index: Int, _ indicator: Indicator, _ rules: MonitoringRuleSet) -> Node<HTML.TableContext> {
        let typed: ReportForm.ProgressForm? = model.draft?.p?.first { $0.id == indicator.id }
        let stored: IndicatorProgress? = detail.progress[indicator.id]
        let prefix = "p[\(index)]", field = "indicators[\(index + 1)]"
        func cell(_ name: String, _ value: String, label: String, area: Bool = false) -> Node<HTML.TableRowContext> {
            let message: String? = error("\(field).\(name)")
            let about = indicator.name + " · " + label
            let input: Node<HTML.BodyContext> = area
                ? .textarea(.name("\(prefix)[\(name)]"), .attribute(named: "rows", value: "2"), .attribute(named: "aria-label", value: about), .text(value))
                : .input(.type(.text), .name("\(prefix)[\(name)]"), .value(value), .attribute(named: "aria-label", value: about))
            let note: Node<HTML.BodyContext> = .unwrap(message) { .p(.class("field-error"), .attribute(named: "role", value: "alert"), .text($0)) }
            return .td(.class(message == nil ? "" : "has-error"), .attribute(named: "data-label", value: label), input, note)
        }
        let reached: String = typed?.reached ?? stored?.reachedText ?? ""
        let forecast: String = typed?.forecast ?? stored?.forecastText ?? ""
        let explanation: String = typed?.explanation ?? stored?.explanation ?? ""
        let measures: String = typed?.measures ?? stored?.measures ?? ""
        let likelihood: String = typed?.likelihood ?? stored?.likelihood?.rawValue ?? ""
        let cause: String = typed?.cause ?? stored?.cause ?? ""
        let name: String = t.term(indicator.category) + " › " + indicator.name
        let likelihoods: [(value: String, label: String)] = CompletionLikelihood.allCases.map { ($0.rawValue, t($0.text)) }
        let causes: [(value: String, label: String)] = rules.deviationCauses.map { ($0, t.deviationCause($0)) }
        let first: Node<HTML.TableRowContext> = .td(.input(.type(.hidden), .name("\(prefix)[id]"), .value(indicator.id.uuidString)), .text(name))
        let target: Node<HTML.TableRowContext> = .td(.attribute(named: "data-label", value: t(.fieldTarget)), .span(.class("code"), .text(indicator.targetText)))
        return .tr(first, target, cell("reached", reached, label: t(.progressReached(detail.round.period))),
                   cell("forecast", forecast, label: t(.progressForecast)),
                   choice("\(prefix)[likelihood]", likelihoods, selected: likelihood, error: error("\(field).likelihood"),
                          label: t(.progressLikelihood), about: indicator.name),
                   choice("\(prefix)[cause]", causes, selected: cause, error: error("\(field).cause"), label: t(.progressCause), about: indicator.name),
                   cell("explanation", explanation, label: t(.progressExplanation), area: true),
                   cell("measures", measures, label: t(.progressMeasures), area: true))
    }

    private func readOnly(_ warnings: [UUID: [MonitoringWarning]]) -> Node<HTML.BodyContext> {
        .section(.h2(.text(t(.progressTitle))),
            .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(t(.fieldIndicator))), .th(.text(t(.fieldTarget))), .th(.text(t(.progressReached(detail.round.period))))
                           , .th(.text(t(.progressForecast))), .th(.text(t(.progressLikelihood))), .th(.text(t(.progressCause))),
                           .th(.text(t(.progressExplanation))), .th(.text(t(.progressMeasures))))),
                .tbody(.forEach(detail.indicators) { indicator in
                    let p = detail.progress[indicator.id]
                    let level = MonitoringScan.colour(warnings[indicator.id] ?? [])
                    return .tr(.td(.text(t.term(indicator.category) + " › " + indicator.name), .text(" "),
                                   .if(level != .green, Components.badge(t(level.text), kind: "level-\(level.key)"))),
                               .td(.span(.class("code"), .text(indicator.targetText))), .td(.text(p?.reachedText ?? "")), .td(.text(p?.forecastText ?? "")),
                               .td(.text(p?.likelihood.map { t($0.text) } ?? "")), .td(.text(p?.cause.map { t.deviationCause($0) } ?? "")), .td(.text(p?.explanation ?? "")),
                               .td(.text(p?.measures ?? "")))
                }))),
            .if(!detail.task.annual_progress.isEmpty, .p(.strong(.text(t(.annualProgressLabel) + t.colon)), .text(detail.task.annual_progress))))
    }

    private func actions() -> Node<HTML.BodyContext> {
        let task = detail.task
        func step(_ action: String, _ label: TextKey, opinion: Bool, primary: Bool = false) -> Node<HTML.BodyContext> {
            .form(.method(.post), .action(MonitoringRoute.transition(.value(task.id)).url), .class("card"),
                  csrf,
                  .input(.type(.hidden), .name("action"), .value(action)),
                  .input(.type(.hidden), .name("lock_version"), .value(String(task.lock_version))),
                  .if(opinion, Components.textField(label: t(.opinionLabel), name: "opinion", error: error("opinion"))),
                  .button(.type(.submit), .class(primary ? "primary" : ""), .text(t(label))))
        }
        return .group(
            .if(model.canSubmit, step("submit", .submitReport, opinion: false, primary: true)),
            .if(model.canDepartmentReview, .group(step("department_confirm", .confirmReport, opinion: false, primary: true),
                                                  step("department_return", .returnReport, opinion: true))),
            .if(model.canFinanceReview, .group(step("finance_confirm", .confirmReport, opinion: false, primary: true),
                                               step("finance_return", .returnReport, opinion: true)))
        )
    }

    private func dispositions() -> Node<HTML.BodyContext> {
        let task = detail.task
        return .section(.h2(.text(t(.dispositionsTitle))),
            model.dispositions.isEmpty ? .p(.class("hint"), .text(t(.noDispositions))) :
            .ul(.class("dispositions"), .forEach(model.dispositions) { row in
                let kind = row.dispositionKind
                return .li(.strong(.text(kind.map { t($0.text) } ?? row.kind)), .text(t.colon + row.reason),
                           .unwrap(row.due_by) { .text(t.parenthesized(t(.dueByLabel) + " " + $0)) },
                           .unwrap(row.amount_fen) { .text(t.parenthesized(Money(fen: $0).wanYuanDisplay + t(.unitWanYuan))) },
                           .unwrap(row.adjustment_version_id) { _ in .group(.text(" "), .a(.href(GoalRoute.show(.value(row.budget_object_id)).url), .text(t(.openAdjustment)))) },
                           .text(" — " + row.decided_by_name + " " + DisplayTime.minute(row.decided_at)),
                           .unwrap(row.response) { .p(.text(t(.answerLabel) + t.colon + $0 + t.parenthesized(row.responded_by_name ?? ""))) },
                           .if(kind == .correct && row.response == nil && model.isAssignee,
                               .form(.method(.post), .action(MonitoringRoute.answer(.value(row.id)).url), .class("inline-form"),
                                     csrf, Components.textField(label: t(.answerLabel), name: "response", error: error("response")),
                                     .button(.type(.submit), .text(t(.answerButton))))))
            }),
            .if(model.canDispose, .form(.method(.post), .action(MonitoringRoute.dispose(.value(task.id)).url), .class("card"),
                csrf,
                .h3(.text(t(.disposeTitle))),
                Components.selectField(label: t(.dispositionKind), name: "kind", options: DispositionKind.allCases.map { ($0.rawValue, t($0.text)) },
                                       selected: model.disposeDraft?.kind, error: error("kind")),
                Components.textField(label: t(.dispositionReason), name: "reason", value: model.disposeDraft?.reason ?? "", error: error("reason")),
                Components.textField(label: t(.dueByLabel), name: "due_by", value: model.disposeDraft?.due_by ?? "", error: error("dueBy"), type: .date),
                Components.textField(label: t(.dispositionAmount), name: "amount", value: model.disposeDraft?.amount ?? "", error: error("amountWanYuan")),
                .button(.type(.submit), .text(t(.disposeButton))))))
    }
}
