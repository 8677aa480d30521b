import Foundation

/// Why a self-evaluation is drawn for re-evaluation on risk rather than by lot.
public enum SamplingRisk: String, CaseIterable, Codable, Sendable, Comparable {
    /// Graded 差 by its own score.
    case poorSelfScore
    /// A red monitoring warning was disposed of during the year.
    case redMonitoring
    /// Quality checks found something.
    case qualityFindings
    /// A score of 100 (nothing docked at all).
    case perfectScore
    /// 优 by its own score while less than 80 % of the budget was executed.
    case highScoreLowExecution
    /// Never re-evaluated in an earlier year.
    case neverSampled

    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// A submitted self-evaluation that may be drawn.
public struct SampleCandidate: Hashable, Codable, Sendable {
    public var id: UUID
    /// The stratum: the department the unit belongs to.
    public var department: String
    public var amount: Money
    public var risks: Set<SamplingRisk>
    public init(id: UUID, department: String, amount: Money, risks: Set<SamplingRisk> = []) {
        self.id = id; self.department = department; self.amount = amount; self.risks = risks
    }
}

/// How finance draws (DOMAIN.md §3.5 defaults): 20 % of the self-evaluations by count, at least 30 % of their amount,
/// up to half of the count chosen on risk, the rest by lot within each department in proportion to its size.
public struct SamplingPlan: Hashable, Codable, Sendable {
    public var countPercent: Decimal
    public var amountPercent: Decimal
    public var riskSharePercent: Decimal
    public init(countPercent: Decimal = 20, amountPercent: Decimal = 30, riskSharePercent: Decimal = 50) {
        self.countPercent = countPercent; self.amountPercent = amountPercent; self.riskSharePercent = riskSharePercent
    }
}

/// Why one self-evaluation is in the sample.
public enum SampleReason: Hashable, Codable, Sendable {
    case risk(Set<SamplingRisk>)
    case lot
    /// Added, largest first, until the sample covers the plan's share of the amount.
    case amount
}

public struct SampleDraw: Hashable, Codable, Sendable {
    public var seed: UInt64
    /// In the order drawn.
    public var chosen: [Chosen]
    public struct Chosen: Hashable, Codable, Sendable { public var id: UUID; public var reason: SampleReason }
    public var ids: [UUID] { chosen.map(\.id) }
}

/// A small, fully specified generator (SplitMix64), so a draw is replayed identically from its seed on every machine
/// and in every later version — the system's own random generator may change.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound without modulo bias.
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        let limit = UInt64.max - UInt64.max % UInt64(bound)
        while true {
            let value = next()
            if value < limit { return Int(value % UInt64(bound)) }
        }
    }
}

public enum ReevaluationSampling {
    /// Draws the sample. The same candidates, plan and seed always give the same sample, whatever order the
    /// candidates come in.
    public static func draw(_ candidates: [SampleCandidate], plan: SamplingPlan = SamplingPlan(), seed: UInt64) -> SampleDraw {
        var generator = SeededGenerator(seed: seed)
        let all = candidates.sorted { $0.id.uuidString < $1.id.uuidString }
        guard !all.isEmpty else { return SampleDraw(seed: seed, chosen: []) }
        let size = min(all.count, ceiling(Decimal(all.count) * plan.countPercent / 100))
        var chosen: [SampleDraw.Chosen] = [], taken = Set<UUID>()
        func take(_ candidate: SampleCandidate, _ reason: SampleReason) { chosen.append(.init(id: candidate.id, reason: reason)); taken.insert(candidate.id) }

        // On risk: most reasons first, then the larger amount.
        let riskSlots = min(size, floor(Decimal(size) * plan.riskSharePercent / 100))
        let risky = all.filter { !$0.risks.isEmpty }.sorted { a, b in
            if a.risks.count != b.risks.count { return a.risks.count > b.risks.count }
            if a.amount != b.amount { return a.amount > b.amount }
            return a.id.uuidString < b.id.uuidString
        }
        for candidate in risky.prefix(riskSlots) { take(candidate, .risk(candidate.risks)) }

        // By lot, within each department in proportion to what it has left (largest remainders get the odd slots).
        let left = all.filter { !taken.contains($0.id) }
        let slots = size - chosen.count
        let byDepartment = Dictionary(grouping: left, by: \.department)
        let departments = byDepartment.keys.sorted()
        var quota: [String: Int] = [:], remainders: [(String, Decimal)] = []
        for department in departments {
            let exact = Decimal(slots) * Decimal(byDepartment[department]!.count) / Decimal(max(left.count, 1))
            quota[department] = floor(exact)
            remainders.append((department, exact - Decimal(floor(exact))))
        }
        var odd = slots - quota.values.reduce(0, +)
        for (department, _) in remainders.sorted(by: { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }) where odd > 0 {
            quota[department, default: 0] += 1
            odd -= 1
        }
        for department in departments {
            var pool = byDepartment[department]!
            for _ in 0..<min(quota[department] ?? 0, pool.count) {
                take(pool.remove(at: generator.below(pool.count)), .lot)
            }
        }

        // Then the amount: the largest not yet drawn until the sample covers the plan's share.
        let total = all.reduce(Int64(0)) { $0 + $1.amount.fen }
        var covered = all.filter { taken.contains($0.id) }.reduce(Int64(0)) { $0 + $1.amount.fen }
        for candidate in all.filter({ !taken.contains($0.id) }).sorted(by: { $0.amount != $1.amount ? $0.amount > $1.amount : $0.id.uuidString < $1.id.uuidString })
        where Decimal(covered) * 100 < Decimal(total) * plan.amountPercent {
            take(candidate, .amount)
            covered += candidate.amount.fen
        }
        return SampleDraw(seed: seed, chosen: chosen)
    }

    private static func ceiling(_ value: Decimal) -> Int {
        var input = value, rounded = Decimal()
        NSDecimalRound(&rounded, &input, 0, .up)
        return NSDecimalNumber(decimal: rounded).intValue
    }

    private static func floor(_ value: Decimal) -> Int {
        var input = value, rounded = Decimal()
        NSDecimalRound(&rounded, &input, 0, .down)
        return NSDecimalNumber(decimal: rounded).intValue
    }
}

/// 失真 — a self-evaluation whose score is too far from the re-evaluation's (§3.5 defaults: more than 10 points, or
/// another grade).
public struct DistortionRule: Hashable, Codable, Sendable {
    public var pointsApart: Decimal
    public init(pointsApart: Decimal = 10) { self.pointsApart = pointsApart }

    public func isDistorted(selfScore: Decimal, reScore: Decimal) -> Bool {
        abs(selfScore - reScore) > pointsApart || ScoreGrade(score: selfScore) != ScoreGrade(score: reScore)
    }
}
