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
        HexDigits.lowercase(SHA256.hash(data: Data(text.utf8)))
    }

    /// Appends an entry inside the caller's transaction (or a transaction of its own), so the change and
    /// its record are saved together or not at all.
    static func record(
        _ action: String, entityType: String, entityID: String, summary: String,
        context: AuditContext, on database: any Database
    ) async throws {
        let key = try AuditKeyring.key()
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
                previousHash: head.last_hash, hash: ""), hash: key.seal)
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

    /// Walks the whole chain in pages, oldest first; with a checkpoint (from `audit checkpoint`, kept elsewhere) it
    /// also proves that the chain still passes through that entry with that seal.
    static func verify(on database: any Database, checkpoint: AuditCheckpoint? = nil, pageSize: Int = 2000) async throws -> Verification {
        let key = try AuditKeyring.key()
        var verifier = AuditChainVerifier(hash: key.seal, checkpoint: checkpoint)
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

    /// The newest entry's sequence and seal, to be written down outside the system (`jixiao audit checkpoint`).
    static func checkpoint(on database: any Database) async throws -> AuditCheckpoint {
        struct Head: Decodable { var sequence: Int64; var last_hash: String }
        guard let head = try await database.sql.select().column("sequence").column("last_hash").from(headTable)
            .where("id", .equal, SQLBind(1)).first(decoding: Head.self) else { throw Abort(.internalServerError, reason: "audit head row missing") }
        return AuditCheckpoint(sequence: head.sequence, hash: head.last_hash)
    }

    /// Makes the chain this process's key's own on start. A trail sealed before keys existed (plain SHA-256) is
    /// resealed once with the key, verified first so an already broken trail is not blessed; afterwards the head
    /// keeps the key's check value and a process with another key refuses to start.
    static func adoptKey(on database: any Database) async throws {
        let key = try AuditKeyring.key()
        try await database.transaction { db in
            struct Head: Decodable { var sequence: Int64; var key_check: String? }
            guard let head = try await db.sql.raw("""
                UPDATE \(ident: headTable) SET sequence = sequence WHERE id = 1 RETURNING sequence, key_check
                """).first(decoding: Head.self) else { throw Abort(.internalServerError, reason: "audit head row missing") }
            if let check = head.key_check {
                guard check == key.checkValue else { throw AuditKeyError.mismatch(expected: check, found: key.checkValue) }
                return
            }
            var legacy = AuditChainVerifier(hash: sha256Hex)
            var previous = auditGenesisHash
            var after: Int64 = 0
            while true {
                let rows = try await db.sql.select().column("*").from(entriesTable).where("sequence", .greaterThan, SQLBind(after))
                    .orderBy("sequence").limit(2000).all(decoding: Row.self)
                for row in rows {
                    if let problem = legacy.feed(row.record) {
                        throw Abort(.internalServerError, reason: "the audit trail is already broken (\(problem)); it is not resealed")
                    }
                    var record = row.record
                    record.previousHash = previous
                    let sealed = AuditChainVerifier.seal(record, hash: key.seal)
                    try await db.sql.update(entriesTable).set("previous_hash", to: SQLBind(sealed.previousHash))
                        .set("hash", to: SQLBind(sealed.hash)).where("sequence", .equal, SQLBind(row.sequence)).run()
                    previous = sealed.hash
                }
                guard let last = rows.last else { break }
                after = last.sequence
            }
            try await db.sql.update(headTable).set("last_hash", to: SQLBind(previous)).set("key_check", to: SQLBind(key.checkValue))
                .where("id", .equal, SQLBind(1)).run()
        }
    }
}
