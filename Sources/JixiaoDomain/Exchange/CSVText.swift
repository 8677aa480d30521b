import Foundation

/// Why the bytes of an uploaded CSV file cannot be read as text.
public enum CSVDecodingError: Error, Hashable, Sendable {
    /// The file is in GBK / GB18030 — what Excel's plain "CSV (逗号分隔)" and WPS write on Chinese Windows — and was
    /// not read: the caller asked not to, or this platform's Foundation cannot convert GB18030. The person should
    /// save it as "CSV UTF-8".
    case gbk
    /// Neither UTF-8 nor GBK. `byteOffset` is where the first character that is not UTF-8 begins, counted from 0 at
    /// the start of the file (a byte-order mark included); `line` is the line it is on, from 1.
    case notUTF8(byteOffset: Int, line: Int)
    /// A file marked as UTF-16 (Excel's "Unicode text") that is cut off or holds a broken character at `byteOffset`.
    case invalidUTF16(byteOffset: Int)
}

/// 文件编码 — the one way every importer turns the bytes of an uploaded CSV file into text.
///
/// - A UTF-8 byte-order mark (Excel's "CSV UTF-8" writes one) is accepted and removed; UTF-8 without one is read.
/// - A UTF-16 byte-order mark (little or big endian) means UTF-16, which is read.
/// - Bytes that are not UTF-8 but have the structure of GB18030 (GBK is its two-byte part: a lead byte 0x81–0xFE and
///   a trail byte 0x40–0xFE other than 0x7F, or four bytes lead, 0x30–0x39, lead, 0x30–0x39) with most two-byte
///   characters in the common GB2312 range (汉字 and full-width punctuation, both bytes 0xA1–0xFE) are read as
///   GB18030 when `readingGB18030` is true and Foundation can convert it (it can on Linux with Swift 6.3.1, through
///   ICU); otherwise `.gbk` is thrown so the person is told what the file is. A file in which valid multi-byte UTF-8
///   outnumbers the broken places is damaged UTF-8, not GBK.
/// - Anything else is refused with the place of the first byte that is not UTF-8.
///
/// Limits: Big5 has the same byte structure as GBK and would be read as GB18030 (mojibake); a Latin-1 file is
/// refused unless its accented letters happen to pair like GB2312 characters. UTF-16 without a byte-order mark and
/// UTF-32 are not recognised (Excel writes neither for CSV).
public struct CSVText: Hashable, Sendable {
    public enum Encoding: String, Hashable, Sendable {
        case utf8, utf16LittleEndian, utf16BigEndian, gb18030
    }

    /// The text without a byte-order mark, ready for `CSVReader.records(in:)`.
    public var text: String
    /// What the file was written in, for telling the person ("read as GB18030").
    public var encoding: Encoding

    public init(text: String, encoding: Encoding) { self.text = text; self.encoding = encoding }

    /// Decodes an uploaded file (`[UInt8]`, `Data`, a NIO `ByteBufferView` …).
    public static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes, readingGB18030: Bool = true) throws(CSVDecodingError) -> CSVText {
        let result = bytes.withContiguousStorageIfAvailable { decode(buffer: $0, readingGB18030: readingGB18030) }
            ?? Array(bytes).withUnsafeBufferPointer { decode(buffer: $0, readingGB18030: readingGB18030) }
        return try result.get()
    }

    /// GB18030 as Foundation names it: CoreFoundation's kCFStringEncodingGB_18030_2000 (0x0632) as an NSStringEncoding.
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    static func decode(buffer bytes: UnsafeBufferPointer<UInt8>, readingGB18030: Bool) -> Result<CSVText, CSVDecodingError> {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = UnsafeBufferPointer(rebasing: bytes[3...])
            if let bad = firstInvalidUTF8(body) { return .failure(.notUTF8(byteOffset: 3 + bad, line: line(at: 3 + bad, in: bytes))) }
            return .success(CSVText(text: String(decoding: body, as: UTF8.self), encoding: .utf8))
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes, littleEndian: true) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes, littleEndian: false) }
        guard let bad = firstInvalidUTF8(bytes) else {
            return .success(CSVText(text: String(decoding: bytes, as: UTF8.self), encoding: .utf8))
        }
        let evidence = utf8Evidence(bytes)
        if evidence.valid <= evidence.invalid && looksLikeGB18030(bytes) {
            guard readingGB18030, var text = String(bytes: bytes, encoding: gb18030) else { return .failure(.gbk) }
            if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
            return .success(CSVText(text: text, encoding: .gb18030))
        }
        return .failure(.notUTF8(byteOffset: bad, line: line(at: bad, in: bytes)))
    }

    /// The length of the UTF-8 character starting at `i`, or nil when none starts there (RFC 3629: no overlong
    /// forms, no surrogates, nothing above U+10FFFF, no cut-off sequence).
    @inline(__always)
    static func utf8Length(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let lead = bytes[i]
        if lead < 0x80 { return 1 }
        let length: Int
        var second: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; second = 0xA0...0xBF
        case 0xED: length = 3; second = 0x80...0x9F
        case 0xE1...0xEF: length = 3
        case 0xF0: length = 4; second = 0x90...0xBF
        case 0xF4: length = 4; second = 0x80...0x8F
        case 0xF1...0xF3: length = 4
        default: return nil
        }
        guard i + length <= bytes.count, second.contains(bytes[i + 1]) else { return nil }
        for k in 2..<length where !(0x80...0xBF).contains(bytes[i + k]) { return nil }
        return length
    }

    /// Where the first character that is not UTF-8 begins, or nil when all of it is UTF-8.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        while i < bytes.count {
            guard let length = utf8Length(at: i, in: bytes) else { return i }
            i += length
        }
        return nil
    }

    /// Multi-byte UTF-8 characters and places where none starts, reading on after each broken place.
    static func utf8Evidence(_ bytes: UnsafeBufferPointer<UInt8>) -> (valid: Int, invalid: Int) {
        var valid = 0, invalid = 0, i = 0
        while i < bytes.count {
            if let length = utf8Length(at: i, in: bytes) {
                if length > 1 { valid += 1 }
                i += length
            } else {
                invalid += 1
                i += 1
            }
        }
        return (valid, invalid)
    }

    /// Whether all of the bytes have GB18030's structure and most two-byte characters lie in the GB2312 range.
    static func looksLikeGB18030(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var pairs = 0, commonPairs = 0, i = 0
        let n = bytes.count
        while i < n {
            let lead = bytes[i]
            if lead < 0x80 { i += 1; continue }
            guard (0x81...0xFE).contains(lead), i + 1 < n else { return false }
            let next = bytes[i + 1]
            if (0x30...0x39).contains(next) {
                guard i + 3 < n, (0x81...0xFE).contains(bytes[i + 2]), (0x30...0x39).contains(bytes[i + 3]) else { return false }
                i += 4
            } else if (0x40...0xFE).contains(next) && next != 0x7F {
                pairs += 1
                if lead >= 0xA1 && next >= 0xA1 { commonPairs += 1 }
                i += 2
            } else {
                return false
            }
        }
        return commonPairs * 2 > pairs
    }

    /// The line (from 1) on which the byte at `offset` stands.
    static func line(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        1 + bytes[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// UTF-16 after its byte-order mark; every surrogate must be paired and no byte left over.
    static func utf16(_ bytes: UnsafeBufferPointer<UInt8>, littleEndian: Bool) -> Result<CSVText, CSVDecodingError> {
        var units: [UInt16] = []
        units.reserveCapacity((bytes.count - 2) / 2)
        var i = 2
        while i + 1 < bytes.count {
            let (low, high) = littleEndian ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
            units.append(UInt16(high) << 8 | UInt16(low))
            i += 2
        }
        var k = 0
        while k < units.count {
            switch units[k] {
            case 0xD800...0xDBFF:
                guard k + 1 < units.count, (0xDC00...0xDFFF).contains(units[k + 1]) else { return .failure(.invalidUTF16(byteOffset: 2 + 2 * k)) }
                k += 2
            case 0xDC00...0xDFFF:
                return .failure(.invalidUTF16(byteOffset: 2 + 2 * k))
            default:
                k += 1
            }
        }
        if bytes.count % 2 != 0 { return .failure(.invalidUTF16(byteOffset: bytes.count - 1)) }
        return .success(CSVText(text: String(decoding: units, as: UTF16.self), encoding: littleEndian ? .utf16LittleEndian : .utf16BigEndian))
    }
}
