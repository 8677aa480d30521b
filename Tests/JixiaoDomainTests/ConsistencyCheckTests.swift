import Foundation
import Testing
@testable import JixiaoDomain

private func wan(_ text: String) -> Money { fixtureMoney(text) }
private func target(_ text: String) -> Target { fixtureTarget(text) }

private func formRow(_ category: IndicatorCategory = .output, weight: Decimal = 10, target text: String, actual: String?, printed: Decimal? = nil,
                     explanation: String = "", forecast: String? = nil, override: EvaluatorScore? = nil) -> FormRow {
    let t = target(text)
    let scoring = ScoringRow(category: category, name: "指标", weight: weight, target: t,
                             actual: actual.map { .value(fixtureValue($0, against: t)) }, override: override)
    return FormRow(scoring: scoring, printedPoints: printed, explanation: explanation,
                   lastForecast: forecast.map { fixtureValue($0, against: t) })
}

/// Nine rows of 10 (产出 5, 效益 3, 满意度 1) and a budget block of 10: a form whose weights add up.
private func form(_ rows: [FormRow], narrative: String = "", rate: Decimal? = nil, budgetPoints: Decimal? = nil, total: Decimal? = nil,
                  executed: String = "97.80") -> SelfEvaluationForm {
    SelfEvaluationForm(budget: YearBudgetFigures(initialBudget: wan("100"), fullYearBudget: wan("100"), executed: wan(executed)), rows: rows,
                       narrative: narrative, printedRatePercent: rate, printedBudgetPoints: budgetPoints, printedTotal: total)
}

private func filler(_ count: Int) -> [FormRow] { (0..<count).map { _ in formRow(target: "≥10个", actual: "11") } }

private func findings(_ form: SelfEvaluationForm) throws -> [ConsistencyFinding] {
    let score = try SelfEvaluationScoring.score(budget: form.budget, rows: form.rows.map(\.scoring), rules: .standard)
    return SelfEvaluationChecks.findings(form, score: score)
}

@Suite("Self-evaluation quality checks (自评质量检查): each finding with the numbers that raise it")
struct ConsistencyCheckTests {
    @Test("a clean form has no finding")
    func clean() throws {
        #expect(try findings(form(filler(9), narrative: "年度目标基本完成", rate: Decimal(string: "97.8"), budgetPoints: Decimal(string: "9.78"),
                                  total: Decimal(string: "99.78"))) == [])
    }

    @Test("printed points that differ from the rule, above the weight, a met row docked, a missed row full, a reverse cap exceeded yet full")
    func rowPoints() throws {
        let rows = [formRow(target: "≥95%", actual: "96%", printed: 8),                 // met, docked without a reason
                    formRow(target: "≥95%", actual: "88%", printed: 10),                // missed, full
                    formRow(target: "≤5300元", actual: "5830", printed: 10, explanation: "物价上涨"),  // reverse cap exceeded, full
                    formRow(target: "≥10个", actual: "10", printed: 12),                // above the weight
                    formRow(target: "≥95%", actual: "96%", printed: 8, explanation: "资料不全酌情扣分")] + filler(4)
        let found = try findings(form(rows))
        #expect(found.contains(.metButDocked(row: 0, given: 8, weight: 10)))
        #expect(found.contains(.missedButFull(row: 1, weight: 10)))
        #expect(found.contains(.reverseCapExceededButFull(row: 2, actual: 5830, cap: 5300)))
        #expect(found.contains(.pointsAboveWeight(row: 3, given: 12, weight: 10)))
        #expect(!found.contains(.metButDocked(row: 4, given: 8, weight: 10)), "a reason was given")
        for row in 0..<5 { #expect(found.contains { if case .pointsDifferFromRule(row, _, _) = $0 { true } else { false } }, "row \(row)") }
        // A printed score equal to the rule's at two decimals is no difference (9.26 for 9.263…).
        #expect(try findings(form([formRow(target: "≥95%", actual: "88%", printed: Decimal(string: "9.26"), explanation: "生源减少")] + filler(8))) == [])
    }

    @Test("an override on a typed form is a difference from the rule, named with both scores")
    func overrideDiffers() throws {
        let found = try findings(form([formRow(target: "≥95%", actual: "88%", explanation: "口径调整", override: EvaluatorScore(points: 10, reason: "口径调整"))] + filler(8)))
        #expect(found.count == 1)
        guard case .pointsDifferFromRule(0, 10, let rule)? = found.first else { Issue.record("\(found)"); return }
        #expect(Ratio.text(rule, decimals: 2) == "9.26")
    }

    @Test("weights that do not add up to 100, a printed total that is not the sum, a printed rate that is not executed ÷ budget")
    func totals() throws {
        #expect(try findings(form(filler(8))).contains(.weightsDoNotAddUp(sum: 90, total: 100)))
        #expect(try findings(form(filler(9), total: 100)).contains(.printedTotalDiffers(printed: 100, sum: Decimal(string: "99.78")!)))
        // Each figure rounded on its own: within half a hundredth per figure, the total agrees.
        #expect(try findings(form(filler(9), total: Decimal(string: "99.80")!)).allSatisfy { if case .printedTotalDiffers = $0 { false } else { true } })
        // Compared at the precision printed: 97.8 % printed as 98 or 97.8 agrees, as 97 or 97.5 does not.
        #expect(try findings(form(filler(9), rate: 98)) == [])
        #expect(try findings(form(filler(9), rate: Decimal(string: "97.8"))) == [])
        #expect(try findings(form(filler(9), rate: 97)).contains { if case .printedRateDiffers(97, _) = $0 { true } else { false } })
        #expect(try findings(form(filler(9), rate: Decimal(string: "97.5"))).contains { if case .printedRateDiffers = $0 { true } else { false } })
    }

    @Test("every actual equal to its target is suspected to be a copy of the targets")
    func copiedTargets() throws {
        let rows = (0..<9).map { _ in formRow(target: "≥10个", actual: "10") }
        #expect(try findings(form(rows)).contains(.everyActualEqualsTarget(rows: 9)))
        #expect(!(try findings(form(filler(9)))).contains(.everyActualEqualsTarget(rows: 9)))
    }

    @Test("a narrative claiming completion while an indicator was missed; an actual far from the last forecast without a word")
    func narrativeAndForecast() throws {
        let rows = [formRow(target: "≥95%", actual: "88%", explanation: "生源减少")] + filler(8)
        #expect(try findings(form(rows, narrative: "各项绩效目标全部完成。")).contains(.narrativeClaimsCompletion(missedRows: [0])))
        #expect(!(try findings(form(rows, narrative: "大部分目标完成，学生满意度未达标。"))).contains { if case .narrativeClaimsCompletion = $0 { true } else { false } })
        // The claim is found anywhere, white space inside it ignored; a near miss of its words is no claim.
        for (narrative, claims) in [("全部完成", true), ("年度绩效目标均 已\n完成", true), ("本年度目标圆满完成", true), ("全部完", false), ("", false),
                                    ("部分完成，全部达", false), ("Targets met. 全面完成", true), ("全部\u{3000}完成", true), ("均\u{00A0}已\u{2009}完成", true),
                                    ("全部\u{2028}完成。", true), ("全部、完成", false), ("全部\u{3001}完成", false), ("\u{3000}", false)] {
            #expect(SelfEvaluationChecks.claimsCompletion(narrative) == claims, "\(narrative)")
        }
        let far = [formRow(target: "≥100人", actual: "150", forecast: "110")] + filler(8)
        #expect(try findings(form(far)).contains(.farFromForecast(row: 0, forecast: 110, actual: 150)))
        let near = [formRow(target: "≥100人", actual: "120", forecast: "110")] + filler(8)
        #expect(!(try findings(form(near))).contains { if case .farFromForecast = $0 { true } else { false } })
        let explained = [formRow(target: "≥100人", actual: "150", explanation: "下半年新增两个班", forecast: "110")] + filler(8)
        #expect(!(try findings(form(explained))).contains { if case .farFromForecast = $0 { true } else { false } })
    }
}
