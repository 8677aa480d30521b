/// Texts of 目标管理 — goal management, in Simplified Chinese and English side by side.
/// `{0}`, `{1}` … are the arguments a caller passes, in order.
extension TextKey {
    static let errorMoney = TextKey("errorMoney", zh: "金额格式不正确：请填写以万元为单位的数字，最多 6 位小数。",
                             en: "Not an amount: write 万元 with at most six decimals.")
    static let errorGoalNotOwner = TextKey("errorGoalNotOwner", zh: "只有申请资金的单位才能填报、撤回或申请调整本目标。",
                             en: "Only the organization that asks for the money files, withdraws or adjusts this goal.")
    static func errorTransitionNotAllowed(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorTransitionNotAllowed", zh: "当前状态（\(p1.text(in: .zhHans))）下不能执行此操作（\(p0.text(in: .zhHans))）。",
                en: "This action (\(p0.text(in: .en))) is not possible in the current state (\(p1.text(in: .en))).")
    }
    static func errorGoalNotEditable(_ p0: some TextArgument) -> TextKey {
        TextKey("errorGoalNotEditable", zh: "目标处于“\(p0.text(in: .zhHans))”状态，不能修改。",
                en: "The goal is \(p0.text(in: .en)) and cannot be changed.")
    }
    static let errorDepartmentOverallOwner = TextKey("errorDepartmentOverallOwner", zh: "部门整体支出只能由预算部门申报。",
                             en: "Department overall spending is declared by a budget department.")
    static let errorGoalConflict = TextKey("errorGoalConflict", zh: "此目标已被他人修改，您的操作未保存。请刷新页面，查看最新内容后再操作。",
                             en: "Someone else changed this goal first; nothing was saved. Reload to see the latest version.")
    static let errorYears = TextKey("errorYears", zh: "起止年度不正确。",
                             en: "The start and end years are not valid.")
    static let errorFiscalYearOutsideTerm = TextKey("errorFiscalYearOutsideTerm", zh: "预算年度不在项目起止年度之内。",
                             en: "The fiscal year lies outside the project's term.")
    static let errorApprovedAboveRequested = TextKey("errorApprovedAboveRequested", zh: "批复金额不能高于申请金额。",
                             en: "The approved amount cannot exceed the request.")
    static let errorOpinionRequired = TextKey("errorOpinionRequired", zh: "退回、不予通过或申请调整时须填写意见。",
                             en: "An opinion is required to return, reject or adjust.")
    static func errorReviewIncomplete(_ p0: some TextArgument) -> TextKey {
        TextKey("errorReviewIncomplete", zh: "请对以下审核要点评级：\(p0.text(in: .zhHans))",
                en: "Rate these criteria: \(p0.text(in: .en))")
    }
    static func errorGoalInvalid(_ p0: some TextArgument) -> TextKey {
        TextKey("errorGoalInvalid", zh: "目标还有 \(p0.text(in: .zhHans)) 处必须修改的问题，不能提交。",
                en: "The goal has \(p0.text(in: .en)) problems that must be fixed before it can be submitted.")
    }
    static let stateDraft = TextKey("stateDraft", zh: "草稿",
                             en: "Draft")
    static let stateSubmitted = TextKey("stateSubmitted", zh: "单位已提交",
                             en: "Submitted")
    static let stateDepartmentApproved = TextKey("stateDepartmentApproved", zh: "部门已审核（财政审核中）",
                             en: "Department approved (with finance)")
    static let stateReturned = TextKey("stateReturned", zh: "退回修改",
                             en: "Returned for revision")
    static let stateApproved = TextKey("stateApproved", zh: "审核通过",
                             en: "Approved")
    static let stateRejected = TextKey("stateRejected", zh: "不予安排",
                             en: "Rejected")
    static let stateReleased = TextKey("stateReleased", zh: "已批复",
                             en: "Released")
    static let stateSuperseded = TextKey("stateSuperseded", zh: "已被新版本取代",
                             en: "Superseded")
    static let validationMissingAnnualGoal = TextKey("validationMissingAnnualGoal", zh: "请填写年度总体目标。",
                             en: "Write the annual overall goal.")
    static func validationMissingCategory(_ p0: some TextArgument) -> TextKey {
        TextKey("validationMissingCategory", zh: "缺少“\(p0.text(in: .zhHans))”：至少填写一个。",
                en: "“\(p0.text(in: .en))” is missing: add at least one.")
    }
    static let validationSubcategory = TextKey("validationSubcategory", zh: "二级指标不属于所选一级指标。",
                             en: "The level-2 category does not belong to the level-1 category.")
    static let validationMissingName = TextKey("validationMissingName", zh: "请填写指标名称。",
                             en: "Name the indicator.")
    static let validationMissingUnit = TextKey("validationMissingUnit", zh: "定量指标须有计量单位（如 %、人次、万元）。",
                             en: "A quantitative target needs a unit (%, 人次, 万元 …).")
    static let validationPercentage = TextKey("validationPercentage", zh: "百分比须在 0–100% 之间。",
                             en: "A percentage lies between 0 and 100%.")
    static let validationMissingWeight = TextKey("validationMissingWeight", zh: "请填写分值（权重）。",
                             en: "Give the indicator a weight.")
    static func validationWeights(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("validationWeights", zh: "各指标分值合计应为 \(p0.text(in: .zhHans))，现为 \(p1.text(in: .zhHans))。",
                en: "Weights must add up to \(p0.text(in: .en)); they add up to \(p1.text(in: .en)).")
    }
    static func validationDuplicateName(_ p0: some TextArgument) -> TextKey {
        TextKey("validationDuplicateName", zh: "与第 \(p0.text(in: .zhHans)) 行指标重名。",
                en: "Same name as row \(p0.text(in: .en)).")
    }
    static let validationCostAtLeast = TextKey("validationCostAtLeast", zh: "成本指标应使用 ≤ 或 <，不能用 ≥。",
                             en: "A cost indicator takes ≤ or <, not ≥.")
    static let validationInputAsOutput = TextKey("validationInputAsOutput", zh: "资金到位、预算执行等属于投入，不能作为产出指标。",
                             en: "Funds received or budget executed are inputs, not outputs.")
    static let targetEmpty = TextKey("targetEmpty", zh: "请填写指标值。",
                             en: "Write a target.")
    static func targetMissingOperator(_ p0: some TextArgument) -> TextKey {
        TextKey("targetMissingOperator", zh: "“\(p0.text(in: .zhHans))”缺少符号（≥、≤、= 等），系统不会猜测，请注明（未标注）。",
                en: "“\(p0.text(in: .en))” has no sign (≥, ≤, = …); the system does not guess: add one (未标注).")
    }
    static func targetNotANumber(_ p0: some TextArgument) -> TextKey {
        TextKey("targetNotANumber", zh: "“\(p0.text(in: .zhHans))”：符号后应为数字或日期。",
                en: "“\(p0.text(in: .en))”: a sign must be followed by a number or a date.")
    }
    static let targetMissingValue = TextKey("targetMissingValue", zh: "符号后缺少数值。",
                             en: "The sign has no value after it.")
    static func targetInvalidDate(_ p0: some TextArgument) -> TextKey {
        TextKey("targetInvalidDate", zh: "“\(p0.text(in: .zhHans))”不是有效日期（须含年份，如 2026年10月前）。",
                en: "“\(p0.text(in: .en))” is not a valid date (write the year, e.g. 2026年10月前).")
    }
    static func targetInvalidUnit(_ p0: some TextArgument) -> TextKey {
        TextKey("targetInvalidUnit", zh: "“\(p0.text(in: .zhHans))”的计量单位无法识别。",
                en: "The unit of “\(p0.text(in: .en))” cannot be read.")
    }
    static func targetDeadlineOperator(_ p0: some TextArgument) -> TextKey {
        TextKey("targetDeadlineOperator", zh: "“\(p0.text(in: .zhHans))”：时限目标只能是“某日前”（≤）。",
                en: "“\(p0.text(in: .en))”: a deadline is always “on or before” (≤).")
    }
    static let lintVague = TextKey("lintVague", zh: "表述笼统，没有可衡量的目标值（如“提高”“明显”“进一步”）。",
                             en: "Vague wording with no measurable value (提高, 明显, 进一步 …).")
    static let lintEffectLooksLikeOutput = TextKey("lintEffectLooksLikeOutput", zh: "以“{0}”计量的指标通常是产出，而不是效益。",
                             en: "Measured in “{0}”, this is usually an output, not an effect.")
    static let lintSatisfactionOnlyEffect = TextKey("lintSatisfactionOnlyEffect", zh: "效益指标只有满意度：请补充社会、经济或生态效益。",
                             en: "Satisfaction is the only effect: add social, economic or ecological effects.")
    static let lintDirection = TextKey("lintDirection", zh: "指标名称与符号方向矛盾（{0}）：应降低的比率用 ≤，应提高的用 ≥。",
                             en: "The sign ({0}) contradicts the name: rates that should fall take ≤, those that should rise take ≥.")
    static let lintCostExceedsRequest = TextKey("lintCostExceedsRequest", zh: "成本指标 {0} 万元超过申请金额 {1} 万元。",
                             en: "The cost target of {0} 万元 exceeds the requested {1} 万元.")
    static let lintDuplicate = TextKey("lintDuplicate", zh: "与第 {0} 行指标重复。",
                             en: "Repeats the indicator in row {0}.")
    static let lintOutsideHistory = TextKey("lintOutsideHistory", zh: "目标值 {0} 超出指标库历年值的 10%–90% 区间（{1}–{2}）。",
                             en: "The target {0} lies outside the 10th–90th percentile of past values ({1}–{2}).")
    static let lintBelowLastYear = TextKey("lintBelowLastYear", zh: "延续项目目标值 {0} 低于上年实际完成值 {1}。",
                             en: "For a continuing project the target {0} is below last year's actual {1}.")
    static let lintEqualsLastYear = TextKey("lintEqualsLastYear", zh: "目标值与上年实际完成值（{0}）相同，缺乏挑战性。",
                             en: "The target equals last year's actual ({0}): not ambitious.")
    static let lintFewOutputs = TextKey("lintFewOutputs", zh: "产出指标只有 {0} 个，建议至少 {1} 个。",
                             en: "Only {0} output indicators; at least {1} are advised.")
    static let lintNoQualityOrTimeliness = TextKey("lintNoQualityOrTimeliness", zh: "产出指标中没有质量或时效指标。",
                             en: "No quality or timeliness indicator among the outputs.")
    static let lintNoSatisfaction = TextKey("lintNoSatisfaction", zh: "服务类项目应设置服务对象满意度指标。",
                             en: "A service project should measure its beneficiaries' satisfaction.")
    static let lintQualitativeWeight = TextKey("lintQualitativeWeight", zh: "定性指标分值 {0}（共 {1}）超过 30%：应以定量指标为主。",
                             en: "Qualitative indicators carry {0} of {1} points, above 30%: quantitative first.")
    static let lintFullCoverage = TextKey("lintFullCoverage", zh: "名称写“全覆盖/全部”，但指标值为 {0}%。",
                             en: "The name says full coverage but the target is {0}%.")
    static let errorGradeRequired = TextKey("errorGradeRequired", zh: "请选择总体评级（优、良、中、差）。",
                             en: "Choose the overall grade (优, 良, 中, 差).")
    static let goalsWaiting = TextKey("goalsWaiting", zh: "待办",
                             en: "Waiting for me")
    static let goalsAll = TextKey("goalsAll", zh: "全部目标",
                             en: "All goals")
    static func goalsWaitingCount(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("goalsWaitingCount", zh: "\(p1.text(in: .zhHans)) 年度有 \(p0.text(in: .zhHans)) 项目标等待您处理。",
                en: "\(p0.text(in: .en)) goals of \(p1.text(in: .en)) wait for you.")
    }
    static func goalsAllCount(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("goalsAllCount", zh: "\(p1.text(in: .zhHans)) 年度您可查看的目标共 \(p0.text(in: .zhHans)) 项。",
                en: "\(p0.text(in: .en)) goals of \(p1.text(in: .en)) within your reach.")
    }
    static let fieldFiscalYear = TextKey("fieldFiscalYear", zh: "预算年度",
                             en: "Fiscal year")
    static let fieldUnderOrganization = TextKey("fieldUnderOrganization", zh: "部门/机构编码",
                             en: "Department or organization code")
    static let fieldState = TextKey("fieldState", zh: "状态",
                             en: "State")
    static let allStates = TextKey("allStates", zh: "全部状态",
                             en: "All states")
    static let fieldFundSource = TextKey("fieldFundSource", zh: "资金来源",
                             en: "Fund source")
    static let allFundSources = TextKey("allFundSources", zh: "全部资金来源",
                             en: "All fund sources")
    static let fieldKeyProject = TextKey("fieldKeyProject", zh: "重点项目",
                             en: "Key project")
    static let keyProjectsOnly = TextKey("keyProjectsOnly", zh: "仅重点项目",
                             en: "Key projects only")
    static let allProjects = TextKey("allProjects", zh: "全部项目",
                             en: "All projects")
    static let fieldFindings = TextKey("fieldFindings", zh: "质量检查",
                             en: "Checks")
    static let withWarnings = TextKey("withWarnings", zh: "有警示",
                             en: "With warnings")
    static let withAnyFinding = TextKey("withAnyFinding", zh: "有任何提示",
                             en: "With any finding")
    static let allGoals = TextKey("allGoals", zh: "全部",
                             en: "All")
    static let newBudgetObject = TextKey("newBudgetObject", zh: "新增预算项目",
                             en: "New budget object")
    static let fieldProjectName = TextKey("fieldProjectName", zh: "项目名称",
                             en: "Name")
    static let fieldRequested = TextKey("fieldRequested", zh: "申请金额（万元）",
                             en: "Requested (万元)")
    static let keyProject = TextKey("keyProject", zh: "重点项目",
                             en: "Key project")
    static let serviceProject = TextKey("serviceProject", zh: "服务类项目（面向服务对象）",
                             en: "Service project (serves people)")
    static func errorsCount(_ p0: some TextArgument) -> TextKey {
        TextKey("errorsCount", zh: "\(p0.text(in: .zhHans)) 处错误",
                en: "\(p0.text(in: .en)) errors")
    }
    static func warningsCount(_ p0: some TextArgument) -> TextKey {
        TextKey("warningsCount", zh: "\(p0.text(in: .zhHans)) 条警示",
                en: "\(p0.text(in: .en)) warnings")
    }
    static func noticesCount(_ p0: some TextArgument) -> TextKey {
        TextKey("noticesCount", zh: "\(p0.text(in: .zhHans)) 条提示",
                en: "\(p0.text(in: .en)) notices")
    }
    static func batchReleaseExplain(_ p0: some TextArgument) -> TextKey {
        TextKey("batchReleaseExplain", zh: "有 \(p0.text(in: .zhHans)) 项目标已审核通过，可随预算一并批复。",
                en: "\(p0.text(in: .en)) goals are approved and can be released with the budget.")
    }
    static let batchRelease = TextKey("batchRelease", zh: "批量批复",
                             en: "Release all")
    static let fieldObjectKind = TextKey("fieldObjectKind", zh: "预算对象类型",
                             en: "Kind of budget object")
    static let fieldProjectCode = TextKey("fieldProjectCode", zh: "项目编码",
                             en: "Code")
    static let fieldFunctionalClassification = TextKey("fieldFunctionalClassification", zh: "支出功能分类科目",
                             en: "Functional classification")
    static let functionalClassificationHint = TextKey("functionalClassificationHint", zh: "如 2050202（小学教育）。",
                             en: "e.g. 2050202 (primary education).")
    static let fieldProjectCategory = TextKey("fieldProjectCategory", zh: "项目类别",
                             en: "Category")
    static let fieldStartYear = TextKey("fieldStartYear", zh: "起始年度",
                             en: "Start year")
    static let fieldEndYear = TextKey("fieldEndYear", zh: "结束年度",
                             en: "End year")
    static let fieldRequestedWan = TextKey("fieldRequestedWan", zh: "申请金额（万元）",
                             en: "Requested amount (万元)")
    static let requestedHint = TextKey("requestedHint", zh: "以万元为单位，最多 6 位小数，如 120.5。",
                             en: "In 万元, up to six decimals, e.g. 120.5.")
    static let fieldFlags = TextKey("fieldFlags", zh: "项目属性",
                             en: "Attributes")
    static let fieldApproved = TextKey("fieldApproved", zh: "批复",
                             en: "approved")
    static let fieldGrade = TextKey("fieldGrade", zh: "评级",
                             en: "Grade")
    static let versionsLabel = TextKey("versionsLabel", zh: "版本",
                             en: "Versions")
    static func diffLink(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("diffLink", zh: "对比 v\(p0.text(in: .zhHans))→v\(p1.text(in: .zhHans))",
                en: "compare v\(p0.text(in: .en))→v\(p1.text(in: .en))")
    }
    static let checksTitle = TextKey("checksTitle", zh: "质量检查",
                             en: "Checks")
    static let checksClean = TextKey("checksClean", zh: "未发现问题。",
                             en: "No problems found.")
    static func checksSummary(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument) -> TextKey {
        TextKey("checksSummary", zh: "必须修改 \(p0.text(in: .zhHans)) 处；警示 \(p1.text(in: .zhHans)) 条；提示 \(p2.text(in: .zhHans)) 条。警示和提示不阻止提交，但审核人可以看到。",
                en: "\(p0.text(in: .en)) to fix; \(p1.text(in: .en)) warnings; \(p2.text(in: .en)) notices. Warnings and notices do not block submission, but reviewers see them.")
    }
    static let severityError = TextKey("severityError", zh: "必须修改",
                             en: "Must fix")
    static let severityWarning = TextKey("severityWarning", zh: "警示",
                             en: "Warning")
    static let severityNotice = TextKey("severityNotice", zh: "提示",
                             en: "Notice")
    static let fieldAnnualGoal = TextKey("fieldAnnualGoal", zh: "年度总体目标",
                             en: "Annual overall goal")
    static let fieldMidTermGoal = TextKey("fieldMidTermGoal", zh: "中期目标",
                             en: "Mid-term goal")
    static let indicatorsTitle = TextKey("indicatorsTitle", zh: "绩效指标",
                             en: "Indicators")
    static let fieldLevel1 = TextKey("fieldLevel1", zh: "一级指标",
                             en: "Level 1")
    static let fieldLevel2 = TextKey("fieldLevel2", zh: "二级指标",
                             en: "Level 2")
    static let fieldIndicatorName = TextKey("fieldIndicatorName", zh: "三级指标",
                             en: "Indicator")
    static let fieldTarget = TextKey("fieldTarget", zh: "指标值",
                             en: "Target")
    static let fieldWeight = TextKey("fieldWeight", zh: "分值",
                             en: "Weight")
    static let fieldStandard = TextKey("fieldStandard", zh: "指标标准",
                             en: "Standard")
    static let fieldCategory = TextKey("fieldCategory", zh: "一级 › 二级指标",
                             en: "Level 1 › level 2")
    static let indicatorEditorHint = TextKey("indicatorEditorHint", zh: "指标值按习惯填写，如 ≥95%、≤90万元、2026年10月前、优。空行会被忽略。",
                             en: "Write targets as usual: ≥95%, ≤90万元, 2026年10月前, 优. Empty rows are ignored.")
    static let saveGoal = TextKey("saveGoal", zh: "保存目标",
                             en: "Save goal")
    static let fieldOpinion = TextKey("fieldOpinion", zh: "意见",
                             en: "Opinion")
    static let fieldOpinionOptional = TextKey("fieldOpinionOptional", zh: "意见（可选）",
                             en: "Opinion (optional)")
    static let fieldAdjustmentReason = TextKey("fieldAdjustmentReason", zh: "调整理由（政策变化、突发事件等）",
                             en: "Reason for the adjustment (policy change, emergency …)")
    static let actionsTitle = TextKey("actionsTitle", zh: "可执行的操作",
                             en: "What you can do")
    static let actionSubmit = TextKey("actionSubmit", zh: "提交审核",
                             en: "Submit for review")
    static let actionWithdraw = TextKey("actionWithdraw", zh: "撤回",
                             en: "Withdraw")
    static let actionDepartmentApprove = TextKey("actionDepartmentApprove", zh: "部门审核通过",
                             en: "Approve (department)")
    static let actionReturn = TextKey("actionReturn", zh: "退回修改",
                             en: "Return for revision")
    static let actionFinanceReview = TextKey("actionFinanceReview", zh: "财政审核",
                             en: "Finance review")
    static let financeReviewHint = TextKey("financeReviewHint", zh: "对相关性、可行性、科学性、合理性逐项评级，并给出总体评级：优、良通过，中退回修改，差不予安排。",
                             en: "Rate relevance, feasibility, soundness and reasonableness, then the overall grade: 优 and 良 pass, 中 is returned, 差 is not funded.")
    static let actionRelease = TextKey("actionRelease", zh: "批复",
                             en: "Release")
    static let actionRequestAdjustment = TextKey("actionRequestAdjustment", zh: "申请调整目标",
                             en: "Request an adjustment")
    static func actionDone(_ p0: some TextArgument) -> TextKey {
        TextKey("actionDone", zh: "已完成操作：\(p0.text(in: .zhHans))。",
                en: "Done: \(p0.text(in: .en)).")
    }
    static let historyTitle = TextKey("historyTitle", zh: "流转记录",
                             en: "History")
    static let reviewDetails = TextKey("reviewDetails", zh: "审核要点",
                             en: "Criteria")
    static func diffTitle(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument) -> TextKey {
        TextKey("diffTitle", zh: "\(p0.text(in: .zhHans))：v\(p1.text(in: .zhHans)) 与 v\(p2.text(in: .zhHans)) 的差异",
                en: "\(p0.text(in: .en)): v\(p1.text(in: .en)) against v\(p2.text(in: .en))")
    }
    static let backToGoal = TextKey("backToGoal", zh: "返回目标",
                             en: "Back to the goal")
    static let diffNone = TextKey("diffNone", zh: "两个版本没有差异。",
                             en: "The versions do not differ.")
    static let diffAdded = TextKey("diffAdded", zh: "新增",
                             en: "Added")
    static let diffRemoved = TextKey("diffRemoved", zh: "删除",
                             en: "Removed")
    static let diffChanged = TextKey("diffChanged", zh: "修改",
                             en: "Changed")
    static let libraryHistory = TextKey("libraryHistory", zh: "历年申报值",
                             en: "Declared in past years:")
    static let libraryPickTitle = TextKey("libraryPickTitle", zh: "从指标库选择",
                             en: "Pick from the indicator library")
    static let librarySearch = TextKey("librarySearch", zh: "按指标名称查询指标库",
                             en: "Search the library by name")
    static let libraryNone = TextKey("libraryNone", zh: "指标库中没有匹配的指标。",
                             en: "No library entry matches.")
    static let libraryAdd = TextKey("libraryAdd", zh: "添加",
                             en: "Add")
    static let fieldUnit = TextKey("fieldUnit", zh: "符号与单位",
                             en: "Sign and unit")
    static let fieldDefinition = TextKey("fieldDefinition", zh: "指标解释",
                             en: "Definition")
    static let libraryTitle = TextKey("libraryTitle", zh: "指标库",
                             en: "Indicator library")
    static let libraryExplain = TextKey("libraryExplain", zh: "财政部门维护的共性和行业指标，本级及下级单位填报目标时可直接选用；历年申报值由系统从已批复的目标自动汇总。",
                             en: "Common and sector indicators kept by finance bureaus, inherited by everything below them; past values are gathered from released goals.")
    static let fieldSector = TextKey("fieldSector", zh: "行业（功能分类）",
                             en: "Sector (functional class)")
    static let sectorHint = TextKey("sectorHint", zh: "支出功能分类科目编码前几位，如 205 教育、210 卫生健康。",
                             en: "The leading digits of the functional classification, e.g. 205 education, 210 health.")
    static let libraryNew = TextKey("libraryNew", zh: "新增指标库条目",
                             en: "New library entry")
    static let fieldOperator = TextKey("fieldOperator", zh: "符号",
                             en: "Sign")
    static let fieldUnitOnly = TextKey("fieldUnitOnly", zh: "计量单位",
                             en: "Unit")
    static let errorSector = TextKey("errorSector", zh: "请填写功能分类科目编码（数字）。",
                             en: "Write the functional classification code (digits).")
    static let navLibrary = TextKey("navLibrary", zh: "指标库",
                             en: "Indicator library")
    static let errorXLSXUnreadable = TextKey("errorXLSXUnreadable", zh: "无法读取该 Excel 文件（可能已损坏，或不是 .xlsx 格式；.xls 请另存为 .xlsx）。",
                             en: "The Excel file cannot be read (damaged, or not .xlsx; save .xls files as .xlsx).")
    static func importSheetLocation(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument) -> TextKey {
        TextKey("importSheetLocation", zh: "工作表“\(p0.text(in: .zhHans))”第 \(p1.text(in: .zhHans)) 行“\(p2.text(in: .zhHans))”列",
                en: "Sheet “\(p0.text(in: .en))”, row \(p1.text(in: .en)), column “\(p2.text(in: .en))”")
    }
    static func importSheetLine(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("importSheetLine", zh: "工作表“\(p0.text(in: .zhHans))”第 \(p1.text(in: .zhHans)) 行",
                en: "Sheet “\(p0.text(in: .en))”, row \(p1.text(in: .en))")
    }
    static func importInconsistent(_ p0: some TextArgument) -> TextKey {
        TextKey("importInconsistent", zh: "与第 \(p0.text(in: .zhHans)) 行同一项目的内容不一致",
                en: "differs from row \(p0.text(in: .en)) of the same project")
    }
    static let importBadYear = TextKey("importBadYear", zh: "预算年度应为四位数字年份",
                             en: "the fiscal year must be a four-digit year")
    static func importUnknownValue(_ p0: some TextArgument) -> TextKey {
        TextKey("importUnknownValue", zh: "无法识别“\(p0.text(in: .zhHans))”",
                en: "“\(p0.text(in: .en))” is not recognised")
    }
    static func importNotANumber(_ p0: some TextArgument) -> TextKey {
        TextKey("importNotANumber", zh: "“\(p0.text(in: .zhHans))”不是数字",
                en: "“\(p0.text(in: .en))” is not a number")
    }
    static let exportList = TextKey("exportList", zh: "导出清单（Excel）",
                             en: "Export list (Excel)")
    static let importGoals = TextKey("importGoals", zh: "导入目标",
                             en: "Import goals")
    static let downloadForm = TextKey("downloadForm", zh: "下载申报表（Excel）",
                             en: "Download the form (Excel)")
    static let printForm = TextKey("printForm", zh: "打印申报表",
                             en: "Print the form")
    static func importGoalsDone(_ p0: some TextArgument) -> TextKey {
        TextKey("importGoalsDone", zh: "已导入 \(p0.text(in: .zhHans)) 个项目的绩效目标（草稿）。",
                en: "Goals of \(p0.text(in: .en)) projects imported as drafts.")
    }
    static let importGoalsExplain = TextKey("importGoalsExplain", zh: "上传 .xlsx 或 UTF-8 .csv，格式与“导出清单”相同：每行一个指标，同一项目的行项目编码相同。表头可在前 10 行内，列的顺序不限；各省表样中分列的“指标性质”“度量单位”（如 正向 | 95 | %）会合成为 ≥95%。指标值必须带符号（或由指标性质给出），系统不会猜测。文件中有任何一处无法读取，全部不导入；目标质量问题不阻止导入，导入后在草稿中修改。",
                             en: "Upload .xlsx or UTF-8 .csv in the layout of “Export list”: one indicator a row, rows of one project share its code; the header may be in the first ten rows, columns in any order; provincial forms that split the target into 指标性质 and 度量单位 (正向 | 95 | %) are read as ≥95%. Targets need their sign (or a direction column): nothing is guessed. One unreadable cell and nothing is imported; quality findings do not block, fix them in the drafts.")
    static let fieldGoalFile = TextKey("fieldGoalFile", zh: "目标清单文件（.xlsx 或 .csv）",
                             en: "Goal list (.xlsx or .csv)")
    static let errorDepartmentOverallExists = TextKey("errorDepartmentOverallExists", zh: "该部门本年度已有部门整体支出目标。",
                             en: "This department already has its overall spending goal for the year.")
    static let errorImportFailed = TextKey("errorImportFailed", zh: "导入时发生意外错误，未导入任何内容。请稍后重试，或联系系统管理员查看日志。",
                             en: "The import stopped on an unexpected error; nothing was imported. Try again later or ask the administrator to check the log.")
    static func importJobTitle(_ p0: some TextArgument) -> TextKey {
        TextKey("importJobTitle", zh: "导入任务：\(p0.text(in: .zhHans))",
                en: "Import: \(p0.text(in: .en))")
    }
    static let importJobPhaseReading = TextKey("importJobPhaseReading", zh: "正在读取文件",
                             en: "Reading the file")
    static let importJobPhaseChecking = TextKey("importJobPhaseChecking", zh: "正在逐行检查",
                             en: "Checking every row")
    static let importJobPhaseSaving = TextKey("importJobPhaseSaving", zh: "正在保存",
                             en: "Saving")
    static let importJobPhaseSucceeded = TextKey("importJobPhaseSucceeded", zh: "已完成",
                             en: "Finished")
    static let importJobPhaseFailed = TextKey("importJobPhaseFailed", zh: "未导入（有错误）",
                             en: "Not imported (errors)")
    static let importJobPhaseInterrupted = TextKey("importJobPhaseInterrupted", zh: "已中断",
                             en: "Interrupted")
    static func importJobRowsRead(_ p0: some TextArgument) -> TextKey {
        TextKey("importJobRowsRead", zh: "已读取 \(p0.text(in: .zhHans)) 行",
                en: "\(p0.text(in: .en)) rows read")
    }
    static func importJobProjectsChecked(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("importJobProjectsChecked", zh: "已检查 \(p0.text(in: .zhHans)) / \(p1.text(in: .zhHans)) 个项目",
                en: "\(p0.text(in: .en)) of \(p1.text(in: .en)) projects checked")
    }
    static func importJobProjectsSaved(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("importJobProjectsSaved", zh: "已保存 \(p0.text(in: .zhHans)) / \(p1.text(in: .zhHans)) 个项目（全部保存后才生效）",
                en: "\(p0.text(in: .en)) of \(p1.text(in: .en)) projects saved (they take effect when all are saved)")
    }
    static let importJobRefreshing = TextKey("importJobRefreshing", zh: "页面每 2 秒自动刷新。导入在服务器上进行，关闭本页不会中断导入。",
                             en: "This page refreshes every 2 seconds. The import runs on the server; closing the page does not stop it.")
    static let importJobInterruptedExplain = TextKey("importJobInterruptedExplain", zh: "处理该文件的服务进程已停止，文件中的内容均未导入。请重新上传。",
                             en: "The server process handling this file stopped; nothing from the file was imported. Please upload it again.")
    static let importJobRecent = TextKey("importJobRecent", zh: "最近的导入",
                             en: "Recent imports")
    static let importJobFile = TextKey("importJobFile", zh: "文件",
                             en: "File")
    static let importJobStarted = TextKey("importJobStarted", zh: "开始时间（北京时间）",
                             en: "Started (Beijing time)")
    static let importJobState = TextKey("importJobState", zh: "状态",
                             en: "State")
    static let importJobResult = TextKey("importJobResult", zh: "结果",
                             en: "Result")
    static let importJobBack = TextKey("importJobBack", zh: "返回导入页面",
                             en: "Back to import")
    static let importJobGoToList = TextKey("importJobGoToList", zh: "查看目标清单",
                             en: "Open the goal list")
    static func importNatureContradicts(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("importNatureContradicts", zh: "指标性质“\(p0.text(in: .zhHans))”与指标值“\(p1.text(in: .zhHans))”的符号相反，请核对。",
                en: "The direction “\(p0.text(in: .en))” contradicts the sign of the target “\(p1.text(in: .en))”; please check.")
    }
    static func importUnitContradicts(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("importUnitContradicts", zh: "度量单位“\(p0.text(in: .zhHans))”与指标值“\(p1.text(in: .zhHans))”中的单位不同，请核对。",
                en: "The unit “\(p0.text(in: .en))” differs from the unit in the target “\(p1.text(in: .en))”; please check.")
    }
    static func errorRecipientNotBelow(_ p0: some TextArgument) -> TextKey {
        TextKey("errorRecipientNotBelow", zh: "“\(p0.text(in: .zhHans))”不是本级以下的财政部门，不能接收这笔转移支付。",
                en: "“\(p0.text(in: .en))” is not a finance bureau below the granting one and cannot receive this transfer payment.")
    }
    static let regionalErrorNoRegions = TextKey("regionalErrorNoRegions", zh: "转移支付须按地区分别设定区域绩效目标（至少一个地区）。",
                             en: "A transfer payment needs a regional goal for each receiving region (at least one).")
    static let regionalErrorMissingRecipient = TextKey("regionalErrorMissingRecipient", zh: "未填写接收地区（下级财政部门编码）。",
                             en: "The receiving region (the lower finance bureau's code) is missing.")
    static func regionalErrorDuplicateRecipient(_ p0: some TextArgument) -> TextKey {
        TextKey("regionalErrorDuplicateRecipient", zh: "与第 \(p0.text(in: .zhHans)) 个地区重复。",
                en: "The same region as region \(p0.text(in: .en)).")
    }
    static let regionalErrorAllocation = TextKey("regionalErrorAllocation", zh: "分配金额须大于 0。",
                             en: "The allocated amount must be above zero.")
    static func regionalErrorExceeds(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("regionalErrorExceeds", zh: "各地区分配合计 \(p0.text(in: .zhHans)) 万元，超过转移支付金额 \(p1.text(in: .zhHans)) 万元。",
                en: "The regions together get \(p0.text(in: .en)) (10k yuan), more than the transfer payment's \(p1.text(in: .en)).")
    }
    static let regionalErrorMissingGoal = TextKey("regionalErrorMissingGoal", zh: "未填写该地区的年度目标。",
                             en: "The region's annual goal is missing.")
    static let regionalErrorNoIndicators = TextKey("regionalErrorNoIndicators", zh: "该地区尚无绩效指标。",
                             en: "The region has no indicators yet.")
    static let regionalTitle = TextKey("regionalTitle", zh: "区域绩效目标",
                             en: "Regional goals")
    static let regionalExplain = TextKey("regionalExplain", zh: "转移支付按接收地区（下级财政部门）分别设定区域绩效目标，随资金一并下达。各地区分配合计不得超过转移支付金额；区域指标不设分值。",
                             en: "A transfer payment sets a regional goal for each receiving region (a lower finance bureau), issued with its money. The allocations together may not exceed the transfer payment; regional indicators carry no weights.")
    static func regionalRegion(_ p0: some TextArgument) -> TextKey {
        TextKey("regionalRegion", zh: "地区 \(p0.text(in: .zhHans))",
                en: "Region \(p0.text(in: .en))")
    }
    static let regionalRecipient = TextKey("regionalRecipient", zh: "接收地区（财政部门编码）",
                             en: "Receiving region (finance bureau code)")
    static let regionalAllocated = TextKey("regionalAllocated", zh: "分配金额（万元）",
                             en: "Allocated (10k yuan)")
    static let regionalAnnualGoal = TextKey("regionalAnnualGoal", zh: "区域年度目标",
                             en: "The region's annual goal")
    static let regionalAddHint = TextKey("regionalAddHint", zh: "新增地区：填写下面的空白地区后保存。删除地区：清空其编码、金额和指标后保存。",
                             en: "To add a region, fill in the blank one below and save. To remove one, clear its code, amount and indicators and save.")
    static let regionalNone = TextKey("regionalNone", zh: "尚未设定区域绩效目标。",
                             en: "No regional goals yet.")
    static let regionalIssuedTitle = TextKey("regionalIssuedTitle", zh: "下达本地区的区域绩效目标",
                             en: "Regional goals issued to this area")
    static let regionalIssuedExplain = TextKey("regionalIssuedExplain", zh: "上级已批复、下达给本地区（及下辖地区）的转移支付区域绩效目标。",
                             en: "Regional goals of transfer payments released by the levels above and issued to this area (and the areas below it).")
    static let regionalFrom = TextKey("regionalFrom", zh: "下达单位",
                             en: "Issued by")
    static let regionalDiffRecipient = TextKey("regionalDiffRecipient", zh: "接收地区",
                             en: "receiving region")
    static let regionalDiffAllocation = TextKey("regionalDiffAllocation", zh: "分配金额",
                             en: "allocation")
    static func errorRegionAmount(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorRegionAmount", zh: "地区 \(p0.text(in: .zhHans)) 的分配金额“\(p1.text(in: .zhHans))”无法识别：请填写以万元为单位的数字，如 120.5。",
                en: "Region \(p0.text(in: .en)): the allocated amount “\(p1.text(in: .en))” cannot be read; write a number in 10k yuan, e.g. 120.5.")
    }
    static let errorTransferOwner = TextKey("errorTransferOwner", zh: "转移支付由财政部门或管理该项资金的主管部门申报。",
                             en: "A transfer payment is declared by a finance bureau or the department that manages the fund.")
    static let regionalIssuedLink = TextKey("regionalIssuedLink", zh: "下达本地区的区域绩效目标",
                             en: "Regional goals issued to this area")
    static let regionalIssuedEmpty = TextKey("regionalIssuedEmpty", zh: "本年度尚无下达本地区的区域绩效目标。",
                             en: "No regional goals have been issued to this area for the year.")
    static let regionalTransfer = TextKey("regionalTransfer", zh: "转移支付",
                             en: "Transfer payment")
    static let errorOwnSubmission = TextKey("errorOwnSubmission", zh: "您提交了这一版本，不能由您本人审核或批复（审核须由提交人以外的人进行）。",
                             en: "You submitted this version, so someone else must approve, review or release it (four eyes).")
    static let lintDeadlineOutsideYear = TextKey("lintDeadlineOutsideYear", zh: "完成时限 {0} 不在预算年度 {1} 年内：年度目标的时限应在本年度内（跨年度的安排写入中期目标）。",
                             en: "The deadline {0} is outside the fiscal year {1}: an annual target falls due within its year (later milestones belong in the mid-term goal).")
    static func errorXLSXLimit(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorXLSXLimit", zh: "表格超出可读取的限度（\(p0.text(in: .zhHans))，位置：\(p1.text(in: .zhHans))），未导入任何内容。请拆分文件或删去多余的行列后再上传。",
                en: "The workbook exceeds what can be read (\(p0.text(in: .en)), at \(p1.text(in: .en))); nothing was imported. Split the file or remove surplus rows and columns, then upload again.")
    }
    static func errorXLSXDoctype(_ p0: some TextArgument) -> TextKey {
        TextKey("errorXLSXDoctype", zh: "表格的 \(p0.text(in: .zhHans)) 含有文档类型声明（DOCTYPE），出于安全原因不予读取。请用 Excel 或 WPS 重新保存后上传。",
                en: "Part \(p0.text(in: .en)) of the workbook declares a document type (DOCTYPE), which is never read for safety. Save it again in Excel or WPS and upload.")
    }
    static func errorXLSXMalformed(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorXLSXMalformed", zh: "表格的 \(p0.text(in: .zhHans)) 第 \(p1.text(in: .zhHans)) 行不是有效的 XML，文件可能已损坏。请用 Excel 或 WPS 重新保存后上传。",
                en: "Part \(p0.text(in: .en)) of the workbook is not valid XML at line \(p1.text(in: .en)); the file may be damaged. Save it again in Excel or WPS and upload.")
    }
    static func errorImportConflict(_ p0: some TextArgument) -> TextKey {
        TextKey("errorImportConflict", zh: "项目 \(p0.text(in: .zhHans)) 在导入期间被他人提交或修改，本次导入未作任何修改，请重新导入。",
                en: "Project \(p0.text(in: .en)) was submitted or changed by someone during the import; nothing was imported. Please import again.")
    }
    static func errorGoalRows(_ p0: some TextArgument) -> TextKey {
        TextKey("errorGoalRows", zh: "有 \(p0.text(in: .zhHans)) 处错误，未导入任何项目的绩效目标：",
                en: "\(p0.text(in: .en)) errors; no goals were imported:")
    }
    static func importGoalsOutcome(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("importGoalsOutcome", zh: "新建 \(p0.text(in: .zhHans)) 个项目、更新 \(p1.text(in: .zhHans)) 个草稿或退回的目标（均为草稿，请检查后提交）。",
                en: "\(p0.text(in: .en)) projects created and \(p1.text(in: .en)) drafts or returned goals updated (all drafts: check them, then submit).")
    }
    static func importGoalsUnchanged(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("importGoalsUnchanged", zh: "\(p0.text(in: .zhHans)) 个项目审核中或已批复，未作改动：\(p1.text(in: .zhHans))",
                en: "\(p0.text(in: .en)) projects are under review or released and were left unchanged: \(p1.text(in: .en))")
    }
    static let fieldAdjustmentReasonShown = TextKey("fieldAdjustmentReasonShown", zh: "调整理由",
                             en: "Reason for the adjustment")
    static let reviewCriterion = TextKey("reviewCriterion", zh: "审核要点",
                             en: "Criterion")
    static let reviewGrade = TextKey("reviewGrade", zh: "等级",
                             en: "Grade")
    static let errorYearInvalid = TextKey("errorYearInvalid", zh: "请填写 2000–2100 之间的年度。",
                             en: "Enter a year between 2000 and 2100.")
    static let projectCodeHint = TextKey("projectCodeHint", zh: "预算项目库中的项目编码：字母、数字、“-”、“_”、“.”，最长 64 位，同一年度内不重复。",
                             en: "The project's code in the budget project library: letters, digits, “-”, “_”, “.”, at most 64, unique within the year.")
    static func errorsCountOne(_ p0: some TextArgument) -> TextKey {
        TextKey("errorsCountOne", zh: "\(p0.text(in: .zhHans)) 处错误",
                en: "\(p0.text(in: .en)) error")
    }
    static func warningsCountOne(_ p0: some TextArgument) -> TextKey {
        TextKey("warningsCountOne", zh: "\(p0.text(in: .zhHans)) 条警示",
                en: "\(p0.text(in: .en)) warning")
    }
    static func noticesCountOne(_ p0: some TextArgument) -> TextKey {
        TextKey("noticesCountOne", zh: "\(p0.text(in: .zhHans)) 条提示",
                en: "\(p0.text(in: .en)) notice")
    }
    static let unitWanYuan = TextKey("unitWanYuan", zh: "万元",
                             en: " × 10k yuan")
    static func workbenchGoalsDetail(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("workbenchGoalsDetail", zh: "\(p0.text(in: .zhHans))年度 · \(p1.text(in: .zhHans))",
                en: "Fiscal year \(p0.text(in: .en)) · \(p1.text(in: .en))")
    }
    static func workbenchGoalsReview(_ p0: some TextArgument) -> TextKey {
        TextKey("workbenchGoalsReview", zh: "待我审核 \(p0.text(in: .zhHans)) 项",
                en: "\(p0.text(in: .en)) to review")
    }
    static func workbenchGoalsRelease(_ p0: some TextArgument) -> TextKey {
        TextKey("workbenchGoalsRelease", zh: "待批复 \(p0.text(in: .zhHans)) 项",
                en: "\(p0.text(in: .en)) approved, to release")
    }
    static func workbenchGoalsReturned(_ p0: some TextArgument) -> TextKey {
        TextKey("workbenchGoalsReturned", zh: "被退回 \(p0.text(in: .zhHans)) 项",
                en: "\(p0.text(in: .en)) returned to you")
    }
    static func workbenchGoalsDrafts(_ p0: some TextArgument) -> TextKey {
        TextKey("workbenchGoalsDrafts", zh: "草稿 \(p0.text(in: .zhHans)) 项",
                en: "\(p0.text(in: .en)) drafts not yet submitted")
    }
    static func workbenchGoalsDraftOne(_ p0: some TextArgument) -> TextKey {
        TextKey("workbenchGoalsDraftOne", zh: "草稿 \(p0.text(in: .zhHans)) 项",
                en: "\(p0.text(in: .en)) draft not yet submitted")
    }
    static func workbenchImports(_ p0: some TextArgument) -> TextKey {
        TextKey("workbenchImports", zh: "导入中 \(p0.text(in: .zhHans)) 个",
                en: "\(p0.text(in: .en)) imports running")
    }
    static func workbenchImportsOne(_ p0: some TextArgument) -> TextKey {
        TextKey("workbenchImportsOne", zh: "导入中 \(p0.text(in: .zhHans)) 个",
                en: "\(p0.text(in: .en)) import running")
    }
    static let workbenchImportsDetail = TextKey("workbenchImportsDetail", zh: "目标导入仍在进行，可查看进度",
                             en: "Goal imports still in progress: see how far they have come")
    static func workbenchGoalsYear(_ p0: some TextArgument) -> TextKey {
        TextKey("workbenchGoalsYear", zh: "\(p0.text(in: .zhHans))年度",
                en: "Fiscal year \(p0.text(in: .en))")
    }
    static let importJobPhaseQueued = TextKey("importJobPhaseQueued", zh: "排队等候",
                             en: "Waiting for its turn")
}
