import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import JixiaoServer

/// Sessions and API tokens end whenever what they stood for changes; sign-in throttling holds under parallel load.
@Suite("Credentials: revocation and parallel throttling")
struct CredentialTests {
    /// A person with a usable password in a new unit of the education department, and an API token.
    func unitPersonWithToken(_ app: Application, admin: APIClient, username: String) async throws -> (user: UUID, org: UUID, token: APIClient) {
        let org = try await admin.send(.POST, "/api/v1/orgs", json: ["code": "990000-101-\(username.prefix(6))", "name": "测试单位\(username)",
                                                                     "kind": "unit", "parentCode": "990000-101"])
        #expect(org.status == .created, "\(org.body.string)")
        let orgID = try org.content.decode(OrganizationDTO.self).id
        let created = try await admin.send(.POST, "/api/v1/users", json: [
            "username": username, "displayName": "测试", "organizationCode": "990000-101-\(username.prefix(6))",
            "roles": ["unit_officer"], "password": "Unit2026pass"])
        #expect(created.status == .created, "\(created.body.string)")
        let userID = try created.content.decode(UserCreateResponse.self).user.id
        try await UserModel.query(on: app.db).filter(\.$id == userID).set(\.$mustChangePassword, to: false).update()
        let token = try await APIClient.signIn(app, username, "Unit2026pass")
        #expect(try await token.send(.GET, "/api/v1/me").status == .ok)
        return (userID, orgID, token)
    }

    @Test("tokens and sessions end on password change, reset, role change and deactivation", arguments: TestDatabase.all)
    func revocation(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let admin = try await APIClient.signIn(app, "province-admin", DemoData.password)

            // The person's own password change: every token ends, the browser that changed it stays signed in.
            let browser = Browser(app)
            try await browser.signIn("perf-officer", DemoData.password)
            let token = try await APIClient.signIn(app, "perf-officer", DemoData.password)
            let otherBrowser = Browser(app, address: "192.0.2.99")
            try await otherBrowser.signIn("perf-officer", DemoData.password)
            try await browser.get("/account/password")
            let changed = try await browser.post("/account/password", ["current": DemoData.password, "new": "Changed2026pass", "confirm": "Changed2026pass"])
            #expect(changed.status == .ok)
            #expect(try await token.send(.GET, "/api/v1/me").status == .unauthorized, "token issued before the change")
            #expect(try await otherBrowser.get("/goals").status == .seeOther, "another browser is signed out")
            #expect(try await browser.get("/goals").status == .ok, "this browser stays")

            // An administrator's reset.
            let (userID, orgID, unitToken) = try await unitPersonWithToken(app, admin: admin, username: "reset-me")
            #expect(try await admin.send(.POST, "/api/v1/users/\(userID)/reset-password").status == .ok)
            #expect(try await unitToken.send(.GET, "/api/v1/me").status == .unauthorized)

            // A role change.
            try await UserModel.query(on: app.db).filter(\.$id == userID).set(\.$mustChangePassword, to: false).update()
            try await UserModel.query(on: app.db).filter(\.$id == userID)
                .set(\.$passwordHash, to: try await Passwords.hash("Unit2026pass", on: app)).update()
            let second = try await APIClient.signIn(app, "reset-me", "Unit2026pass")
            let patched = try await admin.send(.PATCH, "/api/v1/users/\(userID)", json: ["displayName": "测试二"])
            #expect(patched.status == .ok)
            #expect(try await second.send(.GET, "/api/v1/me").status == .ok, "a change of name keeps the token")
            try await UserRoleModel.query(on: app.db).filter(\.$user.$id == userID).delete()
            try await UserRoleModel(userID: userID, role: .unitOfficer).create(on: app.db)
            let roleChange = try await admin.send(.PATCH, "/api/v1/users/\(userID)", json: ["organizationCode": "990000-101-01"])
            #expect(roleChange.status == .ok, "\(roleChange.body.string)")
            #expect(try await second.send(.GET, "/api/v1/me").status == .unauthorized, "moving to another organisation ends it")

            // Deactivating the organisation ends its people's tokens; reactivating does not bring them back.
            let (_, otherOrg, third) = try await unitPersonWithToken(app, admin: admin, username: "org-gone")
            _ = orgID
            #expect(try await admin.send(.PATCH, "/api/v1/orgs/\(otherOrg)", json: ["isActive": false]).status == .ok)
            #expect(try await third.send(.GET, "/api/v1/me").status == .unauthorized)
            let refused = try await APIClient(app: app).send(.POST, "/api/v1/tokens", json: ["username": "org-gone", "password": "Unit2026pass"])
            #expect(refused.status == .unauthorized, "no token for a person of an inactive organisation")
            #expect(try await admin.send(.PATCH, "/api/v1/orgs/\(otherOrg)", json: ["isActive": true]).status == .ok)
            #expect(try await third.send(.GET, "/api/v1/me").status == .unauthorized, "still ended after reactivation")
        }
    }

    @Test("thirty parallel wrong passwords verify at most five", arguments: TestDatabase.all)
    func parallelThrottle(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for attempt in 0..<30 {
                    group.addTask {
                        // Different addresses: only the account's own count can stop them.
                        let client = APIClient(app: app, token: nil, address: "198.51.100.\(attempt + 1)")
                        return try await client.send(.POST, "/api/v1/tokens", json: ["username": "budget-officer", "password": "wrong-\(attempt)x"]).status
                    }
                }
                var all: [HTTPStatus] = []
                for try await status in group { all.append(status) }
                return all
            }
            let verified = statuses.filter { $0 == .unauthorized }.count
            #expect(verified <= 5, "\(verified) wrong passwords were verified")
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 30 - verified)
            #expect(!statuses.contains { $0.code >= 500 })
        }
    }

    @Test("parallel sign-ins beyond what can be hashed answer 503, never 500")
    func passwordGate() async throws {
        let gate = PasswordGate(concurrent: 1, waiting: 2)
        let outcomes = await withTaskGroup(of: String.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    do {
                        return try await gate.run { try await Task.sleep(for: .milliseconds(150)); return "done" }
                    } catch let error as AppError { return error.code } catch { return "other" }
                }
            }
            var all: [String] = []
            for await outcome in group { all.append(outcome) }
            return all
        }
        #expect(outcomes.filter { $0 == "done" }.count == 3, "\(outcomes)")
        #expect(outcomes.filter { $0 == "busy" }.count == 5)
    }

    @Test("refusals are in the audit trail, counted per source and minute", arguments: TestDatabase.all)
    func refusalsAudited(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            _ = try await DemoGoals.load(on: app.db)
            let unit = try await APIClient.signIn(app, "unit-officer", DemoData.password)
            let submitted = try #require(try await BudgetObjectModel.query(on: app.db).filter(\.$currentState == "submitted").first())
            let refused = try await unit.send(.POST, "/api/v1/budget-objects/\(submitted.id!)/transitions",
                                              json: ["action": "department_approve", "lockVersion": 1, "opinion": "同意"])
            #expect(refused.status == .forbidden)
            let supervisor = try await APIClient.signIn(app, "supervisor", DemoData.password)
            #expect(try await supervisor.send(.POST, "/api/v1/goals/release", json: ["underCode": "990000", "fiscalYear": DemoGoals.fiscalYear]).status == .forbidden)
            let otherJob = try await supervisor.send(.GET, "/api/v1/import-jobs/\(UUID())")
            #expect(otherJob.status == .notFound)
            let admin = try await APIClient.signIn(app, "county-admin", DemoData.password)
            let outOfReach = try await admin.send(.POST, "/api/v1/users", json: [
                "username": "someone-new", "displayName": "某人", "organizationCode": "990000", "roles": ["administrator"]])
            #expect(outOfReach.status == .unprocessableEntity)
            let taken = try await admin.send(.POST, "/api/v1/users", json: [
                "username": "perf-officer", "displayName": "某人", "organizationCode": "990121", "roles": ["administrator"]])
            #expect(admin.errorCode(taken) == "unavailable", "a name outside the county is not confirmed: \(taken.body.string)")

            // Three anonymous forged tokens in one minute: one entry counting three.
            var forged = APIClient(app: app, token: "forged", address: "203.0.113.50")
            for _ in 0..<3 { _ = try await forged.send(.GET, "/api/v1/me") }
            forged.token = nil

            // Each entry is one person's refusals of one minute; its samples name the requests.
            #expect(try await refusalCount(app, "access.refused", containing: "department_approve") == 1)
            #expect(try await refusalCount(app, "access.refused", containing: "/api/v1/goals/release") == 2, "release and the job")
            #expect(try await refusalCount(app, "access.refused", containing: "/api/v1/import-jobs/") == 2)
            #expect(try await refusalCount(app, "access.refused", containing: "organization_code=990000 ") == 2)
            #expect(try await refusalCount(app, "access.refused", containing: "username=perf-officer") == 2)
            struct Row: Decodable { var summary: String }
            let tokenRows = try await app.db.sql.select().column("summary").from(AuditTrail.entriesTable)
                .where("action", .equal, SQLBind("auth.token_rejected")).all(decoding: Row.self)
            #expect(tokenRows.count == 1 && tokenRows[0].summary.hasPrefix("count=3 "), "\(tokenRows.map(\.summary))")
            #expect(try await AuditTrail.verify(on: app.db).problem == nil)
        }
    }

    @Test func refusalGroupsAreBounded() {
        let recorder = RefusalRecorder()
        let now = Date()
        for index in 0..<(RefusalRecorder.maximumGroups + 500) {
            recorder.note("access.refused", summary: "x", context: AuditContext(userID: "-", userName: "-", organizationID: "-", scopePath: "",
                                                                                 requestID: "-", clientAddress: "10.0.\(index / 250).\(index % 250)"), at: now)
        }
        #expect(recorder.pendingCount == RefusalRecorder.maximumGroups + 500, "every refusal is counted")
    }

    @Test("malformed names and codes answer 4xx on both engines, never 500", arguments: TestDatabase.all)
    func nulBytes(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let anonymous = APIClient(app: app)
            let token = try await anonymous.send(.POST, "/api/v1/tokens", json: ["username": "\u{0}admin", "password": "whatever-1234"])
            #expect(token.status == .unauthorized, "\(token.status)")
            let browser = Browser(app)
            try await browser.get("/signin")
            #expect(try await browser.post("/signin", ["username": "a\u{0}b", "password": "x"]).status == .unauthorized)
            try await browser.signIn("perf-officer", DemoData.password)
            let filter = try await browser.get("/goals?under=%00&all=1")
            #expect(filter.status.code < 500, "\(filter.status)")
            let admin = try await APIClient.signIn(app, "province-admin", DemoData.password)
            let user = try await admin.send(.POST, "/api/v1/users", json: ["username": "nul-user", "displayName": "某人", "organizationCode": "99\u{0}00", "roles": ["supervisor"]])
            #expect(user.status.code < 500, "\(user.status)")
        }
    }

    @Test("an administrator cannot take over the audit officer's account; the security officer manages it", arguments: TestDatabase.all)
    func overseerAccounts(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let auditor = try #require(try await UserModel.query(on: app.db).filter(\.$username == "audit-officer").first())
            let admin = try await APIClient.signIn(app, "province-admin", DemoData.password)
            #expect(try await admin.send(.POST, "/api/v1/users/\(auditor.id!)/reset-password").status == .forbidden)
            #expect(try await admin.send(.PATCH, "/api/v1/users/\(auditor.id!)", json: ["isActive": false]).status == .forbidden)
            let security = try await APIClient.signIn(app, "security-officer", DemoData.password)
            #expect(try await security.send(.POST, "/api/v1/users/\(auditor.id!)/reset-password").status == .ok)
        }
    }

    @Test("the client address behind a proxy is the hop the proxy added")
    func forwardedFor() async throws {
        try await withJixiao(.sqlite, demo: false) { app in
            app.get("whoami") { req in req.clientAddress }
            let answer = try await app.testing().sendRequest(.GET, "/whoami", headers: ["X-Forwarded-For": "1.2.3.4, 198.51.100.9"])
            #expect(answer.body.string == "198.51.100.9")
            let forged = try await app.testing().sendRequest(.GET, "/whoami", headers: ["X-Forwarded-For": "<script>"])
            #expect(forged.body.string != "<script>")
        }
    }
}
