import Vapor

extension Capability {
    /// 运行监控 — rounds over released goals, fund execution, goal progress, warnings with their arithmetic, the task
    /// workflow, dispositions, dashboards, the monitoring form and report, the list to fill offline, the demo round, the bench.
    static let monitoring = Capability(
        name: "monitoring",
        migrations: [CreateMonitoring(), AddRoundDeadlineScan(), AddTaskListOrder(), AddRoundTally(), AddProgressMisses(), AddScanIndexes(), AddTallyDelta()],
        pages: { pages in try pages.register(collection: MonitoringController()) },
        apiEndpoints: MonitoringAPI.endpoints,
        apiSchemas: MonitoringAPI.schemas,
        navigation: [NavigationEntry(section: .monitoring, path: MonitoringRoute.rounds().url, title: .navMonitoring,
                                     summary: .sectionMonitoringSummary, requiredAction: .viewBudget)],
        demo: { demo in try await MonitoringDemo.load(demo) },
        jobs: [MonitoringRounds.openJob, TreasuryImport.jobKind, MonitoringDeadlineScan.job]
    )
}
