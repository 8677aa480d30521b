import Fluent
import SQLKit
import Vapor
import JixiaoDomain

/// Who did something, from where, in which request: what every audit entry records besides the change.
struct AuditContext: Sendable {
    var userID: String
    var userName: String
    var organizationID: String
    /// Path of the actor's organisation; empty for anonymous and system events, which only top-level readers see.
    var scopePath: String
    var requestID: String
    var clientAddress: String

    /// Changes made by the system itself (first start, demo loader, command line).
    static func system(_ what: String) -> AuditContext {
        AuditContext(userID: "-", userName: "system:\(what)", organizationID: "-", scopePath: "", requestID: "-", clientAddress: "local")
    }
}

/// 审计日志 — the hash-chained trail of every change and every sign-in.
enum AuditTrail {
    static let entriesTable = "audit_entries"
    static let headTable = "audit_head"

    static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Appends an entry inside the caller's transaction (or a transaction of its own), so the change and
    /// its record are saved together or not at all.
    static func record(
        _ action: String, entityType: String, entityID: String, summary: String,
        context: AuditContext, on database: any Database
    ) async throws {
        try await database.transaction { db in
            // Taking the head row's write lock serialises writers across processes; the row then holds
            // the previous entry's sequence and hash.
            struct Head: Decodable { var sequence: Int64; var last_hash: String }
            guard let head = try await db.sql.raw("""
                UPDATE \(ident: headTable) SET sequence = sequence + 1 WHERE id = 1 RETURNING sequence, last_hash
                """).first(decoding: Head.self) else {
                throw Abort(.internalServerError, reason: "audit head row missing")
            }
            let entry = AuditChainVerifier.seal(AuditRecord(
                sequence: head.sequence, occurredAt: Self.timestamp(Date()),
                actorUserID: context.userID, actorName: context.userName, actorOrganizationID: context.organizationID,
                scopePath: context.scopePath, action: action, entityType: entityType, entityID: entityID, summary: summary,
                requestID: context.requestID, clientAddress: context.clientAddress,
                previousHash: head.last_hash, hash: ""), hash: sha256Hex)
            try await db.sql.insert(into: entriesTable)
                .columns("sequence", "occurred_at", "actor_user_id", "actor_name", "actor_organization_id", "scope_path", "action",
                         "entity_type", "entity_id", "summary", "request_id", "client_address", "previous_hash", "hash")
                .values(SQLBind(entry.sequence), SQLBind(entry.occurredAt), SQLBind(entry.actorUserID),
                        SQLBind(entry.actorName), SQLBind(entry.actorOrganizationID), SQLBind(entry.scopePath), SQLBind(entry.action),
                        SQLBind(entry.entityType), SQLBind(entry.entityID), SQLBind(entry.summary),
                        SQLBind(entry.requestID), SQLBind(entry.clientAddress), SQLBind(entry.previousHash),
                        SQLBind(entry.hash))
                .run()
            try await db.sql.update(headTable).set("last_hash", to: SQLBind(entry.hash)).where("id", .equal, SQLBind(1)).run()
        }
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }

    struct Row: Decodable {
        var sequence: Int64, occurred_at: String, actor_user_id: String, actor_name: String
        var actor_organization_id: String, scope_path: String, action: String, entity_type: String, entity_id: String
        var summary: String, request_id: String, client_address: String, previous_hash: String, hash: String

        var record: AuditRecord {
            AuditRecord(sequence: sequence, occurredAt: occurred_at, actorUserID: actor_user_id, actorName: actor_name,
                        actorOrganizationID: actor_organization_id, scopePath: scope_path, action: action, entityType: entity_type,
                        entityID: entity_id, summary: summary, requestID: request_id, clientAddress: client_address,
                        previousHash: previous_hash, hash: hash)
        }
    }

    struct Verification { var checked: Int64; var problem: AuditChainProblem? }

    /// Walks the whole chain in pages, oldest first.
    static func verify(on database: any Database, pageSize: Int = 2000) async throws -> Verification {
        var verifier = AuditChainVerifier(hash: sha256Hex)
        var after: Int64 = 0
        while true {
            let rows = try await database.sql.select().column("*").from(entriesTable)
                .where("sequence", .greaterThan, SQLBind(after))
                .orderBy("sequence").limit(pageSize)
                .all(decoding: Row.self)
            for row in rows {
                if let problem = verifier.feed(row.record) { return Verification(checked: verifier.checked, problem: problem) }
            }
            guard let last = rows.last else { break }
            after = last.sequence
        }
        struct Head: Decodable { var sequence: Int64; var last_hash: String }
        let head = try await database.sql.select().column("sequence").column("last_hash").from(headTable)
            .where("id", .equal, SQLBind(1)).first(decoding: Head.self)
        let problem = verifier.finish(headSequence: head?.sequence ?? 0, headHash: head?.last_hash ?? auditGenesisHash)
        return Verification(checked: verifier.checked, problem: problem)
    }
}
