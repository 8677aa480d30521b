/// 输入上限 — the longest texts and the longest lists Jixiao stores, and the characters allowed in them
/// (`TextInputRules`). Every writer — form, API, importer — refuses what crosses them before anything is saved, so
/// no single request can hold the database's write lock for long or put a text into an export that breaks it.
/// The figures are far above what real declarations need (a project name is rarely over 60 characters, a goal
/// rarely has more than 30 indicators) and far below what would hurt.
public enum InputLimits {
    /// Names of organisations, people, projects and library entries.
    public static let name = 200
    /// Codes of organisations and projects.
    public static let code = 64
    /// An indicator's name, target, unit or a region's recipient code.
    public static let shortText = 200
    /// Notes beside an indicator.
    public static let note = 1_000
    /// Annual and mid-term goals, opinions, reasons.
    public static let longText = 4_000
    /// Indicators of one goal (or of one region's goal).
    public static let indicatorsPerGoal = 300
    /// Regions of one transfer payment.
    public static let regionsPerGoal = 500
}

/// One field that cannot be stored: where it is (region and row from 1, nil for the goal itself) and why.
public struct InputProblem: Hashable, Sendable {
    public enum Reason: Hashable, Sendable {
        case text(TextInputError)
        case tooMany(maximum: Int, count: Int)
    }
    public var field: String
    public var region: Int?
    public var row: Int?
    public var reason: Reason

    public init(field: String, region: Int? = nil, row: Int? = nil, reason: Reason) {
        self.field = field; self.region = region; self.row = row; self.reason = reason
    }
}

public enum GoalInput {
    /// Everything in `goal` that may not be stored, in reading order (empty when it may be saved).
    public static func problems(_ goal: PerformanceGoal) -> [InputProblem] {
        var problems: [InputProblem] = []
        func check(_ text: String, _ field: String, _ kind: TextInputRules.Field, _ maximum: Int, region: Int? = nil, row: Int? = nil) {
            do { try TextInputRules.check(text, field: kind, maximumLength: maximum) } catch {
                problems.append(InputProblem(field: field, region: region, row: row, reason: .text(error)))
            }
        }
        func checkIndicators(_ indicators: [Indicator], region: Int?) {
            if indicators.count > InputLimits.indicatorsPerGoal {
                problems.append(InputProblem(field: "indicators", region: region,
                                             reason: .tooMany(maximum: InputLimits.indicatorsPerGoal, count: indicators.count)))
                return
            }
            for (index, indicator) in indicators.enumerated() {
                check(indicator.name, "name", .singleLine, InputLimits.shortText, region: region, row: index + 1)
                check(indicator.targetText, "target", .singleLine, InputLimits.shortText, region: region, row: index + 1)
                check(indicator.note, "note", .multiLine, InputLimits.note, region: region, row: index + 1)
            }
        }
        check(goal.annualGoal, "annual_goal", .multiLine, InputLimits.longText)
        if let midTerm = goal.midTermGoal { check(midTerm, "mid_term_goal", .multiLine, InputLimits.longText) }
        checkIndicators(goal.indicators, region: nil)
        if goal.regions.count > InputLimits.regionsPerGoal {
            problems.append(InputProblem(field: "regions", reason: .tooMany(maximum: InputLimits.regionsPerGoal, count: goal.regions.count)))
            return problems
        }
        for (index, region) in goal.regions.enumerated() {
            check(region.recipientCode, "recipient", .singleLine, InputLimits.code, region: index + 1)
            check(region.annualGoal, "annual_goal", .multiLine, InputLimits.longText, region: index + 1)
            checkIndicators(region.indicators, region: index + 1)
        }
        return problems
    }
}
