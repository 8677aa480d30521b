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
        var agency = member()
        agency.lastReviewScore = Decimal(string: "59.5")
        #expect(ConflictRules.conflicts(agency, party) == [.lowQualityReview])
        agency.lastReviewScore = 60
        #expect(ConflictRules.conflicts(agency, party).isEmpty, "60 is on the line, not below it")
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

    @Test("library statuses: 候选 → 在库 → 暂停 → 退出, only by the moves the library allows")
    func statuses() {
        #expect(LibraryStatus.candidate.after(.admit) == .admitted && LibraryStatus.candidate.after(.reject) == .withdrawn)
        #expect(LibraryStatus.admitted.after(.suspend) == .suspended && LibraryStatus.suspended.after(.restore) == .admitted)
        #expect(LibraryStatus.suspended.after(.withdraw) == .withdrawn && LibraryStatus.admitted.after(.withdraw) == .withdrawn)
        #expect(LibraryStatus.candidate.after(.suspend) == nil && LibraryStatus.withdrawn.after(.restore) == nil)
        #expect(LibraryStatus.withdrawn.moves.isEmpty && LibraryStatus.candidate.moves == [.admit, .reject])
        #expect(LibraryStatus.allCases.filter(\.isDrawable) == [.admitted])
    }

    @Test("identity numbers: the resident ID's and the credit code's check characters")
    func identityNumbers() {
        // The example of GB 11643-1999 itself, and its lower-case x.
        #expect(IdentityNumbers.residentID("11010519491231002X") == "11010519491231002X")
        #expect(IdentityNumbers.residentID(" 11010519491231002x ") == "11010519491231002X")
        #expect(IdentityNumbers.residentID("110105194912310021") == nil, "wrong check character")
        #expect(IdentityNumbers.residentID("1101051949123100") == nil && IdentityNumbers.residentID("1101051949123100２X") == nil)
        // A month 13 with its own correct check character is still refused.
        let body = "11010519491331002"
        let sum = zip(body.map { Int(String($0))! }, [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(IdentityNumbers.residentID(body + String(Array("10X98765432")[sum % 11])) == nil)
        #expect(IdentityNumbers.creditCode("91350100M000100Y43") == "91350100M000100Y43")
        #expect(IdentityNumbers.creditCode("91350100m000100y43") == "91350100M000100Y43")
        #expect(IdentityNumbers.creditCode("91350100M000100Y44") == nil, "wrong check character")
        #expect(IdentityNumbers.creditCode("91350100I000100Y43") == nil, "I is not in the alphabet")
        #expect(IdentityNumbers.masked("11010519491231002X") == "110*************2X")
        #expect(IdentityNumbers.residentIDCheck("11010519491231002") == "X" && IdentityNumbers.creditCodeCheck("91350100M000100Y4") == "3")
    }

    @Test("report quality review: every criterion once, in range, a finding for every point off; grades and the yearly mean")
    func qualityReview() {
        let full = QualityCriterion.allCases.map { QualityReviewEntry(criterion: $0, points: $0.maximum) }
        #expect(ReportQualityReview.problems(full).isEmpty && ReportQualityReview.total(full) == 100)
        var docked = full
        docked[1].points = 20
        #expect(ReportQualityReview.problems(docked) == [.findingNeeded(.evidence)])
        docked[1].finding = "三个指标无佐证材料"
        #expect(ReportQualityReview.problems(docked).isEmpty && ReportQualityReview.total(docked) == 90)
        docked[2].points = 26
        #expect(ReportQualityReview.problems(docked) == [.outOfRange(.accuracy, maximum: 25)])
        #expect(ReportQualityReview.problems(Array(full.dropLast()) + [full[0]]) == [.duplicate(.completeness), .missing(.soundness)])
        #expect(ReportQualityReview.grade(90) == .excellent && ReportQualityReview.grade(Decimal(string: "89.99")!) == .good)
        #expect(ReportQualityReview.grade(60) == .pass && ReportQualityReview.grade(Decimal(string: "59.99")!) == .fail)
        #expect(ReportQualityReview.yearlyResult([]) == nil && ReportQualityReview.yearlyResult([70, 81, 90]) == Decimal(string: "80.33"))
        #expect(ReportQualityReview.yearlyResult([55, 56]) == Decimal(string: "55.5"))
        #expect(ReportQualityReview.suggestedCompleteness(writtenSections: 5, of: 7) == 14)
        #expect(ExpertField.parse("教育")?.code == "205" && ExpertField.parse("law")?.code == "law" && ExpertField.parse("x") == nil)
    }
}
