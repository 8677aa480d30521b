import Foundation
import Testing
@testable import JixiaoDomain

@Suite("Self-evaluation scoring guards: what a unit could otherwise exploit")
struct ScoringGuardTests {
    private func figures(_ budget: String, executed: String) -> YearBudgetFigures {
        YearBudgetFigures(initialBudget: fixtureMoney(budget), fullYearBudget: fixtureMoney(budget), executed: fixtureMoney(executed))
    }

    @Test("money executed against a budget of 0 earns no budget points and is a finding; nothing against nothing stays full")
    func executedWithoutBudget() throws {
        #expect(BudgetScore(figures("0", executed: "50"), rules: .standard).points == 0)
        #expect(BudgetScore(figures("0", executed: "0"), rules: .standard).points == 10)
        let form = SelfEvaluationForm(budget: figures("0", executed: "50"), rows: [])
        let score = try SelfEvaluationScoring.score(budget: form.budget, rows: [], rules: .standard)
        #expect(SelfEvaluationChecks.findings(form, score: score).contains(.executedWithoutBudget(executed: fixtureMoney("50"))))
        let clean = SelfEvaluationForm(budget: figures("0", executed: "0"), rows: [], totalWeight: 10)
        #expect(SelfEvaluationChecks.findings(clean, score: try SelfEvaluationScoring.score(budget: clean.budget, rows: [], rules: .standard)).isEmpty)
    }

    @Test("far exceeded for another cause: not docked, but the cause must be written")
    func otherCauseNeedsWords() throws {
        let target = fixtureTarget("≥100人")
        func row(_ cause: OverAchievementCause) -> ScoringRow {
            ScoringRow(category: .output, name: "培训人数", weight: 10, target: target, actual: .value(fixtureValue("150", against: target)), overAchievementCause: cause)
        }
        let silent = try IndicatorScoring.score(row(.other("  ")), weight: 10, rules: .standard)
        #expect(silent.points == 10 && silent.demands.contains(.overAchievementCause))
        let said = try IndicatorScoring.score(row(.other("上级追加培训任务")), weight: 10, rules: .standard)
        #expect(said.points == 10 && said.demands.isEmpty)
    }

    @Test("a negative or implausibly large actual is refused, not scored full")
    func actualOutOfRange() {
        let reverse = fixtureTarget("≤5300元")
        let huge = Decimal(string: "1" + String(repeating: "0", count: 40))!
        for actual in [Decimal(-1), huge] {
            let row = ScoringRow(category: .output, name: "成本", weight: 10, target: reverse, actual: .value(.number(actual, unit: "元")))
            #expect(throws: ScoringProblem.actualOutOfRange(actual)) { try IndicatorScoring.score(row, weight: 10, rules: .standard) }
        }
    }

    @Test("a budget block must weigh whole hundredths, so the rows can share the rest exactly")
    func budgetWeightHundredths() {
        #expect(ScoringRuleSet(budgetWeight: Decimal(string: "10.005")!).check() == [.budgetWeightOutOfRange(Decimal(string: "10.005")!)])
        #expect(ScoringRuleSet(budgetWeight: Decimal(string: "12.5")!).check().isEmpty)
    }
}
