import Fluent
import Foundation
import SQLKit
import Vapor
import JixiaoDomain

/// 开展年度自评 use cases: a finance bureau opens the self-evaluation of a fiscal year for its area (a job makes one
/// self-evaluation per released object), and closes it. Each takes a `Caller`.
enum SelfEvaluationYears {
    static let openKind = "self_evaluation.open_year"
    struct OpenParameters: Codable, Sendable { var yearID: UUID }

    /// Opens the self-evaluation of `fiscalYear` in the caller's bureau and queues the job that makes the forms.
    static func create(fiscalYear: Int, deadline: CalendarDay, by caller: Caller, on db: any Database, ringing app: Application? = nil) async throws -> UUID {
        let user = try caller.person()
        guard let bureau = try await OrganizationModel.find(user.organizationID, on: db) else { throw AppError.notFound() }
        try caller.authorize(.runEvaluation, bureau.accessTarget)
        guard bureau.organizationKind == .financeBureau else { throw AppError(.forbidden, "evaluation_runner", Message(.errorEvaluationRunner)) }
        let today = CalendarDay(chinaDay: caller.now)
        guard (2000...2100).contains(fiscalYear) else { throw FormErrors(errors: [.invalid("fiscalYear", Message(.errorEvaluationYearRange))]) }
        var errors: [AppError] = []
        if let yearEnd = CalendarDay(year: fiscalYear, month: 12, day: 1), today < yearEnd {
            errors.append(.invalid("fiscalYear", Message(.errorEvaluationYearNotEnded(fiscalYear))))
        }
        // A late year (opened after its successor began) may still be evaluated: the deadline lies ahead, within a year.
        if deadline < today || deadline > today.adding(months: 12) {
            errors.append(.invalid("deadline", Message(.errorEvaluationDeadline)))
        }
        if !errors.isEmpty { throw FormErrors(errors: errors) }
        let duplicate = AppError(.conflict, "evaluation_year_duplicate", Message(.errorEvaluationYearDuplicate(fiscalYear)), field: "fiscalYear")
        func existing() async throws -> EvaluationYearRow? {
            try await db.sql.select().columns(EvaluationYearRow.columns.map { SQLIdentifier($0) }).from(SelfEvaluationTables.years)
                .where("organization_id", .equal, SQLBind(bureau.id!)).where("fiscal_year", .equal, SQLBind(fiscalYear))
                .first(decoding: EvaluationYearRow.self)
        }
        // A bureau above or below that opened the year already covers (or is covered by) this area: every object is
        // evaluated once.
        struct Overlap: Decodable { var organization_id: UUID }
        let range = bureau.hierarchyPath.subtreeRange
        let overlapping = try await db.sql.select().column("organization_id").from(SelfEvaluationTables.years)
            .where("fiscal_year", .equal, SQLBind(fiscalYear)).where("organization_id", .notEqual, SQLBind(bureau.id!))
            .where(SQLGroupExpression(SQLList([
                SQLBinaryExpression(SQLIdentifier("organization_id"), .in, SQLGroupExpression(bureau.hierarchyPath.ids.map { SQLBind($0) })),
                SQLGroupExpression(SQLList([SQLBinaryExpression(SQLIdentifier("organization_path"), .greaterThanOrEqual, SQLBind(range.lower)),
                                            SQLBinaryExpression(SQLIdentifier("organization_path"), .lessThan, SQLBind(range.upper))], separator: SQLRaw(" AND "))),
            ], separator: SQLRaw(" OR "))))
            .first(decoding: Overlap.self)
        if let overlapping, let other = try await OrganizationModel.find(overlapping.organization_id, on: db) {
            throw AppError(.conflict, "evaluation_year_overlap", Message(.errorEvaluationYearOverlap(other.name, fiscalYear)), field: "fiscalYear")
        }
        var failedOpening: UUID?
        if let found = try await existing() {
            // An opening whose job failed or was given up made nothing: asking again replaces it.
            var jobState: JobState?
            if let jobID = found.job_id {
                jobState = try await db.sql.select().columns(JobRow.columns.map { SQLIdentifier($0) }).from(JobQueue.table)
                    .where("id", .equal, SQLBind(jobID)).first(decoding: JobRow.self)?.jobState
            }
            guard found.yearState == .opening, jobState == .failed || jobState == .interrupted else { throw duplicate }
            failedOpening = found.id
        }
        let replaced = failedOpening
        let inForce = try await ScoringRuleStore.inForce(at: bureau.hierarchyPath, fiscalYear: fiscalYear, on: db)
        let rules = try ScoringRuleStore.encoded(inForce.rules)
        let id = UUID.timeOrdered(at: caller.now)
        do {
            try await db.transaction { db in
                if let replaced {
                    try await db.sql.delete(from: SelfEvaluationTables.years).where("id", .equal, SQLBind(replaced))
                        .where("state", .equal, SQLBind(MonitoringRoundState.opening.rawValue)).run()
                }
                try await db.sql.insert(into: SelfEvaluationTables.years)
                    .columns("id", "organization_id", "organization_path", "fiscal_year", "deadline", "rules", "rules_version", "rules_owner_id",
                             "state", "evaluation_count", "lock_version", "created_by_name", "created_at")
                    .values(SQLBind(id), SQLBind(bureau.id!), SQLBind(bureau.path), SQLBind(fiscalYear), SQLBind(deadline.isoDate), SQLBind(rules),
                            SQLBind(inForce.version), SQLBind(inForce.ownerID), SQLBind(MonitoringRoundState.opening.rawValue), SQLBind(0), SQLBind(0),
                            SQLBind(user.displayName), SQLBind(caller.now))
                    .run()
                let job = try await JobQueue.enqueue(openKind, caller: caller, parameters: OpenParameters(yearID: id), on: db)
                try await db.sql.update(SelfEvaluationTables.years).set("job_id", to: SQLBind(job)).where("id", .equal, SQLBind(id)).run()
                try await AuditTrail.record("self_evaluation.year_created", entityType: "self_evaluation_year", entityID: id.uuidString.lowercased(),
                                            summary: "year=\(fiscalYear) deadline=\(deadline.isoDate) rules_version=\(inForce.version)"
                                                + (replaced.map { " replaces=\($0.uuidString.lowercased())" } ?? ""),
                                            context: caller.audit, on: db)
            }
        } catch where (error as? any DatabaseError)?.isConstraintFailure == true {
            // Two officers' clicks at once: the unique key let one through, and the other finds its year.
            if let other = try await existing(), other.id != failedOpening { throw duplicate }
            throw error
        }
        app?.jobWorkers.ring()
        return id
    }

    /// The job that makes the year's self-evaluations. One transaction: a run cut short left nothing, and runs again.
    static let openJob = JobKind(name: openKind, maxAttempts: 2, run: { run in
        guard let parameters = run.parameters(as: OpenParameters.self) else { throw AppError.notFound() }
        let count = try await open(parameters.yearID, on: run.database, caller: run.caller) { done, total in
            run.progress.report(JobProgress(phase: "creating", done: done, total: total), holdsWriteLock: true)
        }
        return "{\"evaluations\":\(count)}"
    }, failure: AppError(.internalServerError, "evaluation_open_failed", Message(.errorEvaluationOpenFailed)))

    /// What the opening makes for one object (or one regional goal).
    private struct Planned: Sendable {
        var id: UUID
        var object: ReleasedGoals.Object
        var regionRow: UUID?
        var region: UUID?
        var isSummary: Bool
        var assignee: UUID
        var assigneePath: String
        var assigneeKind: String
        var annualGoal: String
        var budget: Int64
    }

    /// The last monitoring figures of an object (or a region of it) in the year.
    struct LastMonitoring: Decodable, Sendable {
        var id: UUID
        var budget_object_id: UUID
        var region_id: UUID?
        var period_end: String
        var full_year_budget_fen: Int64
        var spent_fen: Int64?
        var forecast_fen: Int64?
    }

    static func open(_ yearID: UUID, on db: any Database, caller: Caller,
                     progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> Int {
        guard let year = try await EvaluationYearRow.find(yearID, on: db) else { throw AppError.notFound() }
        guard year.yearState == .opening else { return year.evaluation_count }
        let rules = try JSONDecoder().decode(ScoringRuleSet.self, from: Data(year.rules.utf8))
        let area = HierarchyPath(rawValue: year.organization_path)
        let objects = try await ReleasedGoals.objects(fiscalYear: year.fiscal_year, under: area, on: db)
            .orderBy(SQLColumn("code", table: "bo")).all(decoding: ReleasedGoals.Object.self)
        let transfers = objects.filter { $0.object_kind == BudgetObjectKind.transferPayment.rawValue }
        let regions = Dictionary(grouping: try await ReleasedGoals.regions(versions: transfers.map(\.version_id), on: db), by: \.version_id)
        var planned: [Planned] = []
        for object in objects {
            let budget = object.approved_fen ?? object.requested_fen
            // The issuer's summary of a transfer payment, or the object itself.
            planned.append(Planned(id: UUID.timeOrdered(at: caller.now), object: object, regionRow: nil, region: nil,
                                   isSummary: object.object_kind == BudgetObjectKind.transferPayment.rawValue, assignee: object.owner_id,
                                   assigneePath: object.owner_path, assigneeKind: object.owner_kind, annualGoal: object.annual_goal, budget: budget))
            for region in regions[object.version_id] ?? [] {
                planned.append(Planned(id: UUID.timeOrdered(at: caller.now), object: object, regionRow: region.id, region: region.region_id, isSummary: false,
                                       assignee: region.recipient_id, assigneePath: region.recipient_path, assigneeKind: region.recipient_kind,
                                       annualGoal: region.annual_goal, budget: region.allocated_fen))
            }
        }
        let last = try await lastMonitoring(fiscalYear: year.fiscal_year, area: area, on: db)
        let stopped = try await stoppedObjects(fiscalYear: year.fiscal_year, area: area, on: db)
        let total = planned.count, plannedForms = planned
        progress(0, total)
        try await db.transaction { db in
            struct Claimed: Decodable { var id: UUID }
            // Claim the opening first: a second run of the job waits for this row and then finds the year open.
            let claimed = try await db.sql.update(SelfEvaluationTables.years).set("lock_version", to: SQLRaw("lock_version + 1"))
                .where("id", .equal, SQLBind(yearID)).where("state", .equal, SQLBind(MonitoringRoundState.opening.rawValue))
                .returning("id").all(decoding: Claimed.self)
            guard claimed.count == 1 else { throw AppError(.conflict, "evaluation_year_conflict", Message(.errorEvaluationYearConflict)) }
            var done = 0
            for batch in stride(from: 0, to: plannedForms.count, by: 300).map({ Array(plannedForms[$0..<min($0 + 300, plannedForms.count)]) }) {
                // A batch's indicators and forecasts are read with it: a province's 3,000,000 indicators never sit in
                // memory at once.
                let indicators = try await MonitoringScanner.indicatorsByVersion(Set(batch.map(\.object.version_id)), on: db)
                let forecasts = try await forecasts(tasks: batch.compactMap { last[key($0.object.object_id, $0.region)]?.id }, on: db)
                var insert = db.sql.insert(into: SelfEvaluationTables.evaluations)
                    .columns("id", "year_id", "fiscal_year", "budget_object_id", "goal_version_id", "object_code", "object_name", "object_kind",
                             "region_row_id", "region_id", "is_summary", "assignee_id", "assignee_path", "assignee_kind", "state", "late",
                             "stopped_reason", "annual_goal", "initial_budget_fen", "full_year_budget_fen", "monitoring_period",
                             "monitoring_spent_fen", "monitoring_forecast_fen", "narrative", "reassignments", "source", "rules", "rules_version",
                             "finding_count", "findings", "lock_version", "updated_at")
                var rowValues: [[any SQLExpression]] = []
                for item in batch {
                    let monitored = last[key(item.object.object_id, item.region)]
                    let budget = monitored?.full_year_budget_fen ?? item.budget
                    insert = insert.values(
                        SQLBind(item.id), SQLBind(yearID), SQLBind(year.fiscal_year), SQLBind(item.object.object_id), SQLBind(item.object.version_id),
                        SQLBind(item.object.object_code), SQLBind(item.object.object_name), SQLBind(item.object.object_kind),
                        SQLBind(item.regionRow), SQLBind(item.region), SQLBind(item.isSummary), SQLBind(item.assignee), SQLBind(item.assigneePath),
                        SQLBind(MonitoringAssignee(kind: OrganizationKind(rawValue: item.assigneeKind) ?? .unit).rawValue),
                        SQLBind(MonitoringTaskState.pending.rawValue), SQLBind(false), SQLBind(stopped[key(item.object.object_id, item.region)]),
                        SQLBind(item.annualGoal), SQLBind(item.budget), SQLBind(budget),
                        SQLBind(monitored?.period_end), SQLBind(monitored?.spent_fen), SQLBind(monitored?.forecast_fen),
                        SQLBind(""), SQLBind("[]"), SQLBind("form"), SQLBind(year.rules), SQLBind(year.rules_version),
                        SQLBind(0), SQLBind("[]"), SQLBind(0), SQLBind(caller.now))
                    let own = (indicators[item.object.version_id] ?? []).filter { $0.region_row_id == item.regionRow }
                    let weights = FormWeights.distribute(goalWeights: own.map { $0.weight.flatMap { Decimal(string: $0) } }, budgetWeight: rules.budgetWeight)
                    let forecastOf = monitored.flatMap { forecasts[$0.id] } ?? [:]
                    for (position, (indicator, weight)) in zip(own, weights).enumerated() {
                        rowValues.append([
                            SQLBind(item.id), SQLBind(indicator.indicator_id), SQLBind(position), SQLBind(indicator.category), SQLBind(indicator.subcategory),
                            SQLBind(indicator.name), SQLBind(indicator.target_text), SQLBind(weight.storedText), SQLBind(""), SQLBind(""),
                            SQLBind(forecastOf[indicator.indicator_id].flatMap { $0.trimmed.isEmpty ? nil : $0 })])
                    }
                }
                // The forms first: their rows refer to them.
                try await insert.run()
                for chunk in stride(from: 0, to: rowValues.count, by: 400).map({ rowValues[$0..<min($0 + 400, rowValues.count)] }) {
                    var rowInsert = db.sql.insert(into: SelfEvaluationTables.rows)
                        .columns("evaluation_id", "indicator_id", "position", "category", "subcategory", "name", "target_text", "weight",
                                 "actual_text", "explanation", "last_forecast")
                    for values in chunk { rowInsert = rowInsert.values(values) }
                    try await rowInsert.run()
                }
                done += batch.count
                progress(done, total)
            }
            try await db.sql.update(SelfEvaluationTables.years).set("state", to: SQLBind(MonitoringRoundState.open.rawValue))
                .set("evaluation_count", to: SQLBind(total)).set("lock_version", to: SQLRaw("lock_version + 1"))
                .where("id", .equal, SQLBind(yearID)).run()
            if total >= bulkWriteRows { try await db.refreshStatistics([SelfEvaluationTables.evaluations, SelfEvaluationTables.rows]) }
            try await AuditTrail.record("self_evaluation.year_opened", entityType: "self_evaluation_year", entityID: yearID.uuidString.lowercased(),
                                        summary: "evaluations=\(total) stopped=\(plannedForms.filter { stopped[key($0.object.object_id, $0.region)] != nil }.count)",
                                        context: caller.audit, on: db)
        }
        return total
    }

    private static func key(_ object: UUID, _ region: UUID?) -> String { object.uuidString + (region?.uuidString ?? "") }

    /// Per object (and region), the task of the latest monitoring round of the year that reached past opening.
    static func lastMonitoring(fiscalYear: Int, area: HierarchyPath, on db: any Database) async throws -> [String: LastMonitoring] {
        let range = area.subtreeRange
        let rows = try await db.sql.select()
            .column(SQLColumn("id", table: "t")).column(SQLColumn("budget_object_id", table: "t")).column(SQLColumn("region_id", table: "t"))
            .column(SQLColumn("period_end", table: "r")).column(SQLColumn("full_year_budget_fen", table: "t"))
            .column(SQLColumn("spent_fen", table: "t")).column(SQLColumn("forecast_fen", table: "t"))
            .from(SQLAlias(SQLIdentifier(MonitoringTables.tasks), as: SQLIdentifier("t")))
            .join(SQLAlias(SQLIdentifier(MonitoringTables.rounds), as: SQLIdentifier("r")), on: SQLColumn("id", table: "r"), .equal, SQLColumn("round_id", table: "t"))
            .where(SQLColumn("fiscal_year", table: "r"), .equal, SQLBind(fiscalYear))
            .where(SQLColumn("state", table: "r"), .notEqual, SQLBind(MonitoringRoundState.opening.rawValue))
            // Only what was reported: a later round left unreported must not blank the figures of an earlier one.
            .where(SQLColumn("state", table: "t"), .in, SQLGroupExpression(MonitoringTaskState.allCases.filter(\.isReported).map { SQLBind($0.rawValue) }))
            .where(SQLColumn("assignee_path", table: "t"), .greaterThanOrEqual, SQLBind(range.lower))
            .where(SQLColumn("assignee_path", table: "t"), .lessThan, SQLBind(range.upper))
            .orderBy(SQLColumn("period_end", table: "r")).orderBy(SQLColumn("created_at", table: "r"))
            .all(decoding: LastMonitoring.self)
        var latest: [String: LastMonitoring] = [:]
        for row in rows { latest[key(row.budget_object_id, row.region_id)] = row }   // later periods overwrite earlier ones
        return latest
    }

    /// Each task's year-end forecast per indicator.
    static func forecasts(tasks: [UUID], on db: any Database) async throws -> [UUID: [UUID: String]] {
        struct Row: Decodable { var task_id: UUID; var indicator_id: UUID; var forecast: String }
        var found: [UUID: [UUID: String]] = [:]
        for chunk in stride(from: 0, to: tasks.count, by: 500).map({ Array(tasks[$0..<min($0 + 500, tasks.count)]) }) {
            for row in try await db.sql.select().columns("task_id", "indicator_id", "forecast").from(MonitoringTables.progress)
                .where("task_id", .in, SQLGroupExpression(chunk.map { SQLBind($0) })).all(decoding: Row.self) {
                found[row.task_id, default: [:]][row.indicator_id] = row.forecast
            }
        }
        return found
    }

    /// What a monitoring disposition of the year stopped (停止执行) inside the area, by object and region (a stop of one
    /// region's task leaves the other regions and the issuer's summary as they are), with the disposition's reason.
    static func stoppedObjects(fiscalYear: Int, area: HierarchyPath, on db: any Database) async throws -> [String: String] {
        struct Row: Decodable { var budget_object_id: UUID; var region_id: UUID?; var reason: String }
        let range = area.subtreeRange
        let rows = try await db.sql.select().column(SQLColumn("budget_object_id", table: "d")).column(SQLColumn("region_id", table: "t"))
            .column(SQLColumn("reason", table: "d"))
            .from(SQLAlias(SQLIdentifier(MonitoringTables.dispositions), as: SQLIdentifier("d")))
            .join(SQLAlias(SQLIdentifier(MonitoringTables.tasks), as: SQLIdentifier("t")), on: SQLColumn("id", table: "t"), .equal, SQLColumn("task_id", table: "d"))
            .join(SQLAlias(SQLIdentifier(MonitoringTables.rounds), as: SQLIdentifier("r")), on: SQLColumn("id", table: "r"), .equal, SQLColumn("round_id", table: "d"))
            .where(SQLColumn("fiscal_year", table: "r"), .equal, SQLBind(fiscalYear))
            .where(SQLColumn("kind", table: "d"), .equal, SQLBind(DispositionKind.stop.rawValue))
            .where(SQLColumn("assignee_path", table: "t"), .greaterThanOrEqual, SQLBind(range.lower))
            .where(SQLColumn("assignee_path", table: "t"), .lessThan, SQLBind(range.upper))
            .all(decoding: Row.self)
        return Dictionary(rows.map { (key($0.budget_object_id, $0.region_id), $0.reason) }, uniquingKeysWith: { first, _ in first })
    }

    /// Closes an open year: nothing more is filled in or reviewed.
    static func close(_ yearID: UUID, lockVersion: Int, confirmed: Bool, by caller: Caller, on db: any Database) async throws {
        _ = try caller.person()
        guard let year = try await EvaluationYearRow.find(yearID, on: db) else { throw AppError.notFound() }
        try caller.authorize(.runEvaluation, year.target)
        guard year.yearState == .open else { throw AppError(.conflict, "evaluation_year_not_open", Message(.errorEvaluationYearNotOpen)) }
        // Closing cannot be undone: it must be asked for knowingly.
        guard confirmed else { throw AppError.invalid("confirm", Message(.errorEvaluationCloseConfirm)) }
        try await db.transaction { db in
            struct Row: Decodable { var id: UUID }
            let claimed = try await db.sql.update(SelfEvaluationTables.years).set("state", to: SQLBind(MonitoringRoundState.closed.rawValue))
                .set("closed_at", to: SQLBind(caller.now)).set("lock_version", to: SQLRaw("lock_version + 1"))
                .where("id", .equal, SQLBind(yearID)).where("lock_version", .equal, SQLBind(lockVersion))
                .returning("id").all(decoding: Row.self)
            guard claimed.count == 1 else { throw AppError(.conflict, "evaluation_year_conflict", Message(.errorEvaluationYearConflict)) }
            // What was never submitted is 未报送 from now on, as in a closed monitoring round.
            let unreported = try await db.sql.update(SelfEvaluationTables.evaluations).set("state", to: SQLBind(MonitoringTaskState.unreported.rawValue))
                .set("lock_version", to: SQLRaw("lock_version + 1"))
                .where("year_id", .equal, SQLBind(yearID))
                .where("state", .in, SQLGroupExpression([SQLBind(MonitoringTaskState.pending.rawValue), SQLBind(MonitoringTaskState.returned.rawValue)]))
                .returning("id").all(decoding: Row.self)
            try await AuditTrail.record("self_evaluation.year_closed", entityType: "self_evaluation_year", entityID: yearID.uuidString.lowercased(),
                                        summary: "year=\(year.fiscal_year) unreported=\(unreported.count)", context: caller.audit, on: db)
        }
    }
}
