import Fluent
import Foundation
import SQLKit
import JixiaoDomain

/// Which tasks of a round a list shows.
struct TaskFilter: Sendable {
    var roundID: UUID
    var state: MonitoringTaskState?
    var colour: WarningLevel?
    var offset = 0
    var limit = 100
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
        if caller.reaches(.viewBudget, round.target) { return round }
        let scope = Authorization.scope(user.actor, .viewBudget)
        let task = try await db.sql.select().column(SQLColumn("id", table: "t"))
            .from(SQLAlias(SQLIdentifier(MonitoringTables.tasks), as: SQLIdentifier("t")))
            .where(SQLColumn("round_id", table: "t"), .equal, SQLBind(id))
            .where(ScopePredicate(scope, path: SQLColumn("assignee_path", table: "t"), id: SQLColumn("assignee_id", table: "t")))
            .limit(1).first()
        guard task != nil else { throw AppError.notFound() }
        return round
    }

    /// A page of a round's tasks inside the person's reach, reddest first, then by code; and how many there are.
    static func tasks(_ filter: TaskFilter, for user: SignedInUser, on db: any Database) async throws -> (rows: [TaskRow], total: Int) {
        let scope = Authorization.scope(user.actor, .viewBudget)
        func narrowed(_ query: SQLSelectBuilder) -> SQLSelectBuilder {
            var query = query.where(SQLColumn("round_id", table: "t"), .equal, SQLBind(filter.roundID))
                .where(ScopePredicate(scope, path: SQLColumn("assignee_path", table: "t"), id: SQLColumn("assignee_id", table: "t")))
            if let state = filter.state { query = query.where(SQLColumn("state", table: "t"), .equal, SQLBind(state.rawValue)) }
            if let colour = filter.colour { query = query.where(SQLColumn("colour", table: "t"), .equal, SQLBind(colour.key)) }
            return query
        }
        let redFirst = SQLRaw("CASE t.colour WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 ELSE 2 END")
        let rows = try await narrowed(TaskRow.select(on: db)).orderBy(redFirst).orderBy(SQLColumn("code", table: "bo"))
            .orderBy(SQLColumn("id", table: "t")).offset(filter.offset).limit(filter.limit).all(decoding: TaskRow.self)
        struct Count: Decodable { var n: Int }
        let total: Int
        if filter.offset == 0 && rows.count < filter.limit {
            total = rows.count
        } else {
            total = try await narrowed(db.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from(SQLAlias(SQLIdentifier(MonitoringTables.tasks), as: SQLIdentifier("t"))))
                .first(decoding: Count.self)?.n ?? 0
        }
        return (rows, total)
    }
}
