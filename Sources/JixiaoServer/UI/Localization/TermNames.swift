import JixiaoDomain

/// A term of the fixed lists of budget performance management (项目支出, 一般公共预算, 产出指标 …). Its Chinese name is
/// the policy term itself (also written into exported forms and read by importers); its English name is for the
/// English interface only.
protocol FixedTerm {
    var chineseName: String { get }
    var englishName: String { get }
}

extension Localizer {
    /// The term in the reader's language.
    func term(_ term: some FixedTerm) -> String { locale == .zhHans ? term.chineseName : term.englishName }
    func term(_ term: (some FixedTerm)?) -> String? { term.map { self.term($0) } }
}

extension BudgetObjectKind: FixedTerm {
    var englishName: String {
        switch self {
        case .project: "Project expenditure"
        case .departmentOverall: "Department overall expenditure"
        case .transferPayment: "Transfer payment"
        case .policy: "Policy"
        }
    }
}

extension FundSource: FixedTerm {
    var englishName: String {
        switch self {
        case .generalPublic: "General public budget"
        case .governmentFund: "Government fund budget"
        case .stateCapital: "State capital operation budget"
        case .socialInsurance: "Social insurance fund budget"
        }
    }
}

extension ProjectCategory: FixedTerm {
    var englishName: String {
        switch self {
        case .recurring: "Recurring"
        case .continuing: "Continuing"
        case .oneOff: "One-off"
        }
    }
}

extension IndicatorCategory: FixedTerm {
    var englishName: String {
        switch self {
        case .output: "Output"
        case .effect: "Effect"
        case .satisfaction: "Satisfaction"
        case .cost: "Cost"
        }
    }
}

extension IndicatorSubcategory: FixedTerm {
    var englishName: String {
        switch self {
        case .quantity: "Quantity"
        case .quality: "Quality"
        case .timeliness: "Timeliness"
        case .outputCost: "Cost"
        case .economicBenefit: "Economic benefit"
        case .socialBenefit: "Social benefit"
        case .ecologicalBenefit: "Ecological benefit"
        case .sustainableImpact: "Sustainable impact"
        case .serviceSatisfaction: "Beneficiary satisfaction"
        case .economicCost: "Economic cost"
        case .socialCost: "Social cost"
        case .ecologicalCost: "Ecological cost"
        }
    }
}

extension StandardSource: FixedTerm {
    var englishName: String {
        switch self {
        case .plan: "Plan standard"
        case .industry: "Industry standard"
        case .history: "Historical standard"
        case .other: "Other standard"
        }
    }
}

extension ReviewCriterion: FixedTerm {
    var englishName: String {
        switch self {
        case .relevance: "Relevance"
        case .feasibility: "Feasibility"
        case .scientific: "Soundness"
        case .reasonableness: "Reasonableness"
        }
    }
}

extension Localizer {
    /// A count with its noun, singular for one where the language has a singular ("1 warning", "2 warnings").
    func count(_ number: Int, one: (Int) -> TextKey, many: (Int) -> TextKey) -> String {
        self(number == 1 ? one(number) : many(number))
    }
}

extension IndicatorCategory {
    /// For messages that are rendered later in the reader's language.
    var titleKey: TextKey {
        switch self {
        case .output: .categoryOutput
        case .effect: .categoryEffect
        case .satisfaction: .categorySatisfaction
        case .cost: .categoryCost
        }
    }
}
