import Vapor

extension Capability {
    /// 审计日志 — the keyed, hash-chained trail and the refusals it counts.
    static let audit = Capability(
        name: "audit",
        migrations: [CreateAuditTrail(), AddAuditKeyCheck()],
        pages: { try $0.register(collection: AuditController()) },
        navigation: [NavigationEntry(section: .admin, path: AuditRoute.list().url, title: .navAudit,
                                     summary: .adminAuditSummary, requiredAction: .viewAudit)],
        commands: [("audit", AuditCommand())],
        lifecycle: [RefusalFlusher()]
    )
}
