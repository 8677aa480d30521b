import Foundation

/// How the audit page names what happened: stored action codes (`auth.signin_failed`, `goal.submit` …) read as words
/// in the reader's language. The trail and its export keep the codes themselves.
enum AuditLabels {
    static func action(_ code: String, _ t: Localizer) -> String {
        if code.hasPrefix("goal."), let step = GoalActionLabel.title(String(code.dropFirst(5))) {
            return t(Message(.auditGoalAction(step)))
        }
        return names[code].map { t($0) } ?? code
    }

    static let names: [String: TextKey] = [
        "auth.session_rejected": .auditAuthSessionRejected, "auth.signed_out": .auditAuthSignedOut,
        "auth.signin_failed": .auditAuthSigninFailed, "auth.signin_succeeded": .auditAuthSigninSucceeded,
        "auth.signin_throttled": .auditAuthSigninThrottled, "auth.token_created": .auditAuthTokenCreated,
        "auth.token_revoked": .auditAuthTokenRevoked, "auth.token_rejected": .auditAuthTokenRejected,
        "auth.csrf_rejected": .auditAuthCSRFRejected, "access.refused": .auditAccessRefused,
        "budget_object.created": .auditBudgetObjectCreated, "goal.saved": .auditGoalSaved, "goal.imported": .auditGoalImported,
        "goal.generated": .auditGoalGenerated, "library.created": .auditLibraryCreated,
        "organization.created": .auditOrganizationCreated, "organization.updated": .auditOrganizationUpdated,
        "organization.moved": .auditOrganizationMoved, "organization.deactivated": .auditOrganizationDeactivated,
        "organization.reactivated": .auditOrganizationReactivated, "organization.imported": .auditOrganizationImported,
        "organization.generated": .auditOrganizationGenerated, "user.created": .auditUserCreated, "user.updated": .auditUserUpdated,
        "user.deactivated": .auditUserDeactivated, "user.reactivated": .auditUserReactivated,
        "user.password_changed": .auditUserPasswordChanged, "user.password_reset": .auditUserPasswordReset,
        "user.credentials_revoked": .auditCredentialsRevoked,
    ]

    /// "2026-12-02T07:31:05.123Z" → "2026-12-02 15:31:05" (China Standard Time).
    static func beijingTime(_ canonical: String) -> String {
        guard let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt).parse(canonical) else { return canonical }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = DisplayTime.zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}
