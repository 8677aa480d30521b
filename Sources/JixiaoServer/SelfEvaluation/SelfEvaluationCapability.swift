import Vapor

extension Capability {
    /// 单位自评 — the self-evaluation of a fiscal year: one form per released object pre-filled from the goal in force and
    /// the last monitoring round, scored by the fixed rule with every deduction explained, the quality checks, the
    /// workflow unit → department → finance, the rules per bureau and year, the demo year.
    static let selfEvaluation = Capability(
        name: "self-evaluation",
        migrations: [CreateSelfEvaluation()],
        apiEndpoints: SelfEvaluationAPI.endpoints,
        apiSchemas: SelfEvaluationAPI.schemas,
        jobs: [SelfEvaluationYears.openJob]
    )
}
