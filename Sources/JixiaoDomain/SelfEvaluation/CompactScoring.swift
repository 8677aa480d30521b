import Foundation

/// §5's scoring and the consistency checks over compact rows in `FixedPoint`, for the year's check, which only needs to
/// know whether what is stored is what the rules give. It answers for the plain forms and those imported as printed —
/// no override, no group hand-over, no problem to refuse — with "as stored, and these findings" (which the caller
/// compares with the stored list) or "look again": every form it declines and every difference is then scored the
/// general way (`SelfEvaluationScoring`, `SelfEvaluationChecks`), which alone writes anything. The same rules twice is a debt paid for speed (≈100× on
/// this platform); `CompactScoringTests` holds the two to the same answers over generated forms and §5's examples.
public enum CompactScoring {
    /// A rule set in fixed point; nil when a figure of it does not fit twenty places.
    public struct Rules: Sendable {
        public var budgetWeight: FixedPoint
        public var overAchievementPercent: FixedPoint
        public var lateSharePercent: FixedPoint
        public var lateGraceMonths: Int
        public var executionDivisor: ExecutionDivisor

        public init?(_ rules: ScoringRuleSet) {
            // Only rules that pass `ScoringRuleSet.check` (percentages up to 1000): products stay inside `FixedPoint`.
            guard rules.check().isEmpty, let budget = FixedPoint(rules.budgetWeight), let over = FixedPoint(rules.overAchievementPercent),
                  let late = FixedPoint(rules.lateSharePercent) else { return nil }
            budgetWeight = budget; overAchievementPercent = over; lateSharePercent = late
            lateGraceMonths = rules.lateGraceMonths; executionDivisor = rules.executionDivisor
        }
    }

    /// What is stored of a form's score.
    public struct Stored: Sendable {
        public var budgetPoints: FixedPoint?
        public var total: FixedPoint?
        public var totalCents: Int?
        public var grade: String?
        /// How many findings are stored (the list itself the caller compares).
        public var findingCount: Int
        public init(budgetPoints: FixedPoint?, total: FixedPoint?, totalCents: Int?, grade: String?, findingCount: Int) {
            self.budgetPoints = budgetPoints; self.total = total; self.totalCents = totalCents; self.grade = grade
            self.findingCount = findingCount
        }
    }

    /// What an imported sheet printed of the form's totals (`SelfEvaluationForm`'s printed figures).
    public struct Printed: Sendable {
        /// 执行率 in percent, and the places it was printed with (what it is compared at).
        public var ratePercent: FixedPoint?
        public var ratePlaces: Int
        public var budgetPoints: FixedPoint?
        public var total: FixedPoint?
        public init(ratePercent: FixedPoint?, ratePlaces: Int, budgetPoints: FixedPoint?, total: FixedPoint?) {
            self.ratePercent = ratePercent; self.ratePlaces = ratePlaces; self.budgetPoints = budgetPoints; self.total = total
        }
        public static let nothing = Printed(ratePercent: nil, ratePlaces: 0, budgetPoints: nil, total: nil)
    }

    public enum Verdict: Equatable, Sendable {
        /// Scored by the rules and the same as stored, with the findings the checks raise (`SelfEvaluationChecks`, in
        /// its order): the caller compares them with the stored list.
        case scored(total: FixedPoint, findings: [ConsistencyFinding])
        /// To be scored the general way: a shape this does not take, a problem, or a difference from what is stored.
        case lookAgain
    }

    /// `budget`: the form's figures; `narrative`: 年度总体目标完成情况 (a completion claim beside a missed row is a
    /// finding).
    public static func verdict(_ rows: [CompactRow], budget: YearBudgetFigures, narrative: String, rules: Rules, stored: Stored,
                               printed: Printed = .nothing) -> Verdict {
        guard let weights = effectiveWeights(rows) else { return .lookAgain }
        // The budget block (`BudgetScore`).
        let divisor = rules.executionDivisor == .fullYearBudget ? budget.fullYearBudget.fen : budget.initialBudget.fen
        let executed = budget.executed.fen
        let budgetPoints: FixedPoint
        if divisor == 0 {
            // Nothing against nothing scores full; money executed without a budget earns nothing (and is a finding).
            budgetPoints = executed > 0 ? .zero : rules.budgetWeight
        } else if divisor < 0 {
            return .lookAgain
        } else if executed >= divisor {
            budgetPoints = rules.budgetWeight
        } else if executed <= 0 {
            budgetPoints = .zero
        } else {
            guard let points = rules.budgetWeight.times(FixedPoint(raw: Int128(executed)), over: FixedPoint(raw: Int128(divisor))) else { return .lookAgain }
            budgetPoints = points
        }
        guard stored.budgetPoints == budgetPoints else { return .lookAgain }
        var total = budgetPoints, weightSum = rules.budgetWeight, givenSum = printed.budgetPoints ?? budgetPoints
        var quantitative = 0, copied = 0, missed: [Int] = []
        var found: [ConsistencyFinding] = []
        for (index, (row, weight)) in zip(rows, weights).enumerated() {
            weightSum += row.weight
            guard let scored = score(row, weight: weight, rules: rules) else { return .lookAgain }
            guard case .points(let stored) = row.stored, stored == scored.points else { return .lookAgain }
            total += scored.points
            // `SelfEvaluationChecks.findings` row by row, on the points given (the sheet's, when it printed them); a
            // form here has no override, so the rule's points are the points.
            let given = row.printed ?? scored.points
            givenSum += given
            if given != scored.points, given.cents != scored.points.cents {
                found.append(.pointsDifferFromRule(row: index, given: given.decimal, rule: scored.points.decimal))
            }
            if given > weight { found.append(.pointsAboveWeight(row: index, given: given.decimal, weight: weight.decimal)) }
            if scored.met == true, scored.metPlainly, given < weight, !row.explained {
                found.append(.metButDocked(row: index, given: given.decimal, weight: weight.decimal))
            }
            if scored.met == false {
                missed.append(index)
                if given >= weight, weight > .zero {
                    if case .number(let cap, .lowerIsBetter) = row.goal, case .number(let actual) = row.actual {
                        found.append(.reverseCapExceededButFull(row: index, actual: actual.decimal, cap: cap.decimal))
                    } else if !row.explained {
                        found.append(.missedButFull(row: index, weight: weight.decimal))
                    }
                }
            }
            if let forecast = row.forecast, case .number(let actual) = row.actual, !row.explained {
                guard let far = (actual - forecast).magnitude.times(100), let tolerance = forecast.magnitude.times(percent: forecastTolerance) else {
                    return .lookAgain
                }
                if far > tolerance { found.append(.farFromForecast(row: index, forecast: forecast.decimal, actual: actual.decimal)) }
            }
            if row.quantitative {
                quantitative += 1
                if row.actualEqualsTarget { copied += 1 }
            }
        }
        if divisor == 0, executed > 0 { found.append(.executedWithoutBudget(executed: budget.executed)) }
        if weightSum != FixedPoint(100) { found.append(.weightsDoNotAddUp(sum: weightSum.decimal, total: 100)) }
        // A printed total within half a hundredth per figure of the rows' sum agrees (rounding on paper).
        if let printedTotal = printed.total, (printedTotal - givenSum).magnitude > FixedPoint(raw: Int128(rows.count + 1) * halfHundredth) {
            found.append(.printedTotalDiffers(printed: printedTotal.decimal, sum: givenSum.decimal))
        }
        if let printedRate = printed.ratePercent, divisor > 0 {
            guard printed.ratePlaces <= FixedPoint.places,
                  let rate = FixedPoint(raw: Int128(executed)).times(FixedPoint(100), over: FixedPoint(raw: Int128(divisor))) else { return .lookAgain }
            if rate.rounded(places: printed.ratePlaces) != printedRate.rounded(places: printed.ratePlaces) {
                found.append(.printedRateDiffers(printed: printedRate.decimal, computed: Ratio(Decimal(executed), over: Decimal(divisor))!))
            }
        }
        if quantitative >= 3, copied == quantitative { found.append(.everyActualEqualsTarget(rows: quantitative)) }
        if !missed.isEmpty, SelfEvaluationChecks.claimsCompletion(narrative) { found.append(.narrativeClaimsCompletion(missedRows: missed)) }
        guard stored.findingCount == found.count else { return .lookAgain }
        let settled = total.rounded(places: SelfEvaluationScoring.totalPlaces)
        guard stored.total == settled, stored.totalCents == settled.cents, stored.grade == ScoreGrade(score: settled).rawValue else { return .lookAgain }
        return .scored(total: settled, findings: found)
    }

    static let forecastTolerance = FixedPoint(SelfEvaluationChecks.forecastTolerancePercent)!
    /// 0.005 in units of `FixedPoint`.
    static let halfHundredth = FixedPoint.unit / 200

    /// Each row's weight after 不适用 rows gave theirs to the live rows of their group, in proportion to the live rows'
    /// weights (`SelfEvaluationScoring.effectiveWeights`). Nil where a hand-over of a whole group would be needed, or for
    /// a negative weight: the general way explains those.
    static func effectiveWeights(_ rows: [CompactRow]) -> [FixedPoint]? {
        var anyNotApplicable = false
        for row in rows {
            if row.weight < .zero { return nil }
            if case .notApplicable = row.actual { anyNotApplicable = true }
        }
        guard anyNotApplicable else { return rows.map(\.weight) }
        var group: [IndicatorCategory: FixedPoint] = [:], live: [IndicatorCategory: FixedPoint] = [:], liveRows: [IndicatorCategory: Int] = [:]
        for row in rows {
            group[row.category, default: .zero] += row.weight
            if case .notApplicable = row.actual { continue }
            live[row.category, default: .zero] += row.weight
            liveRows[row.category, default: 0] += 1
        }
        // A group with weight and no live row would leave its weight unassigned: the general way says so.
        for (category, weight) in group where liveRows[category, default: 0] == 0 && weight > .zero { return nil }
        var weights: [FixedPoint] = []
        weights.reserveCapacity(rows.count)
        for row in rows {
            if case .notApplicable = row.actual { weights.append(.zero); continue }
            let liveWeight = live[row.category] ?? .zero, share = group[row.category] ?? .zero
            if liveWeight == share { weights.append(row.weight); continue }
            if liveWeight > .zero {
                guard let weight = share.times(row.weight, over: liveWeight) else { return nil }
                weights.append(weight)
            } else {
                guard let weight = share.times(FixedPoint(1), over: FixedPoint(liveRows[row.category] ?? 1)) else { return nil }
                weights.append(weight)
            }
        }
        return weights
    }

    struct RowScore {
        var points: FixedPoint
        var met: Bool?
        /// Met by the plain rule (`ScoreArithmetic.met`): not by a band, a deadline or a docked over-achievement.
        var metPlainly: Bool

        init(_ points: FixedPoint, _ met: Bool?, plainly: Bool = false) { self.points = points; self.met = met; metPlainly = plainly }
    }

    /// One row's points and whether it met its target (`IndicatorScoring.score`); nil for what the general way refuses.
    static func score(_ row: CompactRow, weight w: FixedPoint, rules: Rules) -> RowScore? {
        if let chosen = row.chosen, chosen < .zero || chosen > w { return nil }
        switch row.actual {
        case .missing, .notApplicable:
            return RowScore(.zero, nil)
        case .band(let band, let picked):
            guard contains(band, picked, weight: w) else { return nil }
            return RowScore(picked, band == .achieved)
        case .date(let done):
            guard case .date(let deadline) = row.goal else { return nil }
            if done <= deadline { return RowScore(w, true) }
            if let chosen = row.chosen { return RowScore(chosen, false) }
            guard done <= deadline.adding(months: rules.lateGraceMonths) else { return RowScore(.zero, false) }
            guard let suggested = w.times(rules.lateSharePercent, over: FixedPoint(100)) else { return nil }
            return RowScore(suggested, false)
        case .number(let a):
            guard case .number(let t, let direction) = row.goal, a >= .zero, a <= FixedPoint(1_000_000_000_000_000) else { return nil }
            // (Over-achievement is docked only for a target set too low; any other cause, or none yet, keeps the weight.)
            switch direction {
            case .higherIsBetter:
                guard a >= t else {
                    guard t > .zero, a > .zero else { return RowScore(.zero, false) }
                    return w.times(a, over: t).map { RowScore($0, false) }
                }
                guard t > .zero, row.over == .targetSetTooLow else { return RowScore(w, true, plainly: true) }
                guard let reached = a.times(100), let threshold = t.times(percent: rules.overAchievementPercent) else { return nil }
                guard reached >= threshold else { return RowScore(w, true, plainly: true) }
                if let chosen = row.chosen { return RowScore(chosen, true) }
                return w.times(t, over: a).map { RowScore($0, true) }
            case .lowerIsBetter:
                if a <= t || a == .zero { return RowScore(w, true, plainly: true) }
                guard t > .zero else { return RowScore(.zero, false) }
                return w.times(t, over: a).map { RowScore($0, false) }
            case .exact, .qualitative:
                if a == t { return RowScore(w, true, plainly: true) }
                let low = min(a, t), high = max(a, t)
                guard low >= .zero, high > .zero else { return RowScore(.zero, false) }
                return w.times(low, over: high).map { RowScore($0, false) }
            }
        }
    }

    /// `QualitativeBand.contains` in fixed point.
    static func contains(_ band: QualitativeBand, _ points: FixedPoint, weight: FixedPoint) -> Bool {
        guard weight > .zero else { return points == .zero }
        guard let hundred = points.times(100), let eighty = weight.times(80), let sixty = weight.times(60) else { return false }
        switch band {
        case .achieved: return hundred >= eighty && points <= weight
        case .partly: return hundred >= sixty && hundred < eighty
        case .notAchieved: return points >= .zero && hundred < sixty
        }
    }
}

extension FixedPoint {
    /// `self × percent` — both in units (the over-achievement test compares it with an actual × 100, never dividing);
    /// rounded to twenty places, nil when it does not fit.
    func times(percent: FixedPoint) -> FixedPoint? { times(percent, over: FixedPoint(1)) }
}
