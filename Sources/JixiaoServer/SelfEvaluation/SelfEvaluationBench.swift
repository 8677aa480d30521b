import Fluent
import Foundation
import SQLKit
import Vapor
import JixiaoDomain

/// The self-evaluation half of `jixiao bench`, on the generated province (≈203,000 objects, ≈3,050,000 indicators):
/// the year opened over the whole province, every form's actuals written set-based (setup), the year's quality check
/// (every form scored and checked) next to a raw read of the same rows, a city's overview, and one department's
/// import of 2,000 forms next to raw writes of the same rows. Run again on the same database, it finds its year and
/// measures the check, the overview and the import again.
enum SelfEvaluationBench {
    static func run(on db: any Database) async throws -> [String] {
        let fiscalYear = GoalController.currentFiscalYear
        // The commands see a clock in the January after the year: the year has ended and a deadline lies ahead.
        let started = Date()
        let yearAfter = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "Asia/Shanghai"),
                                       year: fiscalYear + 1, month: 1, day: 15, hour: 10).date!
        let clock: @Sendable () -> Date = { yearAfter.addingTimeInterval(Date().timeIntervalSince(started)) }
        let officer = try await BenchCaller.person(holding: .performanceOfficer, organizationCode: "GP", now: clock, on: db)
        let province = try officer.person()
        var lines: [String] = []
        func f(_ value: Double, _ digits: Int = 2) -> String { BenchClock.text(value, digits) }

        var yearID: UUID
        if let existing = try await SelfEvaluationQueries.yearRow(organization: province.organizationID, fiscalYear: fiscalYear, on: db) {
            yearID = existing.id
            lines.append("| (the province's self-evaluation of \(fiscalYear) exists: the check, the overview and the import are measured again) | \(existing.evaluation_count) forms |")
        } else {
            // Setup (not measured): every generated goal of the year released, as monitoring's bench does.
            try await db.sql.raw("""
                UPDATE goal_versions SET state = 'released' WHERE budget_object_id IN
                  (SELECT id FROM budget_objects WHERE fiscal_year = \(bind: fiscalYear) AND code LIKE 'GP-%')
                """).run()
            try await db.sql.raw("UPDATE budget_objects SET current_state = 'released', approved_fen = requested_fen WHERE fiscal_year = \(bind: fiscalYear) AND code LIKE 'GP-%'").run()

            // 1. opening the year: one form per released object, from the goal in force and the last monitoring round
            var start = BenchClock.now
            yearID = try await SelfEvaluationYears.create(fiscalYear: fiscalYear, deadline: CalendarDay(year: fiscalYear + 1, month: 4, day: 30)!,
                                                          by: officer, on: db)
            let forms = try await SelfEvaluationYears.open(yearID, on: db, caller: officer)
            let openSeconds = BenchClock.seconds(since: start)
            struct Count: Decodable { var n: Int }
            let rowCount = try await db.sql.raw("""
                SELECT COUNT(*) AS n FROM self_evaluation_rows WHERE evaluation_id IN (SELECT id FROM self_evaluations WHERE year_id = \(bind: yearID))
                """).first(decoding: Count.self)?.n ?? 0
            lines.append("| open the year over the province (a form per released object: goal in force, weights, last monitoring figures) | \(forms) forms + \(rowCount) rows in \(f(openSeconds, 1)) s = **\(Int(Double(forms) / openSeconds)) forms/s** |")

            // 2. every form filled in, set-based (setup, timed for information)
            start = BenchClock.now
            try await fillIn(year: yearID, fiscalYear: fiscalYear, on: db)
            try await db.refreshStatistics([SelfEvaluationTables.evaluations, SelfEvaluationTables.rows])
            lines.append("| every form's money, narrative and actuals written set-based (setup) | \(f(BenchClock.seconds(since: start), 1)) s |")

            // 3. the first check finds every score missing (the setup wrote behind the commands' back) and writes them all
            start = BenchClock.now
            let first = try await SelfEvaluationYearCheck.check(yearID, on: db)
            lines.append("| the first check after that setup: scores every form and writes every score, finding and row's points (\(first.corrected) forms corrected) | \(f(BenchClock.seconds(since: start), 1)) s |")
            try await db.refreshStatistics([SelfEvaluationTables.evaluations, SelfEvaluationTables.rows])
        }

        // 4. the year's check as the job runs it, with every score as the commands left it, next to the raw read
        lines += try await check(year: yearID, on: db)
        // 5. a city's overview
        lines += try await overview(year: yearID, clock: clock, on: db)
        // 6. a department's import of 2,000 forms
        lines += try await departmentImport(year: yearID, fiscalYear: fiscalYear, clock: clock, on: db)
        return lines
    }

    /// Every form filled in as units would: executed 55–100 % of the budget, a narrative, each actual at its target
    /// (one above, deadlines met, qualitative ones 达成 at full points), with misses in some forms so every grade occurs.
    static func fillIn(year yearID: UUID, fiscalYear: Int, on db: any Database) async throws {
        try await db.sql.raw("""
            UPDATE self_evaluations SET executed_fen = full_year_budget_fen * (55 + full_year_budget_fen % 46) / 100,
              narrative = '年度绩效目标基本完成，个别指标未达到预期，原因已在偏差分析中说明。', lock_version = lock_version + 1
            WHERE year_id = \(bind: yearID)
            """).run()
        // How far a form misses, by its budget: a tenth of the forms miss badly, a tenth somewhat, the rest meet.
        let miss = "(SELECT e.full_year_budget_fen % 10 FROM self_evaluations e WHERE e.id = self_evaluation_rows.evaluation_id)"
        try await db.sql.raw("""
            UPDATE self_evaluation_rows SET
              actual_text = CASE
                WHEN target_text LIKE '%前' THEN \(bind: "\(fiscalYear)年10月31日")
                WHEN target_text = '建立' THEN ''
                WHEN target_text = '≥95%' THEN '97%'
                WHEN target_text IN ('≥90%', '=100%') AND \(unsafeRaw: miss) = 0 THEN '20%'
                WHEN target_text IN ('≥90%', '=100%') AND \(unsafeRaw: miss) = 1 THEN '70%'
                ELSE REPLACE(REPLACE(REPLACE(target_text, '≥', ''), '≤', ''), '=', '') END,
              band = CASE WHEN target_text = '建立' THEN 'achieved' ELSE NULL END,
              band_points = CASE WHEN target_text = '建立' THEN weight ELSE NULL END,
              explanation = CASE WHEN target_text IN ('≥90%', '=100%') AND \(unsafeRaw: miss) IN (0, 1)
                THEN '受项目实施进度影响未达到年度目标，已调整实施方案。' ELSE '' END
            WHERE evaluation_id IN (SELECT id FROM self_evaluations WHERE year_id = \(bind: yearID))
            """).run()
    }

    /// The check twice (the second is the one quoted), next to the same chunked reads without scoring.
    static func check(year yearID: UUID, on db: any Database) async throws -> [String] {
        func f(_ value: Double, _ digits: Int = 2) -> String { BenchClock.text(value, digits) }
        var start = BenchClock.now
        let outcome = try await SelfEvaluationYearCheck.check(yearID, on: db)
        let firstSeconds = BenchClock.seconds(since: start)
        start = BenchClock.now
        let again = try await SelfEvaluationYearCheck.check(yearID, on: db)
        let checkSeconds = BenchClock.seconds(since: start)
        // The raw read: the same chunks read the same way (the forms and their rows' compact copies), decoded, nothing scored.
        start = BenchClock.now
        let chunks = try await SelfEvaluationYearCheck.idChunks(yearID, on: db)
        var read = 0
        try await SelfEvaluationYearCheck.inFlight(chunks, width: 2) { chunk in
            guard let first = chunk.first, let last = chunk.last else { return 0 }
            return try await SelfEvaluationBulkRead.readCompact(year: yearID, from: first, to: last, on: db).reduce(0) { count, item in
                if case .rows(let rows)? = item.rows { count + rows.count } else { count }
            }
        } collect: { read += $0 }
        let readSeconds = BenchClock.seconds(since: start)
        let findings = outcome.findingsByRule.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        return [
            "| the year's quality check (the job's work: \(again.forms) forms and \(again.rows) rows read, scored by their rules and checked; \(again.withFindings) with findings — \(findings); \(again.corrected) corrected) | **\(f(checkSeconds)) s** (run before: \(f(firstSeconds)) s, \(outcome.corrected) corrected) |",
            "| raw read of the same rows (the same chunks and queries: each form's fields and its rows' compact copy, decoded, nothing scored; baseline) | \(read) rows in \(f(readSeconds)) s (check takes \(f(checkSeconds / readSeconds))×) |",
        ]
    }

    /// The year's page as the performance officer of each city sees it (tiles by state and grade, the mean, the first
    /// page of forms), unfiltered and filtered to forms with findings.
    static func overview(year yearID: UUID, clock: @escaping @Sendable () -> Date, on db: any Database) async throws -> [String] {
        struct City: Decodable { var code: String }
        let cities = try await db.sql.select().column("code").from(OrganizationModel.schema)
            .where("kind", .equal, SQLBind(OrganizationKind.financeBureau.rawValue)).where("level", .equal, SQLBind(AdministrativeLevel.city.rawValue))
            .where("code", .like, SQLBind("GP-%")).orderBy("code").all(decoding: City.self)
        var callers: [Caller] = []
        for city in cities {
            if let caller = try? await BenchCaller.person(holding: .performanceOfficer, organizationCode: city.code, now: clock, on: db) { callers.append(caller) }
        }
        guard !callers.isEmpty else { return ["| a city's overview | no generated city performance officer |"] }
        var plain: [Double] = [], filtered: [Double] = []
        var sizes: [Int] = []
        for round in 0..<10 {
            for caller in callers {
                var start = BenchClock.now
                let model = try await EvaluationYearModel.load(yearID, state: nil, grade: nil, findings: false, page: nil, by: caller, on: db)
                plain.append(BenchClock.milliseconds(since: start))
                if round == 0 { sizes.append(model.tally.total) }
                start = BenchClock.now
                _ = try await EvaluationYearModel.load(yearID, state: nil, grade: nil, findings: true, page: 2, by: caller, on: db)
                filtered.append(BenchClock.milliseconds(since: start))
            }
        }
        return [
            "| a city's overview (\(callers.count) cities' performance officers, \(sizes.min() ?? 0)–\(sizes.max() ?? 0) forms each: tiles, mean, first page; \(plain.count) runs) | \(BenchClock.percentiles(plain)) |",
            "| the same, forms with findings, second page | \(BenchClock.percentiles(filtered)) |",
        ]
    }

    static let importedForms = 2_000

    /// One provincial department imports 2,000 of its forms as printed (.csv, standard layout) through the importer,
    /// next to raw writes of the same rows into the same tables, rolled back. A generated department has ≈164 objects,
    /// so the setup first hands 2,000 of the year's forms to the department and its units.
    static func departmentImport(year yearID: UUID, fiscalYear: Int, clock: @escaping @Sendable () -> Date, on db: any Database) async throws -> [String] {
        func f(_ value: Double, _ digits: Int = 2) -> String { BenchClock.text(value, digits) }
        let filler = try await BenchCaller.person(holding: .departmentOfficer, kind: .department, level: .province, now: clock, on: db)
        let department = try filler.person()
        let range = department.organizationPath.subtreeRange
        struct Assignee: Decodable { var id: UUID; var path: String; var kind: String }
        let assignees = try await db.sql.select().columns("id", "path", "kind").from(OrganizationModel.schema)
            .where("path", .greaterThanOrEqual, SQLBind(range.lower)).where("path", .lessThan, SQLBind(range.upper)).orderBy("path")
            .all(decoding: Assignee.self)
        func inDepartment() async throws -> [UUID] {
            try await db.sql.select().column("id").from(SelfEvaluationTables.evaluations).where("year_id", .equal, SQLBind(yearID))
                .where("assignee_path", .greaterThanOrEqual, SQLBind(range.lower)).where("assignee_path", .lessThan, SQLBind(range.upper))
                .orderBy("id").all(decoding: TaskID.self).map(\.id)
        }
        var owned = try await inDepartment()
        if owned.count < importedForms {
            // Setup: forms of other organisations handed to the department and its units in turn.
            let others = try await db.sql.select().column("id").from(SelfEvaluationTables.evaluations).where("year_id", .equal, SQLBind(yearID))
                .where(SQLGroupExpression(SQLList([
                    SQLBinaryExpression(SQLIdentifier("assignee_path"), .lessThan, SQLBind(range.lower)),
                    SQLBinaryExpression(SQLIdentifier("assignee_path"), .greaterThanOrEqual, SQLBind(range.upper))], separator: SQLRaw(" OR "))))
                .orderBy("id").limit(importedForms - owned.count).all(decoding: TaskID.self).map(\.id)
            for (index, assignee) in assignees.enumerated() {
                let mine = others.enumerated().filter { $0.offset % assignees.count == index }.map(\.element)
                for chunk in stride(from: 0, to: mine.count, by: 500).map({ Array(mine[$0..<min($0 + 500, mine.count)]) }) {
                    try await db.sql.update(SelfEvaluationTables.evaluations).set("assignee_id", to: SQLBind(assignee.id))
                        .set("assignee_path", to: SQLBind(assignee.path))
                        .set("assignee_kind", to: SQLBind(MonitoringAssignee(kind: OrganizationKind(rawValue: assignee.kind) ?? .unit).rawValue))
                        .where("id", .in, SQLGroupExpression(chunk.map { SQLBind($0) })).run()
                }
            }
            owned = try await inDepartment()
        }
        let chosen = Array(owned.prefix(importedForms))

        // The file as the units would print it, from what is stored (setup).
        var csv = "", rowCount = 0
        var stored: [(EvaluationRow, [EvaluationIndicatorRow])] = []
        for id in chosen {
            guard let evaluation = try await EvaluationRow.find(id, on: db) else { continue }
            let rows = try await EvaluationIndicatorRow.of(id, on: db)
            stored.append((evaluation, rows))
            csv += printed(evaluation, rows: rows, fiscalYear: fiscalYear)
            rowCount += rows.count
        }
        let file = Data(csv.utf8)

        // The baseline: what the import writes, written raw from values at hand, rolled back (before and after the
        // import; the faster counts).
        var baseline = try await rawWrites(stored, on: db)
        let start = BenchClock.now
        let outcome = try await SelfEvaluationImport.importFile(file, year: yearID, by: filler, on: db)
        let importSeconds = BenchClock.seconds(since: start)
        baseline = min(baseline, try await rawWrites(stored, on: db))
        return [
            "| a department's import (.csv, \(stored.count) forms as printed, \(rowCount) indicator rows, \(f(Double(file.count) / 1_048_576, 1)) MB: read, match, score, check, save) | \(outcome.forms) forms in \(f(importSeconds)) s = **\(Int(Double(outcome.forms) / importSeconds)) forms/s** |",
            "| raw writes of the same forms and rows into the same tables, rolled back (baseline) | \(f(baseline)) s (import takes **\(f(importSeconds / baseline))×**) |",
        ]
    }

    /// One form in the standard layout, with the figures the rule gives (as a unit's spreadsheet would print them).
    static func printed(_ e: EvaluationRow, rows: [EvaluationIndicatorRow], fiscalYear: Int) -> String {
        func cell(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        let evaluated = EvaluatedForm(e, rows: rows), score = evaluated.score
        let money = { (fen: Int64?) in fen.map { Money(fen: $0).wanYuanText } ?? "" }
        var text = """
            项目支出绩效自评表,,,,,,,,,
            （\(fiscalYear)年度）,,,,,,,,,
            项目名称,\(cell(e.object_name)),,,项目编码,\(cell(e.object_code)),,,,
            主管部门,,,,实施单位,\(cell(e.assignee_name)),,,,
            项目资金（万元）,,年初预算数,全年预算数,全年执行数,分值,执行率,得分,,
            ,年度资金总额,\(money(e.initial_budget_fen)),\(money(e.full_year_budget_fen)),\(money(e.executed_fen)),10,\(score?.budget.rate?.percentText(decimals: 2) ?? ""),\(score.map { Ratio.text($0.budget.points, decimals: 2) } ?? ""),,
            年度总体目标,预期目标,,,,实际完成情况,,,,
            ,\(cell(e.annual_goal)),,,,\(cell(e.narrative)),,,,
            一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施,,

            """
        for (index, row) in rows.enumerated() {
            let actual = row.qualitativeBand?.chineseName ?? row.actual_text
            let points = score.flatMap { index < $0.indicators.count ? Ratio.text($0.indicators[index].points, decimals: 2) : nil } ?? ""
            text += "\(row.indicatorCategory.chineseName),,\(cell(row.name)),\(cell(row.target_text)),\(cell(actual)),\(ScoreArithmetic.number(row.weightValue)),\(points),\(cell(row.explanation)),,\n"
        }
        text += "总分,,,,,100,\(score?.totalText ?? ""),,,\n\n"
        return text
    }

    /// The statements a save of these forms makes (the form, its rows deleted and inserted again), from the stored
    /// values, in one transaction that is rolled back. Returns the seconds it took.
    static func rawWrites(_ forms: [(EvaluationRow, [EvaluationIndicatorRow])], on db: any Database) async throws -> Double {
        struct Rollback: Error {}
        let start = BenchClock.now
        do {
            try await db.transaction { db in
                for (e, rows) in forms {
                    try await db.sql.update(SelfEvaluationTables.evaluations)
                        .set("full_year_budget_fen", to: SQLBind(e.full_year_budget_fen)).set("executed_fen", to: SQLBind(e.executed_fen))
                        .set("narrative", to: SQLBind(e.narrative)).set("reassignments", to: SQLBind(e.reassignments))
                        .set("printed_rate", to: SQLBind(e.printed_rate)).set("printed_budget_points", to: SQLBind(e.printed_budget_points))
                        .set("printed_total", to: SQLBind(e.printed_total)).set("source", to: SQLBind(e.source))
                        .set("budget_points", to: SQLBind(e.budget_points)).set("total", to: SQLBind(e.total))
                        .set("total_cents", to: SQLBind(e.total_cents)).set("grade", to: SQLBind(e.grade))
                        .set("finding_count", to: SQLBind(e.finding_count)).set("findings", to: SQLBind(e.findings))
                        .set("lock_version", to: SQLRaw("lock_version + 1")).set("updated_at", to: SQLBind(Date()))
                        .where("id", .equal, SQLBind(e.id)).run()
                    try await db.sql.delete(from: SelfEvaluationTables.rows).where("evaluation_id", .equal, SQLBind(e.id)).run()
                    guard !rows.isEmpty else { continue }
                    var insert = db.sql.insert(into: SelfEvaluationTables.rows).columns(EvaluationIndicatorRow.columns)
                    for row in rows {
                        insert = insert.values(SQLBind(row.evaluation_id), SQLBind(row.indicator_id), SQLBind(row.position), SQLBind(row.category),
                                               SQLBind(row.subcategory), SQLBind(row.name), SQLBind(row.target_text), SQLBind(row.weight),
                                               SQLBind(row.actual_text), SQLBind(row.band), SQLBind(row.band_points), SQLBind(row.not_applicable_reason),
                                               SQLBind(row.over_cause), SQLBind(row.chosen_points), SQLBind(row.chosen_reason), SQLBind(row.override_points),
                                               SQLBind(row.override_reason), SQLBind(row.explanation), SQLBind(row.last_forecast),
                                               SQLBind(row.printed_points), SQLBind(row.points))
                    }
                    try await insert.run()
                }
                throw Rollback()
            }
        } catch is Rollback {}
        return BenchClock.seconds(since: start)
    }
}
