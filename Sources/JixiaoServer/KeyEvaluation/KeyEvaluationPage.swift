import Fluent
import Plot
import Vapor
import JixiaoDomain

/// One key evaluation as its page shows it, loaded once, and what the person may do to it.
struct KeyEvaluationPageModel: Sendable {
    var evaluation: KeyEvaluationModel
    var plan: EvaluationPlan
    var runnerName: String
    var agencyCode: String?
    var agencyName: String?
    var agencies: [OrganizationModel]
    var objects: [KeyEvaluationObjectModel]
    /// Each object's own self-evaluation form and newest monitoring task, which the team reads.
    var objectForms: [UUID: (selfEvaluation: UUID?, monitoringTask: UUID?)]
    var indicators: [KeyEvaluationIndicatorModel]
    var members: [KeyEvaluationMemberModel]
    /// Individual scores the person may see: their own, and everyone's once theirs are submitted (or if they run it
    /// without scoring).
    var visibleScores: [KeyEvaluationScoreModel]
    var results: [UUID: IndicatorAggregate]
    /// Attached files the person may see (of the same authors as the scores).
    var evidence: [EvidenceEntry]
    var rules: TeamScoringRules
    var transitions: [KeyEvaluationTransitionModel]
    var canRun: Bool
    var me: KeyEvaluationMemberModel?
    var actions: [KeyEvaluationAction]
    /// What still keeps the plan from being submitted (plan, framework, team), shown while it is written.
    var readiness: [AppError]
    var csrfToken: String
    var notice: String?
    var problem: AppError?
    var errors: [String: Message] = [:]
    var planDraft: PlanForm?
    var frameworkDraft: FrameworkForm?
    var memberDraft: MemberForm?
    var surveyDraft: SurveyForm?
    var survey: SurveySummary?

    /// Whether the person sees everyone's scores and the results: members once they submitted; everyone else who sees
    /// the evaluation (runners, supervisors) — independence binds only those who score.
    var seesResults: Bool { me.map { $0.submittedAt != nil } ?? true }

    static func load(_ id: UUID, by caller: Caller, on db: any Database) async throws -> KeyEvaluationPageModel {
        let user = try caller.person()
        let (evaluation, members) = try await KeyEvaluations.find(id, by: caller, on: db)
        let target = KeyEvaluations.accessTarget(evaluation, members: members)
        let canRun = caller.reaches(.runKeyEvaluation, target)
        let me = members.first { $0.userID == user.userID }
        let indicators = try await KeyEvaluationIndicatorModel.query(on: db).filter(\.$evaluationID == id).sort(\.$position).all()
        let objects = try await KeyEvaluationObjectModel.query(on: db).filter(\.$evaluationID == id).sort(\.$objectCode).all()
        let scores = try await KeyEvaluationScoreModel.query(on: db).filter(\.$evaluationID == id).all()
        let rules = try evaluation.scoringRules
        let seesAll = me.map { $0.submittedAt != nil } ?? true
        var agency: OrganizationModel?
        if let agencyID = evaluation.agencyID { agency = try await OrganizationModel.find(agencyID, on: db) }
        let range = HierarchyPath(rawValue: evaluation.organizationPath).subtreeRange
        let agencies = canRun && evaluation.evaluationState == .planning
            ? try await OrganizationModel.query(on: db).filter(\.$kind == OrganizationKind.agency.rawValue).filter(\.$isActive == true)
                .filter(\.$path >= range.lower).filter(\.$path < range.upper).sort(\.$code).all()
            : []
        let actions = canRun ? KeyEvaluationWorkflow.actions(from: evaluation.evaluationState).filter { action in
            !(action.isReview && evaluation.submittedBy == user.userID) && (action != .submitReport || me?.teamRole == .leader)
        } : []
        var readiness: [AppError] = []
        if canRun && evaluation.evaluationState == .planning {
            let plan = try evaluation.plan
            readiness += EvaluationPlanRules.problems(plan).map(\.appError)
            readiness += EvaluationFramework.problems(indicators.map(\.framework), kind: evaluation.kind).map { $0.appError(kind: evaluation.kind) }
            readiness += TeamRules.problems(try await KeyEvaluations.teamMembers(members, on: db), plan: plan).map { $0.appError(members: members) }
        }
        return KeyEvaluationPageModel(
            evaluation: evaluation, plan: try evaluation.plan, runnerName: try await OrganizationModel.find(evaluation.organizationID, on: db)?.name ?? "",
            agencyCode: agency?.code, agencyName: agency?.name, agencies: agencies,
            objects: objects, objectForms: try await KeyEvaluationQueries.forms(of: objects.map(\.budgetObjectID), on: db),
            indicators: indicators, members: members,
            visibleScores: seesAll ? scores : scores.filter { $0.userID == user.userID },
            results: seesAll ? KeyEvaluations.results(indicators: indicators, scores: scores, members: members, rules: rules) : [:],
            evidence: try await KeyEvaluations.evidence(of: id, authors: try KeyEvaluations.visibleAuthors(members: members, caller: caller), on: db),
            rules: rules,
            transitions: try await KeyEvaluationTransitionModel.query(on: db).filter(\.$evaluationID == id).sort(\.$occurredAt).all(),
            canRun: canRun, me: me, actions: actions, readiness: readiness, csrfToken: user.csrfToken ?? "",
            survey: try await SurveySummary.load(id, on: db))
    }
}

/// What the plan form sends.
struct PlanForm: Content {
    struct MilestoneForm: Content { var name: String?; var due: String? }
    var lock_version: Int
    var evaluator_kind: String?
    var agency: String?
    var basis: String?
    var methods: [String]?
    var m: [MilestoneForm]?
    var data: String?

    var plan: EvaluationPlan {
        EvaluationPlan(evaluatorKind: EvaluatorKind(rawValue: evaluator_kind ?? "") ?? .finance, basis: basis ?? "",
                       methods: EvaluationMethod.allCases.filter { (methods ?? []).contains($0.rawValue) },
                       milestones: (m ?? []).compactMap { row in
                           let name = row.name?.trimmed ?? "", due = row.due?.trimmed ?? ""
                           return name.isEmpty && due.isEmpty ? nil : Milestone(name: name, due: due)
                       },
                       dataToCollect: data ?? "")
    }
}

/// What the framework form sends: every row, a row ticked for removal left out.
struct FrameworkForm: Content {
    struct RowForm: Content {
        var level1: String?, level2: String?, level3: String?, weight: String?, criteria: String?, remove: String?
        var goal: UUID?, target: String?, actual: String?
    }
    var lock_version: Int
    var f: [RowForm]?

    /// The rows to save, or the rows whose weight is no number.
    func rows() -> ([FrameworkIndicator], [AppError]) {
        var rows: [FrameworkIndicator] = [], errors: [AppError] = []
        for (index, row) in (f ?? []).enumerated() where row.remove != "1" {
            let names = [row.level1, row.level2, row.level3].map { $0?.trimmed ?? "" }
            let weightText = row.weight?.trimmed ?? ""
            if names.allSatisfy(\.isEmpty) && weightText.isEmpty { continue }
            guard let weight = Decimal(pointsText: weightText) else {
                errors.append(.invalid("f[\(index)].weight", Message(.errorKeyEvaluationWeight(index + 1))))
                continue
            }
            rows.append(FrameworkIndicator(names[0], names[1], names[2], weight: weight, criteria: row.criteria?.trimmed ?? "",
                                           goalIndicatorID: row.goal, target: row.target, actual: row.actual))
        }
        return (rows, errors)
    }
}

struct MemberForm: Content { var lock_version: Int; var username: String?; var role: String?; var reason: String? }
struct KeyTransitionForm: Content { var lock_version: Int; var action: String; var opinion: String? }
struct RemoveMemberForm: Content { var lock_version: Int }

struct KeyEvaluationView {
    let model: KeyEvaluationPageModel
    let t: Localizer

    private var evaluation: KeyEvaluationModel { model.evaluation }
    private var editing: Bool { model.canRun && evaluation.evaluationState == .planning }

    var body: Node<HTML.BodyContext> {
        .group(
            .p(.a(.href(KeyEvaluationRoute.list(year: evaluation.fiscalYear).url), .text(t(.keyEvaluationBackToList)))),
            .div(.class("card"),
                .p(Components.badge(t.term(evaluation.evaluationState), kind: "key-\(evaluation.state)"), .text(" "),
                   .text(t(.keyEvaluationHeader(evaluation.fiscalYear, model.runnerName, t.term(evaluation.kind))))),
                .p(.text(t(.keyEvaluationEvaluatorLine(t.term(model.plan.evaluatorKind), model.agencyName ?? "—")))),
                .if(model.seesResults && ![.planning, .planSubmitted].contains(evaluation.evaluationState),
                    .p(.a(.class("button"), .href(KeyEvaluationRoute.report(.value(evaluation.id!)).url), .text(t(.keyReportLink))))),
                .unwrap(model.me) { me in
                    .p(.text(t(.keyEvaluationYouAre(t.term(me.teamRole)))), .text(" "),
                       .if(evaluation.evaluationState == .underway || me.submittedAt != nil,
                           .a(.class("button primary"), .href(KeyEvaluationRoute.scores(.value(evaluation.id!)).url),
                              .text(t(me.submittedAt == nil ? .keyEvaluationScoreLink : .keyEvaluationMyScoresLink)))))
                }),
            .unwrap(model.notice) { Components.notice($0, kind: "success") },
            .unwrap(model.problem) { Components.problem($0, t) },
            .if(!model.readiness.isEmpty && model.problem == nil, .div(.class("notice notice-warning"),
                .strong(.text(t(.keyEvaluationReadiness))),
                .ul(.forEach(model.readiness) { .li(.text(t($0.message))) }))),
            objects,
            plan,
            framework,
            team,
            SurveySectionView(evaluation: evaluation, summary: model.survey, indicators: model.indicators, canRun: model.canRun,
                              csrfToken: model.csrfToken, draft: model.surveyDraft, errors: model.errors, t: t).body,
            results,
            workflow
        )
    }

    // MARK: objects

    private var objects: Node<HTML.BodyContext> {
        .section(.h2(.text(t(.keyEvaluationObjects))),
            .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(t(.fieldCode))), .th(.text(t(.fieldName))), .th(.text(t(.keyEvaluationAmount))),
                           .th(.text(t(.keyEvaluationReasons))), .th(.text(t(.keyEvaluationChoiceReason))), .th(.text(t(.keyEvaluationMaterials))))),
                .tbody(.forEach(model.objects) { object in
                    .tr(.td(.span(.class("code"), .text(object.objectCode))), .td(.text(object.objectName)),
                        .td(.class("number"), .text(Money(fen: object.amountFen).wanYuanDisplay)),
                        .td(.forEach(object.reasons) { .group(Components.badge(t.term($0)), .text(" ")) }),
                        .td(.text(object.choiceReason)),
                        .td(.ul(.class("plain"),
                            .li(.a(.href(GoalRoute.show(.value(object.budgetObjectID)).url), .text(t(.keyEvaluationGoalLink)))),
                            .unwrap(model.objectForms[object.budgetObjectID]?.monitoringTask) { .li(.a(.href(MonitoringRoute.task(.value($0)).url), .text(t(.keyEvaluationMonitoringLink)))) },
                            .unwrap(model.objectForms[object.budgetObjectID]?.selfEvaluation) { .li(.a(.href(SelfEvaluationRoute.form(.value($0)).url), .text(t(.keyEvaluationSelfLink)))) })))
                }))))
    }

    // MARK: plan

    private var plan: Node<HTML.BodyContext> {
        let plan = model.planDraft?.plan ?? model.plan
        guard editing else {
            return .section(.id("plan"), .h2(.text(t(.keyEvaluationPlan))),
                .dl(.dt(.text(t(.keyEvaluationBasis))), .dd(.text(plan.basis.isEmpty ? "—" : plan.basis)),
                    .dt(.text(t(.keyEvaluationMethods))), .dd(.text(plan.methods.map { t.term($0) }.joined(separator: t.locale == .zhHans ? "、" : ", "))),
                    .dt(.text(t(.keyEvaluationData))), .dd(.text(plan.dataToCollect.isEmpty ? "—" : plan.dataToCollect))),
                milestoneTable(plan.milestones))
        }
        let milestones = plan.milestones + Array(repeating: Milestone(name: "", due: ""), count: 2)
        return .section(.id("plan"), .h2(.text(t(.keyEvaluationPlan))),
            .form(.method(.post), .action(KeyEvaluationRoute.plan(.value(evaluation.id!)).url), .class("card"),
                Components.csrfField(model.csrfToken),
                .input(.type(.hidden), .name("lock_version"), .value(String(evaluation.lockVersion))),
                Components.selectField(label: t(.keyEvaluationEvaluator), name: "evaluator_kind",
                                       options: EvaluatorKind.allCases.map { ($0.rawValue, t.term($0)) }, selected: plan.evaluatorKind.rawValue),
                Components.selectField(label: t(.keyEvaluationAgency), name: "agency",
                                       options: model.agencies.map { ($0.code, $0.name) }, selected: model.planDraft?.agency ?? model.agencyCode,
                                       error: model.errors["agency"].map { t($0) }, includeEmpty: t(.keyEvaluationNoAgency)),
                textArea(t(.keyEvaluationBasis), name: "basis", value: plan.basis, error: model.errors["basis"]),
                Components.checkboxes(legend: t(.keyEvaluationMethods), name: "methods", options: EvaluationMethod.allCases.map { ($0.rawValue, t.term($0)) },
                                      checked: Set(plan.methods.map(\.rawValue)), error: model.errors["methods"].map { t($0) }),
                .fieldset(.class("field"), .element(named: "legend", text: t(.keyEvaluationSchedule)),
                    .div(.class("table-scroll"), .table(.class("data"),
                        .thead(.tr(.th(.text(t(.keyEvaluationMilestone))), .th(.text(t(.keyEvaluationDue))))),
                        .tbody(.forEach(Array(milestones.enumerated())) { index, milestone in
                            .tr(.td(Components.input([.type(.text), .name("m[\(index)][name]"), .value(milestone.name),
                                                      .attribute(named: "aria-label", value: t(.keyEvaluationMilestone) + " \(index + 1)")])),
                                .td(Components.input([.type(.date), .name("m[\(index)][due]"), .value(milestone.due),
                                                      .attribute(named: "aria-label", value: t(.keyEvaluationDue) + " \(index + 1)")]),
                                    .unwrap(model.errors["milestones[\(index + 1)].due"]) { .p(.class("field-error"), .text(t($0))) }))
                        })))),
                textArea(t(.keyEvaluationData), name: "data", value: plan.dataToCollect, error: model.errors["dataToCollect"]),
                .button(.type(.submit), .class("primary"), .text(t(.keyEvaluationSavePlan)))))
    }

    private func milestoneTable(_ milestones: [Milestone]) -> Node<HTML.BodyContext> {
        milestones.isEmpty ? .empty : .div(.class("table-scroll"), .table(.class("data"),
            .thead(.tr(.th(.text(t(.keyEvaluationMilestone))), .th(.text(t(.keyEvaluationDue))))),
            .tbody(.forEach(milestones) { .tr(.td(.text($0.name)), .td(.text($0.due))) })))
    }

    private func textArea(_ label: String, name: String, value: String, error: Message?) -> Node<HTML.FormContext> {
        .div(.class(error == nil ? "field" : "field has-error"),
            .label(.for(name), .text(label)),
            .textarea(.id(name), .name(name), .attribute(named: "rows", value: "3"), .text(value)),
            .unwrap(error) { .p(.class("field-error"), .attribute(named: "role", value: "alert"), .text(t($0))) })
    }

    // MARK: framework

    private var framework: Node<HTML.BodyContext> {
        let rows = model.indicators.map(\.framework)
        let groups = EvaluationFramework.groupWeights(rows, kind: evaluation.kind)
        let source = evaluation.templateSource.map { $0 == "standard" ? t(.templateStandard) : $0 } ?? t(.templateStandard)
        let summary = Node<HTML.BodyContext>.p(.class("hint"), .text(t(.keyEvaluationGroupWeights(groups.map { "\($0.group) \(Ratio.text($0.weight, decimals: 2))" }.joined(separator: " · ")))
                                                                     + " · " + t(.templateSource(source))))
        guard editing else {
            return .section(.id("framework"), .h2(.text(t(.keyEvaluationFramework))), summary,
                .div(.class("table-scroll"), .table(.class("data"),
                    .thead(.tr(.th(.text(t(.keyEvaluationLevel1))), .th(.text(t(.keyEvaluationLevel2))), .th(.text(t(.keyEvaluationLevel3))),
                               .th(.text(t(.keyEvaluationWeight))), .th(.text(t(.keyEvaluationTargetActual))), .th(.text(t(.keyEvaluationCriteria))))),
                    .tbody(.forEach(model.indicators) { row in
                        .tr(.td(.text(row.level1)), .td(.text(row.level2)), .td(.text(row.level3)), .td(.class("number"), .text(Ratio.text(row.weight, decimals: 2))),
                            .td(.text(targetActual(row))), .td(.text(row.criteria)))
                    }))))
        }
        let draftRows: [FrameworkForm.RowForm] = model.frameworkDraft?.f ?? model.indicators.map { row in
            FrameworkForm.RowForm(level1: row.level1, level2: row.level2, level3: row.level3, weight: row.weightText, criteria: row.criteria,
                                  remove: nil, goal: row.goalIndicatorID, target: row.target, actual: row.actual)
        }
        let blanks = Array(repeating: FrameworkForm.RowForm(), count: 3)
        return .section(.id("framework"), .h2(.text(t(.keyEvaluationFramework))), summary,
            .p(.class("hint"), .text(t(.keyEvaluationFrameworkHint))),
            .form(.method(.post), .action(KeyEvaluationRoute.framework(.value(evaluation.id!)).url),
                Components.csrfField(model.csrfToken),
                .input(.type(.hidden), .name("lock_version"), .value(String(evaluation.lockVersion))),
                FrameworkRowsEditor(rows: draftRows + blanks, errors: model.errors, t: t).table,
                .button(.type(.submit), .class("primary"), .text(t(.keyEvaluationSaveFramework)))))
    }

    private func targetActual(_ row: KeyEvaluationIndicatorModel) -> String {
        guard let target = row.target else { return "—" }
        return t(.keyEvaluationGoalLine(target, row.actual ?? "—"))
    }

    // MARK: team

    private var team: Node<HTML.BodyContext> {
        let canChange = model.canRun && evaluation.evaluationState == .planning
        return .section(.id("member"), .h2(.text(t(.keyEvaluationTeam))),
            .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(t(.keyEvaluationPerson))), .th(.text(t(.keyEvaluationMemberOrganization))), .th(.text(t(.keyEvaluationRole))),
                           .th(.text(t(.keyEvaluationSubmitted))), .th(.text("")))),
                .tbody(.forEach(model.members) { member in
                    .tr(.td(.text(member.userName)), .td(.text(member.organizationName)), .td(.text(t.term(member.teamRole))),
                        .td(.text(member.submittedAt.map { DisplayTime.minute($0) } ?? t(.keyEvaluationNotYet))),
                        .td(.if(canChange && member.submittedAt == nil && member.teamRole != .leader,
                                .form(.method(.post), .action(KeyEvaluationRoute.removeMember(.value(evaluation.id!), .value(member.userID)).url), .class("inline-form"),
                                      Components.csrfField(model.csrfToken),
                                      .input(.type(.hidden), .name("lock_version"), .value(String(evaluation.lockVersion))),
                                      .button(.type(.submit), .text(t(.keyEvaluationRemoveMember)))))))
                }))),
            // The think tanks draw the experts and the agency into this team, and rate them afterwards.
            .if(model.canRun, .p(.a(.class("button"), .href(ThinkTankRoute.team(.value(evaluation.id!)).url), .text(t(.thinkTankTeamLink))))),
            .if(canChange, .form(.method(.post), .action(KeyEvaluationRoute.addMember(.value(evaluation.id!)).url), .class("card"),
                Components.csrfField(model.csrfToken),
                .input(.type(.hidden), .name("lock_version"), .value(String(evaluation.lockVersion))),
                Components.textField(label: t(.keyEvaluationMemberUsername), name: "username", value: model.memberDraft?.username ?? "",
                                     error: model.errors["username"].map { t($0) }),
                Components.selectField(label: t(.keyEvaluationRole), name: "role", options: TeamRole.allCases.map { ($0.rawValue, t.term($0)) },
                                       selected: model.memberDraft?.role ?? TeamRole.expert.rawValue, error: model.errors["role"].map { t($0) }),
                Components.textField(label: t(.keyEvaluationMemberReason), name: "reason", value: model.memberDraft?.reason ?? "",
                                     error: model.errors["reason"].map { t($0) }, hint: t(.keyEvaluationMemberReasonHint)),
                .button(.type(.submit), .text(t(.keyEvaluationAddMember))))))
    }

    // MARK: results

    private var results: Node<HTML.BodyContext> {
        guard evaluation.evaluationState != .planning && evaluation.evaluationState != .planSubmitted else { return .empty }
        guard model.seesResults else { return .section(.id("scores"), .h2(.text(t(.keyEvaluationResults))), Components.notice(t(.keyEvaluationResultsAfterSubmit))) }
        let scored = model.indicators.compactMap { model.results[$0.id!] }
        let total = TeamScoring.total(scored)
        let names = Dictionary(model.members.map { ($0.userID, $0.userName) }, uniquingKeysWith: { first, _ in first })
        let byIndicator = Dictionary(grouping: model.visibleScores, by: \.indicatorID)
        let submitted = Set(model.members.filter { $0.submittedAt != nil }.map(\.userID))
        let submittedCount = submitted.count
        return .section(.id("scores"), .h2(.text(t(.keyEvaluationResults))),
            .if(submittedCount < model.members.count, Components.notice(t(.keyEvaluationProvisional(submittedCount, model.members.count)), kind: "warning")),
            .p(.class("hint"), .text(t(.keyEvaluationMethodLine(String(model.rules.trimFrom), Ratio.text(model.rules.spreadPercent, decimals: 0))))),
            .if(scored.count == model.indicators.count && !scored.isEmpty,
                .p(.class("total"), .text(t(.keyEvaluationTotal(Ratio.text(total.total, decimals: 2), t.term(total.grade))))),
                else: Components.notice(t(.keyEvaluationPartial(scored.count, model.indicators.count)))),
            .div(.class("table-scroll"), .table(.class("data progress"),
                .thead(.tr(.th(.text(t(.keyEvaluationLevel3))), .th(.text(t(.keyEvaluationWeight))), .th(.text(t(.keyEvaluationPoints))),
                           .th(.text(t(.keyEvaluationMethod))), .th(.text(t(.keyEvaluationSpread))), .th(.text(t(.keyEvaluationMemberScores))))),
                .tbody(.forEach(model.indicators) { indicator in
                    resultRow(indicator, scores: (byIndicator[indicator.id!] ?? []).filter { submitted.contains($0.userID) }, names: names)
                }))))
    }

    private func resultRow(_ indicator: KeyEvaluationIndicatorModel, scores: [KeyEvaluationScoreModel], names: [UUID: String]) -> Node<HTML.TableContext> {
        let aggregate = model.results[indicator.id!]
        let sorted = scores.sorted { (names[$0.userID] ?? "") < (names[$1.userID] ?? "") }
        let flagged = aggregate?.needsDiscussion == true
        let points: String = aggregate.map { Ratio.text($0.points, decimals: 2) } ?? "—"
        let method: String = aggregate.map { t.term($0.method) + " (\($0.scorerCount))" } ?? "—"
        let spread: String = aggregate.map { Ratio.text($0.spread, decimals: 2) } ?? "—"
        let lines: [(text: String, files: [EvidenceEntry])] = sorted.map { score in
            ("\(names[score.userID] ?? "")：\(Ratio.text(score.points, decimals: 2))" + (score.comment.isEmpty ? "" : " — " + score.comment),
             model.evidence.filter { $0.indicator_id == indicator.id! && $0.user_id == score.userID })
        }
        let label: (TextKey) -> Node<HTML.BodyContext> = { .attribute(named: "data-label", value: t($0)) }
        return .tr(.td(.text(indicator.level1 + " · " + indicator.level3)),
                   .td(.class("number"), label(.keyEvaluationWeight), .text(Ratio.text(indicator.weight, decimals: 2))),
                   .td(.class("number"), label(.keyEvaluationPoints), .text(points)), .td(label(.keyEvaluationMethod), .text(method)),
                   .td(.class(flagged ? "number level-red" : "number"), label(.keyEvaluationSpread), .text(spread),
                       .if(flagged, .group(.text(" "), Components.badge(t(.keyEvaluationDiscuss), kind: "level-red")))),
                   .td(label(.keyEvaluationMemberScores), .ul(.class("plain"), .forEach(lines) { line in .li(.text(line.text), EvidenceLinks.list(line.files, evaluation: evaluation.id!)) })))
    }

    // MARK: workflow

    private var workflow: Node<HTML.BodyContext> {
        .section(.id("step"), .h2(.text(t(.keyEvaluationProcedure))),
            .if(model.actions.contains(.submitReport), .p(.class("hint"), .text(t(.keyEvaluationReportLater)))),
            .if(!model.actions.isEmpty, .form(.method(.post), .action(KeyEvaluationRoute.transition(.value(evaluation.id!)).url), .class("card"),
                Components.csrfField(model.csrfToken),
                .input(.type(.hidden), .name("lock_version"), .value(String(evaluation.lockVersion))),
                .div(.class("field"), .label(.for("opinion"), .text(t(.keyEvaluationOpinion))),
                     .textarea(.id("opinion"), .name("opinion"), .attribute(named: "rows", value: "2"), .text(""))),
                .div(.class("actions"), .forEach(model.actions) { action in
                    .button(.type(.submit), .name("action"), .value(action.rawValue), .class(action == .returnPlan || action == .returnReport ? "" : "primary"),
                            .text(t.term(action)))
                }))),
            .if(model.canRun && evaluation.evaluationState != .planning && model.actions.isEmpty && evaluation.submittedBy != nil,
                Components.notice(t(.keyEvaluationAwaitingOther))),
            model.transitions.isEmpty ? .empty : .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(t(.keyEvaluationWhen))), .th(.text(t(.keyEvaluationStep))), .th(.text(t(.keyEvaluationBy))), .th(.text(t(.keyEvaluationOpinion))))),
                .tbody(.forEach(model.transitions) { step in
                    .tr(.td(.text(DisplayTime.minute(step.occurredAt))), .td(.text(KeyEvaluationAction(rawValue: step.action).map { t.term($0) } ?? step.action)),
                        .td(.text(step.actorName)), .td(.text(step.opinion)))
                }))))
    }
}

/// The framework's rows as form fields (level names, weight, criteria, remove), for an evaluation and for a bureau's
/// template alike; the goal's target and actual travel along hidden.
struct FrameworkRowsEditor {
    let rows: [FrameworkForm.RowForm]
    let errors: [String: Message]
    let t: Localizer

    var table: Node<HTML.FormContext> {
        .div(.class("table-scroll"), .table(.class("data framework"),
            .thead(.tr(.th(.text(t(.keyEvaluationLevel1))), .th(.text(t(.keyEvaluationLevel2))), .th(.text(t(.keyEvaluationLevel3))),
                       .th(.text(t(.keyEvaluationWeight))), .th(.text(t(.keyEvaluationCriteria))), .th(.text(t(.keyEvaluationRemove))))),
            .tbody(.forEach(Array(rows.enumerated())) { index, row in self.row(index, row) })))
    }

    private func row(_ index: Int, _ row: FrameworkForm.RowForm) -> Node<HTML.TableContext> {
        let field = "f[\(index)]"
        let labels: [String: TextKey] = ["level1": .keyEvaluationLevel1, "level2": .keyEvaluationLevel2, "level3": .keyEvaluationLevel3]
        let cell: (String, String?) -> Node<HTML.TableRowContext> = { name, value in
            .td(Components.input([.type(.text), .name("\(field)[\(name)]"), .value(value ?? ""),
                                  .attribute(named: "aria-label", value: "\(index + 1) \(labels[name].map { t($0) } ?? name)")]))
        }
        return .tr(cell("level1", row.level1), cell("level2", row.level2), cell("level3", row.level3),
                   .td(Components.input([.type(.text), .name("\(field)[weight]"), .value(row.weight ?? ""), .attribute(named: "inputmode", value: "decimal"),
                                         .attribute(named: "size", value: "5"), .attribute(named: "aria-label", value: "\(index + 1) \(t(.keyEvaluationWeight))")]),
                       .unwrap(errors["f[\(index)].weight"]) { .p(.class("field-error"), .text(t($0))) }),
                   .td(.textarea(.name("\(field)[criteria]"), .attribute(named: "rows", value: "2"), .attribute(named: "aria-label", value: "\(index + 1) \(t(.keyEvaluationCriteria))"),
                                 .text(row.criteria ?? "")),
                       .unwrap(row.goal) { .input(.type(.hidden), .name("\(field)[goal]"), .value($0.uuidString)) },
                       .unwrap(row.target) { .input(.type(.hidden), .name("\(field)[target]"), .value($0)) },
                       .unwrap(row.actual) { .input(.type(.hidden), .name("\(field)[actual]"), .value($0)) },
                       .unwrap(row.target) { target in .p(.class("hint"), .text(t(.keyEvaluationGoalLine(target, row.actual ?? "—")))) }),
                   .td(.label(.class("check"), Components.input([.type(.checkbox), .name("\(field)[remove]"), .value("1"),
                                                                 .attribute(named: "aria-label", value: "\(index + 1) \(t(.keyEvaluationRemove))")]))))
    }
}
