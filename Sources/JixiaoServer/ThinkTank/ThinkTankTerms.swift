import JixiaoDomain

/// The think tanks' fixed lists in the English interface (their Chinese names are the domain's).
extension ConflictRule: FixedTerm {
    var englishName: String {
        switch self {
        case .sameOrganization: "same organisation as the evaluated object"
        case .sameDepartment: "same department as the evaluated object"
        case .involvement: "worked on the object's goal, monitoring or self-evaluation"
        case .declaredRelation: "declared a relation"
        case .paidWork: "paid by the evaluated organisation in recent years"
        case .tooOftenForDepartment: "drawn for the same department too often"
        case .lowQualityReview: "last report quality review below the line"
        }
    }
}

extension AgencyType: FixedTerm {
    var englishName: String {
        switch self {
        case .accounting: "Accounting firm"
        case .assetAppraisal: "Asset appraiser"
        case .consulting: "Consultancy"
        }
    }
}

extension SupervisorCategory: FixedTerm {
    var englishName: String {
        switch self {
        case .peoplesCongress: "People's congress deputy"
        case .disciplineInspection: "Discipline inspection"
        case .audit: "Audit"
        case .expert: "Expert"
        case .publicRepresentative: "Public representative"
        }
    }
}

extension QualityCriterion: FixedTerm {
    var englishName: String {
        switch self {
        case .completeness: "Completeness of the report"
        case .evidence: "Evidence behind the scores"
        case .accuracy: "Accuracy of the data"
        case .soundness: "Soundness of conclusions and suggestions"
        }
    }
}

extension QualityGrade: FixedTerm {
    var englishName: String {
        switch self {
        case .excellent: "Excellent"
        case .good: "Good"
        case .pass: "Pass"
        case .fail: "Fail"
        }
    }
}

extension LibrarySource {
    var title: TextKey {
        switch self {
        case .application: .thinkTankSourceApplication
        case .invitation: .thinkTankSourceInvitation
        case .import: .thinkTankSourceImport
        }
    }
}

/// Terms as arguments of a message, each language with its own names.
extension QualityCriterion: TextArgument {
    func text(in locale: AppLocale) -> String { locale == .zhHans ? chineseName : englishName }
}

extension AgencyType: TextArgument {
    func text(in locale: AppLocale) -> String { locale == .zhHans ? chineseName : englishName }
}

/// Conflict rules listed in a message ("与被评价对象同一部门、申报了利害关系" / "same department …, declared a relation").
struct ConflictList: TextArgument {
    var rules: [ConflictRule]
    func text(in locale: AppLocale) -> String {
        locale == .zhHans ? rules.map(\.chineseName).joined(separator: "、") : rules.map(\.englishName).joined(separator: "; ")
    }
}

/// Why the qualified candidates of a field were skipped, with how many for each rule.
struct ConflictCounts: TextArgument {
    var counts: [(ConflictRule, Int)]
    func text(in locale: AppLocale) -> String {
        if counts.isEmpty { return "—" }
        return counts.map { "\($0.0.text(in: locale)) \($0.1)" }.joined(separator: locale == .zhHans ? "，" : "; ")
    }
}

extension ConflictRule: TextArgument {
    func text(in locale: AppLocale) -> String { locale == .zhHans ? chineseName : englishName }
}

/// A draw line's field (an expert field, an agency type, or any agency) in each language.
struct DrawFieldName: TextArgument {
    var code: String
    func text(in locale: AppLocale) -> String {
        if code == ThinkTankDraws.agencyField { return locale == .zhHans ? "中介机构" : "agency" }
        if let type = AgencyType(rawValue: code) { return type.text(in: locale) }
        guard let field = ExpertField.named(code) else { return code }
        return locale == .zhHans ? field.chinese : field.english
    }
}
