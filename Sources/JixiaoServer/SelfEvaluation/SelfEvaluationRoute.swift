import Foundation
import Vapor

/// Every address of 单位自评's pages, for registering its routes and for building its links.
enum SelfEvaluationRoute: TypedRoute, Hashable {
    /// The years the person opened or evaluates in, and opening a new one.
    case years(year: Int? = nil)
    /// 评分规则 of a fiscal year: those in force, the bureau's versions, saving a new one.
    case rules(year: Int? = nil, saved: Int? = nil)
    /// A year: counts by state and grade, the forms within reach with their scores and findings.
    case year(Parameter<UUID>, state: String? = nil, grade: String? = nil, findings: Bool = false, page: Int? = nil, checked: UUID? = nil)
    case close(Parameter<UUID>)
    /// 自评质量检查 of the whole year (a job).
    case check(Parameter<UUID>)
    /// The year's forms within reach as one workbook (the list, then each form), and forms loaded back from .xlsx/.csv.
    case list(Parameter<UUID>, state: String? = nil, grade: String? = nil)
    case importForms(Parameter<UUID>)
    /// One self-evaluation: the form, the score with its words, the findings, the workflow.
    case form(Parameter<UUID>, done: String? = nil)
    case save(Parameter<UUID>)
    case transition(Parameter<UUID>)
    /// 项目支出绩效自评表 of one form: .xlsx and a page to print.
    case sheet(Parameter<UUID>)
    case printable(Parameter<UUID>)
    /// 抽查复核: draw a sample of a year; a sample with its drawn forms and comparison; assigning and re-scoring one form.
    case drawSample(Parameter<UUID>)
    case sample(Parameter<UUID>)
    case assign(Parameter<UUID>, Parameter<UUID>)
    case rescore(Parameter<UUID>, Parameter<UUID>)

    var pathSegments: [String] {
        switch self {
        case .years: ["evaluation", "self"]
        case .rules: ["evaluation", "self", "rules"]
        case .year(let id, _, _, _, _, _): ["evaluation", "self", "years", Self.segment(id, "id")]
        case .close(let id): ["evaluation", "self", "years", Self.segment(id, "id"), "close"]
        case .check(let id): ["evaluation", "self", "years", Self.segment(id, "id"), "check"]
        case .list(let id, _, _): ["evaluation", "self", "years", Self.segment(id, "id"), "forms.xlsx"]
        case .importForms(let id): ["evaluation", "self", "years", Self.segment(id, "id"), "import"]
        case .sheet(let id): ["evaluation", "self", "forms", Self.segment(id, "id"), "form.xlsx"]
        case .printable(let id): ["evaluation", "self", "forms", Self.segment(id, "id"), "print"]
        case .drawSample(let id): ["evaluation", "self", "years", Self.segment(id, "id"), "samples"]
        case .sample(let id): ["evaluation", "self", "samples", Self.segment(id, "id")]
        case .assign(let id, let form): ["evaluation", "self", "samples", Self.segment(id, "id"), "picks", Self.segment(form, "evaluation"), "assignee"]
        case .rescore(let id, let form): ["evaluation", "self", "samples", Self.segment(id, "id"), "picks", Self.segment(form, "evaluation")]
        case .form(let id, _): ["evaluation", "self", "forms", Self.segment(id, "id")]
        case .save(let id): ["evaluation", "self", "forms", Self.segment(id, "id"), "save"]
        case .transition(let id): ["evaluation", "self", "forms", Self.segment(id, "id"), "transition"]
        }
    }

    var queryItems: [(String, String?)] {
        switch self {
        case .years(let year): [("year", year.map(String.init))]
        case .rules(let year, let saved): [("year", year.map(String.init)), ("saved", saved.map(String.init))]
        case .year(_, let state, let grade, let findings, let page, let checked):
            [("state", state), ("grade", grade), ("findings", findings ? "1" : nil), ("page", page.map(String.init)), ("checked", checked?.uuidString.lowercased())]
        case .form(_, let done): [("done", done)]
        case .list(_, let state, let grade): [("state", state), ("grade", grade)]
        case .close, .check, .save, .transition, .importForms, .sheet, .printable, .drawSample, .sample, .assign, .rescore: []
        }
    }

    static let served: [(HTTPMethod, SelfEvaluationRoute)] = [
        (.GET, .years()), (.POST, .years()), (.GET, .rules()), (.POST, .rules()), (.GET, .year(.key)), (.POST, .close(.key)), (.POST, .check(.key)), (.GET, .form(.key)), (.POST, .save(.key)), (.POST, .transition(.key)),
        (.GET, .list(.key)), (.POST, .importForms(.key)), (.GET, .sheet(.key)), (.GET, .printable(.key)),
        (.POST, .drawSample(.key)), (.GET, .sample(.key)), (.POST, .assign(.key, .key)), (.GET, .rescore(.key, .key)), (.POST, .rescore(.key, .key)),
    ]
}
