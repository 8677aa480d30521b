import Fluent
import Foundation
import JixiaoDomain

/// A department's (or a region's) self-evaluations of a year as one workbook: the list first — one row per form with
/// its money, total, grade, state and findings — then, for up to `formSheets` forms, each 自评表 on a sheet of its own,
/// which a unit can correct and load back with the importer.
enum SelfEvaluationListExport {
    static let formSheets = 200

    static func workbook(year yearID: UUID, filter: EvaluationFilter, by caller: Caller, on db: any Database) async throws -> DownloadFile {
        let user = try caller.person()
        let year = try await SelfEvaluationQueries.year(yearID, by: caller, on: db)
        var everything = filter
        everything.offset = 0
        everything.limit = 100_000
        let (rows, _) = try await SelfEvaluationQueries.evaluations(everything, for: user, on: db)
        let zh = Localizer(locale: .zhHans)
        let head: (String) -> SheetCell = { .text($0, .header) }
        let box: (String) -> SheetCell = { .text($0, .boxed) }
        var list: [[SheetCell]] = [
            [.text("\(year.fiscal_year)年度绩效自评汇总表", .title)] + Array(repeating: SheetCell.empty, count: 10),
            ["项目编码", "项目名称", "类型", "填报单位", "年初预算数（万元）", "全年预算数（万元）", "全年执行数（万元）", "总分", "等级", "状态", "质量问题"].map(head),
        ]
        for row in rows {
            let kind = BudgetObjectKind(rawValue: row.object_kind)?.chineseName ?? row.object_kind
            list.append([box(row.object_code), box(row.object_name + (row.is_summary ? "（下达方汇总）" : "")), box(kind), box(row.assignee_name),
                         .number(Money(fen: row.initial_budget_fen).wanYuanText, .amount), .number(Money(fen: row.full_year_budget_fen).wanYuanText, .amount),
                         row.executed_fen.map { .number(Money(fen: $0).wanYuanText, .amount) } ?? box(""),
                         row.total_cents.map { .number(Ratio.text(Decimal($0) / 100, decimals: 2), .boxed) } ?? box(""),
                         box(row.grade ?? ""), box(zh(row.evaluationState.text)), .number(String(row.finding_count), .boxed)])
        }
        var sheets = [SheetSpec(name: "自评汇总", columnWidths: [18, 30, 12, 24, 14, 14, 14, 10, 8, 12, 10], merges: ["A1:K1"], rows: AnySequence(list))]
        var used: Set<String> = ["自评汇总"]
        for row in rows.prefix(formSheets) {
            let detail = try await SelfEvaluationForms.load(row.id, by: caller, on: db)
            let sheet = try await SelfEvaluationSheet.load(detail, on: db)
            sheets.append(sheet.sheet(named: uniqueName(row.object_code + (row.region_id == nil ? "" : "-" + row.assignee_name), used: &used)))
        }
        return try DownloadFile.workbook(sheets, name: "\(year.fiscal_year)年度绩效自评表.xlsx")
    }

    /// A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], and unique in the workbook.
    static func uniqueName(_ wanted: String, used: inout Set<String>) -> String {
        let cleaned = String(wanted.filter { !":\\/?*[]".contains($0) }.prefix(28))
        var name = cleaned.isEmpty ? "自评表" : cleaned, counter = 2
        while used.contains(name) { name = "\(cleaned.prefix(25))-\(counter)"; counter += 1 }
        used.insert(name)
        return name
    }
}
