import Fluent
import SQLKit
import Vapor
import JixiaoDomain

/// The goal-management half of `jixiao bench`, on the generated province.
enum GoalBench {
    struct Figures { var lines: [String] }

    /// Peak resident memory of this process so far (VmHWM), in MiB; nil where /proc is not available.
    static func peakMemoryMiB() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kilobytes / 1024
    }

    static func signedIn(code: String, role: Role, on db: any Database) async throws -> SignedInUser {
        guard let organization = try await OrganizationModel.query(on: db).filter(\.$code == code).first(),
              let user = try await UserModel.query(on: db).filter(\.$organization.$id == organization.id!)
                .join(UserRoleModel.self, on: \UserModel.$id == \UserRoleModel.$user.$id)
                .filter(UserRoleModel.self, \.$role == role.rawValue).with(\.$roles).first() else {
            throw Abort(.internalServerError, reason: "no generated \(role.rawValue) at \(code): run on a fresh database")
        }
        return try SignedInUser(user: user, organization: organization)
    }

    static func run(on db: any Database, fiscalYear: Int) async throws -> Figures {
        var lines: [String] = []
        func ms(_ start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000 }

        // 1. the province's goals, as `generate --scale province` writes them
        let generated = try await GoalGenerator.run(prefix: "GP", perOrganization: ScalePlan.province.projectsPerOrganization,
                                                    fiscalYear: fiscalYear, on: db) { _ in }
        let generatedRows = generated.projects * 2 + generated.indicators
        lines.append("| generate goals (province) | \(generated.projects) projects + \(generated.indicators) indicators in \(String(format: "%.1f", generated.seconds)) s = **\(Int(Double(generatedRows) / generated.seconds)) rows/s** |")

        // 2. importing a department's goal list through the real importer, against raw inserts of the same rows
        let department = "GP-D001"
        let officer = try await signedIn(code: department, role: .departmentOfficer, on: db)
        let units = [department] + (1...ScalePlan.province.unitsPerDepartment).map { "\(department)-U\(String(format: "%02d", $0))" }
        var csv = GoalListColumn.allCases.map(\.rawValue).joined(separator: ",") + "\n"
        var projectCount = 0
        for unit in units {
            for n in 0..<500 {
                for (position, item) in GoalGenerator.templates[0].enumerated() {
                    let target = item.2.replacingOccurrences(of: "%d", with: String(10 + (n * (position + 3)) % 990)).replacingOccurrences(of: "%y", with: String(fiscalYear + 1))
                    csv += ["IMP-\(unit)-\(n)", "导入项目\(n)", unit, "", String(fiscalYear + 1), "一般公共预算", "一次性", "", "120.5", "完成年度任务",
                            item.0.category.chineseName, item.0.chineseName, item.1, target, "\(item.3)", "计划标准", ""].joined(separator: ",") + "\n"
                }
                projectCount += 1
            }
        }
        let importRows = projectCount * GoalGenerator.templates[0].count
        let memoryBefore = peakMemoryMiB()
        // The importer's three steps, timed separately: read the file, check every row, save in batches.
        var start = DispatchTime.now().uptimeNanoseconds
        let readRows = try GoalExchangeService.readRows(ByteBuffer(string: csv))
        let readMs = ms(start)
        let checkStart = DispatchTime.now().uptimeNanoseconds
        let plannedImport = try await GoalExchangeService.plan(readRows, user: officer, on: db)
        let checkMs = ms(checkStart)
        let saveStart = DispatchTime.now().uptimeNanoseconds
        try await GoalExchangeService.save(plannedImport, context: .system("bench"), on: db)
        let saveMs = ms(saveStart)
        let imported = plannedImport.count
        let importMs = ms(start)
        let memoryAfter = peakMemoryMiB()
        let planned = try await GoalExchangeService.plan(try GoalExchangeService.readRows(ByteBuffer(string: csv.replacingOccurrences(of: "IMP-", with: "RAW-"))),
                                                         user: officer, on: db)
        start = DispatchTime.now().uptimeNanoseconds
        try await rawInsert(planned, on: db)
        let rawMs = ms(start)
        lines.append("| import a goal list (.csv, \(imported) projects, \(importRows) indicator rows) | \(Int(Double(importRows) / importMs * 1000)) rows/s, peak memory \(memoryAfter.map { String(format: "%.0f", $0) } ?? "?") MiB (before \(memoryBefore.map { String(format: "%.0f", $0) } ?? "?") MiB); read \(Int(readMs)) ms, check \(Int(checkMs)) ms, save \(Int(saveMs)) ms |")
        lines.append("| raw batched insert, same rows | \(Int(Double(importRows) / rawMs * 1000)) rows/s (import takes \(String(format: "%.2f", importMs / rawMs))× the baseline) |")

        // 3. the finance review queue of a city's performance officer
        let cityOfficer = try await signedIn(code: "GP-C01", role: .performanceOfficer, on: db)
        var samples: [Double] = []
        var queueSize = 0
        for _ in 0..<60 {
            start = DispatchTime.now().uptimeNanoseconds
            queueSize = try await GoalService.queue(GoalQueueFilter(fiscalYear: fiscalYear, limit: 500), for: cityOfficer, waitingOnly: true, on: db).count
            samples.append(ms(start))
        }
        samples.sort()
        lines.append("| finance review queue of a city (first 500 of the waiting goals, 60 runs) | \(queueSize) rows, p50 \(String(format: "%.1f", samples[samples.count / 2])) ms, p99 \(String(format: "%.1f", samples[min(samples.count - 1, samples.count * 99 / 100)])) ms |")

        // 4. the linter over every goal of a department (department and its units)
        start = DispatchTime.now().uptimeNanoseconds
        let goals = try await departmentGoals(department, fiscalYear: fiscalYear, on: db)
        var findings = 0
        for goal in goals { findings += GoalLinter.lint(goal, context: GoalContext()).count }
        let lintMs = ms(start)
        lines.append("| linter over all goals of a department (\(goals.count) goals, \(goals.map(\.indicators.count).reduce(0, +)) indicators, loading included) | \(String(format: "%.0f", lintMs)) ms, \(findings) findings |")
        return Figures(lines: lines)
    }

    /// Every goal of the newest versions under an organisation, read with one query.
    static func departmentGoals(_ code: String, fiscalYear: Int, on db: any Database) async throws -> [PerformanceGoal] {
        guard let root = try await OrganizationModel.query(on: db).filter(\.$code == code).first() else { return [] }
        let range = root.hierarchyPath.subtreeRange
        struct Row: Decodable {
            var version_id: UUID; var annual_goal: String; var indicator_id: UUID; var category: String; var subcategory: String
            var name: String; var target_text: String; var weight: String?
        }
        // Two steps, so neither engine is tempted to scan every indicator of the province first.
        struct VersionRow: Decodable { var id: UUID }
        let versions = try await db.sql.raw("""
            SELECT v.id FROM goal_versions v JOIN budget_objects bo ON bo.id = v.budget_object_id JOIN organizations o ON o.id = bo.organization_id
            WHERE o.path >= \(bind: range.lower) AND o.path < \(bind: range.upper) AND bo.fiscal_year = \(bind: fiscalYear)
            """).all(decoding: VersionRow.self).map(\.id)
        var rows: [Row] = []
        for chunk in versions.chunked(into: 500) {
            rows += try await db.sql.raw("""
                SELECT gi.version_id, v.annual_goal, gi.indicator_id, gi.category, gi.subcategory, gi.name, gi.target_text, gi.weight
                FROM goal_indicators gi JOIN goal_versions v ON v.id = gi.version_id
                WHERE gi.version_id IN \(SQLBind.group(Array(chunk))) ORDER BY gi.version_id, gi.position
                """).all(decoding: Row.self)
        }
        var goals: [UUID: PerformanceGoal] = [:]
        for row in rows {
            let sub = IndicatorSubcategory(rawValue: row.subcategory) ?? .quantity
            goals[row.version_id, default: PerformanceGoal(annualGoal: row.annual_goal, indicators: [])].indicators.append(
                Indicator(id: row.indicator_id, category: sub.category, subcategory: sub, name: row.name, targetText: row.target_text,
                          weight: row.weight.flatMap { Decimal(string: $0) }))
        }
        return Array(goals.values)
    }

    /// The same rows the importer writes, inserted into bare copies of the tables with no checks and no parsing.
    static func rawInsert(_ planned: [GoalExchangeService.PlannedProject], on db: any Database) async throws {
        let tables = [(BudgetObjectModel.schema, "bench_raw_objects"), (GoalVersionModel.schema, "bench_raw_versions"), (GoalIndicatorModel.schema, "bench_raw_indicators")]
        for (source, copy) in tables {
            try await db.sql.drop(table: copy).ifExists().run()
            try await db.sql.raw("CREATE TABLE \(ident: copy) AS SELECT * FROM \(ident: source) WHERE 1 = 0").run()
        }
        let now = Date()
        try await db.transaction { db in
            for batch in planned.chunked(into: 200) {
                var objects = db.sql.insert(into: "bench_raw_objects").columns(BudgetObjectModel.insertColumns)
                var versions = db.sql.insert(into: "bench_raw_versions").columns(GoalVersionModel.insertColumns)
                var indicators = db.sql.insert(into: "bench_raw_indicators").columns(GoalIndicatorModel.insertColumns)
                var indicatorCount = 0
                for p in batch {
                    let objectID = UUID(), versionID = UUID(), d = p.draft
                    objects = objects.values(SQLBind(objectID), SQLBind(d.kind.rawValue), SQLBind(d.code), SQLBind(d.name), SQLBind(p.organizationID),
                                             SQLBind(d.fiscalYear), SQLBind(""), SQLBind(d.fundSource.rawValue), SQLBind(d.category.rawValue), SQLBind(d.startYear),
                                             SQLBind(d.endYear), SQLBind(p.requested.fen), SQLBind(Int64?.none), SQLBind(false), SQLBind(false),
                                             SQLBind(versionID), SQLBind("draft"), SQLBind(now), SQLBind(now))
                    versions = versions.values(SQLBind(versionID), SQLBind(objectID), SQLBind(1), SQLBind("draft"), SQLBind(p.goal.annualGoal), SQLBind(String?.none),
                                               SQLBind(false), SQLBind(String?.none), SQLBind(false), SQLBind(0), SQLBind(0), SQLBind(0), SQLBind(0),
                                               SQLBind(String?.none), SQLBind(Date?.none), SQLBind(now), SQLBind(now))
                    for (position, i) in p.goal.indicators.enumerated() {
                        indicators = indicators.values(SQLBind(UUID()), SQLBind(versionID), SQLBind(i.id), SQLBind(position), SQLBind(i.category.rawValue),
                                                       SQLBind(i.subcategory.rawValue), SQLBind(i.name), SQLBind(i.targetText), SQLBind(i.target?.op.rawValue),
                                                       SQLBind(i.target?.number.map { "\($0)" }), SQLBind(i.target?.unit), SQLBind(i.weight.map { "\($0)" }),
                                                       SQLBind(i.standard?.rawValue), SQLBind(i.note), SQLBind(UUID?.none))
                        indicatorCount += 1
                        if indicatorCount == 1_000 {
                            try await indicators.run()
                            indicatorCount = 0
                            indicators = db.sql.insert(into: "bench_raw_indicators").columns(GoalIndicatorModel.insertColumns)
                        }
                    }
                }
                try await objects.run()
                try await versions.run()
                if indicatorCount > 0 { try await indicators.run() }
            }
        }
        for (_, copy) in tables { try await db.sql.drop(table: copy).ifExists().run() }
    }
}
