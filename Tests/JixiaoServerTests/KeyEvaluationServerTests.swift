import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
import ZIPFoundation
@testable import JixiaoServer
import JixiaoDomain

private struct Candidates: Decodable {
    struct Candidate: Decodable { var objectID: UUID; var code: String; var reasons: [String]; var amountWanYuan: String; var evaluationID: UUID? }
    struct Line: Decodable { var name: String; var spendingWanYuan: String; var evaluatedWanYuan: String; var meetsTarget: Bool; var percent: String? }
    var candidates: [Candidate]; var departments: [Line]; var regions: [Line]
}
private struct Evaluation: Decodable {
    struct Indicator: Decodable { var id: UUID; var level1: String; var level3: String; var weight: String; var target: String?; var actual: String?
        var points: String?; var method: String?; var scorers: Int?; var needsDiscussion: Bool? }
    struct Member: Decodable { var userID: UUID; var role: String; var submittedAt: Date? }
    struct Score: Decodable { var indicatorID: UUID; var userID: UUID; var points: String }
    var id: UUID; var state: String; var lockVersion: Int; var evaluatorKind: String; var agencyID: UUID?
    var indicators: [Indicator]; var members: [Member]; var scores: [Score]; var total: String?; var grade: String?
}
private struct List: Decodable { struct Item: Decodable { var id: UUID; var state: String }; var evaluations: [Item] }

private func decoded<T: Decodable>(_ response: TestingHTTPResponse, _ type: T.Type, sourceLocation: SourceLocation = #_sourceLocation) throws -> T {
    do { return try response.content.decode(T.self) } catch {
        Issue.record("\(response.status): \(response.body.string)", sourceLocation: sourceLocation)
        throw error
    }
}

@Suite("Key evaluations (重点评价): choosing with reasons and coverage, plan, framework, team access, four eyes, independent scoring")
struct KeyEvaluationServerTests {
    @Test("from candidates to results through the pages and the API — on both engines", arguments: TestDatabase.all)
    func wholeProcedure(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            // setup: the demo's released goals and its self-evaluated year
            let context = DemoContext(database: app.db, bcryptCost: 4, threadPool: app.threadPool, effects: app.effects)
            _ = try await DemoGoals.load(on: app.db)
            _ = try await SelfEvaluationDemo.load(context)
            let y = SelfEvaluationDemo.year(at: app.effects.now())
            let finance = try await APIClient.signIn(app, "perf-officer", DemoData.password)
            let expert = try await APIClient.signIn(app, "expert", DemoData.password)
            let agency = try await APIClient.signIn(app, "agency-evaluator", DemoData.password)
            let unit = try await APIClient.signIn(app, "unit-officer", DemoData.password)

            // Candidates: the student-aid project meets the livelihood, concern and amount rules; coverage is counted.
            let candidates = try decoded(try await finance.send(.GET, "/api/v1/key-evaluations/candidates?year=\(y)"), Candidates.self)
            let aid = try #require(candidates.candidates.first { $0.code == "JN\(y)-EDU-201" })
            #expect(aid.reasons.contains("livelihood") && aid.reasons.contains("public_concern") && aid.reasons.contains("large_amount"), "\(aid.reasons)")
            #expect(!candidates.regions.isEmpty && candidates.regions.allSatisfy { ($0.percent == "0.00" || $0.percent == nil) && !$0.meetsTarget })
            #expect(candidates.departments.contains { $0.name.contains("教育") })
            #expect(try await unit.send(.GET, "/api/v1/key-evaluations/candidates?year=\(y)").status == .forbidden, "a unit runs no key evaluation")

            // Choosing needs a reason; nothing is created without one.
            let noReason = try await finance.send(.POST, "/api/v1/key-evaluations", json: ["fiscalYear": y, "objectIDs": [aid.objectID.uuidString], "reason": " "])
            #expect(noReason.status == .unprocessableEntity)
            #expect(try await KeyEvaluationModel.query(on: app.db).count() == 0)
            struct Chosen: Decodable { var evaluationIDs: [UUID] }
            let chosen = try decoded(try await finance.send(.POST, "/api/v1/key-evaluations", json: [
                "fiscalYear": y, "objectIDs": [aid.objectID.uuidString], "reason": "重大民生支出，资金量大"]), Chosen.self)
            let id = try #require(chosen.evaluationIDs.first)
            let twice = try await finance.send(.POST, "/api/v1/key-evaluations", json: ["fiscalYear": y, "objectIDs": [aid.objectID.uuidString], "reason": "再选"])
            #expect(twice.status == .unprocessableEntity && twice.body.string.contains("JN\(y)-EDU-201"))
            let after = try decoded(try await finance.send(.GET, "/api/v1/key-evaluations/candidates?year=\(y)"), Candidates.self)
            #expect(after.candidates.first { $0.code == aid.code }?.evaluationID == id)
            #expect(after.regions.contains { $0.evaluatedWanYuan == aid.amountWanYuan }, "the chosen amount counts toward coverage")

            // The framework: the template with the goal's output indicators (targets and self-evaluated actuals) pulled in.
            var evaluation = try decoded(try await finance.send(.GET, "/api/v1/key-evaluations/\(id)"), Evaluation.self)
            #expect(evaluation.state == "planning" && evaluation.members.map(\.role) == ["leader"])
            let weights = evaluation.indicators.compactMap { Decimal(string: $0.weight) }.reduce(0, +)
            #expect(weights == 100)
            #expect(evaluation.indicators.contains { $0.level1 == "产出" && $0.target != nil && $0.actual != nil }, "goal rows carry target and actual")
            #expect(evaluation.indicators.contains { $0.level1 == "决策" && $0.level3 == "立项依据充分性" })

            // Not on the team: the expert neither sees nor lists it.
            #expect(try await expert.send(.GET, "/api/v1/key-evaluations/\(id)").status == .notFound)
            #expect(try decoded(try await expert.send(.GET, "/api/v1/key-evaluations"), List.self).evaluations.isEmpty)

            // The plan, team and framework through the pages; a wrong date and a wrong part are refused by field.
            let browser = Browser(app)
            try await browser.signIn("perf-officer", DemoData.password)
            try await browser.get(KeyEvaluationRoute.evaluation(.value(id)).url)
            var plan: [String: String] = ["lock_version": "0", "evaluator_kind": "agency", "agency": "990000-A01", "basis": "财预〔2020〕10号",
                                          "methods[]": "comparison", "m[0][name]": "前期准备", "m[0][due]": "\(y + 1)-02-30", "data": "资金拨付凭证"]
            let badDate = try await browser.post(KeyEvaluationRoute.plan(.value(id)).url, plan)
            #expect(badDate.status == .unprocessableEntity && badDate.body.string.contains("第 1 个时间节点的日期无效"))
            plan["m[0][due]"] = "\(y + 1)-04-30"
            #expect(try await browser.post(KeyEvaluationRoute.plan(.value(id)).url, plan).status == .seeOther)
            let wrongPart = try await browser.post(KeyEvaluationRoute.addMember(.value(id)).url, ["lock_version": "1", "username": "unit-officer", "role": "expert"])
            #expect(wrongPart.status == .unprocessableEntity && wrongPart.body.string.contains("不能担任"))
            #expect(try await browser.post(KeyEvaluationRoute.addMember(.value(id)).url, ["lock_version": "1", "username": "expert", "role": "expert"]).status == .seeOther)
            let stale = try await browser.post(KeyEvaluationRoute.addMember(.value(id)).url, ["lock_version": "1", "username": "agency-evaluator", "role": "agency_evaluator"])
            #expect(stale.status == .conflict, "a page older than the last change is refused")
            #expect(try await browser.post(KeyEvaluationRoute.addMember(.value(id)).url,
                                           ["lock_version": "2", "username": "agency-evaluator", "role": "agency_evaluator"]).status == .seeOther)
            let badWeights = try await browser.post(KeyEvaluationRoute.framework(.value(id)).url, [
                "lock_version": "3", "f[0][level1]": "决策", "f[0][level2]": "项目立项", "f[0][level3]": "立项依据充分性", "f[0][weight]": "40", "f[0][criteria]": "x"])
            #expect(badWeights.status == .unprocessableEntity && badWeights.body.string.contains("应为 100"))

            // Four eyes: the officer submits, cannot approve; the office's head approves.
            #expect(try await browser.post(KeyEvaluationRoute.transition(.value(id)).url, ["lock_version": "3", "action": "submit_plan"]).status == .seeOther)
            let own = try await browser.post(KeyEvaluationRoute.transition(.value(id)).url, ["lock_version": "4", "action": "approve_plan"])
            #expect(own.status == .forbidden)
            let head = Browser(app, address: "192.0.2.11")
            try await head.signIn("perf-head", DemoData.password)
            try await head.get(KeyEvaluationRoute.evaluation(.value(id)).url)
            #expect(try await head.post(KeyEvaluationRoute.transition(.value(id)).url, ["lock_version": "4", "action": "approve_plan", "opinion": "同意"]).status == .seeOther)

            // The team was part of the approved plan: it no longer changes.
            #expect(try await head.post(KeyEvaluationRoute.addMember(.value(id)).url, ["lock_version": "5", "username": "perf-head", "role": "staff"]).status == .conflict)
            // Independent scoring: on the team now, the expert sees the evaluation but nobody's points.
            evaluation = try decoded(try await expert.send(.GET, "/api/v1/key-evaluations/\(id)"), Evaluation.self)
            #expect(evaluation.state == "underway" && evaluation.evaluatorKind == "agency" && evaluation.agencyID != nil)
            #expect(try decoded(try await expert.send(.GET, "/api/v1/key-evaluations"), List.self).evaluations.map(\.id) == [id])
            let rows = evaluation.indicators
            func scores(_ points: (Int, Evaluation.Indicator) -> String?, comment: String = "") -> [[String: any Sendable]] {
                rows.enumerated().map { index, row in
                    var entry: [String: any Sendable] = ["indicatorID": row.id.uuidString, "comment": comment]
                    if let value = points(index, row) { entry["points"] = value }
                    return entry
                }
            }
            // The leader keeps a draft, which counts for nobody.
            #expect(try await finance.send(.PUT, "/api/v1/key-evaluations/\(id)/scores", json: ["scores": scores { _, _ in "0" }]).status == .ok)
            let draft = try decoded(try await expert.send(.PUT, "/api/v1/key-evaluations/\(id)/scores", json: ["scores": scores { i, r in i == 0 ? r.weight : nil }]), Evaluation.self)
            #expect(draft.scores.count == 1 && draft.indicators.allSatisfy { $0.points == nil }, "a draft sees only itself and no result")
            let open = try await expert.send(.PUT, "/api/v1/key-evaluations/\(id)/scores", json: ["scores": scores { i, r in i == 0 ? r.weight : nil }, "submit": true])
            #expect(open.status == .unprocessableEntity && open.body.string.contains("尚未评分"))
            let unexplained = try await expert.send(.PUT, "/api/v1/key-evaluations/\(id)/scores", json: ["scores": scores { i, r in i == 1 ? "0" : r.weight }, "submit": true])
            #expect(unexplained.status == .unprocessableEntity && unexplained.body.string.contains("扣分理由"))
            let tooMany = try await expert.send(.PUT, "/api/v1/key-evaluations/\(id)/scores", json: ["scores": scores { _, r in r.weight + "1" }])
            #expect(tooMany.status == .unprocessableEntity)
            let repeated = [rows[0].id.uuidString, rows[0].id.uuidString].map { ["indicatorID": $0, "points": "1", "comment": ""] as [String: any Sendable] }
            #expect(try await expert.send(.PUT, "/api/v1/key-evaluations/\(id)/scores", json: ["scores": repeated]).status == .unprocessableEntity)
            // A save of one indicator keeps the others' drafts.
            let partial = try decoded(try await expert.send(.PUT, "/api/v1/key-evaluations/\(id)/scores",
                                                            json: ["scores": [["indicatorID": rows[1].id.uuidString, "points": "1", "comment": ""]]]), Evaluation.self)
            #expect(partial.scores.count == 2, "the first indicator's draft stays beside the second's")
            let submitted = try decoded(try await expert.send(.PUT, "/api/v1/key-evaluations/\(id)/scores", json: [
                "scores": scores({ i, r in i == 0 ? "0" : r.weight }, comment: "材料不全"), "submit": true]), Evaluation.self)
            #expect(submitted.indicators[0].points == "0" && submitted.indicators[0].scorers == 1)
            #expect(!submitted.scores.contains { $0.userID != submitted.members.first { $0.role == "expert" }!.userID }, "the leader's draft stays unseen")
            #expect(try await expert.send(.PUT, "/api/v1/key-evaluations/\(id)/scores", json: ["scores": scores { _, r in r.weight }]).status == .conflict)
            _ = try decoded(try await agency.send(.PUT, "/api/v1/key-evaluations/\(id)/scores", json: ["scores": scores { _, r in r.weight }, "submit": true]), Evaluation.self)

            // Results — for the office's head, who runs it without scoring (the leader sees them once their own are in): the
            // mean of the two submitted members; the first indicator's spread (its whole weight) is flagged.
            let leaderView = try decoded(try await finance.send(.GET, "/api/v1/key-evaluations/\(id)"), Evaluation.self)
            #expect(leaderView.total == nil && leaderView.indicators.allSatisfy { $0.points == nil } && leaderView.scores.allSatisfy { $0.userID == leaderView.members[0].userID })
            let headAPI = try await APIClient.signIn(app, "perf-head", DemoData.password)
            evaluation = try decoded(try await headAPI.send(.GET, "/api/v1/key-evaluations/\(id)"), Evaluation.self)
            let first = evaluation.indicators[0], weight = try #require(Decimal(string: first.weight))
            #expect(Decimal(string: first.points ?? "") == weight / 2 && first.method == "mean" && first.scorers == 2 && first.needsDiscussion == true)
            #expect(evaluation.indicators.dropFirst().allSatisfy { $0.needsDiscussion == false })
            let total = try #require(evaluation.total.flatMap { Decimal(string: $0) })
            #expect(total == 100 - weight / 2 && evaluation.grade == ScoreGrade(score: total).rawValue)
            // The report waits for the leader's scores.
            let early = try await browser.post(KeyEvaluationRoute.transition(.value(id)).url, ["lock_version": "5", "action": "submit_report"])
            #expect(early.status == .unprocessableEntity && early.body.string.contains("李晓梅"))

            // Another evaluation the expert is not on stays out of reach.
            let other = try decoded(try await finance.send(.POST, "/api/v1/key-evaluations", json: [
                "fiscalYear": y, "objectIDs": [try #require(candidates.candidates.first { $0.code != aid.code }).objectID.uuidString], "reason": "另选"]), Chosen.self)
            #expect(try await expert.send(.GET, "/api/v1/key-evaluations/\(other.evaluationIDs[0])").status == .notFound)
            #expect(try await expert.send(.PUT, "/api/v1/key-evaluations/\(other.evaluationIDs[0])/scores", json: ["scores": [String]()]).status == .notFound)
            let expertPage = Browser(app, address: "192.0.2.12")
            try await expertPage.signIn("expert", DemoData.password)
            #expect(try await expertPage.get(KeyEvaluationRoute.evaluation(.value(other.evaluationIDs[0])).url).status == .notFound)
            #expect(try await expertPage.get(KeyEvaluationRoute.scores(.value(id)).url).status == .ok)

            let actions = try await auditActions(app)
            for action in ["key_evaluation.chosen", "key_evaluation.plan_saved", "key_evaluation.member_added", "key_evaluation.submit_plan",
                           "key_evaluation.approve_plan", "key_evaluation.scores_saved", "key_evaluation.scores_submitted"] {
                #expect(actions.contains(action), "\(action) is audited")
            }
        }
    }

    @Test("the demo's evaluations load and their pages read in both languages — on both engines", arguments: TestDatabase.all)
    func demo(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let context = DemoContext(database: app.db, bcryptCost: 4, threadPool: app.threadPool, effects: app.effects)
            _ = try await DemoGoals.load(on: app.db)
            _ = try await SelfEvaluationDemo.load(context)
            let line = try await KeyEvaluationDemo.load(context)
            #expect(line.contains("2 objects"), "\(line)")
            let evaluations = try await KeyEvaluationModel.query(on: app.db).sort(\.$title).all()
            #expect(Set(evaluations.map(\.evaluationState)) == [.underway, .planning])
            let underway = try #require(evaluations.first { $0.evaluationState == .underway })
            let browser = Browser(app)
            try await browser.signIn("perf-officer", DemoData.password)
            // The leader's scores are still owed: the workbench says so.
            #expect(try await browser.get("/").body.string.contains("1 项重点评价待您评分"))
            let page = try await browser.get(KeyEvaluationRoute.evaluation(.value(underway.id!)).url)
            #expect(page.status == .ok && page.body.string.contains("评分结果") && page.body.string.contains("江南华信绩效评价咨询有限公司"))
            let y = SelfEvaluationDemo.year(at: app.effects.now())
            let candidates = try await browser.get(KeyEvaluationRoute.candidates(year: y).url)
            #expect(candidates.status == .ok && candidates.body.string.contains("重大民生支出") && candidates.body.string.contains("评价覆盖率"))
            browser.acceptLanguage = "en"
            _ = try await browser.post("/locale", ["locale": "en", "back": "/"])
            let english = try await browser.get(KeyEvaluationRoute.evaluation(.value(underway.id!)).url)
            #expect(english.body.string.contains("Indicator framework") && english.body.string.contains("Under way"))
            // The team reads the evaluated object's goal and self-evaluation through the one authorization function; an
            // object of an evaluation the expert is not on stays hidden; reading is not writing.
            let expert = Browser(app, address: "192.0.2.13")
            try await expert.signIn("expert", DemoData.password)
            #expect(try await expert.get(KeyEvaluationRoute.evaluation(.value(underway.id!)).url).body.string.contains("评分结果"))
            let onTeam = try #require(try await KeyEvaluationObjectModel.query(on: app.db).filter(\.$evaluationID == underway.id!).first()?.budgetObjectID)
            let planning = try #require(evaluations.first { $0.evaluationState == .planning })
            let offTeam = try #require(try await KeyEvaluationObjectModel.query(on: app.db).filter(\.$evaluationID == planning.id!).first()?.budgetObjectID)
            let goal = try await expert.get(GoalRoute.show(.value(onTeam)).url)
            #expect(goal.status == .ok && goal.body.string.contains("高校国家助学金配套资金"))
            #expect(try await expert.get(GoalRoute.show(.value(offTeam)).url).status == .notFound)
            let forms = try await KeyEvaluationQueries.forms(of: [onTeam, offTeam], on: app.db)
            let form = try #require(forms[onTeam]?.selfEvaluation)
            #expect(try await expert.get(SelfEvaluationRoute.form(.value(form)).url).status == .ok)
            if let other = forms[offTeam]?.selfEvaluation { #expect(try await expert.get(SelfEvaluationRoute.form(.value(other)).url).status == .notFound) }
            let write = try await expert.post(SelfEvaluationRoute.save(.value(form)).url, ["lock_version": "0", "narrative": "改"])
            #expect(write.status == .forbidden || write.status == .notFound, "an expert reads the unit's form but never writes it: \(write.status)")
        }
    }

    @Test("evidence files: kinds read from the content, limits, served as attachments to exactly those who may read the score — on both engines",
          arguments: TestDatabase.all)
    func evidence(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            // setup: the demo's underway evaluation; the expert has submitted, the leader (perf-officer) has not
            let context = DemoContext(database: app.db, bcryptCost: 4, threadPool: app.threadPool, effects: app.effects)
            _ = try await DemoGoals.load(on: app.db)
            _ = try await SelfEvaluationDemo.load(context)
            _ = try await KeyEvaluationDemo.load(context)
            let id = try #require(try await KeyEvaluationModel.query(on: app.db).filter(\.$state == KeyEvaluationState.underway.rawValue).first()?.id)
            let leader = try await APIClient.signIn(app, "perf-officer", DemoData.password)
            let expert = try await APIClient.signIn(app, "expert", DemoData.password)
            let supervisor = try await APIClient.signIn(app, "supervisor", DemoData.password)
            let indicator = try #require(try await KeyEvaluationIndicatorModel.query(on: app.db).filter(\.$evaluationID == id).sort(\.$position).first()?.id)
            func upload(_ client: APIClient, _ name: String, _ bytes: [UInt8]) async throws -> TestingHTTPResponse {
                var headers = HTTPHeaders()
                headers.contentDisposition = .init(.attachment, filename: name)
                return try await client.send(.POST, "/api/v1/key-evaluations/\(id)/evidence?indicator=\(indicator)", body: ByteBuffer(bytes: bytes),
                                             contentType: HTTPMediaType(type: "application", subType: "octet-stream"), headers: headers)
            }
            let pdf = Array("%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF".utf8)
            // act and check: refusals first, nothing stored
            #expect(try await upload(leader, "合同.pdf", Array("MZ\u{90}\u{0}program".utf8)).status == .unprocessableEntity, "a program renamed .pdf")
            #expect(try await upload(leader, "run.exe", pdf).status == .unprocessableEntity, "an unsupported type")
            #expect(try await upload(leader, "空.pdf", []).status == .unprocessableEntity)
            let big = try await upload(leader, "big.pdf", pdf + Array(repeating: 0x20, count: EvidenceFiles.maximumBytes))
            #expect(big.status == .payloadTooLarge && big.body.string.contains("20 MB"), "the refusal names the file limit: \(big.body.string)")
            #expect(try await upload(leader, "x\u{202E}gnp.pdf", pdf).status == .unprocessableEntity, "a name that reads as another type")
            #expect(try await upload(expert, "late.pdf", pdf).status == .conflict, "the expert has submitted")
            #expect(try await KeyEvaluationEvidenceModel.query(on: app.db).count() == 0)
            let stored = try await upload(leader, "资金拨付凭证.pdf", pdf)
            #expect(stored.status == .created, "\(stored.body.string)")
            let file = try #require(try await KeyEvaluationEvidenceModel.query(on: app.db).first())
            // Twelve at once on top of it: the limit of ten per indicator holds.
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for n in 0..<12 { group.addTask { try await upload(leader, "part\(n).pdf", pdf).status } }
                var all: [HTTPStatus] = []
                for try await status in group { all.append(status) }
                return all
            }
            #expect(statuses.filter { $0 == .created }.count == EvidenceFiles.maximumPerIndicator - 1 && !statuses.contains { $0.code >= 500 }, "\(statuses)")
            #expect(try await KeyEvaluationEvidenceModel.query(on: app.db).count() == EvidenceFiles.maximumPerIndicator)
            #expect(file.kind == "pdf" && file.byteCount == pdf.count && file.sha256.count == 64)

            // The leader reads it back as an attachment typed by its kind; the expert and a supervisor see nothing of it yet.
            let download = try await leader.send(.GET, "/api/v1/key-evaluations/\(id)/evidence/\(file.id!)")
            #expect(download.status == .ok && download.headers.contentType?.description == "application/pdf")
            #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment;") == true)
            #expect(download.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(Array(download.body.readableBytesView) == pdf)
            #expect(try await expert.send(.GET, "/api/v1/key-evaluations/\(id)/evidence/\(file.id!)").status == .notFound)
            struct Files: Decodable { struct File: Decodable { var id: UUID; var fileName: String }; var evidence: [File] }
            #expect(try decoded(try await expert.send(.GET, "/api/v1/key-evaluations/\(id)"), Files.self).evidence.isEmpty)

            // Once the leader submits, the team and the supervisor read it.
            let rows = try await KeyEvaluationIndicatorModel.query(on: app.db).filter(\.$evaluationID == id).all()
            let full: [[String: any Sendable]] = rows.map { ["indicatorID": $0.id!.uuidString, "points": $0.weightText, "comment": ""] }
            #expect(try await leader.send(.PUT, "/api/v1/key-evaluations/\(id)/scores", json: ["scores": full, "submit": true]).status == .ok)
            #expect(try decoded(try await expert.send(.GET, "/api/v1/key-evaluations/\(id)"), Files.self).evidence.map(\.fileName).contains("资金拨付凭证.pdf"))
            #expect(try await expert.send(.GET, "/api/v1/key-evaluations/\(id)/evidence/\(file.id!)").status == .ok)
            #expect(try await supervisor.send(.GET, "/api/v1/key-evaluations/\(id)/evidence/\(file.id!)").status == .ok)
            #expect(try await upload(leader, "more.pdf", pdf).status == .conflict, "nothing is added after submission")
            #expect(download.headers.first(name: .contentDisposition)?.contains("filename=\"evidence.pdf\"") == true)
            #expect(try await auditActions(app).contains("key_evaluation.evidence_attached"))
        }
    }

    @Test("surveys: a public page without an account, one answer per code, an open link limited per address, the rate filled in, CSV — on both engines",
          arguments: TestDatabase.all)
    func surveys(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            // setup: the demo (its questionnaire with 30 codes, 20 answered, the rate filled in) and a second evaluation
            let context = DemoContext(database: app.db, bcryptCost: 4, threadPool: app.threadPool, effects: app.effects)
            _ = try await DemoGoals.load(on: app.db)
            _ = try await SelfEvaluationDemo.load(context)
            _ = try await KeyEvaluationDemo.load(context)
            let demo = try #require(try await KeyEvaluationModel.query(on: app.db).filter(\.$state == KeyEvaluationState.underway.rawValue).first())
            let demoSurvey = try #require(try await KeyEvaluations.survey(of: demo.id!, on: app.db))
            let filled = try await KeyEvaluationIndicatorModel.find(try #require(demoSurvey.indicatorID), on: app.db)
            #expect(filled?.actual == "85.00%", "17 of 20 satisfied")

            // A code answers once; the public page needs no account.
            let code = try #require(try await SurveyTokenModel.query(on: app.db).filter(\.$surveyID == demoSurvey.id!).filter(\.$usedAt == nil).first()?.token)
            let visitor = Browser(app, address: "203.0.113.7")
            let page = try await visitor.get(PublicSurveyRoute.form(.value(demoSurvey.publicKey), token: code).url)
            #expect(page.status == .ok && page.body.string.contains("非常满意") && page.body.string.contains(code))
            let answer = ["t": code, "a[0]": "5", "a[1]": "是", "a[2]": ""]
            #expect(try await visitor.post(PublicSurveyRoute.form(.value(demoSurvey.publicKey)).url, answer, csrf: .some(nil)).status == .seeOther)
            let again = try await visitor.post(PublicSurveyRoute.form(.value(demoSurvey.publicKey)).url, answer, csrf: .some(nil))
            #expect(again.status == .forbidden && again.body.string.contains("答题码无效或已使用"))
            let control = try await visitor.post(PublicSurveyRoute.form(.value(demoSurvey.publicKey)).url, ["t": "NOPE", "a[0]": "5", "a[1]": "是", "a[2]": "x\u{1}\u{1B}[31m"], csrf: .some(nil))
            #expect(control.status == .unprocessableEntity && control.body.string.contains("控制字符"))
            let missing = try await visitor.post(PublicSurveyRoute.form(.value(demoSurvey.publicKey)).url, ["t": "NOPE", "a[1]": "是"], csrf: .some(nil))
            #expect(missing.status == .unprocessableEntity && missing.body.string.contains("请回答第 1 题"), "answers are checked before the code is spent")
            #expect(try await SurveyResponseModel.query(on: app.db).filter(\.$surveyID == demoSurvey.id!).count() == 21)
            #expect(try await visitor.get("/s/not-a-survey").status == .notFound)

            // An open link on another evaluation, published through its page: three answers per address a day.
            let other = try #require(try await KeyEvaluationModel.query(on: app.db).filter(\.$state == KeyEvaluationState.planning.rawValue).first())
            let officer = Browser(app)
            try await officer.signIn("perf-officer", DemoData.password)
            try await officer.get(KeyEvaluationRoute.evaluation(.value(other.id!)).url)
            var form = ["title": "部门服务满意度调查", "intro": "请如实填写。", "q[0][kind]": "scale", "q[0][text]": "您对部门服务是否满意？", "q[0][required]": "1",
                        "q[1][kind]": "single_choice", "q[1][text]": "您是否办理过业务？", "q[1][options]": "是", "satisfaction": "0", "mode": "open",
                        "limit_answers": "3", "limit_hours": "24"]
            let refused = try await officer.post(KeyEvaluationRoute.survey(.value(other.id!)).url, form)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("至少需要两个选项"))
            form["q[1][options]"] = "是/否"
            #expect(try await officer.post(KeyEvaluationRoute.survey(.value(other.id!)).url, form).status == .seeOther)
            let open = try #require(try await KeyEvaluations.survey(of: other.id!, on: app.db))
            let issued = try await SurveyTokenModel.query(on: app.db).filter(\.$surveyID == open.id!).count()
            #expect(!open.usesTokens && issued == 0)
            let neighbour = Browser(app, address: "203.0.113.8")
            for _ in 0..<3 {
                #expect(try await neighbour.post(PublicSurveyRoute.form(.value(open.publicKey)).url, ["a[0]": "4", "a[1]": "是"], csrf: .some(nil)).status == .seeOther)
            }
            let fourth = try await neighbour.post(PublicSurveyRoute.form(.value(open.publicKey)).url, ["a[0]": "4", "a[1]": "是"], csrf: .some(nil))
            #expect(fourth.status == .tooManyRequests)
            #expect(try await visitor.post(PublicSurveyRoute.form(.value(open.publicKey)).url, ["a[0]": "2", "a[1]": "否"], csrf: .some(nil)).status == .seeOther,
                    "another address answers")
            #expect(try await officer.post(KeyEvaluationRoute.surveyApply(.value(other.id!)).url, [:]).status == .conflict, "not scoring yet; no indicator named")

            // CSV: the answers with words for the scale; the links with their codes.
            let csv = try await officer.get(KeyEvaluationRoute.surveyAnswers(.value(other.id!)).url)
            #expect(csv.status == .ok && csv.body.string.hasPrefix("\u{FEFF}") && csv.body.string.contains("4 满意") && csv.body.string.contains("2 不满意"))
            let links = try await officer.get(KeyEvaluationRoute.surveyLinks(.value(demo.id!)).url)
            #expect(links.status == .ok && links.body.string.contains(code) && links.body.string.contains("/s/\(demoSurvey.publicKey)?t="))
            let expert = Browser(app, address: "192.0.2.30")
            try await expert.signIn("expert", DemoData.password)
            #expect(try await expert.get(KeyEvaluationRoute.surveyLinks(.value(demo.id!)).url).status == .forbidden, "a team member does not run it")

            // Closing ends the link.
            try await officer.get(KeyEvaluationRoute.evaluation(.value(other.id!)).url)
            #expect(try await officer.post(KeyEvaluationRoute.surveyClose(.value(other.id!)).url, [:]).status == .seeOther)
            #expect(try await visitor.get(PublicSurveyRoute.form(.value(open.publicKey)).url).status == .gone)
            #expect(try await visitor.post(PublicSurveyRoute.form(.value(open.publicKey)).url, ["a[0]": "5", "a[1]": "是"], csrf: .some(nil)).status == .gone)
        }
    }

    @Test("the report: drafts from the data, findings with a responsible unit, suggestions tied to them, submitted by the leader and finalized by another, a real .docx — on both engines",
          arguments: TestDatabase.all)
    func report(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            // setup: the demo's underway evaluation; the leader submits full points so every member has scored
            let context = DemoContext(database: app.db, bcryptCost: 4, threadPool: app.threadPool, effects: app.effects)
            _ = try await DemoGoals.load(on: app.db)
            _ = try await SelfEvaluationDemo.load(context)
            _ = try await KeyEvaluationDemo.load(context)
            let evaluation = try #require(try await KeyEvaluationModel.query(on: app.db).filter(\.$state == KeyEvaluationState.underway.rawValue).first())
            let id = evaluation.id!
            let leaderAPI = try await APIClient.signIn(app, "perf-officer", DemoData.password)
            let leader = Browser(app)
            try await leader.signIn("perf-officer", DemoData.password)
            #expect(try await leader.get(KeyEvaluationRoute.report(.value(id)).url).status == .forbidden, "the leader reads the report once their scores are in")
            let rows = try await KeyEvaluationIndicatorModel.query(on: app.db).filter(\.$evaluationID == id).all()
            let full: [[String: any Sendable]] = rows.map { ["indicatorID": $0.id!.uuidString, "points": $0.weightText, "comment": ""] }
            #expect(try await leaderAPI.send(.PUT, "/api/v1/key-evaluations/\(id)/scores", json: ["scores": full, "submit": true]).status == .ok)

            // The drafts come from the data.
            let page = try await leader.get(KeyEvaluationRoute.report(.value(id)).url)
            #expect(page.status == .ok)
            for words in ["基本情况", "本次评价对象为高校国家助学金配套资金", "评价主体：委托第三方机构（江南华信绩效评价咨询有限公司）", "满意度 85.00%",
                          "经评价，综合得分", "绩效评价指标分析", "有关建议", "其他需要说明的问题"] {
                #expect(page.body.string.contains(words), "\(words)")
            }
            // Submitting needs the problems and suggestions written.
            try await leader.get(KeyEvaluationRoute.evaluation(.value(id)).url)
            let version = try #require(try await KeyEvaluationModel.find(id, on: app.db)).lockVersion
            let early = try await leader.post(KeyEvaluationRoute.transition(.value(id)).url, ["lock_version": String(version), "action": "submit_report"])
            #expect(early.status == .unprocessableEntity && early.body.string.contains("主要经验及做法、存在的问题及原因分析"))

            // A finding needs a responsible organisation among the evaluated ones; the province itself is not one.
            try await leader.get(KeyEvaluationRoute.report(.value(id)).url)
            let province = try #require(try await OrganizationModel.query(on: app.db).filter(\.$code == "990000").first())
            let unit = try #require(try await OrganizationModel.query(on: app.db).filter(\.$code == "990000-101-01").first())
            let wrong = try await leader.post(KeyEvaluationRoute.finding(.value(id)).url, ["description": "台账不全", "responsible": province.id!.uuidString])
            #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("负责整改的单位"))
            #expect(try await leader.post(KeyEvaluationRoute.finding(.value(id)).url,
                                          ["description": "部分高校资助资金发放台账不完整", "responsible": unit.id!.uuidString]).status == .seeOther)
            let finding = try #require(try await ReportFindingModel.query(on: app.db).filter(\.$evaluationID == id).first())
            #expect(finding.responsibleName == unit.name)
            try await leader.get(KeyEvaluationRoute.report(.value(id)).url)
            #expect(try await leader.post(KeyEvaluationRoute.suggestion(.value(id)).url,
                                          ["suggestion": "建立资助资金发放台账，按月核对。", "findings[]": finding.id!.uuidString]).status == .seeOther)
            #expect(try await leader.post(KeyEvaluationRoute.report(.value(id)).url, [
                "section[experience_problems]": "资助对象认定程序规范。存在的问题见下表。", "section[suggestions]": "建议如下："]).status == .seeOther)
            try await leader.get(KeyEvaluationRoute.evaluation(.value(id)).url)
            #expect(try await leader.post(KeyEvaluationRoute.transition(.value(id)).url, ["lock_version": String(version), "action": "submit_report"]).status == .seeOther)

            // The .docx: a zip with the WordprocessingML parts, the outline, the tables and the finding, Chinese fonts.
            let docx = try await leader.get(KeyEvaluationRoute.reportDocx(.value(id)).url)
            #expect(docx.status == .ok && docx.headers.contentType?.description.contains("wordprocessingml") == true)
            let bytes = Data(docx.body.readableBytesView)
            #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-docx-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let file = folder.appendingPathComponent("report.docx")
            try bytes.write(to: file)
            if let keep = ProcessInfo.processInfo.environment["JIXIAO_TEST_DOCX_OUT"], !keep.isEmpty { try? bytes.write(to: URL(fileURLWithPath: keep)) }
            let archive = try Archive(url: file, accessMode: .read)
            var xml = Data()
            _ = try archive.extract(try #require(archive["word/document.xml"])) { xml.append($0) }
            let document = String(decoding: xml, as: UTF8.self)
            for words in ["绩效评价报告", "一、基本情况", "七、其他需要说明的问题", "部分高校资助资金发放台账不完整", "针对问题 1", "<w:tblBorders>"] {
                #expect(document.contains(words), "\(words)")
            }
            #expect(archive["word/styles.xml"] != nil && archive["[Content_Types].xml"] != nil)

            // The bureau's head finalizes; nothing is written after that.
            let head = Browser(app, address: "192.0.2.40")
            try await head.signIn("perf-head", DemoData.password)
            try await head.get(KeyEvaluationRoute.evaluation(.value(id)).url)
            #expect(try await head.post(KeyEvaluationRoute.transition(.value(id)).url, ["lock_version": String(version + 1), "action": "finalize_report"]).status == .seeOther)
            #expect(try await KeyEvaluationModel.find(id, on: app.db)?.evaluationState == .finalized)
            try await leader.get(KeyEvaluationRoute.report(.value(id)).url)
            #expect(try await leader.post(KeyEvaluationRoute.finding(.value(id)).url, ["description": "再加", "responsible": unit.id!.uuidString]).status == .conflict)
            #expect(try await head.get(KeyEvaluationRoute.reportPrint(.value(id)).url).body.string.contains("部分高校资助资金发放台账不完整"))
        }
    }

    @Test("framework templates: a bureau saves its own version, bureaus below inherit it, a new evaluation copies the one in force — on both engines",
          arguments: TestDatabase.all)
    func templates(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let context = DemoContext(database: app.db, bcryptCost: 4, threadPool: app.threadPool, effects: app.effects)
            _ = try await DemoGoals.load(on: app.db)
            _ = try await SelfEvaluationDemo.load(context)
            let y = SelfEvaluationDemo.year(at: app.effects.now())
            let officer = Browser(app)
            try await officer.signIn("perf-officer", DemoData.password)
            let page = try await officer.get(KeyEvaluationRoute.templates(year: y, kind: "project").url)
            #expect(page.status == .ok && page.body.string.contains("全国参考框架"))
            // The province's own: five points moved from 过程 (预算执行率 5 → 0 is refused; 5 → 2) to 产出 (实际完成率 10 → 13).
            var fields: [String: String] = ["lock_version": "0"]
            for (index, row) in FrameworkTemplates.standard(.project).enumerated() {
                var weight = row.weight
                if row.level3 == "预算执行率" { weight = 2 }
                if row.level3 == "实际完成率" { weight = 13 }
                fields["f[\(index)][level1]"] = row.level1; fields["f[\(index)][level2]"] = row.level2; fields["f[\(index)][level3]"] = row.level3
                fields["f[\(index)][weight]"] = weight.storedText; fields["f[\(index)][criteria]"] = row.criteria
            }
            var wrong = fields
            wrong["f[0][weight]"] = "30"
            let refused = try await officer.post(KeyEvaluationRoute.templates(year: y, kind: "project").url, wrong)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("应为 100"))
            #expect(try await officer.post(KeyEvaluationRoute.templates(year: y, kind: "project").url, fields).status == .seeOther)
            // The city bureau below inherits it; a department may read but not keep templates.
            let city = Browser(app, address: "192.0.2.50")
            try await city.signIn("city-perf", DemoData.password)
            #expect(try await city.get(KeyEvaluationRoute.templates(year: y, kind: "project").url).body.string.contains("第 1 版"))
            let department = Browser(app, address: "192.0.2.51")
            try await department.signIn("dept-officer", DemoData.password)
            try await department.get(KeyEvaluationRoute.templates(year: y, kind: "project").url)
            #expect(try await department.post(KeyEvaluationRoute.templates(year: y, kind: "project").url, fields).status == .forbidden)
            // A new evaluation copies the province's version.
            let finance = try await APIClient.signIn(app, "perf-officer", DemoData.password)
            let candidates = try decoded(try await finance.send(.GET, "/api/v1/key-evaluations/candidates?year=\(y)"), Candidates.self)
            let project = try #require(candidates.candidates.first { $0.code == "JN\(y)-EDU-202" })
            struct Chosen: Decodable { var evaluationIDs: [UUID] }
            let id = try #require(try decoded(try await finance.send(.POST, "/api/v1/key-evaluations", json: [
                "fiscalYear": y, "objectIDs": [project.objectID.uuidString], "reason": "试用本省模板"]), Chosen.self).evaluationIDs.first)
            let rows = try await KeyEvaluationIndicatorModel.query(on: app.db).filter(\.$evaluationID == id).all()
            #expect(rows.first { $0.level3 == "预算执行率" }?.weightText == "2")
            #expect(try await KeyEvaluationModel.find(id, on: app.db)?.templateSource == "990000 v1")
        }
    }
}
