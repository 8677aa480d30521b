import Fluent
import Plot
import Vapor
import JixiaoDomain

/// 目标管理 pages: the work queue and list, opening a budget object, the goal editor with its checks,
/// the review actions, the history and the difference between versions.
struct GoalController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(GoalRoute.list(), use: index)
        routes.get(GoalRoute.new(), use: newForm)
        routes.post(GoalRoute.new(), use: create)
        routes.post(GoalRoute.release, use: releaseAll)
        routes.get(GoalRoute.show(.key), use: show)
        routes.post(GoalRoute.content(.key), use: save)
        routes.post(GoalRoute.transition(.key), use: transition)
        routes.get(GoalRoute.diff(.key), use: diff)
        routes.post(GoalRoute.libraryPick(.key), use: libraryPick)
        routes.get(GoalRoute.exportList(year: nil), use: exportList)
        routes.get(GoalRoute.declarationForm(.key), use: exportForm)
        routes.get(GoalRoute.printable(.key), use: printable)
        routes.get(GoalRoute.issued()) { try await IssuedRegionalGoals.page($0) }
        routes.get(GoalRoute.importFile, use: importForm)
        routes.post(GoalRoute.importFile, body: .collect(maxSize: "24mb"), use: importFile).bodyLimit = 24 * 1024 * 1024
        routes.get(GoalRoute.importJob(.key), use: importJob)
    }

    static var currentFiscalYear: Int { Calendar(identifier: .gregorian).component(.year, from: FiscalCalendar.today) + 1 }

    struct Filter: Content {
        /// Text, not a number: an empty or mistyped year is answered beside the field, not with a decoding error.
        var year: String?
        var state: String?
        var under: String?
        var fund: String?
        var key: String?
        var severity: String?
        var all: String?
        var page: String?
    }

    @Sendable func index(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        guard Authorization.mayEver(user.actor, .viewBudget) else { throw AppError.notFound() }
        let model = try await GoalListModel.load(try req.query.decode(Filter.self), for: try req.caller(), on: req.db) { refusal in
            ErrorRenderingMiddleware.noteRefusal(refusal, innerErrors: [], request: req)
        }
        return req.layout.render(title: req.localizer(.navGoals), GoalListView(model: model, t: req.localizer).body)
    }

    struct ReleaseForm: Content { var year: Int; var under: String? }

    @Sendable func releaseAll(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        let form = try req.content.decode(ReleaseForm.self)
        let organization: OrganizationModel
        if let code = form.under?.trimmed, !code.isEmpty {
            // An unknown code or one outside the reach releases nothing (never the caller's own scope instead).
            guard let found = try await GoalCommands.budgetScope(code: code, by: try req.caller(), on: req.db) else { throw AppError.unknownOrganization("under", code: code) }
            organization = found
        } else {
            guard let own = try await OrganizationModel.find(user.organizationID, on: req.db) else { throw AppError.notFound() }
            organization = own
        }
        let count = try await GoalCommands.releaseAll(under: organization, fiscalYear: form.year, by: try req.caller(), on: req.db)
        return req.redirect(to: GoalRoute.list(GoalListQuery(year: form.year, all: true, state: "released", released: count)))
    }

    // MARK: opening a budget object

    struct NewForm: Content {
        var kind: String?
        var code: String?
        var name: String?
        var organization_code: String?
        var year: Int?
        var functional_classification: String?
        var fund_source: String?
        var category: String?
        var start_year: Int?
        var end_year: Int?
        var requested: String?
        var key_project: String?
        var service_project: String?
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        guard Authorization.mayEver(user.actor, .declareGoal) else { throw AppError.forbidden() }
        let year = (try? req.query.get(Int.self, at: "year")) ?? Self.currentFiscalYear
        let organization = try await OrganizationModel.find(user.organizationID, on: req.db)
        return renderNew(req, form: NewForm(kind: "project", organization_code: organization?.code, year: year, fund_source: "general_public",
                                            category: "one_off", start_year: year, end_year: year), errors: [:], status: .ok)
    }

    private func renderNew(_ req: Request, form: NewForm, errors: [String: Message], status: HTTPResponseStatus) -> Response {
        let t = req.localizer
        let error: (String) -> String? = { errors[$0].map { t($0) } }
        return req.layout.render(title: t(.newBudgetObject), status: status,
            .if(!errors.isEmpty, Components.notice(t(.formHasErrors(String(errors.count))), kind: "error")),
            .form(.method(.post), .action(GoalRoute.new().url), .class("card"),
                req.layout.csrfField(),
                Components.selectField(label: t(.fieldObjectKind), name: "kind", options: BudgetObjectKind.allCases.map { ($0.rawValue, t.term($0)) },
                                       selected: form.kind, error: error("kind")),
                Components.textField(label: t(.fieldProjectCode), name: "code", value: form.code ?? "", error: error("code"), required: true, hint: t(.projectCodeHint)),
                Components.textField(label: t(.fieldProjectName), name: "name", value: form.name ?? "", error: error("name"), required: true),
                Components.textField(label: t(.fieldOrganizationCode), name: "organization_code", value: form.organization_code ?? "", error: error("organization_code"), required: true),
                Components.textField(label: t(.fieldFiscalYear), name: "year", value: form.year.map(String.init) ?? "", error: error("fiscal_year"), type: .number, required: true),
                Components.textField(label: t(.fieldFunctionalClassification), name: "functional_classification", value: form.functional_classification ?? "",
                                     error: error("functional_classification"), hint: t(.functionalClassificationHint)),
                Components.selectField(label: t(.fieldFundSource), name: "fund_source", options: FundSource.allCases.map { ($0.rawValue, t.term($0)) }, selected: form.fund_source),
                Components.selectField(label: t(.fieldProjectCategory), name: "category", options: ProjectCategory.allCases.map { ($0.rawValue, t.term($0)) }, selected: form.category),
                // A term that does not hold together marks both of its years.
                Components.textField(label: t(.fieldStartYear), name: "start_year", value: form.start_year.map(String.init) ?? "",
                                     error: error("start_year") ?? error("end_year"), type: .number, required: true),
                Components.textField(label: t(.fieldEndYear), name: "end_year", value: form.end_year.map(String.init) ?? "", error: error("end_year"), type: .number, required: true),
                Components.textField(label: t(.fieldRequestedWan), name: "requested", value: form.requested ?? "", error: error("requested"), required: true, hint: t(.requestedHint)),
                .fieldset(.class("field"), .element(named: "legend", text: t(.fieldFlags)),
                    .label(.class("check"), Components.input([.type(.checkbox), .name("key_project"), .value("1")] + (form.key_project == "1" ? [.checked(true)] : [])), .text(" " + t(.keyProject))),
                    .label(.class("check"), Components.input([.type(.checkbox), .name("service_project"), .value("1")] + (form.service_project == "1" ? [.checked(true)] : [])), .text(" " + t(.serviceProject)))),
                .p(.button(.type(.submit), .class("primary"), .text(t(.create))))
            )
        )
    }

    @Sendable func create(req: Request) async throws -> Response {
        let form = try req.content.decode(NewForm.self)
        let year = form.year ?? Self.currentFiscalYear
        let draft = BudgetObjectDraft(kind: try StrictValues.parse(form.kind, field: "kind", as: BudgetObjectKind.self) ?? .project,
                                      code: (form.code ?? "").trimmed, name: (form.name ?? "").trimmed,
                                      organizationCode: (form.organization_code ?? "").trimmed, fiscalYear: year,
                                      functionalClassification: (form.functional_classification ?? "").trimmed,
                                      fundSource: try StrictValues.parse(form.fund_source, field: "fund_source", as: FundSource.self) ?? .generalPublic,
                                      category: try StrictValues.parse(form.category, field: "category", as: ProjectCategory.self) ?? .oneOff,
                                      startYear: form.start_year ?? year, endYear: form.end_year ?? year,
                                      requestedWanYuan: form.requested ?? "", isKeyProject: form.key_project == "1", isServiceProject: form.service_project == "1")
        do {
            let object = try await GoalCommands.open(draft, by: try req.caller(), on: req.db)
            return req.redirect(to: GoalRoute.show(.value(object.id!)))
        } catch let errors as FormErrors {
            ErrorRenderingMiddleware.noteRefusal(nil, innerErrors: errors.errors, request: req)   // pages that answer beside the field still audit refusals
            return renderNew(req, form: form, errors: errors.byField, status: .unprocessableEntity)
        }
    }

    // MARK: one goal

    private func objectID(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound() }
        return id
    }

    @Sendable func show(req: Request) async throws -> Response {
        let loaded = try await GoalCommands.load(try objectID(req), versionNumber: try? req.query.get(Int.self, at: "version"), by: try req.caller(), on: req.db)
        return req.render(try await GoalPageModel.load(loaded, notice: .from(req), librarySearch: req.query[String.self, at: "library"],
                                                       for: try req.requireSignedIn(), on: req.db))
    }

    @Sendable func save(req: Request) async throws -> Response {
        let id = try objectID(req)
        let form = try req.content.decode(GoalForm.self)
        if let problem = form.amountProblem {
            let loaded = try await GoalCommands.load(id, by: try req.caller(), on: req.db)
            return req.render(try await GoalPageModel.load(loaded, draft: form.goal(), problem: problem, for: try req.requireSignedIn(), on: req.db),
                              status: .unprocessableEntity)
        }
        do {
            _ = try await GoalCommands.saveContent(id, lockVersion: form.lock_version ?? -1, goal: form.goal(), by: try req.caller(), on: req.db)
        } catch let error as AppError where error.status == .conflict {
            ErrorRenderingMiddleware.noteRefusal(error, innerErrors: [], request: req)
            let loaded = try await GoalCommands.load(id, by: try req.caller(), on: req.db)
            return req.render(try await GoalPageModel.load(loaded, draft: form.goal(), problem: error, for: try req.requireSignedIn(), on: req.db),
                              status: .conflict)
        }
        return req.redirect(to: GoalRoute.show(.value(id), saved: true))
    }

    @Sendable func transition(req: Request) async throws -> Response {
        let id = try objectID(req)
        let form = try req.content.decode(TransitionForm.self)
        do {
            _ = try await GoalCommands.apply(try form.goalAction(), to: id, lockVersion: form.lock_version ?? -1, by: try req.caller(), on: req.db)
        } catch let error as AppError where error.status != .notFound && error.status != .internalServerError {
            ErrorRenderingMiddleware.noteRefusal(error, innerErrors: [], request: req)
            let loaded = try await GoalCommands.load(id, by: try req.caller(), on: req.db)
            return req.render(try await GoalPageModel.load(loaded, problem: error, resubmitted: form, for: try req.requireSignedIn(), on: req.db),
                              status: error.status)
        }
        return req.redirect(to: GoalRoute.show(.value(id), done: form.action))
    }

    @Sendable func exportList(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        guard Authorization.mayEver(user.actor, .viewBudget) else { throw AppError.notFound() }
        let year = (try? req.query.get(Int.self, at: "year")) ?? Self.currentFiscalYear
        let under = try await GoalCommands.budgetScope(code: try? req.query.get(String.self, at: "under"), by: try req.caller(), on: req.db)
        return try await GoalExchangeService.exportList(year: year, under: under, localizer: req.localizer, by: try req.caller(), on: req.db).response
    }

    @Sendable func exportForm(req: Request) async throws -> Response {
        let loaded = try await GoalCommands.load(try objectID(req), versionNumber: try StrictValues.integer(req, "version"), by: try req.caller(), on: req.db)
        return try GoalExchangeService.exportForm(try await DeclarationForm.load(loaded, localizer: req.localizer, on: req.db)).response
    }

    /// The declaration form as a page to print or save as PDF from the browser.
    @Sendable func printable(req: Request) async throws -> Response {
        let loaded = try await GoalCommands.load(try objectID(req), versionNumber: try StrictValues.integer(req, "version"), by: try req.caller(), on: req.db)
        let t = req.localizer
        let form = try await DeclarationForm.load(loaded, localizer: t, on: req.db)
        let id = loaded.object.id!
        func wide(_ text: String, span: Int = 2) -> Node<HTML.TableRowContext> { .td(.attribute(named: "colspan", value: String(span)), .text(text)) }
        return req.layout.render(title: "项目支出绩效目标申报表",
            .div(.class("print-form"),
                .p(.class("print-year"), .text("（\(form.fiscalYear)年度）")),
                .div(.class("table-scroll"), .table(.class("form-table"),
                    .tr(.th(.text("项目名称")), wide(form.name), .th(.text("项目编码")), wide(form.code)),
                    .tr(.th(.text("主管部门及代码")), wide("\(form.department)（\(form.departmentCode)）"), .th(.text("实施单位")), wide(form.unit)),
                    .tr(.th(.text("项目属性")), wide(form.category), .th(.text("项目期")), wide(form.term)),
                    .tr(.th(.text("年度资金总额（万元）")), .td(.attribute(named: "colspan", value: "2"), .class("number"), .text(form.total.wanYuanDisplay)),
                        .th(.text("其中：财政拨款")), .td(.attribute(named: "colspan", value: "2"), .class("number"), .text(form.fiscal.wanYuanDisplay))),
                    .tr(.th(.text("资金来源")), wide(form.fundSource, span: 5)),
                    .tr(.th(.text("中期目标")), wide(form.midTermGoal.isEmpty ? "—" : form.midTermGoal, span: 5)),
                    .tr(.th(.text("年度目标")), wide(form.annualGoal, span: 5)),
                    .tr(.th(.text("绩效指标")), .th(.text("一级指标")), .th(.text("二级指标")), .th(.text("三级指标")), .th(.text("指标值")), .th(.text("分值"))),
                    .forEach(form.groups) { group in
                        .group(group.indicators.enumerated().map { index, i in
                            .tr(.td(.text("")),
                                .if(index == 0, .th(.attribute(named: "rowspan", value: String(group.indicators.count)), .text(group.category.chineseName))),
                                .td(.text(i.subcategory.chineseName)), .td(.text(i.name)), .td(.text(i.targetText)),
                                .td(.class("number"), .text(i.weight.map { "\($0)" } ?? "")))
                        })
                    })),
                .p(.class("print-state"), .text("\(t(.fieldState))：\(form.state) v\(form.version)")),
                .p(.class("no-print"), .a(.href(GoalRoute.show(.value(id)).url), .text(t(.backToGoal))), .text("　"),
                   .a(.href(GoalRoute.declarationForm(.value(id)).url), .text(t(.downloadForm)))))
        )
    }

    @Sendable func importForm(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        guard Authorization.mayEver(user.actor, .declareGoal) else { throw AppError.forbidden() }
        return try await renderImport(req, outcome: nil, status: .ok)
    }

    /// The upload form with the person's recent imports; `outcome` is a job that just finished (shown above the form).
    private func renderImport(_ req: Request, outcome: ImportJobStatus?, status: HTTPResponseStatus) async throws -> Response {
        let t = req.localizer
        let recent = try await ImportJobService.recent(req)
        return req.layout.render(title: t(.importGoals), status: status,
            .unwrap(outcome) { ImportJobView(t: t).result($0) },
            .p(.text(t(.importGoalsExplain))),
            .pre(.class("sample"), .text(GoalListColumn.exported.map(\.title).joined(separator: ","))),
            .form(.method(.post), .action(GoalRoute.importFile.url), .enctype(.multipartData), .class("card"),
                req.layout.csrfField(),
                .div(.class("field"), .label(.for("file"), .text(t(.fieldGoalFile))),
                     .input(.type(.file), .id("file"), .name("file"), .attribute(named: "accept", value: ".xlsx,.csv"), .required(true))),
                .button(.type(.submit), .class("primary"), .text(t(.importAction)))),
            .if(!recent.isEmpty, ImportJobView(t: t).recentTable(recent)))
    }

    struct Upload: Content { var file: File? }

    /// Starts the import; a file that finishes within a moment is answered on the spot, a larger one moves to its
    /// progress page.
    @Sendable func importFile(req: Request) async throws -> Response {
        guard let file = try req.content.decode(Upload.self).file, file.data.readableBytes > 0 else {
            let error = AppError(.unprocessableEntity, "csv_empty", Message(.errorCSVEmpty))
            return try await renderImport(req, outcome: ImportJobStatus(id: UUID(), fileName: "", progress: ImportProgress(phase: .failed), error: error),
                                          status: .unprocessableEntity)
        }
        let started: UUID
        do {
            started = try await ImportJobService.startGoalList(file.data, fileName: file.filename, req)
        } catch let error as AppError where error.status == .payloadTooLarge {
            ErrorRenderingMiddleware.noteRefusal(error, innerErrors: [], request: req)
            return try await renderImport(req, outcome: ImportJobStatus(id: UUID(), fileName: file.filename, progress: ImportProgress(phase: .failed), error: error),
                                          status: error.status)
        }
        // Up to two seconds for the job to end.
        let status = try await ImportJobService.wait(started, upTo: .seconds(2), req)
        guard status.progress.phase.isFinished else { return req.redirect(to: GoalRoute.importJob(.value(started))) }
        return try await renderImport(req, outcome: status, status: status.error?.status ?? .ok)
    }

    @Sendable func importJob(req: Request) async throws -> Response {
        guard let id = req.parameters.get("job", as: UUID.self) else { throw AppError.notFound() }
        let status = try await ImportJobService.status(id, req)
        let t = req.localizer
        return req.layout.render(title: t(.importJobTitle(status.fileName)), refreshSeconds: status.progress.phase.isFinished ? nil : 2,
                                 ImportJobView(t: t).page(status))
    }

    struct PickForm: Content { var entry_id: UUID; var lock_version: Int }

    @Sendable func libraryPick(req: Request) async throws -> Response {
        let id = try objectID(req)
        let form = try req.content.decode(PickForm.self)
        do {
            _ = try await GoalCommands.addLibraryEntry(id, entryID: form.entry_id, lockVersion: form.lock_version, by: try req.caller(), on: req.db)
        } catch let error as AppError where error.status == .conflict {
            ErrorRenderingMiddleware.noteRefusal(error, innerErrors: [], request: req)
            let loaded = try await GoalCommands.load(id, by: try req.caller(), on: req.db)
            return req.render(try await GoalPageModel.load(loaded, problem: error, for: try req.requireSignedIn(), on: req.db), status: .conflict)
        }
        return req.redirect(to: GoalRoute.show(.value(id), saved: true))
    }

    @Sendable func diff(req: Request) async throws -> Response {
        let model = try await GoalDiffModel.load(try objectID(req), from: try StrictValues.integer(req, "from"), to: try StrictValues.integer(req, "to"),
                                                 by: try req.caller(), on: req.db)
        let t = req.localizer
        return req.layout.render(title: t(.diffTitle(model.name, String(model.fromNumber), String(model.toNumber))),
                                 GoalDiffView(model: model, t: t).body)
    }

    /// Indicator changes, as a list: added, removed, and the fields that changed with old → new.
    static func indicatorChanges(_ changes: [GoalDiff.IndicatorChange], _ t: Localizer) -> Node<HTML.BodyContext> {
        func describe(_ i: Indicator) -> String { "\(t.term(i.category)) › \(t.term(i.subcategory)) › \(i.name)：\(i.targetText)（\(t(.fieldWeight)) \(i.weight.map { "\($0)" } ?? "—")）" }
        return .ul(.class("diff"), .forEach(changes) { change in
            switch change {
            case .added(let indicator): .li(.class("added"), Components.badge(t(.diffAdded), kind: "added"), .text(" " + describe(indicator)))
            case .removed(let indicator): .li(.class("removed"), Components.badge(t(.diffRemoved), kind: "removed"), .text(" " + describe(indicator)))
            case .changed(let old, let new, let fields):
                .li(.class("changed"), Components.badge(t(.diffChanged), kind: "changed"), .text(" " + new.name + "："),
                    .forEach(fields) { field in
                        .span(.class("field-change"), .text(fieldValue(field, old, t)), .text(" → "), .strong(.text(fieldValue(field, new, t))), .text("；"))
                    })
            }
        })
    }

    static func fieldValue(_ field: GoalDiff.Field, _ indicator: Indicator, _ t: Localizer) -> String {
        switch field {
        case .category: t.term(indicator.category)
        case .subcategory: t.term(indicator.subcategory)
        case .name: indicator.name
        case .target: indicator.targetText
        case .weight: indicator.weight.map { "\($0)" } ?? "—"
        case .standard: t.term(indicator.standard) ?? "—"
        case .note: indicator.note
        }
    }
}

/// The day from which the year being prepared is counted (next year's budgets are prepared this year). Tests pin it,
/// so a suite written with fixed years keeps passing when the calendar turns; the running system uses the clock.
enum FiscalCalendar {
    nonisolated(unsafe) static var pinned: Date?
    static var today: Date { pinned ?? Date() }
}
