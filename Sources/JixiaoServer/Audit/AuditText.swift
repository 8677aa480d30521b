/// Texts of 审计日志 — the audit trail, in Simplified Chinese and English side by side.
/// `{0}`, `{1}` … are the arguments a caller passes, in order.
extension TextKey {
    static let navAudit = TextKey("navAudit", zh: "审计日志",
                             en: "Audit trail")
    static let fieldEntity = TextKey("fieldEntity", zh: "对象",
                             en: "Object")
    static let fieldEntityID = TextKey("fieldEntityID", zh: "对象标识",
                             en: "Object id")
    static let fieldFrom = TextKey("fieldFrom", zh: "起始日期",
                             en: "From")
    static let fieldTo = TextKey("fieldTo", zh: "截止日期",
                             en: "To")
    static let fieldSummary = TextKey("fieldSummary", zh: "变更内容",
                             en: "Change")
    static let fieldRequest = TextKey("fieldRequest", zh: "请求 / 地址",
                             en: "Request / address")
    static let olderEntries = TextKey("olderEntries", zh: "更早的记录",
                             en: "Older entries")
    static let auditExplain = TextKey("auditExplain", zh: "所有新增、修改、删除及登录成功与失败都记录在此，记录前后相连（哈希链），任何篡改都可由 “jixiao audit verify” 发现。",
                             en: "Every create, update, delete and every sign-in success or failure is recorded here, hash-chained so that “jixiao audit verify” detects tampering.")
    static let adminAuditSummary = TextKey("adminAuditSummary", zh: "全部变更与登录记录，哈希链防篡改。",
                             en: "Every change and sign-in, hash-chained against tampering.")
    static let auditAuthSessionRejected = TextKey("auditAuthSessionRejected", zh: "会话被拒绝（伪造或过期）",
                             en: "Session refused (forged or expired)")
    static let auditAuthSignedOut = TextKey("auditAuthSignedOut", zh: "退出登录",
                             en: "Signed out")
    static let auditAuthSigninFailed = TextKey("auditAuthSigninFailed", zh: "登录失败",
                             en: "Sign-in failed")
    static let auditAuthSigninSucceeded = TextKey("auditAuthSigninSucceeded", zh: "登录成功",
                             en: "Signed in")
    static let auditAuthSigninThrottled = TextKey("auditAuthSigninThrottled", zh: "登录被限制（失败次数过多）",
                             en: "Sign-in throttled (too many failures)")
    static let auditAuthTokenCreated = TextKey("auditAuthTokenCreated", zh: "签发 API 令牌",
                             en: "API token issued")
    static let auditAuthTokenRevoked = TextKey("auditAuthTokenRevoked", zh: "吊销 API 令牌",
                             en: "API token revoked")
    static let auditAuthTokenRejected = TextKey("auditAuthTokenRejected", zh: "API 令牌被拒绝",
                             en: "API token refused")
    static let auditAuthCSRFRejected = TextKey("auditAuthCSRFRejected", zh: "表单校验令牌不符（疑似跨站请求）",
                             en: "Form token mismatch (possible cross-site request)")
    static let auditAccessRefused = TextKey("auditAccessRefused", zh: "越权或超范围访问被拒绝",
                             en: "Access refused (outside reach or not permitted)")
    static let auditBudgetObjectCreated = TextKey("auditBudgetObjectCreated", zh: "新建预算项目",
                             en: "Budget object created")
    static let auditGoalSaved = TextKey("auditGoalSaved", zh: "保存绩效目标",
                             en: "Goal saved")
    static let auditGoalImported = TextKey("auditGoalImported", zh: "导入绩效目标",
                             en: "Goals imported")
    static let auditGoalGenerated = TextKey("auditGoalGenerated", zh: "生成演示/测试目标",
                             en: "Goals generated")
    static func auditGoalAction(_ p0: some TextArgument) -> TextKey {
        TextKey("auditGoalAction", zh: "绩效目标：\(p0.text(in: .zhHans))",
                en: "Goal: \(p0.text(in: .en))")
    }
    static let auditLibraryCreated = TextKey("auditLibraryCreated", zh: "新增指标库条目",
                             en: "Library entry created")
    static let auditOrganizationCreated = TextKey("auditOrganizationCreated", zh: "新增机构",
                             en: "Organization created")
    static let auditOrganizationUpdated = TextKey("auditOrganizationUpdated", zh: "修改机构",
                             en: "Organization changed")
    static let auditOrganizationMoved = TextKey("auditOrganizationMoved", zh: "调整机构隶属",
                             en: "Organization moved")
    static let auditOrganizationDeactivated = TextKey("auditOrganizationDeactivated", zh: "停用机构",
                             en: "Organization deactivated")
    static let auditOrganizationReactivated = TextKey("auditOrganizationReactivated", zh: "启用机构",
                             en: "Organization reactivated")
    static let auditOrganizationImported = TextKey("auditOrganizationImported", zh: "导入机构清单",
                             en: "Organizations imported")
    static let auditOrganizationGenerated = TextKey("auditOrganizationGenerated", zh: "生成机构（规模测试）",
                             en: "Organizations generated")
    static let auditUserCreated = TextKey("auditUserCreated", zh: "新增用户",
                             en: "User created")
    static let auditUserUpdated = TextKey("auditUserUpdated", zh: "修改用户",
                             en: "User changed")
    static let auditUserDeactivated = TextKey("auditUserDeactivated", zh: "停用用户",
                             en: "User deactivated")
    static let auditUserReactivated = TextKey("auditUserReactivated", zh: "启用用户",
                             en: "User reactivated")
    static let auditUserPasswordChanged = TextKey("auditUserPasswordChanged", zh: "本人修改密码",
                             en: "Own password changed")
    static let auditUserPasswordReset = TextKey("auditUserPasswordReset", zh: "管理员重置密码",
                             en: "Password reset by an administrator")
    static let auditCredentialsRevoked = TextKey("auditCredentialsRevoked", zh: "强制下线并吊销令牌",
                             en: "Sessions ended and tokens revoked")
    static let auditExportCSV = TextKey("auditExportCSV", zh: "导出 CSV（原始值）",
                             en: "Export CSV (canonical values)")
}
