import Fluent
import SQLKit
import Foundation
import JixiaoDomain

/// 目标管理 on the workbench: goals waiting for the person's review or release (待我审核, 待批复), the person's own
/// goals returned for revision (被退回) and drafts not yet submitted (草稿), one tile per fiscal year and state, each
/// linking to the work queue filtered to exactly what it counts; and imports of the person still running (导入中).
enum GoalWorkbench {
    /// The order of the tiles: others' work waiting for a decision first, then the person's own goals.
    static let stateOrder: [GoalState] = [.submitted, .departmentApproved, .approved, .returned, .draft]

    /// The fiscal years counted: the one being prepared (the list's default) and the two before it, whose adjustments
    /// and late reviews may still be open. Older years are left to the list, so a person's start page never scans a
    /// province's whole history (the queue's index leads with organisation and year).
    static var fiscalYears: ClosedRange<Int> { (GoalController.currentFiscalYear - 2)...GoalController.currentFiscalYear }

    static func tiles(for user: SignedInUser, on db: any Database, _ t: Localizer) async throws -> [WorkbenchTile] {
        guard Authorization.mayEver(user.actor, .viewBudget) else { return [] }
        let counts = try await GoalCommands.waitingCounts(for: user, fiscalYears: fiscalYears, on: db)
            .compactMap { row in GoalState(rawValue: row.state).map { (year: row.fiscalYear, state: $0, count: row.count) } }
            .filter { $0.count > 0 && stateOrder.contains($0.state) }
            .sorted { a, b in
                let (i, j) = (stateOrder.firstIndex(of: a.state)!, stateOrder.firstIndex(of: b.state)!)
                return i != j ? i < j : a.year > b.year
            }
        var tiles = counts.map { item in
            WorkbenchTile(kind: .action, title: title(item.state, item.count, t),
                          detail: detail(item.state, item.year, t),
                          link: GoalRoute.list(GoalListQuery(year: item.year, state: item.state.rawValue)).url, count: item.count)
        }
        let running = try await runningImportCount(of: user.userID, on: db)
        if running > 0 {
            tiles.append(WorkbenchTile(kind: .information, title: t.count(running, one: TextKey.workbenchImportsOne, many: TextKey.workbenchImports),
                                       detail: t(.workbenchImportsDetail), link: GoalRoute.importFile.url, count: running))
        }
        return tiles
    }

    /// The year, and for a review the stage it waits in (the department's or the finance bureau's); the other
    /// titles name their state already.
    private static func detail(_ state: GoalState, _ year: Int, _ t: Localizer) -> String {
        switch state {
        case .submitted, .departmentApproved: t(.workbenchGoalsDetail(String(year), t(state.title)))
        default: t(.workbenchGoalsYear(String(year)))
        }
    }

    private static func title(_ state: GoalState, _ count: Int, _ t: Localizer) -> String {
        switch state {
        case .submitted, .departmentApproved: t(.workbenchGoalsReview(String(count)))
        case .approved: t(.workbenchGoalsRelease(String(count)))
        case .returned: t(.workbenchGoalsReturned(String(count)))
        default: t.count(count, one: TextKey.workbenchGoalsDraftOne, many: TextKey.workbenchGoalsDrafts)
        }
    }

    /// How many imports of this person are queued or running, as the import page shows them (a job whose runner
    /// went down is taken back or ended as interrupted by the workers, so it does not count for long).
    static func runningImportCount(of userID: UUID, on db: any Database) async throws -> Int {
        struct Row: Decodable { var n: Int }
        let row = try await db.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(CreateJobs.table)
            .where("kind", .equal, SQLBind(ImportJobService.kind))
            .where("caller_user_id", .equal, SQLBind(userID))
            .where("state", .in, SQLBind.group([JobState.queued.rawValue, JobState.running.rawValue]))
            .first(decoding: Row.self)
        return row?.n ?? 0
    }
}
