import Foundation
import Vapor

/// The start page, the sections not built yet, and the shared assets.
enum HomeRoute: TypedRoute, Hashable {
    case home(passwordChanged: Bool = false)
    case placeholder(Section)
    case admin
    case stylesheet
    case health

    var pathSegments: [String] {
        switch self {
        case .home: []
        case .placeholder(let section): [section.rawValue]
        case .admin: ["admin"]
        case .stylesheet: ["assets", "app.css"]
        case .health: ["healthz"]
        }
    }

    var queryItems: [(String, String?)] {
        switch self {
        case .home(let changed): [("password", changed ? "changed" : nil)]
        case .placeholder, .admin, .stylesheet, .health: []
        }
    }

    static var served: [(HTTPMethod, HomeRoute)] {
        [(.GET, .home()), (.GET, .admin), (.GET, .stylesheet), (.GET, .health)] + Section.placeholders.map { (.GET, .placeholder($0)) }
    }
}
