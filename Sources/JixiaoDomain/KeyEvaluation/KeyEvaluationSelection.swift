import Foundation

/// Why a budget object is a candidate for a key evaluation (重点评价对象的遴选理由, DOMAIN.md §3.4): finance picks
/// major livelihood spending, objects of high public concern, large amounts, new major policies and projects, transfer
/// payments, spending that has run for years without an evaluation, and objects whose self-evaluation or monitoring
/// went badly.
public enum SelectionReason: String, CaseIterable, Codable, Sendable, Comparable {
    /// 重大民生支出 — spending under a livelihood class of the functional classification.
    case livelihood = "livelihood"
    /// 社会关注度高 — the object is flagged 重点项目 by its owner or finance.
    case publicConcern = "public_concern"
    /// 金额较大 — at or above the amount the rules name.
    case largeAmount = "large_amount"
    /// 新出台的重大政策和项目 — a policy starting in the fiscal year, or a large project starting in it.
    case newPolicy = "new_policy"
    /// 转移支付.
    case transferPayment = "transfer_payment"
    /// 延续多年未评价 — recurring or continuing spending that has run for years and was never key-evaluated.
    case neverEvaluated = "never_evaluated"
    /// 自评结果较差 — the year's self-evaluation scored below the rules' line.
    case poorSelfEvaluation = "poor_self_evaluation"
    /// 监控红色预警或处置 — a red warning in the year's monitoring, or a disposition that suspended, cut or stopped it.
    case redMonitoring = "red_monitoring"

    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }

    public var chineseName: String {
        switch self {
        case .livelihood: "重大民生支出"
        case .publicConcern: "社会关注度高（重点项目）"
        case .largeAmount: "金额较大"
        case .newPolicy: "新出台的重大政策和项目"
        case .transferPayment: "转移支付"
        case .neverEvaluated: "延续多年未开展重点评价"
        case .poorSelfEvaluation: "自评结果较差"
        case .redMonitoring: "监控红色预警或处置"
        }
    }
}

/// The lines the candidate rules draw (defaults; a bureau may set its own — they are stored with each choice).
public struct SelectionRules: Hashable, Codable, Sendable {
    /// 金额较大: at or above this amount. Default 500 万元 — a county's larger projects; a province raises it.
    public var largeAmount: Money
    /// Classes (the first three digits of 功能分类科目) that count as livelihood spending. Default: 205 教育,
    /// 208 社会保障和就业, 210 卫生健康, 213 农林水, 221 住房保障.
    public var livelihoodClasses: Set<String>
    /// Recurring or continuing spending that has run this many years (the fiscal year included) without a key
    /// evaluation qualifies. Default 3.
    public var unevaluatedYears: Int
    /// A self-evaluation below this score qualifies (default 80: the grades 中 and 差).
    public var poorSelfEvaluationBelow: Decimal

    public init(largeAmount: Money = Money(fen: 500_000_000), livelihoodClasses: Set<String> = ["205", "208", "210", "213", "221"],
                unevaluatedYears: Int = 3, poorSelfEvaluationBelow: Decimal = 80) {
        self.largeAmount = largeAmount; self.livelihoodClasses = livelihoodClasses
        self.unevaluatedYears = unevaluatedYears; self.poorSelfEvaluationBelow = poorSelfEvaluationBelow
    }
}

/// What the selection knows about one released budget object of the fiscal year.
public struct CandidateFacts: Hashable, Sendable {
    public var kind: BudgetObjectKind
    public var fiscalYear: Int
    public var startYear: Int
    public var category: ProjectCategory
    /// 功能分类科目, e.g. "2050202"; may be empty.
    public var functionalClassification: String
    public var amount: Money
    public var isKeyProject: Bool
    /// The last fiscal year a key evaluation covered this object's code; nil when none ever did.
    public var lastKeyEvaluationYear: Int?
    /// The year's self-evaluation total, when one was scored.
    public var selfEvaluationScore: Decimal?
    /// A red warning or a suspending, cutting or stopping disposition in the year's monitoring.
    public var redMonitoring: Bool

    public init(kind: BudgetObjectKind, fiscalYear: Int, startYear: Int, category: ProjectCategory, functionalClassification: String,
                amount: Money, isKeyProject: Bool, lastKeyEvaluationYear: Int? = nil, selfEvaluationScore: Decimal? = nil,
                redMonitoring: Bool = false) {
        self.kind = kind; self.fiscalYear = fiscalYear; self.startYear = startYear; self.category = category
        self.functionalClassification = functionalClassification; self.amount = amount; self.isKeyProject = isKeyProject
        self.lastKeyEvaluationYear = lastKeyEvaluationYear; self.selfEvaluationScore = selfEvaluationScore; self.redMonitoring = redMonitoring
    }
}

public enum KeyEvaluationSelection {
    /// Every rule the object meets, in the order of `SelectionReason`; empty when it is no candidate.
    /// A department's whole spending (部门整体支出) is chosen by other rules (§3.10) and meets none of these but the
    /// amount, the self-evaluation and monitoring ones.
    public static func reasons(_ facts: CandidateFacts, rules: SelectionRules = SelectionRules()) -> [SelectionReason] {
        var reasons: [SelectionReason] = []
        let isSpendingLine = facts.kind != .departmentOverall
        if isSpendingLine && rules.livelihoodClasses.contains(String(facts.functionalClassification.prefix(3))) {
            reasons.append(.livelihood)
        }
        if isSpendingLine && facts.isKeyProject { reasons.append(.publicConcern) }
        let large = facts.amount >= rules.largeAmount
        if large { reasons.append(.largeAmount) }
        let startsThisYear = facts.startYear == facts.fiscalYear
        if startsThisYear && (facts.kind == .policy || (facts.kind == .project && large)) { reasons.append(.newPolicy) }
        if facts.kind == .transferPayment { reasons.append(.transferPayment) }
        let yearsRun = facts.fiscalYear - facts.startYear + 1
        if isSpendingLine, facts.category != .oneOff, yearsRun >= rules.unevaluatedYears, facts.lastKeyEvaluationYear == nil {
            reasons.append(.neverEvaluated)
        }
        if let score = facts.selfEvaluationScore, score < rules.poorSelfEvaluationBelow { reasons.append(.poorSelfEvaluation) }
        if facts.redMonitoring { reasons.append(.redMonitoring) }
        return reasons
    }
}
