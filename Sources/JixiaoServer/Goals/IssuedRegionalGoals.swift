import Fluent
import Plot
import SQLKit
import Vapor
import JixiaoDomain

/// One regional goal released by a level above and issued to a region inside the reader's area.
struct IssuedRegionalGoal: Sendable {
    var objectID: UUID
    var transferCode: String
    var transferName: String
    var fiscalYear: Int
    var issuedBy: String
    var recipientCode: String
    var recipientName: String
    var goal: RegionalGoal
}

/// 下达本地区的区域绩效目标 — what a lower-level finance bureau (and the bureaus below it) was given to achieve with
/// the transfer payments it receives. Only released goals are issued; the granting side's drafts stay its own.
enum IssuedRegionalGoals {
    static func list(fiscalYear: Int, for user: SignedInUser, on db: any Database) async throws -> [IssuedRegionalGoal] {
        struct Row: Decodable {
            var region_row_id: UUID; var region_id: UUID; var recipient_code: String; var allocated_fen: Int64; var annual_goal: String
            var recipient_name: String; var object_id: UUID; var code: String; var name: String; var fiscal_year: Int; var owner_name: String
        }
        let rows = try await db.sql.raw("""
            SELECT r.id AS region_row_id, r.region_id, r.recipient_code, r.allocated_fen, r.annual_goal, ro.name AS recipient_name,
                   bo.id AS object_id, bo.code, bo.name, bo.fiscal_year, o.name AS owner_name
            FROM goal_regions r
            JOIN organizations ro ON ro.id = r.recipient_organization_id
            JOIN goal_versions v ON v.id = r.version_id
            JOIN budget_objects bo ON bo.id = v.budget_object_id
            JOIN organizations o ON o.id = bo.organization_id
            WHERE \(ScopePredicate(Authorization.scope(user.actor, .viewBudget), organization: "ro"))
              AND v.state = \(bind: GoalState.released.rawValue) AND bo.fiscal_year = \(bind: fiscalYear)
            ORDER BY ro.path, bo.code
            LIMIT 1000
            """).all(decoding: Row.self)
        guard !rows.isEmpty else { return [] }
        let indicatorRows = try await GoalIndicatorModel.query(on: db).filter(\.$regionRowID ~~ rows.map(\.region_row_id)).sort(\.$position).all()
        let byRegion = Dictionary(grouping: indicatorRows, by: { $0.regionRowID! })
        return rows.map { row in
            IssuedRegionalGoal(objectID: row.object_id, transferCode: row.code, transferName: row.name, fiscalYear: row.fiscal_year,
                               issuedBy: row.owner_name, recipientCode: row.recipient_code, recipientName: row.recipient_name,
                               goal: RegionalGoal(id: row.region_id, recipientCode: row.recipient_code, allocated: Money(fen: row.allocated_fen),
                                                  annualGoal: row.annual_goal, indicators: (byRegion[row.region_row_id] ?? []).map(\.indicator)))
        }
    }

    static func page(_ req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        guard Authorization.mayEver(user.actor, .viewBudget) else { throw AppError.forbidden() }
        let year = (try? req.query.get(Int.self, at: "year")) ?? GoalController.currentFiscalYear
        let issued = try await list(fiscalYear: year, for: user, on: req.db)
        let t = req.localizer
        return req.layout.render(title: t(.regionalIssuedTitle),
            .p(.class("hint"), .text(t(.regionalIssuedExplain))),
            .form(.method(.get), .action(GoalRoute.issued().url), .class("toolbar"),
                  Components.selectField(label: t(.fieldFiscalYear), name: "year", options: (year - 3...year + 1).reversed().map { (String($0), String($0)) },
                                         selected: String(year)),
                  .button(.type(.submit), .text(t(.search)))),
            .if(issued.isEmpty, .p(.class("hint"), .text(t(.regionalIssuedEmpty)))),
            .forEach(issued) { item in
                .div(.class("card region"),
                    .h3(.text("\(item.recipientName)（\(item.recipientCode)）　\(item.transferName)")),
                    .dl(.class("facts"),
                        .dt(.text(t(.regionalTransfer))), .dd(.text("\(item.transferCode)（\(item.fiscalYear)）")),
                        .dt(.text(t(.regionalFrom))), .dd(.text(item.issuedBy)),
                        .dt(.text(t(.regionalAllocated))), .dd(.text(item.goal.allocated.wanYuanText)),
                        .dt(.text(t(.regionalAnnualGoal))), .dd(.text(item.goal.annualGoal))),
                    .div(.class("table-scroll"), .table(.class("data indicators"),
                        .thead(.tr(.th(.text(t(.fieldLevel1))), .th(.text(t(.fieldLevel2))), .th(.text(t(.fieldIndicatorName))), .th(.text(t(.fieldTarget))))),
                        .tbody(.forEach(item.goal.indicators) { indicator in
                            .tr(.td(.text(t.term(indicator.category))), .td(.text(t.term(indicator.subcategory))),
                                .td(.text(indicator.name)), .td(.text(indicator.targetText)))
                        }))))
            })
    }
}
