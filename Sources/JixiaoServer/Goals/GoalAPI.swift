import Fluent
import Vapor
import JixiaoDomain

struct IndicatorDTO: Content {
    var id: UUID?
    var category: String?
    var subcategory: String
    var name: String
    var target: String
    var weight: String?
    var standard: String?
    var note: String?
    var libraryEntryID: UUID?
    /// Read back only: the parsed target.
    var parsed: ParsedTargetDTO?

    init(_ indicator: Indicator) {
        id = indicator.id; category = indicator.category.rawValue; subcategory = indicator.subcategory.rawValue
        name = indicator.name; target = indicator.targetText; weight = indicator.weight.map { "\($0)" }
        standard = indicator.standard?.rawValue; note = indicator.note; libraryEntryID = indicator.libraryEntryID
        parsed = indicator.target.map(ParsedTargetDTO.init)
    }

    /// The indicator as sent; an unknown subcategory or standard, or a weight that is not a number, is refused
    /// with the row (`position`, from 1) rather than replaced by a default.
    func indicator(position: Int, prefix: String = "indicators") throws -> Indicator {
        let field = "\(prefix)[\(position)]"
        guard let sub = try StrictValues.parse(subcategory, field: "\(field).subcategory", as: IndicatorSubcategory.self) else {
            throw AppError.invalid("\(field).subcategory", Message(.errorRequired))
        }
        let parsedWeight = try weight.flatMap { text -> Decimal? in
            guard !text.trimmed.isEmpty else { return nil }
            guard let value = DecimalText.parse(text) else { throw AppError.invalid("\(field).weight", Message(.importNotANumber(text))) }
            return value
        }
        return Indicator(id: id ?? UUID(), category: sub.category, subcategory: sub, name: name.trimmed, targetText: target.trimmed,
                         weight: parsedWeight, standard: try StrictValues.parse(standard, field: "\(field).standard", as: StandardSource.self),
                         note: note ?? "", libraryEntryID: libraryEntryID)
    }
}

struct ParsedTargetDTO: Content {
    var op: String
    var number: String?
    var unit: String?
    var date: String?
    var text: String?

    init(_ target: Target) {
        op = target.op.rawValue
        switch target.value {
        case .number(let n, let unit): number = "\(n)"; self.unit = unit
        case .date(let day): date = String(format: "%04d-%02d-%02d", day.year, day.month, day.day)
        case .text(let text): self.text = text
        }
    }
}

/// `region` (1-based) says which regional goal of a transfer payment a finding belongs to; `row` counts within it.
struct FindingDTO: Content { var rule: String; var severity: String; var row: Int?; var region: Int?; var message: String }

/// 区域绩效目标 of a transfer payment, as read back and as sent.
struct RegionalGoalDTO: Content {
    var id: UUID?
    var recipientCode: String
    /// Read back only.
    var recipientName: String?
    var allocatedWanYuan: String
    var annualGoal: String
    var indicators: [IndicatorDTO]

    init(_ region: RegionalGoal, name: String?) {
        id = region.id; recipientCode = region.recipientCode; recipientName = name; allocatedWanYuan = region.allocated.wanYuanText
        annualGoal = region.annualGoal; indicators = region.indicators.map(IndicatorDTO.init)
    }

    func regionalGoal(position: Int) throws -> RegionalGoal {
        guard let allocated = try? Money(wanYuan: allocatedWanYuan) else {
            throw AppError.invalid("regions[\(position)].allocatedWanYuan", Message(.errorRegionAmount(String(position + 1), allocatedWanYuan)))
        }
        return RegionalGoal(id: id ?? UUID(), recipientCode: recipientCode.trimmed, allocated: allocated, annualGoal: annualGoal.trimmed,
                            indicators: try indicators.enumerated().map { try $0.element.indicator(position: $0.offset + 1, prefix: "regions[\(position + 1)].indicators") })
    }
}

struct GoalDTO: Content {
    var objectID: UUID
    var code: String
    var name: String
    var kind: String
    var organizationCode: String
    var fiscalYear: Int
    var fundSource: String
    var category: String
    var requestedWanYuan: String
    var isKeyProject: Bool
    var version: Int
    var versions: [Int]
    var state: String
    var lockVersion: Int
    var annualGoal: String
    var midTermGoal: String?
    var indicators: [IndicatorDTO]
    /// Transfer payments only.
    var regions: [RegionalGoalDTO]
    var validation: [FindingDTO]
    var findings: [FindingDTO]

    init(_ loaded: LoadedGoal, checks: GoalChecks, localizer t: Localizer) {
        let o = loaded.object, v = loaded.version
        objectID = o.id!; code = o.code; name = o.name; kind = o.kind; organizationCode = loaded.organization.code
        fiscalYear = o.fiscalYear; fundSource = o.fundSource; category = o.category; requestedWanYuan = o.requested.wanYuanText
        isKeyProject = o.isKeyProject; version = v.versionNumber; versions = loaded.versions.map(\.versionNumber)
        state = v.state; lockVersion = v.lockVersion; annualGoal = loaded.goal.annualGoal; midTermGoal = loaded.goal.midTermGoal
        indicators = loaded.goal.indicators.map(IndicatorDTO.init)
        regions = loaded.goal.regions.map { RegionalGoalDTO($0, name: checks.recipientNames[$0.recipientCode]) }
        func finding(_ f: LintFinding, region: Int?) -> FindingDTO {
            FindingDTO(rule: f.rule.rawValue, severity: f.severity == .warning ? "warning" : "notice", row: f.index.map { $0 + 1 },
                       region: region.map { $0 + 1 }, message: t(f.message))
        }
        validation = checks.validation.map { FindingDTO(rule: "validation", severity: "error", row: $0.index.map { $0 + 1 }, region: nil, message: t($0.message)) }
            + checks.regional.map { FindingDTO(rule: "regional", severity: "error", row: $0.indicatorIndex.map { $0 + 1 }, region: $0.region.map { $0 + 1 }, message: t($0.message)) }
            + checks.recipientProblems.sorted { $0.key < $1.key }.map { FindingDTO(rule: "recipient", severity: "error", row: nil, region: $0.key + 1, message: t($0.value)) }
        findings = checks.findings.map { finding($0, region: nil) }
            + checks.regionalFindings.sorted { $0.key < $1.key }.flatMap { position, found in found.map { finding($0, region: position) } }
    }
}

struct BudgetObjectCreateRequest: Content {
    var kind: String?
    var code: String
    var name: String
    var organizationCode: String
    var fiscalYear: Int
    var functionalClassification: String?
    var fundSource: String?
    var category: String?
    var startYear: Int?
    var endYear: Int?
    var requestedWanYuan: String
    var isKeyProject: Bool?
    var isServiceProject: Bool?
}

struct GoalContentRequest: Content {
    var lockVersion: Int
    var annualGoal: String
    var midTermGoal: String?
    var indicators: [IndicatorDTO]
    /// Regional goals of a transfer payment (ignored for other objects).
    var regions: [RegionalGoalDTO]?
}

struct TransitionRequest: Content {
    var action: String
    var lockVersion: Int
    var opinion: String?
    var grade: String?
    var ratings: [String: String]?
}

struct ReleaseRequest: Content { var fiscalYear: Int; var underCode: String? }
struct ReleaseResponse: Content { var released: Int }
struct GoalQueueDTO: Content {
    var page: Int
    var per: Int
    /// Objects the filter finds in all; `items` holds page `page` of them.
    var total: Int
    var items: [Item]
    struct Item: Content {
        var objectID: UUID, code: String, name: String, organization: String, state: String, version: Int, lockVersion: Int
        var fundSource: String, isKeyProject: Bool, requestedWanYuan: String, validationErrors: Int, warnings: Int, notices: Int
    }
}

extension GoalDTO {
    /// Builds the DTO with the linter's full context (library history) read from the database.
    static func make(_ loaded: LoadedGoal, _ req: Request) async throws -> GoalDTO {
        let checks = try await GoalChecks.of(loaded.goal, object: loaded.object, owner: loaded.organization, on: req.db)
        return GoalDTO(loaded, checks: checks, localizer: req.localizer)
    }
}

enum GoalAPI: OpenAPIVocabulary {
    private static var states: JSONValue { values(GoalState.self) }
    private static var subcategories: JSONValue { values(IndicatorSubcategory.self) }

    static var schemas: [(String, JSONValue)] {
        let indicator = object([("id", uuid), ("category", values(IndicatorCategory.self)), ("subcategory", subcategories), ("name", shortText),
                                ("target", shortText), ("weight", nullable(decimalText)), ("standard", nullable(values(StandardSource.self))),
                                ("note", ["type": "string", "maxLength": .int(InputLimits.note)]), ("libraryEntryID", ["type": ["string", "null"], "format": "uuid"]),
                                ("parsed", object([("op", string), ("number", nullableString), ("unit", nullableString), ("date", nullableString), ("text", nullableString)], required: ["op"]))],
                               required: ["subcategory", "name", "target"])
        let finding = object([("rule", string), ("severity", ["type": "string", "enum": ["error", "warning", "notice"]]), ("row", ["type": ["integer", "null"]]),
                              ("region", ["type": ["integer", "null"]]), ("message", string)],
                             required: ["rule", "severity", "message"])
        return [
            ("Indicator", indicator),
            ("Finding", finding),
            ("RegionalGoal", object([("id", uuid), ("recipientCode", code), ("recipientName", nullableString), ("allocatedWanYuan", decimalText),
                                     ("annualGoal", longText), ("indicators", ["type": "array", "maxItems": .int(InputLimits.indicatorsPerGoal), "items": ref("Indicator")])],
                                    required: ["recipientCode", "allocatedWanYuan", "annualGoal", "indicators"])),
            ("Goal", object([("objectID", uuid), ("code", string), ("name", string), ("kind", string), ("organizationCode", string), ("fiscalYear", integer),
                             ("fundSource", string), ("category", string), ("requestedWanYuan", decimalText), ("isKeyProject", boolean), ("version", integer),
                             ("versions", ["type": "array", "items": integer]), ("state", states), ("lockVersion", integer), ("annualGoal", string),
                             ("midTermGoal", nullableString), ("indicators", ["type": "array", "items": ref("Indicator")]),
                             ("regions", ["type": "array", "items": ref("RegionalGoal")]),
                             ("validation", ["type": "array", "items": ref("Finding")]), ("findings", ["type": "array", "items": ref("Finding")])],
                            required: ["objectID", "code", "name", "state", "version", "lockVersion", "indicators", "validation", "findings"])),
            ("GoalQueue", object([("page", integer), ("per", integer), ("total", integer), ("items", ["type": "array", "items": object([("objectID", uuid), ("code", string), ("name", string), ("organization", string),
                                                                             ("state", states), ("version", integer), ("lockVersion", integer)], required: ["objectID", "code", "state"])])],
                                 required: ["page", "per", "total", "items"])),
            ("BudgetObjectCreate", object([("kind", values(BudgetObjectKind.self)), ("code", code),
                                           ("name", name), ("organizationCode", code), ("fiscalYear", year), ("functionalClassification", shortText),
                                           ("fundSource", values(FundSource.self)),
                                           ("category", values(ProjectCategory.self)), ("startYear", year), ("endYear", year),
                                           ("requestedWanYuan", decimalText), ("isKeyProject", boolean), ("isServiceProject", boolean)],
                                          required: ["code", "name", "organizationCode", "fiscalYear", "requestedWanYuan"])),
            ("GoalContent", object([("lockVersion", integer), ("annualGoal", longText), ("midTermGoal", nullable(longText)),
                                    ("indicators", ["type": "array", "maxItems": .int(InputLimits.indicatorsPerGoal), "items": ref("Indicator")]),
                                    ("regions", ["type": "array", "maxItems": .int(InputLimits.regionsPerGoal), "items": ref("RegionalGoal")])],
                                   required: ["lockVersion", "annualGoal", "indicators"])),
            ("Transition", object([("action", ["type": "string", "enum": ["submit", "withdraw", "department_approve", "department_return", "finance_review",
                                                                          "finance_return", "release", "request_adjustment"]]),
                                   ("lockVersion", integer), ("opinion", longText), ("grade", ["type": "string", "enum": ["优", "良", "中", "差"]]),
                                   ("ratings", ["type": "object", "additionalProperties": ["type": "string", "enum": ["优", "良", "中", "差"]]])],
                                  required: ["action", "lockVersion"])),
            ("Release", object([("fiscalYear", year), ("underCode", code)], required: ["fiscalYear"])),
            ("ReleaseResult", object([("released", integer)], required: ["released"])),
            ("IssuedRegionalGoals", object([("items", ["type": "array", "items": object([
                ("objectID", uuid), ("transferCode", string), ("transferName", string), ("fiscalYear", integer), ("issuedBy", string),
                ("region", ref("RegionalGoal"))], required: ["objectID", "transferCode", "transferName", "fiscalYear", "issuedBy", "region"])])],
                                           required: ["items"])),
            ("ImportJob", object([("id", uuid), ("fileName", string),
                                  ("phase", ["type": "string", "enum": .array(ImportProgress.Phase.allCases.map { .string($0.rawValue) })]),
                                  ("done", integer), ("total", ["type": ["integer", "null"]]), ("percent", integer),
                                  ("imported", ["type": ["integer", "null"]]), ("error", ["oneOf": [ref("ErrorBody"), ["type": "null"]]])],
                                 required: ["id", "fileName", "phase", "done", "percent"])),
            ("LibraryPage", object([("items", ["type": "array", "items": object([
                ("id", uuid), ("sector", string), ("category", string), ("subcategory", string), ("name", string), ("op", string), ("unit", string),
                ("definition", string), ("history", ["type": "array", "items": object([("fiscalYear", integer), ("declared", ["type": "array", "items": ["type": "number"]])],
                                                                                       required: ["fiscalYear", "declared"])])],
                required: ["id", "name", "subcategory", "history"])])], required: ["items"])),
        ]
    }

    static let endpoints: [APIEndpoint] = [
        APIEndpoint(method: .GET, path: ["budget-objects"], operationID: "listGoals",
                    summary: "Budget objects of a fiscal year with their newest goal version, within the caller's reach", tag: "goals",
                    query: [.init(name: "year", location: "query", type: "integer", description: "Fiscal year", schema: year),
                            .init(name: "state", location: "query", type: "string", description: "Only this state", schema: states),
                            .init(name: "under", location: "query", type: "string", description: "Organization code of a subtree", schema: code),
                            .init(name: "waiting", location: "query", type: "boolean", description: "Only what waits for the caller"),
                            .init(name: "page", location: "query", type: "integer", description: "Page number from 1", schema: ["type": "integer", "minimum": 1]),
                            .init(name: "per", location: "query", type: "integer", description: "Items per page (default 100, at most 1000)",
                                  schema: ["type": "integer", "minimum": 1, "maximum": 1000])],
                    responseSchema: "GoalQueue", handler: list),
        APIEndpoint(method: .POST, path: ["budget-objects"], operationID: "createBudgetObject", summary: "Open a budget object with an empty draft goal",
                    tag: "goals", requestSchema: "BudgetObjectCreate", successStatus: 201, responseSchema: "Goal", handler: create),
        APIEndpoint(method: .GET, path: ["budget-objects", ":id"], operationID: "getGoal",
                    summary: "A budget object with a goal version, its validation errors and linter findings", tag: "goals",
                    query: [.init(name: "version", location: "query", type: "integer", description: "Version number (default: newest visible)", schema: ["type": "integer", "minimum": 1])],
                    responseSchema: "Goal", handler: get),
        APIEndpoint(method: .PUT, path: ["budget-objects", ":id", "goal"], operationID: "saveGoal",
                    summary: "Replace the content of an editable goal version (lockVersion guards concurrent edits)", tag: "goals",
                    requestSchema: "GoalContent", responseSchema: "Goal", handler: save),
        APIEndpoint(method: .POST, path: ["budget-objects", ":id", "transitions"], operationID: "transitionGoal",
                    summary: "Submit, withdraw, review, return, release or ask to adjust a goal", tag: "goals",
                    requestSchema: "Transition", responseSchema: "Goal", handler: transition),
        APIEndpoint(method: .GET, path: ["goals", "export.xlsx"], operationID: "exportGoals",
                    summary: "The goals of a fiscal year as the department list (.xlsx), one row per indicator", tag: "goals",
                    query: [.init(name: "year", location: "query", type: "integer", description: "Fiscal year", schema: year),
                            .init(name: "under", location: "query", type: "string", description: "Organization code of a subtree", schema: code)],
                    handler: exportList),
        APIEndpoint(method: .POST, path: ["goals", "import"], operationID: "importGoals",
                    summary: "Import goals of many projects from .xlsx or .csv in the list layout; all rows or none, errors by sheet, row and column",
                    tag: "goals",
                    query: [.init(name: "Prefer", location: "header", type: "string",
                                  description: "respond-async: answer 202 at once with the import job, to follow at its Location")],
                    requestSchema: "file", requestMediaType: "application/octet-stream", successStatus: 201,
                    responseSchema: "ImportResult",
                    otherResponses: [(202, "Accepted (Prefer: respond-async): the import job; poll the Location header", "ImportJob")],
                    bodyLimit: "24mb", handler: importList),
        APIEndpoint(method: .GET, path: ["regional-goals", "issued"], operationID: "issuedRegionalGoals",
                    summary: "Released regional goals of transfer payments issued to regions inside the caller's area", tag: "goals",
                    query: [.init(name: "year", location: "query", type: "integer", description: "Fiscal year", schema: year)],
                    responseSchema: "IssuedRegionalGoals", handler: issuedRegionalGoals),
        APIEndpoint(method: .GET, path: ["import-jobs", ":id"], operationID: "getImportJob",
                    summary: "An import job of the caller: phase, progress, and the outcome or every error", tag: "goals",
                    responseSchema: "ImportJob", handler: importJob),
        APIEndpoint(method: .GET, path: ["indicator-library"], operationID: "searchLibrary",
                    summary: "Indicator library entries the caller inherits, with values declared in past years", tag: "library",
                    query: [.init(name: "q", location: "query", type: "string", description: "Part of the indicator's name"),
                            .init(name: "subcategory", location: "query", type: "string", description: "Level-2 category key", schema: subcategories)],
                    responseSchema: "LibraryPage", handler: searchLibrary),
        APIEndpoint(method: .POST, path: ["goals", "release"], operationID: "releaseGoals",
                    summary: "Release every approved goal of a fiscal year under an organization", tag: "goals",
                    requestSchema: "Release", responseSchema: "ReleaseResult", handler: release),
    ]

    private static func id(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound() }
        return id
    }

    @Sendable static func list(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        guard Authorization.mayEver(user.actor, .viewBudget) else { throw AppError.forbidden() }
        let year = try StrictValues.integer(req, "year") ?? GoalController.currentFiscalYear
        let under = try await GoalCommands.budgetScope(code: req.query[String.self, at: "under"]?.trimmed, by: try req.caller(), on: req.db)
        let state = try StrictValues.parse(req.query[String.self, at: "state"], field: "state", as: GoalState.self)
        let waiting = try StrictValues.bool(req, "waiting") ?? false
        let (page, per) = APIRoutes.paging(ListQuery(page: try StrictValues.integer(req, "page"), per: try StrictValues.integer(req, "per")))
        var filter = GoalQueueFilter(fiscalYear: year, states: state.map { [$0] }, under: under)
        filter.offset = (page - 1) * per
        filter.limit = per
        let (rows, total, _) = try await GoalCommands.queuePage(filter, for: user, waitingOnly: waiting, on: req.db)
        return try .json(GoalQueueDTO(page: page, per: per, total: total, items: rows.map {
            .init(objectID: $0.objectID, code: $0.code, name: $0.name, organization: $0.organizationName, state: $0.state, version: $0.versionNumber,
                  lockVersion: $0.lockVersion, fundSource: $0.fundSource, isKeyProject: $0.isKeyProject,
                  requestedWanYuan: Money(fen: $0.requestedFen).wanYuanText, validationErrors: $0.validationErrors, warnings: $0.lintWarnings, notices: $0.lintNotices)
        }))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let body = try req.content.decode(BudgetObjectCreateRequest.self)
        // Absent fields take their defaults; present ones must be one of the allowed values. Texts are trimmed as the form trims them.
        let draft = BudgetObjectDraft(kind: try StrictValues.parse(body.kind, field: "kind") ?? .project, code: body.code.trimmed, name: body.name.trimmed,
                                      organizationCode: body.organizationCode.trimmed, fiscalYear: body.fiscalYear,
                                      functionalClassification: body.functionalClassification?.trimmed ?? "",
                                      fundSource: try StrictValues.parse(body.fundSource, field: "fundSource") ?? .generalPublic,
                                      category: try StrictValues.parse(body.category, field: "category") ?? .oneOff,
                                      startYear: body.startYear ?? body.fiscalYear, endYear: body.endYear ?? body.fiscalYear,
                                      requestedWanYuan: body.requestedWanYuan, isKeyProject: body.isKeyProject ?? false,
                                      isServiceProject: body.isServiceProject ?? false)
        let object = try await GoalCommands.open(draft, by: try req.caller(), on: req.db)
        return try .json(try await GoalDTO.make(try await GoalCommands.load(object.id!, by: try req.caller(), on: req.db), req), status: .created)
    }

    @Sendable static func get(req: Request) async throws -> Response {
        try .json(try await GoalDTO.make(try await GoalCommands.load(try id(req), versionNumber: try StrictValues.integer(req, "version"), by: try req.caller(), on: req.db), req))
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let body = try req.content.decode(GoalContentRequest.self)
        let goal = PerformanceGoal(annualGoal: body.annualGoal, midTermGoal: body.midTermGoal,
                                   indicators: try body.indicators.enumerated().map { try $0.element.indicator(position: $0.offset + 1) },
                                   regions: try (body.regions ?? []).enumerated().map { try $0.element.regionalGoal(position: $0.offset) })
        return try .json(try await GoalDTO.make(try await GoalCommands.saveContent(try id(req), lockVersion: body.lockVersion, goal: goal, by: try req.caller(), on: req.db), req))
    }

    @Sendable static func transition(req: Request) async throws -> Response {
        let body = try req.content.decode(TransitionRequest.self)
        let form = TransitionForm(action: body.action, opinion: body.opinion, lock_version: body.lockVersion, grade: body.grade,
                                  relevance: body.ratings?["relevance"], feasibility: body.ratings?["feasibility"],
                                  scientific: body.ratings?["scientific"], reasonableness: body.ratings?["reasonableness"])
        let loaded = try await GoalCommands.apply(try form.goalAction(), to: try id(req), lockVersion: body.lockVersion, by: try req.caller(), on: req.db)
        return try .json(try await GoalDTO.make(loaded, req))
    }

    @Sendable static func exportList(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        guard Authorization.mayEver(user.actor, .viewBudget) else { throw AppError.forbidden() }
        let under = try await GoalCommands.budgetScope(code: try? req.query.get(String.self, at: "under"), by: try req.caller(), on: req.db)
        return try await GoalExchangeService.exportList(year: (try? req.query.get(Int.self, at: "year")) ?? GoalController.currentFiscalYear, under: under,
                                                       localizer: req.localizer, by: try req.caller(), on: req.db).response
    }

    /// Runs the import as a job: waits for it and answers like any request (201, or the errors), or with
    /// `Prefer: respond-async` answers 202 with the job at once.
    @Sendable static func importList(req: Request) async throws -> Response {
        guard let body = req.body.data else { throw AppError(.unprocessableEntity, "csv_empty", Message(.errorCSVEmpty)) }
        let name = req.headers.contentDisposition?.filename ?? "api-upload"
        let started = try await ImportJobService.startGoalList(body, fileName: name, req)
        if req.headers[canonicalForm: "Prefer"].contains(where: { $0.lowercased().trimmed == "respond-async" }) {
            let response = try Response.json(ImportJobDTO(try await ImportJobService.status(started, req), localizer: req.localizer), status: .accepted)
            response.headers.replaceOrAdd(name: .location, value: "/api/v1/import-jobs/\(started.uuidString)")
            return response
        }
        let status = try await ImportJobService.wait(started, req)
        if let error = status.error { throw error }
        guard status.progress.phase == .succeeded else { throw AppError(.internalServerError, "import_failed", Message(.errorImportFailed)) }
        return try .json(ImportResponse(imported: status.imported ?? 0, created: status.outcome?.created, updated: status.outcome?.updated,
                                        unchanged: status.outcome?.unchanged), status: .created)
    }

    struct IssuedRegionalGoalDTO: Content {
        var objectID: UUID, transferCode: String, transferName: String, fiscalYear: Int, issuedBy: String, region: RegionalGoalDTO
    }
    struct IssuedRegionalGoalsDTO: Content { var items: [IssuedRegionalGoalDTO] }

    @Sendable static func issuedRegionalGoals(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        guard Authorization.mayEver(user.actor, .viewBudget) else { throw AppError.forbidden() }
        let year = (try? req.query.get(Int.self, at: "year")) ?? GoalController.currentFiscalYear
        return try .json(IssuedRegionalGoalsDTO(items: try await IssuedRegionalGoals.list(fiscalYear: year, for: user, on: req.db).map {
            IssuedRegionalGoalDTO(objectID: $0.objectID, transferCode: $0.transferCode, transferName: $0.transferName, fiscalYear: $0.fiscalYear,
                                  issuedBy: $0.issuedBy, region: RegionalGoalDTO($0.goal, name: $0.recipientName))
        }))
    }

    @Sendable static func importJob(req: Request) async throws -> Response {
        try .json(ImportJobDTO(try await ImportJobService.status(try id(req), req), localizer: req.localizer))
    }

    struct LibraryEntryDTO: Content {
        var id: UUID, sector: String, category: String, subcategory: String, name: String, op: String, unit: String, definition: String
        var history: [LibraryHistoryYear]
    }
    struct LibraryPageDTO: Content { var items: [LibraryEntryDTO] }

    @Sendable static func searchLibrary(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        guard Authorization.mayEver(user.actor, .viewBudget) else { throw AppError.forbidden() }
        let entries = try await LibraryService.search(try? req.query.get(String.self, at: "q"),
                                                      subcategory: try StrictValues.parse(req.query[String.self, at: "subcategory"], field: "subcategory"),
                                                      for: user, limit: 200, on: req.db)
        let history = try await LibraryService.history(of: entries.compactMap(\.id), beforeYear: 9999, on: req.db)
        return try .json(LibraryPageDTO(items: entries.map {
            LibraryEntryDTO(id: $0.id!, sector: $0.sector, category: $0.category, subcategory: $0.subcategory, name: $0.name, op: $0.targetOperator,
                            unit: $0.unit, definition: $0.definition, history: history[$0.id!] ?? [])
        }))
    }

    @Sendable static func release(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        let body = try req.content.decode(ReleaseRequest.self)
        let organization: OrganizationModel?
        if let code = body.underCode { organization = try await OrganizationCommands.byCode(code, on: req.db) }
        else { organization = try await OrganizationModel.find(user.organizationID, on: req.db) }
        guard let organization else { throw AppError.notFound() }
        return try .json(ReleaseResponse(released: try await GoalCommands.releaseAll(under: organization, fiscalYear: body.fiscalYear, by: try req.caller(), on: req.db)))
    }
}

struct ImportJobDTO: Content {
    var id: UUID, fileName: String, phase: String, done: Int, total: Int?, percent: Int, imported: Int?
    var error: APIErrorBody.Body?

    init(_ status: ImportJobStatus, localizer: Localizer) {
        id = status.id; fileName = status.fileName; phase = status.progress.phase.rawValue; done = status.progress.done
        total = status.progress.total; percent = status.progress.percent; imported = status.imported
        error = status.error.map { APIErrorBody($0, localizer: localizer).error }
    }
}
