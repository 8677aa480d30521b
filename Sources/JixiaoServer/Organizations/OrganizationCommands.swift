import Fluent
import SQLKit
import Vapor
import JixiaoDomain

/// What a person asks for when creating or changing an organisation, before validation.
struct OrganizationDraft: Sendable {
    var code: String
    var name: String
    var kind: OrganizationKind?
    var level: AdministrativeLevel?
    var parentCode: String
}

/// 组织机构 operations shared by pages, the API and the importer: each validates, authorizes,
/// applies the domain rules and saves together with its audit entry in one transaction.
enum OrganizationCommands {
    /// Loads an organisation the person may see (404 when it is outside their reach).
    static func visible(_ id: UUID, for action: Action = .viewOrganization, by caller: Caller, on db: any Database) async throws -> OrganizationModel {
        guard let organization = try await OrganizationModel.find(id, on: db) else { throw AppError.notFound() }
        try caller.authorize(action, organization.accessTarget)
        return organization
    }

    static func byCode(_ code: String, on db: any Database) async throws -> OrganizationModel? {
        try await OrganizationModel.query(on: db).filter(\.$code == code).first()
    }

    /// 主管部门 of an organisation: the nearest department at or above it on its path (nil for a bureau's own).
    static func nearestDepartment(of path: HierarchyPath, on db: any Database) async throws -> OrganizationModel? {
        let ancestors = try await OrganizationModel.query(on: db).filter(\.$id ~~ path.ids).all()
        return path.ids.reversed().lazy.compactMap { id in ancestors.first { $0.id == id } }.first { $0.organizationKind == .department }
    }

    /// Checks the fields a person typed; every problem is reported at once, next to its field.
    static func validateFields(_ draft: OrganizationDraft) -> [AppError] {
        var errors: [AppError] = []
        if draft.code.isEmpty { errors.append(.invalid("code", Message(.errorRequired))) }
        else if !OrganizationImport.isValidCode(draft.code) { errors.append(.invalid("code", Message(.errorInvalidCode))) }
        if draft.name.isEmpty { errors.append(.invalid("name", Message(.errorRequired))) }
        else if let error = AppError.text(draft.name, field: "name", maximum: OrganizationImport.maximumNameLength) { errors.append(error) }
        if draft.kind == nil { errors.append(.invalid("kind", Message(.errorRequired))) }
        if draft.kind == .financeBureau && draft.level == nil { errors.append(.invalid("level", Message(.errorBureauNeedsLevel))) }
        if draft.parentCode.isEmpty { errors.append(.invalid("parent_code", Message(.errorRequired))) }
        return errors
    }

    static func create(_ draft: OrganizationDraft, by caller: Caller, on db: any Database) async throws -> OrganizationModel {
        var errors = validateFields(draft)
        var parent: OrganizationModel?
        if !draft.parentCode.isEmpty {
            parent = try await byCode(draft.parentCode, on: db)
            if let found = parent, Authorization.decide(try caller.person().actor, .viewOrganization, found.accessTarget) == .conceal {
                parent = nil
            }
            if parent == nil { errors.append(.invalid("parent_code", Message(.errorUnknownParent(draft.parentCode)))) }
        }
        if errors.isEmpty, let holder = try await byCode(draft.code, on: db) {
            errors.append(.taken("code", value: draft.code, holderInReach: caller.reaches(.viewOrganization, holder.accessTarget)))
        }
        if !errors.isEmpty { throw FormErrors(errors: errors) }
        guard let parent, let kind = draft.kind else { throw FormErrors(errors: errors) }
        try caller.authorize(.manageOrganization, parent.accessTarget)

        let level: AdministrativeLevel?
        do { level = try HierarchyRules.validatePlacement(kind: kind, level: draft.level, parent: parent.parentFacts) }
        catch { throw FormErrors(errors: [error.appError]) }

        let id = UUID()
        let organization = OrganizationModel(id: id, code: draft.code, name: draft.name, kind: kind, level: level,
                                             parentID: parent.id, path: parent.hierarchyPath.appending(id))
        try await db.transaction { db in
            try await organization.create(on: db)
            try await AuditTrail.record("organization.created", entityType: "organization", entityID: id.uuidString.lowercased(),
                                        summary: "after: \(organization.auditSummary)", context: caller.audit, on: db)
        }
        return organization
    }

    /// Changes code, name and (for a bureau without lower bureaus) level.
    static func update(_ organization: OrganizationModel, code: String, name: String, level: AdministrativeLevel?, by caller: Caller,
                       on database: any Database) async throws {
        try caller.authorize(.manageOrganization, organization.accessTarget)
        let draft = OrganizationDraft(code: code, name: name, kind: organization.organizationKind, level: level, parentCode: "-")
        var errors = validateFields(draft)
        if code != organization.code, errors.isEmpty, let holder = try await byCode(code, on: database) {
            errors.append(.taken("code", value: code, holderInReach: caller.reaches(.viewOrganization, holder.accessTarget)))
        }
        let levelChanges = organization.organizationKind == .financeBureau && level != nil && level != organization.administrativeLevel
        if levelChanges, errors.isEmpty {
            let parent = try await organization.parentID.asyncMap { try await OrganizationModel.find($0, on: database) } ?? nil
            do { _ = try HierarchyRules.validatePlacement(kind: .financeBureau, level: level, parent: parent?.parentFacts.activeForCheck) }
            catch { errors.append(error.appError) }
            let range = organization.hierarchyPath.subtreeRange
            let lowerBureaus = try await OrganizationModel.query(on: database)
                .filter(\.$path > range.lower).filter(\.$path < range.upper)
                .filter(\.$kind == OrganizationKind.financeBureau.rawValue).count()
            if lowerBureaus > 0 { errors.append(.invalid("level", Message(.errorLevelHasLowerBureaus(String(lowerBureaus))))) }
        }
        if !errors.isEmpty { throw FormErrors(errors: errors) }

        let before = organization.auditSummary
        organization.code = code
        organization.name = name
        try await database.transaction { db in
            if levelChanges, let level {
                organization.level = level.rawValue
                // Departments, units and agencies below inherit the bureau's level.
                let range = organization.hierarchyPath.subtreeRange
                try await OrganizationModel.query(on: db).filter(\.$path > range.lower).filter(\.$path < range.upper)
                    .set(\.$level, to: level.rawValue).update()
            }
            try await organization.save(on: db)
            try await AuditTrail.record("organization.updated", entityType: "organization", entityID: organization.id!.uuidString.lowercased(),
                                        summary: "before: \(before); after: \(organization.auditSummary)", context: caller.audit, on: db)
        }
    }

    /// Moves an organisation and its whole subtree under another parent.
    static func move(_ organization: OrganizationModel, toParentCode parentCode: String, by caller: Caller, on db: any Database) async throws {
        try caller.authorize(.manageOrganization, organization.accessTarget)
        guard let parent = try await byCode(parentCode, on: db),
              Authorization.decide(try caller.person().actor, .viewOrganization, parent.accessTarget) != .conceal else {
            throw FormErrors(errors: [.invalid("parent_code", Message(.errorUnknownParent(parentCode)))])
        }
        try caller.authorize(.manageOrganization, parent.accessTarget)
        if parent.id == organization.parentID { return }
        let level: AdministrativeLevel?
        do {
            level = try HierarchyRules.validateMove(path: organization.hierarchyPath, kind: organization.organizationKind,
                                                    level: organization.administrativeLevel, newParentPath: parent.hierarchyPath,
                                                    newParent: parent.parentFacts)
        } catch { throw FormErrors(errors: [error.appError(field: "parent_code")]) }

        let oldPath = organization.hierarchyPath
        let newPath = parent.hierarchyPath.appending(organization.id!)
        let before = organization.auditSummary
        try await db.transaction { db in
            let range = oldPath.subtreeRange
            // One statement rewrites every path in the subtree; the unique index on path guards the result.
            try await db.sql.raw("""
                UPDATE organizations SET path = \(bind: newPath.rawValue) || substr(path, \(bind: Int32(oldPath.rawValue.count + 1))),
                depth = depth + \(bind: newPath.depth - oldPath.depth)
                WHERE path >= \(bind: range.lower) AND path < \(bind: range.upper)
                """).run()
            if organization.organizationKind != .financeBureau, level != organization.administrativeLevel {
                let newRange = newPath.subtreeRange
                try await db.sql.raw("""
                    UPDATE organizations SET level = \(bind: level?.rawValue) WHERE path >= \(bind: newRange.lower) AND path < \(bind: newRange.upper)
                    """).run()
            }
            try await db.sql.raw("UPDATE organizations SET parent_id = \(bind: parent.id!) WHERE id = \(bind: organization.id!)").run()
            organization.parentID = parent.id
            organization.path = newPath.rawValue
            organization.depth = newPath.depth
            organization.level = level?.rawValue
            try await AuditTrail.record("organization.moved", entityType: "organization", entityID: organization.id!.uuidString.lowercased(),
                                        summary: "before: \(before); after: \(organization.auditSummary)", context: caller.audit, on: db)
        }
    }

    /// Deactivates (only when nothing below is still active) or reactivates (only under an active parent).
    static func setActive(_ organization: OrganizationModel, _ active: Bool, by caller: Caller, on database: any Database) async throws {
        try caller.authorize(.manageOrganization, organization.accessTarget)
        if organization.isActive == active { return }
        if !active {
            let range = organization.hierarchyPath.subtreeRange
            let activeBelow = try await OrganizationModel.query(on: database).filter(\.$path > range.lower)
                .filter(\.$path < range.upper).filter(\.$isActive == true).count()
            if activeBelow > 0 { throw AppError(.conflict, "active_children", Message(.errorActiveChildren(String(activeBelow)))) }
            if try organization.id == caller.person().organizationID {
                throw AppError(.conflict, "own_organization", Message(.errorDeactivateOwnOrganization))
            }
        } else if let parentID = organization.parentID, let parent = try await OrganizationModel.find(parentID, on: database), !parent.isActive {
            throw AppError(.conflict, "parent_inactive", Message(.errorParentInactive))
        }
        let before = organization.auditSummary
        organization.isActive = active
        try await database.transaction { db in
            try await organization.save(on: db)
            // Its people's sessions and tokens end now, so a later reactivation does not bring them back.
            if !active { try await SessionStore.revokeAll(of: .organization(organization.id!), on: db) }
            try await AuditTrail.record(active ? "organization.reactivated" : "organization.deactivated", entityType: "organization",
                                        entityID: organization.id!.uuidString.lowercased(),
                                        summary: "before: \(before); after: \(organization.auditSummary)", context: caller.audit, on: db)
        }
    }

    /// A page of the subtree under `root`, optionally filtered by a search text and kind, ordered by path.
    /// Only what `scope` (the caller's `Authorization.scope`) reaches is listed.
    static func subtree(under root: OrganizationModel, scope: ListScope, search: String?, kind: OrganizationKind?, maximumDepth: Int?,
                        offset: Int, limit: Int, on db: any Database) async throws -> (items: [OrganizationModel], total: Int) {
        let range = root.hierarchyPath.subtreeRange
        let query = OrganizationModel.query(on: db).filter(\.$path >= range.lower).filter(\.$path < range.upper)
        query.filter(scope: scope)
        if let search = TextSearch.contains(search, in: [(OrganizationModel.schema, "name"), (OrganizationModel.schema, "code")], on: db) {
            query.filter(search)
        }
        if let kind { query.filter(\.$kind == kind.rawValue) }
        if let maximumDepth { query.filter(\.$depth <= maximumDepth) }
        let total = try await query.count()
        let items = try await query.sort(\.$path).offset(offset).limit(limit).all()
        return (items, total)
    }

    /// How many direct children each of the given organisations has, in one grouped query.
    static func childCounts(of ids: [UUID], on db: any Database) async throws -> [UUID: Int] {
        guard !ids.isEmpty else { return [:] }
        struct Row: Decodable { var parent_id: UUID; var n: Int }
        let rows = try await db.sql.select().column("parent_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(OrganizationModel.schema).where("parent_id", .in, SQLBind.group(ids)).groupBy("parent_id")
            .all(decoding: Row.self)
        return Dictionary(rows.map { ($0.parent_id, $0.n) }, uniquingKeysWith: +)
    }

    /// The organisations on the way from the top down to this one.
    static func ancestors(of organization: OrganizationModel, on db: any Database) async throws -> [OrganizationModel] {
        let ids = organization.hierarchyPath.ids.dropLast()
        guard !ids.isEmpty else { return [] }
        let found = try await OrganizationModel.query(on: db).filter(\.$id ~~ Array(ids)).all()
        return found.sorted { $0.depth < $1.depth }
    }
}

private extension ParentFacts {
    /// A level change is checked against the parent's kind and level only, not its active flag.
    var activeForCheck: ParentFacts { ParentFacts(kind: kind, level: level, isActive: true) }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        switch self {
        case .some(let value): try await transform(value)
        case .none: nil
        }
    }
}

extension HierarchyRuleError {
    var message: Message {
        switch self {
        case .bureauNeedsLevel: Message(.errorBureauNeedsLevel)
        case .needsParent: Message(.errorNeedsParent)
        case .bureauParentMustBeOneLevelUp(let child, let parent):
            Message(.errorBureauParentLevel(child.title, parent?.title ?? .levelNone))
        case .departmentParentMustBeBureau: Message(.errorDepartmentParent)
        case .unitParentMustBeDepartmentOrUnit: Message(.errorUnitParent)
        case .agencyParentMustBeBureau: Message(.errorAgencyParent)
        case .parentInactive: Message(.errorParentInactive)
        case .cycle: Message(.errorCycle)
        case .centralBureauHasNoParent: Message(.errorCentralHasNoParent)
        }
    }

    var appError: AppError { appError(field: self == .bureauNeedsLevel ? "level" : "parent_code") }

    func appError(field: String) -> AppError {
        AppError(.unprocessableEntity, "hierarchy_rule", message, field: field)
    }
}
