import Foundation

/// Why a money amount as typed cannot be read.
public enum MoneyParseError: Error, Equatable, Sendable {
    case empty
    case notANumber(String)
    case tooManyDecimals(String, maximum: Int)
    case negative(String)
    case tooLarge(String)
}

/// An exact amount of money in fen (分). Never a floating-point number.
/// Forms show 万元 with up to six decimals (one fen is 0.000001 万元), so every 万元 figure a person types
/// is representable exactly.
public struct Money: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public var fen: Int64

    public init(fen: Int64) { self.fen = fen }
    public static let zero = Money(fen: 0)

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen + rhs.fen) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen - rhs.fen) }

    /// Reads 元 as people write them: "1234.56", "1,234.5", "１２３４".
    public init(yuan text: String) throws(MoneyParseError) {
        self.fen = try Self.scaled(text, decimals: 2)
    }

    /// Reads 万元 with up to six decimals: "12.345678", "1,200".
    public init(wanYuan text: String) throws(MoneyParseError) {
        self.fen = try Self.scaled(text, decimals: 6)
    }

    /// 万元 with as many decimals as needed (at most six), e.g. "12.5", "0.000001", "300".
    public var wanYuanText: String { Self.format(fen, decimals: 6) }
    /// 元 with two decimals, e.g. "125000.00".
    public var yuanText: String {
        let sign = fen < 0 ? "-" : ""
        let absolute = fen.magnitude
        let cents = absolute % 100
        return "\(sign)\(absolute / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
    public var description: String { "\(wanYuanText)万元" }

    /// 万元 as forms print it: thousands separators and at least two decimals, more only when the amount has them
    /// (exact, never rounded), e.g. "15,800.00", "1,085.50", "12.3456".
    public var wanYuanDisplay: String {
        let plain = wanYuanText
        let negative = plain.hasPrefix("-")
        let body = negative ? String(plain.dropFirst()) : plain
        let parts = body.split(separator: ".", maxSplits: 1).map(String.init)
        var whole = parts[0]
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        var fraction = parts.count > 1 ? parts[1] : ""
        while fraction.count < 2 { fraction += "0" }
        return (negative ? "-" : "") + whole + grouped + "." + fraction
    }

    /// Parses a non-negative decimal text into an integer scaled by 10^decimals, exactly.
    static func scaled(_ raw: String, decimals: Int) throws(MoneyParseError) -> Int64 {
        let text = TextNormalization.halfWidth(raw).replacingOccurrences(of: ",", with: "").trimmed
        guard !text.isEmpty else { throw .empty }
        if text.hasPrefix("-") { throw .negative(raw) }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty || parts.count == 2,
              whole.allSatisfy(\.isASCIIDigit), parts.count == 1 || parts[1].allSatisfy(\.isASCIIDigit),
              !(parts.count == 2 && parts[1].isEmpty) else { throw .notANumber(raw) }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= decimals else { throw .tooManyDecimals(raw, maximum: decimals) }
        let digits = (whole.isEmpty ? "0" : String(whole)) + fraction + String(repeating: "0", count: decimals - fraction.count)
        guard digits.count <= 18, let value = Int64(digits) else { throw .tooLarge(raw) }
        return value
    }

    static func format(_ value: Int64, decimals: Int) -> String {
        let sign = value < 0 ? "-" : ""
        var scale: UInt64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let absolute = value.magnitude
        var fraction = String(absolute % scale)
        fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(sign)\(absolute / scale)" + (fraction.isEmpty ? "" : ".\(fraction)")
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
