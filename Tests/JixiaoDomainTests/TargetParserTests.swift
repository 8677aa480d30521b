import Foundation
import Testing
@testable import JixiaoDomain

@Suite("Target parsing as people type it")
struct TargetParserTests {
    static let readableCases: [(String, String)] = [
        ("≥95%", "≥95%"), (">=95%", "≥95%"), ("≥ 95 %", "≥95%"), ("不低于95%", "≥95%"), ("≧９５％", "≥95%"),
        ("≤90万元", "≤90万元"), ("<=90万元", "≤90万元"), ("不超过90万元", "≤90万元"), ("控制在90万元", "≤90万元"),
        ("≥735人次", "≥735人次"), ("不少于1,200人", "≥1200人"), (">0.5公里", ">0.5公里"), ("大于3个", ">3个"),
        ("<2%", "<2%"), ("低于2%", "<2%"), ("=100%", "=100%"), ("等于1项", "=1项"), ("≥-5%", "≥-5%"),
        ("2025年12月前", "2025年12月31日前"), ("2025年12月底前", "2025年12月31日前"), ("2026年6月30日前", "2026年6月30日前"),
        ("2026年2月底前", "2026年2月28日前"), ("2028年2月前", "2028年2月29日前"), ("2025年底前", "2025年12月31日前"),
        ("≤2026年10月", "2026年10月31日前"),
        ("优", "优"), ("达到预期目标", "达到预期目标"), ("定性：良好", "良好"), ("定性:优", "优"), ("提高教学质量", "提高教学质量"),
    ]

    @Test("readable targets", arguments: readableCases)
    func readable(input: String, canonical: String) throws {
        let target = try TargetParser.parse(input)
        #expect(target.description == canonical)
        #expect(try TargetParser.parse(target.description) == target, "the canonical form reads back the same")
    }

    @Test func operatorsAndUnits() throws {
        let t = try TargetParser.parse("≥735人次")
        #expect(t.op == .atLeast && t.number == 735 && t.unit == "人次" && t.isQuantitative)
        #expect(try TargetParser.parse("≤90万元").op.direction == .lowerIsBetter)
        #expect(try TargetParser.parse("优").op == .qualitative)
        guard case .date(let day) = try TargetParser.parse("2025年12月前").value else { Issue.record("not a date"); return }
        #expect(day == CalendarDay(year: 2025, month: 12, day: 31))
    }

    static let unreadableCases: [(String, TargetParseError)] = [
        ("", .empty), ("   ", .empty),
        ("95%", .missingOperator(value: "95%")), ("735人次", .missingOperator(value: "735人次")),
        ("2025年12月", .missingOperator(value: "2025年12月")),
        ("≥", .missingValue), ("定性：", .missingValue),
        ("≥较好", .notANumber("≥较好")), ("≥2025年12月前", .deadlineNeedsAtMost("≥2025年12月前")),
        ("2025年13月前", .invalidDate("2025年13月前")), ("12月底前", .invalidDate("12月底前")), ("2026年2月30日前", .invalidDate("2026年2月30日前")),
        ("≥95%%", .invalidUnit("≥95%%")), ("≥9.5.1%", .invalidUnit("≥9.5.1%")), ("≥95% 以上", .invalidUnit("≥95% 以上")),
    ]

    @Test("unreadable targets say why", arguments: unreadableCases)
    func unreadable(input: String, error: TargetParseError) {
        #expect(throws: error) { try TargetParser.parse(input) }
    }

    /// Ordinary ways of writing a target in declaration forms: the sign as a word before or after the number, and
    /// dates written with digits.
    static let wordedCases: [(String, String)] = [
        ("95%以上", "≥95%"), ("95% 以上", "≥95%"), ("95%及以上", "≥95%"), ("95%或以上", "≥95%"), ("１２０人次以上", "≥120人次"),
        ("不低于95%", "≥95%"), ("不少于1200人", "≥1200人"), ("不高于90万元", "≤90万元"), ("低于2%", "<2%"),
        ("3%以下", "≤3%"), ("3%及以下", "≤3%"), ("90万元以内", "≤90万元"), ("5个工作日以内", "≤5个工作日"), ("5个工作日内", "≤5个工作日"),
        ("30日之内", "≤30日"), ("100以上", "≥100"),
        ("2027-10-31前", "2027年10月31日前"), ("2027/10/31前", "2027年10月31日前"), ("2027.10.31前", "2027年10月31日前"),
        ("2027-10前", "2027年10月31日前"), ("2027-2-5之前", "2027年2月5日前"), ("2028-02前", "2028年2月29日前"),
        ("≤2027-10-31", "2027年10月31日前"), ("<2027-01-01", "<2027年1月1日前"), ("2026年10月以内", "2026年10月31日前"),
        ("２０２７－１０－３１前", "2027年10月31日前"),
    ]

    @Test("signs written as words, dates written with digits", arguments: wordedCases)
    func worded(input: String, canonical: String) throws {
        let target = try TargetParser.parse(input)
        #expect(target.description == canonical)
        #expect(try TargetParser.parse(target.description) == target)
    }

    static let wordedRefusals: [(String, TargetParseError)] = [
        ("≥95%以下", .invalidUnit("≥95%以下")), ("≥95人以上", .invalidUnit("≥95人以上")), ("不低于95%以上", .invalidUnit("不低于95%以上")),
        ("95%左右", .invalidUnit("95%左右")), ("2027-13-01前", .invalidDate("2027-13-01前")), ("2027-02-30前", .invalidDate("2027-02-30前")),
        ("≥2027-10-31前", .deadlineNeedsAtMost("≥2027-10-31前")), ("2027-10-31", .missingOperator(value: "2027-10-31")),
        ("2026年10月以上", .missingOperator(value: "2026年10月以上")),
    ]

    @Test("a sign written twice or an approximation is not guessed at", arguments: wordedRefusals)
    func wordedRefused(input: String, error: TargetParseError) {
        #expect(throws: error) { try TargetParser.parse(input) }
    }

    @Test("a number or date without a sign is read as 未标注, not refused")
    func unsignedReadings() {
        #expect(TargetParser.read("95%") == .unsigned(.number(95, unit: "%")))
        #expect(TargetParser.read(" 735人次 ") == .unsigned(.number(735, unit: "人次")))
        #expect(TargetParser.read("2025年12月") == .unsigned(.date(CalendarDay(year: 2025, month: 12, day: 31)!)))
        #expect(TargetParser.read("2027-10-31") == .unsigned(.date(CalendarDay(year: 2027, month: 10, day: 31)!)))
        #expect(TargetParser.read("2027.10") == .unsigned(.number(Decimal(string: "2027.10")!, unit: "")))
        #expect(TargetParser.read("95%以上") == .target(Target(op: .atLeast, value: .number(95, unit: "%"))))
        #expect(TargetParser.read("优") == .target(Target(op: .qualitative, value: .text("优"))))
        #expect(TargetParser.read("≥较好") == .unreadable(.notANumber("≥较好")))
        #expect(TargetParser.read("95%%") == .unreadable(.invalidUnit("95%%")))
        #expect(TargetParser.read("") == .unreadable(.empty))
        // Whatever `read` calls unsigned, `parse` refuses as missingOperator: the sign is never guessed.
        for text in ["95%", "735人次", "2025年12月", "2027-10-31"] {
            #expect(throws: TargetParseError.missingOperator(value: text)) { try TargetParser.parse(text) }
        }
    }

    @Test("an unsigned target kept in an indicator blocks submission until a sign is written")
    func unsignedIndicatorIsKept() {
        var goal = nutritionGoal()
        guard case .unsigned = TargetParser.read("95%") else { Issue.record("not unsigned"); return }
        goal.indicators[2] = Indicator(category: .output, subcategory: .quality, name: "食品安全抽检合格率", targetText: "95%",
                                       parsedTarget: nil, weight: 10)
        #expect(GoalValidation.validate(goal) == [.unreadableTarget(index: 2, .missingOperator(value: "95%"))])
    }
}
