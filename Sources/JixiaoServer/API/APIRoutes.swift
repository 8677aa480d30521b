import Fluent
import Vapor
import JixiaoDomain

/// Every `/api/v1` operation. Pages and API share the services; only decoding and rendering differ.
enum APIRoutes {
    static var endpoints: [APIEndpoint] { coreEndpoints + GoalAPI.endpoints }

    static let coreEndpoints: [APIEndpoint] = [
        APIEndpoint(method: .GET, path: ["openapi.json"], operationID: "getOpenAPI", summary: "This OpenAPI document",
                    tag: "meta", requiresToken: false, handler: { req in try Response.json(OpenAPIDocument.build()) }),
        APIEndpoint(method: .POST, path: ["tokens"], operationID: "createToken",
                    summary: "Exchange username and password for a bearer token (throttled like the sign-in page)",
                    tag: "auth", requiresToken: false, requestSchema: "TokenRequest", successStatus: 201,
                    responseSchema: "TokenResponse", handler: createToken),
        APIEndpoint(method: .DELETE, path: ["tokens", "current"], operationID: "revokeToken",
                    summary: "Revoke the token used for this request", tag: "auth", successStatus: 204, handler: revokeToken),
        APIEndpoint(method: .GET, path: ["me"], operationID: "getMe", summary: "The signed-in user", tag: "auth",
                    responseSchema: "User", handler: me),
        APIEndpoint(method: .GET, path: ["orgs"], operationID: "listOrganizations",
                    summary: "Organizations in a subtree (default: the caller's), ordered by hierarchy path", tag: "organizations",
                    query: [.init(name: "under", location: "query", type: "string", description: "UUID of the subtree root", schema: OpenAPIDocument.uuid),
                            .init(name: "q", location: "query", type: "string", description: "Search in code and name"),
                            .init(name: "kind", location: "query", type: "string", description: "finance_bureau, department, unit or agency", schema: OpenAPIDocument.kinds),
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
        APIEndpoint(method: .GET, path: ["users"], operationID: "listUsers", summary: "Users in a subtree (default: the caller's)",
                    tag: "users",
                    query: [.init(name: "under", location: "query", type: "string", description: "UUID of the subtree root", schema: OpenAPIDocument.uuid),
                            .init(name: "q", location: "query", type: "string", description: "Search in username and name"),
                            .init(name: "page", location: "query", type: "integer", description: "Page number from 1", schema: ["type": "integer", "minimum": 1]),
                            .init(name: "per", location: "query", type: "integer", description: "Items per page, at most 1000", schema: ["type": "integer", "minimum": 1, "maximum": 1000])],
                    responseSchema: "UserPage", handler: listUsers),
        APIEndpoint(method: .GET, path: ["users", ":id"], operationID: "getUser", summary: "One user", tag: "users",
                    responseSchema: "User", handler: getUser),
        APIEndpoint(method: .POST, path: ["users"], operationID: "createUser",
                    summary: "Create a user; without a password a one-time password is returned", tag: "users",
                    requestSchema: "UserCreate", successStatus: 201, responseSchema: "UserCreated", handler: createUser),
        APIEndpoint(method: .PATCH, path: ["users", ":id"], operationID: "updateUser",
                    summary: "Change name, organization, roles or active flag", tag: "users",
                    requestSchema: "UserUpdate", responseSchema: "User", handler: updateUser),
        APIEndpoint(method: .POST, path: ["users", ":id", "reset-password"], operationID: "resetUserPassword",
                    summary: "Set a one-time password and end the user's sessions", tag: "users",
                    responseSchema: "PasswordReset", handler: resetPassword),
    ]

    static func register(on routes: any RoutesBuilder) {
        let api = routes.grouped("api", "v1")
        let signedIn = api.grouped(RequireSignInMiddleware())
        for endpoint in endpoints {
            let builder = endpoint.requiresToken ? signedIn : api
            let body: HTTPBodyStreamStrategy = endpoint.bodyLimit.map { .collect(maxSize: $0) } ?? .collect
            let handler = endpoint.handler
            let expectsJSON = endpoint.requestSchema != nil && endpoint.requestMediaType == "application/json"
            builder.on(endpoint.method, endpoint.path.map { PathComponent(stringLiteral: $0) }, body: body) { req in
                // A JSON operation refuses other media types as the document says (415), rather than failing to decode (400).
                if expectsJSON, let type = req.headers.contentType, type.type != "application" || type.subType != "json" {
                    throw AppError(.unsupportedMediaType, "unsupported_media_type", Message(.errorBadRequest, "Content-Type: application/json"))
                }
                return try await handler(req)
            }
        }
    }

    // MARK: decoding helpers

    private static func id(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound() }
        return id
    }

    private static func paging(_ query: ListQuery) -> (page: Int, per: Int) {
        (max(1, query.page ?? 1), min(1000, max(1, query.per ?? 100)))
    }

    private static func level(_ text: String?) throws -> AdministrativeLevel? {
        guard let text, !text.isEmpty else { return nil }
        guard let level = AdministrativeLevel(key: text) ?? AdministrativeLevel.parse(text) else {
            throw AppError.invalid("level", Message(.importUnknownLevel, text))
        }
        return level
    }

    private static func roles(_ texts: [String]) throws -> Set<Role> {
        try Set(texts.map { text in
            guard let role = Role(rawValue: text) else { throw AppError.invalid("roles", Message(.errorUnknownRole, text)) }
            return role
        })
    }

    // MARK: handlers

    @Sendable static func createToken(req: Request) async throws -> Response {
        let body = try req.content.decode(TokenRequest.self)
        let username = body.username.trimmed.lowercased()
        switch try await SignInController.authenticate(username: username, password: body.password, request: req) {
        case .success(let user) where user.mustChangePassword:
            // A one-time password opens the password page only; API access waits for a real password.
            throw AppError(.forbidden, "password_change_required", Message(.errorPasswordChangeRequired))
        case .success(let user):
            let token = Secrets.token()
            let now = Date()
            let expires = now.addingTimeInterval(req.application.jixiao.apiTokenLifetime)
            let record = APITokenModel(tokenHash: Secrets.digest(token), userID: user.id!, name: body.name ?? "api", now: now, expiresAt: expires)
            try await req.db.transaction { db in
                try await record.create(on: db)
                var context = req.auditContext
                context.userID = user.id!.uuidString.lowercased(); context.userName = user.username
                try await AuditTrail.record("auth.token_created", entityType: "api_token", entityID: record.id!.uuidString.lowercased(),
                                            summary: "name=\(record.name) expires=\(AuditTrail.timestamp(expires))", context: context, on: db)
            }
            return try .json(TokenResponse(token: token, tokenType: "Bearer", expiresAt: expires), status: .created)
        case .throttled(let minutes):
            throw AppError(.tooManyRequests, "throttled", Message(.errorThrottled, String(minutes)))
        case .failed:
            throw AppError(.unauthorized, "bad_credentials", Message(.errorBadCredentials))
        }
    }

    @Sendable static func revokeToken(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        guard let tokenID = user.apiTokenID, let token = try await APITokenModel.find(tokenID, on: req.db) else {
            throw AppError(.badRequest, "not_a_token", Message(.errorInvalidToken))
        }
        token.revokedAt = Date()
        try await req.db.transaction { db in
            try await token.save(on: db)
            try await AuditTrail.record("auth.token_revoked", entityType: "api_token", entityID: tokenID.uuidString.lowercased(),
                                        summary: "name=\(token.name)", context: req.auditContext, on: db)
        }
        return Response(status: .noContent)
    }

    @Sendable static func me(req: Request) async throws -> Response {
        // Everyone may read their own account, whatever their roles.
        guard let user = try await UserModel.query(on: req.db).filter(\.$id == (try req.requireSignedIn().userID))
            .with(\.$roles).with(\.$organization).first() else { throw AppError.unauthenticated() }
        return try .json(UserDTO(user))
    }

    @Sendable static func listOrganizations(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        let query = try req.query.decode(ListQuery.self)
        let root = try await OrganizationService.visible(query.under ?? user.organizationID, req)
        let (page, per) = paging(query)
        var kind: OrganizationKind?
        if let text = query.kind, !text.isEmpty {
            guard let parsed = OrganizationKind(rawValue: text) else { throw AppError.invalid("kind", Message(.importUnknownKind, text)) }
            kind = parsed
        }
        let result = try await OrganizationService.subtree(under: root, scope: Authorization.scope(user.actor, .viewOrganization), search: query.q, kind: kind, maximumDepth: nil,
                                                            offset: (page - 1) * per, limit: per, on: req.db)
        return try .json(PageDTO(items: result.items.map(OrganizationDTO.init), page: page, per: per, total: result.total))
    }

    @Sendable static func getOrganization(req: Request) async throws -> Response {
        try .json(OrganizationDTO(try await OrganizationService.visible(try id(req), req)))
    }

    @Sendable static func createOrganization(req: Request) async throws -> Response {
        let body = try req.content.decode(OrganizationCreateRequest.self)
        guard let kind = OrganizationKind(rawValue: body.kind) ?? OrganizationKind.parse(body.kind) else {
            throw AppError.invalid("kind", Message(.importUnknownKind, body.kind))
        }
        let draft = OrganizationDraft(code: body.code.trimmed, name: body.name.trimmed,
                                      kind: kind, level: try level(body.level), parentCode: body.parentCode.trimmed)
        return try .json(OrganizationDTO(try await OrganizationService.create(draft, req)), status: .created)
    }

    @Sendable static func updateOrganization(req: Request) async throws -> Response {
        let org = try await OrganizationService.visible(try id(req), req)
        let body = try req.content.decode(OrganizationUpdateRequest.self)
        let newLevel = try level(body.level) ?? org.administrativeLevel
        // Refusals are audited on their own connection, so the right is checked before the transaction begins.
        try await req.authorize(.manageOrganization, org.accessTarget)
        // Fields and the active flag change together or not at all (the services' own transactions join this one).
        try await req.db.transaction { db in
            if body.code != nil || body.name != nil || body.level != nil {
                try await OrganizationService.update(org, code: body.code ?? org.code, name: body.name ?? org.name, level: newLevel, req, on: db)
            }
            if let active = body.isActive { try await OrganizationService.setActive(org, active, req, on: db) }
        }
        return try .json(OrganizationDTO(org))
    }

    @Sendable static func moveOrganization(req: Request) async throws -> Response {
        let org = try await OrganizationService.visible(try id(req), req)
        let body = try req.content.decode(MoveRequest.self)
        try await OrganizationService.move(org, toParentCode: body.parentCode, req)
        return try .json(OrganizationDTO(org))
    }

    @Sendable static func importOrganizations(req: Request) async throws -> Response {
        guard let body = req.body.data else { throw AppError(.unprocessableEntity, "csv_empty", Message(.errorCSVEmpty)) }
        return try .json(ImportResponse(imported: try await OrganizationImportService.importCSV(body, req)), status: .created)
    }

    @Sendable static func listUsers(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        guard Authorization.mayEver(user.actor, .viewUser) else { throw AppError.forbidden() }
        let query = try req.query.decode(ListQuery.self)
        let root = try await OrganizationService.visible(query.under ?? user.organizationID, req, for: .viewUser)
        let (page, per) = paging(query)
        let result = try await UserService.list(under: root, search: query.q, offset: (page - 1) * per, limit: per, on: req.db)
        return try .json(PageDTO(items: result.items.map(UserDTO.init), page: page, per: per, total: result.total))
    }

    @Sendable static func getUser(req: Request) async throws -> Response {
        try .json(UserDTO(try await UserService.visible(try id(req), req)))
    }

    @Sendable static func createUser(req: Request) async throws -> Response {
        let body = try req.content.decode(UserCreateRequest.self)
        let draft = UserDraft(username: body.username.trimmed.lowercased(),
                              displayName: body.displayName.trimmed,
                              organizationCode: body.organizationCode, roles: try roles(body.roles), password: body.password ?? "")
        let (user, generated) = try await UserService.create(draft, req)
        return try .json(UserCreateResponse(user: UserDTO(user), oneTimePassword: generated), status: .created)
    }

    @Sendable static func updateUser(req: Request) async throws -> Response {
        let user = try await UserService.visible(try id(req), req)
        let body = try req.content.decode(UserUpdateRequest.self)
        try await UserService.update(user, displayName: body.displayName?.trimmed ?? user.displayName,
                                     organizationCode: body.organizationCode?.trimmed ?? user.organization.code,
                                     roles: try body.roles.map(roles) ?? user.roleSet, active: body.isActive, req)
        return try .json(UserDTO(user))
    }

    @Sendable static func resetPassword(req: Request) async throws -> Response {
        let user = try await UserService.visible(try id(req), req)
        return try .json(PasswordResetResponse(oneTimePassword: try await UserService.resetPassword(user, req)))
    }
}
