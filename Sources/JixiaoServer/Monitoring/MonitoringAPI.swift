import Fluent
import Foundation
import SQLKit
import Vapor
import JixiaoDomain

struct RoundCreateRequest: Content {
    var fiscalYear: Int
    /// "2027-07-31".
    var periodEnd: String
    var deadline: String
    var scope: String?
    var departmentCodes: [String]?
}

struct RoundDTO: Content {
    var id: UUID, organizationID: UUID, fiscalYear: Int, period: String, periodEnd: String, deadline: String, scope: String
    var state: String, taskCount: Int, rulesVersion: Int, lockVersion: Int, createdBy: String, createdAt: Date, closedAt: Date?
    var jobID: UUID?

    init(_ row: RoundRow, _ t: Localizer) {
        id = row.id; organizationID = row.organization_id; fiscalYear = row.fiscal_year
        period = row.period.text(in: t.locale)
        periodEnd = row.period_end; deadline = row.deadline; scope = row.scope_kind; state = row.state; taskCount = row.task_count
        rulesVersion = row.rules_version; lockVersion = row.lock_version; createdBy = row.created_by_name; createdAt = row.created_at
        closedAt = row.closed_at; jobID = row.job_id
    }
}

struct RoundListDTO: Content { var items: [RoundDTO] }

struct WarningDTO: Content {
    var rule: String, level: String, indicatorID: UUID?, explanation: String

    init(_ warning: MonitoringWarning, _ t: Localizer) {
        rule = warning.rule.rawValue; level = warning.level.key; indicatorID = warning.indicatorID; explanation = WarningWords.explain(warning, t)
    }
}

struct TaskSummaryDTO: Content {
    var id: UUID, objectID: UUID, code: String, name: String, kind: String, assignee: String, state: String, late: Bool
    var colour: String, warnings: Int, fullYearBudgetWanYuan: String, lockVersion: Int

    init(_ task: TaskRow) {
        id = task.id; objectID = task.budget_object_id; code = task.object_code; name = task.object_name; kind = task.object_kind
        assignee = task.assignee_name; state = task.state; late = task.late; colour = task.colour; warnings = task.warning_count
        fullYearBudgetWanYuan = Money(fen: task.full_year_budget_fen).wanYuanText; lockVersion = task.lock_version
    }
}

struct TaskPageDTO: Content { var page: Int; var per: Int; var total: Int; var items: [TaskSummaryDTO] }

struct ProgressDTO: Content {
    var indicatorID: UUID
    var category: String?, name: String?, target: String?
    var reached: String, forecast: String, likelihood: String?, cause: String?, explanation: String, measures: String
}

struct TaskDTO: Content {
    var id: UUID, roundID: UUID, objectID: UUID, code: String, name: String, kind: String, assignee: String, period: String, deadline: String
    var state: String, late: Bool, colour: String, lockVersion: Int
    var initialBudgetWanYuan: String, fullYearBudgetWanYuan: String, allocatedWanYuan: String?, spentWanYuan: String?, forecastWanYuan: String?
    var plan: [String]?, fundSource: String?, budgetNote: String, fundExplanation: String, annualProgress: String
    var executionRate: String?, timeProgress: String?, pace: String?, expectedCarryOverWanYuan: String?
    var indicators: [ProgressDTO]
    var warnings: [WarningDTO]
    var history: [History]
    var deviationCauses: [String]

    struct History: Content { var action: String, from: String, to: String, late: Bool, actor: String, opinion: String, at: Date }

    init(_ d: TaskDetail, _ t: Localizer) {
        let task = d.task
        id = task.id; roundID = task.round_id; objectID = task.budget_object_id; code = task.object_code; name = task.object_name
        kind = task.object_kind; assignee = task.assignee_name
        period = d.round.period.text(in: t.locale); deadline = d.round.deadline
        state = task.state; late = task.late; colour = task.colour; lockVersion = task.lock_version
        initialBudgetWanYuan = Money(fen: task.initial_budget_fen).wanYuanText; fullYearBudgetWanYuan = Money(fen: task.full_year_budget_fen).wanYuanText
        allocatedWanYuan = task.allocated_fen.map { Money(fen: $0).wanYuanText }; spentWanYuan = task.spent_fen.map { Money(fen: $0).wanYuanText }
        forecastWanYuan = task.forecast_fen.map { Money(fen: $0).wanYuanText }; plan = task.spendingPlan?.monthly.map(\.wanYuanText)
        fundSource = task.fund_source; budgetNote = task.budget_note; fundExplanation = task.fund_explanation; annualProgress = task.annual_progress
        if let fund = task.fund {
            let progress = FundProgress(fund, period: d.round.period, basis: (try? d.round.ruleSet.executionBasis) ?? .spent)
            executionRate = progress.executionRate?.percentText(); timeProgress = progress.timeProgress?.percentText()
            pace = progress.pace?.percentText(); expectedCarryOverWanYuan = progress.expectedCarryOver.wanYuanText
        }
        indicators = d.indicators.map { indicator in
            let p = d.progress[indicator.id] ?? IndicatorProgress(indicatorID: indicator.id)
            return ProgressDTO(indicatorID: indicator.id, category: indicator.category.rawValue, name: indicator.name, target: indicator.targetText,
                               reached: p.reachedText, forecast: p.forecastText, likelihood: p.likelihood?.rawValue, cause: p.cause,
                               explanation: p.explanation, measures: p.measures)
        }
        warnings = d.warnings.map { WarningDTO($0, t) }
        history = d.history.map { History(action: $0.action, from: $0.from_state, to: $0.to_state, late: $0.late, actor: $0.actor_name, opinion: $0.opinion, at: $0.occurred_at) }
        deviationCauses = (try? d.round.ruleSet.deviationCauses) ?? DeviationCauses.national
    }
}

struct ReportRequest: Content {
    var lockVersion: Int
    var fullYearBudgetWanYuan: String?, allocatedWanYuan: String?, spentWanYuan: String?, forecastWanYuan: String?
    var plan: [String]?
    var budgetNote: String?, fundExplanation: String?, annualProgress: String?
    var indicators: [ProgressDTO]?
}

struct DispositionRequest: Content { var kind: String; var reason: String; var dueBy: String?; var amountWanYuan: String? }
struct DispositionResponseRequest: Content { var response: String }

struct DispositionDTO: Content {
    var id: UUID, taskID: UUID, roundID: UUID, objectID: UUID, code: String?, name: String?, assignee: String?, kind: String, reason: String
    var dueBy: String?, amountWanYuan: String?, adjustmentVersionID: UUID?, decidedBy: String, decidedAt: Date
    var response: String?, respondedBy: String?, respondedAt: Date?

    init(_ row: DispositionRow, task: TaskRow?) {
        id = row.id; taskID = row.task_id; roundID = row.round_id; objectID = row.budget_object_id
        code = task?.object_code; name = task?.object_name; assignee = task?.assignee_name; kind = row.kind; reason = row.reason
        dueBy = row.due_by; amountWanYuan = row.amount_fen.map { Money(fen: $0).wanYuanText }; adjustmentVersionID = row.adjustment_version_id
        decidedBy = row.decided_by_name; decidedAt = row.decided_at; response = row.response; respondedBy = row.responded_by_name
        respondedAt = row.responded_at
    }
}
struct DispositionListDTO: Content { var items: [DispositionDTO] }

struct TaskTransitionRequest: Content { var action: String; var lockVersion: Int; var opinion: String? }
struct RoundCloseRequest: Content { var lockVersion: Int }

enum MonitoringAPI: OpenAPIVocabulary {
    static var schemas: [(String, JSONValue)] {
        let warning = object([("rule", values(WarningRule.self)), ("level", ["type": "string", "enum": ["green", "yellow", "red"]]),
                              ("indicatorID", ["type": ["string", "null"], "format": "uuid"]), ("explanation", string)],
                             required: ["rule", "level", "explanation"])
        let progress = object([("indicatorID", uuid), ("category", nullableString), ("name", nullableString), ("target", nullableString),
                               ("reached", shortText), ("forecast", shortText), ("likelihood", nullable(values(CompletionLikelihood.self))),
                               ("cause", nullable(shortText)), ("explanation", ["type": "string", "maxLength": .int(InputLimits.note)]),
                               ("measures", ["type": "string", "maxLength": .int(InputLimits.note)])],
                              required: ["indicatorID", "reached", "forecast", "explanation", "measures"])
        let round = object([("id", uuid), ("organizationID", uuid), ("fiscalYear", integer), ("period", string), ("periodEnd", string),
                            ("deadline", string), ("scope", values(RoundScopeKind.self)), ("state", values(MonitoringRoundState.self)),
                            ("taskCount", integer), ("rulesVersion", integer), ("lockVersion", integer), ("createdBy", string),
                            ("createdAt", string), ("closedAt", nullableString), ("jobID", ["type": ["string", "null"], "format": "uuid"])],
                           required: ["id", "fiscalYear", "period", "state", "taskCount", "lockVersion"])
        let taskSummary = object([("id", uuid), ("objectID", uuid), ("code", string), ("name", string), ("kind", string), ("assignee", string),
                                  ("state", values(MonitoringTaskState.self)), ("late", boolean), ("colour", string), ("warnings", integer),
                                  ("fullYearBudgetWanYuan", decimalText), ("lockVersion", integer)],
                                 required: ["id", "code", "state", "colour", "lockVersion"])
        let date: JSONValue = ["type": "string", "format": "date"]
        return [
            ("MonitoringWarning", warning),
            ("IndicatorProgress", progress),
            ("MonitoringRound", round),
            ("MonitoringRounds", object([("items", ["type": "array", "items": ref("MonitoringRound")])], required: ["items"])),
            ("MonitoringRoundCreate", object([("fiscalYear", year), ("periodEnd", date), ("deadline", date), ("scope", values(RoundScopeKind.self)),
                                              ("departmentCodes", ["type": "array", "items": code])], required: ["fiscalYear", "periodEnd", "deadline"])),
            ("TreasuryImportResult", object([("updated", integer)], required: ["updated"])),
            ("Disposition", object([("id", uuid), ("taskID", uuid), ("roundID", uuid), ("objectID", uuid), ("code", nullableString), ("name", nullableString),
                                    ("assignee", nullableString), ("kind", values(DispositionKind.self)), ("reason", string),
                                    ("dueBy", ["type": ["string", "null"], "format": "date"]), ("amountWanYuan", nullable(decimalText)),
                                    ("adjustmentVersionID", ["type": ["string", "null"], "format": "uuid"]), ("decidedBy", string),
                                    ("decidedAt", string), ("response", nullableString), ("respondedBy", nullableString), ("respondedAt", nullableString)],
                                   required: ["id", "taskID", "roundID", "objectID", "kind", "reason", "decidedBy", "decidedAt"])),
            ("Dispositions", object([("items", ["type": "array", "items": ref("Disposition")])], required: ["items"])),
            ("DispositionCreate", object([("kind", values(DispositionKind.self)), ("reason", ["type": "string", "minLength": 1, "maxLength": .int(InputLimits.note)]),
                                          ("dueBy", ["type": "string", "format": "date"]), ("amountWanYuan", decimalText)], required: ["kind", "reason"])),
            ("DispositionAnswer", object([("response", longText)], required: ["response"])),
            ("MonitoringRoundClose", object([("lockVersion", integer)], required: ["lockVersion"])),
            ("MonitoringTaskSummary", taskSummary),
            ("MonitoringTaskPage", object([("page", integer), ("per", integer), ("total", integer),
                                           ("items", ["type": "array", "items": ref("MonitoringTaskSummary")])], required: ["page", "per", "total", "items"])),
            ("MonitoringTask", object([("id", uuid), ("roundID", uuid), ("objectID", uuid), ("code", string), ("name", string), ("state", values(MonitoringTaskState.self)),
                                       ("late", boolean), ("colour", string), ("lockVersion", integer), ("initialBudgetWanYuan", decimalText),
                                       ("fullYearBudgetWanYuan", decimalText), ("allocatedWanYuan", nullable(decimalText)), ("spentWanYuan", nullable(decimalText)),
                                       ("forecastWanYuan", nullable(decimalText)), ("plan", ["type": ["array", "null"], "items": decimalText]),
                                       ("executionRate", nullableString), ("timeProgress", nullableString), ("pace", nullableString),
                                       ("indicators", ["type": "array", "items": ref("IndicatorProgress")]),
                                       ("warnings", ["type": "array", "items": ref("MonitoringWarning")]),
                                       ("deviationCauses", ["type": "array", "items": string])],
                                      required: ["id", "roundID", "code", "state", "colour", "lockVersion", "indicators", "warnings"])),
            ("MonitoringReport", object([("lockVersion", integer), ("fullYearBudgetWanYuan", decimalText), ("allocatedWanYuan", decimalText),
                                         ("spentWanYuan", decimalText), ("forecastWanYuan", decimalText),
                                         ("plan", ["type": "array", "maxItems": 12, "items": decimalText]), ("budgetNote", ["type": "string", "maxLength": .int(InputLimits.note)]),
                                         ("fundExplanation", ["type": "string", "maxLength": .int(InputLimits.note)]), ("annualProgress", longText),
                                         ("indicators", ["type": "array", "maxItems": .int(InputLimits.indicatorsPerGoal), "items": ref("IndicatorProgress")])],
                                        required: ["lockVersion"])),
            ("MonitoringTransition", object([("action", ["type": "string", "enum": ["submit", "department_confirm", "department_return", "finance_confirm", "finance_return"]]),
                                             ("lockVersion", integer), ("opinion", longText)], required: ["action", "lockVersion"])),
        ]
    }

    static let endpoints: [APIEndpoint] = [
        APIEndpoint(method: .GET, path: ["monitoring", "rounds"], operationID: "listMonitoringRounds",
                    summary: "Monitoring rounds of a fiscal year that the caller runs or reports in", tag: "monitoring",
                    query: [.init(name: "year", location: "query", type: "integer", description: "Fiscal year (default: the year being executed, this calendar year in Beijing)", schema: year)],
                    responseSchema: "MonitoringRounds", handler: listRounds),
        APIEndpoint(method: .POST, path: ["monitoring", "rounds"], operationID: "createMonitoringRound",
                    summary: "Open a monitoring round over released goals; its tasks are made by a job (state opening → open)", tag: "monitoring",
                    requestSchema: "MonitoringRoundCreate", successStatus: 201, responseSchema: "MonitoringRound", handler: createRound),
        APIEndpoint(method: .GET, path: ["monitoring", "rounds", ":id"], operationID: "getMonitoringRound",
                    summary: "A monitoring round", tag: "monitoring", responseSchema: "MonitoringRound", handler: getRound),
        APIEndpoint(method: .POST, path: ["monitoring", "rounds", ":id", "close"], operationID: "closeMonitoringRound",
                    summary: "Close a round: tasks not reported become 未报送 with their warning", tag: "monitoring",
                    requestSchema: "MonitoringRoundClose", responseSchema: "MonitoringRound", handler: closeRound),
        APIEndpoint(method: .GET, path: ["monitoring", "rounds", ":id", "tasks"], operationID: "listMonitoringTasks",
                    summary: "Tasks of a round within the caller's reach, reddest first", tag: "monitoring",
                    query: [.init(name: "state", location: "query", type: "string", description: "Only this state", schema: values(MonitoringTaskState.self)),
                            .init(name: "colour", location: "query", type: "string", description: "Only this colour",
                                  schema: ["type": "string", "enum": ["green", "yellow", "red"]]),
                            .init(name: "page", location: "query", type: "integer", description: "Page number from 1", schema: ["type": "integer", "minimum": 1]),
                            .init(name: "per", location: "query", type: "integer", description: "Items per page (default 100, at most 1000)",
                                  schema: ["type": "integer", "minimum": 1, "maximum": 1000])],
                    responseSchema: "MonitoringTaskPage", handler: listTasks),
        APIEndpoint(method: .POST, path: ["monitoring", "rounds", ":id", "treasury"], operationID: "importTreasuryFigures",
                    summary: "Import the treasury's figures (budget, allocated, spent per project, per region for transfer payments) for a round from .xlsx or .csv; all rows or none, errors by row and column",
                    tag: "monitoring",
                    query: [.init(name: "Prefer", location: "header", type: "string",
                                  description: "respond-async: answer 202 at once with the job's id")],
                    requestSchema: "file", requestMediaType: "application/octet-stream",
                    responseSchema: "TreasuryImportResult",
                    otherResponses: [(202, "Accepted (Prefer: respond-async): the job that imports the file", "JobAccepted")],
                    bodyLimit: "24mb", handler: importTreasury),
        APIEndpoint(method: .POST, path: ["monitoring", "tasks", ":id", "dispositions"], operationID: "disposeMonitoringTask",
                    summary: "Finance's decision on an object in warning: correct by a date, suspend payments, cut (≤ unspent), stop, or adjust the goal (opens the goal adjustment)",
                    tag: "monitoring", requestSchema: "DispositionCreate", successStatus: 201, responseSchema: "Disposition", handler: dispose),
        APIEndpoint(method: .GET, path: ["monitoring", "rounds", ":id", "dispositions"], operationID: "listDispositions",
                    summary: "The dispositions of a round within the caller's reach, newest first", tag: "monitoring",
                    responseSchema: "Dispositions", handler: listDispositions),
        APIEndpoint(method: .POST, path: ["monitoring", "dispositions", ":id", "response"], operationID: "answerDisposition",
                    summary: "The unit's answer to a correction order: what it did", tag: "monitoring",
                    requestSchema: "DispositionAnswer", responseSchema: "Disposition", handler: answerDisposition),
        APIEndpoint(method: .GET, path: ["monitoring", "tasks", ":id"], operationID: "getMonitoringTask",
                    summary: "A task: the money with rate, time progress and pace, each indicator's progress, warnings with their arithmetic",
                    tag: "monitoring", responseSchema: "MonitoringTask", handler: getTask),
        APIEndpoint(method: .PUT, path: ["monitoring", "tasks", ":id", "report"], operationID: "saveMonitoringReport",
                    summary: "Save the unit's report (money and progress; lockVersion guards concurrent edits); warnings are recomputed",
                    tag: "monitoring", requestSchema: "MonitoringReport", responseSchema: "MonitoringTask", handler: saveReport),
        APIEndpoint(method: .POST, path: ["monitoring", "tasks", ":id", "transitions"], operationID: "transitionMonitoringTask",
                    summary: "Submit, confirm or return a report", tag: "monitoring",
                    requestSchema: "MonitoringTransition", responseSchema: "MonitoringTask", handler: transition),
    ]

    private static func id(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound() }
        return id
    }

    private static func day(_ text: String, _ field: String) throws -> CalendarDay {
        guard let day = CalendarDay(isoDate: text.trimmed) else { throw AppError.invalid(field, Message(.errorBadRequest("\(field): YYYY-MM-DD"))) }
        return day
    }

    @Sendable static func createRound(req: Request) async throws -> Response {
        let body = try req.content.decode(RoundCreateRequest.self)
        let draft = RoundDraft(fiscalYear: body.fiscalYear, periodEnd: try day(body.periodEnd, "periodEnd"), deadline: try day(body.deadline, "deadline"),
                               scope: try StrictValues.parse(body.scope, field: "scope") ?? .all, departmentCodes: body.departmentCodes ?? [])
        let id = try await MonitoringRounds.create(draft, by: try req.caller(), on: req.db, ringing: req.application)
        guard let round = try await RoundRow.find(id, on: req.db) else { throw AppError.notFound() }
        return try .json(RoundDTO(round, req.localizer), status: .created)
    }

    @Sendable static func listRounds(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        guard Authorization.mayEver(user.actor, .viewBudget) else { throw AppError.forbidden() }
        let year = try StrictValues.integer(req, "year") ?? CalendarDay(chinaDay: try req.caller().now).year
        return try .json(RoundListDTO(items: try await MonitoringQueries.rounds(fiscalYear: year, for: user, on: req.db).map { RoundDTO($0, req.localizer) }))
    }

    @Sendable static func getRound(req: Request) async throws -> Response {
        try .json(RoundDTO(try await MonitoringQueries.round(try id(req), by: try req.caller(), on: req.db), req.localizer))
    }

    @Sendable static func closeRound(req: Request) async throws -> Response {
        let body = try req.content.decode(RoundCloseRequest.self)
        try await MonitoringRounds.close(try id(req), lockVersion: body.lockVersion, by: try req.caller(), on: req.db)
        return try .json(RoundDTO(try await MonitoringQueries.round(try id(req), by: try req.caller(), on: req.db), req.localizer))
    }

    @Sendable static func listTasks(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        let round = try await MonitoringQueries.round(try id(req), by: try req.caller(), on: req.db)
        let (page, per) = APIRoutes.paging(ListQuery(page: try StrictValues.integer(req, "page"), per: try StrictValues.integer(req, "per")))
        var filter = TaskFilter(roundID: round.id)
        filter.state = try StrictValues.parse(req.query[String.self, at: "state"], field: "state", as: MonitoringTaskState.self)
        filter.colour = try req.query[String.self, at: "colour"].map { text in
            guard let level = WarningLevel(key: text) else { throw AppError.invalid("colour", Message(.errorBadRequest("colour: green, yellow or red"))) }
            return level
        }
        filter.offset = (page - 1) * per
        filter.limit = per
        let (rows, total) = try await MonitoringQueries.tasks(filter, for: user, on: req.db)
        return try .json(TaskPageDTO(page: page, per: per, total: total, items: rows.map(TaskSummaryDTO.init)))
    }

    struct TreasuryResultDTO: Content { var updated: Int }

    /// Runs the import as a job and waits for it, or with `Prefer: respond-async` answers 202 with the job at once.
    @Sendable static func importTreasury(req: Request) async throws -> Response {
        guard let body = req.body.data else { throw AppError(.unprocessableEntity, "csv_empty", Message(.errorCSVEmpty)) }
        let job = try await TreasuryImport.start(body, fileName: req.headers.contentDisposition?.filename ?? "api-upload", round: try id(req),
                                                 by: try req.caller(), on: req.db, ringing: req.application)
        return try await JobsAPI.answer(job, req) { ended in
            try .json(TreasuryResultDTO(updated: ended.result(as: TreasuryImport.Outcome.self)?.updated ?? 0))
        }
    }

    @Sendable static func dispose(req: Request) async throws -> Response {
        let body = try req.content.decode(DispositionRequest.self)
        guard let kind = try StrictValues.parse(body.kind, field: "kind", as: DispositionKind.self) else { throw AppError.invalid("kind", Message(.errorRequired)) }
        var amount: Money?
        if let text = body.amountWanYuan, !text.trimmed.isEmpty {
            do { amount = try Money(wanYuan: text) } catch { throw AppError.invalid("amountWanYuan", Message(.errorMoney)) }
        }
        let disposition = Disposition(kind: kind, reason: body.reason, dueBy: try body.dueBy.flatMap { $0.trimmed.isEmpty ? nil : try day($0, "dueBy") },
                                      amount: amount)
        let row = try await MonitoringDispositions.decide(try id(req), disposition, by: try req.caller(), on: req.db)
        return try .json(DispositionDTO(row, task: try await TaskRow.find(row.task_id, on: req.db)), status: .created)
    }

    @Sendable static func listDispositions(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        let round = try await MonitoringQueries.round(try id(req), by: try req.caller(), on: req.db)
        return try .json(DispositionListDTO(items: try await MonitoringDispositions.list(round: round.id, for: user, on: req.db).map { DispositionDTO($0.0, task: $0.1) }))
    }

    @Sendable static func answerDisposition(req: Request) async throws -> Response {
        let body = try req.content.decode(DispositionResponseRequest.self)
        let row = try await MonitoringDispositions.respond(try id(req), response: body.response, by: try req.caller(), on: req.db)
        return try .json(DispositionDTO(row, task: try await TaskRow.find(row.task_id, on: req.db)))
    }

    @Sendable static func getTask(req: Request) async throws -> Response {
        try .json(TaskDTO(try await MonitoringReports.load(try id(req), by: try req.caller(), on: req.db), req.localizer))
    }

    @Sendable static func saveReport(req: Request) async throws -> Response {
        let body = try req.content.decode(ReportRequest.self)
        let input = ReportInput(lockVersion: body.lockVersion, fullYearBudget: body.fullYearBudgetWanYuan, allocated: body.allocatedWanYuan,
                                spent: body.spentWanYuan, forecast: body.forecastWanYuan, plan: body.plan, budgetNote: body.budgetNote,
                                fundExplanation: body.fundExplanation, annualProgress: body.annualProgress,
                                indicators: body.indicators.map { $0.map {
                                    IndicatorProgressInput(indicatorID: $0.indicatorID, reached: $0.reached, forecast: $0.forecast, likelihood: $0.likelihood,
                                                           cause: $0.cause, explanation: $0.explanation, measures: $0.measures)
                                } })
        return try .json(TaskDTO(try await MonitoringReports.save(try id(req), input, by: try req.caller(), on: req.db), req.localizer))
    }

    @Sendable static func transition(req: Request) async throws -> Response {
        let body = try req.content.decode(TaskTransitionRequest.self)
        let opinion = body.opinion ?? ""
        let action: MonitoringAction = switch body.action {
        case "submit": .submit
        case "department_confirm": .departmentConfirm
        case "department_return": .departmentReturn(opinion: opinion)
        case "finance_confirm": .financeConfirm
        case "finance_return": .financeReturn(opinion: opinion)
        default: throw AppError.invalid("action", Message(.errorBadRequest("action: \(body.action.prefix(40))")))
        }
        return try .json(TaskDTO(try await MonitoringReports.apply(action, to: try id(req), lockVersion: body.lockVersion, by: try req.caller(), on: req.db),
                                 req.localizer))
    }
}
