import Foundation

/// How much a finding matters. Findings never block; the filer may answer each with a reason.
public enum FindingSeverity: Int, Comparable, Codable, Sendable {
    case notice = 0   // worth a look
    case warning = 1  // very likely a weakness a reviewer will return

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// One rule of the goal linter (DOMAIN.md §4.3 and the goal-management issue).
public enum LintRule: String, CaseIterable, Codable, Sendable {
    case vagueWording = "vague_wording"
    case effectLooksLikeOutput = "effect_looks_like_output"
    case satisfactionOnlyEffect = "satisfaction_only_effect"
    case directionContradictsName = "direction_contradicts_name"
    case costExceedsRequest = "cost_exceeds_request"
    case duplicateIndicator = "duplicate_indicator"
    case outsideHistoryBand = "outside_history_band"
    case belowLastYearActual = "below_last_year_actual"
    case equalsLastYearActual = "equals_last_year_actual"
    case fewOutputIndicators = "few_output_indicators"
    case noQualityOrTimeliness = "no_quality_or_timeliness"
    case noSatisfactionForService = "no_satisfaction_for_service"
    case qualitativeWeightTooHigh = "qualitative_weight_too_high"
    case fullCoverageMismatch = "full_coverage_mismatch"
    case deadlineOutsideFiscalYear = "deadline_outside_fiscal_year"
}

/// One finding: which rule, how serious, which indicator row (if one), and the figures behind it.
public struct LintFinding: Hashable, Codable, Sendable {
    public var rule: LintRule
    public var severity: FindingSeverity
    public var index: Int?
    /// Figures a message shows ("p10=700", "actual=760"), in order.
    public var figures: [String]

    public init(_ rule: LintRule, _ severity: FindingSeverity, index: Int? = nil, figures: [String] = []) {
        self.rule = rule; self.severity = severity; self.index = index; self.figures = figures
    }
}

/// 目标质量检查 — the goal linter. Pure: the goal and what is known around it in, findings out.
public enum GoalLinter {
    static let vagueWords = WordList(["较好", "明显", "有所", "进一步", "逐步", "加强", "提升", "提高", "改善", "增强", "有效", "显著", "不断", "大幅"])
    /// Units that count things produced: an 效益 indicator measured in them is usually an output.
    static let countUnits: Set<String> = ["人", "人次", "个", "所", "套", "台", "公里", "千米", "亩", "次", "项", "件", "户", "家", "座", "处", "场", "册", "本", "间", "辆", "期", "批"]
    static let fullCoverageWords = WordList(["全覆盖", "全部", "100%", "百分之百", "全面完成"])
    static let satisfactionWord = WordList(["满意"])
    static let qualitativeGrades: Set<String> = ["优", "良", "中", "差", "优秀", "良好", "合格", "是", "否", "达到", "未达到", "好", "较好", "一般"]

    public static func lint(_ goal: PerformanceGoal, context: GoalContext = GoalContext(), rules: GoalRules = .standard) -> [LintFinding] {
        var findings: [LintFinding] = []
        let indicators = goal.indicators

        for (i, indicator) in indicators.enumerated() {
            let target = indicator.target
            let name = indicator.name

            // Vague: a wish word with nothing measurable, in the name or a qualitative target.
            let vagueInName = vagueWords.occurs(in: name)
            let vagueTarget: Bool = {
                guard let target, case .text(let text) = target.value else { return false }
                return !qualitativeGrades.contains(text) && vagueWords.occurs(in: text)
            }()
            if (vagueInName && target?.isQuantitative != true) || vagueTarget {
                findings.append(LintFinding(.vagueWording, .warning, index: i))
            }

            if indicator.category == .effect, let unit = target?.unit, countUnits.contains(unit) {
                findings.append(LintFinding(.effectLooksLikeOutput, .warning, index: i, figures: [unit]))
            }

            // The sign against the direction the name's structure gives (IndicatorDirection). Deadlines are always ≤
            // and have their own rule below.
            if let target, target.number != nil, let expected = IndicatorDirection.expected(fromName: name) {
                let declared = target.op.direction
                if (expected == .lowerIsBetter && declared == .higherIsBetter) || (expected == .higherIsBetter && declared == .lowerIsBetter) {
                    findings.append(LintFinding(.directionContradictsName, .warning, index: i, figures: [target.op.rawValue]))
                }
            }

            if indicator.subcategory.isCost, let requested = context.requestedAmount, let cost = moneyValue(of: target), cost > requested {
                findings.append(LintFinding(.costExceedsRequest, .warning, index: i, figures: [cost.wanYuanText, requested.wanYuanText]))
            }

            if let entry = indicator.libraryEntryID, let history = context.libraryHistory[entry], history.count >= 3, let value = target?.number {
                let p10 = percentile(history, 0.10), p90 = percentile(history, 0.90)
                if value < p10 || value > p90 {
                    findings.append(LintFinding(.outsideHistoryBand, .notice, index: i, figures: ["\(value)", "\(p10)", "\(p90)"]))
                }
            }

            if context.isContinuing, let actual = context.lastYearActuals[indicator.historyKey], let target, let value = target.number {
                let lessAmbitious = (target.op.direction == .higherIsBetter && value < actual) || (target.op.direction == .lowerIsBetter && value > actual)
                if lessAmbitious {
                    findings.append(LintFinding(.belowLastYearActual, .warning, index: i, figures: ["\(value)", "\(actual)"]))
                } else if value == actual && target.op.direction != .exact {
                    findings.append(LintFinding(.equalsLastYearActual, .notice, index: i, figures: ["\(actual)"]))
                }
            }

            if fullCoverageWords.occurs(in: name), let value = target?.number, target?.unit == "%", value != 100 {
                findings.append(LintFinding(.fullCoverageMismatch, .warning, index: i, figures: ["\(value)"]))
            }

            if let fiscalYear = context.fiscalYear, let target, case .date(let day) = target.value,
               deadlineYear(day, op: target.op) != fiscalYear {
                findings.append(LintFinding(.deadlineOutsideFiscalYear, .warning, index: i, figures: [day.description, String(fiscalYear)]))
            }
        }

        // The same library entry twice, or the same name under two categories.
        var seenEntries: [UUID: Int] = [:], seenNames: [String: Int] = [:]
        for (i, indicator) in indicators.enumerated() {
            let nameKey = indicator.name.filter { !$0.isWhitespace }
            if let entry = indicator.libraryEntryID, let first = seenEntries[entry] {
                findings.append(LintFinding(.duplicateIndicator, .warning, index: i, figures: [String(first + 1)]))
            } else if !nameKey.isEmpty, let first = seenNames[nameKey], indicators[first].category != indicator.category {
                findings.append(LintFinding(.duplicateIndicator, .warning, index: i, figures: [String(first + 1)]))
            }
            if let entry = indicator.libraryEntryID, seenEntries[entry] == nil { seenEntries[entry] = i }
            if seenNames[nameKey] == nil { seenNames[nameKey] = i }
        }

        let effects = goal.indicators(in: .effect)
        if !effects.isEmpty, effects.allSatisfy({ satisfactionWord.occurs(in: $0.name) }) {
            findings.append(LintFinding(.satisfactionOnlyEffect, .warning))
        }
        let outputs = goal.indicators(in: .output)
        if !outputs.isEmpty, outputs.count < rules.minimumOutputIndicators {
            findings.append(LintFinding(.fewOutputIndicators, .notice, figures: [String(outputs.count), String(rules.minimumOutputIndicators)]))
        }
        if !outputs.isEmpty, !outputs.contains(where: { $0.subcategory == .quality || $0.subcategory == .timeliness }) {
            findings.append(LintFinding(.noQualityOrTimeliness, .notice))
        }
        if context.isServiceProject, goal.indicators(in: .satisfaction).isEmpty {
            findings.append(LintFinding(.noSatisfactionForService, .warning))
        }
        let total = goal.totalWeight
        if total > 0 {
            let qualitative = indicators.filter { $0.target?.op == .qualitative }.reduce(Decimal(0)) { $0 + ($1.weight ?? 0) }
            if qualitative / total > rules.maximumQualitativeWeightShare {
                findings.append(LintFinding(.qualitativeWeightTooHigh, .notice, figures: ["\(qualitative)", "\(total)"]))
            }
        }
        return findings.sorted { ($0.index ?? -1, $1.severity) < ($1.index ?? -1, $0.severity) }
    }

    /// The year in which a deadline falls due. "<2027年1月1日" is due by the end of 2026; every other deadline is due on
    /// its own day.
    ///
    /// Every deadline of a goal must fall due inside the goal's fiscal year, also for a project that runs several
    /// years: the indicator rows are the year's targets (年度指标值), compared with the year's results in that year's
    /// monitoring and self-evaluation. A deadline in a later year cannot be assessed then (it is a milestone of the
    /// mid-term goal, written in 中期目标 or in that later year's goal); one in an earlier year has passed before the
    /// budget year begins, usually a date copied from last year's goal. Any date target counts, whatever its 二级指标:
    /// dates are deadlines.
    static func deadlineYear(_ day: CalendarDay, op: TargetOperator) -> Int {
        op == .lessThan && day.month == 1 && day.day == 1 ? day.year - 1 : day.year
    }

    /// A money target in 万元 or 元 as an exact amount.
    static func moneyValue(of target: Target?) -> Money? {
        guard let target, case .number(let value, let unit) = target.value else { return nil }
        switch unit {
        case "万元": return try? Money(wanYuan: "\(value)")
        case "元": return try? Money(yuan: "\(value)")
        case "亿元": return try? Money(wanYuan: "\(value * 10_000)")
        default: return nil
        }
    }

    /// Linear interpolation between closest ranks (the common "type 7" definition).
    public static func percentile(_ values: [Decimal], _ p: Decimal) -> Decimal {
        let sorted = values.sorted()
        guard sorted.count > 1 else { return sorted.first ?? 0 }
        let position = p * Decimal(sorted.count - 1)
        var floorPosition = Decimal()
        var copy = position
        NSDecimalRound(&floorPosition, &copy, 0, .down)
        let lower = NSDecimalNumber(decimal: floorPosition).intValue
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (position - floorPosition) * (sorted[upper] - sorted[lower])
    }
}
