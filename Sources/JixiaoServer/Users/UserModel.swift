import Fluent
import JixiaoDomain
import Foundation

/// 用户 — a person who signs in, belonging to one organisation.
final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Parent(key: "organization_id") var organization: OrganizationModel
    @Field(key: "password_hash") var passwordHash: String
    @OptionalField(key: "locale") var locale: String?
    @Field(key: "is_active") var isActive: Bool
    @Field(key: "must_change_password") var mustChangePassword: Bool
    @Children(for: \.$user) var roles: [UserRoleModel]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(id: UUID = UUID(), username: String, displayName: String, organizationID: UUID, passwordHash: String, mustChangePassword: Bool) {
        self.id = id; self.username = username; self.displayName = displayName
        self.$organization.id = organizationID; self.passwordHash = passwordHash
        self.isActive = true; self.mustChangePassword = mustChangePassword
    }

    var roleSet: Set<Role> { Set(($roles.value ?? []).compactMap { Role(rawValue: $0.role) }) }

    var auditSummary: String {
        "username=\(username) name=\(displayName) org=\($organization.id.uuidString.lowercased()) roles=\(roleSet.map(\.rawValue).sorted().joined(separator: "+")) active=\(isActive)"
    }
}

/// A role held by a user, bound to the user's organisation.
final class UserRoleModel: Model, @unchecked Sendable {
    static let schema = "user_roles"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "role") var role: String

    init() {}
    init(userID: UUID, role: Role) { self.$user.id = userID; self.role = role.rawValue }
}
