import Foundation

/// 分值 of a self-evaluation's indicator rows, from the goal in force. A goal's weights add up to its own total (100 for
/// the goal alone, 90 when it left room for the budget block, none at all for a regional goal); on the form the rows share
/// what the budget block leaves (100 − 10 by default, 100 − 20 in provinces with a 20-point block).
public enum FormWeights {
    /// The rows' weights in hundredths of a point, adding up exactly to `100 − budgetWeight`: the goal's weights scaled in
    /// proportion when every indicator has one, else equal shares; the hundredths that proportions cannot split go to the
    /// largest remainders (the earlier row on a tie), so no point is lost or invented.
    public static func distribute(goalWeights: [Decimal?], budgetWeight: Decimal) -> [Decimal] {
        guard !goalWeights.isEmpty else { return [] }
        let available = max(0, 100 - budgetWeight)
        let given = goalWeights.compactMap { $0 }
        let sum = given.reduce(Decimal(0), +)
        let shares: [Decimal] = given.count == goalWeights.count && sum > 0 && given.allSatisfy({ $0 >= 0 })
            ? given.map { $0 / sum } : goalWeights.map { _ in 1 / Decimal(goalWeights.count) }
        let cents = available * 100
        let exact = shares.map { $0 * cents }
        var whole = exact.map { rounded($0, .down) }
        var left = NSDecimalNumber(decimal: rounded(cents - whole.reduce(0, +), .plain)).intValue
        let order = exact.indices.sorted { a, b in
            let ra = exact[a] - whole[a], rb = exact[b] - whole[b]
            return ra != rb ? ra > rb : a < b
        }
        for index in order where left > 0 { whole[index] += 1; left -= 1 }
        return whole.map { $0 / 100 }
    }

    private static func rounded(_ value: Decimal, _ mode: NSDecimalNumber.RoundingMode) -> Decimal {
        var input = value, output = Decimal()
        NSDecimalRound(&output, &input, 0, mode)
        return output
    }
}
