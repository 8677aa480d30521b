import Foundation
import Vapor

/// The public address of a questionnaire: `/s/<key>`, with `?t=<code>` when it was handed out with answer codes.
/// Anyone may open it; nobody signs in.
enum PublicSurveyRoute: TypedRoute, Hashable {
    case form(Parameter<String>, token: String? = nil, thanks: Bool = false)

    var pathSegments: [String] {
        switch self {
        case .form(.key, _, _): ["s", ":key"]
        case .form(.value(let key), _, _): ["s", key]
        }
    }

    var queryItems: [(String, String?)] {
        switch self {
        case .form(_, let token, let thanks): [("t", token), ("thanks", thanks ? "1" : nil)]
        }
    }

    static let served: [(HTTPMethod, PublicSurveyRoute)] = [(.GET, .form(.key)), (.POST, .form(.key))]
}
