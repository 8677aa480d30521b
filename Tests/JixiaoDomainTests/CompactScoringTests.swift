import Foundation
import Testing
@testable import JixiaoDomain

/// A small deterministic generator: the same forms on every run.
private struct SeededNumbers: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private func decimal(_ text: String) -> Decimal { Decimal(string: text)! }
private func fixed(_ text: String) -> FixedPoint { FixedPoint(text: text.utf8)! }

@Suite("Compact scoring: FixedPoint, the compact rows' bytes, and the year check's fast path held to the general scoring")
struct CompactScoringTests {
    @Test("FixedPoint reads plain decimals exactly, refuses what it cannot hold, and rounds half away from zero like NSDecimalRound")
    func fixedPoint() {
        #expect(fixed("9.5").description == "9.5" && fixed("-0.00000000000000000001").description == "-0.00000000000000000001")
        #expect(fixed("100").description == "100" && fixed("0").description == "0" && fixed("012.50").description == "12.5")
        for bad in ["", "-", ".", "1.2.3", "1e5", "+1", " 1", "0.000000000000000000001", "99999999999999999999"] {
            #expect(FixedPoint(text: bad.utf8) == nil, "\(bad)")
        }
        #expect(FixedPoint(decimal("9.2631578947368421052631578947368421052")) == nil, "more than twenty places is no guess")
        #expect(FixedPoint(decimal("9.26315789473684210526")) == fixed("9.26315789473684210526"))
        #expect(fixed("10").times(fixed("88"), over: fixed("95")) == fixed("9.26315789473684210526"))
        #expect(fixed("1").times(fixed("2"), over: fixed("3")) == fixed("0.66666666666666666667"))
        #expect(fixed("1").times(fixed("1"), over: .zero) == nil)
        #expect(fixed("-10").times(fixed("88"), over: fixed("95")) == fixed("-9.26315789473684210526"))
        #expect(fixed("1000000000000000000").times(fixed("1000"), over: fixed("1")) == nil, "out of range is nil, never a trap")
        #expect(FixedPoint(canonicalText: "9.5") == fixed("9.5"))
        for spelling in ["9.50", "09.5", "-0", "10.0", "+1", ".5", "5.", "-0.0", "00", "-05", "1.", ""] { #expect(FixedPoint(canonicalText: spelling) == nil, "\(spelling)") }
        for spelling in ["0", "0.5", "-1.5", "100", "10.05", "0.00000000000000000001", "-0.1"] {
            #expect(FixedPoint(canonicalText: spelling)?.description == spelling, "\(spelling)")
        }
        #expect(fixed("0.125").rounded(places: 2) == fixed("0.13") && fixed("-0.125").rounded(places: 2) == fixed("-0.13"))
        #expect(fixed("96.275").cents == 9628 && fixed("96.2749").cents == 9627)
        // Quotients agree with Decimal settled at twenty places.
        var numbers = SeededNumbers(state: 7)
        for _ in 0..<2_000 {
            let w = Int.random(in: 1...40, using: &numbers), a = Int.random(in: 0...100_000, using: &numbers), t = Int.random(in: 1...100_000, using: &numbers)
            var quotient = Decimal(w) * Decimal(a) / Decimal(t), settled = Decimal()
            NSDecimalRound(&settled, &quotient, 20, .plain)
            #expect(FixedPoint(w).times(FixedPoint(a), over: FixedPoint(t)) == FixedPoint(settled), "\(w) × \(a) ÷ \(t)")
        }
    }

    @Test("compact rows read back as written; another format, bytes cut short and trailing bytes read as no copy")
    func coding() throws {
        let rows = [
            CompactRow(category: .output, weight: fixed("13.33333333333333333333"), goal: .number(fixed("4754"), .higherIsBetter), quantitative: true,
                       actual: .number(fixed("4604")), actualEqualsTarget: false, over: .none, chosen: nil, explained: true,
                       forecast: fixed("4700.5"), stored: .points(fixed("12.9")) ),
            CompactRow(category: .cost, weight: fixed("5"), goal: .date(CalendarDay(year: 2027, month: 6, day: 30)!), quantitative: true,
                       actual: .date(CalendarDay(year: 2027, month: 7, day: 15)!), actualEqualsTarget: false, over: .other, chosen: fixed("3"),
                       explained: false, forecast: nil, stored: .unreadable),
            CompactRow(category: .satisfaction, weight: fixed("10"), goal: .qualitative, quantitative: false, actual: .band(.partly, fixed("7.5")),
                       actualEqualsTarget: false, over: .targetSetTooLow, chosen: nil, explained: false, forecast: nil, printed: fixed("7.49"), stored: .none),
            CompactRow(category: .effect, weight: .zero, goal: .number(fixed("-1"), .exact), quantitative: true, actual: .notApplicable,
                       actualEqualsTarget: false, over: .none, chosen: nil, explained: false, forecast: nil, stored: .points(.zero)),
        ]
        let bytes = CompactRowCoding.encode(rows)
        guard case .rows(let back)? = CompactRowCoding.decode(bytes) else { Issue.record("did not read back"); return }
        #expect(back == rows)
        guard case .general? = CompactRowCoding.decode(CompactRowCoding.encode(nil)) else { Issue.record("the general marker"); return }
        #expect(CompactRowCoding.decode(Array(bytes.dropLast())) == nil)
        #expect(CompactRowCoding.decode(bytes + [0]) == nil)
        #expect(CompactRowCoding.decode([CompactRowCoding.format &+ 1] + bytes.dropFirst()) == nil, "a copy of another format is none")
        #expect(CompactRowCoding.decode([UInt8]()) == nil)
        // Points above a million or measures above 10¹⁵ are the general way's: no sum of the compact scoring can overflow.
        var huge = rows[0]
        huge.weight = fixed("900000000000000000")
        #expect(!huge.isInRange && CompactRowCoding.decode(CompactRowCoding.encode([huge])) == nil)
        huge = rows[0]
        huge.forecast = fixed("-1700000000000000000")
        #expect(!huge.isInRange)
        let farTarget = fixtureTarget("≥95%")
        let far = FormRow(scoring: ScoringRow(category: .output, name: "指标", weight: 10, target: farTarget, actual: .value(.number(90, unit: "%"))),
                          lastForecast: .number(Decimal(string: "20000000000000000")!, unit: "%"))
        #expect(CompactRow(far, storedPoints: "9.47368421052631578947") == nil)
        // Stored points spelled otherwise than a save writes them are no points to compare.
        let plain = FormRow(scoring: ScoringRow(category: .output, name: "指标", weight: 10, target: farTarget, actual: .value(.number(95, unit: "%"))))
        #expect(CompactRow(plain, storedPoints: "10.00")?.stored == .unreadable && CompactRow(plain, storedPoints: "10")?.stored == .points(fixed("10")))
    }

    @Test("over thousands of generated forms the compact verdict agrees with the general scoring: as stored only when it is, never over a difference")
    func agreesWithGeneralScoring() throws {
        var numbers = SeededNumbers(state: 2026)
        let targets = ["≥4754人", "≤5300元", "=100%", "≥95%", ">0", "≥98.5%", "≤30日", "≥12.25万元", "2027年6月30日前", "达到预期目标", "≤0"]
        var asStored = 0, plain = 0, printedAsStored = 0, withFindings = 0
        for formNumber in 0..<3_000 {
            let rules = formNumber % 7 == 0 ? ScoringRuleSet(budgetWeight: 20, lateGraceMonths: 2, executionDivisor: .initialBudget) : .standard
            let count = Int.random(in: 1...9, using: &numbers)
            // Weights that mostly add up to what the budget block leaves.
            // Whole weights, halves and tenths.
            var weights = (0..<count).map { _ in Decimal(Int.random(in: 2...40, using: &numbers)) / [1, 2, 10][Int.random(in: 0..<3, using: &numbers)] }
            let rest = 100 - rules.budgetWeight - weights.dropLast().reduce(0, +)
            if rest >= 0, Int.random(in: 0..<10, using: &numbers) > 0 { weights[count - 1] = rest }
            var formRows: [FormRow] = []
            for index in 0..<count {
                let target = fixtureTarget(targets.randomElement(using: &numbers)!)
                let category: IndicatorCategory = [.output, .effect, .satisfaction, .cost][Int.random(in: 0..<4, using: &numbers)]
                var actual: IndicatorActual?
                var chosen: EvaluatorScore?, cause: OverAchievementCause?
                let kind = Int.random(in: 0..<20, using: &numbers)
                if kind == 0 { actual = nil } else if kind == 1 { actual = .notApplicable(reason: "不适用") } else {
                    switch target.value {
                    case .number(let t, _):
                        let choices = [t, t * 88 / 100, t * 13 / 10, t + 1, 0, t * Decimal(Int.random(in: 50...150, using: &numbers)) / 100]
                        let value = choices.randomElement(using: &numbers)!
                        actual = .value(.number(value < 0 ? 0 : value, unit: target.unit ?? ""))
                        if Int.random(in: 0..<4, using: &numbers) == 0 { cause = Bool.random(using: &numbers) ? .targetSetTooLow : .other("政策调整") }
                    case .date(let deadline):
                        let done = [deadline, deadline.adding(months: 1), deadline.adding(months: 3)].randomElement(using: &numbers)!
                        actual = .value(.date(done))
                        if done > deadline, Bool.random(using: &numbers) { chosen = EvaluatorScore(points: weights[index] / 2, reason: "逾期") }
                    case .text:
                        let band = QualitativeBand.allCases.randomElement(using: &numbers)!
                        let share: Decimal = band == .achieved ? [80, 90, 100].randomElement(using: &numbers)! : band == .partly ? 70 : [0, 30, 59].randomElement(using: &numbers)!
                        actual = .band(band, points: weights[index] * share / 100)
                    }
                }
                let scoring = ScoringRow(category: category, name: "指标\(index)", weight: weights[index], target: target, actual: actual,
                                         overAchievementCause: cause, chosen: chosen)
                let forecast: TargetValue? = target.number.flatMap { t in Bool.random(using: &numbers) ? .number(t * Decimal(Int.random(in: 60...140, using: &numbers)) / 100, unit: "") : nil }
                formRows.append(FormRow(scoring: scoring, explanation: Int.random(in: 0..<3, using: &numbers) == 0 ? "原因" : "", lastForecast: forecast))
            }
            let budget = YearBudgetFigures(initialBudget: Money(fen: 1_000_000), fullYearBudget: Money(fen: [1_000_000, 0, 1_200_000].randomElement(using: &numbers)!),
                                           executed: Money(fen: Int64.random(in: 0...1_300_000, using: &numbers)))
            let narrative = Bool.random(using: &numbers) ? "各项指标全部完成" : "基本完成"
            let form = SelfEvaluationForm(budget: budget, rows: formRows, narrative: narrative)
            guard let compactRules = CompactScoring.Rules(rules) else { Issue.record("rules"); return }
            let compact = formRows.map { CompactRow($0, storedPoints: "0") }
            guard let score = try? SelfEvaluationScoring.score(budget: budget, rows: formRows.map(\.scoring), rules: rules) else {
                // What the general way refuses the compact way never takes as stored.
                let rows = compact.compactMap { $0 }
                if rows.count == compact.count {
                    #expect(CompactScoring.verdict(rows, budget: budget, narrative: narrative, rules: compactRules,
                                                   stored: .init(budgetPoints: nil, total: nil, totalCents: nil, grade: nil, findingCount: 0)) == .lookAgain)
                }
                continue
            }
            // A third of the forms as a sheet printed them: its rows' and block's points in hundredths, its total and rate —
            // now and then off.
            var printedForm = form, printed = CompactScoring.Printed.nothing
            if formNumber % 3 == 0 {
                func rounded(_ value: Decimal, _ places: Int) -> Decimal { var input = value, output = Decimal(); NSDecimalRound(&output, &input, places, .plain); return output }
                for index in printedForm.rows.indices {
                    let points = rounded(score.indicators[index].points, 2)
                    printedForm.rows[index].printedPoints = Int.random(in: 0..<12, using: &numbers) == 0 ? points + 1 : points
                }
                printedForm.printedBudgetPoints = rounded(score.budget.points, 2)
                let sum = printedForm.rows.reduce(printedForm.printedBudgetPoints!) { $0 + $1.printedPoints! }
                printedForm.printedTotal = Int.random(in: 0..<8, using: &numbers) == 0 ? sum + Decimal(string: "0.1")! : sum
                if let rate = score.budget.rate {
                    let shown = rounded(rate.value * 100, Int.random(in: 0...2, using: &numbers))
                    printedForm.printedRatePercent = Int.random(in: 0..<8, using: &numbers) == 0 ? shown + 1 : shown
                }
                printed = CompactScoring.Printed(ratePercent: printedForm.printedRatePercent.flatMap { FixedPoint($0) },
                                                 ratePlaces: printedForm.printedRatePercent.map { max(0, -Int($0.exponent)) } ?? 0,
                                                 budgetPoints: printedForm.printedBudgetPoints.flatMap { FixedPoint($0) },
                                                 total: printedForm.printedTotal.flatMap { FixedPoint($0) })
            }
            let findings = SelfEvaluationChecks.findings(printedForm, score: score)
            // What a save stores.
            let rows = zip(printedForm.rows, score.indicators).map { CompactRow($0, storedPoints: "\($1.points)") }
            guard rows.allSatisfy({ $0 != nil }) else { continue }
            let stored = CompactScoring.Stored(budgetPoints: FixedPoint(score.budget.points), total: FixedPoint(score.total), totalCents: FixedPoint(score.total)?.cents,
                                               grade: score.grade.rawValue, findingCount: findings.count)
            let verdict = CompactScoring.verdict(rows.compactMap { $0 }, budget: budget, narrative: narrative, rules: compactRules, stored: stored, printed: printed)
            if case .scored(let total, let found) = verdict {
                asStored += 1
                if formNumber % 3 == 0 { printedAsStored += 1 }
                if !findings.isEmpty { withFindings += 1 }
                // The same findings, in the same order, with the same numbers.
                #expect(found == findings && FixedPoint(score.total) == total, "form \(formNumber): \(found) against \(findings)")
                // Any stored figure off is a difference; so are stored findings.
                for change in 0..<5 {
                    var tampered = stored
                    switch change {
                    case 0: tampered.total = stored.total.map { $0 + fixed("0.01") }
                    case 1: tampered.budgetPoints = stored.budgetPoints.map { $0 + fixed("0.00000000000000000001") }
                    case 2: tampered.totalCents = stored.totalCents.map { $0 + 1 }
                    case 3: tampered.grade = score.grade == .poor ? "优" : "差"
                    default: tampered.findingCount += 1
                    }
                    #expect(CompactScoring.verdict(rows.compactMap { $0 }, budget: budget, narrative: narrative, rules: compactRules, stored: tampered,
                                                   printed: printed) == .lookAgain)
                }
                var row = rows.compactMap { $0 }
                if case .points(let points) = row[0].stored { row[0].stored = .points(points + fixed("0.00000000000000000001")) }
                #expect(CompactScoring.verdict(row, budget: budget, narrative: narrative, rules: compactRules, stored: stored, printed: printed) == .lookAgain)
            } else {
                // The compact way declines only what it leaves to the general way on purpose: a weight left unassigned.
                if score.unassigned.isEmpty { Issue.record("form \(formNumber) declined without a reason: \(formRows)") }
            }
            if findings.isEmpty { plain += 1 }
        }
        #expect(asStored > 2_000 && plain > 300 && printedAsStored > 500 && withFindings > 1_000,
                "\(asStored) as stored (\(printedAsStored) printed, \(withFindings) with findings), \(plain) without findings")
    }
}
