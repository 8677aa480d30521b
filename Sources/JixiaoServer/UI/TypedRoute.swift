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
        var link = ""
        for segment in pathSegments {
            link += "/"
            PercentEncoding.append(segment, to: &link, keeping: PercentEncoding.pathSegment)
        }
        if link.isEmpty { link = "/" }
        var separator = "?"
        for (name, value) in queryItems {
            guard let value, !value.isEmpty else { continue }
            link += separator + name + "="
            PercentEncoding.append(value, to: &link, keeping: PercentEncoding.queryValue)
            separator = "&"
        }
        return link
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

/// Percent-encoding of link parts by bytes: every page prints dozens of links, and Foundation's
/// `addingPercentEncoding` built its character sets anew for each one.
enum PercentEncoding {
    /// Unreserved characters and the sub-delimiters a path segment may hold as they are (RFC 3986), without "/".
    static let pathSegment = table("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@")
    /// Letters, digits, "-", "_", "." in a query value; everything else (Chinese included) is encoded as UTF-8.
    static let queryValue = table("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._")

    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    private static func table(_ kept: String) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for byte in kept.utf8 { table[Int(byte)] = true }
        return table
    }

    static func append(_ text: String, to link: inout String, keeping kept: [Bool]) {
        if text.utf8.allSatisfy({ kept[Int($0)] }) { link += text; return }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            if kept[Int(byte)] {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%")); bytes.append(hex[Int(byte >> 4)]); bytes.append(hex[Int(byte & 0x0F)])
            }
        }
        link += String(decoding: bytes, as: UTF8.self)
    }
}
