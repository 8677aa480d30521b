import Foundation

/// The figures behind one warning, kept with it so that its arithmetic can be shown in words long after the round
/// (and the rules) have moved on. Percentages are exact ratios; pages round them for display.
public enum WarningFacts: Hashable, Codable, Sendable {
    /// "1–7月：时间进度 58.3%，支出 31.0% → 执行进度 53.2% < 60% → 红色".
    case fundPace(period: MonitoringPeriod, timeProgress: Ratio, executionRate: Ratio, pace: Ratio, bound: Decimal,
                  fromPlan: Bool, basis: ExecutionBasis)
    /// A forecast against its target: `share` is forecast ÷ target for positive and reverse indicators, and the smaller
    /// over the larger for exact ones; `bound` is the rule's percentage that `share` was compared with.
    case forecast(indicator: String, target: String, forecast: String, share: Ratio?, bound: Decimal)
    /// A deadline forecast late: how many days after the date, against the grace days.
    case deadline(indicator: String, target: CalendarDay, forecast: CalendarDay, daysLate: Int, graceDays: Int)
    /// The unit's own 完成目标可能性.
    case likelihood(indicator: String, likelihood: CompletionLikelihood)
    /// Not reported by the round's deadline.
    case notReported(deadline: CalendarDay)
}

/// 预警 — one warning of one budget object in one round: the rule, its level, the indicator it is about (none for
/// money and for 未报送), and its facts.
public struct MonitoringWarning: Hashable, Codable, Sendable {
    public var rule: WarningRule
    public var level: WarningLevel
    public var indicatorID: UUID?
    public var facts: WarningFacts

    public init(rule: WarningRule, level: WarningLevel, indicatorID: UUID? = nil, facts: WarningFacts) {
        self.rule = rule; self.level = level; self.indicatorID = indicatorID; self.facts = facts
    }
}

/// What a round knows of one budget object when it judges it.
public struct MonitoringSubject: Sendable {
    public var period: MonitoringPeriod
    /// The money, when figures exist (from the treasury file or typed by the unit).
    public var fund: FundFigures?
    /// The goal's indicators in force, each with what the unit reported for it (nil when nothing yet).
    public var indicators: [(indicator: Indicator, progress: IndicatorProgress?)]
    /// Set once the round's deadline has passed without a report: the round's own deadline.
    public var unreportedPastDeadline: CalendarDay?

    public init(period: MonitoringPeriod, fund: FundFigures?, indicators: [(indicator: Indicator, progress: IndicatorProgress?)],
                unreportedPastDeadline: CalendarDay? = nil) {
        self.period = period; self.fund = fund; self.indicators = indicators; self.unreportedPastDeadline = unreportedPastDeadline
    }
}

/// 预警扫描 — applies a rule set to a subject. Pure and total: missing figures give no warning of their own (an
/// unreported task has the 未报送 rule), and green results are not warnings.
public enum MonitoringScan {
    public static func warnings(_ subject: MonitoringSubject, rules: MonitoringRuleSet) -> [MonitoringWarning] {
        var found: [MonitoringWarning] = []
        if rules.enabled.contains(.notReported), let deadline = subject.unreportedPastDeadline {
            found.append(MonitoringWarning(rule: .notReported, level: rules.notReportedLevel, facts: .notReported(deadline: deadline)))
        }
        if let fund = subject.fund, let warning = fundWarning(fund, period: subject.period, rules: rules) { found.append(warning) }
        for (indicator, progress) in subject.indicators {
            guard let progress else { continue }
            found += indicatorWarnings(indicator, progress, period: subject.period, rules: rules)
        }
        return found
    }

    /// The money warning: pace = executed ÷ expected, red below `fundRedBelow` %, yellow below `fundYellowBelow` %.
    public static func fundWarning(_ figures: FundFigures, period: MonitoringPeriod, rules: MonitoringRuleSet) -> MonitoringWarning? {
        guard rules.enabled.contains(.fundPace) else { return nil }
        let progress = FundProgress(figures, period: period, basis: rules.executionBasis)
        guard let pace = progress.pace, let time = progress.timeProgress, let rate = progress.executionRate else { return nil }
        let level: WarningLevel, bound: Decimal
        if pace < Ratio(percent: rules.fundRedBelow) { level = .red; bound = rules.fundRedBelow }
        else if pace < Ratio(percent: rules.fundYellowBelow) { level = .yellow; bound = rules.fundYellowBelow }
        else { return nil }
        return MonitoringWarning(rule: .fundPace, level: level,
                                 facts: .fundPace(period: period, timeProgress: time, executionRate: rate, pace: pace, bound: bound,
                                                  fromPlan: progress.fromPlan, basis: rules.executionBasis))
    }

    /// The warnings of one indicator: its forecast against the target by the target's sign, and the unit's likelihood.
    /// Both may warn; the object's colour takes the worst.
    public static func indicatorWarnings(_ indicator: Indicator, _ progress: IndicatorProgress, period: MonitoringPeriod,
                                         rules: MonitoringRuleSet) -> [MonitoringWarning] {
        var found: [MonitoringWarning] = []
        if let likelihood = progress.likelihood {
            let facts = WarningFacts.likelihood(indicator: indicator.name, likelihood: likelihood)
            if likelihood == .impossible, rules.enabled.contains(.likelihoodImpossible) {
                found.append(MonitoringWarning(rule: .likelihoodImpossible, level: .red, indicatorID: indicator.id, facts: facts))
            } else if likelihood == .possible, rules.enabled.contains(.likelihoodPossible) {
                found.append(MonitoringWarning(rule: .likelihoodPossible, level: rules.possibleLevel, indicatorID: indicator.id, facts: facts))
            }
        }
        if let target = indicator.target, let forecast = progress.forecast(against: target),
           let warning = forecastWarning(indicator, target: target, forecast: forecast, forecastText: progress.forecastText, rules: rules) {
            found.append(warning)
        }
        return found
    }

    /// Whether the forecast misses its target as written — short of a positive one, above a reverse one, off an exact
    /// one, after a deadline — whatever the thresholds. Only such a forecast can warn; a unit's save stores this beside
    /// the text, so that a scan of a whole round looks again only at the few that miss (the rule set then decides red,
    /// yellow or nothing). An empty, unreadable or qualitative forecast misses nothing.
    public static func forecastMisses(_ indicator: Indicator, _ progress: IndicatorProgress) -> Bool {
        guard let target = indicator.target, let forecast = progress.forecast(against: target) else { return false }
        return misses(target: target, forecast: forecast)
    }

    static func misses(target: Target, forecast: TargetValue) -> Bool {
        switch (target.value, forecast) {
        case (.date(let deadline), .date(let day)):
            return deadline < day
        case (.number(let t, _), .number(let f, _)):
            switch target.op {
            case .atLeast: return f < t
            case .greaterThan: return f <= t
            case .atMost: return f > t
            case .lessThan: return f >= t
            case .equal: return f != t
            case .qualitative: return false
            }
        default:
            return false
        }
    }

    static func forecastWarning(_ indicator: Indicator, target: Target, forecast: TargetValue, forecastText: String,
                                rules: MonitoringRuleSet) -> MonitoringWarning? {
        guard misses(target: target, forecast: forecast) else { return nil }
        switch (target.value, forecast) {
        case (.date(let deadline), .date(let day)):
            guard rules.enabled.contains(.deadlineForecast) else { return nil }
            let late = day.daysSince(deadline)
            return MonitoringWarning(rule: .deadlineForecast, level: late > rules.deadlineGraceDays ? .red : .yellow, indicatorID: indicator.id,
                                     facts: .deadline(indicator: indicator.name, target: deadline, forecast: day, daysLate: late,
                                                      graceDays: rules.deadlineGraceDays))
        case (.number(let t, _), .number(let f, _)):
            let facts = { (share: Ratio?, bound: Decimal) in
                WarningFacts.forecast(indicator: indicator.name, target: indicator.targetText, forecast: forecastText.trimmed, share: share, bound: bound)
            }
            switch target.op {
            case .atLeast, .greaterThan:
                guard rules.enabled.contains(.positiveForecast) else { return nil }
                let share = Ratio(f, over: t)
                // f < bound% × t, compared without dividing (a zero target is met by any forecast ≥ 0).
                let red = f * 100 < rules.positiveRedBelow * t
                return MonitoringWarning(rule: .positiveForecast, level: red ? .red : .yellow, indicatorID: indicator.id,
                                         facts: facts(share, rules.positiveRedBelow))
            case .atMost, .lessThan:
                guard rules.enabled.contains(.reverseForecast) else { return nil }
                let red = f * 100 > rules.reverseRedAbove * t
                return MonitoringWarning(rule: .reverseForecast, level: red ? .red : .yellow, indicatorID: indicator.id,
                                         facts: facts(Ratio(f, over: t), rules.reverseRedAbove))
            case .equal:
                guard rules.enabled.contains(.exactForecast) else { return nil }
                let (low, high) = (min(f, t), max(f, t))
                let red = low * 100 < rules.exactRedBelow * high
                return MonitoringWarning(rule: .exactForecast, level: red ? .red : .yellow, indicatorID: indicator.id,
                                         facts: facts(Ratio(low, over: high), rules.exactRedBelow))
            case .qualitative:
                return nil
            }
        default:
            return nil
        }
    }

    /// An object's colour: its worst warning, green without any.
    public static func colour(_ warnings: [MonitoringWarning]) -> WarningLevel {
        warnings.map(\.level).max() ?? .green
    }

    /// What keeps a reported task from being submitted: unreadable values, missing forecasts or likelihoods, causes
    /// not in the bureau's list, and red or yellow items without the unit's cause, explanation and measures.
    /// `fundExplained` says whether the unit explained the money's lag (its own note on the task).
    public static func submissionProblems(_ subject: MonitoringSubject, rules: MonitoringRuleSet,
                                          fundExplained: Bool) -> [(indicatorID: UUID?, problem: ProgressProblem)] {
        var problems: [(UUID?, ProgressProblem)] = []
        if subject.fund == nil { problems.append((nil, .missingFund)) }
        if let fund = subject.fund, let warning = fundWarning(fund, period: subject.period, rules: rules), !fundExplained {
            problems.append((nil, .explanationRequired(warning.level)))
        }
        for (indicator, progress) in subject.indicators {
            guard let progress else {
                problems.append((indicator.id, .missingForecast))
                continue
            }
            if let target = indicator.target {
                if !progress.reachedText.trimmed.isEmpty {
                    do throws(ProgressValueError) { _ = try ProgressValue.parse(progress.reachedText, against: target) }
                    catch { problems.append((indicator.id, .reached(error))) }
                }
                if progress.forecastText.trimmed.isEmpty {
                    problems.append((indicator.id, .missingForecast))
                } else {
                    do throws(ProgressValueError) { _ = try ProgressValue.parse(progress.forecastText, against: target) }
                    catch { problems.append((indicator.id, .forecast(error))) }
                }
            }
            if progress.likelihood == nil { problems.append((indicator.id, .missingLikelihood)) }
            if let cause = progress.cause, !rules.deviationCauses.contains(cause) { problems.append((indicator.id, .unknownCause(cause))) }
            let level = colour(indicatorWarnings(indicator, progress, period: subject.period, rules: rules))
            if level != .green && !progress.isExplained { problems.append((indicator.id, .explanationRequired(level))) }
        }
        return problems
    }
}

/// Counts and amounts by colour, for a department's or a region's dashboard.
public struct ColourTally: Hashable, Codable, Sendable {
    public var counts: [WarningLevel: Int] = [:]
    public var amounts: [WarningLevel: Money] = [:]

    public init() {}

    public mutating func add(_ level: WarningLevel, amount: Money) {
        counts[level, default: 0] += 1
        amounts[level, default: .zero] = amounts[level, default: .zero] + amount
    }

    public mutating func add(_ other: ColourTally) {
        for (level, count) in other.counts { counts[level, default: 0] += count }
        for (level, amount) in other.amounts { amounts[level, default: .zero] = amounts[level, default: .zero] + amount }
    }

    public var total: Int { counts.values.reduce(0, +) }
    public func count(_ level: WarningLevel) -> Int { counts[level] ?? 0 }
    public func amount(_ level: WarningLevel) -> Money { amounts[level] ?? .zero }
}

extension CalendarDay {
    /// Days from `earlier` to this day (positive when this day is later).
    public func daysSince(_ earlier: CalendarDay) -> Int { dayNumber - earlier.dayNumber }

    /// Days since 1 January of year 0 in the proleptic Gregorian calendar: a count that subtracts exactly.
    var dayNumber: Int {
        let y = year - 1
        var days = y * 365 + y / 4 - y / 100 + y / 400
        for m in 1..<month { days += CalendarDay.days(in: m, of: year) }
        return days + day
    }
}
