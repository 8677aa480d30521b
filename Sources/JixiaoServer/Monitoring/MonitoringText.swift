import JixiaoDomain

/// Texts of 运行监控 — monitoring, in Simplified Chinese and English side by side.
extension TextKey {
    // MARK: rounds
    static let errorRoundRunner = TextKey("errorRoundRunner", zh: "监控批次只能由财政部门（对其辖区）或预算部门（对其所属单位）组织。",
                             en: "Monitoring rounds are run by a finance bureau (for its area) or a department (for its units).")
    static func errorRoundPeriod(_ p0: some TextArgument) -> TextKey {
        TextKey("errorRoundPeriod", zh: "监控期间的截止日必须在预算年度 \(p0.text(in: .zhHans)) 年之内。",
                en: "The period must end inside fiscal year \(p0.text(in: .en)).")
    }
    static let errorRoundDeadline = TextKey("errorRoundDeadline", zh: "报送截止日期必须晚于监控期间的截止日，且不晚于次年年底。",
                             en: "The reporting deadline must come after the period's end and no later than the end of the next year.")
    static func errorRoundDuplicate(_ p0: some TextArgument) -> TextKey {
        TextKey("errorRoundDuplicate", zh: "本单位已组织过同一期间（\(p0.text(in: .zhHans))）、同一范围的监控批次，不能重复组织。",
                en: "A round for the same period (\(p0.text(in: .en))) and scope already exists.")
    }
    static func errorRoundScopeDepartment(_ p0: some TextArgument) -> TextKey {
        TextKey("errorRoundScopeDepartment", zh: "“\(p0.text(in: .zhHans))”不是本辖区内的预算部门。",
                en: "“\(p0.text(in: .en))” is not a budget department inside your area.")
    }
    static let errorRoundScopeDepartmentsMissing = TextKey("errorRoundScopeDepartmentsMissing", zh: "请至少选择一个预算部门。",
                             en: "Choose at least one department.")
    static let errorRoundScopeForDepartment = TextKey("errorRoundScopeForDepartment", zh: "预算部门组织的批次只覆盖本部门及所属单位，不能选择其他部门或转移支付。",
                             en: "A department's round covers the department and its units only; it cannot choose other departments or transfer payments.")
    static func errorRoundNotOpen(_ p0: some TextArgument) -> TextKey {
        TextKey("errorRoundNotOpen", zh: "监控批次当前为“\(p0.text(in: .zhHans))”，不能再报送或审核。",
                en: "The round is \(p0.text(in: .en)); nothing can be reported or reviewed in it now.")
    }
    static let errorRoundConflict = TextKey("errorRoundConflict", zh: "该批次已被他人修改，您的操作未保存。请刷新后再操作。",
                             en: "Someone else changed this round first; nothing was saved. Reload and try again.")
    static let errorDeadlineScanFailed = TextKey("errorDeadlineScanFailed", zh: "截止日后的预警扫描未能完成，将在下次查看本批次时重试。",
                                                 en: "The scan after the deadline did not finish; it runs again the next time the round is looked at.")
    static let errorRoundOpenFailed = TextKey("errorRoundOpenFailed", zh: "监控批次任务生成失败，未生成任何任务。",
                             en: "Opening the round failed; no task was created.")

    // MARK: tasks
    static let errorTaskNotAssignee = TextKey("errorTaskNotAssignee", zh: "只有承担该任务的单位才能填报和报送。",
                             en: "Only the organization the task is assigned to fills in and submits it.")
    static let errorTaskConflict = TextKey("errorTaskConflict", zh: "该监控任务已被他人修改，您的操作未保存。请刷新后再操作。",
                             en: "Someone else changed this task first; nothing was saved. Reload and try again.")
    static func errorTaskNotEditable(_ p0: some TextArgument) -> TextKey {
        TextKey("errorTaskNotEditable", zh: "任务处于“\(p0.text(in: .zhHans))”状态，不能修改。",
                en: "The task is \(p0.text(in: .en)) and cannot be changed.")
    }
    static let errorMonitoringOwnSubmission = TextKey("errorMonitoringOwnSubmission", zh: "报送人不能确认自己报送的监控情况。",
                             en: "The person who submitted a report does not confirm it.")
    static let errorTreasuryFigures = TextKey("errorTreasuryFigures", zh: "已拨付和实际支出来自国库支付数据，不能手工修改；如有出入请联系财政部门。",
                             en: "Allocated and spent come from the treasury's figures and cannot be changed by hand; ask the finance bureau.")
    static func errorUnknownIndicator(_ p0: some TextArgument) -> TextKey {
        TextKey("errorUnknownIndicator", zh: "第 \(p0.text(in: .zhHans)) 行：该指标不属于本任务的绩效目标。",
                en: "Row \(p0.text(in: .en)): the indicator is not part of this task's goal.")
    }
    static func indicatorLocation(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("indicatorLocation", zh: "第 \(p0.text(in: .zhHans)) 个指标“\(p1.text(in: .zhHans))”", en: "Indicator \(p0.text(in: .en)) “\(p1.text(in: .en))”")
    }
    static func errorTaskSubmission(_ p0: some TextArgument) -> TextKey {
        TextKey("errorTaskSubmission", zh: "还有 \(p0.text(in: .zhHans)) 处须填写或说明，不能报送。",
                en: "\(p0.text(in: .en)) items must be filled in or explained before the report can be submitted.")
    }
    static func errorFundNegative(_ p0: some TextArgument) -> TextKey {
        TextKey("errorFundNegative", zh: "“\(p0.text(in: .zhHans))”不能为负数。", en: "“\(p0.text(in: .en))” cannot be negative.")
    }
    static func errorSpentAboveAllocated(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorSpentAboveAllocated", zh: "实际支出 \(p0.text(in: .zhHans)) 万元超过已拨付 \(p1.text(in: .zhHans)) 万元。",
                en: "Spent (\(p0.text(in: .en)) 10k yuan) exceeds allocated (\(p1.text(in: .en)) 10k yuan).")
    }
    static func errorAllocatedAboveBudget(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorAllocatedAboveBudget", zh: "已拨付 \(p0.text(in: .zhHans)) 万元超过全年预算数 \(p1.text(in: .zhHans)) 万元。",
                en: "Allocated (\(p0.text(in: .en)) 10k yuan) exceeds the full-year budget (\(p1.text(in: .en)) 10k yuan).")
    }
    static func errorPlanAboveBudget(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorPlanAboveBudget", zh: "用款计划合计 \(p0.text(in: .zhHans)) 万元超过全年预算数 \(p1.text(in: .zhHans)) 万元。",
                en: "The spending plan (\(p0.text(in: .en)) 10k yuan) exceeds the full-year budget (\(p1.text(in: .en)) 10k yuan).")
    }
    static let errorBudgetNoteRequired = TextKey("errorBudgetNoteRequired", zh: "全年预算数与年初预算数不同（追加或调减）时，须填写调整说明。",
                             en: "When the full-year budget differs from the initial one (an increase or a cut), explain the change.")
    static let fundInitialBudget = TextKey("fundInitialBudget", zh: "年初预算数", en: "Initial budget")
    static let fundFullYearBudget = TextKey("fundFullYearBudget", zh: "全年预算数", en: "Full-year budget")
    static let fundAllocated = TextKey("fundAllocated", zh: "已拨付", en: "Allocated")
    static let fundSpent = TextKey("fundSpent", zh: "实际支出", en: "Spent")
    static let fundForecast = TextKey("fundForecast", zh: "全年预计执行数", en: "Year-end forecast")
    static let fundPlan = TextKey("fundPlan", zh: "用款计划", en: "Spending plan")
    static let errorPlanMonths = TextKey("errorPlanMonths", zh: "用款计划须填写 12 个月的金额（可填 0）。",
                             en: "A spending plan has twelve monthly amounts (0 allowed).")
    static func errorProgressValue(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorProgressValue", zh: "“\(p0.text(in: .zhHans))”无法识别：\(p1.text(in: .zhHans))",
                en: "“\(p0.text(in: .en))” cannot be read: \(p1.text(in: .en))")
    }
    static let progressNeedsNumber = TextKey("progressNeedsNumber", zh: "定量指标请填写数值，如 88 或 88%。",
                             en: "a quantitative indicator takes a number, such as 88 or 88%.")
    static let progressNeedsDate = TextKey("progressNeedsDate", zh: "时限指标请填写日期，如 2027年10月31日。",
                             en: "a deadline takes a date, such as 2027-10-31.")
    static func progressUnit(_ p0: some TextArgument) -> TextKey {
        TextKey("progressUnit", zh: "计量单位应与指标值一致（\(p0.text(in: .zhHans))）。",
                en: "use the target's unit (\(p0.text(in: .en))).")
    }
    static let progressNoSign = TextKey("progressNoSign", zh: "完成值是事实，不带 ≥、≤ 等符号。",
                             en: "a value reached is a fact and has no sign such as ≥ or ≤.")
    static let progressEmpty = TextKey("progressEmpty", zh: "不能为空。", en: "cannot be empty.")
    static let errorFundMissing = TextKey("errorFundMissing", zh: "请填写已拨付和实际支出（无国库数据时由单位填写）。",
                             en: "Fill in allocated and spent (the unit types them where there are no treasury figures).")
    static let errorForecastRequired = TextKey("errorForecastRequired", zh: "请填写全年预计完成值。",
                             en: "Write the value expected by the year end.")
    static let errorLikelihoodRequired = TextKey("errorLikelihoodRequired", zh: "请选择完成目标可能性。",
                             en: "Choose how likely the target is met.")
    static func errorUnknownCause(_ p0: some TextArgument) -> TextKey {
        TextKey("errorUnknownCause", zh: "偏差原因“\(p0.text(in: .zhHans))”不在本地区的原因列表中。",
                en: "The deviation cause “\(p0.text(in: .en))” is not in this area's list.")
    }
    static func errorExplanationRequired(_ p0: some TextArgument) -> TextKey {
        TextKey("errorExplanationRequired", zh: "该项为\(p0.text(in: .zhHans))预警，须选择偏差原因并填写原因说明和纠偏措施。",
                en: "This item is in \(p0.text(in: .en)) warning: choose a cause and write the explanation and the corrective measures.")
    }
    static func errorFundExplanationRequired(_ p0: some TextArgument) -> TextKey {
        TextKey("errorFundExplanationRequired", zh: "资金执行为\(p0.text(in: .zhHans))预警，须填写执行偏差说明。",
                en: "Fund execution is in \(p0.text(in: .en)) warning: explain the lag.")
    }

    // MARK: treasury import
    static func errorTreasuryRows(_ p0: some TextArgument) -> TextKey {
        TextKey("errorTreasuryRows", zh: "国库数据有 \(p0.text(in: .zhHans)) 处错误，未导入任何数据。请改正后重新上传。",
                en: "The treasury file has \(p0.text(in: .en)) errors; nothing was imported. Correct them and upload it again.")
    }
    static let errorListVersion = TextKey("errorListVersion", zh: "“数据版本”列应为导出时的数字，请勿修改。",
                                          en: "The version column must keep the number it was exported with.")
    static func errorListStale(_ p0: some TextArgument) -> TextKey {
        TextKey("errorListStale", zh: "项目“\(p0.text(in: .zhHans))”在导出清单后已被修改，请重新下载清单后再填报。",
                en: "Project “\(p0.text(in: .en))” changed after the list was downloaded; download the list again.")
    }
    static func errorListTooLarge(_ p0: some TextArgument) -> TextKey {
        TextKey("errorListTooLarge", zh: "该范围的监控任务超过 \(p0.text(in: .zhHans)) 个，请在仪表盘中选择一个部门或地区后再下载或上传清单。",
                en: "This area holds more than \(p0.text(in: .en)) tasks; choose a department or region on the dashboard first.")
    }
    static func errorListRows(_ p0: some TextArgument) -> TextKey {
        TextKey("errorListRows", zh: "填报清单有 \(p0.text(in: .zhHans)) 处错误，未保存任何内容。请改正后重新上传。",
                en: "The list has \(p0.text(in: .en)) errors; nothing was saved. Correct them and upload it again.")
    }
    static func errorListUnknownTask(_ p0: some TextArgument) -> TextKey {
        TextKey("errorListUnknownTask", zh: "本批次您的范围内没有项目“\(p0.text(in: .zhHans))”（或转移支付未填地区编码）。",
                en: "This round has no project “\(p0.text(in: .en))” within your reach (or a transfer payment lacks its region code).")
    }
    static func errorListFundDiffers(_ p0: some TextArgument) -> TextKey {
        TextKey("errorListFundDiffers", zh: "与第 \(p0.text(in: .zhHans)) 行同一项目（或同一指标）的内容不一致，请只保留一个。",
                en: "Says something else for the same project (or indicator) than line \(p0.text(in: .en)); keep one.")
    }
    static func errorListPosition(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorListPosition", zh: "指标序号“\(p0.text(in: .zhHans))”不存在，该项目有 \(p1.text(in: .zhHans)) 个指标。",
                en: "Indicator number “\(p0.text(in: .en))” does not exist; the project has \(p1.text(in: .en)) indicators.")
    }
    static func errorListIndicatorName(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorListIndicatorName", zh: "第 \(p0.text(in: .zhHans)) 个指标是“\(p1.text(in: .zhHans))”，与本行的三级指标不符；请勿改动序号和指标名称。",
                en: "Indicator \(p0.text(in: .en)) is “\(p1.text(in: .en))”, not this row's; do not change numbers or names.")
    }
    static func errorListNotYours(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorListNotYours", zh: "项目“\(p0.text(in: .zhHans))”由\(p1.text(in: .zhHans))填报，本行的改动不能由您导入。",
                en: "Project “\(p0.text(in: .en))” is reported by \(p1.text(in: .en)); you cannot import changes to it.")
    }
    static func errorTreasuryDuplicate(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorTreasuryDuplicate", zh: "项目“\(p0.text(in: .zhHans))”重复，已在第 \(p1.text(in: .zhHans)) 行出现。",
                en: "Project “\(p0.text(in: .en))” appears twice; first on line \(p1.text(in: .en)).")
    }
    static func errorTreasuryUnknown(_ p0: some TextArgument) -> TextKey {
        TextKey("errorTreasuryUnknown", zh: "本批次中没有项目“\(p0.text(in: .zhHans))”（未批复、不在本辖区，或转移支付未填地区编码）。",
                en: "This round has no project “\(p0.text(in: .en))” (not released, outside your area, or a transfer payment without its region code).")
    }
    static func errorTreasuryPeriod(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorTreasuryPeriod", zh: "截止日期“\(p0.text(in: .zhHans))”与本批次的监控期间（\(p1.text(in: .zhHans))）不符。",
                en: "The period “\(p0.text(in: .en))” is not this round's (\(p1.text(in: .en))).")
    }

    // MARK: dispositions
    static let errorDispositionGreen = TextKey("errorDispositionGreen", zh: "该对象没有红色或黄色预警，不需要处置。",
                             en: "The object has no red or yellow warning; there is nothing to dispose of.")
    static func errorDispositionDueByPast(_ p0: some TextArgument) -> TextKey {
        TextKey("errorDispositionDueByPast", zh: "纠偏期限 \(p0.text(in: .zhHans)) 已过，请选择今天或以后的日期。",
                en: "The correction deadline \(p0.text(in: .en)) has passed; choose today or a later day.")
    }
    static func errorDispositionCut(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorDispositionCut", zh: "调减 \(p0.text(in: .zhHans)) 万元超过尚未支出的 \(p1.text(in: .zhHans)) 万元。",
                en: "A cut of \(p0.text(in: .en)) (10k yuan) exceeds the \(p1.text(in: .en)) still unspent.")
    }
    static let errorDispositionGoalNotReleased = TextKey("errorDispositionGoalNotReleased", zh: "该对象的绩效目标尚未批复，不能调整目标。",
                             en: "The object's goal has not been released; it cannot be adjusted.")
    static let errorDispositionNoAnswer = TextKey("errorDispositionNoAnswer", zh: "只有督促纠偏需要单位回复。",
                             en: "Only a correction order takes the unit's answer.")
    static let dispositionCorrect = TextKey("dispositionCorrect", zh: "督促纠偏", en: "Correct by a date")
    static let dispositionSuspend = TextKey("dispositionSuspend", zh: "暂缓拨款", en: "Suspend payments")
    static let dispositionCut = TextKey("dispositionCut", zh: "调减预算", en: "Cut the budget")
    static let dispositionStop = TextKey("dispositionStop", zh: "停止执行", en: "Stop")
    static let dispositionAdjust = TextKey("dispositionAdjust", zh: "调整目标", en: "Adjust the goal")

    // MARK: rule sets
    static let errorRuleSetFund = TextKey("errorRuleSetFund", zh: "资金预警阈值须满足 0 < 红色 ≤ 黄色 ≤ 100。",
                             en: "Fund thresholds must satisfy 0 < red ≤ yellow ≤ 100.")
    static let errorRuleSetThreshold = TextKey("errorRuleSetThreshold", zh: "指标预警阈值超出允许范围（正向、相等指标 0–100，反向指标 100–1000）。",
                             en: "An indicator threshold is out of range (positive and exact 0–100, reverse 100–1000).")
    static let errorRuleSetGrace = TextKey("errorRuleSetGrace", zh: "时限宽限天数不能为负数。", en: "The grace days cannot be negative.")
    static let errorRuleSetGreen = TextKey("errorRuleSetGreen", zh: "预警等级不能设为绿色。", en: "A warning level cannot be green.")
    static let errorRuleSetCauses = TextKey("errorRuleSetCauses", zh: "偏差原因列表不能为空，也不能重复。",
                             en: "The list of deviation causes can be neither empty nor repeat itself.")

    // MARK: names
    static let roundOpening = TextKey("roundOpening", zh: "生成任务中", en: "opening")
    static let roundOpen = TextKey("roundOpen", zh: "填报中", en: "open")
    static let roundClosed = TextKey("roundClosed", zh: "已结束", en: "closed")
    static let taskPending = TextKey("taskPending", zh: "待填报", en: "to report")
    static let taskSubmitted = TextKey("taskSubmitted", zh: "单位已报送", en: "submitted")
    static let taskDepartmentConfirmed = TextKey("taskDepartmentConfirmed", zh: "部门已确认", en: "confirmed by the department")
    static let taskFinanceConfirmed = TextKey("taskFinanceConfirmed", zh: "财政已确认", en: "confirmed by finance")
    static let taskReturned = TextKey("taskReturned", zh: "退回修改", en: "returned")
    static let taskUnreported = TextKey("taskUnreported", zh: "未报送", en: "not reported")
    static let levelGreen = TextKey("levelGreen", zh: "绿色", en: "green")
    static let levelYellow = TextKey("levelYellow", zh: "黄色", en: "yellow")
    static let levelRed = TextKey("levelRed", zh: "红色", en: "red")
    static let likelihoodCertain = TextKey("likelihoodCertain", zh: "确定能", en: "certain")
    static let likelihoodPossible = TextKey("likelihoodPossible", zh: "有可能", en: "possible")
    static let likelihoodImpossible = TextKey("likelihoodImpossible", zh: "完全不可能", en: "impossible")

    // MARK: warnings in words
    static let warnReasonFund = TextKey("warnReasonFund", zh: "资金执行滞后", en: "spending lags")
    static let warnReasonShort = TextKey("warnReasonShort", zh: "预计难以完成目标", en: "target unlikely to be met")
    static let warnReasonOver = TextKey("warnReasonOver", zh: "预计超出目标", en: "forecast beyond the target")
    static let warnReasonOff = TextKey("warnReasonOff", zh: "预计偏离目标", en: "forecast off the target")
    static let warnReasonLate = TextKey("warnReasonLate", zh: "预计不能按时完成", en: "forecast late")
    static let warnReasonLikelihood = TextKey("warnReasonLikelihood", zh: "单位判断", en: "the unit's judgement")
    static let warnReasonUnreported = TextKey("warnReasonUnreported", zh: "未按时报送", en: "not reported on time")
    static let warnTimeProgress = TextKey("warnTimeProgress", zh: "时间进度", en: "time elapsed")
    static let warnPlanProgress = TextKey("warnPlanProgress", zh: "用款计划进度", en: "planned spending")
    static let warnSpent = TextKey("warnSpent", zh: "支出", en: "spent")
    static let warnAllocated = TextKey("warnAllocated", zh: "拨付", en: "paid out")
    static let warnPace = TextKey("warnPace", zh: "执行进度", en: "pace")
    static let warnTarget = TextKey("warnTarget", zh: "目标", en: "target")
    static let warnForecast = TextKey("warnForecast", zh: "全年预计", en: "year-end forecast")
    static let warnShareOfTarget = TextKey("warnShareOfTarget", zh: "为目标的", en: "of the target:")
    static let warnCloseness = TextKey("warnCloseness", zh: "接近程度", en: "closeness")
    static let warnShort = TextKey("warnShort", zh: "未达目标", en: "short of the target")
    static let warnAbove = TextKey("warnAbove", zh: "超出目标", en: "above the target")
    static let warnOff = TextKey("warnOff", zh: "与目标不符", en: "not the target")
    static func warnDaysLate(_ p0: some TextArgument) -> TextKey {
        TextKey("warnDaysLate", zh: "晚 \(p0.text(in: .zhHans)) 天", en: "\(p0.text(in: .en)) days late")
    }
    static func warnGraceDays(_ p0: some TextArgument) -> TextKey {
        TextKey("warnGraceDays", zh: "\(p0.text(in: .zhHans)) 天", en: "\(p0.text(in: .en)) days")
    }
    static func warnLikelihood(_ p0: some TextArgument) -> TextKey {
        TextKey("warnLikelihood", zh: "单位判断完成目标可能性为“\(p0.text(in: .zhHans))”", en: "the unit judges meeting the target \(p0.text(in: .en))")
    }
    static func warnUnreported(_ p0: some TextArgument) -> TextKey {
        TextKey("warnUnreported", zh: "报送截止日 \(p0.text(in: .zhHans)) 前未报送", en: "not reported by the deadline, \(p0.text(in: .en))")
    }
}

/// A period names itself in the reader's language: "1–7月", "Jan–Jul".
extension MonitoringPeriod: TextArgument {
    func text(in locale: AppLocale) -> String { locale == .zhHans ? label : englishLabel }
}

extension DispositionKind {
    var text: TextKey {
        switch self {
        case .correct: .dispositionCorrect
        case .suspendPayments: .dispositionSuspend
        case .cutBudget: .dispositionCut
        case .stop: .dispositionStop
        case .adjustGoal: .dispositionAdjust
        }
    }
}

extension MonitoringTaskState {
    var text: TextKey {
        switch self {
        case .pending: .taskPending
        case .submitted: .taskSubmitted
        case .departmentConfirmed: .taskDepartmentConfirmed
        case .financeConfirmed: .taskFinanceConfirmed
        case .returned: .taskReturned
        case .unreported: .taskUnreported
        }
    }
}

extension MonitoringRoundState {
    var text: TextKey {
        switch self {
        case .opening: .roundOpening
        case .open: .roundOpen
        case .closed: .roundClosed
        }
    }
}

extension WarningLevel {
    var text: TextKey {
        switch self {
        case .green: .levelGreen
        case .yellow: .levelYellow
        case .red: .levelRed
        }
    }
}

extension CompletionLikelihood {
    var text: TextKey {
        switch self {
        case .certain: .likelihoodCertain
        case .possible: .likelihoodPossible
        case .impossible: .likelihoodImpossible
        }
    }
}

extension Localizer {
    /// A deviation cause as the reader reads it. The cause is stored as the rule set names it (the national list is
    /// Chinese, a bureau may add its own); the national five have English names, a bureau's own show as written.
    func deviationCause(_ cause: String) -> String {
        guard locale != .zhHans else { return cause }
        switch cause {
        case "经费保障": return "Funding"
        case "制度保障": return "Rules and procedures"
        case "人员保障": return "Staffing"
        case "硬件条件保障": return "Equipment and facilities"
        case "其他": return "Other"
        default: return cause
        }
    }
}
