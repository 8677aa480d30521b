import Foundation

/// One indicator row reduced to what scoring and the consistency checks read of it, already parsed, with the points
/// stored for it: the year's check reads millions of these (`CompactScoring`). A row the compact scoring does not
/// take — an override, a text actual, an actual of another kind than its target, a choice without a
/// reason, a number that does not fit twenty places — has none (`init?` fails), and its form is scored the general way.
public struct CompactRow: Hashable, Sendable {
    public enum Goal: Hashable, Sendable {
        case number(FixedPoint, TargetOperator.Direction)
        case date(CalendarDay)
        case qualitative
    }

    public enum Actual: Hashable, Sendable {
        case missing
        case notApplicable
        case band(QualitativeBand, FixedPoint)
        case date(CalendarDay)
        case number(FixedPoint)
    }

    public enum Over: UInt8, Sendable { case none = 0, targetSetTooLow = 1, other = 2 }

    /// What is stored of the row's points: nothing, a number, or a text that is no number of twenty places (which the
    /// general scoring then looks at).
    public enum Stored: Hashable, Sendable {
        case none
        case points(FixedPoint)
        case unreadable
    }

    public var category: IndicatorCategory
    public var weight: FixedPoint
    public var goal: Goal
    /// The target's operator is not 定性 (the copy-paste check counts these rows).
    public var quantitative: Bool
    public var actual: Actual
    /// The actual equals the target exactly, unit included (the copy-paste check).
    public var actualEqualsTarget: Bool
    public var over: Over
    /// The evaluator's points where the rule asks for them (its reason is given).
    public var chosen: FixedPoint?
    /// 偏差原因分析及改进措施 is filled.
    public var explained: Bool
    /// The last monitoring forecast, when it was a number.
    public var forecast: FixedPoint?
    /// The points an imported sheet printed for the row.
    public var printed: FixedPoint?
    public var stored: Stored

    public init(category: IndicatorCategory, weight: FixedPoint, goal: Goal, quantitative: Bool, actual: Actual, actualEqualsTarget: Bool,
                over: Over, chosen: FixedPoint?, explained: Bool, forecast: FixedPoint?, printed: FixedPoint? = nil, stored: Stored) {
        self.category = category; self.weight = weight; self.goal = goal; self.quantitative = quantitative; self.actual = actual
        self.actualEqualsTarget = actualEqualsTarget; self.over = over; self.chosen = chosen; self.explained = explained
        self.forecast = forecast; self.printed = printed; self.stored = stored
    }

    /// The row of a form as scoring reads it, with the text stored of its points.
    public init?(_ row: FormRow, storedPoints: String?) {
        let scoring = row.scoring
        guard scoring.override == nil, let weight = FixedPoint(scoring.weight) else { return nil }
        if let points = row.printedPoints {
            guard let value = FixedPoint(points) else { return nil }
            printed = value
        } else {
            printed = nil
        }
        switch scoring.target.value {
        case .number(let value, _):
            guard let number = FixedPoint(value) else { return nil }
            goal = .number(number, scoring.target.op.direction)
        case .date(let day): goal = .date(day)
        case .text: goal = .qualitative
        }
        switch scoring.actual {
        case nil: actual = .missing
        case .notApplicable?: actual = .notApplicable
        case .band(let band, let points)?:
            guard scoring.target.op == .qualitative, let points = FixedPoint(points) else { return nil }
            actual = .band(band, points)
        case .value(.date(let day))?:
            guard case .date = goal else { return nil }
            actual = .date(day)
        case .value(.number(let value, _))?:
            guard case .number = goal, let number = FixedPoint(value) else { return nil }
            actual = .number(number)
        case .value(.text)?: return nil
        }
        if let chosen = scoring.chosen {
            guard !chosen.reason.trimmed.isEmpty, let points = FixedPoint(chosen.points) else { return nil }
            self.chosen = points
        } else {
            chosen = nil
        }
        switch scoring.overAchievementCause {
        case nil: over = .none
        case .targetSetTooLow?: over = .targetSetTooLow
        case .other?: over = .other
        }
        if case .number(let value, _)? = row.lastForecast {
            guard let number = FixedPoint(value) else { return nil }
            forecast = number
        } else {
            forecast = nil
        }
        if let storedPoints { stored = FixedPoint(canonicalText: storedPoints).map { .points($0) } ?? .unreadable } else { stored = .none }
        category = scoring.category
        self.weight = weight
        quantitative = scoring.target.isQuantitative
        if case .value(let value)? = scoring.actual { actualEqualsTarget = value == scoring.target.value } else { actualEqualsTarget = false }
        explained = !row.explanation.trimmed.isEmpty
        guard isInRange else { return nil }
    }

    /// Points up to a million and measures up to 10¹⁵ (the largest actual scoring takes): sums and products of the
    /// compact scoring then stay far inside `FixedPoint`. Anything larger is the general way's.
    public var isInRange: Bool {
        let points = FixedPoint(1_000_000), measure = FixedPoint(1_000_000_000_000_000)
        func fits(_ value: FixedPoint?, _ limit: FixedPoint) -> Bool { value.map { $0.magnitude <= limit } ?? true }
        let goalNumber: FixedPoint? = if case .number(let value, _) = goal { value } else { nil }
        let actualNumber: FixedPoint? = if case .number(let value) = actual { value } else { nil }
        let bandPoints: FixedPoint? = if case .band(_, let value) = actual { value } else { nil }
        let storedPoints: FixedPoint? = if case .points(let value) = stored { value } else { nil }
        return fits(weight, points) && fits(chosen, points) && fits(bandPoints, points) && fits(storedPoints, points) && fits(printed, points)
            && fits(goalNumber, measure) && fits(actualNumber, measure) && fits(forecast, measure)
    }
}

/// A form's compact rows as bytes, for keeping beside the rows (`self_evaluation_compact_rows`). The first byte is the
/// format; a form with a row the compact scoring does not take is kept as the format byte and `general` alone, so the
/// next check goes the general way at once instead of packing the form again.
///
/// A copy holds what the parsers made of the rows' texts (targets, actuals, points) when it was written. **Raise
/// `format` whenever a parser, `CompactRow`'s reading of a row, or this layout changes**: copies of another format read
/// as none, so the next check reads every form the general way and writes the copies again.
public enum CompactRowCoding {
    public static let format: UInt8 = 2
    public static let general: UInt8 = 0xFF

    /// The bytes of the rows, or the marker of a form scored the general way (nil rows).
    public static func encode(_ rows: [CompactRow]?) -> [UInt8] {
        guard let rows else { return [format, general] }
        var out: [UInt8] = [format]
        out.reserveCapacity(1 + rows.count * 24)
        varint(UInt128(rows.count), into: &out)
        for row in rows {
            out.append(categoryCode(row.category))
            fixed(row.weight, into: &out)
            switch row.goal {
            case .number(let value, let direction): out.append(10 + directionCode(direction)); fixed(value, into: &out)
            case .date(let day): out.append(20); date(day, into: &out)
            case .qualitative: out.append(30)
            }
            switch row.actual {
            case .missing: out.append(0)
            case .notApplicable: out.append(1)
            case .band(let band, let points): out.append(10 + bandCode(band)); fixed(points, into: &out)
            case .date(let day): out.append(20); date(day, into: &out)
            case .number(let value): out.append(30); fixed(value, into: &out)
            }
            var flags: UInt8 = row.over.rawValue
            if row.quantitative { flags |= 1 << 2 }
            if row.actualEqualsTarget { flags |= 1 << 3 }
            if row.explained { flags |= 1 << 4 }
            if row.chosen != nil { flags |= 1 << 5 }
            if row.forecast != nil { flags |= 1 << 6 }
            if row.printed != nil { flags |= 1 << 7 }
            out.append(flags)
            if let chosen = row.chosen { fixed(chosen, into: &out) }
            if let forecast = row.forecast { fixed(forecast, into: &out) }
            if let printed = row.printed { fixed(printed, into: &out) }
            switch row.stored {
            case .none: out.append(0)
            case .points(let points): out.append(1); fixed(points, into: &out)
            case .unreadable: out.append(2)
            }
        }
        return out
    }

    public enum Decoded: Sendable {
        case rows([CompactRow])
        /// The form is scored the general way.
        case general
    }

    /// The rows again; nil for bytes that are not what `encode` writes (another format, cut short), which the caller
    /// treats as no copy at all.
    public static func decode(_ bytes: [UInt8]) -> Decoded? { bytes.withUnsafeBytes { decode($0) } }

    /// (Not generic on purpose: a generic reader called from another module is not specialised, and looking up its
    /// metadata for every byte cost more than the rest of the check.)
    public static func decode(_ bytes: UnsafeRawBufferPointer) -> Decoded? {
        var reader = Reader(bytes: bytes, at: bytes.startIndex)
        guard reader.byte() == format else { return nil }
        if reader.at + 1 == bytes.endIndex, bytes[reader.at] == general { return .general }
        guard let count = reader.varint(), count <= 10_000 else { return nil }
        var rows: [CompactRow] = []
        rows.reserveCapacity(Int(count))
        for _ in 0..<Int(count) {
            guard let category = reader.byte().flatMap(category(code:)), let weight = reader.fixed(), let goalCode = reader.byte() else { return nil }
            let goal: CompactRow.Goal
            switch goalCode {
            case 10...13:
                guard let value = reader.fixed(), let direction = direction(code: goalCode - 10) else { return nil }
                goal = .number(value, direction)
            case 20: guard let day = reader.date() else { return nil }; goal = .date(day)
            case 30: goal = .qualitative
            default: return nil
            }
            let actual: CompactRow.Actual
            switch reader.byte() {
            case 0?: actual = .missing
            case 1?: actual = .notApplicable
            case let code? where (10...12).contains(code):
                guard let band = band(code: code - 10), let points = reader.fixed() else { return nil }
                actual = .band(band, points)
            case 20?: guard let day = reader.date() else { return nil }; actual = .date(day)
            case 30?: guard let value = reader.fixed() else { return nil }; actual = .number(value)
            default: return nil
            }
            guard let flags = reader.byte(), let over = CompactRow.Over(rawValue: flags & 3) else { return nil }
            var chosen: FixedPoint?, forecast: FixedPoint?, printed: FixedPoint?
            if flags & (1 << 5) != 0 { guard let value = reader.fixed() else { return nil }; chosen = value }
            if flags & (1 << 6) != 0 { guard let value = reader.fixed() else { return nil }; forecast = value }
            if flags & (1 << 7) != 0 { guard let value = reader.fixed() else { return nil }; printed = value }
            let stored: CompactRow.Stored
            switch reader.byte() {
            case 0?: stored = .none
            case 1?: guard let value = reader.fixed() else { return nil }; stored = .points(value)
            case 2?: stored = .unreadable
            default: return nil
            }
            let row = CompactRow(category: category, weight: weight, goal: goal, quantitative: flags & (1 << 2) != 0, actual: actual,
                                 actualEqualsTarget: flags & (1 << 3) != 0, over: over, chosen: chosen, explained: flags & (1 << 4) != 0,
                                 forecast: forecast, printed: printed, stored: stored)
            guard row.isInRange else { return nil }
            rows.append(row)
        }
        guard reader.at == bytes.endIndex else { return nil }
        return .rows(rows)
    }

    // A number as its sign and places in one byte, then its mantissa (7 bits a byte): 10 is two bytes, 9.26 three.
    private static func fixed(_ value: FixedPoint, into out: inout [UInt8]) {
        var mantissa = value.raw.magnitude, places = FixedPoint.places
        while places > 0, mantissa % 10 == 0 { mantissa /= 10; places -= 1 }
        out.append(UInt8(places) | (value.raw < 0 ? 0x80 : 0))
        varint(mantissa, into: &out)
    }

    private static func varint(_ value: UInt128, into out: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 { out.append(UInt8(truncatingIfNeeded: rest) | 0x80); rest >>= 7 }
        out.append(UInt8(rest))
    }

    private static func date(_ day: CalendarDay, into out: inout [UInt8]) {
        varint(UInt128(day.year * 10_000 + day.month * 100 + day.day), into: &out)
    }

    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var at: Int

        mutating func byte() -> UInt8? {
            guard at < bytes.endIndex else { return nil }
            defer { at += 1 }
            return bytes[at]
        }

        mutating func varint() -> UInt128? {
            var value: UInt128 = 0, shift: UInt128 = 0
            while let byte = byte() {
                guard shift < 126 else { return nil }
                value |= UInt128(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
            return nil
        }

        mutating func fixed() -> FixedPoint? {
            guard let head = byte(), let mantissa = varint(), mantissa <= UInt128(Int128.max) else { return nil }
            let places = Int(head & 0x7F)
            return FixedPoint(mantissa: head & 0x80 != 0 ? -Int128(mantissa) : Int128(mantissa), places: places)
        }

        mutating func date() -> CalendarDay? {
            guard let value = varint(), value < 100_000_000 else { return nil }
            let number = Int(value)
            return CalendarDay(year: number / 10_000, month: number / 100 % 100, day: number % 100)
        }
    }

    // Codes written in the bytes: fixed here, never taken from the order of an enum's cases.
    private static func categoryCode(_ category: IndicatorCategory) -> UInt8 {
        switch category { case .output: 0; case .effect: 1; case .satisfaction: 2; case .cost: 3 }
    }
    private static func category(code: UInt8) -> IndicatorCategory? {
        switch code { case 0: .output; case 1: .effect; case 2: .satisfaction; case 3: .cost; default: nil }
    }
    private static func directionCode(_ direction: TargetOperator.Direction) -> UInt8 {
        switch direction { case .higherIsBetter: 0; case .lowerIsBetter: 1; case .exact: 2; case .qualitative: 3 }
    }
    private static func direction(code: UInt8) -> TargetOperator.Direction? {
        switch code { case 0: .higherIsBetter; case 1: .lowerIsBetter; case 2: .exact; case 3: .qualitative; default: nil }
    }
    private static func bandCode(_ band: QualitativeBand) -> UInt8 {
        switch band { case .achieved: 0; case .partly: 1; case .notAchieved: 2 }
    }
    private static func band(code: UInt8) -> QualitativeBand? {
        switch code { case 0: .achieved; case 1: .partly; case 2: .notAchieved; default: nil }
    }
}
