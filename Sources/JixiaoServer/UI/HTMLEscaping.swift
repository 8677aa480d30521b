import Plot

/// Escaping of everything we write into HTML, in one place.
///
/// Plot writes attribute values verbatim (`name="value"`) and lets text that looks like an entity (`&amp;`) through
/// unescaped. A project name such as `x"><meta http-equiv="refresh" …>` would then end the attribute and add markup
/// to every page that shows it. The declarations below have the same signatures as Plot's, so inside this module they
/// shadow Plot's own: every attribute value and every text node of our pages passes through `HTMLEscaping`.
/// `HostileInputTests` renders every page with hostile names and query values and checks that nothing breaks out.
enum HTMLEscaping {
    /// For a double-quoted attribute value: `&`, `"`, `'`, `<` and `>` become character references.
    static func attributeValue(_ value: String) -> String {
        escape(value, quotes: true)
    }

    /// For element content: `&`, `<` and `>` become character references, so text reads exactly as it was typed.
    static func text(_ value: String) -> String {
        escape(value, quotes: false)
    }

    private static func escape(_ value: String, quotes: Bool) -> String {
        guard value.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || (quotes && ($0 == 0x22 || $0 == 0x27)) }) else {
            return value
        }
        var result = ""
        result.reserveCapacity(value.utf8.count + 16)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            case "'" where quotes: result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

// MARK: - Text

extension Node {
    static func text(_ text: String) -> Node { .raw(HTMLEscaping.text(text)) }

    static func element(named name: String, text: String) -> Node {
        .element(named: name, nodes: [.text(text)])
    }
}

// MARK: - Attributes of any name

extension Attribute {
    static func attribute(named name: String, value: String?) -> Self {
        Attribute(name: name, value: value.map(HTMLEscaping.attributeValue))
    }
}

extension Node {
    static func attribute(named name: String, value: String?, ignoreIfValueIsEmpty: Bool = true) -> Node {
        .attribute(Attribute(name: name, value: value.map(HTMLEscaping.attributeValue), ignoreIfValueIsEmpty: ignoreIfValueIsEmpty))
    }
}

// MARK: - Plot's named attributes that take text

extension Attribute where Context: HTMLContext {
    static func id(_ id: String) -> Attribute { .attribute(named: "id", value: id) }
    static func `class`(_ className: String) -> Attribute {
        Attribute(name: "class", value: HTMLEscaping.attributeValue(className), replaceExisting: false)
    }
    static func title(_ title: String) -> Attribute { .attribute(named: "title", value: title) }
    static func data(named name: String, value: String) -> Attribute { .attribute(named: "data-\(name)", value: value) }
}

extension Node where Context: HTMLContext {
    static func id(_ id: String) -> Node { .attribute(named: "id", value: id) }
    static func `class`(_ className: String) -> Node {
        .attribute(Attribute(name: "class", value: HTMLEscaping.attributeValue(className), replaceExisting: false))
    }
    static func title(_ title: String) -> Node { .attribute(named: "title", value: title) }
    static func data(named name: String, value: String) -> Node { .attribute(named: "data-\(name)", value: value) }
}

extension Attribute where Context: HTMLNamableContext {
    static func name(_ name: String) -> Attribute { .attribute(named: "name", value: name) }
}

extension Node where Context: HTMLNamableContext {
    static func name(_ name: String) -> Node { .attribute(named: "name", value: name) }
}

extension Attribute where Context: HTMLValueContext {
    static func value(_ value: String) -> Attribute { .attribute(named: "value", value: value) }
}

extension Node where Context: HTMLValueContext {
    static func value(_ value: String) -> Node { .attribute(named: "value", value: value) }
}

extension Attribute where Context: HTMLLinkableContext {
    static func href(_ url: String) -> Attribute { .attribute(named: "href", value: url) }
}

extension Node where Context: HTMLLinkableContext {
    static func href(_ url: String) -> Node { .attribute(named: "href", value: url) }
}

extension Node where Context == HTML.FormContext {
    static func action(_ url: String) -> Node { .attribute(named: "action", value: url) }
}

extension Node where Context == HTML.LabelContext {
    static func `for`(_ target: String) -> Node { .attribute(named: "for", value: target) }
}

extension Attribute where Context == HTML.InputContext {
    static func placeholder(_ placeholder: String) -> Attribute { .attribute(named: "placeholder", value: placeholder) }
}

extension Node where Context == HTML.TextAreaContext {
    static func placeholder(_ placeholder: String) -> Node { .attribute(named: "placeholder", value: placeholder) }
}

extension Attribute where Context == HTML.MetaContext {
    static func content(_ content: String) -> Attribute { .attribute(named: "content", value: content) }
}

extension Node where Context == HTML.HeadContext {
    /// The page title, for the browser only (Plot's version also writes social-sharing meta tags we do not want).
    static func title(_ title: String) -> Node { .element(named: "title", text: title) }
}
