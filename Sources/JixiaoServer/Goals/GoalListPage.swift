import Fluent
import Plot
import Vapor
import JixiaoDomain

/// The goal list (the work queue, or everything in reach) as its page shows it, loaded in one place: the filter read
/// from the address, one page of rows and the counts of the whole list, both from the database.
struct GoalListModel: Sendable {
    var filter: GoalController.Filter
    var year: Int
    /// The year typed could not be read; the list stays empty and the field says why.
    var yearInvalid: Bool
    /// The organisation code typed is unknown or out of reach; the list stays empty rather than widening to everything.
    var unknownUnder: String?
    var showAll: Bool
    var page: Int
    var rows: [GoalQueueRow]
    var total: Int
    /// Approved goals in the whole list: what a batch release would release.
    var approved: Int
    var canDeclare: Bool
    var canRelease: Bool
    var csrfToken: String

    /// Rows of the goal list per page: a screen or two, quick to render at any scale.
    static let pageSize = 50

    /// `refused` hears an `under` refused as unknown or out of reach, so the caller can record it.
    static func load(_ filter: GoalController.Filter, for caller: Caller, on db: any Database,
                     refused: (AppError) -> Void = { _ in }) async throws -> GoalListModel {
        let user = try caller.person()
        var year = GoalController.currentFiscalYear
        var yearInvalid = false
        if let text = filter.year?.trimmed, !text.isEmpty {
            if let parsed = Int(text), BudgetObjectRules.fiscalYears.contains(parsed) { year = parsed } else { yearInvalid = true }
        }
        var under: OrganizationModel?
        var unknownUnder: String?
        do {
            under = try await GoalCommands.budgetScope(code: filter.under?.trimmed, by: caller, on: db)
        } catch let error as AppError where error.status == .notFound || error.status == .forbidden {
            refused(error)
            unknownUnder = filter.under?.trimmed ?? ""
        }
        let showAll = filter.all == "1"
        let queueFilter = GoalQueueFilter(fiscalYear: year, states: filter.state.flatMap(GoalState.init(rawValue:)).map { [$0] }, under: under,
                                          fundSource: filter.fund.flatMap(FundSource.init(rawValue:)), keyProjectsOnly: filter.key == "1",
                                          minimumSeverity: filter.severity == "warning" ? .warning : (filter.severity == "any" ? .notice : nil))
        let page = ListPaging.page(filter.page.flatMap { Int($0) })
        var pagedFilter = queueFilter
        pagedFilter.offset = (page - 1) * pageSize
        pagedFilter.limit = pageSize
        let failed = yearInvalid || unknownUnder != nil
        let found = failed ? (rows: [], total: 0, approved: 0) : try await GoalCommands.queuePage(pagedFilter, for: user, waitingOnly: !showAll, on: db)
        return GoalListModel(filter: filter, year: year, yearInvalid: yearInvalid, unknownUnder: unknownUnder, showAll: showAll, page: page,
                             rows: found.rows, total: found.total, approved: found.approved,
                             canDeclare: Authorization.mayEver(user.actor, .declareGoal),
                             canRelease: !user.roles.isDisjoint(with: GoalAction.release.permittedRoles), csrfToken: user.csrfToken ?? "")
    }
}

/// The goal list page as a pure function of its model.
struct GoalListView {
    let model: GoalListModel
    let t: Localizer

    var body: Node<HTML.BodyContext> {
        let filter = model.filter, year = model.year, showAll = model.showAll, rows = model.rows, page = model.page
        let canDeclare = model.canDeclare, canRelease = model.canRelease, approvedCount = model.approved
        let yearError = model.yearInvalid ? t(.errorYearInvalid) : nil
        let underError = model.unknownUnder.map { t(.errorUnknownOrganization($0)) }
        /// This list's address with its filters, on page `number`.
        func pageLink(_ number: Int) -> String {
            GoalRoute.list(GoalListQuery(year: year, all: showAll, under: filter.under, state: filter.state, fund: filter.fund, key: filter.key,
                                         severity: filter.severity, page: number)).url
        }
        func link(all: Bool) -> String { GoalRoute.list(GoalListQuery(year: year, all: all, under: filter.under)).url }
        return .group(
            .nav(.class("tabs"), .a(.href(link(all: false)), .if(!showAll, .attribute(named: "aria-current", value: "page")), .text(t(.goalsWaiting))),
                 .a(.href(link(all: true)), .if(showAll, .attribute(named: "aria-current", value: "page")), .text(t(.goalsAll)))),
            .form(.method(.get), .action(GoalRoute.list().url), .class("toolbar wrap"),
                .if(showAll, .input(.type(.hidden), .name("all"), .value("1"))),
                .div(.class(yearError == nil ? "field" : "field has-error"), .label(.for("year"), .text(t(.fieldFiscalYear))),
                     .input(.type(.number), .id("year"), .name("year"), .value(yearError == nil ? String(year) : filter.year ?? "")),
                     .unwrap(yearError) { .p(.class("field-error"), .attribute(named: "role", value: "alert"), .text($0)) }),
                .div(.class(underError == nil ? "field" : "field has-error"), .label(.for("under"), .text(t(.fieldUnderOrganization))),
                     .input(.type(.text), .id("under"), .name("under"), .value(filter.under ?? "")),
                     .unwrap(underError) { .p(.class("field-error"), .attribute(named: "role", value: "alert"), .text($0)) }),
                Components.selectField(label: t(.fieldState), name: "state", options: GoalState.allCases.map { ($0.rawValue, t($0.title)) },
                                       selected: filter.state, includeEmpty: t(.allStates)),
                Components.selectField(label: t(.fieldFundSource), name: "fund", options: FundSource.allCases.map { ($0.rawValue, t.term($0)) },
                                       selected: filter.fund, includeEmpty: t(.allFundSources)),
                Components.selectField(label: t(.fieldKeyProject), name: "key", options: [("1", t(.keyProjectsOnly))], selected: filter.key, includeEmpty: t(.allProjects)),
                Components.selectField(label: t(.fieldFindings), name: "severity", options: [("warning", t(.withWarnings)), ("any", t(.withAnyFinding))],
                                       selected: filter.severity, includeEmpty: t(.allGoals)),
                .button(.type(.submit), .text(t(.filter))),
                .if(canDeclare, .a(.class("button"), .href(GoalRoute.new(year: year).url), .text(t(.newBudgetObject)))),
                .a(.class("button"), .href(GoalRoute.library().url), .text(t(.navLibrary))),
                .a(.class("button"), .href(GoalRoute.exportList(year: year, under: filter.under).url), .text(t(.exportList))),
                .if(canDeclare, .a(.class("button"), .href(GoalRoute.importFile.url), .text(t(.importGoals)))),
                .a(.class("button"), .href(GoalRoute.issued(year: year).url), .text(t(.regionalIssuedLink)))
            ),
            .p(.class("hint"), .text(t(showAll ? .goalsAllCount(model.total, year) : .goalsWaitingCount(model.total, year)))),
            .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(t(.fieldCode))), .th(.text(t(.fieldProjectName))), .th(.text(t(.fieldOrganization))),
                           .th(.text(t(.fieldFundSource))), .th(.text(t(.fieldRequested))), .th(.text(t(.fieldState))), .th(.text(t(.fieldFindings))))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.span(.class("code"), .text(row.code))),
                        .td(.a(.href(GoalRoute.show(.value(row.objectID)).url), .text(row.name)), .if(row.isKeyProject, .group(.text(" "), Components.badge(t(.keyProject), kind: "key")))),
                        .td(.text(row.organizationName)),
                        .td(.text(t.term(FundSource(rawValue: row.fundSource)) ?? row.fundSource)),
                        .td(.class("number"), .text(Money(fen: row.requestedFen).wanYuanText)),
                        .td(Components.badge(t(row.goalState.title), kind: "state-\(row.state)"), .if(row.versionNumber > 1, .text(" v\(row.versionNumber)"))),
                        .td(.if(row.validationErrors > 0, Components.badge(t.count(row.validationErrors, one: TextKey.errorsCountOne, many: TextKey.errorsCount), kind: "severity-error")),
                            .if(row.lintWarnings > 0, Components.badge(t.count(row.lintWarnings, one: TextKey.warningsCountOne, many: TextKey.warningsCount), kind: "severity-warning")),
                            .if(row.lintNotices > 0, Components.badge(t.count(row.lintNotices, one: TextKey.noticesCountOne, many: TextKey.noticesCount), kind: "severity-notice"))))
                })
            )),
            Components.pager(page: page, per: GoalListModel.pageSize, total: model.total, t, link: pageLink),
            .if(canRelease && approvedCount > 0, .form(.method(.post), .action(GoalRoute.release.url), .class("card"),
                Components.csrfField(model.csrfToken),
                .input(.type(.hidden), .name("year"), .value(String(year))),
                .input(.type(.hidden), .name("under"), .value(filter.under ?? "")),
                .p(.text(t(.batchReleaseExplain(String(approvedCount))))),
                .button(.type(.submit), .class("primary"), .text(t(.batchRelease)))))
        )
    }
}
