import Fluent
import Foundation
import SQLKit
import JixiaoDomain

/// 预警扫描 as stored: runs `MonitoringScan` (the domain's rules, with the round's own rule set) over a round's tasks
/// in one streaming pass of batches, and keeps each task's warnings, colour and count. Runs when a round opens and
/// closes, after a treasury import, and for one task whenever it is saved.
enum MonitoringScanner {
    static let batchSize = 1000

    /// Rescans every task of a round. `today` decides which open tasks are past the deadline without a report.
    /// `onlyOpen` limits it to tasks not yet reported (pending or returned), the only ones a passing deadline changes.
    static func rescan(round roundID: UUID, today: CalendarDay? = nil, onlyOpen: Bool = false, on db: any Database) async throws {
        guard let round = try await RoundRow.find(roundID, on: db) else { return }
        var after: UUID?
        while true {
            var query = TaskRow.select(on: db).where(SQLColumn("round_id", table: "t"), .equal, SQLBind(roundID))
            if onlyOpen {
                query = query.where(SQLColumn("state", table: "t"), .in, SQLGroupExpression(MonitoringTaskState.allCases.filter(\.isEditable).map { SQLBind($0.rawValue) }))
            }
            if let after { query = query.where(SQLColumn("id", table: "t"), .greaterThan, SQLBind(after)) }
            let tasks = try await query.orderBy(SQLColumn("id", table: "t")).limit(batchSize).all(decoding: TaskRow.self)
            guard let last = tasks.last else { return }
            // Each batch in a transaction of its own (or of the caller's, which it joins).
            try await db.transaction { db in try await store(tasks, round: round, today: today, onlyOpen: onlyOpen, on: db) }
            after = last.id
            if tasks.count < batchSize { return }
        }
    }

    /// Rescans some tasks of one round and stores the result. Returns each task's warnings.
    @discardableResult
    /// `onlyOpen`: a task submitted since it was read keeps the colour its submission gave it.
    static func store(_ tasks: [TaskRow], round: RoundRow, today: CalendarDay?, onlyOpen: Bool = false,
                      on db: any Database) async throws -> [UUID: [MonitoringWarning]] {
        let progress = try await ProgressRow.of(tasks: tasks.map(\.id), on: db)
        let indicators = try await indicatorsByVersion(Set(tasks.map(\.goal_version_id)), on: db)
        let rules = try round.ruleSet
        var found: [UUID: [MonitoringWarning]] = [:]
        for task in tasks {
            let subject = subject(task, round: round, indicators: indicators[task.goal_version_id] ?? [], progress: progress[task.id] ?? [], today: today)
            found[task.id] = MonitoringScan.warnings(subject, rules: rules)
        }
        let ids = tasks.map(\.id)
        try await db.sql.delete(from: MonitoringTables.warnings).where("task_id", .in, SQLGroupExpression(ids.map { SQLBind($0) })).run()
        let rows = tasks.flatMap { task in (found[task.id] ?? []).map { (task.id, $0) } }
        for chunk in stride(from: 0, to: rows.count, by: 500).map({ Array(rows[$0..<min($0 + 500, rows.count)]) }) {
            var insert = db.sql.insert(into: MonitoringTables.warnings).columns("id", "task_id", "round_id", "rule", "level", "indicator_id", "facts")
            for (taskID, warning) in chunk {
                insert = insert.values(SQLBind(UUID.timeOrdered()), SQLBind(taskID), SQLBind(round.id), SQLBind(warning.rule.rawValue),
                                       SQLBind(warning.level.key), SQLBind(warning.indicatorID), SQLBind(try facts(warning)))
            }
            try await insert.run()
        }
        // The tasks whose colour or count moved, in one statement per batch (CASE by id) rather than one per task.
        let changed: [(UUID, String, Int)] = tasks.compactMap { task in
            let warnings = found[task.id] ?? []
            let colour = MonitoringScan.colour(warnings)
            return colour.key != task.colour || warnings.count != task.warning_count ? (task.id, colour.key, warnings.count) : nil
        }
        for chunk in stride(from: 0, to: changed.count, by: 500).map({ Array(changed[$0..<min($0 + 500, changed.count)]) }) {
            var colours = SQLQueryString("CASE id"), counts = SQLQueryString("CASE id")
            for (id, colour, count) in chunk {
                colours.appendLiteral(" WHEN "); colours.appendInterpolation(bind: id)
                colours.appendLiteral(" THEN "); colours.appendInterpolation(bind: colour)
                counts.appendLiteral(" WHEN "); counts.appendInterpolation(bind: id)
                counts.appendLiteral(" THEN "); counts.appendInterpolation(bind: count)
            }
            colours.appendLiteral(" END"); counts.appendLiteral(" END")
            var update = db.sql.update(MonitoringTables.tasks).set("colour", to: colours).set("warning_count", to: counts)
                .where("id", .in, SQLGroupExpression(chunk.map { SQLBind($0.0) }))
            if onlyOpen { update = update.where("state", .in, SQLGroupExpression(MonitoringTaskState.allCases.filter(\.isEditable).map { SQLBind($0.rawValue) })) }
            try await update.run()
        }
        return found
    }

    /// What the domain needs to judge one task.
    static func subject(_ task: TaskRow, round: RoundRow, indicators: [IndicatorRow], progress: [ProgressRow], today: CalendarDay?) -> MonitoringSubject {
        let reported = Dictionary(progress.map { ($0.indicator_id, $0.progress) }, uniquingKeysWith: { first, _ in first })
        let own = indicators.filter { $0.region_row_id == task.region_row_id }
        let state = task.taskState
        // 未报送: never submitted by the deadline. A report returned for correction was reported; its lateness is the
        // resubmission's business (逾期报送), not a red.
        let pastDeadline = state == .unreported || (state.isEditable && task.submitted_at == nil && today.map { round.deadlineDay < $0 } ?? false)
        return MonitoringSubject(period: round.period, fund: task.fund, indicators: own.map { ($0.indicator, reported[$0.indicator_id]) },
                                 unreportedPastDeadline: pastDeadline ? round.deadlineDay : nil)
    }

    /// The indicators of goal versions, in order, each with the regional goal it belongs to.
    static func indicatorsByVersion(_ versions: Set<UUID>, on db: any Database) async throws -> [UUID: [IndicatorRow]] {
        guard !versions.isEmpty else { return [:] }
        var rows: [IndicatorRow] = []
        let all = Array(versions)
        for chunk in stride(from: 0, to: all.count, by: 500).map({ Array(all[$0..<min($0 + 500, all.count)]) }) {
            rows += try await db.sql.select().columns((["version_id"] + IndicatorRow.columns).map { SQLIdentifier($0) })
                .from(GoalIndicatorModel.schema).where("version_id", .in, SQLGroupExpression(chunk.map { SQLBind($0) }))
                .orderBy("position").all(decoding: IndicatorRow.self)
        }
        var byVersion: [UUID: [IndicatorRow]] = [:]
        for row in rows { if let version = row.version_id { byVersion[version, default: []].append(row) } }
        return byVersion
    }

    static func facts(_ warning: MonitoringWarning) throws -> String {
        String(decoding: try MonitoringRuleStore.encoder.encode(warning.facts), as: UTF8.self)
    }
}
