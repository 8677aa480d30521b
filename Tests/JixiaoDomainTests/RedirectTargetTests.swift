import Testing
@testable import JixiaoDomain

@Suite("Redirect targets stay on this site")
struct RedirectTargetTests {
    @Test(arguments: ["/", "/goals", "/goals/1b7e?year=2026&q=%E6%95%99", "/orgs?under=abc#x", "/a/b/c/"])
    func pathsOfThisSiteAreFollowed(path: String) {
        #expect(RedirectTarget.sameOriginPath(path) == path)
    }

    @Test(arguments: [
        "//evil.example/", "/\t/evil.example/", "/\n/evil.example", "/\r/evil.example", "\t//evil.example",
        " //evil.example", "/\\evil.example", "\\\\evil.example", "https://evil.example/", "javascript:alert(1)",
        "evil.example", "", "/\u{0}/evil", "/\u{1F}/evil", "/项目", "/ /evil", "/goals\u{7F}",
    ])
    func anythingElseIsRefused(raw: String) {
        #expect(RedirectTarget.sameOriginPath(raw) == nil, "\(raw.debugDescription) must not be followed")
    }

    @Test func missingAndHugeValuesAreRefused() {
        #expect(RedirectTarget.sameOriginPath(nil) == nil)
        #expect(RedirectTarget.sameOriginPath("/" + String(repeating: "a", count: 5000)) == nil)
    }
}
