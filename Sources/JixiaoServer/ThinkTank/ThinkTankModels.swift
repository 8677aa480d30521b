import Fluent
import Foundation
import JixiaoDomain

/// Which library a record or event belongs to.
enum LibraryKind: String, Codable, Sendable, CaseIterable { case expert, agency }

/// 专家学者库 — one expert of a bureau's library.
final class ExpertModel: Model, @unchecked Sendable {
    static let schema = ThinkTankTables.experts
    @ID(key: .id) var id: UUID?
    @Field(key: "bureau_id") var bureauID: UUID
    @Field(key: "bureau_path") var bureauPath: String
    @Field(key: "name") var name: String
    @Field(key: "id_number") var idNumber: String
    @Field(key: "phone") var phone: String
    @Field(key: "email") var email: String
    @Field(key: "title") var title: String
    @Field(key: "employer_name") var employerName: String
    @OptionalField(key: "employer_id") var employerID: UUID?
    @Field(key: "region_id") var regionID: UUID
    @Field(key: "fields") var fieldCodes: String
    @Field(key: "profile") var profile: String
    @Field(key: "status") var status: String
    @Field(key: "source") var source: String
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "lock_version") var lockVersion: Int
    @Field(key: "created_at") var createdAt: Date
    init() {}

    var libraryStatus: LibraryStatus { LibraryStatus(rawValue: status) ?? .candidate }
    var fields: [String] { fieldCodes.split(separator: ",").map(String.init) }
    static func storedFields(_ codes: [String]) -> String { "," + codes.joined(separator: ",") + "," }
}

/// 中介机构库 — one agency of a bureau's library.
final class AgencyModel: Model, @unchecked Sendable {
    static let schema = ThinkTankTables.agencies
    @ID(key: .id) var id: UUID?
    @Field(key: "bureau_id") var bureauID: UUID
    @Field(key: "bureau_path") var bureauPath: String
    @Field(key: "name") var name: String
    @Field(key: "agency_type") var agencyType: String
    @Field(key: "credit_code") var creditCode: String
    @Field(key: "qualification") var qualification: String
    @Field(key: "levels") var levelCodes: String
    @Field(key: "contact_name") var contactName: String
    @Field(key: "phone") var phone: String
    @OptionalField(key: "organization_id") var organizationID: UUID?
    @Field(key: "status") var status: String
    @Field(key: "source") var source: String
    @Field(key: "lock_version") var lockVersion: Int
    @Field(key: "created_at") var createdAt: Date
    init() {}

    var libraryStatus: LibraryStatus { LibraryStatus(rawValue: status) ?? .candidate }
    var type: AgencyType { AgencyType(rawValue: agencyType) ?? .consulting }
    var levels: [AdministrativeLevel] { levelCodes.split(separator: ",").compactMap { Int($0).flatMap(AdministrativeLevel.init(rawValue:)) } }
}

/// 监督指导库 — a supervisor of a bureau's level.
final class SupervisorModel: Model, @unchecked Sendable {
    static let schema = ThinkTankTables.supervisors
    @ID(key: .id) var id: UUID?
    @Field(key: "bureau_id") var bureauID: UUID
    @Field(key: "bureau_path") var bureauPath: String
    @Field(key: "name") var name: String
    @Field(key: "category") var category: String
    @Field(key: "employer_name") var employerName: String
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "active") var active: Bool
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// Who moved a library member from which status to which, and why.
final class LibraryStatusChangeModel: Model, @unchecked Sendable {
    static let schema = ThinkTankTables.statusChanges
    @ID(key: .id) var id: UUID?
    @Field(key: "member_kind") var memberKind: String
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "move") var move: String
    @OptionalField(key: "from_status") var fromStatus: String?
    @Field(key: "to_status") var toStatus: String
    @Field(key: "reason") var reason: String
    @Field(key: "by_rule") var byRule: Bool
    @OptionalField(key: "actor_user_id") var actorUserID: UUID?
    @Field(key: "actor_name") var actorName: String
    @Field(key: "occurred_at") var occurredAt: Date
    init() {}
}

/// A declared relation (任职、亲属、利益关系) or paid work for an organisation, which the conflict rules read.
final class LibraryRelationModel: Model, @unchecked Sendable {
    static let schema = ThinkTankTables.relations
    @ID(key: .id) var id: UUID?
    @Field(key: "member_kind") var memberKind: String
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "organization_id") var organizationID: UUID
    @Field(key: "kind") var kind: String
    @OptionalField(key: "year") var year: Int?
    @Field(key: "note") var note: String
    init() {}
}

/// 征集公告 — a call for applications; applicants reach its form by its key without an account.
final class LibraryCallModel: Model, @unchecked Sendable {
    static let schema = ThinkTankTables.calls
    @ID(key: .id) var id: UUID?
    @Field(key: "bureau_id") var bureauID: UUID
    @Field(key: "member_kind") var memberKind: String
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @Field(key: "closes_on") var closesOn: String
    @Field(key: "key") var key: String
    @Field(key: "created_by_name") var createdByName: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// One application through a call's public form, kept to limit how many one address sends.
final class LibraryApplicationModel: Model, @unchecked Sendable {
    static let schema = ThinkTankTables.applications
    @ID(key: .id) var id: UUID?
    @Field(key: "call_id") var callID: UUID
    @Field(key: "address_hash") var addressHash: String
    @Field(key: "submitted_at") var submittedAt: Date
    init() {}
}

/// 随机抽取 — one draw for a key evaluation: seed, request, candidates and outcome, so it can be replayed.
final class LibraryDrawModel: Model, @unchecked Sendable {
    static let schema = ThinkTankTables.draws
    @ID(key: .id) var id: UUID?
    @Field(key: "evaluation_id") var evaluationID: UUID
    @Field(key: "seed") var seed: String
    @Field(key: "request") var requestJSON: String
    @Field(key: "candidates") var candidatesJSON: String
    @Field(key: "outcome") var outcomeJSON: String
    @Field(key: "requested_by") var requestedBy: UUID
    @Field(key: "requested_by_name") var requestedByName: String
    @Field(key: "occurred_at") var occurredAt: Date
    init() {}
}

/// One library member engaged on one key evaluation: drawn, or added by hand with a reason.
final class EngagementModel: Model, @unchecked Sendable {
    static let schema = ThinkTankTables.engagements
    @ID(key: .id) var id: UUID?
    @Field(key: "evaluation_id") var evaluationID: UUID
    @Field(key: "member_kind") var memberKind: String
    @Field(key: "member_id") var memberID: UUID
    @OptionalField(key: "department_id") var departmentID: UUID?
    @Field(key: "fiscal_year") var fiscalYear: Int
    @Field(key: "source") var source: String
    @OptionalField(key: "draw_id") var drawID: UUID?
    @Field(key: "reason") var reason: String
    @OptionalField(key: "replaced_by") var replacedBy: UUID?
    @Field(key: "created_by_name") var createdByName: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// The organiser's rating of one engagement (态度、能力、廉洁, 1–5).
final class LibraryRatingModel: Model, @unchecked Sendable {
    static let schema = ThinkTankTables.ratings
    @ID(key: .id) var id: UUID?
    @Field(key: "engagement_id") var engagementID: UUID
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "attitude") var attitude: Int
    @Field(key: "ability") var ability: Int
    @Field(key: "integrity") var integrity: Int
    @Field(key: "comment") var comment: String
    @Field(key: "rated_by") var ratedBy: UUID
    @Field(key: "rated_by_name") var ratedByName: String
    @Field(key: "rated_at") var ratedAt: Date
    init() {}
    var rating: ExpertRating { ExpertRating(attitude: attitude, ability: ability, integrity: integrity) }
}

/// 评价报告质量评审 of one entrusted evaluation's report.
final class QualityReviewModel: Model, @unchecked Sendable {
    static let schema = ThinkTankTables.reviews
    @ID(key: .id) var id: UUID?
    @Field(key: "evaluation_id") var evaluationID: UUID
    @Field(key: "agency_id") var agencyID: UUID
    @Field(key: "bureau_id") var bureauID: UUID
    @Field(key: "fiscal_year") var fiscalYear: Int
    @Field(key: "entries") var entriesJSON: String
    @Field(key: "total") var total: Int
    @Field(key: "reviewed_by") var reviewedBy: UUID
    @Field(key: "reviewed_by_name") var reviewedByName: String
    @Field(key: "reviewed_at") var reviewedAt: Date
    init() {}
    var entries: [QualityReviewEntry] { (try? JSONDecoder().decode([QualityReviewEntry].self, from: Data(entriesJSON.utf8))) ?? [] }
}

/// 质量通报 — a bureau's published yearly results, frozen when published.
final class QualityNoticeModel: Model, @unchecked Sendable {
    static let schema = ThinkTankTables.notices
    @ID(key: .id) var id: UUID?
    @Field(key: "bureau_id") var bureauID: UUID
    @Field(key: "fiscal_year") var fiscalYear: Int
    @Field(key: "lines") var linesJSON: String
    @Field(key: "published_by_name") var publishedByName: String
    @Field(key: "published_at") var publishedAt: Date
    init() {}

    struct Line: Codable, Sendable { var agency: String; var type: String; var reviews: Int; var score: String; var grade: String; var excluded: Bool }
    var lines: [Line] { (try? JSONDecoder().decode([Line].self, from: Data(linesJSON.utf8))) ?? [] }
}
