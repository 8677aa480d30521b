/// Texts of the page layout, navigation, forms and errors that every capability shares, in Simplified Chinese and English side by side.
/// `{0}`, `{1}` … are the arguments a caller passes, in order.
extension TextKey {
    static let appName = TextKey("appName", zh: "绩效",
                             en: "Jixiao")
    static let appSubtitle = TextKey("appSubtitle", zh: "预算绩效管理信息系统",
                             en: "Budget performance management")
    static let skipToContent = TextKey("skipToContent", zh: "跳到正文",
                             en: "Skip to content")
    static let footerLoop = TextKey("footerLoop", zh: "预算编制有目标 · 预算执行有监控 · 预算完成有评价 · 评价结果有反馈 · 反馈结果有应用",
                             en: "Goals when budgeting · monitoring during execution · evaluation at completion · feedback of results · use of feedback")
    static let navLabel = TextKey("navLabel", zh: "主导航",
                             en: "Main navigation")
    static let navGoals = TextKey("navGoals", zh: "目标管理",
                             en: "Goal management")
    static let navMonitoring = TextKey("navMonitoring", zh: "运行监控",
                             en: "Monitoring")
    static let navEvaluation = TextKey("navEvaluation", zh: "绩效评价",
                             en: "Evaluation")
    static let navResults = TextKey("navResults", zh: "结果应用",
                             en: "Use of results")
    static let navThinkTank = TextKey("navThinkTank", zh: "智库",
                             en: "Think tanks")
    static let navAnalytics = TextKey("navAnalytics", zh: "统计分析",
                             en: "Analytics")
    static let navAdmin = TextKey("navAdmin", zh: "系统管理",
                             en: "Administration")
    static let navUsers = TextKey("navUsers", zh: "用户管理",
                             en: "Users")
    static let sectionGoalsSummary = TextKey("sectionGoalsSummary", zh: "绩效目标申报、审核、批复与调整，指标库。",
                             en: "Declaring, reviewing, releasing and adjusting performance goals; the indicator library.")
    static let sectionMonitoringSummary = TextKey("sectionMonitoringSummary", zh: "预算执行与绩效目标实现程度的“双监控”，偏差预警与纠偏。",
                             en: "Monitoring of fund execution and goal completion; deviation warnings and corrections.")
    static let sectionEvaluationSummary = TextKey("sectionEvaluationSummary", zh: "单位自评、部门评价、财政重点评价与再评价。",
                             en: "Self-evaluation, department evaluation, key evaluations by the finance bureau and re-evaluation.")
    static let sectionResultsSummary = TextKey("sectionResultsSummary", zh: "评价结果反馈、整改跟踪、与预算安排挂钩及信息公开。",
                             en: "Feedback of results, rectification, budget linkage and disclosure.")
    static let sectionThinkTankSummary = TextKey("sectionThinkTankSummary", zh: "专家学者库、中介机构库、监督指导库。",
                             en: "Libraries of experts, agencies and supervisors.")
    static let sectionAnalyticsSummary = TextKey("sectionAnalyticsSummary", zh: "覆盖面、排名与综合评价的统计分析。",
                             en: "Coverage, rankings and comprehensive evaluations.")
    static let sectionAdminSummary = TextKey("sectionAdminSummary", zh: "组织机构、用户与角色、审计日志。",
                             en: "Organizations, users and roles, audit trail.")
    static let notYetAvailable = TextKey("notYetAvailable", zh: "本模块尚未开放，正在建设中。",
                             en: "This section is not available yet; it is being built.")
    static let homeTitle = TextKey("homeTitle", zh: "工作台",
                             en: "Workbench")
    static func homeWelcome(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("homeWelcome", zh: "\(p0.text(in: .zhHans))，您好。您所在的机构：\(p1.text(in: .zhHans))。",
                en: "Hello, \(p0.text(in: .en)). Your organization: \(p1.text(in: .en)).")
    }
    static let homeRoles = TextKey("homeRoles", zh: "您的角色：",
                             en: "Your roles: ")
    static let homeLoop = TextKey("homeLoop", zh: "预算绩效管理闭环",
                             en: "The performance management loop")
    static let loopGoals = TextKey("loopGoals", zh: "预算编制有目标",
                             en: "Goals when the budget is prepared")
    static let loopMonitoring = TextKey("loopMonitoring", zh: "预算执行有监控",
                             en: "Monitoring while it is spent")
    static let loopEvaluation = TextKey("loopEvaluation", zh: "预算完成有评价",
                             en: "Evaluation when it is done")
    static let loopFeedback = TextKey("loopFeedback", zh: "评价结果有反馈",
                             en: "Feedback of evaluation results")
    static let loopUse = TextKey("loopUse", zh: "反馈结果有应用",
                             en: "Use of the feedback")
    static let signIn = TextKey("signIn", zh: "登录",
                             en: "Sign in")
    static let signOut = TextKey("signOut", zh: "退出",
                             en: "Sign out")
    static let changePassword = TextKey("changePassword", zh: "修改密码",
                             en: "Change password")
    static let fieldUsername = TextKey("fieldUsername", zh: "用户名",
                             en: "Username")
    static let fieldOrganization = TextKey("fieldOrganization", zh: "所属机构",
                             en: "Organization")
    static let fieldOrganizationCode = TextKey("fieldOrganizationCode", zh: "所属机构编码",
                             en: "Organization code")
    static let fieldStatus = TextKey("fieldStatus", zh: "状态",
                             en: "Status")
    static let fieldCode = TextKey("fieldCode", zh: "编码",
                             en: "Code")
    static let fieldAction = TextKey("fieldAction", zh: "操作",
                             en: "Action")
    static let fieldActor = TextKey("fieldActor", zh: "操作人",
                             en: "Actor")
    static let fieldTime = TextKey("fieldTime", zh: "时间（北京时间）",
                             en: "Time (Beijing)")
    static let mustChangePassword = TextKey("mustChangePassword", zh: "须修改密码",
                             en: "Must change password")
    static let passwordChanged = TextKey("passwordChanged", zh: "密码已修改。",
                             en: "Your password has been changed.")
    static let save = TextKey("save", zh: "保存",
                             en: "Save")
    static let create = TextKey("create", zh: "创建",
                             en: "Create")
    static let created = TextKey("created", zh: "已创建。",
                             en: "Created.")
    static let saved = TextKey("saved", zh: "已保存。",
                             en: "Saved.")
    static let moved = TextKey("moved", zh: "已调整上级机构。",
                             en: "Moved.")
    static let search = TextKey("search", zh: "查询",
                             en: "Search")
    static let filter = TextKey("filter", zh: "筛选",
                             en: "Filter")
    static let allKinds = TextKey("allKinds", zh: "全部类型",
                             en: "All kinds")
    static let breadcrumb = TextKey("breadcrumb", zh: "所在位置",
                             en: "You are here")
    static let deactivate = TextKey("deactivate", zh: "停用",
                             en: "Deactivate")
    static let reactivate = TextKey("reactivate", zh: "启用",
                             en: "Reactivate")
    static let active = TextKey("active", zh: "启用",
                             en: "Active")
    static let inactive = TextKey("inactive", zh: "已停用",
                             en: "Inactive")
    static let none = TextKey("none", zh: "无",
                             en: "None")
    static let no = TextKey("no", zh: "否",
                             en: "No")
    static func formHasErrors(_ p0: some TextArgument) -> TextKey {
        TextKey("formHasErrors", zh: "有 \(p0.text(in: .zhHans)) 处需要修改，请查看标红的字段。",
                en: "\(p0.text(in: .en)) fields need attention; see the marked fields.")
    }
    static let importAction = TextKey("importAction", zh: "导入",
                             en: "Import")
    static func moreErrors(_ p0: some TextArgument) -> TextKey {
        TextKey("moreErrors", zh: "另有 \(p0.text(in: .zhHans)) 处错误未列出。",
                en: "\(p0.text(in: .en)) more errors not listed.")
    }
    static let backHome = TextKey("backHome", zh: "返回工作台",
                             en: "Back to the workbench")
    static let roleAdministrator = TextKey("roleAdministrator", zh: "系统管理员",
                             en: "Administrator")
    static let rolePerformanceOfficer = TextKey("rolePerformanceOfficer", zh: "财政绩效管理人员",
                             en: "Finance performance officer")
    static let roleBudgetOfficer = TextKey("roleBudgetOfficer", zh: "财政业务处室人员",
                             en: "Finance budget officer")
    static let roleDepartmentOfficer = TextKey("roleDepartmentOfficer", zh: "部门绩效管理员",
                             en: "Department officer")
    static let roleUnitOfficer = TextKey("roleUnitOfficer", zh: "单位填报人",
                             en: "Unit officer")
    static let roleAgencyEvaluator = TextKey("roleAgencyEvaluator", zh: "第三方机构评价人员",
                             en: "Agency evaluator")
    static let roleExpert = TextKey("roleExpert", zh: "专家",
                             en: "Expert")
    static let roleSupervisor = TextKey("roleSupervisor", zh: "监督指导（只读）",
                             en: "Supervisor (read-only)")
    static let errorNotFoundTitle = TextKey("errorNotFoundTitle", zh: "未找到",
                             en: "Not found")
    static let errorForbiddenTitle = TextKey("errorForbiddenTitle", zh: "无权操作",
                             en: "Not permitted")
    static let errorInternalTitle = TextKey("errorInternalTitle", zh: "系统错误",
                             en: "System error")
    static let errorGenericTitle = TextKey("errorGenericTitle", zh: "请求有误",
                             en: "Request problem")
    static let errorNotFound = TextKey("errorNotFound", zh: "未找到该页面或对象，或者它不在您的权限范围内。",
                             en: "The page or object does not exist or is outside your reach.")
    static let errorForbidden = TextKey("errorForbidden", zh: "您的角色不能执行此操作。",
                             en: "Your role does not permit this.")
    static let errorUnauthenticated = TextKey("errorUnauthenticated", zh: "请先登录。",
                             en: "Please sign in.")
    static func errorBadRequest(_ p0: some TextArgument) -> TextKey {
        TextKey("errorBadRequest", zh: "请求格式不正确：\(p0.text(in: .zhHans))",
                en: "Malformed request: \(p0.text(in: .en))")
    }
    static let errorInvalidInput = TextKey("errorInvalidInput", zh: "输入有误。",
                             en: "Invalid input.")
    static func errorInternal(_ p0: some TextArgument) -> TextKey {
        TextKey("errorInternal", zh: "系统内部错误，请将请求编号 \(p0.text(in: .zhHans)) 告知管理员。",
                en: "Internal error; give your administrator the request id \(p0.text(in: .en)).")
    }
    static func errorTooLarge(_ p0: some TextArgument) -> TextKey {
        TextKey("errorTooLarge", zh: "文件过大，上限为 \(p0.text(in: .zhHans)) MB。",
                en: "The file is too large; the limit is \(p0.text(in: .en)) MB.")
    }
    static let errorNotUTF8 = TextKey("errorNotUTF8", zh: "文件不是 UTF-8 编码（可能是 GBK）。请在 Excel 中“另存为 CSV UTF-8”后再上传。",
                             en: "The file is not UTF-8 (perhaps GBK). Save it as “CSV UTF-8” and upload again.")
    static let errorCSVEmpty = TextKey("errorCSVEmpty", zh: "文件为空或只有表头。",
                             en: "The file is empty or has only a header.")
    static func errorCSVMissingColumns(_ p0: some TextArgument) -> TextKey {
        TextKey("errorCSVMissingColumns", zh: "缺少必需的列：\(p0.text(in: .zhHans))",
                en: "Required columns missing: \(p0.text(in: .en))")
    }
    static func errorCSVUnterminatedQuote(_ p0: some TextArgument) -> TextKey {
        TextKey("errorCSVUnterminatedQuote", zh: "第 \(p0.text(in: .zhHans)) 行开始的引号没有闭合。",
                en: "The quote opened on line \(p0.text(in: .en)) is never closed.")
    }
    static let errorRequired = TextKey("errorRequired", zh: "必填。",
                             en: "Required.")
    static let errorInvalidCode = TextKey("errorInvalidCode", zh: "编码只能包含字母、数字、“-”、“_”、“.”。",
                             en: "A code may contain only letters, digits, “-”, “_”, “.”.")
    static func errorCodeTaken(_ p0: some TextArgument) -> TextKey {
        TextKey("errorCodeTaken", zh: "编码“\(p0.text(in: .zhHans))”已被使用。",
                en: "The code “\(p0.text(in: .en))” is already used.")
    }
    static func errorUnknownOrganization(_ p0: some TextArgument) -> TextKey {
        TextKey("errorUnknownOrganization", zh: "找不到编码为“\(p0.text(in: .zhHans))”的机构（或不在您的权限范围内）。",
                en: "No organization with code “\(p0.text(in: .en))” (or it is outside your reach).")
    }
    static func errorUsernameTaken(_ p0: some TextArgument) -> TextKey {
        TextKey("errorUsernameTaken", zh: "用户名“\(p0.text(in: .zhHans))”已被使用。",
                en: "The username “\(p0.text(in: .en))” is taken.")
    }
    static let errorRemoveOwnAdmin = TextKey("errorRemoveOwnAdmin", zh: "不能取消自己的系统管理员角色。",
                             en: "You cannot remove your own administrator role.")
    static let errorBusy = TextKey("errorBusy", zh: "系统正忙（同时登录的人太多），请稍后再试。",
                             en: "The system is busy (too many sign-ins at once); please try again in a moment.")
    static let errorDatabaseBusy = TextKey("errorDatabaseBusy", zh: "系统正忙：数据库正在处理其他工作（例如保存一项较大的导入），本次操作未保存，请稍后重试。",
                             en: "The system is busy: the database is handling other work (saving a large import, for example). Nothing was saved; please try again in a moment.")
    static let roleSecurityOfficer = TextKey("roleSecurityOfficer", zh: "安全管理员",
                             en: "Security officer")
    static let roleAuditOfficer = TextKey("roleAuditOfficer", zh: "审计管理员",
                             en: "Audit officer")
    static let errorUnavailable = TextKey("errorUnavailable", zh: "该名称或编码不可使用，请换一个。",
                             en: "This name or code cannot be used; please choose another.")
    static let errorGBKUnreadable = TextKey("errorGBKUnreadable", zh: "文件是 GBK/GB18030 编码，本系统无法转换。请在 Excel 中“另存为 CSV UTF-8”后再上传。",
                             en: "The file is encoded in GBK/GB18030, which cannot be converted here. Save it as “CSV UTF-8” in Excel and upload again.")
    static func errorNotUTF8AtLine(_ p0: some TextArgument) -> TextKey {
        TextKey("errorNotUTF8AtLine", zh: "文件第 \(p0.text(in: .zhHans)) 行起既不是 UTF-8 也不是 GBK 编码。请在 Excel 中“另存为 CSV UTF-8”后再上传。",
                en: "From line \(p0.text(in: .en)) on, the file is neither UTF-8 nor GBK. Save it as “CSV UTF-8” in Excel and upload again.")
    }
    static func errorInvalidUTF16(_ p0: some TextArgument) -> TextKey {
        TextKey("errorInvalidUTF16", zh: "文件标为 UTF-16（Unicode 文本），但在第 \(p0.text(in: .zhHans)) 字节处损坏。请另存为 CSV UTF-8 后再上传。",
                en: "The file is marked as UTF-16 (Unicode text) but is broken at byte \(p0.text(in: .en)). Save it as CSV UTF-8 and upload again.")
    }
    static func errorForbiddenCharacter(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorForbiddenCharacter", zh: "第 \(p0.text(in: .zhHans)) 个字符（U+\(p1.text(in: .zhHans))）是不可见的控制字符或非字符，不能保存，请删去。",
                en: "Character \(p0.text(in: .en)) (U+\(p1.text(in: .en))) is an invisible control character or noncharacter and cannot be saved; remove it.")
    }
    static func errorTooMany(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorTooMany", zh: "最多 \(p0.text(in: .zhHans)) 项，现有 \(p1.text(in: .zhHans)) 项。",
                en: "At most \(p0.text(in: .en)) entries; this has \(p1.text(in: .en)).")
    }
    static func errorInputRefused(_ p0: some TextArgument) -> TextKey {
        TextKey("errorInputRefused", zh: "有 \(p0.text(in: .zhHans)) 处内容无法保存，未作任何修改：",
                en: "\(p0.text(in: .en)) entries cannot be saved; nothing was changed:")
    }
    static func inputLocationRow(_ p0: some TextArgument) -> TextKey {
        TextKey("inputLocationRow", zh: "第 \(p0.text(in: .zhHans)) 行指标",
                en: "indicator row \(p0.text(in: .en))")
    }
    static func inputLocationRegion(_ p0: some TextArgument) -> TextKey {
        TextKey("inputLocationRegion", zh: "第 \(p0.text(in: .zhHans)) 个区域",
                en: "region \(p0.text(in: .en))")
    }
    static func inputLocationRegionRow(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("inputLocationRegionRow", zh: "第 \(p0.text(in: .zhHans)) 个区域第 \(p1.text(in: .zhHans)) 行指标",
                en: "region \(p0.text(in: .en)), indicator row \(p1.text(in: .en))")
    }
    static func errorTextTooLong(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorTextTooLong", zh: "最多 \(p0.text(in: .zhHans)) 个字符，现有 \(p1.text(in: .zhHans)) 个。",
                en: "At most \(p0.text(in: .en)) characters; this has \(p1.text(in: .en)).")
    }
    static func errorUnknownValue(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorUnknownValue", zh: "“\(p0.text(in: .zhHans))”不是可选的值，可选：\(p1.text(in: .zhHans))。",
                en: "“\(p0.text(in: .en))” is not one of the values allowed: \(p1.text(in: .en)).")
    }
    static func errorNotAnInteger(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorNotAnInteger", zh: "参数 \(p0.text(in: .zhHans)) 应为整数（收到“\(p1.text(in: .zhHans))”）。",
                en: "Parameter \(p0.text(in: .en)) must be a whole number (got “\(p1.text(in: .en))”).")
    }
    static let categoryOutput = TextKey("categoryOutput", zh: "产出指标",
                             en: "Output")
    static let categoryEffect = TextKey("categoryEffect", zh: "效益指标",
                             en: "Effect")
    static let categorySatisfaction = TextKey("categorySatisfaction", zh: "满意度指标",
                             en: "Satisfaction")
    static let categoryCost = TextKey("categoryCost", zh: "成本指标",
                             en: "Cost")
    static let firstStepsNewOrgLink = TextKey("firstStepsNewOrgLink", zh: "新增机构",
                             en: "Add an organization")
    static let firstStepsNewUserLink = TextKey("firstStepsNewUserLink", zh: "新增用户",
                             en: "Add a user")
    static func pagerShowing(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument) -> TextKey {
        TextKey("pagerShowing", zh: "第 \(p0.text(in: .zhHans))–\(p1.text(in: .zhHans)) 条，共 \(p2.text(in: .zhHans)) 条",
                en: "\(p0.text(in: .en))–\(p1.text(in: .en)) of \(p2.text(in: .en))")
    }
    static let pagerPrevious = TextKey("pagerPrevious", zh: "上一页",
                             en: "Previous")
    static let pagerNext = TextKey("pagerNext", zh: "下一页",
                             en: "Next")
    static let pagerLabel = TextKey("pagerLabel", zh: "分页",
                             en: "Pages")
    static let workbenchTitle = TextKey("workbenchTitle", zh: "等待您处理",
                             en: "Waiting for you")
    static let workbenchEmpty = TextKey("workbenchEmpty", zh: "目前没有等待您处理的事项。",
                             en: "Nothing is waiting for you at the moment.")
    static let workbenchKindAction = TextKey("workbenchKindAction", zh: "待办",
                             en: "To do")
    static let workbenchKindSetup = TextKey("workbenchKindSetup", zh: "首次使用",
                             en: "First steps")
    static let workbenchKindInformation = TextKey("workbenchKindInformation", zh: "提示",
                             en: "For information")
}
