import Fluent
import Foundation
import SQLKit
import JixiaoDomain

/// 重点评价 on the workbench: evaluations whose scores the person still owes, and plans or reports waiting for the
/// person's decision (submitted by someone else, within reach).
enum KeyEvaluationWorkbench {
    static func tiles(for user: SignedInUser, on db: any Database, _ t: Localizer) async throws -> [WorkbenchTile] {
        struct Count: Decodable { var n: Int }
        var tiles: [WorkbenchTile] = []
        let toScore = try await db.sql.select().column(SQLRaw("CAST(COUNT(*) AS BIGINT)"), as: "n")
            .from(SQLAlias(SQLIdentifier(KeyEvaluationMemberModel.schema), as: SQLIdentifier("m")))
            .join(SQLAlias(SQLIdentifier(KeyEvaluationModel.schema), as: SQLIdentifier("k")), on: SQLColumn("id", table: "k"), .equal, SQLColumn("evaluation_id", table: "m"))
            .where(SQLColumn("user_id", table: "m"), .equal, SQLBind(user.userID)).where(SQLColumn("submitted_at", table: "m"), .is, SQLLiteral.null)
            .where(SQLColumn("state", table: "k"), .equal, SQLBind(KeyEvaluationState.underway.rawValue))
            .first(decoding: Count.self)?.n ?? 0
        if toScore > 0 {
            tiles.append(WorkbenchTile(kind: .action, title: t(.workbenchKeyEvaluationScore(String(toScore))), detail: t(.navKeyEvaluation),
                                       link: KeyEvaluationRoute.list().url, count: toScore))
        }
        if Authorization.mayEver(user.actor, .runKeyEvaluation) {
            let waiting = try await db.sql.select().column(SQLRaw("CAST(COUNT(*) AS BIGINT)"), as: "n")
                .from(SQLAlias(SQLIdentifier(KeyEvaluationModel.schema), as: SQLIdentifier("k")))
                .where(SQLColumn("state", table: "k"), .in, SQLGroupExpression([KeyEvaluationState.planSubmitted, .reportSubmitted].map { SQLBind($0.rawValue) }))
                .where(SQLColumn("submitted_by", table: "k"), .notEqual, SQLBind(user.userID))
                .where(ScopePredicate(Authorization.scope(user.actor, .runKeyEvaluation), path: SQLColumn("organization_path", table: "k"),
                                      id: SQLColumn("organization_id", table: "k")))
                .first(decoding: Count.self)?.n ?? 0
            if waiting > 0 {
                tiles.append(WorkbenchTile(kind: .action, title: t(.workbenchKeyEvaluationDecide(String(waiting))), detail: t(.navKeyEvaluation),
                                           link: KeyEvaluationRoute.list().url, count: waiting))
            }
        }
        return tiles
    }
}

extension TextKey {
    static func workbenchKeyEvaluationScore(_ p0: some TextArgument) -> TextKey {
        TextKey("workbenchKeyEvaluationScore", zh: "\(p0.text(in: .zhHans)) 项重点评价待您评分", en: "\(p0.text(in: .en)) key evaluations await your scores")
    }
    static func workbenchKeyEvaluationDecide(_ p0: some TextArgument) -> TextKey {
        TextKey("workbenchKeyEvaluationDecide", zh: "\(p0.text(in: .zhHans)) 项重点评价方案或报告待审批", en: "\(p0.text(in: .en)) key evaluation plans or reports await a decision")
    }
}
