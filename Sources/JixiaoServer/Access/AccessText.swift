/// Texts of 登录与凭据 — sign-in, sessions and one's own account, in Simplified Chinese and English side by side.
/// `{0}`, `{1}` … are the arguments a caller passes, in order.
extension TextKey {
    static let signInTitle = TextKey("signInTitle", zh: "登录",
                             en: "Sign in")
    static let signInLead = TextKey("signInLead", zh: "请使用分配给您的账号登录。",
                             en: "Sign in with the account you were given.")
    static let signInHelp = TextKey("signInHelp", zh: "忘记密码请联系本级系统管理员重置。",
                             en: "If you forgot your password, ask your administrator to reset it.")
    static let fieldPassword = TextKey("fieldPassword", zh: "密码",
                             en: "Password")
    static let fieldCurrentPassword = TextKey("fieldCurrentPassword", zh: "当前密码",
                             en: "Current password")
    static let fieldNewPassword = TextKey("fieldNewPassword", zh: "新密码",
                             en: "New password")
    static let fieldConfirmPassword = TextKey("fieldConfirmPassword", zh: "确认新密码",
                             en: "Confirm new password")
    static func passwordPolicyHint(_ p0: some TextArgument) -> TextKey {
        TextKey("passwordPolicyHint", zh: "至少 \(p0.text(in: .zhHans)) 个字符，须同时包含字母和数字，不能与用户名相同。",
                en: "At least \(p0.text(in: .en)) characters, with letters and digits, not the username.")
    }
    static let mustChangePasswordNotice = TextKey("mustChangePasswordNotice", zh: "您正在使用一次性密码，请先设置新密码。",
                             en: "You are using a one-time password: set a new one first.")
    static let errorInvalidToken = TextKey("errorInvalidToken", zh: "访问令牌无效、已过期或已撤销。",
                             en: "The access token is invalid, expired or revoked.")
    static let errorCSRF = TextKey("errorCSRF", zh: "表单已过期或来源不明，请刷新页面后重新提交。",
                             en: "The form has expired or did not come from this site; reload the page and submit again.")
    static let errorBadCredentials = TextKey("errorBadCredentials", zh: "用户名或密码不正确。",
                             en: "Wrong username or password.")
    static func errorThrottled(_ p0: some TextArgument) -> TextKey {
        TextKey("errorThrottled", zh: "登录失败次数过多（15 分钟内 5 次），请 \(p0.text(in: .zhHans)) 分钟后再试。",
                en: "Too many failed sign-ins (5 within 15 minutes); try again in \(p0.text(in: .en)) minutes.")
    }
    static let errorCurrentPasswordWrong = TextKey("errorCurrentPasswordWrong", zh: "当前密码不正确。",
                             en: "The current password is wrong.")
    static let errorPasswordsDiffer = TextKey("errorPasswordsDiffer", zh: "两次输入的新密码不一致。",
                             en: "The new passwords differ.")
    static let errorPasswordUnchanged = TextKey("errorPasswordUnchanged", zh: "新密码不能与当前密码相同。",
                             en: "The new password must differ from the current one.")
    static func errorPasswordTooShort(_ p0: some TextArgument) -> TextKey {
        TextKey("errorPasswordTooShort", zh: "密码至少 \(p0.text(in: .zhHans)) 个字符。",
                en: "At least \(p0.text(in: .en)) characters.")
    }
    static func errorPasswordTooLong(_ p0: some TextArgument) -> TextKey {
        TextKey("errorPasswordTooLong", zh: "密码最多 \(p0.text(in: .zhHans)) 字节。",
                en: "At most \(p0.text(in: .en)) bytes.")
    }
    static let errorPasswordIsUsername = TextKey("errorPasswordIsUsername", zh: "密码不能与用户名相同。",
                             en: "The password cannot be the username.")
    static let errorPasswordNeedsLetterAndDigit = TextKey("errorPasswordNeedsLetterAndDigit", zh: "密码须同时包含字母和数字。",
                             en: "Use both letters and digits.")
    static let errorPasswordChangeRequired = TextKey("errorPasswordChangeRequired", zh: "请先在网页上用一次性密码登录并设置新密码，再申请访问令牌。",
                             en: "Sign in on the web with the one-time password and set a new password before requesting a token.")
}
