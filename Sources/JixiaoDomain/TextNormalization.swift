import Foundation

/// Text as people paste it from Word and Excel: full-width digits and signs become their ASCII forms.
public enum TextNormalization {
    public static func halfWidth(_ text: String) -> String {
        // Most cells have nothing to convert: return them as they are instead of rebuilding them.
        guard text.unicodeScalars.contains(where: isFullWidth) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: result.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000: result.unicodeScalars.append(" ")
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isFullWidth(_ scalar: Unicode.Scalar) -> Bool {
        (0xFF01...0xFF5E).contains(scalar.value) || scalar.value == 0x3000
    }

    /// White space in the Unicode sense: spaces, tabs, line breaks, the no-break and the ideographic space (U+3000).
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (scalar == " " || (0x09...0x0D).contains(scalar.value)) : scalar.properties.isWhitespace
    }
}

extension String {
    /// Without leading and trailing white space and line breaks. Works on the string's own scalars: Foundation's
    /// `trimmingCharacters(in:)` copies through NSString, which made trimming the largest cost of reading an import.
    public var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !TextNormalization.isSpace($0) }),
              let last = scalars.lastIndex(where: { !TextNormalization.isSpace($0) }) else { return "" }
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
        return String(Substring(scalars[first...last]))
    }
}

extension Substring {
    public var trimmed: String { String(self).trimmed }
}

/// Decimal numbers written with a point, read the same whatever the machine's locale.
public enum DecimalText {
    private static let posix = Locale(identifier: "en_US_POSIX")
    public static func parse(_ text: String) -> Decimal? {
        Decimal(string: TextNormalization.halfWidth(text).trimmed, locale: posix)
    }
}
