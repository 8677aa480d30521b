/// Why the tokenizer stopped. `SpreadsheetReader` turns these into `SpreadsheetError`s that name the part.
enum XMLTokenError: Error, Equatable {
    /// Not well-formed XML (or not UTF-8) at this line.
    case malformed(line: Int)
    /// A document type declaration: refused, so no DTD and no entity of the document's own is ever expanded.
    case doctype
    /// One start tag, end tag or processing instruction is longer than `maximumMarkupBytes`.
    case markupTooLong
    /// Elements are nested deeper than `maximumDepth`, or the names of the open elements take more than `maximumMarkupBytes`.
    case tooDeep
}

/// One attribute of a start tag: its qualified name (prefix kept, e.g. "r:id") and its value with references replaced.
struct XMLAttribute: Equatable {
    var name: String
    var value: String
}

extension [XMLAttribute] {
    /// The value of the first attribute with this qualified name.
    subscript(named name: String) -> String? {
        first { $0.name == name }?.value
    }
}

/// Receives what the tokenizer finds, in document order.
protocol XMLTokenHandler {
    /// `name` is the local name (a namespace prefix such as "x:" is dropped). `<a/>` is reported as a start and an end.
    mutating func startElement(_ name: String, attributes: [XMLAttribute]) throws
    mutating func endElement(_ name: String) throws
    /// Character data inside the root element, as UTF-8, with references replaced and line ends normalised.
    /// Text arrives in runs of any length; a run may end inside a multi-byte character, so collect bytes, not strings.
    mutating func characters(_ utf8: [UInt8]) throws
}

/// A push tokenizer for the XML that SpreadsheetML parts use, fed byte chunks of any size as they are decompressed.
///
/// It knows start, end and empty-element tags with attributes, character data with the five predefined entities and
/// numeric character references, CDATA sections, comments and processing instructions. A DOCTYPE is refused, so there
/// are no DTDs and no entities other than the predefined ones. Tags, references and UTF-8 sequences may be split
/// anywhere between chunks. The input must be UTF-8 of XML 1.0 characters (checked byte by byte). Memory is bounded:
/// one tag or processing instruction (`maximumMarkupBytes`), a text run of at most `textRunBytes`, and the names of
/// the open elements (at most `maximumDepth` of them, `maximumMarkupBytes` together). Namespaces are not resolved: handlers see local names.
struct XMLStreamTokenizer {
    let maximumMarkupBytes: Int
    let maximumDepth: Int
    /// Text is handed over when a run reaches this size, so a long text never sits here whole.
    static let textRunBytes = 16 * 1024

    private enum State {
        case content, reference, markupStart, startTag, endTag, bang, comment, cdata, processingInstruction
    }

    private var state = State.content
    /// Line of the byte being read, for error messages.
    private(set) var line = 1
    private var documentBytes = 0
    /// Qualified names of the open elements, and their length together (at most `maximumMarkupBytes`).
    private var openElements: [String] = []
    private var openNameBytes = 0
    private var sawRoot = false
    /// The tag, reference, `<!` keyword or processing instruction being read.
    private var markup: [UInt8] = []
    private var text: [UInt8] = []
    /// Quote that opened the attribute value being read in a tag, or 0.
    private var quote: UInt8 = 0
    /// The attributes of the tag just read, and the value being read; kept to save allocations.
    private var attributes: [XMLAttribute] = []
    private var value: [UInt8] = []
    /// Dashes seen at the end of a comment, `]` at the end of a CDATA section, or 1 after a `?` in a processing instruction.
    private var run = 0
    private var previousWasCarriageReturn = false
    // UTF-8 decoding: continuation bytes still expected, the scalar so far and the range allowed for the next byte.
    private var pendingContinuations = 0
    private var scalar: UInt32 = 0
    private var nextLow: UInt8 = 0x80
    private var nextHigh: UInt8 = 0xBF

    init(maximumMarkupBytes: Int, maximumDepth: Int) {
        self.maximumMarkupBytes = maximumMarkupBytes
        self.maximumDepth = maximumDepth
    }

    /// Reads the next piece of the document.
    mutating func feed<Handler: XMLTokenHandler>(_ bytes: UnsafeRawBufferPointer, into handler: inout Handler) throws {
        for var byte in bytes {
            try checkEncoding(byte)
            // End-of-line handling (XML 1.0 §2.11): CR LF and a lone CR both become LF, before anything else.
            if byte == .carriageReturn {
                byte = .lineFeed
                previousWasCarriageReturn = true
            } else {
                let skip = byte == .lineFeed && previousWasCarriageReturn
                previousWasCarriageReturn = false
                if skip { continue }
            }
            if byte == .lineFeed { line += 1 }
            documentBytes += 1
            try consume(byte, into: &handler)
        }
        // Hand over what text there is, so a chunk boundary never holds text back longer than needed.
        if state == .content || state == .cdata { try flushText(into: &handler) }
    }

    /// Declares the end of the document: everything opened must have been closed.
    mutating func finish<Handler: XMLTokenHandler>(into handler: inout Handler) throws {
        guard state == .content, pendingContinuations == 0, openElements.isEmpty, sawRoot else { throw malformed }
        try flushText(into: &handler)
    }

    private var malformed: XMLTokenError { .malformed(line: line) }

    /// Checks that the bytes are UTF-8 and that every character is one XML 1.0 allows.
    @inline(__always)
    private mutating func checkEncoding(_ byte: UInt8) throws {
        if pendingContinuations == 0 {
            if byte < 0x80 {
                guard byte >= 0x20 || byte == .tab || byte == .lineFeed || byte == .carriageReturn else { throw malformed }
                return
            }
            nextLow = 0x80
            nextHigh = 0xBF
            switch byte {
            case 0xC2...0xDF: pendingContinuations = 1; scalar = UInt32(byte & 0x1F)
            case 0xE0: pendingContinuations = 2; scalar = 0; nextLow = 0xA0           // no overlong forms
            case 0xED: pendingContinuations = 2; scalar = 0xD; nextHigh = 0x9F        // no surrogates
            case 0xE1...0xEF: pendingContinuations = 2; scalar = UInt32(byte & 0x0F)
            case 0xF0: pendingContinuations = 3; scalar = 0; nextLow = 0x90
            case 0xF1...0xF3: pendingContinuations = 3; scalar = UInt32(byte & 0x07)
            case 0xF4: pendingContinuations = 3; scalar = 4; nextHigh = 0x8F         // nothing above U+10FFFF
            default: throw malformed
            }
        } else {
            guard byte >= nextLow && byte <= nextHigh else { throw malformed }
            nextLow = 0x80
            nextHigh = 0xBF
            scalar = scalar << 6 | UInt32(byte & 0x3F)
            pendingContinuations -= 1
            if pendingContinuations == 0 && (scalar == 0xFFFE || scalar == 0xFFFF) { throw malformed }
        }
    }

    private mutating func consume<Handler: XMLTokenHandler>(_ byte: UInt8, into handler: inout Handler) throws {
        switch state {
        case .content:
            switch byte {
            case .lessThan:
                try flushText(into: &handler)
                state = .markupStart
            case .ampersand:
                guard !openElements.isEmpty else { throw malformed }
                markup.removeAll(keepingCapacity: true)
                state = .reference
            default:
                if openElements.isEmpty {
                    // Outside the root element only white space may stand (and a byte order mark at the very start).
                    let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
                    guard byte.isXMLWhitespace || (documentBytes <= 3 && byte == byteOrderMark[documentBytes - 1]) else { throw malformed }
                } else {
                    text.append(byte)
                    if text.count >= Self.textRunBytes { try flushText(into: &handler) }
                }
            }

        case .reference:
            if byte == .semicolon {
                guard let replacement = Self.replacement(forReference: markup[...]) else { throw malformed }
                text.append(contentsOf: String(replacement).utf8)
                state = .content
            } else {
                // The longest meaningful reference is a numeric one with some leading zeros; anything longer is an error.
                guard markup.count < 32, byte != .lessThan, byte != .ampersand, !byte.isXMLWhitespace else { throw malformed }
                markup.append(byte)
            }

        case .markupStart:
            switch byte {
            case .slash: markup.removeAll(keepingCapacity: true); state = .endTag
            case .exclamationMark: markup.removeAll(keepingCapacity: true); state = .bang
            case .questionMark: markup.removeAll(keepingCapacity: true); run = 0; state = .processingInstruction
            default:
                guard byte.isNameStart else { throw malformed }
                markup.removeAll(keepingCapacity: true)
                markup.append(byte)
                quote = 0
                state = .startTag
            }

        case .startTag:
            if quote != 0 {
                if byte == quote { quote = 0 } else if byte == .lessThan { throw malformed }
            } else {
                switch byte {
                case .quotationMark, .apostrophe: quote = byte
                case .greaterThan:
                    try finishStartTag(into: &handler)
                    state = .content
                    return
                case .lessThan: throw malformed
                default: break
                }
            }
            try appendMarkup(byte)

        case .endTag:
            if byte == .greaterThan {
                try finishEndTag(into: &handler)
                state = .content
            } else {
                guard byte != .lessThan else { throw malformed }
                try appendMarkup(byte)
            }

        case .bang:
            markup.append(byte)
            if markup.elementsEqual("--".utf8) {
                run = 0
                state = .comment
            } else if markup.elementsEqual("[CDATA[".utf8) {
                guard !openElements.isEmpty else { throw malformed }
                run = 0
                state = .cdata
            } else if markup.elementsEqual("DOCTYPE".utf8) {
                throw XMLTokenError.doctype
            } else if !(["--", "[CDATA[", "DOCTYPE"] as [String]).contains(where: { $0.utf8.starts(with: markup) }) {
                throw malformed
            }

        case .comment:
            if byte == .hyphen {
                run += 1
            } else if byte == .greaterThan && run >= 2 {
                state = .content
            } else {
                run = 0
            }

        case .cdata:
            // `run` holds back up to two "]" that may begin the closing "]]>".
            if byte == .rightSquareBracket && run < 2 {
                run += 1
            } else if byte == .rightSquareBracket {
                text.append(byte)
            } else if byte == .greaterThan && run == 2 {
                state = .content
            } else {
                text.append(contentsOf: repeatElement(UInt8.rightSquareBracket, count: run))
                text.append(byte)
                run = 0
            }
            if text.count >= Self.textRunBytes { try flushText(into: &handler) }

        case .processingInstruction:
            if byte == .greaterThan && run == 1 {
                markup.removeLast()   // the "?"
                try finishProcessingInstruction()
                state = .content
            } else {
                run = byte == .questionMark ? 1 : 0
                try appendMarkup(byte)
            }
        }
    }

    private mutating func appendMarkup(_ byte: UInt8) throws {
        guard markup.count < maximumMarkupBytes else { throw XMLTokenError.markupTooLong }
        markup.append(byte)
    }

    private mutating func flushText<Handler: XMLTokenHandler>(into handler: inout Handler) throws {
        guard !text.isEmpty else { return }
        try handler.characters(text)
        text.removeAll(keepingCapacity: true)
    }

    /// `markup` holds what stood between `<` and `>`.
    private mutating func finishStartTag<Handler: XMLTokenHandler>(into handler: inout Handler) throws {
        var end = markup.endIndex
        let isEmpty = markup.last == .slash
        if isEmpty { end -= 1 }
        guard let name = Self.nameRange(in: markup, from: markup.startIndex, end: end) else { throw malformed }
        try readAttributes(in: markup, from: name.upperBound, end: end)
        if openElements.isEmpty {
            guard !sawRoot else { throw malformed }   // a second root element
            sawRoot = true
        }
        guard openElements.count < maximumDepth, isEmpty || openNameBytes + name.count <= maximumMarkupBytes else { throw XMLTokenError.tooDeep }
        let local = Self.localName(in: markup, name)
        try handler.startElement(local, attributes: attributes)
        if isEmpty {
            try handler.endElement(local)
        } else {
            openElements.append(String(decoding: markup[name], as: UTF8.self))
            openNameBytes += name.count
        }
    }

    private mutating func finishEndTag<Handler: XMLTokenHandler>(into handler: inout Handler) throws {
        var end = markup.endIndex
        while end > markup.startIndex && markup[end - 1].isXMLWhitespace { end -= 1 }
        guard let name = Self.nameRange(in: markup, from: markup.startIndex, end: end), name.upperBound == end,
              let open = openElements.popLast(), open.utf8.elementsEqual(markup[name]) else { throw malformed }
        openNameBytes -= name.count
        try handler.endElement(Self.localName(in: markup, name))
    }

    private mutating func finishProcessingInstruction() throws {
        guard let target = Self.nameRange(in: markup, from: markup.startIndex, end: markup.endIndex) else { throw malformed }
        guard String(decoding: markup[target], as: UTF8.self).lowercased() == "xml" else { return }
        // The XML declaration: the bytes are read as UTF-8, so no other encoding may be declared.
        try readAttributes(in: markup, from: target.upperBound, end: markup.endIndex)
        if let encoding = attributes[named: "encoding"], !["utf-8", "utf8"].contains(encoding.lowercased()) { throw malformed }
    }

    /// Reads `name="value"` pairs from `bytes[start..<end]`, each preceded by white space, into `attributes`.
    private mutating func readAttributes(in bytes: [UInt8], from start: Int, end: Int) throws {
        attributes.removeAll(keepingCapacity: true)
        var position = start
        while true {
            let beforeSpace = position
            while position < end && bytes[position].isXMLWhitespace { position += 1 }
            if position == end { return }
            guard position > beforeSpace, let name = Self.nameRange(in: bytes, from: position, end: end) else { throw malformed }
            position = name.upperBound
            while position < end && bytes[position].isXMLWhitespace { position += 1 }
            guard position < end, bytes[position] == .equalsSign else { throw malformed }
            position += 1
            while position < end && bytes[position].isXMLWhitespace { position += 1 }
            guard position < end, bytes[position] == .quotationMark || bytes[position] == .apostrophe else { throw malformed }
            let quote = bytes[position]
            position += 1
            value.removeAll(keepingCapacity: true)
            while true {
                guard position < end else { throw malformed }
                let byte = bytes[position]
                position += 1
                if byte == quote { break }
                switch byte {
                case .ampersand:
                    guard let semicolon = bytes[position..<end].firstIndex(of: .semicolon),
                          let replacement = Self.replacement(forReference: bytes[position..<semicolon]) else { throw malformed }
                    value.append(contentsOf: String(replacement).utf8)
                    position = semicolon + 1
                // Attribute-value normalisation (XML 1.0 §3.3.3): literal white space becomes a space; line ends are LF by now.
                case .tab, .lineFeed: value.append(.space)
                default: value.append(byte)
                }
            }
            attributes.append(XMLAttribute(name: String(decoding: bytes[name], as: UTF8.self), value: String(decoding: value, as: UTF8.self)))
        }
    }

    /// Where the name starting at `start` ends.
    private static func nameRange(in bytes: [UInt8], from start: Int, end: Int) -> Range<Int>? {
        guard start < end, bytes[start].isNameStart else { return nil }
        var position = start + 1
        while position < end && bytes[position].isNameByte { position += 1 }
        return start ..< position
    }

    /// The name without its namespace prefix.
    private static func localName(in bytes: [UInt8], _ name: Range<Int>) -> String {
        let start = bytes[name].lastIndex(of: .colon).map { $0 + 1 } ?? name.lowerBound
        return String(decoding: bytes[start ..< name.upperBound], as: UTF8.self)
    }

    /// The character a reference stands for; `name` is what stood between `&` and `;`.
    static func replacement(forReference name: ArraySlice<UInt8>) -> Unicode.Scalar? {
        switch String(decoding: name, as: UTF8.self) {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default: break
        }
        guard name.first == .numberSign else { return nil }
        var digits = name.dropFirst()
        let radix: UInt32
        if digits.first == UInt8(ascii: "x") { radix = 16; digits = digits.dropFirst() } else { radix = 10 }
        guard !digits.isEmpty else { return nil }
        var value: UInt32 = 0
        for digit in digits {
            let number: UInt32
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): number = UInt32(digit - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: number = UInt32(digit - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: number = UInt32(digit - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value * radix + number
            guard value <= 0x10FFFF else { return nil }
        }
        guard isXMLCharacter(value) else { return nil }
        return Unicode.Scalar(value)
    }

    /// Char in XML 1.0 §2.2: tab, line feed, carriage return, and U+0020 up except surrogates, U+FFFE and U+FFFF.
    static func isXMLCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}

private extension UInt8 {
    static let tab = UInt8(ascii: "\t")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let exclamationMark = UInt8(ascii: "!")
    static let quotationMark = UInt8(ascii: "\"")
    static let numberSign = UInt8(ascii: "#")
    static let ampersand = UInt8(ascii: "&")
    static let apostrophe = UInt8(ascii: "'")
    static let hyphen = UInt8(ascii: "-")
    static let slash = UInt8(ascii: "/")
    static let colon = UInt8(ascii: ":")
    static let semicolon = UInt8(ascii: ";")
    static let lessThan = UInt8(ascii: "<")
    static let equalsSign = UInt8(ascii: "=")
    static let greaterThan = UInt8(ascii: ">")
    static let questionMark = UInt8(ascii: "?")
    static let rightSquareBracket = UInt8(ascii: "]")

    var isXMLWhitespace: Bool { self == .space || self == .tab || self == .lineFeed || self == .carriageReturn }

    /// ASCII letters, "_", ":" and every byte of a multi-byte character (the encoding check has vetted those).
    var isNameStart: Bool {
        (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z")) || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z"))
            || self == UInt8(ascii: "_") || self == .colon || self >= 0x80
    }

    var isNameByte: Bool {
        isNameStart || (self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9")) || self == .hyphen || self == UInt8(ascii: ".")
    }
}
