import Fluent
import Foundation
import Vapor
import JixiaoDomain

/// 演示监控 — the province's 1–7月 round over the goals released for the year now being executed, told through the
/// commands at the dates it happened: the round opened on 1 August, the treasury file loaded, units reporting (two
/// late, two not at all), the departments and the province confirming or returning, and the province deciding what
/// happens to the red projects (督促纠偏 answered by the unit, 暂缓拨款, 调整目标).
enum MonitoringDemo {
    /// The year whose 1–7月 round has been held by `now` (Beijing time): this year from September, else the last.
    static func year(at now: Date) -> Int {
        let today = CalendarDay(chinaDay: now)
        return today.month >= 9 ? today.year : today.year - 1
    }

    /// What a reporter says for one indicator where it differs from "on track".
    struct Deviation {
        var position: Int
        var reached: String
        var forecast: String
        var likelihood: CompletionLikelihood
        var cause: String
        var explanation: String
        var measures: String
    }

    /// How far a task's story goes.
    enum Ending: Equatable { case pending, submitted, departmentConfirmed, financeConfirmed, departmentReturned(String) }

    struct Story {
        var code: String
        /// Receiving bureau's code, for a transfer payment's regional goal.
        var region: String? = nil
        /// Treasury figures to 31 July, 万元: full-year budget, allocated, spent.
        var treasury: (String, String, String)
        var ending: Ending
        /// The day of the month (August) the report was submitted; after the 20th it is 逾期报送.
        var submittedOn = 15
        var fundExplanation = ""
        var deviations: [Deviation] = []
        var disposition: (DispositionKind, String)? = nil
        var answer: String? = nil
    }

    static func projects(_ y: Int) -> [DemoGoals.Project] {
        [
            DemoGoals.Project(code: "JN\(y)-EDU-101", name: "高校家庭经济困难学生资助", unit: "990000-101-01", classification: "2050205", category: .recurring,
                              requestedWan: "1200", key: true, state: .released, annualGoal: "按政策资助家庭经济困难学生，保障其顺利完成学业。",
                              indicators: [(.quantity, "资助学生人数", "≥3100人次", 30, .plan), (.quality, "资助对象认定准确率", "=100%", 20, .plan),
                                           (.timeliness, "资助资金发放时间", "\(y)年11月前", 10, .plan),
                                           (.socialBenefit, "困难学生辍学率", "≤0.5%", 20, .history), (.serviceSatisfaction, "受助学生满意度", "≥95%", 20, .industry)],
                              year: y),
            DemoGoals.Project(code: "JN\(y)-EDU-105", name: "一流学科建设专项", unit: "990000-101-01", classification: "2050205", category: .continuing,
                              requestedWan: "2000", state: .released, annualGoal: "支持重点学科引进高层次人才、建设科研平台，提升学科水平。",
                              indicators: [(.quantity, "引进高层次人才人数", "≥12人", 30, .plan), (.quantity, "新建科研平台数", "≥3个", 20, .plan),
                                           (.quality, "高水平论文发表数", "≥60篇", 20, .history), (.socialBenefit, "成果转化项目数", "≥8项", 30, .plan)],
                              year: y),
            DemoGoals.Project(code: "JN\(y)-EDU-102", name: "义务教育营养改善计划", unit: "990000-101-02", classification: "2050202", category: .continuing,
                              requestedWan: "118", key: true, state: .released, annualGoal: "为学生提供营养膳食补助，改善学生营养健康状况。",
                              indicators: [(.quantity, "学生受资助人数", "≥760人次", 30, .plan), (.quality, "食品安全抽检合格率", "=100%", 20, .industry),
                                           (.socialBenefit, "学生营养不良发生率", "≤8%", 30, .history), (.serviceSatisfaction, "学生及家长满意度", "≥90%", 20, .industry)],
                              year: y),
            DemoGoals.Project(code: "JN\(y)-EDU-103", name: "职业院校实训基地建设", unit: "990000-101-03", classification: "2050303", category: .oneOff,
                              requestedWan: "2350", key: true, service: false, state: .released, annualGoal: "建成智能制造实训基地，提升学生实践技能。",
                              indicators: [(.quantity, "新建实训工位", "≥400个", 25, .plan), (.quality, "设备验收合格率", "=100%", 20, .industry),
                                           (.timeliness, "基地建成投入使用时间", "\(y)年9月前", 20, .plan), (.socialBenefit, "年培训学生人次", "≥6000人次", 35, .plan)],
                              year: y),
            DemoGoals.Project(code: "JN\(y)-EDU-104", name: "特殊教育办学条件改善", unit: "990000-101-03", classification: "2050701", category: .recurring,
                              requestedWan: "360", state: .released, annualGoal: "改善特殊教育学校康复训练和教学设施条件。",
                              indicators: [(.quantity, "配备康复训练室数量", "≥8间", 40, .plan), (.quality, "设备验收合格率", "=100%", 20, .industry),
                                           (.serviceSatisfaction, "学生家长满意度", "≥90%", 40, .industry)],
                              year: y),
            DemoGoals.Project(code: "JN\(y)-HLT-101", name: "公立医院综合改革补助", unit: "990000-102-01", classification: "2100201", category: .recurring,
                              requestedWan: "5600", key: true, state: .released, annualGoal: "巩固公立医院综合改革成果，减轻群众就医负担。",
                              indicators: [(.quantity, "开展日间手术病种数", "≥55个", 25, .plan), (.socialBenefit, "患者平均住院日", "≤7.8天", 25, .history),
                                           (.economicBenefit, "药品收入占比", "≤29%", 20, .industry), (.serviceSatisfaction, "门诊患者满意度", "≥92%", 30, .industry)],
                              year: y),
            DemoGoals.Project(code: "JN\(y)-HLT-102", name: "重大传染病防控", unit: "990000-102-02", classification: "2100409", category: .recurring,
                              requestedWan: "1750", state: .released, annualGoal: "做好重点传染病监测和防控，防止疫情扩散。",
                              indicators: [(.quantity, "传染病监测哨点数", "≥118个", 30, .plan), (.quality, "疫情报告及时率", "≥95%", 30, .industry),
                                           (.socialBenefit, "传染病暴发疫情规范处置率", "=100%", 20, .industry), (.serviceSatisfaction, "群众满意度", "≥85%", 20, .industry)],
                              year: y),
            DemoGoals.Project(code: "JN\(y)-HLT-103", name: "妇幼健康服务能力提升", unit: "990000-102-03", classification: "2100403", category: .continuing,
                              requestedWan: "640", state: .released, annualGoal: "提升孕产妇和儿童健康管理水平，降低孕产妇和婴儿死亡率。",
                              indicators: [(.quantity, "孕产妇系统管理率", "≥92%", 30, .plan), (.quantity, "3岁以下儿童系统管理率", "≥90%", 30, .plan),
                                           (.socialBenefit, "婴儿死亡率", "≤4‰", 20, .history), (.serviceSatisfaction, "服务对象满意度", "≥90%", 20, .industry)],
                              year: y),
            DemoGoals.Project(code: "JN\(y)-AGR-101", name: "农业科技推广示范", unit: "990000-103-01", classification: "2130106", category: .continuing,
                              requestedWan: "680", service: false, state: .released, annualGoal: "推广优良品种和绿色技术，带动农户增收。",
                              indicators: [(.quantity, "建设示范基地", "≥25个", 25, .plan), (.quantity, "培训农民人次", "≥5000人次", 25, .plan),
                                           (.economicBenefit, "示范区亩均增收", "≥150元", 25, .history), (.ecologicalBenefit, "化肥使用量减少", "≥5%", 25, .plan)],
                              year: y),
            DemoGoals.Project(code: "JN\(y)-AGR-102", name: "高标准农田建设", unit: "990000-103-02", classification: "2130135", category: .recurring,
                              requestedWan: "4800", key: true, service: false, state: .released, annualGoal: "新建高标准农田，提高粮食综合生产能力。",
                              indicators: [(.quantity, "新建高标准农田面积", "≥12万亩", 35, .plan), (.quality, "工程验收合格率", "=100%", 20, .industry),
                                           (.timeliness, "项目建设完成时间", "\(y)年12月前", 15, .plan), (.economicBenefit, "亩均粮食产能提高", "≥50公斤", 30, .plan)],
                              year: y),
            DemoGoals.Project(code: "JN\(y)-TRA-101", name: "农村公路养护工程", unit: "990000-104-01", classification: "2140106", category: .recurring,
                              requestedWan: "3100", state: .released, annualGoal: "完成农村公路日常养护和危桥改造，保障群众安全出行。",
                              indicators: [(.quantity, "养护农村公路里程", "≥1750公里", 35, .plan), (.quality, "优良路率", "≥85%", 25, .industry),
                                           (.serviceSatisfaction, "沿线群众满意度", "≥90%", 40, .industry)],
                              year: y),
            DemoGoals.Project(code: "JN\(y)-TRA-102", name: "内河航道维护疏浚", unit: "990000-104-02", classification: "2140110", category: .recurring,
                              requestedWan: "1500", service: false, state: .released, annualGoal: "完成重点内河航道疏浚，保障航道通航等级。",
                              indicators: [(.quantity, "疏浚航道里程", "≥120公里", 40, .plan), (.quality, "航道维护尺度达标率", "≥98%", 30, .industry),
                                           (.economicBenefit, "船舶通过量", "≥3500万吨", 30, .history)],
                              year: y),
            DemoGoals.Project(code: "JN\(y)-SOC-101", name: "就业补助资金", unit: "990000-105-02", classification: "2080701", category: .recurring,
                              requestedWan: "2600", state: .released, annualGoal: "落实就业创业扶持政策，稳定和扩大就业。",
                              indicators: [(.quantity, "职业技能培训人次", "≥2.4万人次", 35, .plan), (.quantity, "城镇新增就业人数", "≥8万人", 35, .plan),
                                           (.serviceSatisfaction, "服务对象满意度", "≥90%", 30, .industry)],
                              year: y),
            DemoGoals.Project(code: "JN\(y)-TP-101", name: "农村义务教育薄弱环节改善与能力提升补助资金", unit: "990000-101", kind: .transferPayment,
                              classification: "2050202", category: .recurring, requestedWan: "2800", key: true, state: .released,
                              annualGoal: "支持各市县改善农村义务教育薄弱学校基本办学条件。",
                              indicators: [(.quantity, "改造薄弱学校数", "≥42所", 40, .plan), (.quality, "改造工程验收合格率", "=100%", 30, .industry),
                                           (.socialBenefit, "义务教育巩固率", "≥96%", 30, .history)],
                              year: y,
                              regions: [("990100", "1600", "完成临江市农村薄弱学校改造。", [(.quantity, "改造薄弱学校数", "≥24所"), (.socialBenefit, "义务教育巩固率", "≥96%")]),
                                        ("990200", "1200", "完成青山市农村薄弱学校改造。", [(.quantity, "改造薄弱学校数", "≥18所"), (.socialBenefit, "义务教育巩固率", "≥95%")])]),
        ]
    }

    static func stories(_ y: Int) -> [Story] {
        [
            Story(code: "JN\(y)-EDU-101", treasury: ("1200", "900", "760"), ending: .financeConfirmed, submittedOn: 12),
            // Not reported by the deadline: the unit officer's to do (late).
            Story(code: "JN\(y)-EDU-105", treasury: ("2000", "800", "640"), ending: .pending),
            Story(code: "JN\(y)-EDU-102", treasury: ("118", "80", "66"), ending: .departmentConfirmed, submittedOn: 14),
            Story(code: "JN\(y)-EDU-103", treasury: ("2350", "600", "420"), ending: .financeConfirmed, submittedOn: 19,
                  fundExplanation: "实训设备政府采购两次流标，设备款未能按计划支付。",
                  deviations: [Deviation(position: 2, reached: "\(y + 1)年3月31日", forecast: "\(y + 1)年3月31日", likelihood: .impossible, cause: "其他",
                                         explanation: "设备采购两次流标，安装调试顺延约六个月。",
                                         measures: "已改为竞争性磋商采购，9月底前签订合同，年底前完成安装。")],
                  disposition: (.adjustGoal, "基地建成时间已无法在年内实现，按实际进度调整时效和培训人次目标。")),
            // Submitted after the deadline, waiting for the department.
            Story(code: "JN\(y)-EDU-104", treasury: ("360", "200", "150"), ending: .submitted, submittedOn: 22,
                  fundExplanation: "康复设备待9月集中验收后付款。",
                  deviations: [Deviation(position: 0, reached: "4间", forecast: "7间", likelihood: .possible, cause: "硬件条件保障",
                                         explanation: "两所学校场地改造晚于计划。", measures: "暑期集中施工，10月底前完成剩余康复训练室。")]),
            Story(code: "JN\(y)-HLT-101", treasury: ("5600", "4200", "3500"), ending: .financeConfirmed, submittedOn: 13),
            Story(code: "JN\(y)-HLT-102", treasury: ("1750", "1000", "700"), ending: .departmentConfirmed, submittedOn: 16,
                  fundExplanation: "哨点设备更新集中在第四季度验收付款。"),
            Story(code: "JN\(y)-HLT-103", treasury: ("640", "400", "330"), ending: .departmentReturned("孕产妇系统管理率的填报口径与卫生统计年报不一致，请按统计口径核实后重报。"),
                  submittedOn: 15),
            Story(code: "JN\(y)-AGR-101", treasury: ("680", "420", "360"), ending: .financeConfirmed, submittedOn: 18,
                  deviations: [Deviation(position: 2, reached: "70元", forecast: "135元", likelihood: .possible, cause: "其他",
                                         explanation: "6月持续降雨影响早稻产量。", measures: "加强晚稻技术指导，推广抗倒伏品种。")]),
            Story(code: "JN\(y)-AGR-102", treasury: ("4800", "1500", "1050"), ending: .financeConfirmed, submittedOn: 20,
                  fundExplanation: "部分县区项目初步设计批复较晚，工程款支付滞后。",
                  disposition: (.correct, "支出进度严重滞后，请于9月30日前督促各县区加快工程进度和资金支付，并报送整改情况。"),
                  answer: "已约谈进度滞后的5个县区，建立周调度机制；截至9月25日累计支出2650万元，执行率55.2%。"),
            Story(code: "JN\(y)-TRA-101", treasury: ("3100", "2200", "1800"), ending: .financeConfirmed, submittedOn: 11),
            Story(code: "JN\(y)-TRA-102", treasury: ("1500", "300", "200"), ending: .financeConfirmed, submittedOn: 23,
                  fundExplanation: "疏浚工程环评批复延迟，主体工程8月才开工。",
                  deviations: [Deviation(position: 0, reached: "15公里", forecast: "80公里", likelihood: .impossible, cause: "制度保障",
                                         explanation: "环评批复延迟三个月。", measures: "分段施工，优先完成主航道疏浚。")],
                  disposition: (.suspendPayments, "年内无法完成主要目标，暂缓拨付剩余资金，待施工进度达到50%后再行拨付。")),
            Story(code: "JN\(y)-SOC-101", treasury: ("2600", "1800", "1450"), ending: .departmentConfirmed, submittedOn: 12),
            // The year's nutrition goals released with the library's targets (loaded by the goal demo).
            Story(code: "SY-NUTR-\(y)", treasury: ("110", "70", "60"), ending: .financeConfirmed, submittedOn: 14),
            Story(code: "AP-NUTR-\(y)", treasury: ("110", "80", "64"), ending: .departmentConfirmed, submittedOn: 18),
            Story(code: "JN\(y)-TP-101", region: "990100", treasury: ("1600", "1100", "850"), ending: .financeConfirmed, submittedOn: 17),
            Story(code: "JN\(y)-TP-101", region: "990200", treasury: ("1200", "700", "520"), ending: .pending),
        ]
    }

    /// Someone who reports or confirms in the story: a demo account where the organisation has one, else a named
    /// reporter of that organisation who acts only inside the demo (no account, so no one signs in as them).
    static let reporters: [String: String] = [
        "990000-101-02": "周敏", "990000-101-03": "吴刚", "990000-102-01": "郑海燕", "990000-102-02": "王磊", "990000-102-03": "林芳",
        "990000-103-01": "何军", "990000-103-02": "罗勇", "990000-104-01": "谢婷", "990000-104-02": "高峰", "990000-105-02": "唐丽",
        "990000-102": "马超", "990000-103": "宋佳", "990000-104": "许亮", "990000-105": "韩雪",
        "990121-101-01": "曹颖", "990121-101": "邓建华",
    ]

    static func load(_ demo: DemoContext) async throws -> String {
        let db = demo.database, y = year(at: demo.effects.now())
        let created = try await DemoGoals.add(projects(y), on: db)
        guard let province = try await OrganizationCommands.byCode(DemoData.provinceCode, on: db) else { return "Demo monitoring: no demo province." }
        let periodEnd = CalendarDay(year: y, month: 7, day: 31)!
        if try await RoundRow.existing(organization: province.id!, year: y, periodEnd: periodEnd, on: db) {
            return "Demo monitoring: the \(y) 1–7月 round is already there."
        }
        let actors = Actors(db: db, effects: demo.effects)
        let officer = try await actors.account("perf-officer")

        let roundID = try await MonitoringRounds.create(RoundDraft(fiscalYear: y, periodEnd: periodEnd, deadline: CalendarDay(year: y, month: 8, day: 20)!,
                                                                   scope: .all), by: officer.at(y, 8, 1, 9), on: db)
        _ = try await MonitoringRounds.open(roundID, on: db, caller: officer.at(y, 8, 1, 9))

        // The treasury's file for the objects the round holds (the goal demo's earlier years are fixed years).
        let tasks = try await taskIDs(round: roundID, on: db)
        let told = stories(y).filter { tasks[$0.code + "|" + ($0.region ?? "")] != nil }
        var csv = "项目编码,地区编码,截止日期,全年预算数（万元）,已拨付（万元）,实际支出（万元）\n"
        for story in told {
            csv += "\(story.code),\(story.region ?? ""),\(y)-07-31,\(story.treasury.0),\(story.treasury.1),\(story.treasury.2)\n"
        }
        _ = try await TreasuryImport.importFile(Data(csv.utf8), round: roundID, by: officer.at(y, 8, 5, 10), on: db)

        for story in told {
            guard let taskID = tasks[story.code + "|" + (story.region ?? "")] else { continue }
            try await tell(story, task: taskID, officer: officer, actors: actors, year: y, on: db)
        }
        // The deadline passed on the 20th: what is still unreported shows red from then on.
        try await MonitoringScanner.rescan(round: roundID, today: CalendarDay(year: y, month: 8, day: 27), on: db)
        return "Demo monitoring: \(created) released goals of \(y) added; the 1–7月 round with \(tasks.count) tasks, treasury figures and dispositions."
    }

    private static func tell(_ story: Story, task taskID: UUID, officer: Actors.Person, actors: Actors, year y: Int, on db: any Database) async throws {
        guard story.ending != .pending, let task = try await TaskRow.find(taskID, on: db),
              let assignee = try await OrganizationModel.find(task.assignee_id, on: db) else { return }
        let reporter = try await actors.person(for: assignee)
        let day = story.submittedOn
        let detail = try await MonitoringReports.load(taskID, by: reporter.at(y, 8, day, 9), on: db)
        let inputs = detail.indicators.enumerated().map { position, indicator in
            let deviation = story.deviations.first { $0.position == position }
            let onTrack = onTrackValues(indicator.target, text: indicator.targetText)
            return IndicatorProgressInput(indicatorID: indicator.id, reached: deviation?.reached ?? onTrack.reached,
                                          forecast: deviation?.forecast ?? onTrack.forecast,
                                          likelihood: (deviation?.likelihood ?? .certain).rawValue, cause: deviation?.cause,
                                          explanation: deviation?.explanation ?? "", measures: deviation?.measures ?? "")
        }
        var saved = try await MonitoringReports.save(taskID, ReportInput(lockVersion: detail.task.lock_version, fundExplanation: story.fundExplanation,
                                                                         annualProgress: "1–7月按计划推进，各项工作有序开展。", indicators: inputs),
                                                     by: reporter.at(y, 8, day, 10), on: db)
        saved = try await MonitoringReports.apply(.submit, to: taskID, lockVersion: saved.task.lock_version, by: reporter.at(y, 8, day, 16), on: db)
        if case .departmentReturned(let opinion) = story.ending, let department = try await parent(of: assignee, on: db) {
            _ = try await MonitoringReports.apply(.departmentReturn(opinion: opinion), to: taskID, lockVersion: saved.task.lock_version,
                                                  by: try await actors.person(for: department).at(y, 8, 21, 11), on: db)
            return
        }
        if story.ending == .submitted { return }
        if saved.task.taskState == .submitted, let department = try await parent(of: assignee, on: db) {
            saved = try await MonitoringReports.apply(.departmentConfirm, to: taskID, lockVersion: saved.task.lock_version,
                                                      by: try await actors.person(for: department).at(y, 8, max(21, day + 1), 15), on: db)
        }
        guard story.ending == .financeConfirmed else { return }
        saved = try await MonitoringReports.apply(.financeConfirm, to: taskID, lockVersion: saved.task.lock_version, by: officer.at(y, 8, 26, 10), on: db)
        if let (kind, reason) = story.disposition {
            let disposition = Disposition(kind: kind, reason: reason, dueBy: kind == .correct ? CalendarDay(year: y, month: 9, day: 30) : nil)
            let decided = try await MonitoringDispositions.decide(taskID, disposition, by: officer.at(y, 8, 27, 11), on: db)
            if let answer = story.answer {
                _ = try await MonitoringDispositions.respond(decided.id, response: answer, by: reporter.at(y, 9, 26, 17), on: db)
            }
        }
    }

    /// What a unit on track reports: a count at seven twelfths of its target so far and the target at the year end;
    /// rates, limits, dates and words as the target says.
    static func onTrackValues(_ target: Target?, text: String) -> (reached: String, forecast: String) {
        guard let target, case .number(let number, let unit) = target.value else {
            let words = text.trimmingCharacters(in: CharacterSet(charactersIn: "≥≤=<>"))
            return (words, words)
        }
        let full = "\(number)\(unit)"
        guard target.op == .atLeast, !["%", "‰"].contains(unit) else { return (full, full) }
        // Whole counts stay whole ("15个", not "14.6个"); small or fractional targets keep one decimal ("1.4万人次").
        var share = number * 7 / 12, rounded = Decimal(), whole = Decimal()
        var copy = number
        NSDecimalRound(&whole, &copy, 0, .plain)
        NSDecimalRound(&rounded, &share, whole == number && number >= 10 ? 0 : 1, .plain)
        return ("\(rounded)\(unit)", full)
    }

    private static func parent(of organization: OrganizationModel, on db: any Database) async throws -> OrganizationModel? {
        guard let parentID = organization.parentID else { return nil }
        return try await OrganizationModel.find(parentID, on: db)
    }

    private static func taskIDs(round roundID: UUID, on db: any Database) async throws -> [String: UUID] {
        struct Row: Decodable { var id: UUID; var code: String; var region_code: String? }
        let rows = try await db.sql.raw("""
            SELECT t.id, bo.code, r.recipient_code AS region_code FROM monitoring_tasks t
            JOIN budget_objects bo ON bo.id = t.budget_object_id LEFT JOIN goal_regions r ON r.id = t.region_row_id
            WHERE t.round_id = \(bind: roundID)
            """).all(decoding: Row.self)
        return Dictionary(rows.map { ($0.code + "|" + ($0.region_code ?? ""), $0.id) }, uniquingKeysWith: { first, _ in first })
    }

    /// The people of the story as callers at a given Beijing time.
    struct Actors {
        var db: any Database
        var effects: Effects

        struct Person {
            var user: SignedInUser
            var effects: Effects

            func at(_ year: Int, _ month: Int, _ day: Int, _ hour: Int) -> Caller {
                var components = DateComponents(year: year, month: month, day: day, hour: hour)
                components.timeZone = TimeZone(identifier: "Asia/Shanghai")
                let moment = Calendar(identifier: .gregorian).date(from: components) ?? Date()
                var fixed = effects
                fixed.now = { moment }
                return Caller(principal: .person(user), audit: AuditContext(userID: user.userID.uuidString.lowercased(), userName: user.username,
                                                                            organizationID: user.organizationID.uuidString.lowercased(),
                                                                            scopePath: user.organizationPath.rawValue, requestID: "demo",
                                                                            clientAddress: "127.0.0.1"), effects: fixed)
            }
        }

        func account(_ username: String) async throws -> Person {
            guard let id = try await UserModel.query(on: db).filter(\.$username == username).first()?.id,
                  let (user, organization) = try await SessionStore.loadUser(id, on: db) else {
                throw AppError(.internalServerError, "demo_account_missing", Message(.errorInternal(username)))
            }
            return Person(user: try SignedInUser(user: user, organization: organization), effects: effects)
        }

        /// The organisation's demo account of the right role, else its named reporter.
        func person(for organization: OrganizationModel) async throws -> Person {
            let role: Role = switch organization.organizationKind {
            case .unit: .unitOfficer
            case .department: .departmentOfficer
            default: .performanceOfficer
            }
            if let account = DemoData.accounts.first(where: { $0.organization == organization.code && $0.roles.contains(role) }) {
                return try await self.account(account.username)
            }
            let name = MonitoringDemo.reporters[organization.code] ?? "演示填报人"
            let user = SignedInUser(userID: UUID(), username: "demo-\(organization.code)", displayName: name, locale: nil, mustChangePassword: false,
                                    organizationID: organization.id!, organizationName: organization.name,
                                    organizationKind: organization.organizationKind, organizationPath: organization.hierarchyPath, roles: [role])
            return Person(user: user, effects: effects)
        }
    }
}
