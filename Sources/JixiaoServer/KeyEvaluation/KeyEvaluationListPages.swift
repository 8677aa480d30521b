import Fluent
import Plot
import SQLKit
import Vapor
import JixiaoDomain

/// A key evaluation as lists show it.
struct KeyEvaluationSummary: Decodable, Sendable {
    var id: UUID
    var fiscal_year: Int
    var title: String
    var state: String
    var framework_kind: String
    var organization_name: String
    var agency_name: String?
    var object_count: Int
    var amount_fen: Int64?
    var member_count: Int
    var created_at: Date

    var evaluationState: KeyEvaluationState { KeyEvaluationState(rawValue: state) ?? .planning }

    /// The evaluations within the caller's list scope, newest year first.
    static func list(fiscalYear: Int?, by caller: Caller, on db: any Database) async throws -> [KeyEvaluationSummary] {
        let scope = try KeyEvaluations.listScope(caller)
        var query = db.sql.select()
            .column(SQLColumn("id", table: "k")).column(SQLColumn("fiscal_year", table: "k")).column(SQLColumn("title", table: "k"))
            .column(SQLColumn("state", table: "k")).column(SQLColumn("framework_kind", table: "k")).column(SQLColumn("created_at", table: "k"))
            .column(SQLColumn("name", table: "o"), as: "organization_name").column(SQLColumn("name", table: "a"), as: "agency_name")
            .column(SQLRaw("(SELECT CAST(COUNT(*) AS BIGINT) FROM \(KeyEvaluationObjectModel.schema) c WHERE c.evaluation_id = k.id)"), as: "object_count")
            .column(SQLRaw("(SELECT CAST(SUM(s.amount_fen) AS BIGINT) FROM \(KeyEvaluationObjectModel.schema) s WHERE s.evaluation_id = k.id)"), as: "amount_fen")
            .column(SQLRaw("(SELECT CAST(COUNT(*) AS BIGINT) FROM \(KeyEvaluationMemberModel.schema) m WHERE m.evaluation_id = k.id)"), as: "member_count")
            .from(SQLAlias(SQLIdentifier(KeyEvaluationModel.schema), as: SQLIdentifier("k")))
            .join(SQLAlias(SQLIdentifier(OrganizationModel.schema), as: SQLIdentifier("o")), on: SQLColumn("id", table: "o"), .equal, SQLColumn("organization_id", table: "k"))
            .join(SQLAlias(SQLIdentifier(OrganizationModel.schema), as: SQLIdentifier("a")), method: SQLJoinMethod.left,
                  on: SQLBinaryExpression(SQLColumn("id", table: "a"), .equal, SQLColumn("agency_id", table: "k")))
            .where(KeyEvaluationQueries.visible(scope))
        if let fiscalYear { query = query.where(SQLColumn("fiscal_year", table: "k"), .equal, SQLBind(fiscalYear)) }
        return try await query.orderBy(SQLOrderBy(expression: SQLColumn("fiscal_year", table: "k"), direction: SQLDirection.descending))
            .orderBy(SQLColumn("title", table: "k"))
            .limit(500).all(decoding: KeyEvaluationSummary.self)
    }
}

struct KeyEvaluationListModel: Sendable {
    var year: Int?
    var evaluations: [KeyEvaluationSummary]
    var canRun: Bool
    var defaultYear: Int

    static func load(year: Int?, by caller: Caller, on db: any Database) async throws -> KeyEvaluationListModel {
        let user = try caller.person()
        let today = CalendarDay(chinaDay: caller.now)
        return KeyEvaluationListModel(year: year, evaluations: try await KeyEvaluationSummary.list(fiscalYear: year, by: caller, on: db),
                                      canRun: Authorization.mayEver(user.actor, .runKeyEvaluation)
                                        && [.financeBureau, .department].contains(user.organizationKind),
                                      defaultYear: today.year - 1)
    }
}

struct KeyEvaluationListView {
    let model: KeyEvaluationListModel
    let t: Localizer

    var body: Node<HTML.BodyContext> {
        .group(
            .p(.class("lead"), .text(t(.keyEvaluationIntro))),
            .form(.method(.get), .action(KeyEvaluationRoute.list().url), .class("inline-form"),
                .label(.for("year"), .text(t(.fieldFiscalYear))),
                Components.input([.type(.number), .id("year"), .name("year"), .value(model.year.map(String.init) ?? "")]),
                .button(.type(.submit), .text(t(.keyEvaluationFilter)))),
            .if(model.canRun, .p(.a(.class("button primary"), .href(KeyEvaluationRoute.candidates(year: model.year ?? model.defaultYear).url),
                                    .text(t(.keyEvaluationChooseLink))), .text(" "),
                                 .a(.class("button"), .href(KeyEvaluationRoute.templates().url), .text(t(.templateLink))))),
            model.evaluations.isEmpty ? Components.notice(t(.keyEvaluationNone)) :
            .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(t(.fieldFiscalYear))), .th(.text(t(.keyEvaluationTitle))), .th(.text(t(.keyEvaluationRunBy))),
                           .th(.text(t(.keyEvaluationAgency))), .th(.text(t(.keyEvaluationObjects))), .th(.text(t(.keyEvaluationAmount))),
                           .th(.text(t(.keyEvaluationTeam))), .th(.text(t(.fieldState))))),
                .tbody(.forEach(model.evaluations) { row in
                    .tr(.td(.text(String(row.fiscal_year))),
                        .td(.a(.href(KeyEvaluationRoute.evaluation(.value(row.id)).url), .text(row.title))),
                        .td(.text(row.organization_name)), .td(.text(row.agency_name ?? "—")),
                        .td(.class("number"), .text(String(row.object_count))),
                        .td(.class("number"), .text(Money(fen: row.amount_fen ?? 0).wanYuanDisplay)),
                        .td(.class("number"), .text(String(row.member_count))),
                        .td(Components.badge(t.term(row.evaluationState), kind: "key-\(row.state)")))
                })))
        )
    }
}

// MARK: choosing

/// What the choosing form sends, kept as ticked and typed when it is refused or previewed.
struct CandidatesForm: Content {
    var intent: String?
    var objects: [UUID]?
    var reason: String?
    var together: String?
}

struct KeyEvaluationCandidatesModel: Sendable {
    var year: Int
    var runner: OrganizationModel
    var candidates: [KeyEvaluationQueries.Candidate]
    var coverage: CoverageReport
    /// Coverage before the ticked objects are added (already chosen ones only), for the comparison.
    var coverageBefore: CoverageReport
    var names: [UUID: String]
    var ticked: Set<UUID>
    var draft = CandidatesForm()
    var csrfToken: String
    var problem: AppError?
    var errors: [String: Message] = [:]

    static func load(year: Int, ticked: Set<UUID> = [], by caller: Caller, on db: any Database) async throws -> KeyEvaluationCandidatesModel {
        let user = try caller.person()
        let runner = try await KeyEvaluations.runner(caller, on: db)
        let all = try await KeyEvaluationQueries.candidates(fiscalYear: year, area: runner.hierarchyPath, rules: SelectionRules(), on: db)
        var names: [UUID: String] = [:]
        for candidate in all {
            if let department = candidate.department { names[department] = candidate.departmentName }
            names[candidate.region] = candidate.regionName
        }
        let shown = all.filter { !$0.reasons.isEmpty || $0.evaluationID != nil }
        return KeyEvaluationCandidatesModel(year: year, runner: runner, candidates: shown,
                                            coverage: KeyEvaluationQueries.coverage(all, adding: ticked), coverageBefore: KeyEvaluationQueries.coverage(all),
                                            names: names, ticked: ticked, csrfToken: user.csrfToken ?? "")
    }
}

struct KeyEvaluationCandidatesView {
    let model: KeyEvaluationCandidatesModel
    let t: Localizer

    var body: Node<HTML.BodyContext> {
        .group(
            .p(.a(.href(KeyEvaluationRoute.list(year: model.year).url), .text(t(.keyEvaluationBackToList)))),
            .p(.class("lead"), .text(t(.keyEvaluationCandidatesIntro(model.runner.name, model.year)))),
            .form(.method(.get), .action(KeyEvaluationRoute.candidates().url), .class("inline-form"),
                .label(.for("year"), .text(t(.fieldFiscalYear))),
                Components.input([.type(.number), .id("year"), .name("year"), .value(String(model.year))]),
                .button(.type(.submit), .text(t(.keyEvaluationFilter)))),
            .unwrap(model.problem) { Components.problem($0, t) },
            .h2(.text(t(.keyEvaluationCoverageTitle))),
            .p(.class("hint"), .text(t(.keyEvaluationCoverageHint))),
            // A department sees its own part of a region only: the region's line would mislead.
            .if(model.runner.kind == OrganizationKind.financeBureau.rawValue,
                coverageTable(model.coverage.regions, before: model.coverageBefore.regions, heading: t(.keyEvaluationRegion))),
            coverageTable(model.coverage.departments, before: model.coverageBefore.departments, heading: t(.keyEvaluationDepartment)),
            .h2(.text(t(.keyEvaluationCandidatesTitle))),
            model.candidates.isEmpty ? Components.notice(t(.keyEvaluationNoCandidates)) :
            .form(.method(.post), .action(KeyEvaluationRoute.candidates(year: model.year).url),
                Components.csrfField(model.csrfToken),
                .div(.class("table-scroll"), .table(.class("data"),
                    .thead(.tr(.th(.text(t(.keyEvaluationChoose))), .th(.text(t(.fieldCode))), .th(.text(t(.fieldName))), .th(.text(t(.keyEvaluationOwner))),
                               .th(.text(t(.keyEvaluationAmount))), .th(.text(t(.keyEvaluationReasons))))),
                    .tbody(.forEach(model.candidates) { candidate in row(candidate) }))),
                .div(.class(model.errors["reason"] == nil ? "field" : "field has-error"),
                    .label(.for("reason"), .text(t(.keyEvaluationChoiceReason))),
                    .textarea(.id("reason"), .name("reason"), .attribute(named: "rows", value: "3"), .text(model.draft.reason ?? "")),
                    .unwrap(model.errors["reason"]) { .p(.class("field-error"), .attribute(named: "role", value: "alert"), .text(t($0))) }),
                .label(.class("check"), Components.input([.type(.checkbox), .name("together"), .value("1")] + (model.draft.together == "1" ? [.checked(true)] : [])),
                       .text(" " + t(.keyEvaluationTogether))),
                .div(.class("actions"),
                    .button(.type(.submit), .name("intent"), .value("preview"), .text(t(.keyEvaluationPreview))),
                    .button(.type(.submit), .name("intent"), .value("choose"), .class("primary"), .text(t(.keyEvaluationChooseButton)))))
        )
    }

    private func row(_ candidate: KeyEvaluationQueries.Candidate) -> Node<HTML.TableContext> {
        let label = candidate.code + " " + candidate.name
        return .tr(
            .td(candidate.evaluationID.map { id in
                    .a(.href(KeyEvaluationRoute.evaluation(.value(id)).url), .text(t(.keyEvaluationAlreadyChosen)))
                } ?? .label(.class("check"),
                            Components.input([.type(.checkbox), .name("objects[]"), .value(candidate.objectID.uuidString),
                                              .attribute(named: "aria-label", value: label)] + (model.ticked.contains(candidate.objectID) ? [.checked(true)] : [])))),
            .td(.span(.class("code"), .text(candidate.code))), .td(.text(candidate.name)),
            .td(.text(candidate.ownerName)), .td(.class("number"), .text(candidate.amount.wanYuanDisplay)),
            .td(.forEach(candidate.reasons) { reason in .group(Components.badge(t.term(reason)), .text(" ")) }))
    }

    private func coverageTable(_ lines: [UUID: CoverageLine], before: [UUID: CoverageLine], heading: String) -> Node<HTML.BodyContext> {
        let sorted = lines.sorted { (model.names[$0.key] ?? "") < (model.names[$1.key] ?? "") }
        let percent: (Decimal?) -> String = { $0.map { Ratio.text($0, decimals: 2) + "%" } ?? "—" }
        return sorted.isEmpty ? .empty : .div(.class("table-scroll"), .table(.class("data"),
            .thead(.tr(.th(.text(heading)), .th(.text(t(.keyEvaluationSpending))), .th(.text(t(.keyEvaluationEvaluated))),
                       .th(.text(t(.keyEvaluationCoverageNow))), .th(.text(t(.keyEvaluationCoverageWith))), .th(.text(t(.keyEvaluationTarget))),
                       .th(.text(t(.keyEvaluationShortfall))))),
            .tbody(.forEach(sorted) { entry in
                let id = entry.key, line = entry.value, now = before[id] ?? line
                return .tr(.td(.text(model.names[id] ?? "")), .td(.class("number"), .text(line.spending.wanYuanDisplay)),
                    .td(.class("number"), .text(now.evaluated.wanYuanDisplay + " (\(now.evaluatedCount)/\(now.objectCount))")),
                    .td(.class("number"), .text(percent(before[id]?.percent))),
                    .td(.class(line.meetsTarget ? "number" : "number level-red"), .text(percent(line.percent))),
                    .td(.class("number"), .text("≥ " + Ratio.text(line.targetPercent, decimals: 0) + "%")),
                    .td(.class("number"), .text(line.meetsTarget ? t(.keyEvaluationTargetMet) : line.shortfall.wanYuanDisplay)))
            })))
    }
}
