import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import JixiaoServer
import JixiaoDomain

private struct Year: Decodable { var id: UUID; var state: String; var evaluationCount: Int; var lockVersion: Int; var jobID: UUID?; var rulesVersion: Int }
private struct Page: Decodable {
    struct Item: Decodable { var id: UUID; var code: String; var isSummary: Bool; var assignee: String; var state: String; var total: String?; var grade: String?; var stopped: String? }
    var total: Int
    var items: [Item]
}
private struct Evaluation: Decodable {
    struct Row: Decodable {
        var indicatorID: UUID; var name: String?; var target: String?; var weight: String?; var points: String?; var words: String?; var met: Bool?
        var lastForecast: String?; var isOverride: Bool?
    }
    struct Finding: Decodable { var kind: String; var row: Int?; var text: String }
    struct Demand: Decodable { var field: String?; var message: String }
    var id: UUID, state: String, lockVersion: Int, total: String?, grade: String?, executionRate: String?, budgetPoints: String?, budgetWords: String?
    var fullYearBudgetWanYuan: String, rows: [Row], findings: [Finding], demands: [Demand], stopped: String?, rulesVersion: Int
}

/// The body as `type`, or an issue that shows what came instead.
private func decoded<T: Decodable>(_ response: TestingHTTPResponse, _ type: T.Type, sourceLocation: SourceLocation = #_sourceLocation) throws -> T {
    do { return try response.content.decode(T.self) } catch {
        Issue.record("\(response.status): \(response.body.string)", sourceLocation: sourceLocation)
        throw error
    }
}

/// A moment in Beijing time.
private func beijing(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 10) -> Date {
    var components = DateComponents(year: year, month: month, day: day, hour: hour)
    components.timeZone = TimeZone(identifier: "Asia/Shanghai")
    return Calendar(identifier: .gregorian).date(from: components)!
}

@Suite("Self-evaluation of a year end to end: open, fill in, score with words, refuse bad input, submit, return, confirm")
struct SelfEvaluationTests {
    /// The 2027 demo goals released: 公立医院综合改革补助 (HLT-001, seven weighted indicators adding up to 100), 农业科技推广示范
    /// (AGR-001, in force while its adjustment is a draft) and the transfer payment TP-001 with regional goals for 临江市
    /// and 青山市 — five self-evaluations, the issuer's summary of TP-001 among them.
    @Test("the 2027 demo year, on both engines", arguments: TestDatabase.all)
    func yearEndToEnd(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            // setup: the demo goals; it is 15 January 2028 in China
            _ = try await DemoGoals.load(on: app.db)
            app.effects = app.effects.fixed(now: beijing(2028, 1, 15))
            let admin = try await APIClient.signIn(app, "province-admin", DemoData.password)
            let finance = try await APIClient.signIn(app, "perf-officer", DemoData.password)
            let city = try await APIClient.signIn(app, "city-perf", DemoData.password)
            let otherUnit = try await APIClient.signIn(app, "unit-officer", DemoData.password)
            let hospital = try await monitoringPerson(app, admin: admin, username: "hospital-self", organization: "990000-102-01", roles: ["unit_officer"])
            let health = try await monitoringPerson(app, admin: admin, username: "health-review", organization: "990000-102", roles: ["department_officer"])
            app.jobWorkers.start(app)

            // act: the province opens the year; a job makes the forms
            #expect(try await otherUnit.send(.POST, "/api/v1/self-evaluation/years", json: ["fiscalYear": 2027, "deadline": "2028-03-31"]).status == .forbidden)
            let early = try await finance.send(.POST, "/api/v1/self-evaluation/years", json: ["fiscalYear": 2028, "deadline": "2028-03-31"])
            #expect(early.status == .unprocessableEntity && early.body.string.contains("fiscalYear"), "\(early.body.string)")
            let created = try await finance.send(.POST, "/api/v1/self-evaluation/years", json: ["fiscalYear": 2027, "deadline": "2028-03-31"])
            #expect(created.status == .created, "\(created.body.string)")
            let opening = try decoded(created, Year.self)
            let jobID = try #require(opening.jobID)
            let job = try #require(try await JobQueue.wait(for: jobID, upTo: .seconds(30), app: app, on: app.db))
            #expect(job.jobState == .succeeded)
            let year = try decoded(try await finance.send(.GET, "/api/v1/self-evaluation/years/\(opening.id)"), Year.self)
            #expect(year.state == "open" && year.evaluationCount == 5, "\(year)")
            #expect(year.rulesVersion == 0, "no bureau set its own rules: the policy's")

            // check: the same year again is refused, by the province and by a city inside its area
            let again = try await finance.send(.POST, "/api/v1/self-evaluation/years", json: ["fiscalYear": 2027, "deadline": "2028-03-31"])
            #expect(again.status == .conflict && finance.errorCode(again) == "evaluation_year_duplicate")
            let inside = try await city.send(.POST, "/api/v1/self-evaluation/years", json: ["fiscalYear": 2027, "deadline": "2028-03-31"])
            #expect(inside.status == .conflict && city.errorCode(inside) == "evaluation_year_overlap", "\(inside.body.string)")

            // Each sees its own: finance all five, the city its region of TP-001, the hospital its project, another unit nothing.
            func page(_ client: APIClient, _ query: String = "") async throws -> Page {
                try decoded(try await client.send(.GET, "/api/v1/self-evaluation/years/\(year.id)/evaluations\(query)"), Page.self)
            }
            let all = try await page(finance)
            #expect(all.total == 5 && all.items.map(\.code).filter { $0 == "JN2027-TP-001" }.count == 3)
            #expect(all.items.filter(\.isSummary).map(\.code) == ["JN2027-TP-001"])
            #expect(try await page(city).items.map(\.assignee) == ["临江市财政局"])
            let own = try await page(hospital)
            #expect(own.items.map(\.code) == ["JN2027-HLT-001"])
            let formID = try #require(own.items.first?.id)
            #expect(try await otherUnit.send(.GET, "/api/v1/self-evaluations/\(formID)").status == .notFound)
            // A unit with nothing to evaluate in the year does not see the year at all.
            #expect(try await otherUnit.send(.GET, "/api/v1/self-evaluation/years/\(year.id)/evaluations").status == .notFound)

            // The form: the goal's weights (100 in all) scaled to the 90 the budget block leaves.
            var form = try decoded(try await hospital.send(.GET, "/api/v1/self-evaluations/\(formID)"), Evaluation.self)
            #expect(form.rows.map(\.weight) == ["18", "9", "9", "9", "18", "9", "18"])
            #expect(form.fullYearBudgetWanYuan == "5600.00" || form.fullYearBudgetWanYuan == "5600")
            #expect(form.demands.contains { $0.field == "executed" } && form.demands.contains { $0.field == "rows[1].actual" })
            let ids = form.rows.map(\.indicatorID)

            // Bad input: each refused with its field, nothing saved.
            func rows(_ values: [[String: any Sendable]]) -> [[String: any Sendable]] {
                zip(ids, values).map { id, value in value.merging(["indicatorID": id.uuidString]) { a, _ in a } }
            }
            let good: [[String: any Sendable]] = [
                ["actual": "58个"], ["band": "achieved", "bandPoints": "8"], ["actual": "2027年6月20日"], ["actual": "1.15万元"],
                ["actual": "8天"], ["actual": "27%"], ["actual": "88%"],
            ]
            var bad = good
            bad[0] = ["actual": "很多"]
            bad[1] = ["band": "partly", "bandPoints": "8.5"]
            bad[3] = ["actual": "1.15万元", "overridePoints": "8"]
            let refused = try await hospital.send(.PUT, "/api/v1/self-evaluations/\(formID)",
                                                  json: ["lockVersion": form.lockVersion, "executedWanYuan": "5476.8", "rows": rows(bad)])
            #expect(refused.status == .unprocessableEntity, "\(refused.body.string)")
            for field in ["rows[1].actual", "rows[2].bandPoints", "rows[4].reason"] {
                #expect(refused.body.string.contains(field), "\(field) in \(refused.body.string)")
            }
            #expect(refused.body.string.contains("5.40") && refused.body.string.contains("7.20"), "the band's bounds for a weight of 9: [60 %, 80 %)")
            let unchanged = try decoded(try await hospital.send(.GET, "/api/v1/self-evaluations/\(formID)"), Evaluation.self)
            #expect(unchanged.lockVersion == form.lockVersion && unchanged.total == form.total)

            // A good save: scored on the server with every deduction explained.
            let saved = try await hospital.send(.PUT, "/api/v1/self-evaluations/\(formID)",
                                                json: ["lockVersion": form.lockVersion, "executedWanYuan": "5476.8", "narrative": "全年目标基本完成。",
                                                       "rows": rows(good)])
            form = try decoded(saved, Evaluation.self)
            #expect(form.executionRate == "97.80%" && form.budgetPoints == "9.78")
            #expect(form.rows.map(\.points) == ["17.40", "8.00", "9.00", "9.00", "16.88", "9.00", "17.22"])
            // 9.78 + 17.4 + 8 + 9 + 9 + 16.875 + 9 + 17.2173913… = 96.2723913…
            #expect(form.total == "96.27" && form.grade == "优")
            // The save kept its rows' compact copy at the rows' new version: the year's check reads that, not the rows.
            struct Copy: Decodable { var current: Int }
            let copy = try await app.db.sql.raw("""
                SELECT CASE WHEN c.rows_version = e.rows_version THEN 1 ELSE 0 END AS current
                FROM self_evaluations e JOIN self_evaluation_compact_rows c ON c.evaluation_id = e.id WHERE e.id = \(bind: formID)
                """).first(decoding: Copy.self)
            #expect(copy?.current == 1)
            #expect(form.rows[6].words == "门诊患者满意度：目标 ≥92%，实际 88% → 88 ÷ 92 × 18 = 17.22", "\(form.rows[6].words ?? "-")")
            #expect(form.rows[4].words?.contains("7.5 ÷ 8 × 18 = 16.88") == true)
            #expect(form.rows[2].words?.contains("按期完成") == true)
            // The unmet ones still need their explanation before submission.
            #expect(Set(form.demands.compactMap(\.field)) == ["rows[1].explanation", "rows[5].explanation", "rows[7].explanation"], "\(form.demands)")
            let early2 = try await hospital.send(.POST, "/api/v1/self-evaluations/\(formID)/transitions", json: ["action": "submit", "lockVersion": form.lockVersion])
            #expect(early2.status == .unprocessableEntity && hospital.errorCode(early2) == "evaluation_incomplete", "\(early2.body.string)")
            #expect(early2.body.string.contains("rows[7].explanation"))

            var explained = good
            for index in [0, 4, 6] { explained[index]["explanation"] = "受设备到位时间影响未完全达成，已调整排期。" }
            form = try decoded(try await hospital.send(.PUT, "/api/v1/self-evaluations/\(formID)",
                                                       json: ["lockVersion": form.lockVersion, "rows": rows(explained)]), Evaluation.self)
            #expect(form.demands.isEmpty && form.total == "96.27")
            form = try decoded(try await hospital.send(.POST, "/api/v1/self-evaluations/\(formID)/transitions",
                                                       json: ["action": "submit", "lockVersion": form.lockVersion]), Evaluation.self)
            #expect(form.state == "submitted")
            let locked = try await hospital.send(.PUT, "/api/v1/self-evaluations/\(formID)", json: ["lockVersion": form.lockVersion, "narrative": "改"])
            #expect(locked.status == .conflict && hospital.errorCode(locked) == "evaluation_not_editable")

            // The department returns it with an opinion, the unit submits again, the department and finance confirm.
            let noOpinion = try await health.send(.POST, "/api/v1/self-evaluations/\(formID)/transitions", json: ["action": "department_return", "lockVersion": form.lockVersion])
            #expect(noOpinion.status == .unprocessableEntity)
            form = try decoded(try await health.send(.POST, "/api/v1/self-evaluations/\(formID)/transitions",
                                                     json: ["action": "department_return", "lockVersion": form.lockVersion, "opinion": "请补充住院日未达标的原因。"]),
                               Evaluation.self)
            #expect(form.state == "returned")
            form = try decoded(try await hospital.send(.POST, "/api/v1/self-evaluations/\(formID)/transitions",
                                                       json: ["action": "submit", "lockVersion": form.lockVersion]), Evaluation.self)
            let early3 = try await finance.send(.POST, "/api/v1/self-evaluations/\(formID)/transitions", json: ["action": "finance_confirm", "lockVersion": form.lockVersion])
            #expect(early3.status == .conflict, "finance after the department")
            form = try decoded(try await health.send(.POST, "/api/v1/self-evaluations/\(formID)/transitions",
                                                     json: ["action": "department_confirm", "lockVersion": form.lockVersion]), Evaluation.self)
            form = try decoded(try await finance.send(.POST, "/api/v1/self-evaluations/\(formID)/transitions",
                                                      json: ["action": "finance_confirm", "lockVersion": form.lockVersion]), Evaluation.self)
            #expect(form.state == "financeConfirmed" || form.state == "finance_confirmed", "\(form.state)")

            // The year's quality check (a job): nothing to correct after the commands; a score written behind their back is put right.
            struct Check: Decodable { var forms: Int; var rows: Int; var corrected: Int; var unscorable: Int; var notFilledIn: Int; var withFindings: Int; var findingsByRule: [String: Int] }
            let byUnit = try await hospital.send(.POST, "/api/v1/self-evaluation/years/\(year.id)/check")
            #expect(byUnit.status == .forbidden || byUnit.status == .notFound, "\(byUnit.status)")
            var check = try decoded(try await finance.send(.POST, "/api/v1/self-evaluation/years/\(year.id)/check"), Check.self)
            #expect(check.forms == 5 && check.corrected == 0 && check.unscorable == 0 && check.notFilledIn == 4, "\(check)")
            #expect(check.rows >= 7 && check.findingsByRule.values.reduce(0, +) >= 0)
            // Asked to answer at once, the check names its job and where to follow it; the job tells how it ended to the one
            // who queued it, and to no one else.
            let queued = try await finance.send(.POST, "/api/v1/self-evaluation/years/\(year.id)/check", headers: ["Prefer": "respond-async"])
            #expect(queued.status == .accepted)
            let location = try #require(queued.headers.first(name: .location))
            struct JobStatus: Decodable { var kind: String; var state: String; var done: Int; var outcome: Check?; var error: [String: String]? }
            var followed = try decoded(try await finance.send(.GET, location), JobStatus.self)
            for _ in 0..<200 where followed.state != "succeeded" {
                try await Task.sleep(for: .milliseconds(50))
                followed = try decoded(try await finance.send(.GET, location), JobStatus.self)
            }
            #expect(followed.kind == "self_evaluation.check_year" && followed.state == "succeeded" && followed.outcome?.forms == 5 && followed.error == nil,
                    "\(followed)")
            #expect(try await hospital.send(.GET, location).status == .notFound)
            #expect(try await finance.send(.GET, "/api/v1/jobs/\(UUID())").status == .notFound)
            try await app.db.sql.raw("UPDATE self_evaluations SET total = '1', total_cents = 100, grade = '差' WHERE id = \(bind: formID)").run()
            try await app.db.sql.raw("UPDATE self_evaluation_rows SET points = '0' WHERE evaluation_id = \(bind: formID) AND position = 6").run()
            #expect(try await page(finance, "?grade=优").items.isEmpty, "the list reads what is stored")
            check = try decoded(try await finance.send(.POST, "/api/v1/self-evaluation/years/\(year.id)/check"), Check.self)
            #expect(check.corrected == 1, "\(check)")
            struct Stored: Decodable { var total_cents: Int?; var grade: String? }
            let stored = try await app.db.sql.raw("SELECT total_cents, grade FROM self_evaluations WHERE id = \(bind: formID)").first(decoding: Stored.self)
            #expect(stored?.total_cents == 9627 && stored?.grade == "优", "\(String(describing: stored))")
            struct Points: Decodable { var points: String? }
            let points = try await app.db.sql.raw("SELECT points FROM self_evaluation_rows WHERE evaluation_id = \(bind: formID) AND position = 6").first(decoding: Points.self)
            #expect(points?.points?.hasPrefix("17.217") == true, "\(String(describing: points))")
            #expect(try decoded(try await finance.send(.POST, "/api/v1/self-evaluation/years/\(year.id)/check"), Check.self).corrected == 0)
            // The checks before kept a compact copy of the filled-in form's rows: the next check settles every form the compact
            // way, nothing is left to the general way.
            let chunk = try #require(try await SelfEvaluationYearCheck.idChunks(year.id, on: app.db).first)
            func compact() async throws -> [SelfEvaluationBulkRead.CompactItem] {
                try await SelfEvaluationBulkRead.readCompact(year: year.id, from: try #require(chunk.first), to: try #require(chunk.last), on: app.db)
            }
            let ordinary = try await EvaluationIndicatorRow.of(formID, on: app.db)
            guard case .rows(let copied)? = try await compact().first(where: { $0.id == formID })?.rows else { Issue.record("no compact copy"); return }
            #expect(copied.count == ordinary.count && copied.map(\.weight) == ordinary.map { FixedPoint(text: $0.weight.utf8) })
            var settled = SelfEvaluationYearCheck.settle(try await compact())
            #expect(settled.general.isEmpty && settled.uncopied.isEmpty && settled.outcome.forms == 5 && settled.outcome.notFilledIn == 4, "\(settled)")
            // A row changed behind the commands' back outdates its form's copy (the trigger): the general way reads that form,
            // finds it as stored, and makes its copy again.
            try await app.db.sql.raw("UPDATE self_evaluation_rows SET explanation = '行外改写' WHERE evaluation_id = \(bind: formID) AND position = 1").run()
            settled = SelfEvaluationYearCheck.settle(try await compact())
            #expect(settled.general == [formID] && settled.uncopied == [formID], "\(settled)")
            var scored = try await SelfEvaluationYearCheck.checkChunk(chunk, year: year.id, on: app.db)
            #expect(scored.copies.map(\.evaluationID) == [formID] && scored.corrections.isEmpty && scored.outcome.forms == 5)
            await SelfEvaluationBulkRead.keep(scored.copies, on: app.db)
            #expect(SelfEvaluationYearCheck.settle(try await compact()).general.isEmpty)
            // A copy that does not read (another format, cut short) counts as none and is made again.
            try await app.db.sql.raw("UPDATE self_evaluation_compact_rows SET rows = \(bind: Data([9, 9])) WHERE evaluation_id = \(bind: formID)").run()
            settled = SelfEvaluationYearCheck.settle(try await compact())
            #expect(settled.general == [formID] && settled.uncopied == [formID], "\(settled)")
            await SelfEvaluationBulkRead.keep(try await SelfEvaluationYearCheck.checkChunk(chunk, year: year.id, on: app.db).copies, on: app.db)
            #expect(SelfEvaluationYearCheck.settle(try await compact()).general.isEmpty, "the copy at the same version is replaced")
            // A row's points changed by hand: the copy is behind, the general way puts the points right.
            try await app.db.sql.raw("UPDATE self_evaluation_rows SET points = '3' WHERE evaluation_id = \(bind: formID) AND position = 2").run()
            scored = try await SelfEvaluationYearCheck.checkChunk(chunk, year: year.id, on: app.db)
            #expect(scored.corrections.map(\.form.id) == [formID] && scored.copies.map(\.evaluationID) == [formID])
            // Rows changed again between the read and the write: the correction (made from the rows as read) is not written.
            try await app.db.sql.raw("UPDATE self_evaluation_rows SET explanation = '又改' WHERE evaluation_id = \(bind: formID) AND position = 3").run()
            #expect(try await SelfEvaluationYearCheck.write(scored.corrections, year: year.id, audit: nil, on: app.db) == 0)
            // A control character typed into a field does not fit the packed read of the general way: that form is read the
            // ordinary way.
            try await app.db.sql.raw("UPDATE self_evaluation_rows SET explanation = \(bind: "原因\u{1F}说明\u{1E}") WHERE evaluation_id = \(bind: formID) AND position = 0").run()
            let general = try await SelfEvaluationBulkRead.read([formID], year: year.id, on: app.db)
            #expect(general.readOrdinarily == 1 && general.rows[formID]?.first?.explanation == "原因\u{1F}说明\u{1E}")
            check = try decoded(try await finance.send(.POST, "/api/v1/self-evaluation/years/\(year.id)/check"), Check.self)
            #expect(check.forms == 5 && check.corrected == 1 && check.notFilledIn == 4, "\(check)")
            // The correction kept the copy of the rows it wrote: the compact way settles every form again.
            settled = SelfEvaluationYearCheck.settle(try await compact())
            #expect(settled.general.isEmpty && settled.uncopied.isEmpty, "\(settled)")
            #expect(try decoded(try await finance.send(.POST, "/api/v1/self-evaluation/years/\(year.id)/check"), Check.self).corrected == 0)

            // Finance's list by grade; the audit trail tells the story.
            #expect(try await page(finance, "?grade=优").items.map(\.code) == ["JN2027-HLT-001"])
            #expect(try await page(finance, "?state=pending").total == 4)
            // Closing makes the four never filled in 未报送 — still nothing to score.
            let open = try decoded(try await finance.send(.GET, "/api/v1/self-evaluation/years/\(year.id)"), Year.self)
            let closed = try await finance.send(.POST, "/api/v1/self-evaluation/years/\(year.id)/close", json: ["lockVersion": open.lockVersion, "confirm": true])
            #expect(closed.status == .ok, "\(closed.body.string)")
            check = try decoded(try await finance.send(.POST, "/api/v1/self-evaluation/years/\(year.id)/check"), Check.self)
            #expect(check.corrected == 0 && check.notFilledIn == 4, "\(check)")
            #expect(try await page(finance, "?grade=差").total == 0)
            let actions = try await auditActions(app)
            for action in ["self_evaluation.year_created", "self_evaluation.year_opened", "self_evaluation.saved", "self_evaluation.submit",
                           "self_evaluation.department_return", "self_evaluation.finance_confirm", "self_evaluation.check_queued", "self_evaluation.checked", "self_evaluation.scores_corrected"] {
                #expect(actions.contains(action), "\(action)")
            }
        }
    }

    @Test("a bureau's own scoring rules: a 20-point budget block, kept by the year that opened with them", arguments: TestDatabase.all)
    func rulesOfTheBureau(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            _ = try await DemoGoals.load(on: app.db)
            app.effects = app.effects.fixed(now: beijing(2028, 1, 10))
            let finance = try await APIClient.signIn(app, "perf-officer", DemoData.password)
            let budget = try await APIClient.signIn(app, "budget-officer", DemoData.password)
            app.jobWorkers.start(app)
            let rules: [String: any Sendable] = ["budgetWeight": "20", "overAchievementPercent": "120", "lateSharePercent": "60", "lateGraceMonths": 1,
                                                 "executionDivisor": "fullYearBudget"]
            #expect(try await budget.send(.PUT, "/api/v1/self-evaluation/rules?year=2027", json: rules).status == .forbidden)
            var wrong = rules
            wrong["overAchievementPercent"] = "90"
            let refused = try await finance.send(.PUT, "/api/v1/self-evaluation/rules?year=2027", json: wrong)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("overAchievementPercent"))
            let saved = try await finance.send(.PUT, "/api/v1/self-evaluation/rules?year=2027", json: rules)
            #expect(saved.status == .ok, "\(saved.body.string)")

            let opening = try decoded(try await finance.send(.POST, "/api/v1/self-evaluation/years", json: ["fiscalYear": 2027, "deadline": "2028-03-31"]), Year.self)
            let jobID = try #require(opening.jobID)
            _ = try await JobQueue.wait(for: jobID, upTo: .seconds(30), app: app, on: app.db)
            let page = try decoded(try await finance.send(.GET, "/api/v1/self-evaluation/years/\(opening.id)/evaluations"), Page.self)
            let hlt = try #require(page.items.first { $0.code == "JN2027-HLT-001" })
            let form = try decoded(try await finance.send(.GET, "/api/v1/self-evaluations/\(hlt.id)"), Evaluation.self)
            #expect(form.rulesVersion == 1)
            #expect(form.rows.map(\.weight) == ["16", "8", "8", "8", "16", "8", "16"], "the goal's 100 scaled to the 80 a 20-point block leaves")
            // A regional goal has no weights: its three rows share the 80 equally, to the hundredth.
            let region = try #require(page.items.first { $0.code == "JN2027-TP-001" && !$0.isSummary })
            let regional = try decoded(try await finance.send(.GET, "/api/v1/self-evaluations/\(region.id)"), Evaluation.self)
            #expect(regional.rows.map(\.weight) == ["26.67", "26.67", "26.66"])

            // A new version later does not touch the year already opened.
            var later = rules
            later["budgetWeight"] = "10"
            #expect(try await finance.send(.PUT, "/api/v1/self-evaluation/rules?year=2027", json: later).status == .ok)
            let again = try decoded(try await finance.send(.GET, "/api/v1/self-evaluations/\(hlt.id)"), Evaluation.self)
            #expect(again.rulesVersion == 1 && again.rows.map(\.weight) == form.rows.map(\.weight))
        }
    }

    @Test("the scoring rules page: the policy's rules until the bureau saves its own; wrong values named and kept; a unit reads, never edits")
    func rulesPage() async throws {
        try await withJixiao(.sqlite) { app in
            _ = try await DemoGoals.load(on: app.db)
            app.effects = app.effects.fixed(now: beijing(2028, 1, 10))
            let finance = Browser(app)
            try await finance.signIn("perf-officer", DemoData.password)
            var page = try await finance.get("/evaluation/self/rules?year=2027")
            #expect(page.status == .ok && page.body.string.contains("政策规定的评分规则") && page.body.string.contains("保存新版本"))
            let refused = try await finance.post("/evaluation/self/rules?year=2027", ["budget_weight": "80", "over_achievement_percent": "九十",
                                                                                     "late_share_percent": "60", "late_grace_months": "1",
                                                                                     "execution_divisor": "fullYearBudget"])
            #expect(refused.status == .unprocessableEntity, "\(refused.status)")
            #expect(refused.body.string.contains("九十") && refused.body.string.contains("请填写数字"), "typed values kept, the field named")
            #expect(try await ScoringRuleStore.inForce(at: try #require(try await OrganizationModel.query(on: app.db).filter(\.$code == "990000").first()).hierarchyPath,
                                                       fiscalYear: 2027, on: app.db).version == 0, "nothing saved")
            // Every wrong field at once, each beside its own field.
            let several = try await finance.post("/evaluation/self/rules?year=2027", ["budget_weight": "120", "over_achievement_percent": "九十",
                                                                                     "late_share_percent": "60", "late_grace_months": "1.5",
                                                                                     "execution_divisor": "x"])
            for text in ["预算执行率分值应在 0 至 100 之间", "逾期宽限月数应为 0 至 12 的整数", "请选择执行率的分母", "请填写数字"] {
                #expect(several.body.string.contains(text), "\(text)")
            }
            let saved = try await finance.post("/evaluation/self/rules?year=2027", ["budget_weight": "20", "over_achievement_percent": "130",
                                                                                   "late_share_percent": "50", "late_grace_months": "2",
                                                                                   "execution_divisor": "initialBudget"])
            // Saved, then shown by a redirect: a reload saves nothing again.
            let location = try #require(saved.headers.first(name: .location))
            #expect(saved.status == .seeOther || saved.status == .found, "\(saved.status)")
            page = try await finance.get(location)
            #expect(page.status == .ok && page.body.string.contains("已保存 2027 年度评分规则第 1 版"), "\(page.body.string.prefix(500))")
            #expect(page.body.string.contains("年初预算数") && page.body.string.contains("逾期 2 个月内完成的，建议得该项分值的 50%"))
            // The versions with their values; a year opened now keeps version 1, and the page says which years use it.
            #expect(page.body.string.contains("<td class=\"num\">130%</td>") && page.body.string.contains("按此版本评分的已开启年度"))
            let api = try await APIClient.signIn(app, "perf-officer", DemoData.password)
            app.jobWorkers.start(app)
            let opened = try decoded(try await api.send(.POST, "/api/v1/self-evaluation/years", json: ["fiscalYear": 2027, "deadline": "2028-03-31"]), Year.self)
            _ = try await JobQueue.wait(for: try #require(opened.jobID), upTo: .seconds(30), app: app, on: app.db)
            #expect(opened.rulesVersion == 1)
            let province = try #require(try await OrganizationModel.query(on: app.db).filter(\.$code == "990000").first())
            page = try await finance.get("/evaluation/self/rules?year=2027")
            #expect(page.body.string.contains(province.name + " 2027 年度自评</a>") && page.body.string.contains("/evaluation/self/years/\(opened.id.uuidString.lowercased())")
                    || page.body.string.contains("/evaluation/self/years/\(opened.id.uuidString)"), "the year opened with version 1 is named and linked beside it")
            // The same values again are not a new version; "10%" and a negative number read as numbers (the range is named).
            let same = try await finance.post("/evaluation/self/rules?year=2027", ["budget_weight": "20", "over_achievement_percent": "130%",
                                                                                  "late_share_percent": "50", "late_grace_months": "2",
                                                                                  "execution_divisor": "initialBudget"])
            #expect(same.status == .unprocessableEntity && same.body.string.contains("与本级现行版本完全相同"), "\(same.status)")
            let negative = try await finance.post("/evaluation/self/rules?year=2027", ["budget_weight": "20", "over_achievement_percent": "130",
                                                                                      "late_share_percent": "-1", "late_grace_months": "0",
                                                                                      "execution_divisor": "initialBudget"])
            #expect(negative.status == .unprocessableEntity && !negative.body.string.contains("请填写数字") && negative.body.string.contains("0 至 100"),
                    "\(negative.body.string.prefix(300))")
            let unit = Browser(app)
            try await unit.signIn("unit-officer", DemoData.password)
            let read = try await unit.get("/evaluation/self/rules?year=2027")
            #expect(read.status == .ok && read.body.string.contains("评分规则第 1 版") && !read.body.string.contains("保存新版本"), "\(read.body.string.prefix(300))")
            let posted = try await unit.post("/evaluation/self/rules?year=2027", ["budget_weight": "10", "over_achievement_percent": "120",
                                                                                 "late_share_percent": "60", "late_grace_months": "1",
                                                                                 "execution_divisor": "fullYearBudget"])
            #expect(posted.status == .forbidden, "\(posted.status)")
        }
    }

    @Test("the form page: typed values kept on refusal, every deduction explained in Chinese and in English", arguments: TestDatabase.all)
    func formPage(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            _ = try await DemoGoals.load(on: app.db)
            app.effects = app.effects.fixed(now: beijing(2028, 1, 20))
            let admin = try await APIClient.signIn(app, "province-admin", DemoData.password)
            let finance = try await APIClient.signIn(app, "perf-officer", DemoData.password)
            _ = try await monitoringPerson(app, admin: admin, username: "hospital-page", organization: "990000-102-01", roles: ["unit_officer"])
            app.jobWorkers.start(app)
            let opening = try decoded(try await finance.send(.POST, "/api/v1/self-evaluation/years", json: ["fiscalYear": 2027, "deadline": "2028-03-31"]), Year.self)
            let jobID = try #require(opening.jobID)
            _ = try await JobQueue.wait(for: jobID, upTo: .seconds(30), app: app, on: app.db)

            // The unit finds its form from the year's page.
            let browser = Browser(app)
            try await browser.signIn("hospital-page", "Monitor2026pw")
            // The workbench says what waits.
            let start = try await browser.get("/").body.string
            #expect(start.contains("1 张自评表待填报"), "\(start.prefix(600))")
            let years = try await browser.get("/evaluation/self")
            #expect(years.status == .ok && years.body.string.contains("2027 年度自评"), "\(years.body.string.prefix(400))")
            let yearPage = try await browser.get("/evaluation/self/years/\(opening.id)").body.string
            #expect(yearPage.contains("JN2027-HLT-001") && !yearPage.contains("JN2027-AGR-001"))
            let page = try decoded(try await finance.send(.GET, "/api/v1/self-evaluation/years/\(opening.id)/evaluations"), Page.self)
            let formID = try #require(page.items.first { $0.code == "JN2027-HLT-001" }?.id)
            let form = try await browser.get("/evaluation/self/forms/\(formID)")
            #expect(form.status == .ok && form.body.string.contains("项目支出绩效自评表") && form.body.string.contains("r[6][actual]"))
            let detail = try decoded(try await finance.send(.GET, "/api/v1/self-evaluations/\(formID)"), Evaluation.self)

            // Refused: the page again with each error beside its field and what was typed.
            var fields: [String: String] = ["lock_version": String(detail.lockVersion), "executed": "五千", "narrative": "基本完成"]
            let actuals = ["58个", "", "2027年6月20日", "1.15万元", "8天", "27%", "很多"]
            for (index, row) in detail.rows.enumerated() {
                fields["r[\(index)][id]"] = row.indicatorID.uuidString
                fields["r[\(index)][actual]"] = actuals[index]
            }
            fields["r[1][band]"] = "achieved"
            fields["r[1][band_points]"] = "8"
            let refused = try await browser.post("/evaluation/self/forms/\(formID)/save", fields)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("很多") && refused.body.string.contains("五千"), "typed values are kept")
            #expect(refused.body.string.contains("第 7 个指标“门诊患者满意度”的实际完成值"), "\(refused.body.string.prefix(300))")

            // Saved: the score and the words of each deduction.
            fields["executed"] = "5476.8"
            fields["r[6][actual]"] = "88%"
            let saved = try await browser.post("/evaluation/self/forms/\(formID)/save", fields)
            #expect(saved.status == .seeOther, "\(saved.body.string.prefix(300))")
            let shown = try await browser.get("/evaluation/self/forms/\(formID)?saved=1").body.string
            #expect(shown.contains("门诊患者满意度：目标 ≥92%，实际 88% → 88 ÷ 92 × 18 = 17.22"))
            #expect(shown.contains("96.27") && shown.contains("预算执行率 97.80%"))
            browser.acceptLanguage = "en"
            let english = try await browser.get("/evaluation/self/forms/\(formID)").body.string
            #expect(english.contains("target ≥92%, actual 88% → 88 ÷ 92 × 18 = 17.22") && english.contains("Deviation and measures"))
        }
    }

    @Test("a form as a unit published it: a provincial layout read, printed figures kept and their errors found; bad rows refuse the file; a form exported loads back",
          arguments: TestDatabase.all)
    func importAsPrinted(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            _ = try await DemoGoals.load(on: app.db)
            app.effects = app.effects.fixed(now: beijing(2028, 2, 1))
            let admin = try await APIClient.signIn(app, "province-admin", DemoData.password)
            let finance = try await APIClient.signIn(app, "perf-officer", DemoData.password)
            let hospital = try await monitoringPerson(app, admin: admin, username: "hospital-import", organization: "990000-102-01", roles: ["unit_officer"])
            app.jobWorkers.start(app)
            let opening = try decoded(try await finance.send(.POST, "/api/v1/self-evaluation/years", json: ["fiscalYear": 2027, "deadline": "2028-03-31"]), Year.self)
            let jobID = try #require(opening.jobID)
            _ = try await JobQueue.wait(for: jobID, upTo: .seconds(30), app: app, on: app.db)
            let formID = try #require(try decoded(try await hospital.send(.GET, "/api/v1/self-evaluation/years/\(opening.id)/evaluations"), Page.self).items.first?.id)
            let octet = HTTPMediaType(type: "application", subType: "octet-stream")
            func upload(_ client: APIClient, _ bytes: ByteBuffer) async throws -> TestingHTTPResponse {
                try await client.send(.POST, "/api/v1/self-evaluation/years/\(opening.id)/import", body: bytes, contentType: octet)
            }

            // A province's layout: 指标性质 and 度量单位 columns, 分值 before 指标值, targets without their signs, and a total
            // the publisher added up wrong (97.27 where its own rows make 96.28).
            let published = """
                项目支出绩效自评表,,,,,,,,,
                （2027年度）,,,,,,,,,
                项目名称,公立医院综合改革补助,,,项目编码,JN2027-HLT-001,,,,
                主管部门,江南省卫生健康委员会,,,实施单位,江南省人民医院,,,,
                项目资金（万元）,,年初预算数,全年预算数,全年执行数,分值,执行率,得分,,
                ,年度资金总额,5600,5600,5476.8,10,97.8%,9.78,,
                年度总体目标,预期目标,,,,实际完成情况,,,,
                ,巩固公立医院综合改革成果,,,,全年目标基本完成。,,,,
                一级指标,二级指标,三级指标,指标性质,分值,年度指标值,度量单位,实际完成值,得分,偏差原因分析及改进措施
                产出指标,数量指标,开展日间手术病种数,正向,18,60,个,58,17.4,新设备到位较晚
                ,质量指标,三级公立医院绩效考核等级,定性,9,优,,优,8,
                ,时效指标,补助资金拨付时间,,9,2027年6月,,2027年6月20日,9,
                ,成本指标,次均住院费用,反向,9,1.2,万元,1.15,9,
                效益指标,社会效益指标,患者平均住院日,反向,18,7.5,天,8,16.88,床位周转偏慢
                ,经济效益指标,药品收入占比,反向,9,28,%,27,9,
                满意度指标,服务对象满意度指标,门诊患者满意度,正向,18,92,%,88,17.22,服务流程有待优化
                总分,,,,100,,,,97.27,
                """

            // Bad rows: every one named with its row and column, nothing saved.
            let broken = published.replacingOccurrences(of: "个,58,17.4", with: "个,很多,17.4")
                .replacingOccurrences(of: "药品收入占比", with: "不存在的指标")
            let before = try decoded(try await hospital.send(.GET, "/api/v1/self-evaluations/\(formID)"), Evaluation.self)
            let refused = try await upload(hospital, ByteBuffer(string: broken))
            #expect(refused.status == .unprocessableEntity && hospital.errorCode(refused) == "import_rows_invalid", "\(refused.body.string)")
            #expect(refused.body.string.contains("第 10 行") && refused.body.string.contains("第 15 行") && refused.body.string.contains("不存在的指标"),
                    "\(refused.body.string)")
            let untouched = try decoded(try await hospital.send(.GET, "/api/v1/self-evaluations/\(formID)"), Evaluation.self)
            #expect(untouched.lockVersion == before.lockVersion && untouched.total == nil)
            // Someone else's project is outside the importer's reach.
            let other = try await monitoringPerson(app, admin: admin, username: "agri-import", organization: "990000-103-01", roles: ["unit_officer"])
            let outside = try await upload(other, ByteBuffer(string: published))
            #expect(outside.status == .unprocessableEntity && outside.body.string.contains("JN2027-HLT-001"), "\(outside.body.string)")

            // As published: scored by the rule, the printed figures kept, the publisher's addition a finding.
            let imported = try await upload(hospital, ByteBuffer(string: published))
            #expect(imported.status == .ok, "\(imported.body.string)")
            #expect(imported.body.string.contains("\"forms\":1") && imported.body.string.contains("\"withFindings\":1"), "\(imported.body.string)")
            let form = try decoded(try await hospital.send(.GET, "/api/v1/self-evaluations/\(formID)"), Evaluation.self)
            #expect(form.total == "96.27" && form.grade == "优" && form.executionRate == "97.80%")
            #expect(form.rows.map(\.points) == ["17.40", "8.00", "9.00", "9.00", "16.88", "9.00", "17.22"])
            #expect(form.findings.map(\.kind) == ["printed_total_differs"], "\(form.findings)")
            #expect(form.findings.first?.text.contains("97.27") == true && form.findings.first?.text.contains("96.28") == true)

            // The form exported as .xlsx loads back: the same scores, nothing printed differs.
            let browser = Browser(app)
            try await browser.signIn("hospital-import", "Monitor2026pw")
            let workbook = try await browser.get("/evaluation/self/forms/\(formID)/form.xlsx")
            #expect(workbook.status == .ok && workbook.headers.contentType?.subType.contains("spreadsheet") == true)
            let again = try await upload(hospital, workbook.body)
            #expect(again.status == .ok && again.body.string.contains("\"withFindings\":0"), "\(again.body.string)")
            let reloaded = try decoded(try await hospital.send(.GET, "/api/v1/self-evaluations/\(formID)"), Evaluation.self)
            #expect(reloaded.total == "96.27" && reloaded.findings.isEmpty && reloaded.rows.map(\.points) == form.rows.map(\.points))
            let printable = try await browser.get("/evaluation/self/forms/\(formID)/print").body.string
            #expect(printable.contains("项目支出绩效自评表") && printable.contains("偏差原因分析及改进措施") && printable.contains("96.27"))

            // Submitted: loading it again is refused until it is returned.
            let submitted = try await hospital.send(.POST, "/api/v1/self-evaluations/\(formID)/transitions", json: ["action": "submit", "lockVersion": reloaded.lockVersion])
            #expect(submitted.status == .ok, "\(submitted.body.string)")
            let late = try await upload(hospital, ByteBuffer(string: published))
            #expect(late.status == .unprocessableEntity && late.body.string.contains("退回"), "\(late.body.string)")
        }
    }

    @Test("actuals feed back: next year's goal of a continuing project is linted against what was reached", arguments: TestDatabase.all)
    func actualsFeedBack(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            _ = try await DemoGoals.load(on: app.db)
            app.effects = app.effects.fixed(now: beijing(2028, 1, 12))
            let admin = try await APIClient.signIn(app, "province-admin", DemoData.password)
            let finance = try await APIClient.signIn(app, "perf-officer", DemoData.password)
            // 农业科技推广示范 (AGR-001) is a continuing project of 江南省农业科学院.
            let agri = try await monitoringPerson(app, admin: admin, username: "agri-self", organization: "990000-103-01", roles: ["unit_officer"])
            app.jobWorkers.start(app)
            let opening = try decoded(try await finance.send(.POST, "/api/v1/self-evaluation/years", json: ["fiscalYear": 2027, "deadline": "2028-03-31"]), Year.self)
            let jobID = try #require(opening.jobID)
            _ = try await JobQueue.wait(for: jobID, upTo: .seconds(30), app: app, on: app.db)
            let formID = try #require(try decoded(try await agri.send(.GET, "/api/v1/self-evaluation/years/\(opening.id)/evaluations"), Page.self).items.first?.id)
            let form = try decoded(try await agri.send(.GET, "/api/v1/self-evaluations/\(formID)"), Evaluation.self)
            let actuals = ["28个", "5200人次", "96%", "2027年10月20日", "160元", "5.5%"]
            let rows: [[String: any Sendable]] = zip(form.rows, actuals).map { ["indicatorID": $0.indicatorID.uuidString, "actual": $1] }
            var saved = try decoded(try await agri.send(.PUT, "/api/v1/self-evaluations/\(formID)",
                                                        json: ["lockVersion": form.lockVersion, "executedWanYuan": "670", "narrative": "完成。", "rows": rows]), Evaluation.self)
            #expect(saved.demands.isEmpty, "\(saved.demands)")
            // Not submitted yet: a draft's figures are not the unit's word.
            let owner = try #require(try await OrganizationCommands.byCode("990000-103-01", on: app.db)?.id)
            #expect(try await LibraryService.lastYearActuals(owner: owner, fiscalYear: 2028, on: app.db).isEmpty)
            saved = try decoded(try await agri.send(.POST, "/api/v1/self-evaluations/\(formID)/transitions", json: ["action": "submit", "lockVersion": saved.lockVersion]),
                                Evaluation.self)
            let reached = try await LibraryService.lastYearActuals(owner: owner, fiscalYear: 2028, on: app.db)
            // Keyed as the linter keys indicators: by library entry where the goal picked one (培训农民人次), else by name.
            #expect(reached["建设示范基地"] == 28 && reached.count == 5 && reached.values.contains(5200) && reached["培训农民人次"] == nil, "\(reached)")
            // A 2028 goal that asks for less than was reached is warned.
            var context = GoalContext(requestedAmount: try Money(wanYuan: "680"), isContinuing: true, isServiceProject: false, fiscalYear: 2028)
            context.lastYearActuals = reached
            let goal = PerformanceGoal(annualGoal: "推广优良品种。", indicators: [
                Indicator(category: .output, subcategory: .quantity, name: "建设示范基地", targetText: "≥25个", weight: 100)])
            #expect(GoalLinter.lint(goal, context: context).contains { $0.rule == .belowLastYearActual })
        }
    }
}
