import Fluent
import Vapor
import JixiaoDomain

/// `/api/v1` tokens and the signed-in account.
enum AccessAPI: OpenAPIVocabulary {
    static let endpoints: [APIEndpoint] = [
        APIEndpoint(method: .POST, path: ["tokens"], operationID: "createToken",
                    summary: "Exchange username and password for a bearer token (throttled like the sign-in page)",
                    tag: "auth", requiresToken: false, requestSchema: "TokenRequest", successStatus: 201,
                    responseSchema: "TokenResponse", handler: createToken),
        APIEndpoint(method: .DELETE, path: ["tokens", "current"], operationID: "revokeToken",
                    summary: "Revoke the token used for this request", tag: "auth", successStatus: 204, handler: revokeToken),
        APIEndpoint(method: .GET, path: ["me"], operationID: "getMe", summary: "The signed-in user", tag: "auth",
                    responseSchema: "User", handler: me),
    ]

    static let schemas: [(String, JSONValue)] = [
        ("TokenRequest", object([("username", ["type": "string", "maxLength": 64]), ("password", ["type": "string", "maxLength": 72]), ("name", shortText)],
                                required: ["username", "password"])),
        ("TokenResponse", object([("token", string), ("tokenType", string), ("expiresAt", ["type": "string", "format": "date-time"])],
                                 required: ["token", "tokenType", "expiresAt"])),
    ]

    @Sendable static func createToken(req: Request) async throws -> Response {
        let body = try req.content.decode(TokenRequest.self)
        let username = body.username.trimmed.lowercased()
        switch try await SignInController.authenticate(username: username, password: body.password, request: req) {
        case .success(let user) where user.mustChangePassword:
            // A one-time password opens the password page only; API access waits for a real password.
            throw AppError(.forbidden, "password_change_required", Message(.errorPasswordChangeRequired))
        case .success(let user):
            let token = Secrets.token()
            let now = req.application.effects.now()
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
            throw AppError(.tooManyRequests, "throttled", Message(.errorThrottled(String(minutes))))
        case .failed:
            throw AppError(.unauthorized, "bad_credentials", Message(.errorBadCredentials))
        }
    }

    @Sendable static func revokeToken(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        guard let tokenID = user.apiTokenID, let token = try await APITokenModel.find(tokenID, on: req.db) else {
            throw AppError(.badRequest, "not_a_token", Message(.errorInvalidToken))
        }
        token.revokedAt = req.application.effects.now()
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
}

struct TokenRequest: Content { var username: String; var password: String; var name: String? }
struct TokenResponse: Content { var token: String; var tokenType: String; var expiresAt: Date }
