import Fluent
import SQLKit
import JixiaoDomain
import Vapor

/// Browser sessions and API tokens: creating them, finding the person behind one, ending them.
enum SessionStore {
    static func loadUser(_ userID: UUID, on db: any Database) async throws -> (UserModel, OrganizationModel)? {
        guard let user = try await UserModel.query(on: db).filter(\.$id == userID).with(\.$roles).with(\.$organization).first(),
              user.isActive, user.organization.isActive else { return nil }
        return (user, user.organization)
    }

    /// Starts a session and returns the cookie token (only its digest is stored).
    static func start(for user: UserModel, request: Request) async throws -> String {
        let token = Secrets.token()
        let now = request.application.effects.now()
        let session = SessionModel(tokenHash: Secrets.digest(token), userID: try user.requireID(), csrfToken: Secrets.token(),
                                   now: now, expiresAt: now.addingTimeInterval(request.application.jixiao.sessionLifetime),
                                   clientAddress: request.clientAddress)
        try await session.save(on: request.db)
        return token
    }

    enum Lookup { case valid(SignedInUser), rejected(String) }

    /// A session or token with the person, organisation and roles behind it, read in one query (a row per role):
    /// every signed-in request starts here, so it is one round trip rather than four.
    private struct CredentialRow: Decodable {
        var credential_id: UUID
        var expires_at: Date
        var seen_at: Date?
        var revoked_at: Date?
        var csrf_token: String?
        var user_id: UUID
        var username: String
        var display_name: String
        var locale: String?
        var must_change_password: Bool
        var user_active: Bool
        var organization_id: UUID
        var organization_name: String
        var organization_kind: String
        var organization_path: String
        var organization_active: Bool
        var role: String?
    }

    private enum Credential { case session, token }

    private static func credential(_ kind: Credential, tokenHash: String, on db: any Database) async throws -> [CredentialRow] {
        let specific = switch kind {
        case .session: " c.last_seen_at AS seen_at, NULL AS revoked_at, c.csrf_token AS csrf_token FROM sessions c"
        case .token: " c.last_used_at AS seen_at, c.revoked_at AS revoked_at, NULL AS csrf_token FROM api_tokens c"
        }
        var sql: SQLQueryString = """
            SELECT c.id AS credential_id, c.expires_at AS expires_at,
                   u.id AS user_id, u.username, u.display_name, u.locale, u.must_change_password, u.is_active AS user_active,
                   o.id AS organization_id, o.name AS organization_name, o.kind AS organization_kind, o.path AS organization_path,
                   o.is_active AS organization_active, r.role AS role,
            """
        sql.appendInterpolation(unsafeRaw: specific)
        sql.appendInterpolation(unsafeRaw: "\nJOIN users u ON u.id = c.user_id\nJOIN organizations o ON o.id = u.organization_id\n")
        sql.appendInterpolation(unsafeRaw: "LEFT JOIN user_roles r ON r.user_id = u.id\nWHERE c.token_hash = ")
        sql.appendInterpolation(bind: tokenHash)
        return try await db.sql.raw(sql).all(decoding: CredentialRow.self)
    }

    private static func signedIn(_ rows: [CredentialRow]) -> SignedInUser? {
        guard let first = rows.first, first.user_active, first.organization_active else { return nil }
        return SignedInUser(userID: first.user_id, username: first.username, displayName: first.display_name, locale: AppLocale(tag: first.locale),
                            mustChangePassword: first.must_change_password, organizationID: first.organization_id,
                            organizationName: first.organization_name,
                            organizationKind: OrganizationKind(rawValue: first.organization_kind) ?? .unit,
                            organizationPath: HierarchyPath(rawValue: first.organization_path),
                            roles: Set(rows.compactMap { $0.role.flatMap(Role.init(rawValue:)) }))
    }

    static func resolveSession(token: String, request: Request) async throws -> Lookup {
        let rows = try await credential(.session, tokenHash: Secrets.digest(token), on: request.db)
        guard let row = rows.first else { return .rejected("unknown session") }
        let now = request.application.effects.now()
        guard row.expires_at > now else {
            try await SessionModel.query(on: request.db).filter(\.$id == row.credential_id).delete()
            return .rejected("expired session")
        }
        guard var signedIn = signedIn(rows) else {
            try await SessionModel.query(on: request.db).filter(\.$id == row.credential_id).delete()
            return .rejected("account inactive")
        }
        // Sliding expiry, written at most once a minute so reads stay reads.
        if now.timeIntervalSince(row.seen_at ?? .distantPast) > 60 {
            try await noteSeen(request) {
                try await SessionModel.query(on: request.db).filter(\.$id == row.credential_id)
                    .set(\.$lastSeenAt, to: now).set(\.$expiresAt, to: now.addingTimeInterval(request.application.jixiao.sessionLifetime)).update()
            }
        }
        signedIn.sessionID = row.credential_id
        signedIn.csrfToken = row.csrf_token
        return .valid(signedIn)
    }

    static func resolveBearer(token: String, request: Request) async throws -> Lookup {
        let rows = try await credential(.token, tokenHash: Secrets.digest(token), on: request.db)
        guard let row = rows.first else { return .rejected("unknown token") }
        let now = request.application.effects.now()
        if row.revoked_at != nil { return .rejected("revoked token") }
        if row.expires_at <= now { return .rejected("expired token") }
        guard var signedIn = signedIn(rows) else { return .rejected("account inactive") }
        if row.seen_at.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            try await noteSeen(request) {
                try await APITokenModel.query(on: request.db).filter(\.$id == row.credential_id).set(\.$lastUsedAt, to: now).update()
            }
        }
        signedIn.apiTokenID = row.credential_id
        return .valid(signedIn)
    }

    /// Writes when a credential was last used. A convenience that must not hold up a read: while another writer holds
    /// SQLite's write lock (an import saving), the request goes on and a later one writes it.
    private static func noteSeen(_ request: Request, _ write: () async throws -> Void) async throws {
        do {
            try await write()
        } catch where SQLiteWriters.isBusy(error) {
            request.logger.debug("credential's last use not written: SQLite write lock busy")
        }
    }

    /// Whose credentials to end: one person, or everyone of an organisation.
    enum CredentialHolders { case user(UUID), organization(UUID) }

    /// Ends every browser session and revokes every API token of the holders, inside the caller's transaction.
    /// Called whenever what a credential stood for changes: a password changed or reset, an account or its
    /// organisation deactivated, roles or organisation changed. `keepingSession` spares the browser that made a
    /// person's own password change. Returns how many sessions and tokens ended, for the audit entry.
    @discardableResult
    static func revokeAll(of holders: CredentialHolders, keepingSession: UUID? = nil, now: Date = Date(),
                          on db: any Database) async throws -> (sessions: Int, tokens: Int) {
        let userIDs: [UUID]
        switch holders {
        case .user(let id): userIDs = [id]
        case .organization(let id): userIDs = try await UserModel.query(on: db).filter(\.$organization.$id == id).all(\.$id)
        }
        guard !userIDs.isEmpty else { return (0, 0) }
        let sessions = SessionModel.query(on: db).filter(\.$user.$id ~~ userIDs)
        if let keepingSession { sessions.filter(\.$id != keepingSession) }
        let sessionCount = try await sessions.count()
        try await sessions.delete()
        let tokens = APITokenModel.query(on: db).filter(\.$user.$id ~~ userIDs).filter(\.$revokedAt == nil)
        let tokenCount = try await tokens.count()
        try await tokens.set(\.$revokedAt, to: now).update()
        return (sessionCount, tokenCount)
    }

    static func sessionCookie(_ token: String, request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, expires: nil, maxAge: nil, path: "/",
                          isSecure: request.application.jixiao.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }
}

/// Finds who is behind each request: the session cookie for pages, the bearer token for the API.
/// Forged or expired credentials are recorded in the audit trail and answered as anonymous (pages)
/// or 401 (API).
struct AuthenticationMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.isAPI {
            // The API never reads cookies: a browser's session cannot be ridden by a cross-site request.
            if let bearer = request.headers.bearerAuthorization {
                switch try await SessionStore.resolveBearer(token: bearer.token, request: request) {
                case .valid(let user): request.signedIn = user
                case .rejected(let reason):
                    var refusal = AppError(.unauthorized, "invalid_token", Message(.errorInvalidToken))
                    refusal.auditNote = reason
                    throw refusal
                }
            }
            return try await next.respond(to: request)
        }
        var clearCookie = false
        if let token = request.cookies[Cookies.session]?.string, !token.isEmpty {
            switch try await SessionStore.resolveSession(token: token, request: request) {
            case .valid(let user): request.signedIn = user
            case .rejected(let reason):
                clearCookie = true
                request.noteRefusal("auth.session_rejected", summary: "\(reason) \(request.method.rawValue) \(request.url.path)")
            }
        }
        let response = try await next.respond(to: request)
        if clearCookie && response.cookies[Cookies.session] == nil { response.cookies[Cookies.session] = .expired }
        return response
    }
}

/// Pages behind sign-in: anonymous visitors go to the sign-in page, API callers get 401.
/// A person who must change the one-time password is held on the password page.
struct RequireSignInMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let user = request.signedIn else {
            if request.isAPI { throw AppError.unauthenticated() }
            return request.redirect(to: AccessRoute.signIn(next: request.url.string))
        }
        if user.mustChangePassword, !request.isAPI, !request.url.path.hasPrefix(AccessRoute.password.url),
           request.url.path != AccessRoute.signOut.url {
            return request.redirect(to: AccessRoute.password)
        }
        return try await next.respond(to: request)
    }
}

/// Every state-changing form of a signed-in browser carries the session's CSRF token
/// (form field `_csrf` or header `X-CSRF-Token`).
struct CSRFMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method != .GET && request.method != .HEAD {
            // Vapor collects a route's body only after the middleware has run; a form larger than the first
            // chunk would reach us unread, so collect it here, within the route's own limit.
            if request.body.data == nil {
                _ = try await request.body.collect(max: request.route?.bodyLimit ?? request.application.routes.defaultMaxBodySize.value).get()
            }
            let sent = request.headers.first(name: "X-CSRF-Token") ?? (try? request.content.get(String.self, at: "_csrf"))
            guard let expected = request.signedIn?.csrfToken, let sent, Secrets.constantTimeEquals(sent, expected) else {
                throw AppError(.forbidden, "csrf_rejected", Message(.errorCSRF))
            }
        }
        return try await next.respond(to: request)
    }
}

extension Route {
    private static let bodyLimitKey = "jixiao.bodyLimit"

    /// The body size a route accepts when it differs from the application's default; set where the route
    /// is registered with a larger `.collect(maxSize:)`, read by middleware that must look at the body first.
    var bodyLimit: Int? {
        get { userInfo[AnySendableHashable(Self.bodyLimitKey)] as? Int }
        set { userInfo[AnySendableHashable(Self.bodyLimitKey)] = newValue }
    }
}
