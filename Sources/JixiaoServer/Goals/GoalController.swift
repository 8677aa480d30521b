import Fluent
import Plot
import Vapor
import JixiaoDomain

/// 目标管理 pages: the work queue and list, opening a budget object, the goal editor with its checks,
/// the review actions, the history and the difference between versions.
struct GoalController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let goals = routes.grouped("goals")
        goals.get(use: index)
        goals.get("new", use: newForm)
        goals.post("new", use: create)
        goals.post("release", use: releaseAll)
        goals.get(":id", use: show)
        goals.post(":id", "content", use: save)
        goals.post(":id", "transition", use: transition)
        goals.get(":id", "diff", use: diff)
        goals.post(":id", "library-pick", use: libraryPick)
        goals.get("export.xlsx", use: exportList)
        goals.get(":id", "form.xlsx", use: exportForm)
        goals.get(":id", "print", use: printable)
        goals.get("issued") { try await IssuedRegionalGoals.page($0) }
        goals.get("import", use: importForm)
        goals.on(.POST, "import", body: .collect(maxSize: "24mb"), use: importFile).bodyLimit = 24 * 1024 * 1024
        goals.get("import", "jobs", ":job", use: importJob)
    }

    static var currentFiscalYear: Int { Calendar(identifier: .gregorian).component(.year, from: Date()) + 1 }

    struct Filter: Content {
        /// Text, not a number: an empty or mistyped year is answered beside the field, not with a decoding error.
        var year: String?
        var state: String?
        var under: String?
        var fund: String?
        var key: String?
        var severity: String?
        var all: String?
    }

    @Sendable func index(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        guard Authorization.mayEver(user.actor, .viewBudget) else { throw AppError.notFound() }
        let t = req.localizer
        let filter = try req.query.decode(Filter.self)
        var yearError: String?, underError: String?
        var year = Self.currentFiscalYear
        if let text = filter.year?.trimmed, !text.isEmpty {
            if let parsed = Int(text), (2000...2100).contains(parsed) { year = parsed } else { yearError = t(.errorYearInvalid) }
        }
        var under: OrganizationModel?
        do {
            under = try await GoalService.budgetScope(code: filter.under?.trimmed, req)
        } catch let error as AppError where error.status == .notFound || error.status == .forbidden {
            ErrorRenderingMiddleware.noteRefusal(error, innerErrors: [], request: req)
            // Unknown or out of reach: said beside the field, and the list stays empty rather than widening to everything.
            let code = filter.under?.trimmed ?? ""
            underError = t(.errorUnknownOrganization, code)
        }
        let showAll = filter.all == "1"
        let queueFilter = GoalQueueFilter(fiscalYear: year, states: filter.state.flatMap(GoalState.init(rawValue:)).map { [$0] }, under: under,
                                          fundSource: filter.fund.flatMap(FundSource.init(rawValue:)), keyProjectsOnly: filter.key == "1",
                                          minimumSeverity: filter.severity == "warning" ? .warning : (filter.severity == "any" ? .notice : nil))
        let rows = yearError != nil || underError != nil ? [] : try await GoalService.queue(queueFilter, for: user, waitingOnly: !showAll, on: req.db)
        let canDeclare = Authorization.mayEver(user.actor, .declareGoal)
        let canRelease = !user.roles.isDisjoint(with: GoalAction.release.permittedRoles)
        let approvedCount = rows.filter { $0.goalState == .approved }.count
        func link(all: Bool) -> String {
            var items = ["year=\(year)"]
            if all { items.append("all=1") }
            if let code = filter.under, !code.isEmpty { items.append("under=\(code)") }
            return "/goals?" + items.joined(separator: "&")
        }
        return req.layout.render(title: t(.navGoals),
            .nav(.class("tabs"), .a(.href(link(all: false)), .if(!showAll, .attribute(named: "aria-current", value: "page")), .text(t(.goalsWaiting))),
                 .a(.href(link(all: true)), .if(showAll, .attribute(named: "aria-current", value: "page")), .text(t(.goalsAll)))),
            .form(.method(.get), .action("/goals"), .class("toolbar wrap"),
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
                .if(canDeclare, .a(.class("button"), .href("/goals/new?year=\(year)"), .text(t(.newBudgetObject)))),
                .a(.class("button"), .href("/library"), .text(t(.navLibrary))),
                .a(.class("button"), .href("/goals/export.xlsx?year=\(year)\(filter.under.map { "&under=\($0)" } ?? "")"), .text(t(.exportList))),
                .if(canDeclare, .a(.class("button"), .href("/goals/import"), .text(t(.importGoals)))),
                .a(.class("button"), .href("/goals/issued?year=\(year)"), .text(t(.regionalIssuedLink)))
            ),
            .p(.class("hint"), .text(t(showAll ? .goalsAllCount : .goalsWaitingCount, String(rows.count), String(year)))),
            .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(t(.fieldCode))), .th(.text(t(.fieldProjectName))), .th(.text(t(.fieldOrganization))),
                           .th(.text(t(.fieldFundSource))), .th(.text(t(.fieldRequested))), .th(.text(t(.fieldState))), .th(.text(t(.fieldFindings))))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.span(.class("code"), .text(row.code))),
                        .td(.a(.href("/goals/\(row.objectID.uuidString)"), .text(row.name)), .if(row.isKeyProject, .group(.text(" "), Components.badge(t(.keyProject), kind: "key")))),
                        .td(.text(row.organizationName)),
                        .td(.text(t.term(FundSource(rawValue: row.fundSource)) ?? row.fundSource)),
                        .td(.class("number"), .text(Money(fen: row.requestedFen).wanYuanText)),
                        .td(Components.badge(t(row.goalState.title), kind: "state-\(row.state)"), .if(row.versionNumber > 1, .text(" v\(row.versionNumber)"))),
                        .td(.if(row.validationErrors > 0, Components.badge(t.count(row.validationErrors, one: .errorsCountOne, many: .errorsCount), kind: "severity-error")),
                            .if(row.lintWarnings > 0, Components.badge(t.count(row.lintWarnings, one: .warningsCountOne, many: .warningsCount), kind: "severity-warning")),
                            .if(row.lintNotices > 0, Components.badge(t.count(row.lintNotices, one: .noticesCountOne, many: .noticesCount), kind: "severity-notice"))))
                })
            )),
            .if(canRelease && approvedCount > 0, .form(.method(.post), .action("/goals/release"), .class("card"),
                req.layout.csrfField(),
                .input(.type(.hidden), .name("year"), .value(String(year))),
                .input(.type(.hidden), .name("under"), .value(filter.under ?? "")),
                .p(.text(t(.batchReleaseExplain, String(approvedCount)))),
                .button(.type(.submit), .class("primary"), .text(t(.batchRelease)))))
        )
    }

    struct ReleaseForm: Content { var year: Int; var under: String? }

    @Sendable func releaseAll(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        let form = try req.content.decode(ReleaseForm.self)
        let organization: OrganizationModel
        if let code = form.under?.trimmed, !code.isEmpty {
            // An unknown code or one outside the reach releases nothing (never the caller's own scope instead).
            guard let found = try await GoalService.budgetScope(code: code, req) else { throw AppError.unknownOrganization("under", code: code) }
            organization = found
        } else {
            guard let own = try await OrganizationModel.find(user.organizationID, on: req.db) else { throw AppError.notFound() }
            organization = own
        }
        let count = try await GoalService.releaseAll(under: organization, fiscalYear: form.year, req)
        return req.redirect(to: "/goals?all=1&year=\(form.year)&state=released&released=\(count)")
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
            .if(!errors.isEmpty, Components.notice(t(.formHasErrors, String(errors.count)), kind: "error")),
            .form(.method(.post), .action("/goals/new"), .class("card"),
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
            let object = try await GoalService.createObject(draft, req)
            return req.redirect(to: "/goals/\(object.id!.uuidString)")
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
        let loaded = try await GoalService.load(try objectID(req), versionNumber: try? req.query.get(Int.self, at: "version"), req)
        return try await GoalPage(request: req, loaded: loaded).render(draft: nil, problem: nil, status: .ok)
    }

    @Sendable func save(req: Request) async throws -> Response {
        let id = try objectID(req)
        let form = try req.content.decode(GoalForm.self)
        if let problem = form.amountProblem {
            let loaded = try await GoalService.load(id, req)
            return try await GoalPage(request: req, loaded: loaded).render(draft: form.goal(), problem: problem, status: .unprocessableEntity)
        }
        do {
            _ = try await GoalService.saveContent(id, lockVersion: form.lock_version ?? -1, goal: form.goal(), req)
        } catch let error as AppError where error.status == .conflict {
            ErrorRenderingMiddleware.noteRefusal(error, innerErrors: [], request: req)
            let loaded = try await GoalService.load(id, req)
            return try await GoalPage(request: req, loaded: loaded).render(draft: form.goal(), problem: error, status: .conflict)
        }
        return req.redirect(to: "/goals/\(id.uuidString)?saved=1")
    }

    @Sendable func transition(req: Request) async throws -> Response {
        let id = try objectID(req)
        let form = try req.content.decode(TransitionForm.self)
        do {
            _ = try await GoalService.transition(id, action: try form.goalAction(), lockVersion: form.lock_version ?? -1, req)
        } catch let error as AppError where error.status != .notFound && error.status != .internalServerError {
            ErrorRenderingMiddleware.noteRefusal(error, innerErrors: [], request: req)
            let loaded = try await GoalService.load(id, req)
            return try await GoalPage(request: req, loaded: loaded, resubmitted: form).render(draft: nil, problem: error, status: error.status)
        }
        return req.redirect(to: "/goals/\(id.uuidString)?done=\(form.action)")
    }

    @Sendable func exportList(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        guard Authorization.mayEver(user.actor, .viewBudget) else { throw AppError.notFound() }
        let year = (try? req.query.get(Int.self, at: "year")) ?? Self.currentFiscalYear
        let under = try await GoalService.budgetScope(code: try? req.query.get(String.self, at: "under"), req)
        return try await GoalExchangeService.exportList(year: year, under: under, req)
    }

    @Sendable func exportForm(req: Request) async throws -> Response {
        let loaded = try await GoalService.load(try objectID(req), versionNumber: try StrictValues.integer(req, "version"), req)
        return try GoalExchangeService.exportForm(try await DeclarationForm.load(loaded, localizer: req.localizer, on: req.db))
    }

    /// The declaration form as a page to print or save as PDF from the browser.
    @Sendable func printable(req: Request) async throws -> Response {
        let loaded = try await GoalService.load(try objectID(req), versionNumber: try StrictValues.integer(req, "version"), req)
        let t = req.localizer
        let form = try await DeclarationForm.load(loaded, localizer: t, on: req.db)
        let id = loaded.object.id!.uuidString
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
                .p(.class("no-print"), .a(.href("/goals/\(id)"), .text(t(.backToGoal))), .text("　"),
                   .a(.href("/goals/\(id)/form.xlsx"), .text(t(.downloadForm)))))
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
            .form(.method(.post), .action("/goals/import"), .enctype(.multipartData), .class("card"),
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
        guard status.progress.phase.isFinished else { return req.redirect(to: "/goals/import/jobs/\(started.uuidString)", redirectType: .normal) }
        return try await renderImport(req, outcome: status, status: status.error?.status ?? .ok)
    }

    @Sendable func importJob(req: Request) async throws -> Response {
        guard let id = req.parameters.get("job", as: UUID.self) else { throw AppError.notFound() }
        let status = try await ImportJobService.status(id, req)
        let t = req.localizer
        return req.layout.render(title: t(.importJobTitle, status.fileName), refreshSeconds: status.progress.phase.isFinished ? nil : 2,
                                 ImportJobView(t: t).page(status))
    }

    struct PickForm: Content { var entry_id: UUID; var lock_version: Int }

    @Sendable func libraryPick(req: Request) async throws -> Response {
        let id = try objectID(req)
        let form = try req.content.decode(PickForm.self)
        do {
            _ = try await GoalService.addLibraryEntry(id, entryID: form.entry_id, lockVersion: form.lock_version, req)
        } catch let error as AppError where error.status == .conflict {
            ErrorRenderingMiddleware.noteRefusal(error, innerErrors: [], request: req)
            return try await GoalPage(request: req, loaded: try await GoalService.load(id, req)).render(draft: nil, problem: error, status: .conflict)
        }
        return req.redirect(to: "/goals/\(id.uuidString)?saved=1")
    }

    @Sendable func diff(req: Request) async throws -> Response {
        let id = try objectID(req)
        // Without numbers the newest version is compared with the one before it.
        let newest = try await GoalService.load(id, req)
        let toNumber = try StrictValues.integer(req, "to") ?? newest.version.versionNumber
        let fromNumber = try StrictValues.integer(req, "from")
            ?? newest.versions.last { $0.versionNumber < toNumber }?.versionNumber ?? toNumber
        let from = try await GoalService.load(id, versionNumber: fromNumber, req)
        let to = try await GoalService.load(id, versionNumber: toNumber, req)
        let changes = GoalDiff.between(from.goal, to.goal)
        let t = req.localizer
        return req.layout.render(title: t(.diffTitle, from.object.name, String(from.version.versionNumber), String(to.version.versionNumber)),
            .p(.a(.href("/goals/\(id.uuidString)"), .text(t(.backToGoal)))),
            changes.isEmpty ? Components.notice(t(.diffNone)) : .group(
                .if(changes.annualGoalChanged, .div(.class("card"), .h2(.text(t(.fieldAnnualGoal))),
                    .p(.del(.text(from.goal.annualGoal))), .p(.ins(.text(to.goal.annualGoal))))),
                .if(changes.midTermGoalChanged, .div(.class("card"), .h2(.text(t(.fieldMidTermGoal))),
                    .p(.del(.text(from.goal.midTermGoal ?? ""))), .p(.ins(.text(to.goal.midTermGoal ?? ""))))),
                Self.indicatorChanges(changes.changes, t),
                .if(!changes.regionChanges.isEmpty, .section(.h2(.text(t(.regionalTitle))), .ul(.class("diff"), .forEach(changes.regionChanges) { change in
                    switch change {
                    case .added(let region):
                        .li(.class("added"), Components.badge(t(.diffAdded), kind: "added"),
                            .text(" \(region.recipientCode) \(region.allocated.wanYuanText)\(t(.unitWanYuan))：\(region.annualGoal)（\(region.indicators.count)）"))
                    case .removed(let region):
                        .li(.class("removed"), Components.badge(t(.diffRemoved), kind: "removed"),
                            .text(" \(region.recipientCode) \(region.allocated.wanYuanText)\(t(.unitWanYuan))：\(region.annualGoal)"))
                    case .changed(let old, let new, let recipient, let money, let text, let indicators):
                        .li(.class("changed"), Components.badge(t(.diffChanged), kind: "changed"), .text(" " + new.recipientCode + "："),
                            .if(recipient, .span(.class("field-change"), .text(t(.regionalDiffRecipient) + " " + old.recipientCode + " → "), .strong(.text(new.recipientCode)), .text("；"))),
                            .if(money, .span(.class("field-change"), .text(t(.regionalDiffAllocation) + " " + old.allocated.wanYuanText + " → "),
                                             .strong(.text(new.allocated.wanYuanText)), .text("；"))),
                            .if(text, .span(.class("field-change"), .del(.text(old.annualGoal)), .text(" → "), .ins(.text(new.annualGoal)))),
                            Self.indicatorChanges(indicators, t))
                    }
                })))
            )
        )
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
