import Foundation
import Vapor

/// Every address of account management (用户).
enum UserRoute: TypedRoute, Hashable {
    case list(organization: UUID? = nil, query: String? = nil, page: Int? = nil)
    case new(organization: String? = nil)
    case show(Parameter<UUID>, notice: String? = nil)
    case edit(Parameter<UUID>)
    case resetPassword(Parameter<UUID>)
    case active(Parameter<UUID>)

    var pathSegments: [String] {
        switch self {
        case .list: ["users"]
        case .new: ["users", "new"]
        case .show(let id, _): ["users", Self.segment(id, "id")]
        case .edit(let id): ["users", Self.segment(id, "id"), "edit"]
        case .resetPassword(let id): ["users", Self.segment(id, "id"), "reset-password"]
        case .active(let id): ["users", Self.segment(id, "id"), "active"]
        }
    }

    var queryItems: [(String, String?)] {
        switch self {
        case .list(let organization, let query, let page): [("org", organization?.uuidString), ("q", query), ("page", page.map(String.init))]
        case .new(let organization): [("org", organization)]
        case .show(_, let notice): [("notice", notice)]
        case .edit, .resetPassword, .active: []
        }
    }

    static let served: [(HTTPMethod, UserRoute)] = [
        (.GET, .list()), (.GET, .new()), (.POST, .new()), (.GET, .show(.key)), (.POST, .edit(.key)), (.POST, .resetPassword(.key)),
        (.POST, .active(.key)),
    ]
}
