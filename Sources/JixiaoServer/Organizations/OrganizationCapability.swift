import Vapor

extension Capability {
    /// 组织机构 — the tree of finance bureaus, departments, units and agencies.
    static let organizations = Capability(
        name: "organizations",
        migrations: [CreateOrganizations()],
        pages: { try $0.register(collection: OrganizationController()) },
        apiEndpoints: OrganizationAPI.endpoints,
        apiSchemas: OrganizationAPI.schemas,
        navigation: [NavigationEntry(section: .admin, path: OrganizationRoute.list().url, title: .navOrganizations,
                                     summary: .adminOrganizationsSummary, requiredAction: .viewOrganization)],
        workbench: { user, db, t in try await OrganizationWorkbench.tiles(for: user, on: db, t) },
        demo: { demo in
            let created = try await OrganizationDemo.load(on: demo.database)
            return "Demo organizations: \(created) added (existing ones kept)."
        }
    )
}
