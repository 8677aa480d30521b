import Fluent
import Foundation
import SQLKit
import Vapor
import JixiaoDomain

/// The columns of the treasury payment system's export (国库支付数据), as the README documents them. Titles vary by
/// system, so each column has aliases; amounts are 万元 unless the title says 元.
enum TreasuryColumn: CaseIterable, Sendable {
    case code, region, periodEnd, budget, allocated, spent

    var title: String {
        switch self {
        case .code: "项目编码"
        case .region: "地区编码"
        case .periodEnd: "截止日期"
        case .budget: "全年预算数（万元）"
        case .allocated: "已拨付（万元）"
        case .spent: "实际支出（万元）"
        }
    }

    /// Title words that name the column, whatever unit follows them.
    var names: [String] {
        switch self {
        case .code: ["项目编码", "项目代码", "预算项目编码", "项目编号"]
        case .region: ["地区编码", "区划编码", "行政区划代码", "收款地区编码"]
        case .periodEnd: ["截止日期", "截止月份", "统计截止日期", "期间", "数据期间"]
        case .budget: ["全年预算数", "预算数", "全年预算", "调整后预算数", "预算指标数"]
        case .allocated: ["已拨付", "拨付数", "已拨付数", "国库拨付数", "支付数"]
        case .spent: ["实际支出", "支出数", "实际支出数", "执行数", "累计支出"]
        }
    }

    /// The column a header names, and whether its amounts are in 元 ("预算数（元）") rather than 万元.
    static func match(_ header: String) -> TreasuryColumn? { parse(header)?.column }

    static func parse(_ header: String) -> (column: TreasuryColumn, inYuan: Bool)? {
        let text = header.trimmed.replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
        let name = text.split(separator: "（", maxSplits: 1).first.map(String.init)?.trimmed ?? text
        guard let column = allCases.first(where: { $0.names.contains(name) }) else { return nil }
        return (column, text.hasSuffix("（元）"))
    }

    static let required: [TreasuryColumn] = [.code, .budget, .allocated, .spent]
}

/// 国库支付数据导入 — a finance bureau loads the treasury's figures (budget, paid out, spent to the period end) for a whole
/// round in one file. Every row is checked first; one wrong row and nothing is saved, with every wrong row and column
/// named. Runs as a job.
enum TreasuryImport {
    static let kind = "monitoring.treasury_import"
    static let maximumBytes = 24 * 1024 * 1024
    struct Parameters: Codable, Sendable { var roundID: UUID; var fileName: String }
    struct Outcome: Codable, Sendable { var updated: Int }

    static let jobKind = JobKind(name: kind, maxAttempts: 2, run: { run in
        guard let parameters = run.parameters(as: Parameters.self), let bytes = run.input, bytes.readableBytes > 0 else {
            throw AppError(.unprocessableEntity, "csv_empty", Message(.errorCSVEmpty))
        }
        let updated = try await importFile(Data(bytes.readableBytesView), round: parameters.roundID, by: run.caller, on: run.database) { phase, done, total in
            run.progress.report(JobProgress(phase: phase, done: done, total: total), holdsWriteLock: phase == "saving")
        }
        return String(decoding: try JSONEncoder().encode(Outcome(updated: updated)), as: UTF8.self)
    }, failure: AppError(.internalServerError, "import_failed", Message(.errorImportFailed)))

    /// Queues the import of a file for a round the caller runs; returns the job.
    static func start(_ bytes: ByteBuffer, fileName: String, round roundID: UUID, by caller: Caller, on db: any Database, ringing app: Application?) async throws -> UUID {
        _ = try caller.person()
        guard let round = try await RoundRow.find(roundID, on: db) else { throw AppError.notFound() }
        try caller.authorize(.runMonitoring, round.target)
        guard bytes.readableBytes > 0 else { throw AppError(.unprocessableEntity, "csv_empty", Message(.errorCSVEmpty)) }
        guard bytes.readableBytes <= maximumBytes else {
            throw AppError(.payloadTooLarge, "payload_too_large", Message(.errorTooLarge(String(maximumBytes / (1024 * 1024)))))
        }
        return try await JobQueue.enqueue(kind, caller: caller, parameters: Parameters(roundID: roundID, fileName: String(fileName.prefix(200))),
                                          input: bytes, on: db, ringing: app)
    }

    /// One checked row: the task it updates and its figures.
    struct Checked { var taskID: UUID; var budget: Money; var allocated: Money; var spent: Money; var initial: Int64 }

    /// Reads, checks and saves; returns how many tasks were updated. `progress` hears the phase and n of N.
    static func importFile(_ data: Data, round roundID: UUID, by caller: Caller, on db: any Database,
                           progress: @escaping @Sendable (String, Int, Int?) -> Void = { _, _, _ in }) async throws -> Int {
        _ = try caller.person()
        guard let round = try await RoundRow.find(roundID, on: db) else { throw AppError.notFound() }
        try caller.authorize(.runMonitoring, round.target)
        guard round.roundState == .open else { throw AppError(.conflict, "round_not_open", Message(.errorRoundNotOpen(round.roundState.text))) }
        progress("reading", 0, nil)
        let table = try UploadedTable<TreasuryColumn>.read(data, limits: .goalList, match: TreasuryColumn.match, anchor: .code,
                                                          required: TreasuryColumn.required.map { ($0, $0.title) }) { progress("reading", $0, nil) }
        guard !table.rows.isEmpty else { throw AppError(.unprocessableEntity, "csv_empty", Message(.errorCSVEmpty)) }
        let inYuan = table.headers.mapValues { TreasuryColumn.parse($0)?.inYuan ?? false }

        // The round's tasks by object code and region code: a row names a project, and for a transfer payment the region.
        struct Target: Decodable { var id: UUID; var code: String; var region_code: String?; var initial_budget_fen: Int64 }
        var targets: [String: Target] = [:]
        let rows = try await db.sql.raw("""
            SELECT t.id, bo.code, r.recipient_code AS region_code, t.initial_budget_fen
            FROM monitoring_tasks t JOIN budget_objects bo ON bo.id = t.budget_object_id
            LEFT JOIN goal_regions r ON r.id = t.region_row_id
            WHERE t.round_id = \(bind: roundID)
            """).all(decoding: Target.self)
        for row in rows { targets[key(row.code, row.region_code)] = row }

        var details: [AppError.Detail] = []
        func fail(_ row: UploadedTable<TreasuryColumn>.Row, _ column: TreasuryColumn?, _ message: Message) {
            let location = column.map { Message(.importSheetLocation(row.sheet, String(row.line), $0.title)) } ?? Message(.importSheetLine(row.sheet, String(row.line)))
            details.append(AppError.Detail(line: row.line, location: location, field: column?.title, message: message))
        }
        var checked: [Checked] = [], seen: [String: Int] = [:]
        for (index, row) in table.rows.enumerated() {
            if index % 5_000 == 0 { progress("checking", index, table.rows.count) }
            let code = row.value(.code), region = row.value(.region)
            guard !code.isEmpty else { fail(row, .code, Message(.errorRequired)); continue }
            let rowKey = key(code, region.isEmpty ? nil : region)
            if let first = seen[rowKey] { fail(row, .code, Message(.errorTreasuryDuplicate(code, first))); continue }
            seen[rowKey] = row.line
            guard let target = targets[rowKey] else { fail(row, .code, Message(.errorTreasuryUnknown(code))); continue }
            let periodText = row.value(.periodEnd)
            if !periodText.isEmpty, !matches(periodText, round.period) {
                fail(row, .periodEnd, Message(.errorTreasuryPeriod(periodText, round.period.label)))
            }
            var amounts: [TreasuryColumn: Money] = [:]
            for column in [TreasuryColumn.budget, .allocated, .spent] {
                let text = row.value(column)
                guard !text.isEmpty else { fail(row, column, Message(.errorRequired)); continue }
                do { amounts[column] = inYuan[column] == true ? try Money(yuan: text) : try Money(wanYuan: text) } catch {
                    fail(row, column, Message(error == .negative(text) ? .errorFundNegative(column.title) : .errorMoney))
                }
            }
            guard let budget = amounts[.budget], let allocated = amounts[.allocated], let spent = amounts[.spent] else { continue }
            let figures = FundFigures(initialBudget: Money(fen: target.initial_budget_fen), fullYearBudget: budget, allocated: allocated, spent: spent)
            var rowProblems = false
            for problem in figures.check() {
                rowProblems = true
                switch problem {
                case .spentAboveAllocated(let s, let a): fail(row, .spent, Message(.errorSpentAboveAllocated(s.wanYuanText, a.wanYuanText)))
                case .allocatedAboveBudget(let a, let b): fail(row, .allocated, Message(.errorAllocatedAboveBudget(a.wanYuanText, b.wanYuanText)))
                default: fail(row, nil, Message(.errorMoney))
                }
            }
            if !rowProblems { checked.append(Checked(taskID: target.id, budget: budget, allocated: allocated, spent: spent, initial: target.initial_budget_fen)) }
        }
        if !details.isEmpty {
            throw AppError(.unprocessableEntity, "import_rows_invalid", Message(.errorTreasuryRows(details.count)),
                           details: details.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
        }
        let toSave = checked
        progress("saving", 0, toSave.count)
        try await db.transaction { db in
            for (index, row) in toSave.enumerated() {
                var update = db.sql.update(MonitoringTables.tasks)
                    .set("full_year_budget_fen", to: SQLBind(row.budget.fen)).set("allocated_fen", to: SQLBind(row.allocated.fen))
                    .set("spent_fen", to: SQLBind(row.spent.fen)).set("fund_source", to: SQLBind("treasury"))
                    .set("lock_version", to: SQLRaw("lock_version + 1")).set("updated_at", to: SQLBind(caller.now))
                if row.budget.fen != row.initial {
                    // The treasury's full-year budget differs from the released amount: say where the change came from.
                    update = update.set("budget_note", to: SQLRaw("CASE WHEN budget_note = '' THEN '国库支付数据' ELSE budget_note END"))
                }
                try await update.where("id", .equal, SQLBind(row.taskID)).run()
                if index % 2_000 == 0 { progress("saving", index, toSave.count) }
            }
            if toSave.count >= bulkWriteRows { try await db.refreshStatistics([MonitoringTables.tasks]) }
            // Only money changed: the task-level warnings are judged again, the indicators' stand.
            try await MonitoringScanner.rescan(round: roundID, today: CalendarDay(chinaDay: caller.now), reach: .taskFigures, on: db)
            if toSave.count >= bulkWriteRows { try await db.refreshStatistics([MonitoringTables.warnings]) }
            try await AuditTrail.record("monitoring.treasury_imported", entityType: "monitoring_round", entityID: roundID.uuidString.lowercased(),
                                        summary: "rows=\(toSave.count)", context: caller.audit, on: db)
        }
        progress("saving", toSave.count, toSave.count)
        return toSave.count
    }

    private static func key(_ code: String, _ region: String?) -> String { code + "|" + (region ?? "") }

    /// Whether a period cell names the round's period: "2027-07-31", "2027-07", "2027年7月", "7月", "1-7月", "1–7月".
    static func matches(_ text: String, _ period: MonitoringPeriod) -> Bool {
        let compact = TextNormalization.halfWidth(text).trimmed.replacingOccurrences(of: " ", with: "")
        if let day = CalendarDay(isoDate: compact) { return day == period.end }
        let digits = compact.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard period.endsAtMonthEnd else { return false }
        switch digits.count {
        case 1: return digits[0] == period.end.month
        case 2: return (digits[0] == period.end.year || digits[0] == 1) && digits[1] == period.end.month
        default: return false
        }
    }
}
