import Testing
@testable import JixiaoDomain

@Suite("CSV reader")
struct CSVReaderTests {
    @Test func quotesCommasAndLineBreaks() throws {
        let text = "\u{FEFF}code,name\r\n1,\"临江市第一中学, 初中部\"\r\n2,\"他说\"\"好\"\"\"\n3,\"两行\n名称\"\n\n4,末行"
        let records = try CSVReader.records(in: text)
        #expect(records.map(\.fields) == [["code", "name"], ["1", "临江市第一中学, 初中部"], ["2", "他说\"好\""], ["3", "两行\n名称"], ["4", "末行"]])
        #expect(records.map(\.line) == [1, 2, 3, 4, 7])
    }

    @Test func emptyFieldsAreKept() throws {
        #expect(try CSVReader.records(in: "a,,c\n,,\n").map(\.fields) == [["a", "", "c"], ["", "", ""]])
    }

    @Test func unterminatedQuoteNamesItsLine() {
        #expect(throws: CSVError.unterminatedQuote(line: 2)) { try CSVReader.records(in: "a,b\n1,\"open\n2,3") }
    }
}
