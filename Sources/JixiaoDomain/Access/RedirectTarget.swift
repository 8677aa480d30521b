/// Where a page may send the browser after sign-in or a language switch: a path on this site, never another host.
///
/// Browsers repair what they are given before they follow it (WHATWG URL): they drop leading and trailing C0 controls
/// and spaces, remove every tab, LF and CR, and read `\` as `/`. So `/\t/evil.example/` becomes `//evil.example/`, a
/// link to another host. The check therefore looks at the URL as a browser will see it, and refuses anything that
/// would change under that repair, so the value we send is the value the browser follows.
public enum RedirectTarget {
    /// The same-origin path to follow, or nil when `raw` could lead elsewhere (the caller then goes to "/").
    public static func sameOriginPath(_ raw: String?) -> String? {
        guard let raw, !raw.isEmpty, raw.utf8.count <= 2048 else { return nil }
        // Anything a browser would strip or rewrite is refused rather than repaired: no controls, no spaces at
        // the ends, no backslashes, nothing outside ASCII printable (paths we build are percent-encoded).
        guard raw.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" }) else { return nil }
        let scalars = Array(raw.unicodeScalars)
        guard scalars[0] == "/" else { return nil }
        // "//host" is a network-path reference: another origin.
        if scalars.count > 1 && scalars[1] == "/" { return nil }
        return raw
    }
}
