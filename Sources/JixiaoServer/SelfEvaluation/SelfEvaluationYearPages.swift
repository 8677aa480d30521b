import Fluent
import Plot
import SQLKit
import Vapor
import JixiaoDomain

/// What the open-a-year form sends, kept as typed when it is refused.
struct EvaluationYearForm: Content {
    var year: String?
    var deadline: String?
}

/// The years a person opened or evaluates in, and the form that opens one.
struct EvaluationYearsModel: Sendable {
    var years: [EvaluationYearRow]
    /// Drawn forms entrusted to the person's agency, not yet re-scored.
    var assigned: [ReevaluationRow]
    var defaultYear: Int
    var canOpen: Bool
    var csrfToken: String
    var errors: [String: Message] = [:]
    var problem: AppError?
    var draft = EvaluationYearForm()

    static func load(for caller: Caller, on db: any Database) async throws -> EvaluationYearsModel {
        let user = try caller.person()
        let assigned = user.roles.contains(.agencyEvaluator)
            ? try await ReevaluationRow.select(on: db).where(SQLColumn("agency_id", table: "r"), .equal, SQLBind(user.organizationID))
                .orderBy(SQLColumn("state", table: "r")).orderBy(SQLColumn("object_code", table: "e")).all(decoding: ReevaluationRow.self)
            : []
        return EvaluationYearsModel(years: try await SelfEvaluationQueries.years(fiscalYear: nil, for: user, on: db), assigned: assigned,
                                    defaultYear: CalendarDay(chinaDay: caller.now).year - (CalendarDay(chinaDay: caller.now).month == 12 ? 0 : 1),
                                    canOpen: Authorization.mayEver(user.actor, .runEvaluation) && user.organizationKind == .financeBureau,
                                    csrfToken: user.csrfToken ?? "")
    }
}

struct EvaluationYearsView {
    let model: EvaluationYearsModel
    let t: Localizer

    var body: Node<HTML.BodyContext> {
        let form = model.draft
        // Whatever was typed, the suggestions are built from a year in range.
        let year = Int(form.year ?? "").flatMap { (2000...2100).contains($0) ? $0 : nil } ?? model.defaultYear
        return .group(
            .p(.class("lead"), .text(t(.selfEvaluationIntro))),
            .unwrap(model.problem) { Components.problem($0, t) },
            .if(!model.assigned.isEmpty, .section(.h2(.text(t(.sampleAssignedToYou))),
                .ul(.forEach(model.assigned) { pick in
                    .li(.a(.href((pick.isScored ? SelfEvaluationRoute.sample(.value(pick.sample_id)) : SelfEvaluationRoute.rescore(.value(pick.sample_id), .value(pick.evaluation_id))).url),
                           .span(.class("code"), .text(pick.object_code)), .text(" " + pick.object_name + " · " + pick.assignee_name)),
                        .text(" "), Components.badge(t(pick.isScored ? .sampleScored : .sampleToScore)))
                }))),
            model.years.isEmpty && !model.assigned.isEmpty ? .empty : model.years.isEmpty ? Components.notice(t(.selfEvaluationNoYears)) :
            .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(t(.fieldFiscalYear))), .th(.text(t(.selfEvaluationDeadline))), .th(.text(t(.fieldState))),
                           .th(.text(t(.selfEvaluationCount))), .th(.text(t(.roundCreatedBy))))),
                .tbody(.forEach(model.years) { row in
                    .tr(.td(.a(.href(SelfEvaluationRoute.year(.value(row.id)).url), .text(t(.selfEvaluationYearTitle(row.fiscal_year))))),
                        .td(.text(row.deadline)), .td(Components.badge(t(row.yearState.evaluationText), kind: "round-\(row.state)")),
                        .td(.class("number"), .text(String(row.evaluation_count))), .td(.text(row.created_by_name)))
                }))),
            .p(.a(.href(SelfEvaluationRoute.rules().url), .text(t(.rulesTitle)))),
            .if(model.canOpen, .form(.method(.post), .action(SelfEvaluationRoute.years().url), .class("card"),
                Components.csrfField(model.csrfToken),
                .h2(.text(t(.selfEvaluationOpenTitle))),
                .p(.class("hint"), .text(t(.selfEvaluationOpenHint))),
                Components.textField(label: t(.fieldFiscalYear), name: "year", value: form.year ?? String(year), error: model.errors["fiscalYear"].map { t($0) },
                                     type: .number),
                Components.textField(label: t(.selfEvaluationDeadline), name: "deadline", value: form.deadline ?? "\(year + 1)-03-31",
                                     error: model.errors["deadline"].map { t($0) }, type: .date),
                .button(.type(.submit), .class("primary"), .text(t(.selfEvaluationOpenButton)))))
        )
    }
}

/// A year: where its self-evaluations stand within the person's reach, and the list.
struct EvaluationYearModel: Sendable {
    static let pageSize = 50
    var year: EvaluationYearRow
    var tally: SelfEvaluationQueries.Tally
    var rows: [EvaluationRow]
    var total: Int
    var state: MonitoringTaskState?
    var grade: ScoreGrade?
    var withFindings: Bool
    var page: Int
    var canClose: Bool
    var canImport: Bool
    var samples: [SampleRow]
    var canDraw: Bool
    /// The year's quality check: finance of the bureau that opened it (or above), once its forms exist.
    var canCheck: Bool
    var csrfToken: String
    var problem: AppError?
    var notice: String?

    static func load(_ id: UUID, state: String?, grade: String?, findings: Bool, page: Int?, by caller: Caller, on db: any Database) async throws -> EvaluationYearModel {
        let user = try caller.person()
        let year = try await SelfEvaluationQueries.year(id, by: caller, on: db)
        var filter = EvaluationFilter(yearID: id)
        filter.state = state.flatMap(MonitoringTaskState.init(rawValue:))
        filter.grade = grade.flatMap(ScoreGrade.init(rawValue:))
        filter.withFindings = findings
        let pageNumber = ListPaging.page(page)
        filter.offset = (pageNumber - 1) * pageSize
        filter.limit = pageSize
        let (rows, total) = try await SelfEvaluationQueries.evaluations(filter, for: user, on: db)
        return EvaluationYearModel(year: year, tally: try await SelfEvaluationQueries.tally(year: id, under: nil, for: user, on: db), rows: rows, total: total,
                                   state: filter.state, grade: filter.grade, withFindings: findings, page: pageNumber,
                                   canClose: year.yearState == .open && caller.reaches(.runEvaluation, year.target),
                                   canImport: year.yearState == .open && Authorization.mayEver(user.actor, .reportEvaluation)
                                       && user.organizationKind != .financeBureau,
                                   samples: try await visibleSamples(year: id, by: caller, on: db),
                                   canDraw: year.yearState != .opening && user.organizationKind == .financeBureau && Authorization.mayEver(user.actor, .runEvaluation),
                                   canCheck: year.yearState != .opening && caller.reaches(.runEvaluation, year.target),
                                   csrfToken: user.csrfToken ?? "")
    }
}

extension EvaluationYearModel {
    /// The year's samples the person may see: drawn inside its reach, or with a form assigned to its agency.
    static func visibleSamples(year: UUID, by caller: Caller, on db: any Database) async throws -> [SampleRow] {
        let all = try await db.sql.select().columns(SampleRow.columns.map { SQLIdentifier($0) }).from(SelfEvaluationTables.samples)
            .where("year_id", .equal, SQLBind(year)).orderBy("created_at", .descending).all(decoding: SampleRow.self)
        var visible: [SampleRow] = []
        for sample in all where (try? await Reevaluations.sample(sample.id, by: caller, on: db)) != nil { visible.append(sample) }
        return visible
    }
}

struct EvaluationYearView {
    let model: EvaluationYearModel
    let t: Localizer

    private func link(state: MonitoringTaskState? = nil, grade: ScoreGrade? = nil, findings: Bool = false, page: Int? = nil) -> String {
        SelfEvaluationRoute.year(.value(model.year.id), state: state?.rawValue, grade: grade?.rawValue, findings: findings, page: page).url
    }

    private func tile(_ label: String, _ count: Int, _ href: String, kind: String = "", current: Bool = false) -> Node<HTML.BodyContext> {
        .a(.class("tile \(kind)" + (current ? " current" : "")), .href(href), .strong(.text(String(count))), .span(.class("hint"), .text(label)))
    }

    var body: Node<HTML.BodyContext> {
        let year = model.year, tally = model.tally
        let states: [MonitoringTaskState] = [.pending, .returned, .submitted, .departmentConfirmed, .financeConfirmed]
        return .group(
            .p(.a(.href(SelfEvaluationRoute.years().url), .text(t(.selfEvaluationBackToYears)))),
            .unwrap(model.notice) { Components.notice($0, kind: "success") },
            .unwrap(model.problem) { Components.problem($0, t) },
            .div(.class("card"),
                .p(.text(t(.selfEvaluationDeadline) + t.colon + year.deadline + " · "
                         + (year.rules_version == 0 ? t(.rulesPolicyLabel) : t(.rulesVersionLabel(year.rules_version))) + " · "),
                   Components.badge(t(year.yearState.evaluationText), kind: "round-\(year.state)")),
                .if(year.yearState == .opening, Components.notice(t(.selfEvaluationOpening))),
                .p(.text(t(.selfEvaluationMean) + t.colon + (tally.meanCents.map { Ratio.text(Decimal($0) / 100, decimals: 2) } ?? "—")))),
            .h2(.text(t(.selfEvaluationByState))),
            .div(.class("tiles"),
                tile(t(.selfEvaluationAll), tally.total, link(), current: model.state == nil && model.grade == nil && !model.withFindings),
                .forEach(states) { state in tile(t(state.text), tally.byState[state] ?? 0, link(state: state), current: model.state == state) }),
            .h2(.text(t(.selfEvaluationByGrade))),
            .div(.class("tiles"),
                .forEach(ScoreGrade.allCases) { grade in tile(t.term(grade), tally.byGrade[grade] ?? 0, link(grade: grade), kind: "grade-\(grade.key)", current: model.grade == grade) },
                tile(t(.selfEvaluationWithFindings), tally.withFindings, link(findings: true), kind: "level-yellow", current: model.withFindings)),
            model.rows.isEmpty ? Components.notice(t(.selfEvaluationNoneHere)) :
            .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(t(.fieldCode))), .th(.text(t(.fieldName))), .th(.text(t(.selfEvaluationAssignee))), .th(.text(t(.fieldState))),
                           .th(.text(t(.selfEvaluationTotal))), .th(.text(t(.selfEvaluationGrade))), .th(.text(t(.selfEvaluationFindings))))),
                .tbody(.forEach(model.rows) { row in listRow(row) }))),
            Components.pager(page: model.page, per: EvaluationYearModel.pageSize, total: model.total, t) {
                link(state: model.state, grade: model.grade, findings: model.withFindings, page: $0)
            },
            .p(.a(.href(SelfEvaluationRoute.list(.value(year.id), state: model.state?.rawValue, grade: model.grade?.rawValue).url),
                  .text(t(.selfEvaluationListDownload)))),
            samples(),
            .if(model.canImport, .form(.method(.post), .action(SelfEvaluationRoute.importForms(.value(year.id)).url), .class("card"),
                .attribute(named: "enctype", value: "multipart/form-data"),
                Components.csrfField(model.csrfToken),
                .h2(.text(t(.selfEvaluationImportTitle))),
                .p(.class("hint"), .text(t(.selfEvaluationImportHint))),
                .input(.type(.file), .name("file"), .attribute(named: "accept", value: ".xlsx,.csv"), .attribute(named: "aria-label", value: t(.selfEvaluationImportTitle))),
                .button(.type(.submit), .text(t(.selfEvaluationImportButton))))),
            .if(model.canCheck, .form(.method(.post), .action(SelfEvaluationRoute.check(.value(year.id)).url), .class("card"),
                Components.csrfField(model.csrfToken),
                .h2(.text(t(.selfEvaluationCheckTitle))),
                .p(.class("hint"), .text(t(.selfEvaluationCheckHint))),
                .button(.type(.submit), .text(t(.selfEvaluationCheckButton))))),
            .if(model.canClose, .form(.method(.post), .action(SelfEvaluationRoute.close(.value(year.id)).url), .class("card"),
                Components.csrfField(model.csrfToken),
                .input(.type(.hidden), .name("lock_version"), .value(String(year.lock_version))),
                .h2(.text(t(.selfEvaluationCloseButton))),
                .p(.class("hint"), .text(t(.selfEvaluationCloseHint((model.tally.byState[.pending] ?? 0) + (model.tally.byState[.returned] ?? 0))))),
                .label(.class("check"), .input(.type(.checkbox), .name("confirm"), .value("1")), .text(" " + t(.selfEvaluationCloseConfirm))),
                .button(.type(.submit), .text(t(.selfEvaluationCloseButton)))))
        )
    }

    /// 抽查复核: the samples drawn, and drawing one.
    private func samples() -> Node<HTML.BodyContext> {
        guard model.canDraw || !model.samples.isEmpty else { return .empty }
        return .section(.h2(.text(t(.sampleSection))),
            .if(!model.samples.isEmpty, .ul(.forEach(model.samples) { sample in
                .li(.a(.href(SelfEvaluationRoute.sample(.value(sample.id)).url),
                       .text(t(.sampleListItem(DisplayTime.minute(sample.created_at), sample.drawn_count, sample.population_count, sample.seed)))))
            })),
            .if(model.canDraw, .form(.method(.post), .action(SelfEvaluationRoute.drawSample(.value(model.year.id)).url), .class("card"),
                Components.csrfField(model.csrfToken),
                .p(.class("hint"), .text(t(.sampleDrawHint))),
                .div(.class("toolbar wrap"),
                     Components.textField(label: t(.sampleCountPercent), name: "count_percent", value: "20"),
                     Components.textField(label: t(.sampleAmountPercent), name: "amount_percent", value: "30"),
                     Components.textField(label: t(.sampleRiskPercent), name: "risk_percent", value: "50"),
                     Components.textField(label: t(.sampleSeed), name: "seed", value: "", hint: t(.sampleSeedHint))),
                .button(.type(.submit), .class("primary"), .text(t(.sampleDrawButton))))))
    }

    private func listRow(_ row: EvaluationRow) -> Node<HTML.TableContext> {
        let name: String = row.object_name + (row.is_summary ? t.parenthesized(t(.selfEvaluationIssuerSummary)) : "")
        let state: MonitoringTaskState = row.evaluationState
        let total: String = row.total_cents.map { Ratio.text(Decimal($0) / 100, decimals: 2) } ?? "—"
        return .tr(.td(.a(.href(SelfEvaluationRoute.form(.value(row.id)).url), .span(.class("code"), .text(row.object_code)))),
                   .td(.text(name), .if(row.stopped_reason != nil, .group(.text(" "), Components.badge(t(.selfEvaluationStopped), kind: "level-red")))),
                   .td(.text(row.assignee_name)),
                   .td(Components.badge(t(state.text), kind: "task-\(row.state)"), .if(row.late, .group(.text(" "), Components.badge(t(.taskLate), kind: "late")))),
                   .td(.class("number"), .text(total)),
                   .td(.unwrap(row.grade_) { Components.badge(t.term($0), kind: "grade-\($0.key)") }),
                   .td(.class("number"), .text(row.finding_count == 0 ? "—" : String(row.finding_count))))
    }
}

extension ScoreGrade {
    /// For class names: excellent, good, fair, poor.
    var key: String { String(describing: self) }
}

extension MonitoringRoundState {
    /// A self-evaluation year's state in words.
    var evaluationText: TextKey {
        switch self {
        case .opening: .selfEvaluationStateOpening
        case .open: .selfEvaluationStateOpen
        case .closed: .selfEvaluationStateClosed
        }
    }
}
