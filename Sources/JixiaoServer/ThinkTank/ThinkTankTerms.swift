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
