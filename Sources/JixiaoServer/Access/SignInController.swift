import Fluent
import Plot
import Vapor
import JixiaoDomain

/// 登录 / 退出 — the sign-in page with throttling, sign-out, and the language switch.
struct SignInController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("signin", use: form)
        routes.post("signin", use: signIn)
        routes.post("locale", use: switchLocale)
    }

    struct SignInForm: Content {
        var username: String?
        var password: String?
        var next: String?
        var _csrf: String?
    }

    @Sendable func form(req: Request) async throws -> Response {
        if req.signedIn != nil { return req.redirect(to: "/") }
        return renderForm(req, username: "", next: req.query[String.self, at: "next"], error: nil, status: .ok)
    }

    private func renderForm(_ req: Request, username: String, next: String?, error: String?, status: HTTPResponseStatus) -> Response {
        let t = req.localizer
        // Before a session exists the form is protected by a double-submit cookie.
        let token = req.cookies[Cookies.signInCSRF]?.string ?? Secrets.token()
        let response = req.layout.render(title: t(.signInTitle), status: status,
            .p(.class("lead"), .text(t(.signInLead))),
            .unwrap(error) { Components.notice($0, kind: "error") },
            .form(.method(.post), .action("/signin"), .class("card narrow"),
                .input(.type(.hidden), .name("_csrf"), .value(token)),
                .input(.type(.hidden), .name("next"), .value(next ?? "/")),
                Components.textField(label: t(.fieldUsername), name: "username", value: username, required: true, autocomplete: "username"),
                Components.textField(label: t(.fieldPassword), name: "password", type: .password, required: true, autocomplete: "current-password"),
                .button(.type(.submit), .class("primary"), .text(t(.signIn)))
            ),
            .p(.class("hint"), .text(t(.signInHelp)))
        )
        response.cookies[Cookies.signInCSRF] = HTTPCookies.Value(
            string: token, path: "/signin", isSecure: req.application.jixiao.secureCookies, isHTTPOnly: true, sameSite: .strict)
        return response
    }

    @Sendable func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode(SignInForm.self)
        let t = req.localizer
        guard let cookieToken = req.cookies[Cookies.signInCSRF]?.string, let sent = form._csrf,
              Secrets.constantTimeEquals(cookieToken, sent) else {
            try await AuditTrail.record("auth.csrf_rejected", entityType: "request", entityID: "-",
                                        summary: "POST /signin", context: req.auditContext, on: req.db)
            throw AppError(.forbidden, "csrf_rejected", Message(.errorCSRF))
        }
        let username = (form.username ?? "").trimmed.lowercased()
        let next = Self.safeRedirect(form.next)
        switch try await Self.authenticate(username: username, password: form.password ?? "", request: req) {
        case .success(let user):
            let token = try await SessionStore.start(for: user, request: req)
            let response = req.redirect(to: user.mustChangePassword ? "/account/password" : next)
            response.cookies[Cookies.session] = SessionStore.sessionCookie(token, request: req)
            return response
        case .throttled(let minutes):
            return renderForm(req, username: username, next: next, error: t(.errorThrottled, String(minutes)), status: .tooManyRequests)
        case .failed:
            return renderForm(req, username: username, next: next, error: t(.errorBadCredentials), status: .unauthorized)
        }
    }

    enum Outcome { case success(UserModel), throttled(minutes: Int), failed }

    /// The one sign-in decision, shared by the page and the token endpoint: throttle, verify, record.
    static func authenticate(username: String, password: String, request req: Request) async throws -> Outcome {
        let throttle = req.application.jixiao.throttle
        let now = Date()
        let windowStart = throttle.windowStart(now: now)
        let address = req.clientAddress
        let failures = try await SignInAttemptModel.query(on: req.db)
            .filter(\.$succeeded == false).filter(\.$attemptedAt > windowStart)
            .group(.or) { $0.filter(\.$username == username).filter(\.$clientAddress == address) }
            .all()
        let byAccount = failures.filter { $0.username == username }.map(\.attemptedAt)
        let byAddress = failures.filter { $0.clientAddress == address }.map(\.attemptedAt)
        let lockedUntil = [throttle.lockedUntil(failures: byAccount, now: now), throttle.lockedUntil(failures: byAddress, now: now)]
            .compactMap { $0 }.max()
        if let lockedUntil {
            try await AuditTrail.record("auth.signin_throttled", entityType: "user", entityID: username,
                                        summary: "locked until \(AuditTrail.timestamp(lockedUntil))", context: req.auditContext, on: req.db)
            return .throttled(minutes: max(1, Int((lockedUntil.timeIntervalSince(now) / 60).rounded(.up))))
        }

        let user = try await UserModel.query(on: req.db).filter(\.$username == username).with(\.$roles).first()
        // Verify against a fixed hash when the account is unknown so timing does not reveal which names exist.
        let hash = user?.passwordHash ?? "$2b$12$C6UzMDM.H6dfI/f/IKxGhuKZ6yKHuXMpTb/zS0I3b8XsY1g1fV5Oa"
        let matches = try await Passwords.verify(password, hash: hash, on: req.application)
        let succeeded = matches && user != nil && user!.isActive
        try await req.db.transaction { db in
            try await SignInAttemptModel(username: username, clientAddress: address, succeeded: succeeded, at: now).save(on: db)
            var context = req.auditContext
            if let user, succeeded {
                context.userID = user.id!.uuidString.lowercased(); context.userName = user.username
                context.organizationID = user.$organization.id.uuidString.lowercased()
                context.scopePath = (try await OrganizationModel.find(user.$organization.id, on: db))?.path ?? ""
            }
            let reason = succeeded ? "ok" : (user == nil ? "unknown account" : (user!.isActive ? "wrong password" : "account inactive"))
            try await AuditTrail.record(succeeded ? "auth.signin_succeeded" : "auth.signin_failed", entityType: "user",
                                        entityID: user?.id?.uuidString.lowercased() ?? username, summary: "username=\(username) \(reason)",
                                        context: context, on: db)
        }
        if succeeded { try await removeStaleRecords(now: now, on: req.db) }
        return succeeded ? .success(user!) : .failed
    }

    /// Expired sessions and attempts older than a day serve nobody; a successful sign-in sweeps them
    /// so the tables do not grow without end.
    static func removeStaleRecords(now: Date, on db: any Database) async throws {
        try await SessionModel.query(on: db).filter(\.$expiresAt < now).delete()
        try await SignInAttemptModel.query(on: db).filter(\.$attemptedAt < now.addingTimeInterval(-24 * 3600)).delete()
    }

    /// Only same-site paths are followed after sign-in, never another host.
    static func safeRedirect(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\") else { return "/" }
        return next
    }

    struct LocaleForm: Content { var locale: String; var back: String?; var _csrf: String? }

    @Sendable func switchLocale(req: Request) async throws -> Response {
        let form = try req.content.decode(LocaleForm.self)
        guard let locale = AppLocale(tag: form.locale) else { throw AppError.invalid("locale", Message(.errorBadRequest, form.locale)) }
        if let user = req.signedIn {
            // A signed-in person's preference is saved, so the same CSRF rule applies as to every change.
            guard let expected = user.csrfToken, let sent = form._csrf, Secrets.constantTimeEquals(sent, expected) else {
                throw AppError(.forbidden, "csrf_rejected", Message(.errorCSRF))
            }
            try await UserModel.query(on: req.db).filter(\.$id == user.userID).set(\.$locale, to: locale.rawValue).update()
        }
        let response = req.redirect(to: Self.safeRedirect(form.back))
        response.cookies[Cookies.language] = HTTPCookies.Value(string: locale.rawValue, maxAge: 365 * 24 * 3600, path: "/",
                                                                isSecure: req.application.jixiao.secureCookies, isHTTPOnly: true, sameSite: .lax)
        return response
    }
}
