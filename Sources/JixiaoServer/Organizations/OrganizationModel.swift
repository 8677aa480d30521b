import Fluent
import JixiaoDomain
import Foundation

/// 组织机构 — a finance bureau, department, unit or agency, stored with its materialized path.
final class OrganizationModel: Model, @unchecked Sendable {
    static let schema = "organizations"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    /// The bureau's own level, or the level inherited from the nearest bureau above.
    @OptionalField(key: "level") var level: Int?
    @OptionalField(key: "parent_id") var parentID: UUID?
    @Field(key: "path") var path: String
    @Field(key: "depth") var depth: Int
    @Field(key: "is_active") var isActive: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(id: UUID, code: String, name: String, kind: OrganizationKind, level: AdministrativeLevel?, parentID: UUID?, path: HierarchyPath) {
        self.id = id; self.code = code; self.name = name; self.kind = kind.rawValue; self.level = level?.rawValue
        self.parentID = parentID; self.path = path.rawValue; self.depth = path.depth; self.isActive = true
    }

    var organizationKind: OrganizationKind { OrganizationKind(rawValue: kind) ?? .unit }
    var administrativeLevel: AdministrativeLevel? { level.flatMap(AdministrativeLevel.init(rawValue:)) }
    var hierarchyPath: HierarchyPath { HierarchyPath(rawValue: path) }
    var parentFacts: ParentFacts { ParentFacts(kind: organizationKind, level: administrativeLevel, isActive: isActive) }
    var accessTarget: AccessTarget { AccessTarget(organizationID: id!, organizationPath: hierarchyPath) }

    /// A one-line description for the audit trail.
    var auditSummary: String {
        "code=\(code) name=\(name) kind=\(kind) level=\(level.map(String.init) ?? "-") parent=\(parentID?.uuidString.lowercased() ?? "-") active=\(isActive)"
    }
}
