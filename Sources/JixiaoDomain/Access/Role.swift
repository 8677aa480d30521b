/// 角色 — what a person may do, always bound to the organisation the person belongs to (DOMAIN.md §1).
public enum Role: String, CaseIterable, Codable, Sendable {
    /// 系统管理员 — organisations, users and roles inside its organisation's subtree.
    case administrator
    /// 财政绩效处 — runs performance management for its level: rules, library, key evaluations, disclosure.
    case performanceOfficer = "performance_officer"
    /// 财政业务处室 — reviews the goals of the departments it covers, links results to budgets.
    case budgetOfficer = "budget_officer"
    /// 部门绩效管理员 — reviews its units' goals, monitoring and self-evaluations.
    case departmentOfficer = "department_officer"
    /// 单位填报人 — declares goals and fills monitoring and self-evaluation forms.
    case unitOfficer = "unit_officer"
    /// 第三方机构评价人员 — carries out the evaluations its agency is entrusted with.
    case agencyEvaluator = "agency_evaluator"
    /// 专家 — scores the evaluations and reviews assigned to the person.
    case expert
    /// 监督指导 (人大, 纪检监察, 审计, 群众代表) — reads across its level, never changes anything.
    case supervisor

    /// The kinds of organisation a holder of this role may belong to.
    public var allowedOrganizationKinds: Set<OrganizationKind> {
        switch self {
        case .administrator: [.financeBureau, .department]
        case .performanceOfficer, .budgetOfficer, .supervisor: [.financeBureau]
        case .departmentOfficer: [.department]
        case .unitOfficer: [.unit]
        case .agencyEvaluator: [.agency]
        case .expert: [.financeBureau, .agency]
        }
    }

    /// Roles whose reach is what is assigned to them rather than an organisation subtree.
    public var isAssignmentScoped: Bool { self == .agencyEvaluator || self == .expert }
}

/// Why a set of roles cannot be given to a person of a given organisation.
public enum RoleAssignmentError: Error, Equatable, Sendable {
    case noRoles
    case roleNotAllowed(Role, OrganizationKind)
}

public enum RoleAssignment {
    public static func validate(_ roles: Set<Role>, for kind: OrganizationKind) throws(RoleAssignmentError) {
        guard !roles.isEmpty else { throw .noRoles }
        for role in Role.allCases where roles.contains(role) && !role.allowedOrganizationKinds.contains(kind) {
            throw .roleNotAllowed(role, kind)
        }
    }
}
