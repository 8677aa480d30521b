import Foundation
import JixiaoDomain

/// The words that explain a self-evaluation's points and its quality findings, written from the domain's numbers in
/// the reader's language: "学生满意度：目标 ≥95%，实际 88% → 88 ÷ 95 × 10 = 9.26".
enum ScoreWords {
    /// Why an indicator has its points.
    static func explain(_ row: EvaluationIndicatorRow, _ scored: IndicatorScore, _ t: Localizer, rules: ScoringRuleSet) -> String {
        let points = Ratio.text(scored.points, decimals: 2)
        let formula = scored.arithmetic.formula(points: scored.rulePoints)
        let actual = row.actual_text.trimmed
        var words: String
        switch scored.arithmetic {
        case .met:
            words = t(.wordsMet(row.name, row.target_text, actual, formula))
        case .proportion:
            words = t(.wordsProportion(row.name, row.target_text, actual, formula))
        case .band(let band, let picked, let weight):
            let bounds = band.bounds(weight: weight)
            words = t(.wordsBand(row.name, t.term(band), Ratio.text(picked, decimals: 2), ScoreArithmetic.number(bounds.low), ScoreArithmetic.number(bounds.high)))
        case .onTime(let done, let deadline, let weight):
            words = t(.wordsOnTime(row.name, DayText(deadline), DayText(done), ScoreArithmetic.number(weight)))
        case .late(let done, let deadline, let suggested, let chosen):
            // The rule in numbers: within the grace the suggested share of the weight, after it nothing.
            let rule = suggested > 0
                ? t(.wordsLateShare(rules.lateGraceMonths, ScoreArithmetic.number(scored.weight), ScoreArithmetic.number(rules.lateSharePercent),
                                    Ratio.text(suggested, decimals: 2)))
                : t(.wordsLateBeyond(rules.lateGraceMonths))
            words = t(.wordsLate(row.name, DayText(deadline), DayText(done), rule))
            if let chosen { words += t(.wordsChosen(Ratio.text(chosen, decimals: 2), row.chosen_reason ?? "")) }
        case .overAchieved(_, _, _, let chosen):
            words = t(.wordsOverAchieved(row.name, row.target_text, actual, formula))
            if chosen != nil { words += t(.wordsChosen(points, row.chosen_reason ?? "")) }
        case .notApplicable(let reason):
            words = t(.wordsNotApplicable(row.name, reason.trimmed.isEmpty ? t(.selfEvaluationNoReason) : reason))
        case .missing:
            words = t(.wordsMissing(row.name))
        }
        let dropped: Bool = if case .notApplicable = scored.arithmetic { true } else { false }
        if scored.weight != row.weightValue && !dropped {
            words += t(.wordsRescaled(ScoreArithmetic.number(row.weightValue), ScoreArithmetic.number(scored.weight)))
        }
        if scored.isOverride {
            words += t(.wordsOverride(points, Ratio.text(scored.rulePoints, decimals: 2), row.override_reason ?? ""))
        }
        return words
    }

    /// The budget block: "预算执行率 97.8%（97.80 ÷ 100.00 万元）→ 0.978 × 10 = 9.78".
    static func budget(_ score: BudgetScore, _ figures: YearBudgetFigures, divisor: ExecutionDivisor, _ t: Localizer) -> String {
        let base = divisor == .fullYearBudget ? figures.fullYearBudget : figures.initialBudget
        guard let rate = score.rate else {
            return figures.executed.fen > 0 ? t(.findingExecutedWithoutBudget(figures.executed.wanYuanDisplay + t(.unitWanYuan)))
                : t(.wordsBudgetNoBase(ScoreArithmetic.number(score.weight)))
        }
        return t(.wordsBudget(rate.percentText(decimals: 2), figures.executed.wanYuanDisplay, base.wanYuanDisplay + t(.unitWanYuan),
                              ScoreArithmetic.number(score.weight), Ratio.text(score.points, decimals: 2)))
    }

    /// A quality finding in words, naming its row ("第 3 个指标“…”").
    static func finding(_ finding: ConsistencyFinding, rows: [EvaluationIndicatorRow], _ t: Localizer) -> String {
        func row(_ index: Int) -> String { t(.indicatorLocation(index + 1, index < rows.count ? rows[index].name : "")) }
        func n(_ value: Decimal) -> String { Ratio.text(value, decimals: 2) }
        switch finding {
        case .pointsDifferFromRule(let index, let given, let rule): return t(.findingPointsDiffer(row(index), n(given), n(rule)))
        case .metButDocked(let index, let given, let weight): return t(.findingMetButDocked(row(index), n(given), n(weight)))
        case .missedButFull(let index, let weight): return t(.findingMissedButFull(row(index), n(weight)))
        case .reverseCapExceededButFull(let index, let actual, let cap):
            return t(.findingReverseCap(row(index), ScoreArithmetic.number(actual), ScoreArithmetic.number(cap)))
        case .weightsDoNotAddUp(let sum, let total): return t(.findingWeights(n(sum), n(total)))
        case .pointsAboveWeight(let index, let given, let weight): return t(.findingAboveWeight(row(index), n(given), n(weight)))
        case .printedTotalDiffers(let printed, let sum): return t(.findingPrintedTotal(n(printed), n(sum)))
        case .printedRateDiffers(let printed, let computed): return t(.findingPrintedRate(ScoreArithmetic.number(printed), computed.percentText(decimals: 2)))
        case .everyActualEqualsTarget(let count): return t(.findingCopiedTargets(count))
        case .narrativeClaimsCompletion(let missed): return t(.findingNarrative(missed.map { row($0) }.joined(separator: "、")))
        case .farFromForecast(let index, let forecast, let actual):
            return t(.findingForecast(row(index), ScoreArithmetic.number(forecast), ScoreArithmetic.number(actual)))
        case .executedWithoutBudget(let executed): return t(.findingExecutedWithoutBudget(executed.wanYuanDisplay + t(.unitWanYuan)))
        }
    }

    /// The rule a finding comes from, as a short key for lists and the API.
    static func kind(_ finding: ConsistencyFinding) -> String {
        switch finding {
        case .pointsDifferFromRule: "points_differ_from_rule"
        case .metButDocked: "met_but_docked"
        case .missedButFull: "missed_but_full"
        case .reverseCapExceededButFull: "reverse_cap_exceeded_but_full"
        case .weightsDoNotAddUp: "weights_do_not_add_up"
        case .pointsAboveWeight: "points_above_weight"
        case .printedTotalDiffers: "printed_total_differs"
        case .printedRateDiffers: "printed_rate_differs"
        case .everyActualEqualsTarget: "every_actual_equals_target"
        case .narrativeClaimsCompletion: "narrative_claims_completion"
        case .farFromForecast: "far_from_forecast"
        case .executedWithoutBudget: "executed_without_budget"
        }
    }

    /// The row a finding names, from 1; nil for the form as a whole.
    static func row(_ finding: ConsistencyFinding) -> Int? {
        switch finding {
        case .pointsDifferFromRule(let row, _, _), .metButDocked(let row, _, _), .missedButFull(let row, _), .reverseCapExceededButFull(let row, _, _),
             .pointsAboveWeight(let row, _, _), .farFromForecast(let row, _, _): row + 1
        case .weightsDoNotAddUp, .printedTotalDiffers, .printedRateDiffers, .everyActualEqualsTarget, .narrativeClaimsCompletion, .executedWithoutBudget: nil
        }
    }
}

extension CalendarDay {
    /// "2027年10月31日".
    var chineseText: String { "\(year)年\(month)月\(day)日" }
}

/// A day in the reader's language: "2027年10月31日", "2027-10-31".
struct DayText: TextArgument {
    var day: CalendarDay
    init(_ day: CalendarDay) { self.day = day }
    func text(in locale: AppLocale) -> String { locale == .zhHans ? day.chineseText : day.isoDate }
}

extension TextKey {
    static func wordsMet(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument, _ p3: some TextArgument) -> TextKey {
        TextKey("wordsMet", zh: "\(p0.text(in: .zhHans))：目标 \(p1.text(in: .zhHans))，实际 \(p2.text(in: .zhHans)) → 达到目标，得满分 \(p3.text(in: .zhHans))",
                en: "\(p0.text(in: .en)): target \(p1.text(in: .en)), actual \(p2.text(in: .en)) → met, full \(p3.text(in: .en)) points")
    }
    static func wordsProportion(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument, _ p3: some TextArgument) -> TextKey {
        TextKey("wordsProportion", zh: "\(p0.text(in: .zhHans))：目标 \(p1.text(in: .zhHans))，实际 \(p2.text(in: .zhHans)) → \(p3.text(in: .zhHans))",
                en: "\(p0.text(in: .en)): target \(p1.text(in: .en)), actual \(p2.text(in: .en)) → \(p3.text(in: .en))")
    }
    static func wordsBand(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument, _ p3: some TextArgument, _ p4: some TextArgument) -> TextKey {
        TextKey("wordsBand", zh: "\(p0.text(in: .zhHans))：定性评价“\(p1.text(in: .zhHans))”（\(p3.text(in: .zhHans))–\(p4.text(in: .zhHans)) 分）→ 评 \(p2.text(in: .zhHans)) 分",
                en: "\(p0.text(in: .en)): qualitative, “\(p1.text(in: .en))” (\(p3.text(in: .en))–\(p4.text(in: .en)) points) → \(p2.text(in: .en))")
    }
    static func wordsOnTime(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument, _ p3: some TextArgument) -> TextKey {
        TextKey("wordsOnTime", zh: "\(p0.text(in: .zhHans))：期限 \(p1.text(in: .zhHans))，完成于 \(p2.text(in: .zhHans)) → 按期完成，得满分 \(p3.text(in: .zhHans))",
                en: "\(p0.text(in: .en)): due \(p1.text(in: .en)), done \(p2.text(in: .en)) → on time, full \(p3.text(in: .en)) points")
    }
    static func wordsLate(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument, _ p3: some TextArgument) -> TextKey {
        TextKey("wordsLate", zh: "\(p0.text(in: .zhHans))：期限 \(p1.text(in: .zhHans))，完成于 \(p2.text(in: .zhHans)) → 逾期完成，\(p3.text(in: .zhHans))",
                en: "\(p0.text(in: .en)): due \(p1.text(in: .en)), done \(p2.text(in: .en)) → late, \(p3.text(in: .en))")
    }
    static func wordsLateShare(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument, _ p3: some TextArgument) -> TextKey {
        TextKey("wordsLateShare", zh: "未超过 \(p0.text(in: .zhHans)) 个月，建议按 \(p2.text(in: .zhHans))%：\(p1.text(in: .zhHans)) × \(p2.text(in: .zhHans))% = \(p3.text(in: .zhHans))",
                en: "within \(p0.text(in: .en)) month(s): suggested \(p2.text(in: .en))%, \(p1.text(in: .en)) × \(p2.text(in: .en))% = \(p3.text(in: .en))")
    }
    static func wordsLateBeyond(_ p0: some TextArgument) -> TextKey {
        TextKey("wordsLateBeyond", zh: "超过 \(p0.text(in: .zhHans)) 个月，建议 0 分", en: "more than \(p0.text(in: .en)) month(s): suggested 0")
    }
    static func wordsChosen(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("wordsChosen", zh: "；评定 \(p0.text(in: .zhHans)) 分，理由：\(p1.text(in: .zhHans))", en: "; set to \(p0.text(in: .en)), because: \(p1.text(in: .en))")
    }
    static func wordsOverAchieved(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument, _ p3: some TextArgument) -> TextKey {
        TextKey("wordsOverAchieved", zh: "\(p0.text(in: .zhHans))：目标 \(p1.text(in: .zhHans))，实际 \(p2.text(in: .zhHans))，超额完成且年初指标值设定明显偏低 → \(p3.text(in: .zhHans))",
                en: "\(p0.text(in: .en)): target \(p1.text(in: .en)), actual \(p2.text(in: .en)), far exceeded because the target was set too low → \(p3.text(in: .en))")
    }
    static func wordsNotApplicable(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("wordsNotApplicable", zh: "\(p0.text(in: .zhHans))：不适用（\(p1.text(in: .zhHans))），分值由同组其他指标按比例分担",
                en: "\(p0.text(in: .en)): not applicable (\(p1.text(in: .en))); its weight goes to the other indicators of its group")
    }
    static let selfEvaluationNoReason = TextKey("selfEvaluationNoReason", zh: "未说明理由", en: "no reason given")
    static func wordsMissing(_ p0: some TextArgument) -> TextKey {
        TextKey("wordsMissing", zh: "\(p0.text(in: .zhHans))：尚未填写实际完成值，暂计 0 分", en: "\(p0.text(in: .en)): no actual value yet, 0 points for now")
    }
    static func wordsRescaled(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("wordsRescaled", zh: "（分值 \(p0.text(in: .zhHans)) 因同组不适用指标调整为 \(p1.text(in: .zhHans))）",
                en: " (weight \(p0.text(in: .en)) re-scaled to \(p1.text(in: .en)) for not-applicable indicators of its group)")
    }
    static func wordsOverride(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument) -> TextKey {
        TextKey("wordsOverride", zh: "；人工调整为 \(p0.text(in: .zhHans)) 分（按规则 \(p1.text(in: .zhHans)) 分），理由：\(p2.text(in: .zhHans))",
                en: "; overridden to \(p0.text(in: .en)) (the rule gives \(p1.text(in: .en))), because: \(p2.text(in: .en))")
    }
    static func wordsBudget(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument, _ p3: some TextArgument, _ p4: some TextArgument) -> TextKey {
        TextKey("wordsBudget", zh: "预算执行率 \(p0.text(in: .zhHans))（\(p1.text(in: .zhHans)) ÷ \(p2.text(in: .zhHans))）→ 得分 \(p4.text(in: .zhHans))（满分 \(p3.text(in: .zhHans))）",
                en: "Execution rate \(p0.text(in: .en)) (\(p1.text(in: .en)) ÷ \(p2.text(in: .en))) → \(p4.text(in: .en)) of \(p3.text(in: .en)) points")
    }
    static func wordsBudgetNoBase(_ p0: some TextArgument) -> TextKey {
        TextKey("wordsBudgetNoBase", zh: "预算数为 0 且无执行 → 得满分 \(p0.text(in: .zhHans))", en: "A budget of 0 with nothing executed → full \(p0.text(in: .en)) points")
    }

    static func findingPointsDiffer(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument) -> TextKey {
        TextKey("findingPointsDiffer", zh: "\(p0.text(in: .zhHans))：得分 \(p1.text(in: .zhHans)) 与按规则计算的 \(p2.text(in: .zhHans)) 不一致",
                en: "\(p0.text(in: .en)): \(p1.text(in: .en)) points where the rule gives \(p2.text(in: .en))")
    }
    static func findingMetButDocked(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument) -> TextKey {
        TextKey("findingMetButDocked", zh: "\(p0.text(in: .zhHans))：已完成目标却只得 \(p1.text(in: .zhHans)) 分（分值 \(p2.text(in: .zhHans))），未说明理由",
                en: "\(p0.text(in: .en)): met, yet scored \(p1.text(in: .en)) of \(p2.text(in: .en)) without a reason")
    }
    static func findingMissedButFull(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("findingMissedButFull", zh: "\(p0.text(in: .zhHans))：未完成目标却得满分 \(p1.text(in: .zhHans))，未说明理由",
                en: "\(p0.text(in: .en)): missed, yet scored the full \(p1.text(in: .en)) without a reason")
    }
    static func findingReverseCap(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument) -> TextKey {
        TextKey("findingReverseCap", zh: "\(p0.text(in: .zhHans))：实际 \(p1.text(in: .zhHans)) 超过上限 \(p2.text(in: .zhHans))，却得满分",
                en: "\(p0.text(in: .en)): actual \(p1.text(in: .en)) above the cap \(p2.text(in: .en)), yet full points")
    }
    static func findingWeights(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("findingWeights", zh: "预算执行与各指标分值合计 \(p0.text(in: .zhHans))，不等于总分 \(p1.text(in: .zhHans))",
                en: "The budget block and the indicators weigh \(p0.text(in: .en)) together, not \(p1.text(in: .en))")
    }
    static func findingAboveWeight(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument) -> TextKey {
        TextKey("findingAboveWeight", zh: "\(p0.text(in: .zhHans))：得分 \(p1.text(in: .zhHans)) 超过分值 \(p2.text(in: .zhHans))",
                en: "\(p0.text(in: .en)): \(p1.text(in: .en)) points above its weight \(p2.text(in: .en))")
    }
    static func findingPrintedTotal(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("findingPrintedTotal", zh: "表上总分 \(p0.text(in: .zhHans)) 与各项得分之和 \(p1.text(in: .zhHans)) 不一致",
                en: "The printed total \(p0.text(in: .en)) differs from the sum of the rows, \(p1.text(in: .en))")
    }
    static func findingPrintedRate(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("findingPrintedRate", zh: "表上执行率 \(p0.text(in: .zhHans))% 与执行数 ÷ 预算数 \(p1.text(in: .zhHans)) 不一致",
                en: "The printed execution rate \(p0.text(in: .en))% differs from executed ÷ budget, \(p1.text(in: .en))")
    }
    static func findingCopiedTargets(_ p0: some TextArgument) -> TextKey {
        TextKey("findingCopiedTargets", zh: "全部 \(p0.text(in: .zhHans)) 个定量指标的实际完成值都与指标值相同，疑似照抄目标",
                en: "All \(p0.text(in: .en)) quantitative actuals equal their targets: copied rather than measured?")
    }
    static func findingNarrative(_ p0: some TextArgument) -> TextKey {
        TextKey("findingNarrative", zh: "总体完成情况称目标全部完成，但 \(p0.text(in: .zhHans)) 未完成",
                en: "The narrative claims everything was achieved, but \(p0.text(in: .en)) was missed")
    }
    static func findingExecutedWithoutBudget(_ p0: some TextArgument) -> TextKey {
        TextKey("findingExecutedWithoutBudget", zh: "预算数为 0，却执行了 \(p0.text(in: .zhHans))，预算执行率得 0 分", en: "\(p0.text(in: .en)) executed against a budget of 0: no budget points")
    }
    static func findingForecast(_ p0: some TextArgument, _ p1: some TextArgument, _ p2: some TextArgument) -> TextKey {
        TextKey("findingForecast", zh: "\(p0.text(in: .zhHans))：实际 \(p2.text(in: .zhHans)) 与最近一次监控的全年预计 \(p1.text(in: .zhHans)) 相差较大，未作说明",
                en: "\(p0.text(in: .en)): actual \(p2.text(in: .en)) far from the last monitoring forecast \(p1.text(in: .en)), unexplained")
    }
}
