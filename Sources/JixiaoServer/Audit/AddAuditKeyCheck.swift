import Fluent
import SQLKit

/// The audit head keeps the check value of the key that seals the chain (see `AuditTrail.adoptKey`).
struct AddAuditKeyCheck: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.alter(table: AuditTrail.headTable).column("key_check", type: .text).run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.alter(table: AuditTrail.headTable).dropColumn("key_check").run()
    }
}
