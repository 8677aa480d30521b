import Fluent
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import JixiaoServer

@Suite("Sign-in, sessions, CSRF and throttling")
struct SignInTests {
    @Test("administrator signs in and out", arguments: TestDatabase.all)
    func signInAndOut(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let browser = Browser(app)
            // setup / act
            let signedIn = try await browser.signIn("admin", adminPassword)
            // check
            #expect(signedIn.status == .seeOther)
            #expect(browser.cookies[Cookies.session] != nil)
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.body.string.contains("工作台"))
            #expect(home.body.string.contains("系统管理"))
            try await browser.post("/signout", [:])
            let after = try await browser.get("/")
            #expect(after.status == .seeOther)
            #expect(after.headers.first(name: .location)?.hasPrefix("/signin") == true)
            #expect(try await auditActions(app).contains("auth.signed_out"))
        }
    }

    @Test("wrong password is refused and audited", arguments: TestDatabase.all)
    func wrongPassword(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let browser = Browser(app)
            let response = try await browser.signIn("admin", "wrong-password-1")
            #expect(response.status == .unauthorized)
            #expect(response.body.string.contains("用户名或密码不正确"))
            #expect(browser.cookies[Cookies.session] == nil)
            let unknown = try await browser.signIn("nobody", "wrong-password-1")
            #expect(unknown.status == .unauthorized)
            let actions = try await auditActions(app)
            #expect(actions.filter { $0 == "auth.signin_failed" }.count == 2)
        }
    }

    @Test("five failures lock the account, from any address", arguments: TestDatabase.all)
    func throttlePerAccount(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            for attempt in 1...5 {
                let browser = Browser(app, address: "192.0.2.\(attempt)")
                #expect(try await browser.signIn("perf-officer", "not-the-password-\(attempt)").status == .unauthorized)
            }
            // Even the right password is refused now, from yet another address.
            let browser = Browser(app, address: "198.51.100.7")
            let locked = try await browser.signIn("perf-officer", DemoData.password)
            #expect(locked.status == .tooManyRequests)
            #expect(locked.body.string.contains("登录失败次数过多"))
            #expect(browser.cookies[Cookies.session] == nil)
            // Another account is unaffected.
            #expect(try await Browser(app, address: "198.51.100.7").signIn("supervisor", DemoData.password).status == .seeOther)
            #expect(try await refusalCount(app, "auth.signin_throttled") >= 1)
        }
    }

    @Test("five failures from one address lock that address", arguments: TestDatabase.all)
    func throttlePerAddress(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let browser = Browser(app, address: "203.0.113.9")
            for name in ["expert", "supervisor", "dept-officer", "unit-officer", "budget-officer"] {
                #expect(try await browser.signIn(name, "guessing-1234").status == .unauthorized)
            }
            #expect(try await browser.signIn("city-perf", DemoData.password).status == .tooManyRequests)
            #expect(try await Browser(app, address: "203.0.113.10").signIn("city-perf", DemoData.password).status == .seeOther)
            // The API token endpoint shares the same throttle.
            var api = APIClient(app: app)
            api.address = "203.0.113.9"
            let response = try await api.send(.POST, "/api/v1/tokens", json: ["username": "city-perf", "password": DemoData.password])
            #expect(response.status == .tooManyRequests)
            #expect(api.errorCode(response) == "throttled")
        }
    }

    @Test("a form without its CSRF token changes nothing", arguments: TestDatabase.all)
    func csrfRejected(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let browser = Browser(app)
            try await browser.signIn("province-admin", DemoData.password)
            try await browser.get("/orgs/new")
            let before = try await organizationCount(app)
            let form = ["parent_code": "990000", "kind": "department", "code": "990000-199", "name": "江南省审计厅"]
            let missing = try await browser.post("/orgs/new", form, csrf: .some(nil))
            #expect(missing.status == .forbidden)
            let forged = try await browser.post("/orgs/new", form, csrf: "forged-token")
            #expect(forged.status == .forbidden)
            #expect(try await organizationCount(app) == before)
            #expect(try await refusalCount(app, "auth.csrf_rejected") == 2)
            // The sign-in form is protected too.
            let anonymous = Browser(app)
            #expect(try await anonymous.post("/signin", ["username": "admin", "password": adminPassword], csrf: .some(nil)).status == .forbidden)
            // With the token it works.
            #expect(try await browser.post("/orgs/new", form).status == .seeOther)
            #expect(try await organizationCount(app) == before + 1)
        }
    }

    @Test("forged and expired sessions are refused and audited", arguments: TestDatabase.all)
    func forgedSession(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let browser = Browser(app)
            browser.cookies[Cookies.session] = "forged-session-token"
            let forged = try await browser.get("/orgs")
            #expect(forged.status == .seeOther)
            #expect(browser.cookies[Cookies.session] == nil, "the bad cookie is cleared")
            try await browser.signIn("supervisor", DemoData.password)
            try await SessionModel.query(on: app.db).set(\.$expiresAt, to: Date().addingTimeInterval(-1)).update()
            #expect(try await browser.get("/orgs").status == .seeOther)
            #expect(try await refusalCount(app, "auth.session_rejected") == 2)
            // Another person's expired session is swept at the next successful sign-in.
            let other = Browser(app, address: "192.0.2.77")
            try await other.signIn("expert", DemoData.password)
            try await SessionModel.query(on: app.db).set(\.$expiresAt, to: Date().addingTimeInterval(-1)).update()
            try await Browser(app).signIn("dept-officer", DemoData.password)
            #expect(try await SessionModel.query(on: app.db).filter(\.$expiresAt < Date()).count() == 0)
        }
    }

    @Test("a one-time password must be changed before anything else", arguments: TestDatabase.all)
    func mustChangePassword(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let admin = try await APIClient.signIn(app, "province-admin", DemoData.password)
            let created = try await admin.send(.POST, "/api/v1/users", json: [
                "username": "wang.fang", "displayName": "王芳", "organizationCode": "990000-102-01", "roles": ["unit_officer"]])
            #expect(created.status == .created)
            let oneTime = try created.content.decode(UserCreateResponse.self).oneTimePassword
            let password = try #require(oneTime)
            let tokenAttempt = try await APIClient(app: app).send(.POST, "/api/v1/tokens", json: ["username": "wang.fang", "password": password])
            #expect(tokenAttempt.status == .forbidden)
            let browser = Browser(app)
            #expect(try await browser.signIn("wang.fang", password).headers.first(name: .location) == "/account/password")
            #expect(try await browser.get("/orgs").headers.first(name: .location) == "/account/password")
            try await browser.get("/account/password")
            let weak = try await browser.post("/account/password", ["current": password, "new": "short1", "confirm": "short1"])
            #expect(weak.status == .unprocessableEntity)
            #expect(weak.body.string.contains("密码至少 10 个字符"))
            try await browser.get("/account/password")
            let changed = try await browser.post("/account/password", ["current": password, "new": "Wangfang2026", "confirm": "Wangfang2026"])
            #expect(changed.status == .seeOther, "the forced change leads on to the start page")
            #expect(try await browser.get("/orgs").status == .ok)
        }
    }

    @Test("a deactivated account is signed out and cannot sign in", arguments: TestDatabase.all)
    func deactivatedAccount(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let unit = Browser(app)
            try await unit.signIn("unit-officer", DemoData.password)
            #expect(try await unit.get("/").status == .ok)
            let admin = try await APIClient.signIn(app, "province-admin", DemoData.password)
            let user = try #require(try await UserModel.query(on: app.db).filter(\.$username == "unit-officer").first())
            let response = try await admin.send(.PATCH, "/api/v1/users/\(user.id!.uuidString)", json: ["isActive": false])
            #expect(response.status == .ok)
            #expect(try await unit.get("/").status == .seeOther)
            #expect(try await Browser(app).signIn("unit-officer", DemoData.password).status == .unauthorized)
        }
    }

    @Test("pages follow the user's language", arguments: TestDatabase.all)
    func languages(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let browser = Browser(app)
            browser.acceptLanguage = "en-US,en;q=0.9"
            #expect(try await browser.get("/signin").body.string.contains("Sign in"))
            try await browser.signIn("supervisor", DemoData.password)
            let english = try await browser.get("/orgs")
            #expect(english.body.string.contains("Organizations"))
            // Choosing Chinese is remembered for the account, whatever the browser asks for.
            try await browser.post("/locale", ["locale": "zh-Hans", "back": "/orgs"])
            browser.cookies[Cookies.language] = nil
            #expect(try await browser.get("/orgs").body.string.contains("组织机构"))
        }
    }
}
