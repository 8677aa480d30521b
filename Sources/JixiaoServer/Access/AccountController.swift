import Fluent
import Plot
import Vapor
import JixiaoDomain

/// 我的账户 — sign-out and changing one's own password. Registered behind sign-in and CSRF.
struct AccountController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(AccessRoute.signOut, use: signOut)
        routes.get(AccessRoute.password, use: passwordForm)
        routes.post(AccessRoute.password, use: changePassword)
    }

    @Sendable func signOut(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        try await req.db.transaction { db in
            if let sessionID = user.sessionID { try await SessionModel.query(on: db).filter(\.$id == sessionID).delete() }
            try await AuditTrail.record("auth.signed_out", entityType: "user", entityID: user.userID.uuidString.lowercased(),
                                        summary: "username=\(user.username)", context: req.auditContext, on: db)
        }
        let response = req.redirect(to: AccessRoute.signIn())
        response.cookies[Cookies.session] = .expired
        return response
    }

    struct PasswordForm: Content {
        var current: String?
        var new: String?
        var confirm: String?
    }

    @Sendable func passwordForm(req: Request) async throws -> Response {
        renderPasswordForm(req, errors: [:], done: false, status: .ok)
    }

    private func renderPasswordForm(_ req: Request, errors: [String: Message], done: Bool, status: HTTPResponseStatus) -> Response {
        let t = req.localizer
        let user = req.signedIn
        return req.layout.render(title: t(.changePassword), status: status,
            .if(user?.mustChangePassword == true, Components.notice(t(.mustChangePasswordNotice), kind: "warning")),
            .if(done, Components.notice(t(.passwordChanged), kind: "success")),
            .form(.method(.post), .action(AccessRoute.password.url), .class("card narrow"),
                req.layout.csrfField(),
                Components.textField(label: t(.fieldCurrentPassword), name: "current", error: errors["current"].map { t($0) },
                                     type: .password, required: true, autocomplete: "current-password"),
                Components.textField(label: t(.fieldNewPassword), name: "new", error: errors["new"].map { t($0) },
                                     type: .password, required: true, hint: t(.passwordPolicyHint(String(PasswordPolicy.minimumLength))),
                                     autocomplete: "new-password"),
                Components.textField(label: t(.fieldConfirmPassword), name: "confirm", error: errors["confirm"].map { t($0) },
                                     type: .password, required: true, autocomplete: "new-password"),
                .button(.type(.submit), .class("primary"), .text(t(.save)))
            )
        )
    }

    @Sendable func changePassword(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let form = try req.content.decode(PasswordForm.self)
        guard let user = try await UserModel.find(signedIn.userID, on: req.db) else { throw AppError.unauthenticated() }
        var errors: [String: Message] = [:]
        if !(try await Passwords.verify(form.current ?? "", hash: user.passwordHash, on: req.application)) {
            errors["current"] = Message(.errorCurrentPasswordWrong)
        }
        let newPassword = form.new ?? ""
        do { try PasswordPolicy.validate(newPassword, username: user.username) } catch { errors["new"] = error.message }
        if newPassword != (form.confirm ?? "") { errors["confirm"] = Message(.errorPasswordsDiffer) }
        if errors["new"] == nil, form.current == newPassword { errors["new"] = Message(.errorPasswordUnchanged) }
        guard errors.isEmpty else { return renderPasswordForm(req, errors: errors, done: false, status: .unprocessableEntity) }

        user.passwordHash = try await Passwords.hash(newPassword, on: req.application)
        user.mustChangePassword = false
        try await req.db.transaction { db in
            try await user.save(on: db)
            // Other browsers and every API token issued under the old password end; this browser stays signed in.
            try await SessionStore.revokeAll(of: .user(signedIn.userID), keepingSession: signedIn.sessionID, on: db)
            try await AuditTrail.record("user.password_changed", entityType: "user", entityID: signedIn.userID.uuidString.lowercased(),
                                        summary: "username=\(user.username)", context: req.auditContext, on: db)
        }
        // After the forced change at first sign-in the person goes on to the start page (an administrator of a new
        // installation finds its first steps there) rather than back to an empty password form.
        if signedIn.mustChangePassword { return req.redirect(to: HomeRoute.home(passwordChanged: true)) }
        req.signedIn?.mustChangePassword = false
        return renderPasswordForm(req, errors: [:], done: true, status: .ok)
    }
}

extension PasswordPolicyError {
    var message: Message {
        switch self {
        case .tooShort(let minimum): Message(.errorPasswordTooShort(String(minimum)))
        case .tooLong(let maximum): Message(.errorPasswordTooLong(String(maximum)))
        case .sameAsUsername: Message(.errorPasswordIsUsername)
        case .needsLetterAndDigit: Message(.errorPasswordNeedsLetterAndDigit)
        }
    }
}
