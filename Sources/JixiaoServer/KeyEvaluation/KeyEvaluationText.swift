import JixiaoDomain

/// Texts of 重点评价 — key evaluations, in Simplified Chinese and English side by side.
extension TextKey {
    static let keyEvaluationMemberReason = TextKey("keyEvaluationMemberReason", zh: "理由（库中专家由人工指定时必填）", en: "Reason (required for a library expert added by hand)")
    static let keyEvaluationMemberReasonHint = TextKey("keyEvaluationMemberReasonHint", zh: "专家一般从智库随机抽取；人工指定须说明理由，有回避情形的不能加入。",
                                                       en: "Experts are normally drawn from the think tanks; adding one by hand needs a reason, and nobody with a conflict joins.")
    static let navKeyEvaluation = TextKey("navKeyEvaluation", zh: "重点评价", en: "Key evaluations")
    static let sectionKeyEvaluationSummary = TextKey("sectionKeyEvaluationSummary", zh: "遴选重点项目和政策，制定评价方案和指标体系，组建评价组独立评分。",
                                                     en: "Choose key projects and policies, write the plan and indicator framework, and let a team score independently.")

    // MARK: errors
    static let errorKeyEvaluationRunner = TextKey("errorKeyEvaluationRunner", zh: "重点评价由财政部门（财政评价）或主管部门（部门评价）组织。",
                                                  en: "Key evaluations are run by a finance bureau (finance evaluation) or a department (department evaluation).")
    static let errorKeyEvaluationReasonRequired = TextKey("errorKeyEvaluationReasonRequired", zh: "请填写选择理由，说明为何对所选对象开展重点评价。",
                                                          en: "Give the reason for choosing these objects for key evaluation.")
    static let errorKeyEvaluationNothingChosen = TextKey("errorKeyEvaluationNothingChosen", zh: "请至少勾选一个评价对象。", en: "Tick at least one object.")
    static let errorKeyEvaluationNotReleased = TextKey("errorKeyEvaluationNotReleased", zh: "所选对象不是本辖区该年度已批复绩效目标的预算对象。",
                                                       en: "A chosen object is not a budget object of your area with a released goal in that year.")
    static func errorKeyEvaluationAlreadyChosen(_ p0: some TextArgument) -> TextKey {
        TextKey("errorKeyEvaluationAlreadyChosen", zh: "\(p0.text(in: .zhHans)) 已纳入本年度的重点评价，不能重复选择。",
                en: "\(p0.text(in: .en)) is already under a key evaluation of this year.")
    }
    static let errorKeyEvaluationMixedKinds = TextKey("errorKeyEvaluationMixedKinds", zh: "合并评价的对象须为同一类型（如同一政策的多个项目）。",
                                                      en: "Objects evaluated together must be of one kind (such as the objects of one policy).")
    static let errorKeyEvaluationConflict = TextKey("errorKeyEvaluationConflict", zh: "该重点评价已被他人修改，您的操作未保存。请刷新后再操作。",
                                                    en: "Someone else changed this key evaluation first; nothing was saved. Reload and try again.")
    static func errorKeyEvaluationNotEditable(_ p0: some TextArgument) -> TextKey {
        TextKey("errorKeyEvaluationNotEditable", zh: "重点评价处于“\(p0.text(in: .zhHans))”阶段，不能修改。",
                en: "The key evaluation is at the stage “\(p0.text(in: .en))” and cannot be changed.")
    }
    static func errorKeyEvaluationMilestoneDate(_ p0: some TextArgument) -> TextKey {
        TextKey("errorKeyEvaluationMilestoneDate", zh: "第 \(p0.text(in: .zhHans)) 个时间节点的日期无效，请按 2028-03-31 的格式填写。",
                en: "Milestone \(p0.text(in: .en)) needs a valid date, such as 2028-03-31.")
    }
    static let errorKeyEvaluationAgencyForOtherKind = TextKey("errorKeyEvaluationAgencyForOtherKind", zh: "只有委托第三方机构评价时才选择机构。",
                                                              en: "Choose an agency only when the evaluation is entrusted to one.")
    static func errorKeyEvaluationUnknownUser(_ p0: some TextArgument) -> TextKey {
        TextKey("errorKeyEvaluationUnknownUser", zh: "没有名为“\(p0.text(in: .zhHans))”的有效用户。", en: "There is no active user named “\(p0.text(in: .en))”.")
    }
    static func errorKeyEvaluationAlreadyMember(_ p0: some TextArgument) -> TextKey {
        TextKey("errorKeyEvaluationAlreadyMember", zh: "\(p0.text(in: .zhHans)) 已在评价组中。", en: "\(p0.text(in: .en)) is already on the team.")
    }
    static func errorKeyEvaluationRoleNotAllowed(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorKeyEvaluationRoleNotAllowed", zh: "\(p0.text(in: .zhHans)) 的系统角色不能担任“\(p1.text(in: .zhHans))”。",
                en: "\(p0.text(in: .en))'s roles do not allow the part “\(p1.text(in: .en))”.")
    }
    static func errorKeyEvaluationStaffOutside(_ p0: some TextArgument) -> TextKey {
        TextKey("errorKeyEvaluationStaffOutside", zh: "\(p0.text(in: .zhHans)) 不是组织本次评价的单位的人员，不能担任组长或工作人员（其他单位人员可作为专家加入）。",
                en: "\(p0.text(in: .en)) is not of the organisation running this evaluation and cannot lead or staff it (people of other organisations may join as experts).")
    }
    static let errorKeyEvaluationLeaderStays = TextKey("errorKeyEvaluationLeaderStays", zh: "组长不能移出评价组。", en: "The team leader cannot be taken off the team.")
    static let errorKeyEvaluationLeaderSubmits = TextKey("errorKeyEvaluationLeaderSubmits", zh: "评价报告由评价组组长提交。", en: "The team leader submits the report.")
    static func errorKeyEvaluationNoAgencyYet(_ p0: some TextArgument) -> TextKey {
        TextKey("errorKeyEvaluationNoAgencyYet", zh: "评价方案尚未选定受托机构，不能加入第三方机构评价人员 \(p0.text(in: .zhHans))；请先在方案中选定受托机构并保存。",
                en: "The plan names no entrusted agency yet, so agency evaluator \(p0.text(in: .en)) cannot join; choose the agency in the plan and save it first.")
    }
    static let errorKeyEvaluationOneLeader = TextKey("errorKeyEvaluationOneLeader", zh: "评价组只能有一名组长。", en: "A team has one leader.")
    static func errorKeyEvaluationNotEntrustedAgency(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorKeyEvaluationNotEntrustedAgency", zh: "\(p0.text(in: .zhHans)) 属于\(p1.text(in: .zhHans))，不是本次评价的受托机构。",
                en: "\(p0.text(in: .en)) belongs to \(p1.text(in: .en)), which is not the agency entrusted with this evaluation.")
    }
    static func errorKeyEvaluationScoresMissing(_ p0: some TextArgument) -> TextKey {
        TextKey("errorKeyEvaluationScoresMissing", zh: "以下成员尚未提交评分：\(p0.text(in: .zhHans))。", en: "These members have not submitted their scores: \(p0.text(in: .en)).")
    }
    static let errorKeyEvaluationNotOnTeam = TextKey("errorKeyEvaluationNotOnTeam", zh: "只有评价组成员才能评分。", en: "Only members of the team score.")
    static let errorKeyEvaluationNotScoring = TextKey("errorKeyEvaluationNotScoring", zh: "评价方案批准后、报告提交前才能评分。",
                                                      en: "Scoring is open from the plan's approval until the report is submitted.")
    static let errorKeyEvaluationAlreadySubmitted = TextKey("errorKeyEvaluationAlreadySubmitted", zh: "您已提交评分，不能再修改。",
                                                            en: "You have submitted your scores; they can no longer be changed.")
    static let errorKeyEvaluationUnknownIndicator = TextKey("errorKeyEvaluationUnknownIndicator", zh: "评分表中的指标不属于本次评价，请刷新后重新填写。",
                                                            en: "A scored indicator is not in this evaluation; reload the sheet and fill it in again.")
    static func errorKeyEvaluationPointsRange(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorKeyEvaluationPointsRange", zh: "第 \(p0.text(in: .zhHans)) 项：得分须为 0 至 \(p1.text(in: .zhHans)) 之间的数字。",
                en: "Indicator \(p0.text(in: .en)): points must be a number from 0 to \(p1.text(in: .en)).")
    }
    static func errorKeyEvaluationPointsMissing(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorKeyEvaluationPointsMissing", zh: "第 \(p0.text(in: .zhHans)) 项“\(p1.text(in: .zhHans))”尚未评分。",
                en: "Indicator \(p0.text(in: .en)) “\(p1.text(in: .en))” has no points yet.")
    }
    static func errorKeyEvaluationDeductionReason(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorKeyEvaluationDeductionReason", zh: "第 \(p0.text(in: .zhHans)) 项“\(p1.text(in: .zhHans))”扣分，请说明扣分理由。",
                en: "Indicator \(p0.text(in: .en)) “\(p1.text(in: .en))” is docked; say why.")
    }
    static func errorKeyEvaluationWeight(_ p0: some TextArgument) -> TextKey {
        TextKey("errorKeyEvaluationWeight", zh: "第 \(p0.text(in: .zhHans)) 行：权重须为数字。", en: "Row \(p0.text(in: .en)): the weight must be a number.")
    }
    static let errorFrameworkEmpty = TextKey("errorFrameworkEmpty", zh: "指标体系不能为空。", en: "The framework has no indicators.")
    static func errorFrameworkMissingName(_ p0: some TextArgument) -> TextKey {
        TextKey("errorFrameworkMissingName", zh: "第 \(p0.text(in: .zhHans)) 行：一级、二级、三级指标名称都须填写。",
                en: "Row \(p0.text(in: .en)): levels 1, 2 and 3 all need a name.")
    }
    static func errorFrameworkUnknownGroup(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument) -> TextKey {
        TextKey("errorFrameworkUnknownGroup", zh: "第 \(p0.text(in: .zhHans)) 行：一级指标“\(p1.text(in: .zhHans))”不在本类体系中（应为 \(p2.text(in: .zhHans))）。",
                en: "Row \(p0.text(in: .en)): level 1 “\(p1.text(in: .en))” is not a group of this framework (\(p2.text(in: .en))).")
    }
    static func errorFrameworkWeightRange(_ p0: some TextArgument) -> TextKey {
        TextKey("errorFrameworkWeightRange", zh: "第 \(p0.text(in: .zhHans)) 行：权重须大于 0 且不超过 100。", en: "Row \(p0.text(in: .en)): the weight must be above 0 and at most 100.")
    }
    static func errorFrameworkDuplicate(_ p0: some TextArgument) -> TextKey {
        TextKey("errorFrameworkDuplicate", zh: "第 \(p0.text(in: .zhHans)) 行与前面的指标重复。", en: "Row \(p0.text(in: .en)) repeats an earlier indicator.")
    }
    static func errorFrameworkSum(_ p0: some TextArgument) -> TextKey {
        TextKey("errorFrameworkSum", zh: "各指标权重合计为 \(p0.text(in: .zhHans))，应为 100。", en: "The weights add up to \(p0.text(in: .en)); they must add up to 100.")
    }
    static func errorFrameworkResults(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument) -> TextKey {
        TextKey("errorFrameworkResults", zh: "\(p0.text(in: .zhHans))指标权重合计为 \(p1.text(in: .zhHans))，不得低于 \(p2.text(in: .zhHans))。",
                en: "\(p0.text(in: .en)) together weigh \(p1.text(in: .en)); they must weigh at least \(p2.text(in: .en)).")
    }
    static let errorPlanMissingAgency = TextKey("errorPlanMissingAgency", zh: "委托第三方评价须选定受托机构。", en: "An entrusted evaluation needs its agency.")
    static let errorPlanBasis = TextKey("errorPlanBasis", zh: "请填写评价依据。", en: "Give the basis documents of the evaluation.")
    static let errorPlanMethods = TextKey("errorPlanMethods", zh: "请至少选择一种评价方法。", en: "Choose at least one method.")
    static let errorPlanMilestones = TextKey("errorPlanMilestones", zh: "请填写评价工作的时间安排。", en: "Give the schedule of the work.")
    static func errorPlanMilestoneName(_ p0: some TextArgument) -> TextKey {
        TextKey("errorPlanMilestoneName", zh: "第 \(p0.text(in: .zhHans)) 个时间节点须写明工作内容。", en: "Milestone \(p0.text(in: .en)) needs a name.")
    }
    static func errorPlanMilestoneOrder(_ p0: some TextArgument) -> TextKey {
        TextKey("errorPlanMilestoneOrder", zh: "第 \(p0.text(in: .zhHans)) 个时间节点早于前一个节点。", en: "Milestone \(p0.text(in: .en)) is earlier than the one before it.")
    }
    static let errorPlanData = TextKey("errorPlanData", zh: "请填写需要采集的数据及来源。", en: "Say what data the team collects and from whom.")
    static let errorTeamNoLeader = TextKey("errorTeamNoLeader", zh: "评价组须有一名组长。", en: "The team needs a leader.")
    static let errorTeamAgencyMissing = TextKey("errorTeamAgencyMissing", zh: "委托第三方评价的评价组须有受托机构的评价人员。",
                                                en: "An entrusted evaluation's team needs evaluators of the agency.")
    static func errorTeamOtherAgency(_ p0: some TextArgument) -> TextKey {
        TextKey("errorTeamOtherAgency", zh: "\(p0.text(in: .zhHans)) 不属于受托机构，请移出评价组或更换受托机构。",
                en: "\(p0.text(in: .en)) is not of the entrusted agency; take them off the team or change the agency.")
    }
    static let errorKeyWorkflowOwn = TextKey("errorKeyWorkflowOwn", zh: "提交人不能审批自己提交的方案或报告。",
                                             en: "The person who submitted a plan or report does not decide on it.")
    static func errorKeyWorkflowNotAllowed(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorKeyWorkflowNotAllowed", zh: "“\(p1.text(in: .zhHans))”阶段不能“\(p0.text(in: .zhHans))”。",
                en: "“\(p0.text(in: .en))” is not possible at the stage “\(p1.text(in: .en))”.")
    }

    // MARK: pages
    static let keyEvaluationIntro = TextKey("keyEvaluationIntro", zh: "财政部门和主管部门对重点项目、政策和部门整体支出开展的重点绩效评价：遴选对象、批准方案、组建评价组、独立评分。",
                                            en: "Key performance evaluations of projects, policies and departments' whole spending by finance bureaus and departments: choosing, approving the plan, forming the team, independent scoring.")
    static let keyEvaluationFilter = TextKey("keyEvaluationFilter", zh: "查看", en: "Show")
    static let keyEvaluationChooseLink = TextKey("keyEvaluationChooseLink", zh: "遴选重点评价对象", en: "Choose objects for key evaluation")
    static let keyEvaluationNone = TextKey("keyEvaluationNone", zh: "暂无您可查看的重点评价。", en: "There are no key evaluations you can see.")
    static let keyEvaluationTitle = TextKey("keyEvaluationTitle", zh: "评价项目", en: "Evaluation")
    static let keyEvaluationRunBy = TextKey("keyEvaluationRunBy", zh: "组织单位", en: "Run by")
    static let keyEvaluationAgency = TextKey("keyEvaluationAgency", zh: "受托机构", en: "Entrusted agency")
    static let keyEvaluationNoAgency = TextKey("keyEvaluationNoAgency", zh: "（不委托）", en: "(none)")
    static let keyEvaluationObjects = TextKey("keyEvaluationObjects", zh: "评价对象", en: "Objects")
    static let keyEvaluationAmount = TextKey("keyEvaluationAmount", zh: "金额（万元）", en: "Amount (10k yuan)")
    static let keyEvaluationTeam = TextKey("keyEvaluationTeam", zh: "评价组", en: "Team")
    static let keyEvaluationBackToList = TextKey("keyEvaluationBackToList", zh: "← 重点评价", en: "← Key evaluations")
    static let keyEvaluationBackToEvaluation = TextKey("keyEvaluationBackToEvaluation", zh: "← 返回评价", en: "← Back to the evaluation")
    static func keyEvaluationCandidatesIntro(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("keyEvaluationCandidatesIntro", zh: "\(p0.text(in: .zhHans)) \(p1.text(in: .zhHans)) 年度已批复绩效目标的预算对象中，符合重点评价遴选条件的对象及其理由。勾选后可先测算覆盖率，再确定选择。",
                en: "Budget objects under \(p0.text(in: .en)) whose \(p1.text(in: .en)) performance goals were approved and that meet a key-evaluation rule, with the rules they meet. Tick them to see the coverage, then choose.")
    }
    static let keyEvaluationCandidatesTitle = TextKey("keyEvaluationCandidatesTitle", zh: "遴选重点评价对象", en: "Choosing objects for key evaluation")
    static let keyEvaluationNoCandidates = TextKey("keyEvaluationNoCandidates", zh: "该年度没有符合遴选条件的对象。", en: "No object of that year meets a rule.")
    static let keyEvaluationCoverageTitle = TextKey("keyEvaluationCoverageTitle", zh: "评价覆盖率", en: "Coverage")
    static let keyEvaluationCoverageHint = TextKey("keyEvaluationCoverageHint", zh: "重点评价资金占支出的比重：部门不低于 10%，地区不低于 20%（财预〔2012〕396号）。部门支出以部门整体支出金额为准，没有时按其项目合计。",
                                                   en: "Evaluated funds as a share of spending: at least 10 % per department and 20 % per region (财预〔2012〕396号). A department's spending is its whole-spending amount, else the sum of its projects.")
    static let keyEvaluationRegion = TextKey("keyEvaluationRegion", zh: "地区", en: "Region")
    static let keyEvaluationDepartment = TextKey("keyEvaluationDepartment", zh: "部门", en: "Department")
    static let keyEvaluationSpending = TextKey("keyEvaluationSpending", zh: "支出（万元）", en: "Spending (10k yuan)")
    static let keyEvaluationEvaluated = TextKey("keyEvaluationEvaluated", zh: "已纳入评价（万元，个数）", en: "Evaluated (10k yuan, count)")
    static let keyEvaluationCoverageNow = TextKey("keyEvaluationCoverageNow", zh: "现覆盖率", en: "Coverage now")
    static let keyEvaluationCoverageWith = TextKey("keyEvaluationCoverageWith", zh: "含勾选对象", en: "Including ticked objects")
    static let keyEvaluationTarget = TextKey("keyEvaluationTarget", zh: "目标", en: "Target")
    static let keyEvaluationShortfall = TextKey("keyEvaluationShortfall", zh: "尚差（万元）", en: "Shortfall (10k yuan)")
    static let keyEvaluationTargetMet = TextKey("keyEvaluationTargetMet", zh: "已达标", en: "met")
    static let keyEvaluationChoose = TextKey("keyEvaluationChoose", zh: "选择", en: "Choose")
    static let keyEvaluationOwner = TextKey("keyEvaluationOwner", zh: "单位", en: "Owner")
    static let keyEvaluationReasons = TextKey("keyEvaluationReasons", zh: "符合的遴选条件", en: "Rules met")
    static let keyEvaluationAlreadyChosen = TextKey("keyEvaluationAlreadyChosen", zh: "已纳入评价", en: "Chosen")
    static let keyEvaluationChoiceReason = TextKey("keyEvaluationChoiceReason", zh: "选择理由", en: "Reason for the choice")
    static let keyEvaluationTogether = TextKey("keyEvaluationTogether", zh: "所选对象合并为一项评价（如同一政策的多个项目）", en: "Evaluate the ticked objects together (such as the objects of one policy)")
    static let keyEvaluationPreview = TextKey("keyEvaluationPreview", zh: "测算覆盖率", en: "Show coverage")
    static let keyEvaluationChooseButton = TextKey("keyEvaluationChooseButton", zh: "确定选择", en: "Choose")
    static func keyEvaluationHeader(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument) -> TextKey {
        TextKey("keyEvaluationHeader", zh: "\(p0.text(in: .zhHans)) 年度 · \(p1.text(in: .zhHans))组织 · \(p2.text(in: .zhHans))",
                en: "Fiscal year \(p0.text(in: .en)) · run by \(p1.text(in: .en)) · \(p2.text(in: .en))")
    }
    static func keyEvaluationEvaluatorLine(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("keyEvaluationEvaluatorLine", zh: "评价主体：\(p0.text(in: .zhHans))；受托机构：\(p1.text(in: .zhHans))",
                en: "Evaluator: \(p0.text(in: .en)); entrusted agency: \(p1.text(in: .en))")
    }
    static func keyEvaluationYouAre(_ p0: some TextArgument) -> TextKey {
        TextKey("keyEvaluationYouAre", zh: "您在评价组中担任：\(p0.text(in: .zhHans))。", en: "On the team you are: \(p0.text(in: .en)).")
    }
    static let keyEvaluationScoreLink = TextKey("keyEvaluationScoreLink", zh: "填写我的评分", en: "Fill in my scores")
    static let keyEvaluationMyScoresLink = TextKey("keyEvaluationMyScoresLink", zh: "查看我的评分", en: "My scores")
    static let keyEvaluationPlan = TextKey("keyEvaluationPlan", zh: "评价方案", en: "Plan")
    static let keyEvaluationEvaluator = TextKey("keyEvaluationEvaluator", zh: "评价主体", en: "Evaluator")
    static let keyEvaluationBasis = TextKey("keyEvaluationBasis", zh: "评价依据", en: "Basis")
    static let keyEvaluationMethods = TextKey("keyEvaluationMethods", zh: "评价方法", en: "Methods")
    static let keyEvaluationSchedule = TextKey("keyEvaluationSchedule", zh: "时间安排", en: "Schedule")
    static let keyEvaluationMilestone = TextKey("keyEvaluationMilestone", zh: "工作内容", en: "Step")
    static let keyEvaluationDue = TextKey("keyEvaluationDue", zh: "完成日期", en: "Due")
    static let keyEvaluationData = TextKey("keyEvaluationData", zh: "数据采集（内容及来源）", en: "Data to collect (what and from whom)")
    static let keyEvaluationSavePlan = TextKey("keyEvaluationSavePlan", zh: "保存方案", en: "Save the plan")
    static let keyEvaluationFramework = TextKey("keyEvaluationFramework", zh: "评价指标体系", en: "Indicator framework")
    static func keyEvaluationGroupWeights(_ p0: some TextArgument) -> TextKey {
        TextKey("keyEvaluationGroupWeights", zh: "一级指标权重：\(p0.text(in: .zhHans))", en: "Level-1 weights: \(p0.text(in: .en))")
    }
    static let keyEvaluationFrameworkHint = TextKey("keyEvaluationFrameworkHint", zh: "由指标体系模板生成，评价对象的绩效目标已并入产出、效益（效果）指标。可调整名称、权重和评分标准；权重合计须为 100，项目支出的产出和效益合计不低于 60。勾选“删除”去掉一行，在空行中添加指标。",
                                                    en: "Made from the framework template, with the object's goal indicators in the output and outcome groups. Names, weights and criteria may be changed; weights must add up to 100, and for projects output plus outcome at least 60. Tick “Remove” to drop a row; fill a blank row to add one.")
    static let keyEvaluationLevel1 = TextKey("keyEvaluationLevel1", zh: "一级指标", en: "Level 1")
    static let keyEvaluationLevel2 = TextKey("keyEvaluationLevel2", zh: "二级指标", en: "Level 2")
    static let keyEvaluationLevel3 = TextKey("keyEvaluationLevel3", zh: "三级指标", en: "Level 3")
    static let keyEvaluationWeight = TextKey("keyEvaluationWeight", zh: "权重", en: "Weight")
    static let keyEvaluationCriteria = TextKey("keyEvaluationCriteria", zh: "评分标准", en: "Scoring criteria")
    static let keyEvaluationTargetActual = TextKey("keyEvaluationTargetActual", zh: "目标值 / 实际值", en: "Target / actual")
    static let keyEvaluationRemove = TextKey("keyEvaluationRemove", zh: "删除", en: "Remove")
    static let keyEvaluationSaveFramework = TextKey("keyEvaluationSaveFramework", zh: "保存指标体系", en: "Save the framework")
    static func keyEvaluationGoalLine(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("keyEvaluationGoalLine", zh: "目标值 \(p0.text(in: .zhHans))；实际值 \(p1.text(in: .zhHans))", en: "Target \(p0.text(in: .en)); actual \(p1.text(in: .en))")
    }
    static let keyEvaluationMemberOrganization = TextKey("keyEvaluationMemberOrganization", zh: "所在单位", en: "Organisation")
    static let keyEvaluationRole = TextKey("keyEvaluationRole", zh: "组内角色", en: "Role on the team")
    static let keyEvaluationPerson = TextKey("keyEvaluationPerson", zh: "姓名", en: "Name")
    static let keyEvaluationSubmitted = TextKey("keyEvaluationSubmitted", zh: "评分提交时间", en: "Scores submitted")
    static let keyEvaluationNotYet = TextKey("keyEvaluationNotYet", zh: "未提交", en: "not yet")
    static let keyEvaluationRemoveMember = TextKey("keyEvaluationRemoveMember", zh: "移出", en: "Remove")
    static let keyEvaluationMemberUsername = TextKey("keyEvaluationMemberUsername", zh: "用户名", en: "Username")
    static let keyEvaluationAddMember = TextKey("keyEvaluationAddMember", zh: "加入评价组", en: "Add to the team")
    static let keyEvaluationResults = TextKey("keyEvaluationResults", zh: "评分结果", en: "Scores")
    static let keyEvaluationResultsAfterSubmit = TextKey("keyEvaluationResultsAfterSubmit", zh: "独立评分：提交自己的评分后才能看到其他成员的评分和汇总结果。",
                                                         en: "Independent scoring: the others' scores and the result show once you have submitted yours.")
    static func keyEvaluationMethodLine(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("keyEvaluationMethodLine", zh: "每项指标取已提交成员评分的平均值，\(p0.text(in: .zhHans)) 人及以上评分时去掉一个最高分和一个最低分；评分差距超过权重的 \(p1.text(in: .zhHans))% 时标注“需讨论”。综合得分按各项未舍入得分相加。",
                en: "Each indicator takes the mean of the submitted members' points; with \(p0.text(in: .en)) or more scorers the highest and lowest are dropped; a spread above \(p1.text(in: .en))% of the weight is marked for discussion. The total adds the unrounded points.")
    }
    static func keyEvaluationTotal(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("keyEvaluationTotal", zh: "综合得分 \(p0.text(in: .zhHans)) 分，评价等级：\(p1.text(in: .zhHans))", en: "Total \(p0.text(in: .en)) points, grade: \(p1.text(in: .en))")
    }
    static func keyEvaluationPartial(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("keyEvaluationPartial", zh: "已有 \(p0.text(in: .zhHans)) / \(p1.text(in: .zhHans)) 项指标得到提交的评分，全部评分后计算综合得分。",
                en: "\(p0.text(in: .en)) of \(p1.text(in: .en)) indicators have submitted scores; the total follows once all have.")
    }
    static let keyEvaluationPoints = TextKey("keyEvaluationPoints", zh: "得分", en: "Points")
    static let keyEvaluationMethod = TextKey("keyEvaluationMethod", zh: "计算方法（人数）", en: "Method (scorers)")
    static let keyEvaluationSpread = TextKey("keyEvaluationSpread", zh: "最高最低分差", en: "Spread")
    static let keyEvaluationDiscuss = TextKey("keyEvaluationDiscuss", zh: "需讨论", en: "discuss")
    static let keyEvaluationMemberScores = TextKey("keyEvaluationMemberScores", zh: "各成员评分及意见", en: "Members' points and comments")
    static let keyEvaluationProcedure = TextKey("keyEvaluationProcedure", zh: "评价流程", en: "Procedure")
    static let keyEvaluationOpinion = TextKey("keyEvaluationOpinion", zh: "意见", en: "Opinion")
    static let keyEvaluationAwaitingOther = TextKey("keyEvaluationAwaitingOther", zh: "您提交的方案或报告须由本单位其他人员审批。",
                                                    en: "A colleague, not you, approves or returns what you submitted.")
    static let keyEvaluationWhen = TextKey("keyEvaluationWhen", zh: "时间（北京时间）", en: "When (Beijing time)")
    static let keyEvaluationStep = TextKey("keyEvaluationStep", zh: "操作", en: "Step")
    static let keyEvaluationBy = TextKey("keyEvaluationBy", zh: "操作人", en: "By")
    static let keyEvaluationScoresIntro = TextKey("keyEvaluationScoresIntro", zh: "请对照评分标准独立评分，扣分的须写明理由。提交前其他成员看不到您的评分，您也看不到他们的；提交后不能修改。",
                                                  en: "Score each indicator against its criteria on your own and explain every deduction. Until you submit nobody sees your points, nor you theirs; after submitting they cannot be changed.")
    static let keyEvaluationScoresDone = TextKey("keyEvaluationScoresDone", zh: "您的评分（只读）。", en: "Your scores (read only).")
    static let keyEvaluationIndicator = TextKey("keyEvaluationIndicator", zh: "指标", en: "Indicator")
    static let keyEvaluationComment = TextKey("keyEvaluationComment", zh: "评分意见", en: "Comment")
    static func keyEvaluationPointsFor(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("keyEvaluationPointsFor", zh: "第 \(p0.text(in: .zhHans)) 项 \(p1.text(in: .zhHans)) 得分", en: "Points for \(p0.text(in: .en)) \(p1.text(in: .en))")
    }
    static func keyEvaluationCommentFor(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("keyEvaluationCommentFor", zh: "第 \(p0.text(in: .zhHans)) 项 \(p1.text(in: .zhHans)) 评分意见", en: "Comment on \(p0.text(in: .en)) \(p1.text(in: .en))")
    }
    static let keyEvaluationSaveDraft = TextKey("keyEvaluationSaveDraft", zh: "暂存", en: "Save draft")
    static let keyEvaluationSubmitScores = TextKey("keyEvaluationSubmitScores", zh: "提交评分", en: "Submit my scores")
    static let keyEvaluationSubmitHint = TextKey("keyEvaluationSubmitHint", zh: "提交时每项指标都须评分，扣分项须写明理由。", en: "Submitting needs points for every indicator and a reason for every deduction.")
    static let keyEvaluationConfirmSubmit = TextKey("keyEvaluationConfirmSubmit", zh: "我已核对全部评分，确认提交（提交后不能修改）", en: "I have checked all my scores and submit them (they cannot be changed afterwards)")
    static let errorKeyEvaluationConfirmSubmit = TextKey("errorKeyEvaluationConfirmSubmit", zh: "提交前请勾选确认：提交后评分不能修改。", en: "Tick the confirmation before submitting: submitted scores cannot be changed.")
    static let keyEvaluationScoringNotOpen = TextKey("keyEvaluationScoringNotOpen", zh: "评价方案批准后开放评分；以下为评分表预览。", en: "Scoring opens once the plan is approved; this is a preview of the sheet.")
    static func keyEvaluationProvisional(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("keyEvaluationProvisional", zh: "暂计结果：评价组 \(p1.text(in: .zhHans)) 名成员中已有 \(p0.text(in: .zhHans)) 名提交评分，全部提交后结果方为最终。",
                en: "Provisional: \(p0.text(in: .en)) of \(p1.text(in: .en)) team members have submitted; the result is final once all have.")
    }
    static let keyEvaluationReadiness = TextKey("keyEvaluationReadiness", zh: "提交方案前还需完成：", en: "Before the plan can be submitted:")
    static let keyEvaluationReportLater = TextKey("keyEvaluationReportLater", zh: "评价报告的撰写与下载将在后续版本提供；目前“提交报告”在全部成员提交评分后由组长提交评分结果。",
                                                  en: "Writing and downloading the report come in a later version; for now the leader submits the scoring result once every member has scored.")
    static let keyEvaluationDonePlan = TextKey("keyEvaluationDonePlan", zh: "评价方案已保存。", en: "The plan is saved.")
    static let keyEvaluationDoneFramework = TextKey("keyEvaluationDoneFramework", zh: "指标体系已保存。", en: "The framework is saved.")
    static let keyEvaluationDoneMember = TextKey("keyEvaluationDoneMember", zh: "评价组已更新。", en: "The team is updated.")
    static let keyEvaluationDoneStep = TextKey("keyEvaluationDoneStep", zh: "已办理。", en: "Done.")
    static let keyEvaluationDoneChosen = TextKey("keyEvaluationDoneChosen", zh: "已纳入重点评价，请完善评价方案、指标体系和评价组。", en: "Chosen for key evaluation; complete the plan, framework and team.")
    static let keyEvaluationDoneScores = TextKey("keyEvaluationDoneScores", zh: "您的评分已提交。", en: "Your scores are submitted.")
    static let keyEvaluationDraftSaved = TextKey("keyEvaluationDraftSaved", zh: "评分已暂存。", en: "Your draft is saved.")
}

extension FixedTerm {
    /// The term as a text argument, shown in the reader's language.
    var termKey: TextKey { TextKey("term", zh: chineseName, en: englishName) }
}

extension SelectionReason: FixedTerm {
    var englishName: String {
        switch self {
        case .livelihood: "Major livelihood spending"
        case .publicConcern: "High public concern (key project)"
        case .largeAmount: "Large amount"
        case .newPolicy: "New major policy or project"
        case .transferPayment: "Transfer payment"
        case .neverEvaluated: "Running for years, never evaluated"
        case .poorSelfEvaluation: "Poor self-evaluation"
        case .redMonitoring: "Red warning or disposition in monitoring"
        }
    }
}

extension KeyEvaluationState: FixedTerm {
    var englishName: String {
        switch self {
        case .planning: "Planning"
        case .planSubmitted: "Plan awaiting approval"
        case .underway: "Under way"
        case .reportSubmitted: "Report under review"
        case .finalized: "Final"
        }
    }
}

extension KeyEvaluationAction: FixedTerm {
    var englishName: String {
        switch self {
        case .submitPlan: "Submit the plan"
        case .approvePlan: "Approve the plan"
        case .returnPlan: "Return the plan"
        case .submitReport: "Submit the report"
        case .finalizeReport: "Finalize the report"
        case .returnReport: "Return the report"
        }
    }
}

extension FrameworkKind: FixedTerm {
    var englishName: String {
        switch self {
        case .project: "Project expenditure framework"
        case .departmentOverall: "Department whole-spending framework"
        }
    }
}

extension EvaluatorKind: FixedTerm {
    var englishName: String {
        switch self {
        case .finance: "The finance bureau itself"
        case .department: "The department"
        case .agency: "An entrusted agency"
        }
    }
}

extension EvaluationMethod: FixedTerm {
    var englishName: String {
        switch self {
        case .costBenefit: "Cost-benefit analysis"
        case .comparison: "Comparison"
        case .factorAnalysis: "Factor analysis"
        case .lowestCost: "Lowest cost"
        case .publicJudgement: "Public judgement"
        }
    }
}

extension TeamRole: FixedTerm {
    var englishName: String {
        switch self {
        case .leader: "Team leader"
        case .staff: "Finance (department) staff"
        case .expert: "Expert"
        case .agencyEvaluator: "Agency evaluator"
        }
    }
}

extension AggregationMethod: FixedTerm {
    var englishName: String {
        switch self {
        case .mean: "Mean"
        case .trimmedMean: "Mean without the highest and lowest"
        }
    }
}

// MARK: the domain's refusals in words

extension FrameworkProblem {
    func appError(kind: FrameworkKind) -> AppError {
        switch self {
        case .empty: .invalid("rows", Message(.errorFrameworkEmpty))
        case .missingName(let row): .invalid("f[\(row)].level3", Message(.errorFrameworkMissingName(row + 1)))
        case .unknownGroup(let row, let name): .invalid("f[\(row)].level1", Message(.errorFrameworkUnknownGroup(row + 1, name, kind.groups.joined(separator: "、"))))
        case .weightOutOfRange(let row): .invalid("f[\(row)].weight", Message(.errorFrameworkWeightRange(row + 1)))
        case .duplicate(let row): .invalid("f[\(row)].level3", Message(.errorFrameworkDuplicate(row + 1)))
        case .weightsDoNotSum(let actual): .invalid("rows", Message(.errorFrameworkSum(Ratio.text(actual, decimals: 2))))
        case .resultsBelowMinimum(let actual, let minimum):
            .invalid("rows", Message(.errorFrameworkResults(kind.resultGroups.joined(separator: "、"), Ratio.text(actual, decimals: 2), Ratio.text(minimum, decimals: 0))))
        }
    }
}

extension PlanProblem {
    var appError: AppError {
        switch self {
        case .missingAgency: .invalid("agency", Message(.errorPlanMissingAgency))
        case .agencyForOtherKind: .invalid("agency", Message(.errorKeyEvaluationAgencyForOtherKind))
        case .missingBasis: .invalid("basis", Message(.errorPlanBasis))
        case .missingMethods: .invalid("methods", Message(.errorPlanMethods))
        case .missingMilestones: .invalid("milestones", Message(.errorPlanMilestones))
        case .milestoneWithoutName(let index): .invalid("milestones[\(index + 1)].name", Message(.errorPlanMilestoneName(index + 1)))
        case .invalidDate(let index, _): .invalid("milestones[\(index + 1)].due", Message(.errorKeyEvaluationMilestoneDate(index + 1)))
        case .milestonesOutOfOrder(let index): .invalid("milestones[\(index + 1)].due", Message(.errorPlanMilestoneOrder(index + 1)))
        case .missingDataToCollect: .invalid("dataToCollect", Message(.errorPlanData))
        }
    }
}

extension TeamProblem {
    func appError(members: [KeyEvaluationMemberModel]) -> AppError {
        switch self {
        case .noLeader: .invalid("team", Message(.errorTeamNoLeader))
        case .severalLeaders: .invalid("team", Message(.errorKeyEvaluationOneLeader))
        case .agencyNotOnTeam: .invalid("team", Message(.errorTeamAgencyMissing))
        case .otherAgency(let user): .invalid("team", Message(.errorTeamOtherAgency(members.first { $0.userID == user }?.userName ?? "")))
        }
    }
}

extension KeyEvaluationWorkflowError {
    var appError: AppError {
        switch self {
        case .notAllowed(let action, let state):
            AppError(.conflict, "step_not_allowed", Message(.errorKeyWorkflowNotAllowed(action.termKey, state.termKey)))
        case .ownSubmission: AppError(.forbidden, "own_submission", Message(.errorKeyWorkflowOwn))
        case .opinionRequired: .invalid("opinion", Message(.errorEvaluationOpinionRequired))
        }
    }
}

extension TextKey {
    static let evidenceTitle = TextKey("evidenceTitle", zh: "佐证材料", en: "Evidence")
    static func evidenceHint(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("evidenceHint", zh: "可为评分附上 PDF、图片或 Office 文件，每个文件不超过 \(p0.text(in: .zhHans)) MB，每项指标最多 \(p1.text(in: .zhHans)) 个。提交评分后，评价组其他成员可查看。",
                en: "Attach PDF, image or Office files to your scores, up to \(p0.text(in: .en)) MB each and \(p1.text(in: .en)) per indicator. The team sees them once you submit.")
    }
    static let evidenceFile = TextKey("evidenceFile", zh: "文件", en: "File")
    static let evidenceUpload = TextKey("evidenceUpload", zh: "上传", en: "Upload")
    static let evidenceRemove = TextKey("evidenceRemove", zh: "删除", en: "Remove")
}

// MARK: surveys
extension TextKey {
    static let errorSurveyExists = TextKey("errorSurveyExists", zh: "本评价已有满意度调查问卷。", en: "This evaluation already has its questionnaire.")
    static func errorSurveyTokenCount(_ p0: some TextArgument) -> TextKey {
        TextKey("errorSurveyTokenCount", zh: "发放的答题码数量须为 1 至 \(p0.text(in: .zhHans)) 之间的整数。", en: "Issue from 1 to \(p0.text(in: .en)) answer codes.")
    }
    static let errorSurveyLimit = TextKey("errorSurveyLimit", zh: "公开链接的限制须为每个地址 1–100 份、时间窗 1–720 小时。",
                                          en: "An open link's limit must be 1–100 answers per address in a window of 1–720 hours.")
    static let errorSurveyNoIndicator = TextKey("errorSurveyNoIndicator", zh: "问卷未指定满意度指标，无法回填实际值。", en: "The questionnaire names no satisfaction indicator to fill in.")
    static let errorSurveyNoAnswers = TextKey("errorSurveyNoAnswers", zh: "尚无答卷，无法计算满意度。", en: "There are no answers yet to compute the satisfaction rate from.")
    static let errorSurveyClosed = TextKey("errorSurveyClosed", zh: "本次问卷调查已结束，感谢您的关注。", en: "This survey has closed. Thank you for your interest.")
    static func errorSurveyTooMany(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorSurveyTooMany", zh: "同一网络在 \(p1.text(in: .zhHans)) 小时内最多提交 \(p0.text(in: .zhHans)) 份答卷，您的答卷未保存。",
                en: "At most \(p0.text(in: .en)) answers per network in \(p1.text(in: .en)) hours; yours was not saved.")
    }
    static let errorSurveyToken = TextKey("errorSurveyToken", zh: "答题码无效或已使用，每个答题码只能提交一次。", en: "The answer code is not valid or was used; each code answers once.")
    static let errorSurveyNoQuestions = TextKey("errorSurveyNoQuestions", zh: "问卷至少需要一个问题。", en: "The questionnaire needs at least one question.")
    static func errorSurveyEmptyQuestion(_ p0: some TextArgument) -> TextKey {
        TextKey("errorSurveyEmptyQuestion", zh: "第 \(p0.text(in: .zhHans)) 题缺少题目。", en: "Question \(p0.text(in: .en)) has no text.")
    }
    static func errorSurveyOptions(_ p0: some TextArgument) -> TextKey {
        TextKey("errorSurveyOptions", zh: "第 \(p0.text(in: .zhHans)) 题为单选题，至少需要两个选项（用“/”分隔）。",
                en: "Question \(p0.text(in: .en)) is single choice and needs at least two options (separated by “/”).")
    }
    static let errorSurveySatisfaction = TextKey("errorSurveySatisfaction", zh: "计算满意度的题目须为五级量表题。", en: "The satisfaction question must be a five-point scale.")
    static func errorSurveyAnswerMissing(_ p0: some TextArgument) -> TextKey {
        TextKey("errorSurveyAnswerMissing", zh: "请回答第 \(p0.text(in: .zhHans)) 题。", en: "Please answer question \(p0.text(in: .en)).")
    }
    static func errorSurveyAnswerOption(_ p0: some TextArgument) -> TextKey {
        TextKey("errorSurveyAnswerOption", zh: "第 \(p0.text(in: .zhHans)) 题的答案不是可选项。", en: "The answer to question \(p0.text(in: .en)) is not one of its choices.")
    }

    static let surveyTitle = TextKey("surveyTitle", zh: "满意度调查", en: "Satisfaction survey")
    static let surveyCreateHint = TextKey("surveyCreateHint", zh: "问卷通过公开链接填写，无需登录：可按名单发放一次性答题码，或公开链接（按网络地址限制答卷份数）。选定的五级量表题中“满意”“非常满意”的比例即满意度。",
                                          en: "Answered through a public link without an account: either one-time answer codes for a list of respondents, or an open link limited per network address. The share of “satisfied” and “very satisfied” on the chosen five-point question is the satisfaction rate.")
    static let surveyFieldTitle = TextKey("surveyFieldTitle", zh: "问卷标题", en: "Title")
    static let surveyFieldIntro = TextKey("surveyFieldIntro", zh: "问卷说明", en: "Introduction")
    static let surveyQuestion = TextKey("surveyQuestion", zh: "题目", en: "Question")
    static let surveyKind = TextKey("surveyKind", zh: "题型", en: "Type")
    static let surveyOptions = TextKey("surveyOptions", zh: "选项（用“/”分隔）", en: "Options (separated by “/”)")
    static let surveyRequired = TextKey("surveyRequired", zh: "必答", en: "Required")
    static let surveySatisfactionQuestion = TextKey("surveySatisfactionQuestion", zh: "计算满意度的题目", en: "Question giving the satisfaction rate")
    static let surveyMode = TextKey("surveyMode", zh: "发放方式", en: "Handing out")
    static let surveyModeTokens = TextKey("surveyModeTokens", zh: "一次性答题码（每码一份）", en: "One-time answer codes (one answer each)")
    static let surveyModeOpen = TextKey("surveyModeOpen", zh: "公开链接（按网络地址限制）", en: "Open link (limited per network address)")
    static let surveyTokenCount = TextKey("surveyTokenCount", zh: "答题码数量", en: "Number of codes")
    static let surveyLimitAnswers = TextKey("surveyLimitAnswers", zh: "每个地址最多份数", en: "Answers per address at most")
    static let surveyLimitHours = TextKey("surveyLimitHours", zh: "时间窗（小时）", en: "Window (hours)")
    static let surveyIndicator = TextKey("surveyIndicator", zh: "回填的满意度指标", en: "Satisfaction indicator to fill in")
    static let surveyNoIndicator = TextKey("surveyNoIndicator", zh: "（暂不指定）", en: "(none yet)")
    static let surveyCreate = TextKey("surveyCreate", zh: "发布问卷", en: "Publish the questionnaire")
    static let surveyLink = TextKey("surveyLink", zh: "公开链接", en: "Public link")
    static func surveyStatus(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("surveyStatus", zh: "状态：\(p0.text(in: .zhHans))；已收答卷 \(p1.text(in: .zhHans)) 份。", en: "State: \(p0.text(in: .en)); \(p1.text(in: .en)) answers received.")
    }
    static func surveyTokensUsed(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("surveyTokensUsed", zh: "答题码已使用 \(p0.text(in: .zhHans)) / \(p1.text(in: .zhHans)) 个。", en: "\(p0.text(in: .en)) of \(p1.text(in: .en)) answer codes used.")
    }
    static func surveyRate(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument) -> TextKey {
        TextKey("surveyRate", zh: "满意度 \(p0.text(in: .zhHans))%（\(p2.text(in: .zhHans)) 份有效回答中 \(p1.text(in: .zhHans)) 份满意或非常满意）",
                en: "Satisfaction \(p0.text(in: .en))% (\(p1.text(in: .en)) of \(p2.text(in: .en)) answers satisfied or very satisfied)")
    }
    static let surveyOpen = TextKey("surveyOpen", zh: "收集中", en: "collecting")
    static let surveyClosed = TextKey("surveyClosed", zh: "已结束", en: "closed")
    static let surveyApply = TextKey("surveyApply", zh: "将满意度回填为指标实际值", en: "Fill the rate in as the indicator's actual value")
    static let surveyClose = TextKey("surveyClose", zh: "结束调查", en: "Close the survey")
    static let surveyAnswersCSV = TextKey("surveyAnswersCSV", zh: "下载答卷（CSV）", en: "Download the answers (CSV)")
    static let surveyTokensCSV = TextKey("surveyTokensCSV", zh: "下载答题链接（CSV）", en: "Download the answer links (CSV)")
    static let surveySubmit = TextKey("surveySubmit", zh: "提交", en: "Submit")
    static let surveyThanks = TextKey("surveyThanks", zh: "提交成功，感谢您的参与！", en: "Thank you — your answers are saved.")
    static let surveyCode = TextKey("surveyCode", zh: "答题码", en: "Answer code")
    static let surveyDone = TextKey("surveyDone", zh: "问卷已发布。", en: "The questionnaire is published.")
    static let surveyApplied = TextKey("surveyApplied", zh: "满意度已回填为指标实际值。", en: "The rate is filled in as the indicator's actual value.")
    static let surveyKindScale = TextKey("surveyKindScale", zh: "五级量表", en: "Five-point scale")
    static let surveyKindChoice = TextKey("surveyKindChoice", zh: "单选", en: "Single choice")
    static let surveyKindText = TextKey("surveyKindText", zh: "文字", en: "Text")
    static let surveyKindNone = TextKey("surveyKindNone", zh: "（不用）", en: "(unused)")
}

// MARK: the report
extension ReportSection: FixedTerm {
    var englishName: String {
        switch self {
        case .basicInfo: "Basic facts"
        case .workDone: "How the evaluation was carried out"
        case .conclusion: "Overall assessment and conclusion"
        case .indicatorAnalysis: "Analysis by indicator"
        case .experienceAndProblems: "Good practice, problems found and their causes"
        case .suggestions: "Suggestions"
        case .other: "Other matters"
        }
    }
}

extension TextKey {
    static func errorReportEmptySection(_ p0: some TextArgument) -> TextKey {
        TextKey("errorReportEmptySection", zh: "报告“\(p0.text(in: .zhHans))”部分尚未填写（没有内容时请写“无”）。",
                en: "The report's section “\(p0.text(in: .en))” is empty (write “none” if there is nothing to say).")
    }
    static func errorReportFindingResponsible(_ p0: some TextArgument) -> TextKey {
        TextKey("errorReportFindingResponsible", zh: "第 \(p0.text(in: .zhHans)) 个问题须指定负责整改的单位（被评价对象的单位或其主管部门）。",
                en: "Problem \(p0.text(in: .en)) needs the organisation responsible for putting it right (the evaluated unit or its department).")
    }
    static func errorReportSuggestionFinding(_ p0: some TextArgument) -> TextKey {
        TextKey("errorReportSuggestionFinding", zh: "第 \(p0.text(in: .zhHans)) 条建议关联了不存在的问题，请刷新后重新选择。",
                en: "Suggestion \(p0.text(in: .en)) is tied to a problem that does not exist; reload and choose again.")
    }
    static func errorReportFindingUnanswered(_ p0: some TextArgument) -> TextKey {
        TextKey("errorReportFindingUnanswered", zh: "第 \(p0.text(in: .zhHans)) 个问题还没有对应的建议。", en: "Problem \(p0.text(in: .en)) has no suggestion answering it yet.")
    }
    static let errorReportFindingText = TextKey("errorReportFindingText", zh: "请描述发现的问题。", en: "Describe the problem found.")
    static let errorReportSuggestionText = TextKey("errorReportSuggestionText", zh: "请填写建议内容。", en: "Write the suggestion.")

    static let keyReportIntro = TextKey("keyReportIntro", zh: "报告按《项目支出绩效评价管理办法》的提纲由评价数据生成初稿；评价组可修改各部分文字，登记发现的问题（明确整改责任单位）并提出对应建议。组长在全部成员提交评分后提交报告，由财政部门审核定稿。",
                                     en: "The report follows the policy's outline, with a first draft made from the evaluation's data; the team edits each section, records the problems found (each with the organisation responsible for putting it right) and the suggestions answering them. The leader submits it once all have scored; the bureau finalizes it.")
    static let keyReportSave = TextKey("keyReportSave", zh: "保存报告文字", en: "Save the report's text")
    static let keyReportSaved = TextKey("keyReportSaved", zh: "报告已保存。", en: "The report is saved.")
    static let keyReportPrint = TextKey("keyReportPrint", zh: "打印页面", en: "Printable page")
    static let keyReportDocx = TextKey("keyReportDocx", zh: "下载 Word 文档（.docx）", en: "Download as Word (.docx)")
    static let keyReportLink = TextKey("keyReportLink", zh: "评价报告", en: "Evaluation report")
    static let keyReportDraftHint = TextKey("keyReportDraftHint", zh: "（初稿由评价数据生成，可修改）", en: "(a draft made from the data; edit it)")
    static let keyReportFindings = TextKey("keyReportFindings", zh: "存在的问题", en: "Problems found")
    static let keyReportFinding = TextKey("keyReportFinding", zh: "问题描述", en: "Problem")
    static let keyReportResponsible = TextKey("keyReportResponsible", zh: "整改责任单位", en: "Responsible for putting it right")
    static let keyReportIndicator = TextKey("keyReportIndicator", zh: "相关指标", en: "Related indicator")
    static let keyReportNoIndicator = TextKey("keyReportNoIndicator", zh: "（不限）", en: "(none)")
    static let keyReportAddFinding = TextKey("keyReportAddFinding", zh: "登记问题", en: "Record the problem")
    static let keyReportSuggestion = TextKey("keyReportSuggestion", zh: "建议内容", en: "Suggestion")
    static let keyReportAnswers = TextKey("keyReportAnswers", zh: "针对的问题", en: "Answers the problems")
    static let keyReportAddSuggestion = TextKey("keyReportAddSuggestion", zh: "添加建议", en: "Add the suggestion")
    static let keyReportRemove = TextKey("keyReportRemove", zh: "删除", en: "Remove")
    static let keyReportProblems = TextKey("keyReportProblems", zh: "提交报告前还需完成：", en: "Before the report can be submitted:")
    static let keyReportGroups = TextKey("keyReportGroups", zh: "一级指标", en: "Level 1")
    static let keyReportTotal = TextKey("keyReportTotal", zh: "合计", en: "Total")
}

extension TextKey {
    static let keyReportActual = TextKey("keyReportActual", zh: "实际值", en: "Actual")
}

extension TextKey {
    static let keyEvaluationMaterials = TextKey("keyEvaluationMaterials", zh: "对象材料", en: "The object's records")
    static let keyEvaluationGoalLink = TextKey("keyEvaluationGoalLink", zh: "绩效目标", en: "Performance goal")
    static let keyEvaluationMonitoringLink = TextKey("keyEvaluationMonitoringLink", zh: "运行监控", en: "Monitoring")
    static let keyEvaluationSelfLink = TextKey("keyEvaluationSelfLink", zh: "单位自评", en: "Self-evaluation")
}

extension TextKey {
    static let errorTemplateBureau = TextKey("errorTemplateBureau", zh: "指标体系模板由财政部门绩效管理机构维护。", en: "Framework templates are kept by a finance bureau's performance office.")
    static let templateTitle = TextKey("templateTitle", zh: "评价指标体系模板", en: "Framework templates")
    static func templateSource(_ p0: some TextArgument) -> TextKey {
        TextKey("templateSource", zh: "现行模板：\(p0.text(in: .zhHans))", en: "Template in force: \(p0.text(in: .en))")
    }
    static let templateStandard = TextKey("templateStandard", zh: "全国参考框架（财预〔2020〕10号、财预〔2013〕53号）", en: "the national reference framework (财预〔2020〕10号, 财预〔2013〕53号)")
    static func templateOwned(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("templateOwned", zh: "\(p0.text(in: .zhHans)) 第 \(p1.text(in: .zhHans)) 版", en: "\(p0.text(in: .en)), version \(p1.text(in: .en))")
    }
    static let templateHint = TextKey("templateHint", zh: "本单位保存的模板适用于本级及下级财政部门该年度新开展的重点评价；已开展的评价不受影响。下级没有自己的模板时沿用上级的。",
                                      en: "A template saved here applies to key evaluations started this year by your bureau and the bureaus below it; evaluations already started keep theirs. A bureau without its own uses the one above.")
    static let templateSave = TextKey("templateSave", zh: "保存为本单位新版本", en: "Save as a new version of your bureau's")
    static func templateSaved(_ p0: some TextArgument) -> TextKey {
        TextKey("templateSaved", zh: "已保存第 \(p0.text(in: .zhHans)) 版。", en: "Version \(p0.text(in: .en)) is saved.")
    }
    static let templateKind = TextKey("templateKind", zh: "体系类别", en: "Kind")
    static let templateLink = TextKey("templateLink", zh: "指标体系模板", en: "Framework templates")
}

extension TextKey {
    static func errorSurveyAnswerCharacters(_ p0: some TextArgument) -> TextKey {
        TextKey("errorSurveyAnswerCharacters", zh: "第 \(p0.text(in: .zhHans)) 题的回答含有不能保存的控制字符。", en: "The answer to question \(p0.text(in: .en)) holds control characters that cannot be stored.")
    }
    static func errorKeyEvaluationDuplicateIndicator(_ p0: some TextArgument) -> TextKey {
        TextKey("errorKeyEvaluationDuplicateIndicator", zh: "第 \(p0.text(in: .zhHans)) 项指标在本次提交中出现了两次。", en: "Indicator \(p0.text(in: .en)) appears twice in what was sent.")
    }
    static let surveyUsedAt = TextKey("surveyUsedAt", zh: "使用时间", en: "Used at")
}
