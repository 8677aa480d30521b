import Fluent
import Foundation
import Vapor
import JixiaoDomain

struct ExpertDTO: Content {
    var id: UUID, name: String, title: String, employer: String, region: String?, fields: [String], status: String, source: String
    var hasAccount: Bool, lockVersion: Int
}
struct ExpertPersonalDTO: Content { var id: UUID, name: String, idNumber: String, phone: String, email: String }
struct AgencyDTO: Content {
    var id: UUID, name: String, type: String, creditCode: String, qualification: String, levels: [Int], status: String
    var organizationID: UUID?, staff: [String]?, lastReview: Int?, lockVersion: Int
}
struct StatusMoveRequest: Content { var move: String; var reason: String; var lockVersion: Int?; var organizationCode: String? }
struct DrawRequestBody: Content {
    var experts: [DrawSpec.FieldCount]; var regionCode: String?; var agencies: Int?; var agencyType: String?; var lockVersion: Int?
}
struct DrawDTO: Content {
    struct Pick: Content { var kind: String, id: UUID, name: String, field: String }
    struct Exclusion: Content { var kind: String, id: UUID, name: String, rules: [String] }
    var id: UUID, evaluationID: UUID, seed: String, requestedBy: String, occurredAt: Date
    var request: DrawSpec, candidates: Int, picks: [Pick], exclusions: [Exclusion], replayMatches: Bool
}
struct EngagementDTO: Content {
    struct Rating: Content { var attitude: Int, ability: Int, integrity: Int, comment: String, ratedBy: String }
    var id: UUID, kind: String, memberID: UUID, name: String, source: String, reason: String, replaced: Bool, rating: Rating?
}

/// 智库 in `/api/v1`: the libraries, draws into key-evaluation teams, ratings, proposals and quality reviews.
enum ThinkTankAPI: OpenAPIVocabulary {
    static var schemas: [(String, JSONValue)] {
        let relation = object([("organization", code), ("kind", ["type": "string", "enum": ["relation", "paid_work"]]), ("year", year), ("note", longText)],
                              required: ["organization", "kind"])
        let fieldCodes: JSONValue = ["type": "string", "enum": .array(ExpertField.all.map { .string($0.code) })]
        return [
            ("Expert", object([("id", uuid), ("name", string), ("title", string), ("employer", string), ("region", nullableString),
                               ("fields", ["type": "array", "items": fieldCodes]), ("status", values(LibraryStatus.self)), ("source", string),
                               ("hasAccount", boolean), ("lockVersion", integer)], required: ["id", "name", "fields", "status"])),
            ("ExpertList", object([("experts", ["type": "array", "items": ref("Expert")])], required: ["experts"])),
            ("ExpertPersonal", object([("id", uuid), ("name", string), ("idNumber", string), ("phone", string), ("email", string)],
                                      required: ["id", "idNumber", "phone"])),
            ("ExpertRegistration", object([("name", name), ("idNumber", ["type": "string", "description": "18-character resident ID (GB 11643) with its check character"]),
                                           ("phone", string), ("email", string), ("title", name), ("employerName", name), ("employerCode", code),
                                           ("regionCode", code), ("fields", ["type": "array", "minItems": 1, "items": fieldCodes]), ("profile", longText),
                                           ("relations", ["type": "array", "maxItems": 50, "items": relation])],
                                          required: ["name", "idNumber", "phone", "email", "title", "employerName", "fields"])),
            ("ExpertLinks", object([("employerCode", code), ("relation", relation), ("reason", ["type": "string", "minLength": 1, "maxLength": .int(InputLimits.longText)])],
                                   required: ["reason"])),
            ("Agency", object([("id", uuid), ("name", string), ("type", values(AgencyType.self)), ("creditCode", string), ("qualification", string),
                               ("levels", ["type": "array", "items": ["type": "integer", "minimum": 0, "maximum": 3]]), ("status", values(LibraryStatus.self)),
                               ("organizationID", nullable(uuid)), ("staff", ["type": ["array", "null"], "items": string]), ("lastReview", ["type": ["integer", "null"]]),
                               ("lockVersion", integer)], required: ["id", "name", "type", "creditCode", "status"])),
            ("AgencyList", object([("agencies", ["type": "array", "items": ref("Agency")])], required: ["agencies"])),
            ("AgencyRegistration", object([("name", name), ("type", values(AgencyType.self)),
                                           ("creditCode", ["type": "string", "description": "unified social credit code (GB 32100) with its check character"]),
                                           ("qualification", longText), ("levels", ["type": "array", "minItems": 1, "items": ["type": "integer", "minimum": 0, "maximum": 3]]),
                                           ("contactName", name), ("phone", string), ("relations", ["type": "array", "maxItems": 50, "items": relation])],
                                          required: ["name", "type", "creditCode", "qualification", "levels", "contactName", "phone"])),
            ("StatusMove", object([("move", values(LibraryStatus.Move.self)), ("reason", ["type": "string", "minLength": 1, "maxLength": .int(InputLimits.longText)]),
                                   ("lockVersion", integer), ("organizationCode", code)], required: ["move", "reason"])),
            ("StatusMoved", object([("status", values(LibraryStatus.self)), ("username", nullableString), ("oneTimePassword", nullableString)], required: ["status"])),
            ("DrawRequest", object([("experts", ["type": "array", "items": object([("field", fieldCodes), ("count", ["type": "integer", "minimum": 0, "maximum": 20])],
                                                                                 required: ["field", "count"])]),
                                    ("regionCode", code), ("agencies", ["type": "integer", "minimum": 0, "maximum": 1]), ("agencyType", values(AgencyType.self)),
                                    ("lockVersion", integer)], required: ["experts"])),
            ("Draw", object([("id", uuid), ("evaluationID", uuid), ("seed", ["type": "string", "pattern": "^[0-9]+$"]), ("requestedBy", string),
                             ("occurredAt", ["type": "string", "format": "date-time"]), ("request", ref("DrawRequest")), ("candidates", integer),
                             ("picks", ["type": "array", "items": object([("kind", ["type": "string", "enum": ["expert", "agency"]]), ("id", uuid), ("name", string), ("field", string)],
                                                                         required: ["kind", "id", "field"])]),
                             ("exclusions", ["type": "array", "items": object([("kind", string), ("id", uuid), ("name", string),
                                                                              ("rules", ["type": "array", "items": values(ConflictRule.self)])], required: ["id", "rules"])]),
                             ("replayMatches", boolean)], required: ["id", "seed", "picks", "exclusions", "replayMatches"])),
            ("ManualExpert", object([("expertID", uuid), ("reason", ["type": "string", "minLength": 1, "maxLength": .int(InputLimits.longText)]),
                                     ("replacing", uuid), ("lockVersion", integer)], required: ["expertID", "reason"])),
            ("Engagements", object([("engagements", ["type": "array", "items": object([
                ("id", uuid), ("kind", string), ("memberID", uuid), ("name", string), ("source", ["type": "string", "enum": ["drawn", "manual", "left"]]),
                ("reason", string), ("replaced", boolean),
                ("rating", nullable(object([("attitude", integer), ("ability", integer), ("integrity", integer), ("comment", string), ("ratedBy", string)],
                                           required: ["attitude", "ability", "integrity"])))], required: ["id", "kind", "memberID", "source"])])], required: ["engagements"])),
            ("Rating", object([("attitude", ["type": "integer", "minimum": 1, "maximum": 5]), ("ability", ["type": "integer", "minimum": 1, "maximum": 5]),
                               ("integrity", ["type": "integer", "minimum": 1, "maximum": 5]), ("comment", longText)], required: ["attitude", "ability", "integrity"])),
            ("Proposals", object([("proposals", ["type": "array", "items": object([("kind", string), ("id", uuid), ("name", string), ("basis", string)],
                                                                                  required: ["kind", "id", "basis"])])], required: ["proposals"])),
            ("ProposalConfirmation", object([("kind", ["type": "string", "enum": ["expert", "agency"]]), ("id", uuid), ("reason", longText)], required: ["kind", "id"])),
            ("QualityReview", object([("entries", ["type": "array", "items": object([("criterion", values(QualityCriterion.self)),
                                                                                     ("points", ["type": "integer", "minimum": 0, "maximum": 30]), ("finding", longText)],
                                                                                    required: ["criterion", "points"])])], required: ["entries"])),
            ("QualityResults", object([("year", year), ("published", boolean), ("lines", ["type": "array", "items": object([
                ("agency", string), ("type", string), ("reviews", integer), ("score", decimalText), ("grade", string), ("excluded", boolean)],
                required: ["agency", "score", "grade", "excluded"])])], required: ["year", "published", "lines"])),
        ]
    }

    private static let bureauQuery = APIEndpoint.Parameter(name: "bureau", location: "query", type: "string",
                                                           description: "the finance bureau's code; default the caller's own organisation")

    static let endpoints: [APIEndpoint] = [
        APIEndpoint(method: .GET, path: ["think-tank", "experts"], operationID: "listExperts",
                    summary: "The experts of a bureau's library (no personal data), by name/employer/title, field and status",
                    tag: "think-tank", query: [bureauQuery, .init(name: "q", location: "query", type: "string", description: "search"),
                                               .init(name: "field", location: "query", type: "string", description: "a field code"),
                                               .init(name: "status", location: "query", type: "string", description: "a status", schema: values(LibraryStatus.self))],
                    responseSchema: "ExpertList", handler: experts),
        APIEndpoint(method: .POST, path: ["think-tank", "experts"], operationID: "registerExpert",
                    summary: "Register an expert in the caller's bureau's library by invitation (status 候选); the same ID number twice is refused",
                    tag: "think-tank", requestSchema: "ExpertRegistration", successStatus: 201, responseSchema: "Expert", handler: registerExpert),
        APIEndpoint(method: .POST, path: ["think-tank", "experts", "import"], operationID: "importExperts",
                    summary: "Register experts from a .csv or .xlsx file (姓名, 身份证号, 联系电话, 电子邮箱, 职称, 工作单位, 专业领域 separated by 、); all or nothing, every problem by row and column",
                    tag: "think-tank", requestSchema: "file", requestMediaType: "application/octet-stream", successStatus: 201, responseSchema: "ExpertList",
                    bodyLimit: ByteCount(value: 5 * 1024 * 1024), handler: importExperts),
        APIEndpoint(method: .GET, path: ["think-tank", "experts", ":id"], operationID: "getExpert",
                    summary: "An expert of a library the caller may read (no personal data)", tag: "think-tank", responseSchema: "Expert", handler: expert),
        APIEndpoint(method: .GET, path: ["think-tank", "experts", ":id", "personal"], operationID: "getExpertPersonalData",
                    summary: "An expert's ID number and contact: only to the library's managers (403 personal_data to anyone else, recorded in the audit trail)",
                    tag: "think-tank", responseSchema: "ExpertPersonal", handler: personal),
        APIEndpoint(method: .POST, path: ["think-tank", "experts", ":id", "status"], operationID: "moveExpert",
                    summary: "Admit, reject, suspend, restore or withdraw an expert with a reason; admitting opens the expert's account and answers its one-time password once",
                    tag: "think-tank", requestSchema: "StatusMove", responseSchema: "StatusMoved", handler: moveExpert),
        APIEndpoint(method: .POST, path: ["think-tank", "experts", ":id", "links"], operationID: "updateExpertLinks",
                    summary: "Link an expert's employer to an organisation of the system and/or add a declared relation or paid work, with a reason (the conflict rules read both)",
                    tag: "think-tank", requestSchema: "ExpertLinks", responseSchema: "Expert", handler: updateLinks),
        APIEndpoint(method: .GET, path: ["think-tank", "agencies"], operationID: "listAgencies",
                    summary: "The agencies of a bureau's library with their staff and last quality review", tag: "think-tank", query: [bureauQuery],
                    responseSchema: "AgencyList", handler: agencies),
        APIEndpoint(method: .POST, path: ["think-tank", "agencies"], operationID: "registerAgency",
                    summary: "Register an agency in the caller's bureau's library (status 候选); the same credit code twice is refused",
                    tag: "think-tank", requestSchema: "AgencyRegistration", successStatus: 201, responseSchema: "Agency", handler: registerAgency),
        APIEndpoint(method: .POST, path: ["think-tank", "agencies", ":id", "status"], operationID: "moveAgency",
                    summary: "Move an agency with a reason; admitting links its agency organisation (organizationCode), whose users are its staff",
                    tag: "think-tank", requestSchema: "StatusMove", responseSchema: "StatusMoved", handler: moveAgency),
        APIEndpoint(method: .POST, path: ["key-evaluations", ":id", "draws"], operationID: "drawTeam",
                    summary: "Draw experts by field (and the entrusted agency) at random with a recorded seed, skipping every conflict of interest; fills the team, or changes nothing and says per field how many are missing and why",
                    tag: "think-tank", requestSchema: "DrawRequest", successStatus: 201, responseSchema: "Draw", handler: draw),
        APIEndpoint(method: .GET, path: ["think-tank", "draws", ":id"], operationID: "getDraw",
                    summary: "A recorded draw with its seed, request, picks and exclusions, replayed from its stored candidates (replayMatches)",
                    tag: "think-tank", responseSchema: "Draw", handler: getDraw),
        APIEndpoint(method: .POST, path: ["key-evaluations", ":id", "manual-experts"], operationID: "addExpertByHand",
                    summary: "Add an admitted expert by hand with a reason (optionally replacing one on the team); never one with a conflict",
                    tag: "think-tank", requestSchema: "ManualExpert", successStatus: 201, responseSchema: "Engagements", handler: addByHand),
        APIEndpoint(method: .GET, path: ["key-evaluations", ":id", "engagements"], operationID: "listEngagements",
                    summary: "The library members engaged on an evaluation, how (drawn or by hand, with the reason) and their ratings",
                    tag: "think-tank", responseSchema: "Engagements", handler: engagements),
        APIEndpoint(method: .POST, path: ["think-tank", "engagements", ":id", "rating"], operationID: "rateEngagement",
                    summary: "The organiser rates an engaged expert or agency (attitude, ability, integrity, 1–5) once the report is submitted",
                    tag: "think-tank", requestSchema: "Rating", successStatus: 201, responseSchema: "Engagements", handler: rate),
        APIEndpoint(method: .GET, path: ["think-tank", "proposals"], operationID: "listProposals",
                    summary: "Dynamic management: suspensions the rules propose in the caller's bureau's libraries", tag: "think-tank",
                    responseSchema: "Proposals", handler: proposals),
        APIEndpoint(method: .POST, path: ["think-tank", "proposals", "confirm"], operationID: "confirmProposal",
                    summary: "Confirm a proposal: the member is suspended with the rule's words and the person's reason", tag: "think-tank",
                    requestSchema: "ProposalConfirmation", responseSchema: "Proposals", handler: confirm),
        APIEndpoint(method: .PUT, path: ["think-tank", "reviews", ":id"], operationID: "reviewReportQuality",
                    summary: "Review the quality of an entrusted evaluation's report (the evaluation's id): completeness 20, evidence 30, accuracy 25, soundness 25, a finding for every point off",
                    tag: "think-tank", requestSchema: "QualityReview", responseSchema: "QualityResults", handler: review),
        APIEndpoint(method: .GET, path: ["think-tank", "quality"], operationID: "getQualityResults",
                    summary: "The year's quality results per agency of the caller's bureau: mean, grade, whether the entrustment rule excludes it",
                    tag: "think-tank", query: [.init(name: "year", location: "query", type: "integer", description: "fiscal year", schema: year)],
                    responseSchema: "QualityResults", handler: quality),
    ]

    // MARK: helpers

    private static func uuid(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound() }
        return id
    }

    static func expertDTO(_ expert: ExpertModel, regions: [UUID: String]) -> ExpertDTO {
        ExpertDTO(id: expert.id!, name: expert.name, title: expert.title, employer: expert.employerName, region: regions[expert.regionID], fields: expert.fields,
                  status: expert.status, source: expert.source, hasAccount: expert.userID != nil, lockVersion: expert.lockVersion)
    }

    static func regionNames(_ experts: [ExpertModel], on db: any Database) async throws -> [UUID: String] {
        Dictionary(uniqueKeysWithValues: try await OrganizationModel.query(on: db).filter(\.$id ~~ Array(Set(experts.map(\.regionID)))).all().map { ($0.id!, $0.name) })
    }

    // MARK: experts

    @Sendable static func experts(req: Request) async throws -> Response {
        let caller = try req.caller()
        let bureau = try await ThinkTankLibrary.readableBureau(code: req.query[String.self, at: "bureau"], by: caller, on: req.db)
        let statusText = req.query[String.self, at: "status"]
        let status = statusText.flatMap(LibraryStatus.init(rawValue:))
        if statusText != nil && status == nil { throw AppError.invalid("status", Message(.errorThinkTankUnknownStatus)) }
        let list = try await ThinkTankQueries.experts(of: bureau, filter: .init(search: req.query[String.self, at: "q"], field: req.query[String.self, at: "field"],
                                                                                 status: status), on: req.db)
        struct List: Content { var experts: [ExpertDTO] }
        let regions = try await regionNames(list, on: req.db)
        return try .json(List(experts: list.map { expertDTO($0, regions: regions) }))
    }

    @Sendable static func registerExpert(req: Request) async throws -> Response {
        let caller = try req.caller()
        let draft = try req.content.decode(ExpertDraft.self)
        let bureau = try await ThinkTankLibrary.managedBureau(caller, on: req.db)
        let user = try caller.person()
        let id = try await ThinkTankLibrary.registerExpert(draft, source: .invitation, bureau: bureau, actor: (user.userID, user.displayName),
                                                           audit: caller.audit, effects: caller.effects, on: req.db)
        let expert = try await ThinkTankLibrary.expert(id, by: caller, on: req.db)
        return try .json(expertDTO(expert, regions: try await regionNames([expert], on: req.db)), status: .created)
    }

    @Sendable static func importExperts(req: Request) async throws -> Response {
        let caller = try req.caller()
        let data = Data(buffer: req.body.data ?? ByteBuffer())
        let ids = try await ThinkTankImport.importExperts(data, by: caller, on: req.db)
        let experts = try await ExpertModel.query(on: req.db).filter(\.$id ~~ ids).sort(\.$name).all()
        struct List: Content { var experts: [ExpertDTO] }
        let regions = try await regionNames(experts, on: req.db)
        return try .json(List(experts: experts.map { expertDTO($0, regions: regions) }), status: .created)
    }

    @Sendable static func expert(req: Request) async throws -> Response {
        let expert = try await ThinkTankLibrary.expert(try uuid(req), by: try req.caller(), on: req.db)
        return try .json(expertDTO(expert, regions: try await regionNames([expert], on: req.db)))
    }

    @Sendable static func personal(req: Request) async throws -> Response {
        let expert = try await ThinkTankLibrary.personal(try uuid(req), by: try req.caller(), on: req.db)
        return try .json(ExpertPersonalDTO(id: expert.id!, name: expert.name, idNumber: expert.idNumber, phone: expert.phone, email: expert.email))
    }

    private static func move(_ body: StatusMoveRequest) throws -> LibraryStatus.Move {
        guard let move = LibraryStatus.Move(rawValue: body.move) else { throw AppError.invalid("move", Message(.errorThinkTankUnknownMove)) }
        return move
    }

    @Sendable static func moveExpert(req: Request) async throws -> Response {
        struct Moved: Content { var status: String; var username: String?; var oneTimePassword: String? }
        let body = try req.content.decode(StatusMoveRequest.self)
        let id = try uuid(req), caller = try req.caller()
        let opened = try await ThinkTankLibrary.moveExpert(id, try move(body), reason: body.reason, lockVersion: body.lockVersion, by: caller, on: req.db)
        let expert = try await ThinkTankLibrary.expert(id, by: caller, on: req.db)
        return try .json(Moved(status: expert.status, username: opened?.username, oneTimePassword: opened?.password))
    }

    @Sendable static func updateLinks(req: Request) async throws -> Response {
        struct Body: Content { var employerCode: String?; var relation: ExpertDraft.Relation?; var reason: String }
        let body = try req.content.decode(Body.self)
        let id = try uuid(req), caller = try req.caller()
        try await ThinkTankLibrary.updateExpertLinks(id, employerCode: body.employerCode, relation: body.relation, reason: body.reason, by: caller, on: req.db)
        let expert = try await ThinkTankLibrary.expert(id, by: caller, on: req.db)
        return try .json(expertDTO(expert, regions: try await regionNames([expert], on: req.db)))
    }

    // MARK: agencies

    static func agencyDTOs(_ agencies: [AgencyModel], on db: any Database) async throws -> [AgencyDTO] {
        let orgIDs = agencies.compactMap(\.organizationID)
        let staff = Dictionary(grouping: try await UserModel.query(on: db).filter(\.$organization.$id ~~ orgIDs).filter(\.$isActive == true).sort(\.$displayName).all(),
                               by: { $0.$organization.id })
        let reviews = try await ThinkTankDraws.lastReviews(of: agencies.compactMap(\.id), on: db)
        return agencies.map { a in
            AgencyDTO(id: a.id!, name: a.name, type: a.agencyType, creditCode: a.creditCode, qualification: a.qualification, levels: a.levels.map(\.rawValue),
                      status: a.status, organizationID: a.organizationID, staff: a.organizationID.map { (staff[$0] ?? []).map(\.displayName) },
                      lastReview: reviews[a.id!], lockVersion: a.lockVersion)
        }
    }

    @Sendable static func agencies(req: Request) async throws -> Response {
        let bureau = try await ThinkTankLibrary.readableBureau(code: req.query[String.self, at: "bureau"], by: try req.caller(), on: req.db)
        struct List: Content { var agencies: [AgencyDTO] }
        return try .json(List(agencies: try await agencyDTOs(try await ThinkTankQueries.agencies(of: bureau, status: nil, type: nil, on: req.db), on: req.db)))
    }

    @Sendable static func registerAgency(req: Request) async throws -> Response {
        let caller = try req.caller()
        let draft = try req.content.decode(AgencyDraft.self)
        let bureau = try await ThinkTankLibrary.managedBureau(caller, on: req.db)
        let user = try caller.person()
        let id = try await ThinkTankLibrary.registerAgency(draft, source: .invitation, bureau: bureau, actor: (user.userID, user.displayName),
                                                           audit: caller.audit, effects: caller.effects, on: req.db)
        return try .json(try await agencyDTOs([try await ThinkTankLibrary.agency(id, by: caller, on: req.db)], on: req.db)[0], status: .created)
    }

    @Sendable static func moveAgency(req: Request) async throws -> Response {
        struct Moved: Content { var status: String }
        let body = try req.content.decode(StatusMoveRequest.self)
        let id = try uuid(req), caller = try req.caller()
        try await ThinkTankLibrary.moveAgency(id, try move(body), reason: body.reason, organizationCode: body.organizationCode, lockVersion: body.lockVersion,
                                              by: caller, on: req.db)
        return try .json(Moved(status: try await ThinkTankLibrary.agency(id, by: caller, on: req.db).status))
    }

    // MARK: draws and engagements

    static func drawDTO(_ drawID: UUID, by caller: Caller, on db: any Database) async throws -> DrawDTO {
        let (record, candidates, outcome, matches) = try await ThinkTankDraws.replay(drawID, by: caller, on: db)
        let sees = try await ThinkTankDraws.seesReasons(record.evaluationID, by: caller, on: db)
        // The team reads who was drawn; who was skipped and why only the organisers and the library managers.
        let names = Dictionary(candidates.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let spec = try JSONDecoder().decode(DrawSpec.self, from: Data(record.requestJSON.utf8))
        return DrawDTO(id: record.id!, evaluationID: record.evaluationID, seed: record.seed, requestedBy: record.requestedByName, occurredAt: record.occurredAt,
                       request: spec, candidates: candidates.count,
                       picks: outcome.picks.map { .init(kind: $0.kind.rawValue, id: $0.id, name: names[$0.id] ?? "", field: $0.field) },
                       exclusions: sees ? outcome.exclusions.map { .init(kind: $0.kind.rawValue, id: $0.id, name: names[$0.id] ?? "", rules: $0.rules.map(\.rawValue)) } : [],
                       replayMatches: matches)
    }

    @Sendable static func draw(req: Request) async throws -> Response {
        let body = try req.content.decode(DrawRequestBody.self)
        let caller = try req.caller()
        let id = try await ThinkTankDraws.draw(evaluationID: try uuid(req), spec: DrawSpec(experts: body.experts, regionCode: body.regionCode, agencies: body.agencies,
                                                                                        agencyType: body.agencyType),
                                               lockVersion: body.lockVersion, by: caller, on: req.db)
        return try .json(try await drawDTO(id, by: caller, on: req.db), status: .created)
    }

    @Sendable static func getDraw(req: Request) async throws -> Response {
        try .json(try await drawDTO(try uuid(req), by: try req.caller(), on: req.db))
    }

    static func engagementDTOs(of evaluationID: UUID, by caller: Caller, on db: any Database) async throws -> [EngagementDTO] {
        _ = try await KeyEvaluations.find(evaluationID, by: caller, on: db)
        let sees = try await ThinkTankDraws.seesReasons(evaluationID, by: caller, on: db)
        let lines = try await ThinkTankQueries.engagements(evaluation: evaluationID, on: db)
        let names = try await ThinkTankQueries.memberNames(lines.map(\.engagement.memberID), on: db)
        return lines.reversed().map { line in
            let e = line.engagement
            return EngagementDTO(id: e.id!, kind: e.memberKind, memberID: e.memberID, name: names[e.memberID] ?? "", source: e.source, reason: e.reason,
                                 replaced: e.replacedBy != nil,
                                 rating: line.rating.flatMap { sees ? $0 : nil }.map { .init(attitude: $0.attitude, ability: $0.ability, integrity: $0.integrity, comment: $0.comment, ratedBy: $0.ratedByName) })
        }
    }

    @Sendable static func engagements(req: Request) async throws -> Response {
        struct List: Content { var engagements: [EngagementDTO] }
        return try .json(List(engagements: try await engagementDTOs(of: try uuid(req), by: try req.caller(), on: req.db)))
    }

    @Sendable static func addByHand(req: Request) async throws -> Response {
        struct Body: Content { var expertID: UUID; var reason: String; var replacing: UUID?; var lockVersion: Int? }
        struct List: Content { var engagements: [EngagementDTO] }
        let body = try req.content.decode(Body.self)
        let id = try uuid(req), caller = try req.caller()
        try await ThinkTankDraws.addByHand(evaluationID: id, expertID: body.expertID, reason: body.reason, replacing: body.replacing, lockVersion: body.lockVersion,
                                           by: caller, on: req.db)
        return try .json(List(engagements: try await engagementDTOs(of: id, by: caller, on: req.db)), status: .created)
    }

    @Sendable static func rate(req: Request) async throws -> Response {
        struct Body: Content { var attitude: Int; var ability: Int; var integrity: Int; var comment: String? }
        struct List: Content { var engagements: [EngagementDTO] }
        let body = try req.content.decode(Body.self)
        let caller = try req.caller()
        let engagementID = try uuid(req)
        try await ThinkTankDraws.rate(engagementID: engagementID, rating: ExpertRating(attitude: body.attitude, ability: body.ability, integrity: body.integrity),
                                      comment: body.comment ?? "", by: caller, on: req.db)
        guard let engagement = try await EngagementModel.find(engagementID, on: req.db) else { throw AppError.notFound() }
        return try .json(List(engagements: try await engagementDTOs(of: engagement.evaluationID, by: caller, on: req.db)), status: .created)
    }

    // MARK: dynamic management and quality

    static func proposalList(_ caller: Caller, on db: any Database) async throws -> Response {
        struct Item: Content { var kind: String, id: UUID, name: String, basis: String }
        struct List: Content { var proposals: [Item] }
        let bureau = try await ThinkTankLibrary.managedBureau(caller, on: db)
        return try .json(List(proposals: try await ThinkTankDraws.proposals(bureau: bureau, on: db).map { Item(kind: $0.kind.rawValue, id: $0.id, name: $0.name, basis: $0.basis) }))
    }

    @Sendable static func proposals(req: Request) async throws -> Response { try await proposalList(try req.caller(), on: req.db) }

    @Sendable static func confirm(req: Request) async throws -> Response {
        struct Body: Content { var kind: String; var id: UUID; var reason: String? }
        let body = try req.content.decode(Body.self)
        guard let kind = LibraryKind(rawValue: body.kind) else { throw AppError.invalid("kind", Message(.errorThinkTankNoProposal)) }
        let caller = try req.caller()
        try await ThinkTankDraws.confirm(kind: kind, id: body.id, reason: body.reason ?? "", by: caller, on: req.db)
        return try await proposalList(caller, on: req.db)
    }

    static func results(year: Int, by caller: Caller, on db: any Database) async throws -> Response {
        struct Results: Content { var year: Int; var published: Bool; var lines: [QualityNoticeModel.Line] }
        let bureau = try await ThinkTankLibrary.managedBureau(caller, on: db)
        let published = try await QualityNoticeModel.query(on: db).filter(\.$bureauID == bureau.id!).filter(\.$fiscalYear == year).first()
        let lines = if let published { published.lines } else { try await ThinkTankReviews.yearly(bureau: bureau, year: year, on: db) }
        return try .json(Results(year: year, published: published != nil, lines: lines))
    }

    @Sendable static func review(req: Request) async throws -> Response {
        struct Body: Content { var entries: [QualityReviewEntry] }
        let body = try req.content.decode(Body.self)
        let caller = try req.caller()
        let id = try uuid(req)
        _ = try await ThinkTankReviews.review(evaluationID: id, entries: body.entries, by: caller, on: req.db)
        guard let evaluation = try await KeyEvaluationModel.find(id, on: req.db) else { throw AppError.notFound() }
        return try await results(year: evaluation.fiscalYear, by: caller, on: req.db)
    }

    @Sendable static func quality(req: Request) async throws -> Response {
        guard let text = req.query[String.self, at: "year"], let year = Int(text), BudgetObjectRules.fiscalYears.contains(year) else {
            throw AppError.invalid("year", Message(.errorEvaluationYearRange))
        }
        return try await results(year: year, by: try req.caller(), on: req.db)
    }
}
