import Plot
import Vapor
import JixiaoDomain

/// A year's framework template of one kind as it is in force for the person's bureau, and the form that saves the
/// bureau's own version.
struct FrameworkTemplatesView {
    let year: Int
    let kind: FrameworkKind
    let inForce: FrameworkTemplateStore.InForce
    let canSave: Bool
    let csrfToken: String
    var notice: String?
    var problem: AppError?
    var errors: [String: Message]
    var draft: FrameworkForm?
    let t: Localizer

    var body: Node<HTML.BodyContext> {
        let source = inForce.owner.map { t(.templateOwned($0.name, inForce.version)) } ?? t(.templateStandard)
        let rows = draft?.f ?? inForce.indicators.map {
            FrameworkForm.RowForm(level1: $0.level1, level2: $0.level2, level3: $0.level3, weight: $0.weight.storedText, criteria: $0.criteria, remove: nil)
        }
        let groups = EvaluationFramework.groupWeights(inForce.indicators, kind: kind).map { "\($0.group) \(Ratio.text($0.weight, decimals: 2))" }
        return .group(
            .p(.a(.href(KeyEvaluationRoute.list().url), .text(t(.keyEvaluationBackToList)))),
            .form(.method(.get), .action(KeyEvaluationRoute.templates().url), .class("inline-form"),
                .label(.for("year"), .text(t(.fieldFiscalYear))),
                Components.input([.type(.number), .id("year"), .name("year"), .value(String(year))]),
                .select(.id("kind"), .attribute(named: "name", value: "kind"), .attribute(named: "aria-label", value: t(.templateKind)),
                        .forEach(FrameworkKind.allCases) { Components.option(value: $0.rawValue, label: t.term($0), selected: $0 == kind) }),
                .button(.type(.submit), .text(t(.keyEvaluationFilter)))),
            .p(.class("lead"), .text(t(.templateSource(source)))),
            .p(.class("hint"), .text(t(.keyEvaluationGroupWeights(groups.joined(separator: " · "))))),
            .unwrap(notice) { Components.notice($0, kind: "success") },
            .unwrap(problem) { Components.problem($0, t) },
            canSave
                ? .form(.method(.post), .action(KeyEvaluationRoute.templates(year: year, kind: kind.rawValue).url),
                        Components.csrfField(csrfToken),
                        .p(.class("hint"), .text(t(.templateHint))),
                        FrameworkRowsEditor(rows: rows + Array(repeating: FrameworkForm.RowForm(), count: 3), errors: errors, t: t).table,
                        .input(.type(.hidden), .name("lock_version"), .value("0")),
                        .button(.type(.submit), .class("primary"), .text(t(.templateSave))))
                : .div(.class("table-scroll"), .table(.class("data"),
                    .thead(.tr(.th(.text(t(.keyEvaluationLevel1))), .th(.text(t(.keyEvaluationLevel2))), .th(.text(t(.keyEvaluationLevel3))),
                               .th(.text(t(.keyEvaluationWeight))), .th(.text(t(.keyEvaluationCriteria))))),
                    .tbody(.forEach(inForce.indicators) { row in
                        .tr(.td(.text(row.level1)), .td(.text(row.level2)), .td(.text(row.level3)),
                            .td(.class("number"), .text(Ratio.text(row.weight, decimals: 2))), .td(.text(row.criteria)))
                    })))
        )
    }
}
