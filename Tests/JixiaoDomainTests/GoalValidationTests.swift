import Foundation
import Testing
@testable import JixiaoDomain

/// A well-formed goal for 义务教育营养改善计划 that passes validation and draws no warning.
func nutritionGoal() -> PerformanceGoal {
    PerformanceGoal(annualGoal: "为农村义务教育阶段学生提供营养膳食补助，改善学生营养状况。", indicators: [
        Indicator(category: .output, subcategory: .quantity, name: "学生受资助人数", targetText: "≥735人次", weight: 20, standard: .plan),
        Indicator(category: .output, subcategory: .quantity, name: "供餐学校数量", targetText: "≥12所", weight: 10, standard: .plan),
        Indicator(category: .output, subcategory: .quality, name: "食品安全抽检合格率", targetText: "=100%", weight: 10, standard: .industry),
        Indicator(category: .output, subcategory: .timeliness, name: "补助资金发放时间", targetText: "2026年12月前", weight: 10, standard: .plan),
        Indicator(category: .output, subcategory: .outputCost, name: "生均每天补助标准", targetText: "≤5元", weight: 10, standard: .plan),
        Indicator(category: .effect, subcategory: .socialBenefit, name: "学生营养不良发生率", targetText: "≤8%", weight: 20, standard: .history),
        Indicator(category: .satisfaction, subcategory: .serviceSatisfaction, name: "学生及家长满意度", targetText: "≥90%", weight: 20, standard: .industry),
    ])
}

@Suite("Goal validation (blocks submission)")
struct GoalValidationTests {
    func errors(_ change: (inout PerformanceGoal) -> Void) -> [GoalValidationError] {
        var goal = nutritionGoal()
        change(&goal)
        return GoalValidation.validate(goal)
    }

    @Test func aGoodGoalPasses() {
        #expect(GoalValidation.validate(nutritionGoal()).isEmpty)
    }

    @Test func annualGoalIsRequired() {
        #expect(errors { $0.annualGoal = "  " } == [.missingAnnualGoal])
    }

    @Test func outputAndEffectAreRequired() {
        let noEffect = errors { goal in
            goal.indicators.removeAll { $0.category == .effect }
            goal.indicators[0].weight = 40
        }
        #expect(noEffect == [.missingCategory(.effect)])
        let noOutput = errors { goal in
            goal.indicators = goal.indicators.filter { $0.category != .output }
            goal.indicators[0].weight = 50; goal.indicators[1].weight = 50
        }
        #expect(noOutput == [.missingCategory(.output)])
        // A bureau may require satisfaction as well.
        var goal = nutritionGoal()
        goal.indicators.removeAll { $0.category == .satisfaction }
        goal.indicators[0].weight = 40
        #expect(GoalValidation.validate(goal, rules: GoalRules(requiredCategories: [.output, .effect, .satisfaction])) == [.missingCategory(.satisfaction)])
    }

    @Test func quantitativeTargetsNeedNumberAndUnit() {
        #expect(errors { $0.indicators[0].targetText = "≥735" } == [.missingUnit(index: 0)])
        #expect(errors { $0.indicators[0].targetText = "735人次" } == [.unreadableTarget(index: 0, .missingOperator(value: "735人次"))])
        #expect(errors { $0.indicators[0].targetText = "≥较多" } == [.unreadableTarget(index: 0, .notANumber("≥较多"))])
    }

    @Test func percentagesStayWithin0And100() {
        #expect(errors { $0.indicators[2].targetText = "=110%" } == [.percentageOutOfRange(index: 2)])
    }

    @Test func weightsMustBePresentAndSum() {
        #expect(errors { $0.indicators[1].weight = 15 } == [.weightsDoNotSum(expected: 100, actual: 105)])
        #expect(errors { $0.indicators[1].weight = nil } == [.missingWeight(index: 1)])
        var goal = nutritionGoal()
        for i in goal.indicators.indices { goal.indicators[i].weight = (goal.indicators[i].weight ?? 0) / 10 }
        #expect(GoalValidation.validate(goal, rules: GoalRules(requiredWeightTotal: 10)).isEmpty, "the total is a rule")
    }

    @Test func namesAreRequiredAndUniqueWithinACategory() {
        #expect(errors { $0.indicators[1].name = " " } == [.missingName(index: 1)])
        #expect(errors { $0.indicators[1].name = "学生 受资助人数" } == [.duplicateName(index: 1, firstIndex: 0)])
    }

    @Test func levelTwoBelongsToLevelOne() {
        #expect(errors { $0.indicators[0].subcategory = .socialBenefit } == [.subcategoryOutsideCategory(index: 0)])
    }

    @Test func costIndicatorsCannotAskForMore() {
        #expect(errors { $0.indicators[4].targetText = "≥5元" } == [.costWithAtLeast(index: 4)])
    }

    @Test func inputIsNotOutput() {
        #expect(errors { $0.indicators[1].name = "资金到位率"; $0.indicators[1].targetText = "=100%" } == [.inputAsOutput(index: 1)])
    }
}
