import JixiaoDomain

/// The sections of the closed loop as the navigation shows them, each with the roles that use it.
enum Section: String, CaseIterable, Sendable {
    case goals, monitoring, evaluation, results, thinkTank = "think-tank", analytics, admin

    var path: String { "/\(rawValue)" }

    /// Sections not built yet answer with an honest "not yet available" page.
    var isPlaceholder: Bool { self != .admin && self != .goals }

    var title: TextKey {
        switch self {
        case .goals: .navGoals
        case .monitoring: .navMonitoring
        case .evaluation: .navEvaluation
        case .results: .navResults
        case .thinkTank: .navThinkTank
        case .analytics: .navAnalytics
        case .admin: .navAdmin
        }
    }

    /// What the section will hold, said on its "not yet available" page.
    var summary: TextKey {
        switch self {
        case .goals: .sectionGoalsSummary
        case .monitoring: .sectionMonitoringSummary
        case .evaluation: .sectionEvaluationSummary
        case .results: .sectionResultsSummary
        case .thinkTank: .sectionThinkTankSummary
        case .analytics: .sectionAnalyticsSummary
        case .admin: .sectionAdminSummary
        }
    }

    func isVisible(to roles: Set<Role>) -> Bool {
        let loopRoles: Set<Role> = [.performanceOfficer, .budgetOfficer, .departmentOfficer, .unitOfficer, .supervisor]
        switch self {
        case .goals, .monitoring, .results: return !roles.isDisjoint(with: loopRoles)
        case .evaluation: return !roles.isDisjoint(with: loopRoles.union([.agencyEvaluator, .expert]))
        case .thinkTank: return !roles.isDisjoint(with: [.performanceOfficer, .supervisor, .expert, .agencyEvaluator])
        case .analytics: return !roles.isDisjoint(with: [.performanceOfficer, .budgetOfficer, .departmentOfficer, .supervisor])
        case .admin: return true
        }
    }
}

/// Pages inside 系统管理, shown when the person may use them.
enum AdminPage: CaseIterable {
    case organizations, users, audit

    var path: String {
        switch self {
        case .organizations: "/orgs"
        case .users: "/users"
        case .audit: "/audit"
        }
    }

    var title: TextKey {
        switch self {
        case .organizations: .navOrganizations
        case .users: .navUsers
        case .audit: .navAudit
        }
    }

    var summary: TextKey {
        switch self {
        case .organizations: .adminOrganizationsSummary
        case .users: .adminUsersSummary
        case .audit: .adminAuditSummary
        }
    }

    var requiredAction: Action {
        switch self {
        case .organizations: .viewOrganization
        case .users: .viewUser
        case .audit: .viewAudit
        }
    }
}
