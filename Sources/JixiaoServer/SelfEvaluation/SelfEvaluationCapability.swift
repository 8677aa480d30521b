import Vapor

extension Capability {
    /// 单位自评 — the self-evaluation of a fiscal year: one form per released object pre-filled from the goal in force and
    /// the last monitoring round, scored by the fixed rule with every deduction explained, the quality checks, the
    /// workflow unit → department → finance, the rules per bureau and year, the demo year.
    static let selfEvaluation = Capability(
        name: "self-evaluation",
        migrations: [CreateSelfEvaluation(), AddReevaluation(), AddSelfEvaluationOverviewIndex(), AddSelfEvaluationPackedRows(), AddSelfEvaluationCompactRows()],
        pages: { pages in try pages.register(collection: SelfEvaluationController()) },
        apiEndpoints: SelfEvaluationAPI.endpoints + ReevaluationAPI.endpoints,
        apiSchemas: SelfEvaluationAPI.schemas + ReevaluationAPI.schemas,
        navigation: [NavigationEntry(section: .evaluation, path: SelfEvaluationRoute.years().url, title: .navSelfEvaluation,
                                     summary: .sectionSelfEvaluationSummary, requiredAction: .viewBudget, alternativeActions: [.reevaluate])],
        workbench: { user, db, t in try await SelfEvaluationWorkbench.tiles(for: user, on: db, t) },
        demo: { demo in try await SelfEvaluationDemo.load(demo) },
        jobs: [SelfEvaluationYears.openJob, SelfEvaluationImport.jobKind, SelfEvaluationYearCheck.jobKind]
    )
}
