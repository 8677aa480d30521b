import Foundation
import Testing
@testable import JixiaoDomain

private func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", n))! }

/// 100 self-evaluations in four departments of 40, 30, 20 and 10, amounts from 1 to 100 万元.
private let candidates: [SampleCandidate] = (1...100).map { n in
    let department = n <= 40 ? "教育局" : n <= 70 ? "卫健委" : n <= 90 ? "农业农村局" : "交通运输局"
    return SampleCandidate(id: id(n), department: department, amount: Money(fen: Int64(n) * 1_000_000))
}

@Suite("Re-evaluation sample (抽查): 20 % by count, 30 % of the amount, part on risk, the rest by lot per department, replayable")
struct ReevaluationSamplingTests {
    @Test("the same seed draws the same sample, whatever order the candidates come in; another seed another one")
    func replay() {
        let a = ReevaluationSampling.draw(candidates, seed: 20271231)
        #expect(a == ReevaluationSampling.draw(candidates.reversed(), seed: 20271231))
        #expect(a.ids != ReevaluationSampling.draw(candidates, seed: 7).ids)
        // The generator is our own: its first outputs are fixed for ever (SplitMix64 from 0).
        var generator = SeededGenerator(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test("20 of 100 by lot, in proportion to the departments (8, 6, 4, 2), then the largest until 30 % of the amount")
    func proportions() {
        let draw = ReevaluationSampling.draw(candidates, seed: 1)
        let lot = draw.chosen.filter { $0.reason == .lot }.map(\.id)
        #expect(lot.count == 20)
        let department = Dictionary(uniqueKeysWithValues: candidates.map { ($0.id, $0.department) })
        let counts = Dictionary(grouping: lot, by: { department[$0]! }).mapValues(\.count)
        #expect(counts == ["教育局": 8, "卫健委": 6, "农业农村局": 4, "交通运输局": 2])
        let amount = Dictionary(uniqueKeysWithValues: candidates.map { ($0.id, $0.amount.fen) })
        let covered = draw.ids.reduce(Int64(0)) { $0 + amount[$1]! }, total = candidates.reduce(Int64(0)) { $0 + $1.amount.fen }
        #expect(covered * 100 >= total * 30)
        // Top-ups are added only while short of it: without the last one the sample would not cover 30 %.
        if let last = draw.chosen.last, last.reason == .amount { #expect((covered - amount[last.id]!) * 100 < total * 30) }
        #expect(Set(draw.ids).count == draw.ids.count)
    }

    @Test("risk first: up to half of the count, most reasons first, and they are named")
    func risk() {
        var list = candidates
        list[4].risks = [.poorSelfScore, .redMonitoring]
        list[50].risks = [.qualityFindings]
        let draw = ReevaluationSampling.draw(list, seed: 3)
        #expect(draw.chosen[0] == .init(id: id(5), reason: .risk([.poorSelfScore, .redMonitoring])))
        #expect(draw.chosen[1] == .init(id: id(51), reason: .risk([.qualityFindings])))
        #expect(draw.chosen.filter { $0.reason == .lot }.count == 18)
        // Everyone risky: only half of the 20 are taken on risk.
        let risky = candidates.map { var c = $0; c.risks = [.perfectScore]; return c }
        #expect(ReevaluationSampling.draw(risky, seed: 3).chosen.filter { if case .risk = $0.reason { true } else { false } }.count == 10)
        #expect(ReevaluationSampling.draw([], seed: 3).chosen.isEmpty)
    }

    @Test("失真: more than 10 points apart, or another grade")
    func distortion() {
        let rule = DistortionRule()
        #expect(!rule.isDistorted(selfScore: 95, reScore: 91))
        #expect(rule.isDistorted(selfScore: 91, reScore: 89))            // 优 against 良
        #expect(!rule.isDistorted(selfScore: 89, reScore: 80))
        #expect(rule.isDistorted(selfScore: Decimal(string: "79.9")!, reScore: 69))   // 10.9 apart
        #expect(!rule.isDistorted(selfScore: 75, reScore: 65))           // 10 apart, same grade 中
    }
}
