import Foundation
import Testing
@testable import JixiaoDomain

@Suite("Text as people paste it")
struct TextNormalizationTests {
    @Test("trimming removes spaces, tabs, line breaks and the ideographic space at both ends only", arguments: [
        ("  产出指标 ", "产出指标"), ("\t≥95%\r\n", "≥95%"), ("\u{3000}数量指标\u{3000}", "数量指标"), ("\u{00A0}a b\u{00A0}", "a b"),
        ("不变", "不变"), ("", ""), (" \n\t\u{3000} ", ""), ("内 部 空 格", "内 部 空 格"), ("e\u{301} ", "e\u{301}"),
    ])
    func trimming(input: String, expected: String) {
        #expect(input.trimmed == expected)
        #expect(input.trimmed == input.trimmingCharacters(in: .whitespacesAndNewlines), "same answer as Foundation")
        #expect(Substring(input).trimmed == expected)
    }

    @Test("full-width digits and signs become ASCII; other text is returned as it is")
    func halfWidth() {
        #expect(TextNormalization.halfWidth("≥９５％") == "≥95%")
        #expect(TextNormalization.halfWidth("１２０．５\u{3000}万元") == "120.5 万元")
        #expect(TextNormalization.halfWidth("学生受资助人数") == "学生受资助人数")
        #expect(DecimalText.parse(" １２０．５ ") == Decimal(string: "120.5"))
        #expect(DecimalText.parse("十二") == nil)
    }

    @Test("level-1 and level-2 names are read in every form the forms use")
    func taxonomyNames() {
        #expect(IndicatorCategory.parse(" 产出指标") == .output)
        #expect(IndicatorCategory.parse("效益") == .effect)
        #expect(IndicatorCategory.parse("OUTPUT") == .output)
        #expect(IndicatorCategory.parse("产出目标") == nil)
        #expect(IndicatorSubcategory.parse("成本指标", in: .output) == .outputCost)
        #expect(IndicatorSubcategory.parse("成本指标", in: nil) == .outputCost)
        #expect(IndicatorSubcategory.parse("经济成本", in: .cost) == .economicCost)
        #expect(IndicatorSubcategory.parse("成本指标", in: .cost) == nil, "under level-1 成本 the level 2 names say which cost")
        #expect(IndicatorSubcategory.parse("服务对象满意度", in: nil) == .serviceSatisfaction)
        #expect(IndicatorSubcategory.parse("social_benefit", in: .effect) == .socialBenefit)
        #expect(IndicatorSubcategory.parse("数量指标", in: .effect) == nil, "a level-2 name under the wrong level 1")
    }
}
