import Fluent
import SQLKit
import JixiaoDomain

/// The audit trail and its head: the head row is locked by every writer, which serialises the chain
/// across processes, and records the last sequence and hash so that removing the newest entries shows.
struct CreateAuditTrail: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.create(table: AuditTrail.entriesTable)
            .column("sequence", type: .bigint, .primaryKey(autoIncrement: false))
            .column("occurred_at", type: .text, .notNull)
            .column("actor_user_id", type: .text, .notNull)
            .column("actor_name", type: .text, .notNull)
            .column("actor_organization_id", type: .text, .notNull)
            .column("scope_path", type: database.isPostgres ? .custom(SQLRaw("TEXT COLLATE \"C\"")) : .text, .notNull)
            .column("action", type: .text, .notNull)
            .column("entity_type", type: .text, .notNull)
            .column("entity_id", type: .text, .notNull)
            .column("summary", type: .text, .notNull)
            .column("request_id", type: .text, .notNull)
            .column("client_address", type: .text, .notNull)
            .column("previous_hash", type: .text, .notNull)
            .column("hash", type: .text, .notNull)
            .run()
        try await database.sql.create(index: "audit_entries_occurred_idx").on(AuditTrail.entriesTable).column("occurred_at").run()
        try await database.sql.create(index: "audit_entries_scope_idx").on(AuditTrail.entriesTable).column("scope_path").run()
        try await database.sql.create(index: "audit_entries_entity_idx").on(AuditTrail.entriesTable).column("entity_id").run()
        try await database.sql.create(table: AuditTrail.headTable)
            .column("id", type: .int, .primaryKey(autoIncrement: false))
            .column("sequence", type: .bigint, .notNull)
            .column("last_hash", type: .text, .notNull)
            .run()
        try await database.sql.insert(into: AuditTrail.headTable)
            .columns("id", "sequence", "last_hash")
            .values(SQLBind(1), SQLBind(Int64(0)), SQLBind(auditGenesisHash))
            .run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(table: AuditTrail.headTable).run()
        try await database.sql.drop(table: AuditTrail.entriesTable).run()
    }
}
