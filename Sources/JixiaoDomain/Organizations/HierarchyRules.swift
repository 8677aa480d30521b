/// Why an organisation cannot be placed where it was asked to be (DOMAIN.md §1).
public enum HierarchyRuleError: Error, Equatable, Sendable {
    /// A finance bureau must state its administrative level.
    case bureauNeedsLevel
    /// Only a finance bureau may stand at the top of a tree.
    case needsParent(OrganizationKind)
    /// 上下级财政: a lower bureau belongs to the bureau exactly one level up.
    case bureauParentMustBeOneLevelUp(childLevel: AdministrativeLevel, parentLevel: AdministrativeLevel?)
    /// A department belongs to exactly one finance bureau.
    case departmentParentMustBeBureau(parentKind: OrganizationKind)
    /// A unit belongs to a department or to another unit.
    case unitParentMustBeDepartmentOrUnit(parentKind: OrganizationKind)
    /// An agency is registered with a finance bureau.
    case agencyParentMustBeBureau(parentKind: OrganizationKind)
    /// New organisations are not placed under a deactivated one.
    case parentInactive
    /// Moving an organisation under itself or its own descendant.
    case cycle
    /// A central bureau is the top of the whole state and has no parent.
    case centralBureauHasNoParent
}

/// What the rules need to know about a prospective parent.
public struct ParentFacts: Sendable, Equatable {
    public var kind: OrganizationKind
    public var level: AdministrativeLevel?
    public var isActive: Bool
    public init(kind: OrganizationKind, level: AdministrativeLevel?, isActive: Bool = true) {
        self.kind = kind; self.level = level; self.isActive = isActive
    }
}

/// The placement rules of the organisation tree, one function each for creating and moving.
public enum HierarchyRules {
    /// Checks that an organisation of `kind` (and `level`, for bureaus) may sit under `parent`.
    /// Returns the administrative level the organisation will have: its own for a bureau, the
    /// nearest bureau's (passed in as the parent's level) for everything else.
    public static func validatePlacement(
        kind: OrganizationKind, level: AdministrativeLevel?, parent: ParentFacts?
    ) throws(HierarchyRuleError) -> AdministrativeLevel? {
        if let parent, !parent.isActive { throw .parentInactive }
        switch kind {
        case .financeBureau:
            guard let level else { throw .bureauNeedsLevel }
            guard let parent else { return level }
            if level == .central { throw .centralBureauHasNoParent }
            guard parent.kind == .financeBureau, let parentLevel = parent.level, parentLevel.below == level else {
                throw .bureauParentMustBeOneLevelUp(childLevel: level, parentLevel: parent.kind == .financeBureau ? parent.level : nil)
            }
            return level
        case .department:
            guard let parent else { throw .needsParent(kind) }
            guard parent.kind == .financeBureau else { throw .departmentParentMustBeBureau(parentKind: parent.kind) }
            return parent.level
        case .unit:
            guard let parent else { throw .needsParent(kind) }
            guard parent.kind == .department || parent.kind == .unit else {
                throw .unitParentMustBeDepartmentOrUnit(parentKind: parent.kind)
            }
            return parent.level
        case .agency:
            guard let parent else { throw .needsParent(kind) }
            guard parent.kind == .financeBureau else { throw .agencyParentMustBeBureau(parentKind: parent.kind) }
            return parent.level
        }
    }

    /// Checks a move of the organisation at `path` under the organisation at `newParentPath`.
    public static func validateMove(
        path: HierarchyPath, kind: OrganizationKind, level: AdministrativeLevel?,
        newParentPath: HierarchyPath, newParent: ParentFacts
    ) throws(HierarchyRuleError) -> AdministrativeLevel? {
        if path.contains(newParentPath) { throw .cycle }
        return try validatePlacement(kind: kind, level: level, parent: newParent)
    }
}
