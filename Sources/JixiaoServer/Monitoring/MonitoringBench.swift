import Fluent
import Foundation
import SQLKit
import Vapor
import JixiaoDomain

/// The monitoring half of `jixiao bench`, on the generated province: one round over every project of the year
/// (≈203,000, all released for the purpose) with progress for every indicator (≈3,050,000), each measure next to a raw
/// baseline of the same work in the same run.
enum MonitoringBench {
    static func run(on db: any Database, fiscalYear: Int) async throws -> [String] {
        var lines: [String] = []
        func seconds(_ start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000_000 }
        func f(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }
        // The province's generated performance officer, as the commands see a person: jobs and the audit trail name a
        // real account.
        let caller = try await BenchCaller.person(holding: .performanceOfficer, organizationCode: "GP", on: db)
        let provinceID = try caller.person().organizationID

        // A round the bench opened before: only the reads are measured again (after a change to the pages or the
        // indexes, without generating the province anew).
        struct Existing: Decodable { var id: UUID }
        if let existing = try await db.sql.select().column("id").from(MonitoringTables.rounds).where("organization_id", .equal, SQLBind(provinceID))
            .where("fiscal_year", .equal, SQLBind(fiscalYear)).where("period_end", .equal, SQLBind(CalendarDay(year: fiscalYear, month: 7, day: 31)!.isoDate))
            .first(decoding: Existing.self) {
            struct Task: Decodable { var id: UUID }
            let ids = try await db.sql.select().column("id").from(MonitoringTables.tasks).where("round_id", .equal, SQLBind(existing.id))
                .orderBy("id").all(decoding: Task.self).map(\.id)
            return ["| (the province's 1–7月 round exists: the scan and the reads are measured again) | \(ids.count) tasks |"]
                + (try await scan(round: existing.id, fiscalYear: fiscalYear, on: db))
                + (try await reads(round: existing.id, tasks: ids, by: caller, on: db))
        }

        // Setup (not measured): every generated goal of the year released, so the round covers the whole province.
        try await db.sql.raw("""
            UPDATE goal_versions SET state = 'released' WHERE budget_object_id IN
              (SELECT id FROM budget_objects WHERE fiscal_year = \(bind: fiscalYear) AND code LIKE 'GP-%')
            """).run()
        try await db.sql.raw("UPDATE budget_objects SET current_state = 'released', approved_fen = requested_fen WHERE fiscal_year = \(bind: fiscalYear) AND code LIKE 'GP-%'").run()

        // 1. opening the round: one task per released object, as the job does it
        var start = DispatchTime.now().uptimeNanoseconds
        let roundID = try await MonitoringRounds.create(RoundDraft(fiscalYear: fiscalYear, periodEnd: CalendarDay(year: fiscalYear, month: 7, day: 31)!,
                                                                   deadline: CalendarDay(year: fiscalYear, month: 8, day: 20)!, scope: .all),
                                                        by: caller, on: db)
        let tasks = try await MonitoringRounds.open(roundID, on: db, caller: caller)
        let openSeconds = seconds(start)
        lines.append("| open a 1–7月 round over the province (tasks made, goal in force, first scan) | \(tasks) tasks in \(f(openSeconds, 1)) s = **\(Int(Double(tasks) / openSeconds)) tasks/s** |")

        // Progress for every indicator, written set-based (setup, timed for information): the target without its sign
        // as the value so far and the forecast — which meets the target (a sign that stays makes it unreadable, which
        // warns of nothing), so each row says it misses nothing, as a unit's save would store it; in one task of seven
        // the fourth indicator is only 有可能 (a yellow warning for the full scan to write).
        start = DispatchTime.now().uptimeNanoseconds
        try await db.sql.raw("""
            INSERT INTO monitoring_progress (task_id, indicator_id, reached, forecast, likelihood, cause, explanation, measures, forecast_misses,
                                             indicator_name)
            SELECT t.id, gi.indicator_id, REPLACE(REPLACE(REPLACE(gi.target_text, '≥', ''), '≤', ''), '=', ''),
                   REPLACE(REPLACE(REPLACE(gi.target_text, '≥', ''), '≤', ''), '=', ''),
                   CASE WHEN gi.position = 3 AND t.full_year_budget_fen % 7 = 0 THEN 'possible' ELSE 'certain' END, NULL, '', '', 0, gi.name
            FROM monitoring_tasks t JOIN goal_indicators gi ON gi.version_id = t.goal_version_id
             AND (gi.region_row_id = t.region_row_id OR (gi.region_row_id IS NULL AND t.region_row_id IS NULL))
            WHERE t.round_id = \(bind: roundID)
            """).run()
        struct Count: Decodable { var n: Int }
        let progressRows = try await db.sql.raw("SELECT COUNT(*) AS n FROM monitoring_progress p JOIN monitoring_tasks t ON t.id = p.task_id WHERE t.round_id = \(bind: roundID)")
            .first(decoding: Count.self)?.n ?? 0
        lines.append("| progress for every indicator (set-based insert, setup) | \(progressRows) rows in \(f(seconds(start), 1)) s |")
        // Units' saves come over weeks, during which PostgreSQL's autovacuum has long refreshed the statistics.
        try await db.refreshStatistics([MonitoringTables.progress])

        // 2. the treasury file for the whole province through the real importer, against raw updates of the same rows
        struct Target: Decodable { var id: UUID; var code: String; var full_year_budget_fen: Int64 }
        let targets = try await db.sql.raw("""
            SELECT t.id, bo.code, t.full_year_budget_fen FROM monitoring_tasks t JOIN budget_objects bo ON bo.id = t.budget_object_id
            WHERE t.round_id = \(bind: roundID) AND t.region_row_id IS NULL ORDER BY bo.code
            """).all(decoding: Target.self)
        var csv = "项目编码,截止日期,全年预算数（万元）,已拨付（万元）,实际支出（万元）\n"
        var figures: [(UUID, Int64, Int64, Int64)] = []
        for (index, target) in targets.enumerated() {
            // Spending from 20 % to 79 % of the budget: every colour of the fund rule.
            let budget = target.full_year_budget_fen, spent = budget * Int64(20 + index % 60) / 100, allocated = min(budget, spent + budget / 10)
            figures.append((target.id, budget, allocated, spent))
            csv += "\(target.code),\(fiscalYear)-07-31,\(Money(fen: budget).wanYuanText),\(Money(fen: allocated).wanYuanText),\(Money(fen: spent).wanYuanText)\n"
        }
        let file = Data(csv.utf8)
        let rows = figures
        struct Rollback: Error {}
        start = DispatchTime.now().uptimeNanoseconds
        do {
            try await db.transaction { db in
                for (id, budget, allocated, spent) in rows {
                    try await db.sql.update(MonitoringTables.tasks).set("full_year_budget_fen", to: SQLBind(budget)).set("allocated_fen", to: SQLBind(allocated))
                        .set("spent_fen", to: SQLBind(spent)).set("fund_source", to: SQLBind("treasury")).where("id", .equal, SQLBind(id)).run()
                }
                throw Rollback()
            }
        } catch is Rollback {}
        let rawSeconds = seconds(start)
        start = DispatchTime.now().uptimeNanoseconds
        let imported = try await TreasuryImport.importFile(file, round: roundID, by: caller, on: db)
        let importSeconds = seconds(start)
        lines.append("| import the treasury file (.csv, \(rows.count) rows, \(f(Double(file.count) / 1_048_576, 1)) MB; read, check, save, money warnings) | \(imported) tasks in \(f(importSeconds, 1)) s = **\(Int(Double(imported) / importSeconds)) rows/s** |")
        lines.append("| raw updates of the same rows in the same tables, rolled back (baseline) | \(f(rawSeconds, 1)) s = **\(Int(Double(rows.count) / rawSeconds)) rows/s** (import takes **\(f(importSeconds / rawSeconds))×**) |")

        // 3. the full warning scan (set-based), against raw SQL reads of the same rows in the same run
        lines += try await scan(round: roundID, fiscalYear: fiscalYear, on: db)

        return lines + (try await reads(round: roundID, tasks: targets.map(\.id), by: caller, on: db))
    }

    /// The full warning scan of the round (set-based), twice, next to raw SQL reads of the rows it reads.
    static func scan(round roundID: UUID, fiscalYear: Int, on db: any Database) async throws -> [String] {
        func seconds(_ start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000_000 }
        func f(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }
        struct Count: Decodable { var n: Int }
        let tasks = try await db.sql.raw("SELECT COUNT(*) AS n FROM monitoring_tasks WHERE round_id = \(bind: roundID)").first(decoding: Count.self)?.n ?? 0
        let progressRows = try await db.sql.raw("SELECT COUNT(*) AS n FROM monitoring_progress p JOIN monitoring_tasks t ON t.id = p.task_id WHERE t.round_id = \(bind: roundID)")
            .first(decoding: Count.self)?.n ?? 0
        var lines: [String] = []
        var start: UInt64
        let today = CalendarDay(year: fiscalYear, month: 8, day: 10)
        // What the round holds before the first scan, to tell afterwards what it wrote.
        let uuid = db.isPostgres ? "uuid" : "UUID"
        try await dropBenchTables(on: db)
        try await db.sql.raw("CREATE TABLE bench_warnings_before (id \(unsafeRaw: uuid) PRIMARY KEY)").run()
        try await db.sql.raw("INSERT INTO bench_warnings_before (id) SELECT id FROM monitoring_warnings WHERE round_id = \(bind: roundID)").run()
        try await db.sql.raw("CREATE TABLE bench_tasks_before (id \(unsafeRaw: uuid) PRIMARY KEY, colour TEXT NOT NULL, colour_rank INTEGER, warning_count INTEGER NOT NULL)").run()
        try await db.sql.raw("""
            INSERT INTO bench_tasks_before (id, colour, colour_rank, warning_count)
            SELECT id, colour, colour_rank, warning_count FROM monitoring_tasks WHERE round_id = \(bind: roundID)
            """).run()
        start = DispatchTime.now().uptimeNanoseconds
        try await MonitoringScanner.rescan(round: roundID, today: today, on: db)
        let scanSeconds = seconds(start)
        start = DispatchTime.now().uptimeNanoseconds
        try await MonitoringScanner.rescan(round: roundID, today: today, on: db)
        let rescanSeconds = seconds(start)
        let (written, recoloured, rawWriteSeconds) = try await rawWrites(round: roundID, on: db)
        // The rows it reads, read raw and aggregated in the database: the round's tasks (money and state), the progress
        // rows its two indexes hold (doubts, forecasts that miss), the round's stored warnings.
        struct Read: Decodable { var n: Int }
        start = DispatchTime.now().uptimeNanoseconds
        var read = try await db.sql.raw("""
            SELECT COUNT(*) AS n, SUM(CASE WHEN state = 'unreported' OR submitted_at IS NULL THEN 1 ELSE 0 END) AS open,
                   MIN(spent_fen * 12 - allocated_fen * 7 - full_year_budget_fen) AS pace FROM monitoring_tasks
            WHERE round_id = \(bind: roundID)
            """).first(decoding: Read.self)?.n ?? 0
        for condition in [MonitoringTables.unsure(table: "p"), MonitoringTables.missesOrUnread(db, table: "p")] {
            read += try await db.sql.raw("""
                SELECT COUNT(*) AS n FROM monitoring_progress p JOIN monitoring_tasks t ON t.id = p.task_id
                WHERE \(unsafeRaw: condition) AND t.round_id = \(bind: roundID)
                """).first(decoding: Read.self)?.n ?? 0
        }
        read += try await db.sql.raw("SELECT COUNT(*) AS n FROM monitoring_warnings WHERE round_id = \(bind: roundID) AND facts <> ''")
            .first(decoding: Read.self)?.n ?? 0
        let readSeconds = seconds(start)
        // What a scan without the stored readings would have to read: every indicator's forecast in the round.
        start = DispatchTime.now().uptimeNanoseconds
        let every = try await db.sql.raw("""
            SELECT COUNT(*) AS n FROM monitoring_progress p JOIN monitoring_tasks t ON t.id = p.task_id
            WHERE t.round_id = \(bind: roundID) AND p.forecast <> ''
            """).first(decoding: Read.self)?.n ?? 0
        let everySeconds = seconds(start)
        struct Tally: Decodable { var colour: String; var n: Int }
        let colours = try await db.sql.raw("SELECT colour, COUNT(*) AS n FROM monitoring_tasks WHERE round_id = \(bind: roundID) GROUP BY colour ORDER BY colour")
            .all(decoding: Tally.self).map { "\($0.colour) \($0.n)" }.joined(separator: ", ")
        lines.append("| full warning scan of the round, set-based (\(tasks) tasks, \(progressRows) indicators; \(colours)) | **\(f(scanSeconds, 2)) s** |")
        lines.append("| the same scan again, nothing changed | \(f(rescanSeconds, 2)) s |")
        lines.append("| raw SQL writes of what the first scan wrote (\(written) warnings inserted, \(recoloured) tasks' colour and count updated, one transaction; baseline of its writes) | \(f(rawWriteSeconds, 2)) s |")
        lines.append("| raw SQL reads of the rows it reads (tasks' money and state, the progress rows of its two indexes, stored warnings; baseline) | \(read) rows in \(f(readSeconds, 2)) s (scan takes \(f(scanSeconds / readSeconds))×) |")
        lines.append("| raw SQL read of every forecast of the round (what a scan without stored readings reads) | \(every) rows in \(f(everySeconds, 2)) s |")

        return lines
    }

    /// The writes the first scan made, undone (not measured) and made again by two plain statements in one
    /// transaction (measured): the same rows into the same tables, with their indexes and the tally's triggers.
    private static func rawWrites(round roundID: UUID, on db: any Database) async throws -> (warnings: Int, tasks: Int, seconds: Double) {
        let uuid = db.isPostgres ? "uuid" : "UUID"
        try await db.sql.raw("""
            CREATE TABLE bench_warnings_written (id \(unsafeRaw: uuid) PRIMARY KEY, task_id \(unsafeRaw: uuid) NOT NULL, round_id \(unsafeRaw: uuid) NOT NULL,
                                                 rule TEXT NOT NULL, level TEXT NOT NULL, indicator_id \(unsafeRaw: uuid), facts TEXT NOT NULL)
            """).run()
        try await db.sql.raw("""
            INSERT INTO bench_warnings_written SELECT w.id, w.task_id, w.round_id, w.rule, w.level, w.indicator_id, w.facts FROM monitoring_warnings w
            WHERE w.round_id = \(bind: roundID) AND NOT EXISTS (SELECT 1 FROM bench_warnings_before b WHERE b.id = w.id)
            """).run()
        try await db.sql.raw("CREATE TABLE bench_tasks_after (id \(unsafeRaw: uuid) PRIMARY KEY, colour TEXT NOT NULL, colour_rank INTEGER, warning_count INTEGER NOT NULL)").run()
        try await db.sql.raw("""
            INSERT INTO bench_tasks_after SELECT t.id, t.colour, t.colour_rank, t.warning_count FROM monitoring_tasks t CROSS JOIN bench_tasks_before b
            WHERE b.id = t.id AND (t.colour <> b.colour OR t.warning_count <> b.warning_count)
            """).run()
        struct Count: Decodable { var n: Int }
        let warnings = try await db.sql.raw("SELECT COUNT(*) AS n FROM bench_warnings_written").first(decoding: Count.self)?.n ?? 0
        let tasks = try await db.sql.raw("SELECT COUNT(*) AS n FROM bench_tasks_after").first(decoding: Count.self)?.n ?? 0
        @Sendable func setColours(from table: String) -> SQLQueryString {
            """
            UPDATE monitoring_tasks SET colour = x.colour, colour_rank = x.colour_rank, warning_count = x.warning_count
            FROM \(unsafeRaw: table) x WHERE monitoring_tasks.id = x.id AND monitoring_tasks.id IN (SELECT id FROM bench_tasks_after)
            """
        }
        try await db.transaction { db in
            try await db.sql.raw("DELETE FROM monitoring_warnings WHERE id IN (SELECT id FROM bench_warnings_written)").run()
            try await db.sql.raw(setColours(from: "bench_tasks_before")).run()
        }
        let start = DispatchTime.now().uptimeNanoseconds
        try await db.transaction { db in
            try await db.sql.raw("""
                INSERT INTO monitoring_warnings (id, task_id, round_id, rule, level, indicator_id, facts)
                SELECT id, task_id, round_id, rule, level, indicator_id, facts FROM bench_warnings_written
                """).run()
            try await db.sql.raw(setColours(from: "bench_tasks_after")).run()
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000_000
        try await dropBenchTables(on: db)
        return (warnings, tasks, seconds)
    }

    private static func dropBenchTables(on db: any Database) async throws {
        for table in ["bench_warnings_before", "bench_tasks_before", "bench_warnings_written", "bench_tasks_after"] {
            try await db.sql.raw("DROP TABLE IF EXISTS \(unsafeRaw: table)").run()
        }
    }

    /// The province's dashboard (counts and amounts by colour per city and department, chart, first page) and task
    /// pages across the province.
    static func reads(round roundID: UUID, tasks: [UUID], by caller: Caller, on db: any Database) async throws -> [String] {
        func f(_ value: Double) -> String { String(format: "%.1f", value) }
        func milliseconds(_ start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000 }
        var lines: [String] = []
        var samples: [Double] = []
        for _ in 0..<30 {
            let s = DispatchTime.now().uptimeNanoseconds
            _ = try await MonitoringRoundModel.load(roundID, under: nil, colour: nil, page: nil, by: caller, on: db)
            samples.append(milliseconds(s))
        }
        samples.sort()
        lines.append("| province dashboard of the round (30 runs) | p50 \(f(samples[samples.count / 2])) ms, p99 \(f(samples[samples.count - 1])) ms |")
        samples = []
        for index in 0..<min(200, tasks.count) {
            let s = DispatchTime.now().uptimeNanoseconds
            _ = try await MonitoringTaskModel.load(tasks[(index * 997) % tasks.count], by: caller, on: db)
            samples.append(milliseconds(s))
        }
        samples.sort()
        lines.append("| a task page (200 tasks across the province) | p50 \(f(samples[samples.count / 2])) ms, p99 \(f(samples[min(samples.count - 1, samples.count * 99 / 100)])) ms |")
        return lines
    }
}
