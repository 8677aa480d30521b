import JixiaoDomain

/// Texts of the monitoring pages, in Simplified Chinese and English side by side.
extension TextKey {
    // Rounds
    static func monitoringNoRounds(_ p0: some TextArgument) -> TextKey {
        TextKey("monitoringNoRounds", zh: "\(p0.text(in: .zhHans)) 年度还没有您可见的监控批次。", en: "No monitoring round of \(p0.text(in: .en)) within your reach yet.")
    }
    static let roundPeriod = TextKey("roundPeriod", zh: "监控期间", en: "Period")
    static let roundPeriodEnd = TextKey("roundPeriodEnd", zh: "期间截止日", en: "Period ends")
    static let roundDeadline = TextKey("roundDeadline", zh: "报送截止", en: "Deadline")
    static let roundScope = TextKey("roundScope", zh: "监控范围", en: "Scope")
    static let roundDepartments = TextKey("roundDepartments", zh: "部门编码（范围为指定部门时填写，逗号分隔）", en: "Department codes (for chosen departments, comma-separated)")
    static let roundTasks = TextKey("roundTasks", zh: "任务数", en: "Tasks")
    static let roundCreatedBy = TextKey("roundCreatedBy", zh: "组织人", en: "Opened by")
    static let roundOpenTitle = TextKey("roundOpenTitle", zh: "组织监控批次", en: "Open a monitoring round")
    static let roundOpenHint = TextKey("roundOpenHint", zh: "对已批复的绩效目标开展运行监控。默认为 1–7 月，8 月 20 日前报送；任务按绩效目标生成，转移支付按区域目标交由接收地区财政部门填报。",
                             en: "Monitor the released goals. The default is January to July, reported by 20 August; a task is made per goal, and per regional goal of a transfer payment for the receiving bureau.")
    static let roundOpenButton = TextKey("roundOpenButton", zh: "生成监控任务", en: "Open the round")
    static let scopeAll = TextKey("scopeAll", zh: "全部已批复目标", en: "All released goals")
    static let scopeKey = TextKey("scopeKey", zh: "重点项目", en: "Key projects")
    static let scopeDepartments = TextKey("scopeDepartments", zh: "指定部门", en: "Chosen departments")
    static let scopeTransfers = TextKey("scopeTransfers", zh: "转移支付", en: "Transfer payments")
    static let errorDateFormat = TextKey("errorDateFormat", zh: "请按 2027-07-31 的格式填写日期。", en: "Write the date as 2027-07-31.")
    static let backToRounds = TextKey("backToRounds", zh: "← 监控批次", en: "← Monitoring rounds")
    static func roundTitle(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("roundTitle", zh: "\(p1.text(in: .zhHans)) 年 \(p0.text(in: .zhHans)) 运行监控", en: "Monitoring \(p0.text(in: .en)) \(p1.text(in: .en))")
    }
    static func roundSummary(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument, _ p3: some TextArgument) -> TextKey {
        TextKey("roundSummary", zh: "监控期间 \(p0.text(in: .zhHans))，报送截止 \(p1.text(in: .zhHans))，\(p2.text(in: .zhHans))，共 \(p3.text(in: .zhHans)) 项任务。",
                en: "Period \(p0.text(in: .en)), deadline \(p1.text(in: .en)), \(p2.text(in: .en)), \(p3.text(in: .en)) tasks.")
    }
    static let ownLevel = TextKey("ownLevel", zh: "（本级）", en: " (own)")
    static let redAmount = TextKey("redAmount", zh: "红色预警金额（万元）", en: "Red, budget (10k yuan)")
    static let roundTasksTitle = TextKey("roundTasksTitle", zh: "监控任务（预警严重的在前）", en: "Tasks (reddest first)")
    static let allColours = TextKey("allColours", zh: "全部", en: "All")
    static let taskAssignee = TextKey("taskAssignee", zh: "填报单位", en: "Reported by")
    static let taskColour = TextKey("taskColour", zh: "预警", en: "Warning")
    static let taskLate = TextKey("taskLate", zh: "逾期报送", en: "late")
    static let treasuryTitle = TextKey("treasuryTitle", zh: "导入国库支付数据", en: "Import the treasury's figures")
    static let treasuryHint = TextKey("treasuryHint", zh: "一个 .xlsx 或 .csv 文件覆盖本批次全部项目：项目编码、地区编码（转移支付）、全年预算数、已拨付、实际支出（万元，列名注明“（元）”时为元）。有任何错误则不导入，并逐行列出。",
                             en: "One .xlsx or .csv file for the whole round: project code, region code (transfer payments), full-year budget, allocated, spent (10k yuan, or yuan when the title says （元）). Any error and nothing is imported; each is listed by row.")
    static let treasuryButton = TextKey("treasuryButton", zh: "上传并导入", en: "Upload and import")
    static let roundCloseHint = TextKey("roundCloseHint", zh: "结束批次后，未报送的任务标记为“未报送”并预警，不能再填报。",
                             en: "Closing marks the tasks not reported as not reported, with their warning; nothing more is reported.")
    static let roundCloseButton = TextKey("roundCloseButton", zh: "结束本批次", en: "Close the round")
    // Chart
    static let chartTitle = TextKey("chartTitle", zh: "预算执行率与时间进度", en: "Execution rate against time progress")
    static let chartTimeAxis = TextKey("chartTimeAxis", zh: "时间进度", en: "Time progress")
    static let chartRateAxis = TextKey("chartRateAxis", zh: "执行率", en: "Execution rate")
    static func chartHint(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("chartHint", zh: "每个点为一个对象，点击查看；斜线为执行进度 \(p0.text(in: .zhHans))% 与 \(p1.text(in: .zhHans))%，其下方分别为红色、黄色预警；竖线为本期时间进度，同一时间进度的点左右错开以便点击。",
                en: "Each dot is an object (follow it); the slanted lines are a pace of \(p0.text(in: .en))% and \(p1.text(in: .en))%, below which an object is red or yellow; the vertical line is the period's time progress, and dots at the same time progress are fanned out sideways so each can be followed.")
    }
    // Task
    static let backToRound = TextKey("backToRound", zh: "← 本批次", en: "← The round")
    static let listTitle = TextKey("listTitle", zh: "批量填报", en: "Report as one list")
    static let listHint = TextKey("listHint", zh: "下载本范围的监控填报清单（每个指标一行），离线填写后上传；规则与填报页相同，有一处错误则全部不保存。只能修改本单位尚未报送的任务，其他行原样保留即可。",
                                  en: "Download the list of this area's tasks (a row per indicator), fill it offline and upload it; the task page's rules apply and one error saves nothing. Only your own organisation's open tasks may change; leave other rows as they are.")
    static let listDownload = TextKey("listDownload", zh: "下载填报清单（.xlsx）", en: "Download the list (.xlsx)")
    static let listUpload = TextKey("listUpload", zh: "上传填报清单", en: "Upload the list")
    static func listImported(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("listImported", zh: "已保存 \(p0.text(in: .zhHans)) 个项目的填报；\(p1.text(in: .zhHans)) 个项目未改动。",
                en: "Saved \(p0.text(in: .en)) tasks; \(p1.text(in: .en)) unchanged.")
    }
    static let reportLink = TextKey("reportLink", zh: "绩效监控报告", en: "Monitoring report")
    static let reportDownload = TextKey("reportDownload", zh: "下载监控报告（.xlsx）", en: "Download the report (.xlsx)")
    static let backToTask = TextKey("backToTask", zh: "← 返回填报页", en: "← Back to the task")
    static let sheetPrint = TextKey("sheetPrint", zh: "打印监控表", en: "Print the monitoring form")
    static let sheetDownload = TextKey("sheetDownload", zh: "下载监控表（.xlsx）", en: "Download the monitoring form (.xlsx)")
    static let roundsOfObjectTitle = TextKey("roundsOfObjectTitle", zh: "本年度各批次监控情况", en: "This object in the year's rounds")
    static let roundsOfObjectEmpty = TextKey("roundsOfObjectEmpty", zh: "本年度暂无其他批次。", en: "No other round this year.")
    static let taskSaved = TextKey("taskSaved", zh: "已保存。", en: "Saved.")
    static let warningsTitle = TextKey("warningsTitle", zh: "预警及计算过程", en: "Warnings and their arithmetic")
    static let noWarnings = TextKey("noWarnings", zh: "目前没有预警。", en: "No warning now.")
    static let fundTitle = TextKey("fundTitle", zh: "预算执行", en: "Fund execution")
    static let fundRate = TextKey("fundRate", zh: "执行率", en: "Execution rate")
    static let fundCarryOver = TextKey("fundCarryOver", zh: "预计结转（万元）", en: "Expected carry-over (10k yuan)")
    static let projected = TextKey("projected", zh: "（按进度推算）", en: " (projected)")
    static let fundSource = TextKey("fundSource", zh: "数据来源", en: "Figures from")
    static let fundFromTreasury = TextKey("fundFromTreasury", zh: "国库支付数据", en: "the treasury")
    static let fundFromUnit = TextKey("fundFromUnit", zh: "单位填报", en: "the unit")
    static let inWanYuan = TextKey("inWanYuan", zh: "（万元）", en: " (10k yuan)")
    static let reportTitle = TextKey("reportTitle", zh: "填报监控情况", en: "Report")
    static let budgetNoteLabel = TextKey("budgetNoteLabel", zh: "追加/调减说明", en: "Budget change note")
    static let fundExplanationLabel = TextKey("fundExplanationLabel", zh: "资金执行偏差说明", en: "Why spending lags")
    static let fieldIndicator = TextKey("fieldIndicator", zh: "绩效指标", en: "Indicator")
    static func progressReached(_ p0: some TextArgument) -> TextKey {
        TextKey("progressReached", zh: "\(p0.text(in: .zhHans))执行情况", en: "Reached \(p0.text(in: .en))")
    }
    static let progressForecast = TextKey("progressForecast", zh: "全年预计完成", en: "Year-end forecast")
    static let progressLikelihood = TextKey("progressLikelihood", zh: "完成目标可能性", en: "Likelihood")
    static let progressCause = TextKey("progressCause", zh: "偏差原因", en: "Cause")
    static let progressExplanation = TextKey("progressExplanation", zh: "原因说明", en: "Explanation")
    static let progressMeasures = TextKey("progressMeasures", zh: "纠偏措施", en: "Corrective measures")
    static let progressTitle = TextKey("progressTitle", zh: "目标完成情况", en: "Goal progress")
    static let annualProgressLabel = TextKey("annualProgressLabel", zh: "年度总体目标完成情况", en: "Progress on the annual goal")
    static let saveReport = TextKey("saveReport", zh: "保存", en: "Save")
    static let submitReport = TextKey("submitReport", zh: "报送", en: "Submit")
    static let confirmReport = TextKey("confirmReport", zh: "确认", en: "Confirm")
    static let returnReport = TextKey("returnReport", zh: "退回修改", en: "Return")
    static let opinionLabel = TextKey("opinionLabel", zh: "意见", en: "Opinion")
    static let dispositionsTitle = TextKey("dispositionsTitle", zh: "处置", en: "Dispositions")
    static let noDispositions = TextKey("noDispositions", zh: "尚无处置。", en: "None yet.")
    static let dueByLabel = TextKey("dueByLabel", zh: "纠偏期限", en: "Correct by")
    static let openAdjustment = TextKey("openAdjustment", zh: "查看目标调整", en: "See the goal adjustment")
    static let answerLabel = TextKey("answerLabel", zh: "单位回复", en: "Unit's answer")
    static let answerButton = TextKey("answerButton", zh: "回复", en: "Answer")
    static let disposeTitle = TextKey("disposeTitle", zh: "处置决定", en: "Decide")
    static let dispositionKind = TextKey("dispositionKind", zh: "处置方式", en: "Decision")
    static let dispositionReason = TextKey("dispositionReason", zh: "处置理由", en: "Reason")
    static let dispositionAmount = TextKey("dispositionAmount", zh: "调减金额（万元）", en: "Cut (10k yuan)")
    static let disposeButton = TextKey("disposeButton", zh: "作出处置", en: "Decide")
}
