import Foundation

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
    /// 安全管理员 — ends people's sessions and tokens, keeps the security settings (may be folded into the administrator
    /// on a small installation, never into a business role).
    case securityOfficer = "security_officer"
    /// 审计管理员 — reads, exports and verifies the audit trail; changes nothing else.
    case auditOfficer = "audit_officer"

    /// The kinds of organisation a holder of this role may belong to.
    public var allowedOrganizationKinds: Set<OrganizationKind> {
        switch self {
        case .administrator, .securityOfficer, .auditOfficer: [.financeBureau, .department]
        case .performanceOfficer, .budgetOfficer, .supervisor: [.financeBureau]
        case .departmentOfficer: [.department]
        case .unitOfficer: [.unit]
        case .agencyEvaluator: [.agency]
        case .expert: [.financeBureau, .agency]
        }
    }

    /// Roles whose reach is what is assigned to them rather than an organisation subtree.
    public var isAssignmentScoped: Bool { self == .agencyEvaluator || self == .expert }

    /// 三员 — the system, security and audit administrators, who keep the system but hold no business role.
    public var isManagement: Bool { self == .administrator || self == .securityOfficer || self == .auditOfficer }
}

/// Why a set of roles cannot be given to a person of a given organisation.
public enum RoleAssignmentError: Error, Equatable, Sendable {
    case noRoles
    case roleNotAllowed(Role, OrganizationKind)
    /// 三员分立: a management role held together with a business role (`business`).
    case managementWithBusiness(management: Role, business: Role)
    /// 三员分立: the audit administrator is a person of its own, apart from the system and security administrators.
    case auditWithAdministration(Role)
    /// Nobody grants, removes or changes their own roles.
    case ownRoles
}

/// Separation of duties (DOMAIN.md §1, graded protection level 3): the three management roles are held by different
/// people — except that a small installation may fold the security administrator into the system administrator —
/// and none of them together with a business role; nobody changes their own roles.
public enum RoleAssignment {
    public static func validate(_ roles: Set<Role>, for kind: OrganizationKind) throws(RoleAssignmentError) {
        guard !roles.isEmpty else { throw .noRoles }
        for role in Role.allCases where roles.contains(role) && !role.allowedOrganizationKinds.contains(kind) {
            throw .roleNotAllowed(role, kind)
        }
        let sorted = Role.allCases.filter(roles.contains)
        if let management = sorted.first(where: \.isManagement), let business = sorted.first(where: { !$0.isManagement }) {
            throw .managementWithBusiness(management: management, business: business)
        }
        if roles.contains(.auditOfficer), let other = sorted.first(where: { $0 != .auditOfficer }) {
            throw .auditWithAdministration(other)
        }
    }

    /// A change of `target`'s roles from `current` to `proposed` by `actorUserID`.
    public static func validateChange(actorUserID: UUID, targetUserID: UUID, current: Set<Role>, proposed: Set<Role>,
                                      kind: OrganizationKind) throws(RoleAssignmentError) {
        if actorUserID == targetUserID && current != proposed { throw .ownRoles }
        try validate(proposed, for: kind)
    }
}
