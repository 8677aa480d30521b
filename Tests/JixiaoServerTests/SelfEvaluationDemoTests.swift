import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import JixiaoDomain
@testable import JixiaoServer

@Suite("The demo's self-evaluation year tells its story through the commands")
struct SelfEvaluationDemoTests {
    private struct Facts: Decodable { var object_code: String; var state: String; var grade: String?; var total_cents: Int?; var finding_count: Int; var findings: String }

    @Test("every grade, an override, findings, a return; loading again changes nothing", arguments: TestDatabase.all)
    func demoYear(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let context = DemoContext(database: app.db, bcryptCost: 4, threadPool: app.threadPool, effects: app.effects)
            _ = try await DemoGoals.load(on: app.db)
            let said = try await SelfEvaluationDemo.load(context)
            let y = SelfEvaluationDemo.year(at: app.effects.now())
            #expect(said.contains("opened"), "\(said)")
            let rows = try await app.db.sql.raw("""
                SELECT e.object_code, e.state, e.grade, e.total_cents, e.finding_count, e.findings FROM self_evaluations e
                JOIN self_evaluation_years y ON y.id = e.year_id WHERE y.fiscal_year = \(bind: y)
                """).all(decoding: Facts.self)
            let byCode = Dictionary(rows.map { ($0.object_code, $0) }, uniquingKeysWith: { first, _ in first })
            for story in SelfEvaluationDemo.stories(y) { #expect(byCode[story.code] != nil, "\(story.code)") }
            #expect(Set(rows.compactMap(\.grade)) == Set(ScoreGrade.allCases.map(\.rawValue)), "every grade: \(rows.map { ($0.object_code, $0.grade ?? "-", $0.total_cents ?? -1) })")
            #expect(byCode["JN\(y)-EDU-201"]?.state == MonitoringTaskState.financeConfirmed.rawValue && byCode["JN\(y)-EDU-201"]?.grade == "优")
            #expect(byCode["JN\(y)-AGR-201"]?.state == MonitoringTaskState.returned.rawValue && byCode["JN\(y)-AGR-201"]?.grade == "差")
            #expect(byCode["JN\(y)-SOC-201"]?.state == MonitoringTaskState.submitted.rawValue)
            #expect(byCode["JN\(y)-DEPT-101"]?.state == MonitoringTaskState.financeConfirmed.rawValue)
            // The copy of the targets, the narrative that claims too much, the override: each a finding.
            #expect(byCode["JN\(y)-HLT-202"]?.findings.contains("everyActualEqualsTarget") == true, "\(byCode["JN\(y)-HLT-202"]?.findings ?? "-")")
            #expect(byCode["JN\(y)-TRA-201"]?.findings.contains("narrativeClaimsCompletion") == true)
            #expect(byCode["JN\(y)-EDU-202"]?.findings.contains("pointsDifferFromRule") == true)
            // Imported as published: the publisher's total is a finding; a sample with an agency's re-score that is 失真.
            #expect(byCode["JN\(y)-SOC-201"]?.findings.contains("printedTotalDiffers") == true, "\(byCode["JN\(y)-SOC-201"]?.findings ?? "-")")
            // The year's check tells the same story of this year either way: compactly (the forms' copies, kept by their
            // saves and the import) with the general way for what it leaves, or every form the general way.
            struct Year: Decodable { var id: UUID }
            let yearID = try #require(try await app.db.sql.raw("SELECT id FROM self_evaluation_years WHERE fiscal_year = \(bind: y)").first(decoding: Year.self)).id
            var compactWay = SelfEvaluationYearCheck.Outcome(), generalWay = SelfEvaluationYearCheck.Outcome(), settledWithFindings = 0
            for chunk in try await SelfEvaluationYearCheck.idChunks(yearID, on: app.db) {
                let items = try await SelfEvaluationBulkRead.readCompact(year: yearID, from: try #require(chunk.first), to: try #require(chunk.last), on: app.db)
                let settled = SelfEvaluationYearCheck.settle(items)
                settledWithFindings += settled.outcome.withFindings
                let left = try await SelfEvaluationBulkRead.read(settled.general, year: yearID, on: app.db)
                compactWay.add(settled.outcome)
                compactWay.add(SelfEvaluationYearCheck.score(left.forms, rows: left.rows).outcome)
                let all = try await SelfEvaluationBulkRead.read(chunk, year: yearID, on: app.db)
                generalWay.add(SelfEvaluationYearCheck.score(all.forms, rows: all.rows).outcome)
            }
            #expect(compactWay == generalWay && generalWay.withFindings >= 4, "\(compactWay) against \(generalWay)")
            #expect(settledWithFindings >= 3, "forms with findings settled compactly: \(settledWithFindings)")
            struct Pick: Decodable { var agency_id: UUID?; var state: String; var distorted: Bool? }
            let picks = try await app.db.sql.raw("SELECT agency_id, state, distorted FROM reevaluations").all(decoding: Pick.self)
            #expect(picks.filter { $0.state == "scored" }.count == 2 && picks.contains { $0.agency_id != nil && $0.distorted == true }, "\(picks)")
            // The department's overall self-evaluation shows its projects' results beside it.
            struct Form: Decodable { var id: UUID }
            let overall = try #require(try await app.db.sql.raw("SELECT id FROM self_evaluations WHERE object_code = \(bind: "JN\(y)-DEPT-101")").first(decoding: Form.self))
            let browser = Browser(app)
            try await browser.signIn("perf-officer", DemoData.password)
            let page = try await browser.get("/evaluation/self/forms/\(overall.id)").body.string
            #expect(page.contains("本部门及所属单位项目的自评结果") && page.contains("JN\(y)-EDU-201") && page.contains("JN\(y)-EDU-202"))
            #expect(try await SelfEvaluationDemo.load(context).contains("already"))
        }
    }
}
