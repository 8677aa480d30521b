import Foundation
import Testing
@testable import JixiaoDomain

private func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", n))! }

@Suite("Think tanks (智库): each conflict rule, draws replayed from their seed, dynamic management")
struct ThinkTankTests {
    // A province P → department D → unit U (the evaluated owner); a sibling department S.
    private let p = id(1), d = id(2), u = id(3), s = id(4)
    private var party: EvaluatedParty {
        EvaluatedParty(objectIDs: [id(100)], organizationID: u, departmentID: d, departmentPath: HierarchyPath.root(p).appending(d), fiscalYear: 2026)
    }
    private func member(employer: UUID? = nil) -> MemberRecord {
        let path: HierarchyPath? = switch employer {
        case u?: HierarchyPath.root(p).appending(d).appending(u)
        case d?: HierarchyPath.root(p).appending(d)
        case s?: HierarchyPath.root(p).appending(s)
        default: nil
        }
        return MemberRecord(employerID: employer, employerPath: path)
    }

    @Test("each conflict rule on its own")
    func rules() {
        #expect(ConflictRules.conflicts(member(), party).isEmpty, "an outside expert")
        #expect(ConflictRules.conflicts(member(employer: s), party).isEmpty, "a sibling department")
        #expect(ConflictRules.conflicts(member(employer: u), party) == [.sameOrganization, .sameDepartment])
        #expect(ConflictRules.conflicts(member(employer: d), party) == [.sameDepartment])
        var involved = member()
        involved.involvedObjectIDs = [id(100)]
        #expect(ConflictRules.conflicts(involved, party) == [.involvement])
        var related = member()
        related.declaredRelations = [d]
        #expect(ConflictRules.conflicts(related, party) == [.declaredRelation])
        var paid = member()
        paid.paidWork = [.init(organizationID: u, year: 2023)]
        #expect(ConflictRules.conflicts(paid, party) == [.paidWork], "three years back still counts")
        paid.paidWork = [.init(organizationID: u, year: 2022)]
        #expect(ConflictRules.conflicts(paid, party).isEmpty, "four years back no longer")
        #expect(ConflictRules.conflicts(paid, party, settings: ConflictSettings(paidWorkYears: 4)) == [.paidWork])
        var busy = member()
        busy.drawsByDepartment = [d: [2025, 2026, 2026]]
        #expect(ConflictRules.conflicts(busy, party) == [.tooOftenForDepartment])
        busy.drawsByDepartment = [d: [2024, 2025, 2026]]
        #expect(ConflictRules.conflicts(busy, party).isEmpty, "2024 is outside the two-year window")
        busy.drawsByDepartment = [s: [2025, 2026, 2026]]
        #expect(ConflictRules.conflicts(busy, party).isEmpty, "another department's draws do not count")
        // A bureau's own object has no department: the department rules do not apply.
        let bureauParty = EvaluatedParty(objectIDs: [id(101)], organizationID: p, departmentID: nil, departmentPath: nil, fiscalYear: 2026)
        #expect(ConflictRules.conflicts(member(employer: d), bureauParty).isEmpty)
    }

    private var library: [DrawCandidate] {
        (10..<40).map { n in
            DrawCandidate(id: id(n), fields: n % 3 == 0 ? ["教育", "财务"] : n % 3 == 1 ? ["教育"] : ["卫生"],
                          conflicts: n == 10 || n == 13 ? [.sameDepartment] : [])
        }
    }

    @Test("a draw replays from its seed whatever the candidates' order; another seed draws another team; nobody twice")
    func replay() {
        let request = DrawRequest([("教育", 3), ("财务", 1)])
        let a = LibraryDraw.draw(library, request: request, seed: 20260412)
        #expect(a == LibraryDraw.draw(library.reversed(), request: request, seed: 20260412))
        #expect(a.picks.map(\.id) != LibraryDraw.draw(library, request: request, seed: 7).picks.map(\.id))
        #expect(a.isComplete && a.picks.count == 4 && Set(a.picks.map(\.id)).count == 4)
        #expect(a.picks.filter { $0.field == "教育" }.count == 3 && a.picks.filter { $0.field == "财务" }.count == 1)
        #expect(!a.picks.contains { $0.id == id(10) || $0.id == id(13) }, "members with conflicts are never drawn")
        #expect(a.exclusions.map(\.id) == [id(10), id(13)] && a.exclusions.allSatisfy { $0.rules == [.sameDepartment] })
        // Over many seeds every eligible education expert comes up: the draw is not stuck on a few.
        let drawn = Set((0..<200).flatMap { LibraryDraw.draw(library, request: DrawRequest([("教育", 3)]), seed: UInt64($0)).picks.map(\.id) })
        #expect(drawn.count == library.filter { $0.fields.contains("教育") && $0.conflicts.isEmpty }.count)
    }

    @Test("a draw that cannot be filled says how many are missing per field")
    func shortfall() {
        let outcome = LibraryDraw.draw(library, request: DrawRequest([("卫生", 12), ("审计", 2)]), seed: 1)
        #expect(outcome.picks.count == 10 && outcome.missing == ["卫生": 2, "审计": 2] && !outcome.isComplete)
    }

    @Test("dynamic management: an expert below 3 over the last three ratings, an agency below 60 in its last review")
    func dynamicManagement() {
        let good = ExpertRating(attitude: 4, ability: 4, integrity: 5), poor = ExpertRating(attitude: 2, ability: 3, integrity: 2)
        #expect(!DynamicManagement.proposesSuspension([poor, poor]), "fewer than three ratings propose nothing")
        #expect(DynamicManagement.proposesSuspension([good, poor, poor, poor]))
        #expect(!DynamicManagement.proposesSuspension([poor, poor, good, good]), "only the last three count")
        // Exactly 3 is not below 3.
        #expect(!DynamicManagement.proposesSuspension(Array(repeating: ExpertRating(attitude: 3, ability: 3, integrity: 3), count: 3)))
        #expect(!ExpertRating(attitude: 0, ability: 3, integrity: 6).isValid && good.isValid)
        #expect(DynamicManagement.excludesAgency(lastReviewScore: Decimal(string: "59.99")))
        #expect(!DynamicManagement.excludesAgency(lastReviewScore: 60) && !DynamicManagement.excludesAgency(lastReviewScore: nil))
    }
}
