import Fluent
import Foundation
import SQLKit
import Vapor
@testable import JixiaoServer

/// The settings every test application runs with. The template and the tests share the audit key file: the database
/// keeps the key's check value, so a copy opened with another key would be refused.
func testSettings() -> JixiaoSettings {
    var settings = JixiaoSettings()
    settings.bcryptCost = 4
    settings.initialAdminPassword = adminPassword
    settings.trustForwardedFor = true
    settings.secureCookies = false
    settings.auditKeyFile = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-test-audit.key").path
    return settings
}

/// A migrated database — with the first-start administrator (password `adminPassword`) and, when asked, the demo
/// organisations and accounts — built once per engine and test process, and copied for every test instead of
/// migrating and loading the demo again.
///
/// - SQLite: the template file's bytes, kept in memory (no file is left behind); each test writes them to a file
///   of its own. The template is checkpointed and closed before it is read, so the write-ahead log is empty.
/// - PostgreSQL: a template *schema* in the test database, cloned table by table into the test's own schema
///   (`CREATE TABLE … (LIKE …)`, `INSERT … SELECT`, then the template's own constraints and indexes by name) in one
///   statement. Not `CREATE DATABASE … TEMPLATE`: that refuses while anything is connected to the template, and
///   `DROP DATABASE` forces a checkpoint — on this machine 1–7 s per test database, and on a server shared by
///   parallel test processes every checkpoint stalls all of them. Schemas need no privilege beyond the one the tests
///   already use, and dropping one is cheap.
enum TestTemplate: Sendable {
    case sqlite(Data)
    case postgres(PostgresTemplate)
}

actor TestTemplates {
    static let shared: TestTemplates = {
        // The suite's years (2027 goals, rounds of 2027) are fixed: count them from 1 December 2026 whatever the date.
        FiscalCalendar.pinned = Date(timeIntervalSince1970: 1_796_083_200)
        return TestTemplates()
    }()

    /// The two templates of one engine: migrated with the first-start administrator, and that plus the demo.
    private struct Pair: Sendable {
        var bare: TestTemplate
        var demo: TestTemplate
    }

    private var builds: [String: Task<Pair, any Error>] = [:]

    /// The template for `database`. The first test of an engine builds both of its templates while the others wait:
    /// built beside running tests, a template's hundreds of small statements queue behind theirs on the shared
    /// thread pool (a demo template once took 90 s instead of 1 s), and every test waits for it anyway.
    func template(_ database: TestDatabase, demo: Bool) async throws -> TestTemplate {
        let key: String
        switch database {
        case .sqlite: key = "sqlite"
        case .postgres(let url): key = url
        }
        let build: Task<Pair, any Error>
        if let running = builds[key] {
            build = running
        } else {
            build = Task { try await Self.build(database) }
            builds[key] = build
        }
        let pair = try await build.value
        return demo ? pair.demo : pair.bare
    }

    private static func build(_ database: TestDatabase) async throws -> Pair {
        let started = Date()
        let bare = try await build(database, from: nil)
        let demo = try await build(database, from: bare)
        print("note: \(database) test templates (migrated; migrated + demo) built in \(String(format: "%.2f", Date().timeIntervalSince(started))) s")
        return Pair(bare: bare, demo: demo)
    }

    /// Migrates a new database and creates the administrator, or, `from` a template, copies it and loads the demo.
    private static func build(_ database: TestDatabase, from base: TestTemplate?) async throws -> TestTemplate {
        let app = try await Application.make(.testing)
        var settings = testSettings()
        if base != nil { settings.initialAdminPassword = nil }
        app.useSettings(settings)
        do {
            switch (database, base) {
            case (.sqlite, nil), (.sqlite, .sqlite?):
                let path = FileManager.default.temporaryDirectory
                    .appendingPathComponent("jixiao-template-\(UUID().uuidString).sqlite").path
                defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
                if case .sqlite(let bytes) = base {
                    guard FileManager.default.createFile(atPath: path, contents: bytes) else { throw TestTemplateError.cannotCopy(path) }
                }
                try await configure(app, database: .sqliteFile(path: path))
                if base != nil { _ = try await DemoLoader.load(on: app.db, bcryptCost: 4, threadPool: app.threadPool) }
                // Everything into the main file, then close every connection before the file is read.
                try await app.db.sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
                try await app.asyncShutdown()
                let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
                guard wal == 0 else { throw TestTemplateError.walNotEmpty(path, wal) }
                return .sqlite(try Data(contentsOf: URL(fileURLWithPath: path)))
            case (.postgres(let url), nil), (.postgres(let url), .postgres?):
                let schema = PostgresTemplate.newName(demo: base != nil)
                try await configure(app, database: .postgres(url: url, schema: schema), autoMigrate: false)
                if case .postgres(let template) = base {
                    try await template.clone(into: schema, on: app.db)
                } else {
                    try await PostgresTemplate.dropStale(on: app.db)
                    try await app.db.sql.raw("CREATE SCHEMA \(ident: schema)").run()
                }
                try await prepareDatabase(app, database: .postgres(url: url, schema: schema))
                if base != nil { _ = try await DemoLoader.load(on: app.db, bcryptCost: 4, threadPool: app.threadPool) }
                let plan = try await PostgresTemplate.plan(schema: schema, on: app.db)
                try await app.asyncShutdown()
                return .postgres(plan)
            default:
                preconditionFailure("a \(database) template built from another engine's")
            }
        } catch {
            try? await app.asyncShutdown()
            throw TestTemplateError.building("\(database)", String(reflecting: error))
        }
    }
}

/// A migrated schema in the PostgreSQL test database and the statements that copy it into another schema.
struct PostgresTemplate: Sendable {
    /// `jixiao_template_<unix time>_<random>_demo|bare`: the time lets a later process drop what a killed one left.
    let schema: String
    let tables: [String]
    /// Primary keys, unique and exclusion constraints, and foreign keys: (table, name, definition as the template
    /// prints it with its own schema on the search path, so references are unqualified).
    let keys: [(table: String, name: String, definition: String)]
    let foreignKeys: [(table: String, name: String, definition: String)]
    /// `CREATE INDEX` statements for indexes that back no constraint, without the template's schema.
    let indexes: [String]
    /// `CREATE FUNCTION` and `CREATE TRIGGER` statements as the catalog prints them, naming the template's schema (the
    /// clone names its own instead). Triggers come last, after the rows are copied: copying must not fire them.
    let functions: [String]
    let triggers: [String]
    let signature: [String]

    static let prefix = "jixiao_template_"
    /// A template older than this belongs to a test process that has ended (a run takes minutes).
    static let staleAfter: TimeInterval = 3600

    static func newName(demo: Bool) -> String {
        let random = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(8)
        return "\(prefix)\(Int(Date().timeIntervalSince1970))_\(random)_\(demo ? "demo" : "bare")"
    }

    /// The one statement that creates `target` as a copy of the template: tables with their columns, defaults and
    /// checks, their rows, then keys, indexes and foreign keys under the template's names (constraint names matter:
    /// errors name them). It runs on a connection whose search path is `target`, which is where the unqualified
    /// references of the foreign keys and indexes land.
    func cloneStatement(into target: String) -> String {
        let to = Self.quoted(target), from = Self.quoted(schema)
        var statements = ["CREATE SCHEMA \(to)"]
        for table in tables {
            statements.append("CREATE TABLE \(to).\(Self.quoted(table)) (LIKE \(from).\(Self.quoted(table)) INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE INCLUDING COMMENTS)")
            statements.append("INSERT INTO \(to).\(Self.quoted(table)) SELECT * FROM \(from).\(Self.quoted(table))")
        }
        for key in keys { statements.append("ALTER TABLE \(to).\(Self.quoted(key.table)) ADD CONSTRAINT \(Self.quoted(key.name)) \(key.definition)") }
        statements += indexes
        for key in foreignKeys { statements.append("ALTER TABLE \(to).\(Self.quoted(key.table)) ADD CONSTRAINT \(Self.quoted(key.name)) \(key.definition)") }
        for definition in functions + triggers {
            statements.append(definition.replacingOccurrences(of: "\(from).", with: "\(to).").replacingOccurrences(of: " \(schema).", with: " \(to).")
                .replacingOccurrences(of: "(\(schema).", with: "(\(to)."))
        }
        return "DO $jixiao_clone$ BEGIN\n" + statements.map { $0 + ";\n" }.joined() + "END $jixiao_clone$"
    }

    /// Creates the test's schema from the template. The first clone of each template is compared with it, catalog
    /// and row counts, so a schema feature the copy does not carry over fails here rather than as a strange test.
    func clone(into target: String, on db: any Database) async throws {
        do {
            try await db.sql.raw("\(unsafeRaw: cloneStatement(into: target))").run()
        } catch {
            throw TestTemplateError.cloning(schema, String(reflecting: error))
        }
        if await TemplateChecks.shared.firstClone(of: schema) {
            let copy = try await Self.signature(on: db)
            guard copy == signature else {
                throw TestTemplateError.cloneDiffers(template: schema, onlyInTemplate: signature.filter { !copy.contains($0) },
                                                     onlyInCopy: copy.filter { !signature.contains($0) })
            }
        }
    }

    /// Reads the template's catalog on a connection whose search path is the template, refusing what a table-by-table
    /// copy would share with the template or lose (sequences, views, types, generated columns); functions and triggers
    /// are created again from their definitions.
    static func plan(schema: String, on db: any Database) async throws -> PostgresTemplate {
        struct Name: Decodable { var name: String }
        struct Constraint: Decodable { var table: String; var name: String; var kind: String; var definition: String }
        struct Index: Decodable { var definition: String }
        let sql = db.sql
        let namespace = "(SELECT oid FROM pg_namespace WHERE nspname = current_schema())"
        let unsupported = try await sql.raw("""
            SELECT relkind::text || ' ' || relname AS name FROM pg_class WHERE relnamespace = \(unsafeRaw: namespace) AND relkind NOT IN ('r', 'i')
            UNION ALL SELECT 'type ' || typname FROM pg_type WHERE typnamespace = \(unsafeRaw: namespace) AND typtype IN ('e', 'd', 'r', 'm')
            UNION ALL SELECT 'function ' || proname FROM pg_proc WHERE pronamespace = \(unsafeRaw: namespace) AND prokind <> 'f'
            UNION ALL SELECT 'generated column ' || c.relname || '.' || a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                WHERE c.relnamespace = \(unsafeRaw: namespace) AND (a.attgenerated <> '' OR a.attidentity <> '')
            """).all(decoding: Name.self).map(\.name)
        guard unsupported.isEmpty else { throw TestTemplateError.unsupported(schema, unsupported) }
        let tables = try await sql.raw("""
            SELECT relname AS name FROM pg_class WHERE relnamespace = \(unsafeRaw: namespace) AND relkind = 'r' ORDER BY relname
            """).all(decoding: Name.self).map(\.name)
        let constraints = try await sql.raw("""
            SELECT c.relname AS table, k.conname AS name, k.contype::text AS kind, pg_get_constraintdef(k.oid) AS definition
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
            WHERE k.connamespace = \(unsafeRaw: namespace) AND k.contype IN ('p', 'u', 'x', 'f') ORDER BY c.relname, k.conname
            """).all(decoding: Constraint.self)
        let indexes = try await sql.raw("""
            SELECT pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE c.relnamespace = \(unsafeRaw: namespace)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))
            ORDER BY c.relname
            """).all(decoding: Index.self).map { index in
                // pg_get_indexdef qualifies the table whatever the search path says.
                index.definition.replacingOccurrences(of: " ON \(quoted(schema)).", with: " ON ")
                    .replacingOccurrences(of: " ON \(schema).", with: " ON ")
            }
        let functions = try await sql.raw("""
            SELECT pg_get_functiondef(oid) AS definition FROM pg_proc WHERE pronamespace = \(unsafeRaw: namespace) ORDER BY proname
            """).all(decoding: Index.self).map(\.definition)
        let triggers = try await sql.raw("""
            SELECT pg_get_triggerdef(t.oid) AS definition FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            WHERE c.relnamespace = \(unsafeRaw: namespace) AND NOT t.tgisinternal ORDER BY t.tgname
            """).all(decoding: Index.self).map(\.definition)
        return PostgresTemplate(
            schema: schema, tables: tables,
            keys: constraints.filter { $0.kind != "f" }.map { ($0.table, $0.name, $0.definition) },
            foreignKeys: constraints.filter { $0.kind == "f" }.map { ($0.table, $0.name, $0.definition) },
            indexes: indexes, functions: functions, triggers: triggers, signature: try await signature(on: db))
    }

    /// What a copy must share with its template: every relation, column (in order, with type, nullability and
    /// default), constraint and index as the catalog prints it, and every table's row count.
    static func signature(on db: any Database) async throws -> [String] {
        struct Item: Decodable { var item: String }
        let namespace = "(SELECT oid FROM pg_namespace WHERE nspname = current_schema())"
        var items = try await db.sql.raw("""
            SELECT c.relkind::text || ' ' || c.relname AS item FROM pg_class c WHERE c.relnamespace = \(unsafeRaw: namespace)
            UNION ALL
            SELECT c.relname || ' #' || row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum) || ' ' || a.attname || ' '
                   || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
                   || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
            FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
            WHERE c.relnamespace = \(unsafeRaw: namespace) AND c.relkind = 'r'
            UNION ALL
            SELECT c.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid WHERE k.connamespace = \(unsafeRaw: namespace)
            UNION ALL
            SELECT replace(pg_get_indexdef(i.indexrelid), ' ON ' || quote_ident(current_schema()) || '.', ' ON ')
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relnamespace = \(unsafeRaw: namespace)
            UNION ALL
            SELECT 'function ' || p.proname || ' ' || md5(p.prosrc) FROM pg_proc p WHERE p.pronamespace = \(unsafeRaw: namespace)
            UNION ALL
            SELECT replace(pg_get_triggerdef(t.oid), quote_ident(current_schema()) || '.', '')
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = \(unsafeRaw: namespace) AND NOT t.tgisinternal
            """).all(decoding: Item.self).map(\.item)
        struct Name: Decodable { var name: String }
        let tables = try await db.sql.raw("""
            SELECT relname AS name FROM pg_class WHERE relnamespace = \(unsafeRaw: namespace) AND relkind = 'r'
            """).all(decoding: Name.self).map(\.name)
        struct Count: Decodable { var count: Int }
        for table in tables {
            let count = try await db.sql.raw("SELECT count(*) AS count FROM \(ident: table)").first(decoding: Count.self)?.count ?? -1
            items.append("rows \(table) \(count)")
        }
        return items.sorted()
    }

    /// Drops the templates that test processes which have ended left behind (there is no hook at the end of a run).
    static func dropStale(on db: any Database) async throws {
        struct Name: Decodable { var nspname: String }
        let names = try await db.sql.raw("SELECT nspname FROM pg_namespace WHERE nspname LIKE \(bind: prefix + "%")")
            .all(decoding: Name.self).map(\.nspname)
        let now = Date().timeIntervalSince1970
        for name in names {
            guard let created = name.dropFirst(prefix.count).split(separator: "_").first.flatMap({ TimeInterval(String($0)) }),
                  now - created > staleAfter else { continue }
            try? await db.sql.raw("DROP SCHEMA IF EXISTS \(ident: name) CASCADE").run()
        }
    }

    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Which templates have had a copy checked against them.
actor TemplateChecks {
    static let shared = TemplateChecks()
    private var checked: Set<String> = []

    func firstClone(of schema: String) -> Bool { checked.insert(schema).inserted }
}

enum TestTemplateError: Error, CustomStringConvertible {
    case walNotEmpty(String, Int)
    case unsupported(String, [String])
    case cloneDiffers(template: String, onlyInTemplate: [String], onlyInCopy: [String])
    case cannotCopy(String)
    case building(String, String)
    case cloning(String, String)

    var description: String {
        switch self {
        case .walNotEmpty(let path, let size):
            "the SQLite test template \(path) still has \(size) bytes of write-ahead log after its connections closed"
        case .unsupported(let schema, let objects):
            "the PostgreSQL test template \(schema) holds what a table-by-table copy cannot carry over: \(objects.joined(separator: ", ")) — teach PostgresTemplate to copy it"
        case .cloneDiffers(let schema, let onlyInTemplate, let onlyInCopy):
            "a copy of the PostgreSQL test template \(schema) differs from it: only in the template \(onlyInTemplate), only in the copy \(onlyInCopy)"
        case .cannotCopy(let path): "cannot write the test database \(path)"
        case .building(let database, let error): "building the \(database) test template failed: \(error)"
        case .cloning(let schema, let error): "copying the PostgreSQL test template \(schema) failed: \(error)"
        }
    }
}
