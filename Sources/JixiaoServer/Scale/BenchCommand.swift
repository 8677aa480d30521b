import Fluent
import SQLKit
import Vapor
import JixiaoDomain

/// `jixiao bench` — on a scratch database: generates the province, times the same rows inserted raw,
/// then the subtree query for each city and the authorization check. Prints one table.
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "repeat", help: "subtree queries per city (default 20)")
        var repetitions: Int?
        @Flag(name: "organizations-only", help: "skip the goal-management measures")
        var organizationsOnly: Bool
        @Flag(name: "goals-only", help: "only the goal-management measures, again, on a database a previous bench already filled")
        var goalsOnly: Bool
        @Flag(name: "monitoring-only", help: "only the monitoring measures, on a database where `generate --scale province` (or bench) made the province")
        var monitoringOnly: Bool
        @Flag(name: "self-evaluation-only", help: "only the self-evaluation measures, on a database where `generate --scale province` (or bench) made the province")
        var selfEvaluationOnly: Bool
    }
    var help: String { "Benchmarks generate, subtree queries and authorization on a scratch database" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let db = app.db
        if signature.selfEvaluationOnly {
            context.console.print(try await SelfEvaluationBench.run(on: db).joined(separator: "\n"))
            return
        }
        if signature.monitoringOnly {
            context.console.print(try await MonitoringBench.run(on: db, fiscalYear: GoalController.currentFiscalYear).joined(separator: "\n"))
            return
        }
        if signature.goalsOnly {
            guard try await OrganizationModel.query(on: db).filter(\.$code == "GP-C01").first() != nil else {
                context.console.error("--goals-only repeats the goal measures on a database where `jixiao bench` already generated the province")
                throw AuditCommandError.failed
            }
            let goals = try await GoalBench.run(on: db, fiscalYear: GoalController.currentFiscalYear, generate: false)
            context.console.print(goals.lines.joined(separator: "\n"))
            return
        }
        guard try await OrganizationModel.query(on: db).count() <= 1 else {
            context.console.error("bench writes a whole province: point it at a scratch database, e.g. JIXIAO_DATABASE_PATH=/tmp/jixiao-bench.sqlite jixiao bench")
            throw AuditCommandError.failed
        }
        let console = context.console
        let engine = db.isPostgres ? "PostgreSQL" : "SQLite"
        console.print("Jixiao bench on \(engine), \(ProcessInfo.processInfo.activeProcessorCount) cores")

        // 1. generate, as an operator would run it
        let generated = try await Generator.run(plan: .province, on: db, threadPool: app.threadPool, bcryptCost: app.jixiao.bcryptCost) { _ in }
        let generateRate = Double(generated.rows) / generated.seconds

        // 2. the same rows inserted raw into tables of the same shape and indexes, no domain work
        let baseline = try await Self.rawBaseline(on: db)

        // 3. the subtree of every city: count and first page, as the tree page and the API ask it
        let cities = try await OrganizationModel.query(on: db).filter(\.$kind == OrganizationKind.financeBureau.rawValue)
            .filter(\.$level == AdministrativeLevel.city.rawValue).filter(\.$code, .custom("LIKE"), "GP-%").all()
        var samples: [Double] = []
        var subtreeSizes: [Int] = []
        for _ in 0..<(signature.repetitions ?? 20) {
            for city in cities {
                let start = DispatchTime.now().uptimeNanoseconds
                let page = try await OrganizationCommands.subtree(under: city, scope: ListScope(subtrees: [city.hierarchyPath]), search: nil, kind: nil, maximumDepth: nil,
                                                                 offset: 0, limit: 100, on: db)
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
                subtreeSizes.append(page.total)
            }
        }
        samples.sort()
        func percentile(_ p: Double) -> Double { samples[min(samples.count - 1, Int(Double(samples.count) * p))] }

        // 4. the authorization function over real paths of the generated province
        struct PathRow: Decodable { var id: UUID; var path: String; var kind: String }
        let paths = try await db.sql.select().column("id").column("path").column("kind").from(OrganizationModel.schema)
            .all(decoding: PathRow.self)
        var generator = SystemRandomNumberGenerator()
        let actors: [Actor] = (0..<1_000).map { i in
            let org = paths.randomElement(using: &generator)!
            let role = SyntheticHierarchy.role(for: OrganizationKind(rawValue: org.kind) ?? .unit, index: i)
            return Actor(userID: UUID(), organizationID: org.id, organizationPath: HierarchyPath(rawValue: org.path), roles: [role])
        }
        // Half the targets are the actor's own organisation (allowed or forbidden), half anywhere (mostly concealed).
        let targets = (0..<1_000).map { i -> AccessTarget in
            if i % 2 == 0 { return AccessTarget(organizationID: actors[i].organizationID, organizationPath: actors[i].organizationPath) }
            let org = paths.randomElement(using: &generator)!
            return AccessTarget(organizationID: org.id, organizationPath: HierarchyPath(rawValue: org.path))
        }
        let decisions = 1_000_000
        var allowed = 0
        let authStart = DispatchTime.now().uptimeNanoseconds
        for i in 0..<decisions {
            if Authorization.decide(actors[i % 1_000], Action.allCases[i % Action.allCases.count], targets[i % 1_000]) == .allow { allowed += 1 }
        }
        let authSeconds = Double(DispatchTime.now().uptimeNanoseconds - authStart) / 1_000_000_000

        console.print("""
        | measure | result |
        |---|---|
        | generate --scale province | \(generated.organizations) organizations + \(generated.users) users + \(generated.roles) roles in \(String(format: "%.2f", generated.seconds)) s = **\(Int(generateRate)) rows/s** |
        | raw batched insert, same rows | \(baseline.rows) rows in \(String(format: "%.2f", baseline.seconds)) s = **\(Int(Double(baseline.rows) / baseline.seconds)) rows/s** (generate takes \(String(format: "%.2f", generated.seconds / baseline.seconds))× the baseline) |
        | subtree of a city (count + first 100, \(samples.count) queries over \(cities.count) cities, \(subtreeSizes.min() ?? 0)–\(subtreeSizes.max() ?? 0) organizations each) | p50 \(String(format: "%.2f", percentile(0.5))) ms, p99 \(String(format: "%.2f", percentile(0.99))) ms |
        | authorization decisions | \(decisions) in \(String(format: "%.3f", authSeconds)) s = **\(Int(Double(decisions) / authSeconds)) decisions/s** (\(allowed) allowed) |
        """)
        if signature.organizationsOnly { return }
        let goals = try await GoalBench.run(on: db, fiscalYear: GoalController.currentFiscalYear, generate: true)
        console.print(goals.lines.joined(separator: "\n"))
        console.print(try await MonitoringBench.run(on: db, fiscalYear: GoalController.currentFiscalYear).joined(separator: "\n"))
        console.print(try await SelfEvaluationBench.run(on: db).joined(separator: "\n"))
    }

    /// Inserts a copy of the generated province's rows into bare tables with the same columns and indexes.
    static func rawBaseline(on db: any Database) async throws -> (rows: Int, seconds: Double) {
        let organizations = Array(SyntheticHierarchy(plan: .province, codePrefix: "RAW"))
        let people = Generator.people(for: organizations, count: ScalePlan.province.users, prefix: "raw")
        let hash = String(repeating: "x", count: 60)
        let orgTable = "bench_raw_organizations", userTable = "bench_raw_users", roleTable = "bench_raw_user_roles"
        for table in [roleTable, userTable, orgTable] { try await db.sql.drop(table: table).ifExists().run() }
        try await db.sql.create(table: orgTable)
            .column("id", type: .custom(SQLRaw(db.isPostgres ? "UUID" : "BLOB")), .primaryKey(autoIncrement: false))
            .column("code", type: .text, .notNull).column("name", type: .text, .notNull).column("kind", type: .text, .notNull)
            .column("level", type: .int).column("parent_id", type: .custom(SQLRaw(db.isPostgres ? "UUID" : "BLOB")))
            .column("path", type: .custom(SQLRaw(db.isPostgres ? "TEXT COLLATE \"C\"" : "TEXT")), .notNull)
            .column("depth", type: .int, .notNull).column("is_active", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("created_at", type: .custom(SQLRaw(db.isPostgres ? "TIMESTAMPTZ" : "REAL")))
            .column("updated_at", type: .custom(SQLRaw(db.isPostgres ? "TIMESTAMPTZ" : "REAL"))).run()
        try await db.sql.create(index: "bench_raw_org_code").on(orgTable).column("code").unique().run()
        try await db.sql.create(index: "bench_raw_org_path").on(orgTable).column("path").unique().run()
        try await db.sql.create(index: "bench_raw_org_parent").on(orgTable).column("parent_id").run()
        try await db.sql.create(table: userTable)
            .column("id", type: .custom(SQLRaw(db.isPostgres ? "UUID" : "BLOB")), .primaryKey(autoIncrement: false))
            .column("username", type: .text, .notNull).column("display_name", type: .text, .notNull)
            .column("organization_id", type: .custom(SQLRaw(db.isPostgres ? "UUID" : "BLOB")), .notNull)
            .column("password_hash", type: .text, .notNull).column("locale", type: .text)
            .column("is_active", type: .custom(SQLRaw("BOOLEAN")), .notNull).column("must_change_password", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("created_at", type: .custom(SQLRaw(db.isPostgres ? "TIMESTAMPTZ" : "REAL")))
            .column("updated_at", type: .custom(SQLRaw(db.isPostgres ? "TIMESTAMPTZ" : "REAL"))).run()
        try await db.sql.create(index: "bench_raw_user_name").on(userTable).column("username").unique().run()
        try await db.sql.create(index: "bench_raw_user_org").on(userTable).column("organization_id").run()
        try await db.sql.create(table: roleTable)
            .column("id", type: .custom(SQLRaw(db.isPostgres ? "UUID" : "BLOB")), .primaryKey(autoIncrement: false))
            .column("user_id", type: .custom(SQLRaw(db.isPostgres ? "UUID" : "BLOB")), .notNull).column("role", type: .text, .notNull).run()
        try await db.sql.create(index: "bench_raw_role_user").on(roleTable).column("user_id").column("role").unique().run()

        let now = Date()
        let start = DispatchTime.now().uptimeNanoseconds
        try await db.transaction { db in
            for batch in organizations.chunked(into: Generator.batchSize) {
                try await Generator.insertOrganizations(batch, into: orgTable, now: now, on: db)
            }
            for batch in people.chunked(into: Generator.batchSize) {
                try await Generator.insertPeople(batch, usersTable: userTable, rolesTable: roleTable, passwordHash: hash, now: now, on: db)
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000_000
        for table in [roleTable, userTable, orgTable] { try await db.sql.drop(table: table).ifExists().run() }
        return (organizations.count + 2 * people.count, seconds)
    }
}
