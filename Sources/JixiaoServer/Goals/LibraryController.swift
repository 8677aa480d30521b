import Fluent
import Plot
import Vapor
import JixiaoDomain

/// 指标库 page: the entries a person inherits with their history, and adding entries for those who keep it.
struct LibraryController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(GoalRoute.library(), use: index)
        routes.post(GoalRoute.library(), use: create)
    }

    struct Filter: Content { var q: String?; var subcategory: String? }

    @Sendable func index(req: Request) async throws -> Response {
        try await render(req, errors: [:], form: EntryForm(), status: .ok)
    }

    struct EntryForm: Content {
        var sector: String?
        var subcategory: String?
        var name: String?
        var unit: String?
        var op: String?
        var definition: String?
    }

    private func render(_ req: Request, errors: [String: Message], form: EntryForm, status: HTTPResponseStatus) async throws -> Response {
        let user = try req.requireSignedIn()
        guard Authorization.mayEver(user.actor, .viewBudget) else { throw AppError.notFound() }
        let t = req.localizer
        let filter = try req.query.decode(Filter.self)
        let entries = try await LibraryService.search(filter.q, subcategory: filter.subcategory.flatMap(IndicatorSubcategory.init(rawValue:)),
                                                      for: user, limit: 200, on: req.db)
        let history = try await LibraryService.history(of: entries.compactMap(\.id), beforeYear: 9999, on: req.db)
        let canManage = user.organizationKind == .financeBureau && Authorization.mayEver(user.actor, .manageLibrary)
        let error: (String) -> String? = { errors[$0].map { t($0) } }
        let subcategories = IndicatorSubcategory.allCases.map { ($0.rawValue, "\(t.term($0.category)) › \(t.term($0))") }
        return req.layout.render(title: t(.libraryTitle), status: status,
            .p(.class("hint"), .text(t(.libraryExplain))),
            .form(.method(.get), .action(GoalRoute.library().url), .class("toolbar"),
                .label(.for("q"), .class("visually-hidden"), .text(t(.librarySearch))),
                .input(.type(.search), .id("q"), .name("q"), .value(filter.q ?? ""), .placeholder(t(.librarySearch))),
                .select(.attribute(named: "name", value: "subcategory"), .attribute(named: "aria-label", value: t(.fieldCategory)),
                        Components.option(value: "", label: t(.allKinds), selected: filter.subcategory == nil),
                        .forEach(subcategories) { Components.option(value: $0.0, label: $0.1, selected: $0.0 == filter.subcategory) }),
                .button(.type(.submit), .text(t(.search)))),
            .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(t(.fieldSector))), .th(.text(t(.fieldCategory))), .th(.text(t(.fieldIndicatorName))), .th(.text(t(.fieldUnit))),
                           .th(.text(t(.fieldDefinition))), .th(.text(t(.libraryHistory))))),
                .tbody(.forEach(entries) { entry in
                    .tr(.td(.text(entry.sector)), .td(.text("\(t.term(entry.indicatorSubcategory.category)) › \(t.term(entry.indicatorSubcategory))")),
                        .td(.text(entry.name)), .td(.text("\(entry.targetOperator) \(entry.unit)")), .td(.class("hint"), .text(entry.definition)),
                        .td(.text((history[entry.id!] ?? []).suffix(3).map { $0.text(t) }.joined(separator: " · "))))
                }))),
            .if(canManage, .form(.method(.post), .action(GoalRoute.library().url), .class("card"),
                .h2(.text(t(.libraryNew))),
                req.layout.csrfField(),
                Components.textField(label: t(.fieldSector), name: "sector", value: form.sector ?? "", error: error("sector"), required: true, hint: t(.sectorHint)),
                Components.selectField(label: t(.fieldCategory), name: "subcategory", options: subcategories, selected: form.subcategory, error: error("subcategory")),
                Components.textField(label: t(.fieldIndicatorName), name: "name", value: form.name ?? "", error: error("name"), required: true),
                Components.selectField(label: t(.fieldOperator), name: "op", options: TargetOperator.allCases.map { ($0.rawValue, $0.rawValue) }, selected: form.op),
                Components.textField(label: t(.fieldUnitOnly), name: "unit", value: form.unit ?? "", error: error("unit")),
                Components.textField(label: t(.fieldDefinition), name: "definition", value: form.definition ?? ""),
                .button(.type(.submit), .class("primary"), .text(t(.create)))))
        )
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        let form = try req.content.decode(EntryForm.self)
        guard user.organizationKind == .financeBureau else { throw AppError.forbidden() }
        try await req.authorize(.manageLibrary, AccessTarget(organizationID: user.organizationID, organizationPath: user.organizationPath))
        var errors: [String: Message] = [:]
        let name = (form.name ?? "").trimmed
        let sector = (form.sector ?? "").trimmed
        if name.isEmpty { errors["name"] = Message(.errorRequired) }
        else if let error = AppError.text(name, field: "name", maximum: InputLimits.shortText) { errors["name"] = error.message }
        if sector.isEmpty || !sector.allSatisfy(\.isNumber) { errors["sector"] = Message(.errorSector) }
        guard let subcategory = form.subcategory.flatMap(IndicatorSubcategory.init(rawValue:)) else {
            errors["subcategory"] = Message(.errorRequired)
            return try await render(req, errors: errors, form: form, status: .unprocessableEntity)
        }
        let op = form.op.flatMap(TargetOperator.init(rawValue:)) ?? .atLeast
        let unit = (form.unit ?? "").trimmed
        if let error = AppError.text(unit, field: "unit", maximum: 20) { errors["unit"] = error.message }
        if let error = AppError.text(form.definition ?? "", field: "definition", maximum: InputLimits.note, multiLine: true) {
            errors["definition"] = error.message
        }
        if op != .qualitative && unit.isEmpty { errors["unit"] = Message(.validationMissingUnit) }
        if try await LibraryEntryModel.query(on: req.db).filter(\.$owner.$id == user.organizationID).filter(\.$name == name)
            .filter(\.$subcategory == subcategory.rawValue).first() != nil {
            errors["name"] = Message(.errorCodeTaken(name))
        }
        guard errors.isEmpty else { return try await render(req, errors: errors, form: form, status: .unprocessableEntity) }
        let entry = LibraryEntryModel()
        entry.id = UUID(); entry.$owner.id = user.organizationID; entry.sector = sector; entry.category = subcategory.category.rawValue
        entry.subcategory = subcategory.rawValue; entry.name = name; entry.unit = unit; entry.targetOperator = op.rawValue
        entry.definition = (form.definition ?? "").trimmed
        try await req.db.transaction { db in
            try await entry.create(on: db)
            try await AuditTrail.record("library.created", entityType: "library_entry", entityID: entry.id!.uuidString.lowercased(),
                                        summary: "name=\(name) subcategory=\(subcategory.rawValue) unit=\(unit) op=\(op.rawValue) sector=\(sector)",
                                        context: req.auditContext, on: db)
        }
        return req.redirect(to: GoalRoute.library(query: name))
    }
}
