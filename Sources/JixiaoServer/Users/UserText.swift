/// Texts of 用户 — accounts and roles, in Simplified Chinese and English side by side.
/// `{0}`, `{1}` … are the arguments a caller passes, in order.
extension TextKey {
    static let fieldDisplayName = TextKey("fieldDisplayName", zh: "姓名",
                             en: "Name")
    static let fieldRoles = TextKey("fieldRoles", zh: "角色",
                             en: "Roles")
    static let fieldInitialPassword = TextKey("fieldInitialPassword", zh: "初始密码（可留空）",
                             en: "Initial password (optional)")
    static let searchUsers = TextKey("searchUsers", zh: "按用户名或姓名查询",
                             en: "Search by username or name")
    static let yes = TextKey("yes", zh: "是",
                             en: "Yes")
    static let newUser = TextKey("newUser", zh: "新增用户",
                             en: "New user")
    static let editUser = TextKey("editUser", zh: "修改用户",
                             en: "Edit user")
    static func usersUnder(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("usersUnder", zh: "\(p0.text(in: .zhHans)) 及下级机构共有 \(p1.text(in: .zhHans)) 个用户。",
                en: "\(p1.text(in: .en)) users in \(p0.text(in: .en)) and below.")
    }
    static let usernameHint = TextKey("usernameHint", zh: "3–64 位小写字母、数字、“-”、“_”、“.”。",
                             en: "3–64 lowercase letters, digits, “-”, “_”, “.”.")
    static let initialPasswordHint = TextKey("initialPasswordHint", zh: "留空则由系统生成一次性密码，首次登录须修改。",
                             en: "Leave empty to generate a one-time password that must be changed at first sign-in.")
    static func oneTimePasswordShown(_ p0: some TextArgument) -> TextKey {
        TextKey("oneTimePasswordShown", zh: "一次性密码：\(p0.text(in: .zhHans))（仅显示这一次，请当面或通过安全渠道告知本人）",
                en: "One-time password: \(p0.text(in: .en)) (shown only now; hand it over in person or over a safe channel)")
    }
    static let resetPassword = TextKey("resetPassword", zh: "重置密码",
                             en: "Reset password")
    static let resetPasswordHint = TextKey("resetPasswordHint", zh: "生成新的一次性密码，并使该用户所有已登录会话失效。",
                             en: "Generates a new one-time password and ends all of the user's sessions.")
    static let nextPage = TextKey("nextPage", zh: "下一页",
                             en: "Next page")
    static let errorInvalidUsername = TextKey("errorInvalidUsername", zh: "用户名须为 3–64 位小写字母、数字、“-”、“_”、“.”。",
                             en: "A username has 3–64 lowercase letters, digits, “-”, “_”, “.”.")
    static let errorNoRoles = TextKey("errorNoRoles", zh: "至少选择一个角色。",
                             en: "Choose at least one role.")
    static func errorRoleNotAllowed(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorRoleNotAllowed", zh: "“\(p0.text(in: .zhHans))”角色不能授予\(p1.text(in: .zhHans))的人员。",
                en: "The role “\(p0.text(in: .en))” cannot be given to people of a \(p1.text(in: .en)).")
    }
    static func errorUnknownRole(_ p0: some TextArgument) -> TextKey {
        TextKey("errorUnknownRole", zh: "无法识别的角色“\(p0.text(in: .zhHans))”。",
                en: "Unknown role “\(p0.text(in: .en))”.")
    }
    static let errorDeactivateSelf = TextKey("errorDeactivateSelf", zh: "不能停用自己的账号。",
                             en: "You cannot deactivate your own account.")
    static let adminUsersSummary = TextKey("adminUsersSummary", zh: "账号、角色、重置密码与停用。",
                             en: "Accounts, roles, password resets and deactivation.")
    static let errorOwnRoles = TextKey("errorOwnRoles", zh: "不能更改自己的角色，请由其他管理员操作。",
                             en: "You cannot change your own roles; another administrator must do it.")
    static func errorManagementWithBusiness(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorManagementWithBusiness", zh: "「\(p0.text(in: .zhHans))」不能与业务角色「\(p1.text(in: .zhHans))」由同一人担任（三员分立）。",
                en: "“\(p0.text(in: .en))” cannot be held together with the business role “\(p1.text(in: .en))” (separation of duties).")
    }
    static func errorAuditWithAdministration(_ p0: some TextArgument) -> TextKey {
        TextKey("errorAuditWithAdministration", zh: "审计管理员须单独设置，不能与「\(p0.text(in: .zhHans))」由同一人担任（三员分立）。",
                en: "The audit officer must be a person of their own, not also “\(p0.text(in: .en))” (separation of duties).")
    }
    static let firstStepsAccounts = TextKey("firstStepsAccounts", zh: "为各岗位开设账号：业务人员，以及另一人担任的审计管理员（查看审计日志）和安全管理员（三员分立：系统管理员不兼任业务角色）。",
                             en: "Open accounts for each post: business staff, plus an audit officer (who reads the audit trail) and a security officer held by other people (separation of duties: the administrator holds no business role).")
    static let setupAccounts = TextKey("setupAccounts", zh: "开设账号",
                             en: "Open accounts")
}
