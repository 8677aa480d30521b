import JixiaoDomain

/// Texts of the self-evaluation pages, in Simplified Chinese and English side by side.
extension TextKey {
    static let navSelfEvaluation = TextKey("navSelfEvaluation", zh: "单位自评", en: "Self-evaluation")
    static let sectionSelfEvaluationSummary = TextKey("sectionSelfEvaluationSummary", zh: "年度结束后对每个项目和部门整体支出按统一规则自评打分，部门审核、财政接收。",
                                                      en: "After the year, every project and department's whole spending is scored by the fixed rule; the department reviews, finance receives.")
    static let selfEvaluationIntro = TextKey("selfEvaluationIntro", zh: "预算完成有评价：每个执行了预算的项目由单位按统一评分规则自评，每项扣分都写明计算过程，部门审核后报财政。",
                                             en: "Every object that spent budget is self-evaluated by its unit with the fixed rule, every deduction written out; the department reviews it and passes it to finance.")
    static let selfEvaluationNoYears = TextKey("selfEvaluationNoYears", zh: "还没有可查看的年度自评。", en: "There is no self-evaluation year to show yet.")
    static let selfEvaluationDeadline = TextKey("selfEvaluationDeadline", zh: "报送截止日期", en: "Deadline")
    static let selfEvaluationCount = TextKey("selfEvaluationCount", zh: "自评表数", en: "Forms")
    static func selfEvaluationYearTitle(_ p0: some TextArgument) -> TextKey {
        TextKey("selfEvaluationYearTitle", zh: "\(p0.text(in: .zhHans)) 年度自评", en: "Self-evaluation \(p0.text(in: .en))")
    }
    static let selfEvaluationOpenTitle = TextKey("selfEvaluationOpenTitle", zh: "组织年度自评", en: "Open the self-evaluation of a year")
    static let selfEvaluationOpenHint = TextKey("selfEvaluationOpenHint", zh: "为本辖区每个已批复绩效目标的项目、部门整体支出、政策和转移支付（每个地区一张，另加下达方汇总）生成自评表，预填现行目标、分值和最近一次监控情况。",
                                                en: "Makes one form per object with a released goal in your area — projects, department spending, policies, and for a transfer payment one per region plus the issuer's summary — pre-filled with the goal in force, its weights and the last monitoring figures.")
    static let selfEvaluationOpenButton = TextKey("selfEvaluationOpenButton", zh: "生成自评表", en: "Open the year")
    static let selfEvaluationBackToYears = TextKey("selfEvaluationBackToYears", zh: "← 返回年度自评", en: "← Back to the years")
    static let selfEvaluationBackToYear = TextKey("selfEvaluationBackToYear", zh: "← 返回本年度自评", en: "← Back to the year")
    static func rulesVersionLabel(_ p0: some TextArgument) -> TextKey {
        TextKey("rulesVersionLabel", zh: "评分规则第 \(p0.text(in: .zhHans)) 版", en: "scoring rules v\(p0.text(in: .en))")
    }
    static let rulesPolicyLabel = TextKey("rulesPolicyLabel", zh: "政策规定的评分规则", en: "the policy's scoring rules")
    static let selfEvaluationOpening = TextKey("selfEvaluationOpening", zh: "正在生成自评表，本页会自动刷新。", en: "The forms are being made; this page refreshes on its own.")
    static let selfEvaluationMean = TextKey("selfEvaluationMean", zh: "已报送自评表的平均分", en: "Mean score of the submitted forms")
    static let selfEvaluationByState = TextKey("selfEvaluationByState", zh: "按填报状态", en: "By state")
    static let selfEvaluationByGrade = TextKey("selfEvaluationByGrade", zh: "按评价等级（已报送）", en: "By grade (submitted)")
    static let selfEvaluationAll = TextKey("selfEvaluationAll", zh: "全部", en: "All")
    static let selfEvaluationWithFindings = TextKey("selfEvaluationWithFindings", zh: "有质量问题", en: "With findings")
    static let selfEvaluationNoneHere = TextKey("selfEvaluationNoneHere", zh: "没有符合条件的自评表。", en: "No self-evaluation matches.")
    static let selfEvaluationAssignee = TextKey("selfEvaluationAssignee", zh: "填报单位", en: "Filled in by")
    static let selfEvaluationTotal = TextKey("selfEvaluationTotal", zh: "总分", en: "Total")
    static let selfEvaluationGrade = TextKey("selfEvaluationGrade", zh: "等级", en: "Grade")
    static let selfEvaluationFindings = TextKey("selfEvaluationFindings", zh: "质量问题", en: "Findings")
    static func selfEvaluationCloseHint(_ p0: some TextArgument) -> TextKey {
        TextKey("selfEvaluationCloseHint", zh: "结束后不能恢复：各单位不能再填报或修改，部门和财政也不能再审核；仍有 \(p0.text(in: .zhHans)) 张未报送的自评表将记为“未报送”。",
                en: "Closing cannot be undone: nothing more is filled in, changed or reviewed, and the \(p0.text(in: .en)) forms not yet submitted are recorded as not reported.")
    }
    static let selfEvaluationCloseConfirm = TextKey("selfEvaluationCloseConfirm", zh: "我已了解，确认结束本年度自评", en: "I understand; close the year")
    static let selfEvaluationCloseButton = TextKey("selfEvaluationCloseButton", zh: "结束本年度自评", en: "Close the year")
    static let selfEvaluationIssuerSummary = TextKey("selfEvaluationIssuerSummary", zh: "下达方汇总", en: "issuer's summary")
    static let selfEvaluationStopped = TextKey("selfEvaluationStopped", zh: "已停止执行", en: "Stopped")
    static func selfEvaluationStoppedNotice(_ p0: some TextArgument) -> TextKey {
        TextKey("selfEvaluationStoppedNotice", zh: "该项目在年度运行监控中被处置为停止执行：\(p0.text(in: .zhHans))", en: "Monitoring stopped this object during the year: \(p0.text(in: .en))")
    }
    static let selfEvaluationStateOpening = TextKey("selfEvaluationStateOpening", zh: "生成中", en: "Being created")
    static let selfEvaluationStateOpen = TextKey("selfEvaluationStateOpen", zh: "进行中", en: "Open")
    static let selfEvaluationStateClosed = TextKey("selfEvaluationStateClosed", zh: "已结束", en: "Closed")
    static let selfEvaluationSaved = TextKey("selfEvaluationSaved", zh: "已保存，得分已按规则重新计算。", en: "Saved; the score was computed again by the rule.")
    static let selfEvaluationImported = TextKey("selfEvaluationImported", zh: "导入", en: "Imported")
    static func selfEvaluationRulesNote(_ p0: some TextArgument) -> TextKey {
        TextKey("selfEvaluationRulesNote", zh: "按本级财政评分规则第 \(p0.text(in: .zhHans)) 版计算；总分未经舍入计算，显示保留两位小数。",
                en: "Scored by the bureau's scoring rules, version \(p0.text(in: .en)); the total is computed unrounded and shown with two decimals.")
    }
    static let selfEvaluationPolicyRulesNote = TextKey("selfEvaluationPolicyRulesNote", zh: "按财预〔2020〕10号规定的评分规则计算（预算执行率 10 分，超额完成认定 120%，逾期一个月内建议 60%）；总分未经舍入计算，显示保留两位小数。",
                                                       en: "Scored by the policy's rules (财预〔2020〕10号: budget execution 10 points, over-achievement from 120 %, 60 % suggested within a month late); the total is computed unrounded and shown with two decimals.")
    static let selfEvaluationBudgetTitle = TextKey("selfEvaluationBudgetTitle", zh: "项目资金与预算执行", en: "Money and budget execution")
    static let selfEvaluationExecuted = TextKey("selfEvaluationExecuted", zh: "全年执行数", en: "Executed in the year")
    static let selfEvaluationBudgetPoints = TextKey("selfEvaluationBudgetPoints", zh: "预算执行率得分", en: "Budget execution points")
    static func selfEvaluationLastMonitoring(_ p0: some TextArgument) -> TextKey {
        TextKey("selfEvaluationLastMonitoring", zh: "最近一次监控（\(p0.text(in: .zhHans))）", en: "Last monitoring (\(p0.text(in: .en)))")
    }
    static let selfEvaluationFormTitle = TextKey("selfEvaluationFormTitle", zh: "项目支出绩效自评表", en: "Self-evaluation form")
    static let selfEvaluationGoalTitle = TextKey("selfEvaluationGoalTitle", zh: "年度总体目标", en: "The year's overall goal")
    static let selfEvaluationExpected = TextKey("selfEvaluationExpected", zh: "预期目标", en: "Expected")
    static let selfEvaluationNarrative = TextKey("selfEvaluationNarrative", zh: "实际完成情况", en: "What was achieved")
    static let selfEvaluationIndicatorsTitle = TextKey("selfEvaluationIndicatorsTitle", zh: "绩效指标", en: "Indicators")
    static let selfEvaluationIndicatorsHint = TextKey("selfEvaluationIndicatorsHint", zh: "填写实际完成值（定量指标写数值，时效指标写完成日期，定性指标选择档次并在档次内评分）。保存后按规则计分并写明计算过程；未完成的指标须填写偏差原因分析及改进措施。",
                                                      en: "Fill in each actual value (a number, a completion date, or for a qualitative indicator a band and points inside it). Saving scores each by the rule and writes out the arithmetic; a missed indicator needs its deviation explained.")
    static let selfEvaluationWeight = TextKey("selfEvaluationWeight", zh: "分值", en: "Weight")
    static let selfEvaluationActual = TextKey("selfEvaluationActual", zh: "实际完成值", en: "Actual")
    static let selfEvaluationPoints = TextKey("selfEvaluationPoints", zh: "得分", en: "Points")
    static let selfEvaluationExplanation = TextKey("selfEvaluationExplanation", zh: "偏差原因分析及改进措施", en: "Deviation and measures")
    static let selfEvaluationSave = TextKey("selfEvaluationSave", zh: "保存并计分", en: "Save and score")
    static let selfEvaluationBand = TextKey("selfEvaluationBand", zh: "评价档次", en: "Band")
    static func selfEvaluationForecastHint(_ p0: some TextArgument) -> TextKey {
        TextKey("selfEvaluationForecastHint", zh: "最近监控的全年预计：\(p0.text(in: .zhHans))", en: "Last monitoring forecast: \(p0.text(in: .en))")
    }
    static let selfEvaluationOverride = TextKey("selfEvaluationOverride", zh: "人工调整", en: "Overridden")
    static let selfEvaluationOtherCases = TextKey("selfEvaluationOtherCases", zh: "其他情形：不适用、超额完成、逾期完成、人工调整", en: "Other cases: not applicable, exceeded, late, override")
    static let selfEvaluationNotApplicable = TextKey("selfEvaluationNotApplicable", zh: "不适用", en: "Not applicable")
    static let selfEvaluationNotApplicableReason = TextKey("selfEvaluationNotApplicableReason", zh: "不适用的理由", en: "Why not applicable")
    static let selfEvaluationOverCause = TextKey("selfEvaluationOverCause", zh: "超额完成的原因", en: "Why far exceeded")
    static let overCauseTooLow = TextKey("overCauseTooLow", zh: "年初指标值设定明显偏低（按偏离度扣分）", en: "Target set clearly too low (docked)")
    static let overCauseOther = TextKey("overCauseOther", zh: "其他原因（在偏差说明中写明，不扣分）", en: "Another cause (explained, not docked)")
    static let selfEvaluationChosenPoints = TextKey("selfEvaluationChosenPoints", zh: "评定得分（逾期或超额时）", en: "Points set (late or exceeded)")
    static let selfEvaluationChosenReason = TextKey("selfEvaluationChosenReason", zh: "评定理由", en: "Reason for the points set")
    static let selfEvaluationOverridePoints = TextKey("selfEvaluationOverridePoints", zh: "人工调整得分", en: "Override points")
    static let selfEvaluationOverrideReason = TextKey("selfEvaluationOverrideReason", zh: "调整理由", en: "Reason for the override")
    static func selfEvaluationPrinted(_ p0: some TextArgument) -> TextKey {
        TextKey("selfEvaluationPrinted", zh: "表上得分：\(p0.text(in: .zhHans))", en: "Printed points: \(p0.text(in: .en))")
    }
    static let selfEvaluationFindingsTitle = TextKey("selfEvaluationFindingsTitle", zh: "自评质量检查", en: "Quality checks")
    static let selfEvaluationNoFindings = TextKey("selfEvaluationNoFindings", zh: "未发现问题。", en: "Nothing found.")
    static let selfEvaluationFindingBadge = TextKey("selfEvaluationFindingBadge", zh: "请核实", en: "Check")
    static let selfEvaluationDemandsTitle = TextKey("selfEvaluationDemandsTitle", zh: "报送前须完成", en: "Before submitting")
    static let selfEvaluationReady = TextKey("selfEvaluationReady", zh: "已填写完整，可以报送。", en: "Complete: it can be submitted.")
    static let selfEvaluationBackToForm = TextKey("selfEvaluationBackToForm", zh: "← 返回自评表", en: "← Back to the form")
    static let selfEvaluationListDownload = TextKey("selfEvaluationListDownload", zh: "下载本页自评表（汇总表及每张自评表，.xlsx）",
                                                    en: "Download these forms (.xlsx: the list, then each form)")
    static let selfEvaluationImportTitle = TextKey("selfEvaluationImportTitle", zh: "导入自评表", en: "Import self-evaluation forms")
    static let selfEvaluationImportHint = TextKey("selfEvaluationImportHint", zh: "上传按标准格式或本省格式填写的自评表（.xlsx 或 .csv，一个文件可含多张表）。表上的得分、执行率和总分会与系统按规则计算的结果并列保存，不一致之处列为质量问题。文件中任何一处错误都不会导入任何一张表。",
                                                   en: "Upload forms in the standard or a provincial layout (.xlsx or .csv, several per file). The points, rate and total the sheet printed are kept beside the computed ones, and every difference becomes a finding. One error anywhere and no form is imported.")
    static let selfEvaluationImportButton = TextKey("selfEvaluationImportButton", zh: "上传并导入", en: "Upload and import")
    static func selfEvaluationImported(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("selfEvaluationImported", zh: "已导入 \(p0.text(in: .zhHans)) 张自评表，其中 \(p1.text(in: .zhHans)) 张有质量问题。",
                en: "\(p0.text(in: .en)) forms imported, \(p1.text(in: .en)) of them with findings.")
    }
    static let selfEvaluationImportRunning = TextKey("selfEvaluationImportRunning", zh: "文件较大，正在后台导入，完成后本页数据会更新。",
                                                     en: "The file is large and is being imported in the background; this page shows it once done.")
    static let selfEvaluationDoneSubmitted = TextKey("selfEvaluationDoneSubmitted", zh: "已报送。", en: "Submitted.")
    static let selfEvaluationDoneConfirmed = TextKey("selfEvaluationDoneConfirmed", zh: "已确认。", en: "Confirmed.")
    static let selfEvaluationDoneReturned = TextKey("selfEvaluationDoneReturned", zh: "已退回，并附意见。", en: "Returned with the opinion.")
    static func selfEvaluationReturnedBecause(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("selfEvaluationReturnedBecause", zh: "\(p0.text(in: .zhHans)) 退回了本自评表，意见：\(p1.text(in: .zhHans))",
                en: "\(p0.text(in: .en)) returned this form: \(p1.text(in: .en))")
    }
    static func selfEvaluationOverdue(_ p0: some TextArgument) -> TextKey {
        TextKey("selfEvaluationOverdue", zh: "已过截止日期（\(p0.text(in: .zhHans))）", en: "Past the deadline (\(p0.text(in: .en)))")
    }
    static let selfEvaluationNotSavedYet = TextKey("selfEvaluationNotSavedYet", zh: "尚未保存：保存后按规则计分并进行质量检查。",
                                                   en: "Not saved yet: saving scores it by the rule and runs the quality checks.")
    static let selfEvaluationChosenBadge = TextKey("selfEvaluationChosenBadge", zh: "评定", en: "Set by hand")
    static let selfEvaluationSubmit = TextKey("selfEvaluationSubmit", zh: "报送自评", en: "Submit the self-evaluation")
}
