import Testing
@testable import JixiaoDomain

@Suite("Targets split over 指标性质, 指标值 and 度量单位")
struct TargetColumnsTests {
    @Test("the columns come back together as one target", arguments: [
        ("95", "%", "正向", "≥95%"), ("95", "%", "≥", "≥95%"), ("90", "万元", "反向", "≤90万元"), ("100", "%", "等于", "=100%"),
        ("≥95", "%", "正向", "≥95%"), ("≥95%", "%", "", "≥95%"), ("≥95%", "", "定量", "≥95%"), ("735", "人次", "大于等于", "≥735人次"),
        ("优", "", "定性", "定性:优"), ("达到预期目标", "", "定性指标", "定性:达到预期目标"), ("2026年12月前", "", "", "2026年12月前"),
        ("95", "%", "", "95%"), ("", "%", "正向", ""), ("１２０", "个", "≥", "≥１２０个"), ("不低于95", "%", "正向", "不低于95%"),
    ])
    func composes(target: String, unit: String, nature: String, expected: String) throws {
        #expect(try TargetColumns.compose(target: target, unit: unit, nature: nature) == expected)
    }

    @Test("a sign written as a word after the number keeps its unit and must agree with 指标性质", arguments: [
        ("95以上", "%", "", "95%以上"), ("95以上", "%", "正向", "95%以上"), ("95%以上", "%", "正向", "95%以上"), ("5以内", "天", "", "5天以内"),
        ("3 以下", "%", "反向", "3%以下"), ("2026年12月前", "", "反向", "2026年12月前"), ("95%以上", "", "定量", "95%以上"),
    ])
    func wordedSigns(target: String, unit: String, nature: String, expected: String) throws {
        let text = try TargetColumns.compose(target: target, unit: unit, nature: nature)
        #expect(text == expected)
        #expect(throws: Never.self) { try TargetParser.parse(text) }
    }

    @Test func wordedSignsContradicted() {
        #expect(throws: TargetColumnsError.natureContradictsSign(nature: "≤", target: "95%以上")) {
            try TargetColumns.compose(target: "95%以上", unit: "%", nature: "反向")
        }
        #expect(throws: TargetColumnsError.unitContradictsTarget(unit: "%", target: "95人以上")) {
            try TargetColumns.compose(target: "95人以上", unit: "%", nature: "")
        }
    }

    @Test("a sign is never made up: 定量 or an empty column leaves a bare number unlabelled")
    func neverGuesses() throws {
        let text = try TargetColumns.compose(target: "95", unit: "%", nature: "定量")
        #expect(throws: TargetParseError.missingOperator(value: "95%")) { try TargetParser.parse(text) }
    }

    @Test("contradictions and unknown words are refused", arguments: [
        ("≥95%", "%", "反向", TargetColumnsError.natureContradictsSign(nature: "≤", target: "≥95%")),
        ("95人次", "%", "正向", TargetColumnsError.unitContradictsTarget(unit: "%", target: "95人次")),
        ("95", "%", "较好", TargetColumnsError.unknownNature("较好")),
    ])
    func refuses(target: String, unit: String, nature: String, error: TargetColumnsError) {
        #expect(throws: error) { try TargetColumns.compose(target: target, unit: unit, nature: nature) }
    }
}
