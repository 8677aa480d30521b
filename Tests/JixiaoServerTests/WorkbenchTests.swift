import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import JixiaoServer
import JixiaoDomain

@Suite("Workbench")
struct WorkbenchTests {
    /// The person as the authentication middleware loads them.
    func signedIn(_ app: Application, _ username: String) async throws -> SignedInUser {
        let user = try #require(try await UserModel.query(on: app.db).filter(\.$username == username).with(\.$roles).with(\.$organization).first())
        return try SignedInUser(user: user, organization: user.organization)
    }

    /// The person's workbench, as the start page gathers it from every capability.
    func tiles(_ app: Application, _ username: String, _ locale: AppLocale = .zhHans) async throws -> [WorkbenchTile] {
        try await Capabilities.workbench(for: try await signedIn(app, username), on: app.db, Localizer(locale: locale))
    }

    /// Rows of the goal list behind a link, as the page shows them.
    func pageRows(_ browser: Browser, _ link: String) async throws -> Int {
        let page = try await browser.get(link).body.string
        guard let body = page.range(of: "<tbody>") else { return 0 }
        return page[body.upperBound...].components(separatedBy: "<tr>").count - 1
    }

    /// Rows the API returns for the same question (`waiting=true` with the link's year and state).
    func apiRows(_ client: APIClient, year: String, state: String? = nil) async throws -> Int {
        let path = "/api/v1/budget-objects?year=\(year)&waiting=true" + (state.map { "&state=\($0)" } ?? "")
        return try await client.send(.GET, path).content.decode(GoalQueueDTO.self).items.count
    }

    /// Every goal tile's count equals the rows of its page and of the API, and together the tiles of a year are the
    /// whole work queue of that year.
    func expectCountsAgree(_ app: Application, _ username: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let browser = Browser(app)
        try await browser.signIn(username, DemoData.password)
        let client = try await APIClient.signIn(app, username, DemoData.password)
        let goalTiles = try await tiles(app, username).filter { $0.link.hasPrefix("/goals?") }
        var perYear: [String: Int] = [:]
        for tile in goalTiles {
            let query = Dictionary(uniqueKeysWithValues: (URLComponents(string: tile.link)?.queryItems ?? []).map { ($0.name, $0.value ?? "") })
            let year = try #require(query["year"]), state = try #require(query["state"])
            #expect(tile.count == (try await pageRows(browser, tile.link)), "\(username): \(tile.title) against its page", sourceLocation: sourceLocation)
            #expect(tile.count == (try await apiRows(client, year: year, state: state)), "\(username): \(tile.title) against the API", sourceLocation: sourceLocation)
            perYear[year, default: 0] += tile.count ?? 0
        }
        for (year, total) in perYear {
            #expect(total == (try await apiRows(client, year: year)), "\(username): the tiles of \(year) are the whole queue", sourceLocation: sourceLocation)
        }
        let queueNow = try await apiRows(client, year: String(DemoGoals.fiscalYear))
        #expect(queueNow == perYear[String(DemoGoals.fiscalYear)] ?? 0, "\(username): nothing in the queue lacks a tile", sourceLocation: sourceLocation)
    }

    func summary(_ tiles: [WorkbenchTile]) -> [String] { tiles.map { "\($0.title) → \($0.link)" } }

    @Test("each role sees its waiting goals with counts that agree with the lists they link to", arguments: TestDatabase.all)
    func demoRoles(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            // setup
            _ = try await DemoGoals.load(on: app.db)
            let year = DemoGoals.fiscalYear
            // check
            #expect(summary(try await tiles(app, "unit-officer")) == ["草稿 1 项 → /goals?year=\(year)&state=draft"])
            #expect(summary(try await tiles(app, "dept-officer")) == ["待我审核 1 项 → /goals?year=\(year)&state=submitted"])
            #expect(summary(try await tiles(app, "perf-officer")) == ["待我审核 2 项 → /goals?year=\(year)&state=departmentApproved",
                                                                   "待批复 1 项 → /goals?year=\(year)&state=approved"])
            for name in ["unit-officer", "dept-officer", "perf-officer", "budget-officer", "city-perf", "dept-reviewer"] {
                try await expectCountsAgree(app, name)
            }
            // The start page shows them, in both languages.
            let browser = Browser(app)
            try await browser.signIn("perf-officer", DemoData.password)
            let home = try await browser.get("/").body.string
            #expect(home.contains("等待您处理") && home.contains("待我审核 2 项") && home.contains("href=\"/goals?year=\(year)&amp;state=departmentApproved\""))
            #expect(home.contains("\(year)年度 · 部门已审核（财政审核中）"))
            #expect(summary(try await tiles(app, "perf-officer", .en)).first?.hasPrefix("2 to review") == true)
        }
    }

    @Test("a submission and a return move the counts of the unit and the department", arguments: TestDatabase.all)
    func afterSubmissionAndReturn(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            // setup
            _ = try await DemoGoals.load(on: app.db)
            let year = DemoGoals.fiscalYear
            let unit = try await APIClient.signIn(app, "unit-officer", DemoData.password)
            let department = try await APIClient.signIn(app, "dept-officer", DemoData.password)
            func item(_ client: APIClient, _ code: String) async throws -> GoalQueueDTO.Item {
                let items = try await client.send(.GET, "/api/v1/budget-objects?year=\(year)").content.decode(GoalQueueDTO.self).items
                return try #require(items.first { $0.code == code })
            }
            // act: the unit submits its draft
            let draft = try await item(unit, "JN2027-EDU-002")
            let submitted = try await unit.send(.POST, "/api/v1/budget-objects/\(draft.objectID.uuidString)/transitions",
                                                json: ["action": "submit", "lockVersion": draft.lockVersion])
            #expect(submitted.status == .ok, "\(submitted.body.string)")
            // check
            #expect(try await tiles(app, "unit-officer").isEmpty)
            #expect(summary(try await tiles(app, "dept-officer")) == ["待我审核 2 项 → /goals?year=\(year)&state=submitted"])
            let unitBrowser = Browser(app)
            try await unitBrowser.signIn("unit-officer", DemoData.password)
            #expect(try await unitBrowser.get("/").body.string.contains("目前没有等待您处理的事项"))

            // act: the department returns the other submission
            let other = try await item(department, "JN2027-EDU-001")
            let returned = try await department.send(.POST, "/api/v1/budget-objects/\(other.objectID.uuidString)/transitions",
                                                     json: ["action": "department_return", "lockVersion": other.lockVersion, "opinion": "请补充时效指标。"])
            #expect(returned.status == .ok, "\(returned.body.string)")
            // check
            #expect(summary(try await tiles(app, "unit-officer")) == ["被退回 1 项 → /goals?year=\(year)&state=returned"])
            #expect(summary(try await tiles(app, "dept-officer")) == ["待我审核 1 项 → /goals?year=\(year)&state=submitted"])
            let home = try await unitBrowser.get("/").body.string
            #expect(home.contains("被退回 1 项") && home.contains("state=returned"))
            try await expectCountsAgree(app, "unit-officer")
            try await expectCountsAgree(app, "dept-officer")
        }
    }

    @Test("a tile per fiscal year for the last three years, linking to that year's list", arguments: TestDatabase.all)
    func fiscalYears(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            // setup: one review left over from last year, one from long ago
            _ = try await DemoGoals.load(on: app.db)
            let year = DemoGoals.fiscalYear
            try await BudgetObjectModel.query(on: app.db).filter(\.$code == "JN2027-EDU-003").set(\.$fiscalYear, to: year - 1).update()
            try await BudgetObjectModel.query(on: app.db).filter(\.$code == "JN2027-SOC-001").set(\.$fiscalYear, to: year - 5).update()
            // check
            #expect(summary(try await tiles(app, "perf-officer")) == ["待我审核 1 项 → /goals?year=\(year - 1)&state=departmentApproved",
                                                                   "待批复 1 项 → /goals?year=\(year)&state=approved"])
            try await expectCountsAgree(app, "perf-officer")
        }
    }

    @Test("experts, agencies, supervisors and the three officers see nothing of goals", arguments: TestDatabase.all)
    func nothingOutsideReach(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            _ = try await DemoGoals.load(on: app.db)
            for name in ["expert", "agency-evaluator", "supervisor", "audit-officer", "security-officer", "province-admin", "county-admin"] {
                #expect(try await tiles(app, name).isEmpty, "\(name)")
            }
            let browser = Browser(app)
            try await browser.signIn("expert", DemoData.password)
            let home = try await browser.get("/").body.string
            #expect(home.contains("目前没有等待您处理的事项") && !home.contains("work-tile"))
        }
    }

    @Test("imports still running show as information until they finish", arguments: TestDatabase.all)
    func runningImports(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            // setup: one running, one finished, one interrupted (its runner went down), one of someone else. The runner is
            // another host whose heartbeat is fresh, so this process's workers leave the rows alone.
            let unit = try await signedIn(app, "unit-officer")
            let other = try await signedIn(app, "dept-officer")
            func job(_ user: UUID, _ state: JobState) async throws {
                let now = Date()
                try await app.db.sql.insert(into: CreateJobs.table)
                    .columns("id", "kind", "state", "caller_user_id", "caller_name", "caller_organization_id", "caller_scope_path", "request_id",
                             "client_address", "input_bytes", "done", "attempts", "claimed_by", "heartbeat_at", "created_at")
                    .values(SQLBind(UUID()), SQLBind(ImportJobService.kind), SQLBind(state.rawValue), SQLBind(user), SQLBind("x"), SQLBind("-"),
                            SQLBind(""), SQLBind("-"), SQLBind("-"), SQLBind(1000), SQLBind(0), SQLBind(1), SQLBind("elsewhere:1#test"),
                            SQLBind(now), SQLBind(now))
                    .run()
            }
            try await job(unit.userID, .running)
            try await job(unit.userID, .succeeded)
            try await job(unit.userID, .interrupted)
            try await job(other.userID, .running)
            // check
            #expect(summary(try await tiles(app, "unit-officer")) == ["导入中 1 个 → /goals/import"])
            #expect(try await tiles(app, "unit-officer").first?.kind == .information)
            #expect(try await tiles(app, "unit-officer", .en).first?.title == "1 import running")
            #expect(try await GoalWorkbench.runningImportCount(of: other.userID, on: app.db) == 1)
        }
    }

    @Test("a new installation's administrator sees the first steps until each is done", arguments: TestDatabase.all)
    func firstSteps(database: TestDatabase) async throws {
        try await withJixiao(database, demo: false) { app in
            // setup
            let root = try #require(try await OrganizationModel.query(on: app.db).filter(\.$code == Bootstrap.rootCode).first())
            let admin = try await APIClient.signIn(app, "admin", adminPassword)
            let browser = Browser(app)
            try await browser.signIn("admin", adminPassword)
            // check: all four steps
            let fresh = try await tiles(app, "admin")
            #expect(fresh.map(\.link) == ["/orgs/\(root.id!.uuidString)", "/orgs/new", "/orgs/import", "/users/new"])
            #expect(fresh.allSatisfy { $0.kind == .setup })
            let home = try await browser.get("/").body.string
            #expect(home.contains("首次使用") && home.contains("为本级财政部门改名") && home.contains("href=\"/users/new\""))

            // act: rename the bureau
            #expect(try await admin.send(.PATCH, "/api/v1/orgs/\(root.id!.uuidString)", json: ["code": "990000", "name": "江南省财政厅"]).status == .ok)
            #expect(try await tiles(app, "admin").map(\.link) == ["/orgs/new", "/orgs/import", "/users/new"])
            // act: build the tree
            let created = try await admin.send(.POST, "/api/v1/orgs", json: ["code": "990000-101", "name": "江南省教育厅", "kind": "department", "parentCode": "990000"])
            #expect(created.status == .created, "\(created.body.string)")
            #expect(try await tiles(app, "admin").map(\.link) == ["/users/new"])
            // act: open an account
            let account = try await admin.send(.POST, "/api/v1/users", json: ["username": "audit-1", "displayName": "审计员", "organizationCode": "990000",
                                                                               "roles": ["audit_officer"], "password": "Audit2026pass"])
            #expect(account.status == .created, "\(account.body.string)")
            // check: nothing is left
            #expect(try await tiles(app, "admin").isEmpty)
            let done = try await browser.get("/").body.string
            #expect(done.contains("目前没有等待您处理的事项") && !done.contains("首次使用"))
        }
    }
}
