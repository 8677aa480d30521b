import Foundation

/// 三级指标 — one indicator of a goal's tree as the filer wrote it, with its target parsed.
public struct Indicator: Hashable, Codable, Sendable {
    /// Stable across versions, so a reviewer sees what changed indicator by indicator.
    public var id: UUID
    public var category: IndicatorCategory
    public var subcategory: IndicatorSubcategory
    public var name: String
    /// The target as typed ("≥95%"); `target` follows it and is nil when it cannot be read.
    public var targetText: String { didSet { target = try? TargetParser.parse(targetText) } }
    public private(set) var target: Target?
    public var weight: Decimal?
    public var standard: StandardSource?
    public var note: String
    /// The library entry the row was picked from, if any.
    public var libraryEntryID: UUID?

    public init(id: UUID = UUID(), category: IndicatorCategory, subcategory: IndicatorSubcategory, name: String,
                targetText: String, weight: Decimal?, standard: StandardSource? = nil, note: String = "", libraryEntryID: UUID? = nil) {
        self.id = id; self.category = category; self.subcategory = subcategory; self.name = name
        self.targetText = targetText; self.target = try? TargetParser.parse(targetText); self.weight = weight
        self.standard = standard; self.note = note; self.libraryEntryID = libraryEntryID
    }

    /// For readers that have already parsed `targetText` with `TargetParser` (an import checks every target once and
    /// keeps what it read); `parsedTarget` must be that result.
    public init(id: UUID = UUID(), category: IndicatorCategory, subcategory: IndicatorSubcategory, name: String,
                targetText: String, parsedTarget: Target?, weight: Decimal?, standard: StandardSource? = nil, note: String = "") {
        self.id = id; self.category = category; self.subcategory = subcategory; self.name = name
        self.targetText = targetText; self.target = parsedTarget; self.weight = weight
        self.standard = standard; self.note = note; self.libraryEntryID = nil
    }

    /// The key that ties this indicator to its history: the library entry, else its name.
    public var historyKey: String { libraryEntryID?.uuidString.lowercased() ?? name.filter { !$0.isWhitespace } }
}

/// 绩效目标 — the overall goal and the indicator tree of one budget object in one fiscal year (one version).
public struct PerformanceGoal: Hashable, Codable, Sendable {
    public var annualGoal: String
    /// 中期目标, for multi-year projects.
    public var midTermGoal: String?
    public var indicators: [Indicator]
    /// 区域绩效目标 of a transfer payment, one per receiving region; empty for every other kind of object.
    public var regions: [RegionalGoal]

    public init(annualGoal: String, midTermGoal: String? = nil, indicators: [Indicator], regions: [RegionalGoal] = []) {
        self.annualGoal = annualGoal; self.midTermGoal = midTermGoal; self.indicators = indicators; self.regions = regions
    }

    public func indicators(in category: IndicatorCategory) -> [Indicator] { indicators.filter { $0.category == category } }

    public var totalWeight: Decimal { indicators.reduce(Decimal(0)) { $0 + ($1.weight ?? 0) } }
}

/// What the rules of a fiscal year require of a goal (a bureau's rule table; these are the defaults).
public struct GoalRules: Hashable, Codable, Sendable {
    /// Level-1 categories that must hold at least one indicator (policy: 产出 and 效益).
    public var requiredCategories: Set<IndicatorCategory>
    /// The total the weights must add up to (the declaration form's 100 points).
    public var requiredWeightTotal: Decimal
    /// Qualitative indicators above this share of the weight are flagged (quantitative first, policy).
    public var maximumQualitativeWeightShare: Decimal
    /// Fewer output indicators than this are flagged.
    public var minimumOutputIndicators: Int
    /// Whether every indicator needs a weight adding up to `requiredWeightTotal` (a regional goal's table has none).
    public var weightsRequired: Bool

    public init(requiredCategories: Set<IndicatorCategory> = [.output, .effect], requiredWeightTotal: Decimal = 100,
                maximumQualitativeWeightShare: Decimal = Decimal(string: "0.3")!, minimumOutputIndicators: Int = 3,
                weightsRequired: Bool = true) {
        self.requiredCategories = requiredCategories; self.requiredWeightTotal = requiredWeightTotal
        self.maximumQualitativeWeightShare = maximumQualitativeWeightShare; self.minimumOutputIndicators = minimumOutputIndicators
        self.weightsRequired = weightsRequired
    }

    public static let standard = GoalRules()
}

/// What the linter knows besides the goal itself.
public struct GoalContext: Sendable {
    public var requestedAmount: Money?
    /// 延续性 project: last year's goal and results exist.
    public var isContinuing: Bool
    /// Delivers a service to people, so its beneficiaries' satisfaction is expected.
    public var isServiceProject: Bool
    /// Last year's actual values by `Indicator.historyKey`.
    public var lastYearActuals: [String: Decimal]
    /// Values declared and achieved in earlier years for each library entry, for the 10th–90th percentile band.
    public var libraryHistory: [UUID: [Decimal]]
    /// The budget object's fiscal year (预算年度), against which deadlines are checked; nil when not known, and then
    /// deadlines are not checked. For a multi-year project it is still the year of this goal (see
    /// `GoalLinter.deadlineYear`).
    public var fiscalYear: Int?

    public init(requestedAmount: Money? = nil, isContinuing: Bool = false, isServiceProject: Bool = false,
                lastYearActuals: [String: Decimal] = [:], libraryHistory: [UUID: [Decimal]] = [:], fiscalYear: Int? = nil) {
        self.requestedAmount = requestedAmount; self.isContinuing = isContinuing; self.isServiceProject = isServiceProject
        self.lastYearActuals = lastYearActuals; self.libraryHistory = libraryHistory; self.fiscalYear = fiscalYear
    }
}
