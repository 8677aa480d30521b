import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import JixiaoServer
import JixiaoDomain

private struct Experts: Decodable { var experts: [Expert] }
private struct Expert: Decodable { var id: UUID; var name: String; var fields: [String]; var status: String; var hasAccount: Bool; var lockVersion: Int }
private struct Draw: Decodable {
    struct Pick: Decodable { var kind: String; var id: UUID; var name: String; var field: String }
    struct Exclusion: Decodable { var kind: String; var id: UUID; var name: String; var rules: [String] }
    var id: UUID; var seed: String; var picks: [Pick]; var exclusions: [Exclusion]; var replayMatches: Bool
}
private struct Problem: Decodable {
    struct Body: Decodable {
        struct Detail: Decodable { var field: String?; var line: Int? }
        var code: String?; var details: [Detail]?
    }
    var error: Body
    var details: [Body.Detail]? { error.details }
}

private func decoded<T: Decodable>(_ response: TestingHTTPResponse, _ type: T.Type, sourceLocation: SourceLocation = #_sourceLocation) throws -> T {
    do { return try response.content.decode(T.self) } catch {
        Issue.record("\(response.status): \(response.body.string)", sourceLocation: sourceLocation)
        throw error
    }
}

/// The demo's whole year through key evaluations and the think tanks, as the tests start from it.
private func loadDemo(_ app: Application) async throws {
    let context = DemoContext(database: app.db, bcryptCost: 4, threadPool: app.threadPool, effects: app.effects)
    _ = try await DemoGoals.load(on: app.db)
    _ = try await SelfEvaluationDemo.load(context)
    _ = try await KeyEvaluationDemo.load(context)
    let line = try await ThinkTankDemo.load(context)
    #expect(line.contains("40 experts") && line.contains("reviewed"), "\(line)")
}

@Suite("Think tanks (智库): libraries and personal data, conflict-free draws replayed from their seed, ratings, dynamic management, report quality")
struct ThinkTankServerTests {
    @Test("libraries: who reads what, personal data to managers only, duplicates refused, an import all or nothing — on both engines",
          arguments: TestDatabase.all)
    func libraries(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            try await loadDemo(app)
            let officer = try await APIClient.signIn(app, "perf-officer", DemoData.password)
            let supervisor = try await APIClient.signIn(app, "supervisor", DemoData.password)
            let department = try await APIClient.signIn(app, "dept-officer", DemoData.password)
            let expert = try await APIClient.signIn(app, "expert", DemoData.password)
            let city = try await APIClient.signIn(app, "city-perf", DemoData.password)

            let all = try decoded(try await officer.send(.GET, "/api/v1/think-tank/experts"), Experts.self).experts
            #expect(all.count == 40 && all.filter { $0.status == "admitted" }.count == 35 && all.filter { $0.status == "candidate" }.count == 3)
            let health = try decoded(try await officer.send(.GET, "/api/v1/think-tank/experts?field=210&status=admitted"), Experts.self).experts
            #expect(health.count == 8 && health.allSatisfy { $0.fields.contains("210") })
            let first = try #require(all.first { $0.hasAccount })
            // Search: by name, employer or title, the same on both engines.
            let searched = try decoded(try await officer.send(.GET, "/api/v1/think-tank/experts?q=%E5%8C%BB%E7%A7%91"), Experts.self).experts   // 医科
            #expect(!searched.isEmpty && searched.count < all.count)

            // Managers see personal data; a supervisor reads the library of its level but never the personal data.
            let personal = try await officer.send(.GET, "/api/v1/think-tank/experts/\(first.id)/personal")
            #expect(personal.status == .ok && personal.body.string.contains("990102"))
            #expect(try await supervisor.send(.GET, "/api/v1/think-tank/experts").status == .ok)
            let refused = try await supervisor.send(.GET, "/api/v1/think-tank/experts/\(first.id)/personal")
            #expect(refused.status == .forbidden && refused.body.string.contains("personal_data") && !refused.body.string.contains("990102"))
            #expect(!(try await supervisor.send(.GET, "/api/v1/think-tank/experts/\(first.id)")).body.string.contains("990102"),
                    "the profile carries no personal data")
            // A department, an expert and a lower bureau do not read the province's library.
            #expect(try await department.send(.GET, "/api/v1/think-tank/experts?bureau=990000").status == .notFound)
            #expect([.forbidden, .notFound].contains(try await expert.send(.GET, "/api/v1/think-tank/experts/\(first.id)/personal").status))
            #expect(try await city.send(.GET, "/api/v1/think-tank/experts?bureau=990000").status == .notFound)
            #expect(try await city.send(.POST, "/api/v1/think-tank/experts/\(first.id)/status", json: ["move": "suspend", "reason": "x"]).status == .notFound)
            // The page: personal data only on the manager's view.
            let page = Browser(app)
            try await page.signIn("perf-officer", DemoData.password)
            #expect(try await page.get(ThinkTankRoute.expert(.value(first.id)).url).body.string.contains("990102"))
            let reader = Browser(app, address: "192.0.2.31")
            try await reader.signIn("supervisor", DemoData.password)
            let seen = try await reader.get(ThinkTankRoute.expert(.value(first.id)).url)
            #expect(seen.status == .ok && !seen.body.string.contains("990102") && !seen.body.string.contains("139"))
            // The supervisor finds the libraries in the navigation, not the managers' pages.
            let home = try await reader.get("/").body.string
            #expect(home.contains("href=\"/think-tank/experts\"") && !home.contains("href=\"/think-tank/reviews\""))
            #expect(!seen.body.string.contains(ThinkTankRoute.calls().url))
            #expect(try await reader.get(ThinkTankRoute.reviews().url).status == .forbidden)

            // Registration: the same ID number twice, a bad check character, no field — each named; nothing is added.
            let before = try await ExpertModel.query(on: app.db).count()
            let id = ThinkTankDemo.residentID(900)
            let body: [String: any Sendable] = ["name": "测试专家", "idNumber": id, "phone": "13900000000", "email": "t@example.org", "title": "教授",
                                                "employerName": "江南大学", "fields": ["205"]]
            #expect(try await officer.send(.POST, "/api/v1/think-tank/experts", json: body).status == .created)
            let twice = try await officer.send(.POST, "/api/v1/think-tank/experts", json: body.merging(["name": "另一人"]) { $1 })
            #expect(twice.status == .conflict && twice.body.string.contains("duplicate_registration") && twice.body.string.contains("测试专家"))
            let bad = try await officer.send(.POST, "/api/v1/think-tank/experts", json: body.merging(["idNumber": String(id.dropLast()) + (id.last == "1" ? "2" : "1"), "fields": ["x"]]) { $1 })
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("idNumber") && bad.body.string.contains("fields"))
            #expect(try await ExpertModel.query(on: app.db).count() == before + 1)
            #expect(try await supervisor.send(.POST, "/api/v1/think-tank/experts", json: body.merging(["idNumber": ThinkTankDemo.residentID(901)]) { $1 }).status == .forbidden)
            // Agencies: the same credit code twice.
            let agency: [String: any Sendable] = ["name": "测试咨询公司", "type": "consulting", "creditCode": ThinkTankDemo.creditCode(0), "qualification": "资质",
                                                  "levels": [1], "contactName": "联系人", "phone": "0571-88888888"]
            let agencyTwice = try await officer.send(.POST, "/api/v1/think-tank/agencies", json: agency)
            #expect(agencyTwice.status == .conflict && agencyTwice.body.string.contains("江南华信"))

            // Import: one bad row (a field not in the classification) and a repeated ID number refuse the whole file.
            let csv = "姓名,身份证号,联系电话,电子邮箱,职称,工作单位,专业领域\n甲,\(ThinkTankDemo.residentID(910)),13900000001,a@example.org,教授,江南大学,教育、财务会计\n"
                + "乙,\(ThinkTankDemo.residentID(911)),13900000002,,研究员,江南研究院,火星学\n丙,\(ThinkTankDemo.residentID(910)),13900000003,,教授,江南大学,法律\n"
            let refusedImport = try await officer.send(.POST, "/api/v1/think-tank/experts/import", body: ByteBuffer(string: csv), contentType: .plainText)
            #expect(refusedImport.status == .unprocessableEntity, "\(refusedImport.body.string)")
            let problem = try decoded(refusedImport, Problem.self)
            #expect(Set((problem.details ?? []).compactMap(\.line)) == [3, 4], "\(refusedImport.body.string)")
            #expect(try await ExpertModel.query(on: app.db).count() == before + 1, "nothing of a refused file is kept")
            let good = "姓名,身份证号,联系电话,专业领域,工作单位\n甲,\(ThinkTankDemo.residentID(910)),13900000001,教育、财务会计,江南大学\n"
            let imported = try decoded(try await officer.send(.POST, "/api/v1/think-tank/experts/import", body: ByteBuffer(string: good), contentType: .plainText), Experts.self)
            #expect(imported.experts.count == 1 && imported.experts[0].fields == ["205", "finance"] && imported.experts[0].status == "candidate")

            // Admission opens an account with the expert role only; the move is kept with who and why.
            let candidate = try #require(imported.experts.first)
            let noReason = try await officer.send(.POST, "/api/v1/think-tank/experts/\(candidate.id)/status", json: ["move": "admit", "reason": " "])
            #expect(noReason.status == .unprocessableEntity)
            struct Moved: Decodable { var status: String; var username: String?; var oneTimePassword: String? }
            let admitted = try decoded(try await officer.send(.POST, "/api/v1/think-tank/experts/\(candidate.id)/status", json: ["move": "admit", "reason": "审核通过"]), Moved.self)
            #expect(admitted.status == "admitted" && admitted.username?.hasPrefix("expert-") == true && (admitted.oneTimePassword?.count ?? 0) >= 12)
            let account = try #require(try await UserModel.query(on: app.db).filter(\.$username == admitted.username!).with(\.$roles).first())
            #expect(account.roleSet == [.expert] && account.mustChangePassword)
            let wrongMove = try await officer.send(.POST, "/api/v1/think-tank/experts/\(candidate.id)/status", json: ["move": "admit", "reason": "再次"])
            #expect(wrongMove.status == .conflict)
            let history = try await LibraryStatusChangeModel.query(on: app.db).filter(\.$memberID == candidate.id).sort(\.$occurredAt).all()
            #expect(history.map(\.toStatus) == ["candidate", "admitted"] && history.last?.reason == "审核通过" && history.last?.actorName == "李晓梅")
            // The manager links the employer the file only named; the conflict rules then see it.
            #expect(try await supervisor.send(.POST, "/api/v1/think-tank/experts/\(candidate.id)/links", json: ["employerCode": "990000-101-01", "reason": "x"]).status == .forbidden)
            let noReasonLink = try await officer.send(.POST, "/api/v1/think-tank/experts/\(candidate.id)/links", json: ["employerCode": "990000-101-01", "reason": ""])
            #expect(noReasonLink.status == .unprocessableEntity)
            #expect(try await officer.send(.POST, "/api/v1/think-tank/experts/\(candidate.id)/links",
                                           json: ["employerCode": "990000-101-01", "reason": "核实其工作单位为江南师范大学"]).status == .ok)
            let planning = try #require(try await KeyEvaluationModel.query(on: app.db).filter(\.$state == KeyEvaluationState.planning.rawValue).first())
            let pool = try await ThinkTankDraws.candidates(for: planning, members: [], spec: DrawSpec(experts: [.init(field: "205", count: 1)]), region: nil, on: app.db)
            #expect(pool.first { $0.id == candidate.id }?.conflicts.contains(.sameDepartment) == true, "the education department's own university")
            #expect(try await LibraryStatusChangeModel.query(on: app.db).filter(\.$memberID == candidate.id).filter(\.$move == "update").count() == 1)
        }
    }

    @Test("draws: conflicts skipped with their rules, the team filled with exactly the access it gives, replayed from the seed, a shortfall changes nothing — on both engines",
          arguments: TestDatabase.all)
    func draws(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            try await loadDemo(app)
            let officer = try await APIClient.signIn(app, "perf-officer", DemoData.password)
            // The demo's draw: six skipped with their rules; replayed from its stored candidates and seed, the same team.
            let record = try #require(try await LibraryDrawModel.query(on: app.db).first())
            let demoDraw = try decoded(try await officer.send(.GET, "/api/v1/think-tank/draws/\(record.id!)"), Draw.self)
            #expect(demoDraw.replayMatches && demoDraw.seed == "20260409" && demoDraw.picks.count == 4)
            let rules = Set(demoDraw.exclusions.flatMap(\.rules))
            #expect(rules.isSuperset(of: ["same_organization", "same_department", "declared_relation", "paid_work"]), "\(demoDraw.exclusions)")
            #expect(demoDraw.picks.contains { $0.kind == "agency" && $0.name == "江南华信绩效评价咨询有限公司" })
            #expect(demoDraw.exclusions.contains { $0.kind == "agency" && $0.name == "江南恒远管理咨询有限公司" && $0.rules == ["paid_work"] })
            // Being drawn is being on the team: a drawn expert opens the evaluation, an expert not drawn does not.
            let evaluationID = record.evaluationID
            let drawnExpert = try #require(demoDraw.picks.first { $0.kind == "expert" })
            let drawnUser = try #require(try await ExpertModel.find(drawnExpert.id, on: app.db)?.userID)
            let username = try #require(try await UserModel.find(drawnUser, on: app.db)?.username)
            let member = try await APIClient.signIn(app, username, DemoData.password)
            #expect(try await member.send(.GET, "/api/v1/key-evaluations/\(evaluationID)").status == .ok)
            let excluded = try #require(demoDraw.exclusions.first { $0.kind == "expert" })
            if let other = try await ExpertModel.find(excluded.id, on: app.db)?.userID, let name = try await UserModel.find(other, on: app.db)?.username {
                let outsider = try await APIClient.signIn(app, name, DemoData.password)
                #expect(try await outsider.send(.GET, "/api/v1/key-evaluations/\(evaluationID)").status == .notFound)
            }

            // A fresh draw on the department's evaluation (still planning): replayable, and another seed draws another team.
            let planning = try #require(try await KeyEvaluationModel.query(on: app.db).filter(\.$state == KeyEvaluationState.planning.rawValue).first())
            let spec = DrawSpec(experts: [.init(field: "finance", count: 3)], regionCode: nil, agencies: 0, agencyType: nil)
            let parties = try await ThinkTankDraws.parties(of: planning, on: app.db)
            let members = try await KeyEvaluationMemberModel.query(on: app.db).filter(\.$evaluationID == planning.id!).all()
            let candidates = try await ThinkTankDraws.candidates(for: planning, members: members, spec: spec, region: nil, on: app.db)
            #expect(!parties.isEmpty && candidates.count >= 7)
            let a = ThinkTankDraws.outcome(candidates, spec: spec, seed: 11), b = ThinkTankDraws.outcome(candidates, spec: spec, seed: 11)
            let teams = Set((0..<20).map { seed in ThinkTankDraws.outcome(candidates, spec: spec, seed: UInt64(seed)).picks.map(\.id) })
            #expect(a.picks.map(\.id) == b.picks.map(\.id) && teams.count > 1, "same seed same team; other seeds other teams")
            // The education department's own experts are skipped for its overall evaluation.
            #expect(candidates.contains { $0.conflicts.contains(.sameDepartment) })

            // A draw that cannot be filled: 15 education experts; nothing is drawn, the team and the draws stay as they were.
            let teamBefore = try await KeyEvaluationMemberModel.query(on: app.db).filter(\.$evaluationID == planning.id!).count()
            let drawsBefore = try await LibraryDrawModel.query(on: app.db).count()
            let short = try await officer.send(.POST, "/api/v1/key-evaluations/\(planning.id!)/draws", json: ["experts": [["field": "205", "count": 15] as [String: any Sendable]]])
            #expect(short.status == .unprocessableEntity && short.body.string.contains("draw_short") && short.body.string.contains("同一部门"), "\(short.body.string)")
            var english = HTTPHeaders(); english.replaceOrAdd(name: .acceptLanguage, value: "en")
            let shortEnglish = try await officer.send(.POST, "/api/v1/key-evaluations/\(planning.id!)/draws", json: ["experts": [["field": "205", "count": 15] as [String: any Sendable]]],
                                                      headers: english)
            #expect(shortEnglish.body.string.contains("same department") && shortEnglish.body.string.contains("Education"), "\(shortEnglish.body.string)")
            #expect(try await KeyEvaluationMemberModel.query(on: app.db).filter(\.$evaluationID == planning.id!).count() == teamBefore)
            #expect(try await LibraryDrawModel.query(on: app.db).count() == drawsBefore)
            // An agency cannot be drawn for an evaluation the plan does not entrust to one.
            let noAgency = try await officer.send(.POST, "/api/v1/key-evaluations/\(planning.id!)/draws", json: ["experts": [] as [String], "agencies": 1])
            #expect(noAgency.status == .unprocessableEntity && noAgency.body.string.contains("agencies"))
            // A real draw fills the team.
            let drawn = try decoded(try await officer.send(.POST, "/api/v1/key-evaluations/\(planning.id!)/draws", json: ["experts": [["field": "finance", "count": 2] as [String: any Sendable]]]), Draw.self)
            #expect(drawn.picks.count == 2 && drawn.replayMatches)
            #expect(try await KeyEvaluationMemberModel.query(on: app.db).filter(\.$evaluationID == planning.id!).count() == teamBefore + 2)
            // By hand: a reason is needed, and someone with a conflict is refused with the rule.
            let conflicted = try #require(candidates.first { $0.conflicts.contains(.sameDepartment) })
            let noReason = try await officer.send(.POST, "/api/v1/key-evaluations/\(planning.id!)/manual-experts", json: ["expertID": conflicted.id.uuidString, "reason": ""])
            #expect(noReason.status == .unprocessableEntity && noReason.body.string.contains("reason"))
            let withConflict = try await officer.send(.POST, "/api/v1/key-evaluations/\(planning.id!)/manual-experts", json: ["expertID": conflicted.id.uuidString, "reason": "熟悉情况"])
            #expect(withConflict.status == .unprocessableEntity && withConflict.body.string.contains("回避"))
            let free = try #require(candidates.first { $0.conflicts.isEmpty && !drawn.picks.map(\.id).contains($0.id) })
            let replaced = try #require(drawn.picks.first)
            struct Engagements: Decodable { struct Item: Decodable { var memberID: UUID; var source: String; var reason: String; var replaced: Bool }; var engagements: [Item] }
            let byHand = try decoded(try await officer.send(.POST, "/api/v1/key-evaluations/\(planning.id!)/manual-experts",
                                                             json: ["expertID": free.id.uuidString, "reason": "原抽中专家因公出差无法参加", "replacing": replaced.id.uuidString]),
                                     Engagements.self)
            #expect(byHand.engagements.contains { $0.memberID == free.id && $0.source == "manual" && $0.reason.contains("出差") })
            #expect(byHand.engagements.contains { $0.memberID == replaced.id && $0.replaced })
            #expect(try await KeyEvaluationMemberModel.query(on: app.db).filter(\.$evaluationID == planning.id!).count() == teamBefore + 2)

            // The key evaluation's own team form follows the same rules for library experts: a conflict is refused, a
            // reason is needed, and the addition is recorded; leaving the team takes the engagement away.
            func accountName(of expertID: UUID) async throws -> String {
                let user = try #require(try await ExpertModel.find(expertID, on: app.db)?.userID)
                return try #require(try await UserModel.find(user, on: app.db)?.username)
            }
            let page = Browser(app)
            try await page.signIn("perf-officer", DemoData.password)
            _ = try await page.get(KeyEvaluationRoute.evaluation(.value(planning.id!)).url)
            var version = try #require(try await KeyEvaluationModel.find(planning.id!, on: app.db)?.lockVersion)
            let refused = try await page.post(KeyEvaluationRoute.addMember(.value(planning.id!)).url,
                                              ["lock_version": String(version), "username": try await accountName(of: conflicted.id), "role": "expert", "reason": "熟悉情况"])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("须回避"))
            let another = try #require(candidates.first { $0.conflicts.isEmpty && ![free.id, replaced.id].contains($0.id) && !drawn.picks.map(\.id).contains($0.id) })
            let noReasonForm = try await page.post(KeyEvaluationRoute.addMember(.value(planning.id!)).url,
                                                   ["lock_version": String(version), "username": try await accountName(of: another.id), "role": "expert"])
            #expect(noReasonForm.status == .unprocessableEntity)
            let added = try await page.post(KeyEvaluationRoute.addMember(.value(planning.id!)).url,
                                            ["lock_version": String(version), "username": try await accountName(of: another.id), "role": "expert", "reason": "熟悉该部门业务"])
            #expect(added.status == .seeOther || added.status == .found, "\(added.status)")
            #expect(try await EngagementModel.query(on: app.db).filter(\.$evaluationID == planning.id!).filter(\.$memberID == another.id).first()?.reason == "熟悉该部门业务")
            version = try #require(try await KeyEvaluationModel.find(planning.id!, on: app.db)?.lockVersion)
            let anotherUser = try #require(try await ExpertModel.find(another.id, on: app.db)?.userID)
            _ = try await page.get(KeyEvaluationRoute.evaluation(.value(planning.id!)).url)
            _ = try await page.post(KeyEvaluationRoute.removeMember(.value(planning.id!), .value(anotherUser)).url, ["lock_version": String(version)])
            #expect(try await EngagementModel.query(on: app.db).filter(\.$evaluationID == planning.id!).filter(\.$memberID == another.id).first()?.source == "left")
            // Someone who left is not added again, and an expert outside the libraries does not join where libraries exist.
            version = try #require(try await KeyEvaluationModel.find(planning.id!, on: app.db)?.lockVersion)
            _ = try await page.get(KeyEvaluationRoute.evaluation(.value(planning.id!)).url)
            let again = try await page.post(KeyEvaluationRoute.addMember(.value(planning.id!)).url,
                                            ["lock_version": String(version), "username": try await accountName(of: another.id), "role": "expert", "reason": "再次"])
            #expect(again.status == .unprocessableEntity)

            // The team reads who was drawn, not who was skipped and why, nor the ratings.
            let teamView = try decoded(try await member.send(.GET, "/api/v1/think-tank/draws/\(record.id!)"), Draw.self)
            #expect(teamView.replayMatches && teamView.picks.count == 4 && teamView.exclusions.isEmpty)
            let teamPage = Browser(app, address: "192.0.2.44")
            try await teamPage.signIn(username, DemoData.password)
            let seen = try await teamPage.get(ThinkTankRoute.team(.value(evaluationID)).url).body.string
            #expect(seen.contains("按种子重放") && !seen.contains("申报了利害关系") && !seen.contains("态度 5"))
        }
    }

    @Test("ratings by the organiser only, dynamic management proposing and a person confirming, quality reviews and the public notice — on both engines",
          arguments: TestDatabase.all)
    func ratingsAndQuality(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            try await loadDemo(app)
            let officer = try await APIClient.signIn(app, "perf-officer", DemoData.password)
            let expert = try await APIClient.signIn(app, "expert", DemoData.password)
            let reported = try #require(try await KeyEvaluationModel.query(on: app.db).filter(\.$state == KeyEvaluationState.reportSubmitted.rawValue).first())
            // Every engagement of the demo's reported evaluation was rated once; a second rating is refused, and a member
            // of the team (not an organiser) may not rate.
            let engagements = try await EngagementModel.query(on: app.db).filter(\.$evaluationID == reported.id!).all()
            let ratings = try await LibraryRatingModel.query(on: app.db).count()
            #expect(engagements.count == 4 && ratings == 4)
            let rating: [String: any Sendable] = ["attitude": 5, "ability": 5, "integrity": 5]
            #expect(try await officer.send(.POST, "/api/v1/think-tank/engagements/\(engagements[0].id!)/rating", json: rating).status == .conflict)
            let drawnUser = try #require(try await KeyEvaluationMemberModel.query(on: app.db).filter(\.$evaluationID == reported.id!).filter(\.$role == "expert").first()?.userID)
            let memberName = try #require(try await UserModel.find(drawnUser, on: app.db)?.username)
            let member = try await APIClient.signIn(app, memberName, DemoData.password)
            let notOrganiser = try await member.send(.POST, "/api/v1/think-tank/engagements/\(engagements[1].id!)/rating", json: rating)
            #expect(notOrganiser.status == .forbidden && notOrganiser.body.string.contains("not_organiser"))
            #expect(try await expert.send(.POST, "/api/v1/think-tank/engagements/\(engagements[1].id!)/rating", json: rating).status == .notFound)

            // Dynamic management: an expert rated poorly three times is proposed for suspension; a person confirms it.
            let evaluations = try await KeyEvaluationModel.query(on: app.db).all()
            // An admitted expert with no engagement yet (the demo's draw picks by random ids).
            let engagedAlready = Set(try await EngagementModel.query(on: app.db).all().map(\.memberID))
            let target = try #require(try await ExpertModel.query(on: app.db).filter(\.$status == "admitted").filter(\.$name != "孙立平").sort(\.$name).all()
                .first { !engagedAlready.contains($0.id!) })
            for (index, evaluation) in evaluations.enumerated() {
                let engagement = EngagementModel()
                engagement.id = UUID(); engagement.evaluationID = evaluation.id!; engagement.memberKind = "expert"; engagement.memberID = target.id!
                engagement.fiscalYear = evaluation.fiscalYear; engagement.source = "manual"; engagement.reason = "test"; engagement.createdByName = "test"
                engagement.createdAt = Date(timeIntervalSince1970: 1_700_000_000 + Double(index))
                try await engagement.create(on: app.db)
                let low = LibraryRatingModel()
                low.id = UUID(); low.engagementID = engagement.id!; low.memberID = target.id!; low.attitude = 3; low.ability = 2; low.integrity = 3
                low.comment = ""; low.ratedBy = UUID(); low.ratedByName = "test"; low.ratedAt = Date().addingTimeInterval(Double(index))
                try await low.create(on: app.db)
            }
            struct Proposals: Decodable { struct Item: Decodable { var kind: String; var id: UUID; var basis: String }; var proposals: [Item] }
            let proposals = try decoded(try await officer.send(.GET, "/api/v1/think-tank/proposals"), Proposals.self)
            #expect(proposals.proposals.contains { $0.id == target.id && $0.basis.contains("2.67") }, "\(proposals.proposals.map(\.basis))")
            #expect(try await ExpertModel.find(target.id!, on: app.db)?.status == "admitted", "a proposal changes nothing by itself")
            let confirmed = try decoded(try await officer.send(.POST, "/api/v1/think-tank/proposals/confirm", json: ["kind": "expert", "id": target.id!.uuidString, "reason": "经研究同意"]),
                                        Proposals.self)
            #expect(!confirmed.proposals.contains { $0.id == target.id })
            #expect(try await ExpertModel.find(target.id!, on: app.db)?.status == "suspended")
            let change = try #require(try await LibraryStatusChangeModel.query(on: app.db).filter(\.$memberID == target.id!).filter(\.$toStatus == "suspended").first())
            #expect(change.byRule && change.reason.contains("低于 3 分") && change.reason.contains("经研究同意"))

            // Quality: the demo's review (89, 良好) is published; the notice is public and frozen.
            struct Results: Decodable { struct Line: Decodable { var agency: String; var score: String; var grade: String; var excluded: Bool }; var published: Bool; var lines: [Line] }
            let results = try decoded(try await officer.send(.GET, "/api/v1/think-tank/quality?year=\(reported.fiscalYear)"), Results.self)
            #expect(results.published && results.lines.count == 1 && results.lines[0].score == "89" && results.lines[0].grade == "良好" && !results.lines[0].excluded)
            let revise = try await officer.send(.PUT, "/api/v1/think-tank/reviews/\(reported.id!)", json: ["entries": QualityCriterion.allCases.map { ["criterion": $0.rawValue, "points": $0.maximum] as [String: any Sendable] }])
            #expect(revise.status == .conflict && revise.body.string.contains("published"))
            let notice = try await Browser(app).get(ThinkTankPublicRoute.notice(.value("990000"), .value(reported.fiscalYear)).url)
            #expect(notice.status == .ok && notice.body.string.contains("江南华信绩效评价咨询有限公司") && notice.body.string.contains("良好"))
            #expect(try await Browser(app).get(ThinkTankPublicRoute.notice(.value("990000"), .value(reported.fiscalYear - 1)).url).status == .notFound)
            // A review below 60 in another year excludes the agency from the next draw's pool (recorded as the rule).
            let review = try #require(try await QualityReviewModel.query(on: app.db).first())
            review.total = 55; review.reviewedAt = Date()
            try await review.save(on: app.db)
            let planning = try #require(try await KeyEvaluationModel.query(on: app.db).filter(\.$state == KeyEvaluationState.planning.rawValue).first())
            let candidates = try await ThinkTankDraws.candidates(for: planning, members: [], spec: DrawSpec(experts: [], regionCode: nil, agencies: 1, agencyType: nil),
                                                                 region: nil, on: app.db)
            #expect(candidates.first { $0.name == "江南华信绩效评价咨询有限公司" }?.conflicts.contains(.lowQualityReview) == true)
            let agencyProposals = try decoded(try await officer.send(.GET, "/api/v1/think-tank/proposals"), Proposals.self)
            #expect(agencyProposals.proposals.contains { $0.kind == "agency" && $0.basis.contains("55") })
            // …and the plan cannot entrust it by hand either.
            let person = try await MonitoringDemo.Actors(db: app.db, effects: app.effects).account("perf-officer")
            var plan = try planning.plan
            plan.evaluatorKind = .agency
            do {
                try await KeyEvaluations.savePlan(planning.id!, plan: plan, agencyCode: "990000-A01", lockVersion: planning.lockVersion, by: person.at(2027, 5, 1, 9), on: app.db)
                Issue.record("an agency below the line was entrusted")
            } catch let errors as FormErrors {
                #expect(errors.errors.contains { $0.field == "agency" }, "\(errors.errors.map(\.code))")
            }
            #expect(try await KeyEvaluationModel.find(planning.id!, on: app.db)?.agencyID == nil)
        }
    }

    @Test("the pages: libraries, an evaluation's draws and ratings, reviews, a call answered without an account; in Chinese and English — on both engines",
          arguments: TestDatabase.all)
    func pages(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            try await loadDemo(app)
            let browser = Browser(app)
            try await browser.signIn("perf-officer", DemoData.password)
            let experts = try await browser.get(ThinkTankRoute.experts().url)
            #expect(experts.status == .ok && experts.body.string.contains("专家学者库") && experts.body.string.contains("孙立平"))
            #expect(try await browser.get(ThinkTankRoute.agencies().url).body.string.contains("江南恒远管理咨询有限公司"))
            #expect(try await browser.get(ThinkTankRoute.supervisors().url).body.string.contains("人大代表"))
            let reported = try #require(try await KeyEvaluationModel.query(on: app.db).filter(\.$state == KeyEvaluationState.reportSubmitted.rawValue).first())
            let team = try await browser.get(ThinkTankRoute.team(.value(reported.id!)).url).body.string
            #expect(team.contains("按种子重放，结果一致") && team.contains("申报了利害关系") && team.contains("同一部门"))
            let reviews = try await browser.get(ThinkTankRoute.reviews(year: reported.fiscalYear).url).body.string
            #expect(reviews.contains("良好") && reviews.contains("公开通报"))
            // A refused registration comes back as typed, the problem beside its field.
            _ = try await browser.get(ThinkTankRoute.experts().url)
            let refused = try await browser.post(ThinkTankRoute.experts().url, ["name": "王五六", "idNumber": "123", "phone": "13900000000", "employerName": "江南大学",
                                                                                 "fields[]": "205"])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("value=\"王五六\"")
                    && refused.body.string.contains("身份证号无效"), "\(refused.status)")
            // A call: published by the office, answered by an applicant without an account; a duplicate is refused on the page.
            _ = try await browser.get(ThinkTankRoute.calls().url)
            let opened = try await browser.post(ThinkTankRoute.calls().url, ["kind": "expert", "title": "2027 年度专家征集", "body": "欢迎报名",
                                                                              "closesOn": "2099-12-31"])
            #expect(opened.status == .seeOther || opened.status == .found)
            let call = try #require(try await LibraryCallModel.query(on: app.db).first())
            let applicant = Browser(app, address: "192.0.2.77")
            #expect(try await applicant.get(ThinkTankPublicRoute.apply(.value(call.key)).url).body.string.contains("2027 年度专家征集"))
            let form = ["name": "申请人", "idNumber": ThinkTankDemo.residentID(950), "phone": "13800000000", "employerName": "江南大学", "fields[]": "205",
                        "relationOrganization": "江南省教育厅", "relationKind": "relation"]
            let applied = try await applicant.post(ThinkTankPublicRoute.apply(.value(call.key)).url, form, csrf: .some(nil))
            #expect(applied.status == .seeOther || applied.status == .found, "\(applied.status) \(applied.body.string.prefix(300))")
            let applicantRecord = try #require(try await ExpertModel.query(on: app.db).filter(\.$name == "申请人").first())
            #expect(applicantRecord.source == "application")
            #expect(try await LibraryRelationModel.query(on: app.db).filter(\.$memberID == applicantRecord.id!).count() == 1, "the declared relation, named by the applicant")
            let again = try await applicant.post(ThinkTankPublicRoute.apply(.value(call.key)).url, form, csrf: .some(nil))
            #expect(again.status == .conflict && again.body.string.contains("不能重复申请") && !again.body.string.contains("申请人（"),
                    "an applicant learns that the number is registered, never whose it is")
            // One address sends at most three applications a day to a call.
            // (the refused duplicate counted as an attempt too)
            let third = try await applicant.post(ThinkTankPublicRoute.apply(.value(call.key)).url, form.merging(["idNumber": ThinkTankDemo.residentID(951)]) { $1 }, csrf: .some(nil))
            #expect(third.status == .seeOther || third.status == .found)
            let spam = try await applicant.post(ThinkTankPublicRoute.apply(.value(call.key)).url, form.merging(["idNumber": ThinkTankDemo.residentID(953)]) { $1 }, csrf: .some(nil))
            #expect(spam.status == .tooManyRequests)
            #expect(try await ExpertModel.query(on: app.db).filter(\.$source == "application").filter(\.$name == "申请人").count() == 2)
            // Another address still applies.
            let neighbour = Browser(app, address: "192.0.2.78")
            _ = try await neighbour.get(ThinkTankPublicRoute.apply(.value(call.key)).url)
            let other = try await neighbour.post(ThinkTankPublicRoute.apply(.value(call.key)).url, form.merging(["idNumber": ThinkTankDemo.residentID(954)]) { $1 }, csrf: .some(nil))
            #expect(other.status == .seeOther || other.status == .found)
            #expect(try await applicant.get(ThinkTankPublicRoute.apply(.value("no-such-call")).url).status == .notFound)
            // English
            browser.acceptLanguage = "en"
            _ = try await browser.post("/locale", ["locale": "en", "back": "/"])
            #expect(try await browser.get(ThinkTankRoute.experts().url).body.string.contains("Experts"))
        }
    }
}
