import Foundation
import Testing
@testable import JixiaoDomain

@Suite("Goal linter: one failing and one passing example per rule")
struct GoalLinterTests {
    func rules(_ goal: PerformanceGoal, _ context: GoalContext = GoalContext()) -> [LintRule] {
        GoalLinter.lint(goal, context: context).map(\.rule)
    }

    func goal(_ change: (inout PerformanceGoal) -> Void) -> PerformanceGoal {
        var goal = nutritionGoal()
        change(&goal)
        return goal
    }

    @Test func theExampleGoalIsClean() {
        #expect(rules(nutritionGoal(), GoalContext(requestedAmount: Money(fen: 120_000_000), isContinuing: true, isServiceProject: true)) == [])
    }

    @Test func vagueWording() {
        let vague = goal { $0.indicators[5].name = "提高教学质量"; $0.indicators[5].targetText = "明显提升" }
        #expect(rules(vague).contains(.vagueWording))
        let measured = goal { $0.indicators[5].name = "提高教学质量：学业质量监测达标率"; $0.indicators[5].targetText = "≥92%" }
        #expect(!rules(measured).contains(.vagueWording))
        let graded = goal { $0.indicators[5].name = "教学质量"; $0.indicators[5].targetText = "优" }
        #expect(!rules(graded).contains(.vagueWording))
    }

    @Test func outputMislabelledAsEffect() {
        #expect(rules(goal { $0.indicators[5].name = "受益学生"; $0.indicators[5].targetText = "≥735人" }).contains(.effectLooksLikeOutput))
        #expect(!rules(nutritionGoal()).contains(.effectLooksLikeOutput))
    }

    @Test func satisfactionAsTheOnlyEffect() {
        #expect(rules(goal { $0.indicators[5].name = "社会公众满意度"; $0.indicators[5].targetText = "≥85%" }).contains(.satisfactionOnlyEffect))
        #expect(!rules(nutritionGoal()).contains(.satisfactionOnlyEffect))
    }

    @Test func directionAgainstTheName() {
        #expect(rules(goal { $0.indicators[5].targetText = "≥8%" }).contains(.directionContradictsName), "a rate that should fall declared with ≥")
        #expect(rules(goal { $0.indicators[6].targetText = "≤90%" }).contains(.directionContradictsName), "satisfaction declared with ≤")
        #expect(!rules(nutritionGoal()).contains(.directionContradictsName))
    }

    @Test func costAgainstTheRequestedAmount() {
        let costly = goal { $0.indicators[4].name = "项目总成本"; $0.indicators[4].targetText = "≤150万元" }
        #expect(rules(costly, GoalContext(requestedAmount: Money(fen: 120_000_000))).contains(.costExceedsRequest))
        #expect(!rules(costly, GoalContext(requestedAmount: Money(fen: 150_000_000))).contains(.costExceedsRequest))
    }

    @Test func duplicateIndicators() {
        let entry = UUID()
        let twice = goal { $0.indicators[0].libraryEntryID = entry; $0.indicators[1].libraryEntryID = entry }
        #expect(rules(twice).contains(.duplicateIndicator))
        let sameNameElsewhere = goal { $0.indicators[6].name = "学生受资助人数"; $0.indicators[6].targetText = "≥90%" }
        #expect(rules(sameNameElsewhere).contains(.duplicateIndicator))
        #expect(!rules(nutritionGoal()).contains(.duplicateIndicator))
    }

    @Test func outsideTheLibraryHistoryBand() {
        let entry = UUID()
        let history: [Decimal] = [700, 720, 735, 740, 760, 780, 800, 820, 850, 900]
        let low = goal { $0.indicators[0].libraryEntryID = entry; $0.indicators[0].targetText = "≥500人次" }
        let finding = GoalLinter.lint(low, context: GoalContext(libraryHistory: [entry: history])).first { $0.rule == .outsideHistoryBand }
        #expect(finding?.index == 0)
        #expect(finding?.figures.count == 3)
        let usual = goal { $0.indicators[0].libraryEntryID = entry }
        #expect(!rules(usual, GoalContext(libraryHistory: [entry: history])).contains(.outsideHistoryBand))
        #expect(!rules(low, GoalContext(libraryHistory: [entry: [700, 720]])).contains(.outsideHistoryBand), "too little history says nothing")
    }

    @Test func continuingProjectsAimAtLeastAsHighAsLastYear() {
        let key = nutritionGoal().indicators[0].historyKey
        #expect(rules(nutritionGoal(), GoalContext(isContinuing: true, lastYearActuals: [key: 760])).contains(.belowLastYearActual))
        #expect(rules(nutritionGoal(), GoalContext(isContinuing: true, lastYearActuals: [key: 735])).contains(.equalsLastYearActual))
        #expect(!rules(nutritionGoal(), GoalContext(isContinuing: true, lastYearActuals: [key: 700])).contains(.belowLastYearActual))
        #expect(!rules(nutritionGoal(), GoalContext(isContinuing: false, lastYearActuals: [key: 760])).contains(.belowLastYearActual))
        let reverseKey = nutritionGoal().indicators[5].historyKey
        #expect(rules(nutritionGoal(), GoalContext(isContinuing: true, lastYearActuals: [reverseKey: 6])).contains(.belowLastYearActual),
                "for a rate that should fall, aiming above last year's is less ambitious")
    }

    @Test func enoughOutputIndicators() {
        let two = goal { $0.indicators.removeSubrange(1...3) }
        #expect(rules(two).contains(.fewOutputIndicators))
        #expect(!rules(nutritionGoal()).contains(.fewOutputIndicators))
    }

    @Test func qualityOrTimelinessPresent() {
        let onlyQuantity = goal { $0.indicators.removeSubrange(2...3) }
        #expect(rules(onlyQuantity).contains(.noQualityOrTimeliness))
        #expect(!rules(nutritionGoal()).contains(.noQualityOrTimeliness))
    }

    @Test func satisfactionForServiceProjects() {
        let none = goal { $0.indicators.removeLast() }
        #expect(rules(none, GoalContext(isServiceProject: true)).contains(.noSatisfactionForService))
        #expect(!rules(none, GoalContext(isServiceProject: false)).contains(.noSatisfactionForService))
    }

    @Test func quantitativeFirst() {
        let qualitative = goal {
            $0.indicators[0].targetText = "达到预期目标"
            $0.indicators[6].targetText = "优"
        }
        #expect(rules(qualitative).contains(.qualitativeWeightTooHigh))
        #expect(!rules(nutritionGoal()).contains(.qualitativeWeightTooHigh))
    }

    @Test func fullCoverageMeansOneHundred() {
        #expect(rules(goal { $0.indicators[2].name = "食品安全检查全覆盖"; $0.indicators[2].targetText = "≥98%" }).contains(.fullCoverageMismatch))
        #expect(!rules(goal { $0.indicators[2].name = "食品安全检查全覆盖"; $0.indicators[2].targetText = "=100%" }).contains(.fullCoverageMismatch))
    }

    @Test func everyRuleIsExercised() {
        // Keeps this suite honest when a rule is added: each rule needs its own test above.
        #expect(LintRule.allCases.count == 14)
    }

    @Test func percentilesInterpolate() {
        let values: [Decimal] = [10, 20, 30, 40, 50]
        #expect(GoalLinter.percentile(values, Decimal(string: "0.5")!) == 30)
        #expect(GoalLinter.percentile(values, Decimal(string: "0.1")!) == 14)
        #expect(GoalLinter.percentile(values, Decimal(string: "0.9")!) == 46)
        #expect(GoalLinter.percentile([7], Decimal(string: "0.9")!) == 7)
    }
}

@Suite("Word lists")
struct WordListTests {
    @Test func findsWordsAnywhere() {
        let list = WordList(["逾期率", "提升", "100%"])
        #expect(list.occurs(in: "贷款逾期率"))
        #expect(list.occurs(in: "提升"))
        #expect(list.occurs(in: "覆盖率达到100%"))
        #expect(!list.occurs(in: "逾期"))
        #expect(!list.occurs(in: ""))
        #expect(!WordList([]).occurs(in: "任何文字"))
    }
}
