import Testing
@testable import JixiaoDomain

@Suite("Exact money")
struct MoneyTests {
    @Test func readsYuanAndWanYuanExactly() throws {
        #expect(try Money(yuan: "1,234.56").fen == 123_456)
        #expect(try Money(yuan: "１２３４").fen == 123_400)
        #expect(try Money(wanYuan: "12.345678").fen == 123_456_780 / 10)
        #expect(try Money(wanYuan: "0.000001").fen == 1)
        #expect(try Money(wanYuan: "300").fen == 300_000_000, "one 万元 is a million fen")
    }

    @Test func refusesWhatIsNotMoney() {
        #expect(throws: MoneyParseError.empty) { try Money(yuan: " ") }
        #expect(throws: MoneyParseError.tooManyDecimals("1.234", maximum: 2)) { try Money(yuan: "1.234") }
        #expect(throws: MoneyParseError.tooManyDecimals("1.0000001", maximum: 6)) { try Money(wanYuan: "1.0000001") }
        #expect(throws: MoneyParseError.negative("-5")) { try Money(yuan: "-5") }
        #expect(throws: MoneyParseError.notANumber("12万")) { try Money(yuan: "12万") }
        #expect(throws: MoneyParseError.notANumber("1.2.3")) { try Money(yuan: "1.2.3") }
        #expect(throws: MoneyParseError.notANumber("5.")) { try Money(yuan: "5.") }
        #expect(throws: MoneyParseError.tooLarge("99999999999999999999")) { try Money(yuan: "99999999999999999999") }
    }

    @Test func printsAsEntered() throws {
        #expect(try Money(wanYuan: "12.5").wanYuanText == "12.5")
        #expect(try Money(wanYuan: "300").wanYuanText == "300")
        #expect(try Money(wanYuan: "0.000001").wanYuanText == "0.000001")
        #expect(try Money(yuan: "7.5").yuanText == "7.50")
        #expect((try Money(yuan: "1") - (try Money(yuan: "2"))).yuanText == "-1.00")
    }
}
