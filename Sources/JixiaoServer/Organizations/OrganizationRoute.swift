import Foundation
import Vapor

/// Every address of the organisation tree (组织机构).
enum OrganizationRoute: TypedRoute, Hashable {
    case list(under: UUID? = nil)
    case new(parent: String? = nil)
    case importFile
    case show(Parameter<UUID>, notice: String? = nil)
    case edit(Parameter<UUID>)
    case move(Parameter<UUID>)
    case active(Parameter<UUID>)

    var pathSegments: [String] {
        switch self {
        case .list: ["orgs"]
        case .new: ["orgs", "new"]
        case .importFile: ["orgs", "import"]
        case .show(let id, _): ["orgs", Self.segment(id, "id")]
        case .edit(let id): ["orgs", Self.segment(id, "id"), "edit"]
        case .move(let id): ["orgs", Self.segment(id, "id"), "move"]
        case .active(let id): ["orgs", Self.segment(id, "id"), "active"]
        }
    }

    var queryItems: [(String, String?)] {
        switch self {
        case .list(let under): [("under", under?.uuidString)]
        case .new(let parent): [("parent", parent)]
        case .show(_, let notice): [("notice", notice)]
        case .importFile, .edit, .move, .active: []
        }
    }

    static let served: [(HTTPMethod, OrganizationRoute)] = [
        (.GET, .list()), (.GET, .new()), (.POST, .new()), (.GET, .importFile), (.POST, .importFile), (.GET, .show(.key)),
        (.POST, .edit(.key)), (.POST, .move(.key)), (.POST, .active(.key)),
    ]
}
