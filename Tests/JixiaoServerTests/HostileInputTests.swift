import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import JixiaoServer

/// Names and query values that try to leave the attribute or text they are written into. Every page is rendered
/// with them, as each demo role, and the markup they carry must never appear as markup.
@Suite("Hostile names and query values")
struct HostileInputTests {
    /// Breaks out of a double-quoted attribute, a single-quoted one, and text, and smuggles an entity.
    static let payload = "x\"'><i data-pwned=1>&amp;<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">"

    static func breaksOut(_ html: String) -> Bool {
        html.contains("<i data-pwned") || html.contains("evil.example/\">") || html.contains("<meta http-equiv=\"refresh\" content=\"0;url")
    }

    @Test func escapingHelpers() {
        #expect(HTMLEscaping.attributeValue("a\"b'c<d>e&f") == "a&quot;b&#39;c&lt;d&gt;e&amp;f")
        #expect(HTMLEscaping.text("R&amp;D <b>") == "R&amp;amp;D &lt;b&gt;")
        #expect(HTMLEscaping.attributeValue("项目") == "项目")
    }

    @Test("every page, every role, hostile names and queries", arguments: TestDatabase.all)
    func pagesEscapeEverything(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            // setup: hostile names on organisations, people, goals, indicators and the library
            _ = try await DemoGoals.load(on: app.db)
            let hostile = Self.payload
            try await app.db.sql.raw("UPDATE organizations SET name = name || \(bind: hostile)").run()
            try await app.db.sql.raw("UPDATE users SET display_name = display_name || \(bind: hostile)").run()
            try await app.db.sql.raw("UPDATE budget_objects SET name = name || \(bind: hostile)").run()
            try await app.db.sql.raw("UPDATE goal_indicators SET name = name || \(bind: hostile)").run()
            try await app.db.sql.raw("UPDATE indicator_library SET name = name || \(bind: hostile)").run()
            let goals = try await BudgetObjectModel.query(on: app.db).all()
            let someGoal = try #require(goals.first)
            let users = try await UserModel.query(on: app.db).all()
            let orgs = try await OrganizationModel.query(on: app.db).limit(3).all()
            let q = Browser.escape(hostile)
            var paths = ["/", "/goals", "/goals?q=\(q)&year=\(q)&org=\(q)&state=\(q)&fund=\(q)&lint=\(q)", "/goals/new",
                         "/goals/import", "/goals/issued", "/library?q=\(q)&subcategory=\(q)", "/orgs?q=\(q)&kind=\(q)",
                         "/orgs/new?parent=\(q)", "/orgs/import", "/users?q=\(q)&org=\(q)", "/users/new?org=\(q)",
                         "/audit?q=\(q)&action=\(q)&under=\(q)", "/account/password", "/monitoring", "/signin?next=\(q)"]
            for goal in goals.prefix(12) {
                paths += ["/goals/\(goal.id!)", "/goals/\(goal.id!)/print", "/goals/\(goal.id!)?library=\(q)",
                          "/goals/\(goal.id!)/diff?from=1&to=2"]
            }
            paths += ["/goals/\(someGoal.id!)/diff?from=\(q)&to=\(q)"]
            paths += users.prefix(5).map { "/users/\($0.id!)" } + orgs.map { "/orgs/\($0.id!)" } + orgs.map { "/orgs?under=\($0.id!)" }

            // act and check: every role of the demo sees every page
            let anonymous = Browser(app)
            for path in ["/signin?next=\(q)", "/signin?next=%22%3E%3Ci%20data-pwned%3D1%3E"] {
                let page = try await anonymous.get(path)
                #expect(!Self.breaksOut(page.body.string), "anonymous \(path) writes the payload as markup")
            }
            for username in ["province-admin", "perf-officer", "budget-officer", "dept-officer", "unit-officer",
                             "agency-evaluator", "expert", "supervisor", "city-perf", "audit-officer"] {
                let browser = Browser(app)
                let signIn = try await browser.signIn(username, "Demo2026jixiao")
                #expect(signIn.status == .seeOther, "\(username) signs in")
                for path in paths {
                    let page = try await browser.get(path)
                    #expect(page.status.code < 500, "\(username) \(path): \(page.status)")
                    #expect(!Self.breaksOut(page.body.string), "\(username) \(path) writes the payload as markup")
                }
            }
        }
    }

    @Test("texts and lists beyond the limits, and invisible characters, are refused before anything is saved", arguments: TestDatabase.all)
    func limits(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let unit = try await APIClient.signIn(app, "unit-officer", DemoData.password)
            let huge = try await unit.send(.POST, "/api/v1/budget-objects", json: [
                "kind": "project", "code": "L-1", "name": String(repeating: "长", count: 300_000), "organizationCode": "990000-101-01",
                "fiscalYear": 2027, "requestedWanYuan": "10"])
            #expect(huge.status == .unprocessableEntity, "\(huge.body.string.prefix(200))")
            let bell = try await unit.send(.POST, "/api/v1/budget-objects", json: [
                "kind": "project", "code": "L-2", "name": "名称\u{FFFF}", "organizationCode": "990000-101-01", "fiscalYear": 2027, "requestedWanYuan": "10"])
            #expect(bell.status == .unprocessableEntity && bell.body.string.contains("U+FFFF"), "\(bell.body.string)")
            let created = try await unit.send(.POST, "/api/v1/budget-objects", json: [
                "kind": "project", "code": "L-3", "name": "正常项目", "organizationCode": "990000-101-01", "fiscalYear": 2027, "requestedWanYuan": "10"])
            #expect(created.status == .created)
            let goal = try created.content.decode(GoalDTO.self)
            let many = (0..<5_000).map { ["subcategory": "quantity", "name": "指标\($0)", "target": "≥1个"] as [String: any Sendable] }
            let tooMany = try await unit.send(.PUT, "/api/v1/budget-objects/\(goal.objectID)/goal",
                                              json: ["lockVersion": goal.lockVersion, "annualGoal": "目标", "indicators": many])
            #expect(unit.errorCode(tooMany) == "input_refused", "\(tooMany.body.string.prefix(300))")
            let control = try await unit.send(.PUT, "/api/v1/budget-objects/\(goal.objectID)/goal", json: [
                "lockVersion": goal.lockVersion, "annualGoal": "目标",
                "indicators": [["subcategory": "quantity", "name": "受益\u{1B}人数", "target": "≥1个"] as [String: any Sendable]]])
            #expect(unit.errorCode(control) == "input_refused" && control.body.string.contains("U+001B"))
            let after = try await unit.send(.GET, "/api/v1/budget-objects/\(goal.objectID)").content.decode(GoalDTO.self)
            #expect(after.lockVersion == goal.lockVersion && after.indicators.isEmpty, "nothing was saved")
            let admin = try await APIClient.signIn(app, "province-admin", DemoData.password)
            let org = try await admin.send(.POST, "/api/v1/orgs", json: ["code": "990000-501", "name": "名称\u{0}", "kind": "department", "parentCode": "990000"])
            #expect(org.status == .unprocessableEntity)
        }
    }
}
