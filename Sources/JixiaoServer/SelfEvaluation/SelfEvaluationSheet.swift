import Fluent
import Foundation
import Plot
import SQLKit
import JixiaoDomain

/// 项目支出绩效自评表 as data (DOMAIN.md §6): what the .xlsx form and the printable page both show, read once. In
/// Chinese whatever the interface language, as units file and print it; the importer reads it back (`SelfEvaluationImport`).
struct SelfEvaluationSheet {
    struct Row {
        var category: String, subcategory: String, name: String, target: String, actual: String
        var weight: String, points: String, explanation: String
    }

    var fiscalYear: Int
    var title: String
    var name: String
    var code: String
    var department: String
    var unit: String
    var initialBudget: Money
    var fullYearBudget: Money
    var executed: Money?
    var budgetWeight: String
    var rate: String
    var budgetPoints: String
    var annualGoal: String
    var narrative: String
    var rows: [Row]
    var total: String
    var grade: String
    var state: String
    var findings: [String]

    static func load(_ detail: EvaluationDetail, on db: any Database) async throws -> SelfEvaluationSheet {
        let e = detail.evaluation, zh = Localizer(locale: .zhHans)
        let score = detail.evaluated.score, scored = e.executed_fen != nil || e.total != nil
        let department = try await OrganizationCommands.nearestDepartment(of: HierarchyPath(rawValue: e.assignee_path), on: db)
        let rules = try? e.ruleSet
        let ordered = IndicatorCategory.allCases.flatMap { category in detail.rows.enumerated().filter { $0.element.indicatorCategory == category } }
        let rows = ordered.map { index, row in
            let points = score.flatMap { index < $0.indicators.count ? $0.indicators[index] : nil }
            let actual = row.not_applicable_reason != nil ? "不适用" : row.qualitativeBand.map(\.chineseName) ?? row.actual_text
            return Row(category: row.indicatorCategory.chineseName, subcategory: IndicatorSubcategory(rawValue: row.subcategory)?.chineseName ?? row.subcategory,
                       name: row.name, target: row.target_text, actual: actual, weight: ScoreArithmetic.number(row.weightValue),
                       points: scored ? points.map { Ratio.text($0.points, decimals: 2) } ?? "" : "", explanation: row.explanation)
        }
        let title = e.object_kind == BudgetObjectKind.departmentOverall.rawValue ? "部门整体支出绩效自评表" : "项目支出绩效自评表"
        return SelfEvaluationSheet(
            fiscalYear: e.fiscal_year, title: title, name: e.object_name, code: e.object_code, department: department?.name ?? e.assignee_name,
            unit: e.assignee_name, initialBudget: Money(fen: e.initial_budget_fen), fullYearBudget: Money(fen: e.full_year_budget_fen),
            executed: e.executed_fen.map(Money.init(fen:)), budgetWeight: ScoreArithmetic.number(rules?.budgetWeight ?? 10),
            rate: e.executed_fen == nil ? "" : score?.budget.rate?.percentText(decimals: 2) ?? "",
            budgetPoints: e.executed_fen == nil ? "" : score.map { Ratio.text($0.budget.points, decimals: 2) } ?? "",
            annualGoal: e.annual_goal, narrative: e.narrative, rows: rows, total: scored ? score?.totalText ?? "" : "",
            grade: scored ? score?.grade.rawValue ?? "" : "", state: zh(e.evaluationState.text),
            findings: detail.evaluated.findings.map { ScoreWords.finding($0, rows: detail.rows, zh) })
    }

    // MARK: .xlsx

    var workbook: DownloadFile {
        get throws { try DownloadFile.workbook([sheet(named: "自评表")], name: "\(code)-\(fiscalYear)年度绩效自评表.xlsx") }
    }

    /// The form as one sheet of a workbook: alone, or one of a department's forms.
    func sheet(named sheetName: String) -> SheetSpec {
        do {
            let box: (String) -> SheetCell = { .text($0, .boxed) }
            let head: (String) -> SheetCell = { .text($0, .header) }
            let amount: (Money?) -> SheetCell = { $0.map { .number($0.wanYuanText, .amount) } ?? box("") }
            let number: (String) -> SheetCell = { $0.isEmpty ? box("") : .number($0, .boxed) }
            let blank = Array(repeating: SheetCell.empty, count: 9)
            var rows: [[SheetCell]] = [
                [.text(title, .title)] + blank,
                [.text("（\(fiscalYear)年度）")] + blank,
                [head("项目名称"), box(name), box(""), box(""), head("项目编码"), box(code), box(""), box(""), box(""), box("")],
                [head("主管部门"), box(department), box(""), box(""), head("实施单位"), box(unit), box(""), box(""), box(""), box("")],
                [head("项目资金（万元）"), box(""), head("年初预算数"), head("全年预算数"), head("全年执行数"), head("分值"), head("执行率"), head("得分"),
                 box(""), box("")],
                [box(""), head("年度资金总额"), amount(initialBudget), amount(fullYearBudget), amount(executed), number(budgetWeight), box(rate),
                 number(budgetPoints), box(""), box("")],
                [head("年度总体目标"), head("预期目标"), box(""), box(""), box(""), head("实际完成情况"), box(""), box(""), box(""), box("")],
                [box(""), box(annualGoal), box(""), box(""), box(""), box(narrative), box(""), box(""), box(""), box("")],
                [head("一级指标"), head("二级指标"), head("三级指标"), head("年度指标值"), head("实际完成值"), head("分值"), head("得分"),
                 head("偏差原因分析及改进措施"), box(""), box("")],
            ]
            var merges = ["A1:J1", "A2:J2", "B3:D3", "F3:J3", "B4:D4", "F4:J4", "A5:A6", "A7:A8", "B7:E7", "F7:J7", "B8:E8", "F8:J8", "H9:J9"]
            var groupStart = rows.count + 1, previous: String?
            for row in self.rows {
                if row.category != previous {
                    if previous != nil, rows.count >= groupStart + 1 { merges.append("A\(groupStart):A\(rows.count)") }
                    groupStart = rows.count + 1
                }
                rows.append([box(row.category != previous ? row.category : ""), box(row.subcategory), box(row.name), box(row.target), box(row.actual),
                             number(row.weight), number(row.points), box(row.explanation), box(""), box("")])
                merges.append("H\(rows.count):J\(rows.count)")
                previous = row.category
            }
            if previous != nil, rows.count > groupStart { merges.append("A\(groupStart):A\(rows.count)") }
            rows.append([head("总分"), box(""), box(""), box(""), box(""), number("100"), number(total), box(grade.isEmpty ? "" : "自评等级：\(grade)"), box(""), box("")])
            merges.append("A\(rows.count):E\(rows.count)")
            merges.append("H\(rows.count):J\(rows.count)")
            for finding in findings {
                rows.append([.text("质量检查：" + finding)] + blank)
                merges.append("A\(rows.count):J\(rows.count)")
            }
            rows.append([.text("状态：\(state)")] + blank)
            return SheetSpec(name: sheetName, columnWidths: [14, 16, 24, 14, 16, 10, 10, 14, 14, 14], merges: merges, rows: AnySequence(rows))
        }
    }

    // MARK: printable page

    func printable(back: String, download: String, _ t: Localizer) -> Node<HTML.BodyContext> {
        func wide(_ text: String, span: Int) -> Node<HTML.TableRowContext> { .td(.attribute(named: "colspan", value: String(span)), .text(text)) }
        func money(_ value: Money?) -> Node<HTML.TableRowContext> { .td(.class("number"), .text(value?.wanYuanDisplay ?? "")) }
        func cell(_ text: String) -> Node<HTML.TableRowContext> { .td(.class("number"), .text(text)) }
        let groups = Dictionary(grouping: rows, by: \.category)
        let order = rows.map(\.category).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return .div(.class("print-form"),
            .p(.class("print-year"), .text("（\(fiscalYear)年度）")),
            .div(.class("table-scroll"), .table(.class("form-table"),
                .tr(.th(.text("项目名称")), wide(name, span: 3), .th(.text("项目编码")), wide(code, span: 3)),
                .tr(.th(.text("主管部门")), wide(department, span: 3), .th(.text("实施单位")), wide(unit, span: 3)),
                .tr(.th(.attribute(named: "rowspan", value: "2"), .text("项目资金（万元）")), .th(.text("年初预算数")), .th(.text("全年预算数")),
                    .th(.text("全年执行数")), .th(.text("分值")), .th(.text("执行率")), .th(.text("得分"))),
                .tr(money(initialBudget), money(fullYearBudget), money(executed), cell(budgetWeight), cell(rate), cell(budgetPoints)),
                .tr(.th(.attribute(named: "rowspan", value: "2"), .text("年度总体目标")), .th(.attribute(named: "colspan", value: "3"), .text("预期目标")),
                    .th(.attribute(named: "colspan", value: "3"), .text("实际完成情况"))),
                .tr(wide(annualGoal, span: 3), wide(narrative.isEmpty ? "—" : narrative, span: 3)),
                .tr(.th(.text("一级指标")), .th(.text("二级指标")), .th(.text("三级指标")), .th(.text("年度指标值")), .th(.text("实际完成值")),
                    .th(.text("分值")), .th(.text("得分")), .th(.text("偏差原因分析及改进措施"))),
                .forEach(order) { category in
                    let members = groups[category] ?? []
                    return .group(members.enumerated().map { index, row in
                        .tr(.if(index == 0, .th(.attribute(named: "rowspan", value: String(members.count)), .text(category))),
                            .td(.text(row.subcategory)), .td(.text(row.name)), .td(.text(row.target)), .td(.text(row.actual)),
                            cell(row.weight), cell(row.points), .td(.text(row.explanation)))
                    })
                },
                .tr(.th(.attribute(named: "colspan", value: "5"), .text("总分")), cell("100"), cell(total), .td(.text(grade.isEmpty ? "" : "自评等级：\(grade)"))))),
            .if(!findings.isEmpty, .ul(.class("warnings"), .forEach(findings) { .li(.text("质量检查：" + $0)) })),
            .p(.class("print-state"), .text("状态：\(state)")),
            .p(.class("no-print"), .a(.href(back), .text(t(.selfEvaluationBackToForm))), .text("　"), .a(.href(download), .text(t(.selfEvaluationDownload)))))
    }
}
