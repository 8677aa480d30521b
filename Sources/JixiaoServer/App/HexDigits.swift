/// Lower-case hexadecimal of bytes (digests, seals, keys), written directly: `String(format: "%02x")` per byte went
/// through Foundation's formatter for each of 32 bytes on every signed-in request.
enum HexDigits {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    static func lowercase(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
