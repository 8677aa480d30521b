import Vapor

extension Capability {
    /// 重点评价 — key evaluations by finance bureaus and departments: choosing objects with the rules they meet and the
    /// coverage reached, the plan and its approval, the framework from a template with the object's goal pulled in,
    /// the team (which gives experts and agency evaluators access to exactly that evaluation), independent scoring.
    static let keyEvaluation = Capability(
        name: "key-evaluation",
        migrations: [CreateKeyEvaluations(), AddKeyEvaluationEvidence(), AddKeyEvaluationSurveys(), AddKeyEvaluationReports(),
                     AddKeyEvaluationTemplates()],
        publicRoutes: { routes in try routes.register(collection: PublicSurveyController()) },
        pages: { pages in try pages.register(collection: KeyEvaluationController()) },
        apiEndpoints: KeyEvaluationAPI.endpoints,
        apiSchemas: KeyEvaluationAPI.schemas,
        navigation: [NavigationEntry(section: .evaluation, path: KeyEvaluationRoute.list().url, title: .navKeyEvaluation,
                                     summary: .sectionKeyEvaluationSummary, requiredAction: .runKeyEvaluation,
                                     alternativeActions: [.scoreKeyEvaluation, .viewAssignedWork])],
        workbench: { user, db, t in try await KeyEvaluationWorkbench.tiles(for: user, on: db, t) },
        demo: { demo in try await KeyEvaluationDemo.load(demo) },
        objectReaders: { objectID, db in try await KeyEvaluationQueries.teamMembers(of: objectID, on: db) }
    )
}
