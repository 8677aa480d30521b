import Fluent
import SQLKit
import Vapor
import JixiaoDomain

struct UserDraft: Sendable {
    var username: String
    var displayName: String
    var organizationCode: String
    var roles: Set<Role>
    /// Empty: the system generates a one-time password the person must change at first sign-in.
    var password: String
}

/// 用户管理 operations shared by pages and API.
enum UserCommands {
    static func visible(_ id: UUID, for action: Action = .viewUser, by caller: Caller, on db: any Database) async throws -> UserModel {
        guard let user = try await UserModel.query(on: db).filter(\.$id == id).with(\.$roles).with(\.$organization).first() else {
            throw AppError.notFound()
        }
        try caller.authorize(action, user.organization.accessTarget)
        return user
    }

    static let maximumUsernameLength = 64

    /// Who may reset, re-role or deactivate an account: the administrator for everyone but the overseers — the audit
    /// and security officers, whose accounts only the security officer manages, so an administrator cannot take over
    /// the account that reads its own traces (三员分立).
    static func managing(_ user: UserModel) -> Action {
        user.roleSet.isDisjoint(with: [.auditOfficer, .securityOfficer]) ? .manageUser : .manageSecurity
    }
    /// Names nobody gets: they would read as the system itself in the audit trail and in messages.
    static let reservedUsernames: Set<String> = ["root", "system", "jixiao", "administrator", "security", "audit", "postgres", "sa"]

    static func isValidUsername(_ name: String) -> Bool {
        (3...maximumUsernameLength).contains(name.count) && name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
        }
    }

    /// A readable one-time password meeting the policy: letters and digits without look-alikes.
    static func oneTimePassword() -> String {
        let letters = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ"), digits = Array("23456789")
        var chars = (0..<10).map { _ in letters.randomElement()! } + (0..<4).map { _ in digits.randomElement()! }
        chars.shuffle()
        return String(chars)
    }

    private static func organization(code: String, by caller: Caller, on db: any Database) async throws -> OrganizationModel? {
        guard let org = try await OrganizationCommands.byCode(code, on: db) else { return nil }
        let actor = try caller.person().actor
        return Authorization.decide(actor, .viewOrganization, org.accessTarget) == .conceal ? nil : org
    }

    static func create(_ draft: UserDraft, by caller: Caller, on db: any Database) async throws -> (UserModel, oneTimePassword: String?) {
        var errors: [AppError] = []
        if !isValidUsername(draft.username) { errors.append(.invalid("username", Message(.errorInvalidUsername))) }
        else if reservedUsernames.contains(draft.username) {
            errors.append(AppError(.conflict, "unavailable", Message(.errorUnavailable), field: "username"))
        } else if let holder = try await UserModel.query(on: db).filter(\.$username == draft.username).with(\.$organization).first() {
            let inReach = Authorization.decide(try caller.person().actor, .viewUser, holder.organization.accessTarget) == .allow
            errors.append(.taken("username", value: draft.username, holderInReach: inReach))
        }
        if draft.displayName.isEmpty { errors.append(.invalid("display_name", Message(.errorRequired))) }
        else if let error = AppError.text(draft.displayName, field: "display_name", maximum: InputLimits.name) { errors.append(error) }
        let org = try await organization(code: draft.organizationCode, by: caller, on: db)
        if org == nil { errors.append(.unknownOrganization("organization_code", code: draft.organizationCode)) }
        if let org {
            do { try RoleAssignment.validate(draft.roles, for: org.organizationKind) } catch { errors.append(error.appError) }
        }
        if !draft.password.isEmpty {
            do { try PasswordPolicy.validate(draft.password, username: draft.username) }
            catch { errors.append(.invalid("password", error.message)) }
        }
        if !errors.isEmpty { throw FormErrors(errors: errors) }
        guard let org else { throw FormErrors(errors: errors) }
        try caller.authorize(.manageUser, org.accessTarget)

        let generated = draft.password.isEmpty ? oneTimePassword() : nil
        let hash = try await caller.effects.hashPassword(generated ?? draft.password)
        let user = UserModel(username: draft.username, displayName: draft.displayName, organizationID: org.id!,
                             passwordHash: hash, mustChangePassword: true)
        try await db.transaction { db in
            try await user.create(on: db)
            for role in draft.roles { try await UserRoleModel(userID: user.id!, role: role).create(on: db) }
            try await user.$roles.load(on: db)
            try await AuditTrail.record("user.created", entityType: "user", entityID: user.id!.uuidString.lowercased(),
                                        summary: "after: \(user.auditSummary)", context: caller.audit, on: db)
        }
        user.$organization.value = org
        return (user, generated)
    }

    /// Changes display name, organisation, roles and (when `active` is given) the active state — all in one
    /// transaction, so a refused part leaves nothing of the others behind.
    static func update(_ user: UserModel, displayName: String, organizationCode: String, roles: Set<Role>, active: Bool? = nil,
                       by caller: Caller, on db: any Database) async throws {
        try caller.authorize(managing(user), user.organization.accessTarget)
        var errors: [AppError] = []
        if displayName.isEmpty { errors.append(.invalid("display_name", Message(.errorRequired))) }
        else if let error = AppError.text(displayName, field: "display_name", maximum: InputLimits.name) { errors.append(error) }
        let org = organizationCode == user.organization.code ? user.organization : try await organization(code: organizationCode, by: caller, on: db)
        if org == nil { errors.append(.unknownOrganization("organization_code", code: organizationCode)) }
        let callerID = try caller.person().userID
        if active == false && user.id == callerID { errors.append(AppError(.conflict, "own_account", Message(.errorDeactivateSelf))) }
        if let org {
            do {
                try RoleAssignment.validateChange(actorUserID: callerID, targetUserID: user.id!,
                                                  current: user.roleSet, proposed: roles, kind: org.organizationKind)
            } catch { errors.append(error.appError) }
        }
        if !errors.isEmpty { throw FormErrors(errors: errors) }
        guard let org else { return }
        try caller.authorize(managing(user), org.accessTarget)

        let before = user.auditSummary
        // What a session or token stood for changes with the roles or the organisation: they end.
        let credentialsEnd = roles != user.roleSet || org.id != user.$organization.id || (active == false && user.isActive)
        user.displayName = displayName
        user.$organization.id = org.id!
        if let active { user.isActive = active }
        try await db.transaction { db in
            try await user.save(on: db)
            if credentialsEnd { try await SessionStore.revokeAll(of: .user(user.id!), on: db) }
            try await UserRoleModel.query(on: db).filter(\.$user.$id == user.id!).delete()
            for role in roles { try await UserRoleModel(userID: user.id!, role: role).create(on: db) }
            try await user.$roles.load(on: db)
            try await AuditTrail.record("user.updated", entityType: "user", entityID: user.id!.uuidString.lowercased(),
                                        summary: "before: \(before); after: \(user.auditSummary)", context: caller.audit, on: db)
        }
        user.$organization.value = org
    }

    /// Sets a new one-time password and signs the person out everywhere.
    static func resetPassword(_ user: UserModel, by caller: Caller, on db: any Database) async throws -> String {
        try caller.authorize(managing(user), user.organization.accessTarget)
        let password = oneTimePassword()
        user.passwordHash = try await caller.effects.hashPassword(password)
        user.mustChangePassword = true
        try await db.transaction { db in
            try await user.save(on: db)
            let ended = try await SessionStore.revokeAll(of: .user(user.id!), on: db)
            try await AuditTrail.record("user.password_reset", entityType: "user", entityID: user.id!.uuidString.lowercased(),
                                        summary: "username=\(user.username) sessions_ended=\(ended.sessions) tokens_revoked=\(ended.tokens)",
                                        context: caller.audit, on: db)
        }
        return password
    }

    static func setActive(_ user: UserModel, _ active: Bool, by caller: Caller, on db: any Database) async throws {
        try caller.authorize(managing(user), user.organization.accessTarget)
        if try user.id == caller.person().userID, !active {
            throw AppError(.conflict, "own_account", Message(.errorDeactivateSelf))
        }
        let before = user.auditSummary
        user.isActive = active
        try await db.transaction { db in
            try await user.save(on: db)
            if !active { try await SessionStore.revokeAll(of: .user(user.id!), on: db) }
            try await AuditTrail.record(active ? "user.reactivated" : "user.deactivated", entityType: "user",
                                        entityID: user.id!.uuidString.lowercased(),
                                        summary: "before: \(before); after: \(user.auditSummary)", context: caller.audit, on: db)
        }
    }

    /// Users inside the subtree of `root` and the caller's `scope`, by username, with their organisations and roles.
    static func list(under root: OrganizationModel, scope: ListScope, search: String?, offset: Int, limit: Int,
                     on db: any Database) async throws -> (items: [UserModel], total: Int) {
        let range = root.hierarchyPath.subtreeRange
        let query = UserModel.query(on: db).join(OrganizationModel.self, on: \UserModel.$organization.$id == \OrganizationModel.$id)
            .filter(OrganizationModel.self, \.$path >= range.lower).filter(OrganizationModel.self, \.$path < range.upper)
            .filter(scope: scope)
        if let search = TextSearch.contains(search, in: [(UserModel.schema, "username"), (UserModel.schema, "display_name")], on: db) {
            query.filter(search)
        }
        let total = try await query.count()
        let items = try await query.with(\.$roles).with(\.$organization).sort(\.$username).offset(offset).limit(limit).all()
        return (items, total)
    }
}

extension RoleAssignmentError {
    var appError: AppError {
        switch self {
        case .noRoles: .invalid("roles", Message(.errorNoRoles))
        case .roleNotAllowed(let role, let kind): .invalid("roles", Message(.errorRoleNotAllowed(role.title, kind.title)))
        case .managementWithBusiness(let management, let business):
            .invalid("roles", Message(.errorManagementWithBusiness(management.title, business.title)))
        case .auditWithAdministration(let other): .invalid("roles", Message(.errorAuditWithAdministration(other.title)))
        case .ownRoles: AppError(.forbidden, "own_roles", Message(.errorOwnRoles), field: "roles")
        }
    }
}
