import Fluent
import Plot
import Vapor
import JixiaoDomain

/// Everything the page of one budget object's goal shows, loaded in one place (one query plan): the version, the
/// content shown (a refused draft, or what is saved), its checks, the history, what the person may do now, and the
/// library search of the editor. The view reads only this.
struct GoalPageModel: Sendable {
    enum Notice: Sendable, Equatable { case saved, done(String) }

    var loaded: LoadedGoal
    /// The content shown: a draft the person sent that was refused (kept, not lost), or the version's own.
    var goal: PerformanceGoal
    var checks: GoalChecks
    var transitions: [GoalTransitionModel]
    var canEdit: Bool
    var offered: [GoalActionKind]
    var notice: Notice?
    var problem: AppError?
    /// The action form a person sent when it was refused: its choices and text are shown again.
    var resubmitted: TransitionForm?
    /// The editor's library search: what was searched and what was found (nil when the editor is not shown).
    var librarySearch: String?
    var libraryEntries: [LibraryEntryModel]
    var csrfToken: String

    var isNewest: Bool { loaded.versions.last?.id == loaded.version.id }

    static func load(_ loaded: LoadedGoal, draft: PerformanceGoal? = nil, problem: AppError? = nil, resubmitted: TransitionForm? = nil,
                     notice: Notice? = nil, librarySearch: String? = nil, for user: SignedInUser, on db: any Database) async throws -> GoalPageModel {
        let goal = draft ?? loaded.goal
        let checks = try await GoalChecks.of(goal, object: loaded.object, owner: loaded.organization, on: db)
        let isOwner = loaded.organization.id == user.organizationID
        let newest = loaded.versions.last?.id == loaded.version.id
        let state = loaded.version.goalState
        let canEdit = newest && isOwner && state.isEditable && Authorization.decide(user.actor, .declareGoal, loaded.target) == .allow
        let reaching = user.roles.filter { Authorization.reaches($0, actor: user.actor, target: loaded.target) }
        let transitions = try await GoalCommands.history(of: loaded.version, on: db)
        let lastSubmitter = transitions.last { $0.action == GoalActionKind.submit.rawValue }?.actorUserID
        let offered = GoalWorkflow.offeredActions(state: state, roles: reaching, actorIsOwner: isOwner, actorSubmittedVersion: lastSubmitter == user.userID)
        let entries = canEdit && librarySearch != nil
            ? try await LibraryService.search(librarySearch, subcategory: nil, for: user, limit: 20, on: db) : []
        return GoalPageModel(loaded: loaded, goal: goal, checks: checks, transitions: transitions, canEdit: canEdit, offered: offered,
                             notice: notice, problem: problem, resubmitted: resubmitted, librarySearch: canEdit ? librarySearch : nil,
                             libraryEntries: entries, csrfToken: user.csrfToken ?? "")
    }
}

extension GoalPageModel.Notice {
    /// The notice a redirect after saving or acting asks for (`?saved=1`, `?done=submit`).
    static func from(_ request: Request) -> Self? {
        if request.query[String.self, at: "saved"] != nil { return .saved }
        return request.query[String.self, at: "done"].map { .done($0) }
    }
}

extension Request {
    /// Renders a goal page model in the shared layout.
    func render(_ model: GoalPageModel, status: HTTPResponseStatus = .ok) -> Response {
        layout.render(title: model.loaded.object.name, status: status, GoalPageView(model: model, t: localizer).body)
    }
}

/// The page of one budget object's goal — facts, versions, the checks beside each indicator, the editor (for the owner
/// while editable), the actions the person may take now, and the history — as a pure function of its model.
struct GoalPageView {
    let model: GoalPageModel
    let t: Localizer
    private var loaded: LoadedGoal { model.loaded }
    /// Past declared values of the library entries the goal uses, shown beside their targets.
    private var history: [UUID: [LibraryHistoryYear]] { model.checks.libraryHistory }
    private var resubmitted: TransitionForm? { model.resubmitted }
    private var csrfField: Node<HTML.FormContext> { Components.csrfField(model.csrfToken) }

    var body: Node<HTML.BodyContext> {
        let object = loaded.object, version = loaded.version
        let goal = model.goal, checks = model.checks
        let state = version.goalState
        let notice: String? = switch model.notice {
        case .saved?: t(.saved)
        case .done(let action)?: t(.actionDone(GoalActionLabel.title(action).map { t($0) } ?? action))
        case nil: nil
        }
        return .group(
            .unwrap(notice) { Components.notice($0, kind: "success") },
            .unwrap(model.problem) { Components.notice(t($0.message), kind: "error") },
            facts(state: state),
            .unwrap(version.adjustmentReason.flatMap { $0.isEmpty ? nil : $0 }) { reason in
                .div(.class("notice notice-info"), .strong(.text(t(.fieldAdjustmentReasonShown) + "：")), .text(reason))
            },
            .p(.class("toolbar"), .a(.class("button"), .href(GoalRoute.printable(.value(object.id!), version: version.versionNumber).url), .text(t(.printForm))),
               .a(.class("button"), .href(GoalRoute.declarationForm(.value(object.id!), version: version.versionNumber).url), .text(t(.downloadForm)))),
            versions(current: version),
            self.checks(checks),
            model.canEdit ? editor(goal: goal, checks: checks) : readOnly(goal: goal, checks: checks),
            model.canEdit ? libraryPicker() : .empty,
            model.isNewest ? actions(model.offered, blocking: checks.blockingCount) : .empty,
            historyTable(model.transitions)
        )
    }

    private func facts(state: GoalState) -> Node<HTML.BodyContext> {
        let o = loaded.object
        return .dl(.class("facts"),
            .dt(.text(t(.fieldProjectCode))), .dd(.text("\(o.code)（\(o.fiscalYear)）")),
            .dt(.text(t(.fieldObjectKind))), .dd(.text(t.term(o.objectKind))),
            .dt(.text(t(.fieldOrganization))), .dd(.text(loaded.organization.name)),
            .dt(.text(t(.fieldFundSource))), .dd(.text(t.term(FundSource(rawValue: o.fundSource)) ?? o.fundSource)),
            .dt(.text(t(.fieldProjectCategory))), .dd(.text("\(t.term(o.projectCategory))，\(o.startYear)–\(o.endYear)")),
            .dt(.text(t(.fieldRequestedWan))), .dd(.text(o.requested.wanYuanText), .unwrap(o.approved) { .text("（\(t(.fieldApproved)) \($0.wanYuanText)）") }),
            .dt(.text(t(.fieldState))), .dd(Components.badge(t(state.title), kind: "state-\(state.rawValue)"),
                                             .text(" v\(loaded.version.versionNumber)"),
                                             .if(o.isKeyProject, .group(.text(" "), Components.badge(t(.keyProject), kind: "key"))),
                                             .unwrap(loaded.version.financeGrade) { .text("  \(t(.fieldGrade))：\($0)") })
        )
    }

    private func versions(current: GoalVersionModel) -> Node<HTML.BodyContext> {
        guard loaded.versions.count > 1 else { return .empty }
        let id = loaded.object.id!
        return .nav(.class("versions"), .attribute(named: "aria-label", value: t(.versionsLabel)),
            .text(t(.versionsLabel) + "："),
            .forEach(loaded.versions) { v in
                .group(
                    v.id == current.id ? .strong(.text("v\(v.versionNumber) \(t(v.goalState.title))"))
                                       : .a(.href(GoalRoute.show(.value(id), version: v.versionNumber).url), .text("v\(v.versionNumber) \(t(v.goalState.title))")),
                    .if(v.versionNumber > 1, .group(.text(" "), .a(.class("diff-link"), .href(GoalRoute.diff(.value(id), from: v.versionNumber - 1, to: v.versionNumber).url),
                                                             .text(t(.diffLink(String(v.versionNumber - 1), String(v.versionNumber))))))),
                    .text("　"))
            })
    }

    private func checks(_ checks: GoalChecks) -> Node<HTML.BodyContext> {
        let general = checks.validation.filter { $0.index == nil }.map(\.message) + checks.regional.filter { $0.region == nil }.map(\.message)
        let generalFindings = checks.findings.filter { $0.index == nil }
        let clean = checks.blockingCount == 0 && checks.warningCount + checks.noticeCount == 0
        return .section(.class("checks"), .attribute(named: "aria-label", value: t(.checksTitle)),
            .h2(.text(t(.checksTitle))),
            clean ? .p(.class("hint"), .text(t(.checksClean))) : .group(
                .p(.class("hint"), .text(t(.checksSummary(String(checks.blockingCount), String(checks.warningCount), String(checks.noticeCount))))),
                FindingList.general(errors: general, findings: generalFindings, t)
            )
        )
    }

    /// The messages that belong to indicator row `index`, for the column beside it.
    private func rowMessages(_ index: Int, _ validation: [GoalValidationError], _ findings: [LintFinding]) -> Node<HTML.BodyContext> {
        FindingList.row(errors: validation.filter { $0.index == index }.map(\.message), findings: findings.filter { $0.index == index }, t)
    }

    private func readOnly(goal: PerformanceGoal, checks: GoalChecks) -> Node<HTML.BodyContext> {
        let validation = checks.validation, findings = checks.findings
        return .section(
            .h2(.text(t(.fieldAnnualGoal))), .p(.class("goal-text"), .text(goal.annualGoal.isEmpty ? "—" : goal.annualGoal)),
            .unwrap(goal.midTermGoal) { .group(.h2(.text(t(.fieldMidTermGoal))), .p(.class("goal-text"), .text($0))) },
            .h2(.text(t(.indicatorsTitle))),
            .div(.class("table-scroll"), .table(.class("data indicators"),
                .thead(.tr(.th(.text("#")), .th(.text(t(.fieldLevel1))), .th(.text(t(.fieldLevel2))), .th(.text(t(.fieldIndicatorName))),
                           .th(.text(t(.fieldTarget))), .th(.text(t(.fieldWeight))), .th(.text(t(.fieldStandard))), .th(.text(t(.checksTitle))))),
                .tbody(.forEach(Array(goal.indicators.enumerated())) { index, indicator in
                    .tr(.td(.text(String(index + 1))), .td(.text(t.term(indicator.category))), .td(.text(t.term(indicator.subcategory))),
                        .td(.text(indicator.name)), .td(.text(indicator.targetText), historyNote(indicator)), .td(.class("number"), .text(indicator.weight.map { "\($0)" } ?? "—")),
                        .td(.text(t.term(indicator.standard) ?? "")), .td(rowMessages(index, validation, findings)))
                })
            )),
            .if(loaded.object.objectKind == .transferPayment, RegionalGoalsView(t: t, checks: checks).readOnly(goal.regions))
        )
    }

    private func editor(goal: PerformanceGoal, checks: GoalChecks) -> Node<HTML.BodyContext> {
        let validation = checks.validation, findings = checks.findings
        let spare = max(3, 8 - goal.indicators.count)
        let rows: [Indicator?] = goal.indicators.map { Optional($0) } + Array(repeating: nil, count: spare)
        return .form(.method(.post), .action(GoalRoute.content(.value(loaded.object.id!)).url), .class("card goal-editor"),
            csrfField,
            .input(.type(.hidden), .name("lock_version"), .value(String(loaded.version.lockVersion))),
            .div(.class("field"), .label(.for("annual_goal"), .text(t(.fieldAnnualGoal))),
                 .textarea(.id("annual_goal"), .name("annual_goal"), .attribute(named: "rows", value: "3"), .text(goal.annualGoal))),
            .div(.class("field"), .label(.for("mid_term_goal"), .text(t(.fieldMidTermGoal))),
                 .textarea(.id("mid_term_goal"), .name("mid_term_goal"), .attribute(named: "rows", value: "2"), .text(goal.midTermGoal ?? ""))),
            .h2(.text(t(.indicatorsTitle))),
            .p(.class("hint"), .text(t(.indicatorEditorHint))),
            .div(.class("table-scroll"), .table(.class("data indicators editor"),
                .thead(.tr(.th(.text("#")), .th(.text(t(.fieldCategory))), .th(.text(t(.fieldIndicatorName))), .th(.text(t(.fieldTarget))),
                           .th(.text(t(.fieldWeight))), .th(.text(t(.fieldStandard))), .th(.text(t(.checksTitle))))),
                .tbody(.forEach(Array(rows.enumerated())) { index, indicator in
                    editorRow(prefix: "rows[\(index)]", number: index + 1, indicator: indicator,
                              messages: indicator == nil ? .empty : rowMessages(index, validation, findings))
                })
            )),
            .if(loaded.object.objectKind == .transferPayment,
                RegionalGoalsView(t: t, checks: checks).editor(goal.regions) { prefix, number, indicator, messages in
                    self.editorRow(prefix: prefix, number: number, indicator: indicator, messages: messages)
                }),
            .p(.button(.type(.submit), .class("primary"), .text(t(.saveGoal))))
        )
    }

    /// One line of an indicator editor; `prefix` names its fields (`rows[3]`, `regions[1][rows][0]`).
    func editorRow(prefix: String, number: Int, indicator: Indicator?, messages: Node<HTML.BodyContext>) -> Node<HTML.TableContext> {
        let subcategoryOptions = IndicatorSubcategory.allCases.map { ($0.rawValue, "\(t.term($0.category)) › \(t.term($0))") }
        return .tr(
            .td(.text(String(number)), .input(.type(.hidden), .name("\(prefix)[indicator_id]"), .value(indicator?.id.uuidString ?? "")),
                .input(.type(.hidden), .name("\(prefix)[library_entry_id]"), .value(indicator?.libraryEntryID?.uuidString ?? ""))),
            .td(.select(.attribute(named: "name", value: "\(prefix)[subcategory]"), .attribute(named: "aria-label", value: t(.fieldCategory)),
                        .forEach(subcategoryOptions) { Components.option(value: $0.0, label: $0.1, selected: $0.0 == indicator?.subcategory.rawValue) })),
            .td(Components.input([.type(.text), .name("\(prefix)[name]"), .value(indicator?.name ?? ""), .attribute(named: "aria-label", value: t(.fieldIndicatorName))])),
            .td(Components.input([.type(.text), .name("\(prefix)[target]"), .value(indicator?.targetText ?? ""), .placeholder("≥95%"),
                                  .attribute(named: "aria-label", value: t(.fieldTarget))]),
                .unwrap(indicator) { historyNote($0) }),
            .td(Components.input([.type(.text), .name("\(prefix)[weight]"), .value(indicator?.weight.map { "\($0)" } ?? ""),
                                  .attribute(named: "inputmode", value: "decimal"), .attribute(named: "aria-label", value: t(.fieldWeight))])),
            .td(.select(.attribute(named: "name", value: "\(prefix)[standard]"), .attribute(named: "aria-label", value: t(.fieldStandard)),
                        Components.option(value: "", label: "—", selected: indicator?.standard == nil),
                        .forEach(StandardSource.allCases) { Components.option(value: $0.rawValue, label: t.term($0), selected: $0 == indicator?.standard) })),
            .td(messages)
        )
    }

    /// "2024: 700 · 2025: 720 · 2026: 735" — the last three years' declared values of the library entry.
    private func historyNote(_ indicator: Indicator) -> Node<HTML.BodyContext> {
        guard let entry = indicator.libraryEntryID, let years = history[entry], !years.isEmpty else { return .empty }
        let text = years.suffix(3).map { $0.text(t) }.joined(separator: " · ")
        return .div(.class("history-note"), .text(t(.libraryHistory) + " " + text))
    }

    /// 从指标库选择 — search the inherited library and add an entry as a new row.
    private func libraryPicker() -> Node<HTML.BodyContext> {
        let query = model.librarySearch
        let entries = model.libraryEntries
        let id = loaded.object.id!
        return .section(.class("card library-picker"), .id("library"),
            .h2(.text(t(.libraryPickTitle))),
            .form(.method(.get), .action(GoalRoute.show(.value(id)).url(fragment: "library")), .class("toolbar"),
                .label(.for("library-q"), .class("visually-hidden"), .text(t(.librarySearch))),
                .input(.type(.search), .id("library-q"), .name("library"), .value(query ?? ""), .placeholder(t(.librarySearch))),
                .button(.type(.submit), .text(t(.search)))),
            .if(query != nil && entries.isEmpty, .p(.class("hint"), .text(t(.libraryNone)))),
            .if(!entries.isEmpty, .table(.class("data"),
                .thead(.tr(.th(.text(t(.fieldCategory))), .th(.text(t(.fieldIndicatorName))), .th(.text(t(.fieldUnit))), .th(.text(t(.fieldDefinition))), .th(.text("")))),
                .tbody(.forEach(entries) { entry in
                    .tr(.td(.text("\(t.term(entry.indicatorSubcategory.category)) › \(t.term(entry.indicatorSubcategory))")),
                        .td(.text(entry.name)), .td(.text("\(entry.targetOperator) \(entry.unit)")), .td(.class("hint"), .text(entry.definition)),
                        .td(.form(.method(.post), .action(GoalRoute.libraryPick(.value(id)).url), .class("inline"),
                                  csrfField,
                                  .input(.type(.hidden), .name("entry_id"), .value(entry.id!.uuidString)),
                                  .input(.type(.hidden), .name("lock_version"), .value(String(loaded.version.lockVersion))),
                                  .button(.type(.submit), .text(t(.libraryAdd))))))
                }))))
    }

    private func actionForm(_ action: String, title: String, opinion: TextKey?, extra: Node<HTML.FormContext> = .empty, primary: Bool = false) -> Node<HTML.BodyContext> {
        let typed = resubmitted?.action == action ? resubmitted?.opinion ?? "" : ""
        return .form(.method(.post), .action(GoalRoute.transition(.value(loaded.object.id!)).url), .class("card action"),
            csrfField,
            .input(.type(.hidden), .name("action"), .value(action)),
            .input(.type(.hidden), .name("lock_version"), .value(String(loaded.version.lockVersion))),
            .h2(.text(title)),
            extra,
            .unwrap(opinion) { label in
                .div(.class("field"), .label(.for("opinion-\(action)"), .text(t(label))),
                     .textarea(.id("opinion-\(action)"), .name("opinion"), .attribute(named: "rows", value: "2"), .text(typed)))
            },
            .button(.type(.submit), .class(primary ? "primary" : ""), .text(title)))
    }

    /// Only the actions the domain would accept from this person now are offered (`GoalWorkflow.offeredActions`).
    private func actions(_ offered: [GoalActionKind], blocking: Int) -> Node<HTML.BodyContext> {
        func possible(_ kind: GoalActionKind) -> Bool { offered.contains(kind) }
        let gradeOptions = ReviewGrade.allCases.map { ($0.rawValue, $0.rawValue) }
        let reviewCriteria: [Node<HTML.FormContext>] = ReviewCriterion.allCases.map { criterion in
            Components.selectField(label: t.term(criterion), name: criterion.rawValue, options: gradeOptions,
                                   selected: previousGrade(criterion.rawValue), includeEmpty: "—")
        }
        let reviewFields: Node<HTML.FormContext> = .group([.p(.class("hint"), .text(t(.financeReviewHint)))] + reviewCriteria
            + [Components.selectField(label: t(.fieldGrade), name: "grade", options: gradeOptions, selected: previousGrade("grade"), includeEmpty: "—")])
        let forms: [Node<HTML.BodyContext>] = [
            possible(.submit) ? actionForm("submit", title: t(.actionSubmit), opinion: nil, primary: true) : nil,
            possible(.withdraw) ? actionForm("withdraw", title: t(.actionWithdraw), opinion: nil) : nil,
            possible(.departmentApprove) ? actionForm("department_approve", title: t(.actionDepartmentApprove), opinion: .fieldOpinionOptional, primary: true) : nil,
            possible(.departmentReturn) ? actionForm("department_return", title: t(.actionReturn), opinion: .fieldOpinion) : nil,
            possible(.financeReview) ? actionForm("finance_review", title: t(.actionFinanceReview), opinion: .fieldOpinion,
                                                          extra: reviewFields, primary: true) : nil,
            possible(.financeReturn) ? actionForm("finance_return", title: t(.actionReturn), opinion: .fieldOpinion) : nil,
            possible(.release) ? actionForm("release", title: t(.actionRelease), opinion: nil, primary: true) : nil,
            possible(.requestAdjustment) ? actionForm("request_adjustment", title: t(.actionRequestAdjustment), opinion: .fieldAdjustmentReason) : nil,
        ].compactMap { $0 }
        guard !forms.isEmpty else { return .empty }
        return .section(.h2(.text(t(.actionsTitle))),
                        .if(blocking > 0 && possible(.submit), Components.notice(t(.errorGoalInvalid(String(blocking))), kind: "warning")),
                        .div(.class("forms"), .group(forms)))
    }

    /// The grade chosen in a refused finance review, to show it again.
    private func previousGrade(_ field: String) -> String? {
        guard let form = resubmitted, form.action == "finance_review" else { return nil }
        switch field {
        case "relevance": return form.relevance
        case "feasibility": return form.feasibility
        case "scientific": return form.scientific
        case "reasonableness": return form.reasonableness
        default: return form.grade
        }
    }

    /// A finance review's four criteria as a small table (stored as JSON with the history entry).
    private func reviewTable(_ json: String) -> Node<HTML.DetailsContext> {
        struct Entry: Decodable { var criterion: String; var grade: String; var opinion: String }
        guard let entries = try? JSONDecoder().decode([Entry].self, from: Data(json.utf8)) else { return .p(.class("hint"), .text(json)) }
        return .table(.class("data review"),
            .thead(.tr(.th(.text(t(.reviewCriterion))), .th(.text(t(.reviewGrade))), .th(.text(t(.fieldOpinion))))),
            .tbody(.forEach(entries) { entry in
                .tr(.td(.text(t.term(ReviewCriterion(rawValue: entry.criterion)) ?? entry.criterion)), .td(.text(entry.grade)), .td(.text(entry.opinion)))
            }))
    }

    private func historyTable(_ history: [GoalTransitionModel]) -> Node<HTML.BodyContext> {
        guard !history.isEmpty else { return .empty }
        return .section(.h2(.text(t(.historyTitle))),
            .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(t(.fieldTime))), .th(.text(t(.fieldActor))), .th(.text(t(.fieldAction))), .th(.text(t(.fieldState))), .th(.text(t(.fieldOpinion))))),
                .tbody(.forEach(history) { item in
                    .tr(.td(.text(DisplayTime.minute(item.occurredAt))), .td(.text(item.actorName)),
                        .td(.text(GoalActionLabel.title(item.action).map { t($0) } ?? item.action)),
                        .td(.text("\(t((GoalState(rawValue: item.fromState) ?? .draft).title)) → \(t((GoalState(rawValue: item.toState) ?? .draft).title))")),
                        .td(.text(item.opinion), .unwrap(item.review) { .details(.summary(.text(t(.reviewDetails))), reviewTable($0)) }))
                }))))
    }
}

