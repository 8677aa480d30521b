import Foundation
import Vapor

/// The audit trail's addresses (审计日志): the list with its filters and the CSV export of the same filters.
enum AuditRoute: TypedRoute, Hashable {
    case list([AuditFilterItem] = [])
    case export([AuditFilterItem] = [])

    var pathSegments: [String] {
        switch self {
        case .list: ["audit"]
        case .export: ["audit", "export.csv"]
        }
    }

    var queryItems: [(String, String?)] {
        switch self {
        case .list(let items), .export(let items): items.map { ($0.name, $0.value) }
        }
    }

    static let served: [(HTTPMethod, AuditRoute)] = [(.GET, .list()), (.GET, .export())]
}

/// One filter of the audit list as its address carries it (action, actor, entity, from, to, before).
struct AuditFilterItem: Hashable, Sendable {
    var name: String
    var value: String?
}
