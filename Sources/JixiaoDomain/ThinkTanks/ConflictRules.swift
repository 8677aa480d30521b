import Foundation

/// 回避 — why a library member may not be drawn for an evaluation (DOMAIN.md §3.11, issue 13). Each rule is one function,
/// tested on its own.
public enum ConflictRule: String, CaseIterable, Codable, Sendable {
    /// Works for the evaluated object's own organisation.
    case sameOrganization = "same_organization"
    /// Works inside the evaluated object's department (the department or one of its units).
    case sameDepartment = "same_department"
    /// Took part in the object's goal, monitoring or self-evaluation.
    case involvement
    /// Declared a relation to the evaluated organisation or its department.
    case declaredRelation = "declared_relation"
    /// Was paid by the evaluated organisation or its department within the last years.
    case paidWork = "paid_work"
    /// Has been drawn for the same department too often recently.
    case tooOftenForDepartment = "too_often_for_department"
    /// An agency whose last report quality review fell below the line is not entrusted (not a conflict of interest,
    /// but a reason it is skipped, recorded the same way).
    case lowQualityReview = "low_quality_review"

    public var chineseName: String {
        switch self {
        case .sameOrganization: "与被评价对象同一单位"
        case .sameDepartment: "与被评价对象同一部门"
        case .involvement: "参与过该对象的目标、监控或自评"
        case .declaredRelation: "申报了利害关系"
        case .paidWork: "近年为被评价单位提供有偿服务"
        case .tooOftenForDepartment: "近期为同一部门抽取次数过多"
        case .lowQualityReview: "上次评价报告质量评审低于合格线"
        }
    }
}

/// The settings of the rules a bureau may change (defaults from issue 13).
public struct ConflictSettings: Hashable, Codable, Sendable {
    /// Paid work counts when it was in this many years before the evaluation's fiscal year or later. Default 3.
    public var paidWorkYears: Int
    /// Draws for one department within `drawWindowYears` that make another one too many. Default 3 in 2 years.
    public var maximumDrawsPerDepartment: Int
    public var drawWindowYears: Int
    public init(paidWorkYears: Int = 3, maximumDrawsPerDepartment: Int = 3, drawWindowYears: Int = 2) {
        self.paidWorkYears = paidWorkYears; self.maximumDrawsPerDepartment = maximumDrawsPerDepartment; self.drawWindowYears = drawWindowYears
    }
}

/// What the rules know of the evaluated object.
public struct EvaluatedParty: Hashable, Sendable {
    public var objectIDs: Set<UUID>
    public var organizationID: UUID
    /// The department above it (itself for a department); nil for what a finance bureau owns.
    public var departmentID: UUID?
    public var departmentPath: HierarchyPath?
    public var fiscalYear: Int
    public init(objectIDs: Set<UUID>, organizationID: UUID, departmentID: UUID?, departmentPath: HierarchyPath?, fiscalYear: Int) {
        self.objectIDs = objectIDs; self.organizationID = organizationID; self.departmentID = departmentID
        self.departmentPath = departmentPath; self.fiscalYear = fiscalYear
    }
}

/// What the rules know of a library member.
public struct MemberRecord: Hashable, Sendable {
    public struct PaidWork: Hashable, Sendable {
        public var organizationID: UUID
        public var year: Int
        public init(organizationID: UUID, year: Int) { self.organizationID = organizationID; self.year = year }
    }
    public var employerID: UUID?
    public var employerPath: HierarchyPath?
    /// Budget objects whose goal, monitoring or self-evaluation the member worked on.
    public var involvedObjectIDs: Set<UUID>
    /// Organisations the member declared a relation to.
    public var declaredRelations: Set<UUID>
    public var paidWork: [PaidWork]
    /// Fiscal years of the member's past draws for each department.
    public var drawsByDepartment: [UUID: [Int]]
    /// An agency's last report quality review score, if any.
    public var lastReviewScore: Decimal?
    public init(employerID: UUID?, employerPath: HierarchyPath?, involvedObjectIDs: Set<UUID> = [], declaredRelations: Set<UUID> = [],
                paidWork: [PaidWork] = [], drawsByDepartment: [UUID: [Int]] = [:], lastReviewScore: Decimal? = nil) {
        self.employerID = employerID; self.employerPath = employerPath; self.involvedObjectIDs = involvedObjectIDs
        self.declaredRelations = declaredRelations; self.paidWork = paidWork; self.drawsByDepartment = drawsByDepartment
        self.lastReviewScore = lastReviewScore
    }
}

public enum ConflictRules {
    public static func sameOrganization(_ member: MemberRecord, _ party: EvaluatedParty) -> Bool { member.employerID == party.organizationID }

    public static func sameDepartment(_ member: MemberRecord, _ party: EvaluatedParty) -> Bool {
        guard let department = party.departmentPath, let employer = member.employerPath else { return false }
        return department.contains(employer)
    }

    public static func involvement(_ member: MemberRecord, _ party: EvaluatedParty) -> Bool { !member.involvedObjectIDs.isDisjoint(with: party.objectIDs) }

    public static func declaredRelation(_ member: MemberRecord, _ party: EvaluatedParty) -> Bool {
        member.declaredRelations.contains(party.organizationID) || party.departmentID.map { member.declaredRelations.contains($0) } == true
    }

    public static func paidWork(_ member: MemberRecord, _ party: EvaluatedParty, settings: ConflictSettings) -> Bool {
        let parties = Set([party.organizationID] + (party.departmentID.map { [$0] } ?? []))
        return member.paidWork.contains { parties.contains($0.organizationID) && $0.year >= party.fiscalYear - settings.paidWorkYears }
    }

    public static func tooOftenForDepartment(_ member: MemberRecord, _ party: EvaluatedParty, settings: ConflictSettings) -> Bool {
        guard let department = party.departmentID else { return false }
        let recent = (member.drawsByDepartment[department] ?? []).filter { $0 > party.fiscalYear - settings.drawWindowYears }
        return recent.count >= settings.maximumDrawsPerDepartment
    }

    public static func lowQualityReview(_ member: MemberRecord, rules: DynamicManagementRules = DynamicManagementRules()) -> Bool {
        DynamicManagement.excludesAgency(lastReviewScore: member.lastReviewScore, rules: rules)
    }

    /// Every rule the member breaks for this party, in the rules' order; empty when the member may be drawn.
    public static func conflicts(_ member: MemberRecord, _ party: EvaluatedParty, settings: ConflictSettings = ConflictSettings()) -> [ConflictRule] {
        ConflictRule.allCases.filter { rule in
            switch rule {
            case .sameOrganization: sameOrganization(member, party)
            case .sameDepartment: sameDepartment(member, party)
            case .involvement: involvement(member, party)
            case .declaredRelation: declaredRelation(member, party)
            case .paidWork: paidWork(member, party, settings: settings)
            case .tooOftenForDepartment: tooOftenForDepartment(member, party, settings: settings)
            case .lowQualityReview: lowQualityReview(member)
            }
        }
    }
}
