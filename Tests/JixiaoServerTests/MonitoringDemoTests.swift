import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import JixiaoDomain
@testable import JixiaoServer

@Suite("The demo's monitoring round tells its story through the commands")
struct MonitoringDemoTests {
    private struct TaskFacts: Decodable { var code: String; var region_code: String?; var state: String; var colour: String; var late: Bool }

    @Test("the 1–7月 round of the year under execution: colours, late and missing reports, dispositions; loading again changes nothing",
          arguments: TestDatabase.all)
    func demoRound(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let context = DemoContext(database: app.db, bcryptCost: 4, threadPool: app.threadPool, effects: app.effects)
            _ = try await DemoGoals.load(on: app.db)
            let said = try await MonitoringDemo.load(context)
            #expect(said.contains("1–7月"), "\(said)")
            let y = MonitoringDemo.year(at: app.effects.now())

            let rows = try await app.db.sql.raw("""
                SELECT bo.code, r.recipient_code AS region_code, t.state, t.colour, t.late FROM monitoring_tasks t
                JOIN budget_objects bo ON bo.id = t.budget_object_id LEFT JOIN goal_regions r ON r.id = t.region_row_id
                JOIN monitoring_rounds mr ON mr.id = t.round_id WHERE mr.fiscal_year = \(bind: y)
                """).all(decoding: TaskFacts.self)
            let byKey = Dictionary(rows.map { ($0.code + "|" + ($0.region_code ?? ""), $0) }, uniquingKeysWith: { first, _ in first })
            // Every story's object has its task (the year's earlier released nutrition goals too).
            for story in MonitoringDemo.stories(y) where !story.code.contains("NUTR") {
                #expect(byKey[story.code + "|" + (story.region ?? "")] != nil, "\(story.code) \(story.region ?? "")")
            }
            #expect(byKey["JN\(y)-EDU-101|"]?.state == MonitoringTaskState.financeConfirmed.rawValue && byKey["JN\(y)-EDU-101|"]?.colour == "green")
            // Spent 420 of 2,350 万元 by July: red, confirmed, and disposed with a goal adjustment.
            #expect(byKey["JN\(y)-EDU-103|"]?.colour == "red")
            #expect(byKey["JN\(y)-HLT-102|"]?.colour == "yellow")
            #expect(byKey["JN\(y)-EDU-104|"]?.late == true && byKey["JN\(y)-EDU-104|"]?.state == MonitoringTaskState.submitted.rawValue)
            #expect(byKey["JN\(y)-HLT-103|"]?.state == MonitoringTaskState.returned.rawValue)
            // Not reported by the deadline: pending and red.
            #expect(byKey["JN\(y)-EDU-105|"]?.state == MonitoringTaskState.pending.rawValue && byKey["JN\(y)-EDU-105|"]?.colour == "red")
            #expect(byKey["JN\(y)-TP-101|990200"]?.colour == "red")
            #expect(byKey["JN\(y)-TP-101|990100"]?.state == MonitoringTaskState.financeConfirmed.rawValue)
            let colours = Set(rows.map(\.colour))
            #expect(colours == ["green", "yellow", "red"])

            struct Kind: Decodable { var kind: String; var response: String?; var adjustment_version_id: UUID? }
            let dispositions = try await app.db.sql.select().columns("kind", "response", "adjustment_version_id").from("monitoring_dispositions")
                .all(decoding: Kind.self)
            #expect(Set(dispositions.map(\.kind)) == ["correct", "suspend_payments", "adjust_goal"])
            #expect(dispositions.first { $0.kind == "correct" }?.response?.isEmpty == false)
            let adjustment = try #require(dispositions.first { $0.kind == "adjust_goal" }?.adjustment_version_id)
            let version = try #require(try await GoalVersionModel.find(adjustment, on: app.db))
            #expect(version.isAdjustment && version.state == GoalState.draft.rawValue)

            // The warnings keep their arithmetic.
            struct Facts: Decodable { var rule: String }
            let warnings = try await app.db.sql.select().column("rule").from("monitoring_warnings").all(decoding: Facts.self)
            #expect(Set(warnings.map(\.rule)).isSuperset(of: ["fund_pace", "not_reported"]), "\(Set(warnings.map(\.rule)))")

            // Again: nothing changes.
            let again = try await MonitoringDemo.load(context)
            #expect(again.contains("already"))
            struct Count: Decodable { var n: Int }
            let tasks = try await app.db.sql.raw("SELECT COUNT(*) AS n FROM monitoring_tasks").first(decoding: Count.self)?.n
            #expect(tasks == rows.count)
            try await expectTalliesMatchTasks(app.db)
        }
    }

    @Test("the monitoring form per object (.xlsx and print) and the round's monitoring report (page and .xlsx) read the demo round",
          arguments: TestDatabase.all)
    func formsAndReport(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let y = MonitoringDemo.year(at: app.effects.now())
            let (officer, task) = try await loadDemoRound(app, signedIn: "perf-officer", address: "192.0.2.81", task: "JN\(y)-AGR-102")

            // The form: the national columns, the treasury's money and the unit's explanation, one row per indicator.
            let xlsx = try await officer.get("/monitoring/tasks/\(task.id)/form.xlsx")
            #expect(xlsx.status == .ok && xlsx.headers.contentType == DownloadFile.xlsxType)
            var cells: [[String]] = []
            try SpreadsheetReader(data: Data(buffer: xlsx.body)).forEachRow(inSheet: 0) { _, row in
                cells.append((0...8).map { row[$0] ?? "" })
            }
            #expect(cells.first?.first == "项目支出绩效目标执行监控表")
            #expect(cells.contains { $0.starts(with: ["一级指标", "二级指标", "三级指标", "年度指标值", "1–7月执行情况", "全年预计完成情况", "偏差原因分析", "完成目标可能性", "备注"]) })
            #expect(cells.contains { $0[1] == "4800" && $0[3] == "1050" && $0[4] == "21.9%" }, "\(cells)")
            #expect(cells.contains { $0[2] == "新建高标准农田面积" && $0[3] == "≥12万亩" && $0[4] == "7万亩" && $0[5] == "12万亩" && $0[7] == "确定能" }, "\(cells)")
            #expect(cells.contains { $0[0].contains("执行进度 37.5% < 60% → 红色（资金执行滞后）") })
            let printed = try await officer.get("/monitoring/tasks/\(task.id)/print").body.string
            #expect(printed.contains("项目支出绩效目标执行监控表") && printed.contains("新建高标准农田面积"))

            // The report: totals equal to the sums of the tasks, warnings with their arithmetic, every disposition.
            struct Sums: Decodable { var budget: Int64; var spent: Int64; var n: Int }
            let sums = try #require(try await app.db.sql.raw("""
                SELECT CAST(SUM(full_year_budget_fen) AS BIGINT) AS budget, CAST(SUM(spent_fen) AS BIGINT) AS spent, COUNT(*) AS n
                FROM monitoring_tasks WHERE round_id = \(bind: task.round_id)
                """).first(decoding: Sums.self))
            let report = try await officer.get("/monitoring/rounds/\(task.round_id)/report").body.string
            #expect(report.contains("本批次监控对象 \(sums.n) 个，全年预算 \(Money(fen: sums.budget).wanYuanDisplay) 万元"), "\(report.prefix(3000))")
            #expect(report.contains("实际支出 \(Money(fen: sums.spent).wanYuanDisplay) 万元"))
            #expect(report.contains("执行进度 37.5% &lt; 60% → 红色（资金执行滞后）"))
            #expect(["督促纠偏", "暂缓拨款", "调整目标"].allSatisfy { report.contains($0) })
            #expect(report.contains("部分县区项目初步设计批复较晚"), "the unit's explanation of its money is among the problems")
            let sheet = try await officer.get("/monitoring/rounds/\(task.round_id)/report.xlsx")
            #expect(sheet.status == .ok)
            let reader = try SpreadsheetReader(data: Data(buffer: sheet.body))
            #expect(reader.sheets.map(\.name) == ["总体情况", "预警对象", "处置情况", "问题及措施"])
            var disposed = 0
            try reader.forEachRow(inSheet: 2) { number, _ in if number > 1 { disposed += 1 } }
            #expect(disposed == 3)

            // A refused disposition comes back as it was filled in: the kind chosen, the reason and amount typed.
            let yellow = try #require(try await TaskRow.select(on: app.db).where(SQLColumn("code", table: "bo"), .equal, SQLBind("JN\(y)-HLT-102"))
                .first(decoding: TaskRow.self))
            _ = try await officer.get("/monitoring/tasks/\(yellow.id)")
            let cut = try await officer.post("/monitoring/tasks/\(yellow.id)/dispose", ["kind": "cut_budget", "reason": "执行缓慢，调减部分预算", "amount": "99999"])
            #expect(cut.status == .unprocessableEntity, "\(cut.body.string.prefix(300))")
            #expect(cut.body.string.contains("value=\"99999\"") && cut.body.string.contains("执行缓慢，调减部分预算")
                    && cut.body.string.contains("<option value=\"cut_budget\" selected"), "\(cut.body.string.prefix(200))")

            // A department sees its own area only: the education department's report holds none of agriculture's objects.
            let department = Browser(app, address: "192.0.2.82")
            try await department.signIn("dept-officer", DemoData.password)
            let own = try await department.get("/monitoring/rounds/\(task.round_id)/report")
            #expect(own.status == .ok && !own.body.string.contains("JN\(y)-AGR-102") && own.body.string.contains("江南省教育厅"), "\(own.body.string.prefix(500))")
            #expect(try await department.get("/monitoring/rounds/\(task.round_id)/report?under=990000-103").status == .notFound)
        }
    }

    /// The demo round loaded, a person signed in, and one of the round's tasks.
    private func loadDemoRound(_ app: Application, signedIn username: String, address: String, task code: String) async throws -> (Browser, TaskRow) {
        _ = try await DemoGoals.load(on: app.db)
        _ = try await MonitoringDemo.load(DemoContext(database: app.db, bcryptCost: 4, threadPool: app.threadPool, effects: app.effects))
        let browser = Browser(app, address: address)
        try await browser.signIn(username, DemoData.password)
        let task = try #require(try await TaskRow.select(on: app.db).where(SQLColumn("code", table: "bo"), .equal, SQLBind(code)).first(decoding: TaskRow.self))
        return (browser, task)
    }

    /// Posts a file as the page's upload form does.
    private func upload(_ browser: Browser, _ path: String, _ data: Data, name: String) async throws -> TestingHTTPResponse {
        let boundary = "jixiao-list-boundary"
        var body = ByteBuffer(string: "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(browser.lastCSRF ?? "")\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        body.writeBytes(data)
        body.writeString("\r\n--\(boundary)--\r\n")
        return try await browser.send(.POST, path, body: body, contentType: HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary]))
    }

    /// The exported list's cells, and the same cells written back as a workbook.
    private func cells(of data: Data) throws -> [[String]] {
        var rows: [[String]] = []
        try SpreadsheetReader(data: data).forEachRow(inSheet: 0) { _, row in rows.append((0..<22).map { row[$0] ?? "" }) }
        return rows
    }

    private func workbook(_ rows: [[String]]) throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("list-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try SpreadsheetWriter.write([SheetSpec(name: "监控填报", columnWidths: Array(repeating: 12, count: 22),
                                               rows: AnySequence(rows.map { $0.map { SheetCell.text($0) } }))], to: url)
        return try Data(contentsOf: url)
    }

    @Test("a unit fills its tasks as one list offline: unchanged rows are skipped, a wrong row saves nothing, a right file saves",
          arguments: TestDatabase.all)
    func listRoundTrip(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let y = MonitoringDemo.year(at: app.effects.now())
            let (unit, open) = try await loadDemoRound(app, signedIn: "unit-officer", address: "192.0.2.83", task: "JN\(y)-EDU-105")
            let roundPath = "/monitoring/rounds/\(open.round_id)"
            _ = try await unit.get(roundPath)

            // Submitting it empty: one summary, then each problem with the indicator it belongs to.
            _ = try await unit.get("/monitoring/tasks/\(open.id)")
            let empty = try await unit.post("/monitoring/tasks/\(open.id)/transition", ["action": "submit", "lock_version": String(open.lock_version)])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("须填写或说明，不能报送") && empty.body.string.contains("第 1 个指标“引进高层次人才人数”"),
                    "\(empty.body.string.prefix(1500))")
            _ = try await unit.get(roundPath)

            // The list holds the unit's own two projects, a row per indicator.
            let exported = try await unit.get(roundPath + "/tasks.xlsx")
            #expect(exported.status == .ok)
            let rows = try cells(of: Data(buffer: exported.body))
            let header = try #require(rows.dropFirst().first)
            #expect(header[0] == "项目编码" && header[15] == "1–7月执行情况" && header[20] == "纠偏措施", "\(header)")
            let body = Array(rows.dropFirst(2))
            #expect(Set(body.map { $0[0] }) == ["JN\(y)-EDU-101", "JN\(y)-EDU-105"])
            #expect(body.filter { $0[0] == "JN\(y)-EDU-105" }.count == 4)

            // Sent back as it came: nothing to save.
            let same = try await upload(unit, roundPath + "/tasks", Data(buffer: exported.body), name: "list.xlsx")
            #expect(same.status == .ok && same.body.string.contains("已保存 0 个项目的填报；2 个项目未改动"), "\(same.body.string.prefix(600))")

            // Filled: the open project's indicators and its money explained; one wrong value, one change to a confirmed project.
            func filled(wrong: Bool) -> [[String]] {
                rows.enumerated().map { index, row in
                    var row = row
                    guard index >= 2 else { return row }
                    if row[0] == "JN\(y)-EDU-105" {
                        row[10] = "高层次人才引进协议年底前集中签约付款。"
                        row[15] = row[14].replacingOccurrences(of: "≥", with: "")
                        row[16] = row[14].replacingOccurrences(of: "≥", with: "")
                        row[17] = "确定能"
                        if wrong && row[11] == "2" { row[15] = "两个" }
                    }
                    if wrong && row[0] == "JN\(y)-EDU-101" && row[11] == "1" { row[15] = "100人次" }
                    return row
                }
            }
            let refused = try await upload(unit, roundPath + "/tasks", try workbook(filled(wrong: true)), name: "list.xlsx")
            let page = refused.body.string
            #expect(refused.status == .unprocessableEntity, "\(page.prefix(400))")
            #expect(page.contains("填报清单有 2 处错误"), "\(page.prefix(3000))")
            #expect(page.contains("1–7月执行情况") && page.contains("“两个”无法识别"))
            #expect(page.contains("任务处于“财政已确认”状态，不能修改"), "the confirmed project cannot change")
            #expect(try await TaskRow.find(open.id, on: app.db)?.lock_version == open.lock_version, "nothing saved")

            let saved = try await upload(unit, roundPath + "/tasks", try workbook(filled(wrong: false)), name: "list.xlsx")
            #expect(saved.status == .ok && saved.body.string.contains("已保存 1 个项目的填报；1 个项目未改动"), "\(saved.body.string.prefix(600))")
            let after = try #require(try await TaskRow.find(open.id, on: app.db))
            #expect(after.fund_explanation == "高层次人才引进协议年底前集中签约付款。")
            let progress = try await ProgressRow.of(tasks: [open.id], on: app.db)[open.id] ?? []
            #expect(progress.count == 4 && progress.allSatisfy { $0.progress.likelihood == .certain && !$0.progress.forecastText.isEmpty })

            // The first download again, changed otherwise: the task moved on since, so the stale file is refused.
            var stale = filled(wrong: false)
            for index in stale.indices where stale[index][0] == "JN\(y)-EDU-105" { stale[index][20] = "另行说明" }
            let refusedStale = try await upload(unit, roundPath + "/tasks", try workbook(stale), name: "list.xlsx")
            #expect(refusedStale.status == .unprocessableEntity && refusedStale.body.string.contains("在导出清单后已被修改"), "\(refusedStale.body.string.prefix(800))")
        }
    }

    @Test("a rescan rewrites only the warnings that changed; a money-only rescan judges the money and keeps the indicators' warnings",
          arguments: TestDatabase.all)
    func rescanWritesWhatChanged(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let context = DemoContext(database: app.db, bcryptCost: 4, threadPool: app.threadPool, effects: app.effects)
            _ = try await DemoGoals.load(on: app.db)
            _ = try await MonitoringDemo.load(context)
            let y = MonitoringDemo.year(at: app.effects.now())
            struct Round: Decodable { var id: UUID }
            let round = try #require(try await app.db.sql.select().column("id").from("monitoring_rounds").where("fiscal_year", .equal, SQLBind(y))
                .orderBy("created_at").first(decoding: Round.self)).id
            struct Stored: Decodable, Hashable { var id: UUID; var task_id: UUID; var rule: String; var indicator_id: UUID? }
            func warnings() async throws -> Set<Stored> {
                Set(try await app.db.sql.select().columns("id", "task_id", "rule", "indicator_id").from("monitoring_warnings")
                    .where("round_id", .equal, SQLBind(round)).all(decoding: Stored.self))
            }
            let before = try await warnings()
            let judged = try #require(before.first { $0.indicator_id != nil }, "the demo round has an indicator warning")
            let demoDay = CalendarDay(year: y, month: 8, day: 27)

            // Nothing changed: a full rescan and a money-only rescan leave every stored warning as it was (same ids).
            try await MonitoringScanner.rescan(round: round, today: demoDay, on: app.db)
            #expect(try await warnings() == before)
            try await MonitoringScanner.rescan(round: round, today: demoDay, reach: .taskFigures, on: app.db)
            #expect(try await warnings() == before)

            // The money of a task with an indicator warning drops to nothing spent: the money-only rescan adds the red
            // fund warning and keeps the indicator's warning (the task's warnings are rewritten as one set); other
            // tasks' rows stay as they were.
            try await app.db.sql.update("monitoring_tasks").set("allocated_fen", to: SQLBind(0)).set("spent_fen", to: SQLBind(0))
                .where("id", .equal, SQLBind(judged.task_id)).run()
            try await MonitoringScanner.rescan(round: round, today: demoDay, reach: .taskFigures, on: app.db)
            let after = try await warnings()
            let own = after.filter { $0.task_id == judged.task_id }
            #expect(own.contains { $0.rule == judged.rule && $0.indicator_id == judged.indicator_id }, "the indicator's warning is kept")
            #expect(own.count == before.filter { $0.task_id == judged.task_id && $0.rule != WarningRule.fundPace.rawValue }.count + 1)
            #expect(own.contains { $0.rule == WarningRule.fundPace.rawValue && $0.indicator_id == nil })
            #expect(after.filter { $0.task_id != judged.task_id } == before.filter { $0.task_id != judged.task_id })
            struct Colour: Decodable { var colour: String; var warning_count: Int }
            let task = try #require(try await app.db.sql.select().columns("colour", "warning_count").from("monitoring_tasks")
                .where("id", .equal, SQLBind(judged.task_id)).first(decoding: Colour.self))
            #expect(task.colour == "red" && task.warning_count == own.count)
        }
    }

    @Test("the set-based scan of a round finds what the domain's pass finds: warnings, their facts, colours and counts", arguments: TestDatabase.all)
    func setBasedScanAgreesWithDomain(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let context = DemoContext(database: app.db, bcryptCost: 4, threadPool: app.threadPool, effects: app.effects)
            _ = try await DemoGoals.load(on: app.db)
            _ = try await MonitoringDemo.load(context)
            let y = MonitoringDemo.year(at: app.effects.now())
            struct Round: Decodable { var id: UUID }
            let round = try #require(try await app.db.sql.select().column("id").from("monitoring_rounds").where("fiscal_year", .equal, SQLBind(y))
                .orderBy("created_at").first(decoding: Round.self)).id
            let demoDay = CalendarDay(year: y, month: 8, day: 27)
            struct Judged: Hashable { var task: UUID; var warning: MonitoringWarning }
            struct Colour: Decodable, Hashable { var id: UUID; var colour: String; var colour_rank: Int; var warning_count: Int }
            func state() async throws -> (warnings: Set<Judged>, ids: Set<UUID>, colours: Set<Colour>) {
                let rows = try await app.db.sql.select().columns(WarningRow.columns.map { SQLIdentifier($0) }).from("monitoring_warnings")
                    .where("round_id", .equal, SQLBind(round)).all(decoding: WarningRow.self)
                let colours = try await app.db.sql.select().columns("id", "colour", "colour_rank", "warning_count").from("monitoring_tasks")
                    .where("round_id", .equal, SQLBind(round)).all(decoding: Colour.self)
                return (Set(try rows.map { Judged(task: $0.task_id, warning: try #require($0.warning)) }), Set(rows.map(\.id)), Set(colours))
            }
            struct Task: Decodable { var id: UUID }
            let tasks = try await app.db.sql.select().column("id").from("monitoring_tasks").where("round_id", .equal, SQLBind(round))
                .orderBy("object_code").all(decoding: Task.self).map(\.id)
            #expect(tasks.count >= 6)

            // Changes made behind the commands' back, each of a kind the set-based scan judges differently: units that
            // doubt (有可能, 完全不可能) or no longer doubt, money that changes colour, forecasts not yet read, a task
            // left unsubmitted, and warnings lost.
            struct Progress: Decodable { var task_id: UUID; var indicator_id: UUID }
            let progress = try await app.db.sql.select().columns("task_id", "indicator_id").from("monitoring_progress")
                .where("task_id", .in, SQLGroupExpression(tasks.map { SQLBind($0) })).orderBy("task_id").orderBy("indicator_id")
                .all(decoding: Progress.self)
            #expect(progress.count >= 10)
            for (index, row) in progress.enumerated() {
                let likelihood = ["possible", "impossible", "certain", nil][index % 4]
                try await app.db.sql.update("monitoring_progress").set("likelihood", to: SQLBind(likelihood))
                    .set("forecast_misses", to: index % 5 == 0 ? SQLLiteral.null : SQLRaw("forecast_misses"))
                    .where("task_id", .equal, SQLBind(row.task_id)).where("indicator_id", .equal, SQLBind(row.indicator_id)).run()
            }
            try await app.db.sql.raw("UPDATE monitoring_tasks SET spent_fen = 0, allocated_fen = 0 WHERE id = \(bind: tasks[0])").run()
            try await app.db.sql.raw("UPDATE monitoring_tasks SET spent_fen = full_year_budget_fen, allocated_fen = full_year_budget_fen WHERE id = \(bind: tasks[1])").run()
            try await app.db.sql.raw("UPDATE monitoring_tasks SET state = 'pending', submitted_at = NULL WHERE id = \(bind: tasks[2])").run()
            try await app.db.sql.raw("DELETE FROM monitoring_warnings WHERE task_id = \(bind: tasks[3])").run()

            try await MonitoringScanner.rescan(round: round, today: demoDay, on: app.db)
            let setBased = try await state()
            struct Unread: Decodable { var n: Int }
            #expect(try await app.db.sql.raw("SELECT COUNT(*) AS n FROM monitoring_progress WHERE forecast_misses IS NULL").first(decoding: Unread.self)?.n == 0,
                    "forecasts the domain read are stored as read")
            try await MonitoringScanner.rescan(round: round, today: demoDay, streaming: true, on: app.db)
            let domain = try await state()
            #expect(setBased.warnings == domain.warnings, "only set-based: \(setBased.warnings.subtracting(domain.warnings)); only domain: \(domain.warnings.subtracting(setBased.warnings))")
            #expect(setBased.ids == domain.ids, "the domain's pass found nothing to rewrite")
            #expect(setBased.colours == domain.colours)
            #expect(domain.warnings.contains { $0.warning.rule == .likelihoodImpossible } && domain.warnings.contains { $0.warning.rule == .likelihoodPossible })
            #expect(domain.warnings.contains { $0.task == tasks[0] && $0.warning.rule == .fundPace && $0.warning.level == .red })
            #expect(domain.warnings.contains { $0.task == tasks[2] && $0.warning.rule == .notReported })
            #expect(!domain.warnings.contains { $0.task == tasks[1] && $0.warning.rule == .fundPace })
            try await expectTalliesMatchTasks(app.db)
        }
    }

    @Test("the day after the deadline the first look at the round queues one scan that turns unreported tasks red", arguments: TestDatabase.all)
    func deadlinePasses(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            _ = try await DemoGoals.load(on: app.db)
            app.effects = app.effects.fixed(now: Date(timeIntervalSince1970: 1_817_855_000))   // 2027-08-10 ≈ 10:23 CST
            let finance = try await APIClient.signIn(app, "perf-officer", DemoData.password)
            app.jobWorkers.start(app)
            let created = try await finance.send(.POST, "/api/v1/monitoring/rounds", json: ["fiscalYear": 2027, "periodEnd": "2027-07-31", "deadline": "2027-08-20"])
            #expect(created.status == .created, "\(created.body.string)")
            struct Round: Decodable { var id: UUID; var jobID: UUID? }
            let round = try created.content.decode(Round.self)
            _ = try await JobQueue.wait(for: try #require(round.jobID), upTo: .seconds(30), app: app, on: app.db)
            struct Colour: Decodable { var colour: String; var state: String }
            func colours() async throws -> [Colour] {
                try await app.db.sql.select().column("colour").column("state").from("monitoring_tasks").where("round_id", .equal, SQLBind(round.id))
                    .all(decoding: Colour.self)
            }
            #expect(try await colours().allSatisfy { $0.colour == "green" })
            struct Job: Decodable { var id: UUID }
            func scans() async throws -> [Job] {
                try await app.db.sql.select().column("id").from(JobQueue.table).where("kind", .equal, SQLBind(MonitoringDeadlineScan.kind)).all(decoding: Job.self)
            }
            #expect(try await finance.send(.GET, "/api/v1/monitoring/rounds/\(round.id)").status == .ok)
            #expect(try await scans().isEmpty, "before the deadline nothing is queued")

            // 22 August: the first look scans this small round at once; every task nobody reported is red and says why.
            app.effects = app.effects.fixed(now: Date(timeIntervalSince1970: 1_818_891_800))
            #expect(try await finance.send(.GET, "/api/v1/monitoring/rounds/\(round.id)").status == .ok)
            let after = try await colours()
            #expect(!after.isEmpty && after.allSatisfy { $0.colour == "red" && $0.state == MonitoringTaskState.pending.rawValue })
            #expect(try await scans().isEmpty)
            // The next day a large round's look queues a job instead (once), which any worker runs.
            app.effects = app.effects.fixed(now: Date(timeIntervalSince1970: 1_818_891_800 + 86_400))
            var large = try #require(try await RoundRow.find(round.id, on: app.db))
            large.task_count = MonitoringDeadlineScan.inlineLimit + 1
            let caller = try await personCaller(app, "perf-officer")
            try await MonitoringDeadlineScan.catchUp(large, by: caller, on: app.db)
            try await MonitoringDeadlineScan.catchUp(large, by: caller, on: app.db)
            let queued = try await scans()
            #expect(queued.count == 1)
            _ = try await JobQueue.wait(for: try #require(queued.first?.id), upTo: .seconds(30), app: app, on: app.db)
            #expect(try await jobRow(app, try #require(queued.first?.id)).jobState == .succeeded)
            struct Rule: Decodable { var rule: String }
            let rules = try await app.db.sql.select().column("rule").from("monitoring_warnings").where("round_id", .equal, SQLBind(round.id)).all(decoding: Rule.self)
            #expect(rules.count == after.count && rules.allSatisfy { $0.rule == "not_reported" })
        }
    }
}
