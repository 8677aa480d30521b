import Fluent
import Foundation
import Plot
import SQLKit
import JixiaoDomain

/// 项目支出绩效目标执行监控表 as data (DOMAIN.md §6): what the .xlsx form and the printable page both show, read once.
/// The form is in Chinese whatever the interface language, as units file and print it.
struct MonitoringSheet {
    struct Row {
        var category: String, subcategory: String, name: String, target: String
        /// 1–N月执行情况, 全年预计完成情况.
        var reached: String, forecast: String
        /// 偏差原因分析: the cause from the list and the unit's explanation.
        var cause: String
        var likelihood: String
        /// 备注: the corrective measures.
        var note: String
    }

    var fiscalYear: Int
    var period: MonitoringPeriod
    var name: String
    var code: String
    var department: String
    var unit: String
    /// The receiving region's goal, for a transfer payment's regional task.
    var region: String?
    var initialBudget: Money
    var fullYearBudget: Money
    /// 1–N月执行数 on the round's basis (spent, or allocated where the bureau measures that).
    var executed: Money?
    var rate: String
    var yearEndForecast: Money?
    var annualGoal: String
    var annualProgress: String
    /// 资金执行偏差说明 and 追加/调减说明, where the unit gave them.
    var fundNotes: String
    var rows: [Row]
    var warnings: [String]
    var state: String
    var colour: String

    var title: String { "项目支出绩效目标执行监控表" }
    var periodLabel: String { period.label }

    static func load(_ detail: TaskDetail, on db: any Database) async throws -> MonitoringSheet {
        let task = detail.task, round = detail.round
        let zh = Localizer(locale: .zhHans)
        let rules = (try? round.ruleSet) ?? .standard
        let progress = task.fund.map { FundProgress($0, period: round.period, basis: rules.executionBasis) }
        // 主管部门: the nearest department above (or at) the reporter; for a receiving bureau's part of a transfer
        // payment, the department that issued it.
        var department = try await OrganizationCommands.nearestDepartment(of: HierarchyPath(rawValue: task.assignee_path), on: db)
        if department == nil, let object = try await BudgetObjectModel.find(task.budget_object_id, on: db) {
            department = try await OrganizationModel.find(object.$organization.id, on: db)
        }
        struct Goal: Decodable { var annual_goal: String }
        let annualGoal: String
        if let regionRow = task.region_row_id {
            annualGoal = try await db.sql.select().column("annual_goal").from("goal_regions").where("id", .equal, SQLBind(regionRow))
                .first(decoding: Goal.self)?.annual_goal ?? ""
        } else {
            annualGoal = try await GoalVersionModel.find(task.goal_version_id, on: db)?.annualGoal ?? ""
        }
        let ordered = IndicatorCategory.allCases.flatMap { category in detail.indicators.filter { $0.category == category } }
        let rows = ordered.map { indicator in
            let reported = detail.progress[indicator.id]
            let cause = [reported?.cause, reported?.explanation].compactMap { $0?.trimmed }.filter { !$0.isEmpty }.joined(separator: "：")
            return Row(category: indicator.category.chineseName, subcategory: indicator.subcategory.chineseName, name: indicator.name,
                       target: indicator.targetText, reached: reported?.reachedText ?? "", forecast: reported?.forecastText ?? "",
                       cause: cause, likelihood: reported?.likelihood?.chineseName ?? "", note: reported?.measures ?? "")
        }
        return MonitoringSheet(fiscalYear: round.fiscal_year, period: round.period, name: task.object_name, code: task.object_code,
                               department: department?.name ?? task.assignee_name, unit: task.assignee_name,
                               region: task.region_row_id == nil ? nil : task.assignee_name,
                               initialBudget: Money(fen: task.initial_budget_fen), fullYearBudget: Money(fen: task.full_year_budget_fen),
                               executed: progress?.executed, rate: progress?.executionRate?.percentText() ?? "",
                               yearEndForecast: task.forecast_fen.map(Money.init(fen:)), annualGoal: annualGoal, annualProgress: task.annual_progress,
                               fundNotes: [task.fund_explanation, task.budget_note].map(\.trimmed).filter { !$0.isEmpty }.joined(separator: "；"),
                               rows: rows, warnings: detail.warnings.map { $0.level.chineseName + "：" + WarningWords.explain($0, zh) },
                               state: zh(task.taskState.text), colour: task.level.chineseName)
    }

    // MARK: .xlsx

    var workbook: DownloadFile {
        get throws {
            let box: (String) -> SheetCell = { .text($0, .boxed) }
            let head: (String) -> SheetCell = { .text($0, .header) }
            let amount: (Money?) -> SheetCell = { $0.map { .number($0.wanYuanText, .amount) } ?? box("") }
            let blank = Array(repeating: SheetCell.empty, count: 8)
            let p = periodLabel
            var rows: [[SheetCell]] = [
                [.text(title, .title)] + blank,
                [.text("（\(fiscalYear)年度 \(p)）")] + blank,
                [head("项目名称"), box(name), box(""), box(""), head("项目编码"), box(code), box(""), box(""), box("")],
                [head("主管部门"), box(department), box(""), box(""), head("实施单位"), box(unit), box(""), box(""), box("")],
                [head("项目资金（万元）"), head("年初预算数"), head("全年预算数"), head("\(p)执行数"), head("\(p)执行率"), head("全年预计执行数"),
                 box(""), box(""), box("")],
                [box(""), amount(initialBudget), amount(fullYearBudget), amount(executed), box(rate), amount(yearEndForecast), box(""), box(""), box("")],
                [head("年度总体目标"), box(annualGoal), box(""), box(""), box(""), box(""), box(""), box(""), box("")],
                [head("\(p)总体完成情况"), box(annualProgress), box(""), box(""), box(""), box(""), box(""), box(""), box("")],
                [head("资金执行说明"), box(fundNotes), box(""), box(""), box(""), box(""), box(""), box(""), box("")],
                [head("一级指标"), head("二级指标"), head("三级指标"), head("年度指标值"), head("\(p)执行情况"), head("全年预计完成情况"),
                 head("偏差原因分析"), head("完成目标可能性"), head("备注")],
            ]
            var merges = ["A1:I1", "A2:I2", "B3:D3", "F3:I3", "B4:D4", "F4:I4", "A5:A6", "F5:I5", "F6:I6", "B7:I7", "B8:I8", "B9:I9"]
            var groupStart = rows.count + 1, previous: String?
            for row in self.rows {
                if row.category != previous {
                    if let _ = previous, rows.count >= groupStart + 1 { merges.append("A\(groupStart):A\(rows.count)") }
                    groupStart = rows.count + 1
                }
                rows.append([box(row.category != previous ? row.category : ""), box(row.subcategory), box(row.name), box(row.target), box(row.reached),
                             box(row.forecast), box(row.cause), box(row.likelihood), box(row.note)])
                previous = row.category
            }
            if previous != nil, rows.count > groupStart { merges.append("A\(groupStart):A\(rows.count)") }
            if !warnings.isEmpty {
                rows.append([head("预警")] + Array(repeating: box(""), count: 8))
                merges.append("A\(rows.count):I\(rows.count)")
                for warning in warnings {
                    rows.append([box(warning)] + Array(repeating: box(""), count: 8))
                    merges.append("A\(rows.count):I\(rows.count)")
                }
            }
            rows.append([.text("状态：\(state)　预警等级：\(colour)")] + blank)
            return try DownloadFile.workbook([SheetSpec(name: "监控表", columnWidths: [14, 14, 24, 14, 16, 16, 30, 14, 30], merges: merges,
                                                        rows: AnySequence(rows))],
                                             name: "\(code)-\(fiscalYear)年\(p)绩效监控表.xlsx")
        }
    }

    // MARK: printable page

    func printable(back: String, download: String, _ t: Localizer) -> Node<HTML.BodyContext> {
        let p = periodLabel
        func wide(_ text: String, span: Int) -> Node<HTML.TableRowContext> { .td(.attribute(named: "colspan", value: String(span)), .text(text)) }
        func money(_ value: Money?) -> Node<HTML.TableRowContext> { .td(.class("number"), .text(value?.wanYuanDisplay ?? "")) }
        let groups = Dictionary(grouping: rows, by: \.category)
        let order = rows.map(\.category).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return .div(.class("print-form"),
            .p(.class("print-year"), .text("（\(fiscalYear)年度 \(p)）")),
            .div(.class("table-scroll"), .table(.class("form-table"),
                .tr(.th(.text("项目名称")), wide(name, span: 3), .th(.text("项目编码")), wide(code, span: 4)),
                .tr(.th(.text("主管部门")), wide(department, span: 3), .th(.text("实施单位")), wide(unit, span: 4)),
                .tr(.th(.attribute(named: "rowspan", value: "2"), .text("项目资金（万元）")), .th(.text("年初预算数")), .th(.text("全年预算数")),
                    .th(.text("\(p)执行数")), .th(.text("\(p)执行率")), .th(.attribute(named: "colspan", value: "4"), .text("全年预计执行数"))),
                .tr(money(initialBudget), money(fullYearBudget), money(executed), .td(.class("number"), .text(rate)),
                    .td(.attribute(named: "colspan", value: "4"), .class("number"), .text(yearEndForecast?.wanYuanDisplay ?? ""))),
                .tr(.th(.text("年度总体目标")), wide(annualGoal, span: 8)),
                .tr(.th(.text("\(p)总体完成情况")), wide(annualProgress.isEmpty ? "—" : annualProgress, span: 8)),
                .tr(.th(.text("资金执行说明")), wide(fundNotes.isEmpty ? "—" : fundNotes, span: 8)),
                .tr(.th(.text("一级指标")), .th(.text("二级指标")), .th(.text("三级指标")), .th(.text("年度指标值")), .th(.text("\(p)执行情况")),
                    .th(.text("全年预计完成情况")), .th(.text("偏差原因分析")), .th(.text("完成目标可能性")), .th(.text("备注"))),
                .forEach(order) { category in
                    let members = groups[category] ?? []
                    return .group(members.enumerated().map { index, row in
                        .tr(.if(index == 0, .th(.attribute(named: "rowspan", value: String(members.count)), .text(category))),
                            .td(.text(row.subcategory)), .td(.text(row.name)), .td(.text(row.target)), .td(.text(row.reached)),
                            .td(.text(row.forecast)), .td(.text(row.cause)), .td(.text(row.likelihood)), .td(.text(row.note)))
                    })
                })),
            .if(!warnings.isEmpty, .ul(.class("warnings"), .forEach(warnings) { .li(.text($0)) })),
            .p(.class("print-state"), .text("状态：\(state)　预警等级：\(colour)")),
            .p(.class("no-print"), .a(.href(back), .text(t(.backToTask))), .text("　"), .a(.href(download), .text(t(.sheetDownload)))))
    }
}
