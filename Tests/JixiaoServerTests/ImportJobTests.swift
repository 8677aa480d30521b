import Fluent
import SQLKit
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import JixiaoServer
import JixiaoDomain

@Suite("Import jobs: progress and outcome of large files")
struct ImportJobTests {
    /// A list of `projects` projects with four indicators each, for `unit`.
    func list(_ prefix: String, projects: Int, unit: String = "990000-101-01") -> ByteBuffer {
        var csv = GoalListColumn.exported.map(\.title).joined(separator: ",") + "\n"
        let indicators = [("产出指标", "数量指标", "受益人数", "≥100人次", "40"), ("产出指标", "质量指标", "验收合格率", "=100%", "20"),
                          ("效益指标", "社会效益指标", "服务覆盖率", "≥90%", "20"), ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "20")]
        for n in 1...projects {
            for i in indicators {
                csv += ["\(prefix)-\(n)", "项目\(n)", unit, "", "2027", "一般公共预算", "一次性", "", "10", "完成年度任务", i.0, i.1, i.2, i.3, i.4, "计划标准", ""]
                    .joined(separator: ",") + "\n"
            }
        }
        return ByteBuffer(string: csv)
    }

    func poll(_ client: APIClient, _ location: String) async throws -> ImportJobDTO {
        for _ in 0..<200 {
            let job = try await client.send(.GET, location).content.decode(ImportJobDTO.self)
            if ImportProgress.Phase(rawValue: job.phase)?.isFinished == true { return job }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the import job did not finish")
        throw Abort(.internalServerError)
    }

    @Test("batch release covers every approved goal in one transaction: all or none", arguments: TestDatabase.all)
    func batchRelease(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            // setup: 620 approved goals (more than one page of the queue) in the education department
            let unit = try await APIClient.signIn(app, "unit-officer", DemoData.password)
            let imported = try await unit.send(.POST, "/api/v1/goals/import", body: list("R", projects: 620), contentType: .binary)
            #expect(imported.status == .created)
            try await app.db.sql.raw("UPDATE goal_versions SET state = 'approved' WHERE budget_object_id IN (SELECT id FROM budget_objects WHERE code LIKE 'R-%')").run()
            try await app.db.sql.raw("UPDATE budget_objects SET current_state = 'approved' WHERE code LIKE 'R-%'").run()
            let budget = try await APIClient.signIn(app, "budget-officer", DemoData.password)

            // One goal was submitted by the budget officer itself (four eyes): the whole batch is refused, nothing released.
            let budgetOfficer = try #require(try await UserModel.query(on: app.db).filter(\.$username == "budget-officer").first())
            let one = try #require(try await BudgetObjectModel.query(on: app.db).filter(\.$code == "R-40").first())
            let transition = GoalTransitionModel()
            transition.versionID = one.currentVersionID; transition.action = "submit"; transition.fromState = "draft"; transition.toState = "submitted"
            transition.actorUserID = budgetOfficer.id!; transition.actorName = "张伟"; transition.opinion = ""; transition.occurredAt = Date()
            try await transition.create(on: app.db)
            let refused = try await budget.send(.POST, "/api/v1/goals/release", json: ["fiscalYear": 2027, "underCode": "990000-101"])
            #expect(refused.status == .forbidden && budget.errorCode(refused) == "own_submission", "\(refused.body.string)")
            #expect(try await BudgetObjectModel.query(on: app.db).filter(\.$currentState == "released").filter(\.$code, .custom("LIKE"), "R-%").count() == 0)

            // Without it, all 620 are released at once.
            try await transition.delete(on: app.db)
            let released = try await budget.send(.POST, "/api/v1/goals/release", json: ["fiscalYear": 2027, "underCode": "990000-101"])
            #expect(try released.content.decode(ReleaseResponse.self).released == 620, "\(released.body.string)")
            #expect(try await BudgetObjectModel.query(on: app.db).filter(\.$currentState == "released").filter(\.$code, .custom("LIKE"), "R-%").count() == 620)
            #expect(try await currentVersionMismatches(app).isEmpty)
            #expect(try await auditActions(app).filter { $0 == "goal.release" }.count == 1, "one audit entry for the batch")
        }
    }

    @Test("a job whose runner died is taken up again, and after its last attempt shows interrupted at once", arguments: TestDatabase.all)
    func deadRunnersJobs(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            // setup: jobs left running by a process of this host that has exited, and by runners still alive
            let caller = try await personCaller(app, "unit-officer")
            let host = ProcessInfo.processInfo.hostName, now = Date()
            let dead = "\(host):99999999#earlier1"
            let file = ImportJobService.Parameters(fileName: "清单.xlsx")
            func job(_ runner: String, attempts: Int, input: ByteBuffer? = nil) async throws -> UUID {
                try await insertRunningJob(app, kind: ImportJobService.kind, caller: caller, parameters: file, input: input,
                                           runner: runner, attempts: attempts, heartbeat: now)
            }
            let givenUp = try await job(dead, attempts: 2)
            let retried = try await job(dead, attempts: 1, input: list("RQ", projects: 2))
            let sameProcess = try await job("\(host):\(ProcessInfo.processInfo.processIdentifier)#otherapp", attempts: 1)
            let otherHost = try await job("another-host:42#abcdefgh", attempts: 1)
            // act: what a starting worker does first
            #expect(try await JobQueue.reap(app: app, on: app.db) == 2, "no need to wait for the heartbeat of a process that is gone")
            // check
            #expect(try await jobRow(app, givenUp).jobState == .interrupted)
            #expect(try await jobRow(app, retried).jobState == .queued)
            #expect(try await jobRow(app, sameProcess).jobState == .running, "another worker of a living process keeps its job")
            #expect(try await jobRow(app, otherHost).jobState == .running, "another host's job waits for its heartbeat to go stale")
            // The job queued again runs to its end from the file kept in its row.
            #expect(try await app.jobWorkers.runNext(app))
            let rerun = try await jobRow(app, retried)
            #expect(rerun.jobState == .succeeded && rerun.attempts == 2)
            #expect(try await BudgetObjectModel.query(on: app.db).filter(\.$code, .custom("LIKE"), "RQ-%").count() == 2)
            // The page says so at once rather than "checking 39 %".
            let browser = Browser(app)
            try await browser.signIn("unit-officer", DemoData.password)
            let page = try await browser.get("/goals/import/jobs/\(givenUp)").body.string
            #expect(page.contains("已中断") && !page.contains("39%") && !page.contains("39 %") && !page.contains("<progress"), "no stale percentage")
        }
    }

    @Test("with Prefer: respond-async the API answers 202 and the job says how it ended", arguments: TestDatabase.all)
    func asyncAPI(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let unit = try await APIClient.signIn(app, "unit-officer", DemoData.password)
            let accepted = try await unit.send(.POST, "/api/v1/goals/import", body: list("J", projects: 300), contentType: .binary,
                                               headers: ["Prefer": "respond-async"])
            #expect(accepted.status == .accepted)
            let location = try #require(accepted.headers.first(name: .location))
            #expect(location.hasPrefix("/api/v1/import-jobs/"))
            let first = try accepted.content.decode(ImportJobDTO.self)
            #expect(!(ImportProgress.Phase(rawValue: first.phase)?.isFinished ?? true) || first.phase == "succeeded")
            let done = try await poll(unit, location)
            #expect(done.phase == "succeeded" && done.imported == 300 && done.percent == 100)
            #expect(try await BudgetObjectModel.query(on: app.db).filter(\.$code, .custom("LIKE"), "J-%").count() == 300)
            #expect(try await currentVersionMismatches(app).isEmpty)

            // Only the person who sent the file sees its job.
            let other = try await APIClient.signIn(app, "dept-officer", DemoData.password)
            #expect(try await other.send(.GET, location).status == .notFound)

            // A file with errors ends as failed, with every error by row and column, and nothing saved.
            var bad = list("K", projects: 50)
            bad.writeString("K-51,坏项目,990000-101-01,,2027,一般公共预算,一次性,,abc,目标,产出指标,数量指标,人数,10人,100,计划标准,\n")
            let failed = try await unit.send(.POST, "/api/v1/goals/import", body: bad, contentType: .binary, headers: ["Prefer": "respond-async"])
            let ended = try await poll(unit, try #require(failed.headers.first(name: .location)))
            #expect(ended.phase == "failed" && ended.imported == nil)
            let details = try #require(ended.error).details
            #expect(details.contains { ($0.location ?? "").contains("第 202 行") && ($0.location ?? "").contains("申请金额") })
            #expect(try await BudgetObjectModel.query(on: app.db).filter(\.$code, .custom("LIKE"), "K-%").count() == 0)

            // Without the header the same endpoint waits and answers as before.
            let waited = try await unit.send(.POST, "/api/v1/goals/import", body: list("W", projects: 3), contentType: .binary)
            #expect(waited.status == .created)
            #expect(try waited.content.decode(ImportResponse.self).imported == 3)
        }
    }

    @Test("the job page shows the bar while running, refreshes itself, and names the outcome", arguments: TestDatabase.all)
    func jobPage(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let browser = Browser(app)
            try await browser.signIn("unit-officer", DemoData.password)
            // A job another process is saving right now (on its last attempt).
            let running = try await insertRunningJob(app, kind: ImportJobService.kind, caller: try await personCaller(app, "unit-officer"),
                                                     parameters: ImportJobService.Parameters(fileName: "全省清单.xlsx"), runner: "another-host:42#abcdefgh",
                                                     attempts: 2, heartbeat: Date(), progress: JobProgress(phase: "saving", done: 500, total: 2_000))
            let page = try await browser.get("/goals/import/jobs/\(running.uuidString)").body.string
            #expect(page.contains("正在保存") && page.contains("55%") && page.contains("已保存 500 / 2000 个项目"))
            #expect(page.contains("http-equiv=\"refresh\""), "a running job's page reloads itself")
            #expect(page.contains("<progress"))

            // The same job, its heartbeat an hour old: that process is gone, and the job says so.
            try await app.db.sql.update(JobQueue.table).set("heartbeat_at", to: SQLBind(Date().addingTimeInterval(-3_600)))
                .where("id", .equal, SQLBind(running)).run()
            let interrupted = try await browser.get("/goals/import/jobs/\(running.uuidString)").body.string
            #expect(interrupted.contains("已中断") && interrupted.contains("均未导入"), "\(interrupted.suffix(1500))")
            #expect(!interrupted.contains("http-equiv=\"refresh\""))

            // A small file is answered on the spot, and the import page lists the person's recent jobs.
            let form = try await browser.get("/goals/import").body.string
            #expect(form.contains("最近的导入") && form.contains("全省清单.xlsx"))
            let other = Browser(app)
            try await other.signIn("dept-officer", DemoData.password)
            #expect(try await other.get("/goals/import/jobs/\(running.uuidString)").status == .notFound)
        }
    }
}
