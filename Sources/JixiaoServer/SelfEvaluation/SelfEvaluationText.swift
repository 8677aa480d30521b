import JixiaoDomain

/// Texts of 单位自评 — self-evaluation, in Simplified Chinese and English side by side.
extension TextKey {
    // MARK: the year
    static let errorEvaluationRunner = TextKey("errorEvaluationRunner", zh: "年度自评只能由财政部门对其辖区组织。",
                                               en: "The self-evaluation of a year is opened by a finance bureau for its area.")
    static func errorEvaluationYearNotEnded(_ p0: some TextArgument) -> TextKey {
        TextKey("errorEvaluationYearNotEnded", zh: "\(p0.text(in: .zhHans)) 年度尚未结束，自评在预算年度最后一个月起开展。",
                en: "Fiscal year \(p0.text(in: .en)) has not ended; self-evaluation opens from its last month on.")
    }
    static let errorEvaluationDeadline = TextKey("errorEvaluationDeadline", zh: "报送截止日期须在今天之后一年以内。",
                                                 en: "The deadline must lie ahead, within a year from today.")
    static let errorEvaluationYearRange = TextKey("errorEvaluationYearRange", zh: "预算年度须为 2000 至 2100 之间的整数年份，例如 2027。",
                                                  en: "The fiscal year must be a whole year from 2000 to 2100, such as 2027.")
    static func errorEvaluationYearDuplicate(_ p0: some TextArgument) -> TextKey {
        TextKey("errorEvaluationYearDuplicate", zh: "本单位已组织过 \(p0.text(in: .zhHans)) 年度的自评，不能重复组织。",
                en: "The self-evaluation of \(p0.text(in: .en)) is already open for your area.")
    }
    static func errorEvaluationYearOverlap(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorEvaluationYearOverlap", zh: "\(p0.text(in: .zhHans))已组织 \(p1.text(in: .zhHans)) 年度自评，覆盖了本辖区的部分或全部项目，不能重复组织。",
                en: "\(p0.text(in: .en)) has opened the self-evaluation of \(p1.text(in: .en)) over part or all of your area; it cannot be opened twice.")
    }
    static let errorEvaluationCloseConfirm = TextKey("errorEvaluationCloseConfirm", zh: "结束后不能恢复：请勾选确认后再结束本年度自评。",
                                                     en: "Closing cannot be undone: tick the confirmation first.")
    static let errorEvaluationOpinionRequired = TextKey("errorEvaluationOpinionRequired", zh: "退回时须填写意见，说明需要修改什么。",
                                                        en: "Returning needs an opinion saying what to change.")
    static let errorEvaluationOpenFailed = TextKey("errorEvaluationOpenFailed", zh: "自评表生成失败，未生成任何自评表。",
                                                   en: "Opening the self-evaluation failed; no form was created.")
    static let errorEvaluationYearOpening = TextKey("errorEvaluationYearOpening", zh: "该年度自评表尚在生成，生成完成后才能检查。",
                                                    en: "The year's forms are still being created; check them once that is done.")
    static let errorEvaluationCheckFailed = TextKey("errorEvaluationCheckFailed", zh: "自评质量检查中断；已检查的自评表已更正，可重新运行检查。",
                                                    en: "The quality check stopped; the forms it had corrected stay corrected, and it can be run again.")
    static let errorEvaluationYearConflict = TextKey("errorEvaluationYearConflict", zh: "该年度自评已被他人修改，您的操作未保存。请刷新后再操作。",
                                                     en: "Someone else changed this self-evaluation year first; nothing was saved. Reload and try again.")
    static let errorEvaluationYearNotOpen = TextKey("errorEvaluationYearNotOpen", zh: "该年度自评未开放（尚在生成或已结束），不能填报或审核。",
                                                    en: "The year's self-evaluation is not open (still being created, or closed); nothing can be filled in or reviewed.")

    // MARK: the form
    static let errorEvaluationNotAssignee = TextKey("errorEvaluationNotAssignee", zh: "只有承担该项目的单位才能填报和报送自评。",
                                                    en: "Only the organization responsible for the object fills in and submits its self-evaluation.")
    static func errorEvaluationNotEditable(_ p0: some TextArgument) -> TextKey {
        TextKey("errorEvaluationNotEditable", zh: "自评表处于“\(p0.text(in: .zhHans))”状态，不能修改。", en: "The self-evaluation is \(p0.text(in: .en)) and cannot be changed.")
    }
    static let errorEvaluationConflict = TextKey("errorEvaluationConflict", zh: "该自评表已被他人修改，您的操作未保存。请刷新后再操作。",
                                                 en: "Someone else changed this self-evaluation first; nothing was saved. Reload and try again.")
    static let errorEvaluationOwnSubmission = TextKey("errorEvaluationOwnSubmission", zh: "报送人不能审核自己报送的自评表。",
                                                      en: "The person who submitted a self-evaluation does not confirm it.")
    static let errorEvaluationAmountNegative = TextKey("errorEvaluationAmountNegative", zh: "金额不能为负数。", en: "An amount cannot be negative.")
    static let errorEvaluationExecutedMissing = TextKey("errorEvaluationExecutedMissing", zh: "请填写全年执行数。", en: "Fill in the year's executed amount.")
    static let errorEvaluationNarrativeMissing = TextKey("errorEvaluationNarrativeMissing", zh: "请填写年度总体目标完成情况。",
                                                         en: "Describe how far the year's overall goal was achieved.")
    static func errorEvaluationSubmission(_ p0: some TextArgument) -> TextKey {
        TextKey("errorEvaluationSubmission", zh: "还有 \(p0.text(in: .zhHans)) 处须填写或说明，不能报送。",
                en: "\(p0.text(in: .en)) items must be filled in or explained before the self-evaluation can be submitted.")
    }
    static func errorEvaluationTarget(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorEvaluationTarget", zh: "第 \(p0.text(in: .zhHans)) 个指标：年度指标值“\(p1.text(in: .zhHans))”无法识别，不能计分。",
                en: "Indicator \(p0.text(in: .en)): the target “\(p1.text(in: .en))” cannot be read, so it cannot be scored.")
    }
    static func errorEvaluationPoints(_ p0: some TextArgument) -> TextKey {
        TextKey("errorEvaluationPoints", zh: "第 \(p0.text(in: .zhHans)) 个指标：分数须为数字。", en: "Indicator \(p0.text(in: .en)): points must be a number.")
    }
    static func errorEvaluationActual(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument) -> TextKey {
        TextKey("errorEvaluationActual", zh: "第 \(p0.text(in: .zhHans)) 个指标“\(p1.text(in: .zhHans))”的实际完成值：\(p2.text(in: .zhHans))",
                en: "Indicator \(p0.text(in: .en)) “\(p1.text(in: .en))”, actual value: \(p2.text(in: .en))")
    }
    static func errorEvaluationActualRange(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorEvaluationActualRange", zh: "第 \(p0.text(in: .zhHans)) 个指标“\(p1.text(in: .zhHans))”：实际完成值不能为负数，也不能大得不合常理。",
                en: "Indicator \(p0.text(in: .en)) “\(p1.text(in: .en))”: the actual value cannot be negative or implausibly large.")
    }
    static func errorEvaluationActualKind(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorEvaluationActualKind", zh: "第 \(p0.text(in: .zhHans)) 个指标“\(p1.text(in: .zhHans))”：实际完成值与指标值不是同一类（数字、日期或定性档次）。",
                en: "Indicator \(p0.text(in: .en)) “\(p1.text(in: .en))”: the actual value is not of the target's kind (number, date or qualitative band).")
    }
    static func errorEvaluationBandRequired(_ p0: some TextArgument) -> TextKey {
        TextKey("errorEvaluationBandRequired", zh: "第 \(p0.text(in: .zhHans)) 个指标为定性指标：请选择评价档次并在档次内评分。",
                en: "Indicator \(p0.text(in: .en)) is qualitative: choose a band and give points inside it.")
    }
    static func errorEvaluationBandOutside(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument, _ p3: some TextArgument,
                                           _ p4: some TextArgument) -> TextKey {
        TextKey("errorEvaluationBandOutside",
                zh: "第 \(p0.text(in: .zhHans)) 个指标：档次“\(p1.text(in: .zhHans))”的得分应在 \(p3.text(in: .zhHans)) 至 \(p4.text(in: .zhHans)) 之间，填写的 \(p2.text(in: .zhHans)) 不在档次内。",
                en: "Indicator \(p0.text(in: .en)): the band “\(p1.text(in: .en))” scores from \(p3.text(in: .en)) to \(p4.text(in: .en)); \(p2.text(in: .en)) is outside it.")
    }
    static func errorEvaluationPointsOutside(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument) -> TextKey {
        TextKey("errorEvaluationPointsOutside", zh: "第 \(p0.text(in: .zhHans)) 个指标：评分 \(p1.text(in: .zhHans)) 应在 0 至分值 \(p2.text(in: .zhHans)) 之间。",
                en: "Indicator \(p0.text(in: .en)): points \(p1.text(in: .en)) must lie between 0 and the weight \(p2.text(in: .en)).")
    }
    static func errorEvaluationReasonMissing(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorEvaluationReasonMissing", zh: "第 \(p0.text(in: .zhHans)) 个指标“\(p1.text(in: .zhHans))”：人工评分须说明理由。",
                en: "Indicator \(p0.text(in: .en)) “\(p1.text(in: .en))”: points set by hand need a reason.")
    }
    static func errorEvaluationActualMissing(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorEvaluationActualMissing", zh: "第 \(p0.text(in: .zhHans)) 个指标“\(p1.text(in: .zhHans))”：请填写实际完成值（或标为不适用并说明理由）。",
                en: "Indicator \(p0.text(in: .en)) “\(p1.text(in: .en))”: fill in the actual value (or mark it not applicable with a reason).")
    }
    static func errorEvaluationExplanationMissing(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorEvaluationExplanationMissing", zh: "第 \(p0.text(in: .zhHans)) 个指标“\(p1.text(in: .zhHans))”未完成：须填写偏差原因分析及改进措施。",
                en: "Indicator \(p0.text(in: .en)) “\(p1.text(in: .en))” was missed: explain the deviation and the measures taken.")
    }
    static func errorEvaluationOverCause(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorEvaluationOverCause", zh: "第 \(p0.text(in: .zhHans)) 个指标“\(p1.text(in: .zhHans))”超额完成：须说明原因（年初指标值设定明显偏低，或其他原因）。",
                en: "Indicator \(p0.text(in: .en)) “\(p1.text(in: .en))” was far exceeded: say why (target set clearly too low, or another cause).")
    }
    static func errorEvaluationLateScore(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorEvaluationLateScore", zh: "第 \(p0.text(in: .zhHans)) 个指标逾期完成：请评定得分并说明理由（建议 \(p1.text(in: .zhHans)) 分）。",
                en: "Indicator \(p0.text(in: .en)) was late: set its points with a reason (suggested: \(p1.text(in: .en))).")
    }
    static func errorEvaluationNotApplicableReason(_ p0: some TextArgument) -> TextKey {
        TextKey("errorEvaluationNotApplicableReason", zh: "第 \(p0.text(in: .zhHans)) 个指标标为不适用：须说明理由。",
                en: "Indicator \(p0.text(in: .en)) is marked not applicable: give the reason.")
    }
    static func errorEvaluationUnassigned(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorEvaluationUnassigned", zh: "\(p0.text(in: .zhHans))全部不适用，其 \(p1.text(in: .zhHans)) 分须由评价人分配给其他一级指标并说明理由。",
                en: "Every \(p0.text(in: .en)) indicator is not applicable: its \(p1.text(in: .en)) points must be given to other groups, with a reason.")
    }
    static func errorReassignmentSum(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument) -> TextKey {
        TextKey("errorReassignmentSum", zh: "\(p0.text(in: .zhHans))的 \(p1.text(in: .zhHans)) 分须全部分配，现分配了 \(p2.text(in: .zhHans)) 分。",
                en: "All \(p1.text(in: .en)) points of \(p0.text(in: .en)) must be handed over; \(p2.text(in: .en)) were.")
    }
    static func errorReassignmentEmptyGroup(_ p0: some TextArgument) -> TextKey {
        TextKey("errorReassignmentEmptyGroup", zh: "不能分配给\(p0.text(in: .zhHans))：该组没有适用的指标。", en: "Cannot give points to \(p0.text(in: .en)): it has no applicable indicator.")
    }
    static func errorReassignmentReason(_ p0: some TextArgument) -> TextKey {
        TextKey("errorReassignmentReason", zh: "分配\(p0.text(in: .zhHans))的分值须说明理由。", en: "Handing over the points of \(p0.text(in: .en)) needs a reason.")
    }
    static func errorReassignmentNotNeeded(_ p0: some TextArgument) -> TextKey {
        TextKey("errorReassignmentNotNeeded", zh: "\(p0.text(in: .zhHans))仍有适用的指标，其分值不需要另行分配。",
                en: "\(p0.text(in: .en)) still has applicable indicators; its points need no reassignment.")
    }

    // MARK: import
    static let errorImportNoForms = TextKey("errorImportNoForms", zh: "文件中没有找到自评表：每张表须有“项目名称”一行和“三级指标”表头。",
                                            en: "No self-evaluation form found in the file: each needs a 项目名称 row and a 三级指标 header.")
    static func errorImportUnknownForm(_ p0: some TextArgument) -> TextKey {
        TextKey("errorImportUnknownForm", zh: "“\(p0.text(in: .zhHans))”不是本年度您可以填报的自评表（编码或名称不符，或不在您的范围内）。",
                en: "“\(p0.text(in: .en))” is not a self-evaluation of this year that you fill in (code or name unknown, or outside your reach).")
    }
    static func errorImportAmbiguousForm(_ p0: some TextArgument) -> TextKey {
        TextKey("errorImportAmbiguousForm", zh: "“\(p0.text(in: .zhHans))”对应多张自评表（如转移支付的各地区），请填写项目编码并由承担的单位导入。",
                en: "“\(p0.text(in: .en))” matches several forms (a transfer payment's regions): give the code and import as the responsible organization.")
    }
    static func errorImportDuplicateForm(_ p0: some TextArgument) -> TextKey {
        TextKey("errorImportDuplicateForm", zh: "同一项目的自评表在文件中出现两次（第一次在第 \(p0.text(in: .zhHans)) 行）。",
                en: "The same object's form appears twice in the file (first at row \(p0.text(in: .en))).")
    }
    static func errorImportConfirmed(_ p0: some TextArgument) -> TextKey {
        TextKey("errorImportConfirmed", zh: "\(p0.text(in: .zhHans)) 的自评已由财政确认，不能再导入。", en: "\(p0.text(in: .en)) was confirmed by finance; it cannot be imported again.")
    }
    static func errorImportSubmitted(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorImportSubmitted", zh: "\(p0.text(in: .zhHans)) 的自评处于“\(p1.text(in: .zhHans))”状态，须退回后才能重新导入。",
                en: "\(p0.text(in: .en)) is \(p1.text(in: .en)); it must be returned before it can be imported again.")
    }
    static func errorImportForms(_ p0: some TextArgument) -> TextKey {
        TextKey("errorImportForms", zh: "文件有 \(p0.text(in: .zhHans)) 处错误，未导入任何自评表。", en: "The file has \(p0.text(in: .en)) errors; no form was imported.")
    }
    static func errorImportNumber(_ p0: some TextArgument) -> TextKey {
        TextKey("errorImportNumber", zh: "“\(p0.text(in: .zhHans))”不是数字。", en: "“\(p0.text(in: .en))” is not a number.")
    }
    static func errorImportUnknownIndicator(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorImportUnknownIndicator", zh: "指标“\(p0.text(in: .zhHans))”不在 \(p1.text(in: .zhHans)) 现行绩效目标中。",
                en: "The indicator “\(p0.text(in: .en))” is not in the goal in force of \(p1.text(in: .en)).")
    }
    static func errorImportDuplicateIndicator(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorImportDuplicateIndicator", zh: "指标“\(p0.text(in: .zhHans))”重复（第一次在第 \(p1.text(in: .zhHans)) 行）。",
                en: "The indicator “\(p0.text(in: .en))” appears twice (first at row \(p1.text(in: .en))).")
    }
    static func errorImportQualitativePoints(_ p0: some TextArgument) -> TextKey {
        TextKey("errorImportQualitativePoints", zh: "定性指标“\(p0.text(in: .zhHans))”须有得分，才能确定评价档次。",
                en: "The qualitative indicator “\(p0.text(in: .en))” needs its points to tell its band.")
    }

    // MARK: re-evaluation
    static let errorSamplePercent = TextKey("errorSamplePercent", zh: "比例应在 0 至 100 之间。", en: "A share must lie between 0 and 100.")
    static let errorSampleEmpty = TextKey("errorSampleEmpty", zh: "本年度还没有已报送的自评表可供抽查。", en: "No submitted self-evaluation of the year to draw from yet.")
    static let errorReevaluationScored = TextKey("errorReevaluationScored", zh: "该自评表已复核评分，不能再改派。", en: "It has been re-scored already; it cannot be reassigned.")
    static func errorReevaluationAgency(_ p0: some TextArgument) -> TextKey {
        TextKey("errorReevaluationAgency", zh: "“\(p0.text(in: .zhHans))”不是本辖区在用的第三方机构。", en: "“\(p0.text(in: .en))” is not an active agency of your area.")
    }
    static let errorReevaluationNotAssigned = TextKey("errorReevaluationNotAssigned", zh: "只有被指派的复核人员（财政绩效管理人员或受托第三方机构）才能复核评分。",
                                                      en: "Only the reviewers assigned (the bureau's performance staff or the agency entrusted) re-score it.")
    static let errorReevaluationComment = TextKey("errorReevaluationComment", zh: "请填写复核意见。", en: "Write the reviewer's conclusion.")
    static let errorReevaluationConflict = TextKey("errorReevaluationConflict", zh: "该复核已被他人修改，您的操作未保存。请刷新后再操作。",
                                                   en: "Someone else changed this re-evaluation first; nothing was saved. Reload and try again.")

    // MARK: scoring rules
    static let errorEvaluationRulesUnreadable = TextKey("errorEvaluationRulesUnreadable", zh: "该自评表保存的评分规则无法读取，未计分。请联系系统管理员。",
                                                        en: "The scoring rules stored with this self-evaluation cannot be read; it was not scored. Contact the administrator.")
    static let errorScoringBudgetWeight = TextKey("errorScoringBudgetWeight", zh: "预算执行率分值应在 0 至 100 之间，最多两位小数。", en: "The budget block's weight must lie between 0 and 100, with at most two decimals.")
    static let errorScoringOverAchievement = TextKey("errorScoringOverAchievement", zh: "超额完成起算比例应大于 100%，且不超过 1000%。",
                                                     en: "The over-achievement threshold must be above 100 % and at most 1000 %.")
    static let errorScoringLateShare = TextKey("errorScoringLateShare", zh: "逾期完成的建议得分比例应在 0 至 100% 之间。", en: "The late share must lie between 0 and 100 %.")
    static let errorScoringLateGrace = TextKey("errorScoringLateGrace", zh: "逾期宽限月数应为 0 至 12 的整数。", en: "The grace for late deadlines must be a whole number of months from 0 to 12.")
}

extension QualitativeBand: FixedTerm, TextArgument {
    var englishName: String {
        switch self {
        case .achieved: "achieved"
        case .partly: "partly achieved with some effect"
        case .notAchieved: "not achieved, poor effect"
        }
    }

    func text(in locale: AppLocale) -> String { locale == .zhHans ? chineseName : englishName }
}

extension ScoreGrade: FixedTerm {
    public var chineseName: String { rawValue }
    var englishName: String {
        switch self {
        case .excellent: "Excellent"
        case .good: "Good"
        case .fair: "Fair"
        case .poor: "Poor"
        }
    }
}
