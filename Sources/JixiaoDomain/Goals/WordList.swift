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

    /// Whether any of the words occurs in UTF-8 `bytes`.
    public func occurs(inBytes bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        encoded.contains { Self.find($0, in: bytes) }
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

/// One word found by a `WordTable`: its kind and where it stands, in Unicode scalars of the text scanned.
struct FoundWord<Kind: Sendable>: Sendable {
    var kind: Kind
    var start: Int
    var end: Int
}

/// Words of several kinds, found left to right in a text. At each place the longest word wins ("不合格" before
/// "不", "防治" before "防") and found words do not overlap. Names are short and CJK words are one scalar a
/// character, so positions and gaps are counted in scalars.
struct WordTable<Kind: Sendable>: Sendable {
    /// Candidate words by their first scalar, longest first.
    private let byFirstScalar: [Unicode.Scalar: [([Unicode.Scalar], Kind)]]

    init(_ groups: [(Kind, [String])]) {
        var table: [Unicode.Scalar: [([Unicode.Scalar], Kind)]] = [:]
        for (kind, words) in groups {
            for word in words {
                let scalars = Array(word.unicodeScalars)
                guard let first = scalars.first else { continue }
                table[first, default: []].append((scalars, kind))
            }
        }
        byFirstScalar = table.mapValues { $0.sorted { $0.0.count > $1.0.count } }
    }

    func words(in text: [Unicode.Scalar]) -> [FoundWord<Kind>] {
        var found: [FoundWord<Kind>] = []
        var i = 0
        while i < text.count {
            if let candidates = byFirstScalar[text[i]],
               let (word, kind) = candidates.first(where: { i + $0.0.count <= text.count && text[i..<(i + $0.0.count)].elementsEqual($0.0) }) {
                found.append(FoundWord(kind: kind, start: i, end: i + word.count))
                i += word.count
            } else {
                i += 1
            }
        }
        return found
    }
}
