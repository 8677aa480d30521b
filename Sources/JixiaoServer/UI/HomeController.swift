import Fluent
import Plot
import Vapor
import JixiaoDomain

/// The start page and the honest placeholders of the loop's later sections.
struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
        for section in Section.placeholders {
            routes.get(PathComponent(stringLiteral: section.rawValue)) { req async throws -> Response in
                try placeholder(req, section)
            }
        }
        routes.get("admin") { req in req.redirect(to: "/orgs") }
    }

    @Sendable func home(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        let t = req.localizer
        let tiles = NavigationMenu(for: user.actor).groups.flatMap(\.entries)
        // An administrator of a new installation (the placeholder bureau is still all there is, or nobody else has an
        // account) is led through its first steps instead of being left to find them.
        var firstSteps: Node<HTML.BodyContext> = .empty
        if user.roles.contains(.administrator) {
            let placeholder = try await OrganizationModel.query(on: req.db).filter(\.$code == Bootstrap.rootCode).first()
            let people = try await UserModel.query(on: req.db).count()
            if placeholder != nil || people <= 1 {
                let editLink = placeholder.map { "/orgs/\($0.id!.uuidString)" } ?? "/orgs"
                firstSteps = .section(.class("card first-steps"), .h2(.text(t(.firstStepsTitle))),
                    .ol(.li(.text(t(.firstStepsRename)), .text(" "), .a(.href(editLink), .text(t(.firstStepsRenameLink)))),
                        .li(.text(t(.firstStepsTree)), .text(" "), .a(.href("/orgs/new"), .text(t(.firstStepsNewOrgLink))), .text(" · "),
                            .a(.href("/orgs/import"), .text(t(.firstStepsImportLink)))),
                        .li(.text(t(.firstStepsAccounts)), .text(" "), .a(.href("/users/new"), .text(t(.firstStepsNewUserLink))))))
            }
        }
        return req.layout.render(title: t(.homeTitle),
            .if(req.query[String.self, at: "password"] == "changed", Components.notice(t(.passwordChanged), kind: "success")),
            firstSteps,
            .p(.class("lead"), .text(t(.homeWelcome, user.displayName, user.organizationName))),
            .p(.text(t(.homeRoles) + user.roles.sorted { $0.rawValue < $1.rawValue }.map { t($0.title) }.joined(separator: "、"))),
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
