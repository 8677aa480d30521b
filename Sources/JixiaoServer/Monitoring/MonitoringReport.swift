import Fluent
import Foundation
import Plot
import SQLKit
import JixiaoDomain

/// 绩效监控报告 — what a department or a region reports upward after a round: the money, the warnings by colour and
/// by organisation, each warned object with its arithmetic, what was decided, and the problems with their measures.
/// Read once; shown as a printable page and written as .xlsx. In Chinese, as it is filed.
struct MonitoringReport {
    struct Warned { var task: TaskRow; var warnings: [String] }
    struct Problem { var code: String; var name: String; var unit: String; var subject: String; var cause: String; var explanation: String; var measures: String }
    struct Decision { var code: String; var name: String; var kind: String; var reason: String; var due: String; var response: String }

    var dashboard: MonitoringRoundModel
    var objects: Int
    var budget: Money
    var allocated: Money
    var spent: Money
    var rate: String
    var reported: Int
    var late: Int
    var outstanding: Int
    var warned: [Warned]
    var decisions: [Decision]
    var problems: [Problem]

    var round: RoundRow { dashboard.round }
    var title: String { "\(dashboard.under.name)\(round.fiscal_year)年\(round.period.label)绩效监控报告" }

    /// At most this many warned objects are listed one by one; the counts above them cover all.
    static let listLimit = 500

    static func load(_ roundID: UUID, under code: String?, by caller: Caller, on db: any Database) async throws -> MonitoringReport {
        let user = try caller.person()
        let dashboard = try await MonitoringRoundModel.load(roundID, under: code, colour: nil, page: nil, by: caller, on: db)
        let round = dashboard.round
        let scope = Authorization.scope(user.actor, .viewBudget)
        func area(_ query: SQLSelectBuilder) -> SQLSelectBuilder { query.whereTask(of: round.id, under: dashboard.under.hierarchyPath, scope: scope) }
        struct Sums: Decodable { var n: Int; var budget: Int64?; var allocated: Int64?; var spent: Int64?; var reported: Int?; var late: Int?; var outstanding: Int? }
        let done = [MonitoringTaskState.submitted, .departmentConfirmed, .financeConfirmed].map { "'\($0.rawValue)'" }.joined(separator: ",")
        let open = [MonitoringTaskState.pending, .returned, .unreported].map { "'\($0.rawValue)'" }.joined(separator: ",")
        // Casts: PostgreSQL sums bigint as numeric.
        let sums = try await area(db.sql.select()
            .column(SQLAlias(SQLRaw("COUNT(*)"), as: SQLIdentifier("n")))
            .column(SQLAlias(SQLRaw("CAST(SUM(t.full_year_budget_fen) AS BIGINT)"), as: SQLIdentifier("budget")))
            .column(SQLAlias(SQLRaw("CAST(SUM(t.allocated_fen) AS BIGINT)"), as: SQLIdentifier("allocated")))
            .column(SQLAlias(SQLRaw("CAST(SUM(t.spent_fen) AS BIGINT)"), as: SQLIdentifier("spent")))
            .column(SQLAlias(SQLRaw("CAST(SUM(CASE WHEN t.state IN (\(done)) THEN 1 ELSE 0 END) AS BIGINT)"), as: SQLIdentifier("reported")))
            .column(SQLAlias(SQLRaw("CAST(SUM(CASE WHEN t.late AND t.state IN (\(done)) THEN 1 ELSE 0 END) AS BIGINT)"), as: SQLIdentifier("late")))
            .column(SQLAlias(SQLRaw("CAST(SUM(CASE WHEN t.state IN (\(open)) THEN 1 ELSE 0 END) AS BIGINT)"), as: SQLIdentifier("outstanding")))
            .from(MonitoringTables.tasksAsT(db))).first(decoding: Sums.self)
        let budget = Money(fen: sums?.budget ?? 0), spent = Money(fen: sums?.spent ?? 0), allocated = Money(fen: sums?.allocated ?? 0)
        let rules = (try? round.ruleSet) ?? .standard
        let rate = Ratio(rules.executionBasis == .spent ? spent : allocated, over: budget)?.percentText() ?? "—"

        let zh = Localizer(locale: .zhHans)
        let tasks = try await area(TaskRow.select(on: db)).where(SQLColumn("colour", table: "t"), .notEqual, SQLBind(WarningLevel.green.key))
            .orderBy(SQLColumn("colour_rank", table: "t")).orderBy(SQLColumn("object_code", table: "t")).orderBy(SQLColumn("id", table: "t"))
            .limit(listLimit).all(decoding: TaskRow.self)
        var warningsByTask: [UUID: [MonitoringWarning]] = [:]
        var problems: [Problem] = []
        if !tasks.isEmpty {
            let ids = SQLGroupExpression(tasks.map { SQLBind($0.id) })
            for row in try await db.sql.select().columns(WarningRow.columns.map { SQLIdentifier($0) }).from(MonitoringTables.warnings)
                .where("task_id", .in, ids).all(decoding: WarningRow.self) {
                if let warning = row.warning { warningsByTask[row.task_id, default: []].append(warning) }
            }
            struct Explained: Decodable { var task_id: UUID; var name: String; var cause: String?; var explanation: String; var measures: String }
            let explained = try await db.sql.raw("""
                SELECT p.task_id, gi.name, p.cause, p.explanation, p.measures FROM monitoring_progress p
                JOIN monitoring_tasks t ON t.id = p.task_id
                JOIN goal_indicators gi ON gi.version_id = t.goal_version_id AND gi.indicator_id = p.indicator_id
                WHERE p.task_id IN \(ids) AND (p.explanation <> '' OR p.measures <> '')
                ORDER BY gi.position
                """).all(decoding: Explained.self)
            let byID = Dictionary(tasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for task in tasks where !task.fund_explanation.trimmed.isEmpty && (!task.taskState.isEditable || task.assignee_id == user.organizationID) {
                problems.append(Problem(code: task.object_code, name: task.object_name, unit: task.assignee_name, subject: "资金执行", cause: "",
                                        explanation: task.fund_explanation, measures: ""))
            }
            for row in explained {
                // Another organisation's unsubmitted explanation is its draft, not yet a stated problem.
                guard let task = byID[row.task_id], !task.taskState.isEditable || task.assignee_id == user.organizationID else { continue }
                problems.append(Problem(code: task.object_code, name: task.object_name, unit: task.assignee_name, subject: row.name,
                                        cause: row.cause ?? "", explanation: row.explanation, measures: row.measures))
            }
            problems.sort { $0.code < $1.code }
        }
        let warned = tasks.map { task in
            Warned(task: task, warnings: (warningsByTask[task.id] ?? []).sorted { $0.level > $1.level }.map { $0.level.chineseName + "：" + WarningWords.explain($0, zh) })
        }
        let decisions = try await MonitoringDispositions.list(round: round.id, for: user, on: db)
            .filter { dashboard.under.hierarchyPath.contains(HierarchyPath(rawValue: $0.1.assignee_path)) }
            .map { row, task in
                Decision(code: task.object_code, name: task.object_name, kind: row.dispositionKind?.chineseName ?? row.kind, reason: row.reason,
                         due: row.due_by ?? "", response: row.response ?? "")
            }
        return MonitoringReport(dashboard: dashboard, objects: sums?.n ?? 0, budget: budget, allocated: allocated, spent: spent, rate: rate,
                                reported: sums?.reported ?? 0, late: sums?.late ?? 0, outstanding: sums?.outstanding ?? 0,
                                warned: warned, decisions: decisions, problems: problems)
    }

    /// 一、总体情况 in one sentence.
    var overview: String {
        "本批次监控对象 \(objects) 个，全年预算 \(budget.wanYuanDisplay) 万元，截至\(round.period.label)末已拨付 \(allocated.wanYuanDisplay) 万元、"
            + "实际支出 \(spent.wanYuanDisplay) 万元，执行率 \(rate)（时间进度 \(round.period.timeProgress.percentText())）。"
            + "已报送 \(reported) 个（其中逾期报送 \(late) 个），尚未报送或被退回 \(outstanding) 个。"
    }

    var colours: String {
        let totals = dashboard.totals
        return [WarningLevel.red, .yellow, .green].map { level in
            "\(level.chineseName) \(totals.count(level)) 个（\(totals.amount(level).wanYuanDisplay) 万元）"
        }.joined(separator: "，") + "。"
    }

    // MARK: page

    func page(back: String, download: String, _ t: Localizer) -> Node<HTML.BodyContext> {
        .div(.class("print-form report"),
            .h2(.text("一、总体情况")), .p(.text(overview)),
            .h2(.text("二、预警情况")), .p(.text(colours)),
            .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text("单位/地区")), .th(.text("红色")), .th(.text("黄色")), .th(.text("绿色")), .th(.text("红色金额（万元）")),
                           .th(.text("黄色金额（万元）")))),
                .tbody(.forEach(dashboard.rows) { row in
                    .tr(.td(.text(row.name ?? "")), .td(.class("number"), .text(String(row.red))), .td(.class("number"), .text(String(row.yellow))),
                        .td(.class("number"), .text(String(row.green))), .td(.class("number"), .text(Money(fen: row.red_fen).wanYuanDisplay)),
                        .td(.class("number"), .text(Money(fen: row.yellow_fen).wanYuanDisplay)))
                }))),
            .h2(.text("三、预警对象及计算过程")),
            warned.isEmpty ? .p(.text("无。")) : .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text("项目编码")), .th(.text("项目名称")), .th(.text("实施单位")), .th(.text("等级")), .th(.text("预警及计算过程")))),
                .tbody(.forEach(warned) { item in
                    .tr(.td(.class("code"), .a(.href(MonitoringRoute.task(.value(item.task.id)).url), .text(item.task.object_code))),
                        .td(.text(item.task.object_name)), .td(.text(item.task.assignee_name)),
                        .td(Components.badge(item.task.level.chineseName, kind: "level-" + item.task.colour)),
                        .td(.ul(.class("warnings"), .forEach(item.warnings) { .li(.text($0)) })))
                }))),
            .if(warned.count == Self.listLimit, .p(.class("hint"), .text("仅列出前 \(Self.listLimit) 个预警对象，数量统计覆盖全部。"))),
            .h2(.text("四、处置情况")),
            decisions.isEmpty ? .p(.text("无。")) : .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text("项目编码")), .th(.text("项目名称")), .th(.text("处置方式")), .th(.text("理由")), .th(.text("整改期限")), .th(.text("整改情况")))),
                .tbody(.forEach(decisions) { d in
                    .tr(.td(.class("code"), .text(d.code)), .td(.text(d.name)), .td(.text(d.kind)), .td(.text(d.reason)), .td(.text(d.due)), .td(.text(d.response)))
                }))),
            .h2(.text("五、存在的问题及改进措施")),
            problems.isEmpty ? .p(.text("无。")) : .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text("项目编码")), .th(.text("项目名称")), .th(.text("事项")), .th(.text("偏差原因")), .th(.text("原因说明")), .th(.text("纠偏措施")))),
                .tbody(.forEach(problems) { p in
                    .tr(.td(.class("code"), .text(p.code)), .td(.text(p.name)), .td(.text(p.subject)), .td(.text(p.cause)), .td(.text(p.explanation)),
                        .td(.text(p.measures)))
                }))),
            .p(.class("no-print"), .a(.href(back), .text(t(.backToRound))), .text("　"), .a(.href(download), .text(t(.reportDownload)))))
    }

    // MARK: .xlsx

    var workbook: DownloadFile {
        get throws {
            let head: (String) -> SheetCell = { .text($0, .header) }
            let box: (String) -> SheetCell = { .text($0, .boxed) }
            let amount: (Money) -> SheetCell = { .number($0.wanYuanText, .amount) }
            let summary: [[SheetCell]] = [
                [.text(title, .title)],
                [.text("一、总体情况", .header)], [.text(overview)],
                [head("监控对象数"), head("全年预算数（万元）"), head("已拨付（万元）"), head("实际支出（万元）"), head("执行率"), head("时间进度"),
                 head("已报送"), head("逾期报送"), head("未报送或退回")],
                [.number(String(objects), .boxed), amount(budget), amount(allocated), amount(spent), box(rate), box(round.period.timeProgress.percentText()),
                 .number(String(reported), .boxed), .number(String(late), .boxed), .number(String(outstanding), .boxed)],
                [.text("二、预警情况", .header)], [.text(colours)],
                [head("单位/地区"), head("红色"), head("黄色"), head("绿色"), head("红色金额（万元）"), head("黄色金额（万元）"), head("绿色金额（万元）")],
            ] + dashboard.rows.map { row in
                [box(row.name ?? ""), .number(String(row.red), .boxed), .number(String(row.yellow), .boxed), .number(String(row.green), .boxed),
                 amount(Money(fen: row.red_fen)), amount(Money(fen: row.yellow_fen)), amount(Money(fen: row.green_fen))]
            }
            let warnedRows: [[SheetCell]] = [[head("项目编码"), head("项目名称"), head("实施单位"), head("等级"), head("预警及计算过程")]]
                + warned.map { item in
                    [box(item.task.object_code), box(item.task.object_name), box(item.task.assignee_name), box(item.task.level.chineseName),
                     box(item.warnings.joined(separator: "\n"))]
                }
            let decisionRows: [[SheetCell]] = [[head("项目编码"), head("项目名称"), head("处置方式"), head("理由"), head("整改期限"), head("整改情况")]]
                + decisions.map { [box($0.code), box($0.name), box($0.kind), box($0.reason), box($0.due), box($0.response)] }
            let problemRows: [[SheetCell]] = [[head("项目编码"), head("项目名称"), head("实施单位"), head("事项"), head("偏差原因"), head("原因说明"), head("纠偏措施")]]
                + problems.map { [box($0.code), box($0.name), box($0.unit), box($0.subject), box($0.cause), box($0.explanation), box($0.measures)] }
            return try DownloadFile.workbook([
                SheetSpec(name: "总体情况", columnWidths: [24, 16, 16, 16, 12, 12, 12, 12, 14], merges: ["A1:I1", "A3:I3", "A7:I7"], rows: AnySequence(summary)),
                SheetSpec(name: "预警对象", columnWidths: [18, 30, 24, 8, 90], rows: AnySequence(warnedRows)),
                SheetSpec(name: "处置情况", columnWidths: [18, 30, 12, 50, 12, 50], rows: AnySequence(decisionRows)),
                SheetSpec(name: "问题及措施", columnWidths: [18, 30, 24, 20, 14, 40, 40], rows: AnySequence(problemRows)),
            ], name: "\(title).xlsx")
        }
    }
}
