import Fluent
import SQLKit

/// One row per account name and per client address that has tried to sign in. A sign-in attempt first writes its
/// rows (an upsert), which holds their write lock until its transaction ends: attempts on one account or from one
/// address are then counted and recorded one after another, across every process sharing the database.
struct CreateSignInLocks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.create(table: "sign_in_locks")
            .column("lock_key", type: .text, .primaryKey(autoIncrement: false))
            .column("touched_at", type: .bigint, .notNull)
            .run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(table: "sign_in_locks").run()
    }
}
