import Fluent
import Plot
import Vapor
import JixiaoDomain

/// What the self-evaluation form sends; kept as typed when it is refused, so nothing the unit wrote is lost.
struct EvaluationPageForm: Content {
    var lock_version: Int
    var full_year_budget: String?
    var executed: String?
    var narrative: String?
    var r: [RowForm]?

    struct RowForm: Content {
        var id: UUID
        var actual: String?
        var band: String?
        var band_points: String?
        /// "1" when 不适用 is ticked (an unticked box sends nothing).
        var na: String?
        var na_reason: String?
        var over_cause: String?
        var chosen_points: String?
        var chosen_reason: String?
        var override_points: String?
        var override_reason: String?
        var explanation: String?
    }

    var input: EvaluationInput {
        EvaluationInput(lockVersion: lock_version, fullYearBudget: full_year_budget, executed: executed, narrative: narrative,
                        rows: r.map { $0.map { row in
                            EvaluationRowInput(indicatorID: row.id, actual: row.actual ?? "", band: row.band, bandPoints: row.band_points ?? "",
                                               notApplicable: row.na == "1", notApplicableReason: row.na_reason ?? "", overCause: row.over_cause ?? "",
                                               chosenPoints: row.chosen_points ?? "", chosenReason: row.chosen_reason ?? "",
                                               overridePoints: row.override_points ?? "", overrideReason: row.override_reason ?? "",
                                               explanation: row.explanation ?? "")
                        } }, reassignments: nil)
    }
}

/// One self-evaluation as its page shows it, with what the person may do with it now.
struct EvaluationFormModel: Sendable {
    var detail: EvaluationDetail
    var canEdit: Bool
    var canSubmit: Bool
    var canDepartmentReview: Bool
    var canFinanceReview: Bool
    var csrfToken: String
    /// Today in Beijing, for 逾期.
    var today: CalendarDay
    /// What was just done ("saved", "submit", "department_confirm" …), for the notice at the top.
    var done: String?
    var errors: [String: Message] = [:]
    var problem: AppError?
    var draft: EvaluationPageForm?
    /// For a department's 部门整体支出: the year's self-evaluations of its projects (and its units'), beside it.
    var projects: [EvaluationRow] = []

    static func load(_ id: UUID, by caller: Caller, on db: any Database) async throws -> EvaluationFormModel {
        let user = try caller.person()
        let detail = try await SelfEvaluationForms.load(id, by: caller, on: db)
        var projects: [EvaluationRow] = []
        if detail.evaluation.object_kind == BudgetObjectKind.departmentOverall.rawValue {
            var filter = EvaluationFilter(yearID: detail.evaluation.year_id)
            filter.under = HierarchyPath(rawValue: detail.evaluation.assignee_path)
            filter.limit = 500
            projects = try await SelfEvaluationQueries.evaluations(filter, for: user, on: db).0.filter { $0.id != id }
        }
        let evaluation = detail.evaluation
        let open = detail.year.yearState == .open
        let isAssignee = user.organizationID == evaluation.assignee_id
        let editable = open && isAssignee && evaluation.evaluationState.isEditable && caller.reaches(.reportEvaluation, evaluation.target)
        return EvaluationFormModel(
            detail: detail, canEdit: editable, canSubmit: editable,
            canDepartmentReview: open && evaluation.evaluationState == .submitted && !isAssignee && user.roles.contains(.departmentOfficer)
                && caller.reaches(.reviewEvaluation, evaluation.target),
            canFinanceReview: open && evaluation.evaluationState == .departmentConfirmed && !isAssignee && caller.reaches(.reviewEvaluation, detail.year.target)
                && !user.roles.isDisjoint(with: [.performanceOfficer, .budgetOfficer]),
            csrfToken: user.csrfToken ?? "", today: CalendarDay(chinaDay: caller.now), projects: projects)
    }
}

struct EvaluationFormView {
    let model: EvaluationFormModel
    let t: Localizer

    private var detail: EvaluationDetail { model.detail }
    private var csrf: Node<HTML.FormContext> { Components.csrfField(model.csrfToken) }
    private func error(_ field: String) -> String? { model.errors[field].map { t($0) } }
    private var wan: String { t(.unitWanYuan) }
    private var rules: ScoringRuleSet { (try? detail.evaluation.ruleSet) ?? .standard }

    var body: Node<HTML.BodyContext> {
        let e = detail.evaluation
        // A form nobody saved yet has no score to show (0 points, 差, would read as a verdict).
        let score = e.total == nil ? nil : detail.evaluated.score
        let heading: String = " · " + e.assignee_name + " · " + t(.selfEvaluationYearTitle(e.fiscal_year)) + " "
        return .group(
            .p(.a(.href(SelfEvaluationRoute.year(.value(e.year_id)).url), .text(t(.selfEvaluationBackToYear)))),
            .unwrap(model.done.flatMap(Self.doneText)) { Components.notice(t($0), kind: "success") },
            returned(),
            .unwrap(model.problem) { Components.problem($0, t) },
            .div(.class("card"),
                .p(.span(.class("code"), .text(e.object_code)), .text(heading),
                   Components.badge(t(e.evaluationState.text), kind: "task-\(e.state)"),
                   .if(e.late, .group(.text(" "), Components.badge(t(.taskLate), kind: "late"))),
                   .if(overdue, .group(.text(" "), Components.badge(t(.selfEvaluationOverdue(detail.year.deadline)), kind: "level-red"))),
                   .if(e.is_summary, .group(.text(" "), Components.badge(t(.selfEvaluationIssuerSummary)))),
                   .if(e.source == "import", .group(.text(" "), Components.badge(t(.selfEvaluationImported))))),
                .unwrap(e.stopped_reason) { Components.notice(t(.selfEvaluationStoppedNotice($0)), kind: "error") },
                .div(.class("score-line"),
                     .span(.class("score-total"), .text(t(.selfEvaluationTotal) + t.colon + (score?.totalText ?? "—"))), .text(" "),
                     .unwrap(score?.grade) { Components.badge(t.term($0), kind: "grade-\($0.key)") },
                     .p(.class("hint"), .text(e.rules_version == 0 ? t(.selfEvaluationPolicyRulesNote) : t(.selfEvaluationRulesNote(e.rules_version))))),
                .p(.a(.href(SelfEvaluationRoute.printable(.value(e.id)).url), .text(t(.selfEvaluationPrint))), .text("　"),
                   .a(.href(SelfEvaluationRoute.sheet(.value(e.id)).url), .text(t(.selfEvaluationDownload))))),
            findings(),
            projectsOfDepartment(),
            model.canEdit ? form() : readOnly(),
            demands(),
            actions(),
            .section(.h2(.text(t(.historyTitle))),
                detail.history.isEmpty ? .p(.class("hint"), .text("—")) :
                .div(.class("table-scroll"), .table(.class("data"), .tbody(.forEach(detail.history) { row in historyRow(row) }))))
        )
    }

    static func doneText(_ done: String) -> TextKey? {
        switch done {
        case "saved": .selfEvaluationSaved
        case "submit": .selfEvaluationDoneSubmitted
        case "department_confirm", "finance_confirm": .selfEvaluationDoneConfirmed
        case "department_return", "finance_return": .selfEvaluationDoneReturned
        default: nil
        }
    }

    /// Why a returned form came back, where the unit sees it first.
    private func returned() -> Node<HTML.BodyContext> {
        guard detail.evaluation.evaluationState == .returned, let last = detail.history.last(where: { $0.to_state == MonitoringTaskState.returned.rawValue }) else {
            return .empty
        }
        return Components.notice(t(.selfEvaluationReturnedBecause(last.actor_name, last.opinion)), kind: "error")
    }

    /// 逾期: past the deadline and not yet submitted.
    private var overdue: Bool {
        detail.evaluation.evaluationState.isEditable && model.today > detail.year.deadlineDay && detail.year.yearState == .open
    }

    // MARK: the money

    private func budgetSection(editable: Bool) -> Node<HTML.BodyContext> {
        let e = detail.evaluation, score = detail.evaluated.score
        let draft = model.draft
        func money(_ fen: Int64?) -> String { fen.map { Money(fen: $0).wanYuanDisplay + wan } ?? "—" }
        func input(_ name: String, _ field: String, _ label: TextKey, _ typed: String?, _ stored: Int64?) -> Node<HTML.BodyContext> {
            let value = typed ?? stored.map { Money(fen: $0).wanYuanText } ?? ""
            let message = error(field)
            return .div(.class(message == nil ? "field" : "field has-error"),
                        .label(.for(name), .text(t(label) + t(.inWanYuan))),
                        .input(.type(.text), .id(name), .name(name), .value(value), .attribute(named: "inputmode", value: "decimal"), .attribute(named: "form", value: Self.owner)),
                        .unwrap(message) { .p(.class("field-error"), .attribute(named: "role", value: "alert"), .text($0)) })
        }
        let words: String? = e.executed_fen == nil ? nil
            : score.map { ScoreWords.budget($0.budget, e.budgetFigures, divisor: (try? e.ruleSet.executionDivisor) ?? .fullYearBudget, t) }
        return .section(.h2(.text(t(.selfEvaluationBudgetTitle))),
            .div(.class("table-scroll"), .table(.class("data"),
                .tr(.th(.text(t(.fundInitialBudget))), .td(.class("number"), .text(money(e.initial_budget_fen)))),
                .tr(.th(.text(t(.fundFullYearBudget))), .td(editable ? input("full_year_budget", "fullYearBudget", .fundFullYearBudget, draft?.full_year_budget, e.full_year_budget_fen)
                                                                  : .text(money(e.full_year_budget_fen)))),
                .tr(.th(.text(t(.selfEvaluationExecuted))), .td(editable ? input("executed", "executed", .selfEvaluationExecuted, draft?.executed, e.executed_fen)
                                                                        : .text(money(e.executed_fen)))),
                .tr(.th(.text(t(.fundRate))), .td(.class("number"), .text(e.executed_fen == nil ? "—" : score?.budget.rate?.percentText(decimals: 2) ?? "—"))),
                .tr(.th(.text(t(.selfEvaluationBudgetPoints))), .td(.text(words ?? "—"))),
                .unwrap(e.monitoring_period.flatMap { CalendarDay(isoDate: $0) }) { end in
                    .tr(.th(.text(t(.selfEvaluationLastMonitoring(MonitoringPeriod(end: end).text(in: t.locale))))),
                        .td(.text(t(.fundSpent) + " " + money(e.monitoring_spent_fen) + " · " + t(.fundForecast) + " " + money(e.monitoring_forecast_fen))))
                }
            )))
    }

    // MARK: the form

    /// The form's fields sit in the page's sections and name the form they belong to (`form="…"`), so the sections stay
    /// ordinary page content and the browser still sends every field with the one save button, without a script.
    static let formID = "evaluation-form"
    private static var owner: String { formID }

    private func form() -> Node<HTML.BodyContext> {
        let e = detail.evaluation
        return .group(
            .h2(.text(t(.selfEvaluationFormTitle))),
            budgetSection(editable: true),
            goalSection(),
            indicatorSection(),
            .form(.id(Self.formID), .method(.post), .action(SelfEvaluationRoute.save(.value(e.id)).url), .class("card"),
                  csrf,
                  .input(.type(.hidden), .name("lock_version"), .value(String(e.lock_version))),
                  .button(.type(.submit), .class("primary"), .text(t(.selfEvaluationSave))))
        )
    }

    private func goalSection() -> Node<HTML.BodyContext> {
        let e = detail.evaluation
        let narrativeError: String? = error("narrative")
        let narrative: String = model.draft?.narrative ?? e.narrative
        let field: Node<HTML.BodyContext> = .div(.class(narrativeError == nil ? "field" : "field has-error"),
            .label(.for("narrative"), .text(t(.selfEvaluationNarrative))),
            .textarea(.id("narrative"), .name("narrative"), .attribute(named: "rows", value: "3"), .attribute(named: "form", value: Self.owner), .text(narrative)),
            .unwrap(narrativeError) { .p(.class("field-error"), .attribute(named: "role", value: "alert"), .text($0)) })
        return .section(.h2(.text(t(.selfEvaluationGoalTitle))), .p(.strong(.text(t(.selfEvaluationExpected) + t.colon)), .text(e.annual_goal)), field)
    }

    private func indicatorSection() -> Node<HTML.BodyContext> {
        let head: Node<HTML.TableContext> = .thead(.tr(.th(.text(t(.fieldIndicator))), .th(.text(t(.fieldTarget))), .th(.text(t(.selfEvaluationWeight))),
                                                       .th(.text(t(.selfEvaluationActual))), .th(.text(t(.selfEvaluationPoints))), .th(.text(t(.selfEvaluationExplanation)))))
        let rows: Node<HTML.TableContext> = .tbody(.forEach(detail.rows.enumerated().map { $0 }) { index, row in editableRow(index, row) })
        return .section(.h2(.text(t(.selfEvaluationIndicatorsTitle))),
            .p(.class("hint"), .text(t(.selfEvaluationIndicatorsHint))),
            .div(.class("table-scroll"), .table(.class("data progress"), head, rows)))
    }

    /// A row's points, once the form was saved (before, 0 points everywhere would read as a verdict).
    private func scored(_ index: Int) -> IndicatorScore? {
        guard detail.evaluation.total != nil, let score = detail.evaluated.score, index < score.indicators.count else { return nil }
        return score.indicators[index]
    }

    private func editableRow(_ index: Int, _ row: EvaluationIndicatorRow) -> Node<HTML.TableContext> {
        let typed: EvaluationPageForm.RowForm? = model.draft?.r?.first { $0.id == row.indicator_id }
        let prefix = "r[\(index)]", field = "rows[\(index + 1)]"
        let about: String = row.name
        func value(_ typedValue: String?, _ stored: String?) -> String { typedValue ?? stored ?? "" }
        func text(_ name: String, _ key: String, _ current: String, label: String) -> Node<HTML.BodyContext> {
            let message = error("\(field).\(key)")
            return .div(.class(message == nil ? "field" : "field has-error"),
                        .label(.text(label)),
                        .input(.type(.text), .name("\(prefix)[\(name)]"), .value(current), .attribute(named: "aria-label", value: about + " · " + label),
                               .attribute(named: "form", value: Self.owner)),
                        .unwrap(message) { .p(.class("field-error"), .attribute(named: "role", value: "alert"), .text($0)) })
        }
        let qualitative = row.target?.op == .qualitative
        let actualCell: Node<HTML.TableRowContext>
        if qualitative {
            let band = value(typed?.band, row.band)
            let bandError = error("\(field).band") ?? error("\(field).bandPoints")
            actualCell = .td(.attribute(named: "data-label", value: t(.selfEvaluationActual)),
                .select(.attribute(named: "name", value: "\(prefix)[band]"), .attribute(named: "aria-label", value: about + " · " + t(.selfEvaluationBand)),
                        .attribute(named: "form", value: Self.owner),
                        Components.option(value: "", label: "—", selected: band.isEmpty),
                        .forEach(QualitativeBand.allCases) { item in
                            // The weight the rule checks against: re-scaled when rows of the group are 不适用.
                            let bounds = item.bounds(weight: scored(index)?.weight ?? row.weightValue)
                            let label = t.term(item) + t.parenthesized(ScoreArithmetic.number(bounds.low) + "–" + ScoreArithmetic.number(bounds.high))
                            return Components.option(value: item.rawValue, label: label, selected: item.rawValue == band)
                        }),
                .input(.type(.text), .name("\(prefix)[band_points]"), .value(value(typed?.band_points, row.band_points)),
                       .attribute(named: "inputmode", value: "decimal"), .attribute(named: "placeholder", value: t(.selfEvaluationPoints)),
                       .attribute(named: "aria-label", value: about + " · " + t(.selfEvaluationPoints)), .attribute(named: "form", value: Self.owner)),
                .unwrap(bandError) { .p(.class("field-error"), .attribute(named: "role", value: "alert"), .text($0)) })
        } else {
            let message = error("\(field).actual")
            actualCell = .td(.class(message == nil ? "" : "has-error"), .attribute(named: "data-label", value: t(.selfEvaluationActual)),
                .input(.type(.text), .name("\(prefix)[actual]"), .value(value(typed?.actual, row.actual_text)),
                       .attribute(named: "aria-label", value: about + " · " + t(.selfEvaluationActual)), .attribute(named: "form", value: Self.owner)),
                .unwrap(row.last_forecast) { .p(.class("hint"), .text(t(.selfEvaluationForecastHint($0)))) },
                .unwrap(message) { .p(.class("field-error"), .attribute(named: "role", value: "alert"), .text($0)) })
        }
        let points: IndicatorScore? = scored(index)
        let na: Bool = typed.map { $0.na == "1" } ?? (row.not_applicable_reason != nil)
        let explanationError = error("\(field).explanation")
        let overCause = value(typed?.over_cause, row.over_cause)
        let otherOpen = na || !overCause.isEmpty || row.chosen_points != nil || row.override_points != nil
            || [error("\(field).overCause"), error("\(field).chosenPoints"), error("\(field).overridePoints"), error("\(field).reason"),
                error("\(field).notApplicableReason")].contains { $0 != nil }
        return .tr(
            .td(.input(.type(.hidden), .name("\(prefix)[id]"), .value(row.indicator_id.uuidString), .attribute(named: "form", value: Self.owner)),
                .text(t.term(row.indicatorCategory) + " › " + row.name)),
            .td(.attribute(named: "data-label", value: t(.fieldTarget)), .span(.class("code"), .text(row.target_text))),
            .td(.class("number"), .attribute(named: "data-label", value: t(.selfEvaluationWeight)), .text(ScoreArithmetic.number(row.weightValue))),
            actualCell,
            .td(.attribute(named: "data-label", value: t(.selfEvaluationPoints)),
                .strong(.text(points.map { Ratio.text($0.points, decimals: 2) } ?? "—")),
                .if(points?.isOverride == true, .group(.text(" "), Components.badge(t(.selfEvaluationOverride), kind: "late"))),
                .if(row.chosen_points != nil && points?.isOverride != true, .group(.text(" "), Components.badge(t(.selfEvaluationChosenBadge)))),
                .unwrap(points) { .p(.class("hint words"), .text(ScoreWords.explain(row, $0, t, rules: rules))) }),
            .td(.class(explanationError == nil ? "" : "has-error"), .attribute(named: "data-label", value: t(.selfEvaluationExplanation)),
                .textarea(.name("\(prefix)[explanation]"), .attribute(named: "rows", value: "2"),
                          .attribute(named: "aria-label", value: about + " · " + t(.selfEvaluationExplanation)), .attribute(named: "form", value: Self.owner),
                          .text(value(typed?.explanation, row.explanation))),
                .unwrap(explanationError) { .p(.class("field-error"), .attribute(named: "role", value: "alert"), .text($0)) },
                .element(named: "details", nodes: [
                    otherOpen || error("\(field).points") != nil ? .attribute(named: "open") : .group([]),
                    .element(named: "summary", text: t(.selfEvaluationOtherCases)),
                    .unwrap(error("\(field).points")) { .p(.class("field-error"), .attribute(named: "role", value: "alert"), .text($0)) },
                    .label(.class("check"), Components.input([.type(.checkbox), .name("\(prefix)[na]"), .value("1"), .attribute(named: "form", value: Self.owner)] + (na ? [.checked(true)] : [])),
                           .text(" " + t(.selfEvaluationNotApplicable))),
                    text("na_reason", "notApplicableReason", value(typed?.na_reason, row.not_applicable_reason), label: t(.selfEvaluationNotApplicableReason)),
                    .div(.class("field"), .label(.text(t(.selfEvaluationOverCause))),
                         .select(.attribute(named: "name", value: "\(prefix)[over_cause]"),
                                 .attribute(named: "aria-label", value: about + " · " + t(.selfEvaluationOverCause)), .attribute(named: "form", value: Self.owner),
                                 Components.option(value: "", label: "—", selected: overCause.isEmpty),
                                 Components.option(value: OverCauseKey.targetSetTooLow.rawValue, label: t(.overCauseTooLow), selected: overCause == OverCauseKey.targetSetTooLow.rawValue),
                                 Components.option(value: OverCauseKey.other.rawValue, label: t(.overCauseOther), selected: overCause == OverCauseKey.other.rawValue)),
                         .unwrap(error("\(field).overCause")) { .p(.class("field-error"), .text($0)) }),
                    text("chosen_points", "chosenPoints", value(typed?.chosen_points, row.chosen_points), label: t(.selfEvaluationChosenPoints)),
                    text("chosen_reason", "chosenReason", value(typed?.chosen_reason, row.chosen_reason), label: t(.selfEvaluationChosenReason)),
                    text("override_points", "overridePoints", value(typed?.override_points, row.override_points), label: t(.selfEvaluationOverridePoints)),
                    text("override_reason", "reason", value(typed?.override_reason, row.override_reason), label: t(.selfEvaluationOverrideReason)),
                ]))
        )
    }

    // MARK: read-only

    private func readOnly() -> Node<HTML.BodyContext> {
        let e = detail.evaluation
        return .group(
            budgetSection(editable: false),
            .section(.h2(.text(t(.selfEvaluationGoalTitle))),
                .p(.strong(.text(t(.selfEvaluationExpected) + t.colon)), .text(e.annual_goal)),
                .p(.strong(.text(t(.selfEvaluationNarrative) + t.colon)), .text(e.narrative.isEmpty ? "—" : e.narrative))),
            .section(.h2(.text(t(.selfEvaluationIndicatorsTitle))),
                .div(.class("table-scroll"), .table(.class("data progress"),
                    .thead(.tr(.th(.text(t(.fieldIndicator))), .th(.text(t(.fieldTarget))), .th(.text(t(.selfEvaluationWeight))),
                               .th(.text(t(.selfEvaluationActual))), .th(.text(t(.selfEvaluationPoints))), .th(.text(t(.selfEvaluationExplanation))))),
                    .tbody(.forEach(detail.rows.enumerated().map { $0 }) { index, row in readOnlyRow(index, row) }))))
        )
    }

    private func readOnlyRow(_ index: Int, _ row: EvaluationIndicatorRow) -> Node<HTML.TableContext> {
        let points: IndicatorScore? = scored(index)
        let actual: String = row.not_applicable_reason != nil ? t(.selfEvaluationNotApplicable)
            : row.qualitativeBand.map { t.term($0) } ?? (row.actual_text.isEmpty ? "—" : row.actual_text)
        return .tr(.td(.text(t.term(row.indicatorCategory) + " › " + row.name)),
                   .td(.attribute(named: "data-label", value: t(.fieldTarget)), .span(.class("code"), .text(row.target_text))),
                   .td(.class("number"), .attribute(named: "data-label", value: t(.selfEvaluationWeight)), .text(ScoreArithmetic.number(row.weightValue))),
                   .td(.attribute(named: "data-label", value: t(.selfEvaluationActual)), .text(actual),
                       .unwrap(row.printed_points) { .p(.class("hint"), .text(t(.selfEvaluationPrinted($0)))) }),
                   .td(.attribute(named: "data-label", value: t(.selfEvaluationPoints)), .strong(.text(points.map { Ratio.text($0.points, decimals: 2) } ?? "—")),
                       .if(points?.isOverride == true, .group(.text(" "), Components.badge(t(.selfEvaluationOverride), kind: "late"))),
                       .if(row.chosen_points != nil && points?.isOverride != true, .group(.text(" "), Components.badge(t(.selfEvaluationChosenBadge)))),
                       .unwrap(points) { .p(.class("hint words"), .text(ScoreWords.explain(row, $0, t, rules: rules))) }),
                   .td(.attribute(named: "data-label", value: t(.selfEvaluationExplanation)), .text(row.explanation.isEmpty ? "—" : row.explanation)))
    }

    // MARK: findings, demands, actions

    private func findings() -> Node<HTML.BodyContext> {
        let found = detail.evaluated.findings
        guard detail.evaluation.total != nil else {
            return .section(.h2(.text(t(.selfEvaluationFindingsTitle))), .p(.class("hint"), .text(t(.selfEvaluationNotSavedYet))))
        }
        return .section(.h2(.text(t(.selfEvaluationFindingsTitle))),
            found.isEmpty ? .p(.class("hint"), .text(t(.selfEvaluationNoFindings))) :
            .ul(.class("warnings"), .forEach(found) { finding in
                .li(.class("warning level-yellow"), Components.badge(t(.selfEvaluationFindingBadge), kind: "level-yellow"),
                    .text(" " + ScoreWords.finding(finding, rows: detail.rows, t)))
            }))
    }

    /// Beside a department's overall self-evaluation, how its projects came out.
    private func projectsOfDepartment() -> Node<HTML.BodyContext> {
        guard detail.evaluation.object_kind == BudgetObjectKind.departmentOverall.rawValue else { return .empty }
        return .section(.h2(.text(t(.selfEvaluationDepartmentProjects))),
            model.projects.isEmpty ? .p(.class("hint"), .text("—")) :
            .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(t(.fieldCode))), .th(.text(t(.fieldName))), .th(.text(t(.selfEvaluationAssignee))), .th(.text(t(.fieldState))),
                           .th(.text(t(.selfEvaluationTotal))), .th(.text(t(.selfEvaluationGrade))))),
                .tbody(.forEach(model.projects) { row in
                    .tr(.td(.a(.href(SelfEvaluationRoute.form(.value(row.id)).url), .span(.class("code"), .text(row.object_code)))), .td(.text(row.object_name)),
                        .td(.text(row.assignee_name)), .td(.text(t(row.evaluationState.text))),
                        .td(.class("number"), .text(row.total_cents.map { Ratio.text(Decimal($0) / 100, decimals: 2) } ?? "—")),
                        .td(.unwrap(row.grade_) { Components.badge(t.term($0), kind: "grade-\($0.key)") }))
                }))))
    }

    private func demands() -> Node<HTML.BodyContext> {
        guard model.canEdit else { return .empty }
        let missing = detail.evaluated.demands(detail.evaluation, rows: detail.rows)
        return .section(.h2(.text(t(.selfEvaluationDemandsTitle))),
            missing.isEmpty ? .p(.class("hint"), .text(t(.selfEvaluationReady))) :
            .ul(.forEach(missing) { .li(.text(t($0.message))) }))
    }

    private func actions() -> Node<HTML.BodyContext> {
        let e = detail.evaluation
        func step(_ action: String, _ label: TextKey, opinion: Bool, primary: Bool = false) -> Node<HTML.BodyContext> {
            .form(.method(.post), .action(SelfEvaluationRoute.transition(.value(e.id)).url), .class("card"),
                  csrf,
                  .input(.type(.hidden), .name("action"), .value(action)),
                  .input(.type(.hidden), .name("lock_version"), .value(String(e.lock_version))),
                  .if(opinion, Components.textField(label: t(.opinionLabel), name: "opinion", error: error("opinion"))),
                  .button(.type(.submit), .class(primary ? "primary" : ""), .text(t(label))))
        }
        return .group(
            .if(model.canSubmit, step("submit", .selfEvaluationSubmit, opinion: false, primary: true)),
            .if(model.canDepartmentReview, .group(step("department_confirm", .confirmReport, opinion: false, primary: true),
                                                  step("department_return", .returnReport, opinion: true))),
            .if(model.canFinanceReview, .group(step("finance_confirm", .confirmReport, opinion: false, primary: true),
                                               step("finance_return", .returnReport, opinion: true)))
        )
    }

    private func historyRow(_ row: TransitionRow) -> Node<HTML.TableContext> {
        let from: MonitoringTaskState = MonitoringTaskState(rawValue: row.from_state) ?? .pending
        let to: MonitoringTaskState = MonitoringTaskState(rawValue: row.to_state) ?? .pending
        let change: String = t(from.text) + " → " + t(to.text)
        return .tr(.td(.text(DisplayTime.minute(row.occurred_at))), .td(.text(row.actor_name)), .td(.text(change)),
                   .td(.if(row.late, Components.badge(t(.taskLate), kind: "late")), .text(row.opinion)))
    }
}
