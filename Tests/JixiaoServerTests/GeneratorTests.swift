import Fluent
import SQLKit
import Testing
import Vapor
@testable import JixiaoServer
import JixiaoDomain

@Suite("Synthetic hierarchy generator")
struct GeneratorTests {
    @Test func provincePlanHasTheAdvertisedShape() throws {
        let rows = Array(SyntheticHierarchy(plan: .province, codePrefix: "GP"))
        let bureaus = rows.filter { $0.kind == .financeBureau }
        #expect(bureaus.count == 1 + 16 + 100)
        #expect((4_500...5_500).contains(rows.count - bureaus.count), "about 5,000 departments and units")
        #expect(Set(rows.map(\.code)).count == rows.count)
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0) })
        for row in rows.dropFirst() {
            let parent = try #require(row.parentID.flatMap { byID[$0] })
            #expect(row.path == parent.path.appending(row.id))
        }
    }

    @Test("generate writes the county into the database and adopts the placeholder bureau", arguments: TestDatabase.all)
    func generateCounty(database: TestDatabase) async throws {
        try await withJixiao(database, demo: false) { app in
            let result = try await Generator.run(plan: .county, on: app.db, threadPool: app.threadPool, bcryptCost: 4) { _ in }
            #expect(result.organizations == 1 + 60 + 300)
            #expect(try await organizationCount(app) == result.organizations, "the placeholder bureau became the generated county")
            #expect(try await UserModel.query(on: app.db).count() == 1 + 1_000)
            let admin = try await APIClient.signIn(app, "admin", adminPassword)
            let listed = try await admin.send(.GET, "/api/v1/orgs?per=1")
            #expect(try listed.content.decode(PageDTO<OrganizationDTO>.self).total == result.organizations)
            await #expect(throws: GeneratorError.self) {
                _ = try await Generator.run(plan: .county, on: app.db, threadPool: app.threadPool, bcryptCost: 4) { _ in }
            }
            #expect(try await AuditTrail.verify(on: app.db).problem == nil)
        }
    }
}

@Suite("Synthetic goals")
struct GoalGeneratorTests {
    @Test("every department and unit of the generated county declares its projects", arguments: TestDatabase.all)
    func county(database: TestDatabase) async throws {
        try await withJixiao(database, demo: false) { app in
            _ = try await Generator.run(plan: .county, on: app.db, threadPool: app.threadPool, bcryptCost: 4) { _ in }
            let result = try await GoalGenerator.run(prefix: "GC", perOrganization: 2, fiscalYear: 2027, on: app.db) { _ in }
            #expect(result.projects == 360 * 2)
            #expect(result.indicators == result.projects * GoalGenerator.templates[0].count)
            #expect(try await BudgetObjectModel.query(on: app.db).count() == result.projects)
            #expect(try await currentVersionMismatches(app).isEmpty)
            // Every generated goal passes validation: the generator writes what a careful filer would.
            let goals = try await GoalBench.departmentGoals("GC-D001", fiscalYear: 2027, on: app.db)
            #expect(goals.count == 6 * 2)
            #expect(goals.allSatisfy { GoalValidation.validate($0).isEmpty }, "\(goals.map { GoalValidation.validate($0) }.first { !$0.isEmpty } ?? [])")
            #expect(try await AuditTrail.verify(on: app.db).problem == nil)
        }
    }
}
