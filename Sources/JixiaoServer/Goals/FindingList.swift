import Plot
import JixiaoDomain

/// The two ways a goal page lists what its checks found: a badged list for the goal (or a region) as a whole, and the
/// short list in the column beside an indicator row. Errors block submission; linter findings are warnings or notices.
enum FindingList {
    private static func kind(_ finding: LintFinding) -> String { finding.severity == .warning ? "warning" : "notice" }

    static func general(errors: [Message], findings: [LintFinding], _ t: Localizer) -> Node<HTML.BodyContext> {
        .ul(.class("findings"),
            .forEach(errors) { .li(.class("severity-error"), Components.badge(t(.severityError), kind: "severity-error"), .text(" " + t($0))) },
            .forEach(findings) { finding in
                .li(.class("severity-\(kind(finding))"),
                    Components.badge(t(finding.severity == .warning ? .severityWarning : .severityNotice), kind: "severity-\(kind(finding))"),
                    .text(" " + t(finding.message)))
            })
    }

    static func row(errors: [Message], findings: [LintFinding], _ t: Localizer) -> Node<HTML.BodyContext> {
        .ul(.class("row-findings"),
            .forEach(errors) { .li(.class("severity-error"), .text(t($0))) },
            .forEach(findings) { .li(.class("severity-\(kind($0))"), .text(t($0.message))) })
    }
}
