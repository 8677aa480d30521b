import Fluent
import Foundation
import Vapor
import JixiaoDomain

struct SampleCreateRequest: Content {
    var countPercent: String?, amountPercent: String?, riskSharePercent: String?, distortionPoints: String?
    /// A seed to draw with (decimal text); a new random one when absent. Given to replay a draw elsewhere.
    var seed: String?
}

struct PickDTO: Content {
    var evaluationID: UUID, position: Int, code: String, name: String, assignee: String, reason: String, risks: [String]
    var reviewer: String, agencyID: UUID?, state: String, selfTotal: String?, reTotal: String?, reGrade: String?, difference: String?
    var distorted: Bool?, comment: String, scoredBy: String?, lockVersion: Int

    init(_ row: ReevaluationRow) {
        evaluationID = row.evaluation_id; position = row.position + 1; code = row.object_code; name = row.object_name; assignee = row.assignee_name
        switch row.sampleReason {
        case .risk(let set)?: reason = "risk"; risks = set.map(\.rawValue).sorted()
        case .amount?: reason = "amount"; risks = []
        default: reason = "lot"; risks = []
        }
        reviewer = row.agency_name ?? "finance"; agencyID = row.agency_id; state = row.state
        selfTotal = row.self_total_cents.map { Ratio.text(Decimal($0) / 100, decimals: 2) }
        reTotal = row.total_cents.map { Ratio.text(Decimal($0) / 100, decimals: 2) }; reGrade = row.grade
        difference = zip2(row.total_cents, row.self_total_cents).map { Ratio.text(Decimal($0 - $1) / 100, decimals: 2) }
        distorted = row.distorted; comment = row.comment; scoredBy = row.scored_by_name; lockVersion = row.lock_version
    }
}

private func zip2(_ a: Int?, _ b: Int?) -> (Int, Int)? { if let a, let b { (a, b) } else { nil } }

struct ComparisonDTO: Content {
    var name: String, drawn: Int, scored: Int, meanSelf: String?, meanRe: String?, distorted: Int
    init(_ c: Reevaluations.Comparison) { name = c.name; drawn = c.drawn; scored = c.scored; meanSelf = c.meanSelf; meanRe = c.meanRe; distorted = c.distorted }
}

struct SampleDTO: Content {
    var id: UUID, yearID: UUID, seed: String, countPercent: String, amountPercent: String, riskSharePercent: String, distortionPoints: String
    var population: Int, drawn: Int, createdBy: String, createdAt: Date, replays: Bool?
    var picks: [PickDTO]
    var byDepartment: [ComparisonDTO]
    var byUnit: [ComparisonDTO]
}

struct AssignRequest: Content { var agencyCode: String? }

struct RescoreRequest: Content {
    var lockVersion: Int
    var executedWanYuan: String?
    var rows: [EvaluationRowDTO]
    var comment: String
}

enum ReevaluationAPI: OpenAPIVocabulary {
    static var schemas: [(String, JSONValue)] {
        let pick = object([("evaluationID", uuid), ("position", integer), ("code", string), ("name", string), ("assignee", string),
                           ("reason", ["type": "string", "enum": ["risk", "lot", "amount"]]), ("risks", ["type": "array", "items": values(SamplingRisk.self)]),
                           ("reviewer", string), ("agencyID", ["type": ["string", "null"], "format": "uuid"]), ("state", ["type": "string", "enum": ["assigned", "scored"]]),
                           ("selfTotal", nullableString), ("reTotal", nullableString), ("reGrade", nullable(values(ScoreGrade.self))), ("difference", nullableString),
                           ("distorted", ["type": ["boolean", "null"]]), ("comment", string), ("scoredBy", nullableString), ("lockVersion", integer)],
                          required: ["evaluationID", "position", "code", "reason", "state", "lockVersion"])
        let comparison = object([("name", string), ("drawn", integer), ("scored", integer), ("meanSelf", nullableString), ("meanRe", nullableString),
                                 ("distorted", integer)], required: ["name", "drawn", "scored", "distorted"])
        return [
            ("ReevaluationPick", pick),
            ("ReevaluationComparison", comparison),
            ("ReevaluationSample", object([("id", uuid), ("yearID", uuid), ("seed", ["type": "string", "pattern": "^[0-9]+$"]), ("countPercent", decimalText),
                                           ("amountPercent", decimalText), ("riskSharePercent", decimalText), ("distortionPoints", decimalText),
                                           ("population", integer), ("drawn", integer), ("createdBy", string), ("createdAt", string),
                                           ("replays", ["type": ["boolean", "null"]]), ("picks", ["type": "array", "items": ref("ReevaluationPick")]),
                                           ("byDepartment", ["type": "array", "items": ref("ReevaluationComparison")]),
                                           ("byUnit", ["type": "array", "items": ref("ReevaluationComparison")])],
                                          required: ["id", "seed", "population", "drawn", "picks"])),
            ("ReevaluationSampleCreate", object([("countPercent", decimalText), ("amountPercent", decimalText), ("riskSharePercent", decimalText),
                                                 ("distortionPoints", decimalText), ("seed", ["type": "string", "pattern": "^[0-9]{1,20}$"])], required: [])),
            ("ReevaluationAssign", object([("agencyCode", nullable(code))], required: [])),
            ("ReevaluationScore", object([("lockVersion", integer), ("executedWanYuan", decimalText),
                                          ("rows", ["type": "array", "maxItems": .int(InputLimits.indicatorsPerGoal), "items": ref("SelfEvaluationRow")]),
                                          ("comment", ["type": "string", "minLength": 1, "maxLength": .int(InputLimits.longText)])],
                                         required: ["lockVersion", "rows", "comment"])),
        ]
    }

    static let endpoints: [APIEndpoint] = [
        APIEndpoint(method: .POST, path: ["self-evaluation", "years", ":id", "samples"], operationID: "drawReevaluationSample",
                    summary: "Draw a re-evaluation sample (抽查) from the year's submitted self-evaluations: part on risk, the rest by lot per department, topped up to the amount share; the seed and the population are stored",
                    tag: "self-evaluation", requestSchema: "ReevaluationSampleCreate", successStatus: 201, responseSchema: "ReevaluationSample", handler: draw),
        APIEndpoint(method: .GET, path: ["self-evaluation", "samples", ":id"], operationID: "getReevaluationSample",
                    summary: "A sample: its plan and seed, whether drawing again from the stored population gives the same, each drawn form with self-score, re-score and 失真, and the comparison by department and unit",
                    tag: "self-evaluation", responseSchema: "ReevaluationSample", handler: get),
        APIEndpoint(method: .PUT, path: ["self-evaluation", "samples", ":id", "picks", ":evaluation", "assignee"], operationID: "assignReevaluation",
                    summary: "Assign a drawn form to an agency (by code; it then reaches exactly that form) or, with none, to the bureau's own staff",
                    tag: "self-evaluation", requestSchema: "ReevaluationAssign", responseSchema: "ReevaluationPick", handler: assign),
        APIEndpoint(method: .PUT, path: ["self-evaluation", "samples", ":id", "picks", ":evaluation"], operationID: "rescoreSelfEvaluation",
                    summary: "Re-score a drawn form with the reviewer's verified figures by the same rules; 失真 when more than the sample's points apart or in another grade",
                    tag: "self-evaluation", requestSchema: "ReevaluationScore", responseSchema: "ReevaluationPick", handler: rescore),
    ]

    private static func uuid(_ req: Request, _ name: String) throws -> UUID {
        guard let id = req.parameters.get(name, as: UUID.self) else { throw AppError.notFound() }
        return id
    }

    private static func percent(_ text: String?, _ field: String, default value: Decimal) throws -> Decimal {
        guard let text = text?.trimmed, !text.isEmpty else { return value }
        guard let parsed = Decimal(pointsText: text) else { throw AppError.invalid(field, Message(.errorSamplePercent)) }
        return parsed
    }

    @Sendable static func draw(req: Request) async throws -> Response {
        let body = try req.content.decode(SampleCreateRequest.self)
        let plan = SamplingPlan(countPercent: try percent(body.countPercent, "countPercent", default: 20),
                                amountPercent: try percent(body.amountPercent, "amountPercent", default: 30),
                                riskSharePercent: try percent(body.riskSharePercent, "riskSharePercent", default: 50))
        var seed: UInt64?
        if let text = body.seed?.trimmed, !text.isEmpty {
            guard let value = UInt64(text) else { throw AppError.invalid("seed", Message(.errorBadRequest("seed"))) }
            seed = value
        }
        let id = try await Reevaluations.draw(year: try uuid(req, "id"), plan: plan, seed: seed,
                                              distortion: DistortionRule(pointsApart: try percent(body.distortionPoints, "distortionPoints", default: 10)),
                                              by: try req.caller(), on: req.db)
        return try .json(try await dto(id, req), status: .created)
    }

    static func dto(_ id: UUID, _ req: Request) async throws -> SampleDTO {
        let caller = try req.caller()
        let sample = try await Reevaluations.sample(id, by: caller, on: req.db)
        let picks = try await Reevaluations.picks(sample, by: caller, on: req.db)
        let plan = sample.samplingPlan
        let strata = try await strataNames(picks, sample: sample, on: req.db)
        return SampleDTO(id: sample.id, yearID: sample.year_id, seed: sample.seed, countPercent: plan.countPercent.storedText,
                         amountPercent: plan.amountPercent.storedText, riskSharePercent: plan.riskSharePercent.storedText,
                         distortionPoints: sample.distortion_points, population: sample.population_count, drawn: sample.drawn_count,
                         createdBy: sample.created_by_name, createdAt: sample.created_at,
                         replays: caller.reaches(.viewBudget, sample.target) ? try await Reevaluations.replays(sample, on: req.db) : nil,
                         picks: picks.map(PickDTO.init),
                         byDepartment: Reevaluations.compare(picks) { strata[$0.evaluation_id] ?? "" }.map(ComparisonDTO.init),
                         byUnit: Reevaluations.compare(picks, by: \.assignee_name).map(ComparisonDTO.init))
    }

    /// The name of each drawn form's stratum: the organisation directly under the sample's bureau.
    static func strataNames(_ picks: [ReevaluationRow], sample: SampleRow, on db: any Database) async throws -> [UUID: String] {
        let depth = HierarchyPath(rawValue: sample.organization_path).depth
        let ids = Set(picks.compactMap { pick -> UUID? in
            let path = HierarchyPath(rawValue: pick.assignee_path).ids
            return path.count > depth ? path[depth] : path.last
        })
        let names = Dictionary(try await OrganizationModel.query(on: db).filter(\.$id ~~ Array(ids)).all().map { ($0.id!, $0.name) },
                               uniquingKeysWith: { first, _ in first })
        return Dictionary(picks.map { pick in
            let path = HierarchyPath(rawValue: pick.assignee_path).ids
            let id = path.count > depth ? path[depth] : path.last
            return (pick.evaluation_id, id.flatMap { names[$0] } ?? pick.assignee_name)
        }, uniquingKeysWith: { first, _ in first })
    }

    @Sendable static func get(req: Request) async throws -> Response {
        try .json(try await dto(try uuid(req, "id"), req))
    }

    private static func pick(_ req: Request) async throws -> Response {
        let caller = try req.caller()
        let sample = try await Reevaluations.sample(try uuid(req, "id"), by: caller, on: req.db)
        let evaluation = try uuid(req, "evaluation")
        guard let row = try await Reevaluations.picks(sample, by: caller, on: req.db).first(where: { $0.evaluation_id == evaluation }) else {
            throw AppError.notFound()
        }
        return try .json(PickDTO(row))
    }

    @Sendable static func assign(req: Request) async throws -> Response {
        let body = try req.content.decode(AssignRequest.self)
        try await Reevaluations.assign(sample: try uuid(req, "id"), evaluation: try uuid(req, "evaluation"), agencyCode: body.agencyCode,
                                       by: try req.caller(), on: req.db)
        return try await pick(req)
    }

    @Sendable static func rescore(req: Request) async throws -> Response {
        let body = try req.content.decode(RescoreRequest.self)
        let input = ReevaluationInput(lockVersion: body.lockVersion, executed: body.executedWanYuan, rows: body.rows.map(\.input), comment: body.comment)
        return try .json(PickDTO(try await Reevaluations.rescore(sample: try uuid(req, "id"), evaluation: try uuid(req, "evaluation"), input,
                                                                  by: try req.caller(), on: req.db)))
    }
}
