import Fluent
import Plot
import Vapor
import JixiaoDomain

/// What the report form sends: one text per section.
struct KeyReportForm: Content {
    var section: [String: String]?

    var texts: [ReportSection: String] {
        Dictionary((section ?? [:]).compactMap { key, value in ReportSection(rawValue: key).map { ($0, value) } }, uniquingKeysWith: { first, _ in first })
    }
}

struct FindingForm: Content { var description: String?; var responsible: UUID?; var indicator: UUID? }
struct SuggestionForm: Content { var suggestion: String?; var findings: [UUID]? }

/// The report page: each section of the outline with its text (a form while the team writes), the generated tables, the
/// findings and suggestions; or, printed, the same without forms.
struct KeyEvaluationReportView {
    let report: KeyEvaluationReport
    let runnerName: String
    let csrfToken: String
    let printable: Bool
    var notice: String? = nil
    var problem: AppError? = nil
    var errors: [String: Message] = [:]
    var draft: [ReportSection: String] = [:]
    let t: Localizer

    private var id: UUID { report.evaluation.id! }
    private var writing: Bool { report.canWrite && !printable }

    var body: Node<HTML.BodyContext> {
        let problems = report.problems
        return .group(
            .if(!printable, .div(.class("no-print"),
                .p(.a(.href(KeyEvaluationRoute.evaluation(.value(id)).url), .text(t(.keyEvaluationBackToEvaluation)))),
                .p(.class("lead"), .text(t(.keyReportIntro))),
                .p(.a(.class("button"), .href(KeyEvaluationRoute.reportPrint(.value(id)).url), .text(t(.keyReportPrint))), .text(" "),
                   .a(.class("button primary"), .href(KeyEvaluationRoute.reportDocx(.value(id)).url), .text(t(.keyReportDocx)))),
                .unwrap(notice) { Components.notice($0, kind: "success") },
                .unwrap(problem) { Components.problem($0, t) },
                .if(writing && !problems.isEmpty && problem == nil, .div(.class("notice notice-warning"),
                    .strong(.text(t(.keyReportProblems))), .ul(.forEach(problems) { .li(.text(t($0.appError.message))) }))))),
            .h1(.class("print-year"), .text(report.title)),
            .p(.class("print-year"), .text("\(report.evaluation.fiscalYear) · \(runnerName)")),
            // The sections are page content with their own headings and tables, so this form is spelled as an element.
            writing ? .element(named: "form", nodes: [
                        .attribute(named: "method", value: "post"), .attribute(named: "action", value: KeyEvaluationRoute.report(.value(id)).url),
                        .selfClosedElement(named: "input", attributes: [.attribute(named: "type", value: "hidden"), .attribute(named: "name", value: "_csrf"),
                                                                         .attribute(named: "value", value: csrfToken)]),
                        sections,
                        .element(named: "button", nodes: [.attribute(named: "type", value: "submit"), .attribute(named: "class", value: "primary"),
                                                          .text(t(.keyReportSave))])])
                    : .div(sections),
            .if(writing, findingForm),
            .if(writing, suggestionForm)
        )
    }

    private var sections: Node<HTML.BodyContext> {
        .forEach(Array(ReportSection.allCases.enumerated())) { index, section in
            let text = draft[section] ?? report.text(section)
            let heading = "\(ReportSection.numeral(index))、\(t.term(section))"
            let name = "section[\(section.rawValue)]"
            return .section(.class("report-section"),
                .h2(.text(heading)),
                writing
                    ? .div(.class(errors["section_\(section.rawValue)"] == nil ? "field" : "field has-error"),
                           .textarea(.name(name), .attribute(named: "rows", value: "5"), .attribute(named: "aria-label", value: heading), .text(text)),
                           .if(report.saved[section] == nil, .p(.class("hint"), .text(t(.keyReportDraftHint)))),
                           .unwrap(errors["section_\(section.rawValue)"]) { .p(.class("field-error"), .text(t($0))) })
                    : .forEach(text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)) { .p(.text($0)) },
                generated(section))
        }
    }

    private func table(_ header: [String], _ rows: [[String]]) -> Node<HTML.BodyContext> {
        .div(.class("table-scroll"), .table(.class("data"), .thead(.tr(.forEach(header) { .th(.text($0)) })),
                                          .tbody(.forEach(rows) { row in .tr(.forEach(row) { .td(.text($0)) }) })))
    }

    private func generated(_ section: ReportSection) -> Node<HTML.BodyContext> {
        switch section {
        case .conclusion:
            return table([t(.keyReportGroups), t(.keyEvaluationWeight), t(.keyEvaluationPoints)],
                         report.groupRows + (report.total.map { [[t(.keyReportTotal), "100", Ratio.text($0.total, decimals: 2)]] } ?? []))
        case .indicatorAnalysis:
            return table([t(.keyEvaluationLevel1), t(.keyEvaluationLevel2), t(.keyEvaluationLevel3), t(.keyEvaluationWeight), t(.keyEvaluationTarget),
                          t(.keyReportActual), t(.keyEvaluationPoints)], report.indicatorRows)
        case .experienceAndProblems:
            return report.findings.isEmpty ? .empty : .group(.h3(.text(t(.keyReportFindings))),
                .div(.class("table-scroll"), .table(.class("data"),
                    .thead(.tr(.th(.text("#")), .th(.text(t(.keyReportFinding))), .th(.text(t(.keyReportResponsible))), .if(writing, .th(.text(""))))),
                    .tbody(.forEach(Array(report.findings.enumerated())) { index, finding in
                        .tr(.td(.text(String(index + 1))), .td(.text(finding.findingDescription)), .td(.text(finding.responsibleName)),
                            .if(writing, .td(removeButton(.removeFinding(.value(id), .value(finding.id!))))))
                    }))))
        case .suggestions:
            return report.suggestions.isEmpty ? .empty : .ul(.class("plain"), .forEach(Array(report.suggestions.enumerated())) { index, suggestion in
                .li(.text(report.suggestionLine(index, suggestion)), .if(writing, removeButton(.removeSuggestion(.value(id), .value(suggestion.id!)))))
            })
        default:
            return .empty
        }
    }

    private func removeButton(_ route: KeyEvaluationRoute) -> Node<HTML.BodyContext> {
        .form(.method(.post), .action(route.url), .class("inline-form"), Components.csrfField(csrfToken),
              .button(.type(.submit), .class("danger"), .text(t(.keyReportRemove))))
    }

    private var findingForm: Node<HTML.BodyContext> {
        .form(.method(.post), .action(KeyEvaluationRoute.finding(.value(id)).url), .class("card no-print"),
            Components.csrfField(csrfToken),
            .h2(.text(t(.keyReportAddFinding))),
            .div(.class(errors["description"] == nil ? "field" : "field has-error"), .label(.for("description"), .text(t(.keyReportFinding))),
                 .textarea(.id("description"), .name("description"), .attribute(named: "rows", value: "2"), .text("")),
                 .unwrap(errors["description"]) { .p(.class("field-error"), .text(t($0))) }),
            Components.selectField(label: t(.keyReportResponsible), name: "responsible",
                                   options: report.responsibleCandidates.map { ($0.id!.uuidString, $0.name) }, selected: report.responsibleCandidates.last?.id?.uuidString,
                                   error: errors["responsible"].map { t($0) }),
            Components.selectField(label: t(.keyReportIndicator), name: "indicator", options: report.indicators.map { ($0.id!.uuidString, $0.level3) },
                                   selected: nil, includeEmpty: t(.keyReportNoIndicator)),
            .button(.type(.submit), .text(t(.keyReportAddFinding))))
    }

    private var suggestionForm: Node<HTML.BodyContext> {
        .form(.method(.post), .action(KeyEvaluationRoute.suggestion(.value(id)).url), .class("card no-print"),
            Components.csrfField(csrfToken),
            .h2(.text(t(.keyReportAddSuggestion))),
            .div(.class(errors["suggestion"] == nil ? "field" : "field has-error"), .label(.for("suggestion"), .text(t(.keyReportSuggestion))),
                 .textarea(.id("suggestion"), .name("suggestion"), .attribute(named: "rows", value: "2"), .text("")),
                 .unwrap(errors["suggestion"]) { .p(.class("field-error"), .text(t($0))) }),
            .if(!report.findings.isEmpty, Components.checkboxes(legend: t(.keyReportAnswers), name: "findings",
                options: report.findings.enumerated().map { ($1.id!.uuidString, "\($0 + 1). \($1.findingDescription)") }, checked: [])),
            .button(.type(.submit), .text(t(.keyReportAddSuggestion))))
    }
}
