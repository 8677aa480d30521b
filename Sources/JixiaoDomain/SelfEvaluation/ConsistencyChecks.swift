import Foundation

/// One indicator row of a self-evaluation form as the unit typed it or an imported 自评表 printed it.
public struct FormRow: Hashable, Sendable {
    public var scoring: ScoringRow
    /// The points the sheet printed (an import) — nil on a form typed here, where the points are the rule's or the override.
    public var printedPoints: Decimal?
    /// 偏差原因分析及改进措施.
    public var explanation: String
    /// The year-end forecast of the last monitoring round, when there was one.
    public var lastForecast: TargetValue?

    public init(scoring: ScoringRow, printedPoints: Decimal? = nil, explanation: String = "", lastForecast: TargetValue? = nil) {
        self.scoring = scoring; self.printedPoints = printedPoints; self.explanation = explanation; self.lastForecast = lastForecast
    }
}

/// A self-evaluation form: its money, rows, narrative, and what an imported sheet printed of its totals.
public struct SelfEvaluationForm: Sendable {
    public var budget: YearBudgetFigures
    public var rows: [FormRow]
    /// 年度总体目标完成情况.
    public var narrative: String
    /// What the sheet printed: 执行率 in percent, the budget block's points, 总分.
    public var printedRatePercent: Decimal?
    public var printedBudgetPoints: Decimal?
    public var printedTotal: Decimal?
    /// What the weights must add up to with the budget block (100).
    public var totalWeight: Decimal

    public init(budget: YearBudgetFigures, rows: [FormRow], narrative: String = "", printedRatePercent: Decimal? = nil,
                printedBudgetPoints: Decimal? = nil, printedTotal: Decimal? = nil, totalWeight: Decimal = 100) {
        self.budget = budget; self.rows = rows; self.narrative = narrative; self.printedRatePercent = printedRatePercent
        self.printedBudgetPoints = printedBudgetPoints; self.printedTotal = printedTotal; self.totalWeight = totalWeight
    }
}

/// 自评质量检查 — what a reader of the form should look at again, each with the numbers that raised it. Rows are
/// numbered from 0 in the form's order.
public enum ConsistencyFinding: Hashable, Codable, Sendable {
    /// Points given differ from what the rule gives.
    case pointsDifferFromRule(row: Int, given: Decimal, rule: Decimal)
    /// A met indicator not scored full, without a reason.
    case metButDocked(row: Int, given: Decimal, weight: Decimal)
    /// A missed indicator scored full, without a reason.
    case missedButFull(row: Int, weight: Decimal)
    /// A reverse indicator above its cap scored full.
    case reverseCapExceededButFull(row: Int, actual: Decimal, cap: Decimal)
    /// The budget block and the indicators' weights do not add up to the total.
    case weightsDoNotAddUp(sum: Decimal, total: Decimal)
    /// A row's points above its weight.
    case pointsAboveWeight(row: Int, given: Decimal, weight: Decimal)
    /// 总分 printed differs from the sum of the printed rows and budget points.
    case printedTotalDiffers(printed: Decimal, sum: Decimal)
    /// 执行率 printed differs from 执行数 ÷ 预算数.
    case printedRateDiffers(printed: Decimal, computed: Ratio)
    /// Every actual equals its target (a copy of the targets, not a measurement?).
    case everyActualEqualsTarget(rows: Int)
    /// The narrative says everything was achieved while these rows were missed.
    case narrativeClaimsCompletion(missedRows: [Int])
    /// An actual far from the last monitoring forecast, with no explanation.
    case farFromForecast(row: Int, forecast: Decimal, actual: Decimal)
    /// Money executed against a budget of 0.
    case executedWithoutBudget(executed: Money)
}

public enum SelfEvaluationChecks {
    /// An actual further than this share of the forecast from it needs an explanation (default 20 %).
    public static let forecastTolerancePercent: Decimal = 20
    /// Words with which a narrative claims that everything was achieved.
    static let completionClaims = ["全部完成", "均已完成", "全面完成", "圆满完成", "全部达成", "均已达成", "均达到", "全部实现", "均已实现"]

    private static let completionClaimWords = WordList(completionClaims)

    /// Whether the narrative, read without its white space, uses one of the words that claim completion (compared as
    /// UTF-8 bytes, as the linter's word lists are: the year's check asks this of every form with a missed row).
    static func claimsCompletion(_ narrative: String) -> Bool {
        var narrative = narrative
        return narrative.withUTF8 { text in
            var kept: [UInt8] = []
            kept.reserveCapacity(text.count)
            var i = 0
            while i < text.count {
                let length = whiteSpaceLength(text, at: i)
                if length > 0 { i += length } else { kept.append(text[i]); i += 1 }
            }
            return kept.withUnsafeBufferPointer { completionClaimWords.occurs(inBytes: $0) }
        }
    }

    /// The length in bytes of the white space (Unicode's White_Space property) that starts at `i` in UTF-8 `text`, or 0.
    /// Spelled out in bytes: asking the property tables for every scalar of every narrative cost the year's check more
    /// than the search itself.
    static func whiteSpaceLength(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        func byte(_ offset: Int) -> UInt8? { i + offset < text.count ? text[i + offset] : nil }
        switch text[i] {
        case 0x09...0x0D, 0x20: return 1
        case 0xC2: return byte(1) == 0x85 || byte(1) == 0xA0 ? 2 : 0                                   // U+0085, U+00A0
        case 0xE1: return byte(1) == 0x9A && byte(2) == 0x80 ? 3 : 0                                   // U+1680
        case 0xE2:
            if byte(1) == 0x80, let third = byte(2), (0x80...0x8A).contains(third) || [0xA8, 0xA9, 0xAF].contains(third) { return 3 } // U+2000–200A, 2028, 2029, 202F
            return byte(1) == 0x81 && byte(2) == 0x9F ? 3 : 0                                          // U+205F
        case 0xE3: return byte(1) == 0x80 && byte(2) == 0x80 ? 3 : 0                                   // U+3000
        default: return 0
        }
    }

    /// The findings of the form, scored by `score` (the same rows in the same order).
    public static func findings(_ form: SelfEvaluationForm, score: SelfEvaluationScore) -> [ConsistencyFinding] {
        var found: [ConsistencyFinding] = []
        func cents(_ value: Decimal) -> String { Ratio.text(value, decimals: 2) }
        var givenSum = form.printedBudgetPoints ?? score.budget.points
        for (index, (row, scored)) in zip(form.rows, score.indicators).enumerated() {
            let given = row.printedPoints ?? scored.points, weight = scored.weight
            givenSum += given
            let reasoned = !row.explanation.trimmed.isEmpty || !(row.scoring.override?.reason.trimmed.isEmpty ?? true)
            // Equal points are equal in hundredths: the text of both is only written when they differ.
            if given != scored.rulePoints, cents(given) != cents(scored.rulePoints) { found.append(.pointsDifferFromRule(row: index, given: given, rule: scored.rulePoints)) }
            if given > weight { found.append(.pointsAboveWeight(row: index, given: given, weight: weight)) }
            if scored.met == true, given < weight, !reasoned, case .met = scored.arithmetic {
                found.append(.metButDocked(row: index, given: given, weight: weight))
            }
            if scored.met == false, given >= weight, weight > 0 {
                if row.scoring.target.op.direction == .lowerIsBetter, case .value(.number(let actual, _))? = row.scoring.actual, let cap = row.scoring.target.number {
                    found.append(.reverseCapExceededButFull(row: index, actual: actual, cap: cap))
                } else if !reasoned {
                    found.append(.missedButFull(row: index, weight: weight))
                }
            }
            if case .number(let forecast, _)? = row.lastForecast, case .value(.number(let actual, _))? = row.scoring.actual,
               row.explanation.trimmed.isEmpty, abs(actual - forecast) * 100 > abs(forecast) * forecastTolerancePercent {
                found.append(.farFromForecast(row: index, forecast: forecast, actual: actual))
            }
        }
        if score.budget.rate == nil, form.budget.executed.fen > 0 { found.append(.executedWithoutBudget(executed: form.budget.executed)) }
        let weights = score.budget.weight + form.rows.reduce(Decimal(0)) { $0 + $1.scoring.weight }
        if weights != form.totalWeight { found.append(.weightsDoNotAddUp(sum: weights, total: form.totalWeight)) }
        // Rows and total are each rounded to hundredths on paper: a total within half a hundredth per figure of the rows'
        // sum (96.27 beside rows that add up to 96.28) is the same total, not an error of addition.
        let roundingSlack = Decimal(form.rows.count + 1) * Decimal(string: "0.005")!
        if let printed = form.printedTotal, abs(printed - givenSum) > roundingSlack { found.append(.printedTotalDiffers(printed: printed, sum: givenSum)) }
        if let printed = form.printedRatePercent, let rate = score.budget.rate {
            // Compared at the precision the sheet printed (97.8 against 97.8 %, 98 against 97.8 %).
            let places = max(0, -Int(printed.exponent))
            if Ratio.text(rate.value * 100, decimals: places) != Ratio.text(printed, decimals: places) {
                found.append(.printedRateDiffers(printed: printed, computed: rate))
            }
        }
        let quantitative = form.rows.filter { $0.scoring.target.isQuantitative }
        if quantitative.count >= 3, quantitative.allSatisfy({ row in
            if case .value(let value)? = row.scoring.actual { value == row.scoring.target.value } else { false }
        }) {
            found.append(.everyActualEqualsTarget(rows: quantitative.count))
        }
        let missed = score.indicators.enumerated().filter { $0.element.met == false }.map(\.offset)
        if !missed.isEmpty, claimsCompletion(form.narrative) { found.append(.narrativeClaimsCompletion(missedRows: missed)) }
        return found
    }
}
