import Fluent
import Vapor
import JixiaoDomain

/// The demo province's accounts, one or more per role (password `DemoData.password`).
extension DemoData {
    struct Account { var username: String; var name: String; var organization: String; var roles: [Role] }

    static let accounts: [Account] = [
        Account(username: "province-admin", name: "王建国", organization: "990000", roles: [.administrator]),
        Account(username: "perf-officer", name: "李晓梅", organization: "990000", roles: [.performanceOfficer]),
        // The performance office's head: approves what the officer submits (four eyes on key evaluations).
        Account(username: "perf-head", name: "林海", organization: "990000", roles: [.performanceOfficer]),
        Account(username: "budget-officer", name: "张伟", organization: "990000", roles: [.budgetOfficer]),
        Account(username: "dept-officer", name: "陈静", organization: "990000-101", roles: [.departmentOfficer]),
        // A second reviewer of the department: what the department itself submits is approved by someone else.
        Account(username: "dept-reviewer", name: "黄丽", organization: "990000-101", roles: [.departmentOfficer]),
        Account(username: "unit-officer", name: "刘洋", organization: "990000-101-01", roles: [.unitOfficer]),
        Account(username: "agency-evaluator", name: "赵磊", organization: "990000-A01", roles: [.agencyEvaluator]),
        Account(username: "expert", name: "孙立平", organization: "990000", roles: [.expert]),
        Account(username: "supervisor", name: "周文华", organization: "990000", roles: [.supervisor]),
        Account(username: "city-perf", name: "吴敏", organization: "990100", roles: [.performanceOfficer]),
        Account(username: "county-admin", name: "郑强", organization: "990121", roles: [.administrator]),
        Account(username: "security-officer", name: "何志远", organization: "990000", roles: [.securityOfficer]),
        Account(username: "audit-officer", name: "钱芳", organization: "990000", roles: [.auditOfficer]),
        Account(username: "county-audit", name: "冯雪", organization: "990121", roles: [.auditOfficer]),
    ]
}

/// Loads the demo accounts into the demo organisations; existing usernames are kept.
enum UserDemo {
    /// Adds what is missing; returns how many accounts were created.
    static func load(on database: any Database, bcryptCost: Int, threadPool: NIOThreadPool) async throws -> Int {
        let hash = try await threadPool.runIfActive { try Bcrypt.hash(DemoData.password, cost: bcryptCost) }
        return try await database.transaction { db in
            let context = AuditContext.system("demo")
            var byCode: [String: OrganizationModel] = [:]
            for org in try await OrganizationModel.query(on: db).filter(\.$code ~~ Array(Set(DemoData.accounts.map(\.organization)))).all() {
                byCode[org.code] = org
            }
            var accounts = 0
            for account in DemoData.accounts {
                guard try await UserModel.query(on: db).filter(\.$username == account.username).first() == nil,
                      let org = byCode[account.organization] else { continue }
                let user = UserModel(username: account.username, displayName: account.name, organizationID: org.id!,
                                     passwordHash: hash, mustChangePassword: false)
                try await user.create(on: db)
                for role in account.roles { try await UserRoleModel(userID: user.id!, role: role).create(on: db) }
                try await user.$roles.load(on: db)
                try await AuditTrail.record("user.created", entityType: "user", entityID: user.id!.uuidString.lowercased(),
                                            summary: "after: \(user.auditSummary)", context: context, on: db)
                accounts += 1
            }
            return accounts
        }
    }
}
