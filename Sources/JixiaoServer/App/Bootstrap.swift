import Fluent
import Vapor
import JixiaoDomain

/// First start: the installation's top finance bureau and the `admin` account.
enum Bootstrap {
    static let rootCode = "000000"

    static func ensureAdministrator(_ app: Application) async throws {
        let settings = app.jixiao
        guard try await UserModel.query(on: app.db).count() == 0 else {
            // The variable only names the password of the administrator created on the very first start of a database
            // (by `serve`, `demo` or any other command); say so rather than ignore it silently.
            if settings.initialAdminPassword != nil {
                app.logger.notice("JIXIAO_ADMIN_PASSWORD is not used: this database has its accounts already (an administrator resets passwords under 用户管理).")
            }
            return
        }
        let password = settings.initialAdminPassword ?? UserCommands.oneTimePassword()
        let hash = try await app.threadPool.runIfActive { try Bcrypt.hash(password, cost: settings.bcryptCost) }
        try await app.db.transaction { db in
            let root: OrganizationModel
            if let existing = try await OrganizationModel.query(on: db).filter(\.$parentID == nil).sort(\.$depth).first() {
                root = existing
            } else {
                let id = UUID()
                root = OrganizationModel(id: id, code: rootCode, name: "本级财政部门", kind: .financeBureau,
                                         level: settings.rootLevel, parentID: nil, path: .root(id))
                try await root.create(on: db)
                try await AuditTrail.record("organization.created", entityType: "organization", entityID: id.uuidString.lowercased(),
                                            summary: "after: \(root.auditSummary)", context: .system("first-start"), on: db)
            }
            let admin = UserModel(username: "admin", displayName: "系统管理员", organizationID: root.id!, passwordHash: hash,
                                  mustChangePassword: settings.initialAdminPassword == nil)
            try await admin.create(on: db)
            try await UserRoleModel(userID: admin.id!, role: .administrator).create(on: db)
            try await admin.$roles.load(on: db)
            try await AuditTrail.record("user.created", entityType: "user", entityID: admin.id!.uuidString.lowercased(),
                                        summary: "after: \(admin.auditSummary)", context: .system("first-start"), on: db)
        }
        if settings.initialAdminPassword == nil {
            print("""
            ================================================================
             Jixiao 首次启动 / first start
             管理员账号 administrator:  admin
             一次性密码 one-time password:  \(password)
             登录后须立即修改密码 / change it at first sign-in.
            ================================================================
            """)
        } else {
            print("Jixiao first start: account 'admin' created with the password from JIXIAO_ADMIN_PASSWORD.")
        }
    }
}
