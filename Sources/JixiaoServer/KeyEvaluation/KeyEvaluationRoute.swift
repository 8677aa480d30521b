import Foundation
import Vapor

/// Every address of 重点评价's pages, for registering its routes and for building its links.
enum KeyEvaluationRoute: TypedRoute, Hashable {
    /// The key evaluations within reach, by fiscal year.
    case list(year: Int? = nil)
    /// 遴选: the year's candidates with the rules each meets and the coverage the choice reaches; choosing.
    case candidates(year: Int? = nil)
    /// 评价指标体系模板 of a year and kind: the one in force and, for a bureau's performance office, saving its own.
    case templates(year: Int? = nil, kind: String? = nil, saved: Int? = nil)
    /// One evaluation: objects and reasons, plan, framework, team, procedure, results.
    case evaluation(Parameter<UUID>, done: String? = nil)
    case plan(Parameter<UUID>)
    case framework(Parameter<UUID>)
    case addMember(Parameter<UUID>)
    case removeMember(Parameter<UUID>, Parameter<UUID>)
    case transition(Parameter<UUID>)
    /// The signed-in member's own scoring sheet, and saving or submitting it.
    case scores(Parameter<UUID>, saved: Bool = false)
    /// 佐证材料: attaching a file to one's score, downloading one, removing one's own.
    case evidence(Parameter<UUID>)
    case evidenceFile(Parameter<UUID>, Parameter<UUID>)
    case removeEvidence(Parameter<UUID>, Parameter<UUID>)
    /// 满意度调查: publishing the questionnaire, closing it, filling its rate in, its answers and answer links as CSV.
    case survey(Parameter<UUID>)
    case surveyClose(Parameter<UUID>)
    case surveyApply(Parameter<UUID>)
    case surveyAnswers(Parameter<UUID>)
    case surveyLinks(Parameter<UUID>)
    /// 评价报告: the report's sections to read and write, its findings and suggestions, a page to print, the .docx.
    case report(Parameter<UUID>, done: Bool = false)
    case reportPrint(Parameter<UUID>)
    case reportDocx(Parameter<UUID>)
    case finding(Parameter<UUID>)
    case removeFinding(Parameter<UUID>, Parameter<UUID>)
    case suggestion(Parameter<UUID>)
    case removeSuggestion(Parameter<UUID>, Parameter<UUID>)

    var pathSegments: [String] {
        switch self {
        case .list: ["evaluation", "key"]
        case .candidates: ["evaluation", "key", "candidates"]
        case .templates: ["evaluation", "key", "templates"]
        case .evaluation(let id, _): ["evaluation", "key", Self.segment(id, "id")]
        case .plan(let id): ["evaluation", "key", Self.segment(id, "id"), "plan"]
        case .framework(let id): ["evaluation", "key", Self.segment(id, "id"), "framework"]
        case .addMember(let id): ["evaluation", "key", Self.segment(id, "id"), "members"]
        case .removeMember(let id, let user): ["evaluation", "key", Self.segment(id, "id"), "members", Self.segment(user, "user"), "remove"]
        case .transition(let id): ["evaluation", "key", Self.segment(id, "id"), "transition"]
        case .scores(let id, _): ["evaluation", "key", Self.segment(id, "id"), "scores"]
        case .evidence(let id): ["evaluation", "key", Self.segment(id, "id"), "evidence"]
        case .evidenceFile(let id, let file): ["evaluation", "key", Self.segment(id, "id"), "evidence", Self.segment(file, "file")]
        case .removeEvidence(let id, let file): ["evaluation", "key", Self.segment(id, "id"), "evidence", Self.segment(file, "file"), "remove"]
        case .survey(let id): ["evaluation", "key", Self.segment(id, "id"), "survey"]
        case .surveyClose(let id): ["evaluation", "key", Self.segment(id, "id"), "survey", "close"]
        case .surveyApply(let id): ["evaluation", "key", Self.segment(id, "id"), "survey", "apply"]
        case .surveyAnswers(let id): ["evaluation", "key", Self.segment(id, "id"), "survey", "answers.csv"]
        case .surveyLinks(let id): ["evaluation", "key", Self.segment(id, "id"), "survey", "links.csv"]
        case .report(let id, _): ["evaluation", "key", Self.segment(id, "id"), "report"]
        case .reportPrint(let id): ["evaluation", "key", Self.segment(id, "id"), "report", "print"]
        case .reportDocx(let id): ["evaluation", "key", Self.segment(id, "id"), "report.docx"]
        case .finding(let id): ["evaluation", "key", Self.segment(id, "id"), "report", "findings"]
        case .removeFinding(let id, let finding): ["evaluation", "key", Self.segment(id, "id"), "report", "findings", Self.segment(finding, "finding"), "remove"]
        case .suggestion(let id): ["evaluation", "key", Self.segment(id, "id"), "report", "suggestions"]
        case .removeSuggestion(let id, let suggestion): ["evaluation", "key", Self.segment(id, "id"), "report", "suggestions", Self.segment(suggestion, "suggestion"), "remove"]
        }
    }

    var queryItems: [(String, String?)] {
        switch self {
        case .list(let year), .candidates(let year): [("year", year.map(String.init))]
        case .templates(let year, let kind, let saved): [("year", year.map(String.init)), ("kind", kind), ("saved", saved.map(String.init))]
        case .scores(_, let saved): [("saved", saved ? "1" : nil)]
        case .evaluation(_, let done): [("done", done)]
        case .report(_, let done): [("saved", done ? "1" : nil)]
        default: []
        }
    }

    static let served: [(HTTPMethod, KeyEvaluationRoute)] = [
        (.GET, .list()), (.GET, .candidates()), (.POST, .candidates()), (.GET, .templates()), (.POST, .templates()), (.GET, .evaluation(.key)), (.POST, .plan(.key)), (.POST, .framework(.key)),
        (.POST, .addMember(.key)), (.POST, .removeMember(.key, .key)), (.POST, .transition(.key)), (.GET, .scores(.key)), (.POST, .scores(.key)),
        (.POST, .evidence(.key)), (.GET, .evidenceFile(.key, .key)), (.POST, .removeEvidence(.key, .key)),
        (.POST, .survey(.key)), (.POST, .surveyClose(.key)), (.POST, .surveyApply(.key)), (.GET, .surveyAnswers(.key)), (.GET, .surveyLinks(.key)),
        (.GET, .report(.key)), (.POST, .report(.key)), (.GET, .reportPrint(.key)), (.GET, .reportDocx(.key)), (.POST, .finding(.key)),
        (.POST, .removeFinding(.key, .key)), (.POST, .suggestion(.key)), (.POST, .removeSuggestion(.key, .key)),
    ]
}
