import Vapor

/// The interface languages. Simplified Chinese is the default; English comes from the same keys.
enum AppLocale: String, CaseIterable, Sendable, Codable {
    case zhHans = "zh-Hans"
    case en

    var htmlLang: String { self == .zhHans ? "zh-CN" : "en" }

    /// Reads the first language an `Accept-Language` header prefers among ours.
    static func preferred(acceptLanguage: String?) -> AppLocale {
        guard let header = acceptLanguage else { return .zhHans }
        let ranked = header.split(separator: ",").map { part -> (String, Double) in
            let pieces = part.split(separator: ";").map { $0.trimmed }
            let q = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return (pieces.first?.lowercased() ?? "", q)
        }.sorted { $0.1 > $1.1 }
        for (tag, _) in ranked {
            if tag.hasPrefix("zh") { return .zhHans }
            if tag.hasPrefix("en") { return .en }
        }
        return .zhHans
    }

    init?(tag: String?) {
        guard let tag else { return nil }
        switch tag.lowercased() {
        case "zh", "zh-hans", "zh-cn": self = .zhHans
        case "en", "en-us", "en-gb": self = .en
        default: return nil
        }
    }
}

/// A user-visible text with its arguments, rendered in the reader's language only at the edge.
/// An argument is either literal text (a code, a number) or another key to translate (a level, a kind).
struct Message: Sendable, Equatable, Codable {
    enum Argument: Sendable, Equatable, Codable { case text(String), key(TextKey) }
    var key: TextKey
    var arguments: [Argument]
    init(_ key: TextKey, _ arguments: String...) { self.key = key; self.arguments = arguments.map(Argument.text) }
    init(_ key: TextKey, localized: [TextKey]) { self.key = key; self.arguments = localized.map(Argument.key) }
}

/// Renders texts in one language. `{0}`, `{1}` … are replaced by arguments.
struct Localizer: Sendable {
    var locale: AppLocale

    func callAsFunction(_ key: TextKey, _ arguments: String...) -> String { render(key, arguments) }
    func callAsFunction(_ message: Message) -> String {
        render(message.key, message.arguments.map { argument in
            switch argument {
            case .text(let text): text
            case .key(let key): render(key, [])
            }
        })
    }

    func render(_ key: TextKey, _ arguments: [String]) -> String {
        var text = key.text(in: locale)
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return text
    }

    /// Punctuation follows the language: full-width in Chinese, ASCII with a space in English.
    var colon: String { locale == .zhHans ? "：" : ": " }
    func parenthesized(_ text: String) -> String { locale == .zhHans ? "（\(text)）" : " (\(text))" }
}
