import Foundation

/// Why the split target columns of a provincial form cannot be put together.
public enum TargetColumnsError: Error, Hashable, Sendable {
    /// 指标性质 says one direction and the sign in 指标值 another ("反向" beside "≥95%").
    case natureContradictsSign(nature: String, target: String)
    /// 指标性质 holds a word that says nothing we can read.
    case unknownNature(String)
    /// 度量单位 names one unit and 指标值 carries another ("%" beside "95人次").
    case unitContradictsTarget(unit: String, target: String)
}

/// 指标性质 — what provincial forms write in their direction column.
public enum TargetNature: Sendable, Equatable {
    /// A sign of its own: "≥", "≤", "=", ">", "<", "大于等于" …
    case sign(TargetOperator)
    /// 定性: the value is a grade or statement.
    case qualitative
    /// 定量 or empty: says the target is a number, not which way — the sign must come from 指标值.
    case unspecified

    public static func parse(_ text: String) -> TargetNature? {
        let key = TextNormalization.halfWidth(text).trimmed
        switch key {
        case "", "定量", "定量指标": return .unspecified
        case "定性", "定性指标": return .qualitative
        case "正向", "正向指标", "越大越好", "≥", ">=", "大于等于", "不低于", "不少于": return .sign(.atLeast)
        case "反向", "反向指标", "越小越好", "≤", "<=", "小于等于", "不高于", "不超过": return .sign(.atMost)
        case "=", "等于", "等于某值": return .sign(.equal)
        case ">", "大于": return .sign(.greaterThan)
        case "<", "小于": return .sign(.lessThan)
        default: return nil
        }
    }
}

/// Provincial forms split a target over 指标性质 (direction), 指标值 (value) and 度量单位 (unit). This puts them back
/// into the one target text the system keeps ("≥" + "95" + "%" → "≥95%"). A sign is taken only from a column that
/// states one; 定量 or an empty column never supplies a sign (the target then stays 未标注, as the parser reports).
public enum TargetColumns {
    public static func compose(target: String, unit: String, nature: String) throws(TargetColumnsError) -> String {
        var text = target.trimmed
        let unit = unit.trimmed
        guard let nature = TargetNature.parse(nature) else { throw .unknownNature(nature.trimmed) }
        if !unit.isEmpty, !text.isEmpty {
            // The value without its sign, if it has one: "≥95" → "95".
            let written = leadingOperator(of: text)
            let body = written.map { String(text.dropFirst($0.word.count)).trimmed } ?? text
            if TextNormalization.halfWidth(body).last?.isASCIIDigit == true {
                text += unit
            } else if let (word, _) = TargetParser.suffixOperatorWords.first(where: { body.hasSuffix($0.0) }),
                      TextNormalization.halfWidth(String(body.dropLast(word.count))).trimmed.last?.isASCIIDigit == true {
                // "95以上" beside "%": the unit goes before the word → "95%以上".
                text = String(text.dropLast(word.count)).trimmed + unit + word
            } else if !body.hasSuffix(unit), let other = writtenUnit(body), !other.isEmpty, other != unit {
                throw .unitContradictsTarget(unit: unit, target: text)
            }
        }
        switch nature {
        case .unspecified:
            return text
        case .qualitative:
            if text.isEmpty || leadingOperator(of: text) != nil { return text }
            return "定性:" + text
        case .sign(let op):
            guard !text.isEmpty else { return text }
            if let written = leadingOperator(of: text) {
                guard written.op == op else { throw .natureContradictsSign(nature: op.rawValue, target: text) }
                return text
            }
            // A sign written as a word after the number ("95%以上") or a deadline word ("2026年12月前").
            if case .target(let target) = TargetParser.read(text), target.isQuantitative {
                guard target.op == op else { throw .natureContradictsSign(nature: op.rawValue, target: text) }
                return text
            }
            return op.rawValue + text
        }
    }

    /// The unit a target text carries, with or without its sign ("95人次" → 人次, "95%以上" → %).
    static func writtenUnit(_ text: String) -> String? {
        switch TargetParser.read(text) {
        case .target(let target): target.unit
        case .unsigned(.number(_, let unit)): unit
        default: nil
        }
    }

    /// The operator word a target starts with, if any ("不低于95%" → 不低于, ≥).
    static func leadingOperator(of text: String) -> (word: String, op: TargetOperator)? {
        let normalized = TextNormalization.halfWidth(text)
        guard let first = normalized.first else { return nil }
        return TargetParser.operatorWordsByFirstCharacter[first]?.first { normalized.hasPrefix($0.0) }.map { ($0.0, $0.1) }
    }
}
