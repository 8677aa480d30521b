import Vapor

extension Capability {
    /// 登录与凭据 — sign-in, sessions, API tokens, the sign-in throttle, one's own account.
    static let access = Capability(
        name: "access",
        migrations: [CreateCredentials(), CreateSignInLocks()],
        publicRoutes: { try $0.register(collection: SignInController()) },
        pages: { try $0.register(collection: AccountController()) },
        apiEndpoints: AccessAPI.endpoints,
        apiSchemas: AccessAPI.schemas
    )
}
