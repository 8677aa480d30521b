import Fluent
import Plot
import Vapor
import JixiaoDomain

/// 登录 / 退出 — the sign-in page with throttling, sign-out, and the language switch.
struct SignInController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(AccessRoute.signIn(), use: form)
        routes.post(AccessRoute.signIn(), use: signIn)
        routes.post(AccessRoute.locale, use: switchLocale)
    }

    struct SignInForm: Content {
        var username: String?
        var password: String?
        var next: String?
        var _csrf: String?
    }

    @Sendable func form(req: Request) async throws -> Response {
        if req.signedIn != nil { return req.redirect(to: HomeRoute.home()) }
        return renderForm(req, username: "", next: Self.safeRedirect(req.query[String.self, at: "next"]), error: nil, status: .ok)
    }

    private func renderForm(_ req: Request, username: String, next: String?, error: String?, status: HTTPResponseStatus) -> Response {
        let t = req.localizer
        // Before a session exists the form is protected by a double-submit cookie.
        let token = req.cookies[Cookies.signInCSRF]?.string ?? Secrets.token()
        let response = req.layout.render(title: t(.signInTitle), status: status,
            .p(.class("lead"), .text(t(.signInLead))),
            .unwrap(error) { Components.notice($0, kind: "error") },
            .form(.method(.post), .action(AccessRoute.signIn().url), .class("card narrow"),
                .input(.type(.hidden), .name("_csrf"), .value(token)),
                .input(.type(.hidden), .name("next"), .value(next ?? HomeRoute.home().url)),
                Components.textField(label: t(.fieldUsername), name: "username", value: username, required: true, autocomplete: "username"),
                Components.textField(label: t(.fieldPassword), name: "password", type: .password, required: true, autocomplete: "current-password"),
                .button(.type(.submit), .class("primary"), .text(t(.signIn)))
            ),
            .p(.class("hint"), .text(t(.signInHelp)))
        )
        response.cookies[Cookies.signInCSRF] = HTTPCookies.Value(
            string: token, path: AccessRoute.signIn().url, isSecure: req.application.jixiao.secureCookies, isHTTPOnly: true, sameSite: .strict)
        return response
    }

    @Sendable func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode(SignInForm.self)
        let t = req.localizer
        guard let cookieToken = req.cookies[Cookies.signInCSRF]?.string, let sent = form._csrf,
              Secrets.constantTimeEquals(cookieToken, sent) else {
            throw AppError(.forbidden, "csrf_rejected", Message(.errorCSRF))
        }
        let username = (form.username ?? "").trimmed.lowercased()
        let next = Self.safeRedirect(form.next)
        switch try await Self.authenticate(username: username, password: form.password ?? "", request: req) {
        case .success(let user):
            let token = try await SessionStore.start(for: user, request: req)
            let response = req.redirect(to: user.mustChangePassword ? AccessRoute.password.url : next)
            response.cookies[Cookies.session] = SessionStore.sessionCookie(token, request: req)
            return response
        case .throttled(let minutes):
            return renderForm(req, username: username, next: next, error: t(.errorThrottled(String(minutes))), status: .tooManyRequests)
        case .failed:
            return renderForm(req, username: username, next: next, error: t(.errorBadCredentials), status: .unauthorized)
        }
    }

    enum Outcome { case success(UserModel), throttled(minutes: Int), failed }

    /// The one sign-in decision, shared by the page and the token endpoint: throttle, verify, record.
    ///
    /// 1. In one short transaction the account's and the address's lock rows are written first (which holds their
    ///    write locks until it commits), failures within the window are counted and this attempt is recorded as a
    ///    failure. Attempts on one account therefore pass this step one at a time across every process, and an
    ///    attempt still being verified already counts: never more than `maximumFailures` are verified in a window.
    /// 2. The password is verified with no transaction and no connection held (bcrypt is slow on purpose).
    /// 3. A success turns its attempt into a success; the outcome is written to the audit trail.
    static func authenticate(username: String, password: String, request req: Request) async throws -> Outcome {
        let throttle = req.application.jixiao.throttle
        let address = req.clientAddress
        // A name no account can have (too long, a NUL byte, other characters) is counted under one key and never
        // looked up: it cannot succeed, and it must not reach the database as a lock key.
        let account = UserCommands.isValidUsername(username) ? username : "(invalid)"
        let reservation: Result<(UUID, Date), ThrottledUntil> = try await req.db.transaction { db in
            for key in ["account:\(account)", "address:\(address)"] {   // always this order: no lock cycles
                try await db.sql.raw("""
                    INSERT INTO sign_in_locks (lock_key, touched_at) VALUES (\(bind: key), \(bind: Int64(Date().timeIntervalSince1970)))
                    ON CONFLICT (lock_key) DO UPDATE SET touched_at = excluded.touched_at
                    """).run()
            }
            // The clock is read once the locks are held: attempts recorded while this one waited are then in the past.
            let now = Date()
            let windowStart = throttle.windowStart(now: now)
            let failures = try await SignInAttemptModel.query(on: db)
                .filter(\.$succeeded == false).filter(\.$attemptedAt > windowStart)
                .group(.or) { $0.filter(\.$username == account).filter(\.$clientAddress == address) }
                .all()
            let byAccount = failures.filter { $0.username == account }.map(\.attemptedAt)
            let byAddress = failures.filter { $0.clientAddress == address }.map(\.attemptedAt)
            if let lockedUntil = [throttle.lockedUntil(failures: byAccount, now: now), throttle.lockedUntil(failures: byAddress, now: now)]
                .compactMap({ $0 }).max() {
                req.noteRefusal("auth.signin_throttled", summary: "username=\(account) locked until \(AuditTrail.timestamp(lockedUntil))")
                return .failure(ThrottledUntil(date: lockedUntil))
            }
            let attempt = SignInAttemptModel(username: account, clientAddress: address, succeeded: false, at: now)
            try await attempt.create(on: db)
            return .success((attempt.id!, now))
        }
        let attemptID: UUID, now: Date
        switch reservation {
        case .failure(let throttled):
            return .throttled(minutes: max(1, Int((throttled.date.timeIntervalSince(Date()) / 60).rounded(.up))))
        case .success(let reserved): (attemptID, now) = reserved
        }

        let user = try await UserModel.query(on: req.db).filter(\.$username == account).with(\.$roles).with(\.$organization).first()
        // Verify against a fixed hash when the account is unknown so timing does not reveal which names exist.
        let hash: String
        if let user { hash = user.passwordHash } else { hash = try await req.application.dummyPasswordHash() }
        let matches: Bool
        do { matches = try await Passwords.verify(password, hash: hash, on: req.application) } catch {
            // Not verified (the server was too busy): the attempt does not count against the account.
            try? await SignInAttemptModel.query(on: req.db).filter(\.$id == attemptID).delete()
            throw error
        }
        let succeeded = matches && user != nil && user!.isActive && user!.organization.isActive
        try await req.db.transaction { db in
            if succeeded {
                try await SignInAttemptModel.query(on: db).filter(\.$id == attemptID).set(\.$succeeded, to: true).update()
            }
            var context = req.auditContext
            if let user, succeeded {
                context.userID = user.id!.uuidString.lowercased(); context.userName = user.username
                context.organizationID = user.$organization.id.uuidString.lowercased()
                context.scopePath = user.organization.path
            }
            let reason = succeeded ? "ok" : (user == nil ? "unknown account" : (!matches ? "wrong password"
                : (user!.isActive ? "organization inactive" : "account inactive")))
            try await AuditTrail.record(succeeded ? "auth.signin_succeeded" : "auth.signin_failed", entityType: "user",
                                        entityID: user?.id?.uuidString.lowercased() ?? account, summary: "username=\(account) \(reason)",
                                        context: context, on: db)
        }
        // Housekeeping must never turn a correct sign-in into an error.
        if succeeded { try? await removeStaleRecords(now: now, on: req.db) }
        return succeeded ? .success(user!) : .failed
    }

    struct ThrottledUntil: Error { var date: Date }

    /// Expired sessions and attempts older than a day serve nobody; a successful sign-in sweeps them
    /// so the tables do not grow without end.
    static func removeStaleRecords(now: Date, on db: any Database) async throws {
        try await SessionModel.query(on: db).filter(\.$expiresAt < now).delete()
        try await SignInAttemptModel.query(on: db).filter(\.$attemptedAt < now.addingTimeInterval(-24 * 3600)).delete()
        try await db.sql.raw("DELETE FROM sign_in_locks WHERE touched_at < \(bind: Int64(now.timeIntervalSince1970) - 24 * 3600)").run()
    }

    /// Only same-site paths are followed after sign-in, never another host (see `RedirectTarget`).
    static func safeRedirect(_ next: String?) -> String {
        RedirectTarget.sameOriginPath(next) ?? HomeRoute.home().url
    }

    struct LocaleForm: Content { var locale: String; var back: String?; var _csrf: String? }

    @Sendable func switchLocale(req: Request) async throws -> Response {
        let form = try req.content.decode(LocaleForm.self)
        guard let locale = AppLocale(tag: form.locale) else { throw AppError.invalid("locale", Message(.errorBadRequest(form.locale))) }
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

extension Application {
    private struct DummyHashKey: StorageKey { typealias Value = String }

    /// A hash at the configured cost that no password matches, verified when the account is unknown so that timing
    /// does not tell which names exist. Computed once per process (set in `configure`).
    func dummyPasswordHash() async throws -> String {
        if let hash = storage[DummyHashKey.self] { return hash }
        let hash = try await JixiaoServer.Passwords.hash(UUID().uuidString + "-no-account", on: self)
        storage[DummyHashKey.self] = hash
        return hash
    }
}
