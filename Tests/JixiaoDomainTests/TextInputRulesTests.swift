import Testing
@testable import JixiaoDomain

/// A string of one scalar; the compiler refuses some noncharacters as "\u{…}" escapes in a literal.
private func scalar(_ value: UInt32) -> String { String(Unicode.Scalar(value)!) }

@Suite("Characters a text field may hold")
struct TextInputRulesTests {
    @Test("ordinary text passes in both kinds of field", arguments: [
        "临江市第一中学", "LJ-01.a_b", "≥95%", "Crème brûlée", "e\u{301}", "👨‍👩‍👧", "\u{A0}不换行空格", "\u{3000}全角空格",
        "\u{FDCF}\u{FDF0}\u{FFFD}", "\u{10FFFD}", "",
    ])
    func ordinaryText(text: String) throws {
        try TextInputRules.check(text, field: .singleLine)
        try TextInputRules.check(text, field: .multiLine)
    }

    @Test("tabs and line breaks are allowed only in multi-line fields", arguments: [
        ("a\tb", 2, 0x09), ("第一行\n第二行", 4, 0x0A), ("第一行\r第二行", 4, 0x0D), ("ab\r\nc", 3, 0x0D),
    ] as [(String, Int, UInt32)])
    func lineBreaks(text: String, position: Int, codePoint: UInt32) throws {
        try TextInputRules.check(text, field: .multiLine)
        #expect(throws: TextInputError.forbiddenCharacter(position: position, codePoint: codePoint)) {
            try TextInputRules.check(text, field: .singleLine)
        }
    }

    @Test("control characters and noncharacters are refused everywhere, named by their place", arguments: [
        ("\u{0}", 1, 0x00), ("ab\u{7}", 3, 0x07), ("\u{1B}[31m", 1, 0x1B), ("名称\u{1F}", 3, 0x1F), ("a\u{7F}", 2, 0x7F),
        ("a\u{80}", 2, 0x80), ("第一行\u{85}第二行", 4, 0x85), ("\u{9F}", 1, 0x9F), ("x" + scalar(0xFDD0), 2, 0xFDD0), (scalar(0xFDEF), 1, 0xFDEF),
        ("\u{FFFE}", 1, 0xFFFE), ("\u{FFFF}", 1, 0xFFFF), ("\u{1FFFE}", 1, 0x1FFFE), ("\u{10FFFF}", 1, 0x10FFFF),
        ("👨‍👩‍👧\u{7}", 2, 0x07), ("e\u{301}x\u{0}", 3, 0x00), ("a\t\u{0}", 3, 0x00),
    ] as [(String, Int, UInt32)])
    func refused(text: String, position: Int, codePoint: UInt32) {
        for field in [TextInputRules.Field.singleLine, .multiLine] where !(field == .singleLine && text.contains("\t")) {
            #expect(throws: TextInputError.forbiddenCharacter(position: position, codePoint: codePoint)) {
                try TextInputRules.check(text, field: field)
            }
        }
    }

    @Test("length is counted in characters as a person sees them")
    func length() throws {
        try TextInputRules.checkLength("临江市", maximum: 3)
        #expect(throws: TextInputError.tooLong(maximum: 2, length: 3)) { try TextInputRules.checkLength("临江市", maximum: 2) }
        try TextInputRules.checkLength("👨‍👩‍👧e\u{301}", maximum: 2)
        #expect(throws: TextInputError.tooLong(maximum: 1, length: 2)) { try TextInputRules.check("ab", field: .singleLine, maximumLength: 1) }
        #expect(throws: TextInputError.forbiddenCharacter(position: 3, codePoint: 0x0A), "a forbidden character is named before the length") {
            try TextInputRules.check("ab\ncd", field: .singleLine, maximumLength: 1)
        }
    }
}

@Suite("Goal input limits")
struct GoalInputTests {
    func indicator(_ name: String, target: String = "≥95%") -> Indicator {
        Indicator(category: .output, subcategory: .quantity, name: name, targetText: target, weight: nil)
    }

    @Test func aNormalGoalPasses() {
        let goal = PerformanceGoal(annualGoal: "完成年度任务。\n第二段。", indicators: [indicator("受益人数"), indicator("合格率")])
        #expect(GoalInput.problems(goal).isEmpty)
    }

    @Test func longTextsControlCharactersAndLongListsAreNamed() {
        var goal = PerformanceGoal(annualGoal: String(repeating: "长", count: InputLimits.longText + 1),
                                   indicators: [indicator("受益\u{7}人数"), indicator("合格率", target: "≥95%\u{FFFF}")])
        let problems = GoalInput.problems(goal)
        #expect(problems == [
            InputProblem(field: "annual_goal", reason: .text(.tooLong(maximum: InputLimits.longText, length: InputLimits.longText + 1))),
            InputProblem(field: "name", row: 1, reason: .text(.forbiddenCharacter(position: 3, codePoint: 7))),
            InputProblem(field: "target", row: 2, reason: .text(.forbiddenCharacter(position: 5, codePoint: 0xFFFF))),
        ])
        goal = PerformanceGoal(annualGoal: "目标", indicators: Array(repeating: indicator("受益人数"), count: 5_000))
        #expect(GoalInput.problems(goal) == [InputProblem(field: "indicators", reason: .tooMany(maximum: InputLimits.indicatorsPerGoal, count: 5_000))])
    }
}

@Suite("Amounts as forms print them")
struct MoneyDisplayTests {
    @Test(arguments: [("15800", "15,800.00"), ("1085.5", "1,085.50"), ("12.3456", "12.3456"), ("0.000001", "0.000001"),
                      ("1234567", "1,234,567.00"), ("0", "0.00"), ("999", "999.00")])
    func display(wanYuan: String, shown: String) throws {
        #expect(try Money(wanYuan: wanYuan).wanYuanDisplay == shown)
    }
}
