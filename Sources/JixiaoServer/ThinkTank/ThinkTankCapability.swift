import Vapor

extension Capability {
    /// 智库 — a finance bureau's libraries of experts, agencies and supervisors; reproducible, conflict-free draws into
    /// key-evaluation teams (being drawn is being on the team, with exactly the access key evaluations give); ratings
    /// after the work and the dynamic management they lead to; quality reviews of agencies' reports and their notice.
    static let thinkTank = Capability(
        name: "think-tank",
        migrations: [CreateThinkTanks()],
        publicRoutes: { routes in try routes.register(collection: ThinkTankPublicController()) },
        pages: { pages in try pages.register(collection: ThinkTankController()) },
        apiEndpoints: ThinkTankAPI.endpoints,
        apiSchemas: ThinkTankAPI.schemas,
        navigation: [NavigationEntry(section: .thinkTank, path: ThinkTankRoute.experts().url, title: .thinkTankExpertsTitle,
                                     summary: .sectionThinkTankSummary, requiredAction: .viewThinkTank),
                     NavigationEntry(section: .thinkTank, path: ThinkTankRoute.agencies().url, title: .thinkTankAgenciesTitle,
                                     summary: .thinkTankAgenciesNavSummary, requiredAction: .viewThinkTank),
                     NavigationEntry(section: .thinkTank, path: ThinkTankRoute.supervisors().url, title: .thinkTankSupervisorsTitle,
                                     summary: .thinkTankSupervisorsNavSummary, requiredAction: .viewThinkTank),
                     NavigationEntry(section: .thinkTank, path: ThinkTankRoute.reviews().url, title: .thinkTankReviewsTitle,
                                     summary: .thinkTankReviewsNavSummary, requiredAction: .manageThinkTank)],
        demo: { demo in try await ThinkTankDemo.load(demo) },
        teamJoining: { change, db in try await ThinkTankDraws.joining(change, on: db) },
        teamLeft: { change, db in try await ThinkTankDraws.left(change, on: db) },
        entrustmentRefusal: { evaluation, organizationID, db in try await ThinkTankDraws.entrustmentRefusal(of: organizationID, for: evaluation, on: db) }
    )
}
