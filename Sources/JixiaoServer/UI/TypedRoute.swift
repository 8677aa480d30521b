import Foundation
import Vapor

/// A path parameter of a typed route: `.key` when the route is registered (it prints as `:name`), `.value` when a
/// link is built. One case of a route enum thus serves both, and a link cannot drift from the route it leads to.
enum Parameter<Value: Hashable & Sendable>: Hashable, Sendable {
    case key
    case value(Value)
}

/// A capability's addresses as one enum (`GoalRoute`, `OrganizationRoute`, …): each case knows its path and
/// query. Controllers register `.key` cases and views, controllers and redirects print `.value` cases; no path is
/// written as a string anywhere else.
protocol TypedRoute: Sendable {
    /// The path's segments; a parameter segment is `:name` for `.key` and its value otherwise.
    var pathSegments: [String] { get }
    /// Query items of a link; nil or empty values are left out.
    var queryItems: [(String, String?)] { get }
    /// Every route the capability serves, with the method, for registration checks (`.key` parameters).
    static var served: [(HTTPMethod, Self)] { get }
}

extension TypedRoute {
    var queryItems: [(String, String?)] { [] }

    /// The link: `/goals/…?year=2027`, values percent-encoded.
    var url: String {
        let path = "/" + pathSegments.map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? $0 }
            .joined(separator: "/")
        let query = queryItems.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["-", "_", "."])) ?? value)"
        }
        return query.isEmpty ? path : path + "?" + query.joined(separator: "&")
    }

    /// The link with a fragment (`#library`).
    func url(fragment: String) -> String { url + "#" + fragment }

    var pathComponents: [PathComponent] { pathSegments.map { PathComponent(stringLiteral: $0) } }

    /// A parameter segment: `:name` for registration, the value for a link.
    static func segment(_ parameter: Parameter<UUID>, _ name: String) -> String {
        switch parameter {
        case .key: ":\(name)"
        case .value(let id): id.uuidString
        }
    }
}

extension RoutesBuilder {
    @discardableResult
    func get<Route: TypedRoute>(_ route: Route, use handler: @Sendable @escaping (Request) async throws -> some AsyncResponseEncodable) -> Vapor.Route {
        on(.GET, route.pathComponents, use: handler)
    }

    @discardableResult
    func post<Route: TypedRoute>(_ route: Route, body: HTTPBodyStreamStrategy = .collect,
                                 use handler: @Sendable @escaping (Request) async throws -> some AsyncResponseEncodable) -> Vapor.Route {
        on(.POST, route.pathComponents, body: body, use: handler)
    }
}

extension Request {
    /// A redirect to a typed route (303 after a form, so the browser fetches it with GET).
    func redirect(to route: some TypedRoute) -> Response {
        redirect(to: route.url, redirectType: .normal)
    }
}
