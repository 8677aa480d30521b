import Foundation

/// 抽取 — drawing experts (or an agency) from a library at random with a stored seed, skipping everyone with a conflict,
/// so that anyone can replay the draw and get the same team.
public struct DrawCandidate: Hashable, Sendable {
    public var id: UUID
    /// The classification fields the member is qualified in.
    public var fields: Set<String>
    public var conflicts: [ConflictRule]
    public init(id: UUID, fields: Set<String>, conflicts: [ConflictRule] = []) { self.id = id; self.fields = fields; self.conflicts = conflicts }
}

/// How many members of each field to draw.
public struct DrawRequest: Hashable, Sendable {
    public var counts: [(field: String, count: Int)]
    public init(_ counts: [(field: String, count: Int)]) { self.counts = counts }
    public static func == (a: Self, b: Self) -> Bool { a.counts.map(\.field) == b.counts.map(\.field) && a.counts.map(\.count) == b.counts.map(\.count) }
    public func hash(into hasher: inout Hasher) { for c in counts { hasher.combine(c.field); hasher.combine(c.count) } }
}

public struct DrawOutcome: Hashable, Sendable {
    public struct Pick: Hashable, Sendable { public var id: UUID; public var field: String }
    public struct Exclusion: Hashable, Sendable { public var id: UUID; public var rules: [ConflictRule] }
    public var seed: UInt64
    /// In the order drawn.
    public var picks: [Pick]
    /// Every qualified candidate skipped, with why.
    public var exclusions: [Exclusion]
    /// Fields that could not be filled, and by how many.
    public var missing: [String: Int]
    public var isComplete: Bool { missing.isEmpty }
}

public enum LibraryDraw {
    /// Draws per field in the request's order: the field's qualified candidates without a conflict, ordered by id and
    /// shuffled by the seed; nobody is drawn twice. The same candidates, request and seed give the same outcome,
    /// whatever order the candidates come in.
    public static func draw(_ candidates: [DrawCandidate], request: DrawRequest, seed: UInt64) -> DrawOutcome {
        var generator = SeededGenerator(seed: seed)
        let sorted = candidates.sorted { $0.id.uuidString < $1.id.uuidString }
        var picks: [DrawOutcome.Pick] = [], taken: Set<UUID> = [], missing: [String: Int] = [:]
        var excluded: [UUID: [ConflictRule]] = [:]
        for (field, count) in request.counts where count > 0 {
            let qualified = sorted.filter { $0.fields.contains(field) }
            for candidate in qualified where !candidate.conflicts.isEmpty { excluded[candidate.id] = candidate.conflicts }
            var pool = qualified.filter { $0.conflicts.isEmpty && !taken.contains($0.id) }
            // Fisher–Yates with our own generator, so a replay is exact on every machine.
            if pool.count > 1 {
                for index in stride(from: pool.count - 1, to: 0, by: -1) { pool.swapAt(index, generator.below(index + 1)) }
            }
            let chosen = pool.prefix(count)
            for candidate in chosen { picks.append(.init(id: candidate.id, field: field)); taken.insert(candidate.id) }
            if chosen.count < count { missing[field, default: 0] += count - chosen.count }
        }
        let exclusions = excluded.sorted { $0.key.uuidString < $1.key.uuidString }.map { DrawOutcome.Exclusion(id: $0.key, rules: $0.value) }
        return DrawOutcome(seed: seed, picks: picks, exclusions: exclusions, missing: missing)
    }
}

/// 动态管理 — the rules that propose suspending an expert or excluding an agency (defaults from DOMAIN.md §3.11); a person
/// confirms each proposal with a reason.
public struct DynamicManagementRules: Hashable, Codable, Sendable {
    /// An expert whose mean of the last `expertWindow` ratings is below this is proposed for suspension.
    public var expertMeanBelow: Decimal
    public var expertWindow: Int
    /// An agency whose last quality review scored below this is excluded from entrustment.
    public var agencyScoreBelow: Decimal
    public init(expertMeanBelow: Decimal = 3, expertWindow: Int = 3, agencyScoreBelow: Decimal = 60) {
        self.expertMeanBelow = expertMeanBelow; self.expertWindow = expertWindow; self.agencyScoreBelow = agencyScoreBelow
    }
}

/// One rating of an expert after an engagement: 态度, 能力, 廉洁, each 1–5.
public struct ExpertRating: Hashable, Codable, Sendable {
    public var attitude: Int, ability: Int, integrity: Int
    public init(attitude: Int, ability: Int, integrity: Int) { self.attitude = attitude; self.ability = ability; self.integrity = integrity }
    public var isValid: Bool { [attitude, ability, integrity].allSatisfy { (1...5).contains($0) } }
    /// The rating's mean of its three parts.
    public var mean: Decimal { Decimal(attitude + ability + integrity) / 3 }
}

public enum DynamicManagement {
    /// Whether the expert's last ratings (oldest first) call for suspension: only once there are as many as the window.
    public static func proposesSuspension(_ ratings: [ExpertRating], rules: DynamicManagementRules = DynamicManagementRules()) -> Bool {
        guard ratings.count >= rules.expertWindow, rules.expertWindow > 0 else { return false }
        let last = ratings.suffix(rules.expertWindow)
        let mean = last.reduce(Decimal(0)) { $0 + $1.mean } / Decimal(last.count)
        return mean < rules.expertMeanBelow
    }

    /// Whether an agency's last quality review excludes it from entrustment.
    public static func excludesAgency(lastReviewScore: Decimal?, rules: DynamicManagementRules = DynamicManagementRules()) -> Bool {
        lastReviewScore.map { $0 < rules.agencyScoreBelow } ?? false
    }
}
