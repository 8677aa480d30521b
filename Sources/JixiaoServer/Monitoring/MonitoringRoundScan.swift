import Fluent
import Foundation
import SQLKit
import JixiaoDomain

/// The full warning scan of a round, set-based in the database: the rules that need only numbers and words already
/// stored are statements over the whole round, and only the few tasks whose judgement needs the domain's reading of
/// texts and exact ratios are judged by `MonitoringScan` (through `MonitoringScanner.store`). At a province's scale
/// (200,000 tasks, 3,000,000 indicators) it reads no indicator that cannot warn.
///
/// Judged in SQL, with the round's thresholds as parameters and the same arithmetic as the domain:
/// - 未报送: unreported, or never submitted with the deadline passed;
/// - 资金执行: pace = executed × 12 ÷ (budget × m), compared by cross-multiplication in 64-bit integers (money up to
///   10^13 fen, thresholds whole percentages), so a pace of exactly 60 % is not below 60 %;
/// - 完成目标可能性 (有可能, 完全不可能), found through a small index, for indicators the task judges.
///
/// Judged by the domain: tasks with a spending plan or money beyond those bounds, tasks with a forecast that misses its
/// target or has not been read (`forecast_misses`), or a doubt without the indicator's name, and tasks whose money warning is new or changes colour (its facts —
/// exact ratios — are the domain's to write). Warnings of the others are compared with those stored by rule, level and
/// indicator: a warning that stays keeps its stored facts, which the domain wrote when its inputs last changed.
enum MonitoringRoundScan {
    /// Whether the set-based scan can judge with these rules: money thresholds are whole percentages up to 1,000.
    static func applies(to rules: MonitoringRuleSet) -> Bool {
        [rules.fundRedBelow, rules.fundYellowBelow].allSatisfy { bound in
            var whole = Decimal(), value = bound
            NSDecimalRound(&whole, &value, 0, .plain)
            return bound >= 0 && bound <= 1000 && whole == bound
        }
    }

    static func run(_ round: RoundRow, today: CalendarDay?, on db: any Database) async throws {
        let rules = try round.ruleSet
        let domainTasks = try await db.transaction { db in try await judgeInSQL(round, rules: rules, today: today, on: db) }
        for start in stride(from: 0, to: domainTasks.count, by: MonitoringScanner.batchSize) {
            let ids = Array(domainTasks[start..<min(start + MonitoringScanner.batchSize, domainTasks.count)])
            let tasks = try await db.sql.select().columns(ScannedTaskRow.columns.map { SQLIdentifier($0) }).from(MonitoringTables.tasks)
                .where("id", .in, SQLGroupExpression(ids.map { SQLBind($0) })).all(decoding: ScannedTaskRow.self)
            try await db.transaction { db in try await MonitoringScanner.store(tasks, round: round, today: today, on: db) }
        }
    }

    /// Judges every task it can in SQL and stores what changed; returns the tasks left to the domain.
    private static func judgeInSQL(_ round: RoundRow, rules: MonitoringRuleSet, today: CalendarDay?, on db: any Database) async throws -> [UUID] {
        let sql = db.sql, pg = db.isPostgres
        // Ids in the work tables have the type the tables' ids have: in SQLite the same affinity on both sides of a
        // comparison is what lets it use an index (an untyped column compared with a UUID column would scan).
        let temp = pg ? "pg_temp" : "temp", uuid = pg ? "uuid" : "UUID"
        let same = pg ? "IS NOT DISTINCT FROM" : "IS"
        let domain = "\(temp).scan_domain", found = "\(temp).scan_found", touched = "\(temp).scan_touched"
        let roundID = round.id
        // The work tables live for one scan; a failed one on the same connection may have left them.
        func dropWork() async throws {
            for table in [domain, found, touched] { try await sql.raw("DROP TABLE IF EXISTS \(unsafeRaw: table)").run() }
        }
        try await dropWork()
        try await sql.raw("CREATE TEMP TABLE scan_domain (task_id \(unsafeRaw: uuid) PRIMARY KEY)").run()
        try await sql.raw("CREATE TEMP TABLE scan_touched (task_id \(unsafeRaw: uuid) PRIMARY KEY)").run()
        try await sql.raw("CREATE TEMP TABLE scan_found (task_id \(unsafeRaw: uuid) NOT NULL, rule TEXT NOT NULL, level TEXT NOT NULL, indicator_id \(unsafeRaw: uuid), facts TEXT)").run()
        try await sql.raw("CREATE INDEX \(unsafeRaw: pg ? "" : "temp.")scan_found_task ON scan_found (task_id)").run()
        let notDomain = "NOT EXISTS (SELECT 1 FROM \(domain) d WHERE d.task_id = t.id)"
        // Reads of progress start from the few rows a partial index holds (doubts, forecasts that miss) and only then
        // find their task and indicator: `CROSS JOIN` keeps SQLite's planner to that order (without statistics it would
        // walk the round's tasks and every indicator of each); PostgreSQL plans it as the inner join it is.

        // A round's tasks are made together, so their time-ordered ids lie in one range: reads of the partial indexes
        // (which hold rows of every round) stay inside it as the years add rounds.
        // (Two ordered reads of the (round_id, id) index: PostgreSQL has no MIN of a uuid.)
        func end(_ direction: SQLDirection) async throws -> UUID? {
            try await sql.select().column("id").from(MonitoringTables.tasks).where("round_id", .equal, SQLBind(roundID))
                .orderBy("id", direction).limit(1).first(decoding: TaskID.self)?.id
        }
        guard let low = try await end(.ascending), let high = try await end(.descending) else {
            try await dropWork()
            return []
        }
        let inRange = SQLQueryString("p.task_id >= \(bind: low) AND p.task_id <= \(bind: high)")

        // Tasks the domain judges: a spending plan, money beyond the integer bounds, a forecast that misses or is unread.
        try await sql.raw("""
            INSERT INTO \(unsafeRaw: domain) (task_id)
            SELECT t.id FROM monitoring_tasks t WHERE t.round_id = \(bind: roundID) AND \(unsafeRaw: MonitoringTables.moneyForTheDomain(table: "t"))
            UNION
            SELECT p.task_id FROM monitoring_progress p CROSS JOIN monitoring_tasks t
            WHERE \(unsafeRaw: MonitoringTables.missesOrUnread(db, table: "p")) AND \(inRange) AND t.id = p.task_id AND t.round_id = \(bind: roundID)
            UNION
            SELECT p.task_id FROM monitoring_progress p CROSS JOIN monitoring_tasks t
            WHERE \(unsafeRaw: MonitoringTables.unsure(table: "p")) AND \(inRange) AND p.indicator_name IS NULL AND t.id = p.task_id AND t.round_id = \(bind: roundID)
            """).run()

        // 资金执行: pace = executed × td ÷ (budget × tn) against bound ÷ 100, without dividing.
        if rules.enabled.contains(.fundPace) {
            let time = round.period.timeProgress
            let tn = NSDecimalNumber(decimal: time.numerator).int64Value, td = NSDecimalNumber(decimal: time.denominator).int64Value
            let red = NSDecimalNumber(decimal: rules.fundRedBelow).int64Value, yellow = NSDecimalNumber(decimal: rules.fundYellowBelow).int64Value
            let executed = rules.executionBasis == .spent ? "t.spent_fen" : "t.allocated_fen"
            let scaled = "\(executed) * \(td) * 100"
            try await sql.raw("""
                INSERT INTO \(unsafeRaw: found) (task_id, rule, level, indicator_id, facts)
                SELECT t.id, \(bind: WarningRule.fundPace.rawValue),
                       CASE WHEN \(unsafeRaw: scaled) < \(bind: red) * t.full_year_budget_fen * \(bind: tn) THEN 'red' ELSE 'yellow' END, NULL, NULL
                FROM monitoring_tasks t
                WHERE t.round_id = \(bind: roundID) AND t.allocated_fen IS NOT NULL AND t.spent_fen IS NOT NULL AND t.full_year_budget_fen > 0
                  AND \(unsafeRaw: scaled) < \(bind: max(red, yellow)) * t.full_year_budget_fen * \(bind: tn) AND \(unsafeRaw: notDomain)
                """).run()
            // A money warning that is new or changes colour needs its facts written by the domain.
            try await sql.raw("""
                INSERT INTO \(unsafeRaw: domain) (task_id)
                SELECT f.task_id FROM \(unsafeRaw: found) f WHERE f.rule = \(bind: WarningRule.fundPace.rawValue)
                  AND NOT EXISTS (SELECT 1 FROM monitoring_warnings w WHERE w.task_id = f.task_id AND w.rule = f.rule AND w.level = f.level)
                """).run()
            try await sql.raw("DELETE FROM \(unsafeRaw: found) WHERE task_id IN (SELECT task_id FROM \(unsafeRaw: domain))").run()
        }

        // 未报送: the facts are the round's deadline, the same for every task.
        if rules.enabled.contains(.notReported) {
            let facts = try MonitoringScanner.facts(MonitoringWarning(rule: .notReported, level: rules.notReportedLevel,
                                                                      facts: .notReported(deadline: round.deadlineDay)))
            let pastDeadline = today.map { round.deadlineDay < $0 } ?? false
            let editable = MonitoringTaskState.allCases.filter(\.isEditable).map { "'\($0.rawValue)'" }.joined(separator: ", ")
            try await sql.raw("""
                INSERT INTO \(unsafeRaw: found) (task_id, rule, level, indicator_id, facts)
                SELECT t.id, \(bind: WarningRule.notReported.rawValue), \(bind: rules.notReportedLevel.key), NULL, \(bind: facts)
                FROM monitoring_tasks t
                WHERE t.round_id = \(bind: roundID)
                  AND (t.state = \(bind: MonitoringTaskState.unreported.rawValue)
                       OR (\(unsafeRaw: pastDeadline ? "1 = 1" : "1 = 0") AND t.state IN (\(unsafeRaw: editable)) AND t.submitted_at IS NULL))
                  AND \(unsafeRaw: notDomain)
                """).run()
        }

        // 完成目标可能性. A task's progress rows are its own indicators (the save refuses others; the carry-over takes
        // only those of the goal in force and the task's region), each with the name its warning quotes: the partial
        // index holds every column read here, so no goal and no progress row is looked up.
        var unsure: [(CompletionLikelihood, WarningRule, WarningLevel)] = []
        if rules.enabled.contains(.likelihoodImpossible) { unsure.append((.impossible, .likelihoodImpossible, .red)) }
        if rules.enabled.contains(.likelihoodPossible) { unsure.append((.possible, .likelihoodPossible, rules.possibleLevel)) }
        let json = pg ? "json_build_object" : "json_object"
        for (likelihood, rule, level) in unsure {
            try await sql.raw("""
                INSERT INTO \(unsafeRaw: found) (task_id, rule, level, indicator_id, facts)
                SELECT p.task_id, \(bind: rule.rawValue), \(bind: level.key), p.indicator_id,
                       CAST(\(unsafeRaw: json)('likelihood', \(unsafeRaw: json)('indicator', p.indicator_name, 'likelihood', p.likelihood)) AS TEXT)
                FROM monitoring_progress p CROSS JOIN monitoring_tasks t
                WHERE \(unsafeRaw: MonitoringTables.unsure(table: "p")) AND p.likelihood = \(bind: likelihood.rawValue) AND \(inRange)
                  AND t.id = p.task_id AND t.round_id = \(bind: roundID) AND \(unsafeRaw: notDomain)
                """).run()
        }

        // What changed: stored warnings no longer found, found ones not stored (the domain's tasks aside).
        let stored = "w.task_id = f.task_id AND w.rule = f.rule AND w.level = f.level AND w.indicator_id \(same) f.indicator_id"
        try await sql.raw("""
            INSERT INTO \(unsafeRaw: touched) (task_id)
            SELECT w.task_id FROM monitoring_warnings w WHERE w.round_id = \(bind: roundID)
              AND NOT EXISTS (SELECT 1 FROM \(unsafeRaw: domain) d WHERE d.task_id = w.task_id)
              AND NOT EXISTS (SELECT 1 FROM \(unsafeRaw: found) f WHERE \(unsafeRaw: stored))
            UNION
            SELECT f.task_id FROM \(unsafeRaw: found) f WHERE NOT EXISTS (SELECT 1 FROM monitoring_warnings w WHERE \(unsafeRaw: stored))
            """).run()
        try await sql.raw("""
            DELETE FROM monitoring_warnings WHERE task_id IN (SELECT task_id FROM \(unsafeRaw: touched))
              AND NOT EXISTS (SELECT 1 FROM \(unsafeRaw: found) f WHERE \(unsafeRaw: stored.replacingOccurrences(of: "w.", with: "monitoring_warnings.")))
            """).run()
        try await sql.raw("""
            INSERT INTO monitoring_warnings (id, task_id, round_id, rule, level, indicator_id, facts)
            SELECT \(unsafeRaw: newUUID(db)), f.task_id, \(bind: roundID), f.rule, f.level, f.indicator_id, f.facts FROM \(unsafeRaw: found) f
            WHERE f.facts IS NOT NULL AND f.task_id IN (SELECT task_id FROM \(unsafeRaw: touched))
              AND NOT EXISTS (SELECT 1 FROM monitoring_warnings w WHERE \(unsafeRaw: stored))
            """).run()
        // Their colours and counts from what is now stored, in one pass over their warnings: red before yellow before
        // green; a task whose colour and count stay as they are is not written.
        let worst = "CASE x.worst WHEN 2 THEN 'red' WHEN 1 THEN 'yellow' ELSE 'green' END"
        let rank = "CASE x.worst WHEN 2 THEN \(WarningLevel.red.listRank) WHEN 1 THEN \(WarningLevel.yellow.listRank) ELSE \(WarningLevel.green.listRank) END"
        try await sql.raw("""
            UPDATE monitoring_tasks SET colour = \(unsafeRaw: worst), colour_rank = \(unsafeRaw: rank), warning_count = x.n
            FROM (SELECT s.task_id, COALESCE(MAX(CASE w.level WHEN 'red' THEN 2 WHEN 'yellow' THEN 1 ELSE 0 END), 0) AS worst, COUNT(w.task_id) AS n
                  FROM \(unsafeRaw: touched) s LEFT JOIN monitoring_warnings w ON w.task_id = s.task_id GROUP BY s.task_id) x
            WHERE monitoring_tasks.id = x.task_id AND (monitoring_tasks.colour <> \(unsafeRaw: worst) OR monitoring_tasks.warning_count <> x.n)
            """).run()

        struct Row: Decodable { var task_id: UUID }
        let left = try await sql.raw("SELECT task_id FROM \(unsafeRaw: domain) ORDER BY task_id").all(decoding: Row.self).map(\.task_id)
        try await dropWork()
        return left
    }

    /// A new time-ordered id (version 7, as `UUID.timeOrdered`: milliseconds since 1970, then random bits) in the form
    /// each engine stores ids (SQLite: upper-case text). Ids made together sort together, so a scan's new warnings are
    /// appended to the primary-key index instead of landing at random places in it.
    static func newUUID(_ db: any Database) -> String {
        if db.isPostgres {
            let ms = "(extract(epoch from clock_timestamp()) * 1000)::bigint"
            return "(lpad(to_hex(\(ms) >> 16), 8, '0') || '-' || lpad(to_hex(\(ms) & 65535), 4, '0') || '-7' || "
                + "lpad(to_hex((random() * 4095)::int), 3, '0') || '-' || to_hex(32768 + (random() * 16383)::int) || '-' || "
                + "lpad(to_hex((random() * 281474976710655)::bigint), 12, '0'))::uuid"
        }
        let ms = "CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)"
        return "printf('%08X-%04X-7%03X-%04X-%012X', \(ms) >> 16, \(ms) & 65535, random() & 4095, 32768 + (random() & 16383), "
            + "random() & 281474976710655)"
    }
}
