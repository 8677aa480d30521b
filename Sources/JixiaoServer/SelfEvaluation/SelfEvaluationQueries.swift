import Fluent
import Foundation
import SQLKit
import JixiaoDomain

/// Which self-evaluations of a year a list shows.
struct EvaluationFilter: Sendable {
    var yearID: UUID
    var state: MonitoringTaskState?
    var grade: ScoreGrade?
    /// Only those with quality findings.
    var withFindings = false
    /// Only those of organisations under this one (drill-down by department or region).
    var under: HierarchyPath?
    var offset = 0
    var limit = 100
}

/// The reads of 单位自评, narrowed by the one authorization scope.
enum SelfEvaluationQueries {
    /// Years the person may see: those opened inside its reach, and those with a self-evaluation inside its reach (a
    /// unit sees the province's year it evaluates in).
    static func years(fiscalYear: Int?, for user: SignedInUser, on db: any Database) async throws -> [EvaluationYearRow] {
        let scope = Authorization.scope(user.actor, .viewBudget)
        let hasForm = SQLRaw("EXISTS (SELECT 1 FROM self_evaluations e WHERE e.year_id = y.id AND ")
        var query = db.sql.select().columns(EvaluationYearRow.columns.map { SQLColumn($0, table: "y") })
            .from(SQLAlias(SQLIdentifier(SelfEvaluationTables.years), as: SQLIdentifier("y")))
            .where(SQLGroupExpression(SQLList([
                ScopePredicate(scope, path: SQLColumn("organization_path", table: "y"), id: SQLColumn("organization_id", table: "y")),
                SQLList([hasForm, ScopePredicate(scope, path: SQLColumn("assignee_path", table: "e"), id: SQLColumn("assignee_id", table: "e")), SQLRaw(")")],
                        separator: SQLRaw("")),
            ], separator: SQLRaw(" OR "))))
        if let fiscalYear { query = query.where(SQLColumn("fiscal_year", table: "y"), .equal, SQLBind(fiscalYear)) }
        return try await query.orderBy(SQLColumn("fiscal_year", table: "y"), SQLDirection.descending).all(decoding: EvaluationYearRow.self)
    }

    /// The year a bureau opened for a fiscal year, if it did.
    static func yearRow(organization: UUID, fiscalYear: Int, on db: any Database) async throws -> EvaluationYearRow? {
        try await db.sql.select().columns(EvaluationYearRow.columns.map { SQLIdentifier($0) }).from(SelfEvaluationTables.years)
            .where("organization_id", .equal, SQLBind(organization)).where("fiscal_year", .equal, SQLBind(fiscalYear))
            .first(decoding: EvaluationYearRow.self)
    }

    /// One year, if the person may see it (as `years` decides); else not found.
    static func year(_ id: UUID, by caller: Caller, on db: any Database) async throws -> EvaluationYearRow {
        guard let year = try await EvaluationYearRow.find(id, on: db) else { throw AppError.notFound() }
        guard case .person(let user) = caller.principal, !caller.reaches(.viewBudget, year.target) else { return year }
        let scope = Authorization.scope(user.actor, .viewBudget)
        let found = try await db.sql.select().column(SQLColumn("id", table: "e"))
            .from(SQLAlias(SQLIdentifier(SelfEvaluationTables.evaluations), as: SQLIdentifier("e")))
            .where(SQLColumn("year_id", table: "e"), .equal, SQLBind(id))
            .where(ScopePredicate(scope, path: SQLColumn("assignee_path", table: "e"), id: SQLColumn("assignee_id", table: "e")))
            .limit(1).first()
        guard found != nil else { throw AppError.notFound() }
        return year
    }

    /// The self-evaluations of a year that match, within the person's reach, by object code; and how many match.
    static func evaluations(_ filter: EvaluationFilter, for user: SignedInUser, on db: any Database) async throws -> ([EvaluationRow], Int) {
        let scope = Authorization.scope(user.actor, .viewBudget)
        func narrowed(_ query: SQLSelectBuilder) -> SQLSelectBuilder {
            var query = query.where(SQLColumn("year_id", table: "e"), .equal, SQLBind(filter.yearID))
                .where(ScopePredicate(scope, path: SQLColumn("assignee_path", table: "e"), id: SQLColumn("assignee_id", table: "e")))
            if let range = filter.under?.subtreeRange {
                query = query.where(SQLColumn("assignee_path", table: "e"), .greaterThanOrEqual, SQLBind(range.lower))
                    .where(SQLColumn("assignee_path", table: "e"), .lessThan, SQLBind(range.upper))
            }
            if let state = filter.state { query = query.where(SQLColumn("state", table: "e"), .equal, SQLBind(state.rawValue)) }
            if let grade = filter.grade { query = query.where(SQLColumn("grade", table: "e"), .equal, SQLBind(grade.rawValue)) }
            if filter.withFindings { query = query.where(SQLColumn("finding_count", table: "e"), .greaterThan, SQLBind(0)) }
            return query
        }
        // The page's ids first, from the overview index alone; then only those forms, whole.
        let ids = try await narrowed(db.sql.select().column(SQLColumn("id", table: "e"))
            .from(SQLAlias(SQLIdentifier(SelfEvaluationTables.evaluations), as: SQLIdentifier("e"))))
            .orderBy(SQLColumn("object_code", table: "e")).orderBy(SQLColumn("is_summary", table: "e"), SQLDirection.descending)
            .orderBy(SQLColumn("id", table: "e"))
            .offset(filter.offset).limit(filter.limit).all(decoding: TaskID.self).map(\.id)
        var rows: [EvaluationRow] = []
        if !ids.isEmpty {
            let found = try await EvaluationRow.select(on: db).where(SQLColumn("id", table: "e"), .in, SQLGroupExpression(ids.map { SQLBind($0) }))
                .all(decoding: EvaluationRow.self)
            let byID = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            rows = ids.compactMap { byID[$0] }
        }
        // A first page that is not full is its own count.
        if filter.offset == 0 && ids.count < filter.limit { return (rows, ids.count) }
        struct Count: Decodable { var n: Int }
        let total = try await narrowed(db.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(SQLAlias(SQLIdentifier(SelfEvaluationTables.evaluations), as: SQLIdentifier("e")))).first(decoding: Count.self)?.n ?? 0
        return (rows, total)
    }

    /// A year's self-evaluations within reach counted by state and by grade, with the mean score and how many have findings.
    struct Tally: Sendable {
        var byState: [MonitoringTaskState: Int] = [:]
        var byGrade: [ScoreGrade: Int] = [:]
        var withFindings = 0
        var scored = 0
        var meanCents: Int?
        var total: Int { byState.values.reduce(0, +) }
    }

    static func tally(year: UUID, under: HierarchyPath?, for user: SignedInUser, on db: any Database) async throws -> Tally {
        let scope = Authorization.scope(user.actor, .viewBudget)
        struct Row: Decodable { var state: String; var grade: String?; var n: Int; var findings: Int; var cents: Int? }
        var query = db.sql.select().column(SQLColumn("state", table: "e")).column(SQLColumn("grade", table: "e"))
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            // PostgreSQL sums integers as NUMERIC: cast back, as every count of the system does.
            .column(SQLRaw("CAST(SUM(CASE WHEN e.finding_count > 0 THEN 1 ELSE 0 END) AS BIGINT)"), as: "findings")
            .column(SQLRaw("CAST(SUM(e.total_cents) AS BIGINT)"), as: "cents")
            .from(SQLAlias(SQLIdentifier(SelfEvaluationTables.evaluations), as: SQLIdentifier("e")))
            .where(SQLColumn("year_id", table: "e"), .equal, SQLBind(year))
            .where(ScopePredicate(scope, path: SQLColumn("assignee_path", table: "e"), id: SQLColumn("assignee_id", table: "e")))
        if let range = under?.subtreeRange {
            query = query.where(SQLColumn("assignee_path", table: "e"), .greaterThanOrEqual, SQLBind(range.lower))
                .where(SQLColumn("assignee_path", table: "e"), .lessThan, SQLBind(range.upper))
        }
        var tally = Tally(), cents = 0
        for row in try await query.groupBy(SQLColumn("state", table: "e")).groupBy(SQLColumn("grade", table: "e")).all(decoding: Row.self) {
            let state = MonitoringTaskState(rawValue: row.state) ?? .pending
            tally.byState[state, default: 0] += row.n
            tally.withFindings += row.findings
            // Grades and the mean count what was submitted: a draft's score is not the unit's word yet.
            if state.isReported, let grade = row.grade.flatMap(ScoreGrade.init(rawValue:)) {
                tally.byGrade[grade, default: 0] += row.n
                tally.scored += row.n
                cents += row.cents ?? 0
            }
        }
        // Half-up in integers: scores are exact, like money.
        if tally.scored > 0 { tally.meanCents = (2 * cents + tally.scored) / (2 * tally.scored) }
        return tally
    }
}
