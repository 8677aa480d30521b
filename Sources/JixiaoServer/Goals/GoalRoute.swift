import Foundation
import Vapor

/// The filters of the goal list as its address carries them.
struct GoalListQuery: Hashable, Sendable {
    var year: Int?
    /// Everything in reach rather than only what waits for the person.
    var all = false
    var under: String?
    var state: String?
    var fund: String?
    var key: String?
    var severity: String?
    var page: Int?
    /// How many goals a batch release just released (said on the page it leads to).
    var released: Int?
}

/// Every address of goal management (目标管理), for registering its routes and for building its links.
enum GoalRoute: TypedRoute, Hashable {
    case list(GoalListQuery = GoalListQuery())
    case new(year: Int? = nil)
    case release
    case show(Parameter<UUID>, version: Int? = nil, saved: Bool = false, done: String? = nil)
    case content(Parameter<UUID>)
    case transition(Parameter<UUID>)
    case diff(Parameter<UUID>, from: Int? = nil, to: Int? = nil)
    case libraryPick(Parameter<UUID>)
    case exportList(year: Int?, under: String? = nil)
    case declarationForm(Parameter<UUID>, version: Int? = nil)
    case printable(Parameter<UUID>, version: Int? = nil)
    case issued(year: Int? = nil)
    case importFile
    case importJob(Parameter<UUID>)
    /// 指标库 — the indicator library, searched by `query`.
    case library(query: String? = nil)

    var pathSegments: [String] {
        switch self {
        case .list: ["goals"]
        case .new: ["goals", "new"]
        case .release: ["goals", "release"]
        case .show(let id, _, _, _): ["goals", Self.segment(id, "id")]
        case .content(let id): ["goals", Self.segment(id, "id"), "content"]
        case .transition(let id): ["goals", Self.segment(id, "id"), "transition"]
        case .diff(let id, _, _): ["goals", Self.segment(id, "id"), "diff"]
        case .libraryPick(let id): ["goals", Self.segment(id, "id"), "library-pick"]
        case .exportList: ["goals", "export.xlsx"]
        case .declarationForm(let id, _): ["goals", Self.segment(id, "id"), "form.xlsx"]
        case .printable(let id, _): ["goals", Self.segment(id, "id"), "print"]
        case .issued: ["goals", "issued"]
        case .importFile: ["goals", "import"]
        case .importJob(let id): ["goals", "import", "jobs", Self.segment(id, "job")]
        case .library: ["library"]
        }
    }

    var queryItems: [(String, String?)] {
        switch self {
        case .list(let q):
            [("year", q.year.map(String.init)), ("all", q.all ? "1" : nil), ("under", q.under), ("state", q.state), ("fund", q.fund),
             ("key", q.key), ("severity", q.severity), ("page", q.page.map(String.init)), ("released", q.released.map(String.init))]
        case .new(let year), .issued(let year): [("year", year.map(String.init))]
        case .show(_, let version, let saved, let done): [("version", version.map(String.init)), ("saved", saved ? "1" : nil), ("done", done)]
        case .diff(_, let from, let to): [("from", from.map(String.init)), ("to", to.map(String.init))]
        case .exportList(let year, let under): [("year", year.map(String.init)), ("under", under)]
        case .declarationForm(_, let version), .printable(_, let version): [("version", version.map(String.init))]
        case .library(let query): [("q", query)]
        case .release, .content, .transition, .libraryPick, .importFile, .importJob: []
        }
    }

    static let served: [(HTTPMethod, GoalRoute)] = [
        (.GET, .list()), (.GET, .new()), (.POST, .new()), (.POST, .release), (.GET, .show(.key)), (.POST, .content(.key)),
        (.POST, .transition(.key)), (.GET, .diff(.key)), (.POST, .libraryPick(.key)), (.GET, .exportList(year: nil)),
        (.GET, .declarationForm(.key)), (.GET, .printable(.key)), (.GET, .issued()), (.GET, .importFile), (.POST, .importFile),
        (.GET, .importJob(.key)), (.GET, .library()), (.POST, .library()),
    ]
}
