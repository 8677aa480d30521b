import Vapor
import JixiaoDomain

/// `jixiao audit verify` — walks the hash chain and reports OK or the first altered or removed entry.
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify")
        var action: String
    }

    var help: String { "Checks the audit trail's hash chain: jixiao audit verify" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "verify" else {
            context.console.error("unknown action '\(signature.action)': use 'jixiao audit verify'")
            throw AuditCommandError.failed
        }
        let result = try await AuditTrail.verify(on: context.application.db)
        switch result.problem {
        case nil:
            context.console.print("OK: \(result.checked) audit entries, chain intact")
        case .altered(let sequence)?:
            context.console.error("ALTERED: audit entry #\(sequence) does not match its hash (\(result.checked) entries before it are intact)")
            throw AuditCommandError.failed
        case .removed(let expected)?:
            context.console.error("REMOVED: audit entry #\(expected) is missing (\(result.checked) entries before it are intact)")
            throw AuditCommandError.failed
        case .truncated(let expectedLast, let foundLast)?:
            context.console.error("REMOVED: the chain ends at #\(foundLast) but the head records #\(expectedLast)")
            throw AuditCommandError.failed
        }
    }
}

enum AuditCommandError: Error, CustomStringConvertible {
    case failed
    var description: String { "audit verification failed" }
}
