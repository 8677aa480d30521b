import Fluent
import Plot
import Vapor
import JixiaoDomain

/// The start page and the honest placeholders of the loop's later sections.
struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(HomeRoute.home(), use: home)
        for section in Section.placeholders {
            routes.get(HomeRoute.placeholder(section)) { req async throws -> Response in
                try placeholder(req, section)
            }
        }
        routes.get(HomeRoute.admin) { req in req.redirect(to: OrganizationRoute.list()) }
    }

    @Sendable func home(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        let t = req.localizer
        let tiles = NavigationMenu(for: user.actor).groups.flatMap(\.entries)
        // What waits for this person, from every capability; a new installation's open first steps among them.
        let work = try await Capabilities.workbench(for: user, on: req.db, t)
        return req.layout.render(title: t(.homeTitle),
            .if(req.query[String.self, at: "password"] == "changed", Components.notice(t(.passwordChanged), kind: "success")),
            .p(.class("lead"), .text(t(.homeWelcome(user.displayName, user.organizationName)))),
            .p(.text(t(.homeRoles) + user.roles.sorted { $0.rawValue < $1.rawValue }.map { t($0.title) }.joined(separator: "、"))),
            WorkbenchView.section(work, t),
            .h2(.text(t(.homeLoop))),
            .ol(.class("loop"), .forEach([TextKey.loopGoals, .loopMonitoring, .loopEvaluation, .loopFeedback, .loopUse]) { .li(.text(t($0))) }),
            .div(.class("tiles"),
                .forEach(tiles) { entry in
                    .a(.class("tile"), .href(entry.path), .strong(.text(t(entry.title))), .span(.text(t(entry.summary))))
                }
            )
        )
    }

    private func placeholder(_ req: Request, _ section: Section) throws -> Response {
        let user = try req.requireSignedIn()
        guard section.placeholderVisible(to: user.roles) else { throw AppError.notFound() }
        let t = req.localizer
        return req.layout.render(title: t(section.title),
            Components.notice(t(.notYetAvailable), kind: "info"),
            .p(.text(t(section.summary))))
    }
}

extension Role {
    var title: TextKey {
        switch self {
        case .administrator: .roleAdministrator
        case .performanceOfficer: .rolePerformanceOfficer
        case .budgetOfficer: .roleBudgetOfficer
        case .departmentOfficer: .roleDepartmentOfficer
        case .unitOfficer: .roleUnitOfficer
        case .agencyEvaluator: .roleAgencyEvaluator
        case .expert: .roleExpert
        case .supervisor: .roleSupervisor
        case .securityOfficer: .roleSecurityOfficer
        case .auditOfficer: .roleAuditOfficer
        }
    }
}
