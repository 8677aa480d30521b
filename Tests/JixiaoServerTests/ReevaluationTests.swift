import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import JixiaoServer
import JixiaoDomain

private struct Sample: Decodable {
    struct Pick: Decodable {
        var evaluationID: UUID; var code: String; var reason: String; var reviewer: String; var state: String
        var selfTotal: String?; var reTotal: String?; var distorted: Bool?; var lockVersion: Int
    }
    struct Comparison: Decodable { var name: String; var drawn: Int; var scored: Int; var distorted: Int }
    var id: UUID; var seed: String; var population: Int; var drawn: Int; var replays: Bool?; var picks: [Pick]; var byDepartment: [Comparison]
}
private struct Form: Decodable { struct Row: Decodable { var indicatorID: UUID; var actual: String? }; var rows: [Row]; var total: String? }

private func decoded<T: Decodable>(_ response: TestingHTTPResponse, _ type: T.Type, sourceLocation: SourceLocation = #_sourceLocation) throws -> T {
    do { return try response.content.decode(T.self) } catch {
        Issue.record("\(response.status): \(response.body.string)", sourceLocation: sourceLocation)
        throw error
    }
}

@Suite("Re-evaluation of self-evaluations (抽查复核): a sample replayed from its seed, an agency reaching exactly its forms, 失真")
struct ReevaluationTests {
    @Test("draw, replay, assign to an agency, re-score, compare — on both engines", arguments: TestDatabase.all)
    func sampleAndRescore(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            // setup: the demo's self-evaluation year, seven forms submitted or confirmed (and the demo's own sample)
            let context = DemoContext(database: app.db, bcryptCost: 4, threadPool: app.threadPool, effects: app.effects)
            _ = try await DemoGoals.load(on: app.db)
            _ = try await SelfEvaluationDemo.load(context)
            let y = SelfEvaluationDemo.year(at: app.effects.now())
            let finance = try await APIClient.signIn(app, "perf-officer", DemoData.password)
            let budget = try await APIClient.signIn(app, "budget-officer", DemoData.password)
            let agency = try await APIClient.signIn(app, "agency-evaluator", DemoData.password)
            let unit = try await APIClient.signIn(app, "unit-officer", DemoData.password)
            struct Years: Decodable { struct Item: Decodable { var id: UUID; var fiscalYear: Int }; var items: [Item] }
            let yearID = try #require(try decoded(try await finance.send(.GET, "/api/v1/self-evaluation/years?year=\(y)"), Years.self).items.first?.id)

            // Only finance draws; percentages are checked.
            #expect(try await unit.send(.POST, "/api/v1/self-evaluation/years/\(yearID)/samples", json: [:]).status == .forbidden)
            #expect(try await finance.send(.POST, "/api/v1/self-evaluation/years/\(yearID)/samples", json: ["countPercent": "120"]).status == .unprocessableEntity)
            let drawn = try decoded(try await finance.send(.POST, "/api/v1/self-evaluation/years/\(yearID)/samples", json: ["seed": "20260412"]), Sample.self)
            #expect(drawn.population == 7 && drawn.seed == "20260412", "submitted or confirmed forms only: \(drawn.population)")
            #expect(drawn.drawn >= 2 && drawn.picks.count == drawn.drawn)
            #expect(drawn.replays == true, "drawing again from the stored population and seed gives the same forms")
            #expect(drawn.picks.contains { $0.reason == "risk" }, "part on risk")
            // The same seed draws the same forms in the same order.
            let again = try decoded(try await finance.send(.POST, "/api/v1/self-evaluation/years/\(yearID)/samples", json: ["seed": "20260412"]), Sample.self)
            #expect(again.picks.map(\.evaluationID) == drawn.picks.map(\.evaluationID))

            // An agency is entrusted with one drawn form: it reaches exactly that one.
            // (`other`: a form no agency holds in the demo's own sample either.)
            struct Held: Decodable { var evaluation_id: UUID }
            let held = Set(try await app.db.sql.raw("SELECT evaluation_id FROM reevaluations WHERE agency_id IS NOT NULL").all(decoding: Held.self).map(\.evaluation_id))
            let entrusted = try #require(drawn.picks.first)
            let other = try #require(drawn.picks.last { $0.evaluationID != entrusted.evaluationID && !held.contains($0.evaluationID) })
            #expect(try await finance.send(.PUT, "/api/v1/self-evaluation/samples/\(drawn.id)/picks/\(entrusted.evaluationID)/assignee",
                                           json: ["agencyCode": "990000-101"]).status == .unprocessableEntity, "a department is not an agency")
            let assigned = try await finance.send(.PUT, "/api/v1/self-evaluation/samples/\(drawn.id)/picks/\(entrusted.evaluationID)/assignee",
                                                  json: ["agencyCode": "990000-A01"])
            #expect(assigned.status == .ok && assigned.body.string.contains("\"reviewer\""), "\(assigned.body.string)")
            #expect(try await agency.send(.GET, "/api/v1/self-evaluations/\(entrusted.evaluationID)").status == .ok)
            #expect(try await agency.send(.GET, "/api/v1/self-evaluations/\(other.evaluationID)").status == .notFound)
            let seen = try decoded(try await agency.send(.GET, "/api/v1/self-evaluation/samples/\(drawn.id)"), Sample.self)
            #expect(seen.picks.map(\.evaluationID) == [entrusted.evaluationID] && seen.replays == nil)

            // Re-scoring: the agency's form by the agency only, the rest by finance's staff.
            let form = try decoded(try await agency.send(.GET, "/api/v1/self-evaluations/\(entrusted.evaluationID)"), Form.self)
            // The reviewer verified far less than the unit claimed on the first indicator.
            let rows: [[String: any Sendable]] = form.rows.enumerated().map { index, row in
                index == 0 ? ["indicatorID": row.indicatorID.uuidString, "actual": lowered(row.actual ?? ""), "explanation": "核实数与台账不符"]
                    : ["indicatorID": row.indicatorID.uuidString]
            }
            let score: [String: any Sendable] = ["lockVersion": 1, "rows": rows, "comment": "抽查台账，第一项指标实际完成数与佐证材料不符。"]
            #expect(try await finance.send(.PUT, "/api/v1/self-evaluation/samples/\(drawn.id)/picks/\(entrusted.evaluationID)", json: score).status == .forbidden)
            let noComment = try await agency.send(.PUT, "/api/v1/self-evaluation/samples/\(drawn.id)/picks/\(entrusted.evaluationID)",
                                                  json: ["lockVersion": 1, "rows": rows, "comment": " "])
            #expect(noComment.status == .unprocessableEntity && noComment.body.string.contains("comment"))
            let rescored = try decoded(try await agency.send(.PUT, "/api/v1/self-evaluation/samples/\(drawn.id)/picks/\(entrusted.evaluationID)", json: score),
                                       Sample.Pick.self)
            #expect(rescored.state == "scored" && rescored.reTotal != nil && rescored.selfTotal == form.total)
            let selfScore = try #require(Decimal(string: rescored.selfTotal ?? "")), reScore = try #require(Decimal(string: rescored.reTotal ?? ""))
            #expect(rescored.distorted == DistortionRule().isDistorted(selfScore: selfScore, reScore: reScore))
            #expect(reScore < selfScore, "the reviewer's lower figure scores lower: \(selfScore) → \(reScore)")
            #expect(try await budget.send(.PUT, "/api/v1/self-evaluation/samples/\(drawn.id)/picks/\(other.evaluationID)",
                                          json: ["lockVersion": 0, "rows": [] as [[String: String]], "comment": "x"]).status == .forbidden)
            let staff = try await finance.send(.PUT, "/api/v1/self-evaluation/samples/\(drawn.id)/picks/\(other.evaluationID)",
                                               json: ["lockVersion": 0, "rows": [] as [[String: String]], "comment": "核实无误。"])
            #expect(staff.status == .ok, "\(staff.body.string)")
            // A scored form is not reassigned; the comparison counts both.
            #expect(try await finance.send(.PUT, "/api/v1/self-evaluation/samples/\(drawn.id)/picks/\(entrusted.evaluationID)/assignee",
                                           json: ["agencyCode": NSNull()]).status == .conflict)
            let after = try decoded(try await finance.send(.GET, "/api/v1/self-evaluation/samples/\(drawn.id)"), Sample.self)
            #expect(after.byDepartment.map(\.scored).reduce(0, +) == 2 && !after.byDepartment.contains { $0.name.isEmpty })
            #expect(try await auditActions(app).contains("self_evaluation.rescored"))

            // The pages: finance reads the sample, an agency finds what is entrusted to it.
            let officer = Browser(app)
            try await officer.signIn("perf-officer", DemoData.password)
            let page = try await officer.get("/evaluation/self/samples/\(drawn.id)").body.string
            #expect(page.contains("结果一致") && page.contains("按部门") && page.contains("20260412"), "\(page.prefix(300))")
            let evaluator = Browser(app, address: "192.0.2.11")
            try await evaluator.signIn("agency-evaluator", DemoData.password)
            let home = try await evaluator.get("/evaluation/self").body.string
            #expect(home.contains("委托本机构复核的自评表") && home.contains(entrusted.code), "\(home.prefix(400))")
            #expect(try await evaluator.get("/evaluation/self/samples/\(drawn.id)/picks/\(other.evaluationID)").status == .notFound)
        }
    }
}

/// A verified value far below the claimed one: the number halved, its unit kept ("2436人次" → "1218人次").
private func lowered(_ actual: String) -> String {
    let digits = actual.prefix { $0.isNumber || $0 == "." }
    guard let value = Decimal(string: String(digits)) else { return actual }
    return "\(value / 2)" + actual.dropFirst(digits.count)
}
