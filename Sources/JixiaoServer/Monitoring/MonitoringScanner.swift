import Fluent
import Foundation
import SQLKit
import JixiaoDomain

/// 预警扫描 as stored: runs `MonitoringScan` (the domain's rules, with the round's own rule set) over a round's tasks
/// in one streaming pass of batches, and keeps each task's warnings, colour and count. Runs when a round opens and
/// closes, after a treasury import, and for one task whenever it is saved.
enum MonitoringScanner {
    static let batchSize = 1000

    /// What a scan judges again. A task's own figures (money, state, deadline) decide its task-level warnings (资金执行,
    /// 未报送); its indicators' progress decides the indicator warnings. A change of money or state needs only the first,
    /// which reads no indicator at all; the others keep their stored warnings.
    enum Reach: Sendable {
        case everything
        case taskFigures
    }

    /// Rescans every task of a round, batch by batch in one pass ordered by id. `today` decides which open tasks are
    /// past the deadline without a report. `onlyOpen` limits it to tasks not yet reported (pending or returned), the only
    /// ones a passing deadline changes.
    /// A scan of everything in a whole round runs set-based in the database where the rule set allows
    /// (`MonitoringRoundScan`); `streaming` asks for the pass through the domain instead (tests compare the two).
    static func rescan(round roundID: UUID, today: CalendarDay? = nil, onlyOpen: Bool = false, reach: Reach = .everything,
                       streaming: Bool = false, on db: any Database) async throws {
        guard let round = try await RoundRow.find(roundID, on: db) else { return }
        if reach == .everything && !onlyOpen && !streaming, MonitoringRoundScan.applies(to: try round.ruleSet) {
            try await MonitoringRoundScan.run(round, today: today, on: db)
            return
        }
        var after: UUID?
        while true {
            var query = db.sql.select().columns(ScannedTaskRow.columns.map { SQLIdentifier($0) }).from(MonitoringTables.tasks)
                .where("round_id", .equal, SQLBind(roundID))
            if onlyOpen {
                query = query.where("state", .in, SQLGroupExpression(MonitoringTaskState.allCases.filter(\.isEditable).map { SQLBind($0.rawValue) }))
            }
            if let after { query = query.where("id", .greaterThan, SQLBind(after)) }
            let tasks = try await query.orderBy("id").limit(batchSize).all(decoding: ScannedTaskRow.self)
            guard let last = tasks.last else { return }
            // Each batch in a transaction of its own (or of the caller's, which it joins).
            try await db.transaction { db in try await store(tasks, round: round, today: today, onlyOpen: onlyOpen, reach: reach, on: db) }
            after = last.id
            if tasks.count < batchSize { return }
        }
    }

    /// Rescans some tasks of one round and stores what changed: the warnings of a task are rewritten only when they
    /// differ from those stored, its colour and count only when they move. Returns each task's warnings.
    /// `onlyOpen`: a task submitted since it was read keeps the warnings and colour its submission gave it.
    @discardableResult
    static func store(_ tasks: [some ScannedTask], round: RoundRow, today: CalendarDay?, onlyOpen: Bool = false, reach: Reach = .everything,
                      on db: any Database) async throws -> [UUID: [MonitoringWarning]] {
        guard !tasks.isEmpty else { return [:] }
        var tasks = tasks
        if onlyOpen {
            // A task submitted since it was read is the submission's to judge: only those still open (locked until this
            // batch commits on PostgreSQL, so a submission waits for it and judges after) get this scan's warnings.
            var query = db.sql.select().column("id").from(MonitoringTables.tasks)
                .where("id", .in, SQLGroupExpression(tasks.map { SQLBind($0.id) }))
                .where("state", .in, SQLGroupExpression(MonitoringTaskState.allCases.filter(\.isEditable).map { SQLBind($0.rawValue) }))
            if db.isPostgres { query = query.for(.update) }
            let open = Set(try await query.all(decoding: TaskID.self).map(\.id))
            tasks = tasks.filter { open.contains($0.id) }
            guard !tasks.isEmpty else { return [:] }
        }
        let ids = tasks.map(\.id)
        let rules = try round.ruleSet
        var stored: [UUID: [MonitoringWarning]] = [:]
        // A stored row that no longer reads (an older format) is replaced, never kept beside the new set.
        var unreadable: Set<UUID> = []
        for row in try await db.sql.select().columns(WarningRow.columns.map { SQLIdentifier($0) }).from(MonitoringTables.warnings)
            .where("task_id", .in, SQLGroupExpression(ids.map { SQLBind($0) })).all(decoding: WarningRow.self) {
            if let warning = row.warning { stored[row.task_id, default: []].append(warning) } else { unreadable.insert(row.task_id) }
        }
        var found: [UUID: [MonitoringWarning]] = [:]
        switch reach {
        case .everything:
            let (progress, unread) = try await ScannedProgress.of(tasks: ids, on: db)
            let indicators = try await ScannedIndicator.of(versions: Set(tasks.map(\.goal_version_id)), on: db)
            var misses: [UUID: Set<UUID>] = [:]
            for task in tasks {
                let subject = subject(task, round: round, indicators: indicators[task.goal_version_id] ?? [], progress: progress[task.id] ?? [:], today: today)
                found[task.id] = MonitoringScan.warnings(subject, rules: rules)
                if unread.contains(task.id) {
                    for (indicator, reported) in subject.indicators {
                        if let reported, MonitoringScan.forecastMisses(indicator, reported) { misses[task.id, default: []].insert(indicator.id) }
                    }
                }
            }
            try await ScannedProgress.storeMisses(misses, of: unread, on: db)
        case .taskFigures:
            for task in tasks {
                let subject = subject(task, round: round, indicators: [], progress: [:], today: today)
                found[task.id] = MonitoringScan.warnings(subject, rules: rules) + (stored[task.id] ?? []).filter { $0.indicatorID != nil }
            }
        }
        // Only tasks whose warnings differ are rewritten: a rescan after a small change writes little.
        let rewritten = tasks.filter { task in
            let now = found[task.id] ?? [], before = stored[task.id] ?? []
            return unreadable.contains(task.id) || now.count != before.count || Set(now) != Set(before)
        }.map(\.id)
        if !rewritten.isEmpty {
            try await db.sql.delete(from: MonitoringTables.warnings).where("task_id", .in, SQLGroupExpression(rewritten.map { SQLBind($0) })).run()
        }
        let rows = rewritten.flatMap { id in (found[id] ?? []).map { (id, $0) } }
        for chunk in stride(from: 0, to: rows.count, by: 500).map({ Array(rows[$0..<min($0 + 500, rows.count)]) }) {
            var insert = db.sql.insert(into: MonitoringTables.warnings).columns("id", "task_id", "round_id", "rule", "level", "indicator_id", "facts")
            for (taskID, warning) in chunk {
                insert = insert.values(SQLBind(UUID.timeOrdered()), SQLBind(taskID), SQLBind(round.id), SQLBind(warning.rule.rawValue),
                                       SQLBind(warning.level.key), SQLBind(warning.indicatorID), SQLBind(try facts(warning)))
            }
            try await insert.run()
        }
        // The tasks whose colour or count moved, in one statement per batch (CASE by id) rather than one per task.
        let changed: [(UUID, WarningLevel, Int)] = tasks.compactMap { task in
            let warnings = found[task.id] ?? []
            let colour = MonitoringScan.colour(warnings)
            return colour.key != task.colour || warnings.count != task.warning_count ? (task.id, colour, warnings.count) : nil
        }
        for chunk in stride(from: 0, to: changed.count, by: 500).map({ Array(changed[$0..<min($0 + 500, changed.count)]) }) {
            var colours = SQLQueryString("CASE id"), ranks = SQLQueryString("CASE id"), counts = SQLQueryString("CASE id")
            for (id, colour, count) in chunk {
                colours.appendLiteral(" WHEN "); colours.appendInterpolation(bind: id)
                colours.appendLiteral(" THEN "); colours.appendInterpolation(bind: colour.key)
                ranks.appendLiteral(" WHEN "); ranks.appendInterpolation(bind: id)
                ranks.appendLiteral(" THEN "); ranks.appendInterpolation(bind: colour.listRank)
                counts.appendLiteral(" WHEN "); counts.appendInterpolation(bind: id)
                counts.appendLiteral(" THEN "); counts.appendInterpolation(bind: count)
            }
            colours.appendLiteral(" END"); ranks.appendLiteral(" END"); counts.appendLiteral(" END")
            var update = db.sql.update(MonitoringTables.tasks).set("colour", to: colours).set("colour_rank", to: ranks).set("warning_count", to: counts)
                .where("id", .in, SQLGroupExpression(chunk.map { SQLBind($0.0) }))
            if onlyOpen { update = update.where("state", .in, SQLGroupExpression(MonitoringTaskState.allCases.filter(\.isEditable).map { SQLBind($0.rawValue) })) }
            try await update.run()
        }
        return found
    }

    /// What the domain needs to judge one task. Only indicators with something reported are judged (an indicator
    /// without progress has no warning of its own), so their targets are read only then.
    static func subject(_ task: some ScannedTask, round: RoundRow, indicators: [ScannedIndicator], progress: [UUID: IndicatorProgress],
                        today: CalendarDay?) -> MonitoringSubject {
        let state = task.taskState
        // 未报送: never submitted by the deadline. A report returned for correction was reported; its lateness is the
        // resubmission's business (逾期报送), not a red.
        let pastDeadline = state == .unreported || (state.isEditable && task.submitted_at == nil && today.map { round.deadlineDay < $0 } ?? false)
        let judged: [(indicator: Indicator, progress: IndicatorProgress?)] = indicators.compactMap { row in
            guard row.region_row_id == task.region_row_id, let reported = progress[row.indicator_id] else { return nil }
            return (row.indicator, reported)
        }
        return MonitoringSubject(period: round.period, fund: task.fund, indicators: judged, unreportedPastDeadline: pastDeadline ? round.deadlineDay : nil)
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

/// A task's id, as a read of ids decodes it.
struct TaskID: Decodable, Sendable { var id: UUID }

/// An indicator as the scan reads it: what its rules look at (the target, the name its warning quotes, the regional goal
/// it belongs to), not the whole row.
struct ScannedIndicator: Decodable, Sendable {
    var version_id: UUID
    var indicator_id: UUID
    var category: String
    var subcategory: String
    var name: String
    var target_text: String
    var region_row_id: UUID?

    static let columns = ["version_id", "indicator_id", "category", "subcategory", "name", "target_text", "region_row_id"]

    var indicator: Indicator {
        let category = IndicatorCategory(rawValue: self.category) ?? .output
        return Indicator(id: indicator_id, category: category, subcategory: IndicatorSubcategory(rawValue: subcategory) ?? category.subcategories[0],
                         name: name, targetText: target_text, weight: nil)
    }

    static func of(versions: Set<UUID>, on db: any Database) async throws -> [UUID: [ScannedIndicator]] {
        var byVersion: [UUID: [ScannedIndicator]] = [:]
        let all = Array(versions)
        for chunk in stride(from: 0, to: all.count, by: 500).map({ Array(all[$0..<min($0 + 500, all.count)]) }) {
            for row in try await db.sql.select().columns(columns.map { SQLIdentifier($0) }).from(GoalIndicatorModel.schema)
                .where("version_id", .in, SQLGroupExpression(chunk.map { SQLBind($0) })).orderBy("position").all(decoding: ScannedIndicator.self) {
                byVersion[row.version_id, default: []].append(row)
            }
        }
        return byVersion
    }
}

/// What the scan reads of a task's progress: the forecast and the likelihood, which its rules judge.
struct ScannedProgress: Decodable, Sendable {
    var task_id: UUID
    var indicator_id: UUID
    var forecast: String
    var likelihood: String?
    var forecast_misses: Int?

    /// Each task's progress by indicator, and the tasks with rows whose `forecast_misses` is not yet known.
    static func of(tasks ids: [UUID], on db: any Database) async throws -> (progress: [UUID: [UUID: IndicatorProgress]], unread: Set<UUID>) {
        var byTask: [UUID: [UUID: IndicatorProgress]] = [:]
        var unread: Set<UUID> = []
        for row in try await db.sql.select().columns("task_id", "indicator_id", "forecast", "likelihood", "forecast_misses").from(MonitoringTables.progress)
            .where("task_id", .in, SQLGroupExpression(ids.map { SQLBind($0) })).all(decoding: ScannedProgress.self) {
            byTask[row.task_id, default: [:]][row.indicator_id] = IndicatorProgress(
                indicatorID: row.indicator_id, reachedText: "", forecastText: row.forecast,
                likelihood: row.likelihood.flatMap(CompletionLikelihood.init(rawValue:)), cause: nil, explanation: "", measures: "")
            if row.forecast_misses == nil { unread.insert(row.task_id) }
        }
        return (byTask, unread)
    }

    /// Stores whether each forecast of these tasks misses its target, where not yet known: rows of indicators the task
    /// does not judge (another region's, or no longer in the goal) miss nothing.
    static func storeMisses(_ misses: [UUID: Set<UUID>], of tasks: Set<UUID>, on db: any Database) async throws {
        for task in tasks {
            var value = SQLQueryString("CASE")
            for indicator in misses[task] ?? [] {
                value.appendLiteral(" WHEN indicator_id = "); value.appendInterpolation(bind: indicator); value.appendLiteral(" THEN 1")
            }
            value.appendLiteral(" ELSE 0 END")
            if misses[task]?.isEmpty ?? true { value = "0" }
            try await db.sql.update(MonitoringTables.progress).set("forecast_misses", to: value)
                .where("task_id", .equal, SQLBind(task)).where("forecast_misses", .is, SQLLiteral.null).run()
        }
    }
}
