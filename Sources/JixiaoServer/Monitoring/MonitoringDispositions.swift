import Fluent
import Foundation
import SQLKit
import Vapor
import JixiaoDomain

/// A disposition as stored, with its object's code.
struct DispositionRow: Decodable, Sendable {
    var id: UUID
    var task_id: UUID
    var round_id: UUID
    var budget_object_id: UUID
    var kind: String
    var reason: String
    var due_by: String?
    var amount_fen: Int64?
    var adjustment_version_id: UUID?
    var decided_by_name: String
    var decided_at: Date
    var response: String?
    var responded_by_name: String?
    var responded_at: Date?

    static let columns = ["id", "task_id", "round_id", "budget_object_id", "kind", "reason", "due_by", "amount_fen", "adjustment_version_id",
                          "decided_by_name", "decided_at", "response", "responded_by_name", "responded_at"]

    var dispositionKind: DispositionKind? { DispositionKind(rawValue: kind) }
}

/// 纠偏/处置 use cases: finance decides what happens to an object in warning; the unit answers a 督促纠偏. The later
/// results-application capability reads them (API) together with the round.
enum MonitoringDispositions {
    static func decide(_ taskID: UUID, _ disposition: Disposition, by caller: Caller, on db: any Database) async throws -> DispositionRow {
        let user = try caller.person()
        let detail = try await MonitoringReports.load(taskID, by: caller, on: db)
        let task = detail.task
        // Finance of the round's bureau (or above) decides; a department or the unit never does.
        try caller.authorize(.disposeMonitoring, task.target)
        guard caller.reaches(.disposeMonitoring, detail.round.target) else { throw AppError.forbidden() }
        // The goal in force is released (the task's version may since have been superseded by an adjustment).
        let released = try await GoalVersionModel.query(on: db).filter(\.$budgetObject.$id == task.budget_object_id)
            .filter(\.$state == GoalState.released.rawValue).first() != nil
        let problems = disposition.check(colour: task.level, fund: task.fund, roles: user.roles, today: CalendarDay(chinaDay: caller.now),
                                         goalReleased: released)
        if !problems.isEmpty { throw FormErrors(errors: problems.map { $0.appError(task: task) }) }
        let id = UUID.timeOrdered(at: caller.now)
        try await db.transaction { db in
            var adjustment: UUID?
            if disposition.kind == .adjustGoal {
                adjustment = try await GoalCommands.orderAdjustment(task.budget_object_id, reason: "监控处置：" + disposition.reason.trimmed,
                                                                    by: caller, on: db)
            }
            try await db.sql.insert(into: MonitoringTables.dispositions)
                .columns("id", "task_id", "round_id", "budget_object_id", "kind", "reason", "due_by", "amount_fen", "adjustment_version_id",
                         "decided_by", "decided_by_name", "decided_at")
                .values(SQLBind(id), SQLBind(task.id), SQLBind(task.round_id), SQLBind(task.budget_object_id), SQLBind(disposition.kind.rawValue),
                        SQLBind(String(disposition.reason.trimmed.prefix(InputLimits.note))), SQLBind(disposition.dueBy?.isoDate),
                        SQLBind(disposition.amount?.fen), SQLBind(adjustment), SQLBind(user.userID), SQLBind(user.displayName), SQLBind(caller.now))
                .run()
            try await AuditTrail.record("monitoring.disposed", entityType: "monitoring_task", entityID: task.id.uuidString.lowercased(),
                                        summary: "object=\(task.object_code) kind=\(disposition.kind.rawValue) colour=\(task.colour) reason=\(disposition.reason.prefix(120))"
                                            + (disposition.amount.map { " amount=\($0.wanYuanText)万元" } ?? "") + (disposition.dueBy.map { " due=\($0.isoDate)" } ?? "")
                                            + (adjustment.map { " adjustment_version=\($0.uuidString.lowercased())" } ?? ""),
                                        context: caller.audit, on: db)
        }
        guard let row = try await find(id, on: db) else { throw AppError.notFound() }
        return row
    }

    /// The unit's answer to a 督促纠偏: what it did.
    static func respond(_ dispositionID: UUID, response: String, by caller: Caller, on db: any Database) async throws -> DispositionRow {
        let user = try caller.person()
        guard let disposition = try await find(dispositionID, on: db), let task = try await TaskRow.find(disposition.task_id, on: db) else {
            throw AppError.notFound()
        }
        try caller.authorize(.viewBudget, task.target)
        try caller.authorize(.reportMonitoring, task.target)
        guard user.organizationID == task.assignee_id else { throw AppError(.forbidden, "task_not_assignee", Message(.errorTaskNotAssignee)) }
        guard disposition.dispositionKind == .correct else { throw AppError(.conflict, "not_a_correction", Message(.errorDispositionNoAnswer)) }
        let text = String(response.trimmed.prefix(InputLimits.longText))
        guard !text.isEmpty else { throw AppError.invalid("response", Message(.errorRequired)) }
        try await db.transaction { db in
            try await db.sql.update(MonitoringTables.dispositions).set("response", to: SQLBind(text))
                .set("responded_by_name", to: SQLBind(user.displayName)).set("responded_at", to: SQLBind(caller.now))
                .where("id", .equal, SQLBind(dispositionID)).run()
            try await AuditTrail.record("monitoring.correction_answered", entityType: "monitoring_disposition", entityID: dispositionID.uuidString.lowercased(),
                                        summary: "object=\(task.object_code) response=\(text.prefix(120))", context: caller.audit, on: db)
        }
        guard let row = try await find(dispositionID, on: db) else { throw AppError.notFound() }
        return row
    }

    static func find(_ id: UUID, on db: any Database) async throws -> DispositionRow? {
        try await db.sql.select().columns(DispositionRow.columns.map { SQLIdentifier($0) }).from(MonitoringTables.dispositions)
            .where("id", .equal, SQLBind(id)).first(decoding: DispositionRow.self)
    }

    /// A round's dispositions within the person's reach (or one task's), newest first.
    static func list(round roundID: UUID, task taskID: UUID? = nil, for user: SignedInUser, on db: any Database) async throws -> [(DispositionRow, TaskRow)] {
        var query = TaskRow.select(on: db).whereTask(of: roundID, under: nil, scope: Authorization.scope(user.actor, .viewBudget))
            .where(SQLRaw("EXISTS (SELECT 1 FROM monitoring_dispositions d WHERE d.task_id = t.id)"))
        if let taskID { query = query.where(SQLColumn("id", table: "t"), .equal, SQLBind(taskID)) }
        let tasks = try await query.all(decoding: TaskRow.self)
        guard !tasks.isEmpty else { return [] }
        let byID = Dictionary(tasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = try await db.sql.select().columns(DispositionRow.columns.map { SQLIdentifier($0) }).from(MonitoringTables.dispositions)
            .where("task_id", .in, SQLGroupExpression(tasks.map { SQLBind($0.id) })).orderBy("decided_at", .descending)
            .all(decoding: DispositionRow.self)
        return rows.compactMap { row in byID[row.task_id].map { (row, $0) } }
    }
}

extension Disposition.Problem {
    func appError(task: TaskRow) -> AppError {
        switch self {
        case .reasonRequired: .invalid("reason", Message(.errorRequired))
        case .objectGreen: AppError(.unprocessableEntity, "object_green", Message(.errorDispositionGreen), field: "kind")
        case .roleNotPermitted: .forbidden()
        case .dueByRequired: .invalid("dueBy", Message(.errorRequired))
        case .dueByPast(let day): .invalid("dueBy", Message(.errorDispositionDueByPast(day.isoDate)))
        case .amountRequired: .invalid("amountWanYuan", Message(.errorRequired))
        case .cutAboveUnspent(let cut, let unspent): .invalid("amountWanYuan", Message(.errorDispositionCut(cut.wanYuanText, unspent.wanYuanText)))
        case .goalNotReleased: AppError(.conflict, "goal_not_released", Message(.errorDispositionGoalNotReleased), field: "kind")
        }
    }
}
