import Fluent
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import JixiaoServer

@Suite("Organizations: scope, rules, moves, import")
struct OrganizationTests {
    func codes(_ response: TestingHTTPResponse) throws -> [String] {
        try response.content.decode(PageDTO<OrganizationDTO>.self).items.map(\.code)
    }

    @Test("everyone lists only their own subtree", arguments: TestDatabase.all)
    func scopedListing(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let department = try await APIClient.signIn(app, "dept-officer", DemoData.password)
            let listed = try codes(try await department.send(.GET, "/api/v1/orgs"))
            #expect(Set(listed) == ["990000-101", "990000-101-01", "990000-101-02", "990000-101-03"])

            let city = try await APIClient.signIn(app, "city-perf", DemoData.password)
            let cityCodes = try codes(try await city.send(.GET, "/api/v1/orgs?per=1000"))
            #expect(cityCodes.contains("990121-101-01"), "a city bureau sees its counties' units")
            #expect(!cityCodes.contains("990200"), "but not the other city")
            #expect(!cityCodes.contains("990000"))

            let supervisor = try await APIClient.signIn(app, "supervisor", DemoData.password)
            #expect(try codes(try await supervisor.send(.GET, "/api/v1/orgs?per=1000")).count == DemoData.organizations.count)
            // Searching ignores case on both engines; typed wildcards are text.
            #expect(try codes(try await supervisor.send(.GET, "/api/v1/orgs?q=a01")) == ["990000-A01"])
            #expect(try codes(try await supervisor.send(.GET, "/api/v1/orgs?q=%25")).isEmpty, "a typed % is text, not a wildcard")
            #expect(try codes(try await supervisor.send(.GET, "/api/v1/orgs?q=9_0000-a")).isEmpty)
            #expect(try codes(try await supervisor.send(.GET, "/api/v1/orgs?q=%E4%B8%B4%E6%B1%9F")).contains("990100"), "临江")

            let agency = try await APIClient.signIn(app, "agency-evaluator", DemoData.password)
            #expect(try codes(try await agency.send(.GET, "/api/v1/orgs")) == ["990000-A01"])
        }
    }

    @Test("outside the scope is 404, inside without the right is 403, both audited", arguments: TestDatabase.all)
    func refusals(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let otherCity = try #require(try await OrganizationCommands.byCode("990200", on: app.db))
            let ownUnit = try #require(try await OrganizationCommands.byCode("990000-101-01", on: app.db))
            let department = try await APIClient.signIn(app, "dept-officer", DemoData.password)
            let hidden = try await department.send(.GET, "/api/v1/orgs/\(otherCity.id!.uuidString)")
            #expect(hidden.status == .notFound)
            #expect(department.errorCode(hidden) == "not_found")
            let missing = try await department.send(.GET, "/api/v1/orgs/\(UUID().uuidString)")
            #expect(missing.status == .notFound)
            #expect(missing.body.string == hidden.body.string, "an unknown id and a hidden one look the same")

            let unit = try await APIClient.signIn(app, "unit-officer", DemoData.password)
            let forbidden = try await unit.send(.PATCH, "/api/v1/orgs/\(ownUnit.id!.uuidString)", json: ["name": "改名"])
            #expect(forbidden.status == .forbidden)
            let supervisor = try await APIClient.signIn(app, "supervisor", DemoData.password)
            #expect(try await supervisor.send(.PATCH, "/api/v1/orgs/\(ownUnit.id!.uuidString)", json: ["name": "改名"]).status == .forbidden)
            #expect(try await OrganizationModel.find(ownUnit.id, on: app.db)?.name == "江南师范大学")

            let browser = Browser(app)
            try await browser.signIn("dept-officer", DemoData.password)
            #expect(try await browser.get("/orgs/\(otherCity.id!.uuidString)").status == .notFound)
            #expect(try await browser.get("/orgs?under=\(otherCity.id!.uuidString)").status == .notFound)
            #expect(try await refusalCount(app, "access.refused") >= 5)

            let noToken = APIClient(app: app)
            #expect(try await noToken.send(.GET, "/api/v1/orgs").status == .unauthorized)
        }
    }

    @Test("creation follows the hierarchy rules with field errors", arguments: TestDatabase.all)
    func creationRules(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let admin = try await APIClient.signIn(app, "province-admin", DemoData.password)
            func create(_ body: [String: any Sendable]) async throws -> TestingHTTPResponse {
                try await admin.send(.POST, "/api/v1/orgs", json: body)
            }
            let ok = try await create(["code": "990223", "name": "石门县财政局", "kind": "finance_bureau", "level": "county", "parentCode": "990200"])
            #expect(ok.status == .created)
            let dto = try ok.content.decode(OrganizationDTO.self)
            let parent = try #require(try await OrganizationCommands.byCode("990200", on: app.db))
            #expect(dto.path.hasPrefix(parent.path) && dto.depth == parent.depth + 1 && dto.level == "county")

            let skipping = try await create(["code": "990299", "name": "越级县", "kind": "finance_bureau", "level": "county", "parentCode": "990000"])
            #expect(skipping.status == .unprocessableEntity)
            #expect(admin.errorCode(skipping) == "hierarchy_rule")
            let deptUnderDept = try await create(["code": "X1", "name": "部门", "kind": "department", "parentCode": "990000-101"])
            #expect(deptUnderDept.status == .unprocessableEntity)
            let duplicate = try await create(["code": "990223", "name": "重复", "kind": "department", "parentCode": "990200"])
            #expect(duplicate.status == .conflict)
            #expect(admin.errorCode(duplicate) == "code_taken")

            let county = try await APIClient.signIn(app, "county-admin", DemoData.password)
            let outside = try await county.send(.POST, "/api/v1/orgs", json: ["code": "Y1", "name": "外部", "kind": "department", "parentCode": "990200"])
            #expect(outside.status == .unprocessableEntity, "a parent outside the scope is as unknown")

            let browser = Browser(app)
            try await browser.signIn("province-admin", DemoData.password)
            try await browser.get("/orgs/new")
            let page = try await browser.post("/orgs/new", ["parent_code": "990000", "kind": "finance_bureau", "code": "bad code", "name": ""])
            #expect(page.status == .unprocessableEntity)
            let html = page.body.string
            #expect(html.contains("code-error") && html.contains("name-error") && html.contains("level-error"))
        }
    }

    @Test("moving rewrites the whole subtree and refuses cycles", arguments: TestDatabase.all)
    func moves(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let admin = try await APIClient.signIn(app, "province-admin", DemoData.password)
            let county = try #require(try await OrganizationCommands.byCode("990122", on: app.db))
            let moved = try await admin.send(.POST, "/api/v1/orgs/\(county.id!.uuidString)/move", json: ["parentCode": "990200"])
            #expect(moved.status == .ok)
            let newParent = try #require(try await OrganizationCommands.byCode("990200", on: app.db))
            let unit = try #require(try await OrganizationCommands.byCode("990122-101-01", on: app.db))
            #expect(unit.path.hasPrefix(newParent.path))
            #expect(unit.depth == unit.hierarchyPath.depth)
            let cityTwo = try await APIClient.signIn(app, "supervisor", DemoData.password)
            let under = try codes(try await cityTwo.send(.GET, "/api/v1/orgs?under=\(newParent.id!.uuidString)&per=1000"))
            #expect(under.contains("990122-101-02"))

            let department = try #require(try await OrganizationCommands.byCode("990000-101", on: app.db))
            let cycle = try await admin.send(.POST, "/api/v1/orgs/\(department.id!.uuidString)/move", json: ["parentCode": "990000-101-01"])
            #expect(cycle.status == .unprocessableEntity)
            let unitMove = try #require(try await OrganizationCommands.byCode("990000-102-01", on: app.db))
            let underUnit = try await admin.send(.POST, "/api/v1/orgs/\(unitMove.id!.uuidString)/move", json: ["parentCode": "990000-101-01"])
            #expect(underUnit.status == .ok, "a unit may sit under another unit")
            let moveDepartmentAcrossLevels = try await admin.send(.POST, "/api/v1/orgs/\(department.id!.uuidString)/move", json: ["parentCode": "990221"])
            #expect(moveDepartmentAcrossLevels.status == .ok)
            let school = try #require(try await OrganizationCommands.byCode("990000-101-02", on: app.db))
            #expect(school.administrativeLevel == .county, "units inherit the new bureau's level")
            let actions = try await auditActions(app)
            #expect(actions.filter { $0 == "organization.moved" }.count == 3)
        }
    }

    @Test("deactivation needs an empty subtree", arguments: TestDatabase.all)
    func deactivation(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let admin = try await APIClient.signIn(app, "province-admin", DemoData.password)
            let department = try #require(try await OrganizationCommands.byCode("990200-102", on: app.db))
            let refused = try await admin.send(.PATCH, "/api/v1/orgs/\(department.id!.uuidString)", json: ["isActive": false, "name": "改名的交通运输局"])
            #expect(refused.status == .conflict)
            #expect(try await OrganizationCommands.byCode("990200-102", on: app.db)?.name == "青山市交通运输局",
                    "a refused change of state takes the rename with it: nothing half-written")
            let unit = try #require(try await OrganizationCommands.byCode("990200-102-01", on: app.db))
            #expect(try await admin.send(.PATCH, "/api/v1/orgs/\(unit.id!.uuidString)", json: ["isActive": false]).status == .ok)
            #expect(try await admin.send(.PATCH, "/api/v1/orgs/\(department.id!.uuidString)", json: ["isActive": false]).status == .ok)
            let under = try await admin.send(.POST, "/api/v1/orgs", json: ["code": "Z1", "name": "新单位", "kind": "unit", "parentCode": "990200-102"])
            #expect(under.status == .unprocessableEntity)
        }
    }
}

@Suite("Lists obey the reach of each role")
struct OrganizationListReachTests {
    @Test("experts and agencies list only their own organisation", arguments: TestDatabase.all)
    func expertsSeeTheirOwn(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            for (username, own) in [("expert", "江南省财政厅"), ("agency-evaluator", "江南华信绩效评价咨询有限公司")] {
                let api = try await APIClient.signIn(app, username, DemoData.password)
                let page = try await api.send(.GET, "/api/v1/orgs?per=200")
                #expect(page.status == .ok)
                let listed = try page.content.decode(PageDTO<OrganizationDTO>.self)
                #expect(listed.total == 1 && listed.items.map(\.name) == [own], "\(username): \(listed.items.map(\.name))")
                let browser = Browser(app)
                try await browser.signIn(username, DemoData.password)
                let tree = try await browser.get("/orgs").body.string
                #expect(!tree.contains("临江市财政局") && !tree.contains("江南省教育厅"), "\(username) sees only its own record")
                let ownID = try #require(listed.items.first?.id)
                let ownPage = try await browser.get("/orgs/\(ownID)").body.string
                #expect(!ownPage.contains("临江市财政局") && !ownPage.contains("江南省教育厅"), "\(username)'s own page lists no children")
            }
            // A finance officer still sees the whole subtree.
            let officer = try await APIClient.signIn(app, "perf-officer", DemoData.password)
            let all = try await officer.send(.GET, "/api/v1/orgs?per=200").content.decode(PageDTO<OrganizationDTO>.self)
            #expect(all.total > 40)
        }
    }
}
