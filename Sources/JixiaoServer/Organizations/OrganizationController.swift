import Fluent
import Plot
import Vapor
import JixiaoDomain

/// 组织机构 pages: the searchable tree, one organisation with its edit/move/deactivate forms,
/// creating one, and importing a list.
struct OrganizationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(OrganizationRoute.list(), use: index)
        routes.get(OrganizationRoute.new(), use: newForm)
        routes.post(OrganizationRoute.new(), use: create)
        routes.get(OrganizationRoute.importFile, use: importForm)
        routes.post(OrganizationRoute.importFile, body: .collect(maxSize: "8mb"), use: importFile).bodyLimit = 8 * 1024 * 1024
        routes.get(OrganizationRoute.show(.key), use: show)
        routes.post(OrganizationRoute.edit(.key), use: update)
        routes.post(OrganizationRoute.move(.key), use: move)
        routes.post(OrganizationRoute.active(.key), use: setActive)
    }

    struct Filter: Content { var q: String?; var kind: String?; var under: UUID? }

    @Sendable func index(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        let t = req.localizer
        let filter = try req.query.decode(Filter.self)
        let root = try await OrganizationCommands.visible(filter.under ?? user.organizationID, by: try req.caller(), on: req.db)
        let search = filter.q?.trimmed ?? ""
        let kind = filter.kind.flatMap(OrganizationKind.init(rawValue:))
        let searching = !search.isEmpty || kind != nil
        // Browsing shows three levels at a time; searching shows matches anywhere below, flat.
        let page = try await OrganizationCommands.subtree(under: root, scope: Authorization.scope(user.actor, .viewOrganization), search: searching ? search : nil, kind: kind,
                                                          maximumDepth: searching ? nil : root.depth + 2,
                                                          offset: 0, limit: searching ? 200 : 1500, on: req.db)
        // How many children each shown organisation has is shown only to those who reach below it.
        let counts = Authorization.scope(user.actor, .viewOrganization).subtrees.isEmpty ? [:]
            : try await OrganizationCommands.childCounts(of: page.items.compactMap(\.id), on: req.db)
        let canManage = Authorization.decide(user.actor, .manageOrganization, root.accessTarget) == .allow
        let ancestors = try await OrganizationCommands.ancestors(of: root, on: req.db)
            .filter { Authorization.decide(user.actor, .viewOrganization, $0.accessTarget) == .allow }

        return req.layout.render(title: t(.navOrganizations),
            .form(.method(.get), .action(OrganizationRoute.list().url), .class("toolbar"), .attribute(named: "role", value: "search"),
                .unwrap(filter.under) { .input(.type(.hidden), .name("under"), .value($0.uuidString)) },
                .label(.for("q"), .class("visually-hidden"), .text(t(.searchOrganizations))),
                .input(.type(.search), .id("q"), .name("q"), .value(search), .placeholder(t(.searchOrganizations))),
                .label(.for("kind"), .class("visually-hidden"), .text(t(.fieldKind))),
                .select(.id("kind"), .attribute(named: "name", value: "kind"), Components.option(value: "", label: t(.allKinds), selected: kind == nil),
                        .forEach(OrganizationKind.allCases) { Components.option(value: $0.rawValue, label: t($0.title), selected: $0 == kind) }),
                .button(.type(.submit), .text(t(.search))),
                .if(canManage, .group(
                    .a(.class("button"), .href(OrganizationRoute.new(parent: root.code).url), .text(t(.newOrganization))),
                    .a(.class("button"), .href(OrganizationRoute.importFile.url), .text(t(.importOrganizations)))))
            ),
            .if(!ancestors.isEmpty, .nav(.class("breadcrumb"), .attribute(named: "aria-label", value: t(.breadcrumb)),
                .forEach(ancestors) { .group(.a(.href(OrganizationRoute.list(under: $0.id!).url), .text($0.name)), .text(" › ")) },
                .text(root.name))),
            .p(.class("hint"), .text(searching ? t(.searchResultCount(String(page.total))) : t(.treeShowing(String(page.items.count), String(page.total))))),
            searching ? resultTable(page.items, t) : tree(page.items, root: root, childCounts: counts, t)
        )
    }

    private func resultTable(_ items: [OrganizationModel], _ t: Localizer) -> Node<HTML.BodyContext> {
        .table(.class("data"),
            .thead(.tr(.th(.text(t(.fieldCode))), .th(.text(t(.fieldName))), .th(.text(t(.fieldKind))), .th(.text(t(.fieldLevel))), .th(.text(t(.fieldStatus))))),
            .tbody(.forEach(items) { org in
                .tr(.td(.text(org.code)), .td(.a(.href(OrganizationRoute.show(.value(org.id!)).url), .text(org.name))),
                    .td(.text(t(org.organizationKind.title))), .td(.text(org.administrativeLevel.map { t($0.title) } ?? "")),
                    .td(.text(org.isActive ? t(.active) : t(.inactive))))
            })
        )
    }

    /// Nests the rows (ordered by path) under their parents, siblings sorted by code.
    private func tree(_ items: [OrganizationModel], root: OrganizationModel, childCounts: [UUID: Int], _ t: Localizer) -> Node<HTML.BodyContext> {
        let children = Dictionary(grouping: items.filter { $0.id != root.id }, by: { $0.parentID ?? UUID() })
            .mapValues { $0.sorted { $0.code < $1.code } }
        func node(_ org: OrganizationModel) -> Node<HTML.ListContext> {
            let below = children[org.id!] ?? []
            let hidden = (childCounts[org.id!] ?? 0) - below.count
            return .li(
                .a(.href(OrganizationRoute.show(.value(org.id!)).url), .text(org.name)),
                .text(" "), .span(.class("code"), .text(org.code)),
                .text(" "), Components.badge(t(org.organizationKind.title), kind: org.kind),
                .unwrap(org.administrativeLevel) { .group(.text(" "), Components.badge(t($0.title))) },
                .if(!org.isActive, .group(.text(" "), Components.badge(t(.inactive), kind: "inactive"))),
                .if(hidden > 0, .group(.text(" "), .a(.class("more"), .href(OrganizationRoute.list(under: org.id!).url), .text(t(.moreBelow(String(hidden))))))),
                .if(!below.isEmpty, .ul(.forEach(below) { node($0) }))
            )
        }
        return .ul(.class("tree"), node(root))
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await renderShow(req, organization: try await load(req), errors: [:], notice: req.query[String.self, at: "notice"], status: .ok)
    }

    private func load(_ req: Request) async throws -> OrganizationModel {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound() }
        return try await OrganizationCommands.visible(id, by: try req.caller(), on: req.db)
    }

    private func renderShow(_ req: Request, organization org: OrganizationModel, errors: [String: Message], notice: String?,
                            status: HTTPResponseStatus, draftCode: String? = nil, draftName: String? = nil) async throws -> Response {
        let user = try req.requireSignedIn()
        let t = req.localizer
        let canManage = Authorization.decide(user.actor, .manageOrganization, org.accessTarget) == .allow
        // The parent, the children and the people are shown only as far as the reader reaches (an expert reaches its own
        // organisation's record, not what lies below or above it).
        let scope = Authorization.scope(user.actor, .viewOrganization)
        let parent = (try await org.parentID.asyncMap { try await OrganizationModel.find($0, on: req.db) } ?? nil)
            .flatMap { scope.contains($0.id!, path: $0.hierarchyPath) ? $0 : nil }
        let children = try await OrganizationModel.query(on: req.db).filter(\.$parentID == org.id).sort(\.$code).limit(500).all()
            .filter { scope.contains($0.id!, path: $0.hierarchyPath) }
        let userCount = Authorization.decide(user.actor, .viewUser, org.accessTarget) == .allow
            ? try await UserModel.query(on: req.db).filter(\.$organization.$id == org.id!).count() : 0
        let error: (String) -> String? = { errors[$0].map { t($0) } }
        let noticeText: String? = switch notice {
        case "saved": t(.saved)
        case "created": t(.created)
        case "moved": t(.moved)
        default: nil
        }
        return req.layout.render(title: org.name, status: status,
            .unwrap(noticeText) { Components.notice($0, kind: "success") },
            .unwrap(errors["_"]) { Components.notice(t($0), kind: "error") },
            .dl(.class("facts"),
                .dt(.text(t(.fieldCode))), .dd(.text(org.code)),
                .dt(.text(t(.fieldKind))), .dd(.text(t(org.organizationKind.title))),
                .dt(.text(t(.fieldLevel))), .dd(.text(org.administrativeLevel.map { t($0.title) } ?? "—")),
                .dt(.text(t(.fieldParent))), .dd(parent.map { .a(.href(OrganizationRoute.show(.value($0.id!)).url), .text("\($0.name)（\($0.code)）")) } ?? .text("—")),
                .dt(.text(t(.fieldStatus))), .dd(.text(org.isActive ? t(.active) : t(.inactive))),
                .dt(.text(t(.navUsers))), .dd(.a(.href(UserRoute.list(organization: org.id!).url), .text(String(userCount))))
            ),
            .h2(.text(t(.childOrganizations))),
            children.isEmpty ? .p(.class("hint"), .text(t(.none))) : .ul(.forEach(children) { child in
                .li(.a(.href(OrganizationRoute.show(.value(child.id!)).url), .text(child.name)), .text(" "), .span(.class("code"), .text(child.code)),
                    .text(" "), Components.badge(t(child.organizationKind.title), kind: child.kind),
                    .if(!child.isActive, .group(.text(" "), Components.badge(t(.inactive), kind: "inactive"))))
            }),
            .p(.a(.href(OrganizationRoute.list(under: org.id!).url), .text(t(.viewSubtree)))),
            .if(canManage, .div(.class("forms"),
                .form(.method(.post), .action(OrganizationRoute.edit(.value(org.id!)).url), .class("card"),
                    .h2(.text(t(.editOrganization))),
                    req.layout.csrfField(),
                    Components.textField(label: t(.fieldCode), name: "code", value: draftCode ?? org.code, error: error("code"), required: true),
                    Components.textField(label: t(.fieldName), name: "name", value: draftName ?? org.name, error: error("name"), required: true),
                    .if(org.organizationKind == .financeBureau,
                        Components.selectField(label: t(.fieldLevel), name: "level",
                                               options: AdministrativeLevel.allCases.map { ($0.key, t($0.title)) },
                                               selected: org.administrativeLevel?.key, error: error("level"))),
                    .button(.type(.submit), .class("primary"), .text(t(.save)))
                ),
                .if(parent != nil, .form(.method(.post), .action(OrganizationRoute.move(.value(org.id!)).url), .class("card"),
                    .h2(.text(t(.moveOrganization))),
                    req.layout.csrfField(),
                    Components.textField(label: t(.fieldNewParentCode), name: "parent_code", value: "", error: error("parent_code"),
                                         required: true, hint: t(.moveHint)),
                    .button(.type(.submit), .text(t(.move)))
                )),
                .if(parent != nil || !org.isActive, .form(.method(.post), .action(OrganizationRoute.active(.value(org.id!)).url), .class("card"),
                    .h2(.text(org.isActive ? t(.deactivate) : t(.reactivate))),
                    req.layout.csrfField(),
                    .input(.type(.hidden), .name("active"), .value(org.isActive ? "false" : "true")),
                    .p(.class("hint"), .text(org.isActive ? t(.deactivateHint) : t(.reactivateHint))),
                    .unwrap(errors["active"]) { .p(.class("field-error"), .attribute(named: "role", value: "alert"), .text(t($0))) },
                    .button(.type(.submit), .class(org.isActive ? "danger" : ""), .text(org.isActive ? t(.deactivate) : t(.reactivate)))
                ))
            ))
        )
    }

    struct EditForm: Content { var code: String?; var name: String?; var level: String? }

    @Sendable func update(req: Request) async throws -> Response {
        let org = try await load(req)
        let form = try req.content.decode(EditForm.self)
        let code = (form.code ?? "").trimmed
        let name = (form.name ?? "").trimmed
        do {
            try await OrganizationCommands.update(org, code: code, name: name, level: form.level.flatMap(AdministrativeLevel.init(key:)), by: try req.caller(), on: req.db)
        } catch let errors as FormErrors {
            ErrorRenderingMiddleware.noteRefusal(nil, innerErrors: errors.errors, request: req)   // pages that answer beside the field still audit refusals
            let fresh = try await load(req)
            return try await renderShow(req, organization: fresh, errors: errors.byField, notice: nil, status: .unprocessableEntity,
                                        draftCode: code, draftName: name)
        }
        return req.redirect(to: OrganizationRoute.show(.value(org.id!), notice: "saved"))
    }

    struct MoveForm: Content { var parent_code: String? }

    @Sendable func move(req: Request) async throws -> Response {
        let org = try await load(req)
        let form = try req.content.decode(MoveForm.self)
        do {
            try await OrganizationCommands.move(org, toParentCode: (form.parent_code ?? "").trimmed, by: try req.caller(), on: req.db)
        } catch let errors as FormErrors {
            ErrorRenderingMiddleware.noteRefusal(nil, innerErrors: errors.errors, request: req)   // pages that answer beside the field still audit refusals
            return try await renderShow(req, organization: try await load(req), errors: errors.byField, notice: nil, status: .unprocessableEntity)
        }
        return req.redirect(to: OrganizationRoute.show(.value(org.id!), notice: "moved"))
    }

    struct ActiveForm: Content { var active: String? }

    @Sendable func setActive(req: Request) async throws -> Response {
        let org = try await load(req)
        let form = try req.content.decode(ActiveForm.self)
        do {
            try await OrganizationCommands.setActive(org, form.active == "true", by: try req.caller(), on: req.db)
        } catch let error as AppError where error.status == .conflict {
            ErrorRenderingMiddleware.noteRefusal(error, innerErrors: [], request: req)
            return try await renderShow(req, organization: org, errors: ["active": error.message], notice: nil, status: .conflict)
        }
        return req.redirect(to: OrganizationRoute.show(.value(org.id!), notice: "saved"))
    }

    struct NewForm: Content { var code: String?; var name: String?; var kind: String?; var level: String?; var parent_code: String? }

    @Sendable func newForm(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        guard Authorization.mayEver(user.actor, .manageOrganization) else { throw AppError.forbidden() }
        let parent = req.query[String.self, at: "parent"] ?? ""
        return renderNew(req, form: NewForm(kind: OrganizationKind.department.rawValue, parent_code: parent), errors: [:], status: .ok)
    }

    private func renderNew(_ req: Request, form: NewForm, errors: [String: Message], status: HTTPResponseStatus) -> Response {
        let t = req.localizer
        let error: (String) -> String? = { errors[$0].map { t($0) } }
        return req.layout.render(title: t(.newOrganization), status: status,
            .if(!errors.isEmpty, Components.notice(t(.formHasErrors(String(errors.count))), kind: "error")),
            .form(.method(.post), .action(OrganizationRoute.new().url), .class("card"),
                req.layout.csrfField(),
                Components.textField(label: t(.fieldParentCode), name: "parent_code", value: form.parent_code ?? "", error: error("parent_code"), required: true),
                Components.selectField(label: t(.fieldKind), name: "kind", options: OrganizationKind.allCases.map { ($0.rawValue, t($0.title)) },
                                       selected: form.kind, error: error("kind")),
                Components.selectField(label: t(.fieldLevel), name: "level", options: AdministrativeLevel.allCases.map { ($0.key, t($0.title)) },
                                       selected: form.level, error: error("level"), includeEmpty: t(.levelInherited)),
                Components.textField(label: t(.fieldCode), name: "code", value: form.code ?? "", error: error("code"), required: true, hint: t(.codeHint)),
                Components.textField(label: t(.fieldName), name: "name", value: form.name ?? "", error: error("name"), required: true),
                .button(.type(.submit), .class("primary"), .text(t(.create)))
            )
        )
    }

    @Sendable func create(req: Request) async throws -> Response {
        let form = try req.content.decode(NewForm.self)
        let draft = OrganizationDraft(code: (form.code ?? "").trimmed,
                                      name: (form.name ?? "").trimmed,
                                      kind: form.kind.flatMap(OrganizationKind.init(rawValue:)),
                                      level: form.level.flatMap(AdministrativeLevel.init(key:)),
                                      parentCode: (form.parent_code ?? "").trimmed)
        do {
            let org = try await OrganizationCommands.create(draft, by: try req.caller(), on: req.db)
            return req.redirect(to: OrganizationRoute.show(.value(org.id!), notice: "created"))
        } catch let errors as FormErrors {
            ErrorRenderingMiddleware.noteRefusal(nil, innerErrors: errors.errors, request: req)   // pages that answer beside the field still audit refusals
            return renderNew(req, form: form, errors: errors.byField, status: .unprocessableEntity)
        }
    }

    @Sendable func importForm(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        guard Authorization.mayEver(user.actor, .manageOrganization) else { throw AppError.forbidden() }
        return renderImport(req, error: nil, imported: nil, status: .ok)
    }

    private func renderImport(_ req: Request, error: AppError?, imported: Int?, status: HTTPResponseStatus) -> Response {
        let t = req.localizer
        return req.layout.render(title: t(.importOrganizations), status: status,
            .unwrap(imported) { Components.notice(t(.importDone(String($0))), kind: "success") },
            .unwrap(error) { Components.problem($0, t) },
            .p(.text(t(.importExplain))),
            .pre(.class("sample"), .text("code,name,kind,level,parent_code\n350100,临江市财政局,财政部门,市,350000\n350100-01,临江市教育局,预算部门,,350100\n350100-01-01,临江市第一中学,预算单位,,350100-01")),
            .form(.method(.post), .action(OrganizationRoute.importFile.url), .enctype(.multipartData), .class("card"),
                req.layout.csrfField(),
                .div(.class("field"), .label(.for("file"), .text(t(.fieldCSVFile))),
                     .input(.type(.file), .id("file"), .name("file"), .attribute(named: "accept", value: ".csv,text/csv"), .required(true))),
                .button(.type(.submit), .class("primary"), .text(t(.importAction)))
            )
        )
    }

    struct Upload: Content { var file: File? }

    @Sendable func importFile(req: Request) async throws -> Response {
        guard let file = try req.content.decode(Upload.self).file, file.data.readableBytes > 0 else {
            return renderImport(req, error: AppError(.unprocessableEntity, "csv_empty", Message(.errorCSVEmpty)), imported: nil, status: .unprocessableEntity)
        }
        do {
            let count = try await OrganizationCommands.importCSV(file.data, maximumBytes: req.application.jixiao.maximumImportBytes, by: try req.caller(), on: req.db)
            return renderImport(req, error: nil, imported: count, status: .ok)
        } catch let error as AppError where error.status == .unprocessableEntity || error.status == .payloadTooLarge {
            ErrorRenderingMiddleware.noteRefusal(error, innerErrors: [], request: req)
            return renderImport(req, error: error, imported: nil, status: error.status)
        }
    }
}
