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

    @Test("a deadline outside the fiscal year", arguments: [
        ("2026年12月前", false), ("2026年1月前", false), ("2026-10-31前", false), ("2026年底前", false), ("<2027年1月1日", false),
        ("2027年10月前", true), ("2027-10-31前", true), ("2025年12月前", true), ("<2026年1月1日", true), ("≤2027年3月31日", true),
    ])
    func deadlineOutsideFiscalYear(target: String, flagged: Bool) {
        let late = goal { $0.indicators[3].targetText = target }
        let findings = GoalLinter.lint(late, context: GoalContext(fiscalYear: 2026)).filter { $0.rule == .deadlineOutsideFiscalYear }
        #expect(findings.count == (flagged ? 1 : 0))
        if flagged {
            guard case .date(let day)? = late.indicators[3].target?.value else { Issue.record("not a deadline"); return }
            #expect(findings.first == LintFinding(.deadlineOutsideFiscalYear, .warning, index: 3, figures: [day.description, "2026"]))
        }
    }

    @Test func deadlinesNeedTheFiscalYear() {
        let late = goal { $0.indicators[3].targetText = "2027年10月前" }
        #expect(!rules(late).contains(.deadlineOutsideFiscalYear), "without the fiscal year the rule stays silent")
        #expect(!rules(nutritionGoal(), GoalContext(fiscalYear: 2026)).contains(.deadlineOutsideFiscalYear))
    }

    @Test func everyRuleIsExercised() {
        // Keeps this suite honest when a rule is added: each rule needs its own test above.
        #expect(LintRule.allCases.count == 15)
    }

    @Test func percentilesInterpolate() {
        let values: [Decimal] = [10, 20, 30, 40, 50]
        #expect(GoalLinter.percentile(values, Decimal(string: "0.5")!) == 30)
        #expect(GoalLinter.percentile(values, Decimal(string: "0.1")!) == 14)
        #expect(GoalLinter.percentile(values, Decimal(string: "0.9")!) == 46)
        #expect(GoalLinter.percentile([7], Decimal(string: "0.9")!) == 7)
    }
}

/// The direction rule read from the structure of the name (IndicatorDirection): the outcome, what is done about
/// it, the measure. Each name is declared both ways; the finding appears only when the sign points against it.
@Suite("Direction from the structure of an indicator's name")
struct IndicatorDirectionTests {
    static let lower = TargetOperator.Direction.lowerIsBetter
    static let higher = TargetOperator.Direction.higherIsBetter

    static let names: [(String, TargetOperator.Direction?)] = [
        // A bad outcome counted: less is better, whatever stands between it and the measure.
        ("事故率", lower), ("安全生产事故发生率", lower), ("差错率", lower), ("差错发生率", lower), ("超期未结率", lower),
        ("超期未办结率", lower), ("超期办理的案件率", lower), ("设备故障停机率", lower), ("投诉率", lower), ("不合格率", lower),
        ("空置率", lower), ("公租房空置率", lower), ("闲置率", lower), ("学生营养不良发生率", lower), ("城镇登记失业率", lower),
        ("孕产妇死亡率", lower), ("贷款逾期率", lower), ("返工率", lower), ("辍学率", lower), ("传染病发病率", lower),
        ("投诉处理超时率", lower), ("隐患未整改率", lower), ("补助发放不及时率", lower), ("主要污染物排放量", lower),
        ("道路交通事故死亡人数", lower), ("故障停机时长", lower), ("工期延误率", lower), ("事故率上升", lower),
        ("重大安全事故", lower), ("事故发生率（%）", lower), ("粮食产后损失率", lower), ("PM2.5 超标天数", lower),
        ("欠薪案件积压数", lower), ("逾期整改率", lower),
        // Rates of handling a bad outcome, of a fall, of a good result: more is better.
        ("投诉处理率", higher), ("隐患整改率", higher), ("违规资金追回率", higher), ("事故下降率", higher), ("事故率下降", higher),
        ("投诉率同比下降", higher), ("合格率", higher), ("食品安全抽检合格率", higher), ("完成率", higher), ("覆盖率", higher),
        ("学生及家长满意度", higher), ("逾期贷款清收率", higher), ("超期案件办结率", higher), ("失业人员再就业率", higher),
        ("不合格产品召回率", higher), ("闲置资产盘活率", higher), ("设备故障修复率", higher), ("欠薪案件结案率", higher),
        ("污染地块安全利用率", higher), ("投诉回复及时率", higher), ("火灾发生后到场及时率", higher), ("成本降低率", higher),
        ("辍学学生劝返率", higher), ("主要污染物减排量", higher), ("水土流失治理面积", higher), ("安全隐患排查治理率", higher),
        ("信访事项按期办结率", higher), ("义务教育巩固率", higher), ("设施完好率", higher), ("航班延误处置率", higher),
        // The name does not tell: an aim stated from the front, the time of handling, no measure, nothing bad or good.
        ("降低事故发生率", nil), ("无重大安全事故天数", nil), ("杜绝投诉", nil), ("治理水土流失面积", nil),
        ("投诉处理平均时长", nil), ("生均每天补助标准", nil), ("项目完成时间", nil), ("违规资金追回", nil), ("学生受资助人数", nil),
        ("供餐学校数量", nil), ("预算执行率", nil), ("工程质量", nil),
    ]

    @Test("the structure of the name gives the direction", arguments: names)
    func direction(name: String, expected: TargetOperator.Direction?) {
        #expect(IndicatorDirection.expected(fromName: name) == expected)
    }

    @Test("the finding appears only when the sign points against the name", arguments: names)
    func finding(name: String, expected: TargetOperator.Direction?) {
        func flagged(_ target: String) -> Bool {
            var goal = nutritionGoal()
            goal.indicators[5].name = name
            goal.indicators[5].targetText = target
            return GoalLinter.lint(goal).contains { $0.rule == .directionContradictsName && $0.index == 5 }
        }
        #expect(flagged("≥5%") == (expected == .lowerIsBetter))
        #expect(flagged(">5%") == (expected == .lowerIsBetter))
        #expect(flagged("≤5%") == (expected == .higherIsBetter))
        #expect(flagged("<5%") == (expected == .higherIsBetter))
        #expect(!flagged("=5%"), "an exact target points nowhere")
        #expect(!flagged("2026年10月前"), "a deadline is always on or before")
    }

    @Test func theFindingKeepsItsShape() {
        var goal = nutritionGoal()
        goal.indicators[5].name = "超期未结率"
        goal.indicators[5].targetText = "≥2%"
        let finding = GoalLinter.lint(goal).first { $0.rule == .directionContradictsName }
        #expect(finding == LintFinding(.directionContradictsName, .warning, index: 5, figures: ["≥"]))
    }

    @Test("every word has one meaning")
    func wordsAreUnique() {
        let all = IndicatorDirection.lexicon.flatMap(\.1)
        #expect(Set(all).count == all.count)
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
