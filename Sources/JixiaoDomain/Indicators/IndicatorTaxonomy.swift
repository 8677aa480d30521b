import Foundation

/// 一级指标 — the level-1 categories of the standard indicator taxonomy (DOMAIN.md §4.1, 财预〔2013〕53号).
public enum IndicatorCategory: String, CaseIterable, Codable, Sendable {
    case output         // 产出指标
    case effect         // 效益指标
    case satisfaction   // 满意度指标
    case cost           // 成本指标 (newer forms)

    public var chineseName: String {
        switch self {
        case .output: "产出指标"
        case .effect: "效益指标"
        case .satisfaction: "满意度指标"
        case .cost: "成本指标"
        }
    }

    public var subcategories: [IndicatorSubcategory] { IndicatorSubcategory.allCases.filter { $0.category == self } }

    /// Every way a category is written ("产出指标", "产出", "output"), built once: imports look names up for every row.
    private static let byName: [String: IndicatorCategory] = Dictionary(
        allCases.flatMap { c in [(c.chineseName, c), (String(c.chineseName.dropLast(2)), c), (c.rawValue, c)] }, uniquingKeysWith: { first, _ in first })

    public static func parse(_ text: String) -> IndicatorCategory? {
        let key = text.trimmed
        return byName[key] ?? byName[key.lowercased()]
    }
}

/// 二级指标 — the level-2 categories, each under one level-1 category.
public enum IndicatorSubcategory: String, CaseIterable, Codable, Sendable {
    case quantity = "quantity"                          // 数量指标
    case quality = "quality"                            // 质量指标
    case timeliness = "timeliness"                      // 时效指标
    case outputCost = "output_cost"                     // 成本指标 (under 产出)
    case economicBenefit = "economic_benefit"           // 经济效益指标
    case socialBenefit = "social_benefit"               // 社会效益指标
    case ecologicalBenefit = "ecological_benefit"       // 生态效益指标
    case sustainableImpact = "sustainable_impact"       // 可持续影响指标
    case serviceSatisfaction = "service_satisfaction"   // 服务对象满意度指标
    case economicCost = "economic_cost"                 // 经济成本指标
    case socialCost = "social_cost"                     // 社会成本指标
    case ecologicalCost = "ecological_cost"             // 生态环境成本指标

    public var category: IndicatorCategory {
        switch self {
        case .quantity, .quality, .timeliness, .outputCost: .output
        case .economicBenefit, .socialBenefit, .ecologicalBenefit, .sustainableImpact: .effect
        case .serviceSatisfaction: .satisfaction
        case .economicCost, .socialCost, .ecologicalCost: .cost
        }
    }

    public var chineseName: String {
        switch self {
        case .quantity: "数量指标"
        case .quality: "质量指标"
        case .timeliness: "时效指标"
        case .outputCost: "成本指标"
        case .economicBenefit: "经济效益指标"
        case .socialBenefit: "社会效益指标"
        case .ecologicalBenefit: "生态效益指标"
        case .sustainableImpact: "可持续影响指标"
        case .serviceSatisfaction: "服务对象满意度指标"
        case .economicCost: "经济成本指标"
        case .socialCost: "社会成本指标"
        case .ecologicalCost: "生态环境成本指标"
        }
    }

    /// Whether this is a cost indicator, under 产出 or under the level-1 成本 category.
    public var isCost: Bool { self == .outputCost || category == .cost }

    /// Reads the level-2 name, using the level-1 category to tell the two 成本指标 apart.
    /// Every way a level-2 category is written, built once; "成本指标" names two of them.
    private static let byName: [String: [IndicatorSubcategory]] = Dictionary(
        grouping: allCases.flatMap { c in Set([c.chineseName, String(c.chineseName.dropLast(2)), c.rawValue]).map { ($0, c) } },
        by: \.0).mapValues { $0.map(\.1) }

    public static func parse(_ text: String, in category: IndicatorCategory?) -> IndicatorSubcategory? {
        let key = text.trimmed
        let matches = byName[key] ?? byName[key.lowercased()] ?? []
        if let category { return matches.first { $0.category == category } }
        return matches.count == 1 ? matches[0] : nil
    }
}

/// 指标标准 — where a target value comes from (policy).
public enum StandardSource: String, CaseIterable, Codable, Sendable {
    case plan = "plan"          // 计划标准
    case industry = "industry"  // 行业标准
    case history = "history"    // 历史标准
    case other = "other"        // 其他标准

    public var chineseName: String {
        switch self {
        case .plan: "计划标准"
        case .industry: "行业标准"
        case .history: "历史标准"
        case .other: "其他标准"
        }
    }
}
