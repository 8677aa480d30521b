import Fluent
import Vapor
import JixiaoDomain

/// `jixiao demo` — loads the demo province; running it again changes nothing.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Loads a realistic demo data set (idempotent)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let (organizations, accounts) = try await DemoLoader.load(on: app.db, bcryptCost: app.jixiao.bcryptCost, threadPool: app.threadPool)
        let goals = try await DemoGoals.load(on: app.db)
        context.console.print("Demo data: \(organizations) organizations and \(accounts) accounts added (existing ones kept).")
        context.console.print("Demo goals: \(goals) budget objects for \(DemoGoals.fiscalYear) added.")
        context.console.print("Accounts (password \(DemoData.password)):")
        for account in DemoData.accounts {
            context.console.print("  \(account.username.padding(toLength: 18, withPad: " ", startingAt: 0)) \(account.roles.map(\.rawValue).joined(separator: ","))  @ \(account.organization)")
        }
    }
}

enum DemoLoader {
    /// Adds what is missing; returns how many organisations and accounts were created.
    static func load(on database: any Database, bcryptCost: Int, threadPool: NIOThreadPool) async throws -> (Int, Int) {
        let hash = try await threadPool.runIfActive { try Bcrypt.hash(DemoData.password, cost: bcryptCost) }
        return try await database.transaction { db in
            var created = 0
            var byCode: [String: OrganizationModel] = [:]
            let context = AuditContext.system("demo")
            for org in DemoData.organizations {
                if let existing = try await OrganizationModel.query(on: db).filter(\.$code == org.code).first() {
                    byCode[org.code] = existing; continue
                }
                if org.parent == nil, let root = try await untouchedRoot(on: db) {
                    // A fresh installation's placeholder bureau becomes the demo province, so `admin` sees it.
                    let before = root.auditSummary
                    root.code = org.code; root.name = org.name; root.level = org.level?.rawValue
                    try await root.save(on: db)
                    try await AuditTrail.record("organization.updated", entityType: "organization", entityID: root.id!.uuidString.lowercased(),
                                                summary: "before: \(before); after: \(root.auditSummary)", context: context, on: db)
                    byCode[org.code] = root; continue
                }
                let id = UUID()
                let parent = org.parent.flatMap { byCode[$0] }
                let level = try HierarchyRules.validatePlacement(kind: org.kind, level: org.level, parent: parent?.parentFacts)
                let model = OrganizationModel(id: id, code: org.code, name: org.name, kind: org.kind, level: level, parentID: parent?.id,
                                              path: parent.map { $0.hierarchyPath.appending(id) } ?? .root(id))
                try await model.create(on: db)
                try await AuditTrail.record("organization.created", entityType: "organization", entityID: id.uuidString.lowercased(),
                                            summary: "after: \(model.auditSummary)", context: context, on: db)
                byCode[org.code] = model
                created += 1
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
            return (created, accounts)
        }
    }

    /// The bureau made at first start, still with its placeholder code and nothing under it.
    static func untouchedRoot(on db: any Database) async throws -> OrganizationModel? {
        guard let root = try await OrganizationModel.query(on: db).filter(\.$code == Bootstrap.rootCode).filter(\.$parentID == nil).first(),
              try await OrganizationModel.query(on: db).filter(\.$parentID == root.id).count() == 0 else { return nil }
        return root
    }
}
