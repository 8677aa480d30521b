import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
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
            let y = MonitoringDemo.year

            let rows = try await app.db.sql.raw("""
                SELECT bo.code, r.recipient_code AS region_code, t.state, t.colour, t.late FROM monitoring_tasks t
                JOIN budget_objects bo ON bo.id = t.budget_object_id LEFT JOIN goal_regions r ON r.id = t.region_row_id
                JOIN monitoring_rounds mr ON mr.id = t.round_id WHERE mr.fiscal_year = \(bind: y)
                """).all(decoding: TaskFacts.self)
            let byKey = Dictionary(rows.map { ($0.code + "|" + ($0.region_code ?? ""), $0) }, uniquingKeysWith: { first, _ in first })
            // Every story's object has its task (the year's earlier released nutrition goals too).
            for story in MonitoringDemo.stories(y) {
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
        }
    }
}
