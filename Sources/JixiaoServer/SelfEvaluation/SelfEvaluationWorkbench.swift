import Fluent
import Foundation
import SQLKit
import JixiaoDomain

/// 单位自评 on the workbench: the person's organisation's forms still to fill in (待填报/退回修改), forms waiting for the
/// department's or finance's review, and forms entrusted to the person's agency for re-scoring — one tile per year
/// and kind, each linking to the year's list filtered to what it counts. Only open years count.
enum SelfEvaluationWorkbench {
    struct Count: Decodable { var year_id: UUID; var fiscal_year: Int; var n: Int }

    static func tiles(for user: SignedInUser, on db: any Database, _ t: Localizer) async throws -> [WorkbenchTile] {
        var tiles: [WorkbenchTile] = []
        func counts(states: [MonitoringTaskState], scope: ListScope, own: Bool) async throws -> [Count] {
            var query = db.sql.select().column(SQLColumn("year_id", table: "e")).column(SQLColumn("fiscal_year", table: "e"))
                .column(SQLRaw("CAST(COUNT(*) AS BIGINT)"), as: "n")
                .from(SQLAlias(SQLIdentifier(SelfEvaluationTables.evaluations), as: SQLIdentifier("e")))
                .join(SQLAlias(SQLIdentifier(SelfEvaluationTables.years), as: SQLIdentifier("y")), on: SQLColumn("id", table: "y"), .equal, SQLColumn("year_id", table: "e"))
                .where(SQLColumn("state", table: "y"), .equal, SQLBind(MonitoringRoundState.open.rawValue))
                .where(SQLColumn("state", table: "e"), .in, SQLGroupExpression(states.map { SQLBind($0.rawValue) }))
                .where(ScopePredicate(scope, path: SQLColumn("assignee_path", table: "e"), id: SQLColumn("assignee_id", table: "e")))
            query = own ? query.where(SQLColumn("assignee_id", table: "e"), .equal, SQLBind(user.organizationID))
                : query.where(SQLColumn("assignee_id", table: "e"), .notEqual, SQLBind(user.organizationID))
            return try await query.groupBy(SQLColumn("year_id", table: "e")).groupBy(SQLColumn("fiscal_year", table: "e"))
                .all(decoding: Count.self).filter { $0.n > 0 }
        }
        if Authorization.mayEver(user.actor, .reportEvaluation) {
            for count in try await counts(states: [.pending, .returned], scope: Authorization.scope(user.actor, .reportEvaluation), own: true) {
                tiles.append(WorkbenchTile(kind: .action, title: t(.workbenchSelfEvaluationFill(String(count.n))), detail: t(.selfEvaluationYearTitle(count.fiscal_year)),
                                           link: SelfEvaluationRoute.year(.value(count.year_id)).url, count: count.n))
            }
        }
        if user.roles.contains(.departmentOfficer) {
            for count in try await counts(states: [.submitted], scope: Authorization.scope(user.actor, .reviewEvaluation), own: false) {
                tiles.append(WorkbenchTile(kind: .action, title: t(.workbenchSelfEvaluationReview(String(count.n))), detail: t(.selfEvaluationYearTitle(count.fiscal_year)),
                                           link: SelfEvaluationRoute.year(.value(count.year_id), state: MonitoringTaskState.submitted.rawValue).url, count: count.n))
            }
        }
        if user.organizationKind == .financeBureau, !user.roles.isDisjoint(with: [.performanceOfficer, .budgetOfficer]) {
            for count in try await counts(states: [.departmentConfirmed], scope: Authorization.scope(user.actor, .reviewEvaluation), own: false) {
                tiles.append(WorkbenchTile(kind: .action, title: t(.workbenchSelfEvaluationReceive(String(count.n))), detail: t(.selfEvaluationYearTitle(count.fiscal_year)),
                                           link: SelfEvaluationRoute.year(.value(count.year_id), state: MonitoringTaskState.departmentConfirmed.rawValue).url,
                                           count: count.n))
            }
        }
        if user.roles.contains(.agencyEvaluator) {
            struct Waiting: Decodable { var n: Int }
            let waiting = try await db.sql.select().column(SQLRaw("CAST(COUNT(*) AS BIGINT)"), as: "n").from(SelfEvaluationTables.reevaluations)
                .where("agency_id", .equal, SQLBind(user.organizationID)).where("state", .equal, SQLBind("assigned")).first(decoding: Waiting.self)?.n ?? 0
            if waiting > 0 {
                tiles.append(WorkbenchTile(kind: .action, title: t(.workbenchSelfEvaluationRescore(String(waiting))), detail: t(.sampleAssignedToYou),
                                           link: SelfEvaluationRoute.years().url, count: waiting))
            }
        }
        return tiles
    }
}

extension TextKey {
    static func workbenchSelfEvaluationFill(_ p0: some TextArgument) -> TextKey {
        TextKey("workbenchSelfEvaluationFill", zh: "\(p0.text(in: .zhHans)) 张自评表待填报", en: "\(p0.text(in: .en)) self-evaluations to fill in")
    }
    static func workbenchSelfEvaluationReview(_ p0: some TextArgument) -> TextKey {
        TextKey("workbenchSelfEvaluationReview", zh: "\(p0.text(in: .zhHans)) 张自评表待部门审核", en: "\(p0.text(in: .en)) self-evaluations to review")
    }
    static func workbenchSelfEvaluationReceive(_ p0: some TextArgument) -> TextKey {
        TextKey("workbenchSelfEvaluationReceive", zh: "\(p0.text(in: .zhHans)) 张自评表待财政确认", en: "\(p0.text(in: .en)) self-evaluations to confirm")
    }
    static func workbenchSelfEvaluationRescore(_ p0: some TextArgument) -> TextKey {
        TextKey("workbenchSelfEvaluationRescore", zh: "\(p0.text(in: .zhHans)) 张自评表待复核评分", en: "\(p0.text(in: .en)) self-evaluations to re-score")
    }
}
