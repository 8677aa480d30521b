import Foundation
import Testing

/// Compares rendered HTML with the file `__Snapshots__/<name>.html` beside the calling test file. A missing file is written and the
/// test fails once, saying so; `JIXIAO_RECORD_SNAPSHOTS=1` rewrites every snapshot. Read the diff of a changed
/// snapshot as a reviewer reads a page: it is the page.
func assertSnapshot(_ html: String, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
    let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let file = directory.appendingPathComponent("\(name).html")
    // One element per line, so a change reads as a change of lines.
    let normalized = html.replacingOccurrences(of: "><", with: ">\n<") + "\n"
    let record = ProcessInfo.processInfo.environment["JIXIAO_RECORD_SNAPSHOTS"] == "1"
    guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? normalized.write(to: file, atomically: true, encoding: .utf8)
        Issue.record("recorded snapshot \(name).html; check it and run again", sourceLocation: sourceLocation)
        return
    }
    guard expected != normalized else { return }
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = normalized.split(separator: "\n", omittingEmptySubsequences: false)
    let firstDifference = old.indices.first { $0 >= new.count || old[$0] != new[$0] } ?? min(old.count, new.count)
    let context = { (lines: [Substring]) in lines[max(0, firstDifference - 2)..<min(lines.count, firstDifference + 3)].joined(separator: "\n") }
    Issue.record("snapshot \(name).html differs at line \(firstDifference + 1):\n--- expected\n\(context(old))\n+++ rendered\n\(context(new))",
                 sourceLocation: sourceLocation)
}
