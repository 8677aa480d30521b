import Fluent
import Plot
import Vapor
import JixiaoDomain

/// A round's dashboard as one organisation sees it: counts and amounts by colour for each organisation directly under
/// the one looked at (drill down by following a name), the execution chart, and the tasks reddest first.
struct MonitoringRoundModel: Sendable {
    var round: RoundRow
    var under: OrganizationModel
    /// From the round's organiser (or the person's own organisation) down to `under`, for the way back up.
    var trail: [OrganizationModel]
    var rows: [TallyRow]
    var totals: ColourTally
    var unreported: Int
    var points: [ChartPoint]
    var tasks: [TaskRow]
    var total: Int
    var page: Int
    var colour: WarningLevel?
    var canRun: Bool
    /// Whether the person may report at all (the offline list is for reporters).
    var canReport: Bool
    var csrfToken: String
    var notice: String?
    var problem: AppError?

    static let pageSize = 50

    /// The round, and the part of it a person looks at: from the round's organiser (or the person's own organisation)
    /// down to `code`, which must lie inside both.
    static func area(_ roundID: UUID, under code: String?, by caller: Caller, on db: any Database)
        async throws -> (round: RoundRow, under: OrganizationModel, trail: [OrganizationModel]) {
        let user = try caller.person()
        let round = try await MonitoringQueries.round(roundID, by: caller, on: db)
        let top: OrganizationModel?
        if caller.reaches(.viewBudget, round.target) { top = try await OrganizationModel.find(round.organization_id, on: db) }
        else { top = try await OrganizationModel.find(user.organizationID, on: db) }
        guard let top else { throw AppError.notFound() }
        var under = top
        if let code = code?.trimmed, !code.isEmpty {
            guard let found = try await OrganizationCommands.byCode(code, on: db), top.hierarchyPath.contains(found.hierarchyPath),
                  caller.reaches(.viewBudget, found.accessTarget) else { throw AppError.notFound() }
            under = found
        }
        let trailIDs = under.hierarchyPath.ids.drop { $0 != top.id }
        let trailOrgs = try await OrganizationModel.query(on: db).filter(\.$id ~~ Array(trailIDs)).all()
        return (round, under, trailIDs.compactMap { id in trailOrgs.first { $0.id == id } })
    }

    static func load(_ roundID: UUID, under code: String?, colour: String?, page: Int?, by caller: Caller, on db: any Database) async throws -> MonitoringRoundModel {
        let user = try caller.person()
        let (round, under, trail) = try await area(roundID, under: code, by: caller, on: db)
        let scope = Authorization.scope(user.actor, .viewBudget)
        let pastDeadline = round.roundState == .open && round.deadlineDay < CalendarDay(chinaDay: caller.now)
        let rows = try await MonitoringQueries.tally(round: round.id, under: under.hierarchyPath, scope: scope, pastDeadline: pastDeadline, on: db)
        var totals = ColourTally()
        for row in rows { totals.add(row.tally) }
        let level = colour.flatMap(WarningLevel.init(key:))
        let pageNumber = ListPaging.page(page)
        var filter = TaskFilter(roundID: round.id)
        filter.colour = level
        filter.under = under.hierarchyPath
        filter.offset = (pageNumber - 1) * pageSize
        filter.limit = pageSize
        // The tally counted the same tasks (same round, area and scope) by colour.
        filter.knownTotal = level.map { totals.count($0) } ?? totals.total
        // A twentieth of the round or more (a province, a large city): the first page is found early in list order.
        let large = totals.total * 20 >= round.task_count
        filter.inListOrder = large && (filter.knownTotal ?? 0) * 20 >= round.task_count
        let (tasks, total) = try await MonitoringQueries.tasks(filter, for: user, on: db)
        return MonitoringRoundModel(round: round, under: under, trail: trail, rows: rows, totals: totals, unreported: rows.reduce(0) { $0 + $1.unreported },
                                    points: try await MonitoringQueries.chartPoints(round: round.id, under: under.hierarchyPath, scope: scope, limit: 400,
                                                                                    inListOrder: large, on: db),
                                    tasks: tasks, total: total, page: pageNumber, colour: level,
                                    canRun: caller.reaches(.runMonitoring, round.target),
                                    canReport: Authorization.mayEver(user.actor, .reportMonitoring), csrfToken: user.csrfToken ?? "")
    }
}

struct MonitoringRoundView {
    let model: MonitoringRoundModel
    let t: Localizer

    var body: Node<HTML.BodyContext> {
        let round = model.round, totals = model.totals
        let rules = (try? round.ruleSet) ?? .standard
        func link(under: String?, colour: String? = nil, page: Int? = nil) -> String {
            MonitoringRoute.round(.value(round.id), under: under, colour: colour, page: page).url
        }
        let chart = ExecutionChart(points: model.points.map { point in
            let budget = Decimal(point.full_year_budget_fen)
            let executed = Decimal(rules.executionBasis == .spent ? point.spent_fen : point.allocated_fen)
            return ExecutionChart.Point(id: point.id, code: point.code, colour: point.colour, time: round.period.timeProgress.value,
                                        rate: budget == 0 ? 0 : executed / budget, href: MonitoringRoute.task(.value(point.id)).url)
        }, timeProgress: round.period.timeProgress.value, redBelow: rules.fundRedBelow, yellowBelow: rules.fundYellowBelow)
        return .group(
            .p(.a(.href(MonitoringRoute.rounds(year: round.fiscal_year).url), .text(t(.backToRounds)))),
            .unwrap(model.notice) { Components.notice($0) },
            .unwrap(model.problem) { Components.problem($0, t) },
            .div(.class("card"),
                .p(.text(t(.roundSummary(round.period, round.deadline, t(round.roundState.text), totals.total)))),
                .nav(.class("trail"), .forEach(model.trail.enumerated().map { $0 }) { index, org in
                    .group(.if(index > 0, .text(" › ")),
                           org.id == model.under.id ? .strong(.text(org.name)) : .a(.href(link(under: org.code)), .text(org.name)))
                }),
                .p(.a(.href(MonitoringRoute.summary(.value(round.id), under: model.under.code).url), .text(t(.reportLink)))),
                .div(.class("tiles"),
                    .forEach([WarningLevel.red, .yellow, .green]) { level in
                        .a(.class("tile level-\(level.key)"), .href(link(under: model.under.code, colour: level.key)),
                           .strong(.text(String(totals.count(level)))), .span(.text(t(level.text))),
                           .span(.class("hint"), .text(totals.amount(level).wanYuanDisplay + t(.unitWanYuan))))
                    },
                    .if(model.unreported > 0, .span(.class("tile"), .strong(.text(String(model.unreported))), .span(.text(t(.taskUnreported)))))
                )),
            .if(!model.rows.isEmpty, .div(.class("table-scroll"), .table(.class("data tally"),
                .thead(.tr(.th(.text(t(.fieldOrganization))), .th(.text(t(.levelRed))), .th(.text(t(.levelYellow))), .th(.text(t(.levelGreen))),
                           .th(.text(t(.redAmount))), .th(.text(t(.taskUnreported))))),
                .tbody(.forEach(model.rows) { row in
                    let isSelf = row.organization_id == model.under.id
                    return .tr(.td(isSelf ? .text((row.name ?? "") + t(.ownLevel)) : .unwrap(row.name) { name in
                                   .a(.href(link(under: row.code)), .text(name)) }),
                               .td(.class(row.red > 0 ? "number level-red" : "number"), .text(String(row.red))), .td(.class("number"), .text(String(row.yellow))),
                               .td(.class("number"), .text(String(row.green))),
                               .td(.class("number"), .text(Money(fen: row.red_fen).wanYuanDisplay)), .td(.class("number"), .text(String(row.unreported))))
                })))),
            .h2(.text(t(.chartTitle))),
            chart.svg(t),
            .p(.class("hint"), .text(t(.chartHint(rules.fundRedBelow.description, rules.fundYellowBelow.description)))),
            .h2(.text(t(.roundTasksTitle))),
            .nav(.class("tabs"), .a(.href(link(under: model.under.code)), .if(model.colour == nil, .attribute(named: "aria-current", value: "page")), .text(t(.allColours))),
                 .forEach([WarningLevel.red, .yellow, .green]) { level in
                     .a(.href(link(under: model.under.code, colour: level.key)), .if(model.colour == level, .attribute(named: "aria-current", value: "page")),
                        .text(t(level.text)))
                 }),
            MonitoringTaskList.table(model.tasks, t),
            Components.pager(page: model.page, per: MonitoringRoundModel.pageSize, total: model.total, t) { link(under: model.under.code, colour: model.colour?.key, page: $0) },
            .if(round.roundState == .open && model.canReport, .div(.class("card"),
                .h2(.text(t(.listTitle))), .p(.class("hint"), .text(t(.listHint))),
                .p(.a(.href(MonitoringRoute.list(.value(round.id), under: model.under.code).url), .text(t(.listDownload)))),
                .form(.method(.post), .action(MonitoringRoute.importList(.value(round.id)).url), .attribute(named: "enctype", value: "multipart/form-data"),
                      Components.csrfField(model.csrfToken),
                      .input(.type(.file), .name("file"), .attribute(named: "accept", value: ".xlsx,.csv")),
                      .button(.type(.submit), .text(t(.listUpload)))))),
            .if(model.canRun && round.roundState == .open, .group(
                .form(.method(.post), .action(MonitoringRoute.treasury(.value(round.id)).url), .class("card"),
                      .attribute(named: "enctype", value: "multipart/form-data"),
                      Components.csrfField(model.csrfToken),
                      .h2(.text(t(.treasuryTitle))), .p(.class("hint"), .text(t(.treasuryHint))),
                      .input(.type(.file), .name("file"), .attribute(named: "accept", value: ".xlsx,.csv")),
                      .button(.type(.submit), .text(t(.treasuryButton)))),
                .form(.method(.post), .action(MonitoringRoute.close(.value(round.id)).url), .class("card"),
                      Components.csrfField(model.csrfToken),
                      .input(.type(.hidden), .name("lock_version"), .value(String(round.lock_version))),
                      .p(.text(t(.roundCloseHint))),
                      .button(.type(.submit), .text(t(.roundCloseButton))))
            ))
        )
    }
}

/// The task table the dashboard and the person's own list share.
enum MonitoringTaskList {
    static func table(_ tasks: [TaskRow], _ t: Localizer) -> Node<HTML.BodyContext> {
        .div(.class("table-scroll"), .table(.class("data"),
            .thead(.tr(.th(.text(t(.fieldCode))), .th(.text(t(.fieldProjectName))), .th(.text(t(.taskAssignee))), .th(.text(t(.fieldState))),
                       .th(.text(t(.taskColour))), .th(.text(t(.fundFullYearBudget))))),
            .tbody(.forEach(tasks) { task in
                .tr(.td(.span(.class("code"), .text(task.object_code))),
                    .td(.a(.href(MonitoringRoute.task(.value(task.id)).url), .text(task.object_name))),
                    .td(.text(task.assignee_name)),
                    .td(Components.badge(t(task.taskState.text), kind: "task-\(task.state)"), .if(task.late, .group(.text(" "), Components.badge(t(.taskLate), kind: "late")))),
                    .td(Components.badge(t(task.level.text), kind: "level-\(task.colour)"), .if(task.warning_count > 0, .text(" \(task.warning_count)"))),
                    .td(.class("number"), .text(Money(fen: task.full_year_budget_fen).wanYuanDisplay)))
            })))
    }
}
