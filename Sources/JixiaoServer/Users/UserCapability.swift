import Vapor

extension Capability {
    /// 用户 — accounts, their roles and passwords.
    static let users = Capability(
        name: "users",
        migrations: [CreateUsers()],
        pages: { try $0.register(collection: UserController()) },
        apiEndpoints: UserAPI.endpoints,
        apiSchemas: UserAPI.schemas,
        navigation: [NavigationEntry(section: .admin, path: UserRoute.list().url, title: .navUsers,
                                     summary: .adminUsersSummary, requiredAction: .viewUser)],
        workbench: { user, db, t in try await UserWorkbench.tiles(for: user, on: db, t) },
        demo: { demo in
            let created = try await UserDemo.load(on: demo.database, bcryptCost: demo.bcryptCost, threadPool: demo.threadPool)
            var lines = ["Demo accounts: \(created) added (existing ones kept). Password \(DemoData.password):"]
            for account in DemoData.accounts {
                lines.append("  \(account.username.padding(toLength: 18, withPad: " ", startingAt: 0)) \(account.roles.map(\.rawValue).joined(separator: ","))  @ \(account.organization)")
            }
            return lines.joined(separator: "\n")
        }
    )
}
