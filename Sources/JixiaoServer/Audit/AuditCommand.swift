import Vapor
import JixiaoDomain

/// `jixiao audit verify [--checkpoint SEQ:SEAL]` walks the keyed chain and reports OK or the first altered or removed
/// entry; `jixiao audit checkpoint` prints the newest entry's sequence and seal, to be kept outside the system.
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify | checkpoint")
        var action: String
        @Option(name: "checkpoint", help: "SEQ:SEAL printed earlier by `audit checkpoint`: the chain must still pass through it")
        var checkpoint: String?
    }

    var help: String { "Checks the audit trail's keyed chain (verify [--checkpoint SEQ:SEAL]) or prints its head (checkpoint)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        switch signature.action {
        case "checkpoint":
            let head = try await AuditTrail.checkpoint(on: context.application.db)
            context.console.print("\(head)")
            context.console.print("Keep this line outside the system (paper, another machine); `jixiao audit verify --checkpoint \(head)` proves later that the trail up to entry #\(head.sequence) is unchanged.")
        case "verify":
            var checkpoint: AuditCheckpoint?
            if let text = signature.checkpoint {
                guard let parsed = AuditCheckpoint(text) else {
                    context.console.error("--checkpoint must be SEQ:SEAL as printed by `jixiao audit checkpoint` (got \(text))")
                    throw AuditCommandError.failed
                }
                checkpoint = parsed
            }
            try await verify(context, checkpoint: checkpoint)
        default:
            context.console.error("unknown action '\(signature.action)': use 'jixiao audit verify' or 'jixiao audit checkpoint'")
            throw AuditCommandError.failed
        }
    }

    private func verify(_ context: CommandContext, checkpoint: AuditCheckpoint?) async throws {
        let result = try await AuditTrail.verify(on: context.application.db, checkpoint: checkpoint)
        switch result.problem {
        case nil:
            context.console.print("OK: \(result.checked) audit entries, chain intact" + (checkpoint.map { ", passes through checkpoint #\($0.sequence)" } ?? ""))
        case .altered(let sequence)?:
            context.console.error("ALTERED: audit entry #\(sequence) does not match its seal (\(result.checked) entries before it are intact)")
            throw AuditCommandError.failed
        case .removed(let expected)?:
            context.console.error("REMOVED: audit entry #\(expected) is missing (\(result.checked) entries before it are intact)")
            throw AuditCommandError.failed
        case .truncated(let expectedLast, let foundLast)?:
            context.console.error("REMOVED: the chain ends at #\(foundLast) but the head records #\(expectedLast)")
            throw AuditCommandError.failed
        case .checkpointMismatch(let sequence)?:
            context.console.error("REWRITTEN: entry #\(sequence) no longer carries the seal of the checkpoint: the trail up to there was replaced")
            throw AuditCommandError.failed
        }
    }
}

enum AuditCommandError: Error, CustomStringConvertible {
    case failed
    var description: String { "audit verification failed" }
}
