import Foundation
import Testing
@testable import JixiaoDomain

/// The access matrix restated from DOMAIN.md §1 and the foundation issue, independently of the code:
/// what each role may do to something inside its reach.
private let allowedInside: [Role: Set<Action>] = [
    .administrator: [.viewOrganization, .manageOrganization, .viewUser, .manageUser],
    .securityOfficer: [.viewOrganization, .viewUser, .manageSecurity],
    .auditOfficer: [.viewOrganization, .viewUser, .viewAudit],
    .performanceOfficer: [.viewOrganization, .viewUser, .viewBudget, .manageLibrary, .runMonitoring, .reportMonitoring, .reviewMonitoring,
                          .disposeMonitoring, .runEvaluation, .reportEvaluation, .reviewEvaluation, .reevaluate, .runKeyEvaluation,
                          .scoreKeyEvaluation, .manageThinkTank, .viewThinkTank],
    // A budget division reports for its bureau (a receiving bureau's transfer payments), reviews and disposes; it does
    // not run rounds or keep the rules.
    .budgetOfficer: [.viewOrganization, .viewUser, .viewBudget, .viewThinkTank, .reportMonitoring, .reviewMonitoring, .disposeMonitoring, .reportEvaluation,
                     .reviewEvaluation],
    // 部门 runs rounds for its units and confirms their reports; it never disposes (finance decides).
    // Self-evaluation: finance's performance office opens the year; units and departments fill in their own, the
    // department and then finance review.
    // Key evaluations: finance's performance office runs 财政评价, a department 部门评价 of its units.
    .departmentOfficer: [.viewOrganization, .viewUser, .viewBudget, .declareGoal, .runMonitoring, .reportMonitoring, .reviewMonitoring,
                         .reportEvaluation, .reviewEvaluation, .runKeyEvaluation, .scoreKeyEvaluation],
    .unitOfficer: [.viewOrganization, .viewUser, .viewBudget, .declareGoal, .reportMonitoring, .reportEvaluation],
    // An agency's evaluators re-score what is assigned to their agency (抽查复核); agency evaluators and experts score
    // the key evaluations whose team they are on.
    .agencyEvaluator: [.viewOrganization, .viewAssignedWork, .reevaluate, .scoreKeyEvaluation],
    .expert: [.viewOrganization, .viewAssignedWork, .scoreKeyEvaluation],
    // Supervisors read their level, the think tanks' libraries included (no personal data), and change nothing.
    .supervisor: [.viewOrganization, .viewUser, .viewBudget, .viewThinkTank],
]

/// A small tree: province bureau P → city bureau C → department D → unit U; sibling department S under P;
/// agency A registered with P.
private struct World {
    let p = UUID(), c = UUID(), d = UUID(), u = UUID(), s = UUID(), a = UUID()
    var pPath: HierarchyPath { .root(p) }
    var cPath: HierarchyPath { pPath.appending(c) }
    var dPath: HierarchyPath { cPath.appending(d) }
    var uPath: HierarchyPath { dPath.appending(u) }
    var sPath: HierarchyPath { pPath.appending(s) }
    var aPath: HierarchyPath { pPath.appending(a) }

    /// Where a holder of each role sits in the matrix test, and a target inside and outside its reach.
    func placement(of role: Role) -> (actor: Actor, inside: AccessTarget, outside: AccessTarget) {
        let expertID = UUID()
        switch role {
        case .administrator, .securityOfficer, .auditOfficer, .performanceOfficer, .budgetOfficer, .supervisor:
            return (Actor(userID: UUID(), organizationID: c, organizationPath: cPath, roles: [role]),
                    AccessTarget(organizationID: u, organizationPath: uPath),
                    AccessTarget(organizationID: s, organizationPath: sPath))
        case .departmentOfficer:
            return (Actor(userID: UUID(), organizationID: d, organizationPath: dPath, roles: [role]),
                    AccessTarget(organizationID: u, organizationPath: uPath),
                    AccessTarget(organizationID: c, organizationPath: cPath))
        case .unitOfficer:
            return (Actor(userID: UUID(), organizationID: u, organizationPath: uPath, roles: [role]),
                    AccessTarget(organizationID: u, organizationPath: uPath),
                    AccessTarget(organizationID: d, organizationPath: dPath))
        case .agencyEvaluator:
            return (Actor(userID: UUID(), organizationID: a, organizationPath: aPath, roles: [role]),
                    AccessTarget(organizationID: u, organizationPath: uPath, assignedAgencyIDs: [a]),
                    AccessTarget(organizationID: s, organizationPath: sPath))
        case .expert:
            return (Actor(userID: expertID, organizationID: p, organizationPath: pPath, roles: [role]),
                    AccessTarget(organizationID: u, organizationPath: uPath, assignedUserIDs: [expertID]),
                    AccessTarget(organizationID: s, organizationPath: sPath))
        }
    }
}

@Suite("Authorization matrix: every role × action × inside/outside")
struct AuthorizationTests {
    static let combinations: [(Role, Action)] = Role.allCases.flatMap { role in Action.allCases.map { (role, $0) } }

    @Test("inside the reach", arguments: combinations)
    func inside(role: Role, action: Action) {
        let world = World()
        let (actor, inside, _) = world.placement(of: role)
        let expected: AccessDecision = allowedInside[role]!.contains(action) ? .allow : .forbid
        #expect(Authorization.decide(actor, action, inside) == expected)
    }

    @Test("outside the reach nothing is revealed", arguments: combinations)
    func outside(role: Role, action: Action) {
        let world = World()
        let (actor, _, outside) = world.placement(of: role)
        #expect(Authorization.decide(actor, action, outside) == .conceal)
    }

    @Test("an inactive account reaches nothing", arguments: Role.allCases)
    func inactive(role: Role) {
        let world = World()
        var (actor, inside, _) = world.placement(of: role)
        actor.isActive = false
        for action in Action.allCases { #expect(Authorization.decide(actor, action, inside) == .conceal) }
    }

    @Test func supervisorsOnlyRead() {
        let world = World()
        let supervisor = Actor(userID: UUID(), organizationID: world.p, organizationPath: world.pPath, roles: [.supervisor])
        for action in Action.allCases where !action.isReadOnly {
            #expect(Authorization.decide(supervisor, action, AccessTarget(organizationID: world.u, organizationPath: world.uPath)) == .forbid)
        }
    }

    @Test func financeBureauSeesDepartmentsAndLowerBureaus() {
        let world = World()
        let officer = Actor(userID: UUID(), organizationID: world.p, organizationPath: world.pPath, roles: [.performanceOfficer])
        #expect(Authorization.decide(officer, .viewOrganization, AccessTarget(organizationID: world.c, organizationPath: world.cPath)) == .allow)
        #expect(Authorization.decide(officer, .viewOrganization, AccessTarget(organizationID: world.s, organizationPath: world.sPath)) == .allow)
        let cityOfficer = Actor(userID: UUID(), organizationID: world.c, organizationPath: world.cPath, roles: [.performanceOfficer])
        #expect(Authorization.decide(cityOfficer, .viewOrganization, AccessTarget(organizationID: world.p, organizationPath: world.pPath)) == .conceal)
    }

    @Test func agencySeesItsOwnRecordButNoUnassignedWork() {
        let world = World()
        let agency = Actor(userID: UUID(), organizationID: world.a, organizationPath: world.aPath, roles: [.agencyEvaluator])
        let own = AccessTarget(organizationID: world.a, organizationPath: world.aPath)
        #expect(Authorization.decide(agency, .viewOrganization, own) == .allow)
        #expect(Authorization.decide(agency, .viewAssignedWork, own) == .conceal)
        let unassigned = AccessTarget(organizationID: world.u, organizationPath: world.uPath)
        #expect(Authorization.decide(agency, .viewAssignedWork, unassigned) == .conceal)
    }

    @Test func severalRolesCombine() {
        let world = World()
        let person = Actor(userID: UUID(), organizationID: world.c, organizationPath: world.cPath, roles: [.supervisor, .administrator])
        #expect(Authorization.decide(person, .manageUser, AccessTarget(organizationID: world.u, organizationPath: world.uPath)) == .allow)
        #expect(!Authorization.mayEver(person, .viewAudit), "reading the audit trail is the audit officer's alone")
        let unit = Actor(userID: UUID(), organizationID: world.u, organizationPath: world.uPath, roles: [.unitOfficer])
        #expect(!Authorization.mayEver(unit, .manageOrganization))
    }

    @Test func rolesFitOrganizationKinds() {
        #expect(throws: Never.self) { try RoleAssignment.validate([.unitOfficer], for: .unit) }
        #expect(throws: RoleAssignmentError.roleNotAllowed(.unitOfficer, .department)) { try RoleAssignment.validate([.unitOfficer], for: .department) }
        #expect(throws: RoleAssignmentError.roleNotAllowed(.supervisor, .agency)) { try RoleAssignment.validate([.supervisor], for: .agency) }
        #expect(throws: RoleAssignmentError.noRoles) { try RoleAssignment.validate([], for: .unit) }
    }

    /// 三员分立: management roles apart from business roles and the audit officer apart from the other two.
    @Test(arguments: Role.allCases.flatMap { a in Role.allCases.map { b in (a, b) } }.filter { $0.0.rawValue < $0.1.rawValue })
    func separationOfDuties(first: Role, second: Role) {
        let kind: OrganizationKind = .financeBureau
        let fits = first.allowedOrganizationKinds.contains(kind) && second.allowedOrganizationKinds.contains(kind)
        let separated = first.isManagement != second.isManagement
            || (first.isManagement && second.isManagement && (first == .auditOfficer || second == .auditOfficer))
        let outcome = Result { () throws(RoleAssignmentError) in try RoleAssignment.validate([first, second], for: kind) }
        if !fits {
            #expect(throws: RoleAssignmentError.self) { try outcome.get() }
        } else if separated {
            #expect(throws: RoleAssignmentError.self, "\(first) + \(second) must be held by different people") { try outcome.get() }
        } else {
            #expect(throws: Never.self, "\(first) + \(second) may be held together") { try outcome.get() }
        }
    }

    @Test func theSecurityOfficerMayBeFoldedIntoTheAdministrator() throws {
        try RoleAssignment.validate([.administrator, .securityOfficer], for: .financeBureau)
        #expect(throws: RoleAssignmentError.auditWithAdministration(.administrator)) {
            try RoleAssignment.validate([.auditOfficer, .administrator], for: .financeBureau)
        }
        #expect(throws: RoleAssignmentError.managementWithBusiness(management: .administrator, business: .performanceOfficer)) {
            try RoleAssignment.validate([.administrator, .performanceOfficer, .supervisor], for: .financeBureau)
        }
    }

    @Test func nobodyChangesTheirOwnRoles() throws {
        let me = UUID(), other = UUID()
        #expect(throws: RoleAssignmentError.ownRoles) {
            try RoleAssignment.validateChange(actorUserID: me, targetUserID: me, current: [.administrator],
                                              proposed: [.administrator, .securityOfficer], kind: .financeBureau)
        }
        // Saving one's own record without touching the roles is fine; another administrator may change them.
        try RoleAssignment.validateChange(actorUserID: me, targetUserID: me, current: [.administrator], proposed: [.administrator], kind: .financeBureau)
        try RoleAssignment.validateChange(actorUserID: me, targetUserID: other, current: [.budgetOfficer], proposed: [.performanceOfficer], kind: .financeBureau)
    }
}

@Suite("List scope matches single-object reach")
struct ListScopeTests {
    /// For every role and action: an organisation is in the list scope exactly when `decide` allows the action on it
    /// (assigned work aside, which lists through assignments).
    @Test(arguments: Role.allCases)
    func listsObeyTheSameReach(role: Role) {
        let world = World()
        let (actor, _, _) = world.placement(of: role)
        let everyone: [(UUID, HierarchyPath)] = [(world.p, world.pPath), (world.c, world.cPath), (world.d, world.dPath),
                                                 (world.u, world.uPath), (world.s, world.sPath), (world.a, world.aPath)]
        for action in Action.allCases where action != .viewAssignedWork {
            let scope = Authorization.scope(actor, action)
            for (id, path) in everyone {
                let allowed = Authorization.decide(actor, action, AccessTarget(organizationID: id, organizationPath: path)) == .allow
                #expect(scope.contains(id, path: path) == allowed, "\(role) \(action) on \(path)")
            }
        }
    }

    @Test func expertsListOnlyTheirOwnOrganization() {
        let world = World()
        let expert = Actor(userID: UUID(), organizationID: world.p, organizationPath: world.pPath, roles: [.expert])
        #expect(Authorization.scope(expert, .viewOrganization) == ListScope(organizations: [world.p]))
        var inactive = expert
        inactive.isActive = false
        #expect(Authorization.scope(inactive, .viewOrganization).isEmpty)
    }
}
