import Fluent
import NIOConcurrencyHelpers
import Vapor
import JixiaoDomain

/// The world a command runs in: the time, fresh identifiers and random seeds. Live in the application; a test fixes
/// them (`app.effects = .fixed(…)`) so time progress, sampling and draws can be checked exactly.
struct Effects: Sendable {
    var now: @Sendable () -> Date
    var uuid: @Sendable () -> UUID
    /// A seed for a random draw; the draw records it, so anyone can replay the draw with the same seed.
    var seed: @Sendable () -> UInt64
    /// Hashes a password (bcrypt off the event loop, behind the application's password gate).
    var hashPassword: @Sendable (String) async throws -> String

    /// The real world of an application.
    static func live(_ app: Application) -> Effects {
        Effects(now: { Date() }, uuid: { UUID() }, seed: { UInt64.random(in: .min ... .max) },
                hashPassword: { try await Passwords.hash($0, on: app) })
    }

    /// This world with time standing still at `now`, identifiers counting up from 1 and every seed `seed`.
    func fixed(now: Date, seed: UInt64 = 1) -> Effects {
        let counter = NIOLockedValueBox<UInt64>(0)
        var fixed = self
        fixed.now = { now }
        fixed.uuid = {
            let next = counter.withLockedValue { value -> UInt64 in value += 1; return value }
            return UUID(uuidString: String(format: "00000000-0000-4000-8000-%012llx", next))!
        }
        fixed.seed = { seed }
        return fixed
    }
}

/// Who runs a command — a person through a page, the API, an import job — or the system itself (first start,
/// demo, generator), with the context its audit entries carry and the effects it uses. Commands take a caller,
/// never a `Request`, so the web, the API, jobs, the demo and the generator all run the same code.
struct Caller: Sendable {
    enum Principal: Sendable {
        case person(SignedInUser)
        /// The system acting on its own behalf; it is not subject to a person's reach.
        case system(String)
    }

    var principal: Principal
    var audit: AuditContext
    var effects: Effects

    static func system(_ what: String, effects: Effects) -> Caller {
        Caller(principal: .system(what), audit: .system(what), effects: effects)
    }

    /// The person, for commands only a person may run.
    func person() throws -> SignedInUser {
        guard case .person(let user) = principal else { throw AppError.unauthenticated() }
        return user
    }

    var now: Date { effects.now() }

    /// The one authorization function's answer as a refusal: 403 when the target is visible, 404 when it is not;
    /// the refusal carries its audit note, which the web and API layers record.
    func authorize(_ action: Action, _ target: AccessTarget) throws {
        guard case .person(let user) = principal else { return }
        let decision = Authorization.decide(user.actor, action, target)
        guard decision != .allow else { return }
        var refusal = decision == .forbid ? AppError.forbidden() : AppError.notFound()
        refusal.auditNote = "action=\(action.rawValue) organization=\(target.organizationID.uuidString.lowercased())"
        throw refusal
    }

    /// Reading a budget object's goal, monitoring or self-evaluation: whoever's reach covers its organisation, and the
    /// people assigned to work on the object by name (`Capabilities.assignedReaders`, e.g. a key evaluation's team) —
    /// through the one authorization function, as assigned work. `extra` adds agencies assigned by the caller's own
    /// capability (a re-evaluation's agency).
    func authorizeObjectRead(_ objectID: UUID, _ target: AccessTarget, extraAgencies: Set<UUID> = [], on db: any Database) async throws {
        if reaches(.viewBudget, target) { return }
        var assigned = target
        assigned.assignedUserIDs = try await Capabilities.assignedReaders(of: objectID, on: db)
        assigned.assignedAgencyIDs.formUnion(extraAgencies)
        if assigned.assignedUserIDs.isEmpty && assigned.assignedAgencyIDs.isEmpty { try authorize(.viewBudget, target) }
        else { try authorize(.viewAssignedWork, assigned) }
    }

    /// Whether the caller may do `action` to `target`, without refusing.
    func reaches(_ action: Action, _ target: AccessTarget) -> Bool {
        guard case .person(let user) = principal else { return true }
        return Authorization.decide(user.actor, action, target) == .allow
    }
}

extension Application {
    private struct EffectsKey: StorageKey { typealias Value = Effects }

    /// The effects every command of this application uses; the live ones unless a test set others
    /// (`app.effects = app.effects.fixed(now: …)`).
    var effects: Effects {
        get { storage[EffectsKey.self] ?? .live(self) }
        set { storage[EffectsKey.self] = newValue }
    }
}

extension Request {
    /// The signed-in person as a command's caller.
    func caller() throws -> Caller {
        Caller(principal: .person(try requireSignedIn()), audit: auditContext, effects: application.effects)
    }
}
