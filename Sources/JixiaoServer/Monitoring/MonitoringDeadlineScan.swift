import Fluent
import Foundation
import SQLKit
import Vapor
import JixiaoDomain

/// The day after a round's deadline its unreported tasks are 未报送 (red) whether or not anyone touches them. Nothing
/// saves them, so the first look at the round on each day past the deadline (dashboard, task page, API) claims that day
/// for the round and queues a job that rescans the tasks still open; the job runs on whichever process is free.
struct AddRoundDeadlineScan: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MonitoringTables.rounds).field("deadline_scanned_on", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MonitoringTables.rounds).deleteField("deadline_scanned_on").update()
    }
}

enum MonitoringDeadlineScan {
    static let kind = "monitoring.deadline_scan"
    struct Parameters: Codable, Sendable { var roundID: UUID; var day: String }

    /// A round this small is scanned at once, so the page that looked already shows the red; a larger one by a job.
    static let inlineLimit = 2_000

    /// Scans (or queues the scan of) the round's unreported tasks if its deadline has passed and no one has today.
    static func catchUp(_ round: RoundRow, by caller: Caller, on db: any Database) async throws {
        let today = CalendarDay(chinaDay: caller.now)
        guard round.roundState == .open, round.deadlineDay < today else { return }
        struct Claimed: Decodable { var id: UUID }
        let inline = round.task_count <= inlineLimit
        let claimed = try await db.transaction { db in
            let rows = try await db.sql.update(MonitoringTables.rounds).set("deadline_scanned_on", to: SQLBind(today.isoDate))
                .where("id", .equal, SQLBind(round.id))
                .where(group: { $0.where("deadline_scanned_on", .is, SQLLiteral.null).orWhere("deadline_scanned_on", .lessThan, SQLBind(today.isoDate)) })
                .returning("id").all(decoding: Claimed.self)
            if rows.count == 1 && !inline {
                _ = try await JobQueue.enqueue(kind, caller: caller, parameters: Parameters(roundID: round.id, day: today.isoDate), on: db)
            }
            return rows.count == 1
        }
        if claimed && inline { try await MonitoringScanner.rescan(round: round.id, today: today, onlyOpen: true, reach: .taskFigures, on: db) }
    }

    static let job = JobKind(name: kind, maxAttempts: 2, run: { run in
        guard let parameters = run.parameters(as: Parameters.self), let day = CalendarDay(isoDate: parameters.day) else { throw AppError.notFound() }
        // Batch by batch, each in its own transaction: late units submitting meanwhile wait for one batch at most.
        try await MonitoringScanner.rescan(round: parameters.roundID, today: day, onlyOpen: true, reach: .taskFigures, on: run.database)
        return nil
    }, failure: AppError(.internalServerError, "deadline_scan_failed", Message(.errorDeadlineScanFailed)))
}
