import Fluent
import Foundation
import SQLKit
import Vapor
import JixiaoDomain

/// 演示自评 — the province's self-evaluation of the last year whose forms are in by now, told through the commands at
/// the dates it happened: opened on 10 January, units filling in during February (one override with its reason, one
/// copy of its targets, one narrative that claims more than the rows show), departments confirming or returning, the
/// province receiving; one project still not filled in. Grades from 优 to 差.
enum SelfEvaluationDemo {
    /// The year whose self-evaluation is done by `now` (Beijing time): last year from April, else the year before.
    static func year(at now: Date) -> Int {
        let today = CalendarDay(chinaDay: now)
        return today.month >= 4 ? today.year - 1 : today.year - 2
    }

    enum Ending: Equatable { case pending, saved, submitted, departmentConfirmed, financeConfirmed, departmentReturned(String) }

    /// What a unit wrote for one object.
    struct Story {
        var code: String
        /// 全年执行数, 万元.
        var executedWan: String
        /// One per indicator: the actual as typed, or "band:achieved:8" for a qualitative one.
        var actuals: [String]
        var explanations: [Int: String] = [:]
        var narrative: String
        /// Points the evaluator set where the rule asks for them (a late deadline), with the reason.
        var chosen: [Int: (points: String, reason: String)] = [:]
        var override: (row: Int, points: String, reason: String)? = nil
        var ending: Ending
        /// The day of February the unit submitted.
        var submittedOn = 20
    }

    static func projects(_ y: Int) -> [DemoGoals.Project] {
        [
            DemoGoals.Project(code: "JN\(y)-EDU-201", name: "高校国家助学金配套资金", unit: "990000-101-01", classification: "2050205", category: .recurring,
                              requestedWan: "960", key: true, state: .released, annualGoal: "按标准足额发放助学金，保障家庭经济困难学生顺利完成学业。",
                              indicators: [(.quantity, "资助学生人数", "≥2400人次", 30, .plan), (.quality, "资助对象认定准确率", "=100%", 20, .plan),
                                           (.timeliness, "资金发放时间", "\(y)年11月前", 10, .plan), (.socialBenefit, "困难学生辍学率", "≤0.5%", 20, .history),
                                           (.serviceSatisfaction, "受助学生满意度", "≥95%", 20, .industry)], year: y),
            DemoGoals.Project(code: "JN\(y)-EDU-202", name: "实验中学智慧校园建设", unit: "990000-101-02", classification: "2050204", category: .oneOff,
                              requestedWan: "420", state: .released, annualGoal: "建成覆盖全校的智慧教学环境，提升课堂教学效率。",
                              indicators: [(.quantity, "改造智慧教室数", "≥60间", 30, .plan), (.quality, "设备验收合格率", "≥98%", 20, .industry),
                                           (.timeliness, "项目完工时间", "\(y)年8月前", 10, .plan), (.socialBenefit, "教师信息化教学应用率", "≥90%", 20, .plan),
                                           (.serviceSatisfaction, "师生满意度", "≥90%", 20, .industry)], year: y),
            DemoGoals.Project(code: "JN\(y)-HLT-201", name: "基层医务人员能力培训", unit: "990000-102-02", classification: "2100499", category: .recurring,
                              requestedWan: "300", state: .released, annualGoal: "完成基层医务人员传染病防控轮训，提升基层应急处置能力。",
                              indicators: [(.quantity, "培训基层医务人员人数", "≥3000人次", 30, .plan), (.quality, "培训考核合格率", "≥95%", 20, .plan),
                                           (.outputCost, "人均培训成本", "≤800元", 10, .history), (.socialBenefit, "基层传染病报告及时率", "≥98%", 20, .industry),
                                           (.serviceSatisfaction, "参训人员满意度", "≥90%", 20, .industry)], year: y),
            DemoGoals.Project(code: "JN\(y)-HLT-202", name: "妇幼健康服务能力提升", unit: "990000-102-03", classification: "2100403", category: .continuing,
                              requestedWan: "560", state: .released, annualGoal: "提升孕产妇和儿童健康服务能力，降低孕产妇和婴儿死亡率。",
                              indicators: [(.quantity, "孕产妇系统管理人数", "≥18000人", 30, .plan), (.quality, "孕产妇系统管理率", "≥92%", 20, .industry),
                                           (.socialBenefit, "婴儿死亡率", "≤4‰", 30, .history), (.serviceSatisfaction, "服务对象满意度", "≥90%", 20, .industry)], year: y),
            DemoGoals.Project(code: "JN\(y)-AGR-201", name: "高标准农田建设示范", unit: "990000-103-02", classification: "2130135", category: .continuing,
                              requestedWan: "1500", key: true, service: false, state: .released, annualGoal: "建成高标准农田示范区，提高粮食综合生产能力。",
                              indicators: [(.quantity, "建成高标准农田面积", "≥2万亩", 30, .plan), (.quality, "工程验收合格率", "=100%", 20, .industry),
                                           (.timeliness, "工程完工时间", "\(y)年10月前", 10, .plan), (.economicBenefit, "示范区亩均增产", "≥50公斤", 20, .history),
                                           (.serviceSatisfaction, "受益农户满意度", "≥90%", 20, .industry)], year: y),
            DemoGoals.Project(code: "JN\(y)-TRA-201", name: "农村客运站点维护", unit: "990000-104-02", classification: "2140106", category: .recurring,
                              requestedWan: "260", state: .released, annualGoal: "维护农村客运站点，保障群众出行便利。",
                              indicators: [(.quantity, "维护客运站点数", "≥320个", 40, .plan), (.quality, "站点设施完好率", "≥95%", 20, .industry),
                                           (.socialBenefit, "建制村通客车率", "=100%", 20, .plan), (.serviceSatisfaction, "乘客满意度", "≥90%", 20, .industry)], year: y),
            DemoGoals.Project(code: "JN\(y)-SOC-201", name: "就业见习补贴", unit: "990000-105-02", classification: "2080705", category: .recurring,
                              requestedWan: "380", state: .released, annualGoal: "组织高校毕业生参加就业见习，提升就业能力。",
                              indicators: [(.quantity, "见习人数", "≥1500人", 40, .plan), (.quality, "见习留用率", "≥30%", 30, .history),
                                           (.serviceSatisfaction, "见习人员满意度", "≥90%", 30, .industry)], year: y),
            DemoGoals.Project(code: "JN\(y)-DEPT-101", name: "江南省教育厅部门整体支出", unit: "990000-101", kind: .departmentOverall, classification: "2050101",
                              category: .recurring, requestedWan: "6800", state: .released, annualGoal: "履行全省教育管理职能，推进教育公平和质量提升。",
                              indicators: [(.quantity, "组织教育督导检查次数", "≥24次", 30, .plan), (.quality, "重点工作任务完成率", "≥95%", 30, .plan),
                                           (.socialBenefit, "义务教育巩固率", "≥96%", 20, .history), (.serviceSatisfaction, "社会公众满意度", "≥90%", 20, .industry)],
                              year: y),
        ]
    }

    static func stories(_ y: Int) -> [Story] {
        [
            Story(code: "JN\(y)-EDU-201", executedWan: "958.4", actuals: ["2436人次", "100%", "\(y)年10月28日", "0.3%", "96.5%"],
                  narrative: "助学金按标准足额发放，资助对象认定准确，学生满意度较高。", ending: .financeConfirmed, submittedOn: 12),
            Story(code: "JN\(y)-EDU-202", executedWan: "401.2", actuals: ["56间", "99%", "\(y)年9月15日", "86%", "92%"],
                  explanations: [0: "部分教室受校舍维修影响顺延至次年寒假改造，已纳入次年计划。", 2: "设备供货延迟约半个月，已约谈供应商。",
                                 3: "部分年长教师应用不熟练，已组织分批培训。"],
                  narrative: "智慧校园主体建成，个别教室顺延改造。",
                  chosen: [2: (points: "5", reason: "完工延迟半个月，按建议分酌减。")],
                  override: (row: 3, points: "16.8", reason: "应用率统计口径含试用账号，按核实后的 84% 计分：84 ÷ 90 × 18 = 16.80。"),
                  ending: .departmentConfirmed, submittedOn: 18),
            Story(code: "JN\(y)-HLT-201", executedWan: "210", actuals: ["2000人次", "90%", "900元", "95%", "85%"],
                  explanations: [0: "受疫情防控任务影响，两期培训延期。", 1: "部分学员基础较弱，已安排补考。", 2: "培训场地费用上涨。",
                                 3: "个别基层单位报告延迟，已通报。", 4: "课程安排较紧，已调整课时。"],
                  narrative: "完成大部分培训任务，部分培训延期至次年。", ending: .submitted, submittedOn: 25),
            Story(code: "JN\(y)-HLT-202", executedWan: "560", actuals: ["18000人", "92%", "4‰", "90%"],
                  narrative: "各项指标均按计划完成。", ending: .submitted, submittedOn: 26),
            Story(code: "JN\(y)-AGR-201", executedWan: "450", actuals: ["0.6万亩", "60%", "\(y + 1)年1月20日", "0公斤", "60%"],
                  explanations: [0: "征地协调滞后，大部分地块未能开工。", 1: "两个标段质量不合格，正在返工。", 2: "返工导致完工推迟。",
                                 3: "新建地块当年未形成产能。", 4: "施工影响农户春耕，群众意见较大。"],
                  narrative: "示范区建设进度严重滞后，资金执行率偏低。", chosen: [2: (points: "0", reason: "逾期近三个月完工。")],
                  ending: .departmentReturned("执行率不足三成，请补充资金未执行的原因和整改计划。"), submittedOn: 22),
            Story(code: "JN\(y)-TRA-201", executedWan: "130", actuals: ["150个", "70%", "85%", "62%"],
                  explanations: [0: "部分站点并入新建综合服务站。", 1: "站点设施老化。", 2: "部分线路停运。", 3: "班次减少。"],
                  narrative: "各项目标全部完成，群众出行更加便利。", ending: .departmentConfirmed, submittedOn: 16),
            // Loaded from the unit's own Excel file as it published it (see `published`), with its addition wrong.
            Story(code: "JN\(y)-SOC-201", executedWan: "", actuals: [], narrative: "", ending: .pending),
            Story(code: "JN\(y)-DEPT-101", executedWan: "6650", actuals: ["26次", "96%", "96.3%", "89%"],
                  explanations: [3: "部分群众对招生政策宣传知晓度不高，将加强政策解读。"],
                  narrative: "全面履行教育管理职能，重点工作按计划推进。", ending: .financeConfirmed, submittedOn: 27),
        ]
    }

    static func load(_ demo: DemoContext) async throws -> String {
        let db = demo.database, y = year(at: demo.effects.now())
        let created = try await DemoGoals.add(projects(y), on: db)
        guard let province = try await OrganizationCommands.byCode(DemoData.provinceCode, on: db) else { return "Demo self-evaluation: no demo province." }
        let existing = try await SelfEvaluationQueries.yearRow(organization: province.id!, fiscalYear: y, on: db)
        if existing != nil { return "Demo self-evaluation: the \(y) year is already there." }
        let actors = MonitoringDemo.Actors(db: db, effects: demo.effects)
        let officer = try await actors.account("perf-officer")
        let receiver = try await actors.account("budget-officer")
        let yearID = try await SelfEvaluationYears.create(fiscalYear: y, deadline: CalendarDay(year: y + 1, month: 3, day: 31)!, by: officer.at(y + 1, 1, 10, 9), on: db)
        let count = try await SelfEvaluationYears.open(yearID, on: db, caller: officer.at(y + 1, 1, 10, 9))

        let forms = try await formIDs(year: yearID, on: db)
        for story in stories(y) {
            guard let formID = forms[story.code] else { continue }
            try await tell(story, form: formID, actors: actors, receiver: receiver, year: y, on: db)
        }
        if let formID = forms["JN\(y)-SOC-201"] { try await publish(formID, actors: actors, year: y, on: db) }
        let sample = try await sampleAndRescore(year: yearID, officer: officer, actors: actors, y: y, on: db)
        return "Demo self-evaluation: \(created) released goals of \(y) added; the \(y) year opened with \(count) forms, filled in, reviewed and received; "
            + "one form imported as its unit published it; a sample of \(sample) re-scored."
    }

    static func formIDs(year: UUID, on db: any Database) async throws -> [String: UUID] {
        struct Row: Decodable { var id: UUID; var object_code: String; var is_summary: Bool; var region_id: UUID? }
        let rows = try await db.sql.select().columns("id", "object_code", "is_summary", "region_id").from(SelfEvaluationTables.evaluations)
            .where("year_id", .equal, SQLBind(year)).all(decoding: Row.self)
        return Dictionary(rows.filter { $0.region_id == nil }.map { ($0.object_code, $0.id) }, uniquingKeysWith: { first, _ in first })
    }

    private static func tell(_ story: Story, form formID: UUID, actors: MonitoringDemo.Actors, receiver: MonitoringDemo.Actors.Person, year y: Int,
                             on db: any Database) async throws {
        guard story.ending != .pending, let evaluation = try await EvaluationRow.find(formID, on: db),
              let assignee = try await OrganizationModel.find(evaluation.assignee_id, on: db) else { return }
        let filler = try await actors.person(for: assignee)
        let day = story.submittedOn
        let detail = try await SelfEvaluationForms.load(formID, by: filler.at(y + 1, 2, day, 9), on: db)
        let rows: [EvaluationRowInput] = detail.rows.enumerated().map { index, row in
            let typed = index < story.actuals.count ? story.actuals[index] : ""
            var input = EvaluationRowInput(indicatorID: row.indicator_id, explanation: story.explanations[index] ?? "")
            let parts = typed.split(separator: ":").map(String.init)
            if parts.count == 3, parts[0] == "band" { input.band = parts[1]; input.bandPoints = parts[2] } else { input.actual = typed }
            if let chosen = story.chosen[index] { input.chosenPoints = chosen.points; input.chosenReason = chosen.reason }
            if let override = story.override, override.row == index { input.overridePoints = override.points; input.overrideReason = override.reason }
            return input
        }
        var saved = try await SelfEvaluationForms.save(formID, EvaluationInput(lockVersion: detail.evaluation.lock_version, executed: story.executedWan,
                                                                              narrative: story.narrative, rows: rows), by: filler.at(y + 1, 2, day, 9), on: db)
        guard story.ending != .saved else { return }
        saved = try await SelfEvaluationForms.apply(.submit, to: formID, lockVersion: saved.evaluation.lock_version, by: filler.at(y + 1, 2, day, 10), on: db)
        let department: OrganizationModel? = saved.evaluation.assignee == .unit ? try await OrganizationModel.find(assignee.parentID, on: db) : nil
        switch story.ending {
        case .departmentReturned(let opinion):
            guard let department else { return }
            let reviewer = try await actors.person(for: department)
            _ = try await SelfEvaluationForms.apply(.departmentReturn(opinion: opinion), to: formID, lockVersion: saved.evaluation.lock_version,
                                                    by: reviewer.at(y + 1, 2, day + 2, 15), on: db)
        case .departmentConfirmed, .financeConfirmed:
            if let department, saved.evaluation.evaluationState == .submitted {
                let reviewer = try await actors.person(for: department)
                saved = try await SelfEvaluationForms.apply(.departmentConfirm, to: formID, lockVersion: saved.evaluation.lock_version,
                                                            by: reviewer.at(y + 1, 3, 2, 10), on: db)
            }
            if story.ending == .financeConfirmed {
                _ = try await SelfEvaluationForms.apply(.financeConfirm, to: formID, lockVersion: saved.evaluation.lock_version,
                                                        by: receiver.at(y + 1, 3, 10, 10), on: db)
            }
        default:
            break
        }
    }

    /// 就业服务中心 keeps its 自评表 in Excel and loads it as published: the rows are right, the total is not (it added the
    /// budget block twice), which the quality checks name.
    private static func publish(_ formID: UUID, actors: MonitoringDemo.Actors, year y: Int, on db: any Database) async throws {
        guard let evaluation = try await EvaluationRow.find(formID, on: db), let unit = try await OrganizationModel.find(evaluation.assignee_id, on: db) else { return }
        let filler = try await actors.person(for: unit)
        let rows = try await EvaluationIndicatorRow.of(formID, on: db)
        let actuals = ["1620", "34%", "93%"], points = ["36", "27", "27"], explanations = ["", "", ""]
        var csv = """
            项目支出绩效自评表,,,,,,,,,
            （\(y)年度）,,,,,,,,,
            项目名称,\(evaluation.object_name),,,项目编码,\(evaluation.object_code),,,,
            主管部门,江南省人力资源和社会保障厅,,,实施单位,\(unit.name),,,,
            项目资金（万元）,,年初预算数,全年预算数,全年执行数,分值,执行率,得分,,
            ,年度资金总额,380,380,372.4,10,98%,9.8,,
            年度总体目标,预期目标,,,,实际完成情况,,,,
            ,\(evaluation.annual_goal),,,,全年组织见习1620人，留用率34%，见习人员满意度93%。,,,,
            一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施,,

            """
        for (index, row) in rows.enumerated() where index < actuals.count {
            csv += "\(row.indicatorCategory.chineseName),,\(row.name),\(row.target_text),\(actuals[index]),\(ScoreArithmetic.number(row.weightValue)),\(points[index]),\(explanations[index]),,\n"
        }
        csv += "总分,,,,,100,109.8,,,\n"
        _ = try await SelfEvaluationImport.importFile(Data(csv.utf8), year: evaluation.year_id, by: filler.at(y + 1, 2, 25, 11), on: db)
        guard let saved = try await EvaluationRow.find(formID, on: db) else { return }
        _ = try await SelfEvaluationForms.apply(.submit, to: formID, lockVersion: saved.lock_version, by: filler.at(y + 1, 2, 25, 14), on: db)
    }

    /// Finance draws a sample of the submitted forms in March, entrusts the first to the demo agency, which finds the
    /// unit's first figure unsupported (失真), and re-scores the second itself. Returns how many were drawn.
    private static func sampleAndRescore(year yearID: UUID, officer: MonitoringDemo.Actors.Person, actors: MonitoringDemo.Actors, y: Int,
                                         on db: any Database) async throws -> Int {
        let sampleID = try await Reevaluations.draw(year: yearID, plan: SamplingPlan(), seed: 20_260_320, by: officer.at(y + 1, 3, 20, 10), on: db)
        guard let sample = try await SampleRow.find(sampleID, on: db) else { return 0 }
        let picks = try await Reevaluations.picks(sample, by: officer.at(y + 1, 3, 20, 10), on: db)
        guard let entrusted = picks.first else { return 0 }
        try await Reevaluations.assign(sample: sampleID, evaluation: entrusted.evaluation_id, agencyCode: "990000-A01", by: officer.at(y + 1, 3, 20, 11), on: db)
        let evaluator = try await actors.account("agency-evaluator")
        let rows = try await EvaluationIndicatorRow.of(entrusted.evaluation_id, on: db)
        // The agency's check of the records: the first indicator reached about half of what the unit reported.
        let verified = rows.enumerated().map { index, row -> EvaluationRowInput in
            guard index == 0, let value = Decimal(pointsText: String(row.actual_text.prefix { $0.isNumber || $0 == "." })) else { return EvaluationRowInput(indicatorID: row.indicator_id) }
            let unit = row.actual_text.drop { $0.isNumber || $0 == "." }
            return EvaluationRowInput(indicatorID: row.indicator_id, actual: ScoreArithmetic.number(value / 2) + unit, explanation: "台账核实数约为自评数的一半")
        }
        _ = try await Reevaluations.rescore(sample: sampleID, evaluation: entrusted.evaluation_id,
                                            ReevaluationInput(lockVersion: 1, executed: nil, rows: verified,
                                                              comment: "抽查发放台账和银行流水，第一项指标实际完成数约为自评数的一半，自评失真。"),
                                            by: evaluator.at(y + 1, 4, 8, 15), on: db)
        if picks.count > 1 {
            _ = try await Reevaluations.rescore(sample: sampleID, evaluation: picks[1].evaluation_id,
                                                ReevaluationInput(lockVersion: 0, executed: nil, rows: [], comment: "核对佐证材料，自评数据属实。"),
                                                by: officer.at(y + 1, 4, 10, 10), on: db)
        }
        return picks.count
    }
}
