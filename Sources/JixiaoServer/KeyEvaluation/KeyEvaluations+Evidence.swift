import Crypto
import Fluent
import Foundation
import SQLKit
import Vapor
import JixiaoDomain

/// 佐证材料: a member attaches files to their own score while scoring; who may read them follows who may read the
/// score (the member; the others once the member submitted; the runners).
extension KeyEvaluations {
    /// Attaches a file to the caller's score of one indicator.
    static func attachEvidence(_ id: UUID, indicatorID: UUID, fileName: String, data: Data, by caller: Caller, on db: any Database) async throws -> UUID {
        let (evaluation, members) = try await find(id, by: caller, on: db)
        let user = try caller.person()
        try caller.authorize(.scoreKeyEvaluation, accessTarget(evaluation, members: members))
        guard let member = members.first(where: { $0.userID == user.userID }) else {
            throw AppError(.forbidden, "not_on_team", Message(.errorKeyEvaluationNotOnTeam))
        }
        guard evaluation.evaluationState == .underway else { throw AppError(.conflict, "not_scoring", Message(.errorKeyEvaluationNotScoring)) }
        guard member.submittedAt == nil else { throw AppError(.conflict, "already_submitted", Message(.errorKeyEvaluationAlreadySubmitted)) }
        guard try await KeyEvaluationIndicatorModel.query(on: db).filter(\.$id == indicatorID).filter(\.$evaluationID == id).count() == 1 else {
            throw AppError.invalid("indicator", Message(.errorKeyEvaluationUnknownIndicator))
        }
        let kind: EvidenceKind
        do { kind = try EvidenceFiles.kind(name: fileName, head: Array(data.prefix(16)), size: data.count) } catch { throw error.appError }
        let file = KeyEvaluationEvidenceModel()
        file.id = caller.effects.uuid()
        file.evaluationID = id; file.indicatorID = indicatorID; file.userID = user.userID
        file.fileName = fileName.trimmed; file.kind = kind.rawValue; file.byteCount = data.count
        file.sha256 = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        file.content = data; file.uploadedAt = caller.now
        let memberID = member.id!
        try await db.transaction { db in
            // The member's row is written first: on PostgreSQL that locks it, on SQLite it takes the write lock, so two
            // uploads of one member count and insert one after the other and the limit holds under parallel requests.
            try await db.sql.update(KeyEvaluationMemberModel.schema).set("added_at", to: SQLColumn("added_at"))
                .where("id", .equal, SQLBind(memberID)).run()
            let held = try await KeyEvaluationEvidenceModel.query(on: db).filter(\.$indicatorID == indicatorID).filter(\.$userID == user.userID).count()
            guard held < EvidenceFiles.maximumPerIndicator else {
                throw AppError.invalid("file", Message(.errorTooMany(String(EvidenceFiles.maximumPerIndicator), String(held + 1))))
            }
            try await file.create(on: db)
            try await AuditTrail.record("key_evaluation.evidence_attached", entityType: "key_evaluation", entityID: id.uuidString.lowercased(),
                                        summary: "file=\(file.fileName) kind=\(kind.rawValue) bytes=\(data.count) sha256=\(file.sha256) indicator=\(indicatorID.uuidString.lowercased())",
                                        context: caller.audit, on: db)
        }
        return file.id!
    }

    /// Removes one of the caller's files while they are still scoring.
    static func removeEvidence(_ id: UUID, evidenceID: UUID, by caller: Caller, on db: any Database) async throws {
        let (evaluation, members) = try await find(id, by: caller, on: db)
        let user = try caller.person()
        guard let file = try await KeyEvaluationEvidenceModel.query(on: db).filter(\.$id == evidenceID).filter(\.$evaluationID == id)
                .filter(\.$userID == user.userID).first() else { throw AppError.notFound() }
        guard evaluation.evaluationState == .underway, members.first(where: { $0.userID == user.userID })?.submittedAt == nil else {
            throw AppError(.conflict, "already_submitted", Message(.errorKeyEvaluationAlreadySubmitted))
        }
        try await db.transaction { db in
            try await file.delete(on: db)
            try await AuditTrail.record("key_evaluation.evidence_removed", entityType: "key_evaluation", entityID: id.uuidString.lowercased(),
                                        summary: "file=\(file.fileName) sha256=\(file.sha256)", context: caller.audit, on: db)
        }
    }

    /// The members whose files and points the caller may see: their own; everyone's who submitted once the caller has;
    /// and for those who see the evaluation without scoring it (runners, supervisors), everyone's who submitted.
    static func visibleAuthors(members: [KeyEvaluationMemberModel], caller: Caller) throws -> Set<UUID> {
        let user = try caller.person()
        let me = members.first { $0.userID == user.userID }
        let seesOthers = me.map { $0.submittedAt != nil } ?? true
        let submitted = members.filter { $0.submittedAt != nil }.map(\.userID)
        return Set([user.userID] + (seesOthers ? submitted : []))
    }

    /// The attached files' metadata the caller may see.
    static func evidence(of id: UUID, authors: Set<UUID>, on db: any Database) async throws -> [EvidenceEntry] {
        guard !authors.isEmpty else { return [] }
        return try await db.sql.select().columns("id", "indicator_id", "user_id", "file_name", "kind", "byte_count", "uploaded_at")
            .from(KeyEvaluationEvidenceModel.schema).where("evaluation_id", .equal, SQLBind(id))
            .where("user_id", .in, SQLGroupExpression(authors.map { SQLBind($0) })).orderBy("uploaded_at")
            .all(decoding: EvidenceEntry.self)
    }

    /// One file to download, if the caller may read it.
    static func evidenceFile(_ id: UUID, evidenceID: UUID, by caller: Caller, on db: any Database) async throws -> KeyEvaluationEvidenceModel {
        let (_, members) = try await find(id, by: caller, on: db)
        let authors = try visibleAuthors(members: members, caller: caller)
        guard let file = try await KeyEvaluationEvidenceModel.query(on: db).filter(\.$id == evidenceID).filter(\.$evaluationID == id).first(),
              authors.contains(file.userID) else { throw AppError.notFound() }
        return file
    }
}

extension KeyEvaluationEvidenceModel {
    /// The file as a download: its type from the kind the server recognised, always an attachment, never sniffed or run.
    var response: Response {
        let response = Response(status: .ok, body: .init(data: content))
        let kind = EvidenceKind(rawValue: kind) ?? .pdf
        response.headers.replaceOrAdd(name: .contentType, value: kind.mediaType)
        let encoded = fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "evidence"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"evidence.\(kind.extensions[0])\"; filename*=UTF-8''\(encoded)")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "sandbox; default-src 'none'")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }
}

extension EvidenceFileError {
    var appError: AppError {
        switch self {
        case .empty: .invalid("file", Message(.errorEvidenceEmpty))
        case .tooLarge(let maximum): AppError(.payloadTooLarge, "payload_too_large", Message(.errorTooLarge(String(maximum / (1024 * 1024)))), field: "file")
        case .unsupportedExtension(let ext): .invalid("file", Message(.errorEvidenceType(ext.isEmpty ? "—" : ext)))
        case .contentMismatch(let kind): .invalid("file", Message(.errorEvidenceContent(kind.extensions[0])))
        case .badName: .invalid("file", Message(.errorEvidenceName))
        }
    }
}

extension TextKey {
    static let errorEvidenceEmpty = TextKey("errorEvidenceEmpty", zh: "请选择要上传的文件（文件不能为空）。", en: "Choose a file to upload (it cannot be empty).")
    static func errorEvidenceType(_ p0: some TextArgument) -> TextKey {
        TextKey("errorEvidenceType", zh: "不支持 .\(p0.text(in: .zhHans)) 文件；佐证材料可为 PDF、PNG、JPG、Word、Excel、PowerPoint 文件。",
                en: ".\(p0.text(in: .en)) files are not accepted; evidence may be PDF, PNG, JPG, Word, Excel or PowerPoint files.")
    }
    static func errorEvidenceContent(_ p0: some TextArgument) -> TextKey {
        TextKey("errorEvidenceContent", zh: "文件内容与扩展名 .\(p0.text(in: .zhHans)) 不符（可能已损坏或被改名），未保存。",
                en: "The file's content is not a .\(p0.text(in: .en)) file (damaged or renamed); it was not saved.")
    }
    static let errorEvidenceName = TextKey("errorEvidenceName", zh: "文件名无效（不能为空、过长或含控制字符、斜杠）。",
                                           en: "The file name is not valid (empty, too long, or with control characters or slashes).")
}
