import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import JixiaoServer
import JixiaoDomain

@Suite("Goal management round trip")
struct GoalTests {
    static let year = 2027

    func goalJSON(_ indicators: [[String: any Sendable]], lockVersion: Int, annual: String = "为农村义务教育阶段学生提供营养膳食补助。") -> [String: any Sendable] {
        ["lockVersion": lockVersion, "annualGoal": annual, "indicators": indicators]
    }

    static let goodIndicators: [[String: any Sendable]] = [
        ["subcategory": "quantity", "name": "学生受资助人数", "target": "≥735人次", "weight": "20", "standard": "plan"],
        ["subcategory": "quantity", "name": "供餐学校数量", "target": "≥12所", "weight": "10"],
        ["subcategory": "quality", "name": "食品安全抽检合格率", "target": "=100%", "weight": "10"],
        ["subcategory": "timeliness", "name": "补助资金发放时间", "target": "2027年12月前", "weight": "10"],
        ["subcategory": "output_cost", "name": "生均每天补助标准", "target": "≤5元", "weight": "10"],
        ["subcategory": "social_benefit", "name": "学生营养不良发生率", "target": "≤8%", "weight": "20"],
        ["subcategory": "service_satisfaction", "name": "学生及家长满意度", "target": "≥90%", "weight": "20"],
    ]

    func decode(_ response: TestingHTTPResponse) throws -> GoalDTO { try response.content.decode(GoalDTO.self) }

    func act(_ client: APIClient, _ id: UUID, _ action: String, lock: Int, opinion: String? = nil, grade: String? = nil) async throws -> TestingHTTPResponse {
        var body: [String: any Sendable] = ["action": action, "lockVersion": lock]
        if let opinion { body["opinion"] = opinion }
        if let grade {
            body["grade"] = grade
            body["ratings"] = ["relevance": grade, "feasibility": grade, "scientific": grade, "reasonableness": grade]
        }
        return try await client.send(.POST, "/api/v1/budget-objects/\(id.uuidString)/transitions", json: body)
    }

    @Test("unit → department → finance → return → resubmit → approve → release → adjust", arguments: TestDatabase.all)
    func roundTrip(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let unit = try await APIClient.signIn(app, "unit-officer", DemoData.password)
            let department = try await APIClient.signIn(app, "dept-officer", DemoData.password)
            let finance = try await APIClient.signIn(app, "perf-officer", DemoData.password)
            let budget = try await APIClient.signIn(app, "budget-officer", DemoData.password)

            // The unit opens the project; its draft stays home.
            let created = try await unit.send(.POST, "/api/v1/budget-objects", json: [
                "code": "T2027-001", "name": "义务教育营养改善计划", "organizationCode": "990000-101-01", "fiscalYear": Self.year,
                "requestedWanYuan": "120", "category": "continuing", "startYear": 2026, "endYear": 2028, "isServiceProject": true])
            #expect(created.status == .created, "\(created.body.string)")
            var goal = try decode(created)
            let id = goal.objectID
            #expect(goal.state == "draft" && goal.version == 1)
            #expect(try await department.send(.GET, "/api/v1/budget-objects/\(id.uuidString)").status == .notFound)

            // Weights that do not add up block submission with a clear reason.
            var bad = Self.goodIndicators
            bad[0]["weight"] = "25"
            goal = try decode(try await unit.send(.PUT, "/api/v1/budget-objects/\(id.uuidString)/goal", json: goalJSON(bad, lockVersion: goal.lockVersion)))
            #expect(goal.validation.count == 1)
            let refused = try await act(unit, id, "submit", lock: goal.lockVersion)
            #expect(refused.status == .unprocessableEntity)
            #expect(unit.errorCode(refused) == "goal_invalid")

            let saved = try await unit.send(.PUT, "/api/v1/budget-objects/\(id.uuidString)/goal", json: goalJSON(Self.goodIndicators, lockVersion: goal.lockVersion))
            goal = try decode(saved)
            #expect(goal.validation.isEmpty)
            // A form built on an older counter is refused: nothing is lost silently.
            let stale = try await unit.send(.PUT, "/api/v1/budget-objects/\(id.uuidString)/goal", json: goalJSON(bad, lockVersion: goal.lockVersion - 1))
            #expect(stale.status == .conflict)
            #expect(unit.errorCode(stale) == "goal_conflict")

            goal = try decode(try await act(unit, id, "submit", lock: goal.lockVersion))
            #expect(goal.state == "submitted")
            #expect(try await unit.send(.PUT, "/api/v1/budget-objects/\(id.uuidString)/goal", json: goalJSON(bad, lockVersion: goal.lockVersion)).status == .conflict,
                    "a submitted goal is not editable")

            // The department returns it; an opinion is required.
            #expect(try await act(department, id, "department_return", lock: goal.lockVersion, opinion: " ").status == .unprocessableEntity)
            goal = try decode(try await act(department, id, "department_return", lock: goal.lockVersion, opinion: "请补充受益学生覆盖范围说明"))
            #expect(goal.state == "returned")
            goal = try decode(try await act(unit, id, "submit", lock: goal.lockVersion))
            // Someone outside the workflow cannot act; the unit cannot approve its own goal.
            #expect(try await act(unit, id, "department_approve", lock: goal.lockVersion).status == .forbidden)

            // Two reviewers act on the same version at once: the second gets a conflict.
            let lock = goal.lockVersion
            goal = try decode(try await act(department, id, "department_approve", lock: lock))
            #expect(goal.state == "departmentApproved")
            let second = try await act(department, id, "department_return", lock: lock, opinion: "同时操作")
            #expect(second.status == .conflict)

            // Finance grades 中: returned; the unit resubmits; 优 approves.
            goal = try decode(try await act(finance, id, "finance_review", lock: goal.lockVersion, opinion: "成本测算依据不足", grade: "中"))
            #expect(goal.state == "returned")
            goal = try decode(try await act(unit, id, "submit", lock: goal.lockVersion))
            goal = try decode(try await act(department, id, "department_approve", lock: goal.lockVersion))
            goal = try decode(try await act(finance, id, "finance_review", lock: goal.lockVersion, grade: "优"))
            #expect(goal.state == "approved")

            // A supervisor reads but cannot release; the budget division releases the department's goals at once.
            let supervisor = try await APIClient.signIn(app, "supervisor", DemoData.password)
            #expect(try await supervisor.send(.GET, "/api/v1/budget-objects/\(id.uuidString)").status == .ok)
            #expect(try await act(supervisor, id, "release", lock: goal.lockVersion).status == .forbidden)
            let released = try await budget.send(.POST, "/api/v1/goals/release", json: ["fiscalYear": Self.year, "underCode": "990000-101"])
            #expect(try released.content.decode(ReleaseResponse.self).released >= 1)
            goal = try decode(try await unit.send(.GET, "/api/v1/budget-objects/\(id.uuidString)"))
            #expect(goal.state == "released")

            // In July the unit asks to adjust; the released version stays in force while v2 is reviewed.
            #expect(try await act(unit, id, "request_adjustment", lock: goal.lockVersion, opinion: "").status == .unprocessableEntity)
            goal = try decode(try await act(unit, id, "request_adjustment", lock: goal.lockVersion, opinion: "政策调整，受助范围扩大到学前教育"))
            #expect(goal.version == 2 && goal.state == "draft")
            let seenByDepartment = try decode(try await department.send(.GET, "/api/v1/budget-objects/\(id.uuidString)"))
            #expect(seenByDepartment.version == 1 && seenByDepartment.state == "released", "reviewers see the version in force")
            var adjusted = Self.goodIndicators
            adjusted[0]["id"] = goal.indicators[0].id?.uuidString
            adjusted[0]["target"] = "≥900人次"
            for i in 1..<adjusted.count { adjusted[i]["id"] = goal.indicators[i].id?.uuidString }
            goal = try decode(try await unit.send(.PUT, "/api/v1/budget-objects/\(id.uuidString)/goal", json: goalJSON(adjusted, lockVersion: goal.lockVersion)))
            goal = try decode(try await act(unit, id, "submit", lock: goal.lockVersion))
            goal = try decode(try await act(department, id, "department_approve", lock: goal.lockVersion))
            goal = try decode(try await act(finance, id, "finance_review", lock: goal.lockVersion, grade: "良"))
            goal = try decode(try await act(budget, id, "release", lock: goal.lockVersion))
            #expect(goal.state == "released" && goal.version == 2)
            let first = try decode(try await unit.send(.GET, "/api/v1/budget-objects/\(id.uuidString)?version=1"))
            #expect(first.state == "superseded", "every version stays readable")
            #expect(try await currentVersionMismatches(app).isEmpty, "each object records its newest version and state")

            // The reviewer sees exactly what changed.
            let browser = Browser(app)
            try await browser.signIn("dept-officer", DemoData.password)
            let diff = try await browser.get("/goals/\(id.uuidString)/diff?from=1&to=2")
            #expect(diff.status == .ok)
            #expect(diff.body.string.contains("≥735人次") && diff.body.string.contains("≥900人次"))

            // Outside the scope nothing is revealed; every step was audited and the chain holds.
            let otherCity = try await APIClient.signIn(app, "city-perf", DemoData.password)
            #expect(try await otherCity.send(.GET, "/api/v1/budget-objects/\(id.uuidString)").status == .notFound)
            let actions = try await auditActions(app)
            #expect(actions.contains("goal.submit") && actions.contains("goal.finance_review") && actions.contains("goal.release") && actions.contains("goal.request_adjustment"))
            #expect(try await AuditTrail.verify(on: app.db).problem == nil)
        }
    }

    @Test("queues show each role what waits for it", arguments: TestDatabase.all)
    func queues(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            _ = try await DemoGoals.load(on: app.db)
            #expect(try await currentVersionMismatches(app).isEmpty)
            func waiting(_ name: String) async throws -> [GoalQueueDTO.Item] {
                let client = try await APIClient.signIn(app, name, DemoData.password)
                return try await client.send(.GET, "/api/v1/budget-objects?year=\(DemoGoals.fiscalYear)&waiting=true").content.decode(GoalQueueDTO.self).items
            }
            let unitQueue = try await waiting("unit-officer")
            #expect(Set(unitQueue.map(\.state)).isSubset(of: ["draft", "returned"]))
            #expect(unitQueue.contains { $0.code == "JN2027-EDU-002" })
            let departmentQueue = try await waiting("dept-officer")
            #expect(departmentQueue.map(\.code) == ["JN2027-EDU-001"], "the department sees its units' submissions, not their drafts")
            let financeQueue = try await waiting("perf-officer")
            #expect(Set(financeQueue.map(\.state)) == ["departmentApproved", "approved"])
            #expect(!financeQueue.contains { $0.code == "JN2027-EDU-002" })

            let browser = Browser(app)
            try await browser.signIn("unit-officer", DemoData.password)
            let list = try await browser.get("/goals").body.string
            #expect(list.contains("师范生公费教育经费"))
            let id = try #require(unitQueue.first { $0.code == "JN2027-EDU-002" }).objectID
            let page = try await browser.get("/goals/\(id.uuidString)").body.string
            #expect(page.contains("表述笼统"), "the linter finding shows beside the vague indicator")
            #expect(page.contains("服务类项目应设置服务对象满意度指标"))

            // The demo's released transfer payment is issued to 临江市 with its regional goal.
            let city = Browser(app)
            try await city.signIn("city-perf", DemoData.password)
            let issued = try await city.get("/goals/issued?year=\(DemoGoals.fiscalYear)").body.string
            #expect(issued.contains("农村义务教育薄弱环节改善与能力提升补助资金") && issued.contains("新增寄宿床位") && !issued.contains("教学设备配备达标率"))
        }
    }
}

@Suite("Indicator library")
struct LibraryTests {
    @Test("picking an entry fills a row, shows its history and the band check", arguments: TestDatabase.all)
    func pickAndHistory(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            _ = try await DemoGoals.load(on: app.db)
            let unit = try await APIClient.signIn(app, "unit-officer", DemoData.password)
            let created = try await unit.send(.POST, "/api/v1/budget-objects", json: [
                "code": "LIB-2027-1", "name": "营养改善（指标库）", "organizationCode": "990000-101-01", "fiscalYear": 2027, "requestedWanYuan": "100"])
            let id = try created.content.decode(GoalDTO.self).objectID

            let browser = Browser(app)
            try await browser.signIn("unit-officer", DemoData.password)
            let search = try await browser.get("/goals/\(id.uuidString)?library=\("受资助".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
            #expect(search.body.string.contains("学生受资助人数"))
            let entry = try #require(try await LibraryEntryModel.query(on: app.db).filter(\.$name == "学生受资助人数").first())
            let lock = try #require(try await GoalVersionModel.query(on: app.db).filter(\.$budgetObject.$id == id).first()).lockVersion
            let picked = try await browser.post("/goals/\(id.uuidString)/library-pick", ["entry_id": entry.id!.uuidString, "lock_version": String(lock)])
            #expect(picked.status == .seeOther)
            var goal = try await unit.send(.GET, "/api/v1/budget-objects/\(id.uuidString)").content.decode(GoalDTO.self)
            #expect(goal.indicators.first?.name == "学生受资助人数" && goal.indicators.first?.libraryEntryID == entry.id)
            let page = try await browser.get("/goals/\(id.uuidString)").body.string
            #expect(page.contains("2024：700") && page.contains("2026：735/760"), "the last three years' values stand beside the field")

            // A target far below what was declared before is flagged, one inside the band is not.
            var indicators: [[String: any Sendable]] = GoalTests.goodIndicators
            indicators[0]["libraryEntryID"] = entry.id!.uuidString
            indicators[0]["target"] = "≥500人次"
            goal = try await unit.send(.PUT, "/api/v1/budget-objects/\(id.uuidString)/goal",
                                       json: ["lockVersion": goal.lockVersion, "annualGoal": "改善营养", "indicators": indicators]).content.decode(GoalDTO.self)
            #expect(goal.findings.contains { $0.rule == "outside_history_band" && $0.row == 1 })
            indicators[0]["target"] = "≥730人次"
            goal = try await unit.send(.PUT, "/api/v1/budget-objects/\(id.uuidString)/goal",
                                       json: ["lockVersion": goal.lockVersion, "annualGoal": "改善营养", "indicators": indicators]).content.decode(GoalDTO.self)
            #expect(!goal.findings.contains { $0.rule == "outside_history_band" })

            let library = try await browser.get("/library?q=\("满意度".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)").body.string
            #expect(library.contains("学生及家长满意度") && library.contains("门诊患者满意度"))
            #expect(!library.contains("<form method=\"post\" action=\"/library\""), "a unit reads the library but does not keep it")
            let keeper = Browser(app)
            try await keeper.signIn("perf-officer", DemoData.password)
            try await keeper.get("/library")
            let added = try await keeper.post("/library", ["sector": "205", "subcategory": "quality", "name": "营养餐配送准时率", "op": "≥", "unit": "%"])
            #expect(added.status == .seeOther)
            let refused = try await keeper.post("/library", ["sector": "教育", "subcategory": "quality", "name": "", "op": "≥", "unit": ""])
            #expect(refused.status == .unprocessableEntity)
        }
    }
}
