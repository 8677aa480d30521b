import Fluent
import Foundation
import Vapor
import JixiaoDomain

/// The demo province's think tanks: forty experts of the provincial library across fields (a few of them working in
/// the evaluated health department, one with a declared relation, one paid by the disease control centre), five agencies, the
/// supervisors; then a third key evaluation (basic-level medical staff training) whose team is drawn with exclusions, which
/// is scored and reported, its members rated and its agency's report reviewed, and the year's notice published.
enum ThinkTankDemo {
    /// (surname, given name, fields, title, employer code or name, relation)
    private struct Person { var name: String; var fields: [String]; var title: String; var employer: String; var employerCode: String? }

    private static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜")
    private static let given = ["建华", "晓燕", "志强", "丽娟", "海涛", "雪梅", "文博", "静怡", "国庆", "秀英", "明辉", "春梅", "立新", "红霞", "永刚", "慧敏",
                                "振宇", "淑华", "宏伟", "玉兰", "德胜", "佳琪", "光明", "婉婷", "世杰", "美玲", "晨阳", "素芬", "学军", "思远", "凤英", "俊峰",
                                "晓东", "桂芳", "子豪", "若琳", "长青", "雅琴", "庆丰", "梦洁"]

    private static func people() -> [Person] {
        // Fields by position: 8 education, 8 health, 7 finance, 6 management, 4 social security, 3 agriculture, 2 engineering, 2 law.
        let plan: [([String], String, String, String?)] = [
            (["205", "management"], "教授", "江南大学教育学院", nil), (["205"], "研究员", "江南省教育科学研究院", nil), (["205"], "副教授", "江南师范大学", "990000-101-01"),
            (["205", "finance"], "高级会计师", "江南大学财务处", nil), (["205"], "教授", "江南理工大学", nil), (["205"], "正高级教师", "江南省实验中学", "990000-101-02"),
            (["205"], "副研究员", "江南社会科学院", nil), (["205", "economics"], "教授", "江南财经大学", nil),
            (["210"], "主任医师", "江南省人民医院", "990000-102-01"), (["210"], "主任医师", "江南省人民医院", "990000-102-01"), (["210", "management"], "教授", "江南医科大学公共卫生学院", nil),
            (["210"], "研究员", "江南省卫生发展研究中心", nil), (["210"], "教授", "江南医科大学", nil), (["210", "finance"], "高级会计师", "江南医科大学附属医院", nil),
            (["210"], "副主任医师", "江南省疾病预防控制中心", "990000-102-02"), (["210"], "教授", "江南大学医学院", nil),
            (["finance"], "注册会计师", "江南天衡会计师事务所", nil), (["finance"], "教授", "江南财经大学会计学院", nil), (["finance", "management"], "高级会计师", "江南省财政科学研究所", nil),
            (["finance"], "副教授", "江南大学商学院", nil), (["finance"], "注册会计师", "江南公信会计师事务所", nil), (["finance", "law"], "律师、注册会计师", "江南正平律师事务所", nil),
            (["finance"], "研究员", "江南社会科学院经济研究所", nil),
            (["management"], "教授", "江南大学公共管理学院", nil), (["management"], "研究员", "江南省行政学院", nil), (["management", "208"], "副教授", "江南财经大学", nil),
            (["management"], "教授", "江南理工大学管理学院", nil), (["management"], "高级经济师", "江南省发展研究中心", nil), (["management", "information"], "高级工程师", "江南数据研究院", nil),
            (["208"], "教授", "江南大学社会学院", nil), (["208"], "研究员", "江南省社会保障研究所", nil), (["208"], "副教授", "江南财经大学劳动经济学院", nil),
            (["208", "213"], "研究员", "江南省农村发展研究中心", nil),
            (["213"], "研究员", "江南省农业科学院", "990000-103-01"), (["213"], "教授", "江南农业大学", nil), (["213", "economics"], "副教授", "江南农业大学经管学院", nil),
            (["engineering", "214"], "正高级工程师", "江南交通规划设计院", nil), (["engineering"], "高级工程师", "江南建设工程咨询公司", nil),
            (["law"], "教授", "江南大学法学院", nil), (["law"], "律师", "江南明理律师事务所", nil),
        ]
        return plan.enumerated().map { index, entry in
            Person(name: String(surnames[index % surnames.count]) + given[index % given.count], fields: entry.0, title: entry.1, employer: entry.2, employerCode: entry.3)
        }
    }

    static func residentID(_ index: Int) -> String {
        let body = String(format: "990102%04d%02d%02d%03d", 1960 + index % 26, 1 + index % 12, 1 + index % 28, 100 + index % 900)
        return body + String(IdentityNumbers.residentIDCheck(body)!)
    }

    static func creditCode(_ index: Int) -> String {
        let body = String(format: "91990000MA%07d", 1_230_000 + index)
        return body + String(IdentityNumbers.creditCodeCheck(body)!)
    }

    static func load(_ demo: DemoContext) async throws -> String {
        let db = demo.database
        guard let bureau = try await OrganizationCommands.byCode(DemoData.provinceCode, on: db) else { return "Demo think tanks: no province." }
        if try await ExpertModel.query(on: db).filter(\.$bureauID == bureau.id!).count() > 0 { return "Demo think tanks: already there." }
        let actors = MonitoringDemo.Actors(db: db, effects: demo.effects)
        let officer = try await actors.account("perf-officer"), head = try await actors.account("perf-head")
        let y = SelfEvaluationDemo.year(at: demo.effects.now())
        let day = { (month: Int, date: Int) in officer.at(y + 1, month, date, 10) }
        let hash = try await demo.threadPool.runIfActive { try Bcrypt.hash(DemoData.password, cost: demo.bcryptCost) }

        // Experts: the first is the demo's own expert account; the others get accounts expert-01… when admitted.
        let people = people()
        var expertIDs: [UUID] = []
        for (index, person) in people.enumerated() {
            let caller = day(2, 1 + index % 20)
            let draft = ExpertDraft(name: index == 0 ? "孙立平" : person.name, idNumber: residentID(index), phone: String(format: "139%08d", 5_000_000 + index * 137),
                                    email: "expert\(index + 1)@example.org", title: person.title, employerName: person.employer, employerCode: person.employerCode,
                                    regionCode: nil, fields: person.fields, profile: "长期从事\(ThinkTankViews.fieldNames(person.fields, Localizer(locale: .zhHans)))领域研究与评价工作。",
                                    relations: nil)
            expertIDs.append(try await ThinkTankLibrary.registerExpert(draft, source: index % 3 == 0 ? .application : .invitation, bureau: bureau,
                                                                       actor: (officer.user.userID, officer.user.displayName), audit: caller.audit, effects: caller.effects, on: db))
        }
        // A declared relation and paid work, which the draw below honours.
        let health = try await OrganizationCommands.byCode("990000-102", on: db), cdc = try await OrganizationCommands.byCode("990000-102-02", on: db)
        if let health, let cdc {
            for (member, organization, kind, year) in [(expertIDs[11], health.id!, "relation", nil as Int?), (expertIDs[15], cdc.id!, "paid_work", y)] {
                let relation = LibraryRelationModel()
                relation.id = demo.effects.uuid(); relation.memberKind = LibraryKind.expert.rawValue; relation.memberID = member
                relation.organizationID = organization; relation.kind = kind; relation.year = year
                relation.note = kind == "relation" ? "配偶在该委员会任职" : "为该中心提供内部控制咨询服务"
                try await relation.create(on: db)
            }
        }
        // Admission: the demo's expert keeps its account; the others get demo accounts with the demo password.
        let accountStart = try await UserModel.query(on: db).filter(\.$username == "expert").first()
        for (index, id) in expertIDs.enumerated() {
            guard let expert = try await ExpertModel.find(id, on: db) else { continue }
            if index >= 37 { continue }                                  // three stay candidates
            let userID: UUID
            if index == 0, let existing = accountStart { userID = existing.id! } else {
                let account = UserModel(username: String(format: "expert-%02d", index), displayName: expert.name, organizationID: bureau.id!,
                                        passwordHash: hash, mustChangePassword: false)
                try await account.create(on: db)
                try await UserRoleModel(userID: account.id!, role: .expert).create(on: db)
                userID = account.id!
            }
            expert.userID = userID
            try await expert.save(on: db)
            _ = try await ThinkTankLibrary.moveExpert(id, .admit, reason: "经审核，专业领域、职称和从业经历符合入库条件。", lockVersion: nil, by: day(3, 1), on: db)
        }
        _ = try await ThinkTankLibrary.moveExpert(expertIDs[36], .suspend, reason: "本人申请：出国访学一年，暂停参加评审。", lockVersion: nil, by: day(3, 20), on: db)
        _ = try await ThinkTankLibrary.moveExpert(expertIDs[35], .withdraw, reason: "已退休并申请退出专家库。", lockVersion: nil, by: day(3, 21), on: db)

        // Agencies: five registered, four admitted and linked to their organisations.
        let agencies: [(String, AgencyType, String, [AdministrativeLevel], String?)] = [
            ("江南华信绩效评价咨询有限公司", .consulting, "预算绩效评价业务资质；近三年完成省级重点评价项目 12 个", [.province, .city, .county], "990000-A01"),
            ("江南明正会计师事务所", .accounting, "会计师事务所执业证书；证券服务业务备案", [.province, .city], "990000-A02"),
            ("江南信诚资产评估有限公司", .assetAppraisal, "资产评估机构备案；从业评估师 26 人", [.province, .city, .county], "990000-A03"),
            ("江南恒远管理咨询有限公司", .consulting, "工程咨询单位甲级资信；绩效评价业务 5 年", [.province, .city], "990000-A04"),
            ("江南致远工程咨询有限公司", .consulting, "工程咨询单位乙级资信", [.city, .county], nil),
        ]
        var agencyIDs: [UUID] = []
        for (index, agency) in agencies.enumerated() {
            let caller = day(2, 10 + index)
            let id = try await ThinkTankLibrary.registerAgency(
                AgencyDraft(name: agency.0, type: agency.1.rawValue, creditCode: creditCode(index), qualification: agency.2, levels: agency.3.map(\.rawValue),
                            contactName: String(surnames[(index * 7) % surnames.count]) + given[(index * 5) % given.count], phone: String(format: "0571-8%07d", 6_100_000 + index)),
                source: agency.4 == nil ? .application : .invitation, bureau: bureau, actor: (officer.user.userID, officer.user.displayName),
                audit: caller.audit, effects: caller.effects, on: db)
            agencyIDs.append(id)
            if let code = agency.4 {
                try await ThinkTankLibrary.moveAgency(id, .admit, reason: "资质、人员和业绩符合入库条件。", organizationCode: code, lockVersion: nil, by: day(3, 2), on: db)
            }
        }
        // 恒远 did paid work for the health commission this year: it is skipped when the commission's project is evaluated.
        if let health {
            let relation = LibraryRelationModel()
            relation.id = demo.effects.uuid(); relation.memberKind = LibraryKind.agency.rawValue; relation.memberID = agencyIDs[3]
            relation.organizationID = health.id!; relation.kind = "paid_work"; relation.year = y; relation.note = "承担该委员会内部控制建设咨询"
            try await relation.create(on: db)
        }

        // Supervisors of the province's level.
        for (name, category, employer, username) in [("周文华", SupervisorCategory.peoplesCongress, "江南省人大常委会预算工作委员会", "supervisor"),
                                                     ("邓立群", .disciplineInspection, "江南省纪委监委驻财政厅纪检监察组", nil),
                                                     ("许明远", .audit, "江南省审计厅财政审计处", nil),
                                                     ("梁秀芳", .expert, "江南财经大学财政税务学院", nil),
                                                     ("曾庆华", .publicRepresentative, "临江市社区居民代表", nil)] as [(String, SupervisorCategory, String, String?)] {
            _ = try await ThinkTankLibrary.addSupervisor(name: name, category: category.rawValue, employerName: employer, username: username, by: day(3, 5), on: db)
        }

        // A third key evaluation: basic-level medical staff training (run by the disease control centre), entrusted to an agency; its team is drawn from the libraries.
        let candidates = try await KeyEvaluationQueries.candidates(fiscalYear: y, area: officer.user.organizationPath, rules: SelectionRules(), on: db)
        guard let reform = candidates.first(where: { $0.code == "JN\(y)-HLT-201" && $0.evaluationID == nil }) else {
            return "Demo think tanks: \(expertIDs.count) experts, \(agencyIDs.count) agencies; no health project to evaluate."
        }
        let id = try await KeyEvaluations.choose(fiscalYear: y, objectIDs: [reform.objectID], reason: "基层医务人员能力培训属重大民生支出，连续多年安排，纳入年度重点评价。",
                                                 together: false, by: day(4, 8), on: db)[0]
        let plan = EvaluationPlan(evaluatorKind: .agency, basis: "《项目支出绩效评价管理办法》（财预〔2020〕10号）", methods: [.comparison, .factorAnalysis],
                                  milestones: [Milestone(name: "前期准备", due: "\(y + 1)-04-30"), Milestone(name: "组织实施", due: "\(y + 1)-05-31"),
                                               Milestone(name: "撰写报告", due: "\(y + 1)-06-15")],
                                  dataToCollect: "培训资金分配与拨付文件；培训签到与考核记录；参训人员满意度调查结果。")
        var version = try await KeyEvaluationModel.find(id, on: db)!.lockVersion
        try await KeyEvaluations.savePlan(id, plan: plan, agencyCode: nil, lockVersion: version, by: day(4, 9), on: db)
        // The draw: two health experts and one of finance, and a consulting agency; a fixed seed so the demo is the same
        // every time (the commands take a random one).
        _ = try await ThinkTankDraws.draw(evaluationID: id, spec: DrawSpec(experts: [.init(field: "210", count: 2), .init(field: "finance", count: 1)],
                                                                         regionCode: nil, agencies: 1, agencyType: AgencyType.consulting.rawValue),
                                          seed: 20_260_409, lockVersion: nil, by: day(4, 9), on: db)
        version = try await KeyEvaluationModel.find(id, on: db)!.lockVersion
        try await KeyEvaluations.addMember(id, username: "agency-evaluator", role: .agencyEvaluator, lockVersion: version, by: day(4, 10), on: db)
        version += 1
        try await KeyEvaluations.transition(id, action: .submitPlan, opinion: "", lockVersion: version, by: day(4, 10), on: db)
        version += 1
        try await KeyEvaluations.transition(id, action: .approvePlan, opinion: "同意。", lockVersion: version, by: head.at(y + 1, 4, 11, 9), on: db)

        // Everyone scores; the report is written and submitted.
        let indicators = try await KeyEvaluationIndicatorModel.query(on: db).filter(\.$evaluationID == id).sort(\.$position).all()
        let members = try await KeyEvaluationMemberModel.query(on: db).filter(\.$evaluationID == id).all()
        let usernames = Dictionary(uniqueKeysWithValues: try await UserModel.query(on: db).filter(\.$id ~~ members.map(\.userID)).all().map { ($0.id!, $0.username) })
        for (offset, member) in members.sorted(by: { $0.teamRole == .leader ? false : $1.teamRole == .leader ? true : $0.userName < $1.userName }).enumerated() {
            guard let username = usernames[member.userID] else { continue }
            let person = try await actors.account(username)
            let entries = indicators.enumerated().map { index, indicator -> KeyEvaluations.ScoreEntry in
                let docked = (index + offset) % 5 == 2
                return KeyEvaluations.ScoreEntry(indicatorID: indicator.id!, points: (docked ? indicator.weight * Decimal(string: "0.85")! : indicator.weight).storedText,
                                                 comment: docked ? "部分佐证材料不足，按评分标准扣分。" : "")
            }
            try await KeyEvaluations.saveScores(id, entries: entries, submit: true, by: person.at(y + 1, 5, 20 + offset, 15), on: db)
        }
        let leader = day(6, 10)
        var texts: [ReportSection: String] = [:]
        for section in ReportSection.allCases { texts[section] = "（演示）\(section.chineseName)：依据评价方案和现场核查情况撰写。" }
        try await KeyEvaluations.saveReport(id, texts: texts, by: leader, on: db)
        if let owner = cdc ?? health {
            try await KeyEvaluations.addFinding(id, description: "部分培训资金到位后未及时使用，资金结转比例偏高。", responsible: owner.id, indicator: nil, by: leader, on: db)
            if let finding = try await ReportFindingModel.query(on: db).filter(\.$evaluationID == id).first() {
                try await KeyEvaluations.addSuggestion(id, text: "建立资金使用进度通报机制，对结转比例高的项目压减下年度预算。", findingIDs: [finding.id!], by: leader, on: db)
            }
        }
        version = try await KeyEvaluationModel.find(id, on: db)!.lockVersion
        try await KeyEvaluations.transition(id, action: .submitReport, opinion: "", lockVersion: version, by: day(6, 12), on: db)

        // The organiser rates each member drawn; the agency's report is reviewed and the year's notice published.
        for (index, engagement) in try await EngagementModel.query(on: db).filter(\.$evaluationID == id).sort(\.$memberKind).all().enumerated() {
            let rating = index == 1 ? ExpertRating(attitude: 4, ability: 3, integrity: 5) : ExpertRating(attitude: 5, ability: 4, integrity: 5)
            try await ThinkTankDraws.rate(engagementID: engagement.id!, rating: rating, comment: index == 1 ? "现场核查准备稍显不足。" : "认真负责，意见专业。",
                                          by: day(6, 15), on: db)
        }
        _ = try await ThinkTankReviews.review(evaluationID: id, entries: [
            QualityReviewEntry(criterion: .completeness, points: 20),
            QualityReviewEntry(criterion: .evidence, points: 24, finding: "两项效益指标的评分缺少现场核查记录。"),
            QualityReviewEntry(criterion: .accuracy, points: 23, finding: "资金结转比例与国库数据相差 0.4 个百分点。"),
            QualityReviewEntry(criterion: .soundness, points: 22, finding: "个别建议未给出责任单位和时限。"),
        ], by: day(6, 25), on: db)
        try await ThinkTankReviews.publish(year: y, by: day(6, 28), on: db)
        return "Demo think tanks: \(expertIDs.count) experts, \(agencyIDs.count) agencies, 5 supervisors; the medical-staff training evaluation drawn, scored, reported, rated and its report reviewed."
    }
}
