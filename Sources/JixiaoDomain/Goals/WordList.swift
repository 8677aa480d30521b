/// A list of words searched for inside indicator names and targets. The linter asks it tens of times for every
/// indicator of every goal, so it compares UTF-8 bytes directly instead of going through Foundation.
public struct WordList: Sendable {
    public let words: [String]
    private let encoded: [[UInt8]]

    public init(_ words: [String]) {
        self.words = words
        self.encoded = words.map { Array($0.utf8) }
    }

    /// Whether any of the words occurs in `text`.
    public func occurs(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { haystack in encoded.contains { Self.find($0, in: haystack) } }
    }

    static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        let first = needle[0]
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
