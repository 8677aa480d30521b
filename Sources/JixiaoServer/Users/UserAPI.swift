import Fluent
import Vapor
import JixiaoDomain

/// `/api/v1/users`: accounts, their roles and passwords.
enum UserAPI: OpenAPIVocabulary {
    private static var roles: JSONValue { ["type": "array", "uniqueItems": true, "minItems": 1, "items": values(Role.self)] }
    private static var username: JSONValue { ["type": "string", "pattern": "^[a-z0-9._-]{3,64}$"] }
    private static var password: JSONValue { ["type": "string", "minLength": .int(PasswordPolicy.minimumLength), "maxLength": 72] }

    static let endpoints: [APIEndpoint] = [
        APIEndpoint(method: .GET, path: ["users"], operationID: "listUsers", summary: "Users in a subtree (default: the caller's)",
                    tag: "users",
                    query: [.init(name: "under", location: "query", type: "string", description: "UUID of the subtree root", schema: uuid),
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

    static let schemas: [(String, JSONValue)] = [
        ("User", object([("id", uuid), ("username", string), ("displayName", string), ("organizationID", uuid),
                         ("organizationCode", nullableString), ("roles", roles), ("isActive", boolean), ("mustChangePassword", boolean)],
                        required: ["id", "username", "displayName", "organizationID", "roles", "isActive", "mustChangePassword"])),
        ("UserPage", object([("items", ["type": "array", "items": ref("User")]), ("page", integer), ("per", integer), ("total", integer)],
                            required: ["items", "page", "per", "total"])),
        ("UserCreate", object([("username", username), ("displayName", name), ("organizationCode", code), ("roles", roles), ("password", nullable(password))],
                              required: ["username", "displayName", "organizationCode", "roles"])),
        ("UserCreated", object([("user", ref("User")), ("oneTimePassword", nullableString)], required: ["user"])),
        ("UserUpdate", object([("displayName", nullable(name)), ("organizationCode", nullable(code)), ("roles", nullable(roles)),
                               ("isActive", nullable(boolean))], required: [])),
        ("PasswordReset", object([("oneTimePassword", string)], required: ["oneTimePassword"])),
    ]

    private static func roles(from texts: [String]) throws -> Set<Role> {
        try Set(texts.map { text in
            guard let role = Role(rawValue: text) else { throw AppError.invalid("roles", Message(.errorUnknownRole(text))) }
            return role
        })
    }

    @Sendable static func listUsers(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        guard Authorization.mayEver(user.actor, .viewUser) else { throw AppError.forbidden() }
        let query = try req.query.decode(ListQuery.self)
        let root = try await OrganizationCommands.visible(query.under ?? user.organizationID, for: .viewUser, by: try req.caller(), on: req.db)
        let (page, per) = APIRoutes.paging(query)
        let result = try await UserCommands.list(under: root, scope: Authorization.scope(user.actor, .viewUser), search: query.q, offset: (page - 1) * per, limit: per, on: req.db)
        return try .json(PageDTO(items: result.items.map(UserDTO.init), page: page, per: per, total: result.total))
    }

    @Sendable static func getUser(req: Request) async throws -> Response {
        try .json(UserDTO(try await UserCommands.visible(try APIRoutes.id(req), by: try req.caller(), on: req.db)))
    }

    @Sendable static func createUser(req: Request) async throws -> Response {
        let body = try req.content.decode(UserCreateRequest.self)
        let draft = UserDraft(username: body.username.trimmed.lowercased(),
                              displayName: body.displayName.trimmed,
                              organizationCode: body.organizationCode, roles: try roles(from: body.roles), password: body.password ?? "")
        let (user, generated) = try await UserCommands.create(draft, by: try req.caller(), on: req.db)
        return try .json(UserCreateResponse(user: UserDTO(user), oneTimePassword: generated), status: .created)
    }

    @Sendable static func updateUser(req: Request) async throws -> Response {
        let user = try await UserCommands.visible(try APIRoutes.id(req), by: try req.caller(), on: req.db)
        let body = try req.content.decode(UserUpdateRequest.self)
        try await UserCommands.update(user, displayName: body.displayName?.trimmed ?? user.displayName,
                                     organizationCode: body.organizationCode?.trimmed ?? user.organization.code,
                                     roles: try body.roles.map(roles(from:)) ?? user.roleSet, active: body.isActive, by: try req.caller(), on: req.db)
        return try .json(UserDTO(user))
    }

    @Sendable static func resetPassword(req: Request) async throws -> Response {
        let user = try await UserCommands.visible(try APIRoutes.id(req), by: try req.caller(), on: req.db)
        return try .json(PasswordResetResponse(oneTimePassword: try await UserCommands.resetPassword(user, by: try req.caller(), on: req.db)))
    }
}

struct UserDTO: Content {
    var id: UUID
    var username: String
    var displayName: String
    var organizationID: UUID
    var organizationCode: String?
    var roles: [String]
    var isActive: Bool
    var mustChangePassword: Bool

    init(_ model: UserModel) {
        id = model.id!; username = model.username; displayName = model.displayName
        organizationID = model.$organization.id; organizationCode = model.$organization.value?.code
        roles = model.roleSet.map(\.rawValue).sorted(); isActive = model.isActive; mustChangePassword = model.mustChangePassword
    }
}
struct UserCreateRequest: Content { var username: String; var displayName: String; var organizationCode: String; var roles: [String]; var password: String? }
struct UserCreateResponse: Content { var user: UserDTO; var oneTimePassword: String? }
struct UserUpdateRequest: Content { var displayName: String?; var organizationCode: String?; var roles: [String]?; var isActive: Bool? }
struct PasswordResetResponse: Content { var oneTimePassword: String }
