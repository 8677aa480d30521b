import Foundation
import Testing
@testable import JixiaoDomain

// Test inputs written as text, as people type them (amounts in 万元, targets, values). A literal that does not parse
// fails the test that wrote it and names the text; `try!` would crash the test process and every other test with it.

func fixtureMoney(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Money {
    do { return try Money(wanYuan: text) } catch {
        Issue.record("amount \(text) does not parse: \(error)", sourceLocation: sourceLocation)
        return Money(fen: 0)
    }
}

func fixtureTarget(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Target {
    do { return try TargetParser.parse(text) } catch {
        Issue.record("target \(text) does not parse: \(error)", sourceLocation: sourceLocation)
        return Target(op: .qualitative, value: .text(text))
    }
}

func fixtureValue(_ text: String, against target: Target, sourceLocation: SourceLocation = #_sourceLocation) -> TargetValue {
    do { return try ProgressValue.parse(text, against: target) } catch {
        Issue.record("value \(text) does not parse against \(target): \(error)", sourceLocation: sourceLocation)
        return .text(text)
    }
}
