import Crypto
import Foundation
import NIOConcurrencyHelpers

/// The secret that seals the audit chain (HMAC-SHA-256). It lives in a file outside the database, so someone who can
/// rewrite the database cannot recompute a chain that `audit verify` accepts. Every process writing to one database
/// must read the same file (`JIXIAO_AUDIT_KEY_FILE`); the database keeps a check value and refuses another key.
struct AuditKey: Sendable {
    let key: SymmetricKey

    /// The file next to the SQLite database, or in the working directory for PostgreSQL, unless configured.
    static func defaultPath(for database: DatabaseSetting) -> String {
        switch database {
        case .sqliteFile(let path): return path + ".audit-key"
        case .sqliteMemory, .postgres: return "jixiao-audit.key"
        }
    }

    /// Reads the key, creating it on first start: 32 random bytes in hex, readable by the owner only. Creation is
    /// atomic (written aside, then linked into place), so processes starting together agree on one key.
    static func loadOrCreate(at path: String) throws -> AuditKey {
        let manager = FileManager.default
        if !manager.fileExists(atPath: path) {
            var generator = SystemRandomNumberGenerator()
            let hex = HexDigits.lowercase((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
            let temporary = path + ".\(UUID().uuidString).tmp"
            guard manager.createFile(atPath: temporary, contents: Data((hex + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
                throw AuditKeyError.cannotCreate(path)
            }
            defer { try? manager.removeItem(atPath: temporary) }
            if link(temporary, path) != 0 && errno != EEXIST { throw AuditKeyError.cannotCreate(path) }
        }
        guard let data = manager.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw AuditKeyError.unreadable(path)
        }
        let hex = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard hex.count >= 64, hex.count % 2 == 0, let bytes = Self.bytes(hex: hex) else { throw AuditKeyError.malformed(path) }
        if let attributes = try? manager.attributesOfItem(atPath: path),
           let permissions = attributes[.posixPermissions] as? Int, permissions & 0o077 != 0 {
            throw AuditKeyError.tooOpen(path, permissions)
        }
        return AuditKey(key: SymmetricKey(data: bytes))
    }

    private static func bytes(hex: String) -> [UInt8]? {
        var result: [UInt8] = []
        var iterator = hex.unicodeScalars.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            guard let h = Int(String(high), radix: 16), let l = Int(String(low), radix: 16) else { return nil }
            result.append(UInt8(h * 16 + l))
        }
        return result
    }

    /// The seal of one entry's canonical content.
    func seal(_ text: String) -> String {
        HexDigits.lowercase(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key))
    }

    /// What the database keeps to tell whether a process holds the key that sealed its chain (not the key itself).
    var checkValue: String { String(seal("jixiao audit key check").prefix(16)) }
}

enum AuditKeyError: Error, CustomStringConvertible {
    case cannotCreate(String), unreadable(String), malformed(String), tooOpen(String, Int)
    case notLoaded
    case mismatch(expected: String, found: String)

    var description: String {
        switch self {
        case .cannotCreate(let path): "cannot create the audit key file \(path) (set JIXIAO_AUDIT_KEY_FILE to a writable place)"
        case .unreadable(let path): "cannot read the audit key file \(path)"
        case .malformed(let path): "the audit key file \(path) must hold at least 64 hexadecimal digits"
        case .tooOpen(let path, let permissions):
            "the audit key file \(path) is readable by others (mode \(String(permissions, radix: 8))): chmod 600 it"
        case .notLoaded: "the audit key is not loaded (configure(_:) loads it)"
        case .mismatch(let expected, let found):
            "the audit key file does not match the key that sealed this database's audit trail (check \(found), database expects \(expected)): every process must use the same JIXIAO_AUDIT_KEY_FILE"
        }
    }
}

/// The key of this process. One per process: every `serve`, command and test application of a process uses the key
/// its configuration names, and a second, different key in one process is refused.
enum AuditKeyring {
    private static let current = NIOLockedValueBox<AuditKey?>(nil)

    static func install(_ key: AuditKey) throws {
        try current.withLockedValue { existing in
            if let existing, existing.checkValue != key.checkValue {
                throw AuditKeyError.mismatch(expected: existing.checkValue, found: key.checkValue)
            }
            existing = key
        }
    }

    static func key() throws -> AuditKey {
        guard let key = current.withLockedValue({ $0 }) else { throw AuditKeyError.notLoaded }
        return key
    }
}
