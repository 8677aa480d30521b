import Foundation

/// 运算符 — how an actual value is compared with the target (DOMAIN.md §4.1).
public enum TargetOperator: String, CaseIterable, Codable, Sendable {
    case atLeast = "≥"
    case greaterThan = ">"
    case atMost = "≤"
    case lessThan = "<"
    case equal = "="
    case qualitative = "定性"

    public enum Direction: Sendable { case higherIsBetter, lowerIsBetter, exact, qualitative }

    public var direction: Direction {
        switch self {
        case .atLeast, .greaterThan: .higherIsBetter
        case .atMost, .lessThan: .lowerIsBetter
        case .equal: .exact
        case .qualitative: .qualitative
        }
    }
}

/// A calendar date without time or zone, for deadline targets ("2026年10月前").
public struct CalendarDay: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public var year: Int, month: Int, day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month), (1...CalendarDay.days(in: month, of: year)).contains(day) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    public static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
    public var description: String { "\(year)年\(month)月\(day)日" }
}

/// What a target is measured in.
public enum TargetValue: Hashable, Codable, Sendable {
    /// A number with its unit ("95" and "%", "735" and "人次", "90" and "万元"; the unit may be empty).
    case number(Decimal, unit: String)
    /// A deadline.
    case date(CalendarDay)
    /// A qualitative grade or statement ("优", "达到预期目标").
    case text(String)
}

/// 指标值 — a parsed target: operator and value.
public struct Target: Hashable, Codable, Sendable, CustomStringConvertible {
    public var op: TargetOperator
    public var value: TargetValue

    public init(op: TargetOperator, value: TargetValue) { self.op = op; self.value = value }

    public var isQuantitative: Bool { op != .qualitative }
    public var number: Decimal? { if case .number(let n, _) = value { n } else { nil } }
    public var unit: String? { if case .number(_, let unit) = value { unit } else { nil } }

    /// The canonical way to write it, which parses back to the same target.
    public var description: String {
        switch value {
        case .number(let n, let unit): "\(op.rawValue)\(n)\(unit)"
        case .date(let day): "\(op == .atMost ? "" : op.rawValue)\(day.year)年\(day.month)月\(day.day)日前"
        case .text(let text): op == .qualitative ? text : "\(op.rawValue)\(text)"
        }
    }
}

/// Why a target as typed cannot be read.
public enum TargetParseError: Error, Hashable, Sendable {
    case empty
    /// A number without a sign: the operator is never guessed (shown as 未标注, needs confirmation).
    case missingOperator(value: String)
    /// A sign followed by something that is not a number or date ("≥较好").
    case notANumber(String)
    /// A sign with nothing after it.
    case missingValue
    /// A date that does not exist or lacks its year ("2026年13月前", "12月底前").
    case invalidDate(String)
    /// A unit that cannot be a unit ("95%%", "9.5.1").
    case invalidUnit(String)
    /// A deadline with ≥, = or >: a deadline is always "on or before".
    case deadlineNeedsAtMost(String)
}

/// What a target cell says, for readers that keep a row they cannot complete (an import keeps the text as typed).
public enum TargetReading: Hashable, Sendable {
    /// A complete target.
    case target(Target)
    /// A number or a date without a sign ("95%", "735人次", "2026年12月"). The sign is never guessed: keep the text as
    /// typed without a parsed target; it shows as 未标注 and blocks submission (`GoalValidationError.unreadableTarget`
    /// with `.missingOperator`) until the filer writes a sign. `value` is what was read, for offering "≥ or ≤?".
    case unsigned(TargetValue)
    /// Not a target: the reason `TargetParser.parse` gives.
    case unreadable(TargetParseError)
}

/// 指标值解析 — reads targets as people type them: "≥95%", "≤90万元", "不低于735人次", "95%以上", "5个工作日内",
/// "2025年12月前", "2027-10-31前", "=100%", "优".
public enum TargetParser {
    /// Operator words, longest first so "≥" is not read as ">" and "不低于" before "低于".
    static let operatorWords: [(String, TargetOperator)] = [
        (">=", .atLeast), ("≥", .atLeast), ("≧", .atLeast), ("大于等于", .atLeast), ("大于或等于", .atLeast), ("不低于", .atLeast),
        ("不少于", .atLeast), ("不小于", .atLeast), ("至少", .atLeast),
        ("<=", .atMost), ("≤", .atMost), ("≦", .atMost), ("小于等于", .atMost), ("小于或等于", .atMost), ("不高于", .atMost),
        ("不超过", .atMost), ("不多于", .atMost), ("不大于", .atMost), ("至多", .atMost), ("控制在", .atMost),
        ("==", .equal), ("=", .equal), ("等于", .equal),
        (">", .greaterThan), ("大于", .greaterThan), ("高于", .greaterThan), ("超过", .greaterThan), ("多于", .greaterThan),
        ("<", .lessThan), ("小于", .lessThan), ("低于", .lessThan), ("少于", .lessThan),
        ("定性:", .qualitative), ("定性", .qualitative),
    ].sorted { $0.0.count > $1.0.count }

    /// The operator words by their first character, so a target is compared only with the few that can match.
    static let operatorWordsByFirstCharacter: [Character: [(String, TargetOperator)]] =
        Dictionary(grouping: operatorWords, by: { $0.0.first! })

    /// Words after the number that give the sign. In Chinese law and usage 以上, 以下 and 以内 include the number itself
    /// (民法典 第一千二百五十九条), so "95%以上" is ≥95% and "5天以内" is ≤5天. Longest first.
    static let suffixOperatorWords: [(String, TargetOperator)] = [
        ("及以上", .atLeast), ("或以上", .atLeast), ("以上", .atLeast),
        ("及以下", .atMost), ("或以下", .atMost), ("以下", .atMost), ("以内", .atMost), ("之内", .atMost), ("内", .atMost),
    ]

    public static func parse(_ raw: String) throws(TargetParseError) -> Target {
        let (op, value) = try operatorAndValue(raw)
        guard let op else { throw .missingOperator(value: raw) }
        return Target(op: op, value: value)
    }

    /// Like `parse`, but a number or date without a sign is an answer of its own rather than an error, so that an
    /// import can keep the row as 未标注 instead of refusing it.
    public static func read(_ raw: String) -> TargetReading {
        do {
            let (op, value) = try operatorAndValue(raw)
            guard let op else { return .unsigned(value) }
            return .target(Target(op: op, value: value))
        } catch {
            return .unreadable(error)
        }
    }

    /// The sign (nil when a number or date has none) and the value.
    private static func operatorAndValue(_ raw: String) throws(TargetParseError) -> (TargetOperator?, TargetValue) {
        var text = TextNormalization.halfWidth(raw).trimmed
        guard !text.isEmpty else { throw .empty }
        var op: TargetOperator?
        if let first = text.first, let (word, found) = operatorWordsByFirstCharacter[first]?.first(where: { text.hasPrefix($0.0) }) {
            op = found
            text = String(text.dropFirst(word.count)).trimmed
            if found == .qualitative {
                text = text.trimmingCharacters(in: CharacterSet(charactersIn: ":：").union(.whitespaces))
                guard !text.isEmpty else { throw .missingValue }
                return (.qualitative, .text(text))
            }
            guard !text.isEmpty else { throw .missingValue }
        }
        if let deadline = try deadline(in: text) {
            guard op == nil || op == .atMost || op == .lessThan else { throw .deadlineNeedsAtMost(raw) }
            return (op ?? (deadline.hasDeadlineWord ? .atMost : nil), .date(deadline.day))
        }
        if let (number, unit, suffixOperator) = try numberAndUnit(text, raw: raw) {
            if let suffixOperator {
                // "≥95%以上" says the sign twice; what is left after the number is then not a unit.
                guard op == nil else { throw .invalidUnit(raw) }
                op = suffixOperator
            }
            return (op, .number(number, unit: unit))
        }
        if op != nil { throw .notANumber(raw) }
        // No sign and no number: a qualitative target. Whether it is measurable is for the linter to say.
        return (.qualitative, .text(text))
    }

    private struct Deadline { var day: CalendarDay; var hasDeadlineWord: Bool }

    /// Compiled once: parsing runs for every row of an import.
    private static let deadlinePattern = try? NSRegularExpression(
        pattern: #"^(\d{4})?\s*年?\s*(?:(\d{1,2})\s*月)?\s*(?:(\d{1,2})\s*日)?\s*(底|末)?\s*(前|以前|之前|以内|之内|内|完成|止)?$"#)
    /// "2027-10-31", "2027/10/31", "2027.10.31", "2027-10", each with or without a deadline word.
    private static let numericDeadlinePattern = try? NSRegularExpression(
        pattern: #"^(\d{4})\s*([-/.])\s*(\d{1,2})(?:\s*\2\s*(\d{1,2}))?\s*(前|以前|之前|以内|之内|内|完成|止)?$"#)
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// "2025年12月前", "2025年12月底前", "2025年12月31日前", "2025年底前", "2025年6月30日以前", "2027-10-31前".
    private static func deadline(in text: String) throws(TargetParseError) -> Deadline? {
        if let numeric = try numericDeadline(in: text) { return numeric }
        guard text.contains("年") || text.contains("月"),
              let regex = deadlinePattern,
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        func group(_ i: Int) -> String? {
            guard let range = Range(match.range(at: i), in: text) else { return nil }
            return String(text[range])
        }
        guard let yearText = group(1), let year = Int(yearText) else { throw .invalidDate(text) }
        let month = group(2).flatMap(Int.init)
        let dayText = group(3).flatMap(Int.init)
        guard let monthValue = month ?? (group(4) != nil && text.contains("年") ? 12 : nil), (1...12).contains(monthValue) else {
            throw .invalidDate(text)
        }
        let day = dayText ?? CalendarDay.days(in: monthValue, of: year)
        guard let calendarDay = CalendarDay(year: year, month: monthValue, day: day) else { throw .invalidDate(text) }
        return Deadline(day: calendarDay, hasDeadlineWord: group(5) != nil || group(4) != nil)
    }

    /// Dates written with digits only: "2027-10-31前", "2027/10/31", "2027-10前" (the end of October). With points the
    /// day or a deadline word must be there: "2027.10" alone is a number.
    private static func numericDeadline(in text: String) throws(TargetParseError) -> Deadline? {
        // Cheap test first: most targets are numbers, and this runs for every row of an import.
        guard text.prefix(4).allSatisfy(\.isASCIIDigit), text.contains(where: { $0 == "-" || $0 == "/" || $0 == "." }),
              let regex = numericDeadlinePattern,
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        func group(_ i: Int) -> String? {
            guard let range = Range(match.range(at: i), in: text) else { return nil }
            return String(text[range])
        }
        let dayText = group(4), word = group(5)
        if group(2) == ".", dayText == nil, word == nil { return nil }
        guard let year = group(1).flatMap(Int.init), let month = group(3).flatMap(Int.init), (1...12).contains(month) else {
            throw .invalidDate(text)
        }
        let day = dayText.flatMap(Int.init) ?? CalendarDay.days(in: month, of: year)
        guard let calendarDay = CalendarDay(year: year, month: month, day: day) else { throw .invalidDate(text) }
        return Deadline(day: calendarDay, hasDeadlineWord: word != nil)
    }

    /// A leading decimal number ("1,200", "95.5", "-3"), the unit after it, and the sign a word after the unit gives
    /// ("95%以上" → 95, %, ≥).
    private static func numberAndUnit(_ text: String, raw: String) throws(TargetParseError) -> (Decimal, String, TargetOperator?)? {
        var digits = ""
        var index = text.startIndex
        if index < text.endIndex, text[index] == "-" { digits.append("-"); index = text.index(after: index) }
        var seenDigit = false, seenPoint = false
        while index < text.endIndex {
            let c = text[index]
            if c.isASCIIDigit { digits.append(c); seenDigit = true }
            else if c == "," && seenDigit && !seenPoint { }
            else if c == "." && seenDigit && !seenPoint { digits.append(c); seenPoint = true }
            else { break }
            index = text.index(after: index)
        }
        guard seenDigit, !digits.hasSuffix(".") else { return nil }
        var unit = String(text[index...]).trimmed
        var suffixOperator: TargetOperator?
        if let (word, op) = suffixOperatorWords.first(where: { unit.hasSuffix($0.0) }) {
            let rest = String(unit.dropLast(word.count)).trimmed
            // Only a unit may stand before the word: "2026年10月以上" is not "≥2026 年10月".
            if !rest.contains(where: \.isASCIIDigit) { unit = rest; suffixOperator = op }
        }
        if let first = unit.first, first.isASCIIDigit || first == "." || first == "," { throw .invalidUnit(raw) }
        if unit.contains("%") && unit != "%" { throw .invalidUnit(raw) }
        guard let number = Decimal(string: digits, locale: posix) else { throw .notANumber(raw) }
        return (number, unit, suffixOperator)
    }
}
