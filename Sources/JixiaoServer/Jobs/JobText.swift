/// Texts of 后台任务 — jobs, in Simplified Chinese and English side by side.
extension TextKey {
    static let errorJobCallerInactive = TextKey("errorJobCallerInactive", zh: "提交该任务的账号已被停用，未以其名义执行任何操作。",
                             en: "The account that started this work has been deactivated since; nothing was done in its name.")
}

extension TextKey {
    static let errorJobFailed = TextKey("errorJobFailed", zh: "该后台任务未能完成。请稍后重试，或联系系统管理员查看日志。",
                                        en: "This background work did not finish. Try again later, or ask the system administrator to read the log.")
}
