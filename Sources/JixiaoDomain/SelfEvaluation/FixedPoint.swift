import Foundation

/// An exact number with twenty decimal places, kept as a whole count of 10⁻²⁰ in an `Int128` (up to ±1.7 × 10¹⁸).
/// Scoring rounds every quotient to these twenty places (`SelfEvaluationScoring.rowPlaces`), so a point is the same
/// number here and as a `Decimal`. It exists for speed: on this platform one `Decimal` multiply-and-divide costs
/// microseconds (its arithmetic allocates), this one tens of nanoseconds, and a province's year check does it
/// millions of times (`CompactScoring`).
public struct FixedPoint: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var raw: Int128
    public static let places = 20
    public static let unit: Int128 = 100_000_000_000_000_000_000
    static let powers: [Int128] = (0...20).map { exponent in (0..<exponent).reduce(Int128(1)) { value, _ in value * 10 } }

    public init(raw: Int128) { self.raw = raw }
    public static let zero = FixedPoint(raw: 0)

    /// A whole number (|value| < 10¹⁸).
    public init(_ whole: Int) { raw = Int128(whole) * Self.unit }

    /// `mantissa × 10^−places`; nil when it has more than twenty places or does not fit.
    public init?(mantissa: Int128, places: Int) {
        guard (0...Self.places).contains(places) else { return nil }
        let (value, overflow) = mantissa.multipliedReportingOverflow(by: Self.powers[Self.places - places])
        guard !overflow else { return nil }
        raw = value
    }

    /// Plain decimal text ("-12.5", "0.00001", "100"), as `Decimal` writes itself; nil for anything else, for more
    /// than twenty decimal places and for numbers out of range — never a rounded guess.
    /// (Not generic: called from another module a generic reader is not specialised, and a year's check reads 200,000
    /// totals.)
    public init?(text: String.UTF8View) {
        var mantissa: Int128 = 0, places = 0, digits = 0, negative = false, point = false, first = true
        for byte in text {
            defer { first = false }
            switch byte {
            case UInt8(ascii: "-") where first: negative = true
            case UInt8(ascii: "."):
                guard !point else { return nil }
                point = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let (shifted, o1) = mantissa.multipliedReportingOverflow(by: 10)
                let (next, o2) = shifted.addingReportingOverflow(Int128(byte - UInt8(ascii: "0")))
                guard !o1, !o2 else { return nil }
                mantissa = next
                digits += 1
                if point { places += 1 }
            default: return nil
            }
        }
        guard digits > 0 else { return nil }
        self.init(mantissa: negative ? -mantissa : mantissa, places: places)
    }

    /// Text exactly as this writes it (and `Decimal` writes itself: no trailing zeros, no "+", no "-0"); nil for any other
    /// spelling of a number ("9.50", "012.5"), which a year's check must see as a difference, not as the same number.
    public init?(canonicalText text: String) {
        guard let value = FixedPoint(text: text.utf8) else { return nil }
        // The spelling checked by its bytes (writing the number out to compare cost more than reading it): no "-0", no
        // leading zero before a digit, no empty whole part, no trailing zero or point after the decimals.
        let bytes = Array(text.utf8)
        let digits = bytes.first == UInt8(ascii: "-") ? bytes.dropFirst() : bytes[...]
        let point = digits.firstIndex(of: UInt8(ascii: "."))
        let whole = digits[..<(point ?? digits.endIndex)]
        guard !whole.isEmpty, whole.count == 1 || whole.first != UInt8(ascii: "0") else { return nil }
        if let point { guard point + 1 < digits.endIndex, digits.last != UInt8(ascii: "0") else { return nil } }
        guard value.raw != 0 || bytes.first != UInt8(ascii: "-") else { return nil }
        self = value
    }

    /// A `Decimal` that is exactly representable with twenty places; nil otherwise.
    public init?(_ decimal: Decimal) { self.init(text: decimal.description.utf8) }

    /// Written plainly, trailing zeros dropped ("9.5", "10", "0.00000000000000000001").
    public var description: String {
        let magnitude = raw.magnitude, unit = UInt128(Self.unit)
        let whole = magnitude / unit
        var fraction = String(magnitude % unit)
        if fraction != "0" {
            fraction = String(repeating: "0", count: Self.places - fraction.count) + fraction
            while fraction.last == "0" { fraction.removeLast() }
        }
        return (raw < 0 ? "-" : "") + "\(whole)" + (fraction == "0" ? "" : "." + fraction)
    }

    public var decimal: Decimal { Decimal(string: description)! }

    public static func < (a: FixedPoint, b: FixedPoint) -> Bool { a.raw < b.raw }
    public static func + (a: FixedPoint, b: FixedPoint) -> FixedPoint { FixedPoint(raw: a.raw + b.raw) }
    public static func - (a: FixedPoint, b: FixedPoint) -> FixedPoint { FixedPoint(raw: a.raw - b.raw) }
    public static func += (a: inout FixedPoint, b: FixedPoint) { a.raw += b.raw }

    /// `self × factor ÷ divisor`, rounded half away from zero to twenty places — as `Decimal` arithmetic settled by
    /// `NSDecimalRound(…, 20, .plain)` gives it. Nil when the divisor is 0 or the result does not fit.
    public func times(_ factor: FixedPoint, over divisor: FixedPoint) -> FixedPoint? {
        guard divisor.raw != 0 else { return nil }
        // In units: (a/u)(b/u)/(c/u) × u = a·b/c, taken over 256 bits.
        let product = raw.magnitude.multipliedFullWidth(by: factor.raw.magnitude)
        let d = divisor.raw.magnitude
        guard product.high < d else { return nil }
        let (quotient, remainder) = d.dividingFullWidth(product)
        let rounded = remainder >= d - remainder ? quotient + 1 : quotient
        guard rounded <= UInt128(Int128.max) else { return nil }
        let negative = ((raw < 0) != (factor.raw < 0)) != (divisor.raw < 0)
        return FixedPoint(raw: negative ? -Int128(rounded) : Int128(rounded))
    }

    /// `self × whole` (|whole| small: a percentage, 100); nil when it does not fit.
    public func times(_ whole: Int) -> FixedPoint? {
        let (value, overflow) = raw.multipliedReportingOverflow(by: Int128(whole))
        return overflow ? nil : FixedPoint(raw: value)
    }

    /// Rounded half away from zero to `places` (0…20) decimal places.
    public func rounded(places: Int) -> FixedPoint {
        let step = Self.powers[Self.places - places]
        let magnitude = raw.magnitude, half = UInt128(step) / 2
        let down = magnitude / UInt128(step) * UInt128(step)
        let up = magnitude - down >= half && step > 1 ? down + UInt128(step) : down
        return FixedPoint(raw: raw < 0 ? -Int128(up) : Int128(up))
    }

    /// The whole number of hundredths, half away from zero (what `SelfEvaluationForms.cents` gives for a Decimal).
    public var cents: Int { Int(rounded(places: 2).raw / Self.powers[18]) }

    public var magnitude: FixedPoint { FixedPoint(raw: raw < 0 ? -raw : raw) }
}
