import Fluent
import Foundation
import SQLKit
import Vapor
import JixiaoDomain

/// What an organiser fills in to open a round.
struct RoundDraft: Sendable {
    var fiscalYear: Int
    /// The period's last day ("1–7月" ends on 31 July).
    var periodEnd: CalendarDay
    /// The reporting deadline.
    var deadline: CalendarDay
    var scope: RoundScopeKind
    /// Codes of the departments, for `.departments`.
    var departmentCodes: [String] = []
}

/// 监控批次 use cases: create a round (its tasks are made by a job), close it. Each takes a `Caller`.
enum MonitoringRounds {
    static let openKind = "monitoring.open_round"
    struct OpenParameters: Codable, Sendable { var roundID: UUID }

    /// Creates the round in the caller's organisation and queues the job that makes its tasks. Returns the round's id.
    static func create(_ draft: RoundDraft, by caller: Caller, on db: any Database, ringing app: Application? = nil) async throws -> UUID {
        let user = try caller.person()
        guard let organizer = try await OrganizationModel.find(user.organizationID, on: db) else { throw AppError.notFound() }
        try caller.authorize(.runMonitoring, organizer.accessTarget)
        let kind = organizer.organizationKind
        guard kind == .financeBureau || kind == .department else {
            throw AppError(.forbidden, "round_runner", Message(.errorRoundRunner))
        }
        var errors: [AppError] = []
        if draft.periodEnd.year != draft.fiscalYear {
            errors.append(.invalid("periodEnd", Message(.errorRoundPeriod(draft.fiscalYear))))
        }
        let latestDeadline = CalendarDay(year: draft.fiscalYear + 1, month: 12, day: 31)
        if !(draft.periodEnd < draft.deadline) || latestDeadline.map({ $0 < draft.deadline }) ?? true {
            errors.append(.invalid("deadline", Message(.errorRoundDeadline)))
        }
        var departments: [OrganizationModel] = []
        switch draft.scope {
        case .departments:
            if kind == .department { errors.append(.invalid("scope", Message(.errorRoundScopeForDepartment))); break }
            let codes = Array(Set(draft.departmentCodes.map(\.trimmed).filter { !$0.isEmpty })).sorted()
            if codes.isEmpty { errors.append(.invalid("departments", Message(.errorRoundScopeDepartmentsMissing))) }
            for code in codes {
                guard let department = try await OrganizationCommands.byCode(code, on: db), department.organizationKind == .department,
                      organizer.hierarchyPath.contains(department.hierarchyPath) else {
                    errors.append(.invalid("departments", Message(.errorRoundScopeDepartment(code))))
                    continue
                }
                departments.append(department)
            }
        case .transferPayments:
            if kind == .department { errors.append(.invalid("scope", Message(.errorRoundScopeForDepartment))) }
        case .all, .keyProjects:
            break
        }
        if !errors.isEmpty { throw FormErrors(errors: errors) }

        let scopeDepartments = departments.compactMap(\.id).map { $0.uuidString.lowercased() }.sorted().joined(separator: ",")
        let scopeKey = draft.scope.rawValue + (scopeDepartments.isEmpty ? "" : ":" + scopeDepartments)
        let period = MonitoringPeriod(end: draft.periodEnd)
        let duplicate = AppError(.conflict, "round_duplicate", Message(.errorRoundDuplicate(period)), field: "periodEnd")
        func sameRound() async throws -> RoundRow? {
            try await db.sql.select().columns(RoundRow.columns.map { SQLIdentifier($0) }).from(MonitoringTables.rounds)
                .where("organization_id", .equal, SQLBind(organizer.id!)).where("fiscal_year", .equal, SQLBind(draft.fiscalYear))
                .where("period_end", .equal, SQLBind(draft.periodEnd.isoDate)).where("scope_key", .equal, SQLBind(scopeKey)).first(decoding: RoundRow.self)
        }
        var failedOpening: UUID?
        if let existing = try await sameRound() {
            // A round whose opening job failed or was given up made no tasks: asking again replaces it.
            var jobState: JobState?
            if let jobID = existing.job_id {
                jobState = try await db.sql.select().columns(JobRow.columns.map { SQLIdentifier($0) }).from(JobQueue.table)
                    .where("id", .equal, SQLBind(jobID)).first(decoding: JobRow.self)?.jobState
            }
            guard existing.roundState == .opening, jobState == .failed || jobState == .interrupted else { throw duplicate }
            failedOpening = existing.id
        }
        let replaced = failedOpening
        let inForce = try await MonitoringRuleStore.inForce(at: organizer.hierarchyPath, on: db)
        let rules = String(decoding: try MonitoringRuleStore.encoder.encode(inForce.rules), as: UTF8.self)
        let id = UUID.timeOrdered(at: caller.now)
        do {
        try await db.transaction { db in
            if let replaced {
                try await db.sql.delete(from: MonitoringTables.rounds).where("id", .equal, SQLBind(replaced))
                    .where("state", .equal, SQLBind(MonitoringRoundState.opening.rawValue)).run()
            }
            try await db.sql.insert(into: MonitoringTables.rounds)
                .columns("id", "organization_id", "organization_path", "fiscal_year", "period_end", "deadline", "scope_kind", "scope_departments",
                         "scope_key", "rules", "rules_version", "rules_owner_id", "state", "task_count", "lock_version", "created_by_name", "created_at")
                .values(SQLBind(id), SQLBind(organizer.id!), SQLBind(organizer.path), SQLBind(draft.fiscalYear), SQLBind(draft.periodEnd.isoDate),
                        SQLBind(draft.deadline.isoDate), SQLBind(draft.scope.rawValue), SQLBind(scopeDepartments), SQLBind(scopeKey), SQLBind(rules),
                        SQLBind(inForce.version), SQLBind(inForce.ownerID), SQLBind(MonitoringRoundState.opening.rawValue), SQLBind(0), SQLBind(0),
                        SQLBind(user.displayName), SQLBind(caller.now))
                .run()
            let job = try await JobQueue.enqueue(openKind, caller: caller, parameters: OpenParameters(roundID: id), on: db)
            try await db.sql.update(MonitoringTables.rounds).set("job_id", to: SQLBind(job)).where("id", .equal, SQLBind(id)).run()
            try await AuditTrail.record("monitoring.round_created", entityType: "monitoring_round", entityID: id.uuidString.lowercased(),
                                        summary: "year=\(draft.fiscalYear) period=\(period.label) deadline=\(draft.deadline.isoDate) scope=\(scopeKey) rules_version=\(inForce.version)"
                                            + (replaced.map { " replaces=\($0.uuidString.lowercased())" } ?? ""),
                                        context: caller.audit, on: db)
        }
        } catch where (error as? any DatabaseError)?.isConstraintFailure == true {
            // Two organisers' clicks at once: the unique key let one through, and the other finds its round. Any other
            // constraint (a reference to an account or a job that is not there) is a fault, reported as it is.
            if let other = try await sameRound(), other.id != failedOpening { throw duplicate }
            throw error
        }
        app?.jobWorkers.ring()
        return id
    }

    /// The job that makes a round's tasks: one per released object in scope (one per regional goal of a transfer
    /// payment, assigned to the receiving bureau), pre-filled from the goal in force and from the previous round of the
    /// year. One transaction: a run cut short left nothing, and runs again.
    static let openJob = JobKind(name: openKind, maxAttempts: 2, run: { run in
        guard let parameters = run.parameters(as: OpenParameters.self) else { throw AppError.notFound() }
        let count = try await open(parameters.roundID, on: run.database, caller: run.caller) { done, total in
            run.progress.report(JobProgress(phase: "creating", done: done, total: total), holdsWriteLock: true)
        }
        return "{\"tasks\":\(count)}"
    }, failure: AppError(.internalServerError, "round_open_failed", Message(.errorRoundOpenFailed)))

    typealias Candidate = ReleasedGoals.Object
    typealias RegionCandidate = ReleasedGoals.Region

    static func open(_ roundID: UUID, on db: any Database, caller: Caller,
                     progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> Int {
        guard let round = try await RoundRow.find(roundID, on: db) else { throw AppError.notFound() }
        guard round.roundState == .opening else { return round.task_count }
        struct Claimed: Decodable { var id: UUID }
        let candidates = try await candidates(of: round, on: db)
        let transfers = candidates.filter { $0.object_kind == BudgetObjectKind.transferPayment.rawValue }
        let regions = try await regionCandidates(versions: transfers.map(\.version_id), on: db)
        let previous = try await previousRound(of: round, on: db)
        // Budgets and plans the previous round of the year ended with, by object and region.
        struct Carried: Decodable { var budget_object_id: UUID; var region_id: UUID?; var full_year_budget_fen: Int64; var plan: String?; var budget_note: String }
        var carried: [String: Carried] = [:]
        if let previous {
            for row in try await db.sql.select().columns("budget_object_id", "region_id", "full_year_budget_fen", "plan", "budget_note")
                .from(MonitoringTables.tasks).where("round_id", .equal, SQLBind(previous)).all(decoding: Carried.self) {
                carried[key(row.budget_object_id, row.region_id)] = row
            }
        }
        struct NewTask { var object: UUID; var version: UUID; var regionRow: UUID?; var region: UUID?; var assignee: UUID; var path: String; var kind: String; var budget: Int64 }
        var tasks: [NewTask] = []
        for candidate in candidates where candidate.object_kind != BudgetObjectKind.transferPayment.rawValue {
            tasks.append(NewTask(object: candidate.object_id, version: candidate.version_id, regionRow: nil, region: nil, assignee: candidate.owner_id,
                                 path: candidate.owner_path, kind: candidate.owner_kind, budget: candidate.approved_fen ?? candidate.requested_fen))
        }
        let objectOfVersion = Dictionary(transfers.map { ($0.version_id, $0.object_id) }, uniquingKeysWith: { first, _ in first })
        for region in regions {
            guard let object = objectOfVersion[region.version_id] else { continue }
            tasks.append(NewTask(object: object, version: region.version_id, regionRow: region.id, region: region.region_id, assignee: region.recipient_id,
                                 path: region.recipient_path, kind: region.recipient_kind, budget: region.allocated_fen))
        }
        let total = tasks.count, planned = tasks, carriedBefore = carried
        progress(0, total)
        try await db.transaction { db in
            // Claim the opening first: a second run of the job (taken back from a silent worker) waits for this row and
            // then finds the round open, so no task is made twice.
            let claimed = try await db.sql.update(MonitoringTables.rounds).set("lock_version", to: SQLRaw("lock_version + 1"))
                .where("id", .equal, SQLBind(roundID)).where("state", .equal, SQLBind(MonitoringRoundState.opening.rawValue))
                .returning("id").all(decoding: Claimed.self)
            guard claimed.count == 1 else { throw AppError(.conflict, "round_conflict", Message(.errorRoundConflict)) }
            var done = 0
            for batch in stride(from: 0, to: planned.count, by: 500).map({ Array(planned[$0..<min($0 + 500, planned.count)]) }) {
                var insert = db.sql.insert(into: MonitoringTables.tasks)
                    .columns("id", "round_id", "budget_object_id", "goal_version_id", "region_row_id", "region_id", "assignee_id", "assignee_path",
                             "assignee_kind", "state", "late", "colour", "colour_rank", "warning_count", "initial_budget_fen", "full_year_budget_fen",
                             "plan", "budget_note", "fund_explanation", "annual_progress", "lock_version", "updated_at")
                for task in batch {
                    let before = carriedBefore[key(task.object, task.region)]
                    insert = insert.values(SQLBind(UUID.timeOrdered(at: caller.now)), SQLBind(roundID), SQLBind(task.object), SQLBind(task.version),
                                           SQLBind(task.regionRow), SQLBind(task.region), SQLBind(task.assignee), SQLBind(task.path),
                                           SQLBind(MonitoringAssignee(kind: OrganizationKind(rawValue: task.kind) ?? .unit).rawValue),
                                           SQLBind(MonitoringTaskState.pending.rawValue), SQLBind(false), SQLBind(WarningLevel.green.key),
                                           SQLBind(WarningLevel.green.listRank), SQLBind(0),
                                           SQLBind(task.budget), SQLBind(before?.full_year_budget_fen ?? task.budget), SQLBind(before?.plan),
                                           SQLBind(before?.budget_note ?? ""), SQLBind(""), SQLBind(""), SQLBind(0), SQLBind(caller.now))
                }
                try await insert.run()
                done += batch.count
                progress(done, total)
            }
            // The lists' order: each task carries its object's code (see `AddTaskListOrder`).
            try await db.sql.raw("""
                UPDATE monitoring_tasks SET object_code = (SELECT bo.code FROM budget_objects bo WHERE bo.id = monitoring_tasks.budget_object_id)
                WHERE round_id = \(bind: roundID)
                """).run()
            if let previous {
                // What units reported per indicator last time is where they start this time (only indicators still in
                // the goal in force, and in the task's region: a task's progress rows are its own indicators only, which
                // the set-based scan relies on). Whether a forecast misses its target carries over with the same goal version;
                // against another version it is read again by the scan below.
                try await db.sql.raw("""
                    INSERT INTO monitoring_progress (task_id, indicator_id, reached, forecast, likelihood, cause, explanation, measures,
                                                     forecast_misses, indicator_name)
                    SELECT t.id, p.indicator_id, p.reached, p.forecast, p.likelihood, p.cause, p.explanation, p.measures,
                           CASE WHEN pt.goal_version_id = t.goal_version_id THEN p.forecast_misses END, gi.name
                    FROM monitoring_tasks t
                    JOIN monitoring_tasks pt ON pt.round_id = \(bind: previous) AND pt.budget_object_id = t.budget_object_id
                     AND (pt.region_id = t.region_id OR (pt.region_id IS NULL AND t.region_id IS NULL))
                    JOIN monitoring_progress p ON p.task_id = pt.id
                    JOIN goal_indicators gi ON gi.version_id = t.goal_version_id AND gi.indicator_id = p.indicator_id
                     AND (gi.region_row_id = t.region_row_id OR (gi.region_row_id IS NULL AND t.region_row_id IS NULL))
                    WHERE t.round_id = \(bind: roundID)
                    """).run()
            }
            try await db.sql.update(MonitoringTables.rounds).set("state", to: SQLBind(MonitoringRoundState.open.rawValue))
                .set("task_count", to: SQLBind(total)).set("lock_version", to: SQLRaw("lock_version + 1"))
                .where("id", .equal, SQLBind(roundID)).run()
            if total >= bulkWriteRows {
                try await db.refreshStatistics([MonitoringTables.tasks] + (previous != nil ? [MonitoringTables.progress] : []))
            }
            // New tasks have no money and no progress, so nothing warns until something is reported: only what was
            // carried over from the previous round needs a scan.
            if previous != nil { try await MonitoringScanner.rescan(round: roundID, on: db) }
            try await AuditTrail.record("monitoring.round_opened", entityType: "monitoring_round", entityID: roundID.uuidString.lowercased(),
                                        summary: "tasks=\(total) carried_from=\(previous?.uuidString.lowercased() ?? "-")", context: caller.audit, on: db)
        }
        return total
    }

    private static func key(_ object: UUID, _ region: UUID?) -> String { object.uuidString + (region?.uuidString ?? "") }

    /// Objects of the round's year with a released goal (the version in force), inside its organiser's area and scope.
    static func candidates(of round: RoundRow, on db: any Database) async throws -> [Candidate] {
        var query = ReleasedGoals.objects(fiscalYear: round.fiscal_year, under: HierarchyPath(rawValue: round.organization_path), on: db)
        switch round.scopeKind {
        case .all: break
        case .keyProjects: query = query.where(SQLColumn("is_key_project", table: "bo"), .equal, SQLBind(true))
        case .transferPayments: query = query.where(SQLColumn("kind", table: "bo"), .equal, SQLBind(BudgetObjectKind.transferPayment.rawValue))
        case .departments:
            let departments = try await OrganizationModel.query(on: db).filter(\.$id ~~ round.departmentIDs).all()
            query = query.where(ScopePredicate(ListScope(subtrees: departments.map(\.hierarchyPath)), organization: "o"))
        }
        return try await query.orderBy(SQLColumn("code", table: "bo")).all(decoding: Candidate.self)
    }

    static func regionCandidates(versions: [UUID], on db: any Database) async throws -> [RegionCandidate] {
        try await ReleasedGoals.regions(versions: versions, on: db)
    }

    /// The latest earlier round of the same organiser, year and scope: where a new round's tasks start from.
    static func previousRound(of round: RoundRow, on db: any Database) async throws -> UUID? {
        struct Row: Decodable { var id: UUID }
        return try await db.sql.select().column("id").from(MonitoringTables.rounds)
            .where("organization_id", .equal, SQLBind(round.organization_id)).where("fiscal_year", .equal, SQLBind(round.fiscal_year))
            .where("scope_key", .equal, SQLBind(round.scope_key))
            .where("period_end", .lessThan, SQLBind(round.period_end)).where("state", .notEqual, SQLBind(MonitoringRoundState.opening.rawValue))
            .orderBy("period_end", .descending).limit(1).first(decoding: Row.self)?.id
    }

    /// Closes an open round: tasks not reported become 未报送 (with their warning), and nothing more is reported.
    static func close(_ roundID: UUID, lockVersion: Int, by caller: Caller, on db: any Database) async throws {
        _ = try caller.person()
        guard let round = try await RoundRow.find(roundID, on: db) else { throw AppError.notFound() }
        try caller.authorize(.runMonitoring, round.target)
        guard round.roundState == .open else { throw AppError(.conflict, "round_not_open", Message(.errorRoundNotOpen(round.roundState.text))) }
        try await db.transaction { db in
            struct Row: Decodable { var id: UUID }
            let claimed = try await db.sql.update(MonitoringTables.rounds).set("state", to: SQLBind(MonitoringRoundState.closed.rawValue))
                .set("closed_at", to: SQLBind(caller.now)).set("lock_version", to: SQLRaw("lock_version + 1"))
                .where("id", .equal, SQLBind(roundID)).where("lock_version", .equal, SQLBind(lockVersion))
                .returning("id").all(decoding: Row.self)
            guard claimed.count == 1 else { throw AppError(.conflict, "round_conflict", Message(.errorRoundConflict)) }
            let unreported = try await db.sql.update(MonitoringTables.tasks).set("state", to: SQLBind(MonitoringTaskState.unreported.rawValue))
                .set("lock_version", to: SQLRaw("lock_version + 1"))
                .where("round_id", .equal, SQLBind(roundID))
                .where("state", .in, SQLGroupExpression([SQLBind(MonitoringTaskState.pending.rawValue), SQLBind(MonitoringTaskState.returned.rawValue)]))
                .returning("id").all(decoding: Row.self)
            // 未报送 is a task-level warning: the round's tasks are judged again on their own figures (a province's round
            // may leave more unreported tasks than one statement can name), indicators keep theirs.
            if !unreported.isEmpty { try await MonitoringScanner.rescan(round: roundID, today: nil, reach: .taskFigures, on: db) }
            try await AuditTrail.record("monitoring.round_closed", entityType: "monitoring_round", entityID: roundID.uuidString.lowercased(),
                                        summary: "unreported=\(unreported.count)", context: caller.audit, on: db)
        }
    }
}
