import Fluent
import Foundation
import Vapor
import JixiaoDomain

struct KeyCandidateDTO: Content {
    var objectID: UUID, code: String, name: String, kind: String, owner: String, department: String?, region: String
    var amountWanYuan: String, reasons: [String], evaluationID: UUID?
}

struct KeyCoverageDTO: Content {
    var name: String, spendingWanYuan: String, evaluatedWanYuan: String, evaluatedCount: Int, objectCount: Int
    var percent: String?, targetPercent: String, meetsTarget: Bool, shortfallWanYuan: String
}

struct KeyCandidatesDTO: Content {
    var fiscalYear: Int
    var candidates: [KeyCandidateDTO]
    var departments: [KeyCoverageDTO]
    var regions: [KeyCoverageDTO]
}

struct KeyChooseRequest: Content { var fiscalYear: Int; var objectIDs: [UUID]; var reason: String; var together: Bool? }
struct KeyChosenDTO: Content { var evaluationIDs: [UUID] }

struct KeyIndicatorDTO: Content {
    var id: UUID, level1: String, level2: String, level3: String, weight: String, criteria: String, target: String?, actual: String?
    var points: String?, method: String?, scorers: Int?, spread: String?, needsDiscussion: Bool?
}

struct KeyMemberDTO: Content { var userID: UUID, name: String, organization: String, role: String, submittedAt: Date? }
struct KeyScoreDTO: Content { var indicatorID: UUID, userID: UUID, points: String, comment: String }
struct KeyEvidenceDTO: Content { var id: UUID, indicatorID: UUID, userID: UUID, fileName: String, kind: String, bytes: Int, uploadedAt: Date, download: String }

struct KeyEvaluationDTO: Content {
    var id: UUID, fiscalYear: Int, title: String, state: String, frameworkKind: String, lockVersion: Int
    var evaluatorKind: String, agencyID: UUID?, basis: String, methods: [String], milestones: [Milestone], dataToCollect: String
    var objects: [KeyObjectDTO]
    var indicators: [KeyIndicatorDTO]
    var members: [KeyMemberDTO]
    /// Individual scores the caller may see (their own until they submitted; everyone's after).
    var scores: [KeyScoreDTO]
    /// Attached files the caller may read, with their download addresses.
    var evidence: [KeyEvidenceDTO]
    var total: String?, grade: String?
    var trimFrom: Int, spreadPercent: String
}

struct KeyObjectDTO: Content { var objectID: UUID, code: String, name: String, kind: String, amountWanYuan: String, reasons: [String], choiceReason: String }

struct KeyScoresRequest: Content {
    struct Entry: Content { var indicatorID: UUID; var points: String?; var comment: String? }
    var scores: [Entry]
    var submit: Bool?
}

/// 重点评价 in `/api/v1`: the candidates with coverage, choosing, the evaluations within reach, and a member's scores.
enum KeyEvaluationAPI: OpenAPIVocabulary {
    static var schemas: [(String, JSONValue)] {
        let coverage = object([("name", string), ("spendingWanYuan", decimalText), ("evaluatedWanYuan", decimalText), ("evaluatedCount", integer),
                               ("objectCount", integer), ("percent", nullableString), ("targetPercent", decimalText), ("meetsTarget", boolean),
                               ("shortfallWanYuan", decimalText)], required: ["name", "spendingWanYuan", "evaluatedWanYuan", "meetsTarget"])
        let candidate = object([("objectID", uuid), ("code", string), ("name", string), ("kind", values(BudgetObjectKind.self)), ("owner", string),
                                ("department", nullableString), ("region", string), ("amountWanYuan", decimalText),
                                ("reasons", ["type": "array", "items": values(SelectionReason.self)]), ("evaluationID", ["type": ["string", "null"], "format": "uuid"])],
                               required: ["objectID", "code", "name", "kind", "amountWanYuan", "reasons"])
        let indicator = object([("id", uuid), ("level1", string), ("level2", string), ("level3", string), ("weight", decimalText), ("criteria", string),
                                ("target", nullableString), ("actual", nullableString), ("points", nullableString),
                                ("method", nullable(values(AggregationMethod.self))), ("scorers", ["type": ["integer", "null"]]),
                                ("spread", nullableString), ("needsDiscussion", ["type": ["boolean", "null"]])],
                               required: ["id", "level1", "level2", "level3", "weight", "criteria"])
        return [
            ("KeyCoverage", coverage),
            ("KeyCandidate", candidate),
            ("KeyCandidates", object([("fiscalYear", year), ("candidates", ["type": "array", "items": ref("KeyCandidate")]),
                                      ("departments", ["type": "array", "items": ref("KeyCoverage")]), ("regions", ["type": "array", "items": ref("KeyCoverage")])],
                                     required: ["fiscalYear", "candidates", "departments", "regions"])),
            ("KeyChoose", object([("fiscalYear", year), ("objectIDs", ["type": "array", "minItems": 1, "items": uuid]),
                                  ("reason", ["type": "string", "minLength": 1, "maxLength": .int(InputLimits.longText)]), ("together", boolean)],
                                 required: ["fiscalYear", "objectIDs", "reason"])),
            ("KeyChosen", object([("evaluationIDs", ["type": "array", "items": uuid])], required: ["evaluationIDs"])),
            ("KeyIndicator", indicator),
            ("KeyEvaluation", object([
                ("id", uuid), ("fiscalYear", year), ("title", string), ("state", values(KeyEvaluationState.self)), ("frameworkKind", values(FrameworkKind.self)),
                ("lockVersion", integer), ("evaluatorKind", values(EvaluatorKind.self)), ("agencyID", ["type": ["string", "null"], "format": "uuid"]),
                ("basis", string), ("methods", ["type": "array", "items": values(EvaluationMethod.self)]),
                ("milestones", ["type": "array", "items": object([("name", string), ("due", ["type": "string", "format": "date"])], required: ["name", "due"])]),
                ("dataToCollect", string),
                ("objects", ["type": "array", "items": object([("objectID", uuid), ("code", string), ("name", string), ("kind", values(BudgetObjectKind.self)),
                                                                ("amountWanYuan", decimalText), ("reasons", ["type": "array", "items": values(SelectionReason.self)]),
                                                                ("choiceReason", string)], required: ["objectID", "code", "reasons"])]),
                ("indicators", ["type": "array", "items": ref("KeyIndicator")]),
                ("members", ["type": "array", "items": object([("userID", uuid), ("name", string), ("organization", string), ("role", values(TeamRole.self)),
                                                                ("submittedAt", ["type": ["string", "null"], "format": "date-time"])], required: ["userID", "role"])]),
                ("scores", ["type": "array", "items": object([("indicatorID", uuid), ("userID", uuid), ("points", decimalText), ("comment", string)],
                                                              required: ["indicatorID", "userID", "points"])]),
                ("evidence", ["type": "array", "items": object([("id", uuid), ("indicatorID", uuid), ("userID", uuid), ("fileName", string),
                                                                ("kind", values(EvidenceKind.self)), ("bytes", integer),
                                                                ("uploadedAt", ["type": "string", "format": "date-time"]), ("download", string)],
                                                               required: ["id", "indicatorID", "userID", "fileName", "kind", "download"])]),
                ("total", nullableString), ("grade", nullable(values(ScoreGrade.self))), ("trimFrom", integer), ("spreadPercent", decimalText),
            ], required: ["id", "fiscalYear", "title", "state", "indicators", "members", "scores"])),
            ("KeyEvaluationList", object([("evaluations", ["type": "array", "items": object([("id", uuid), ("fiscalYear", year), ("title", string),
                                                                                              ("state", values(KeyEvaluationState.self)), ("runBy", string),
                                                                                              ("agency", nullableString), ("objects", integer)],
                                                                                             required: ["id", "fiscalYear", "title", "state"])])],
                                         required: ["evaluations"])),
            ("KeyScores", object([("scores", ["type": "array", "maxItems": .int(InputLimits.indicatorsPerGoal),
                                              "items": object([("indicatorID", uuid), ("points", nullableString), ("comment", longText)], required: ["indicatorID"])]),
                                  ("submit", boolean)], required: ["scores"])),
        ]
    }

    static let endpoints: [APIEndpoint] = [
        APIEndpoint(method: .GET, path: ["key-evaluations", "candidates"], operationID: "listKeyEvaluationCandidates",
                    summary: "The released objects of a fiscal year in the caller's area that meet a key-evaluation rule, with the rules met, and the coverage by department and region (§3.9 targets)",
                    tag: "key-evaluation", query: [.init(name: "year", location: "query", type: "integer", description: "fiscal year", schema: year)],
                    responseSchema: "KeyCandidates", handler: candidates),
        APIEndpoint(method: .POST, path: ["key-evaluations"], operationID: "chooseKeyEvaluations",
                    summary: "Choose objects for key evaluation with a reason: one evaluation each, or one for all (objects of one policy); each starts with the proposed plan, the framework with the object's goal pulled in and the caller as leader",
                    tag: "key-evaluation", requestSchema: "KeyChoose", successStatus: 201, responseSchema: "KeyChosen", handler: choose),
        APIEndpoint(method: .GET, path: ["key-evaluations"], operationID: "listKeyEvaluations",
                    summary: "The key evaluations the caller reaches: those of the organisations in reach, and those the caller is on the team of",
                    tag: "key-evaluation", query: [.init(name: "year", location: "query", type: "integer", description: "fiscal year", schema: year)],
                    responseSchema: "KeyEvaluationList", handler: list),
        APIEndpoint(method: .GET, path: ["key-evaluations", ":id"], operationID: "getKeyEvaluation",
                    summary: "A key evaluation: plan, objects, framework with each indicator's result (to runners and to members who submitted), team and the scores the caller may see",
                    tag: "key-evaluation", responseSchema: "KeyEvaluation", handler: get),
        APIEndpoint(method: .PUT, path: ["key-evaluations", ":id", "scores"], operationID: "saveKeyEvaluationScores",
                    summary: "Save the caller's own scores as a team member (a draft may leave indicators open); submit makes them final and needs every indicator scored and every deduction explained",
                    tag: "key-evaluation", requestSchema: "KeyScores", responseSchema: "KeyEvaluation", handler: saveScores),
        APIEndpoint(method: .POST, path: ["key-evaluations", ":id", "evidence"], operationID: "attachKeyEvaluationEvidence",
                    summary: "Attach a file (PDF, PNG, JPG, Word, Excel, PowerPoint; at most 20 MB, its kind read from its content) to the caller's score of one indicator; the body is the file, its name in Content-Disposition",
                    tag: "key-evaluation",
                    query: [.init(name: "indicator", location: "query", type: "string", description: "the indicator's id", schema: ["type": "string", "format": "uuid"])],
                    requestSchema: "file", requestMediaType: "application/octet-stream", successStatus: 201, responseSchema: "KeyEvaluation",
                    bodyLimit: ByteCount(value: EvidenceFiles.maximumBytes), handler: attachEvidence),
        APIEndpoint(method: .GET, path: ["key-evaluations", ":id", "report.docx"], operationID: "getKeyEvaluationReport",
                    summary: "The evaluation report as a Word document (.docx) in the policy's outline, to whoever may read the results",
                    tag: "key-evaluation", handler: reportDocx),
        APIEndpoint(method: .GET, path: ["key-evaluations", ":id", "evidence", ":file"], operationID: "getKeyEvaluationEvidence",
                    summary: "Download an attached file the caller may read (an attachment with the type of the kind recognised on upload)",
                    tag: "key-evaluation", handler: evidenceFile),
    ]

    private static func uuid(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound() }
        return id
    }

    private static func year(_ req: Request) throws -> Int {
        guard let text = req.query[String.self, at: "year"], let year = Int(text), BudgetObjectRules.fiscalYears.contains(year) else {
            throw AppError.invalid("year", Message(.errorEvaluationYearRange))
        }
        return year
    }

    @Sendable static func candidates(req: Request) async throws -> Response {
        let model = try await KeyEvaluationCandidatesModel.load(year: try year(req), by: try req.caller(), on: req.db)
        func line(_ id: UUID, _ line: CoverageLine) -> KeyCoverageDTO {
            KeyCoverageDTO(name: model.names[id] ?? "", spendingWanYuan: line.spending.wanYuanText, evaluatedWanYuan: line.evaluated.wanYuanText,
                           evaluatedCount: line.evaluatedCount, objectCount: line.objectCount, percent: line.percent.map { Ratio.text($0, decimals: 2) },
                           targetPercent: line.targetPercent.storedText, meetsTarget: line.meetsTarget, shortfallWanYuan: line.shortfall.wanYuanText)
        }
        return try .json(KeyCandidatesDTO(
            fiscalYear: model.year,
            candidates: model.candidates.map { c in
                KeyCandidateDTO(objectID: c.objectID, code: c.code, name: c.name, kind: c.kind.rawValue, owner: c.ownerName, department: c.departmentName,
                                region: c.regionName, amountWanYuan: c.amount.wanYuanText, reasons: c.reasons.map(\.rawValue), evaluationID: c.evaluationID)
            },
            departments: model.coverage.departments.map { line($0.key, $0.value) }.sorted { $0.name < $1.name },
            regions: model.coverage.regions.map { line($0.key, $0.value) }.sorted { $0.name < $1.name }))
    }

    @Sendable static func choose(req: Request) async throws -> Response {
        let body = try req.content.decode(KeyChooseRequest.self)
        guard BudgetObjectRules.fiscalYears.contains(body.fiscalYear) else { throw AppError.invalid("fiscalYear", Message(.errorEvaluationYearRange)) }
        let ids = try await KeyEvaluations.choose(fiscalYear: body.fiscalYear, objectIDs: body.objectIDs, reason: body.reason, together: body.together ?? false,
                                                  by: try req.caller(), on: req.db)
        return try .json(KeyChosenDTO(evaluationIDs: ids), status: .created)
    }

    @Sendable static func list(req: Request) async throws -> Response {
        struct Item: Content { var id: UUID, fiscalYear: Int, title: String, state: String, runBy: String, agency: String?, objects: Int }
        struct List: Content { var evaluations: [Item] }
        let text = req.query[String.self, at: "year"]
        let year = try text.map { _ in try Self.year(req) }
        let rows = try await KeyEvaluationSummary.list(fiscalYear: year, by: try req.caller(), on: req.db)
        return try .json(List(evaluations: rows.map { Item(id: $0.id, fiscalYear: $0.fiscal_year, title: $0.title, state: $0.state, runBy: $0.organization_name,
                                                            agency: $0.agency_name, objects: $0.object_count) }))
    }

    @Sendable static func get(req: Request) async throws -> Response {
        try .json(try await dto(try uuid(req), req))
    }

    static func dto(_ id: UUID, _ req: Request) async throws -> KeyEvaluationDTO {
        let model = try await KeyEvaluationPageModel.load(id, by: try req.caller(), on: req.db)
        let evaluation = model.evaluation, plan = model.plan
        let complete = !model.indicators.isEmpty && model.indicators.allSatisfy { model.results[$0.id!] != nil }
        let total = complete ? TeamScoring.total(model.indicators.compactMap { model.results[$0.id!] }) : nil
        let submitted = Set(model.members.filter { $0.submittedAt != nil }.map(\.userID))
        let me = try req.caller().person().userID
        return KeyEvaluationDTO(
            id: id, fiscalYear: evaluation.fiscalYear, title: evaluation.title, state: evaluation.state, frameworkKind: evaluation.frameworkKind,
            lockVersion: evaluation.lockVersion, evaluatorKind: plan.evaluatorKind.rawValue, agencyID: plan.agencyID, basis: plan.basis,
            methods: plan.methods.map(\.rawValue), milestones: plan.milestones, dataToCollect: plan.dataToCollect,
            objects: model.objects.map { KeyObjectDTO(objectID: $0.budgetObjectID, code: $0.objectCode, name: $0.objectName, kind: $0.objectKind,
                                                      amountWanYuan: Money(fen: $0.amountFen).wanYuanText, reasons: $0.reasons.map(\.rawValue),
                                                      choiceReason: $0.choiceReason) },
            indicators: model.indicators.map { row in
                let result = model.results[row.id!]
                return KeyIndicatorDTO(id: row.id!, level1: row.level1, level2: row.level2, level3: row.level3, weight: row.weightText, criteria: row.criteria,
                                       target: row.target, actual: row.actual, points: result.map { $0.points.storedText }, method: result?.method.rawValue,
                                       scorers: result?.scorerCount, spread: result.map { $0.spread.storedText }, needsDiscussion: result?.needsDiscussion)
            },
            members: model.members.map { KeyMemberDTO(userID: $0.userID, name: $0.userName, organization: $0.organizationName, role: $0.role, submittedAt: $0.submittedAt) },
            scores: model.visibleScores.filter { submitted.contains($0.userID) || $0.userID == me }
                .map { KeyScoreDTO(indicatorID: $0.indicatorID, userID: $0.userID, points: $0.pointsText, comment: $0.comment) },
            evidence: model.evidence.map { KeyEvidenceDTO(id: $0.id, indicatorID: $0.indicator_id, userID: $0.user_id, fileName: $0.file_name, kind: $0.kind,
                                                          bytes: $0.byte_count, uploadedAt: $0.uploaded_at,
                                                          download: "/api/v1/key-evaluations/\(id)/evidence/\($0.id)") },
            total: total.map { $0.total.storedText }, grade: total?.grade.rawValue,
            trimFrom: model.rules.trimFrom, spreadPercent: model.rules.spreadPercent.storedText)
    }

    @Sendable static func saveScores(req: Request) async throws -> Response {
        let body = try req.content.decode(KeyScoresRequest.self)
        let id = try uuid(req)
        guard body.scores.count <= InputLimits.indicatorsPerGoal else {
            throw AppError.invalid("scores", Message(.errorTooMany(String(InputLimits.indicatorsPerGoal), String(body.scores.count))))
        }
        try await KeyEvaluations.saveScores(id, entries: body.scores.map { .init(indicatorID: $0.indicatorID, points: $0.points, comment: $0.comment ?? "") },
                                            submit: body.submit ?? false, by: try req.caller(), on: req.db)
        return try .json(try await dto(id, req))
    }

    @Sendable static func attachEvidence(req: Request) async throws -> Response {
        let id = try uuid(req)
        guard let text = req.query[String.self, at: "indicator"], let indicator = UUID(uuidString: text) else {
            throw AppError.invalid("indicator", Message(.errorKeyEvaluationUnknownIndicator))
        }
        let data = req.body.data.map { Data(buffer: $0) } ?? Data()
        _ = try await KeyEvaluations.attachEvidence(id, indicatorID: indicator, fileName: req.headers.contentDisposition?.filename ?? "", data: data,
                                                    by: try req.caller(), on: req.db)
        return try .json(try await dto(id, req), status: .created)
    }

    @Sendable static func reportDocx(req: Request) async throws -> Response {
        try await KeyEvaluationReport.docx(try uuid(req), by: try req.caller(), on: req.db).response
    }

    @Sendable static func evidenceFile(req: Request) async throws -> Response {
        guard let file = req.parameters.get("file", as: UUID.self) else { throw AppError.notFound() }
        return try await KeyEvaluations.evidenceFile(try uuid(req), evidenceID: file, by: try req.caller(), on: req.db).response
    }
}
