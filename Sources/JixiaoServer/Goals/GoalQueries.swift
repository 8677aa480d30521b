import Fluent
import SQLKit
import Vapor
import JixiaoDomain

/// Filters of the goal list and the work queue.
struct GoalQueueFilter: Sendable {
    var fiscalYear: Int
    /// Only these states of the newest version; nil for all.
    var states: Set<GoalState>?
    /// Only objects under this organisation (a department, a bureau); nil for the person's whole reach.
    var under: OrganizationModel?
    var fundSource: FundSource?
    var keyProjectsOnly = false
    /// Only goals with linter warnings (severity ≥ warning), or with any finding.
    var minimumSeverity: FindingSeverity?
    var limit = 500
}

/// One line of a goal list: the object with its newest version.
struct GoalQueueRow: Decodable, Sendable {
    var objectID: UUID
    var code: String
    var name: String
    var kind: String
    var fiscalYear: Int
    var fundSource: String
    var isKeyProject: Bool
    var requestedFen: Int64
    var organizationName: String
    var organizationPath: String
    var state: String
    var versionNumber: Int
    var lockVersion: Int
    var lintWarnings: Int
    var lintNotices: Int
    var validationErrors: Int

    enum CodingKeys: String, CodingKey {
        case objectID = "object_id", code, name, kind, fiscalYear = "fiscal_year", fundSource = "fund_source"
        case isKeyProject = "is_key_project", requestedFen = "requested_fen", organizationName = "organization_name"
        case organizationPath = "organization_path", state, versionNumber = "version_number", lockVersion = "lock_version"
        case lintWarnings = "lint_warnings", lintNotices = "lint_notices", validationErrors = "validation_errors"
    }

    var goalState: GoalState { GoalState(rawValue: state) ?? .draft }
}

extension GoalCommands {
    /// The subtree a goal list is narrowed to, from an organisation code: nil when no code is given,
    /// 404 when it is unknown or outside the person's reach.
    static func budgetScope(code: String?, by caller: Caller, on db: any Database) async throws -> OrganizationModel? {
        guard let code, !code.isEmpty else { return nil }
        guard let found = try await OrganizationCommands.byCode(code, on: db) else { throw AppError.notFound() }
        try caller.authorize(.viewBudget, found.accessTarget)
        return found
    }

    /// Objects of a fiscal year with their newest version, inside the person's reach, in one set-based query.
    /// Another organisation's never-submitted drafts are left out.
    static func queue(_ filter: GoalQueueFilter, for user: SignedInUser, waitingOnly: Bool = false, on db: any Database) async throws -> [GoalQueueRow] {
        let root = filter.under?.hierarchyPath ?? user.organizationPath
        let range = root.subtreeRange
        let own = user.organizationPath.rawValue
        var sql: SQLQueryString = """
            SELECT bo.id AS object_id, bo.code, bo.name, bo.kind, bo.fiscal_year, bo.fund_source, bo.is_key_project, bo.requested_fen,
                   o.name AS organization_name, o.path AS organization_path, v.state, v.version_number, v.lock_version,
                   v.lint_warnings, v.lint_notices, v.validation_errors
            FROM budget_objects bo
            JOIN organizations o ON o.id = bo.organization_id
            JOIN goal_versions v ON v.id = bo.current_version_id
            WHERE o.path >= \(bind: range.lower) AND o.path < \(bind: range.upper)
              AND \(ScopePredicate(Authorization.scope(user.actor, .viewBudget), organization: "o"))
              AND bo.fiscal_year = \(bind: filter.fiscalYear)
              AND NOT (v.state = 'draft' AND v.ever_submitted = \(bind: false) AND v.is_adjustment = \(bind: false) AND o.path <> \(bind: own))
            """
        if let states = filter.states {
            sql.appendInterpolation(unsafeRaw: " AND bo.current_state IN (" + states.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",") + ")")
        }
        if waitingOnly {
            let waiting = GoalWorkflow.waitingStates(for: user.roles)
            let ownList = waiting.own.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",")
            let belowList = waiting.below.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",")
            sql.appendInterpolation(unsafeRaw: " AND (")
            sql.appendInterpolation(unsafeRaw: ownList.isEmpty ? "1=0" : "(bo.current_state IN (\(ownList)) AND o.path = ")
            if !ownList.isEmpty { sql.appendInterpolation(bind: own); sql.appendInterpolation(unsafeRaw: ")") }
            sql.appendInterpolation(unsafeRaw: belowList.isEmpty ? " OR 1=0)" : " OR bo.current_state IN (\(belowList)))")
        }
        if let fund = filter.fundSource { sql.appendInterpolation(unsafeRaw: " AND bo.fund_source = "); sql.appendInterpolation(bind: fund.rawValue) }
        if filter.keyProjectsOnly { sql.appendInterpolation(unsafeRaw: " AND bo.is_key_project = "); sql.appendInterpolation(bind: true) }
        switch filter.minimumSeverity {
        case .warning?: sql.appendInterpolation(unsafeRaw: " AND v.lint_warnings > 0")
        case .notice?: sql.appendInterpolation(unsafeRaw: " AND (v.lint_warnings + v.lint_notices) > 0")
        case nil: break
        }
        sql.appendInterpolation(unsafeRaw: " ORDER BY o.path, bo.code LIMIT \(max(1, min(filter.limit, Int(Int32.max))))")
        return try await db.sql.raw(sql).all(decoding: GoalQueueRow.self)
    }
}
