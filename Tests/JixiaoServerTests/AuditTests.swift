import Fluent
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
