import Foundation
import Testing
import Vapor
import VaporTesting
@testable import JixiaoServer

/// Time comes from the application's effects, so a test can move it: sessions end when their time is up.
@Suite("A fixed clock")
struct ClockTests {
    @Test("a session ends when the clock passes its lifetime, not before", arguments: TestDatabase.all)
    func sessionsFollowTheClock(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            // setup
            let browser = Browser(app)
            try await browser.signIn("unit-officer", DemoData.password)
            #expect(try await browser.get("/goals").status == .ok)
            let start = Date()
            // act: an hour later the session still holds (and slides); past its lifetime after that it is gone
            app.effects = app.effects.fixed(now: start.addingTimeInterval(3600))
            #expect(try await browser.get("/goals").status == .ok)
            app.effects = app.effects.fixed(now: start.addingTimeInterval(3600 + app.jixiao.sessionLifetime + 60))
            let later = try await browser.get("/goals")
            // check
            #expect(later.status == .seeOther && later.headers.first(name: .location)?.hasPrefix("/signin") == true,
                    "\(later.status) \(later.headers.first(name: .location) ?? "-")")
        }
    }
}
