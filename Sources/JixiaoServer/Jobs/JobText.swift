/// Texts of 后台任务 — jobs, in Simplified Chinese and English side by side.
extension TextKey {
    static let errorJobCallerInactive = TextKey("errorJobCallerInactive", zh: "提交该任务的账号已被停用，未以其名义执行任何操作。",
                             en: "The account that started this work has been deactivated since; nothing was done in its name.")
}
