import Foundation
import Testing
import Vapor
import VaporTesting
@testable import JixiaoServer
import JixiaoDomain

@Suite("Interface and API contract")
struct InterfaceTests {
    /// A text without its translation does not compile (both are arguments of `TextKey.init`); what is left to check
    /// is that arguments land where each language puts them.
    @Test func textsInBothLanguagesTakeTheirArguments() {
        let zh = Localizer(locale: .zhHans), en = Localizer(locale: .en)
        #expect(zh(.goalsAllCount(12, 2027)) == "2027 年度您可查看的目标共 12 项。")
        #expect(en(.goalsAllCount(12, 2027)) == "12 goals of 2027 within your reach.")
        #expect(zh(.pagerShowing(51, 100, 130)) == "第 51–100 条，共 130 条")
        #expect(en(Message(.errorRoleNotAllowed(Role.expert.title, OrganizationKind.unit.title))).contains("Expert"))
    }

    @Test func acceptLanguageChoosesOurLanguage() {
        #expect(AppLocale.preferred(acceptLanguage: nil) == .zhHans)
        #expect(AppLocale.preferred(acceptLanguage: "en-GB,en;q=0.8") == .en)
        #expect(AppLocale.preferred(acceptLanguage: "fr-FR,en;q=0.5,zh;q=0.9") == .zhHans)
        #expect(AppLocale.preferred(acceptLanguage: "de-DE") == .zhHans)
    }

    @Test("the OpenAPI document lists exactly the API routes that exist", arguments: TestDatabase.all)
    func openAPIMatchesRoutes(database: TestDatabase) async throws {
        try await withJixiao(database, demo: false) { app in
            let response = try await app.testing().sendRequest(.GET, "/api/v1/openapi.json")
            #expect(response.status == .ok)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any])
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let documented = Set(paths.flatMap { path, methods in methods.keys.map { "\($0.uppercased()) \(path)" } })
            let registered = Set(app.routes.all.compactMap { route -> String? in
                let components = route.path.map { component -> String in
                    switch component {
                    case .constant(let value): value
                    case .parameter(let name): "{\(name)}"
                    case .anything: "*"
                    case .catchall: "**"
                    }
                }
                guard components.starts(with: ["api", "v1"]) else { return nil }
                return "\(route.method.rawValue) /" + components.joined(separator: "/")
            })
            #expect(documented == registered, "only documented: \(documented.subtracting(registered)); only routed: \(registered.subtracting(documented))")
            #expect(document["openapi"] as? String == "3.1.0")
        }
    }

    @Test("the OpenAPI document describes what the server enforces", arguments: TestDatabase.all)
    func openAPIConstraints(database: TestDatabase) async throws {
        try await withJixiao(database, demo: false) { app in
            let body = try await app.testing().sendRequest(.GET, "/api/v1/openapi.json").body.string
            let document = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
            for (path, methods) in paths {
                for (method, operation) in methods where operation["requestBody"] != nil {
                    let responses = try #require(operation["responses"] as? [String: Any])
                    #expect(responses["415"] != nil && responses["413"] != nil, "\(method) \(path) lacks 415/413")
                }
            }
            func parameter(_ path: String, _ name: String) -> [String: Any]? {
                (paths[path]?["get"]?["parameters"] as? [[String: Any]])?.first { $0["name"] as? String == name }?["schema"] as? [String: Any]
            }
            #expect(parameter("/api/v1/orgs", "under")?["format"] as? String == "uuid")
            #expect(parameter("/api/v1/budget-objects", "under")?["pattern"] as? String == "^[A-Za-z0-9._-]+$")
            #expect((parameter("/api/v1/budget-objects", "state")?["enum"] as? [String])?.contains("departmentApproved") == true)
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
            let userUpdate = try #require(schemas["UserUpdate"]?["properties"] as? [String: [String: Any]])
            #expect(userUpdate["displayName"]?["type"] as? [String] == ["string", "null"], "PATCH fields accept null")
            let roleEnum = ((schemas["UserCreate"]?["properties"] as? [String: [String: Any]])?["roles"]?["items"] as? [String: Any])?["enum"] as? [String]
            #expect(Set(roleEnum ?? []) == Set(Role.allCases.map(\.rawValue)))
            let create = try #require(schemas["BudgetObjectCreate"]?["properties"] as? [String: [String: Any]])
            #expect(create["name"]?["maxLength"] as? Int == InputLimits.name && create["kind"]?["enum"] != nil)
            // A wrong media type is answered 415 as described.
            let api = try await APIClient.signIn(app, "admin", adminPassword)
            let wrongType = try await api.send(.POST, "/api/v1/orgs", body: ByteBuffer(string: "code=x"), contentType: .plainText)
            #expect(wrongType.status == .unsupportedMediaType, "\(wrongType.status)")
        }
    }

    @Test("methods the system never serves answer 405", arguments: TestDatabase.all)
    func trace(database: TestDatabase) async throws {
        try await withJixiao(database, demo: false) { app in
            for path in ["/", "/api/v1/orgs", "/signin"] {
                let response = try await app.testing().sendRequest(.TRACE, path)
                #expect(response.status == .methodNotAllowed, "TRACE \(path)")
                #expect(response.headers.first(name: .allow) != nil)
            }
        }
    }

    @Test("API errors are JSON with a stable code", arguments: TestDatabase.all)
    func apiErrors(database: TestDatabase) async throws {
        try await withJixiao(database, demo: false) { app in
            let anonymous = APIClient(app: app)
            let unauthenticated = try await anonymous.send(.GET, "/api/v1/users")
            #expect(unauthenticated.status == .unauthorized)
            #expect(anonymous.errorCode(unauthenticated) == "unauthenticated")
            var forged = APIClient(app: app)
            forged.token = "not-a-real-token"
            let invalid = try await forged.send(.GET, "/api/v1/orgs")
            #expect(invalid.status == .unauthorized)
            #expect(forged.errorCode(invalid) == "invalid_token")
            let wrong = try await anonymous.send(.POST, "/api/v1/tokens", json: ["username": "admin", "password": "nope-nope-1"])
            #expect(wrong.status == .unauthorized)
            #expect(anonymous.errorCode(wrong) == "bad_credentials")
        }
    }

    @Test("tokens can be revoked and expire", arguments: TestDatabase.all)
    func tokenLifecycle(database: TestDatabase) async throws {
        try await withJixiao(database, demo: false) { app in
            let client = try await APIClient.signIn(app, "admin", adminPassword)
            #expect(try await client.send(.GET, "/api/v1/me").status == .ok)
            #expect(try await client.send(.DELETE, "/api/v1/tokens/current").status == .noContent)
            #expect(try await client.send(.GET, "/api/v1/me").status == .unauthorized)
            let second = try await APIClient.signIn(app, "admin", adminPassword)
            try await APITokenModel.query(on: app.db).set(\.$expiresAt, to: Date().addingTimeInterval(-60)).update()
            #expect(try await second.send(.GET, "/api/v1/me").status == .unauthorized)
            let stored = try await APITokenModel.query(on: app.db).all()
            #expect(stored.allSatisfy { $0.tokenHash.count == 64 && $0.tokenHash != second.token }, "only digests are stored")
            #expect(try await refusalCount(app, "auth.token_rejected") == 2)
        }
    }

    @Test("navigation shows only what the role may use", arguments: TestDatabase.all)
    func navigationByRole(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let expert = Browser(app)
            try await expert.signIn("expert", DemoData.password)
            let page = try await expert.get("/").body.string
            #expect(!page.contains("/think-tank"), "the libraries are their managers'; an expert reaches only the work drawn for")
            #expect(!page.contains("href=\"/goals\"") && !page.contains("href=\"/users\"") && !page.contains("href=\"/audit\""))
            #expect(try await expert.get("/goals").status == .notFound)
            #expect(try await expert.get("/evaluation/self").status == .notFound, "self-evaluation is the units' and finance's, not an expert's")
            #expect(try await expert.get("/think-tank/experts").status == .forbidden)
            let officer = Browser(app)
            try await officer.signIn("perf-officer", DemoData.password)
            #expect(try await officer.get("/").body.string.contains("href=\"/think-tank/experts\""))
            let placeholder = try await officer.get("/results")
            #expect(placeholder.status == .ok && placeholder.body.string.contains("尚未开放"))
            let admin = Browser(app)
            try await admin.signIn("province-admin", DemoData.password)
            let adminPage = try await admin.get("/").body.string
            #expect(adminPage.contains("href=\"/users\"") && !adminPage.contains("href=\"/audit\""))
            let auditor = Browser(app)
            try await auditor.signIn("audit-officer", DemoData.password)
            let auditorPage = try await auditor.get("/").body.string
            #expect(auditorPage.contains("href=\"/audit\"") && !auditorPage.contains("href=\"/goals\""))
            let tree = try await admin.get("/orgs").body.string
            #expect(tree.contains("江南省财政厅") && tree.contains("临江市财政局") && tree.contains("江南省教育厅"))
        }
    }
}
