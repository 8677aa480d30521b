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
}
