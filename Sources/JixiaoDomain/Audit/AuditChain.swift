/// 审计日志 — one entry of the tamper-evident audit trail as the chain sees it.
public struct AuditRecord: Sendable, Equatable {
    public var sequence: Int64
    /// ISO 8601 UTC with milliseconds, stored as text so it hashes the same on every database.
    public var occurredAt: String
    public var actorUserID: String
    public var actorName: String
    public var actorOrganizationID: String
    /// The materialized path of the actor's organisation: who may read the entry follows from it.
    public var scopePath: String
    public var action: String
    public var entityType: String
    public var entityID: String
    public var summary: String
    public var requestID: String
    public var clientAddress: String
    public var previousHash: String
    public var hash: String

    public init(sequence: Int64, occurredAt: String, actorUserID: String, actorName: String, actorOrganizationID: String,
                scopePath: String, action: String, entityType: String, entityID: String, summary: String, requestID: String,
                clientAddress: String, previousHash: String, hash: String) {
        self.sequence = sequence; self.occurredAt = occurredAt; self.actorUserID = actorUserID
        self.actorName = actorName; self.actorOrganizationID = actorOrganizationID
        self.scopePath = scopePath; self.action = action
        self.entityType = entityType; self.entityID = entityID; self.summary = summary
        self.requestID = requestID; self.clientAddress = clientAddress
        self.previousHash = previousHash; self.hash = hash
    }

    /// The bytes the entry's hash covers: every field but the hash itself, unambiguously separated.
    public var canonicalContent: String {
        [String(sequence), occurredAt, actorUserID, actorName, actorOrganizationID, scopePath, action, entityType, entityID,
         summary, requestID, clientAddress, previousHash]
            .map { $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\u{1F}", with: "\\u") }
            .joined(separator: "\u{1F}")
    }
}

/// The first thing wrong with a chain.
public enum AuditChainProblem: Equatable, Sendable {
    /// The entry's content no longer matches its own hash.
    case altered(sequence: Int64)
    /// An entry is missing: the sequence jumps over `expectedSequence`.
    case removed(expectedSequence: Int64)
    /// The newest entries were removed: the chain head records more than is there.
    case truncated(expectedLast: Int64, foundLast: Int64)
    /// The entry a checkpoint names is gone or carries another seal: the chain was rewritten up to there.
    case checkpointMismatch(sequence: Int64)
}

/// An entry's sequence and seal written down outside the system (`jixiao audit checkpoint`), "123:ab12…".
public struct AuditCheckpoint: Equatable, Sendable, CustomStringConvertible {
    public var sequence: Int64
    public var hash: String

    public init(sequence: Int64, hash: String) { self.sequence = sequence; self.hash = hash }

    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let sequence = Int64(parts[0]), sequence >= 0, parts[1].count == 64,
              parts[1].allSatisfy({ $0.isHexDigit }) else { return nil }
        self.init(sequence: sequence, hash: parts[1].lowercased())
    }

    public var description: String { "\(sequence):\(hash)" }
}

/// The genesis value every chain starts from.
public let auditGenesisHash = String(repeating: "0", count: 64)

/// Verifies a chain entry by entry, so a trail of millions streams through without being held in memory.
public struct AuditChainVerifier {
    private let hash: (String) -> String
    private var expectedSequence: Int64 = 1
    private var previousHash = auditGenesisHash
    private let checkpoint: AuditCheckpoint?
    public private(set) var checked: Int64 = 0

    public init(hash: @escaping (String) -> String, checkpoint: AuditCheckpoint? = nil) {
        self.hash = hash; self.checkpoint = checkpoint
    }

    /// Feeds the next entry in sequence order; returns the first problem found.
    public mutating func feed(_ record: AuditRecord) -> AuditChainProblem? {
        if record.sequence != expectedSequence { return .removed(expectedSequence: expectedSequence) }
        if hash(record.canonicalContent) != record.hash { return .altered(sequence: record.sequence) }
        // A correct own hash but a broken link means the entry before was rewritten and resealed.
        if record.previousHash != previousHash { return .altered(sequence: record.sequence - 1) }
        if let checkpoint, checkpoint.sequence == record.sequence, checkpoint.hash != record.hash {
            return .checkpointMismatch(sequence: record.sequence)
        }
        previousHash = record.hash
        expectedSequence += 1
        checked += 1
        return nil
    }

    /// Compares the end of the chain with the head the database keeps beside it.
    public func finish(headSequence: Int64, headHash: String) -> AuditChainProblem? {
        let last = expectedSequence - 1
        if headSequence != last || (last > 0 && headHash != previousHash) {
            return .truncated(expectedLast: headSequence, foundLast: last)
        }
        if let checkpoint, checkpoint.sequence > last || (checkpoint.sequence == 0 && checkpoint.hash != auditGenesisHash) {
            return .checkpointMismatch(sequence: checkpoint.sequence)
        }
        return nil
    }

    /// The hash a new entry gets, given its content.
    public static func seal(_ record: AuditRecord, hash: (String) -> String) -> AuditRecord {
        var sealed = record
        sealed.hash = hash(record.canonicalContent)
        return sealed
    }
}
