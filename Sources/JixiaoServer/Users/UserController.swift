import Fluent
import Plot
import Vapor
import JixiaoDomain

/// 用户管理 pages: list, create, edit roles and organisation, reset password, deactivate.
struct UserController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(UserRoute.list(), use: index)
        routes.get(UserRoute.new(), use: newForm)
        routes.post(UserRoute.new(), use: create)
        routes.get(UserRoute.show(.key), use: show)
        routes.post(UserRoute.edit(.key), use: update)
        routes.post(UserRoute.resetPassword(.key), use: resetPassword)
        routes.post(UserRoute.active(.key), use: setActive)
    }

    struct Filter: Content { var q: String?; var org: UUID?; var page: Int? }

    @Sendable func index(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        let t = req.localizer
        guard Authorization.mayEver(user.actor, .viewUser) else { throw AppError.forbidden() }
        let filter = try req.query.decode(Filter.self)
        let root = try await OrganizationCommands.visible(filter.org ?? user.organizationID, for: .viewUser, by: try req.caller(), on: req.db)
        let pageNumber = ListPaging.page(filter.page)
        let perPage = 100
        let page = try await UserCommands.list(under: root, scope: Authorization.scope(user.actor, .viewUser), search: filter.q, offset: (pageNumber - 1) * perPage, limit: perPage, on: req.db)
        let canManage = Authorization.mayEver(user.actor, .manageUser)
        return req.layout.render(title: t(.navUsers),
            .form(.method(.get), .action(UserRoute.list().url), .class("toolbar"), .attribute(named: "role", value: "search"),
                .unwrap(filter.org) { .input(.type(.hidden), .name("org"), .value($0.uuidString)) },
                .label(.for("q"), .class("visually-hidden"), .text(t(.searchUsers))),
                .input(.type(.search), .id("q"), .name("q"), .value(filter.q ?? ""), .placeholder(t(.searchUsers))),
                .button(.type(.submit), .text(t(.search))),
                .if(canManage, .a(.class("button"), .href(UserRoute.new(organization: root.code).url), .text(t(.newUser))))
            ),
            .p(.class("hint"), .text(t(.usersUnder(root.name, String(page.total))))),
            .table(.class("data"),
                .thead(.tr(.th(.text(t(.fieldUsername))), .th(.text(t(.fieldDisplayName))), .th(.text(t(.fieldOrganization))),
                           .th(.text(t(.fieldRoles))), .th(.text(t(.fieldStatus))))),
                .tbody(.forEach(page.items) { u in
                    .tr(.td(.a(.href(UserRoute.show(.value(u.id!)).url), .text(u.username))), .td(.text(u.displayName)),
                        .td(.text(u.organization.name)),
                        .td(.text(u.roleSet.sorted { $0.rawValue < $1.rawValue }.map { t($0.title) }.joined(separator: "、"))),
                        .td(.text(u.isActive ? t(.active) : t(.inactive))))
                })
            ),
            .if(page.total > pageNumber * perPage, .p(.a(.href(UserRoute.list(organization: filter.org, query: filter.q, page: pageNumber + 1).url), .text(t(.nextPage)))))
        )
    }

    struct UserForm: Content {
        var username: String?
        var display_name: String?
        var organization_code: String?
        var roles: [String]?
        var password: String?
    }

    private func roleOptions(_ t: Localizer) -> [(value: String, label: String)] { Role.allCases.map { ($0.rawValue, t($0.title)) } }

    @Sendable func newForm(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        guard Authorization.mayEver(user.actor, .manageUser) else { throw AppError.forbidden() }
        return renderNew(req, form: UserForm(organization_code: req.query[String.self, at: "org"]), errors: [:], status: .ok)
    }

    private func renderNew(_ req: Request, form: UserForm, errors: [String: Message], status: HTTPResponseStatus) -> Response {
        let t = req.localizer
        let error: (String) -> String? = { errors[$0].map { t($0) } }
        return req.layout.render(title: t(.newUser), status: status,
            .if(!errors.isEmpty, Components.notice(t(.formHasErrors(String(errors.count))), kind: "error")),
            .form(.method(.post), .action(UserRoute.new().url), .class("card"),
                req.layout.csrfField(),
                Components.textField(label: t(.fieldUsername), name: "username", value: form.username ?? "", error: error("username"), required: true, hint: t(.usernameHint)),
                Components.textField(label: t(.fieldDisplayName), name: "display_name", value: form.display_name ?? "", error: error("display_name"), required: true),
                Components.textField(label: t(.fieldOrganizationCode), name: "organization_code", value: form.organization_code ?? "", error: error("organization_code"), required: true),
                Components.checkboxes(legend: t(.fieldRoles), name: "roles", options: roleOptions(t), checked: Set(form.roles ?? []), error: error("roles")),
                Components.textField(label: t(.fieldInitialPassword), name: "password", error: error("password"), type: .password,
                                     hint: t(.initialPasswordHint), autocomplete: "new-password"),
                .button(.type(.submit), .class("primary"), .text(t(.create)))
            )
        )
    }

    @Sendable func create(req: Request) async throws -> Response {
        let form = try req.content.decode(UserForm.self)
        let draft = UserDraft(username: (form.username ?? "").trimmed.lowercased(),
                              displayName: (form.display_name ?? "").trimmed,
                              organizationCode: (form.organization_code ?? "").trimmed,
                              roles: Set((form.roles ?? []).compactMap(Role.init(rawValue:))), password: form.password ?? "")
        do {
            let (user, generated) = try await UserCommands.create(draft, by: try req.caller(), on: req.db)
            return try await renderShow(req, user: user, errors: [:], notice: generated.map { req.localizer(.oneTimePasswordShown($0)) } ?? req.localizer(.created), status: .created)
        } catch let errors as FormErrors {
            ErrorRenderingMiddleware.noteRefusal(nil, innerErrors: errors.errors, request: req)   // pages that answer beside the field still audit refusals
            return renderNew(req, form: form, errors: errors.byField, status: .unprocessableEntity)
        }
    }

    private func load(_ req: Request) async throws -> UserModel {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound() }
        return try await UserCommands.visible(id, by: try req.caller(), on: req.db)
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await renderShow(req, user: try await load(req), errors: [:], notice: req.query[String.self, at: "notice"] == "saved" ? req.localizer(.saved) : nil, status: .ok)
    }

    private func renderShow(_ req: Request, user u: UserModel, errors: [String: Message], notice: String?, status: HTTPResponseStatus) async throws -> Response {
        let me = try req.requireSignedIn()
        let t = req.localizer
        let canManage = Authorization.decide(me.actor, .manageUser, u.organization.accessTarget) == .allow
        let error: (String) -> String? = { errors[$0].map { t($0) } }
        let id = u.id!
        return req.layout.render(title: "\(u.displayName)（\(u.username)）", status: status,
            .unwrap(notice) { Components.notice($0, kind: "success") },
            .unwrap(errors["_"]) { Components.notice(t($0), kind: "error") },
            .dl(.class("facts"),
                .dt(.text(t(.fieldOrganization))), .dd(.a(.href(OrganizationRoute.show(.value(u.organization.id!)).url), .text("\(u.organization.name)（\(u.organization.code)）"))),
                .dt(.text(t(.fieldRoles))), .dd(.text(u.roleSet.sorted { $0.rawValue < $1.rawValue }.map { t($0.title) }.joined(separator: "、"))),
                .dt(.text(t(.fieldStatus))), .dd(.text(u.isActive ? t(.active) : t(.inactive))),
                .dt(.text(t(.mustChangePassword))), .dd(.text(u.mustChangePassword ? t(.yes) : t(.no)))
            ),
            .if(canManage, .div(.class("forms"),
                .form(.method(.post), .action(UserRoute.edit(.value(id)).url), .class("card"),
                    .h2(.text(t(.editUser))),
                    req.layout.csrfField(),
                    Components.textField(label: t(.fieldDisplayName), name: "display_name", value: u.displayName, error: error("display_name"), required: true),
                    Components.textField(label: t(.fieldOrganizationCode), name: "organization_code", value: u.organization.code, error: error("organization_code"), required: true),
                    Components.checkboxes(legend: t(.fieldRoles), name: "roles", options: roleOptions(t), checked: Set(u.roleSet.map(\.rawValue)), error: error("roles")),
                    .button(.type(.submit), .class("primary"), .text(t(.save)))
                ),
                .form(.method(.post), .action(UserRoute.resetPassword(.value(id)).url), .class("card"),
                    .h2(.text(t(.resetPassword))), req.layout.csrfField(),
                    .p(.class("hint"), .text(t(.resetPasswordHint))),
                    .button(.type(.submit), .text(t(.resetPassword)))
                ),
                .form(.method(.post), .action(UserRoute.active(.value(id)).url), .class("card"),
                    .h2(.text(u.isActive ? t(.deactivate) : t(.reactivate))), req.layout.csrfField(),
                    .input(.type(.hidden), .name("active"), .value(u.isActive ? "false" : "true")),
                    .unwrap(error("active")) { .p(.class("field-error"), .attribute(named: "role", value: "alert"), .text($0)) },
                    .button(.type(.submit), .class(u.isActive ? "danger" : ""), .text(u.isActive ? t(.deactivate) : t(.reactivate)))
                )
            ))
        )
    }

    @Sendable func update(req: Request) async throws -> Response {
        let user = try await load(req)
        let form = try req.content.decode(UserForm.self)
        do {
            try await UserCommands.update(user, displayName: (form.display_name ?? "").trimmed,
                                         organizationCode: (form.organization_code ?? "").trimmed,
                                         roles: Set((form.roles ?? []).compactMap(Role.init(rawValue:))), by: try req.caller(), on: req.db)
        } catch let errors as FormErrors {
            ErrorRenderingMiddleware.noteRefusal(nil, innerErrors: errors.errors, request: req)   // pages that answer beside the field still audit refusals
            return try await renderShow(req, user: try await load(req), errors: errors.byField, notice: nil, status: .unprocessableEntity)
        }
        return req.redirect(to: UserRoute.show(.value(user.id!), notice: "saved"))
    }

    @Sendable func resetPassword(req: Request) async throws -> Response {
        let user = try await load(req)
        let password = try await UserCommands.resetPassword(user, by: try req.caller(), on: req.db)
        return try await renderShow(req, user: user, errors: [:], notice: req.localizer(.oneTimePasswordShown(password)), status: .ok)
    }

    struct ActiveForm: Content { var active: String? }

    @Sendable func setActive(req: Request) async throws -> Response {
        let user = try await load(req)
        let form = try req.content.decode(ActiveForm.self)
        do {
            try await UserCommands.setActive(user, form.active == "true", by: try req.caller(), on: req.db)
        } catch let error as AppError where error.status == .conflict {
            ErrorRenderingMiddleware.noteRefusal(error, innerErrors: [], request: req)
            return try await renderShow(req, user: user, errors: ["active": error.message], notice: nil, status: .conflict)
        }
        return req.redirect(to: UserRoute.show(.value(user.id!), notice: "saved"))
    }
}
