import Fluent
import Foundation
import JixiaoDomain

/// 重点评价 — one key evaluation: who runs it, the year, its plan and framework kind, where it stands.
final class KeyEvaluationModel: Model, @unchecked Sendable {
    static let schema = "key_evaluations"

    @ID(key: .id) var id: UUID?
    @Field(key: "organization_id") var organizationID: UUID
    @Field(key: "organization_path") var organizationPath: String
    @Field(key: "fiscal_year") var fiscalYear: Int
    @Field(key: "title") var title: String
    @Field(key: "framework_kind") var frameworkKind: String
    @Field(key: "state") var state: String
    /// `EvaluationPlan` as JSON.
    @Field(key: "plan") var planJSON: String
    @OptionalField(key: "agency_id") var agencyID: UUID?
    /// `SelectionRules` the objects were chosen under, as JSON.
    @Field(key: "selection_rules") var selectionRulesJSON: String
    /// `TeamScoringRules` as JSON: recorded so a result is read with the method it was computed by.
    @Field(key: "scoring_rules") var scoringRulesJSON: String
    /// Who submitted the plan or report now under review (four eyes).
    @OptionalField(key: "submitted_by") var submittedBy: UUID?
    @Field(key: "created_by_name") var createdByName: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "lock_version") var lockVersion: Int
    /// The framework template it was copied from ("standard", or a bureau's code and version).
    @OptionalField(key: "template_source") var templateSource: String?

    init() {}

    var evaluationState: KeyEvaluationState { KeyEvaluationState(rawValue: state) ?? .planning }
    var kind: FrameworkKind { FrameworkKind(rawValue: frameworkKind) ?? .project }

    var plan: EvaluationPlan {
        get throws { try JSONDecoder().decode(EvaluationPlan.self, from: Data(planJSON.utf8)) }
    }
    var scoringRules: TeamScoringRules {
        get throws { try JSONDecoder().decode(TeamScoringRules.self, from: Data(scoringRulesJSON.utf8)) }
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// A budget object a key evaluation covers (several for the objects of one policy), with why it was chosen.
final class KeyEvaluationObjectModel: Model, @unchecked Sendable {
    static let schema = "key_evaluation_objects"

    @ID(key: .id) var id: UUID?
    @Field(key: "evaluation_id") var evaluationID: UUID
    @Field(key: "budget_object_id") var budgetObjectID: UUID
    @Field(key: "object_code") var objectCode: String
    @Field(key: "object_name") var objectName: String
    @Field(key: "object_kind") var objectKind: String
    @Field(key: "amount_fen") var amountFen: Int64
    /// `SelectionReason` raw values joined by commas.
    @Field(key: "reasons") var reasonsText: String
    @Field(key: "choice_reason") var choiceReason: String

    init() {}

    var reasons: [SelectionReason] { reasonsText.split(separator: ",").compactMap { SelectionReason(rawValue: String($0)) } }
}

/// A row of the evaluation's framework.
final class KeyEvaluationIndicatorModel: Model, @unchecked Sendable {
    static let schema = "key_evaluation_indicators"

    @ID(key: .id) var id: UUID?
    @Field(key: "evaluation_id") var evaluationID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "level1") var level1: String
    @Field(key: "level2") var level2: String
    @Field(key: "level3") var level3: String
    /// Decimal as text (exact).
    @Field(key: "weight") var weightText: String
    @Field(key: "criteria") var criteria: String
    @OptionalField(key: "goal_indicator_id") var goalIndicatorID: UUID?
    @OptionalField(key: "target") var target: String?
    @OptionalField(key: "actual") var actual: String?

    init() {}

    var weight: Decimal { Decimal(string: weightText, locale: Locale(identifier: "en_US_POSIX")) ?? 0 }

    var framework: FrameworkIndicator {
        FrameworkIndicator(level1, level2, level3, weight: weight, criteria: criteria, goalIndicatorID: goalIndicatorID, target: target, actual: actual)
    }
}

/// A member of the evaluation's team.
final class KeyEvaluationMemberModel: Model, @unchecked Sendable {
    static let schema = "key_evaluation_members"

    @ID(key: .id) var id: UUID?
    @Field(key: "evaluation_id") var evaluationID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "role") var role: String
    @Field(key: "user_name") var userName: String
    @Field(key: "organization_name") var organizationName: String
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @Field(key: "added_at") var addedAt: Date

    init() {}

    var teamRole: TeamRole { TeamRole(rawValue: role) ?? .staff }
}

/// One member's points for one indicator, with the comment that explains them.
final class KeyEvaluationScoreModel: Model, @unchecked Sendable {
    static let schema = "key_evaluation_scores"

    @ID(key: .id) var id: UUID?
    @Field(key: "evaluation_id") var evaluationID: UUID
    @Field(key: "indicator_id") var indicatorID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "points") var pointsText: String
    @Field(key: "comment") var comment: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var points: Decimal { Decimal(string: pointsText, locale: Locale(identifier: "en_US_POSIX")) ?? 0 }
}

/// A step of the procedure, kept for ever.
final class KeyEvaluationTransitionModel: Model, @unchecked Sendable {
    static let schema = "key_evaluation_transitions"

    @ID(key: .id) var id: UUID?
    @Field(key: "evaluation_id") var evaluationID: UUID
    @Field(key: "action") var action: String
    @Field(key: "from_state") var fromState: String
    @Field(key: "to_state") var toState: String
    @Field(key: "actor_user_id") var actorUserID: UUID
    @Field(key: "actor_name") var actorName: String
    @Field(key: "opinion") var opinion: String
    @Field(key: "occurred_at") var occurredAt: Date

    init() {}
}

/// A file attached to one member's score of one indicator. Lists read its metadata only (`EvidenceEntry`); the content
/// is read when the file is downloaded.
final class KeyEvaluationEvidenceModel: Model, @unchecked Sendable {
    static let schema = "key_evaluation_evidence"

    @ID(key: .id) var id: UUID?
    @Field(key: "evaluation_id") var evaluationID: UUID
    @Field(key: "indicator_id") var indicatorID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "file_name") var fileName: String
    @Field(key: "kind") var kind: String
    @Field(key: "byte_count") var byteCount: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "content") var content: Data
    @Field(key: "uploaded_at") var uploadedAt: Date

    init() {}
}

/// An attached file without its content.
struct EvidenceEntry: Decodable, Sendable {
    var id: UUID
    var indicator_id: UUID
    var user_id: UUID
    var file_name: String
    var kind: String
    var byte_count: Int
    var uploaded_at: Date
}

/// A key evaluation's questionnaire (满意度调查).
final class KeyEvaluationSurveyModel: Model, @unchecked Sendable {
    static let schema = "key_evaluation_surveys"

    @ID(key: .id) var id: UUID?
    @Field(key: "evaluation_id") var evaluationID: UUID
    @Field(key: "public_key") var publicKey: String
    @Field(key: "design") var designJSON: String
    @Field(key: "mode") var mode: String
    @Field(key: "limit_answers") var limitAnswers: Int
    @Field(key: "limit_hours") var limitHours: Int
    @OptionalField(key: "indicator_id") var indicatorID: UUID?
    @Field(key: "state") var state: String
    @Field(key: "created_by_name") var createdByName: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var design: SurveyDesign {
        get throws { try JSONDecoder().decode(SurveyDesign.self, from: Data(designJSON.utf8)) }
    }
    var usesTokens: Bool { mode == "tokens" }
    var isOpen: Bool { state == "open" }
    var limit: OpenLinkLimit { OpenLinkLimit(answers: limitAnswers, hours: limitHours) }
}

/// A one-time code for one respondent. Kept readable: the office prints or sends the links whenever it needs them, and
/// a code only admits one anonymous answer to one questionnaire.
final class SurveyTokenModel: Model, @unchecked Sendable {
    static let schema = "key_evaluation_survey_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "survey_id") var surveyID: UUID
    @Field(key: "token") var token: String
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}
}

/// One anonymous answer set.
final class SurveyResponseModel: Model, @unchecked Sendable {
    static let schema = "key_evaluation_survey_responses"

    @ID(key: .id) var id: UUID?
    @Field(key: "survey_id") var surveyID: UUID
    /// Question index → answer, as JSON.
    @Field(key: "answers") var answersJSON: String
    @Field(key: "address_hash") var addressHash: String
    @Field(key: "submitted_at") var submittedAt: Date

    init() {}

    var answers: [Int: String] {
        let raw = (try? JSONDecoder().decode([String: String].self, from: Data(answersJSON.utf8))) ?? [:]
        return Dictionary(uniqueKeysWithValues: raw.compactMap { key, value in Int(key).map { ($0, value) } })
    }
}

/// The text of one section of the report.
final class ReportSectionModel: Model, @unchecked Sendable {
    static let schema = "key_evaluation_report_sections"

    @ID(key: .id) var id: UUID?
    @Field(key: "evaluation_id") var evaluationID: UUID
    @Field(key: "section") var section: String
    @Field(key: "text") var text: String
    @Field(key: "updated_by_name") var updatedByName: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// 发现的问题 — a finding of the report, ready to become a rectification item for its responsible organisation.
final class ReportFindingModel: Model, @unchecked Sendable {
    static let schema = "key_evaluation_findings"

    @ID(key: .id) var id: UUID?
    @Field(key: "evaluation_id") var evaluationID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "description") var findingDescription: String
    @OptionalField(key: "responsible_organization_id") var responsibleOrganizationID: UUID?
    @Field(key: "responsible_name") var responsibleName: String
    @OptionalField(key: "indicator_id") var indicatorID: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var finding: ReportFinding { ReportFinding(id: id!, description: findingDescription, responsibleOrganization: responsibleOrganizationID) }
}

/// 有关建议 — a suggestion of the report and the findings it answers.
final class ReportSuggestionModel: Model, @unchecked Sendable {
    static let schema = "key_evaluation_suggestions"

    @ID(key: .id) var id: UUID?
    @Field(key: "evaluation_id") var evaluationID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "text") var text: String
    @Field(key: "finding_ids") var findingIDsText: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var findingIDs: [UUID] { findingIDsText.split(separator: ",").compactMap { UUID(uuidString: String($0)) } }
    var suggestion: ReportSuggestion { ReportSuggestion(text: text, findingIDs: findingIDs) }
}
