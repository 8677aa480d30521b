import Fluent
import Plot
import Vapor
import JixiaoDomain

/// What the questionnaire form sends.
struct SurveyForm: Content {
    struct Question: Content { var kind: String?; var text: String?; var options: String?; var required: String? }
    var title: String?
    var intro: String?
    var q: [Question]?
    var satisfaction: Int?
    var mode: String?
    var tokens: Int?
    var limit_answers: Int?
    var limit_hours: Int?
    var indicator: UUID?

    /// The questionnaire as typed: rows without a type or text are left out; options split at “/”, “、” or “|”.
    var setup: KeyEvaluations.SurveySetup {
        var questions: [SurveyQuestion] = []
        var satisfactionIndex = 0
        for (index, row) in (q ?? []).enumerated() {
            guard let kind = SurveyQuestion.Kind(rawValue: row.kind ?? ""), !(row.text ?? "").trimmed.isEmpty || kind == .scale && index == satisfaction else { continue }
            if index == satisfaction { satisfactionIndex = questions.count }
            let options = (row.options ?? "").split(whereSeparator: { "/、|".contains($0) }).map { String($0).trimmed }.filter { !$0.isEmpty }
            questions.append(SurveyQuestion(kind: kind, text: (row.text ?? "").trimmed, options: kind == .singleChoice ? options : [], required: row.required == "1"))
        }
        return KeyEvaluations.SurveySetup(design: SurveyDesign(title: (title ?? "").trimmed, intro: (intro ?? "").trimmed, questions: questions,
                                                               satisfactionQuestion: satisfactionIndex),
                                          usesTokens: mode != "open", tokenCount: tokens ?? 0,
                                          limit: OpenLinkLimit(answers: limit_answers ?? 3, hours: limit_hours ?? 24), indicatorID: indicator)
    }
}

/// The questionnaire of an evaluation as its page shows it.
struct SurveySummary: Sendable {
    var survey: KeyEvaluationSurveyModel
    var design: SurveyDesign
    var responses: [[Int: String]]
    var tokensIssued: Int
    var tokensUsed: Int

    static func load(_ evaluationID: UUID, on db: any Database) async throws -> SurveySummary? {
        guard let survey = try await KeyEvaluations.survey(of: evaluationID, on: db) else { return nil }
        let tokens = try await SurveyTokenModel.query(on: db).filter(\.$surveyID == survey.id!).count()
        let used = try await SurveyTokenModel.query(on: db).filter(\.$surveyID == survey.id!).filter(\.$usedAt != nil).count()
        return SurveySummary(survey: survey, design: try survey.design, responses: try await KeyEvaluations.responses(survey, on: db).map(\.answers),
                             tokensIssued: tokens, tokensUsed: used)
    }
}

/// The survey section of an evaluation's page: the form that publishes one, or its state, rate and tallies.
struct SurveySectionView {
    let evaluation: KeyEvaluationModel
    let summary: SurveySummary?
    let indicators: [KeyEvaluationIndicatorModel]
    let canRun: Bool
    let csrfToken: String
    let draft: SurveyForm?
    let errors: [String: Message]
    let t: Localizer

    var body: Node<HTML.BodyContext> {
        if let summary { return status(summary) }
        guard canRun, [.planning, .planSubmitted, .underway].contains(evaluation.evaluationState) else { return .empty }
        return .section(.id("survey"), .h2(.text(t(.surveyTitle))), .p(.class("hint"), .text(t(.surveyCreateHint))), form)
    }

    private var form: Node<HTML.BodyContext> {
        let object = evaluation.title
        let standard = SurveyDesign.standard(objectName: object)
        let rows: [SurveyForm.Question] = draft?.q ?? (standard.questions.map {
            SurveyForm.Question(kind: $0.kind.rawValue, text: $0.text, options: $0.options.joined(separator: "/"), required: $0.required ? "1" : nil)
        } + Array(repeating: SurveyForm.Question(), count: 3))
        let satisfactionRows = indicators.filter { $0.level2.contains("满意") || $0.level3.contains("满意") }
        let kinds: [(String, String)] = [("", t(.surveyKindNone)), (SurveyQuestion.Kind.scale.rawValue, t(.surveyKindScale)),
                                         (SurveyQuestion.Kind.singleChoice.rawValue, t(.surveyKindChoice)), (SurveyQuestion.Kind.text.rawValue, t(.surveyKindText))]
        let error: (String) -> String? = { errors[$0].map { t($0) } }
        return .form(.method(.post), .action(KeyEvaluationRoute.survey(.value(evaluation.id!)).url), .class("card"),
            Components.csrfField(csrfToken),
            Components.textField(label: t(.surveyFieldTitle), name: "title", value: draft?.title ?? standard.title, error: error("title")),
            .div(.class("field"), .label(.for("intro"), .text(t(.surveyFieldIntro))),
                 .textarea(.id("intro"), .name("intro"), .attribute(named: "rows", value: "2"), .text(draft?.intro ?? standard.intro))),
            .div(.class("table-scroll"), .table(.class("data progress"),
                .thead(.tr(.th(.text("#")), .th(.text(t(.surveyKind))), .th(.text(t(.surveyQuestion))), .th(.text(t(.surveyOptions))),
                           .th(.text(t(.surveyRequired))), .th(.text(t(.surveySatisfactionQuestion))))),
                .tbody(.forEach(Array(rows.enumerated())) { index, row in questionRow(index, row, kinds: kinds) }))),
            .unwrap(error("satisfaction") ?? error("questions")) { .p(.class("field-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            Components.selectField(label: t(.surveyMode), name: "mode", options: [("tokens", t(.surveyModeTokens)), ("open", t(.surveyModeOpen))],
                                   selected: draft?.mode ?? "tokens"),
            Components.textField(label: t(.surveyTokenCount), name: "tokens", value: String(draft?.tokens ?? 100), error: error("tokens"), type: .number),
            Components.textField(label: t(.surveyLimitAnswers), name: "limit_answers", value: String(draft?.limit_answers ?? 3), error: error("limit"), type: .number),
            Components.textField(label: t(.surveyLimitHours), name: "limit_hours", value: String(draft?.limit_hours ?? 24), type: .number),
            Components.selectField(label: t(.surveyIndicator), name: "indicator", options: satisfactionRows.map { ($0.id!.uuidString, $0.level3) },
                                   selected: draft?.indicator?.uuidString ?? satisfactionRows.first?.id?.uuidString, error: error("indicator"),
                                   includeEmpty: t(.surveyNoIndicator)),
            .button(.type(.submit), .class("primary"), .text(t(.surveyCreate))))
    }

    private func questionRow(_ index: Int, _ row: SurveyForm.Question, kinds: [(String, String)]) -> Node<HTML.TableContext> {
        let label: (TextKey) -> String = { "\(index + 1) \(t($0))" }
        let cellLabel: (TextKey) -> Node<HTML.BodyContext> = { .attribute(named: "data-label", value: t($0)) }
        let fieldError: (String) -> Node<HTML.BodyContext> = { name in .unwrap(errors[name]) { .p(.class("field-error"), .text(t($0))) } }
        let kind: Node<HTML.BodyContext> = .select(.attribute(named: "name", value: "q[\(index)][kind]"), .attribute(named: "aria-label", value: label(.surveyKind)),
                                                   .forEach(kinds) { Components.option(value: $0.0, label: $0.1, selected: $0.0 == (row.kind ?? "")) })
        let text: Node<HTML.BodyContext> = Components.input([.type(.text), .name("q[\(index)][text]"), .value(row.text ?? ""),
                                                             .attribute(named: "aria-label", value: label(.surveyQuestion))])
        let options: Node<HTML.BodyContext> = Components.input([.type(.text), .name("q[\(index)][options]"), .value(row.options ?? ""),
                                                                .attribute(named: "aria-label", value: label(.surveyOptions))])
        let required: Node<HTML.BodyContext> = Components.input([.type(.checkbox), .name("q[\(index)][required]"), .value("1"),
                                                                 .attribute(named: "aria-label", value: label(.surveyRequired))] + (row.required == "1" ? [.checked(true)] : []))
        let satisfaction: Node<HTML.BodyContext> = Components.input([.type(.radio), .name("satisfaction"), .value(String(index)),
                                                                     .attribute(named: "aria-label", value: label(.surveySatisfactionQuestion))]
                                                                    + ((draft?.satisfaction ?? 0) == index ? [.checked(true)] : []))
        return .tr(.td(.class("number"), .text(String(index + 1))),
                   .td(cellLabel(.surveyKind), kind),
                   .td(cellLabel(.surveyQuestion), text, fieldError("q[\(index)][text]")),
                   .td(cellLabel(.surveyOptions), options, fieldError("q[\(index)][options]")),
                   .td(cellLabel(.surveyRequired), required),
                   .td(cellLabel(.surveySatisfactionQuestion), satisfaction))
    }

    private func status(_ summary: SurveySummary) -> Node<HTML.BodyContext> {
        let survey = summary.survey
        let rate = SatisfactionSurvey.rate(summary.responses, design: summary.design)
        let link = PublicSurveyRoute.form(.value(survey.publicKey)).url
        let post: (KeyEvaluationRoute, TextKey, Bool) -> Node<HTML.BodyContext> = { route, label, primary in
            .form(.method(.post), .action(route.url), .class("inline-form"), Components.csrfField(csrfToken),
                  .button(.type(.submit), .class(primary ? "primary" : ""), .text(t(label))))
        }
        let id = evaluation.id!
        return .section(.id("survey"), .h2(.text(t(.surveyTitle) + "：" + summary.design.title)),
            .p(.text(t(.surveyStatus(t(survey.isOpen ? .surveyOpen : .surveyClosed), summary.responses.count)))),
            survey.usesTokens ? .p(.text(t(.surveyTokensUsed(summary.tokensUsed, summary.tokensIssued))))
                : .p(.text(t(.surveyLink) + "："), .a(.href(link), .text(link))),
            .unwrap(rate) { rate in .p(.class("total"), .text(t(.surveyRate(Ratio.text(rate.percent, decimals: 2), rate.satisfied, rate.answered)))) },
            .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(t(.surveyQuestion))), .th(.text("")))),
                .tbody(.forEach(Array(summary.design.questions.enumerated()).filter { $0.element.kind != .text }) { index, question in
                    .tr(.td(.text("\(index + 1). \(question.text)")),
                        .td(.text(SatisfactionSurvey.tally(summary.responses, question: index, design: summary.design)
                            .map { "\($0.label) \($0.count)" }.joined(separator: t.locale == .zhHans ? "；" : "; "))))
                }))),
            .if(canRun, .div(.class("actions"),
                .a(.class("button"), .href(KeyEvaluationRoute.surveyAnswers(.value(id)).url), .text(t(.surveyAnswersCSV))),
                .if(survey.usesTokens, .a(.class("button"), .href(KeyEvaluationRoute.surveyLinks(.value(id)).url), .text(t(.surveyTokensCSV)))),
                .if(survey.indicatorID != nil && rate != nil && evaluation.evaluationState == .underway, post(.surveyApply(.value(id)), .surveyApply, true)),
                .if(survey.isOpen, post(.surveyClose(.value(id)), .surveyClose, false)))))
    }
}

// MARK: the public page

/// What a respondent sends: an answer per question index, and the code when there is one.
struct SurveyAnswerForm: Content {
    var t: String?
    var a: [String: String]?

    var answers: [Int: String] {
        Dictionary((a ?? [:]).compactMap { key, value in Int(key).map { ($0, value) } }, uniquingKeysWith: { first, _ in first })
    }
}

struct PublicSurveyView {
    let survey: KeyEvaluationSurveyModel
    let design: SurveyDesign
    let token: String?
    let draft: [Int: String]
    let problem: AppError?
    let errors: [String: Message]
    let t: Localizer

    var body: Node<HTML.BodyContext> {
        .group(
            .p(.class("lead"), .text(design.intro)),
            .unwrap(problem) { Components.problem($0, t) },
            .form(.method(.post), .action(PublicSurveyRoute.form(.value(survey.publicKey)).url), .class("survey"),
                .if(survey.usesTokens, Components.textField(label: t(.surveyCode), name: "t", value: token ?? "", error: errors["t"].map { t($0) },
                                                            required: true, autocomplete: "off")),
                .forEach(Array(design.questions.enumerated())) { index, question in self.question(index, question) },
                .button(.type(.submit), .class("primary"), .text(t(.surveySubmit))))
        )
    }

    private func question(_ index: Int, _ question: SurveyQuestion) -> Node<HTML.FormContext> {
        let name = "a[\(index)]", error = errors[name]
        let legend = "\(index + 1). \(question.text)" + (question.required ? " *" : "")
        let choices: [(value: String, label: String)] = switch question.kind {
        case .scale: (1...5).reversed().map { (String($0), SurveyQuestion.scaleLabels[5 - $0]) }
        case .singleChoice: question.options.map { ($0, $0) }
        case .text: []
        }
        return .fieldset(.class(error == nil ? "field" : "field has-error"),
            .element(named: "legend", text: legend),
            question.kind == .text
                ? .textarea(.name(name), .attribute(named: "rows", value: "3"), .attribute(named: "aria-label", value: legend), .text(draft[index] ?? ""))
                : .forEach(choices) { choice in
                    .label(.class("check choice"),
                           Components.input([.type(.radio), .name(name), .value(choice.value)] + (question.required ? [.required(true)] : [])
                                            + (draft[index] == choice.value ? [.checked(true)] : [])),
                           .text(" " + choice.label))
                },
            .unwrap(error) { .p(.class("field-error"), .attribute(named: "role", value: "alert"), .text(t($0))) })
    }
}
