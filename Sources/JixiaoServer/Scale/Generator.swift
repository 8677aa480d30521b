import Fluent
import SQLKit
import Vapor
import JixiaoDomain

/// Writes a synthetic hierarchy and its users with batched multi-row inserts, reporting progress.
enum Generator {
    static let batchSize = 500
    static let password = "Generated2026pw"

    struct Result { var organizations: Int; var users: Int; var roles: Int; var seconds: Double
        var rows: Int { organizations + users + roles }
    }

    static func codePrefix(for plan: ScalePlan) -> String { plan.name == "province" ? "GP" : "GC" }

    /// The rows of users and roles for a list of organisations, computed before any timing starts.
    static func people(for organizations: [OrganizationRow], count: Int, prefix: String)
        -> [Person] {
        let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"), given = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平")
        return (0..<count).map { i in
            let org = organizations[i % organizations.count]
            let name = String(surnames[i % surnames.count]) + String(given[(i / surnames.count) % given.count])
                + String(given[(i * 7) % given.count])
            return (UUID(), "\(prefix.lowercased())-user-\(i + 1)", name, org.id, SyntheticHierarchy.role(for: org.kind, index: i / organizations.count))
        }
    }

    /// Generates into `database`; the organisation table must not already hold this scale's codes.
    static func run(plan: ScalePlan, on database: any Database, threadPool: NIOThreadPool, bcryptCost: Int,
                    progress: @escaping @Sendable (String) -> Void) async throws -> Result {
        let prefix = codePrefix(for: plan)
        if try await OrganizationModel.query(on: database).filter(\.$code == prefix).first() != nil {
            throw GeneratorError.alreadyGenerated(prefix)
        }
        let start = Date()
        let hash = try await threadPool.runIfActive { try Bcrypt.hash(password, cost: bcryptCost) }
        // On a fresh installation the generated top bureau takes the placeholder's place, so `admin` sees it.
        let placeholder = try await OrganizationDemo.untouchedRoot(on: database)
        let organizations = Array(SyntheticHierarchy(plan: plan, codePrefix: prefix, rootID: placeholder?.id))
        let people = people(for: organizations, count: plan.users, prefix: prefix)
        let total = organizations.count + 2 * people.count
        let now = Date()
        try await database.transaction { db in
            var written = 0
            func report() {
                let elapsed = Date().timeIntervalSince(start)
                progress("\(plan.name): \(written)/\(total) rows, \(Int(Double(written) / max(elapsed, 0.001))) rows/s")
            }
            var rows = organizations[...]
            if let placeholder, let top = organizations.first {
                try await OrganizationModel.query(on: db).filter(\.$id == placeholder.id!)
                    .set(\.$code, to: top.code).set(\.$name, to: top.name).set(\.$level, to: top.level?.rawValue).update()
                rows = rows.dropFirst()
            }
            for batch in Array(rows).chunked(into: batchSize) {
                try await insertOrganizations(batch, into: OrganizationModel.schema, now: now, on: db)
                written += batch.count; report()
            }
            for batch in people.chunked(into: batchSize) {
                try await insertPeople(batch, usersTable: UserModel.schema, rolesTable: UserRoleModel.schema, passwordHash: hash, now: now, on: db)
                written += 2 * batch.count; report()
            }
            try await AuditTrail.record("organization.generated", entityType: "organization", entityID: organizations[0].id.uuidString.lowercased(),
                                        summary: "scale=\(plan.name) organizations=\(organizations.count) users=\(people.count)",
                                        context: .system("generate"), on: db)
        }
        return Result(organizations: organizations.count, users: people.count, roles: people.count, seconds: Date().timeIntervalSince(start))
    }

    typealias Person = (id: UUID, username: String, name: String, organizationID: UUID, role: Role)

    static func insertPeople(_ batch: ArraySlice<Person>, usersTable: String, rolesTable: String, passwordHash: String,
                             now: Date, on db: any Database) async throws {
        var users = db.sql.insert(into: usersTable)
            .columns("id", "username", "display_name", "organization_id", "password_hash", "locale", "is_active",
                     "must_change_password", "created_at", "updated_at")
        var roles = db.sql.insert(into: rolesTable).columns("id", "user_id", "role")
        for person in batch {
            users = users.values(SQLBind(person.id), SQLBind(person.username), SQLBind(person.name), SQLBind(person.organizationID),
                                 SQLBind(passwordHash), SQLBind(String?.none), SQLBind(true), SQLBind(false), SQLBind(now), SQLBind(now))
            roles = roles.values(SQLBind(UUID()), SQLBind(person.id), SQLBind(person.role.rawValue))
        }
        try await users.run()
        try await roles.run()
    }

    static func insertOrganizations(_ batch: ArraySlice<OrganizationRow>, into table: String, now: Date, on db: any Database) async throws {
        var insert = db.sql.insert(into: table)
            .columns("id", "code", "name", "kind", "level", "parent_id", "path", "depth", "is_active", "created_at", "updated_at")
        for row in batch {
            insert = insert.values(SQLBind(row.id), SQLBind(row.code), SQLBind(row.name), SQLBind(row.kind.rawValue),
                                   SQLBind(row.level?.rawValue), SQLBind(row.parentID), SQLBind(row.path.rawValue),
                                   SQLBind(row.path.depth), SQLBind(true), SQLBind(now), SQLBind(now))
        }
        try await insert.run()
    }
}

enum GeneratorError: Error, CustomStringConvertible {
    case alreadyGenerated(String)
    case unknownScale(String)
    var description: String {
        switch self {
        case .alreadyGenerated(let code): "this database already holds a generated hierarchy (code \(code)); use a fresh database"
        case .unknownScale(let name): "unknown scale '\(name)': use county or province"
        }
    }
}

/// `jixiao generate --scale county|province`
struct GenerateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "scale", help: "county or province")
        var scale: String?
    }
    var help: String { "Streams a synthetic hierarchy with users into the configured database" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let name = signature.scale ?? "county"
        guard let plan = ScalePlan.named(name) else { throw GeneratorError.unknownScale(name) }
        let app = context.application
        let result = try await Generator.run(plan: plan, on: app.db, threadPool: app.threadPool, bcryptCost: app.jixiao.bcryptCost) { line in
            FileHandle.standardError.write(Data("\r\(line)   ".utf8))
        }
        FileHandle.standardError.write(Data("\n".utf8))
        context.console.print("Generated \(result.organizations) organizations, \(result.users) users (password \(Generator.password)) "
            + "in \(String(format: "%.1f", result.seconds)) s: \(Int(Double(result.rows) / result.seconds)) rows/s")
        // About 40 projects of 15 indicators for each department and unit of a province: 200,000 and 3,000,000.
        let goals = try await GoalGenerator.run(prefix: Generator.codePrefix(for: plan), perOrganization: plan.projectsPerOrganization,
                                                fiscalYear: GoalController.currentFiscalYear, on: app.db) { line in
            FileHandle.standardError.write(Data("\r\(line)   ".utf8))
        }
        FileHandle.standardError.write(Data("\n".utf8))
        context.console.print("Generated \(goals.projects) projects with \(goals.indicators) indicators in \(String(format: "%.1f", goals.seconds)) s: "
            + "\(Int(Double(goals.projects * 2 + goals.indicators) / goals.seconds)) rows/s")
    }
}
