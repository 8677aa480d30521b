import Fluent
import SQLKit
import Foundation
import JixiaoDomain

/// 预算对象 — a project, a department's whole spending, a transfer payment or a policy, in one fiscal year.
final class BudgetObjectModel: Model, @unchecked Sendable {
    static let schema = "budget_objects"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Parent(key: "organization_id") var organization: OrganizationModel
    @Field(key: "fiscal_year") var fiscalYear: Int
    @Field(key: "functional_classification") var functionalClassification: String
    @Field(key: "fund_source") var fundSource: String
    @Field(key: "category") var category: String
    @Field(key: "start_year") var startYear: Int
    @Field(key: "end_year") var endYear: Int
    /// Exact amounts in fen.
    @Field(key: "requested_fen") var requestedFen: Int64
    @OptionalField(key: "approved_fen") var approvedFen: Int64?
    @Field(key: "is_key_project") var isKeyProject: Bool
    @Field(key: "is_service_project") var isServiceProject: Bool
    /// The newest goal version and its state, kept beside the object so that work queues narrow by state with an
    /// index instead of looking up every object's newest version (see `AddCurrentGoalVersion`). Written together with
    /// the version: `GoalCommands.pointCurrent` and the state change in `GoalCommands.transition`, and the bulk writers.
    @Field(key: "current_version_id") var currentVersionID: UUID
    @Field(key: "current_state") var currentState: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    /// Columns of a batched insert, in the order the bulk writers (import, generator, bench) bind them.
    static let insertColumns = ["id", "kind", "code", "name", "organization_id", "fiscal_year", "functional_classification", "fund_source",
                                "category", "start_year", "end_year", "requested_fen", "approved_fen", "is_key_project", "is_service_project",
                                "current_version_id", "current_state", "created_at", "updated_at"]

    var objectKind: BudgetObjectKind { BudgetObjectKind(rawValue: kind) ?? .project }
    var requested: Money { Money(fen: requestedFen) }
    var approved: Money? { approvedFen.map(Money.init(fen:)) }
    var projectCategory: ProjectCategory { ProjectCategory(rawValue: category) ?? .oneOff }

    var auditSummary: String {
        "code=\(code) year=\(fiscalYear) name=\(name) kind=\(kind) org=\($organization.id.uuidString.lowercased()) requested=\(requested.wanYuanText)万元 fund=\(fundSource) category=\(category) key=\(isKeyProject)"
    }
}

/// One version of a goal. Versions are never deleted: an adjustment adds one.
final class GoalVersionModel: Model, @unchecked Sendable {
    static let schema = "goal_versions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "budget_object_id") var budgetObject: BudgetObjectModel
    @Field(key: "version_number") var versionNumber: Int
    @Field(key: "state") var state: String
    @Field(key: "annual_goal") var annualGoal: String
    @OptionalField(key: "mid_term_goal") var midTermGoal: String?
    @Field(key: "is_adjustment") var isAdjustment: Bool
    @OptionalField(key: "adjustment_reason") var adjustmentReason: String?
    @Field(key: "ever_submitted") var everSubmitted: Bool
    /// Optimistic concurrency: every change increments it; a change made against an older value is refused.
    @Field(key: "lock_version") var lockVersion: Int
    @Field(key: "validation_errors") var validationErrors: Int
    @Field(key: "lint_warnings") var lintWarnings: Int
    @Field(key: "lint_notices") var lintNotices: Int
    @OptionalField(key: "finance_grade") var financeGrade: String?
    @OptionalField(key: "released_at") var releasedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    static let insertColumns = ["id", "budget_object_id", "version_number", "state", "annual_goal", "mid_term_goal", "is_adjustment",
                                "adjustment_reason", "ever_submitted", "lock_version", "validation_errors", "lint_warnings", "lint_notices",
                                "finance_grade", "released_at", "created_at", "updated_at"]

    var goalState: GoalState { GoalState(rawValue: state) ?? .draft }
}

/// One indicator row of a goal version. `indicator_id` stays the same across versions.
final class GoalIndicatorModel: Model, @unchecked Sendable {
    static let schema = "goal_indicators"

    @ID(key: .id) var id: UUID?
    @Field(key: "version_id") var versionID: UUID
    @Field(key: "indicator_id") var indicatorID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "category") var category: String
    @Field(key: "subcategory") var subcategory: String
    @Field(key: "name") var name: String
    @Field(key: "target_text") var targetText: String
    @OptionalField(key: "operator") var targetOperator: String?
    @OptionalField(key: "target_number") var targetNumber: String?
    @OptionalField(key: "target_unit") var targetUnit: String?
    /// Decimal as text, so it is exact on both databases.
    @OptionalField(key: "weight") var weight: String?
    @OptionalField(key: "standard") var standard: String?
    @Field(key: "note") var note: String
    @OptionalField(key: "library_entry_id") var libraryEntryID: UUID?
    /// The regional goal (`goal_regions.id`) the row belongs to; nil for the goal's own indicator tree.
    @OptionalField(key: "region_row_id") var regionRowID: UUID?

    init() {}

    static let insertColumns = ["id", "version_id", "indicator_id", "position", "category", "subcategory", "name", "target_text", "operator",
                                "target_number", "target_unit", "weight", "standard", "note", "library_entry_id", "region_row_id"]

    init(versionID: UUID, position: Int, indicator: Indicator, regionRowID: UUID? = nil) {
        self.versionID = versionID; self.indicatorID = indicator.id; self.position = position; self.regionRowID = regionRowID
        self.category = indicator.category.rawValue; self.subcategory = indicator.subcategory.rawValue
        self.name = indicator.name; self.targetText = indicator.targetText
        self.targetOperator = indicator.target?.op.rawValue
        self.targetNumber = indicator.target?.number.map { "\($0)" }
        self.targetUnit = indicator.target?.unit
        self.weight = indicator.weight.map { "\($0)" }
        self.standard = indicator.standard?.rawValue; self.note = indicator.note; self.libraryEntryID = indicator.libraryEntryID
    }

    var indicator: Indicator {
        IndicatorRow(indicator_id: indicatorID, position: position, category: category, subcategory: subcategory, name: name,
                     target_text: targetText, weight: weight, standard: standard, note: note, library_entry_id: libraryEntryID,
                     region_row_id: regionRowID).indicator
    }
}

/// 流转记录 — who moved a goal version from which state to which, when, with what opinion.
final class GoalTransitionModel: Model, @unchecked Sendable {
    static let schema = "goal_transitions"

    @ID(key: .id) var id: UUID?
    @Field(key: "version_id") var versionID: UUID
    @Field(key: "action") var action: String
    @Field(key: "from_state") var fromState: String
    @Field(key: "to_state") var toState: String
    @Field(key: "actor_user_id") var actorUserID: UUID
    @Field(key: "actor_name") var actorName: String
    @Field(key: "opinion") var opinion: String
    /// The four criteria with their grades and opinions, as JSON, for finance reviews.
    @OptionalField(key: "review") var review: String?
    @Field(key: "occurred_at") var occurredAt: Date

    init() {}
}

/// 区域绩效目标 of a transfer payment's goal version: one receiving region with its money and annual goal; its
/// indicators are `goal_indicators` rows pointing here.
final class GoalRegionModel: Model, @unchecked Sendable {
    static let schema = "goal_regions"

    @ID(key: .id) var id: UUID?
    @Field(key: "version_id") var versionID: UUID
    /// Stays the same across versions (`RegionalGoal.id`).
    @Field(key: "region_id") var regionID: UUID
    @Field(key: "position") var position: Int
    /// The code as the filer wrote it; the organisation when it names a bureau that may receive.
    @Field(key: "recipient_code") var recipientCode: String
    @OptionalField(key: "recipient_organization_id") var recipientOrganizationID: UUID?
    @Field(key: "allocated_fen") var allocatedFen: Int64
    @Field(key: "annual_goal") var annualGoal: String

    init() {}

    init(versionID: UUID, position: Int, region: RegionalGoal, recipientOrganizationID: UUID?) {
        self.id = UUID(); self.versionID = versionID; self.regionID = region.id; self.position = position
        self.recipientCode = region.recipientCode; self.recipientOrganizationID = recipientOrganizationID
        self.allocatedFen = region.allocated.fen; self.annualGoal = region.annualGoal
    }
}

/// An indicator row read for showing, without Fluent's model machinery: reading a goal is the hot path of every goal
/// page and API read, and a model's property reflection cost more than the query itself.
struct IndicatorRow: Decodable, Sendable {
    var indicator_id: UUID
    var position: Int
    var category: String
    var subcategory: String
    var name: String
    var target_text: String
    var weight: String?
    var standard: String?
    var note: String
    var library_entry_id: UUID?
    var region_row_id: UUID?
    /// Read only by queries over several versions (`MonitoringScanner.indicatorsByVersion`), which select it too.
    var version_id: UUID?

    static let columns = ["indicator_id", "position", "category", "subcategory", "name", "target_text", "weight", "standard", "note",
                          "library_entry_id", "region_row_id"]

    /// The rows of one version, in order.
    static func of(version versionID: UUID, on db: any Database) async throws -> [IndicatorRow] {
        try await db.sql.select().columns(columns.map { SQLIdentifier($0) }).from(GoalIndicatorModel.schema)
            .where("version_id", .equal, SQLBind(versionID)).orderBy("position").all(decoding: IndicatorRow.self)
    }

    var indicator: Indicator {
        let category = IndicatorCategory(rawValue: self.category) ?? .output
        return Indicator(id: indicator_id, category: category,
                         subcategory: IndicatorSubcategory(rawValue: subcategory) ?? category.subcategories[0],
                         name: name, targetText: target_text, weight: weight.flatMap { Decimal(string: $0) },
                         standard: standard.flatMap(StandardSource.init(rawValue:)), note: note, libraryEntryID: library_entry_id)
    }
}
