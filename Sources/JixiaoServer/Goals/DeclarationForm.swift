import Fluent
import Foundation
import JixiaoDomain

/// 项目支出绩效目标申报表 as data: what the .xlsx form and the printable page both show, read once.
/// Indicators are grouped by 一级指标 in the standard order (产出、效益、满意度 …), as units print the form.
struct DeclarationForm {
    struct IndicatorGroup { var category: IndicatorCategory; var indicators: [Indicator] }

    var fiscalYear: Int
    var name: String
    var code: String
    /// 主管部门 and its code: the department above the implementing unit (the unit itself when it is a department).
    var department: String
    var departmentCode: String
    var unit: String
    var category: String
    var term: String
    var fundSource: String
    var total: Money
    /// 其中：财政拨款 — every fund source Jixiao records is a budget (一般公共预算、政府性基金 …), so all of the request;
    /// 上年结转 and 其他资金 will be subtracted here once the budget figures carry them.
    var fiscal: Money
    var midTermGoal: String
    var annualGoal: String
    var groups: [IndicatorGroup]
    var state: String
    var version: Int

    static func load(_ loaded: LoadedGoal, localizer t: Localizer, on db: any Database) async throws -> DeclarationForm {
        let o = loaded.object, owner = loaded.organization
        var department = owner
        if owner.organizationKind == .unit, let parentID = owner.parentID, let parent = try await OrganizationModel.find(parentID, on: db) {
            department = parent
        }
        let fund = FundSource(rawValue: o.fundSource)
        let groups = IndicatorCategory.allCases.compactMap { category -> IndicatorGroup? in
            let rows = loaded.goal.indicators.filter { $0.category == category }
            return rows.isEmpty ? nil : IndicatorGroup(category: category, indicators: rows)
        }
        return DeclarationForm(fiscalYear: o.fiscalYear, name: o.name, code: o.code, department: department.name, departmentCode: department.code,
                               unit: owner.name, category: o.projectCategory.chineseName, term: "\(o.startYear)–\(o.endYear)年",
                               fundSource: fund?.chineseName ?? o.fundSource, total: o.requested,
                               fiscal: o.requested,
                               midTermGoal: loaded.goal.midTermGoal ?? "", annualGoal: loaded.goal.annualGoal, groups: groups,
                               state: t(loaded.version.goalState.title), version: loaded.version.versionNumber)
    }
}
