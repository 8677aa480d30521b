import Foundation

/// One 自评表 as a unit published it, read from a sheet's cells: the words and figures as printed, nothing converted yet.
public struct PrintedForm: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public var line: Int
        public var category: String, subcategory: String, name: String, target: String
        /// 指标性质 (正向/反向/定性) and 度量单位, in provinces whose forms have them.
        public var nature: String, unit: String
        public var actual: String, weight: String, points: String, explanation: String
    }

    public var sheet: String
    /// The line of 项目名称, where the form starts.
    public var line: Int
    public var name: String
    public var code: String
    public var initialBudget: String, fullYearBudget: String, executed: String
    public var budgetWeight: String, rate: String, budgetPoints: String
    /// The line of the money's figures, for errors.
    public var budgetLine: Int?
    public var narrative: String
    public var rows: [Row]
    public var total: String
    public var totalLine: Int?
}

/// Reads 项目支出绩效自评表 laid out as units print them — the standard layout and the provincial variants (extra
/// 指标性质/度量单位 columns, 分值 before 指标值, other titles for the same column) — from rows of cells. Several forms
/// may follow each other in a sheet, or fill several sheets; each starts at its 项目名称. Sheets without one (a summary
/// list) are passed over.
public enum PrintedFormReader {
    public struct Line: Sendable {
        public var sheet: String
        public var line: Int
        public var cells: [Int: String]
        public init(sheet: String, line: Int, cells: [Int: String]) { self.sheet = sheet; self.line = line; self.cells = cells }
    }

    enum Column: CaseIterable { case category, subcategory, name, target, nature, unit, actual, weight, points, explanation }

    /// A title without spaces, brackets and their content ("分值（分）" → "分值"), so variants compare equal.
    static func normalized(_ text: String) -> String {
        var result = ""
        var depth = 0
        for char in text {
            if "（(【[".contains(char) { depth += 1; continue }
            if "）)】]".contains(char) { depth = max(0, depth - 1); continue }
            if depth == 0 && !char.isWhitespace && char != "：" && char != ":" { result.append(char) }
        }
        return result
    }

    static func column(_ title: String) -> Column? {
        switch normalized(title) {
        case "一级指标": .category
        case "二级指标": .subcategory
        case "三级指标", "指标名称", "绩效指标": .name
        case "年度指标值", "指标值", "年度目标值", "预期指标值", "目标值": .target
        case "指标性质": .nature
        case "度量单位", "计量单位", "单位": .unit
        case "实际完成值", "全年实际完成值", "实际值", "完成值", "全年完成值": .actual
        case "分值", "权重", "指标分值": .weight
        case "得分", "自评得分", "评分": .points
        case "偏差原因分析及改进措施", "偏差原因分析", "未完成原因分析", "偏差原因", "原因分析及改进措施", "偏差原因分析及改进措施说明": .explanation
        default: nil
        }
    }

    public static func read(_ lines: [Line]) -> [PrintedForm] {
        var forms: [PrintedForm] = []
        var current: PrintedForm?
        var indicatorColumns: [Int: Column]?
        var budgetColumns: [String: Int]?
        var goalColumns: (expected: Int, actual: Int)?
        func label(_ cells: [Int: String], _ names: [String]) -> (index: Int, value: String)? {
            for index in cells.keys.sorted() where names.contains(normalized(cells[index] ?? "")) {
                // The value is the next non-empty cell to the right.
                if let next = cells.keys.sorted().first(where: { $0 > index && !(cells[$0] ?? "").trimmed.isEmpty }) {
                    return (index, cells[next]!.trimmed)
                }
                return (index, "")
            }
            return nil
        }
        func finish() {
            if let form = current { forms.append(form) }
            current = nil; indicatorColumns = nil; budgetColumns = nil; goalColumns = nil
        }
        var lastSheet: String?
        for line in lines {
            if line.sheet != lastSheet { finish(); lastSheet = line.sheet }
            let cells = line.cells.filter { !$0.value.trimmed.isEmpty }
            guard !cells.isEmpty else { continue }
            let titles = Dictionary(cells.map { ($0.key, normalized($0.value)) }, uniquingKeysWith: { first, _ in first })
            if let name = label(cells, ["项目名称", "部门名称", "单位名称"]) {
                finish()
                current = PrintedForm(sheet: line.sheet, line: line.line, name: name.value, code: "", initialBudget: "", fullYearBudget: "", executed: "",
                                      budgetWeight: "", rate: "", budgetPoints: "", budgetLine: nil, narrative: "", rows: [], total: "", totalLine: nil)
                if let code = label(cells, ["项目编码", "项目代码", "项目编号", "部门编码"]) { current?.code = code.value }
                continue
            }
            guard current != nil else { continue }
            if let code = label(cells, ["项目编码", "项目代码", "项目编号"]), current?.code.isEmpty == true { current?.code = code.value }
            // The money's header, then its figures (the row of 年度资金总额, or the next one).
            if titles.values.contains("全年执行数") && titles.values.contains(where: { $0 == "年初预算数" || $0 == "全年预算数" }) {
                var columns: [String: Int] = [:]
                for (index, title) in titles {
                    for key in ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"] where title == key { columns[key] = index }
                }
                budgetColumns = columns
                continue
            }
            if let columns = budgetColumns, current?.budgetLine == nil,
               titles.values.contains("年度资金总额") || columns.values.contains(where: { cells[$0] != nil }) {
                func value(_ key: String) -> String { columns[key].flatMap { cells[$0]?.trimmed } ?? "" }
                current?.initialBudget = value("年初预算数"); current?.fullYearBudget = value("全年预算数"); current?.executed = value("全年执行数")
                current?.budgetWeight = value("分值"); current?.rate = value("执行率"); current?.budgetPoints = value("得分")
                current?.budgetLine = line.line
                continue
            }
            if titles.values.contains("预期目标"), let actual = titles.first(where: { $0.value == "实际完成情况" || $0.value == "实际完成" })?.key,
               let expected = titles.first(where: { $0.value == "预期目标" })?.key {
                goalColumns = (expected, actual)
                continue
            }
            if let goal = goalColumns, current?.narrative.isEmpty == true, cells[goal.actual] != nil || cells[goal.expected] != nil {
                current?.narrative = cells[goal.actual]?.trimmed ?? ""
                goalColumns = nil
                continue
            }
            if titles.values.contains("三级指标") || (titles.values.contains("实际完成值") && titles.values.contains("得分")) {
                var columns: [Int: Column] = [:]
                for (index, title) in titles { if let column = column(title) { columns[index] = column } }
                indicatorColumns = columns
                continue
            }
            if titles.values.contains(where: { $0.hasPrefix("总分") || $0 == "合计" }) {
                let pointsColumn = indicatorColumns?.first { $0.value == .points }?.key
                let numbers = cells.keys.sorted().compactMap { index -> String? in
                    let text = cells[index]!.trimmed
                    return Decimal(string: text.replacingOccurrences(of: "分", with: "")) != nil ? text : nil
                }
                current?.total = pointsColumn.flatMap { cells[$0]?.trimmed } ?? numbers.last ?? ""
                current?.totalLine = line.line
                indicatorColumns = nil
                continue
            }
            if let columns = indicatorColumns {
                var values: [Column: String] = [:]
                for (index, column) in columns { if let value = cells[index]?.trimmed { values[column] = value } }
                guard let name = values[.name], !name.isEmpty else { continue }
                // A 一级/二级 cell merged over several rows is written once: the rows below carry it on.
                let previous = current?.rows.last
                current?.rows.append(PrintedForm.Row(line: line.line, category: values[.category] ?? previous?.category ?? "",
                                                     subcategory: values[.subcategory] ?? previous?.subcategory ?? "", name: name,
                                                     target: values[.target] ?? "", nature: values[.nature] ?? "", unit: values[.unit] ?? "",
                                                     actual: values[.actual] ?? "", weight: values[.weight] ?? "", points: values[.points] ?? "",
                                                     explanation: values[.explanation] ?? ""))
            }
        }
        finish()
        return forms
    }
}
