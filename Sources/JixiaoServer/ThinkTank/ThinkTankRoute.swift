import Foundation
import Vapor

/// Every address of 智库's pages.
enum ThinkTankRoute: TypedRoute, Hashable {
    case experts(bureau: String? = nil, q: String? = nil, field: String? = nil, status: String? = nil, done: String? = nil)
    case importExperts
    case expert(Parameter<UUID>, done: String? = nil)
    case expertMove(Parameter<UUID>)
    case expertLinks(Parameter<UUID>)
    case agencies(bureau: String? = nil, done: String? = nil)
    case agency(Parameter<UUID>, done: String? = nil)
    case agencyMove(Parameter<UUID>)
    case supervisors(bureau: String? = nil, done: String? = nil)
    case calls(done: String? = nil)
    case proposals(done: String? = nil)
    case confirmProposal
    /// The draws, engagements and ratings of one key evaluation.
    case team(Parameter<UUID>, done: String? = nil)
    case draw(Parameter<UUID>)
    case manual(Parameter<UUID>)
    case rate(Parameter<UUID>, Parameter<UUID>)
    case reviews(year: Int? = nil, done: String? = nil)
    case review(Parameter<UUID>)
    case publish

    var pathSegments: [String] {
        switch self {
        case .experts: ["think-tank", "experts"]
        case .importExperts: ["think-tank", "experts", "import"]
        case .expert(let id, _): ["think-tank", "experts", Self.segment(id, "id")]
        case .expertMove(let id): ["think-tank", "experts", Self.segment(id, "id"), "status"]
        case .expertLinks(let id): ["think-tank", "experts", Self.segment(id, "id"), "links"]
        case .agencies: ["think-tank", "agencies"]
        case .agency(let id, _): ["think-tank", "agencies", Self.segment(id, "id")]
        case .agencyMove(let id): ["think-tank", "agencies", Self.segment(id, "id"), "status"]
        case .supervisors: ["think-tank", "supervisors"]
        case .calls: ["think-tank", "calls"]
        case .proposals: ["think-tank", "proposals"]
        case .confirmProposal: ["think-tank", "proposals", "confirm"]
        case .team(let id, _): ["think-tank", "evaluations", Self.segment(id, "id")]
        case .draw(let id): ["think-tank", "evaluations", Self.segment(id, "id"), "draw"]
        case .manual(let id): ["think-tank", "evaluations", Self.segment(id, "id"), "manual"]
        case .rate(let id, let engagement): ["think-tank", "evaluations", Self.segment(id, "id"), "engagements", Self.segment(engagement, "engagement"), "rating"]
        case .reviews: ["think-tank", "reviews"]
        case .review(let id): ["think-tank", "reviews", Self.segment(id, "id")]
        case .publish: ["think-tank", "reviews", "publish"]
        }
    }

    static let served: [(HTTPMethod, ThinkTankRoute)] = [
        (.GET, .experts()), (.POST, .experts()), (.POST, .importExperts), (.GET, .expert(.key)), (.POST, .expertMove(.key)), (.POST, .expertLinks(.key)),
        (.GET, .agencies()), (.POST, .agencies()), (.GET, .agency(.key)), (.POST, .agencyMove(.key)),
        (.GET, .supervisors()), (.POST, .supervisors()), (.GET, .calls()), (.POST, .calls()), (.GET, .proposals()), (.POST, .confirmProposal),
        (.GET, .team(.key)), (.POST, .draw(.key)), (.POST, .manual(.key)), (.POST, .rate(.key, .key)),
        (.GET, .reviews()), (.GET, .review(.key)), (.POST, .review(.key)), (.POST, .publish),
    ]

    var queryItems: [(String, String?)] {
        switch self {
        case .experts(let bureau, let q, let field, let status, let done): [("bureau", bureau), ("q", q), ("field", field), ("status", status), ("done", done)]
        case .agencies(let bureau, let done), .supervisors(let bureau, let done): [("bureau", bureau), ("done", done)]
        case .expert(_, let done), .agency(_, let done), .team(_, let done): [("done", done)]
        case .calls(let done), .proposals(let done): [("done", done)]
        case .reviews(let year, let done): [("year", year.map(String.init)), ("done", done)]
        default: []
        }
    }
}

/// Pages anyone reaches without an account: answering a call for applications, and a published quality notice.
enum ThinkTankPublicRoute: TypedRoute, Hashable {
    case apply(Parameter<String>, done: Bool = false)
    case notice(Parameter<String>, Parameter<Int>)

    var pathSegments: [String] {
        switch self {
        case .apply(.key, _): ["apply", ":key"]
        case .apply(.value(let key), _): ["apply", key]
        case .notice(let code, let year):
            ["notices", "agency-quality", { if case .value(let c) = code { c } else { ":code" } }(), { if case .value(let y) = year { String(y) } else { ":year" } }()]
        }
    }

    static let served: [(HTTPMethod, ThinkTankPublicRoute)] = [(.GET, .apply(.key)), (.POST, .apply(.key)), (.GET, .notice(.key, .key))]
    var queryItems: [(String, String?)] {
        switch self {
        case .apply(_, let done): [("done", done ? "1" : nil)]
        default: []
        }
    }
}
