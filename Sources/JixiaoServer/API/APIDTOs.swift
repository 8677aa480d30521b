import Vapor
import JixiaoDomain

struct OrganizationDTO: Content {
    var id: UUID
    var code: String
    var name: String
    var kind: String
    var level: String?
    var parentID: UUID?
    var path: String
    var depth: Int
    var isActive: Bool

    init(_ model: OrganizationModel) {
        id = model.id!; code = model.code; name = model.name; kind = model.kind
        level = model.administrativeLevel?.key; parentID = model.parentID; path = model.path
        depth = model.depth; isActive = model.isActive
    }
}

struct UserDTO: Content {
    var id: UUID
    var username: String
    var displayName: String
    var organizationID: UUID
    var organizationCode: String?
    var roles: [String]
    var isActive: Bool
    var mustChangePassword: Bool

    init(_ model: UserModel) {
        id = model.id!; username = model.username; displayName = model.displayName
        organizationID = model.$organization.id; organizationCode = model.$organization.value?.code
        roles = model.roleSet.map(\.rawValue).sorted(); isActive = model.isActive; mustChangePassword = model.mustChangePassword
    }
}

struct PageDTO<Item: Content>: Content {
    var items: [Item]
    var page: Int
    var per: Int
    var total: Int
}

struct TokenRequest: Content { var username: String; var password: String; var name: String? }
struct TokenResponse: Content { var token: String; var tokenType: String; var expiresAt: Date }
struct OrganizationCreateRequest: Content { var code: String; var name: String; var kind: String; var level: String?; var parentCode: String }
struct OrganizationUpdateRequest: Content { var code: String?; var name: String?; var level: String?; var isActive: Bool? }
struct MoveRequest: Content { var parentCode: String }
struct ImportResponse: Content {
    var imported: Int
    var created: [String]?
    var updated: [String]?
    var unchanged: [ImportOutcome.Unchanged]?
}
struct ImportJobDTO: Content {
    var id: UUID, fileName: String, phase: String, done: Int, total: Int?, percent: Int, imported: Int?
    var error: APIErrorBody.Body?

    init(_ status: ImportJobStatus, localizer: Localizer) {
        id = status.id; fileName = status.fileName; phase = status.progress.phase.rawValue; done = status.progress.done
        total = status.progress.total; percent = status.progress.percent; imported = status.imported
        error = status.error.map { APIErrorBody($0, localizer: localizer).error }
    }
}
struct UserCreateRequest: Content { var username: String; var displayName: String; var organizationCode: String; var roles: [String]; var password: String? }
struct UserCreateResponse: Content { var user: UserDTO; var oneTimePassword: String? }
struct UserUpdateRequest: Content { var displayName: String?; var organizationCode: String?; var roles: [String]?; var isActive: Bool? }
struct PasswordResetResponse: Content { var oneTimePassword: String }
struct ListQuery: Content { var under: UUID?; var q: String?; var kind: String?; var page: Int?; var per: Int? }
