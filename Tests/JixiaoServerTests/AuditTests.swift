import Fluent
import Foundation
import JixiaoDomain
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import JixiaoServer

@Suite("Audit trail")
struct AuditTests {
    @Test("every change is chained and verification finds tampering", arguments: TestDatabase.all)
    func tamperDetection(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let admin = try await APIClient.signIn(app, "province-admin", DemoData.password)
            _ = try await admin.send(.POST, "/api/v1/orgs", json: ["code": "990000-301", "name": "江南省统计局", "kind": "department", "parentCode": "990000"])
            let intact = try await AuditTrail.verify(on: app.db, pageSize: 7)
            #expect(intact.problem == nil)
            #expect(intact.checked > 40)

            // Someone edits a summary directly in the database.
            try await app.db.sql.raw("UPDATE audit_entries SET summary = 'after: nothing happened' WHERE sequence = 10").run()
            #expect(try await AuditTrail.verify(on: app.db).problem == .altered(sequence: 10))
        }
    }

    @Test("a rewritten and resealed chain fails without the key, and a checkpoint catches a rewrite with it", arguments: TestDatabase.all)
    func resealing(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let checkpoint = try await AuditTrail.checkpoint(on: app.db)
            #expect(try await AuditTrail.verify(on: app.db, checkpoint: checkpoint).problem == nil)

            // Someone with database access rewrites entry 10 and recomputes every hash after it, as one could with
            // plain SHA-256 (or with any key but ours).
            try await Self.rewrite(app, sequence: 10, seal: AuditTrail.sha256Hex)
            #expect(try await AuditTrail.verify(on: app.db).problem == .altered(sequence: 10))

            // Even the key's holder cannot rewrite history behind a checkpoint kept elsewhere.
            let key = try AuditKeyring.key()
            try await Self.rewrite(app, sequence: 10, seal: key.seal)
            #expect(try await AuditTrail.verify(on: app.db).problem == nil, "resealed with the key itself")
            #expect(try await AuditTrail.verify(on: app.db, checkpoint: checkpoint).problem == .checkpointMismatch(sequence: checkpoint.sequence))
            #expect(try await AuditTrail.verify(on: app.db, checkpoint: AuditCheckpoint(sequence: checkpoint.sequence + 1000, hash: checkpoint.hash))
                .problem == .checkpointMismatch(sequence: checkpoint.sequence + 1000))
            #expect(AuditCheckpoint("12:" + String(repeating: "a", count: 64)) == AuditCheckpoint(sequence: 12, hash: String(repeating: "a", count: 64)))
            #expect(AuditCheckpoint("12:abc") == nil && AuditCheckpoint("x:" + String(repeating: "a", count: 64)) == nil)
        }
    }

    @Test("the key file is created owner-only and another key is refused by the database")
    func keyFile() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-key-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try AuditKey.loadOrCreate(at: path)
        let again = try AuditKey.loadOrCreate(at: path)
        #expect(first.checkValue == again.checkValue, "the file is read, not replaced")
        let permissions = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(permissions & 0o077 == 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(throws: AuditKeyError.self) { try AuditKey.loadOrCreate(at: path) }
        try "not hex\n".write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        #expect(throws: AuditKeyError.self) { try AuditKey.loadOrCreate(at: path) }
    }

    @Test("a database sealed by one key refuses another", arguments: TestDatabase.all)
    func keyMismatch(database: TestDatabase) async throws {
        try await withJixiao(database, demo: false) { app in
            try await app.db.sql.raw("UPDATE audit_head SET key_check = 'someone-elses'").run()
            await #expect(throws: AuditKeyError.self) { try await AuditTrail.adoptKey(on: app.db) }
            // A trail from before keys (no check value) is verified as SHA-256 and resealed once.
            try await Self.rewrite(app, sequence: 1, seal: AuditTrail.sha256Hex, keepContent: true)
            try await app.db.sql.raw("UPDATE audit_head SET key_check = NULL").run()
            #expect(try await AuditTrail.verify(on: app.db).problem != nil, "plain SHA-256 is not our seal")
            try await AuditTrail.adoptKey(on: app.db)
            #expect(try await AuditTrail.verify(on: app.db).problem == nil)
        }
    }

    /// Rewrites the chain from `sequence` on (changing that entry's summary unless `keepContent`) with `seal`.
    static func rewrite(_ app: Application, sequence: Int64, seal: (String) -> String, keepContent: Bool = false) async throws {
        if !keepContent {
            try await app.db.sql.raw("UPDATE audit_entries SET summary = 'rewritten' WHERE sequence = \(bind: sequence)").run()
        }
        let rows = try await app.db.sql.select().column("*").from(AuditTrail.entriesTable).orderBy("sequence")
            .all(decoding: AuditTrail.Row.self)
        var previous = auditGenesisHash
        for row in rows {
            var record = row.record
            if record.sequence >= sequence {
                record.previousHash = previous
                record = AuditChainVerifier.seal(record, hash: seal)
                try await app.db.sql.update(AuditTrail.entriesTable).set("previous_hash", to: SQLBind(record.previousHash))
                    .set("hash", to: SQLBind(record.hash)).where("sequence", .equal, SQLBind(record.sequence)).run()
            }
            previous = record.hash
        }
        try await app.db.sql.update(AuditTrail.headTable).set("last_hash", to: SQLBind(previous)).run()
    }

    @Test("removed entries are found, in the middle and at the end", arguments: TestDatabase.all)
    func removal(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            struct Max: Decodable { var m: Int64 }
            let last = try #require(try await app.db.sql.raw("SELECT MAX(sequence) AS m FROM audit_entries").first(decoding: Max.self)).m
            try await app.db.sql.raw("DELETE FROM audit_entries WHERE sequence = \(bind: last)").run()
            #expect(try await AuditTrail.verify(on: app.db).problem == .truncated(expectedLast: last, foundLast: last - 1))
            try await app.db.sql.raw("DELETE FROM audit_entries WHERE sequence = 5").run()
            #expect(try await AuditTrail.verify(on: app.db).problem == .removed(expectedSequence: 5))
        }
    }

    @Test("the audit page is filtered to what the reader may see", arguments: TestDatabase.all)
    func auditPage(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            // Both administrators sign in (their entries are what the readers look for); reading is the audit officers'.
            try await Browser(app).signIn("county-admin", DemoData.password)
            try await Browser(app).signIn("province-admin", DemoData.password)
            #expect(try await Browser(app).signIn("province-admin", DemoData.password).status == .seeOther)
            let administrator = Browser(app)
            try await administrator.signIn("province-admin", DemoData.password)
            #expect(try await administrator.get("/audit").status == .forbidden, "三员分立: administrators do not read the trail")
            let county = Browser(app)
            try await county.signIn("county-audit", DemoData.password)
            let province = Browser(app)
            try await province.signIn("audit-officer", DemoData.password)
            let countyPage = try await county.get("/audit").body.string
            #expect(countyPage.contains("county-admin"))
            #expect(!countyPage.contains("province-admin"), "a county sees what people of its county did")
            let provincePage = try await province.get("/audit?action=auth.").body.string
            #expect(provincePage.contains("county-admin") && provincePage.contains("province-admin"))
            let unit = Browser(app)
            try await unit.signIn("unit-officer", DemoData.password)
            #expect(try await unit.get("/audit").status == .forbidden)
        }
    }
}
