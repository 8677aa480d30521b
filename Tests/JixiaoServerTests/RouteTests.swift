import Foundation
import Testing
import Vapor
import VaporTesting
@testable import JixiaoServer

/// Typed routes: what each capability's route enum declares is exactly what the application serves, and the links it
/// prints lead to those routes.
@Suite("Typed routes")
struct RouteTests {
    static func served() -> [(HTTPMethod, String)] {
        func pairs<R: TypedRoute>(_ type: R.Type) -> [(HTTPMethod, String)] { R.served.map { ($0.0, $0.1.url.components(separatedBy: "?")[0]) } }
        return pairs(GoalRoute.self) + pairs(OrganizationRoute.self) + pairs(UserRoute.self) + pairs(AuditRoute.self)
            + pairs(AccessRoute.self) + pairs(HomeRoute.self) + pairs(MonitoringRoute.self) + pairs(SelfEvaluationRoute.self)
            + pairs(KeyEvaluationRoute.self) + pairs(PublicSurveyRoute.self) + pairs(ThinkTankRoute.self) + pairs(ThinkTankPublicRoute.self)
    }

    @Test("every declared route is registered, and every registered page is declared", arguments: [TestDatabase.sqlite])
    func declaredIsServed(database: TestDatabase) async throws {
        try await withJixiao(database, demo: false) { app in
            let registered = Set(app.routes.all.map { route in
                "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
            })
            let declared = Set(Self.served().map { "\($0.0.rawValue) \($0.1)" })
            for route in declared { #expect(registered.contains(route), "\(route) is declared but not served") }
            let pages = registered.filter { !$0.contains(" /api/") }
            for route in pages { #expect(declared.contains(route), "\(route) is served but no route enum declares it") }
            #expect(declared.count > 40)
        }
    }

    @Test("a link has the shape of the route it leads to")
    func linksMatchPatterns() {
        let id = UUID()
        let pairs: [(String, String)] = [
            (GoalRoute.show(.value(id), version: 2).url, "/goals/:id"),
            (GoalRoute.diff(.value(id), from: 1, to: 2).url, "/goals/:id/diff"),
            (GoalRoute.importJob(.value(id)).url, "/goals/import/jobs/:job"),
            (OrganizationRoute.move(.value(id)).url, "/orgs/:id/move"),
            (UserRoute.resetPassword(.value(id)).url, "/users/:id/reset-password"),
        ]
        for (link, pattern) in pairs {
            let path = link.components(separatedBy: "?")[0].split(separator: "/")
            let parts = pattern.split(separator: "/")
            #expect(path.count == parts.count, "\(link) ~ \(pattern)")
            for (segment, part) in zip(path, parts) where !part.hasPrefix(":") { #expect(segment == part) }
            #expect(link.contains(id.uuidString))
        }
        #expect(GoalRoute.show(.value(id), version: 2, saved: true).url == "/goals/\(id.uuidString)?version=2&saved=1")
        #expect(GoalRoute.list(GoalListQuery(year: 2027, all: true, under: "99 00&x", page: 3)).url
                == "/goals?year=2027&all=1&under=99%2000%26x&page=3", "query values are encoded, empty ones left out")
        #expect(HomeRoute.home().url == "/")
        #expect(AccessRoute.signIn(next: "/goals?year=2027").url == "/signin?next=%2Fgoals%3Fyear%3D2027")
        // Non-ASCII text is written as percent-encoded UTF-8, so a link reads the same to every browser and proxy.
        #expect(GoalRoute.list(GoalListQuery(year: 2027, under: "教育厅~1")).url == "/goals?year=2027&under=%E6%95%99%E8%82%B2%E5%8E%85%7E1")
        #expect(HomeRoute.home(passwordChanged: true).url == "/?password=changed")
    }

    @Test func hexDigitsAreLowerCaseAndTwoPerByte() {
        #expect(HexDigits.lowercase([0x00, 0x0F, 0xA0, 0xFF]) == "000fa0ff")
        #expect(Secrets.digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
