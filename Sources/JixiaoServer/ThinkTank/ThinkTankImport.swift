import Fluent
import Foundation
import Vapor
import JixiaoDomain

/// The columns of an expert list as offices keep it (登记表 / 花名册).
enum ExpertColumn: CaseIterable, Sendable {
    case name, idNumber, phone, email, title, employer, employerCode, regionCode, fields, profile

    var title: String {
        switch self {
        case .name: "姓名"
        case .idNumber: "身份证号"
        case .phone: "联系电话"
        case .email: "电子邮箱"
        case .title: "职称"
        case .employer: "工作单位"
        case .employerCode: "工作单位代码"
        case .regionCode: "服务地区代码"
        case .fields: "专业领域"
        case .profile: "个人简介"
        }
    }

    var names: [String] {
        switch self {
        case .name: ["姓名", "专家姓名"]
        case .idNumber: ["身份证号", "身份证号码", "公民身份号码"]
        case .phone: ["联系电话", "手机", "手机号码", "电话"]
        case .email: ["电子邮箱", "邮箱", "email"]
        case .title: ["职称", "职务/职称", "职务职称"]
        case .employer: ["工作单位", "单位", "所在单位"]
        case .employerCode: ["工作单位代码", "单位代码"]
        case .regionCode: ["服务地区代码", "地区代码"]
        case .fields: ["专业领域", "领域", "专业"]
        case .profile: ["个人简介", "简介", "备注"]
        }
    }

    static func match(_ header: String) -> ExpertColumn? {
        let text = header.trimmed.lowercased()
        return allCases.first { $0.names.contains(text) }
    }

    static let required: [ExpertColumn] = [.name, .idNumber, .phone, .employer, .fields]
}

/// 专家批量导入: every row checked as a registration, all or nothing, every problem named by its row and column.
enum ThinkTankImport {
    static let maximumRows = 2_000

    /// The field a draft's problem belongs to, as the column it came from.
    private static func column(of field: String?) -> ExpertColumn? {
        switch field {
        case "name": .name
        case "idNumber": .idNumber
        case "phone": .phone
        case "email": .email
        case "title": .title
        case "employerName": .employer
        case "employerCode": .employerCode
        case "regionCode": .regionCode
        case "fields": .fields
        case "profile": .profile
        default: nil
        }
    }

    static func importExperts(_ data: Data, by caller: Caller, on db: any Database) async throws -> [UUID] {
        let bureau = try await ThinkTankLibrary.managedBureau(caller, on: db)
        let user = try caller.person()
        let table = try UploadedTable<ExpertColumn>.read(data, limits: .goalList, match: ExpertColumn.match, anchor: .name,
                                                         required: ExpertColumn.required.map { ($0, $0.title) })
        guard !table.rows.isEmpty else { throw AppError(.unprocessableEntity, "csv_empty", Message(.errorCSVEmpty)) }
        guard table.rows.count <= maximumRows else { throw AppError.invalid("file", Message(.errorTooMany(String(maximumRows), String(table.rows.count)))) }
        var twice: [AppError.Detail] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            if let number = IdentityNumbers.residentID(row.value(.idNumber)) {
                if let first = seen[number] { twice.append(detail(row, .idNumber, Message(.errorThinkTankImportTwice(first)))) } else { seen[number] = row.line }
            }
        }
        let duplicates = twice
        // One transaction: a refused row leaves nothing of the others behind.
        let ids = try await db.transaction { db -> [UUID] in
            var ids: [UUID] = [], details = duplicates
            func fail(_ row: UploadedTable<ExpertColumn>.Row, _ column: ExpertColumn?, _ message: Message) { details.append(detail(row, column, message)) }
            for row in table.rows {
                let fields = row.value(.fields).split(whereSeparator: { "、,，;；/ ".contains($0) }).map(String.init)
                let draft = ExpertDraft(name: row.value(.name), idNumber: row.value(.idNumber), phone: row.value(.phone), email: row.value(.email),
                                        title: row.value(.title), employerName: row.value(.employer), employerCode: row.value(.employerCode),
                                        regionCode: row.value(.regionCode), fields: fields, profile: row.value(.profile), relations: nil)
                do {
                    ids.append(try await ThinkTankLibrary.registerExpert(draft, source: .import, bureau: bureau, actor: (user.userID, user.displayName),
                                                                         audit: caller.audit, effects: caller.effects, on: db))
                } catch let errors as FormErrors {
                    for error in errors.errors { fail(row, column(of: error.field), error.message) }
                } catch let error as AppError where error.status != .internalServerError {
                    if !details.contains(where: { $0.line == row.line }) { fail(row, column(of: error.field), error.message) }
                }
            }
            if !details.isEmpty {
                throw AppError(.unprocessableEntity, "import_rows_invalid", Message(.errorThinkTankImportRows(details.count)),
                               details: details.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
            }
            return ids
        }
        try await AuditTrail.record("think_tank.experts_imported", entityType: "organization", entityID: bureau.id!.uuidString.lowercased(),
                                    summary: "rows=\(ids.count)", context: caller.audit, on: db)
        return ids
    }

    private static func detail(_ row: UploadedTable<ExpertColumn>.Row, _ column: ExpertColumn?, _ message: Message) -> AppError.Detail {
        let location = column.map { Message(.importSheetLocation(row.sheet, String(row.line), $0.title)) } ?? Message(.importSheetLine(row.sheet, String(row.line)))
        return AppError.Detail(line: row.line, location: location, field: column?.title, message: message)
    }
}
