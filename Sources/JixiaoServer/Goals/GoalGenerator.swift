import Fluent
import SQLKit
import Vapor
import JixiaoDomain

/// Synthetic goals for a generated hierarchy: every unit and department declares projects with realistic
/// indicator trees, in a spread of workflow states, written in batched inserts and committed in slices so a
/// province's 200,000 projects and 3,000,000 indicators never sit in one transaction or in memory.
enum GoalGenerator {
    static let templates: [[(IndicatorSubcategory, String, String, Decimal)]] = [
        [(.quantity, "受益人数", "≥%d人次", 15), (.quantity, "完成项目数量", "≥%d个", 10), (.quantity, "培训人次", "≥%d人次", 5),
         (.quality, "验收合格率", "=100%", 10), (.quality, "工程质量达标率", "=100%", 5), (.timeliness, "完成时间", "%y年11月前", 5),
         (.timeliness, "服务响应及时率", "≥95%", 5), (.outputCost, "单位成本", "≤%d元", 5), (.socialBenefit, "服务覆盖率", "≥90%", 10),
         (.socialBenefit, "问题整改率", "≥95%", 5), (.economicBenefit, "带动增收", "≥%d万元", 5), (.ecologicalBenefit, "能耗下降", "≥3%", 5),
         (.sustainableImpact, "长效机制建立", "建立", 5), (.serviceSatisfaction, "服务对象满意度", "≥90%", 5), (.serviceSatisfaction, "社会公众满意度", "≥85%", 5)],
    ]
    static let names = ["基础设施维护", "公共服务提升", "人才培养", "信息化建设", "专项补助", "设备购置", "业务运行保障", "民生保障", "示范创建", "质量监测"]
    static let states: [GoalState] = [.draft, .submitted, .departmentApproved, .approved, .released, .released, .released, .returned]

    struct Result { var projects: Int; var indicators: Int; var seconds: Double }

    /// Generates `perOrganization` projects for every department and unit under the prefix's root.
    static func run(prefix: String, perOrganization: Int, fiscalYear: Int, on database: any Database,
                    progress: @escaping @Sendable (String) -> Void) async throws -> Result {
        struct Org: Decodable { var id: UUID; var code: String }
        let orgs = try await database.sql.select().column("id").column("code").from(OrganizationModel.schema)
            .where("code", .like, SQLBind("\(prefix)-%")).where("kind", .in, SQLBind.group(["department", "unit"]))
            .orderBy("path").all(decoding: Org.self)
        let start = Date()
        var projects = 0, indicators = 0
        let template = templates[0]
        for slice in orgs.chunked(into: max(1, 2_000 / max(perOrganization, 1))) {
            let now = Date()
            var objectRows: [[any Encodable & Sendable]] = [], versionRows: [[any Encodable & Sendable]] = []
            var indicatorRows: [(UUID, Int, Indicator)] = []
            do {
                for org in slice {
                    for n in 0..<perOrganization {
                        let objectID = UUID(), versionID = UUID()
                        let seed = projects + n
                        let state = states[seed % states.count]
                        let requested = Int64(50 + (seed * 37) % 5_000) * 1_000_000   // 50–5,049 万元
                        objectRows.append([objectID, BudgetObjectKind.project.rawValue, "\(org.code)-P\(String(format: "%03d", n + 1))",
                                           names[seed % names.count] + "项目", org.id, fiscalYear, "2050202", FundSource.allCases[seed % 4].rawValue,
                                           ProjectCategory.allCases[seed % 3].rawValue, fiscalYear, fiscalYear + seed % 3, requested,
                                           state == .released ? requested : nil as Int64?, seed % 10 == 0, seed % 2 == 0, versionID, state.rawValue, now, now])
                        versionRows.append([versionID, objectID, 1, state.rawValue, "完成年度任务，提升服务质量和群众满意度。", nil as String?, false, nil as String?,
                                            state != .draft, 0, 0, seed % 3, seed % 2, state == .released || state == .approved ? "优" : nil as String?,
                                            state == .released ? now : nil as Date?, now, now])
                        for (position, item) in template.enumerated() {
                            let value = 10 + (seed * (position + 3)) % 990
                            let target = item.2.replacingOccurrences(of: "%d", with: String(value)).replacingOccurrences(of: "%y", with: String(fiscalYear))
                            indicatorRows.append((versionID, position, Indicator(category: item.0.category, subcategory: item.0, name: item.1,
                                                                                  targetText: target, weight: item.3, standard: .plan)))
                        }
                        projects += 1
                    }
                }
            }
            indicators += indicatorRows.count
            try await database.transaction { [objectRows, versionRows, indicatorRows] db in
                for batch in objectRows.chunked(into: 500) {
                    var insert = db.sql.insert(into: BudgetObjectModel.schema).columns(BudgetObjectModel.insertColumns)
                    for row in batch { insert = insert.values(row.map { SQLBind($0) }) }
                    try await insert.run()
                }
                for batch in versionRows.chunked(into: 500) {
                    var insert = db.sql.insert(into: GoalVersionModel.schema).columns(GoalVersionModel.insertColumns)
                    for row in batch { insert = insert.values(row.map { SQLBind($0) }) }
                    try await insert.run()
                }
                for batch in indicatorRows.chunked(into: 1_000) { try await GoalExchangeService.insertIndicators(batch, on: db) }
            }
            let elapsed = Date().timeIntervalSince(start)
            progress("goals: \(projects) projects, \(indicators) indicators, \(Int(Double(projects + indicators) / max(elapsed, 0.001))) rows/s")
        }
        // Fresh statistics, so the planners pick the indexes for the tables that just grew by millions of rows.
        try await database.sql.raw("ANALYZE").run()
        try await AuditTrail.record("goal.generated", entityType: "budget_object", entityID: "-",
                                    summary: "prefix=\(prefix) projects=\(projects) indicators=\(indicators) year=\(fiscalYear)", context: .system("generate"), on: database)
        return Result(projects: projects, indicators: indicators, seconds: Date().timeIntervalSince(start))
    }
}
