import Fluent
import Vapor
import JixiaoDomain

/// `/api/v1/orgs`: the organisation tree.
enum OrganizationAPI: OpenAPIVocabulary {
    private static var kinds: JSONValue { values(OrganizationKind.self) }
    private static var levels: JSONValue { ["type": ["string", "null"], "enum": .array(AdministrativeLevel.allCases.map { .string($0.key) } + [.null])] }

    static let endpoints: [APIEndpoint] = [
        APIEndpoint(method: .GET, path: ["orgs"], operationID: "listOrganizations",
                    summary: "Organizations in a subtree (default: the caller's), ordered by hierarchy path", tag: "organizations",
                    query: [.init(name: "under", location: "query", type: "string", description: "UUID of the subtree root", schema: uuid),
                            .init(name: "q", location: "query", type: "string", description: "Search in code and name"),
                            .init(name: "kind", location: "query", type: "string", description: "finance_bureau, department, unit or agency", schema: kinds),
                            .init(name: "page", location: "query", type: "integer", description: "Page number from 1", schema: ["type": "integer", "minimum": 1]),
                            .init(name: "per", location: "query", type: "integer", description: "Items per page, at most 1000", schema: ["type": "integer", "minimum": 1, "maximum": 1000])],
                    responseSchema: "OrganizationPage", handler: listOrganizations),
        APIEndpoint(method: .GET, path: ["orgs", ":id"], operationID: "getOrganization", summary: "One organization",
                    tag: "organizations", responseSchema: "Organization", handler: getOrganization),
        APIEndpoint(method: .POST, path: ["orgs"], operationID: "createOrganization", summary: "Create an organization under a parent",
                    tag: "organizations", requestSchema: "OrganizationCreate", successStatus: 201, responseSchema: "Organization",
                    handler: createOrganization),
        APIEndpoint(method: .PATCH, path: ["orgs", ":id"], operationID: "updateOrganization",
                    summary: "Change code, name, level (bureaus) or active flag", tag: "organizations",
                    requestSchema: "OrganizationUpdate", responseSchema: "Organization", handler: updateOrganization),
        APIEndpoint(method: .POST, path: ["orgs", ":id", "move"], operationID: "moveOrganization",
                    summary: "Move an organization and its subtree under another parent", tag: "organizations",
                    requestSchema: "Move", responseSchema: "Organization", handler: moveOrganization),
        APIEndpoint(method: .POST, path: ["orgs", "import"], operationID: "importOrganizations",
                    summary: "Import an organization list (CSV: code,name,kind,level,parent_code); all rows or none",
                    tag: "organizations", requestSchema: "csv", requestMediaType: "text/csv", successStatus: 201,
                    responseSchema: "ImportResult", bodyLimit: "8mb", handler: importOrganizations),
    ]

    static let schemas: [(String, JSONValue)] = [
        ("Organization", object([("id", uuid), ("code", string), ("name", string), ("kind", kinds), ("level", levels),
                                 ("parentID", ["type": ["string", "null"], "format": "uuid"]), ("path", string), ("depth", integer),
                                 ("isActive", boolean)], required: ["id", "code", "name", "kind", "path", "depth", "isActive"])),
        ("OrganizationPage", object([("items", ["type": "array", "items": ref("Organization")]), ("page", integer), ("per", integer), ("total", integer)],
                                    required: ["items", "page", "per", "total"])),
        ("OrganizationCreate", object([("code", code), ("name", name), ("kind", kinds), ("level", levels), ("parentCode", code)],
                                      required: ["code", "name", "kind", "parentCode"])),
        ("OrganizationUpdate", object([("code", nullable(code)), ("name", nullable(name)), ("level", levels), ("isActive", nullable(boolean))], required: [])),
        ("Move", object([("parentCode", code)], required: ["parentCode"])),
    ]

    static func level(_ text: String?) throws -> AdministrativeLevel? {
        guard let text, !text.isEmpty else { return nil }
        guard let level = AdministrativeLevel(key: text) ?? AdministrativeLevel.parse(text) else {
            throw AppError.invalid("level", Message(.importUnknownLevel(text)))
        }
        return level
    }

    @Sendable static func listOrganizations(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        let query = try req.query.decode(ListQuery.self)
        let root = try await OrganizationCommands.visible(query.under ?? user.organizationID, by: try req.caller(), on: req.db)
        let (page, per) = APIRoutes.paging(query)
        var kind: OrganizationKind?
        if let text = query.kind, !text.isEmpty {
            guard let parsed = OrganizationKind(rawValue: text) else { throw AppError.invalid("kind", Message(.importUnknownKind(text))) }
            kind = parsed
        }
        let result = try await OrganizationCommands.subtree(under: root, scope: Authorization.scope(user.actor, .viewOrganization), search: query.q, kind: kind, maximumDepth: nil,
                                                            offset: (page - 1) * per, limit: per, on: req.db)
        return try .json(PageDTO(items: result.items.map(OrganizationDTO.init), page: page, per: per, total: result.total))
    }

    @Sendable static func getOrganization(req: Request) async throws -> Response {
        try .json(OrganizationDTO(try await OrganizationCommands.visible(try APIRoutes.id(req), by: try req.caller(), on: req.db)))
    }

    @Sendable static func createOrganization(req: Request) async throws -> Response {
        let body = try req.content.decode(OrganizationCreateRequest.self)
        guard let kind = OrganizationKind(rawValue: body.kind) ?? OrganizationKind.parse(body.kind) else {
            throw AppError.invalid("kind", Message(.importUnknownKind(body.kind)))
        }
        let draft = OrganizationDraft(code: body.code.trimmed, name: body.name.trimmed,
                                      kind: kind, level: try level(body.level), parentCode: body.parentCode.trimmed)
        return try .json(OrganizationDTO(try await OrganizationCommands.create(draft, by: try req.caller(), on: req.db)), status: .created)
    }

    @Sendable static func updateOrganization(req: Request) async throws -> Response {
        let org = try await OrganizationCommands.visible(try APIRoutes.id(req), by: try req.caller(), on: req.db)
        let body = try req.content.decode(OrganizationUpdateRequest.self)
        let newLevel = try level(body.level) ?? org.administrativeLevel
        // Refusals are audited on their own connection, so the right is checked before the transaction begins.
        try await req.authorize(.manageOrganization, org.accessTarget)
        // Fields and the active flag change together or not at all (the services' own transactions join this one).
        try await req.db.transaction { db in
            if body.code != nil || body.name != nil || body.level != nil {
                try await OrganizationCommands.update(org, code: body.code ?? org.code, name: body.name ?? org.name, level: newLevel, by: try req.caller(), on: db)
            }
            if let active = body.isActive { try await OrganizationCommands.setActive(org, active, by: try req.caller(), on: db) }
        }
        return try .json(OrganizationDTO(org))
    }

    @Sendable static func moveOrganization(req: Request) async throws -> Response {
        let org = try await OrganizationCommands.visible(try APIRoutes.id(req), by: try req.caller(), on: req.db)
        let body = try req.content.decode(MoveRequest.self)
        try await OrganizationCommands.move(org, toParentCode: body.parentCode, by: try req.caller(), on: req.db)
        return try .json(OrganizationDTO(org))
    }

    @Sendable static func importOrganizations(req: Request) async throws -> Response {
        guard let body = req.body.data else { throw AppError(.unprocessableEntity, "csv_empty", Message(.errorCSVEmpty)) }
        return try .json(ImportResponse(imported: try await OrganizationCommands.importCSV(body, maximumBytes: req.application.jixiao.maximumImportBytes, by: try req.caller(), on: req.db)), status: .created)
    }
}

struct OrganizationDTO: Content {
    var id: UUID
    var code: String
    var name: String
    var kind: String
    var level: String?
    var parentID: UUID?
    var path: String
    var depth: Int
    var isActive: Bool

    init(_ model: OrganizationModel) {
        id = model.id!; code = model.code; name = model.name; kind = model.kind
        level = model.administrativeLevel?.key; parentID = model.parentID; path = model.path
        depth = model.depth; isActive = model.isActive
    }
}
struct OrganizationCreateRequest: Content { var code: String; var name: String; var kind: String; var level: String?; var parentCode: String }
struct OrganizationUpdateRequest: Content { var code: String?; var name: String?; var level: String?; var isActive: Bool? }
struct MoveRequest: Content { var parentCode: String }
