import Foundation
import Testing
@testable import JixiaoDomain

@Suite("One way to read an uploaded CSV file")
struct CSVTextTests {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// "编码,名称\r\n" in GBK.
    static let gbkHeader: [UInt8] = [0xB1, 0xE0, 0xC2, 0xEB, 0x2C, 0xC3, 0xFB, 0xB3, 0xC6, 0x0D, 0x0A]
    /// "临江市第一中学" in GBK.
    static let gbkName: [UInt8] = [0xC1, 0xD9, 0xBD, 0xAD, 0xCA, 0xD0, 0xB5, 0xDA, 0xD2, 0xBB, 0xD6, 0xD0, 0xD1, 0xA7]

    @Test func utf8WithAndWithoutByteOrderMark() throws {
        let body = Array("编码,名称\r\nLJ-01,临江市第一中学\r\n".utf8)
        let marked = try CSVText.decode(Self.bom + body)
        #expect(marked == CSVText(text: "编码,名称\r\nLJ-01,临江市第一中学\r\n", encoding: .utf8))
        #expect(try CSVText.decode(body) == marked)
        #expect(try CSVText.decode(Data(Self.bom + body)) == marked, "Data is read the same")
        #expect(try CSVReader.records(in: marked.text).map(\.fields) == [["编码", "名称"], ["LJ-01", "临江市第一中学"]])
        #expect(try CSVText.decode([UInt8]()).text == "")
        #expect(try CSVText.decode(Self.bom).text == "")
    }

    @Test("GBK is recognised and read as GB18030 here (项目 is CF EE C4 BF)")
    func gbkIsRead() throws {
        #expect(try CSVText.decode([0xCF, 0xEE, 0xC4, 0xBF]) == CSVText(text: "项目", encoding: .gb18030))
        let file = Self.gbkHeader + Array("LJ-01,".utf8) + Self.gbkName + [0x0D, 0x0A]
        let decoded = try CSVText.decode(file)
        #expect(decoded == CSVText(text: "编码,名称\r\nLJ-01,临江市第一中学\r\n", encoding: .gb18030))
        #expect(try CSVText.decode(file.lazy.map { $0 }) == decoded, "a collection without contiguous storage is read the same")
    }

    @Test("four-byte GB18030 sequences and the euro sign")
    func gb18030FourBytes() throws {
        // 项目 𠀀 (U+20000, four bytes 95 32 82 36) €
        let bytes: [UInt8] = [0xCF, 0xEE, 0xC4, 0xBF, 0x95, 0x32, 0x82, 0x36, 0xA2, 0xE3]
        #expect(try CSVText.decode(bytes).text == "项目\u{20000}€")
    }

    @Test("GBK is refused by name when the caller does not read it")
    func gbkRefused() {
        #expect(throws: CSVDecodingError.gbk) { try CSVText.decode(Self.gbkHeader + Self.gbkName, readingGB18030: false) }
    }

    @Test("neither UTF-8 nor GBK: the first byte that does not fit and its line")
    func notUTF8() {
        // Latin-1 "Crème brûlée": every pair would be GBK-shaped, but none is a common Chinese character.
        let latin1: [UInt8] = [0x43, 0x72, 0xE8, 0x6D, 0x65, 0x20, 0x62, 0x72, 0xFB, 0x6C, 0xE9, 0x65]
        #expect(throws: CSVDecodingError.notUTF8(byteOffset: 2, line: 1)) { try CSVText.decode(latin1) }
        // 0x80 and 0xFF are neither UTF-8 leads nor GBK leads.
        #expect(throws: CSVDecodingError.notUTF8(byteOffset: 4, line: 2)) { try CSVText.decode(Array("a,b\n".utf8) + [0x80, 0x41]) }
        #expect(throws: CSVDecodingError.notUTF8(byteOffset: 7, line: 2)) { try CSVText.decode(Self.bom + Array("a,b\n".utf8) + [0xFF]) }
    }

    @Test("UTF-8 with a broken place is named as such, not taken for GBK")
    func damagedUTF8() {
        let before = Array("编码,名称\n临江市第一中学,".utf8)
        // 项 is E9 A1 B9; cut after two bytes, then more UTF-8.
        let damaged = before + [0xE9, 0xA1] + Array("\n第二中学,LJ-02\n".utf8)
        #expect(throws: CSVDecodingError.notUTF8(byteOffset: before.count, line: 2)) { try CSVText.decode(damaged) }
        // An overlong NUL and an encoded surrogate are not UTF-8 either (nor GBK-like).
        #expect(throws: CSVDecodingError.notUTF8(byteOffset: 1, line: 1)) { try CSVText.decode([0x41, 0xC0, 0x80]) }
        #expect(throws: CSVDecodingError.notUTF8(byteOffset: 0, line: 1)) { try CSVText.decode([0xED, 0xA0, 0x80]) }
    }

    @Test("the UTF-8 check follows RFC 3629", arguments: [
        ([0x41, 0x7F], nil), ([0xC2, 0x80], nil), ([0xE9, 0xA1, 0xB9], nil), ([0xF0, 0x9F, 0x98, 0x80], nil), ([0xF4, 0x8F, 0xBF, 0xBF], nil),
        ([0xC0, 0xAF], 0), ([0xC1, 0xBF], 0), ([0xE0, 0x80, 0xAF], 0), ([0xED, 0xA0, 0x80], 0), ([0xF0, 0x80, 0x80, 0xAF], 0),
        ([0xF4, 0x90, 0x80, 0x80], 0), ([0xF5, 0x80, 0x80, 0x80], 0), ([0x41, 0xE9, 0xA1], 1), ([0x41, 0x80], 1), ([0xE9, 0x41, 0x41], 0),
    ] as [([UInt8], Int?)])
    func utf8Check(bytes: [UInt8], firstInvalid: Int?) {
        #expect(bytes.withUnsafeBufferPointer { CSVText.firstInvalidUTF8($0) } == firstInvalid)
    }

    @Test("UTF-16 with a byte-order mark, both byte orders")
    func utf16() throws {
        // 项目,A
        let little: [UInt8] = [0xFF, 0xFE, 0x79, 0x98, 0xEE, 0x76, 0x2C, 0x00, 0x41, 0x00]
        let big: [UInt8] = [0xFE, 0xFF, 0x98, 0x79, 0x76, 0xEE, 0x00, 0x2C, 0x00, 0x41]
        #expect(try CSVText.decode(little) == CSVText(text: "项目,A", encoding: .utf16LittleEndian))
        #expect(try CSVText.decode(big) == CSVText(text: "项目,A", encoding: .utf16BigEndian))
        #expect(throws: CSVDecodingError.invalidUTF16(byteOffset: 10)) { try CSVText.decode(little + [0x41]) }
        #expect(throws: CSVDecodingError.invalidUTF16(byteOffset: 2)) { try CSVText.decode([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]) }
        #expect(throws: CSVDecodingError.invalidUTF16(byteOffset: 2)) { try CSVText.decode([0xFF, 0xFE, 0x00, 0xDC]) }
    }
}
