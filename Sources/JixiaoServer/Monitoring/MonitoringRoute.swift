import Foundation
import Vapor

/// Every address of 运行监控, for registering its routes and for building its links.
enum MonitoringRoute: TypedRoute, Hashable {
    /// The rounds of a year within reach, and opening a new one.
    case rounds(year: Int? = nil)
    /// A round's dashboard: colours by organisation under `under` (drill-down), the chart, the tasks reddest first.
    case round(Parameter<UUID>, under: String? = nil, colour: String? = nil, page: Int? = nil)
    case close(Parameter<UUID>)
    /// 绩效监控报告 of the round for the area under `under`: a page to print and .xlsx.
    case summary(Parameter<UUID>, under: String? = nil)
    case summarySheet(Parameter<UUID>, under: String? = nil)
    /// The round's tasks under `under` as one list to fill offline (.xlsx), and the same list uploaded back.
    case list(Parameter<UUID>, under: String? = nil)
    case importList(Parameter<UUID>)
    case treasury(Parameter<UUID>)
    /// One object's task: the money, each indicator's progress, warnings with their arithmetic, actions, dispositions.
    case task(Parameter<UUID>, saved: Bool = false)
    case report(Parameter<UUID>)
    /// 项目支出绩效目标执行监控表 of the task: .xlsx and a page to print.
    case sheet(Parameter<UUID>)
    case printable(Parameter<UUID>)
    case transition(Parameter<UUID>)
    case dispose(Parameter<UUID>)
    case answer(Parameter<UUID>)

    var pathSegments: [String] {
        switch self {
        case .rounds: ["monitoring"]
        case .round(let id, _, _, _): ["monitoring", "rounds", Self.segment(id, "id")]
        case .close(let id): ["monitoring", "rounds", Self.segment(id, "id"), "close"]
        case .summary(let id, _): ["monitoring", "rounds", Self.segment(id, "id"), "report"]
        case .summarySheet(let id, _): ["monitoring", "rounds", Self.segment(id, "id"), "report.xlsx"]
        case .list(let id, _): ["monitoring", "rounds", Self.segment(id, "id"), "tasks.xlsx"]
        case .importList(let id): ["monitoring", "rounds", Self.segment(id, "id"), "tasks"]
        case .treasury(let id): ["monitoring", "rounds", Self.segment(id, "id"), "treasury"]
        case .task(let id, _): ["monitoring", "tasks", Self.segment(id, "id")]
        case .report(let id): ["monitoring", "tasks", Self.segment(id, "id"), "report"]
        case .sheet(let id): ["monitoring", "tasks", Self.segment(id, "id"), "form.xlsx"]
        case .printable(let id): ["monitoring", "tasks", Self.segment(id, "id"), "print"]
        case .transition(let id): ["monitoring", "tasks", Self.segment(id, "id"), "transition"]
        case .dispose(let id): ["monitoring", "tasks", Self.segment(id, "id"), "dispose"]
        case .answer(let id): ["monitoring", "dispositions", Self.segment(id, "id"), "answer"]
        }
    }

    var queryItems: [(String, String?)] {
        switch self {
        case .rounds(let year): [("year", year.map(String.init))]
        case .round(_, let under, let colour, let page): [("under", under), ("colour", colour), ("page", page.map(String.init))]
        case .task(_, let saved): [("saved", saved ? "1" : nil)]
        case .summary(_, let under), .summarySheet(_, let under), .list(_, let under): [("under", under)]
        case .close, .treasury, .importList, .report, .sheet, .printable, .transition, .dispose, .answer: []
        }
    }

    static let served: [(HTTPMethod, MonitoringRoute)] = [
        (.GET, .rounds()), (.POST, .rounds()), (.GET, .round(.key)), (.POST, .close(.key)), (.GET, .summary(.key)), (.GET, .summarySheet(.key)), (.GET, .list(.key)), (.POST, .importList(.key)), (.POST, .treasury(.key)),
        (.GET, .task(.key)), (.POST, .report(.key)), (.GET, .sheet(.key)), (.GET, .printable(.key)), (.POST, .transition(.key)), (.POST, .dispose(.key)), (.POST, .answer(.key)),
    ]
}
