import Vapor

extension Capability {
    /// 目标管理 — budget objects, performance goals and their indicators, the library, review and release, exchange.
    static let goals = Capability(
        name: "goals",
        migrations: [CreateGoals(), CreateIndicatorLibrary(), AddCurrentGoalVersion(), CreateImportJobs(), AddRegionalGoals(),
                     AddImportJobOutcome(), MoveImportJobsToJobs()],
        pages: { pages in
            try pages.register(collection: GoalController())
            try pages.register(collection: LibraryController())
        },
        apiEndpoints: GoalAPI.endpoints,
        apiSchemas: GoalAPI.schemas,
        navigation: [NavigationEntry(section: .goals, path: GoalRoute.list().url, title: .navGoals,
                                     summary: .sectionGoalsSummary, requiredAction: .viewBudget)],
        workbench: { user, db, t in try await GoalWorkbench.tiles(for: user, on: db, t) },
        demo: { demo in
            let created = try await DemoGoals.load(on: demo.database)
            return "Demo goals: \(created) budget objects for \(DemoGoals.fiscalYear) added."
        },
        jobs: [ImportJobService.jobKind]
    )
}
