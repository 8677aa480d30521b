import Foundation

/// 佐证材料 — the kinds of file a team member may attach to a score: PDF, images, Office files. A file's kind is read
/// from its first bytes and must agree with its name's extension; the type it is served with comes from the kind,
/// never from what the uploader claimed, so nothing uploaded is ever served as something a browser would run.
public enum EvidenceKind: String, CaseIterable, Codable, Sendable {
    case pdf, png, jpeg, docx, xlsx, pptx, doc, xls

    public var extensions: [String] {
        switch self {
        case .pdf: ["pdf"]
        case .png: ["png"]
        case .jpeg: ["jpg", "jpeg"]
        case .docx: ["docx"]
        case .xlsx: ["xlsx"]
        case .pptx: ["pptx"]
        case .doc: ["doc"]
        case .xls: ["xls"]
        }
    }

    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        case .doc: "application/msword"
        case .xls: "application/vnd.ms-excel"
        }
    }

    /// The signature the file's first bytes must carry.
    var signature: [UInt8] {
        switch self {
        case .pdf: Array("%PDF-".utf8)
        case .png: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        case .jpeg: [0xFF, 0xD8, 0xFF]
        case .docx, .xlsx, .pptx: [0x50, 0x4B, 0x03, 0x04]
        case .doc, .xls: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        }
    }
}

public enum EvidenceFileError: Error, Hashable, Sendable {
    case empty
    case tooLarge(maximumBytes: Int)
    case unsupportedExtension(String)
    /// The content is not what the extension says (a renamed program, a truncated file).
    case contentMismatch(expected: EvidenceKind)
    case badName
}

public enum EvidenceFiles {
    /// The largest file accepted (20 MB: a scanned contract or a photo series fits; a video does not).
    public static let maximumBytes = 20 * 1024 * 1024
    /// Files one member may attach to one indicator.
    public static let maximumPerIndicator = 10

    /// The kind of a file named `name` whose content starts with `head` and holds `size` bytes, or why it is refused.
    public static func kind(name: String, head: [UInt8], size: Int) throws(EvidenceFileError) -> EvidenceKind {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= InputLimits.name,
              trimmed.unicodeScalars.allSatisfy({ TextInputRules.isAllowed($0, in: .singleLine) && !"/\\".unicodeScalars.contains($0) && !isDisguising($0) }) else {
            throw .badName
        }
        guard size > 0 else { throw .empty }
        guard size <= maximumBytes else { throw .tooLarge(maximumBytes: maximumBytes) }
        let ext = trimmed.split(separator: ".").count > 1 ? String(trimmed.split(separator: ".").last!).lowercased() : ""
        guard let kind = EvidenceKind.allCases.first(where: { $0.extensions.contains(ext) }) else { throw .unsupportedExtension(ext) }
        guard head.starts(with: kind.signature) else { throw .contentMismatch(expected: kind) }
        return kind
    }

    /// Invisible and direction-changing characters, which could make "x\u{202E}gnp.pdf" read as "xfdp.png".
    static func isDisguising(_ scalar: Unicode.Scalar) -> Bool {
        (0x200B...0x200F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            || scalar.value == 0xFEFF
    }
}
