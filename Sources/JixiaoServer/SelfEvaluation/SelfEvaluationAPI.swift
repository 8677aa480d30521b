import Fluent
import Foundation
import SQLKit
import Vapor
import JixiaoDomain

struct EvaluationYearCreateRequest: Content { var fiscalYear: Int; var deadline: String }
struct EvaluationYearCloseRequest: Content { var lockVersion: Int; var confirm: Bool? }

struct ScoringRulesDTO: Content {
    var budgetWeight: String, overAchievementPercent: String, lateSharePercent: String, lateGraceMonths: Int, executionDivisor: String

    init(_ rules: ScoringRuleSet) {
        budgetWeight = rules.budgetWeight.storedText; overAchievementPercent = rules.overAchievementPercent.storedText
        lateSharePercent = rules.lateSharePercent.storedText; lateGraceMonths = rules.lateGraceMonths; executionDivisor = rules.executionDivisor.rawValue
    }

    /// The rule set sent, each field that does not read named.
    func ruleSet() throws -> ScoringRuleSet {
        var errors: [AppError] = []
        func number(_ text: String, _ field: String) -> Decimal {
            guard let value = Decimal(pointsText: text) else { errors.append(.invalid(field, Message(.errorBadRequest(field)))); return 0 }
            return value
        }
        let rules = ScoringRuleSet(budgetWeight: number(budgetWeight, "budgetWeight"), overAchievementPercent: number(overAchievementPercent, "overAchievementPercent"),
                                   lateSharePercent: number(lateSharePercent, "lateSharePercent"), lateGraceMonths: lateGraceMonths,
                                   executionDivisor: (try? StrictValues.parse(executionDivisor, field: "executionDivisor", as: ExecutionDivisor.self)) ?? {
                                       errors.append(.invalid("executionDivisor", Message(.errorBadRequest("executionDivisor")))); return .fullYearBudget }())
        if !errors.isEmpty { throw FormErrors(errors: errors) }
        return rules
    }
}

struct ScoringRulesInForceDTO: Content { var fiscalYear: Int; var version: Int; var rules: ScoringRulesDTO }

struct EvaluationYearDTO: Content {
    var id: UUID, organizationID: UUID, fiscalYear: Int, deadline: String, state: String, evaluationCount: Int, rulesVersion: Int
    var rules: ScoringRulesDTO?, lockVersion: Int, createdBy: String, createdAt: Date, closedAt: Date?, jobID: UUID?

    init(_ row: EvaluationYearRow) {
        id = row.id; organizationID = row.organization_id; fiscalYear = row.fiscal_year; deadline = row.deadline; state = row.state
        evaluationCount = row.evaluation_count; rulesVersion = row.rules_version
        rules = (try? JSONDecoder().decode(ScoringRuleSet.self, from: Data(row.rules.utf8))).map(ScoringRulesDTO.init)
        lockVersion = row.lock_version; createdBy = row.created_by_name; createdAt = row.created_at; closedAt = row.closed_at; jobID = row.job_id
    }
}

struct EvaluationYearListDTO: Content { var items: [EvaluationYearDTO] }

struct EvaluationSummaryDTO: Content {
    var id: UUID, yearID: UUID, objectID: UUID, code: String, name: String, kind: String, isSummary: Bool, regionID: UUID?, assignee: String
    var state: String, late: Bool, stopped: String?, total: String?, grade: String?, findings: Int
    var fullYearBudgetWanYuan: String, executedWanYuan: String?, lockVersion: Int

    init(_ row: EvaluationRow) {
        id = row.id; yearID = row.year_id; objectID = row.budget_object_id; code = row.object_code; name = row.object_name; kind = row.object_kind
        isSummary = row.is_summary; regionID = row.region_id; assignee = row.assignee_name; state = row.state; late = row.late; stopped = row.stopped_reason
        total = row.total_cents.map { Ratio.text(Decimal($0) / 100, decimals: 2) }; grade = row.grade; findings = row.finding_count
        fullYearBudgetWanYuan = Money(fen: row.full_year_budget_fen).wanYuanText; executedWanYuan = row.executed_fen.map { Money(fen: $0).wanYuanText }
        lockVersion = row.lock_version
    }
}

struct EvaluationPageDTO: Content { var page: Int; var per: Int; var total: Int; var items: [EvaluationSummaryDTO] }

struct EvaluationRowDTO: Content {
    var indicatorID: UUID
    var category: String?, subcategory: String?, name: String?, target: String?, weight: String?, effectiveWeight: String?
    var actual: String?, band: String?, bandPoints: String?, notApplicable: Bool?, notApplicableReason: String?, overCause: String?
    var chosenPoints: String?, chosenReason: String?, overridePoints: String?, overrideReason: String?, explanation: String?
    var lastForecast: String?, printedPoints: String?
    var points: String?, rulePoints: String?, met: Bool?, isOverride: Bool?, formula: String?, words: String?

    var input: EvaluationRowInput {
        EvaluationRowInput(indicatorID: indicatorID, actual: actual, band: band, bandPoints: bandPoints, notApplicable: notApplicable,
                           notApplicableReason: notApplicableReason, overCause: overCause, chosenPoints: chosenPoints, chosenReason: chosenReason,
                           overridePoints: overridePoints, overrideReason: overrideReason, explanation: explanation)
    }
}

struct ReassignmentDTO: Content {
    struct Share: Content { var category: String; var weight: String }
    var from: String, to: [Share], reason: String

    func reassignment(_ index: Int) throws -> GroupReassignment {
        let field = "reassignments[\(index + 1)]"
        guard let from = IndicatorCategory(rawValue: from.trimmed) else { throw AppError.invalid("\(field).from", Message(.errorBadRequest("from"))) }
        var shares: [IndicatorCategory: Decimal] = [:]
        for share in to {
            guard let category = IndicatorCategory(rawValue: share.category.trimmed), let weight = Decimal(pointsText: share.weight) else {
                throw AppError.invalid("\(field).to", Message(.errorBadRequest("to")))
            }
            shares[category, default: 0] += weight
        }
        return GroupReassignment(from: from, to: shares, reason: String(reason.trimmed.prefix(InputLimits.note)))
    }

    init(_ reassignment: GroupReassignment) {
        from = reassignment.from.rawValue; reason = reassignment.reason
        to = reassignment.to.sorted { $0.key.rawValue < $1.key.rawValue }.map { Share(category: $0.key.rawValue, weight: $0.value.storedText) }
    }
}

struct QualityFindingDTO: Content { var kind: String; var row: Int?; var text: String }
struct DemandDTO: Content { var field: String?; var message: String }

struct EvaluationDTO: Content {
    var id: UUID, yearID: UUID, fiscalYear: Int, objectID: UUID, code: String, name: String, kind: String, isSummary: Bool, regionID: UUID?
    var assignee: String, state: String, late: Bool, stopped: String?, source: String, lockVersion: Int
    var annualGoal: String, narrative: String
    var initialBudgetWanYuan: String, fullYearBudgetWanYuan: String, executedWanYuan: String?, executionRate: String?
    var budgetWeight: String, budgetPoints: String?, budgetWords: String?
    var monitoringPeriod: String?, monitoringSpentWanYuan: String?, monitoringForecastWanYuan: String?
    var printedRate: String?, printedBudgetPoints: String?, printedTotal: String?
    var rulesVersion: Int, rules: ScoringRulesDTO?
    var total: String?, grade: String?
    var rows: [EvaluationRowDTO]
    var reassignments: [ReassignmentDTO]
    var findings: [QualityFindingDTO]
    /// What must still be filled in before it can be submitted.
    var demands: [DemandDTO]
    var history: [TaskDTO.History]

    init(_ d: EvaluationDetail, _ t: Localizer) {
        let e = d.evaluation, score = d.evaluated.score, rules = try? e.ruleSet
        id = e.id; yearID = e.year_id; fiscalYear = e.fiscal_year; objectID = e.budget_object_id; code = e.object_code; name = e.object_name
        kind = e.object_kind; isSummary = e.is_summary; regionID = e.region_id; assignee = e.assignee_name; state = e.state; late = e.late
        stopped = e.stopped_reason; source = e.source; lockVersion = e.lock_version; annualGoal = e.annual_goal; narrative = e.narrative
        initialBudgetWanYuan = Money(fen: e.initial_budget_fen).wanYuanText; fullYearBudgetWanYuan = Money(fen: e.full_year_budget_fen).wanYuanText
        executedWanYuan = e.executed_fen.map { Money(fen: $0).wanYuanText }
        executionRate = e.executed_fen == nil ? nil : score?.budget.rate?.percentText(decimals: 2)
        budgetWeight = (rules?.budgetWeight ?? 10).storedText
        budgetPoints = e.executed_fen == nil ? nil : score.map { Ratio.text($0.budget.points, decimals: 2) }
        budgetWords = e.executed_fen == nil ? nil : score.map { ScoreWords.budget($0.budget, e.budgetFigures, divisor: rules?.executionDivisor ?? .fullYearBudget, t) }
        monitoringPeriod = e.monitoring_period.flatMap { CalendarDay(isoDate: $0) }.map { MonitoringPeriod(end: $0).text(in: t.locale) }
        monitoringSpentWanYuan = e.monitoring_spent_fen.map { Money(fen: $0).wanYuanText }
        monitoringForecastWanYuan = e.monitoring_forecast_fen.map { Money(fen: $0).wanYuanText }
        printedRate = e.printed_rate; printedBudgetPoints = e.printed_budget_points; printedTotal = e.printed_total
        rulesVersion = e.rules_version; self.rules = rules.map(ScoringRulesDTO.init)
        // Never saved: nothing to show as a verdict yet (0 points, 差).
        total = e.total == nil ? nil : score?.totalText; grade = e.total == nil ? nil : score?.grade.rawValue
        rows = d.rows.enumerated().map { index, row in
            let scored = score.flatMap { index < $0.indicators.count ? $0.indicators[index] : nil }
            return EvaluationRowDTO(indicatorID: row.indicator_id, category: row.category, subcategory: row.subcategory, name: row.name, target: row.target_text,
                                    weight: row.weight, effectiveWeight: scored.map { ScoreArithmetic.number($0.weight) }, actual: row.actual_text,
                                    band: row.band, bandPoints: row.band_points, notApplicable: row.not_applicable_reason != nil,
                                    notApplicableReason: row.not_applicable_reason, overCause: row.over_cause, chosenPoints: row.chosen_points,
                                    chosenReason: row.chosen_reason, overridePoints: row.override_points, overrideReason: row.override_reason,
                                    explanation: row.explanation, lastForecast: row.last_forecast, printedPoints: row.printed_points,
                                    points: scored.map { Ratio.text($0.points, decimals: 2) }, rulePoints: scored.map { Ratio.text($0.rulePoints, decimals: 2) },
                                    met: scored?.met, isOverride: scored?.isOverride, formula: scored.map { $0.arithmetic.formula(points: $0.rulePoints) },
                                    words: scored.map { ScoreWords.explain(row, $0, t, rules: rules ?? .standard) })
        }
        reassignments = e.groupReassignments.map(ReassignmentDTO.init)
        findings = d.evaluated.findings.map { QualityFindingDTO(kind: ScoreWords.kind($0), row: ScoreWords.row($0), text: ScoreWords.finding($0, rows: d.rows, t)) }
        demands = d.evaluated.demands(e, rows: d.rows).map { DemandDTO(field: $0.field, message: t($0.message)) }
        history = d.history.map { TaskDTO.History(action: $0.action, from: $0.from_state, to: $0.to_state, late: $0.late, actor: $0.actor_name, opinion: $0.opinion, at: $0.occurred_at) }
    }
}

struct EvaluationSaveRequest: Content {
    var lockVersion: Int
    var fullYearBudgetWanYuan: String?, executedWanYuan: String?, narrative: String?
    var rows: [EvaluationRowDTO]?
    var reassignments: [ReassignmentDTO]?

    func input() throws -> EvaluationInput {
        EvaluationInput(lockVersion: lockVersion, fullYearBudget: fullYearBudgetWanYuan, executed: executedWanYuan, narrative: narrative,
                        rows: rows.map { $0.map(\.input) }, reassignments: try reassignments.map { try $0.enumerated().map { try $0.element.reassignment($0.offset) } })
    }
}

enum SelfEvaluationAPI: OpenAPIVocabulary {
    static var schemas: [(String, JSONValue)] {
        let rules = object([("budgetWeight", decimalText), ("overAchievementPercent", decimalText), ("lateSharePercent", decimalText),
                            ("lateGraceMonths", ["type": "integer", "minimum": 0, "maximum": 12]), ("executionDivisor", values(ExecutionDivisor.self))],
                           required: ["budgetWeight", "overAchievementPercent", "lateSharePercent", "lateGraceMonths", "executionDivisor"])
        let year = object([("id", uuid), ("organizationID", uuid), ("fiscalYear", integer), ("deadline", ["type": "string", "format": "date"]),
                           ("state", values(MonitoringRoundState.self)), ("evaluationCount", integer), ("rulesVersion", integer), ("rules", ref("ScoringRules")),
                           ("lockVersion", integer), ("createdBy", string), ("createdAt", string), ("closedAt", nullableString),
                           ("jobID", ["type": ["string", "null"], "format": "uuid"])],
                          required: ["id", "fiscalYear", "deadline", "state", "evaluationCount", "lockVersion"])
        let summary = object([("id", uuid), ("yearID", uuid), ("objectID", uuid), ("code", string), ("name", string), ("kind", values(BudgetObjectKind.self)),
                              ("isSummary", boolean), ("regionID", ["type": ["string", "null"], "format": "uuid"]), ("assignee", string),
                              ("state", values(MonitoringTaskState.self)), ("late", boolean), ("stopped", nullableString), ("total", nullable(decimalText)),
                              ("grade", nullable(values(ScoreGrade.self))), ("findings", integer), ("fullYearBudgetWanYuan", decimalText),
                              ("executedWanYuan", nullable(decimalText)), ("lockVersion", integer)],
                             required: ["id", "code", "state", "findings", "lockVersion"])
        let row = object([("indicatorID", uuid), ("category", nullableString), ("subcategory", nullableString), ("name", nullableString), ("target", nullableString),
                          ("weight", nullable(decimalText)), ("effectiveWeight", nullableString), ("actual", nullable(shortText)),
                          ("band", nullable(values(QualitativeBand.self))), ("bandPoints", nullable(decimalText)), ("notApplicable", boolean),
                          ("notApplicableReason", nullableString), ("overCause", nullable(values(OverCauseKey.self))), ("chosenPoints", nullable(decimalText)),
                          ("chosenReason", nullableString), ("overridePoints", nullable(decimalText)), ("overrideReason", nullableString),
                          ("explanation", ["type": ["string", "null"], "maxLength": .int(InputLimits.note)]), ("lastForecast", nullableString),
                          ("printedPoints", nullableString), ("points", nullableString), ("rulePoints", nullableString), ("met", ["type": ["boolean", "null"]]),
                          ("isOverride", ["type": ["boolean", "null"]]), ("formula", nullableString), ("words", nullableString)],
                         required: ["indicatorID"])
        let reassignment = object([("from", values(IndicatorCategory.self)),
                                   ("to", ["type": "array", "items": object([("category", values(IndicatorCategory.self)), ("weight", decimalText)],
                                                                            required: ["category", "weight"])]),
                                   ("reason", ["type": "string", "maxLength": .int(InputLimits.note)])], required: ["from", "to", "reason"])
        return [
            ("ScoringRules", rules),
            ("ScoringRulesInForce", object([("fiscalYear", integer), ("version", integer), ("rules", ref("ScoringRules"))], required: ["fiscalYear", "version", "rules"])),
            ("SelfEvaluationYear", year),
            ("SelfEvaluationYears", object([("items", ["type": "array", "items": ref("SelfEvaluationYear")])], required: ["items"])),
            ("SelfEvaluationYearCreate", object([("fiscalYear", self.year), ("deadline", ["type": "string", "format": "date"])], required: ["fiscalYear", "deadline"])),
            ("SelfEvaluationYearClose", object([("lockVersion", integer), ("confirm", ["type": "boolean", "description": "must be true: closing cannot be undone"])],
                                               required: ["lockVersion", "confirm"])),
            ("SelfEvaluationSummary", summary),
            ("SelfEvaluationPage", object([("page", integer), ("per", integer), ("total", integer), ("items", ["type": "array", "items": ref("SelfEvaluationSummary")])],
                                          required: ["page", "per", "total", "items"])),
            ("SelfEvaluationRow", row),
            ("SelfEvaluationImportResult", object([("forms", integer), ("withFindings", integer), ("findings", integer)], required: ["forms", "withFindings", "findings"])),
            ("SelfEvaluationCheckResult", object([("forms", integer), ("rows", integer), ("corrected", integer), ("unscorable", integer), ("notFilledIn", integer),
                                                  ("withFindings", integer), ("findingsByRule", ["type": "object", "additionalProperties": integer])],
                                                 required: ["forms", "rows", "corrected", "unscorable", "notFilledIn", "withFindings", "findingsByRule"])),
            ("GroupReassignment", reassignment),
            ("SelfEvaluation", object([("id", uuid), ("yearID", uuid), ("fiscalYear", integer), ("objectID", uuid), ("code", string), ("name", string),
                                       ("state", values(MonitoringTaskState.self)), ("stopped", nullableString), ("source", string), ("lockVersion", integer),
                                       ("annualGoal", string), ("narrative", string), ("initialBudgetWanYuan", decimalText), ("fullYearBudgetWanYuan", decimalText),
                                       ("executedWanYuan", nullable(decimalText)), ("executionRate", nullableString), ("budgetWeight", decimalText),
                                       ("budgetPoints", nullableString), ("budgetWords", nullableString), ("monitoringPeriod", nullableString),
                                       ("monitoringSpentWanYuan", nullable(decimalText)), ("monitoringForecastWanYuan", nullable(decimalText)),
                                       ("rulesVersion", integer), ("rules", ref("ScoringRules")), ("total", nullableString), ("grade", nullable(values(ScoreGrade.self))),
                                       ("rows", ["type": "array", "items": ref("SelfEvaluationRow")]),
                                       ("reassignments", ["type": "array", "items": ref("GroupReassignment")]),
                                       ("findings", ["type": "array", "items": object([("kind", string), ("row", ["type": ["integer", "null"]]), ("text", string)],
                                                                                        required: ["kind", "text"])]),
                                       ("demands", ["type": "array", "items": object([("field", nullableString), ("message", string)], required: ["message"])])],
                                      required: ["id", "code", "state", "lockVersion", "rows", "findings", "demands"])),
            ("SelfEvaluationSave", object([("lockVersion", integer), ("fullYearBudgetWanYuan", decimalText), ("executedWanYuan", decimalText),
                                           ("narrative", longText), ("rows", ["type": "array", "maxItems": .int(InputLimits.indicatorsPerGoal), "items": ref("SelfEvaluationRow")]),
                                           ("reassignments", ["type": "array", "maxItems": 4, "items": ref("GroupReassignment")])],
                                          required: ["lockVersion"])),
            ("SelfEvaluationTransition", object([("action", ["type": "string", "enum": ["submit", "department_confirm", "department_return", "finance_confirm", "finance_return"]]),
                                                 ("lockVersion", integer), ("opinion", longText)], required: ["action", "lockVersion"])),
        ]
    }

    static let endpoints: [APIEndpoint] = [
        APIEndpoint(method: .GET, path: ["self-evaluation", "rules"], operationID: "getScoringRules",
                    summary: "The scoring rules in force for a fiscal year at the caller's organisation (the nearest bureau's newest version, else the policy's)",
                    tag: "self-evaluation",
                    query: [.init(name: "year", location: "query", type: "integer", description: "Fiscal year (default: last year)", schema: year)],
                    responseSchema: "ScoringRulesInForce", handler: getRules),
        APIEndpoint(method: .PUT, path: ["self-evaluation", "rules"], operationID: "saveScoringRules",
                    summary: "Save a new version of the caller's bureau's scoring rules for a fiscal year; years already opened keep theirs",
                    tag: "self-evaluation",
                    query: [.init(name: "year", location: "query", type: "integer", description: "Fiscal year (default: last year)", schema: year)],
                    requestSchema: "ScoringRules", responseSchema: "ScoringRulesInForce", handler: saveRules),
        APIEndpoint(method: .GET, path: ["self-evaluation", "years"], operationID: "listSelfEvaluationYears",
                    summary: "Self-evaluation years the caller opened or evaluates in", tag: "self-evaluation",
                    query: [.init(name: "year", location: "query", type: "integer", description: "Only this fiscal year", schema: year)],
                    responseSchema: "SelfEvaluationYears", handler: listYears),
        APIEndpoint(method: .POST, path: ["self-evaluation", "years"], operationID: "openSelfEvaluationYear",
                    summary: "Open the self-evaluation of a fiscal year for the caller's area; a job makes one form per released object (state opening → open)",
                    tag: "self-evaluation", requestSchema: "SelfEvaluationYearCreate", successStatus: 201, responseSchema: "SelfEvaluationYear", handler: openYear),
        APIEndpoint(method: .GET, path: ["self-evaluation", "years", ":id"], operationID: "getSelfEvaluationYear",
                    summary: "A self-evaluation year", tag: "self-evaluation", responseSchema: "SelfEvaluationYear", handler: getYear),
        APIEndpoint(method: .POST, path: ["self-evaluation", "years", ":id", "close"], operationID: "closeSelfEvaluationYear",
                    summary: "Close a year: nothing more is filled in or reviewed", tag: "self-evaluation",
                    requestSchema: "SelfEvaluationYearClose", responseSchema: "SelfEvaluationYear", handler: closeYear),
        APIEndpoint(method: .GET, path: ["self-evaluation", "years", ":id", "evaluations"], operationID: "listSelfEvaluations",
                    summary: "Self-evaluations of a year within the caller's reach, by object code", tag: "self-evaluation",
                    query: [.init(name: "state", location: "query", type: "string", description: "Only this state", schema: values(MonitoringTaskState.self)),
                            .init(name: "grade", location: "query", type: "string", description: "Only this grade", schema: values(ScoreGrade.self)),
                            .init(name: "findings", location: "query", type: "boolean", description: "Only those with quality findings", schema: boolean),
                            .init(name: "page", location: "query", type: "integer", description: "Page number from 1", schema: ["type": "integer", "minimum": 1]),
                            .init(name: "per", location: "query", type: "integer", description: "Items per page (default 100, at most 1000)",
                                  schema: ["type": "integer", "minimum": 1, "maximum": 1000])],
                    responseSchema: "SelfEvaluationPage", handler: listEvaluations),
        APIEndpoint(method: .POST, path: ["self-evaluation", "years", ":id", "import"], operationID: "importSelfEvaluations",
                    summary: "Import 自评表 from .xlsx or .csv as units published them (standard layout and provincial variants, several forms per file); printed points, rate and total kept beside the computed ones, differences as findings; all forms or none, errors by sheet, row and column",
                    tag: "self-evaluation",
                    query: [.init(name: "Prefer", location: "header", type: "string", description: "respond-async: answer 202 at once with the job's id; follow it at its Location, GET /api/v1/jobs/{id}")],
                    requestSchema: "file", requestMediaType: "application/octet-stream", responseSchema: "SelfEvaluationImportResult",
                    otherResponses: [(202, "Accepted (Prefer: respond-async): the job that imports the file", "JobAccepted")],
                    bodyLimit: "24mb", handler: importForms),
        APIEndpoint(method: .POST, path: ["self-evaluation", "years", ":id", "check"], operationID: "checkSelfEvaluationYear",
                    summary: "自评质量检查 of the whole year: every form scored again by the rules it keeps and checked; stored scores, findings and row points that differ are corrected; the year's findings counted by rule (a job)",
                    tag: "self-evaluation",
                    query: [.init(name: "Prefer", location: "header", type: "string", description: "respond-async: answer 202 at once with the job's id; follow it at its Location, GET /api/v1/jobs/{id}")],
                    responseSchema: "SelfEvaluationCheckResult",
                    otherResponses: [(202, "Accepted (Prefer: respond-async): the job that checks the year", "JobAccepted")], handler: checkYear),
        APIEndpoint(method: .GET, path: ["self-evaluations", ":id"], operationID: "getSelfEvaluation",
                    summary: "A self-evaluation: money and execution rate, each indicator's actual, points, formula and the words that explain them, quality findings, what is still missing",
                    tag: "self-evaluation", responseSchema: "SelfEvaluation", handler: getEvaluation),
        APIEndpoint(method: .PUT, path: ["self-evaluations", ":id"], operationID: "saveSelfEvaluation",
                    summary: "Save the unit's figures, actuals and explanations (lockVersion guards concurrent edits); scored again by the rules it keeps",
                    tag: "self-evaluation", requestSchema: "SelfEvaluationSave", responseSchema: "SelfEvaluation", handler: saveEvaluation),
        APIEndpoint(method: .POST, path: ["self-evaluations", ":id", "transitions"], operationID: "transitionSelfEvaluation",
                    summary: "Submit, confirm or return a self-evaluation", tag: "self-evaluation",
                    requestSchema: "SelfEvaluationTransition", responseSchema: "SelfEvaluation", handler: transition),
    ]

    private static func id(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound() }
        return id
    }

    /// Self-evaluation looks back: by default at the year that ended last (Beijing time).
    private static func fiscalYear(_ req: Request) throws -> Int {
        let year = try StrictValues.integer(req, "year") ?? CalendarDay(chinaDay: try req.caller().now).year - 1
        guard (2000...2100).contains(year) else { throw AppError.invalid("year", Message(.errorEvaluationYearRange)) }
        return year
    }

    @Sendable static func getRules(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        guard Authorization.mayEver(user.actor, .viewBudget) else { throw AppError.forbidden() }
        let year = try fiscalYear(req)
        let inForce = try await ScoringRuleStore.inForce(at: user.organizationPath, fiscalYear: year, on: req.db)
        return try .json(ScoringRulesInForceDTO(fiscalYear: year, version: inForce.version, rules: ScoringRulesDTO(inForce.rules)))
    }

    @Sendable static func saveRules(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        let rules = try req.content.decode(ScoringRulesDTO.self).ruleSet()
        let year = try fiscalYear(req)
        guard let bureau = try await OrganizationModel.find(user.organizationID, on: req.db) else { throw AppError.notFound() }
        let version = try await ScoringRuleStore.save(rules, fiscalYear: year, for: bureau, by: try req.caller(), on: req.db)
        return try .json(ScoringRulesInForceDTO(fiscalYear: year, version: version, rules: ScoringRulesDTO(rules)))
    }

    @Sendable static func listYears(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        guard Authorization.mayEver(user.actor, .viewBudget) else { throw AppError.forbidden() }
        let years = try await SelfEvaluationQueries.years(fiscalYear: try StrictValues.integer(req, "year"), for: user, on: req.db)
        return try .json(EvaluationYearListDTO(items: years.map(EvaluationYearDTO.init)))
    }

    @Sendable static func openYear(req: Request) async throws -> Response {
        let body = try req.content.decode(EvaluationYearCreateRequest.self)
        guard let deadline = CalendarDay(isoDate: body.deadline.trimmed) else {
            throw AppError.invalid("deadline", Message(.errorBadRequest("deadline: YYYY-MM-DD")))
        }
        let id = try await SelfEvaluationYears.create(fiscalYear: body.fiscalYear, deadline: deadline, by: try req.caller(), on: req.db, ringing: req.application)
        guard let year = try await EvaluationYearRow.find(id, on: req.db) else { throw AppError.notFound() }
        return try .json(EvaluationYearDTO(year), status: .created)
    }

    @Sendable static func getYear(req: Request) async throws -> Response {
        try .json(EvaluationYearDTO(try await SelfEvaluationQueries.year(try id(req), by: try req.caller(), on: req.db)))
    }

    @Sendable static func closeYear(req: Request) async throws -> Response {
        let body = try req.content.decode(EvaluationYearCloseRequest.self)
        try await SelfEvaluationYears.close(try id(req), lockVersion: body.lockVersion, confirmed: body.confirm == true, by: try req.caller(), on: req.db)
        return try .json(EvaluationYearDTO(try await SelfEvaluationQueries.year(try id(req), by: try req.caller(), on: req.db)))
    }

    @Sendable static func listEvaluations(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        let year = try await SelfEvaluationQueries.year(try id(req), by: try req.caller(), on: req.db)
        let (page, per) = APIRoutes.paging(ListQuery(page: try StrictValues.integer(req, "page"), per: try StrictValues.integer(req, "per")))
        var filter = EvaluationFilter(yearID: year.id)
        filter.state = try StrictValues.parse(req.query[String.self, at: "state"], field: "state", as: MonitoringTaskState.self)
        filter.grade = try StrictValues.parse(req.query[String.self, at: "grade"], field: "grade", as: ScoreGrade.self)
        filter.withFindings = req.query[String.self, at: "findings"] == "true"
        filter.offset = (page - 1) * per
        filter.limit = per
        let (rows, total) = try await SelfEvaluationQueries.evaluations(filter, for: user, on: req.db)
        return try .json(EvaluationPageDTO(page: page, per: per, total: total, items: rows.map(EvaluationSummaryDTO.init)))
    }

    /// Runs the import as a job and waits for it, or with `Prefer: respond-async` answers 202 with the job at once.
    @Sendable static func importForms(req: Request) async throws -> Response {
        guard let body = req.body.data else { throw AppError(.unprocessableEntity, "csv_empty", Message(.errorCSVEmpty)) }
        let job = try await SelfEvaluationImport.start(body, fileName: req.headers.contentDisposition?.filename ?? "api-upload", year: try id(req),
                                                       by: try req.caller(), on: req.db, ringing: req.application)
        return try await JobsAPI.answer(job, req) { ended in
            try .json(ended.result(as: SelfEvaluationImport.Outcome.self) ?? SelfEvaluationImport.Outcome(forms: 0, withFindings: 0, findings: 0))
        }
    }

    /// Runs the year's check as a job and waits for it, or with `Prefer: respond-async` answers 202 with the job at once.
    @Sendable static func checkYear(req: Request) async throws -> Response {
        let job = try await SelfEvaluationYearCheck.start(year: try id(req), by: try req.caller(), on: req.db, ringing: req.application)
        return try await JobsAPI.answer(job, req) { ended in
            try .json(ended.result(as: SelfEvaluationYearCheck.Outcome.self) ?? SelfEvaluationYearCheck.Outcome())
        }
    }

    @Sendable static func getEvaluation(req: Request) async throws -> Response {
        try .json(EvaluationDTO(try await SelfEvaluationForms.load(try id(req), by: try req.caller(), on: req.db), req.localizer))
    }

    @Sendable static func saveEvaluation(req: Request) async throws -> Response {
        let body = try req.content.decode(EvaluationSaveRequest.self)
        return try .json(EvaluationDTO(try await SelfEvaluationForms.save(try id(req), try body.input(), by: try req.caller(), on: req.db), req.localizer))
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
        return try .json(EvaluationDTO(try await SelfEvaluationForms.apply(action, to: try id(req), lockVersion: body.lockVersion, by: try req.caller(), on: req.db),
                                       req.localizer))
    }
}
