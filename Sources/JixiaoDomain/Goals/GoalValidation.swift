import Foundation

/// A problem that blocks submission (DOMAIN.md §4.3, validation). `index` is the row in the indicator list.
public enum GoalValidationError: Hashable, Sendable {
    case missingAnnualGoal
    case missingCategory(IndicatorCategory)
    case subcategoryOutsideCategory(index: Int)
    case missingName(index: Int)
    case unreadableTarget(index: Int, TargetParseError)
    case missingUnit(index: Int)
    case percentageOutOfRange(index: Int)
    case missingWeight(index: Int)
    case weightsDoNotSum(expected: Decimal, actual: Decimal)
    case duplicateName(index: Int, firstIndex: Int)
    case costWithAtLeast(index: Int)
    /// 财力、人力和物力投入不能作为绩效目标: "资金到位率", "预算执行率" are inputs, not outputs.
    case inputAsOutput(index: Int)

    /// The indicator row the error belongs to, for showing it next to that row.
    public var index: Int? {
        switch self {
        case .missingAnnualGoal, .missingCategory, .weightsDoNotSum: nil
        case .subcategoryOutsideCategory(let i), .missingName(let i), .unreadableTarget(let i, _), .missingUnit(let i),
             .percentageOutOfRange(let i), .missingWeight(let i), .duplicateName(let i, _), .costWithAtLeast(let i), .inputAsOutput(let i): i
        }
    }
}

/// 硬性校验 — the checks a goal must pass before it can be submitted.
public enum GoalValidation {
    /// Words that name money put in rather than something produced.
    static let inputWords = WordList(["资金到位", "预算执行", "资金拨付", "资金支付", "支出进度", "资金使用率", "经费到位"])

    public static func validate(_ goal: PerformanceGoal, rules: GoalRules = .standard) -> [GoalValidationError] {
        var errors: [GoalValidationError] = []
        if goal.annualGoal.trimmed.isEmpty { errors.append(.missingAnnualGoal) }
        for category in IndicatorCategory.allCases where rules.requiredCategories.contains(category) && goal.indicators(in: category).isEmpty {
            errors.append(.missingCategory(category))
        }
        var firstIndexOfName: [String: Int] = [:]
        for (i, indicator) in goal.indicators.enumerated() {
            let name = indicator.name.trimmed
            if indicator.subcategory.category != indicator.category { errors.append(.subcategoryOutsideCategory(index: i)) }
            if name.isEmpty { errors.append(.missingName(index: i)) }
            else {
                let key = "\(indicator.category.rawValue)/\(name.filter { !$0.isWhitespace })"
                if let first = firstIndexOfName[key] { errors.append(.duplicateName(index: i, firstIndex: first)) } else { firstIndexOfName[key] = i }
            }
            do throws(TargetParseError) {
                // The indicator keeps its parsed target; parse again only to learn why it could not be read.
                let target: Target
                if let parsed = indicator.target { target = parsed } else { target = try TargetParser.parse(indicator.targetText) }
                if case .number(let value, let unit) = target.value {
                    if unit.isEmpty { errors.append(.missingUnit(index: i)) }
                    if unit == "%" && (value < 0 || value > 100) { errors.append(.percentageOutOfRange(index: i)) }
                }
                if indicator.subcategory.isCost && (target.op == .atLeast || target.op == .greaterThan) {
                    errors.append(.costWithAtLeast(index: i))
                }
            } catch {
                errors.append(.unreadableTarget(index: i, error))
            }
            if rules.weightsRequired && indicator.weight == nil { errors.append(.missingWeight(index: i)) }
            if indicator.category == .output && inputWords.occurs(in: name) { errors.append(.inputAsOutput(index: i)) }
        }
        if rules.weightsRequired, !goal.indicators.isEmpty, goal.indicators.allSatisfy({ $0.weight != nil }), goal.totalWeight != rules.requiredWeightTotal {
            errors.append(.weightsDoNotSum(expected: rules.requiredWeightTotal, actual: goal.totalWeight))
        }
        return errors
    }
}
