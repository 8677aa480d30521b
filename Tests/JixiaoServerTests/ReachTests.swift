import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import JixiaoServer
import JixiaoDomain

/// Every list, queue and export — pages and API — as every demo role: nothing outside the role's reach appears.
/// What is in reach is what `Authorization.decide` lets the person open; a list that shows more leaks data, and each
/// of its extra links would answer 404.
@Suite("Reach: lists and exports show only what the person may open")
struct ReachTests {
    /// What a list shows, named by the kind of object and its id.
    enum Shown: Hashable { case organization(UUID), user(UUID), budgetObject(UUID) }

    static let uuid = "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"

    /// The objects a page links to (`/orgs/…`, `/users/…`, `/goals/…`).
    static func links(in html: String) throws -> Set<Shown> {
        var found: Set<Shown> = []
        for (prefix, make) in [("/orgs/", Shown.organization), ("/users/", Shown.user), ("/goals/", Shown.budgetObject)] as [(String, (UUID) -> Shown)] {
            let regex = try NSRegularExpression(pattern: "href=\"\(prefix)(\(uuid))")
            for match in regex.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                if let range = Range(match.range(at: 1), in: html), let id = UUID(uuidString: String(html[range])) { found.insert(make(id)) }
            }
        }
        return found
    }

    /// Whether the person may open what a list showed, asked of the one authorization function.
    static func mayOpen(_ shown: Shown, actor: Actor, on db: any Database) async throws -> Bool {
        switch shown {
        case .organization(let id):
            guard let org = try await OrganizationModel.find(id, on: db) else { return false }
            return Authorization.decide(actor, .viewOrganization, org.accessTarget) == .allow
        case .user(let id):
            guard let user = try await UserModel.query(on: db).filter(\.$id == id).with(\.$organization).first() else { return false }
            return Authorization.decide(actor, .viewUser, user.organization.accessTarget) == .allow
        case .budgetObject(let id):
            guard let object = try await BudgetObjectModel.query(on: db).filter(\.$id == id).with(\.$organization).first() else { return false }
            return Authorization.decide(actor, .viewBudget, object.organization.accessTarget) == .allow
        }
    }

    static func actor(of username: String, on db: any Database) async throws -> Actor {
        let user = try #require(try await UserModel.query(on: db).filter(\.$username == username).with(\.$roles).with(\.$organization).first())
        return try SignedInUser(user: user, organization: user.organization).actor
    }

    @Test("every list and export, every demo role", arguments: TestDatabase.all)
    func listsStayInReach(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            // setup: the demo province with its goals of every state
            _ = try await DemoGoals.load(on: app.db)
            let year = DemoGoals.fiscalYear
            let pages = ["/orgs", "/orgs?page=2", "/users", "/goals?all=1&year=\(year)", "/goals?year=\(year)", "/goals/issued?year=\(year)"]
            let apiLists = ["/api/v1/orgs?per=1000", "/api/v1/users?per=1000", "/api/v1/budget-objects?year=\(year)",
                            "/api/v1/budget-objects?year=\(year)&waiting=true", "/api/v1/regional-goals/issued?year=\(year)"]
            var everythingShown: Set<Shown> = []
            for account in DemoData.accounts {
                let actor = try await Self.actor(of: account.username, on: app.db)
                var shown: [(String, Shown)] = []
                // act: the pages
                let browser = Browser(app)
                try await browser.signIn(account.username, DemoData.password)
                for page in pages {
                    let response = try await browser.get(page)
                    guard response.status == .ok else { continue }
                    shown += try Self.links(in: response.body.string).map { (page, $0) }
                }
                // the exports, read back with the importer's reader
                for export in ["/goals/export.xlsx?year=\(year)", "/api/v1/goals/export.xlsx?year=\(year)"] {
                    let response: TestingHTTPResponse
                    if export.hasPrefix("/api") {
                        guard let client = try? await APIClient.signIn(app, account.username, DemoData.password) else { continue }
                        response = try await client.send(.GET, export)
                    } else {
                        response = try await browser.get(export)
                    }
                    guard response.status == .ok else { continue }
                    let codes = Set(try GoalExchangeService.readRows(response.body).map { $0.value(.code) })
                    let objects = try await BudgetObjectModel.query(on: app.db).filter(\.$code ~~ Array(codes)).filter(\.$fiscalYear == year).all()
                    #expect(objects.count == codes.count, "every exported code is a budget object of \(year)")
                    shown += objects.map { (export, .budgetObject($0.id!)) }
                }
                // the API lists
                if let client = try? await APIClient.signIn(app, account.username, DemoData.password) {
                    for list in apiLists {
                        let response = try await client.send(.GET, list)
                        guard response.status == .ok else { continue }
                        let json = try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any]
                        for item in (json?["items"] as? [[String: Any]]) ?? [] {
                            if list.contains("/orgs"), let id = (item["id"] as? String).flatMap { UUID(uuidString: $0) } { shown.append((list, .organization(id))) }
                            if list.contains("/users"), let id = (item["id"] as? String).flatMap { UUID(uuidString: $0) } { shown.append((list, .user(id))) }
                            if list.contains("/regional-goals") {
                                // A regional goal is shown to the bureau it was issued to; the transfer payment itself
                                // belongs to the granting bureau, so its recipient must be in reach, not its owner.
                                let code = (item["region"] as? [String: Any])?["recipientCode"] as? String ?? "-"
                                let recipient = try await OrganizationModel.query(on: app.db).filter(\.$code == code).first()
                                shown.append((list, .organization(recipient?.id ?? UUID())))
                            } else if let id = (item["objectID"] as? String).flatMap({ UUID(uuidString: $0) }) {
                                shown.append((list, .budgetObject(id)))
                            }
                        }
                    }
                }
                // check: everything shown may be opened by this person
                for (source, item) in Set(shown.map { "\($0.0)|\($0.1)" }).compactMap({ key in shown.first { "\($0.0)|\($0.1)" == key } }) {
                    let allowed = try await Self.mayOpen(item, actor: actor, on: app.db)
                    #expect(allowed, "\(account.username) sees \(item) on \(source), outside its reach")
                }
                everythingShown.formUnion(shown.map(\.1))
                // The organisation list of an expert or agency evaluator holds its own organisation and nothing else.
                if account.roles.contains(.expert) || account.roles.contains(.agencyEvaluator) {
                    let listed = shown.filter { $0.0.hasPrefix("/orgs") || $0.0.hasPrefix("/api/v1/orgs") }.map(\.1)
                    #expect(!listed.isEmpty)
                    #expect(Set(listed) == [.organization(actor.organizationID)], "\(account.username) lists only its own organisation")
                }
            }
            // The test looked at something: the lists are not all empty.
            #expect(everythingShown.count > 50)
        }
    }
}
