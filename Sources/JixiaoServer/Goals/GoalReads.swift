import Fluent
import Foundation
import SQLKit

/// The reads behind every goal page and API read, as plain SQL rows turned into the models the pages use. Fluent's
/// query builder reflects over a model's properties for every row it decodes; on these hot paths that reflection cost
/// more than the queries (measured with perf on `GET /api/v1/budget-objects/{id}`). The models built here are for
/// reading: changes go through `GoalCommands`, which write with SQL.
enum GoalReads {
    private struct ObjectRow: Decodable {
        var id: UUID, kind: String, code: String, name: String, organization_id: UUID, fiscal_year: Int
        var functional_classification: String, fund_source: String, category: String, start_year: Int, end_year: Int
        var requested_fen: Int64, approved_fen: Int64?, is_key_project: Bool, is_service_project: Bool
        var current_version_id: UUID, current_state: String
        var o_code: String, o_name: String, o_kind: String, o_level: Int?, o_parent_id: UUID?, o_path: String, o_depth: Int, o_is_active: Bool
    }

    /// A budget object with its organisation, in one query.
    static func object(_ id: UUID, on db: any Database) async throws -> BudgetObjectModel? {
        let row = try await db.sql.raw("""
            SELECT bo.id, bo.kind, bo.code, bo.name, bo.organization_id, bo.fiscal_year, bo.functional_classification, bo.fund_source,
                   bo.category, bo.start_year, bo.end_year, bo.requested_fen, bo.approved_fen, bo.is_key_project, bo.is_service_project,
                   bo.current_version_id, bo.current_state,
                   o.code AS o_code, o.name AS o_name, o.kind AS o_kind, o.level AS o_level, o.parent_id AS o_parent_id, o.path AS o_path,
                   o.depth AS o_depth, o.is_active AS o_is_active
            FROM budget_objects bo JOIN organizations o ON o.id = bo.organization_id
            WHERE bo.id = \(bind: id)
            """).first(decoding: ObjectRow.self)
        guard let row else { return nil }
        let organization = OrganizationModel()
        organization.id = row.organization_id; organization.code = row.o_code; organization.name = row.o_name; organization.kind = row.o_kind
        organization.level = row.o_level; organization.parentID = row.o_parent_id; organization.path = row.o_path
        organization.depth = row.o_depth; organization.isActive = row.o_is_active
        let object = BudgetObjectModel()
        object.id = row.id; object.kind = row.kind; object.code = row.code; object.name = row.name
        object.$organization.id = row.organization_id; object.$organization.value = organization
        object.fiscalYear = row.fiscal_year; object.functionalClassification = row.functional_classification
        object.fundSource = row.fund_source; object.category = row.category; object.startYear = row.start_year; object.endYear = row.end_year
        object.requestedFen = row.requested_fen; object.approvedFen = row.approved_fen; object.isKeyProject = row.is_key_project
        object.isServiceProject = row.is_service_project; object.currentVersionID = row.current_version_id; object.currentState = row.current_state
        return object
    }

    private struct VersionRow: Decodable {
        var id: UUID, budget_object_id: UUID, version_number: Int, state: String, annual_goal: String, mid_term_goal: String?
        var is_adjustment: Bool, adjustment_reason: String?, ever_submitted: Bool, lock_version: Int, validation_errors: Int
        var lint_warnings: Int, lint_notices: Int, finance_grade: String?, released_at: Date?
    }

    /// Every version of an object, oldest first.
    static func versions(of objectID: UUID, on db: any Database) async throws -> [GoalVersionModel] {
        try await db.sql.raw("""
            SELECT id, budget_object_id, version_number, state, annual_goal, mid_term_goal, is_adjustment, adjustment_reason, ever_submitted,
                   lock_version, validation_errors, lint_warnings, lint_notices, finance_grade, released_at
            FROM goal_versions WHERE budget_object_id = \(bind: objectID) ORDER BY version_number
            """).all(decoding: VersionRow.self).map { row in
            let version = GoalVersionModel()
            version.id = row.id; version.$budgetObject.id = row.budget_object_id; version.versionNumber = row.version_number
            version.state = row.state; version.annualGoal = row.annual_goal; version.midTermGoal = row.mid_term_goal
            version.isAdjustment = row.is_adjustment; version.adjustmentReason = row.adjustment_reason; version.everSubmitted = row.ever_submitted
            version.lockVersion = row.lock_version; version.validationErrors = row.validation_errors; version.lintWarnings = row.lint_warnings
            version.lintNotices = row.lint_notices; version.financeGrade = row.finance_grade; version.releasedAt = row.released_at
            return version
        }
    }
}
