import Fluent
import SQLKit
import Vapor
import JixiaoDomain

/// 组织机构导入 — reads an uploaded CSV, checks every row with the domain planner and saves all rows
/// in one transaction, or nothing with every error named by line and column.
extension OrganizationCommands {
    static func importCSV(_ bytes: ByteBuffer, maximumBytes: Int, by caller: Caller, on db: any Database) async throws -> Int {
        let user = try caller.person()
        guard Authorization.mayEver(user.actor, .manageOrganization) else { throw AppError.forbidden() }
        guard bytes.readableBytes <= maximumBytes else {
            throw AppError(.payloadTooLarge, "payload_too_large", Message(.errorTooLarge(String(maximumBytes / (1024 * 1024)))))
        }
        let text = try UploadedText.decode(bytes.readableBytesView)
        // The planner learns of every existing organisation: all codes are taken, but only the ones
        // this person may manage can be parents.
        struct Row: Decodable { var code: String; var kind: String; var level: Int?; var is_active: Bool; var path: String }
        let existingRows = try await db.sql.select().column("code").column("kind").column("level").column("is_active").column("path")
            .from(OrganizationModel.schema).all(decoding: Row.self)
        var existing: [String: ExistingOrganizationFacts] = [:]
        for row in existingRows {
            let target = AccessTarget(organizationID: UUID(), organizationPath: HierarchyPath(rawValue: row.path))
            let reachable = user.roles.contains { Authorization.permits($0, .manageOrganization) && Authorization.reaches($0, actor: user.actor, target: target) }
            existing[row.code] = ExistingOrganizationFacts(kind: OrganizationKind(rawValue: row.kind) ?? .unit,
                                                           level: row.level.flatMap(AdministrativeLevel.init(rawValue:)),
                                                           isActive: row.is_active, isReachable: reachable)
        }
        let plan: [PlannedOrganization]
        do { plan = try OrganizationImport.plan(csv: text, existing: existing) } catch { throw error.appError }

        let pathsByCode = Dictionary(existingRows.map { ($0.code, $0.path) }, uniquingKeysWith: { first, _ in first })
        try await db.transaction { db in
            var paths = pathsByCode
            var ids: [String: UUID] = [:]
            let now = caller.now
            for batch in plan.chunked(into: 500) {
                var insert = db.sql.insert(into: OrganizationModel.schema)
                    .columns("id", "code", "name", "kind", "level", "parent_id", "path", "depth", "is_active", "created_at", "updated_at")
                for row in batch {
                    let id = UUID()
                    let parentPath = HierarchyPath(rawValue: paths[row.parentCode]!)
                    let parentID = parentPath.ids.last!
                    let path = parentPath.appending(id)
                    paths[row.code] = path.rawValue
                    ids[row.code] = id
                    insert = insert.values(SQLBind(id), SQLBind(row.code), SQLBind(row.name), SQLBind(row.kind.rawValue),
                                           SQLBind(row.level?.rawValue), SQLBind(parentID), SQLBind(path.rawValue),
                                           SQLBind(path.depth), SQLBind(true), SQLBind(now), SQLBind(now))
                }
                try await insert.run()
            }
            try await AuditTrail.record("organization.imported", entityType: "organization", entityID: "-",
                                        summary: "rows=\(plan.count) codes=\(plan.prefix(50).map(\.code).joined(separator: ","))\(plan.count > 50 ? ",…" : "")",
                                        context: caller.audit, on: db)
        }
        return plan.count
    }
}

extension Array {
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0 ..< Swift.min($0 + size, count)] }
    }
}

extension OrganizationImportError {
    var appError: AppError {
        switch self {
        case .unreadable(.unterminatedQuote(let line)):
            return AppError(.unprocessableEntity, "csv_unreadable", Message(.errorCSVUnterminatedQuote(String(line))))
        case .noRows:
            return AppError(.unprocessableEntity, "csv_empty", Message(.errorCSVEmpty))
        case .missingColumns(let columns):
            return AppError(.unprocessableEntity, "csv_missing_columns",
                            Message(.errorCSVMissingColumns(columns.map(\.rawValue).joined(separator: ", "))))
        case .rows(let errors):
            return AppError(.unprocessableEntity, "csv_rows_invalid", Message(.errorCSVRows(String(errors.count))),
                            details: errors.map { error in
                                AppError.Detail(line: error.line,
                                                location: error.column.map { Message(.importLocationColumn(error.line, $0.title)) }
                                                    ?? Message(.importLocationLine(String(error.line))),
                                                field: error.column?.rawValue, message: error.problem.message)
                            })
        }
    }
}

extension OrganizationImportProblem {
    var message: Message {
        switch self {
        case .wrongFieldCount(let expected, let found): Message(.importWrongFieldCount(String(expected), String(found)))
        case .missingValue: Message(.errorRequired)
        case .invalidCode: Message(.errorInvalidCode)
        case .valueTooLong(let maximum): Message(.errorTooLong(String(maximum)))
        case .unstorableText(let error): error.message
        case .unknownKind(let text): Message(.importUnknownKind(text))
        case .unknownLevel(let text): Message(.importUnknownLevel(text))
        case .duplicateCodeInFile(let line): Message(.importDuplicateCode(String(line)))
        case .codeAlreadyExists: Message(.importCodeExists)
        case .unknownParent(let code): Message(.errorUnknownParent(code))
        case .cycle(let codes): Message(.importCycle(codes.joined(separator: " → ")))
        case .placement(let error): error.message
        }
    }
}

extension OrganizationImportColumn {
    var title: TextKey {
        switch self {
        case .code: .fieldCode
        case .name: .fieldName
        case .kind: .fieldKind
        case .level: .fieldLevel
        case .parentCode: .fieldParentCode
        }
    }
}

