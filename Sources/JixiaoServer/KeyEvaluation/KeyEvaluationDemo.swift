import Fluent
import Foundation
import JixiaoDomain

/// The demo's key evaluations of the self-evaluated year: in April the province's performance office chooses the
/// student-aid project (livelihood, key project) and entrusts it to the demo agency; the plan is approved by the
/// office's head, the leader, the expert and the agency's evaluator score on their own. A second choice, the
/// department's whole spending, is still being planned.
enum KeyEvaluationDemo {
    static func load(_ demo: DemoContext) async throws -> String {
        let db = demo.database
        let y = SelfEvaluationDemo.year(at: demo.effects.now())
        let actors = MonitoringDemo.Actors(db: db, effects: demo.effects)
        let officer = try await actors.account("perf-officer")
        if try await KeyEvaluationModel.query(on: db).filter(\.$fiscalYear == y).count() > 0 { return "Demo key evaluations: \(y) already there." }
        let candidates = try await KeyEvaluationQueries.candidates(fiscalYear: y, area: officer.user.organizationPath, rules: SelectionRules(), on: db)
        guard let aid = candidates.first(where: { $0.code == "JN\(y)-EDU-201" }),
              let overall = candidates.first(where: { $0.code == "JN\(y)-DEPT-101" }) else { return "Demo key evaluations: the demo year's objects are missing." }
        let day = { (month: Int, date: Int) in officer.at(y + 1, month, date, 10) }
        let chosen = try await KeyEvaluations.choose(fiscalYear: y, objectIDs: [aid.objectID],
                                                     reason: "涉及家庭经济困难学生的重大民生支出，资金量大、社会关注度高，近三年未开展重点评价。", together: false, by: day(4, 8), on: db)
        _ = try await KeyEvaluations.choose(fiscalYear: y, objectIDs: [overall.objectID],
                                            reason: "教育厅部门整体支出规模大，按年度计划开展部门整体支出评价。", together: false, by: day(4, 8), on: db)
        let id = chosen[0]
        let plan = EvaluationPlan(evaluatorKind: .agency, basis: "《项目支出绩效评价管理办法》（财预〔2020〕10号）；江南省高校学生资助资金管理办法",
                                  methods: [.comparison, .factorAnalysis, .publicJudgement],
                                  milestones: [Milestone(name: "前期准备：确定评价组、制定方案", due: "\(y + 1)-04-20"),
                                               Milestone(name: "组织实施：资料核查、现场评价、满意度调查", due: "\(y + 1)-05-31"),
                                               Milestone(name: "撰写报告", due: "\(y + 1)-06-20"),
                                               Milestone(name: "报告审核定稿", due: "\(y + 1)-06-30")],
                                  dataToCollect: "资金拨付与发放凭证（高校财务处）；受助学生名册及认定材料（学生资助中心）；受助学生满意度问卷。")
        var version = try await KeyEvaluationModel.find(id, on: db)!.lockVersion
        try await KeyEvaluations.savePlan(id, plan: plan, agencyCode: "990000-A01", lockVersion: version, by: day(4, 9), on: db)
        version += 1
        for (username, role) in [("expert", TeamRole.expert), ("agency-evaluator", .agencyEvaluator)] {
            try await KeyEvaluations.addMember(id, username: username, role: role, lockVersion: version, by: day(4, 9), on: db)
            version += 1
        }
        try await KeyEvaluations.transition(id, action: .submitPlan, opinion: "", lockVersion: version, by: day(4, 10), on: db)
        version += 1
        let head = try await actors.account("perf-head")
        try await KeyEvaluations.transition(id, action: .approvePlan, opinion: "同意按方案开展。", lockVersion: version,
                                            by: head.at(y + 1, 4, 12, 15), on: db)
        // A questionnaire to 30 aided students by answer code; 20 answered (17 satisfied or very satisfied: 85 %), and the
        // rate is filled in as the satisfaction indicator's actual value.
        let satisfaction = try await KeyEvaluationIndicatorModel.query(on: db).filter(\.$evaluationID == id).all()
            .first { $0.level2.contains("满意") || $0.level3.contains("满意") }
        _ = try await KeyEvaluations.createSurvey(id, setup: .init(design: .standard(objectName: "高校国家助学金配套资金"), usesTokens: true, tokenCount: 30,
                                                                   limit: OpenLinkLimit(), indicatorID: satisfaction?.id), by: day(4, 15), on: db)
        if let survey = try await KeyEvaluations.survey(of: id, on: db) {
            let codes = try await SurveyTokenModel.query(on: db).filter(\.$surveyID == survey.id!).sort(\.$token).all().map(\.token)
            let points = Array(repeating: "5", count: 9) + Array(repeating: "4", count: 8) + ["3", "3", "2"]
            for (index, point) in points.enumerated() {
                try await KeyEvaluations.answer(key: survey.publicKey, token: codes[index], answers: [0: point, 1: index % 7 == 6 ? "否" : "是",
                                                                                                        2: index == 3 ? "希望发放时间再提前一些。" : ""],
                                                address: "198.51.100.\(index + 1)", now: officer.at(y + 1, 5, 10 + index % 10, 20).now, on: db)
            }
            if satisfaction != nil { try await KeyEvaluations.applySurveyRate(id, by: day(5, 25), on: db) }
        }
        // The three members score on their own; the leader has not submitted yet.
        let indicators = try await KeyEvaluationIndicatorModel.query(on: db).filter(\.$evaluationID == id).sort(\.$position).all()
        let expert = try await actors.account("expert"), agency = try await actors.account("agency-evaluator")
        for (person, offset, submit) in [(expert, Decimal(0), true), (agency, Decimal(string: "0.5")!, true), (officer, Decimal(1), false)] {
            let entries = indicators.enumerated().map { index, indicator -> KeyEvaluations.ScoreEntry in
                // Full marks on most; a deduction on every fourth, a little different for each member.
                let docked = index % 4 == 3
                var points = docked ? indicator.weight * Decimal(string: "0.8")! - offset : indicator.weight
                if points < 0 { points = 0 }
                return KeyEvaluations.ScoreEntry(indicatorID: indicator.id!, points: points.storedText,
                                                 comment: docked ? "抽查发现部分材料不完整，按评分标准扣分。" : "")
            }
            try await KeyEvaluations.saveScores(id, entries: entries, submit: submit, by: person.at(y + 1, 5, 20, 16), on: db)
        }
        return "Demo key evaluations: 2 objects of \(y) chosen; the student-aid evaluation entrusted to the demo agency, its plan approved and scored by 2 of 3 members."
    }
}
