import Foundation
import Vapor

/// The addresses of signing in and out, one's own password and the interface language.
enum AccessRoute: TypedRoute, Hashable {
    case signIn(next: String? = nil)
    case signOut
    case password
    case locale

    var pathSegments: [String] {
        switch self {
        case .signIn: ["signin"]
        case .signOut: ["signout"]
        case .password: ["account", "password"]
        case .locale: ["locale"]
        }
    }

    var queryItems: [(String, String?)] {
        switch self {
        case .signIn(let next): [("next", next)]
        case .signOut, .password, .locale: []
        }
    }

    static let served: [(HTTPMethod, AccessRoute)] = [
        (.GET, .signIn()), (.POST, .signIn()), (.POST, .signOut), (.GET, .password), (.POST, .password), (.POST, .locale),
    ]
}
