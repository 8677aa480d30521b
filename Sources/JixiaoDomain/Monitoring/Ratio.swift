import Foundation

/// An exact quotient of two decimals, kept as numerator and denominator so that thresholds are compared without
/// rounding: with a budget of 100 万元 and seven months gone, the expected spending is 58.333… 万元, and 35 万元 spent
/// is a pace of exactly 60 % — yellow, not red. Only the text shown to people is rounded.
public struct Ratio: Hashable, Codable, Sendable, CustomStringConvertible {
    public var numerator: Decimal
    /// Never zero: a quotient by zero is no `Ratio` (`init?`).
    public var denominator: Decimal

    public init?(_ numerator: Decimal, over denominator: Decimal) {
        guard denominator != 0 else { return nil }
        // Keep the denominator positive so that comparing by cross-multiplication keeps its direction.
        if denominator < 0 { self.numerator = -numerator; self.denominator = -denominator }
        else { self.numerator = numerator; self.denominator = denominator }
    }

    public init(_ value: Decimal) { numerator = value; denominator = 1 }

    public init?(_ numerator: Money, over denominator: Money) {
        self.init(Decimal(numerator.fen), over: Decimal(denominator.fen))
    }

    /// A fraction written as a percentage: `Ratio(percent: 60)` is 0.6.
    public init(percent: Decimal) { numerator = percent; denominator = 100 }

    /// The value, for display and for arithmetic that is rounded anyway.
    public var value: Decimal { numerator / denominator }

    public static func * (a: Ratio, b: Ratio) -> Ratio {
        Ratio(a.numerator * b.numerator, over: a.denominator * b.denominator)!
    }

    /// `a ÷ b`; nil when b is zero.
    public static func / (a: Ratio, b: Ratio) -> Ratio? {
        Ratio(a.numerator * b.denominator, over: a.denominator * b.numerator)
    }

    public static func < (a: Ratio, b: Ratio) -> Bool { a.numerator * b.denominator < b.numerator * a.denominator }
    public static func <= (a: Ratio, b: Ratio) -> Bool { !(b < a) }
    public static func > (a: Ratio, b: Ratio) -> Bool { b < a }
    public static func >= (a: Ratio, b: Ratio) -> Bool { !(a < b) }
    /// Equal as numbers (1/2 equals 2/4), unlike `==`, which compares the stored parts.
    public func sameValue(as other: Ratio) -> Bool { numerator * other.denominator == other.numerator * denominator }

    /// "58.3%": the percentage rounded half-up to `decimals` places.
    public func percentText(decimals: Int = 1) -> String {
        Self.text(value * 100, decimals: decimals) + "%"
    }

    public var description: String { percentText() }

    /// A decimal rounded half-up (away from zero) with exactly `decimals` places: 53.166… → "53.2", 9.78 → "9.78".
    public static func text(_ value: Decimal, decimals: Int) -> String {
        var input = value, rounded = Decimal()
        NSDecimalRound(&rounded, &input, decimals, .plain)
        let negative = rounded < 0
        var plain = "\(negative ? -rounded : rounded)"
        if decimals > 0 {
            if !plain.contains(".") { plain += "." }
            let have = plain.count - 1 - plain.distance(from: plain.startIndex, to: plain.firstIndex(of: ".")!)
            plain += String(repeating: "0", count: max(0, decimals - have))
        }
        return (negative && rounded != 0 ? "-" : "") + plain
    }
}
