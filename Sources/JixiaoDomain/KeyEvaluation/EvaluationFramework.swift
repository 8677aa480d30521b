import Foundation

/// 评价指标体系 — the indicators a key evaluation scores (DOMAIN.md §4.4): level 1..3, a weight each (summing to 100)
/// and the scoring criteria the team applies. Built from a finance bureau's template, then adjusted per evaluation.
public struct FrameworkIndicator: Hashable, Codable, Sendable {
    public var level1: String
    public var level2: String
    public var level3: String
    public var weight: Decimal
    /// 评分标准 — how the points are given, in the bureau's words.
    public var criteria: String
    /// Pulled from the evaluated object's goal: its target and the self-evaluation's actual value.
    public var goalIndicatorID: UUID?
    public var target: String?
    public var actual: String?

    public init(_ level1: String, _ level2: String, _ level3: String, weight: Decimal, criteria: String,
                goalIndicatorID: UUID? = nil, target: String? = nil, actual: String? = nil) {
        self.level1 = level1; self.level2 = level2; self.level3 = level3; self.weight = weight; self.criteria = criteria
        self.goalIndicatorID = goalIndicatorID; self.target = target; self.actual = actual
    }
}

/// Which framework an evaluation of an object starts from.
public enum FrameworkKind: String, CaseIterable, Codable, Sendable {
    /// 项目支出 (also policies and transfer payments): 决策 / 过程 / 产出 / 效益 (财预〔2020〕10号 reference framework).
    case project = "project"
    /// 部门整体支出: 投入 / 过程 / 产出 / 效果 (财预〔2013〕53号 common framework).
    case departmentOverall = "department_overall"

    public init(objectKind: BudgetObjectKind) { self = objectKind == .departmentOverall ? .departmentOverall : .project }

    public var chineseName: String {
        switch self {
        case .project: "项目支出绩效评价指标体系"
        case .departmentOverall: "部门整体支出绩效评价指标体系"
        }
    }

    /// The level-1 groups in order.
    public var groups: [String] {
        switch self {
        case .project: ["决策", "过程", "产出", "效益"]
        case .departmentOverall: ["投入", "过程", "产出", "效果"]
        }
    }

    /// The groups whose weights together must reach `resultsMinimum` (产出 + 效益 ≥ 60 %, policy, for projects).
    public var resultGroups: [String] { self == .project ? ["产出", "效益"] : ["产出", "效果"] }
    public var resultsMinimum: Decimal? { self == .project ? 60 : nil }
}

/// What is wrong with a framework; each names the row (0-based) where there is one.
public enum FrameworkProblem: Hashable, Sendable {
    case empty
    case missingName(row: Int)
    case unknownGroup(row: Int, name: String)
    case weightOutOfRange(row: Int)
    case duplicate(row: Int)
    case weightsDoNotSum(actual: Decimal)
    case resultsBelowMinimum(actual: Decimal, minimum: Decimal)
}

public enum EvaluationFramework {
    /// Every problem of `indicators` for a framework of `kind`; empty when it may be used.
    public static func problems(_ indicators: [FrameworkIndicator], kind: FrameworkKind) -> [FrameworkProblem] {
        guard !indicators.isEmpty else { return [.empty] }
        var problems: [FrameworkProblem] = []
        var seen: Set<[String]> = []
        for (row, indicator) in indicators.enumerated() {
            if [indicator.level1, indicator.level2, indicator.level3].contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                problems.append(.missingName(row: row))
            } else if !kind.groups.contains(indicator.level1) {
                problems.append(.unknownGroup(row: row, name: indicator.level1))
            }
            if indicator.weight <= 0 || indicator.weight > 100 { problems.append(.weightOutOfRange(row: row)) }
            if !seen.insert([indicator.level1, indicator.level2, indicator.level3]).inserted { problems.append(.duplicate(row: row)) }
        }
        let total = indicators.reduce(Decimal(0)) { $0 + $1.weight }
        if total != 100 { problems.append(.weightsDoNotSum(actual: total)) }
        if let minimum = kind.resultsMinimum {
            let results = indicators.filter { kind.resultGroups.contains($0.level1) }.reduce(Decimal(0)) { $0 + $1.weight }
            if results < minimum { problems.append(.resultsBelowMinimum(actual: results, minimum: minimum)) }
        }
        return problems
    }

    /// The weight of each level-1 group, in the kind's order.
    public static func groupWeights(_ indicators: [FrameworkIndicator], kind: FrameworkKind) -> [(group: String, weight: Decimal)] {
        kind.groups.map { group in (group, indicators.filter { $0.level1 == group }.reduce(Decimal(0)) { $0 + $1.weight }) }
    }

    /// One indicator of the evaluated object's goal, as the framework takes it in.
    public struct GoalIndicator: Hashable, Sendable {
        public var id: UUID
        public var category: IndicatorCategory
        public var subcategoryName: String
        public var name: String
        public var target: String
        public var actual: String?
        /// Its weight in the goal or self-evaluation; nil when the goal gave none.
        public var weight: Decimal?
        public init(id: UUID, category: IndicatorCategory, subcategoryName: String, name: String, target: String, actual: String?, weight: Decimal?) {
            self.id = id; self.category = category; self.subcategoryName = subcategoryName; self.name = name
            self.target = target; self.actual = actual; self.weight = weight
        }
    }

    /// Puts the object's own goal indicators into the results groups (DOMAIN.md §4.4, issue 12): its 产出 (and 成本) indicators
    /// replace the template's generic 产出 rows, its 效益 and 满意度 indicators replace the 效益 (or 效果) rows. Each group
    /// keeps the template's weight, shared among the goal's indicators in proportion to their goal weights (equally
    /// when the goal gave none) and settled to two places with the rest on the group's last row, so the framework still
    /// sums to 100. A group the goal has no indicators for keeps the template's rows.
    public static func pullingGoal(_ template: [FrameworkIndicator], kind: FrameworkKind, goal: [GoalIndicator]) -> [FrameworkIndicator] {
        let outputGroup = kind.resultGroups[0], effectGroup = kind.resultGroups[1]
        let byGroup: [String: [GoalIndicator]] = [
            outputGroup: goal.filter { $0.category == .output || $0.category == .cost },
            effectGroup: goal.filter { $0.category == .effect || $0.category == .satisfaction },
        ]
        var result: [FrameworkIndicator] = []
        var placed: Set<String> = []
        for row in template {
            guard let pulled = byGroup[row.level1], !pulled.isEmpty else { result.append(row); continue }
            guard placed.insert(row.level1).inserted else { continue }
            let groupWeight = template.filter { $0.level1 == row.level1 }.reduce(Decimal(0)) { $0 + $1.weight }
            let shares = share(groupWeight, by: pulled.map { $0.weight ?? 1 })
            for (indicator, weight) in zip(pulled, shares) {
                let level2 = indicator.category == .satisfaction ? "满意度" : indicator.subcategoryName
                result.append(FrameworkIndicator(row.level1, level2, indicator.name, weight: weight,
                                                 criteria: criteria(for: indicator), goalIndicatorID: indicator.id,
                                                 target: indicator.target, actual: indicator.actual))
            }
        }
        return result
    }

    /// `total` split in proportion to `parts` at two places; the last share takes what rounding left, so they sum exactly.
    static func share(_ total: Decimal, by parts: [Decimal]) -> [Decimal] {
        let sum = parts.reduce(Decimal(0), +)
        guard !parts.isEmpty else { return [] }
        var shares: [Decimal] = []
        var given = Decimal(0)
        for (index, part) in parts.enumerated() {
            if index == parts.count - 1 { shares.append(total - given); break }
            var raw = sum > 0 ? total * part / sum : total / Decimal(parts.count)
            var rounded = Decimal()
            NSDecimalRound(&rounded, &raw, 2, .plain)
            shares.append(rounded)
            given += rounded
        }
        return shares
    }

    static func criteria(for indicator: GoalIndicator) -> String {
        "对照绩效目标“\(indicator.target)”核实实际完成值：达到目标得满分；未达到的按完成值与目标值的比例计分。"
    }
}
