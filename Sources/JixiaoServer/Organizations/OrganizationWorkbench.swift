import Fluent
import JixiaoDomain

/// 组织机构 on the workbench: the first steps of a new installation while they are open — rename the bureau created
/// on first start, build the organisation tree or import it.
enum OrganizationWorkbench {
    static func tiles(for user: SignedInUser, on db: any Database, _ t: Localizer) async throws -> [WorkbenchTile] {
        guard Authorization.mayEver(user.actor, .manageOrganization) else { return [] }
        let scope = Authorization.scope(user.actor, .manageOrganization)
        var tiles: [WorkbenchTile] = []
        if let placeholder = try await OrganizationModel.query(on: db).filter(scope: scope).filter(\.$code == Bootstrap.rootCode).first() {
            tiles.append(WorkbenchTile(kind: .setup, title: t(.setupRename), detail: t(.firstStepsRename),
                                       link: OrganizationRoute.show(.value(placeholder.id!)).url))
        }
        // A tree of one organisation (the person's own) has not been built yet.
        if try await OrganizationModel.query(on: db).filter(scope: scope).count() <= 1 {
            tiles.append(WorkbenchTile(kind: .setup, title: t(.setupTree), detail: t(.setupTreeDetail), link: OrganizationRoute.new().url))
            tiles.append(WorkbenchTile(kind: .setup, title: t(.firstStepsImportLink), detail: t(.setupImportDetail), link: OrganizationRoute.importFile.url))
        }
        return tiles
    }
}
