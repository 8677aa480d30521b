import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import JixiaoServer

/// Values of fixed lists and numbers are refused by name when unknown; texts are trimmed the same way everywhere;
/// one request changes all it asks for or nothing.
@Suite("Strict input")
struct StrictInputTests {
    @Test("unknown values are refused with their field, never replaced by defaults", arguments: TestDatabase.all)
    func unknownValues(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let unit = try await APIClient.signIn(app, "unit-officer", DemoData.password)
            func create(_ extra: [String: any Sendable]) async throws -> TestingHTTPResponse {
                var body: [String: any Sendable] = ["code": "S-1", "name": "项目", "organizationCode": "990000-101-01", "fiscalYear": 2027, "requestedWanYuan": "10"]
                for (key, value) in extra { body[key] = value }
                return try await unit.send(.POST, "/api/v1/budget-objects", json: body)
            }
            for (field, value) in [("kind", "projct"), ("fundSource", "lottery"), ("category", "forever")] {
                let refused = try await create([field: value])
                #expect(refused.status == .unprocessableEntity && unit.errorCode(refused) == "unknown_value", "\(field): \(refused.body.string)")
                #expect(refused.body.string.contains("\"field\":\"\(field)\"") && refused.body.string.contains(value))
            }
            #expect(try await BudgetObjectModel.query(on: app.db).filter(\.$code == "S-1").count() == 0)

            // The API trims as the form does.
            let created = try await create(["code": "  S-2 ", "name": " 项目 ", "organizationCode": " 990000-101-01 "])
            #expect(created.status == .created, "\(created.body.string)")
            let goal = try created.content.decode(GoalDTO.self)
            #expect(goal.code == "S-2" && goal.name == "项目")

            let badRow = try await unit.send(.PUT, "/api/v1/budget-objects/\(goal.objectID)/goal", json: [
                "lockVersion": goal.lockVersion, "annualGoal": "目标",
                "indicators": [["subcategory": "quantity", "name": "人数", "target": "≥1人"], ["subcategory": "nope", "name": "率", "target": "≥1%"]] as [[String: any Sendable]]])
            #expect(unit.errorCode(badRow) == "unknown_value" && badRow.body.string.contains("indicators[2].subcategory"), "\(badRow.body.string)")

            let badYear = try await unit.send(.GET, "/api/v1/budget-objects?year=abc")
            #expect(badYear.status == .badRequest && badYear.body.string.contains("\"field\":\"year\""), "\(badYear.body.string)")
            let badState = try await unit.send(.GET, "/api/v1/budget-objects?state=finished")
            #expect(badState.status == .unprocessableEntity)
        }
    }

    @Test("a release under an unknown code releases nothing; a refused PATCH changes nothing", arguments: TestDatabase.all)
    func nothingHalfDone(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            _ = try await DemoGoals.load(on: app.db)
            let approvedBefore = try await BudgetObjectModel.query(on: app.db).filter(\.$currentState == "approved").count()
            let browser = Browser(app)
            try await browser.signIn("budget-officer", DemoData.password)
            try await browser.get("/goals")
            let refused = try await browser.post("/goals/release", ["year": String(DemoGoals.fiscalYear), "under": "NO-SUCH-CODE"])
            #expect(refused.status == .notFound, "an unknown code is out of reach: \(refused.status)")
            #expect(try await BudgetObjectModel.query(on: app.db).filter(\.$currentState == "approved").count() == approvedBefore)

            let admin = try await APIClient.signIn(app, "province-admin", DemoData.password)
            let target = try #require(try await UserModel.query(on: app.db).filter(\.$username == "supervisor").first())
            let patch = try await admin.send(.PATCH, "/api/v1/users/\(target.id!)", json: ["displayName": "新名字", "roles": ["unit_officer"], "isActive": false])
            #expect(patch.status == .unprocessableEntity, "a unit officer's role does not fit a finance bureau: \(patch.body.string)")
            let after = try #require(try await UserModel.find(target.id!, on: app.db))
            #expect(after.isActive && after.displayName == target.displayName, "neither the name nor the active state changed")
        }
    }
}

@Suite("Goal page details")
struct GoalPageDetailTests {
    @Test("a refused finance review keeps what was chosen and typed; the review shows as a table in the history", arguments: TestDatabase.all)
    func reviewKeepsInput(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            _ = try await DemoGoals.load(on: app.db)
            let object = try #require(try await BudgetObjectModel.query(on: app.db).filter(\.$code == "JN2027-EDU-003").first())
            let version = try #require(try await GoalVersionModel.find(object.currentVersionID, on: app.db))
            let browser = Browser(app)
            try await browser.signIn("perf-officer", DemoData.password)
            try await browser.get("/goals/\(object.id!)")
            // One criterion left out: refused, but the three grades and the opinion come back as they were.
            let refused = try await browser.post("/goals/\(object.id!)/transition", [
                "action": "finance_review", "lock_version": String(version.lockVersion), "relevance": "良", "feasibility": "优",
                "scientific": "良", "grade": "良", "opinion": "测算依据需补充说明"])
            #expect(refused.status == .unprocessableEntity)
            let page = refused.body.string
            #expect(page.contains("测算依据需补充说明"), "the opinion typed is kept")
            #expect(page.contains("<option value=\"优\" selected>优</option>"), "the grades chosen are kept")
            // Complete, it passes; the history shows the four criteria as a table, not JSON.
            try await browser.post("/goals/\(object.id!)/transition", [
                "action": "finance_review", "lock_version": String(version.lockVersion), "relevance": "良", "feasibility": "优",
                "scientific": "良", "reasonableness": "优", "grade": "良", "opinion": "同意"])
            let after = try await browser.get("/goals/\(object.id!)").body.string
            #expect(!after.contains("[{&quot;criterion") && !after.contains("[{\"criterion"), "no raw JSON in the history")
            #expect(after.contains("<table class=\"data review\">") && after.contains("可行性"))
        }
    }
}

@Suite("Filters and forms answer beside the field")
struct FilterFeedbackTests {
    @Test("an empty or wrong year, an unknown code and a diff without numbers are answered on the page", arguments: TestDatabase.all)
    func filters(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            _ = try await DemoGoals.load(on: app.db)
            let browser = Browser(app)
            try await browser.signIn("perf-officer", DemoData.password)
            #expect(try await browser.get("/goals?year=").status == .ok)
            let wrongYear = try await browser.get("/goals?year=abc&all=1")
            #expect(wrongYear.status == .ok && wrongYear.body.string.contains("2000–2100"), "beside the field, in Chinese")
            let unknown = try await browser.get("/goals?under=NO-SUCH&all=1").body.string
            #expect(unknown.contains("field has-error") && unknown.contains("NO-SUCH") && !unknown.contains("JN2027-EDU-001"),
                    "the code is named beside its field and nothing is listed")
            let adjusted = try #require(try await BudgetObjectModel.query(on: app.db).filter(\.$code == "JN2027-AGR-001").first())
            let diff = try await browser.get("/goals/\(adjusted.id!)/diff")
            #expect(diff.status == .ok, "newest against the one before")
            #expect(try await browser.get("/goals/\(adjusted.id!)/diff?from=x").status == .badRequest)

            // The new-project form: an empty code is required (not "letters only"), a wrong term marks both years.
            let unit = Browser(app)
            try await unit.signIn("unit-officer", DemoData.password)
            try await unit.get("/goals/new")
            let form = try await unit.post("/goals/new", ["kind": "project", "code": "", "name": "项目", "organization_code": "990000-101-01",
                                                          "year": "2027", "start_year": "2028", "end_year": "2026", "requested": "10",
                                                          "fund_source": "general_public", "category": "one_off"])
            let page = form.body.string
            #expect(page.contains("start_year-error") && page.contains("end_year-error"), "both years of the term are marked")
            #expect(!page.contains("code-error\" role=\"alert\">编码只能"), "an empty code is not called malformed")
        }
    }
}

@Suite("English pages are English")
struct EnglishPagesTests {
    @Test("fixed lists, units and counts read in English", arguments: TestDatabase.all)
    func english(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            _ = try await DemoGoals.load(on: app.db)
            let browser = Browser(app)
            browser.acceptLanguage = "en-GB,en;q=0.9"
            try await browser.signIn("perf-officer", DemoData.password)
            let list = try await browser.get("/goals?all=1").body.string
            #expect(list.contains("General public budget") && !list.contains(">一般公共预算<"), "fund sources in English")
            #expect(!list.contains(">1 warnings<") && !list.contains(">1 errors<"))
            let object = try #require(try await BudgetObjectModel.query(on: app.db).filter(\.$code == "JN2027-EDU-003").first())
            let page = try await browser.get("/goals/\(object.id!)").body.string
            #expect(page.contains("Project expenditure") && page.contains("Output") && !page.contains(">产出指标<") && !page.contains(">项目支出<"))
            // The printable declaration form stays the Chinese standard form.
            #expect(try await browser.get("/goals/\(object.id!)/print").body.string.contains("产出指标"))
        }
    }
}

@Suite("First start")
struct FirstStartTests {
    @Test("after the forced password change the first administrator is led to its first steps", arguments: TestDatabase.all)
    func firstSteps(database: TestDatabase) async throws {
        try await withJixiao(database, demo: false) { app in
            try await UserModel.query(on: app.db).filter(\.$username == "admin").set(\.$mustChangePassword, to: true).update()
            let browser = Browser(app)
            let signIn = try await browser.signIn("admin", adminPassword)
            #expect(signIn.headers.first(name: .location) == "/account/password")
            try await browser.get("/account/password")
            let changed = try await browser.post("/account/password", ["current": adminPassword, "new": "Changed2026admin", "confirm": "Changed2026admin"])
            #expect(changed.status == .seeOther && changed.headers.first(name: .location) == "/?password=changed")
            let home = try await browser.get("/?password=changed").body.string
            let root = try #require(try await OrganizationModel.query(on: app.db).filter(\.$code == Bootstrap.rootCode).first())
            #expect(home.contains("密码已修改") && home.contains("首次使用"))
            #expect(home.contains("href=\"/orgs/\(root.id!.uuidString)\"") && home.contains("href=\"/orgs/import\"") && home.contains("href=\"/users/new\""))
        }
    }
}
