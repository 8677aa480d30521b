import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import JixiaoServer
import JixiaoDomain

@Suite("Transfer payments with regional goals")
struct TransferPaymentTests {
    static let overall: [[String: any Sendable]] = [
        ["subcategory": "quantity", "name": "改造薄弱学校数", "target": "≥30所", "weight": "30"],
        ["subcategory": "quality", "name": "改造工程验收合格率", "target": "=100%", "weight": "20"],
        ["subcategory": "social_benefit", "name": "义务教育巩固率", "target": "≥96%", "weight": "30"],
        ["subcategory": "service_satisfaction", "name": "师生满意度", "target": "≥90%", "weight": "20"],
    ]

    static func region(_ code: String, _ wan: String, schools: String) -> [String: any Sendable] {
        ["recipientCode": code, "allocatedWanYuan": wan, "annualGoal": "改善本地区农村义务教育薄弱学校办学条件。",
         "indicators": [["subcategory": "quantity", "name": "改造薄弱学校数", "target": "≥\(schools)所"],
                        ["subcategory": "social_benefit", "name": "义务教育巩固率", "target": "≥96%"]] as [[String: any Sendable]]]
    }

    func content(_ lock: Int, _ regions: [[String: any Sendable]]) -> [String: any Sendable] {
        ["lockVersion": lock, "annualGoal": "支持各地改善农村义务教育薄弱学校基本办学条件。", "indicators": Self.overall, "regions": regions]
    }

    func act(_ client: APIClient, _ id: UUID, _ action: String, lock: Int, grade: String? = nil) async throws -> GoalDTO {
        var body: [String: any Sendable] = ["action": action, "lockVersion": lock, "opinion": "同意"]
        if let grade { body["grade"] = grade; body["ratings"] = ["relevance": grade, "feasibility": grade, "scientific": grade, "reasonableness": grade] }
        let response = try await client.send(.POST, "/api/v1/budget-objects/\(id.uuidString)/transitions", json: body)
        #expect(response.status == .ok, "\(action): \(response.body.string)")
        return try response.content.decode(GoalDTO.self)
    }

    @Test("the department sets regional goals, finance releases them, and each city sees what it was issued", arguments: TestDatabase.all)
    func roundTrip(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let department = try await APIClient.signIn(app, "dept-officer", DemoData.password)
            let finance = try await APIClient.signIn(app, "perf-officer", DemoData.password)
            let budget = try await APIClient.signIn(app, "budget-officer", DemoData.password)
            let created = try await department.send(.POST, "/api/v1/budget-objects", json: [
                "kind": "transfer_payment", "code": "ZY2027-EDU-01", "name": "农村义务教育薄弱环节改善与能力提升补助资金",
                "organizationCode": "990000-101", "fiscalYear": 2027, "requestedWanYuan": "1000"])
            #expect(created.status == .created, "\(created.body.string)")
            var goal = try created.content.decode(GoalDTO.self)
            let id = goal.objectID
            #expect(goal.validation.contains { $0.rule == "regional" }, "no regions yet: submission is blocked")

            // Wrong recipients, too much money, an unlabelled target: all named with their region.
            var wrong = [Self.region("990100", "700", schools: "18"), Self.region("990000-102", "200", schools: "8"),
                         Self.region("990200", "400", schools: "12")]
            var indicators = wrong[2]["indicators"] as! [[String: any Sendable]]
            indicators[0]["target"] = "12所"
            wrong[2]["indicators"] = indicators
            goal = try (try await department.send(.PUT, "/api/v1/budget-objects/\(id.uuidString)/goal", json: content(goal.lockVersion, wrong)))
                .content.decode(GoalDTO.self)
            #expect(goal.regions.count == 3 && goal.regions[0].recipientName == "临江市财政局")
            #expect(goal.validation.contains { $0.rule == "recipient" && $0.region == 2 }, "a department cannot receive a transfer payment")
            #expect(goal.validation.contains { $0.rule == "regional" && $0.region == nil && $0.message.contains("超过转移支付金额") })
            #expect(goal.validation.contains { $0.region == 3 && $0.row == 1 && $0.message.contains("未标注") })
            let refused = try await department.send(.POST, "/api/v1/budget-objects/\(id.uuidString)/transitions",
                                                    json: ["action": "submit", "lockVersion": goal.lockVersion])
            #expect(department.errorCode(refused) == "goal_invalid")

            // Corrected: two cities, 600 and 400 万元.
            goal = try (try await department.send(.PUT, "/api/v1/budget-objects/\(id.uuidString)/goal",
                                                  json: content(goal.lockVersion, [Self.region("990100", "600", schools: "18"), Self.region("990200", "400", schools: "12")])))
                .content.decode(GoalDTO.self)
            #expect(goal.validation.isEmpty, "\(goal.validation.map(\.message))")
            let cityRegionID = try #require(goal.regions.first?.id)

            // Before release the cities see nothing.
            let city = try await APIClient.signIn(app, "city-perf", DemoData.password)
            struct Issued: Decodable { struct Item: Decodable { var transferCode: String; var region: RegionalGoalDTO }; var items: [Item] }
            #expect(try await city.send(.GET, "/api/v1/regional-goals/issued?year=2027").content.decode(Issued.self).items.isEmpty)

            goal = try await act(department, id, "submit", lock: goal.lockVersion)
            // Four eyes: the officer who submitted cannot approve; the department's second reviewer does.
            let own = try await department.send(.POST, "/api/v1/budget-objects/\(id.uuidString)/transitions",
                                                json: ["action": "department_approve", "lockVersion": goal.lockVersion, "opinion": "同意"])
            #expect(own.status == .forbidden && department.errorCode(own) == "own_submission", "\(own.body.string)")
            let reviewer = try await APIClient.signIn(app, "dept-reviewer", DemoData.password)
            // The queue agrees: the submission waits for the second reviewer, not for the officer who submitted it.
            func waiting(_ client: APIClient) async throws -> [UUID] {
                try await client.send(.GET, "/api/v1/budget-objects?year=2027&waiting=true").content.decode(GoalQueueDTO.self).items.map(\.objectID)
            }
            #expect(try await !waiting(department).contains(id))
            #expect(try await waiting(reviewer).contains(id))
            goal = try await act(reviewer, id, "department_approve", lock: goal.lockVersion)
            goal = try await act(finance, id, "finance_review", lock: goal.lockVersion, grade: "优")
            goal = try await act(budget, id, "release", lock: goal.lockVersion)
            #expect(goal.state == "released")

            // 临江市 sees its own regional goal, not 青山市's; the province sees both.
            let issued = try await city.send(.GET, "/api/v1/regional-goals/issued?year=2027").content.decode(Issued.self).items
            #expect(issued.map(\.region.recipientCode) == ["990100"])
            #expect(issued.first?.region.allocatedWanYuan == "600" && issued.first?.region.indicators.first?.target == "≥18所")
            let browser = Browser(app)
            try await browser.signIn("city-perf", DemoData.password)
            let page = try await browser.get("/goals/issued?year=2027").body.string
            #expect(page.contains("农村义务教育薄弱环节改善与能力提升补助资金") && page.contains("≥18所") && !page.contains("≥12所"))

            // An adjustment moves money between the cities; the diff names the region and the change.
            goal = try await act(department, id, "request_adjustment", lock: goal.lockVersion)
            #expect(goal.version == 2 && goal.regions.count == 2 && goal.regions.first?.id == cityRegionID, "regions carry over with their ids")
            goal = try (try await department.send(.PUT, "/api/v1/budget-objects/\(id.uuidString)/goal",
                                                  json: content(goal.lockVersion, [
                                                      Self.region("990100", "550", schools: "16").merging(["id": cityRegionID.uuidString]) { $1 },
                                                      Self.region("990200", "450", schools: "14").merging(["id": goal.regions[1].id!.uuidString]) { $1 }])))
                .content.decode(GoalDTO.self)
            let departmentBrowser = Browser(app)
            try await departmentBrowser.signIn("dept-officer", DemoData.password)
            let diff = try await departmentBrowser.get("/goals/\(id.uuidString)/diff?from=1&to=2").body.string
            #expect(diff.contains("区域绩效目标") && diff.contains("600") && diff.contains("550") && diff.contains("≥16所"))
            let editor = try await departmentBrowser.get("/goals/\(id.uuidString)").body.string
            #expect(editor.contains("regions[0][recipient]") && editor.contains("临江市财政局"))
            #expect(try await currentVersionMismatches(app).isEmpty)
            #expect(try await AuditTrail.verify(on: app.db).problem == nil)
        }
    }

    @Test("only a department or a finance bureau declares a transfer payment; the form names a bad amount", arguments: TestDatabase.all)
    func owners(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let unit = try await APIClient.signIn(app, "unit-officer", DemoData.password)
            let refused = try await unit.send(.POST, "/api/v1/budget-objects", json: [
                "kind": "transfer_payment", "code": "ZY-U", "name": "单位不能申报的转移支付", "organizationCode": "990000-101-01",
                "fiscalYear": 2027, "requestedWanYuan": "10"])
            #expect(refused.status == .unprocessableEntity)
            let department = try await APIClient.signIn(app, "dept-officer", DemoData.password)
            let created = try await department.send(.POST, "/api/v1/budget-objects", json: [
                "kind": "transfer_payment", "code": "ZY-D", "name": "转移支付", "organizationCode": "990000-101", "fiscalYear": 2027, "requestedWanYuan": "10"])
            let goal = try created.content.decode(GoalDTO.self)
            let browser = Browser(app)
            try await browser.signIn("dept-officer", DemoData.password)
            let page = try await browser.get("/goals/\(goal.objectID.uuidString)").body.string
            let csrf = try #require(Browser.csrf(in: page))
            let response = try await browser.post("/goals/\(goal.objectID.uuidString)/content", [
                "_csrf": csrf, "lock_version": String(goal.lockVersion), "annual_goal": "目标",
                "regions[0][recipient]": "990100", "regions[0][allocated]": "十万", "regions[0][annual_goal]": "区域目标"])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("地区 1 的分配金额“十万”无法识别"))
        }
    }
}
