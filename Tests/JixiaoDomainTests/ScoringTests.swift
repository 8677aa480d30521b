import Foundation
import Testing
@testable import JixiaoDomain

private func wan(_ text: String) -> Money { fixtureMoney(text) }
private func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDay { CalendarDay(year: y, month: m, day: d)! }
private func target(_ text: String) -> Target { fixtureTarget(text) }
private func value(_ text: String, against t: Target) -> IndicatorActual { .value(fixtureValue(text, against: t)) }
private func shown(_ points: Decimal) -> String { Ratio.text(points, decimals: 2) }

private func row(_ category: IndicatorCategory = .output, _ name: String = "指标", weight: Decimal = 10, target text: String,
                 actual: String?, cause: OverAchievementCause? = nil, chosen: EvaluatorScore? = nil, override: EvaluatorScore? = nil) -> ScoringRow {
    let t = target(text)
    return ScoringRow(category: category, name: name, weight: weight, target: t, actual: actual.map { value($0, against: t) },
                      overAchievementCause: cause, chosen: chosen, override: override)
}

private func score(_ row: ScoringRow, rules: ScoringRuleSet = .standard) throws -> IndicatorScore {
    try IndicatorScoring.score(row, weight: row.weight, rules: rules)
}

@Suite("Self-evaluation scoring (DOMAIN.md §5): the seven worked examples, each rule at and around its threshold")
struct ScoringTests {
    @Test("example 1: budget 100.00 万元, executed 97.80 万元 → 97.8 % → 9.78 points; full at and above 100 %, 0 budget and 0 executed full")
    func budgetPoints() {
        let budget = BudgetScore(YearBudgetFigures(initialBudget: wan("100"), fullYearBudget: wan("100"), executed: wan("97.80")), rules: .standard)
        #expect(budget.rate?.percentText() == "97.8%")
        #expect(budget.points == Decimal(string: "9.78"))
        #expect(BudgetScore(YearBudgetFigures(initialBudget: wan("100"), fullYearBudget: wan("100"), executed: wan("100")), rules: .standard).points == 10)
        #expect(BudgetScore(YearBudgetFigures(initialBudget: wan("100"), fullYearBudget: wan("90"), executed: wan("95")), rules: .standard).points == 10)
        #expect(BudgetScore(YearBudgetFigures(initialBudget: wan("0"), fullYearBudget: wan("0"), executed: wan("0")), rules: .standard).points == 10)
        // Forms that divide by 年初预算数, and a 20-point budget block.
        var rules = ScoringRuleSet(budgetWeight: 20, executionDivisor: .initialBudget)
        let figures = YearBudgetFigures(initialBudget: wan("80"), fullYearBudget: wan("100"), executed: wan("60"))
        #expect(BudgetScore(figures, rules: rules).points == 15)
        rules.executionDivisor = .fullYearBudget
        #expect(BudgetScore(figures, rules: rules).points == 12)
    }

    @Test("example 2: ≥ 4754 人, actual 4604, w = 10 → 9.68 (4604 ÷ 4754 × 10 = 9.68447…), with the arithmetic in numbers")
    func positive() throws {
        let s = try score(row(target: "≥4754人", actual: "4604"))
        #expect(shown(s.points) == "9.68" && s.points > Decimal(string: "9.6844")! && s.points < Decimal(string: "9.6845")!)
        #expect(s.met == false && s.demands == [.deviationExplanation])
        #expect(s.arithmetic.formula(points: s.points) == "4604 ÷ 4754 × 10 = 9.68")
        // At the target, and above it: full. ">" counts equality as met.
        #expect(try score(row(target: "≥4754人", actual: "4754")).points == 10)
        #expect(try score(row(target: ">95%", actual: "95%")).points == 10)
        #expect(try score(row(target: "≥95%", actual: "88%")).arithmetic.formula(points: 10 * 88 / 95) == "88 ÷ 95 × 10 = 9.26")
    }

    @Test("example 3: ≤ 5300 元, actual 5830, w = 10 → 9.09 (5300 ÷ 5830 × 10); at or under the target, or 0, full")
    func reverse() throws {
        let s = try score(row(target: "≤5300元", actual: "5830"))
        #expect(shown(s.points) == "9.09" && s.met == false)
        #expect(s.arithmetic.formula(points: s.points) == "5300 ÷ 5830 × 10 = 9.09")
        #expect(try score(row(target: "≤5300元", actual: "5300")).points == 10)
        #expect(try score(row(target: "<5300元", actual: "0")).points == 10)
    }

    @Test("example 4: = 100 %, actual 98 %, w = 10 → 9.80; above the target the same way round (min ÷ max)")
    func exact() throws {
        #expect(shown(try score(row(target: "=100%", actual: "98%")).points) == "9.80")
        #expect(shown(try score(row(target: "=100%", actual: "125%")).points) == "8.00")
        #expect(try score(row(target: "=100%", actual: "100%")).points == 10)
    }

    @Test("example 5: qualitative, band 部分达成, score 8.5 of w = 10 → refused (outside [6, 8)); inside the band it counts")
    func qualitativeBands() throws {
        let t = target("达到预期效果")
        func band(_ band: QualitativeBand, _ points: Decimal) throws -> IndicatorScore {
            try score(ScoringRow(category: .effect, name: "社会效益", weight: 10, target: t, actual: .band(band, points: points)))
        }
        #expect(throws: ScoringProblem.bandScoreOutside(band: .partly, points: Decimal(string: "8.5")!, low: 6, high: 8)) {
            try band(.partly, Decimal(string: "8.5")!)
        }
        #expect(throws: ScoringProblem.self) { try band(.partly, 8) }           // 8 is 达成's, not 部分达成's
        #expect(throws: ScoringProblem.self) { try band(.achieved, Decimal(string: "7.99")!) }
        #expect(try band(.partly, 6).points == 6)
        #expect(try band(.achieved, 8).met == true)
        #expect(try band(.notAchieved, 0).points == 0)
        // The edges, compared exactly (points × 100 against weight × 80 / 60), for a weight shared by three rows too.
        let third = Decimal(10) / 3
        for (band, points, weight, inside) in [(QualitativeBand.achieved, Decimal(10), Decimal(10), true), (.achieved, Decimal(string: "10.01")!, 10, false),
                                               (.partly, Decimal(string: "7.99")!, 10, true), (.notAchieved, Decimal(string: "5.99")!, 10, true),
                                               (.notAchieved, 6, 10, false), (.achieved, third * Decimal(string: "0.8")!, third, true),
                                               (.partly, third * Decimal(string: "0.8")!, third, false), (.notAchieved, -1, 10, false)] {
            #expect(band.contains(points, weight: weight) == inside, "\(band) \(points) of \(weight)")
        }
        // An indicator weighing nothing holds 0 points in whichever band the evaluator picked, and nothing more.
        #expect(QualitativeBand.allCases.allSatisfy { $0.contains(0, weight: 0) && !$0.contains(1, weight: 0) })
        #expect(throws: ScoringProblem.actualDoesNotFitTarget) { try score(ScoringRow(category: .output, name: "x", weight: 10, target: target("≥95%"), actual: .band(.achieved, points: 9))) }
    }

    @Test("example 6: budget 10, 产出 5 × 10, 效益 3 × 10, 满意度 10, everything met, 100 % executed → 100, 优")
    func fullMarks() throws {
        let rows = (0..<5).map { row(.output, "产出\($0)", target: "≥100台", actual: "100") }
            + (0..<3).map { row(.effect, "效益\($0)", target: "≤5天", actual: "4") }
            + [row(.satisfaction, "满意度", target: "≥90%", actual: "96%")]
        let s = try SelfEvaluationScoring.score(budget: YearBudgetFigures(initialBudget: wan("500"), fullYearBudget: wan("500"), executed: wan("500")),
                                                rows: rows, rules: .standard)
        #expect(s.total == 100 && s.totalText == "100.00" && s.grade == .excellent)
    }

    @Test("example 7: a 满意度 indicator marked 不适用 gives its 10 to the other 满意度 indicators; a group with none left needs a reassignment with a reason")
    func notApplicable() throws {
        let figures = YearBudgetFigures(initialBudget: wan("100"), fullYearBudget: wan("100"), executed: wan("100"))
        let output = (0..<8).map { row(.output, "产出\($0)", target: "≥10个", actual: "10") }
        var satisfaction = [row(.satisfaction, "群众满意度", weight: 5, target: "≥90%", actual: "81%"),
                            row(.satisfaction, "学生满意度", weight: 5, target: "≥90%", actual: nil)]
        satisfaction[1].actual = .notApplicable(reason: "当年未开展学生调查")
        let s = try SelfEvaluationScoring.score(budget: figures, rows: output + satisfaction, rules: .standard)
        #expect(s.indicators[8].weight == 10 && s.indicators[9].weight == 0 && s.indicators[9].points == 0)
        #expect(s.indicators[8].points == 9)                         // 81 ÷ 90 × 10
        #expect(s.total == 99 && s.unassigned.isEmpty)

        // Both 满意度 rows not applicable: the 10 points do not vanish silently.
        satisfaction[0].actual = .notApplicable(reason: "未开展满意度调查")
        let left = try SelfEvaluationScoring.score(budget: figures, rows: output + satisfaction, rules: .standard)
        #expect(left.unassigned == [.satisfaction: 10] && left.total == 90)
        let moved = try SelfEvaluationScoring.score(budget: figures, rows: output + satisfaction,
                                                    reassignments: [GroupReassignment(from: .satisfaction, to: [.output: 10], reason: "满意度改由产出质量体现")],
                                                    rules: .standard)
        #expect(moved.unassigned.isEmpty && moved.total == 100 && moved.indicators[0].weight == Decimal(90) / 8)
        #expect(throws: SelfEvaluationScoring.Problem.reassignmentReasonMissing(.satisfaction)) {
            try SelfEvaluationScoring.score(budget: figures, rows: output + satisfaction,
                                            reassignments: [GroupReassignment(from: .satisfaction, to: [.output: 10], reason: " ")], rules: .standard)
        }
        #expect(throws: SelfEvaluationScoring.Problem.reassignmentDoesNotAddUp(from: .satisfaction, weight: 10, given: 8)) {
            try SelfEvaluationScoring.score(budget: figures, rows: output + satisfaction,
                                            reassignments: [GroupReassignment(from: .satisfaction, to: [.output: 8], reason: "x")], rules: .standard)
        }
        #expect(throws: SelfEvaluationScoring.Problem.reassignmentToEmptyGroup(.effect)) {
            try SelfEvaluationScoring.score(budget: figures, rows: output + satisfaction,
                                            reassignments: [GroupReassignment(from: .satisfaction, to: [.effect: 10], reason: "x")], rules: .standard)
        }
    }

    @Test("a weight shared by three rows still adds up to a whole: 90 is 优, not 89.999…")
    func sharedWeightsAddUp() throws {
        var rows = (0..<3).map { row(.output, "产出\($0)", weight: 20, target: "≥1个", actual: "1") }
            + [row(.output, "产出3", weight: 10, target: "≥1个", actual: nil)]
        rows[3].actual = .notApplicable(reason: "项目调整")
        rows += [row(.effect, "效益", weight: 10, target: "≥1个", actual: "1"), row(.satisfaction, "满意度", weight: 10, target: "≥90%", actual: "0%")]
        let s = try SelfEvaluationScoring.score(budget: YearBudgetFigures(initialBudget: wan("1"), fullYearBudget: wan("1"), executed: wan("1")),
                                                rows: rows, rules: .standard)
        #expect(s.total == 90 && s.grade == .excellent)
    }

    @Test("grades at their bounds: 90 优, 89.99 良, 80 良, 79.99 中, 60 中, 59.99 差")
    func grades() {
        for (score, grade) in [("100", ScoreGrade.excellent), ("90", .excellent), ("89.99", .good), ("80", .good), ("79.99", .fair),
                               ("60", .fair), ("59.99", .poor), ("0", .poor)] {
            #expect(ScoreGrade(score: Decimal(string: score)!) == grade, "\(score)")
        }
    }

    @Test("deadlines: on or before the day full; up to a month late the rule suggests 60 %, later 0, and the evaluator decides with a reason")
    func deadlines() throws {
        let onTime = try score(row(.output, "完工时间", target: "2026年10月31日前", actual: "2026年10月31日"))
        #expect(onTime.points == 10 && onTime.met == true)
        let late = try score(row(.output, "完工时间", target: "2026年10月31日前", actual: "2026年11月30日"))
        #expect(late.points == 6 && late.demands.contains(.lateScore(suggested: 6)) && late.met == false)
        let later = try score(row(.output, "完工时间", target: "2026年10月31日前", actual: "2026年12月1日"))
        #expect(later.points == 0 && later.demands.contains(.lateScore(suggested: 0)))
        let decided = try score(row(.output, "完工时间", target: "2026年10月31日前", actual: "2026年11月30日",
                                    chosen: EvaluatorScore(points: 7, reason: "延期系暴雨停工，已报批")))
        #expect(decided.points == 7 && !decided.demands.contains(.lateScore(suggested: 6)))
        #expect(throws: ScoringProblem.reasonMissing) {
            try score(row(.output, "完工时间", target: "2026年10月31日前", actual: "2026年11月30日", chosen: EvaluatorScore(points: 7, reason: "")))
        }
        #expect(throws: ScoringProblem.pointsOutsideWeight(points: 11, weight: 10)) {
            try score(row(.output, "完工时间", target: "2026年10月31日前", actual: "2026年11月30日", chosen: EvaluatorScore(points: 11, reason: "x")))
        }
        // A month later than 31 January is the end of February, in leap years too.
        #expect(day(2028, 1, 31).adding(months: 1) == day(2028, 2, 29) && day(2027, 1, 31).adding(months: 1) == day(2027, 2, 28))
        #expect(day(2027, 12, 15).adding(months: 1) == day(2028, 1, 15))
    }

    @Test("over-achievement: at 120 % of a positive target the cause is asked; a target set too low is docked to t ÷ a × w")
    func overAchievement() throws {
        let below = try score(row(target: "≥100人", actual: "119"))
        #expect(below.points == 10 && below.demands.isEmpty)
        let at = try score(row(target: "≥100人", actual: "120"))
        #expect(at.points == 10 && at.demands == [.overAchievementCause])
        let low = try score(row(target: "≥100人", actual: "160", cause: .targetSetTooLow))
        #expect(low.points == Decimal(string: "6.25") && low.demands.isEmpty)
        #expect(low.arithmetic.formula(points: low.points) == "100 ÷ 160 × 10 = 6.25")
        #expect(try score(row(target: "≥100人", actual: "160", cause: .other("新增资金扩大覆盖"))).points == 10)
        #expect(try score(row(target: "≥100人", actual: "160", cause: .targetSetTooLow, chosen: EvaluatorScore(points: 8, reason: "部分系政策调整"))).points == 8)
        // With a higher threshold 160 % is not yet over-achieved.
        #expect(try score(row(target: "≥100人", actual: "160"), rules: ScoringRuleSet(overAchievementPercent: 200)).demands.isEmpty)
    }

    @Test("an override replaces the rule's points, keeps them beside it, and needs a reason; a missing actual scores nothing and is asked for")
    func overrideAndMissing() throws {
        let s = try score(row(target: "≥95%", actual: "88%", override: EvaluatorScore(points: 10, reason: "口径调整")))
        #expect(s.isOverride && s.points == 10 && shown(s.rulePoints) == "9.26")
        let missing = try score(row(target: "≥95%", actual: nil))
        #expect(missing.points == 0 && missing.demands == [.actualMissing] && missing.met == nil)
    }

    @Test("a province's scoring rules reach its counties until a county sets its own; elsewhere the policy's")
    func inheritance() {
        let province = HierarchyPath(rawValue: "/a/"), city = HierarchyPath(rawValue: "/a/b/"), county = HierarchyPath(rawValue: "/a/b/c/"), other = HierarchyPath(rawValue: "/z/")
        let sets = [province: ScoringRuleSet(budgetWeight: 20), county: ScoringRuleSet(budgetWeight: 15)]
        #expect(ScoringRuleSet.inForce(at: city, among: sets).budgetWeight == 20)
        #expect(ScoringRuleSet.inForce(at: county, among: sets).budgetWeight == 15)
        #expect(ScoringRuleSet.inForce(at: HierarchyPath(rawValue: "/a/b/c/d/"), among: sets).budgetWeight == 15)
        #expect(ScoringRuleSet.inForce(at: other, among: sets) == .standard)
    }

    @Test("a rule set outside its bounds is refused")
    func ruleSetBounds() {
        #expect(ScoringRuleSet.standard.check().isEmpty)
        #expect(ScoringRuleSet(budgetWeight: 120, overAchievementPercent: 100, lateSharePercent: 101, lateGraceMonths: -1).check().count == 4)
    }
}
