import Foundation
import JixiaoDomain

/// The department list of goals (部门项目绩效目标清单): one row per indicator, the project's own fields on its rows.
/// The same columns are written by the export and read by the import, so a file round-trips.
/// Cases carry no raw value on purpose: rows look columns up for every cell, and a String-backed enum hashes its
/// Chinese title (with Unicode normalization) on each lookup; `title` is the header text.
enum GoalListColumn: CaseIterable, Sendable {
    case code, name, unitCode, unitName, fiscalYear, fundSource, category, term, requested, annualGoal, level1, level2, indicator, target, weight, standard, note
    /// The exported version's state and number: written for the reader, ignored on import (the import decides from the
    /// database whether a project is created, updated or left as it is).
    case state, version
    /// Columns some provincial forms split the target into (DOMAIN.md §6); read on import, never written.
    case measureUnit, nature

    /// The columns the list is exported with, in order; an import accepts them in any order, plus the provincial extras.
    static let exported: [GoalListColumn] = allCases.filter { $0 != .measureUnit && $0 != .nature }

    /// The header as the standard list writes it.
    var title: String {
        switch self {
        case .code: "项目编码"
        case .name: "项目名称"
        case .unitCode: "实施单位编码"
        case .unitName: "实施单位"
        case .fiscalYear: "预算年度"
        case .fundSource: "资金来源"
        case .category: "项目类别"
        case .term: "起止年度"
        case .requested: "申请金额（万元）"
        case .annualGoal: "年度总体目标"
        case .level1: "一级指标"
        case .level2: "二级指标"
        case .indicator: "三级指标"
        case .target: "指标值"
        case .weight: "分值"
        case .standard: "指标标准"
        case .note: "备注"
        case .state: "状态"
        case .version: "版本"
        case .measureUnit: "度量单位"
        case .nature: "指标性质"
        }
    }

    var width: Double {
        switch self {
        case .code, .unitCode: 16
        case .name, .unitName: 26
        case .annualGoal: 40
        case .indicator: 28
        case .level1, .level2, .target, .standard, .fundSource: 16
        default: 11
        }
    }

    /// Columns a file must have; the others are optional (the unit's name, the term, notes).
    var isRequired: Bool { ![.unitName, .term, .note, .standard, .category, .fundSource, .measureUnit, .nature, .state, .version].contains(self) }

    /// Header words accepted besides the column's own title (provincial variants).
    var aliases: Set<String> {
        switch self {
        case .code: ["项目代码", "项目编号"]
        case .name: ["项目"]
        case .unitCode: ["单位编码", "单位代码", "实施单位代码"]
        case .fiscalYear: ["年度"]
        case .requested: ["申请金额", "年度资金总额（万元）", "年度资金总额"]
        case .annualGoal: ["年度目标", "总体目标"]
        case .indicator: ["指标名称"]
        case .target: ["年度指标值", "目标值"]
        case .weight: ["权重", "分值（权重）"]
        case .standard: ["指标标准", "标准"]
        case .measureUnit: ["计量单位", "单位", "指标单位"]
        case .nature: ["指标方向", "指标属性", "符号", "运算符", "运算符号"]
        default: []
        }
    }

    static func match(_ header: String) -> GoalListColumn? {
        let key = header.trimmed.replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
        return allCases.first { $0.title == key || $0.aliases.contains(key) }
    }
}

/// One indicator row of an imported list, read but not yet checked against the database.
typealias ImportedGoalRow = UploadedTable<GoalListColumn>.Row

extension FundSource {
    static func parse(_ text: String) -> FundSource? {
        let key = text.trimmed
        return allCases.first { $0.chineseName == key || $0.rawValue == key || key.hasPrefix(String($0.chineseName.prefix(4))) }
    }
}

extension ProjectCategory {
    static func parse(_ text: String) -> ProjectCategory? {
        let key = text.trimmed.replacingOccurrences(of: "项目", with: "")
        return allCases.first { $0.chineseName == key || $0.rawValue == key || $0.chineseName.dropLast() == key }
    }
}

extension StandardSource {
    static func parse(_ text: String) -> StandardSource? {
        let key = text.trimmed
        return allCases.first { $0.chineseName == key || $0.rawValue == key || String($0.chineseName.prefix(2)) == key }
    }
}
