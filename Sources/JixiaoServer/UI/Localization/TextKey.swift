/// A text of the interface in both languages, declared once beside the capability that uses it
/// (`Goals/GoalText.swift`, …, `UI/Localization/SharedText.swift` for what several share). Both languages are
/// arguments of the one initializer, so a text without its translation does not compile.
struct TextKey: Hashable, Sendable, Codable {
    /// A stable name for logs and tests; the texts are what people read.
    let name: String
    let zh: String
    let en: String

    init(_ name: String, zh: String, en: String) {
        self.name = name; self.zh = zh; self.en = en
    }

    func text(in locale: AppLocale) -> String { locale == .zhHans ? zh : en }
}

/// What a text's argument may be: plain text (a code, a name), a number, or another text shown in the same language.
protocol TextArgument {
    func text(in locale: AppLocale) -> String
}

extension String: TextArgument {
    func text(in locale: AppLocale) -> String { self }
}

extension Int: TextArgument {
    func text(in locale: AppLocale) -> String { String(self) }
}

extension TextKey: TextArgument {}
