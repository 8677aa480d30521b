import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import JixiaoServer
import JixiaoDomain

@Suite("Goal lists as .xlsx and .csv")
struct GoalExchangeTests {
    func read(_ response: TestingHTTPResponse) throws -> [[Int: String]] {
        let reader = try SpreadsheetReader(data: Data(response.body.readableBytesView))
        var rows: [[Int: String]] = []
        try reader.forEachRow(inSheet: 0) { rows.append($1) }
        return rows
    }

    func xlsx(_ rows: [[String]]) throws -> ByteBuffer {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-import-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try SpreadsheetWriter.write([SheetSpec(name: "清单", columnWidths: [], rows: AnySequence(rows.map { $0.map { SheetCell.text($0) } }))], to: url)
        return ByteBuffer(data: try Data(contentsOf: url))
    }

    @Test("export → import round trip keeps every indicator", arguments: TestDatabase.all)
    func roundTrip(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            _ = try await DemoGoals.load(on: app.db)
            let unit = try await APIClient.signIn(app, "unit-officer", DemoData.password)
            let exported = try await unit.send(.GET, "/api/v1/goals/export.xlsx?year=\(DemoGoals.fiscalYear)")
            #expect(exported.status == .ok)
            #expect(exported.headers.contentType == GoalExchangeService.xlsxType)
            var rows = try read(exported)
            #expect(rows[0][0] == "项目编码" && rows[0][13] == "指标值")
            let indicatorCount = rows.count - 1
            #expect(indicatorCount == DemoGoals.projects.filter { $0.unit == "990000-101-01" }.map(\.indicators.count).reduce(0, +))

            #expect(rows[0][17] == "状态" && rows[0][18] == "版本")
            #expect(rows.dropFirst().contains { $0[0] == "JN2027-EDU-001" && $0[17] == "单位已提交" && $0[18] == "1" }, "\(rows.prefix(3))")

            // The file as exported comes back: the draft is updated, the submitted goal is left as it is and said so.
            let width = GoalListColumn.exported.count
            let asExported = try await unit.send(.POST, "/api/v1/goals/import", body: try xlsx(rows.map { row in (0..<width).map { row[$0] ?? "" } }),
                                                 contentType: .binary)
            #expect(asExported.status == .created, "\(asExported.body.string)")
            let outcome = try asExported.content.decode(ImportResponse.self)
            #expect(outcome.created == [] && outcome.updated == ["JN2027-EDU-002"])
            #expect(outcome.unchanged == [ImportOutcome.Unchanged(code: "JN2027-EDU-001", state: "submitted")])

            // The same list under new codes comes back as drafts with the same indicators.
            for i in 1..<rows.count { rows[i][0] = rows[i][0]! + "-R" }
            let table = rows.map { row in (0..<width).map { row[$0] ?? "" } }
            let imported = try await unit.send(.POST, "/api/v1/goals/import", body: try xlsx(table), contentType: .binary)
            #expect(imported.status == .created, "\(imported.body.string)")
            #expect(try imported.content.decode(ImportResponse.self).imported == Set(rows.dropFirst().map { $0[0]! }).count)
            let copy = try #require(try await BudgetObjectModel.query(on: app.db).filter(\.$code == "JN2027-EDU-001-R").first())
            let original = try #require(try await BudgetObjectModel.query(on: app.db).filter(\.$code == "JN2027-EDU-001").first())
            let copiedGoal = try await GoalCommands.goal(of: try #require(try await GoalVersionModel.query(on: app.db).filter(\.$budgetObject.$id == copy.id!).first()), on: app.db)
            let originalGoal = try await GoalCommands.goal(of: try #require(try await GoalVersionModel.query(on: app.db).filter(\.$budgetObject.$id == original.id!).first()), on: app.db)
            #expect(copiedGoal.indicators.map(\.name) == originalGoal.indicators.map(\.name))
            #expect(copiedGoal.indicators.map(\.targetText) == originalGoal.indicators.map(\.targetText))
            #expect(copiedGoal.indicators.map(\.weight) == originalGoal.indicators.map(\.weight))
            #expect(copy.requestedFen == original.requestedFen && copy.startYear == original.startYear)
            #expect(try await currentVersionMismatches(app).isEmpty)

            // The single project's form and the printable page.
            let form = try await unit.send(.GET, "/api/v1/budget-objects/\(original.id!.uuidString)")
            #expect(form.status == .ok)
            let browser = Browser(app)
            try await browser.signIn("unit-officer", DemoData.password)
            let formFile = try read(try await browser.get("/goals/\(original.id!.uuidString)/form.xlsx"))
            #expect(formFile[0][0] == "项目支出绩效目标申报表" && formFile.contains { $0[3] == "资助学生人数" })
            #expect(formFile[3][1] == "江南省教育厅（990000-101）", "主管部门 is the unit's department: \(formFile[3])")
            #expect(formFile[5][2] == "1260" && formFile[5][4] == "1260", "amounts are numbers: \(formFile[5])")
            let groups = formFile.dropFirst(8).compactMap { $0[1] }.filter { !$0.isEmpty }
            #expect(groups == Array(NSOrderedSet(array: groups)) as? [String], "each 一级指标 is named once, over its rows: \(groups)")
            let printable = try await browser.get("/goals/\(original.id!.uuidString)/print").body.string
            #expect(printable.contains("项目支出绩效目标申报表") && printable.contains("≥3200人次"))
        }
    }

    @Test("a wrong file names sheet, row and column and imports nothing", arguments: TestDatabase.all)
    func badFiles(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let unit = try await APIClient.signIn(app, "unit-officer", DemoData.password)
            let header = GoalListColumn.exported.map(\.title)
            func row(_ code: String, _ unitCode: String, _ amount: String, _ l1: String, _ l2: String, _ name: String, _ target: String, _ weight: String) -> [String] {
                [code, "测试项目", unitCode, "", "2027", "一般公共预算", "一次性", "2027-2027", amount, "目标", l1, l2, name, target, weight, "计划标准", ""]
            }
            let file = try xlsx([["说明：每行一个指标"], header,
                                 row("X-1", "990000-101-01", "100", "产出指标", "数量指标", "人数", "≥10人", "50"),
                                 row("X-1", "990000-101-01", "200", "效益指标", "社会效益指标", "比例", "95%", "50"),
                                 row("X-2", "990200", "abc", "投入指标", "数量指标", "数量", "≥1个", "x"),
                                 row("X-3", "990000-101-01", "10", "满意度指标", "不存在", "满意度", "≥较高", "100")])
            let response = try await unit.send(.POST, "/api/v1/goals/import", body: file, contentType: .binary)
            #expect(response.status == .unprocessableEntity)
            let body = try response.content.decode(APIErrorBody.self)
            #expect(body.error.code == "import_rows_invalid")
            let messages = body.error.details.map { "\($0.location ?? ""): \($0.message)" }
            #expect(messages.contains { $0.contains("第 4 行") && $0.contains("申请金额") && $0.contains("第 3 行") }, "\(messages)")
            #expect(!messages.contains { $0.contains("指标值") }, "targets without a sign or unreadable are stored as drafts, not refused")
            #expect(messages.contains { $0.contains("第 5 行") && $0.contains("实施单位编码") }, "a unit outside the scope is unknown")
            #expect(messages.contains { $0.contains("第 5 行") && $0.contains("申请金额") })
            #expect(messages.contains { $0.contains("第 5 行") && $0.contains("一级指标") })
            #expect(messages.contains { $0.contains("第 5 行") && $0.contains("分值") })
            #expect(messages.contains { $0.contains("第 6 行") && $0.contains("二级指标") })
            #expect(messages.allSatisfy { $0.contains("工作表“清单”") })
            #expect(try await BudgetObjectModel.query(on: app.db).count() == 0)

            let csv = header.joined(separator: ",") + "\n" + row("C-1", "990000-101-01", "12.5", "产出指标", "数量指标", "人数", "≥10人", "100").joined(separator: ",")
            let fromCSV = try await unit.send(.POST, "/api/v1/goals/import", body: ByteBuffer(string: csv), contentType: .binary)
            #expect(fromCSV.status == .created, "\(fromCSV.body.string)")
            #expect(try await BudgetObjectModel.query(on: app.db).filter(\.$code == "C-1").first()?.requestedFen == 12_500_000, "12.5 万元 is 12,500,000 fen")
            let again = try await unit.send(.POST, "/api/v1/goals/import", body: ByteBuffer(string: csv), contentType: .binary)
            #expect(again.status == .created, "the same file again updates the draft it created: \(again.body.string)")
            let outcome = try again.content.decode(ImportResponse.self)
            #expect(outcome.created == [] && outcome.updated == ["C-1"])

            var broken = Data([0x50, 0x4B, 0x03, 0x04])
            broken.append(Data(repeating: 7, count: 300))
            let unreadable = try await unit.send(.POST, "/api/v1/goals/import", body: ByteBuffer(data: broken), contentType: .binary)
            #expect(unit.errorCode(unreadable) == "xlsx_unreadable")
            let huge = try await unit.send(.POST, "/api/v1/goals/import", body: ByteBuffer(repeating: 65, count: 30 * 1024 * 1024), contentType: .binary)
            #expect(huge.status == .payloadTooLarge)
        }
    }

    @Test("the import stores what the editor stores: targets without a sign are drafts that cannot be submitted", arguments: TestDatabase.all)
    func unsignedTargets(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let unit = try await APIClient.signIn(app, "unit-officer", DemoData.password)
            let header = GoalListColumn.exported.map(\.title).joined(separator: ",")
            let targets = ["95%", "735人次", "95%以上", "不低于95%", "2027-10-31前", "≥较高"]
            let rows = targets.enumerated().map { index, target in
                ["U-1", "常见写法项目", "990000-101-01", "", "2027", "一般公共预算", "一次性", "", "30", "完成任务", "产出指标", "数量指标",
                 "指标\(index + 1)", target, "", "计划标准", ""].joined(separator: ",")
            }
            let response = try await unit.send(.POST, "/api/v1/goals/import", body: ByteBuffer(string: ([header] + rows).joined(separator: "\n")), contentType: .binary)
            #expect(response.status == .created, "\(response.body.string)")
            let object = try #require(try await BudgetObjectModel.query(on: app.db).filter(\.$code == "U-1").first())
            let goal = try await unit.send(.GET, "/api/v1/budget-objects/\(object.id!)").content.decode(GoalDTO.self)
            #expect(goal.indicators.map(\.target) == targets, "every target is kept as written")
            let blocking = goal.validation.filter { $0.message.contains("符号") }.compactMap(\.row)
            #expect(blocking.contains(1) && blocking.contains(2) && blocking.contains(6), "95%, 735人次 and ≥较高 block submission: \(goal.validation.map(\.message))")
            #expect(!blocking.contains(3) && !blocking.contains(4) && !blocking.contains(5), "95%以上, 不低于95% and 2027-10-31前 are ordinary targets: \(goal.validation.map { "\($0.row ?? 0) \($0.message)" })")
            let submit = try await unit.send(.POST, "/api/v1/budget-objects/\(object.id!)/transitions", json: ["action": "submit", "lockVersion": goal.lockVersion])
            #expect(unit.errorCode(submit) == "goal_invalid")

            // Text that cannot be stored is refused with its row: a control character, a 300,000-character name.
            let bad = [["U-2", "名称\u{7}有铃声", "990000-101-01", "", "2027", "一般公共预算", "一次性", "", "30", "完成任务", "产出指标", "数量指标",
                        "指标", "≥1个", "", "计划标准", ""].joined(separator: ","),
                       ["U-3", String(repeating: "长", count: 300_000), "990000-101-01", "", "2027", "一般公共预算", "一次性", "", "30", "完成任务", "产出指标",
                        "数量指标", "指标", "≥1个", "", "计划标准", ""].joined(separator: ",")]
            let refused = try await unit.send(.POST, "/api/v1/goals/import", body: ByteBuffer(string: ([header] + bad).joined(separator: "\n")), contentType: .binary)
            let messages = try refused.content.decode(APIErrorBody.self).error.details.map { "\($0.location ?? "") \($0.message)" }
            #expect(messages.contains { $0.contains("第 2 行") && $0.contains("项目名称") && $0.contains("U+0007") }, "\(messages)")
            #expect(messages.contains { $0.contains("第 3 行") && $0.contains("项目名称") && $0.contains("300000") })
        }
    }

    @Test("a provincial variant: other column order, 指标性质 and 度量单位 columns", arguments: TestDatabase.all)
    func provincialVariant(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let unit = try await APIClient.signIn(app, "unit-officer", DemoData.password)
            let header = "项目代码,项目名称,单位代码,年度,申请金额,年度目标,一级指标,二级指标,三级指标,指标性质,分值,年度指标值,度量单位"
            func csv(_ rows: [String]) -> ByteBuffer { ByteBuffer(string: ([header] + rows).joined(separator: "\n")) }
            let good = csv(["P-1,省级格式项目,990000-101-01,2027,50,完成任务,产出指标,数量指标,培训人次,正向,40,735,人次",
                            "P-1,省级格式项目,990000-101-01,2027,50,完成任务,产出指标,质量指标,合格率,等于,20,100,%",
                            "P-1,省级格式项目,990000-101-01,2027,50,完成任务,效益指标,社会效益指标,发生率,反向,20,≤8,%",
                            "P-1,省级格式项目,990000-101-01,2027,50,完成任务,满意度指标,服务对象满意度指标,满意度,≥,20,90,%"])
            let imported = try await unit.send(.POST, "/api/v1/goals/import", body: good, contentType: .binary)
            #expect(imported.status == .created, "\(imported.body.string)")
            let object = try #require(try await BudgetObjectModel.query(on: app.db).filter(\.$code == "P-1").first())
            let version = try #require(try await GoalVersionModel.query(on: app.db).filter(\.$budgetObject.$id == object.id!).first())
            let goal = try await GoalCommands.goal(of: version, on: app.db)
            #expect(goal.indicators.map(\.targetText) == ["≥735人次", "=100%", "≤8%", "≥90%"])
            #expect(goal.indicators.map(\.weight) == [40, 20, 20, 20])

            let bad = csv(["Q-1,省级格式项目,990000-101-01,2027,50,完成任务,产出指标,数量指标,培训人次,定量,50,735,人次",
                           "Q-1,省级格式项目,990000-101-01,2027,50,完成任务,效益指标,社会效益指标,发生率,反向,30,≥8,%",
                           "Q-1,省级格式项目,990000-101-01,2027,50,完成任务,效益指标,社会效益指标,覆盖人数,正向,20,95人次,%"])
            let refused = try await unit.send(.POST, "/api/v1/goals/import", body: bad, contentType: .binary)
            let messages = try refused.content.decode(APIErrorBody.self).error.details.map { "\($0.location ?? "") \($0.message)" }
            #expect(!messages.contains { $0.contains("第 2 行") }, "定量 supplies no sign: stored as 未标注, not refused: \(messages)")
            #expect(messages.contains { $0.contains("第 3 行") && $0.contains("指标性质") && $0.contains("符号相反") })
            #expect(messages.contains { $0.contains("第 4 行") && $0.contains("度量单位") })
            #expect(try await BudgetObjectModel.query(on: app.db).filter(\.$code == "Q-1").count() == 0)
        }
    }
}

@Suite("The version in force is what a list exports")
struct ExportVersionTests {
    @Test("a released goal with an adjustment under review exports the released content", arguments: TestDatabase.all)
    func versionInForce(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            _ = try await DemoGoals.load(on: app.db)
            // setup: the demo's adjusted project (released v1, adjustment v2 with a changed first target), now submitted
            let object = try #require(try await BudgetObjectModel.query(on: app.db).filter(\.$code == "JN2027-AGR-001").first())
            try await app.db.sql.raw("UPDATE goal_versions SET state = 'submitted', ever_submitted = \(bind: true) WHERE budget_object_id = \(bind: object.id!) AND version_number = 2").run()
            try await app.db.sql.raw("UPDATE budget_objects SET current_state = 'submitted' WHERE id = \(bind: object.id!)").run()
            let released = try #require(try await GoalVersionModel.query(on: app.db).filter(\.$budgetObject.$id == object.id!).filter(\.$state == "released").first())
            let releasedGoal = try await GoalCommands.goal(of: released, on: app.db)
            // act
            let budget = try await APIClient.signIn(app, "budget-officer", DemoData.password)
            let exported = try await budget.send(.GET, "/api/v1/goals/export.xlsx?year=\(DemoGoals.fiscalYear)")
            let reader = try SpreadsheetReader(data: Data(buffer: exported.body))
            var line: [Int: String]?
            try reader.forEachRow(inSheet: 0) { _, cells in if cells[0] == "JN2027-AGR-001" && line == nil { line = cells } }
            // check: the released content, state and number — not the adjustment under review
            let row = try #require(line)
            #expect(row[13] == releasedGoal.indicators[0].targetText && row[13] != "≥30个", "\(row)")
            #expect(row[17] == "已批复" && row[18] == "1", "\(row)")
        }
    }
}
