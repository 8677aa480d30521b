import JixiaoDomain

/// Texts of 智库 — think tanks, in Simplified Chinese and English side by side.
extension TextKey {
    // MARK: statuses and moves
    static let libraryStatusCandidate = TextKey("libraryStatusCandidate", zh: "候选", en: "Candidate")
    static let libraryStatusAdmitted = TextKey("libraryStatusAdmitted", zh: "在库", en: "In the library")
    static let libraryStatusSuspended = TextKey("libraryStatusSuspended", zh: "暂停", en: "Suspended")
    static let libraryStatusWithdrawn = TextKey("libraryStatusWithdrawn", zh: "退出", en: "Withdrawn")
    static let libraryMoveAdmit = TextKey("libraryMoveAdmit", zh: "审核通过，入库", en: "Admit")
    static let libraryMoveReject = TextKey("libraryMoveReject", zh: "审核不通过", en: "Reject")
    static let libraryMoveSuspend = TextKey("libraryMoveSuspend", zh: "暂停", en: "Suspend")
    static let libraryMoveRestore = TextKey("libraryMoveRestore", zh: "恢复", en: "Restore")
    static let libraryMoveWithdraw = TextKey("libraryMoveWithdraw", zh: "退出", en: "Withdraw")

    // MARK: errors
    static let errorThinkTankNotManager = TextKey("errorThinkTankNotManager", zh: "智库由财政部门绩效管理机构管理，您没有管理权限。",
                                                  en: "Think tanks are kept by a finance bureau's performance office; you may not manage them.")
    static let errorThinkTankIDNumber = TextKey("errorThinkTankIDNumber", zh: "身份证号无效：须为 18 位且校验位正确。",
                                                en: "The ID number is not valid: 18 characters with a correct check character.")
    static let errorThinkTankPhone = TextKey("errorThinkTankPhone", zh: "请填写有效的联系电话（5–20 位数字，可含 +、- 和空格）。",
                                             en: "Give a valid phone number (5–20 digits; +, - and spaces allowed).")
    static let errorThinkTankEmail = TextKey("errorThinkTankEmail", zh: "电子邮箱格式不正确。", en: "The e-mail address is not valid.")
    static func errorThinkTankUnknownField(_ p0: some TextArgument) -> TextKey {
        TextKey("errorThinkTankUnknownField", zh: "“\(p0.text(in: .zhHans))”不是专业领域分类中的领域。", en: "“\(p0.text(in: .en))” is not a field of the classification.")
    }
    static let errorThinkTankNoField = TextKey("errorThinkTankNoField", zh: "请至少选择一个专业领域。", en: "Choose at least one field.")
    static func errorThinkTankRegion(_ p0: some TextArgument) -> TextKey {
        TextKey("errorThinkTankRegion", zh: "“\(p0.text(in: .zhHans))”不是本库所在地区或其下级地区的财政部门。",
                en: "“\(p0.text(in: .en))” is not the finance bureau of the library's area or of an area below it.")
    }
    static let errorThinkTankRelationKind = TextKey("errorThinkTankRelationKind", zh: "关系类型须为“利害关系”（relation）或“有偿服务”（paid_work，须填年度）。",
                                                    en: "A relation is either “relation” or “paid_work” (with its year).")
    static let errorThinkTankRelationYear = TextKey("errorThinkTankRelationYear", zh: "有偿服务须填写年度（2000–2100）。", en: "Paid work needs its year (2000–2100).")
    static func errorThinkTankDuplicateExpert(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorThinkTankDuplicateExpert", zh: "该身份证号已在本专家库登记（\(p0.text(in: .zhHans))，\(p1.text(in: .zhHans))），不能重复登记。",
                en: "This ID number is already registered in the library (\(p0.text(in: .en)), \(p1.text(in: .en))).")
    }
    static func errorThinkTankDuplicateAgency(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorThinkTankDuplicateAgency", zh: "该统一社会信用代码已在本机构库登记（\(p0.text(in: .zhHans))，\(p1.text(in: .zhHans))），不能重复登记。",
                en: "This credit code is already registered in the library (\(p0.text(in: .en)), \(p1.text(in: .en))).")
    }
    static let errorThinkTankConflict = TextKey("errorThinkTankConflict", zh: "该记录已被他人修改，您的操作未保存。请刷新后再操作。",
                                                en: "Someone else changed this record first; nothing was saved. Reload and try again.")
    static func errorThinkTankMove(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorThinkTankMove", zh: "处于“\(p1.text(in: .zhHans))”状态时不能“\(p0.text(in: .zhHans))”。",
                en: "“\(p0.text(in: .en))” is not possible while the status is “\(p1.text(in: .en))”.")
    }
    static let errorThinkTankReason = TextKey("errorThinkTankReason", zh: "请填写理由：状态变更须记录原因。", en: "Give the reason: every change of status records why.")
    static let errorThinkTankPersonalData = TextKey("errorThinkTankPersonalData", zh: "专家的个人信息（身份证号、联系方式）只向专家库的管理人员提供。",
                                                    en: "Experts' personal data (ID number, contact) is shown only to those who manage the library.")
    static let errorThinkTankAgencyType = TextKey("errorThinkTankAgencyType", zh: "机构类型须为会计师事务所、资产评估机构或咨询机构。",
                                                  en: "The agency type is an accounting firm, an asset appraiser or a consultancy.")
    static let errorThinkTankCreditCode = TextKey("errorThinkTankCreditCode", zh: "统一社会信用代码无效：须为 18 位且校验位正确。",
                                                  en: "The unified social credit code is not valid: 18 characters with a correct check character.")
    static let errorThinkTankLevels = TextKey("errorThinkTankLevels", zh: "请选择机构入库的层级（中央、省、市、县），每级一次。",
                                              en: "Choose the levels the agency is admitted at (central, province, city, county), each once.")
    static func errorThinkTankAgencyOrganization(_ p0: some TextArgument) -> TextKey {
        TextKey("errorThinkTankAgencyOrganization", zh: "入库须关联本地区的中介机构组织（代码“\(p0.text(in: .zhHans))”未找到）。中介机构组织由系统管理员创建，其用户即机构的评价人员。",
                en: "Admission links an agency organisation of the area (code “\(p0.text(in: .en))” not found). The administrator creates agency organisations; their users are its evaluators.")
    }
    static func errorThinkTankAgencyOrganizationTaken(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorThinkTankAgencyOrganizationTaken", zh: "组织 \(p0.text(in: .zhHans)) 已关联机构库中的“\(p1.text(in: .zhHans))”。",
                en: "Organisation \(p0.text(in: .en)) is already linked to “\(p1.text(in: .en))” in the library.")
    }
    static let errorThinkTankSupervisorCategory = TextKey("errorThinkTankSupervisorCategory", zh: "请选择监督指导人员类别。", en: "Choose the supervisor's category.")
    static func errorThinkTankSupervisorAccount(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorThinkTankSupervisorAccount", zh: "账号“\(p0.text(in: .zhHans))”不是\(p1.text(in: .zhHans))的有效监督指导账号。",
                en: "“\(p0.text(in: .en))” is not an active supervisor account of \(p1.text(in: .en)).")
    }
    static let errorThinkTankCloseDate = TextKey("errorThinkTankCloseDate", zh: "截止日期须为今天或以后的日期，格式如 2027-03-31。",
                                                 en: "The closing date is today or later, written as 2027-03-31.")
    static let errorThinkTankDrawCount = TextKey("errorThinkTankDrawCount", zh: "每个领域抽取 0–20 人。", en: "Draw 0–20 people per field.")
    static let errorThinkTankDrawFieldTwice = TextKey("errorThinkTankDrawFieldTwice", zh: "同一领域只能填写一行。", en: "Each field appears once.")
    static let errorThinkTankDrawAgencies = TextKey("errorThinkTankDrawAgencies", zh: "一次评价只委托一家机构（0 或 1）。", en: "An evaluation is entrusted to one agency (0 or 1).")
    static let errorThinkTankDrawNothing = TextKey("errorThinkTankDrawNothing", zh: "请填写要抽取的专家人数或机构。", en: "Say how many experts or whether an agency is to be drawn.")
    static let errorThinkTankDrawAgencyNotEntrusting = TextKey("errorThinkTankDrawAgencyNotEntrusting", zh: "评价方案的评价主体不是委托第三方机构，不能抽取机构。请先在方案中选择“委托第三方机构”。",
                                                               en: "The plan does not entrust the evaluation to an agency; choose that evaluator in the plan first.")
    static let errorThinkTankDrawAgencyChosen = TextKey("errorThinkTankDrawAgencyChosen", zh: "本次评价已有受托机构，不能再抽取机构。", en: "The evaluation already has its entrusted agency.")
    static func errorThinkTankDrawShort(_ p0: some TextArgument) -> TextKey {
        TextKey("errorThinkTankDrawShort", zh: "无回避冲突的候选不足，尚缺 \(p0.text(in: .zhHans)) 人（家），本次未抽取，评价组未变。",
                en: "Not enough candidates without a conflict: \(p0.text(in: .en)) missing. Nothing was drawn; the team is unchanged.")
    }
    static func errorThinkTankDrawFieldShort(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument, _ p3: some TextArgument) -> TextKey {
        TextKey("errorThinkTankDrawFieldShort", zh: "\(p0.text(in: .zhHans))：缺 \(p1.text(in: .zhHans))；符合领域条件 \(p2.text(in: .zhHans))，回避原因：\(p3.text(in: .zhHans))",
                en: "\(p0.text(in: .en)): \(p1.text(in: .en)) missing; \(p2.text(in: .en)) qualified in the field; skipped for: \(p3.text(in: .en))")
    }
    static let errorThinkTankExpertAccount = TextKey("errorThinkTankExpertAccount", zh: "抽中的专家没有有效账号，请在专家库中检查后重新抽取。",
                                                     en: "A drawn expert has no active account; check the library and draw again.")
    static let errorThinkTankManualReason = TextKey("errorThinkTankManualReason", zh: "人工指定或替换专家须填写理由。", en: "Adding or replacing an expert by hand needs a reason.")
    static let errorThinkTankUnknownExpert = TextKey("errorThinkTankUnknownExpert", zh: "所选专家不在本次评价可用的专家库中。", en: "The expert is not in a library this evaluation may use.")
    static func errorThinkTankNotAdmitted(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorThinkTankNotAdmitted", zh: "\(p0.text(in: .zhHans)) 当前为“\(p1.text(in: .zhHans))”，只能选用在库专家。",
                en: "\(p0.text(in: .en)) is “\(p1.text(in: .en))”; only experts in the library can be chosen.")
    }
    static let errorThinkTankNotOnTeam = TextKey("errorThinkTankNotOnTeam", zh: "被替换的专家不在本次评价组中。", en: "The expert to be replaced is not on this team.")
    static func errorThinkTankManualConflict(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorThinkTankManualConflict", zh: "\(p0.text(in: .zhHans)) 须回避：\(p1.text(in: .zhHans))。", en: "\(p0.text(in: .en)) has a conflict: \(p1.text(in: .en)).")
    }
    static let errorThinkTankRatingNotOrganiser = TextKey("errorThinkTankRatingNotOrganiser", zh: "只有组织本次评价的单位才能对专家和机构进行评价。",
                                                          en: "Only the organisation that ran the evaluation rates its experts and agency.")
    static let errorThinkTankRatingTooEarly = TextKey("errorThinkTankRatingTooEarly", zh: "评价报告提交后才能对专家和机构进行评价。",
                                                      en: "Experts and the agency are rated once the report is submitted.")
    static let errorThinkTankRatingReplaced = TextKey("errorThinkTankRatingReplaced", zh: "该专家已被替换，未参与本次评价。", en: "This expert was replaced and did not take part.")
    static let errorThinkTankRatingRange = TextKey("errorThinkTankRatingRange", zh: "态度、能力、廉洁各评 1–5 分。", en: "Rate attitude, ability and integrity 1–5 each.")
    static let errorThinkTankAlreadyRated = TextKey("errorThinkTankAlreadyRated", zh: "本次参与已评价，不能重复评价。", en: "This engagement has been rated already.")
    static let errorThinkTankNoProposal = TextKey("errorThinkTankNoProposal", zh: "动态管理规则目前没有对该对象提出处理建议。", en: "The rules propose nothing for this member now.")
    static let errorThinkTankReviewNotEntrusted = TextKey("errorThinkTankReviewNotEntrusted", zh: "该评价未委托第三方机构，无需评审报告质量。",
                                                          en: "This evaluation was not entrusted to an agency; there is no agency report to review.")
    static let errorThinkTankReviewTooEarly = TextKey("errorThinkTankReviewTooEarly", zh: "评价报告提交后才能评审其质量。", en: "A report is reviewed once it is submitted.")
    static let errorThinkTankReviewNoLibraryAgency = TextKey("errorThinkTankReviewNoLibraryAgency", zh: "受托机构不在本级或上级中介机构库中。",
                                                             en: "The entrusted agency is not in this bureau's or a higher bureau's library.")
    static func errorThinkTankReviewPublished(_ p0: some TextArgument) -> TextKey {
        TextKey("errorThinkTankReviewPublished", zh: "\(p0.text(in: .zhHans)) 年度的质量评审结果已通报，不能再修改。",
                en: "The quality results of \(p0.text(in: .en)) are published and no longer change.")
    }
    static func errorThinkTankNothingReviewed(_ p0: some TextArgument) -> TextKey {
        TextKey("errorThinkTankNothingReviewed", zh: "\(p0.text(in: .zhHans)) 年度尚无评审结果，无可通报。", en: "Nothing of \(p0.text(in: .en)) has been reviewed yet.")
    }
    static func errorThinkTankReviewMissing(_ p0: some TextArgument) -> TextKey {
        TextKey("errorThinkTankReviewMissing", zh: "请为“\(p0.text(in: .zhHans))”打分。", en: "Score “\(p0.text(in: .en))”.")
    }
    static func errorThinkTankReviewDuplicate(_ p0: some TextArgument) -> TextKey {
        TextKey("errorThinkTankReviewDuplicate", zh: "“\(p0.text(in: .zhHans))”出现了两次。", en: "“\(p0.text(in: .en))” appears twice.")
    }
    static func errorThinkTankReviewRange(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorThinkTankReviewRange", zh: "“\(p0.text(in: .zhHans))”的得分须在 0–\(p1.text(in: .zhHans)) 之间（整数）。",
                en: "“\(p0.text(in: .en))” takes 0–\(p1.text(in: .en)) points (whole numbers).")
    }
    static func errorThinkTankReviewFinding(_ p0: some TextArgument) -> TextKey {
        TextKey("errorThinkTankReviewFinding", zh: "“\(p0.text(in: .zhHans))”有扣分，请写明发现的问题。", en: "“\(p0.text(in: .en))” lost points: write down what was found.")
    }
}

extension TextKey {
    static func errorThinkTankImportTwice(_ p0: some TextArgument) -> TextKey {
        TextKey("errorThinkTankImportTwice", zh: "该身份证号与第 \(p0.text(in: .zhHans)) 行重复。", en: "The same ID number as line \(p0.text(in: .en)).")
    }
    static func errorThinkTankImportRows(_ p0: some TextArgument) -> TextKey {
        TextKey("errorThinkTankImportRows", zh: "有 \(p0.text(in: .zhHans)) 处错误，未导入任何专家：", en: "\(p0.text(in: .en)) problems found; no expert was imported:")
    }
    static let errorThinkTankAlreadyApplied = TextKey("errorThinkTankAlreadyApplied", zh: "该证件号码已登记，不能重复申请。如需更新信息，请联系发布公告的财政部门。",
                                                      en: "This number is registered already; apply only once. To update your details, contact the bureau that published the call.")
    static func errorThinkTankTooManyApplications(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorThinkTankTooManyApplications", zh: "同一网络地址 \(p1.text(in: .zhHans)) 小时内最多提交 \(p0.text(in: .zhHans)) 份申请，请稍后再试。",
                en: "At most \(p0.text(in: .en)) applications from one address in \(p1.text(in: .en)) hours; try again later.")
    }
    static let errorThinkTankUnknownMove = TextKey("errorThinkTankUnknownMove", zh: "操作须为 admit、reject、suspend、restore 或 withdraw。",
                                                   en: "The move is admit, reject, suspend, restore or withdraw.")
    static func errorThinkTankSupervisorAccountTaken(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorThinkTankSupervisorAccountTaken", zh: "账号“\(p0.text(in: .zhHans))”已用于监督指导人员 \(p1.text(in: .zhHans))，一个账号只对应一人。",
                en: "Account “\(p0.text(in: .en))” already belongs to supervisor \(p1.text(in: .en)); one account is one person.")
    }
    static func errorThinkTankAgencyNotEntrustable(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorThinkTankAgencyNotEntrustable", zh: "\(p0.text(in: .zhHans)) 在中介机构库中为“\(p1.text(in: .zhHans))”，不能委托。",
                en: "\(p0.text(in: .en)) is “\(p1.text(in: .en))” in the agency library and cannot be entrusted.")
    }
    static let errorThinkTankAgencyDrawn = TextKey("errorThinkTankAgencyDrawn", zh: "受托机构已由随机抽取确定，不能在方案中更换；如确需更换，请退回重新抽取并记录原因。",
                                                   en: "The entrusted agency was drawn and is not swapped in the plan; to change it, draw again with the reason recorded.")
    static let errorThinkTankNotInLibrary = TextKey("errorThinkTankNotInLibrary", zh: "专家须从智库随机抽取，或在“评价组抽取与评价”页选用在库专家并说明理由。",
                                                    en: "Experts come from the think tanks: drawn, or chosen from the library with a reason on the team draws page.")
    static func errorThinkTankEngagedBefore(_ p0: some TextArgument) -> TextKey {
        TextKey("errorThinkTankEngagedBefore", zh: "\(p0.text(in: .zhHans)) 曾在本次评价组中并已移出或被替换，不能再次加入。",
                en: "\(p0.text(in: .en)) was on this team and left or was replaced; they do not join again.")
    }
    static let errorThinkTankUnknownStatus = TextKey("errorThinkTankUnknownStatus", zh: "状态须为 candidate、admitted、suspended 或 withdrawn。",
                                                     en: "The status is candidate, admitted, suspended or withdrawn.")
    static func errorThinkTankAmbiguousName(_ p0: some TextArgument) -> TextKey {
        TextKey("errorThinkTankAmbiguousName", zh: "名为“\(p0.text(in: .zhHans))”的单位不止一个，请填写单位代码。",
                en: "More than one organisation is named “\(p0.text(in: .en))”; give its code.")
    }
    static let errorThinkTankReviewOtherBureau = TextKey("errorThinkTankReviewOtherBureau", zh: "该报告的质量评审由另一财政部门作出，只能由其修改。",
                                                         en: "Another bureau reviewed this report; only it revises the review.")
    static let errorThinkTankNothingToUpdate = TextKey("errorThinkTankNothingToUpdate", zh: "请填写工作单位代码或要新增的利害关系。",
                                                       en: "Give the employer's code or a relation to add.")
}
