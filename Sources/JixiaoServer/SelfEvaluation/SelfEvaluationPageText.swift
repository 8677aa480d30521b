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
    // MARK: scoring rules
    static let rulesTitle = TextKey("rulesTitle", zh: "自评评分规则", en: "Self-evaluation scoring rules")
    static let rulesIntro = TextKey("rulesIntro",
        zh: "财政部门可按年度设定本辖区自评的评分规则；下级未设定的，沿用上级的；都未设定的，按政策规定（财预〔2020〕10号）。已组织的年度自评沿用其开始时的版本，新版本不会改变已有的评分。",
        en: "A finance bureau may set the scoring rules of its area's self-evaluations per fiscal year; a bureau that sets none follows the one above, and without any the policy's rules apply (财预〔2020〕10号). A year already opened keeps the version it started with: a new version changes no existing score.")
    static let rulesShow = TextKey("rulesShow", zh: "查看", en: "Show")
    static func rulesInForce(_ p0: some TextArgument) -> TextKey {
        TextKey("rulesInForce", zh: "\(p0.text(in: .zhHans)) 年度适用的评分规则", en: "Scoring rules in force for \(p0.text(in: .en))")
    }
    static let rulesBudgetWeight = TextKey("rulesBudgetWeight", zh: "预算执行率分值", en: "Points of budget execution")
    static let rulesBudgetWeightHint = TextKey("rulesBudgetWeightHint", zh: "政策规定 10 分，部分省份为 20 分；0 至 100 分，最多两位小数。其余分值按目标权重分配给各项指标。",
                                               en: "The policy gives 10 points, some provinces 20; from 0 to 100, at most two decimals. The rest is shared among the indicators by their goal weights.")
    static let rulesOverAchievement = TextKey("rulesOverAchievement", zh: "超额完成起算比例", en: "Over-achievement from")
    static let rulesOverAchievementHint = TextKey("rulesOverAchievementHint", zh: "正向指标实际值达到指标值的这一比例及以上时，须说明超额原因（默认 120%）。大于 100，不超过 1000。",
                                                  en: "A positive indicator reaching this share of its target or more must explain why (default 120%). Above 100, at most 1000.")
    static let rulesOverAchievementPercent = TextKey("rulesOverAchievementPercent", zh: "超额完成起算比例（%）", en: "Over-achievement from (%)")
    static let rulesLateShare = TextKey("rulesLateShare", zh: "逾期完成建议得分", en: "Points suggested when late")
    static func rulesLateShareValue(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("rulesLateShareValue", zh: "逾期 \(p1.text(in: .zhHans)) 个月内完成的，建议得该项分值的 \(p0.text(in: .zhHans))%",
                en: "Done within \(p1.text(in: .en)) month(s) after the deadline: \(p0.text(in: .en))% of the weight suggested")
    }
    static func rulesYearOf(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("rulesYearOf", zh: "\(p0.text(in: .zhHans)) \(p1.text(in: .zhHans)) 年度自评", en: "\(p0.text(in: .en)): self-evaluation of \(p1.text(in: .en))")
    }
    /// With no grace: a late indicator is suggested no points at all.
    static let rulesLateNoGrace = TextKey("rulesLateNoGrace", zh: "无宽限期：逾期完成的，建议不得分", en: "No grace: a late indicator is suggested no points")
    static let rulesLateSharePercent = TextKey("rulesLateSharePercent", zh: "逾期完成建议得分比例（%）", en: "Share suggested when late (%)")
    static let rulesLateShareHint = TextKey("rulesLateShareHint", zh: "0 至 100；默认 60%。", en: "From 0 to 100; default 60%.")
    static let rulesLateGrace = TextKey("rulesLateGrace", zh: "逾期宽限（月）", en: "Grace for a late deadline (months)")
    static let rulesLateGraceHint = TextKey("rulesLateGraceHint", zh: "整数，0 至 12；默认 1 个月。", en: "A whole number from 0 to 12; default one month.")
    static let rulesDivisor = TextKey("rulesDivisor", zh: "执行率的分母", en: "Execution rate divides by")
    static let rulesDivisorFullYear = TextKey("rulesDivisorFullYear", zh: "全年预算数（政策规定）", en: "the full-year budget (the policy's)")
    static let rulesDivisorInitial = TextKey("rulesDivisorInitial", zh: "年初预算数", en: "the initial budget")
    static let rulesVersions = TextKey("rulesVersions", zh: "本级已保存的版本", en: "Versions your bureau saved")
    static let rulesVersionColumn = TextKey("rulesVersionColumn", zh: "版本", en: "Version")
    static let rulesSavedColumn = TextKey("rulesSavedColumn", zh: "保存人 · 时间", en: "Saved by · at")
    static let rulesUsedByColumn = TextKey("rulesUsedByColumn", zh: "按此版本评分的已开启年度", en: "Years opened that score by it")
    static func rulesSaveTitle(_ p0: some TextArgument) -> TextKey {
        TextKey("rulesSaveTitle", zh: "保存 \(p0.text(in: .zhHans)) 年度评分规则新版本", en: "Save a new version for \(p0.text(in: .en))")
    }
    static let rulesSaveHint = TextKey("rulesSaveHint", zh: "保存后，本辖区此后组织的该年度自评使用新版本；已组织的不受影响。",
                                       en: "Self-evaluations of the year opened from now on in your area use the new version; those already opened do not change.")
    static let rulesSaveButton = TextKey("rulesSaveButton", zh: "保存新版本", en: "Save the new version")
    static func rulesSaved(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("rulesSaved", zh: "已保存 \(p1.text(in: .zhHans)) 年度评分规则第 \(p0.text(in: .zhHans)) 版。", en: "Version \(p0.text(in: .en)) of the \(p1.text(in: .en)) scoring rules saved.")
    }
    static let errorScoringDivisor = TextKey("errorScoringDivisor", zh: "请选择执行率的分母。", en: "Choose what the execution rate divides by.")
    static let errorScoringNumber = TextKey("errorScoringNumber", zh: "请填写数字，例如 10 或 12.5。", en: "Enter a number, such as 10 or 12.5.")
    static let errorScoringUnchanged = TextKey("errorScoringUnchanged", zh: "与本级现行版本完全相同，未保存新版本。",
                                               en: "These are the values of your bureau's current version: no new version was saved.")

    static let selfEvaluationCheckTitle = TextKey("selfEvaluationCheckTitle", zh: "自评质量检查", en: "Quality check of the year")
    static let selfEvaluationCheckHint = TextKey("selfEvaluationCheckHint",
        zh: "按每张自评表所用的评分规则重新计分并逐项检查；存档得分、问题或指标得分与重算不一致的予以更正，并统计各类质量问题。不会改用新版评分规则。",
        en: "Scores every form again by the rules it was scored with and runs every check; stored scores, findings or row points that differ are corrected, and the findings are counted by kind. A newer rule set is never applied.")
    static let selfEvaluationCheckButton = TextKey("selfEvaluationCheckButton", zh: "运行检查", en: "Run the check")
    static let selfEvaluationCheckRunning = TextKey("selfEvaluationCheckRunning", zh: "检查正在后台进行，完成后本页数据会更新。",
                                                    en: "The check goes on in the background; this page shows its results once it is done.")
    static func selfEvaluationChecked(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument, _ p3: some TextArgument) -> TextKey {
        TextKey("selfEvaluationChecked",
                zh: "已检查 \(p0.text(in: .zhHans)) 张已填报的自评表，其中 \(p1.text(in: .zhHans)) 张有质量问题；更正存档得分或问题 \(p2.text(in: .zhHans)) 张；\(p3.text(in: .zhHans)) 张尚未填报。",
                en: "\(p0.text(in: .en)) filled-in forms checked, \(p1.text(in: .en)) with findings; \(p2.text(in: .en)) forms' stored scores or findings corrected; \(p3.text(in: .en)) not filled in yet.")
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
    static let sampleAssignedToYou = TextKey("sampleAssignedToYou", zh: "委托本机构复核的自评表", en: "Self-evaluations entrusted to your agency for re-scoring")
    static let sampleToScore = TextKey("sampleToScore", zh: "待复核", en: "to re-score")
    static let selfEvaluationDepartmentProjects = TextKey("selfEvaluationDepartmentProjects", zh: "本部门及所属单位项目的自评结果", en: "How the department's and its units' projects came out")
    static let selfEvaluationPrint = TextKey("selfEvaluationPrint", zh: "打印自评表", en: "Print the self-evaluation form")
    static let selfEvaluationDownload = TextKey("selfEvaluationDownload", zh: "下载自评表（.xlsx）", en: "Download the self-evaluation form (.xlsx)")
    static let libraryActuals = TextKey("libraryActuals", zh: "实际", en: "actual")
    static let sampleSection = TextKey("sampleSection", zh: "抽查复核", en: "Re-evaluation samples")
    static let sampleTitle = TextKey("sampleTitle", zh: "自评抽查复核", en: "Re-evaluation sample")
    static let sampleRescoreTitle = TextKey("sampleRescoreTitle", zh: "复核评分", en: "Re-score")
    static let sampleDrawHint = TextKey("sampleDrawHint", zh: "从本辖区已报送的自评表中抽取：一部分按风险（自评为差、监控红色、有质量问题、满分、高分低执行、从未抽查），其余在各部门内随机抽取，再按金额补足。随机种子和抽样范围一并保存，任何人都可以重新抽取验证。",
                                       en: "Drawn from the submitted forms of your area: part on risk (graded 差, red in monitoring, findings, 100 points, high score with low execution, never sampled), the rest by lot within each department, topped up by amount. The seed and the population are kept so anyone can draw again and check.")
    static let sampleCountPercent = TextKey("sampleCountPercent", zh: "按数量抽取比例（%）", en: "Share by count (%)")
    static let sampleAmountPercent = TextKey("sampleAmountPercent", zh: "覆盖金额比例不低于（%）", en: "Share of the amount at least (%)")
    static let sampleRiskPercent = TextKey("sampleRiskPercent", zh: "按风险抽取的最高占比（%）", en: "Up to this share on risk (%)")
    static let sampleSeed = TextKey("sampleSeed", zh: "随机种子（可不填）", en: "Seed (optional)")
    static let sampleSeedHint = TextKey("sampleSeedHint", zh: "不填则随机生成；填写已有种子可重现同一次抽取。", en: "Left empty, a new one is drawn; an earlier seed draws the same again.")
    static let sampleDrawButton = TextKey("sampleDrawButton", zh: "抽取", en: "Draw")
    static func sampleListItem(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument, _ p3: some TextArgument) -> TextKey {
        TextKey("sampleListItem", zh: "\(p0.text(in: .zhHans)) 抽取 \(p1.text(in: .zhHans)) 张（共 \(p2.text(in: .zhHans)) 张），种子 \(p3.text(in: .zhHans))",
                en: "\(p0.text(in: .en)): \(p1.text(in: .en)) of \(p2.text(in: .en)) drawn, seed \(p3.text(in: .en))")
    }
    static func samplePlanLine(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument, _ p3: some TextArgument) -> TextKey {
        TextKey("samplePlanLine", zh: "按数量 \(p0.text(in: .zhHans))%，覆盖金额不低于 \(p1.text(in: .zhHans))%，按风险至多 \(p2.text(in: .zhHans))%；相差超过 \(p3.text(in: .zhHans)) 分或等级不同为失真。",
                en: "\(p0.text(in: .en))% by count, at least \(p1.text(in: .en))% of the amount, up to \(p2.text(in: .en))% on risk; distorted when more than \(p3.text(in: .en)) points apart or in another grade.")
    }
    static func sampleSeedLine(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument, _ p3: some TextArgument) -> TextKey {
        TextKey("sampleSeedLine", zh: "随机种子 \(p0.text(in: .zhHans))；从 \(p1.text(in: .zhHans)) 张已报送的自评表中抽取 \(p2.text(in: .zhHans)) 张；抽取人 \(p3.text(in: .zhHans))。",
                en: "Seed \(p0.text(in: .en)); \(p2.text(in: .en)) drawn from \(p1.text(in: .en)) submitted forms by \(p3.text(in: .en)).")
    }
    static let sampleReplays = TextKey("sampleReplays", zh: "按保存的抽样范围和随机种子重新抽取，结果一致。", en: "Drawing again from the stored population and seed gives the same forms.")
    static let sampleDoesNotReplay = TextKey("sampleDoesNotReplay", zh: "按保存的抽样范围和随机种子重新抽取，结果不一致，请核查。", en: "Drawing again gives other forms: check this sample.")
    static let sampleByDepartment = TextKey("sampleByDepartment", zh: "按部门（下级财政）对比", en: "By department (or lower bureau)")
    static let sampleByUnit = TextKey("sampleByUnit", zh: "按单位对比", en: "By unit")
    static let samplePicks = TextKey("samplePicks", zh: "抽中的自评表", en: "Drawn forms")
    static let sampleReason = TextKey("sampleReason", zh: "抽取依据", en: "Why drawn")
    static let sampleReviewer = TextKey("sampleReviewer", zh: "复核人", en: "Reviewer")
    static let sampleSelfScore = TextKey("sampleSelfScore", zh: "自评分", en: "Self-score")
    static let sampleReScore = TextKey("sampleReScore", zh: "复核分", en: "Re-score")
    static let sampleDifference = TextKey("sampleDifference", zh: "差异", en: "Difference")
    static let sampleDrawn = TextKey("sampleDrawn", zh: "抽取", en: "Drawn")
    static let sampleScored = TextKey("sampleScored", zh: "已复核", en: "Re-scored")
    static let sampleDistorted = TextKey("sampleDistorted", zh: "失真", en: "Distorted")
    static let sampleDistortedBadge = TextKey("sampleDistortedBadge", zh: "失真", en: "distorted")
    static let sampleReasonRisk = TextKey("sampleReasonRisk", zh: "风险", en: "Risk")
    static let sampleReasonLot = TextKey("sampleReasonLot", zh: "随机抽取", en: "By lot")
    static let sampleReasonAmount = TextKey("sampleReasonAmount", zh: "按金额补足", en: "Amount top-up")
    static let sampleFinanceStaff = TextKey("sampleFinanceStaff", zh: "财政绩效管理人员", en: "Finance staff")
    static let sampleAssignButton = TextKey("sampleAssignButton", zh: "指派", en: "Assign")
    static let sampleRescoreLink = TextKey("sampleRescoreLink", zh: "复核评分", en: "Re-score")
    static let sampleBack = TextKey("sampleBack", zh: "← 返回抽查复核", en: "← Back to the sample")
    static let sampleRescoreHint = TextKey("sampleRescoreHint", zh: "按核实的数据填写：系统用与单位自评相同的规则计分；与自评分相差超过规定分值或等级不同即为失真。",
                                           en: "Enter the figures as verified: the same rules score them; more than the set points apart, or another grade, is distorted.")
    static let sampleVerifiedExecuted = TextKey("sampleVerifiedExecuted", zh: "核实的全年执行数", en: "Executed, as verified")
    static let sampleUnitReported = TextKey("sampleUnitReported", zh: "单位自评值", en: "The unit's value")
    static let sampleVerified = TextKey("sampleVerified", zh: "核实值", en: "Verified value")
    static let sampleComment = TextKey("sampleComment", zh: "复核意见", en: "Reviewer's conclusion")
    static let sampleRescoreButton = TextKey("sampleRescoreButton", zh: "保存复核评分", en: "Save the re-score")
    static let riskPoorSelfScore = TextKey("riskPoorSelfScore", zh: "自评为差", en: "graded 差")
    static let riskRedMonitoring = TextKey("riskRedMonitoring", zh: "监控红色预警", en: "red in monitoring")
    static let riskQualityFindings = TextKey("riskQualityFindings", zh: "有质量问题", en: "quality findings")
    static let riskPerfectScore = TextKey("riskPerfectScore", zh: "满分", en: "100 points")
    static let riskHighScoreLowExecution = TextKey("riskHighScoreLowExecution", zh: "高分低执行", en: "high score, low execution")
    static let riskNeverSampled = TextKey("riskNeverSampled", zh: "从未抽查", en: "never sampled")
    static let selfEvaluationSubmit = TextKey("selfEvaluationSubmit", zh: "报送自评", en: "Submit the self-evaluation")
}
