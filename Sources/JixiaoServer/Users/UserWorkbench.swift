import Fluent
import JixiaoDomain

/// 用户 on the workbench: while nobody but the administrator has an account in its reach, the first step of opening
/// accounts (business staff, an audit officer and a security officer held by other people).
enum UserWorkbench {
    static func tiles(for user: SignedInUser, on db: any Database, _ t: Localizer) async throws -> [WorkbenchTile] {
        guard Authorization.mayEver(user.actor, .manageUser) else { return [] }
        let others = try await UserModel.query(on: db)
            .join(OrganizationModel.self, on: \UserModel.$organization.$id == \OrganizationModel.$id)
            .filter(scope: Authorization.scope(user.actor, .manageUser))
            .filter(\.$id != user.userID)
            .count()
        guard others == 0 else { return [] }
        return [WorkbenchTile(kind: .setup, title: t(.setupAccounts), detail: t(.firstStepsAccounts), link: UserRoute.new().url)]
    }
}
