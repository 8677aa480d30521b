import Foundation
import Vapor

/// Every address of 重点评价's pages, for registering its routes and for building its links.
enum KeyEvaluationRoute: TypedRoute, Hashable {
    /// The key evaluations within reach, by fiscal year.
    case list(year: Int? = nil)
    /// 遴选: the year's candidates with the rules each meets and the coverage the choice reaches; choosing.
    case candidates(year: Int? = nil)
    /// One evaluation: objects and reasons, plan, framework, team, procedure, results.
    case evaluation(Parameter<UUID>)
    case plan(Parameter<UUID>)
    case framework(Parameter<UUID>)
    case addMember(Parameter<UUID>)
    case removeMember(Parameter<UUID>, Parameter<UUID>)
    case transition(Parameter<UUID>)
    /// The signed-in member's own scoring sheet, and saving or submitting it.
    case scores(Parameter<UUID>, saved: Bool = false)

    var pathSegments: [String] {
        switch self {
        case .list: ["evaluation", "key"]
        case .candidates: ["evaluation", "key", "candidates"]
        case .evaluation(let id): ["evaluation", "key", Self.segment(id, "id")]
        case .plan(let id): ["evaluation", "key", Self.segment(id, "id"), "plan"]
        case .framework(let id): ["evaluation", "key", Self.segment(id, "id"), "framework"]
        case .addMember(let id): ["evaluation", "key", Self.segment(id, "id"), "members"]
        case .removeMember(let id, let user): ["evaluation", "key", Self.segment(id, "id"), "members", Self.segment(user, "user"), "remove"]
        case .transition(let id): ["evaluation", "key", Self.segment(id, "id"), "transition"]
        case .scores(let id, _): ["evaluation", "key", Self.segment(id, "id"), "scores"]
        }
    }

    var queryItems: [(String, String?)] {
        switch self {
        case .list(let year), .candidates(let year): [("year", year.map(String.init))]
        case .scores(_, let saved): [("saved", saved ? "1" : nil)]
        default: []
        }
    }

    static let served: [(HTTPMethod, KeyEvaluationRoute)] = [
        (.GET, .list()), (.GET, .candidates()), (.POST, .candidates()), (.GET, .evaluation(.key)), (.POST, .plan(.key)), (.POST, .framework(.key)),
        (.POST, .addMember(.key)), (.POST, .removeMember(.key, .key)), (.POST, .transition(.key)), (.GET, .scores(.key)), (.POST, .scores(.key)),
    ]
}
