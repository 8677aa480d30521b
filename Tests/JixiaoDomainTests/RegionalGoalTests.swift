import Foundation
import Testing
@testable import JixiaoDomain

@Suite("Transfer payments: regional goals")
struct RegionalGoalTests {
    static func indicators() -> [Indicator] {
        [Indicator(category: .output, subcategory: .quantity, name: "改造薄弱学校数", targetText: "≥12所", weight: nil),
         Indicator(category: .effect, subcategory: .socialBenefit, name: "义务教育巩固率", targetText: "≥96%", weight: nil)]
    }
    static func region(_ code: String, _ wan: String) throws -> RegionalGoal {
        RegionalGoal(recipientCode: code, allocated: try Money(wanYuan: wan), annualGoal: "改善\(code)薄弱学校办学条件", indicators: indicators())
    }

    @Test("well-formed regions within the amount pass; weights are not asked for")
    func passes() throws {
        let regions = [try Self.region("350100", "600"), try Self.region("350200", "400")]
        #expect(RegionalGoalValidation.validate(regions, amount: try Money(wanYuan: "1000")).isEmpty)
    }

    @Test("a transfer payment without regions cannot be submitted")
    func needsRegions() {
        #expect(RegionalGoalValidation.validate([], amount: nil) == [.noRegions])
    }

    @Test("each region's problems are named with the region")
    func problems() throws {
        var empty = try Self.region("", "0")
        empty.annualGoal = ""
        var vague = try Self.region("350100", "100")
        vague.indicators[1].targetText = "95%"
        let errors = RegionalGoalValidation.validate([try Self.region("350100", "900"), empty, vague], amount: try Money(wanYuan: "500"))
        #expect(errors.contains(.missingRecipient(region: 1)))
        #expect(errors.contains(.allocationNotPositive(region: 1)))
        #expect(errors.contains(.missingAnnualGoal(region: 1)))
        #expect(errors.contains(.duplicateRecipient(region: 2, firstRegion: 0)))
        #expect(errors.contains(.indicator(region: 2, .unreadableTarget(index: 1, .missingOperator(value: "95%")))))
        #expect(errors.contains(.allocationsExceedAmount(total: try Money(wanYuan: "1000"), available: try Money(wanYuan: "500"))))
        var bare = try Self.region("350300", "10")
        bare.indicators = []
        #expect(RegionalGoalValidation.validate([bare], amount: nil) == [.noIndicators(region: 0)])
    }

    @Test("only finance bureaus below the granting bureau receive")
    func recipients() {
        let province = HierarchyPath(rawValue: "/p/"), city = HierarchyPath(rawValue: "/p/c/"), other = HierarchyPath(rawValue: "/q/c/")
        #expect(TransferRules.mayReceive(recipientKind: .financeBureau, recipientPath: city, grantingBureau: province))
        #expect(!TransferRules.mayReceive(recipientKind: .financeBureau, recipientPath: province, grantingBureau: province), "not itself")
        #expect(!TransferRules.mayReceive(recipientKind: .department, recipientPath: HierarchyPath(rawValue: "/p/d/"), grantingBureau: province))
        #expect(!TransferRules.mayReceive(recipientKind: .financeBureau, recipientPath: other, grantingBureau: province), "not another province's")
    }

    @Test("the diff names the region whose money or indicators changed, and added or removed regions")
    func diff() throws {
        let a = try Self.region("350100", "600"), b = try Self.region("350200", "400")
        var changedA = a
        changedA.allocated = try Money(wanYuan: "650")
        changedA.indicators[0].targetText = "≥14所"
        let c = try Self.region("350300", "100")
        let old = PerformanceGoal(annualGoal: "目标", indicators: [], regions: [a, b])
        let new = PerformanceGoal(annualGoal: "目标", indicators: [], regions: [changedA, c])
        let diff = GoalDiff.between(old, new)
        #expect(diff.regionChanges.count == 3)
        guard case .changed(_, _, let recipient, let money, let text, let indicators) = diff.regionChanges[0] else { Issue.record("A changed"); return }
        #expect(!recipient && money && !text && indicators.count == 1)
        #expect(diff.regionChanges[1] == .added(c))
        #expect(diff.regionChanges[2] == .removed(b))
        #expect(GoalDiff.between(old, old).isEmpty)
    }
}
