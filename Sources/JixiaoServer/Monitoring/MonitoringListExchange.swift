import Fluent
import Foundation
import SQLKit
import Vapor
import JixiaoDomain

/// The columns of a round's task list as one sheet: a row per indicator of each task, the task's money on its rows.
enum MonitoringListColumn: CaseIterable, Sendable {
    case code, region, name, unit, state, budget, allocated, spent, fundForecast, budgetNote, fundExplanation
    case position, category, indicator, target, reached, forecast, likelihood, cause, explanation, measures
    /// The task's version when the list was exported: a file older than a change made since is refused, not applied.
    case version

    func title(_ period: MonitoringPeriod) -> String {
        switch self {
        case .code: "项目编码"
        case .region: "地区编码"
        case .name: "项目名称"
        case .unit: "填报单位"
        case .state: "填报状态"
        case .budget: "全年预算数（万元）"
        case .allocated: "已拨付（万元）"
        case .spent: "实际支出（万元）"
        case .fundForecast: "全年预计执行数（万元）"
        case .budgetNote: "预算调整说明"
        case .fundExplanation: "资金执行说明"
        case .position: "指标序号"
        case .category: "一级指标"
        case .indicator: "三级指标"
        case .target: "年度指标值"
        case .reached: "\(period.label)执行情况"
        case .forecast: "全年预计完成情况"
        case .likelihood: "完成目标可能性"
        case .cause: "偏差原因"
        case .explanation: "原因说明"
        case .measures: "纠偏措施"
        case .version: "数据版本（勿改）"
        }
    }

    /// The column a header names; the period's own label in "1–7月执行情况" may be any period's.
    static func match(_ header: String) -> MonitoringListColumn? {
        let text = header.trimmed.replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
        if text.hasSuffix("执行情况") && text != "全年预计执行情况" { return .reached }
        let any = MonitoringPeriod(end: CalendarDay(year: 2000, month: 12, day: 31)!)
        let aliases: [String: MonitoringListColumn] = ["偏差原因分析": .cause, "指标名称": .indicator, "全年预计完成值": .forecast, "备注": .measures]
        return allCases.first { $0 != .reached && $0.title(any) == text } ?? aliases[text]
    }

    /// Columns a person fills; the others say what a row is about.
    static let money: [MonitoringListColumn] = [.budget, .allocated, .spent, .fundForecast]
    static let fundTexts: [MonitoringListColumn] = [.budgetNote, .fundExplanation]
}

/// 监控任务清单 — a round's tasks as one list to fill offline (.xlsx out, the same file back), checked by the rules the
/// task page applies. A person reports the tasks of their own organisation that are still open; rows of others' tasks
/// or of tasks already submitted may come back unchanged (they are skipped) but never changed. One wrong row and nothing
/// is saved, every wrong row and column named.
enum MonitoringListExchange {
    struct Outcome: Sendable { var saved: Int; var skipped: Int }
    /// Tasks one list holds at most (≈75,000 indicator rows).
    static let maximumTasks = 5_000

    private struct Entry {
        var task: TaskRow
        var indicators: [Indicator]
        var progress: [UUID: IndicatorProgress]
    }

    /// The tasks of the round in the caller's reach under `under`, by code, with their indicators and progress.
    private static func entries(round: RoundRow, under: HierarchyPath, by caller: Caller, on db: any Database) async throws -> [Entry] {
        let user = try caller.person()
        let tasks = try await TaskRow.select(on: db).whereTask(of: round.id, under: under, scope: Authorization.scope(user.actor, .viewBudget))
            .orderBy(SQLColumn("code", table: "bo")).orderBy(SQLColumn("assignee_path", table: "t"))
            .limit(maximumTasks + 1).all(decoding: TaskRow.self)
        // A list is for a department's or a city's area; a province's whole round is read on the dashboard, not in a file.
        guard tasks.count <= maximumTasks else { throw AppError(.unprocessableEntity, "list_too_large", Message(.errorListTooLarge(maximumTasks))) }
        let indicators = try await MonitoringScanner.indicatorsByVersion(Set(tasks.map(\.goal_version_id)), on: db)
        var progress: [UUID: [ProgressRow]] = [:]
        for chunk in stride(from: 0, to: tasks.count, by: 500).map({ Array(tasks[$0..<min($0 + 500, tasks.count)]) }) {
            progress.merge(try await ProgressRow.of(tasks: chunk.map(\.id), on: db)) { first, _ in first }
        }
        return tasks.map { task in
            // What another organisation has typed but not submitted is its draft: not shown, and compared as empty.
            let draft = task.taskState.isEditable && task.assignee_id != user.organizationID
            return Entry(task: task, indicators: (indicators[task.goal_version_id] ?? []).filter { $0.region_row_id == task.region_row_id }.map(\.indicator),
                         progress: draft ? [:] : Dictionary((progress[task.id] ?? []).map { ($0.indicator_id, $0.progress) }, uniquingKeysWith: { first, _ in first }))
        }
    }

    private static func regionCodes(_ tasks: [TaskRow], on db: any Database) async throws -> [UUID: String] {
        let ids = tasks.compactMap(\.region_row_id)
        guard !ids.isEmpty else { return [:] }
        struct Region: Decodable { var id: UUID; var recipient_code: String }
        return Dictionary(try await db.sql.select().columns("id", "recipient_code").from("goal_regions")
            .where("id", .in, SQLGroupExpression(ids.map { SQLBind($0) })).all(decoding: Region.self).map { ($0.id, $0.recipient_code) },
                          uniquingKeysWith: { first, _ in first })
    }

    // MARK: export

    static func export(round roundID: UUID, under code: String?, by caller: Caller, on db: any Database) async throws -> DownloadFile {
        let area = try await MonitoringRoundModel.area(roundID, under: code, by: caller, on: db)
        let round = area.round, period = round.period
        let entries = try await entries(round: round, under: area.under.hierarchyPath, by: caller, on: db)
        let regions = try await regionCodes(entries.map(\.task), on: db)
        let zh = Localizer(locale: .zhHans)
        let columns = MonitoringListColumn.allCases
        let header = columns.map { SheetCell.text($0.title(period), .header) }
        // Amounts as text: a workbook re-saved by a spreadsheet program keeps them digit for digit.
        let money: (Int64?) -> SheetCell = { .text($0.map { Money(fen: $0).wanYuanText } ?? "", .boxed) }
        var rows: [[SheetCell]] = [[.text("\(area.under.name)\(round.fiscal_year)年\(period.label)绩效监控填报清单", .title)], header]
        for entry in entries {
            let task = entry.task
            let common: [MonitoringListColumn: SheetCell] = [
                .code: .text(task.object_code, .boxed), .region: .text(task.region_row_id.flatMap { regions[$0] } ?? "", .boxed),
                .name: .text(task.object_name, .boxed), .unit: .text(task.assignee_name, .boxed), .state: .text(zh(task.taskState.text), .boxed),
                .budget: money(task.full_year_budget_fen), .allocated: money(task.allocated_fen), .spent: money(task.spent_fen),
                .fundForecast: money(task.forecast_fen), .budgetNote: .text(task.budget_note, .boxed), .fundExplanation: .text(task.fund_explanation, .boxed),
                .version: .text(String(task.lock_version), .boxed),
            ]
            let lines: [[MonitoringListColumn: SheetCell]] = entry.indicators.isEmpty ? [[:]] : entry.indicators.enumerated().map { index, indicator in
                let reported = entry.progress[indicator.id]
                return [.position: .number(String(index + 1), .boxed), .category: .text(indicator.category.chineseName, .boxed),
                        .indicator: .text(indicator.name, .boxed), .target: .text(indicator.targetText, .boxed),
                        .reached: .text(reported?.reachedText ?? "", .boxed), .forecast: .text(reported?.forecastText ?? "", .boxed),
                        .likelihood: .text(reported?.likelihood?.chineseName ?? "", .boxed), .cause: .text(reported?.cause ?? "", .boxed),
                        .explanation: .text(reported?.explanation ?? "", .boxed), .measures: .text(reported?.measures ?? "", .boxed)]
            }
            for line in lines {
                rows.append(columns.map { line[$0] ?? common[$0] ?? .text("", .boxed) })
            }
        }
        let widths: [Double] = [18, 10, 28, 24, 12, 14, 14, 14, 16, 20, 24, 8, 10, 22, 14, 16, 16, 12, 12, 28, 28, 10]
        return try DownloadFile.workbook([SheetSpec(name: "监控填报", columnWidths: widths, merges: ["A1:V1"], rows: AnySequence(rows))],
                                         name: "\(area.under.code)-\(round.fiscal_year)年\(period.label)监控填报清单.xlsx")
    }

    // MARK: import

    static func importList(_ data: Data, round roundID: UUID, by caller: Caller, on db: any Database) async throws -> Outcome {
        let user = try caller.person()
        let area = try await MonitoringRoundModel.area(roundID, under: nil, by: caller, on: db)
        let round = area.round, period = round.period
        guard round.roundState == .open else { throw AppError(.conflict, "round_not_open", Message(.errorRoundNotOpen(round.roundState.text))) }
        let table = try UploadedTable<MonitoringListColumn>.read(data, limits: .goalList, match: MonitoringListColumn.match, anchor: .code,
                                                                required: [(.code, MonitoringListColumn.code.title(period))])
        guard !table.rows.isEmpty else { throw AppError(.unprocessableEntity, "csv_empty", Message(.errorCSVEmpty)) }
        let entries = try await entries(round: round, under: area.under.hierarchyPath, by: caller, on: db)
        let regions = try await regionCodes(entries.map(\.task), on: db)
        let byKey = Dictionary(entries.map { ($0.task.object_code + "|" + ($0.task.region_row_id.flatMap { regions[$0] } ?? ""), $0) },
                               uniquingKeysWith: { first, _ in first })

        var details: [AppError.Detail] = []
        func fail(_ row: UploadedTable<MonitoringListColumn>.Row, _ column: MonitoringListColumn?, _ message: Message) {
            let location = column.map { Message(.importSheetLocation(row.sheet, String(row.line), $0.title(period))) }
                ?? Message(.importSheetLine(row.sheet, String(row.line)))
            details.append(AppError.Detail(line: row.line, location: location, field: column?.title(period), message: message))
        }
        // The file's rows by task, in the order they came.
        var order: [String] = [], groups: [String: [UploadedTable<MonitoringListColumn>.Row]] = [:]
        for row in table.rows {
            let code = row.value(.code)
            guard !code.isEmpty else { fail(row, .code, Message(.errorRequired)); continue }
            let key = code + "|" + row.value(.region)
            guard byKey[key] != nil else { fail(row, .code, Message(.errorListUnknownTask(code))); continue }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(row)
        }

        var planned: [(UUID, ReportInput)] = [], skipped = 0
        for key in order {
            guard let entry = byKey[key], let rows = groups[key], let first = rows.first else { continue }
            let task = entry.task
            // Money: every row of the task that carries a figure must say the same.
            var texts: [MonitoringListColumn: (String, UploadedTable<MonitoringListColumn>.Row)] = [:]
            for column in MonitoringListColumn.money + MonitoringListColumn.fundTexts {
                for row in rows where !row.value(column).isEmpty {
                    if let earlier = texts[column], earlier.0 != row.value(column) {
                        fail(row, column, Message(.errorListFundDiffers(String(earlier.1.line))))
                    } else if texts[column] == nil {
                        texts[column] = (row.value(column), row)
                    }
                }
            }
            // Progress: the stored one, with what the file says per indicator on top.
            var inputs = entry.indicators.map { indicator in
                let stored = entry.progress[indicator.id]
                return IndicatorProgressInput(indicatorID: indicator.id, reached: stored?.reachedText ?? "", forecast: stored?.forecastText ?? "",
                                              likelihood: stored?.likelihood?.chineseName, cause: stored?.cause,
                                              explanation: stored?.explanation ?? "", measures: stored?.measures ?? "")
            }
            var rowOfIndicator: [Int: UploadedTable<MonitoringListColumn>.Row] = [:]
            for row in rows {
                let positionText = row.value(.position)
                if positionText.isEmpty {
                    if [.reached, .forecast, .likelihood, .cause, .explanation, .measures].contains(where: { !row.value($0).isEmpty }) {
                        fail(row, .position, Message(.errorRequired))
                    }
                    continue
                }
                guard let position = Int(positionText), entry.indicators.indices.contains(position - 1) else {
                    fail(row, .position, Message(.errorListPosition(positionText, String(entry.indicators.count)))); continue
                }
                let indicator = entry.indicators[position - 1]
                if !row.value(.indicator).isEmpty && row.value(.indicator) != indicator.name {
                    fail(row, .indicator, Message(.errorListIndicatorName(positionText, indicator.name))); continue
                }
                if let earlier = rowOfIndicator[position] { fail(row, .position, Message(.errorListFundDiffers(String(earlier.line)))); continue }
                rowOfIndicator[position] = row
                inputs[position - 1] = IndicatorProgressInput(indicatorID: indicator.id, reached: row.value(.reached), forecast: row.value(.forecast),
                                                              likelihood: row.value(.likelihood), cause: row.value(.cause),
                                                              explanation: row.value(.explanation), measures: row.value(.measures))
            }
            // The version the file was exported at; a file without the column is taken as current.
            var lockVersion = task.lock_version
            if let text = rows.lazy.map({ $0.value(.version) }).first(where: { !$0.isEmpty }) {
                guard let version = Int(text) else { fail(first, .version, Message(.errorListVersion)); continue }
                lockVersion = version
            }
            let input = ReportInput(lockVersion: lockVersion, fullYearBudget: texts[.budget]?.0, allocated: texts[.allocated]?.0,
                                    spent: texts[.spent]?.0, forecast: texts[.fundForecast]?.0, budgetNote: texts[.budgetNote]?.0,
                                    fundExplanation: texts[.fundExplanation]?.0, indicators: inputs)
            let changedRow = firstChange(input, entry: entry, rowOfIndicator: rowOfIndicator, texts: texts)
            let mayReport = user.organizationID == task.assignee_id && task.taskState.isEditable && caller.reaches(.reportMonitoring, task.target)
            guard mayReport else {
                if let row = changedRow {
                    fail(row, nil, Message(user.organizationID == task.assignee_id ? .errorTaskNotEditable(task.taskState.text)
                                                                                    : .errorListNotYours(task.object_code, task.assignee_name)))
                } else { skipped += 1 }
                continue
            }
            guard changedRow != nil else { skipped += 1; continue }
            if lockVersion != task.lock_version { fail(first, .version, Message(.errorListStale(task.object_code))); continue }
            // The task page's own checks, each error placed on the row and column it came from.
            let (_, fundErrors) = MonitoringReports.fund(from: input, task: task)
            for error in fundErrors {
                let column = listColumn(ofFund: error.field)
                fail(column.flatMap { texts[$0]?.1 } ?? first, column, error.message)
            }
            let (_, progressErrors) = MonitoringReports.progressRows(inputs, indicators: entry.indicators)
            for error in progressErrors {
                let (position, column) = listColumn(ofProgress: error.field)
                fail(position.flatMap { rowOfIndicator[$0] } ?? first, column, error.message)
            }
            planned.append((task.id, input))
        }
        if !details.isEmpty {
            throw AppError(.unprocessableEntity, "import_rows_invalid", Message(.errorListRows(details.count)),
                           details: details.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
        }
        let saves = planned, unchanged = skipped
        try await db.transaction { db in
            // One transaction: the saves join it, so a conflict on the last task leaves the first ones unsaved too.
            for (taskID, input) in saves { _ = try await MonitoringReports.save(taskID, input, by: caller, on: db) }
            try await AuditTrail.record("monitoring.list_imported", entityType: "monitoring_round", entityID: roundID.uuidString.lowercased(),
                                        summary: "saved=\(saves.count) skipped=\(unchanged)", context: caller.audit, on: db)
        }
        return Outcome(saved: saves.count, skipped: skipped)
    }

    /// The first row where the file says something else than the task holds; nil when the file repeats it.
    private static func firstChange(_ input: ReportInput, entry: Entry, rowOfIndicator: [Int: UploadedTable<MonitoringListColumn>.Row],
                                    texts: [MonitoringListColumn: (String, UploadedTable<MonitoringListColumn>.Row)]) -> UploadedTable<MonitoringListColumn>.Row? {
        let task = entry.task
        func differs(_ column: MonitoringListColumn, _ stored: Int64?) -> Bool {
            guard let text = texts[column]?.0 else { return false }
            return (try? Money(wanYuan: text).fen) != stored
        }
        let stored: [(MonitoringListColumn, Int64?)] = [(.budget, task.full_year_budget_fen), (.allocated, task.allocated_fen), (.spent, task.spent_fen),
                                                         (.fundForecast, task.forecast_fen)]
        for (column, value) in stored where differs(column, value) { return texts[column]?.1 }
        if let note = texts[.budgetNote], note.0 != task.budget_note { return note.1 }
        if let explanation = texts[.fundExplanation], explanation.0 != task.fund_explanation { return explanation.1 }
        for (position, row) in rowOfIndicator.sorted(by: { $0.key < $1.key }) {
            let indicator = entry.indicators[position - 1], was = entry.progress[indicator.id]
            let now = input.indicators?[position - 1]
            if now?.reached != (was?.reachedText ?? "") || now?.forecast != (was?.forecastText ?? "")
                || (now?.likelihood ?? "") != (was?.likelihood?.chineseName ?? "") || (now?.cause ?? "") != (was?.cause ?? "")
                || now?.explanation != (was?.explanation ?? "") || now?.measures != (was?.measures ?? "") {
                return row
            }
        }
        return nil
    }

    private static func listColumn(ofFund field: String?) -> MonitoringListColumn? {
        switch field {
        case "fullYearBudget": .budget
        case "allocated": .allocated
        case "spent": .spent
        case "forecast": .fundForecast
        case "budgetNote": .budgetNote
        case "fundExplanation": .fundExplanation
        default: nil
        }
    }

    /// "indicators[3].reached" → indicator 3, the 执行情况 column.
    private static func listColumn(ofProgress field: String?) -> (Int?, MonitoringListColumn?) {
        guard let field, let open = field.firstIndex(of: "["), let close = field.firstIndex(of: "]") else { return (nil, nil) }
        let position = Int(field[field.index(after: open)..<close])
        let column: MonitoringListColumn? = switch field[field.index(after: close)...] {
        case ".reached": .reached
        case ".forecast": .forecast
        case ".likelihood": .likelihood
        default: .indicator
        }
        return (position, column)
    }
}
