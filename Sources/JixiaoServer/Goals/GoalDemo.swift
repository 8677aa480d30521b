import Fluent
import Vapor
import JixiaoDomain

/// 演示目标 — goals of the demo province across sectors, in every workflow state, with realistic indicators.
enum DemoGoals {
    struct Project {
        var code: String, name: String, unit: String, kind: BudgetObjectKind = .project, classification: String
        var fund: FundSource = .generalPublic, category: ProjectCategory, requestedWan: String, key = false, service = true
        var state: GoalState, annualGoal: String
        var indicators: [(IndicatorSubcategory, String, String, Decimal, StandardSource?)]
        var opinion = ""
        var adjusted = false
        var year: Int? = nil
        /// Regional goals of a transfer payment: recipient bureau, 万元, goal, indicators.
        var regions: [(String, String, String, [(IndicatorSubcategory, String, String)])] = []
    }

    static let fiscalYear = GoalController.currentFiscalYear

    static let projects: [Project] = [
        Project(code: "JN2027-EDU-001", name: "高校家庭经济困难学生资助", unit: "990000-101-01", classification: "2050205", category: .recurring,
                requestedWan: "1260", key: true, state: .submitted, annualGoal: "按政策资助家庭经济困难学生，保障其顺利完成学业。",
                indicators: [(.quantity, "资助学生人数", "≥3200人次", 25, .plan), (.quality, "资助对象认定准确率", "=100%", 15, .plan),
                             (.timeliness, "资助资金发放时间", "2027年11月前", 10, .plan), (.outputCost, "本专科生年生均资助标准", "≤3300元", 10, .plan),
                             (.socialBenefit, "困难学生辍学率", "≤0.5%", 20, .history), (.serviceSatisfaction, "受助学生满意度", "≥95%", 20, .industry)]),
        Project(code: "JN2027-EDU-002", name: "师范生公费教育经费", unit: "990000-101-01", classification: "2050205", category: .continuing,
                requestedWan: "860.5", state: .draft, annualGoal: "培养乡村教师，提高教学质量。",
                indicators: [(.quantity, "公费师范生培养人数", "≥600人", 30, .plan), (.socialBenefit, "提高教学质量", "明显提升", 30, nil),
                             (.socialBenefit, "毕业生到乡村学校任教人数", "≥550人", 40, .plan)]),
        Project(code: "JN2027-EDU-003", name: "义务教育营养改善计划", unit: "990000-101-02", classification: "2050202", category: .continuing,
                requestedWan: "120", key: true, state: .departmentApproved, annualGoal: "为学生提供营养膳食补助，改善学生营养健康状况。",
                indicators: [(.quantity, "学生受资助人数", "≥735人次", 20, .plan), (.quantity, "供餐学校数量", "≥12所", 10, .plan),
                             (.quality, "食品安全抽检合格率", "=100%", 10, .industry), (.timeliness, "补助资金发放时间", "2027年12月前", 10, .plan),
                             (.outputCost, "生均每天补助标准", "≤5元", 10, .plan), (.socialBenefit, "学生营养不良发生率", "≤8%", 20, .history),
                             (.serviceSatisfaction, "学生及家长满意度", "≥90%", 20, .industry)]),
        Project(code: "JN2027-EDU-004", name: "职业院校实训基地建设", unit: "990000-101-03", classification: "2050303", category: .oneOff,
                requestedWan: "2350", key: true, service: false, state: .approved, annualGoal: "建成智能制造实训基地，提升学生实践技能。",
                indicators: [(.quantity, "新建实训工位", "≥400个", 20, .plan), (.quality, "设备验收合格率", "=100%", 15, .industry),
                             (.timeliness, "基地建成投入使用时间", "2027年9月前", 15, .plan), (.outputCost, "单个工位建设成本", "≤5.8万元", 10, .plan),
                             (.socialBenefit, "年培训学生人次", "≥6000人次", 20, .plan), (.serviceSatisfaction, "实训学生满意度", "≥90%", 20, .industry)]),
        Project(code: "JN2027-HLT-001", name: "公立医院综合改革补助", unit: "990000-102-01", classification: "2100201", category: .recurring,
                requestedWan: "5600", key: true, state: .released, annualGoal: "巩固公立医院综合改革成果，减轻群众就医负担。",
                indicators: [(.quantity, "开展日间手术病种数", "≥60个", 20, .plan), (.quality, "三级公立医院绩效考核等级", "优", 10, .industry),
                             (.timeliness, "补助资金拨付时间", "2027年6月前", 10, .plan), (.outputCost, "次均住院费用", "≤1.2万元", 10, .history),
                             (.socialBenefit, "患者平均住院日", "≤7.5天", 20, .history), (.economicBenefit, "药品收入占比", "≤28%", 10, .industry),
                             (.serviceSatisfaction, "门诊患者满意度", "≥92%", 20, .industry)]),
        Project(code: "JN2027-HLT-002", name: "重大传染病防控", unit: "990000-102-02", classification: "2100409", category: .recurring,
                requestedWan: "1800", state: .returned, annualGoal: "做好重点传染病监测和防控，防止疫情扩散。",
                indicators: [(.quantity, "传染病监测哨点数", "≥120个", 30, .plan), (.quality, "疫情报告及时率", "≥95%", 20, .industry),
                             (.socialBenefit, "进一步加强防控能力", "有效提升", 30, nil), (.serviceSatisfaction, "群众满意度", "≥85%", 20, .industry)],
                opinion: "效益指标表述笼统，请量化“防控能力”并补充时效指标。"),
        Project(code: "JN2027-AGR-001", name: "农业科技推广示范", unit: "990000-103-01", classification: "2130106", category: .continuing,
                requestedWan: "680", service: false, state: .released, annualGoal: "推广优良品种和绿色技术，带动农户增收。",
                indicators: [(.quantity, "建设示范基地", "≥25个", 20, .plan), (.quantity, "培训农民人次", "≥5000人次", 15, .plan),
                             (.quality, "主推技术到位率", "≥95%", 15, .industry), (.timeliness, "示范任务完成时间", "2027年11月前", 10, .plan),
                             (.economicBenefit, "示范区亩均增收", "≥150元", 20, .history), (.ecologicalBenefit, "化肥使用量减少", "≥5%", 20, .plan)],
                adjusted: true),
        Project(code: "JN2027-TRA-001", name: "农村公路养护工程", unit: "990000-104-01", classification: "2140106", category: .recurring,
                requestedWan: "3200", state: .submitted, annualGoal: "完成农村公路日常养护和危桥改造，保障群众安全出行。",
                indicators: [(.quantity, "养护农村公路里程", "≥1800公里", 25, .plan), (.quantity, "危桥改造座数", "≥15座", 15, .plan),
                             (.quality, "优良路率", "≥85%", 15, .industry), (.timeliness, "危桥改造完工时间", "2027年10月前", 10, .plan),
                             (.socialBenefit, "公路交通事故率", "≥3%", 15, .history), (.serviceSatisfaction, "沿线群众满意度", "≥90%", 20, .industry)]),
        Project(code: "JN2027-SOC-001", name: "城乡居民基本养老保险补助", unit: "990000-105-01", classification: "2080801", fund: .socialInsurance,
                category: .recurring, requestedWan: "15800", key: true, state: .departmentApproved, annualGoal: "按时足额发放城乡居民基础养老金。",
                indicators: [(.quantity, "享受待遇人数", "≥86万人", 25, .plan), (.quality, "养老金足额发放率", "=100%", 20, .plan),
                             (.timeliness, "养老金按月发放及时率", "=100%", 15, .plan), (.socialBenefit, "参保率", "≥95%", 20, .plan),
                             (.serviceSatisfaction, "参保群众满意度", "≥90%", 20, .industry)]),
        Project(code: "AP2027-EDU-001", name: "义务教育营养改善计划", unit: "990121-101-01", classification: "2050202", category: .continuing,
                requestedWan: "86", state: .draft, annualGoal: "改善农村学生营养状况，提高学生健康水平。",
                indicators: [(.quantity, "受益学生人数", "≥1500人", 40, .plan), (.quality, "食品安全事故发生率", "=0%", 20, .industry),
                             (.socialBenefit, "学生体质健康达标率", "≥90%", 40, .history)]),
        Project(code: "JN2027-TP-001", name: "农村义务教育薄弱环节改善与能力提升补助资金", unit: "990000-101", kind: .transferPayment,
                classification: "2050202", category: .recurring, requestedWan: "3000", key: true, state: .released,
                annualGoal: "支持各市县改善农村义务教育薄弱学校基本办学条件，提升乡村学校办学能力。",
                indicators: [(.quantity, "改造薄弱学校数", "≥45所", 30, .plan), (.quality, "改造工程验收合格率", "=100%", 20, .industry),
                             (.socialBenefit, "义务教育巩固率", "≥96%", 30, .history), (.serviceSatisfaction, "师生满意度", "≥90%", 20, .industry)],
                regions: [("990100", "1800", "完成临江市农村薄弱学校改造，改善寄宿条件。",
                           [(.quantity, "改造薄弱学校数", "≥27所"), (.quantity, "新增寄宿床位", "≥1200个"), (.socialBenefit, "义务教育巩固率", "≥96%")]),
                          ("990200", "1200", "完成青山市农村薄弱学校改造，补齐教学设施短板。",
                           [(.quantity, "改造薄弱学校数", "≥18所"), (.quality, "教学设备配备达标率", "≥95%"), (.socialBenefit, "义务教育巩固率", "≥95%")])]),
        Project(code: "JN2027-TP-002", name: "基层医疗卫生机构能力建设补助资金", unit: "990000-102", kind: .transferPayment,
                classification: "2100302", category: .continuing, requestedWan: "1500", state: .draft,
                annualGoal: "支持乡镇卫生院和村卫生室标准化建设，提升基层诊疗能力。",
                indicators: [(.quantity, "标准化建设乡镇卫生院数", "≥20个", 40, .plan), (.socialBenefit, "基层诊疗量占比", "≥65%", 40, .plan),
                             (.serviceSatisfaction, "就诊群众满意度", "≥90%", 20, .industry)],
                regions: [("990100", "800", "完成临江市乡镇卫生院标准化建设。",
                           [(.quantity, "标准化建设乡镇卫生院数", "≥11个"), (.socialBenefit, "基层诊疗量占比", "提高")])]),
    ]

    /// The province's library: (sector, subcategory, name, operator, unit, definition).
    static let library: [(String, IndicatorSubcategory, String, TargetOperator, String, String)] = [
        ("205", .quantity, "学生受资助人数", .atLeast, "人次", "年度内获得营养膳食补助的学生人次。"),
        ("205", .quantity, "供餐学校数量", .atLeast, "所", "实施营养改善计划并供餐的学校数。"),
        ("205", .quality, "食品安全抽检合格率", .equal, "%", "抽检合格批次 ÷ 抽检总批次 × 100%。"),
        ("205", .timeliness, "补助资金发放时间", .atMost, "", "补助资金拨付到学校的最晚时间。"),
        ("205", .socialBenefit, "学生营养不良发生率", .atMost, "%", "体检营养不良学生数 ÷ 体检学生数 × 100%。"),
        ("205", .serviceSatisfaction, "学生及家长满意度", .atLeast, "%", "抽样问卷满意及基本满意比例。"),
        ("210", .serviceSatisfaction, "门诊患者满意度", .atLeast, "%", "国家公立医院满意度调查平台结果。"),
        ("210", .socialBenefit, "患者平均住院日", .atMost, "天", "出院患者占用总床日数 ÷ 出院人数。"),
        ("213", .quantity, "培训农民人次", .atLeast, "人次", "年度内参加技术培训的农民人次。"),
        ("214", .quantity, "养护农村公路里程", .atLeast, "公里", "年度内完成日常养护的农村公路里程。"),
        ("214", .quality, "优良路率", .atLeast, "%", "优等路和良等路里程 ÷ 评定总里程 × 100%。"),
        ("208", .quantity, "享受待遇人数", .atLeast, "万人", "按月领取城乡居民基础养老金的人数。"),
    ]

    /// Released goals of earlier years that used the library, so its history has something to show.
    static let pastNutritionTargets: [(unit: String, code: String, year: Int, target: String)] = [
        ("990121-101-01", "AP-NUTR", 2024, "≥700人次"), ("990121-101-01", "AP-NUTR", 2025, "≥720人次"), ("990121-101-01", "AP-NUTR", 2026, "≥735人次"),
        ("990000-101-02", "SY-NUTR", 2025, "≥750人次"), ("990000-101-02", "SY-NUTR", 2026, "≥760人次"),
    ]

    static func loadLibrary(on db: any Database) async throws -> [String: UUID] {
        guard let province = try await OrganizationModel.query(on: db).filter(\.$code == DemoData.provinceCode).first() else { return [:] }
        var ids: [String: UUID] = [:]
        for item in library {
            if let existing = try await LibraryEntryModel.query(on: db).filter(\.$owner.$id == province.id!).filter(\.$name == item.2).first() {
                ids[item.2] = existing.id; continue
            }
            let entry = LibraryEntryModel()
            entry.id = UUID(); entry.$owner.id = province.id!; entry.sector = item.0; entry.category = item.1.category.rawValue
            entry.subcategory = item.1.rawValue; entry.name = item.2; entry.targetOperator = item.3.rawValue; entry.unit = item.4; entry.definition = item.5
            try await entry.create(on: db)
            ids[item.2] = entry.id
        }
        return ids
    }

    /// Adds the demo goals that are missing; returns how many budget objects were created.
    static func load(on db: any Database) async throws -> Int {
        var all = projects
        for past in pastNutritionTargets {
            all.append(Project(code: "\(past.code)-\(past.year)", name: "义务教育营养改善计划（\(past.year)年度）", unit: past.unit, classification: "2050202",
                               category: .continuing, requestedWan: "110", state: .released, annualGoal: "为学生提供营养膳食补助。",
                               indicators: [(.quantity, "学生受资助人数", past.target, 40, .plan), (.quality, "食品安全抽检合格率", "=100%", 20, .industry),
                                            (.socialBenefit, "学生营养不良发生率", "≤8%", 20, .history), (.serviceSatisfaction, "学生及家长满意度", "≥90%", 20, .industry)],
                               year: past.year))
        }
        return try await add(all, on: db)
    }

    /// Adds those of `projects` that are missing (by code and year) with their goals and the path they took; other
    /// capabilities' demos use it for the objects their own story needs. Returns how many were created.
    static func add(_ projects: [Project], on db: any Database) async throws -> Int {
        var created = 0
        let libraryIDs = try await loadLibrary(on: db)
        for project in projects {
            let fiscalYear = project.year ?? Self.fiscalYear
            guard try await BudgetObjectModel.query(on: db).filter(\.$code == project.code).filter(\.$fiscalYear == fiscalYear).first() == nil,
                  let unit = try await OrganizationModel.query(on: db).filter(\.$code == project.unit).first() else { continue }
            let object = BudgetObjectModel()
            object.id = UUID(); object.kind = project.kind.rawValue; object.code = project.code; object.name = project.name
            object.$organization.id = unit.id!; object.fiscalYear = fiscalYear; object.functionalClassification = project.classification
            object.fundSource = project.fund.rawValue; object.category = project.category.rawValue
            object.startYear = project.category == .oneOff ? fiscalYear : fiscalYear - 1; object.endYear = fiscalYear + (project.category == .oneOff ? 0 : 2)
            object.requestedFen = try Money(wanYuan: project.requestedWan).fen; object.isKeyProject = project.key; object.isServiceProject = project.service
            if project.state == .released || project.state == .approved { object.approvedFen = object.requestedFen }
            // An adjusted project's newest version is the adjustment draft; the released one stays in force.
            let versionIDs = (first: UUID(), adjustment: UUID())
            object.currentVersionID = project.adjusted ? versionIDs.adjustment : versionIDs.first
            object.currentState = (project.adjusted ? GoalState.draft : project.state).rawValue
            try await object.create(on: db)
            let goal = PerformanceGoal(annualGoal: project.annualGoal, indicators: project.indicators.map {
                Indicator(category: $0.0.category, subcategory: $0.0, name: $0.1, targetText: $0.2, weight: $0.3, standard: $0.4,
                          libraryEntryID: libraryIDs[$0.1])
            }, regions: try project.regions.map { region in
                RegionalGoal(recipientCode: region.0, allocated: try Money(wanYuan: region.1), annualGoal: region.2,
                             indicators: region.3.map { Indicator(category: $0.0.category, subcategory: $0.0, name: $0.1, targetText: $0.2, weight: nil) })
            })
            _ = try await addVersion(goal, id: versionIDs.first, number: 1, state: project.adjusted ? .released : project.state, object: object,
                                     owner: unit, opinion: project.opinion, on: db)
            if project.adjusted {
                var adjusted = goal
                adjusted.indicators[0].targetText = "≥30个"
                adjusted.indicators[1].targetText = "≥6000人次"
                let second = try await addVersion(adjusted, id: versionIDs.adjustment, number: 2, state: .draft, object: object, owner: unit, opinion: "", on: db)
                second.isAdjustment = true
                second.adjustmentReason = "省委一号文件扩大示范范围，调整示范基地和培训任务。"
                try await second.save(on: db)
            }
            try await AuditTrail.record("budget_object.created", entityType: "budget_object", entityID: object.id!.uuidString.lowercased(),
                                        summary: "after: \(object.auditSummary) state=\(project.state.rawValue)", context: .system("demo"), on: db)
            created += 1
        }
        return created
    }

    private static func addVersion(_ goal: PerformanceGoal, id: UUID, number: Int, state: GoalState, object: BudgetObjectModel,
                                   owner: OrganizationModel, opinion: String, on db: any Database) async throws -> GoalVersionModel {
        let checks = try await GoalChecks.of(goal, object: object, owner: owner, on: db)
        let version = GoalVersionModel()
        version.id = id; version.$budgetObject.id = object.id!; version.versionNumber = number; version.state = state.rawValue
        version.annualGoal = goal.annualGoal; version.midTermGoal = goal.midTermGoal; version.isAdjustment = number > 1
        version.everSubmitted = state != .draft; version.lockVersion = 0
        version.validationErrors = checks.blockingCount
        version.lintWarnings = checks.warningCount
        version.lintNotices = checks.noticeCount
        if state == .approved || state == .released { version.financeGrade = ReviewGrade.excellent.rawValue }
        if state == .released { version.releasedAt = Date() }
        try await version.create(on: db)
        for (position, indicator) in goal.indicators.enumerated() {
            try await GoalIndicatorModel(versionID: version.id!, position: position, indicator: indicator).create(on: db)
        }
        try await RegionalGoalStore.save(goal.regions, versionID: version.id!, owner: owner, on: db)
        // The path the demo goal took, so its history reads like a real one.
        let path: [(String, GoalState, GoalState)] = {
            var steps: [(String, GoalState, GoalState)] = []
            if state == .draft { return steps }
            steps.append(("submit", .draft, .submitted))
            if state == .returned { steps.append(("department_return", .submitted, .returned)); return steps }
            if state == .submitted { return steps }
            steps.append(("department_approve", .submitted, .departmentApproved))
            if state == .departmentApproved { return steps }
            steps.append(("finance_review", .departmentApproved, .approved))
            if state == .approved { return steps }
            steps.append(("release", .approved, .released))
            return steps
        }()
        for (index, step) in path.enumerated() {
            let transition = GoalTransitionModel()
            transition.versionID = version.id!; transition.action = step.0; transition.fromState = step.1.rawValue; transition.toState = step.2.rawValue
            transition.actorUserID = UUID(); transition.actorName = "演示数据"
            transition.opinion = step.0 == "department_return" ? opinion : ""; transition.occurredAt = Date().addingTimeInterval(Double(index - path.count) * 86_400)
            try await transition.create(on: db)
        }
        return version
    }
}
