import Fluent
import Foundation
import Plot
import Testing
import Vapor
import VaporTesting
@testable import JixiaoServer

@Suite("Long lists come in pages")
struct PagingTests {
    @Test("the API goal list pages through every goal once, with the total", arguments: TestDatabase.all)
    func apiPages(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            // setup
            _ = try await DemoGoals.load(on: app.db)
            let client = try await APIClient.signIn(app, "perf-officer", DemoData.password)
            let year = DemoGoals.fiscalYear
            // act: one page of everything, then pages of 7
            let all = try await client.send(.GET, "/api/v1/budget-objects?year=\(year)&per=1000").content.decode(GoalQueueDTO.self)
            var seen: [UUID] = []
            var page = 1
            while true {
                let part = try await client.send(.GET, "/api/v1/budget-objects?year=\(year)&per=7&page=\(page)").content.decode(GoalQueueDTO.self)
                #expect(part.total == all.total && part.per == 7 && part.page == page)
                if part.items.isEmpty { break }
                #expect(part.items.count <= 7)
                seen += part.items.map(\.objectID)
                page += 1
            }
            // check
            #expect(all.total == all.items.count && all.total > 7)
            #expect(seen == all.items.map(\.objectID), "pages in the same order as the whole list, nothing twice")
            // A page number far past the end is an empty page, not an overflow.
            let far = try await client.send(.GET, "/api/v1/budget-objects?year=\(year)&page=9223372036854775807")
            let farItems = try far.content.decode(GoalQueueDTO.self).items
            #expect(far.status == .ok && farItems.isEmpty)
            #expect(try await client.send(.GET, "/api/v1/orgs?page=9223372036854775807").status == .ok)
            let browser = Browser(app)
            try await browser.signIn("perf-officer", DemoData.password)
            #expect(try await browser.get("/goals?all=1&page=9223372036854775807").status == .ok)
            let bad = try await client.send(.GET, "/api/v1/budget-objects?year=\(year)&per=many")
            #expect(bad.status == .badRequest && bad.body.string.contains("per"))
        }
    }

    @Test("the pager says where the list stands and links its neighbours")
    func pager() {
        let t = Localizer(locale: .zhHans)
        let middle = Components.pager(page: 2, per: 50, total: 130, t) { "/goals?page=\($0)" }.render()
        #expect(middle.contains("第 51–100 条，共 130 条"))
        #expect(middle.contains("href=\"/goals?page=1\"") && middle.contains("href=\"/goals?page=3\""))
        let last = Components.pager(page: 3, per: 50, total: 130, t) { "/goals?page=\($0)" }.render()
        #expect(last.contains("第 101–130 条") && !last.contains("page=4"))
        #expect(Components.pager(page: 1, per: 50, total: 12, t) { _ in "" }.render().isEmpty, "a short list has no pager")
        let english = Components.pager(page: 1, per: 50, total: 51, Localizer(locale: .en)) { "/goals?page=\($0)" }.render()
        #expect(english.contains("1–50 of 51") && english.contains("Next"))
    }
}
