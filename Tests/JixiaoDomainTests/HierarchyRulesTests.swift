import Foundation
import Testing
@testable import JixiaoDomain

@Suite("Hierarchy rules (DOMAIN.md §1)")
struct HierarchyRulesTests {
    typealias Case = (kind: OrganizationKind, level: AdministrativeLevel?, parent: ParentFacts?, expected: Result<AdministrativeLevel?, HierarchyRuleError>)

    static func bureau(_ level: AdministrativeLevel) -> ParentFacts { ParentFacts(kind: .financeBureau, level: level) }
    static let cases: [Case] = [
        // Bureaus: a root at any level, otherwise exactly one level below a bureau.
        (.financeBureau, .county, nil, .success(.county)),
        (.financeBureau, .province, bureau(.central), .success(.province)),
        (.financeBureau, .county, bureau(.city), .success(.county)),
        (.financeBureau, .county, bureau(.province), .failure(.bureauParentMustBeOneLevelUp(childLevel: .county, parentLevel: .province))),
        (.financeBureau, .city, bureau(.city), .failure(.bureauParentMustBeOneLevelUp(childLevel: .city, parentLevel: .city))),
        (.financeBureau, .city, ParentFacts(kind: .department, level: .province), .failure(.bureauParentMustBeOneLevelUp(childLevel: .city, parentLevel: nil))),
        (.financeBureau, nil, bureau(.city), .failure(.bureauNeedsLevel)),
        (.financeBureau, .central, bureau(.central), .failure(.centralBureauHasNoParent)),
        // Departments belong to exactly one bureau and inherit its level.
        (.department, nil, bureau(.city), .success(.city)),
        (.department, .province, bureau(.county), .success(.county)),
        (.department, nil, ParentFacts(kind: .department, level: .city), .failure(.departmentParentMustBeBureau(parentKind: .department))),
        (.department, nil, ParentFacts(kind: .unit, level: .city), .failure(.departmentParentMustBeBureau(parentKind: .unit))),
        (.department, nil, nil, .failure(.needsParent(.department))),
        // Units belong to a department or a unit.
        (.unit, nil, ParentFacts(kind: .department, level: .county), .success(.county)),
        (.unit, nil, ParentFacts(kind: .unit, level: .county), .success(.county)),
        (.unit, nil, bureau(.county), .failure(.unitParentMustBeDepartmentOrUnit(parentKind: .financeBureau))),
        (.unit, nil, ParentFacts(kind: .agency, level: .county), .failure(.unitParentMustBeDepartmentOrUnit(parentKind: .agency))),
        (.unit, nil, nil, .failure(.needsParent(.unit))),
        // Agencies are registered with a bureau.
        (.agency, nil, bureau(.province), .success(.province)),
        (.agency, nil, ParentFacts(kind: .department, level: .province), .failure(.agencyParentMustBeBureau(parentKind: .department))),
        // Nothing new under a deactivated parent.
        (.unit, nil, ParentFacts(kind: .department, level: .city, isActive: false), .failure(.parentInactive)),
    ]

    @Test("placement", arguments: cases.indices)
    func placement(index: Int) {
        let c = Self.cases[index]
        let result = Result { () throws(HierarchyRuleError) -> AdministrativeLevel? in
            try HierarchyRules.validatePlacement(kind: c.kind, level: c.level, parent: c.parent)
        }
        #expect(result == c.expected, "case \(index): \(c.kind) under \(String(describing: c.parent))")
    }

    @Test func moveIntoOwnSubtreeIsACycle() {
        let a = UUID(), b = UUID(), c = UUID()
        let path = HierarchyPath.root(a).appending(b)
        let descendant = path.appending(c)
        #expect(throws: HierarchyRuleError.cycle) {
            try HierarchyRules.validateMove(path: path, kind: .unit, level: .county, newParentPath: descendant,
                                            newParent: ParentFacts(kind: .unit, level: .county))
        }
        #expect(throws: HierarchyRuleError.cycle) {
            try HierarchyRules.validateMove(path: path, kind: .unit, level: .county, newParentPath: path,
                                            newParent: ParentFacts(kind: .unit, level: .county))
        }
        let sibling = HierarchyPath.root(a).appending(UUID())
        #expect(throws: Never.self) {
            try HierarchyRules.validateMove(path: path, kind: .unit, level: .county, newParentPath: sibling,
                                            newParent: ParentFacts(kind: .department, level: .county))
        }
    }
}

@Suite("Materialized paths")
struct HierarchyPathTests {
    @Test func containsOnlyItsSubtree() {
        let root = HierarchyPath.root(UUID())
        let child = root.appending(UUID())
        let grandchild = child.appending(UUID())
        let other = root.appending(UUID())
        #expect(root.contains(grandchild))
        #expect(child.contains(child))
        #expect(child.contains(grandchild))
        #expect(!child.contains(other))
        #expect(!grandchild.contains(child))
        #expect(grandchild.depth == 3)
        #expect(grandchild.ids.count == 3)
    }

    @Test func rangeSelectsExactlyTheSubtreeInByteOrder() {
        let root = HierarchyPath.root(UUID())
        let child = root.appending(UUID())
        let inside = [child, child.appending(UUID()), child.appending(UUID()).appending(UUID())]
        let outside = [root, root.appending(UUID()), HierarchyPath.root(UUID())]
        let (lower, upper) = child.subtreeRange
        for path in inside { #expect(path.rawValue >= lower && path.rawValue < upper) }
        for path in outside where !child.contains(path) { #expect(!(path.rawValue >= lower && path.rawValue < upper)) }
    }

    @Test func rebasingMovesDescendants() {
        let a = UUID(), b = UUID(), c = UUID(), d = UUID()
        let old = HierarchyPath.root(a).appending(b)
        let descendant = old.appending(c)
        let new = HierarchyPath.root(a).appending(d).appending(b)
        #expect(old.rebased(descendant, onto: new) == new.appending(c))
    }
}

@Suite("Kinds and levels as people write them")
struct ParsingTests {
    @Test func kinds() {
        #expect(OrganizationKind.parse("财政部门") == .financeBureau)
        #expect(OrganizationKind.parse(" 预算单位 ") == .unit)
        #expect(OrganizationKind.parse("Department") == .department)
        #expect(OrganizationKind.parse("第三方机构") == .agency)
        #expect(OrganizationKind.parse("学校") == nil)
    }

    @Test func levels() {
        #expect(AdministrativeLevel.parse("省") == .province)
        #expect(AdministrativeLevel.parse("县级") == .county)
        #expect(AdministrativeLevel.parse("city") == .city)
        #expect(AdministrativeLevel.parse("村") == nil)
        #expect(AdministrativeLevel.city.below == .county)
        #expect(AdministrativeLevel.township.below == nil)
    }
}
