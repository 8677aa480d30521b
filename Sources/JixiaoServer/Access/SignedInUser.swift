import Vapor
import JixiaoDomain

/// The person behind a request, loaded once by the authentication middleware.
struct SignedInUser: Sendable {
    var userID: UUID
    var username: String
    var displayName: String
    var locale: AppLocale?
    var mustChangePassword: Bool
    var organizationID: UUID
    var organizationName: String
    var organizationKind: OrganizationKind
    var organizationPath: HierarchyPath
    var roles: Set<Role>
    /// The browser session, when signed in by cookie; nil for bearer tokens.
    var sessionID: UUID?
    var csrfToken: String?
    var apiTokenID: UUID?

    var actor: Actor {
        Actor(userID: userID, organizationID: organizationID, organizationPath: organizationPath, roles: roles)
    }

    init(userID: UUID, username: String, displayName: String, locale: AppLocale?, mustChangePassword: Bool, organizationID: UUID,
         organizationName: String, organizationKind: OrganizationKind, organizationPath: HierarchyPath, roles: Set<Role>) {
        self.userID = userID; self.username = username; self.displayName = displayName; self.locale = locale
        self.mustChangePassword = mustChangePassword; self.organizationID = organizationID; self.organizationName = organizationName
        self.organizationKind = organizationKind; self.organizationPath = organizationPath; self.roles = roles
    }

    init(user: UserModel, organization: OrganizationModel) throws {
        userID = try user.requireID(); username = user.username; displayName = user.displayName
        locale = AppLocale(tag: user.locale); mustChangePassword = user.mustChangePassword
        organizationID = try organization.requireID(); organizationName = organization.name
        organizationKind = organization.organizationKind; organizationPath = organization.hierarchyPath
        roles = user.roleSet
    }
}

extension Request {
    private struct SignedInKey: StorageKey { typealias Value = SignedInUser }

    var signedIn: SignedInUser? {
        get { storage[SignedInKey.self] }
        set { storage[SignedInKey.self] = newValue }
    }

    func requireSignedIn() throws -> SignedInUser {
        guard let user = signedIn else { throw AppError.unauthenticated() }
        return user
    }

    /// The language of this response: the user's choice, else the `lang` cookie, else Accept-Language.
    var appLocale: AppLocale {
        if let locale = signedIn?.locale { return locale }
        return requestedLocale
    }

    private struct RequestedLocaleKey: StorageKey { typealias Value = AppLocale }

    /// The `lang` cookie, else Accept-Language, read once per request: a page asks for its language at every text,
    /// and parsing the cookie header each time was a measurable share of rendering a page.
    private var requestedLocale: AppLocale {
        if let known = storage[RequestedLocaleKey.self] { return known }
        let locale = AppLocale(tag: cookies[Cookies.language]?.string) ?? AppLocale.preferred(acceptLanguage: headers.first(name: .acceptLanguage))
        storage[RequestedLocaleKey.self] = locale
        return locale
    }

    var localizer: Localizer { Localizer(locale: appLocale) }

    var clientAddress: String {
        // Behind the documented reverse proxy the right-most X-Forwarded-For hop is the one that proxy added; everything
        // to its left was sent by the client and may be made up. Only a well-formed IP address is believed.
        if application.jixiao.trustForwardedFor, let forwarded = headers[.xForwardedFor].last?.split(separator: ",").last {
            let hop = forwarded.trimmed
            if hop.count <= 45, hop.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" }), !hop.isEmpty { return hop }
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }

    var auditContext: AuditContext {
        AuditContext(
            userID: signedIn?.userID.uuidString.lowercased() ?? "-",
            userName: signedIn?.username ?? "-",
            organizationID: signedIn?.organizationID.uuidString.lowercased() ?? "-",
            scopePath: signedIn?.organizationPath.rawValue ?? "",
            requestID: id, clientAddress: clientAddress)
    }

    var isAPI: Bool { url.path.hasPrefix("/api/") }

    /// Whether the signed-in person may do `action` to `target`, without refusing.
    func reaches(_ action: Action, _ target: AccessTarget) throws -> Bool {
        try caller().reaches(action, target)
    }

    /// Asks the one authorization function and turns its answer into the right refusal (recorded by the error layer).
    func authorize(_ action: Action, _ target: AccessTarget) async throws {
        try caller().authorize(action, target)
    }
}

enum Cookies {
    static let session = "jixiao_session"
    static let signInCSRF = "jixiao_signin_csrf"
    static let language = "jixiao_lang"
}
