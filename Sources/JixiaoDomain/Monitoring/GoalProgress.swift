import Foundation

/// 完成目标可能性 (财预〔2019〕136号): how likely the unit thinks the indicator's target is met by the year end.
public enum CompletionLikelihood: String, CaseIterable, Codable, Sendable {
    case certain = "certain"        // 确定能
    case possible = "possible"      // 有可能
    case impossible = "impossible"  // 完全不可能

    public var chineseName: String {
        switch self {
        case .certain: "确定能"
        case .possible: "有可能"
        case .impossible: "完全不可能"
        }
    }

    /// Reads the form's words ("确定能", "有可能", "完全不可能") or the codes.
    public init?(text: String) {
        let trimmed = text.trimmed
        if let value = Self(rawValue: trimmed.lowercased()) { self = value; return }
        guard let value = Self.allCases.first(where: { $0.chineseName == trimmed }) else { return nil }
        self = value
    }
}

/// 偏差原因 — the causes a bureau lets units choose from. The national form's list is the default (DOMAIN.md §3.2);
/// a bureau may keep its own (e.g. 政策调整, 突发事件, 资金未及时到位, 前期准备不足, 计划调整).
public enum DeviationCauses {
    public static let national = ["经费保障", "制度保障", "人员保障", "硬件条件保障", "其他"]
}

/// What a reported value says: a number in the indicator's unit, a date, or words for a qualitative indicator.
/// Values are typed like targets but without a sign ("88%", "4604人", "2027年10月31日", "基本达到").
public enum ProgressValueError: Error, Hashable, Sendable {
    case empty
    /// A quantitative indicator needs a number (or, for a deadline, a date).
    case notANumber(String)
    case notADate(String)
    /// A number in another unit than the target's ("88人" against "≥95%").
    case unitMismatch(value: String, expected: String)
    /// A value with a sign: a value reached is a fact, not a target ("≥88%").
    case hasSign(String)
}

public enum ProgressValue {
    /// Reads a value reported against `target`. A number without a unit takes the target's unit; a deadline's value is
    /// a date; a qualitative indicator takes the words as they are.
    public static func parse(_ raw: String, against target: Target) throws(ProgressValueError) -> TargetValue {
        let text = raw.trimmed
        guard !text.isEmpty else { throw .empty }
        if target.op == .qualitative { return .text(text) }
        switch TargetParser.read(text) {
        case .target(let signed):
            switch (signed.op, signed.value) {
            case (.qualitative, _):
                // Words where a number or date was wanted ("基本完成" against "≥95%").
                if case .date = target.value { throw .notADate(raw) }
                throw .notANumber(raw)
            case (.equal, _), (.atMost, .date):
                // "=88%" is still a plain value, and "2027年10月前" is how people write the day they will be done.
                return try check(signed.value, raw: raw, against: target)
            default:
                throw .hasSign(raw)
            }
        case .unsigned(let value):
            return try check(value, raw: raw, against: target)
        case .unreadable:
            // A bare number ("88") reads as a target without sign in most cases; anything else is no value.
            if case .date = target.value { throw .notADate(raw) }
            throw .notANumber(raw)
        }
    }

    private static func check(_ value: TargetValue, raw: String, against target: Target) throws(ProgressValueError) -> TargetValue {
        switch (target.value, value) {
        case (.date, .date): return value
        case (.date, _): throw .notADate(raw)
        case (.number(_, let unit), .number(let number, let given)):
            if given.isEmpty || given == unit { return .number(number, unit: unit) }
            throw .unitMismatch(value: raw, expected: unit)
        case (.number, _): throw .notANumber(raw)
        case (.text, _): return value
        }
    }
}

/// 目标完成情况 — what a unit reports for one indicator in a round.
public struct IndicatorProgress: Hashable, Codable, Sendable {
    public var indicatorID: UUID
    /// 1–N月执行情况 — the value reached so far, as typed.
    public var reachedText: String
    /// 全年预计完成情况 — the value expected at the year end, as typed.
    public var forecastText: String
    public var likelihood: CompletionLikelihood?
    /// 偏差原因 — one of the bureau's causes.
    public var cause: String?
    /// 原因说明.
    public var explanation: String
    /// 纠偏措施.
    public var measures: String

    public init(indicatorID: UUID, reachedText: String = "", forecastText: String = "", likelihood: CompletionLikelihood? = nil,
                cause: String? = nil, explanation: String = "", measures: String = "") {
        self.indicatorID = indicatorID; self.reachedText = reachedText; self.forecastText = forecastText
        self.likelihood = likelihood; self.cause = cause; self.explanation = explanation; self.measures = measures
    }

    /// The forecast read against the indicator's target; nil when empty or unreadable (`problems` says why).
    public func forecast(against target: Target?) -> TargetValue? {
        guard let target, !forecastText.trimmed.isEmpty else { return nil }
        return try? ProgressValue.parse(forecastText, against: target)
    }

    public var isExplained: Bool { cause != nil && !explanation.trimmed.isEmpty && !measures.trimmed.isEmpty }
}

/// Why a reported indicator cannot be submitted as it stands.
public enum ProgressProblem: Hashable, Sendable {
    /// No 已拨付 / 实际支出 yet: the money is half of the double monitoring (typed by the unit where no treasury
    /// figures exist).
    case missingFund
    case reached(ProgressValueError)
    case forecast(ProgressValueError)
    case missingForecast
    case missingLikelihood
    case unknownCause(String)
    /// A red or yellow item needs its cause, an explanation and the measures (DOMAIN.md §3.2).
    case explanationRequired(WarningLevel)
}
