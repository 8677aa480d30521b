import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import JixiaoServer
import JixiaoDomain

/// A person of an existing organisation with the given roles, signed in with a token.
func monitoringPerson(_ app: Application, admin: APIClient, username: String, organization: String, roles: [String]) async throws -> APIClient {
    let created = try await admin.send(.POST, "/api/v1/users", json: ["username": username, "displayName": "测试\(username)",
                                                                      "organizationCode": organization, "roles": roles, "password": "Monitor2026pw"])
    #expect(created.status == .created, "\(created.body.string)")
    try await UserModel.query(on: app.db).filter(\.$username == username).set(\.$mustChangePassword, to: false).update()
    var client = try await APIClient.signIn(app, username, "Monitor2026pw")
    client.address = "192.0.2.\(50 + username.count)"
    return client
}

private struct Body: Decodable {
    struct Item: Decodable { var id: UUID; var code: String; var assignee: String; var state: String; var colour: String; var lockVersion: Int }
    var items: [Item]
}

private struct Task: Decodable {
    struct Indicator: Decodable { var indicatorID: UUID; var name: String?; var target: String?; var reached: String; var forecast: String }
    struct Warning: Decodable { var rule: String; var level: String; var explanation: String }
    var id: UUID, state: String, late: Bool, colour: String, lockVersion: Int, fullYearBudgetWanYuan: String
    var pace: String?, executionRate: String?, indicators: [Indicator], warnings: [Warning]
}

private struct Round: Decodable { var id: UUID; var state: String; var taskCount: Int; var lockVersion: Int; var jobID: UUID?; var period: String }

@Suite("Monitoring rounds end to end: open, report, return, confirm, warn, close, carry over")
struct MonitoringRoundTests {
    /// The 2027 demo goals released in force: 公立医院综合改革补助 (HLT-001), 农业科技推广示范 (AGR-001, whose adjustment is
    /// still a draft), and the transfer payment TP-001 with regional goals for 临江市 and 青山市.
    @Test("a 1–7月 round over the demo year, on both engines", arguments: TestDatabase.all)
    func roundEndToEnd(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            // setup: the demo goals; it is 10 August 2027 in China
            _ = try await DemoGoals.load(on: app.db)
            app.effects = app.effects.fixed(now: Date(timeIntervalSince1970: 1_817_855_000))   // 2027-08-10 ≈ 10:23 CST
            #expect(CalendarDay(chinaDay: app.effects.now()) == CalendarDay(year: 2027, month: 8, day: 10))
            let admin = try await APIClient.signIn(app, "province-admin", DemoData.password)
            let finance = try await APIClient.signIn(app, "perf-officer", DemoData.password)
            let budgetDivision = try await APIClient.signIn(app, "budget-officer", DemoData.password)
            let city = try await APIClient.signIn(app, "city-perf", DemoData.password)
            let otherUnit = try await APIClient.signIn(app, "unit-officer", DemoData.password)
            let hospital = try await monitoringPerson(app, admin: admin, username: "hospital-filer", organization: "990000-102-01", roles: ["unit_officer"])
            let health = try await monitoringPerson(app, admin: admin, username: "health-dept", organization: "990000-102", roles: ["department_officer"])
            app.jobWorkers.start(app)

            // act: the province opens the round; a job makes the tasks
            let created = try await finance.send(.POST, "/api/v1/monitoring/rounds",
                                                 json: ["fiscalYear": 2027, "periodEnd": "2027-07-31", "deadline": "2027-08-20"])
            #expect(created.status == .created, "\(created.body.string)")
            let opening = try created.content.decode(Round.self)
            #expect(opening.state == "opening" && opening.period == "1–7月")
            let jobID = try #require(opening.jobID)
            let job = try #require(try await JobQueue.wait(for: jobID, upTo: .seconds(30), app: app, on: app.db))
            #expect(job.jobState == .succeeded)
            let round = try decoded(try await finance.send(.GET, "/api/v1/monitoring/rounds/\(opening.id)"), Round.self)
            let listed = try await finance.send(.GET, "/api/v1/monitoring/rounds/\(round.id)/tasks").body.string
            #expect(round.state == "open" && round.taskCount == 4, "HLT-001, AGR-001 and TP-001's two regions: \(round.taskCount) \(listed)")

            // check: the same period and scope again is refused; a period outside the year and a deadline before it too
            let again = try await finance.send(.POST, "/api/v1/monitoring/rounds", json: ["fiscalYear": 2027, "periodEnd": "2027-07-31", "deadline": "2027-08-25"])
            #expect(again.status == .conflict && finance.errorCode(again) == "round_duplicate")
            let wrong = try await finance.send(.POST, "/api/v1/monitoring/rounds", json: ["fiscalYear": 2027, "periodEnd": "2026-07-31", "deadline": "2026-07-30"])
            #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("periodEnd") && wrong.body.string.contains("deadline"))
            #expect(try await otherUnit.send(.POST, "/api/v1/monitoring/rounds", json: ["fiscalYear": 2027, "periodEnd": "2027-06-30",
                                                                                      "deadline": "2027-07-20"]).status == .forbidden)

            // Each sees its own tasks.
            func tasks(_ client: APIClient) async throws -> [Body.Item] {
                try decoded(try await client.send(.GET, "/api/v1/monitoring/rounds/\(round.id)/tasks"), Body.self).items
            }
            #expect(try await tasks(finance).count == 4)
            let hospitalTasks = try await tasks(hospital)
            #expect(hospitalTasks.map(\.code) == ["JN2027-HLT-001"])
            #expect(try await tasks(city).map(\.assignee) == ["临江市财政局"], "a receiving bureau sees the regional goal it was issued")
            #expect(try await otherUnit.send(.GET, "/api/v1/monitoring/rounds/\(round.id)").status == .notFound, "no task, no round")
            let hospitalTask = try #require(hospitalTasks.first)
            #expect(try await otherUnit.send(.GET, "/api/v1/monitoring/tasks/\(hospitalTask.id)").status == .notFound)

            // The hospital reports: 5600 万元 budget, 3000 paid out, 1500 spent by the end of July.
            var task = try decoded(try await hospital.send(.GET, "/api/v1/monitoring/tasks/\(hospitalTask.id)"), Task.self)
            #expect(task.fullYearBudgetWanYuan == "5600" && task.indicators.count == 7)
            func progress(_ forecast: [String: String], likelihood: String = "certain", explain: Bool = false) -> [[String: any Sendable]] {
                task.indicators.map { item in
                    var row: [String: any Sendable] = ["indicatorID": item.indicatorID.uuidString, "reached": "", "forecast": forecast[item.name ?? ""] ?? "",
                                                       "likelihood": likelihood, "explanation": explain ? "上半年设备招标延后" : "", "measures": explain ? "加快招标和拨付" : ""]
                    if explain { row["cause"] = "经费保障" }
                    return row
                }
            }
            let forecasts = ["开展日间手术病种数": "66", "三级公立医院绩效考核等级": "优", "补助资金拨付时间": "2027年6月30日", "次均住院费用": "1.15",
                             "患者平均住院日": "7.2", "药品收入占比": "27%", "门诊患者满意度": "45"]
            let notANumber = try await hospital.send(.PUT, "/api/v1/monitoring/tasks/\(task.id)/report", json: [
                "lockVersion": task.lockVersion, "allocatedWanYuan": "3000", "spentWanYuan": "1500",
                "indicators": progress(forecasts.merging(["患者平均住院日": "七天"]) { $1 })])
            #expect(notANumber.status == .unprocessableEntity && notANumber.body.string.contains("indicators[5].forecast"), "\(notANumber.body.string)")
            let overspent = try await hospital.send(.PUT, "/api/v1/monitoring/tasks/\(task.id)/report", json: [
                "lockVersion": task.lockVersion, "allocatedWanYuan": "3000", "spentWanYuan": "3000.01", "indicators": progress(forecasts)])
            #expect(overspent.status == .unprocessableEntity && overspent.body.string.contains("spent"))
            let saved = try await hospital.send(.PUT, "/api/v1/monitoring/tasks/\(task.id)/report", json: [
                "lockVersion": task.lockVersion, "allocatedWanYuan": "3000", "spentWanYuan": "1500", "indicators": progress(forecasts)])
            #expect(saved.status == .ok, "\(saved.body.string)")
            task = try saved.content.decode(Task.self)
            #expect(task.executionRate == "26.8%" && task.pace == "45.9%")
            #expect(task.colour == "red")
            let fundWarning = try #require(task.warnings.first { $0.rule == "fund_pace" })
            #expect(fundWarning.explanation == "1–7月：时间进度 58.3%，支出 26.8% → 执行进度 45.9% < 60% → 红色（资金执行滞后）")
            let satisfaction = try #require(task.warnings.first { $0.rule == "positive_forecast" })
            #expect(satisfaction.level == "red" && satisfaction.explanation.contains("门诊患者满意度：目标 ≥92%，全年预计 45 → 为目标的 48.9% < 80%"),
                    "\(satisfaction.explanation)")
            #expect(try await hospital.send(.PUT, "/api/v1/monitoring/tasks/\(task.id)/report",
                                            json: ["lockVersion": task.lockVersion - 1, "indicators": progress(forecasts)]).status == .conflict,
                    "an edit against an older version is refused")
            task = try decoded(try await hospital.send(.PUT, "/api/v1/monitoring/tasks/\(task.id)/report",
                                                       json: ["lockVersion": task.lockVersion, "forecastWanYuan": "5400"]), Task.self)
            #expect(task.indicators.first { $0.name == "门诊患者满意度" }?.forecast == "45", "a save of the money alone keeps the indicators")

            // Red items need their explanation before submission; nothing moves until they have one.
            let refused = try await hospital.send(.POST, "/api/v1/monitoring/tasks/\(task.id)/transitions", json: ["action": "submit", "lockVersion": task.lockVersion])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("fundExplanation") && refused.body.string.contains("indicators[7].explanation"),
                    "\(refused.body.string)")
            task = try decoded(try await hospital.send(.PUT, "/api/v1/monitoring/tasks/\(task.id)/report", json: [
                "lockVersion": task.lockVersion, "fundExplanation": "设备采购招标延后，8月集中支付",
                "indicators": progress(forecasts, explain: true)]), Task.self)
            #expect(task.state == "pending")
            #expect(try await health.send(.POST, "/api/v1/monitoring/tasks/\(task.id)/transitions",
                                          json: ["action": "submit", "lockVersion": task.lockVersion]).status == .forbidden, "only the assignee reports")
            task = try decoded(try await hospital.send(.POST, "/api/v1/monitoring/tasks/\(task.id)/transitions",
                                                json: ["action": "submit", "lockVersion": task.lockVersion]), Task.self)
            #expect(task.state == "submitted" && !task.late)

            // The department confirms; finance returns with an opinion; the unit resubmits; both confirm.
            #expect(try await health.send(.POST, "/api/v1/monitoring/tasks/\(task.id)/transitions",
                                          json: ["action": "department_return", "lockVersion": task.lockVersion, "opinion": " "]).status == .unprocessableEntity)
            task = try decoded(try await health.send(.POST, "/api/v1/monitoring/tasks/\(task.id)/transitions",
                                              json: ["action": "department_confirm", "lockVersion": task.lockVersion]), Task.self)
            #expect(task.state == "departmentConfirmed")
            #expect(try await health.send(.POST, "/api/v1/monitoring/tasks/\(task.id)/transitions",
                                          json: ["action": "finance_confirm", "lockVersion": task.lockVersion]).status == .forbidden)
            task = try decoded(try await budgetDivision.send(.POST, "/api/v1/monitoring/tasks/\(task.id)/transitions",
                                                      json: ["action": "finance_return", "lockVersion": task.lockVersion, "opinion": "支出数与国库数据不符，请核实"]), Task.self)
            #expect(task.state == "returned")
            task = try decoded(try await hospital.send(.POST, "/api/v1/monitoring/tasks/\(task.id)/transitions",
                                                json: ["action": "submit", "lockVersion": task.lockVersion]), Task.self)
            task = try decoded(try await health.send(.POST, "/api/v1/monitoring/tasks/\(task.id)/transitions",
                                              json: ["action": "department_confirm", "lockVersion": task.lockVersion]), Task.self)
            task = try decoded(try await finance.send(.POST, "/api/v1/monitoring/tasks/\(task.id)/transitions",
                                               json: ["action": "finance_confirm", "lockVersion": task.lockVersion]), Task.self)
            #expect(task.state == "financeConfirmed")

            // 临江市 reports on its regional goal, straight to the province; it cannot touch 青山市's.
            let cityTask = try #require(try await tasks(city).first)
            var regional = try decoded(try await city.send(.GET, "/api/v1/monitoring/tasks/\(cityTask.id)"), Task.self)
            #expect(regional.fullYearBudgetWanYuan == "1800")
            regional = try decoded(try await city.send(.PUT, "/api/v1/monitoring/tasks/\(regional.id)/report", json: [
                "lockVersion": regional.lockVersion, "allocatedWanYuan": "1200", "spentWanYuan": "1100",
                "indicators": regional.indicators.map { ["indicatorID": $0.indicatorID.uuidString, "reached": "", "forecast": forecastMeeting($0.target ?? ""),
                                                          "likelihood": "certain", "explanation": "", "measures": ""] as [String: any Sendable] }]), Task.self)
            #expect(regional.colour == "green", "\(regional.warnings.map(\.explanation))")
            regional = try decoded(try await city.send(.POST, "/api/v1/monitoring/tasks/\(regional.id)/transitions",
                                                json: ["action": "submit", "lockVersion": regional.lockVersion]), Task.self)
            #expect(regional.state == "departmentConfirmed", "a bureau's report goes straight to the bureau above")
            let cityColleague = try await monitoringPerson(app, admin: admin, username: "city-colleague", organization: "990100", roles: ["performance_officer"])
            #expect(try await cityColleague.send(.POST, "/api/v1/monitoring/tasks/\(regional.id)/transitions",
                                                 json: ["action": "finance_confirm", "lockVersion": regional.lockVersion]).status == .forbidden,
                    "the receiving bureau does not confirm its own report as finance")
            let qingshan = try #require(try await tasks(finance).first { $0.assignee == "青山市财政局" })
            #expect(try await city.send(.PUT, "/api/v1/monitoring/tasks/\(qingshan.id)/report", json: ["lockVersion": 0]).status == .notFound)

            // Closing: the tasks nobody reported become 未报送 and red; nothing is reported afterwards.
            let openRound = try decoded(try await finance.send(.GET, "/api/v1/monitoring/rounds/\(round.id)"), Round.self)
            #expect(try await hospital.send(.POST, "/api/v1/monitoring/rounds/\(round.id)/close", json: ["lockVersion": openRound.lockVersion]).status == .notFound)
            let closed = try await finance.send(.POST, "/api/v1/monitoring/rounds/\(round.id)/close", json: ["lockVersion": openRound.lockVersion])
            #expect(closed.status == .ok, "\(closed.body.string)")
            let closedRound = try closed.content.decode(Round.self)
            #expect(closed.status == .ok && closedRound.state == "closed", "\(closed.body.string)")
            let after = try await tasks(finance)
            #expect(after.filter { $0.state == "unreported" }.map(\.code).sorted() == ["JN2027-AGR-001", "JN2027-TP-001"])
            let unreported = try decoded(try await finance.send(.GET, "/api/v1/monitoring/tasks/\(qingshan.id)"), Task.self)
            #expect(unreported.colour == "red" && unreported.warnings.map(\.explanation).contains("报送截止日 2027年8月20日 前未报送 → 红色（未按时报送）"))
            #expect(after.first?.colour == "red", "reddest first")
            let late = try await hospital.send(.PUT, "/api/v1/monitoring/tasks/\(task.id)/report", json: ["lockVersion": task.lockVersion])
            #expect(late.status == .conflict)

            // A 1–8月 round starts from where the 1–7月 round ended.
            app.effects = app.effects.fixed(now: Date(timeIntervalSince1970: 1_819_760_000))   // 2027-09-01, within the tokens' 30 days
            let next = try decoded(try await finance.send(.POST, "/api/v1/monitoring/rounds", json: ["fiscalYear": 2027, "periodEnd": "2027-08-31",
                                                                                             "deadline": "2027-09-20"]), Round.self)
            let nextJob = try #require(next.jobID)
            _ = try await JobQueue.wait(for: nextJob, upTo: .seconds(30), app: app, on: app.db)
            let carried = try #require(try decoded(try await hospital.send(.GET, "/api/v1/monitoring/rounds/\(next.id)/tasks"), Body.self).items.first)
            let carriedTask = try decoded(try await hospital.send(.GET, "/api/v1/monitoring/tasks/\(carried.id)"), Task.self)
            #expect(carriedTask.state == "pending" && carriedTask.indicators.first { $0.name == "门诊患者满意度" }?.forecast == "45",
                    "last round's forecasts are where this one starts")

            try await expectTalliesMatchTasks(app.db)

            let actions = try await auditActions(app)
            for action in ["monitoring.round_created", "monitoring.round_opened", "monitoring.report_saved", "monitoring.submit",
                           "monitoring.department_confirm", "monitoring.finance_return", "monitoring.finance_confirm", "monitoring.round_closed"] {
                #expect(actions.contains(action), "audited: \(action)")
            }
        }
    }
}

/// The tally the database keeps per round and assignee (triggers on the tasks) equals a count of the tasks themselves.
func expectTalliesMatchTasks(_ db: any Database, sourceLocation: SourceLocation = #_sourceLocation) async throws {
    struct Tally: Decodable, Hashable {
        var round_id: UUID; var assignee_id: UUID; var red: Int; var yellow: Int; var green: Int
        var red_fen: Int64; var yellow_fen: Int64; var green_fen: Int64; var unreported: Int; var unsubmitted: Int
    }
    let counted = RoundTallySQL.counted.joined(separator: ", ")
    let kept = try await db.sql.raw("SELECT round_id, assignee_id, \(unsafeRaw: counted) FROM monitoring_tallies").all(decoding: Tally.self)
        .filter { [$0.red, $0.yellow, $0.green, $0.unreported, $0.unsubmitted].contains { $0 != 0 } || $0.red_fen != 0 || $0.yellow_fen != 0 || $0.green_fen != 0 }
    let sums = RoundTallySQL.buckets(of: "t").enumerated().map { "CAST(SUM(\($1)) AS BIGINT) AS \(RoundTallySQL.counted[$0])" }.joined(separator: ", ")
    let counts = try await db.sql.raw("SELECT t.round_id, t.assignee_id, \(unsafeRaw: sums) FROM monitoring_tasks t GROUP BY t.round_id, t.assignee_id")
        .all(decoding: Tally.self)
    #expect(!counts.isEmpty, sourceLocation: sourceLocation)
    #expect(Set(kept) == Set(counts), "kept \(Set(kept).subtracting(counts)), counted \(Set(counts).subtracting(kept))", sourceLocation: sourceLocation)
}

/// The body as `type`, or an issue that shows what came instead.
private func decoded<T: Decodable>(_ response: TestingHTTPResponse, _ type: T.Type, sourceLocation: SourceLocation = #_sourceLocation) throws -> T {
    do { return try response.content.decode(T.self) } catch {
        Issue.record("\(response.status): \(response.body.string)", sourceLocation: sourceLocation)
        throw error
    }
}

@Suite("Treasury figures for a round: one file for the region, all rows or none")
struct TreasuryImportTests {
    @Test("errors name their row and column and save nothing; a good file fills every task, and units cannot overwrite it", arguments: TestDatabase.all)
    func treasury(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            // setup: the 1–7月 round over the demo year
            _ = try await DemoGoals.load(on: app.db)
            app.effects = app.effects.fixed(now: Date(timeIntervalSince1970: 1_817_855_000))   // 2027-08-10
            let admin = try await APIClient.signIn(app, "province-admin", DemoData.password)
            let finance = try await APIClient.signIn(app, "perf-officer", DemoData.password)
            let hospital = try await monitoringPerson(app, admin: admin, username: "hospital-filer", organization: "990000-102-01", roles: ["unit_officer"])
            app.jobWorkers.start(app)
            let round = try decoded(try await finance.send(.POST, "/api/v1/monitoring/rounds",
                                                           json: ["fiscalYear": 2027, "periodEnd": "2027-07-31", "deadline": "2027-08-20"]), Round.self)
            let jobID = try #require(round.jobID)
            _ = try await JobQueue.wait(for: jobID, upTo: .seconds(30), app: app, on: app.db)
            func upload(_ text: String, as client: APIClient? = nil) async throws -> TestingHTTPResponse {
                try await (client ?? finance).send(.POST, "/api/v1/monitoring/rounds/\(round.id)/treasury", body: ByteBuffer(string: text),
                                                   contentType: HTTPMediaType(type: "text", subType: "csv"))
            }
            func figures() async throws -> [String] {
                struct Row: Decodable { var allocated_fen: Int64? }
                return try await app.db.sql.select().column("allocated_fen").from("monitoring_tasks").where("round_id", .equal, SQLBind(round.id))
                    .all(decoding: Row.self).compactMap { $0.allocated_fen.map(String.init) }
            }

            // act: a file with six kinds of mistake
            let bad = """
                项目编码,地区编码,截止日期,全年预算数（万元）,已拨付（万元）,实际支出（万元）
                JN2027-HLT-001,,2027-07-31,5600,3000,3200
                JN2027-AGR-001,,2027-06-30,680,abc,100
                JN2027-AGR-001,,2027-07-31,680,300,100
                JN2027-EDU-001,,2027-07-31,1260,600,500
                JN2027-TP-001,990100,2027-07-31,1800,-5,0
                JN2027-TP-001,990200,2027-07-31,1200,1300,100
                """
            let refused = try await upload(bad)
            // check: each named, nothing saved
            #expect(refused.status == .unprocessableEntity, "\(refused.body.string)")
            let body = refused.body.string
            for expected in ["第 2 行“实际支出（万元）”列", "第 3 行“截止日期”列", "第 3 行“已拨付（万元）”列", "第 4 行“项目编码”列", "第 5 行“项目编码”列",
                             "第 6 行“已拨付（万元）”列", "第 7 行“已拨付（万元）”列", "JN2027-EDU-001"] {
                #expect(body.contains(expected), "\(expected) in \(body)")
            }
            #expect(try await figures().isEmpty, "nothing saved")
            #expect(try await upload(bad, as: hospital).status == .notFound, "a unit does not load the treasury's figures")

            // act: the treasury system's own titles, amounts in 元 where the title says so
            let good = """
                预算项目编码,区划编码,截止月份,预算数（元）,支付数,累计支出
                JN2027-HLT-001,,1-7月,56000000,3000,1500
                JN2027-AGR-001,,7月,6800000,500,420
                JN2027-TP-001,990100,2027年7月,18000000,1200,1100
                JN2027-TP-001,990200,2027-07,12000000,300,100
                """
            let loaded = try await upload(good)
            #expect(loaded.status == .ok && loaded.body.string.contains("\"updated\":4"), "\(loaded.body.string)")
            let tasks = try decoded(try await finance.send(.GET, "/api/v1/monitoring/rounds/\(round.id)/tasks"), Body.self).items
            #expect(tasks.map(\.colour).filter { $0 == "red" }.count == 2, "HLT (45.9 %) and 青山市 (14.3 %) lag: \(tasks.map { "\($0.code) \($0.assignee) \($0.colour)" })")
            let hospitalTask = try #require(tasks.first { $0.code == "JN2027-HLT-001" })
            let task = try decoded(try await hospital.send(.GET, "/api/v1/monitoring/tasks/\(hospitalTask.id)"), Task.self)
            #expect(task.pace == "45.9%" && task.executionRate == "26.8%" && task.fullYearBudgetWanYuan == "5600")
            let overwrite = try await hospital.send(.PUT, "/api/v1/monitoring/tasks/\(task.id)/report",
                                                    json: ["lockVersion": task.lockVersion, "allocatedWanYuan": "5600", "spentWanYuan": "5000"])
            #expect(overwrite.status == .unprocessableEntity && overwrite.body.string.contains("国库"), "\(overwrite.body.string)")
            #expect(try await auditActions(app).contains("monitoring.treasury_imported"))

            // Dispositions: finance only, never on green, cuts within what is unspent, corrections with a date the unit
            // answers, and 调整目标 opens the goal's adjustment.
            let health = try await monitoringPerson(app, admin: admin, username: "health-dept", organization: "990000-102", roles: ["department_officer"])
            func dispose(_ client: APIClient, _ taskID: UUID, _ json: [String: any Sendable]) async throws -> TestingHTTPResponse {
                try await client.send(.POST, "/api/v1/monitoring/tasks/\(taskID)/dispositions", json: json)
            }
            #expect(try await dispose(health, task.id, ["kind": "stop", "reason": "进度滞后"]).status == .forbidden, "a department cannot dispose")
            let tooMuch = try await dispose(finance, task.id, ["kind": "cut_budget", "reason": "执行滞后", "amountWanYuan": "4100.01"])
            #expect(tooMuch.status == .unprocessableEntity && tooMuch.body.string.contains("4100"), "5600 − 1500 = 4100 unspent: \(tooMuch.body.string)")
            #expect(try await dispose(finance, task.id, ["kind": "cut_budget", "reason": "执行滞后", "amountWanYuan": "1000"]).status == .created)
            #expect(try await dispose(finance, task.id, ["kind": "correct", "reason": "加快支出", "dueBy": "2027-08-01"]).status == .unprocessableEntity)
            let correction = try await dispose(finance, task.id, ["kind": "correct", "reason": "加快支出进度", "dueBy": "2027-09-30"])
            #expect(correction.status == .created)
            struct Disposed: Decodable { var id: UUID; var kind: String; var response: String?; var adjustmentVersionID: UUID? }
            let order = try decoded(correction, Disposed.self)
            let green = try #require(tasks.first { $0.colour == "green" })
            #expect(try await dispose(finance, green.id, ["kind": "stop", "reason": "x"]).status == .unprocessableEntity, "nothing to dispose of on green")
            let answered = try decoded(try await hospital.send(.POST, "/api/v1/monitoring/dispositions/\(order.id)/response",
                                                               json: ["response": "已完成设备招标，8月支付1200万元"]), Disposed.self)
            #expect(answered.response == "已完成设备招标，8月支付1200万元")
            let adjusted = try decoded(try await dispose(finance, task.id, ["kind": "adjust_goal", "reason": "床位建设计划调整"]), Disposed.self)
            let hospitalObject = try #require(try await BudgetObjectModel.query(on: app.db).filter(\.$code == "JN2027-HLT-001").first())
            let versions = try await GoalVersionModel.query(on: app.db).filter(\.$budgetObject.$id == hospitalObject.id!).sort(\.$versionNumber).all()
            #expect(versions.map(\.state) == ["released", "draft"] && versions.last?.isAdjustment == true)
            #expect(versions.last?.adjustmentReason == "监控处置：床位建设计划调整" && adjusted.adjustmentVersionID == versions.last?.id)
            let listed = try decoded(try await finance.send(.GET, "/api/v1/monitoring/rounds/\(round.id)/dispositions"), DispositionList.self)
            #expect(listed.items.map(\.kind).sorted() == ["adjust_goal", "correct", "cut_budget"])
            #expect(try decoded(try await hospital.send(.GET, "/api/v1/monitoring/rounds/\(round.id)/dispositions"), DispositionList.self).items.count == 3,
                    "the unit sees what was decided for it")
            #expect(try await auditActions(app).filter { $0 == "monitoring.disposed" }.count == 3)
            try await expectTalliesMatchTasks(app.db)
        }
    }
}

private struct DispositionList: Decodable { struct Item: Decodable { var kind: String }; var items: [Item] }

/// A forecast that meets a target as written ("≥80%" → "80%", "2027年10月前" → the day itself).
func forecastMeeting(_ target: String) -> String {
    guard let parsed = try? TargetParser.parse(target) else { return target }
    switch parsed.value {
    case .number(let n, let unit): return "\(n)\(unit)"
    case .date(let day): return "\(day.year)年\(day.month)月\(day.day)日"
    case .text(let text): return text
    }
}

@Suite("Monitoring pages: the task with its arithmetic, the form that keeps what was typed, the dashboard with its chart")
struct MonitoringPageTests {
    @Test("a unit reports on its page; finance reads the dashboard in Chinese and English", arguments: TestDatabase.all)
    func pages(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            // setup: the round with the treasury's figures
            _ = try await DemoGoals.load(on: app.db)
            app.effects = app.effects.fixed(now: Date(timeIntervalSince1970: 1_817_855_000))   // 2027-08-10
            let admin = try await APIClient.signIn(app, "province-admin", DemoData.password)
            let finance = try await APIClient.signIn(app, "perf-officer", DemoData.password)
            _ = try await monitoringPerson(app, admin: admin, username: "hospital-filer", organization: "990000-102-01", roles: ["unit_officer"])
            app.jobWorkers.start(app)
            let filer = Browser(app, address: "192.0.2.77")
            try await filer.signIn("hospital-filer", "Monitor2026pw")
            let officer = Browser(app, address: "192.0.2.78")
            try await officer.signIn("perf-officer", DemoData.password)
            // act: finance opens the round on its page
            #expect(try await officer.get("/monitoring").body.string.contains("生成监控任务"))
            let opened = try await officer.post("/monitoring", ["year": "2027", "period_end": "2027-07-31", "deadline": "2027-08-20", "scope": "all"])
            #expect(opened.status == .seeOther, "\(opened.body.string.prefix(300))")
            let roundPath = try #require(opened.headers.first(name: .location))
            let roundID = try #require(UUID(uuidString: String(roundPath.split(separator: "/").last ?? "")))
            let roundRow = try #require(try await RoundRow.find(roundID, on: app.db))
            _ = try await JobQueue.wait(for: try #require(roundRow.job_id), upTo: .seconds(30), app: app, on: app.db)
            let file = "项目编码,全年预算数（万元）,已拨付（万元）,实际支出（万元）\nJN2027-HLT-001,5600,3000,1500\nJN2027-AGR-001,680,500,420\n"
            #expect(try await finance.send(.POST, "/api/v1/monitoring/rounds/\(roundID)/treasury", body: ByteBuffer(string: file),
                                           contentType: HTTPMediaType(type: "text", subType: "csv")).status == .ok)
            let again = try await officer.post("/monitoring", ["year": "2027", "period_end": "2027-07-31", "deadline": "2027-08-20", "scope": "all"])
            #expect(again.status == .conflict && again.body.string.contains("不能重复组织") && again.body.string.contains("2027-08-20"),
                    "refused beside the form, with what was typed")

            // check: the unit's list and task page show the arithmetic in Chinese
            #expect(try await filer.get("/monitoring").body.string.contains("1–7月"))
            let task = try #require(try await TaskRow.select(on: app.db).where(SQLColumn("code", table: "bo"), .equal, SQLBind("JN2027-HLT-001"))
                .first(decoding: TaskRow.self))
            let page = try await filer.get("/monitoring/tasks/\(task.id)").body.string
            #expect(page.contains("1–7月：时间进度 58.3%，支出 26.8% → 执行进度 45.9% &lt; 60% → 红色（资金执行滞后）"), "\(page.prefix(2000))")
            #expect(page.contains("name=\"p[0][forecast]\"") && page.contains("readonly"), "the form, with the treasury's figures read-only")

            // A value that cannot be read is refused beside its row, and what was typed stays.
            let detail = try await MonitoringReports.load(task.id, by: try personCaller(app, "hospital-filer"), on: app.db)
            var fields = ["lock_version": String(task.lock_version), "fund_explanation": "设备招标延后"]
            for (index, indicator) in detail.indicators.enumerated() {
                fields["p[\(index)][id]"] = indicator.id.uuidString
                fields["p[\(index)][forecast]"] = index == 0 ? "六十六" : forecastMeeting(indicator.targetText)
                fields["p[\(index)][likelihood]"] = "certain"
            }
            let refused = try await filer.post("/monitoring/tasks/\(task.id)/report", fields)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("六十六") && refused.body.string.contains("定量指标请填写数值"))
            fields["p[0][forecast]"] = "66"
            let saved = try await filer.post("/monitoring/tasks/\(task.id)/report", fields)
            #expect(saved.status == .seeOther, "\(saved.body.string.prefix(500))")
            #expect(try await filer.get("/monitoring/tasks/\(task.id)?saved=1").body.string.contains("已保存"))

            // The dashboard: counts by colour, the organisations, the chart with its pace lines and a dot per object.
            let dashboard = try await officer.get(roundPath).body.string
            #expect(dashboard.contains("<svg") && dashboard.contains("pace-red") && dashboard.contains("/monitoring/tasks/\(task.id)"))
            #expect(dashboard.contains("江南省卫生健康委员会"), "drill-down by department")
            officer.acceptLanguage = "en"
            let english = try await officer.get("/monitoring/tasks/\(task.id)").body.string
            #expect(english.contains("Jan–Jul: time elapsed 58.3%, spent 26.8% → pace 45.9% &lt; 60% → red (spending lags)"), "\(english.prefix(1500))")
        }
    }
}
