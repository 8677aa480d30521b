import Vapor

extension Capability {
    /// 运行监控 — rounds over released goals, fund execution, goal progress, warnings with their arithmetic, the task
    /// workflow. (Pages, treasury import, dispositions, dashboards, forms and the demo round follow in later stages.)
    static let monitoring = Capability(
        name: "monitoring",
        migrations: [CreateMonitoring()],
        apiEndpoints: MonitoringAPI.endpoints,
        apiSchemas: MonitoringAPI.schemas,
        jobs: [MonitoringRounds.openJob, TreasuryImport.jobKind]
    )
}
