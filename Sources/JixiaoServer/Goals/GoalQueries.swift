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
    /// A page of the list: `limit` rows from `offset` (exports and batch release take every row).
    var offset = 0
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

    /// Objects of a fiscal year with their newest version, inside the person's reach, in one set-based query,
    /// ordered by organisation and code, `filter.limit` rows from `filter.offset`.
    /// Another organisation's never-submitted drafts are left out.
    static func queue(_ filter: GoalQueueFilter, for user: SignedInUser, waitingOnly: Bool = false, on db: any Database) async throws -> [GoalQueueRow] {
        guard let conditions = listConditions(filter, for: user, waitingOnly: waitingOnly) else { return [] }
        var sql: SQLQueryString = """
            SELECT bo.id AS object_id, bo.code, bo.name, bo.kind, bo.fiscal_year, bo.fund_source, bo.is_key_project, bo.requested_fen,
                   o.name AS organization_name, o.path AS organization_path, v.state, v.version_number, v.lock_version,
                   v.lint_warnings, v.lint_notices, v.validation_errors

            """
        sql.appendInterpolation(conditions)
        sql.appendInterpolation(unsafeRaw: " ORDER BY o.path, bo.code LIMIT \(max(1, min(filter.limit, Int(Int32.max)))) OFFSET \(max(0, filter.offset))")
        return try await db.sql.raw(sql).all(decoding: GoalQueueRow.self)
    }

    /// One page of a list (`filter.offset`, `filter.limit`) with the counts of the whole list. A first page that is not
    /// full is the whole list, so its counts are taken from its rows rather than counted again in the database.
    static func queuePage(_ filter: GoalQueueFilter, for user: SignedInUser, waitingOnly: Bool = false,
                          on db: any Database) async throws -> (rows: [GoalQueueRow], total: Int, approved: Int) {
        let rows = try await queue(filter, for: user, waitingOnly: waitingOnly, on: db)
        if filter.offset == 0 && rows.count < filter.limit {
            return (rows, rows.count, rows.count(where: { $0.goalState == .approved }))
        }
        let counts = try await queueCounts(filter, for: user, waitingOnly: waitingOnly, on: db)
        return (rows, counts.total, counts.approved)
    }

    /// How many objects the same filter finds in all, and how many of them are approved (what a batch release
    /// would release), counted in the database.
    static func queueCounts(_ filter: GoalQueueFilter, for user: SignedInUser, waitingOnly: Bool = false,
                            on db: any Database) async throws -> (total: Int, approved: Int) {
        guard let conditions = listConditions(filter, for: user, waitingOnly: waitingOnly) else { return (0, 0) }
        struct Row: Decodable { var total: Int; var approved: Int? }
        var sql: SQLQueryString = "SELECT COUNT(*) AS total, SUM(CASE WHEN bo.current_state = 'approved' THEN 1 ELSE 0 END) AS approved\n"
        sql.appendInterpolation(conditions)
        let row = try await db.sql.raw(sql).first(decoding: Row.self)
        return (row?.total ?? 0, row?.approved ?? 0)
    }

    /// How many goals of these fiscal years wait for the person, by year and state, counted in the database with the
    /// work queue's own conditions: the count of a year and state is the number of rows `/goals?year=…&state=…` shows.
    static func waitingCounts(for user: SignedInUser, fiscalYears: ClosedRange<Int>, on db: any Database) async throws -> [WaitingCount] {
        let filter = GoalQueueFilter(fiscalYear: fiscalYears.upperBound)
        guard let conditions = listConditions(filter, fiscalYears: fiscalYears, for: user, waitingOnly: true) else { return [] }
        var sql: SQLQueryString = "SELECT bo.fiscal_year AS fiscal_year, bo.current_state AS state, COUNT(*) AS count\n"
        sql.appendInterpolation(conditions)
        sql.appendInterpolation(unsafeRaw: " GROUP BY bo.fiscal_year, bo.current_state")
        return try await db.sql.raw(sql).all(decoding: WaitingCount.self)
    }

    /// What `waitingCounts` answers: so many goals of one fiscal year in one state.
    struct WaitingCount: Decodable, Sendable, Equatable {
        var fiscalYear: Int
        var state: String
        var count: Int

        enum CodingKeys: String, CodingKey { case fiscalYear = "fiscal_year", state, count }
    }

    /// The FROM and WHERE of every goal list, queue and count: the person's reach (`Authorization.scope`) and the
    /// subtree asked for, the fiscal year (or the range `fiscalYears`), the filter, and with `waitingOnly` what waits
    /// for the person's roles (`GoalWorkflow.waitingStates`). Nil when the chosen subtree lies outside the person's own.
    /// Lists, exports and the workbench's counts share it, so a count always agrees with the list it links to.
    static func listConditions(_ filter: GoalQueueFilter, fiscalYears: ClosedRange<Int>? = nil, for user: SignedInUser, waitingOnly: Bool) -> SQLQueryString? {
        let root = filter.under?.hierarchyPath ?? user.organizationPath
        guard user.organizationPath.contains(root) else { return nil }
        let range = root.subtreeRange
        let own = user.organizationPath.rawValue
        var sql: SQLQueryString = """
            FROM budget_objects bo
            JOIN organizations o ON o.id = bo.organization_id
            JOIN goal_versions v ON v.id = bo.current_version_id
            WHERE o.path >= \(bind: range.lower) AND o.path < \(bind: range.upper)
              AND \(ScopePredicate(Authorization.scope(user.actor, .viewBudget), organization: "o"))
              AND NOT (v.state = 'draft' AND v.ever_submitted = \(bind: false) AND v.is_adjustment = \(bind: false) AND o.path <> \(bind: own))
            """
        if let years = fiscalYears {
            sql.appendInterpolation(unsafeRaw: " AND bo.fiscal_year BETWEEN "); sql.appendInterpolation(bind: years.lowerBound)
            sql.appendInterpolation(unsafeRaw: " AND "); sql.appendInterpolation(bind: years.upperBound)
        } else {
            sql.appendInterpolation(unsafeRaw: " AND bo.fiscal_year = "); sql.appendInterpolation(bind: filter.fiscalYear)
        }
        if let states = filter.states {
            sql.appendInterpolation(unsafeRaw: " AND bo.current_state IN (" + states.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",") + ")")
        }
        if waitingOnly {
            let waiting = GoalWorkflow.waitingStates(for: user.roles)
            let ownList = waiting.own.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",")
            let belowList = waiting.below.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",")
            let approvalList = GoalActionKind.allCases.filter(\.approvesSubmission).flatMap(\.fromStates)
                .map { "'\($0.rawValue)'" }.sorted().joined(separator: ",")
            sql.appendInterpolation(unsafeRaw: " AND (")
            sql.appendInterpolation(unsafeRaw: ownList.isEmpty ? "1=0" : "(bo.current_state IN (\(ownList)) AND o.path = ")
            if !ownList.isEmpty { sql.appendInterpolation(bind: own); sql.appendInterpolation(unsafeRaw: ")") }
            sql.appendInterpolation(unsafeRaw: belowList.isEmpty ? " OR 1=0)" : " OR bo.current_state IN (\(belowList)))")
            // Four eyes: a submission does not wait for the person who made it (`GoalAction.approvesSubmission`); the
            // latest submit of the version in force names who that was.
            sql.appendInterpolation(unsafeRaw: """
                 AND NOT (EXISTS (SELECT 1 FROM goal_transitions t WHERE t.version_id = bo.current_version_id
                   AND t.action = 'submit' AND t.actor_user_id =\u{20}
                """)
            sql.appendInterpolation(bind: user.userID)
            sql.appendInterpolation(unsafeRaw: """
                   AND t.occurred_at = (SELECT MAX(t2.occurred_at) FROM goal_transitions t2 WHERE t2.version_id = t.version_id AND t2.action = 'submit'))
                   AND bo.current_state IN (\(approvalList)))
                """)
        }
        if let fund = filter.fundSource { sql.appendInterpolation(unsafeRaw: " AND bo.fund_source = "); sql.appendInterpolation(bind: fund.rawValue) }
        if filter.keyProjectsOnly { sql.appendInterpolation(unsafeRaw: " AND bo.is_key_project = "); sql.appendInterpolation(bind: true) }
        switch filter.minimumSeverity {
        case .warning?: sql.appendInterpolation(unsafeRaw: " AND v.lint_warnings > 0")
        case .notice?: sql.appendInterpolation(unsafeRaw: " AND (v.lint_warnings + v.lint_notices) > 0")
        case nil: break
        }
        return sql
    }
}
