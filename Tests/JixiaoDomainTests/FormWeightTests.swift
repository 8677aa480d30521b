import Foundation
import Testing
@testable import JixiaoDomain

@Suite("Self-evaluation form weights from the goal in force")
struct FormWeightTests {
    @Test("a goal's weights of 100 are scaled to the 90 the budget block leaves")
    func scaled() {
        let weights = FormWeights.distribute(goalWeights: [20, 20, 10, 10, 30, 10], budgetWeight: 10)
        #expect(weights == [18, 18, 9, 9, 27, 9])
    }

    @Test("weights already adding up to 90 stay as they are")
    func unchanged() {
        #expect(FormWeights.distribute(goalWeights: [50, 30, 10], budgetWeight: 10) == [50, 30, 10])
    }

    @Test("a 20-point budget block leaves 80")
    func twentyPointBlock() {
        #expect(FormWeights.distribute(goalWeights: [25, 25, 50], budgetWeight: 20) == [20, 20, 40])
    }

    @Test("without weights (a regional goal) the rows share equally; hundredths that do not divide go to the first rows")
    func equalShares() {
        let weights = FormWeights.distribute(goalWeights: [nil, nil, nil, nil, nil, nil, nil], budgetWeight: 10)
        #expect(weights.reduce(0, +) == 90)
        #expect(weights == [12.86, 12.86, 12.86, 12.86, 12.86, 12.85, 12.85])
    }

    @Test("proportions that do not divide into hundredths still add up exactly")
    func remainders() {
        let weights = FormWeights.distribute(goalWeights: [1, 1, 1], budgetWeight: 10)
        #expect(weights == [30, 30, 30])
        let odd = FormWeights.distribute(goalWeights: [10, 20, 40], budgetWeight: 10)
        #expect(odd.reduce(0, +) == 90)
        #expect(odd == [12.86, 25.71, 51.43])
    }

    @Test("some weights missing: equal shares rather than a guess")
    func partlyWeighted() {
        #expect(FormWeights.distribute(goalWeights: [60, nil, 30], budgetWeight: 10) == [30, 30, 30])
        #expect(FormWeights.distribute(goalWeights: [], budgetWeight: 10) == [])
    }
}
