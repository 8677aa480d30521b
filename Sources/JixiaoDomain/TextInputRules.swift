/// Why a text someone entered or imported cannot be stored.
public enum TextInputError: Error, Hashable, Sendable {
    /// A character that may not be stored. `position` counts characters from 1 as a person sees them (an emoji or
    /// a letter with its accent is one, and so is a CR LF line break); `codePoint` is the offending Unicode scalar,
    /// for showing it as "U+0007".
    case forbiddenCharacter(position: Int, codePoint: UInt32)
    /// Longer than allowed, both counted in characters as a person sees them.
    case tooLong(maximum: Int, length: Int)
}

/// 文本输入规则 — which characters a text field may hold, and how long it may be.
///
/// Never allowed: C0 control characters other than tab, line feed and carriage return (U+0000–U+001F), DEL
/// (U+007F), C1 control characters (U+0080–U+009F), and the noncharacters U+FDD0–U+FDEF and U+xFFFE/U+xFFFF of every
/// plane. They cannot be seen, break exports (a NUL ends a C string, a control byte makes an .xlsx file invalid XML)
/// and only arrive by pasting from other programs. Single-line fields (names, codes, titles) refuse tab, CR and LF
/// as well: they end cells and lines in CSV and hide text in one-line displays. Unpaired surrogates cannot occur in a
/// Swift string, so they need no rule.
public enum TextInputRules {
    public enum Field: Sendable, Hashable {
        /// Names, codes, titles: one line, no tab.
        case singleLine
        /// Goals, opinions, notes: tabs and line breaks are allowed.
        case multiLine
    }

    public static func isAllowed(_ scalar: Unicode.Scalar, in field: Field) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: field == .multiLine
        case 0x00...0x1F, 0x7F...0x9F, 0xFDD0...0xFDEF: false
        default: scalar.value & 0xFFFE != 0xFFFE
        }
    }

    /// The first character that may not be stored, or nil when there is none.
    public static func firstForbiddenCharacter(in text: String, field: Field) -> (position: Int, codePoint: UInt32)? {
        // Most texts are clean: look at the scalars first, count characters only to say where the problem is.
        guard text.unicodeScalars.contains(where: { !isAllowed($0, in: field) }) else { return nil }
        var position = 0
        for character in text {
            position += 1
            if let scalar = character.unicodeScalars.first(where: { !isAllowed($0, in: field) }) { return (position, scalar.value) }
        }
        return nil
    }

    /// Refuses a text with a character that may not be stored, then one longer than `maximumLength` characters.
    public static func check(_ text: String, field: Field, maximumLength: Int? = nil) throws(TextInputError) {
        if let (position, codePoint) = firstForbiddenCharacter(in: text, field: field) {
            throw .forbiddenCharacter(position: position, codePoint: codePoint)
        }
        if let maximumLength { try checkLength(text, maximum: maximumLength) }
    }

    /// Refuses a text longer than `maximum` characters as a person counts them (what `String.count` counts, the same
    /// count the organisation import uses for its 64- and 200-character limits).
    public static func checkLength(_ text: String, maximum: Int) throws(TextInputError) {
        let length = text.count
        if length > maximum { throw .tooLong(maximum: maximum, length: length) }
    }
}
