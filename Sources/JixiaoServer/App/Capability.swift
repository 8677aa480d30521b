import Fluent
import Vapor
import JixiaoDomain

/// One capability of the system — organisations, goal management, later monitoring and evaluation — described by
/// a single value that `configure` iterates. Everything a capability brings (tables, pages, API, navigation, demo
/// data, commands) is declared here, so adding one is a folder of its own and one line in `Capabilities.all`.
struct Capability: Sendable {
    var name: String
    /// Its schema changes in order. Fluent runs them in the order of `Capabilities.all`, then of this list;
    /// a capability's tables may refer only to capabilities listed before it.
    var migrations: [any AsyncMigration] = []
    /// Routes anyone may reach (the sign-in page).
    var publicRoutes: @Sendable (any RoutesBuilder) throws -> Void = { _ in }
    /// Pages behind sign-in and the CSRF check.
    var pages: @Sendable (any RoutesBuilder) throws -> Void = { _ in }
    /// Operations of `/api/v1` and the component schemas their bodies use.
    var apiEndpoints: [APIEndpoint] = []
    var apiSchemas: [(String, JSONValue)] = []
    /// Where the capability appears in the navigation and on the start page.
    var navigation: [NavigationEntry] = []
    /// 工作台 — what waits for the signed-in person in this capability, as tiles with a count and a link, shown at the
    /// top of the start page. Counted in the database within the person's reach; nothing when nothing waits.
    var workbench: @Sendable (SignedInUser, any Database, Localizer) async throws -> [WorkbenchTile] = { _, _, _ in [] }
    /// Adds the capability's part of the demo province; returns a line saying what it added.
    var demo: (@Sendable (DemoContext) async throws -> String)?
    /// `jixiao <name>` commands.
    var commands: [(name: String, command: any AsyncCommand & Sendable)] = []
    /// Work that starts and stops with the application (flushers, workers).
    var lifecycle: [any LifecycleHandler & Sendable] = []
    /// Kinds of long work it queues as jobs, which the workers of every process run.
    var jobs: [JobKind] = []
    /// People it assigns by name to work on a budget object (a key evaluation's team), who may then read the object's
    /// goal, monitoring and self-evaluation though their organisation's reach does not cover it.
    var objectReaders: (@Sendable (UUID, any Database) async throws -> Set<UUID>)?
    /// Told, inside the transaction that changes a key evaluation's team, of a person joining it (to refuse them — a
    /// library member suspended or with a conflict — or to record how they came) and of a person leaving it.
    var teamJoining: (@Sendable (TeamChange, any Database) async throws -> Void)?
    var teamLeft: (@Sendable (TeamChange, any Database) async throws -> Void)?
    /// Asked before a key evaluation is entrusted to an agency organisation: a reason it may not be (suspended from a
    /// library, a report review below the line), or nil.
    var entrustmentRefusal: (@Sendable (KeyEvaluationModel, UUID, any Database) async throws -> Message?)?
}

/// A change of a key evaluation's team as other capabilities hear of it.
struct TeamChange: Sendable {
    var evaluation: KeyEvaluationModel
    var userID: UUID
    var role: TeamRole
    /// Why the runner added the person by hand (may be empty).
    var reason: String
    var caller: Caller
}

/// Every capability, in dependency order: a capability's tables and demo data may use those before it.
enum Capabilities {
    static let all: [Capability] = [
        .organizations,
        .users,
        .access,
        .audit,
        .jobs,
        .goals,
        .monitoring,
        .selfEvaluation,
        .keyEvaluation,
        .thinkTank,
        .home,
    ]

    static var migrations: [any AsyncMigration] { all.flatMap(\.migrations) }
    static var apiEndpoints: [APIEndpoint] { all.flatMap(\.apiEndpoints) }
    static var apiSchemas: [(String, JSONValue)] { all.flatMap(\.apiSchemas) }
    static var navigation: [NavigationEntry] { all.flatMap(\.navigation) }

    /// Every capability's workbench tiles for one person, in the order of `all`.
    static func workbench(for user: SignedInUser, on db: any Database, _ t: Localizer) async throws -> [WorkbenchTile] {
        var tiles: [WorkbenchTile] = []
        for capability in all { tiles += try await capability.workbench(user, db, t) }
        return tiles
    }

    static var jobKinds: [JobKind] { all.flatMap(\.jobs) }

    static func teamJoining(_ change: TeamChange, on db: any Database) async throws {
        for capability in all { if let hook = capability.teamJoining { try await hook(change, db) } }
    }

    static func entrustmentRefusal(of agencyOrganizationID: UUID, for evaluation: KeyEvaluationModel, on db: any Database) async throws -> Message? {
        for capability in all { if let hook = capability.entrustmentRefusal, let refusal = try await hook(evaluation, agencyOrganizationID, db) { return refusal } }
        return nil
    }

    static func teamLeft(_ change: TeamChange, on db: any Database) async throws {
        for capability in all { if let hook = capability.teamLeft { try await hook(change, db) } }
    }

    /// Everyone any capability assigns by name to a budget object.
    static func assignedReaders(of objectID: UUID, on db: any Database) async throws -> Set<UUID> {
        var readers: Set<UUID> = []
        for capability in all { if let read = capability.objectReaders { readers.formUnion(try await read(objectID, db)) } }
        return readers
    }
}

/// What a demo step needs: the database and how to hash the demo password.
struct DemoContext: Sendable {
    var database: any Database
    var bcryptCost: Int
    var threadPool: NIOThreadPool
    /// The application's effects, for demo steps that tell their story through the commands at dates of their own.
    var effects: Effects
}
