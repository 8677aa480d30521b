import Fluent
import Foundation
import SQLKit
import JixiaoDomain

/// Which tasks of a round a list shows.
struct TaskFilter: Sendable {
    var roundID: UUID
    var state: MonitoringTaskState?
    var colour: WarningLevel?
    /// Only tasks of organisations under this one (the dashboard's drill-down).
    var under: HierarchyPath?
    var offset = 0
    var limit = 100
    /// How many tasks match, when the caller already counted them (the dashboard's tally): no second count is run.
    var knownTotal: Int?
    /// The tasks asked for are a large share of the round: read them in the list index's order.
    var inListOrder = false
}

extension SQLSelectBuilder {
    /// Narrows a read of `monitoring_tasks AS t` (or of `monitoring_tallies AS t`, its counts per assignee) to one round's
    /// tasks assigned inside `under` (when given) and inside the person's authorization scope — the one condition every
    /// list, count, chart, file and report of a round uses.
    func whereTask(of roundID: UUID, under: HierarchyPath?, scope: ListScope) -> Self {
        var query = self.where(SQLColumn("round_id", table: "t"), .equal, SQLBind(roundID))
        if let range = under?.subtreeRange {
            query = query.where(SQLColumn("assignee_path", table: "t"), .greaterThanOrEqual, SQLBind(range.lower))
                .where(SQLColumn("assignee_path", table: "t"), .lessThan, SQLBind(range.upper))
        }
        return query.where(ScopePredicate(scope, path: SQLColumn("assignee_path", table: "t"), id: SQLColumn("assignee_id", table: "t")))
    }
}

/// The reads of 运行监控, narrowed by the one authorization scope.
enum MonitoringQueries {
    /// Rounds of a year the person may see: those run inside its reach, and those with a task inside its reach (a
    /// unit sees the province's round it reports in).
    static func rounds(fiscalYear: Int, for user: SignedInUser, on db: any Database) async throws -> [RoundRow] {
        let scope = Authorization.scope(user.actor, .viewBudget)
        let hasTask = SQLRaw("EXISTS (SELECT 1 FROM monitoring_tasks t WHERE t.round_id = r.id AND ")
        return try await db.sql.select().columns(RoundRow.columns.map { SQLColumn($0, table: "r") })
            .from(SQLAlias(SQLIdentifier(MonitoringTables.rounds), as: SQLIdentifier("r")))
            .where(SQLColumn("fiscal_year", table: "r"), .equal, SQLBind(fiscalYear))
            .where(SQLGroupExpression(SQLList([
                ScopePredicate(scope, path: SQLColumn("organization_path", table: "r"), id: SQLColumn("organization_id", table: "r")),
                SQLList([hasTask, ScopePredicate(scope, path: SQLColumn("assignee_path", table: "t"), id: SQLColumn("assignee_id", table: "t")), SQLRaw(")")],
                        separator: SQLRaw("")),
            ], separator: SQLRaw(" OR "))))
            .orderBy(SQLColumn("period_end", table: "r"), SQLDirection.descending)
            .all(decoding: RoundRow.self)
    }

    /// One round, if the person may see it (as `rounds` decides); else not found.
    static func round(_ id: UUID, by caller: Caller, on db: any Database) async throws -> RoundRow {
        guard let round = try await RoundRow.find(id, on: db) else { throw AppError.notFound() }
        guard case .person(let user) = caller.principal else { return round }
        if caller.reaches(.viewBudget, round.target) {
            try await MonitoringDeadlineScan.catchUp(round, by: caller, on: db)
            return round
        }
        let scope = Authorization.scope(user.actor, .viewBudget)
        let task = try await db.sql.select().column(SQLColumn("id", table: "t"))
            .from(MonitoringTables.tasksAsT(db))
            .where(SQLColumn("round_id", table: "t"), .equal, SQLBind(id))
            .where(ScopePredicate(scope, path: SQLColumn("assignee_path", table: "t"), id: SQLColumn("assignee_id", table: "t")))
            .limit(1).first()
        guard task != nil else { throw AppError.notFound() }
        try await MonitoringDeadlineScan.catchUp(round, by: caller, on: db)
        return round
    }

    /// A page of a round's tasks inside the person's reach, reddest first, then by code; and how many there are.
    static func tasks(_ filter: TaskFilter, for user: SignedInUser, on db: any Database) async throws -> (rows: [TaskRow], total: Int) {
        let scope = Authorization.scope(user.actor, .viewBudget)
        func narrowed(_ query: SQLSelectBuilder) -> SQLSelectBuilder {
            var query = query.whereTask(of: filter.roundID, under: filter.under, scope: scope)
            if let state = filter.state { query = query.where(SQLColumn("state", table: "t"), .equal, SQLBind(state.rawValue)) }
            if let colour = filter.colour { query = query.where(SQLColumn("colour_rank", table: "t"), .equal, SQLBind(colour.listRank)) }
            return query
        }
        let rows = try await narrowed(TaskRow.select(on: db, inListOrder: filter.inListOrder)).orderBy(SQLColumn("colour_rank", table: "t")).orderBy(SQLColumn("object_code", table: "t"))
            .orderBy(SQLColumn("id", table: "t")).offset(filter.offset).limit(filter.limit).all(decoding: TaskRow.self)
        struct Count: Decodable { var n: Int }
        let total: Int
        if let known = filter.knownTotal {
            total = known
        } else if filter.offset == 0 && rows.count < filter.limit {
            total = rows.count
        } else {
            total = try await narrowed(db.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from(MonitoringTables.tasksAsT(db)))
                .first(decoding: Count.self)?.n ?? 0
        }
        return (rows, total)
    }
}

/// One row of a round's dashboard: an organisation directly under the one looked at (or that one itself, for what it
/// reports itself), with its tasks' counts and full-year budgets by colour.
struct TallyRow: Decodable, Sendable {
    var path: String
    var organization_id: UUID?
    var code: String?
    var name: String?
    var red: Int
    var yellow: Int
    var green: Int
    var red_fen: Int64
    var yellow_fen: Int64
    var green_fen: Int64
    var unreported: Int

    var total: Int { red + yellow + green }
    var tally: ColourTally {
        var tally = ColourTally()
        tally.counts = [.red: red, .yellow: yellow, .green: green]
        tally.amounts = [.red: Money(fen: red_fen), .yellow: Money(fen: yellow_fen), .green: Money(fen: green_fen)]
        return tally
    }
}

/// A point of the execution chart: one task with money figures.
struct ChartPoint: Decodable, Sendable {
    var id: UUID
    var code: String
    var colour: String
    var full_year_budget_fen: Int64
    var spent_fen: Int64
    var allocated_fen: Int64
}

extension MonitoringQueries {
    /// Counts and amounts by colour per organisation directly under `under`, from the round's tally per assignee (kept by
    /// the database as tasks change: a few thousand rows for a province, not its 200,000 tasks): an assignee belongs to
    /// the child whose path starts its own (a UUID segment is 36 characters and a slash).
    static func tally(round roundID: UUID, under: HierarchyPath, scope: ListScope, pastDeadline: Bool = false, on db: any Database) async throws -> [TallyRow] {
        let length = under.rawValue.count + 37
        let prefix = SQLFunction("substr", args: SQLColumn("assignee_path", table: "t"), SQLLiteral.numeric("1"), SQLLiteral.numeric(String(length)))
        // Cast: PostgreSQL sums a bigint column as numeric.
        func sum(_ column: String) -> any SQLExpression { SQLAlias(SQLRaw("CAST(SUM(t.\(column)) AS BIGINT)"), as: SQLIdentifier(column)) }
        let grouped = db.sql.select()
            .column(SQLAlias(prefix, as: SQLIdentifier("path")))
            .columns(["red", "yellow", "green", "red_fen", "yellow_fen", "green_fen"].map(sum))
            // 未报送: closed unreported, or never submitted while the deadline has passed.
            .column(SQLAlias(SQLRaw(pastDeadline ? "CAST(SUM(t.unreported + t.unsubmitted) AS BIGINT)" : "CAST(SUM(t.unreported) AS BIGINT)"),
                             as: SQLIdentifier("unreported")))
            .from(SQLAlias(SQLIdentifier(MonitoringTables.tallies), as: SQLIdentifier("t")))
            .whereTask(of: roundID, under: under, scope: scope)
            .groupBy(prefix)
        struct Grouped: Decodable { var path: String; var red: Int; var yellow: Int; var green: Int; var red_fen: Int64; var yellow_fen: Int64; var green_fen: Int64; var unreported: Int }
        let rows = try await grouped.all(decoding: Grouped.self)
        let paths = rows.map(\.path)
        let names = try await OrganizationModel.query(on: db).filter(\.$path ~~ paths).all()
        let byPath = Dictionary(names.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return rows.map { row in
            TallyRow(path: row.path, organization_id: byPath[row.path]?.id, code: byPath[row.path]?.code, name: byPath[row.path]?.name, red: row.red, yellow: row.yellow,
                     green: row.green, red_fen: row.red_fen, yellow_fen: row.yellow_fen, green_fen: row.green_fen, unreported: row.unreported)
        }.sorted { ($0.red, $0.yellow, $0.name ?? "") > ($1.red, $1.yellow, $1.name ?? "") }
    }

    /// Tasks with money figures under `under`, reddest first, at most `limit` (the chart's points).
    static func chartPoints(round roundID: UUID, under: HierarchyPath, scope: ListScope, limit: Int, inListOrder: Bool = false,
                            on db: any Database) async throws -> [ChartPoint] {
        try await db.sql.select()
            .column(SQLColumn("id", table: "t")).column(SQLColumn("code", table: "bo")).column(SQLColumn("colour", table: "t"))
            .column(SQLColumn("full_year_budget_fen", table: "t")).column(SQLColumn("spent_fen", table: "t")).column(SQLColumn("allocated_fen", table: "t"))
            .from(MonitoringTables.tasksAsT(db, inListOrder: inListOrder))
            .join(SQLAlias(SQLIdentifier(BudgetObjectModel.schema), as: SQLIdentifier("bo")), on: SQLColumn("id", table: "bo"), .equal, SQLColumn("budget_object_id", table: "t"))
            .whereTask(of: roundID, under: under, scope: scope)
            .where(SQLColumn("spent_fen", table: "t"), .isNot, SQLLiteral.null)
            .orderBy(SQLColumn("colour_rank", table: "t")).orderBy(SQLColumn("object_code", table: "t")).orderBy(SQLColumn("id", table: "t"))
            .limit(limit).all(decoding: ChartPoint.self)
    }
}
