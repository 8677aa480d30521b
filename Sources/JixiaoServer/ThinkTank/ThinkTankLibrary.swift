import Crypto
import Fluent
import Foundation
import SQLKit
import Vapor
import JixiaoDomain

/// What a registration of an expert says, from the office's form, an applicant's form, an import row or the API.
struct ExpertDraft: Sendable, Codable {
    struct Relation: Sendable, Codable {
        /// The organisation's code.
        var organization: String
        /// "relation" or "paid_work"
        var kind: String
        var year: Int?
        var note: String?
    }
    var name: String
    var idNumber: String
    var phone: String
    var email: String
    var title: String
    var employerName: String
    /// The employer's code when it is an organisation of the system.
    var employerCode: String?
    /// The finance bureau of the area the expert serves; empty: the library's.
    var regionCode: String?
    var fields: [String]
    var profile: String?
    var relations: [Relation]?
}

struct AgencyDraft: Sendable, Codable {
    var name: String
    var type: String
    var creditCode: String
    var qualification: String
    var levels: [Int]
    var contactName: String
    var phone: String
    var relations: [ExpertDraft.Relation]?
}

/// How a member came into the library.
enum LibrarySource: String, Codable, Sendable { case application, invitation, `import` }

/// 智库 — the libraries of a finance bureau: registering, reviewing and moving experts and agencies, supervisors.
enum ThinkTankLibrary {
    // MARK: whose library

    /// The bureau whose libraries the caller keeps: its own finance bureau, with the right to manage them.
    static func managedBureau(_ caller: Caller, on db: any Database) async throws -> OrganizationModel {
        let user = try caller.person()
        guard user.organizationKind == .financeBureau, let bureau = try await OrganizationModel.find(user.organizationID, on: db) else {
            throw AppError(.forbidden, "not_library_manager", Message(.errorThinkTankNotManager))
        }
        try caller.authorize(.manageThinkTank, bureau.accessTarget)
        return bureau
    }

    /// A bureau whose libraries the caller may read (its performance and budget offices and those above, its supervisors);
    /// by code, else the caller's own organisation.
    static func readableBureau(code: String?, by caller: Caller, on db: any Database) async throws -> OrganizationModel {
        let user = try caller.person()
        let bureau: OrganizationModel?
        if let code = code?.trimmed, !code.isEmpty { bureau = try await OrganizationCommands.byCode(code, on: db) }
        else { bureau = try await OrganizationModel.find(user.organizationID, on: db) }
        guard let bureau, bureau.organizationKind == .financeBureau else { throw AppError.notFound() }
        try caller.authorize(.viewThinkTank, bureau.accessTarget)
        return bureau
    }

    static func isManager(_ caller: Caller, of bureauID: UUID, path: String) -> Bool {
        caller.reaches(.manageThinkTank, AccessTarget(organizationID: bureauID, organizationPath: HierarchyPath(rawValue: path)))
    }

    // MARK: experts

    /// Checks a registration and turns codes into organisations; every problem is named by its field.
    private static func checked(_ draft: ExpertDraft, bureau: OrganizationModel, on db: any Database)
        async throws -> (idNumber: String, fields: [String], employer: OrganizationModel?, region: OrganizationModel, relations: [(UUID, ExpertDraft.Relation)]) {
        var errors: [AppError] = []
        for (field, text, required) in [("name", draft.name, true), ("title", draft.title, false), ("employerName", draft.employerName, true)] {
            if required && text.trimmed.isEmpty { errors.append(.invalid(field, Message(.errorRequired))) }
            else if let problem = AppError.text(text, field: field, maximum: InputLimits.name) { errors.append(problem) }
        }
        if let problem = AppError.text(draft.profile ?? "", field: "profile", maximum: InputLimits.longText, multiLine: true) { errors.append(problem) }
        let idNumber = IdentityNumbers.residentID(draft.idNumber)
        if idNumber == nil { errors.append(.invalid("idNumber", Message(.errorThinkTankIDNumber))) }
        if !isPhone(draft.phone) { errors.append(.invalid("phone", Message(.errorThinkTankPhone))) }
        let email = draft.email.trimmed
        if !email.isEmpty && (email.count > 200 || !email.contains("@") || email.contains(where: { $0.isWhitespace })) {
            errors.append(.invalid("email", Message(.errorThinkTankEmail)))
        }
        var fields: [String] = []
        for text in draft.fields where !text.trimmed.isEmpty {
            guard let field = ExpertField.parse(text) else { errors.append(.invalid("fields", Message(.errorThinkTankUnknownField(text.trimmed)))); continue }
            if !fields.contains(field.code) { fields.append(field.code) }
        }
        if fields.isEmpty && !errors.contains(where: { $0.field == "fields" }) { errors.append(.invalid("fields", Message(.errorThinkTankNoField))) }
        var employer: OrganizationModel?
        if let code = draft.employerCode?.trimmed, !code.isEmpty {
            employer = try await OrganizationCommands.byCode(code, on: db)
            if employer == nil { errors.append(.unknownOrganization("employerCode", code: code)) }
        }
        var region = bureau
        if let code = draft.regionCode?.trimmed, !code.isEmpty {
            if let found = try await OrganizationCommands.byCode(code, on: db), found.organizationKind == .financeBureau,
               bureau.hierarchyPath.contains(found.hierarchyPath) { region = found }
            else { errors.append(.invalid("regionCode", Message(.errorThinkTankRegion(code)))) }
        }
        let relations = try await checkedRelations(draft.relations ?? [], errors: &errors, on: db)
        guard errors.isEmpty, let idNumber else { throw FormErrors(errors: errors) }
        return (idNumber, fields, employer, region, relations)
    }

    /// 5–20 digits, with +, - and spaces as people write them.
    static func isPhone(_ text: String) -> Bool {
        let phone = text.trimmed
        return (5...20).contains(phone.count) && phone.allSatisfy { $0.isASCII && ($0.isNumber || "+- ".contains($0)) }
    }

    /// Declared relations and paid work with their organisations; each problem named by its row.
    private static func checkedRelations(_ relations: [ExpertDraft.Relation], errors: inout [AppError], on db: any Database) async throws -> [(UUID, ExpertDraft.Relation)] {
        if relations.count > 50 { errors.append(.invalid("relations", Message(.errorTooMany("50", String(relations.count))))); return [] }
        var checked: [(UUID, ExpertDraft.Relation)] = []
        for (index, relation) in relations.enumerated() {
            let field = "relations[\(index + 1)]"
            // By code, or (as an applicant writes it) by the organisation's exact name.
            let text = relation.organization.trimmed
            var found = try await OrganizationCommands.byCode(text, on: db)
            if found == nil, !text.isEmpty {
                let named = try await OrganizationModel.query(on: db).filter(\.$name == text).limit(2).all()
                if named.count > 1 { errors.append(.invalid("\(field).organization", Message(.errorThinkTankAmbiguousName(text)))); continue }
                found = named.first
            }
            guard let org = found else {
                errors.append(.unknownOrganization("\(field).organization", code: relation.organization)); continue
            }
            guard relation.kind == "relation" || relation.kind == "paid_work" else { errors.append(.invalid("\(field).kind", Message(.errorThinkTankRelationKind))); continue }
            if relation.kind == "paid_work", !(relation.year.map(BudgetObjectRules.fiscalYears.contains) ?? false) {
                errors.append(.invalid("\(field).year", Message(.errorThinkTankRelationYear))); continue
            }
            if let problem = AppError.text(relation.note ?? "", field: "\(field).note", maximum: InputLimits.note) { errors.append(problem); continue }
            checked.append((org.id!, relation))
        }
        return checked
    }

    /// A move as the library allows it: the record as the person saw it, a move its status allows, a reason.
    private static func checkedMove(_ status: LibraryStatus, _ move: LibraryStatus.Move, reason: String, seen: Int?, current: Int) throws -> (LibraryStatus, String) {
        if let seen, seen != current { throw AppError(.conflict, "conflict", Message(.errorThinkTankConflict)) }
        guard let next = status.after(move) else { throw AppError(.conflict, "invalid_move", Message(.errorThinkTankMove(move.title, status.title))) }
        let reason = reason.trimmed
        if reason.isEmpty { throw AppError.invalid("reason", Message(.errorThinkTankReason)) }
        if let problem = AppError.text(reason, field: "reason", maximum: InputLimits.longText, multiLine: true) { throw problem }
        return (next, reason)
    }

    /// Registers an expert as 候选 in `bureau`'s library: by the office (invitation, import) or by an applicant
    /// answering a call (no caller's reach: the call's key is the permission). The same ID number twice is refused.
    static func registerExpert(_ draft: ExpertDraft, source: LibrarySource, bureau: OrganizationModel, actor: (id: UUID?, name: String),
                               audit: AuditContext, effects: Effects, on db: any Database) async throws -> UUID {
        let checked = try await checked(draft, bureau: bureau, on: db)
        if let holder = try await ExpertModel.query(on: db).filter(\.$bureauID == bureau.id!).filter(\.$idNumber == checked.idNumber).first() {
            // An applicant without an account learns only that the number is registered — never whose it is or where it stands.
            throw AppError(.conflict, "duplicate_registration", source == .application ? Message(.errorThinkTankAlreadyApplied)
                           : Message(.errorThinkTankDuplicateExpert(holder.name, holder.libraryStatus.title)), field: "idNumber")
        }
        let expert = ExpertModel()
        expert.id = effects.uuid()
        expert.bureauID = bureau.id!; expert.bureauPath = bureau.path
        expert.name = draft.name.trimmed; expert.idNumber = checked.idNumber; expert.phone = draft.phone.trimmed; expert.email = draft.email.trimmed
        expert.title = draft.title.trimmed; expert.employerName = draft.employerName.trimmed; expert.employerID = checked.employer?.id
        expert.regionID = checked.region.id!; expert.fieldCodes = ExpertModel.storedFields(checked.fields); expert.profile = (draft.profile ?? "").trimmed
        expert.status = LibraryStatus.candidate.rawValue; expert.source = source.rawValue; expert.lockVersion = 0; expert.createdAt = effects.now()
        do {
          try await db.transaction { db in
            try await expert.create(on: db)
            try await saveRelations(checked.relations, kind: .expert, memberID: expert.id!, effects: effects, on: db)
            try await recordChange(.expert, expert.id!, move: "register", from: nil, to: .candidate, reason: source.rawValue, byRule: false,
                                   actor: actor, effects: effects, on: db)
            try await AuditTrail.record("think_tank.expert_registered", entityType: "expert", entityID: expert.id!.uuidString.lowercased(),
                                        summary: "bureau=\(bureau.code) source=\(source.rawValue) fields=\(checked.fields.joined(separator: ","))", context: audit, on: db)
          }
        } catch {
            // The same number registered at the same moment by someone else: the unique index kept one; say so as above.
            if try await ExpertModel.query(on: db).filter(\.$bureauID == bureau.id!).filter(\.$idNumber == checked.idNumber).first() != nil {
                throw AppError(.conflict, "duplicate_registration", Message(.errorThinkTankAlreadyApplied), field: "idNumber")
            }
            throw error
        }
        return expert.id!
    }

    private static func saveRelations(_ relations: [(UUID, ExpertDraft.Relation)], kind: LibraryKind, memberID: UUID, effects: Effects, on db: any Database) async throws {
        for (organizationID, relation) in relations {
            let row = LibraryRelationModel()
            row.id = effects.uuid(); row.memberKind = kind.rawValue; row.memberID = memberID; row.organizationID = organizationID
            row.kind = relation.kind; row.year = relation.kind == "paid_work" ? relation.year : nil; row.note = (relation.note ?? "").trimmed
            try await row.create(on: db)
        }
    }

    static func recordChange(_ kind: LibraryKind, _ memberID: UUID, move: String, from: LibraryStatus?, to: LibraryStatus, reason: String, byRule: Bool,
                             actor: (id: UUID?, name: String), effects: Effects, on db: any Database) async throws {
        let change = LibraryStatusChangeModel()
        change.id = effects.uuid(); change.memberKind = kind.rawValue; change.memberID = memberID; change.move = move
        change.fromStatus = from?.rawValue; change.toStatus = to.rawValue; change.reason = reason; change.byRule = byRule
        change.actorUserID = actor.id; change.actorName = actor.name; change.occurredAt = effects.now()
        try await change.create(on: db)
    }

    /// An expert of a library the caller may read; personal fields are the view's business (`isManager`).
    static func expert(_ id: UUID, by caller: Caller, on db: any Database) async throws -> ExpertModel {
        guard let expert = try await ExpertModel.find(id, on: db) else { throw AppError.notFound() }
        try caller.authorize(.viewThinkTank, AccessTarget(organizationID: expert.bureauID, organizationPath: HierarchyPath(rawValue: expert.bureauPath)))
        return expert
    }

    /// The expert's personal data: only for the library's managers; anyone else is told so, and the refusal is audited.
    static func personal(_ id: UUID, by caller: Caller, on db: any Database) async throws -> ExpertModel {
        let expert = try await expert(id, by: caller, on: db)
        guard isManager(caller, of: expert.bureauID, path: expert.bureauPath) else {
            var refusal = AppError(.forbidden, "personal_data", Message(.errorThinkTankPersonalData))
            refusal.auditNote = "personal data of expert \(id.uuidString.lowercased())"
            throw refusal
        }
        return expert
    }

    /// What the library's manager learns after registration — the employer as an organisation of the system (so the
    /// same-organisation and same-department rules see it; an applicant only names it) and relations or paid work
    /// declared later — kept in the member's history with the reason.
    static func updateExpertLinks(_ id: UUID, employerCode: String?, relation: ExpertDraft.Relation?, reason: String, by caller: Caller,
                                  on db: any Database) async throws {
        guard let expert = try await ExpertModel.find(id, on: db) else { throw AppError.notFound() }
        try caller.authorize(.manageThinkTank, AccessTarget(organizationID: expert.bureauID, organizationPath: HierarchyPath(rawValue: expert.bureauPath)))
        let user = try caller.person()
        var errors: [AppError] = []
        let reason = reason.trimmed
        if reason.isEmpty { errors.append(.invalid("reason", Message(.errorThinkTankReason))) }
        else if let problem = AppError.text(reason, field: "reason", maximum: InputLimits.longText, multiLine: true) { errors.append(problem) }
        var employer: OrganizationModel?
        if let code = employerCode?.trimmed, !code.isEmpty {
            employer = try await OrganizationCommands.byCode(code, on: db)
            if employer == nil { errors.append(.unknownOrganization("employerCode", code: code)) }
        }
        let relations = try await checkedRelations(relation.map { [$0] } ?? [], errors: &errors, on: db)
        if employer == nil && relations.isEmpty && errors.isEmpty { errors.append(.invalid("employerCode", Message(.errorThinkTankNothingToUpdate))) }
        guard errors.isEmpty else { throw FormErrors(errors: errors) }
        let linked = employer
        try await db.transaction { db in
            if let linked {
                try await db.sql.update(ExpertModel.schema).set("employer_id", to: SQLBind(linked.id!)).where("id", .equal, SQLBind(id)).run()
            }
            try await saveRelations(relations, kind: .expert, memberID: id, effects: caller.effects, on: db)
            try await recordChange(.expert, id, move: "update", from: expert.libraryStatus, to: expert.libraryStatus,
                                   reason: reason + (linked.map { "（工作单位：\($0.name)）" } ?? "") + (relations.isEmpty ? "" : "（新增申报关系 \(relations.count) 项）"),
                                   byRule: false, actor: (user.userID, user.displayName), effects: caller.effects, on: db)
            try await AuditTrail.record("think_tank.expert_updated", entityType: "expert", entityID: id.uuidString.lowercased(),
                                        summary: "employer=\(linked?.code ?? "-") relations=\(relations.count)", context: caller.audit, on: db)
        }
    }

    /// Moves an expert with a reason. Admitting opens the expert's account (role 专家 only, reaching nothing but the
    /// work the expert is drawn for) unless one is linked; its one-time password is returned once, to pass on.
    static func moveExpert(_ id: UUID, _ move: LibraryStatus.Move, reason: String, lockVersion: Int?, byRule: Bool = false,
                           by caller: Caller, on db: any Database) async throws -> (username: String, password: String)? {
        guard let expert = try await ExpertModel.find(id, on: db) else { throw AppError.notFound() }
        try caller.authorize(.manageThinkTank, AccessTarget(organizationID: expert.bureauID, organizationPath: HierarchyPath(rawValue: expert.bureauPath)))
        let user = try caller.person()
        let (next, reason) = try checkedMove(expert.libraryStatus, move, reason: reason, seen: lockVersion, current: expert.lockVersion)
        let from = expert.libraryStatus
        // The new account's password is hashed before the transaction, so no write lock waits on bcrypt.
        var prepared: (String, String)?
        if next == .admitted && expert.userID == nil {
            let password = UserCommands.oneTimePassword()
            prepared = (password, try await caller.effects.hashPassword(password))
        }
        let newAccount = prepared
        return try await db.transaction { db -> (username: String, password: String)? in
            var opened: (username: String, password: String)?
            // The status first: of two people admitting at once, the second stops here (409) before opening an account.
            try await claim(ExpertModel.schema, id: id, lockVersion: expert.lockVersion, status: next, on: db)
            if next == .admitted && expert.userID == nil {
                let username = "expert-" + String(expert.id!.uuidString.lowercased().replacingOccurrences(of: "-", with: "").suffix(8))
                guard let (password, hash) = newAccount else { return nil }
                let account = UserModel(username: username, displayName: expert.name, organizationID: expert.bureauID,
                                        passwordHash: hash, mustChangePassword: true)
                try await account.create(on: db)
                try await UserRoleModel(userID: account.id!, role: .expert).create(on: db)
                try await account.$roles.load(on: db)
                try await AuditTrail.record("user.created", entityType: "user", entityID: account.id!.uuidString.lowercased(),
                                            summary: "after: \(account.auditSummary) for expert \(expert.id!.uuidString.lowercased())", context: caller.audit, on: db)
                expert.userID = account.id
                opened = (username, password)
            }
            if let account = opened.flatMap({ _ in expert.userID }) {
                try await db.sql.update(ExpertModel.schema).set("user_id", to: SQLBind(account)).where("id", .equal, SQLBind(id)).run()
            }
            try await recordChange(.expert, id, move: move.rawValue, from: from, to: next, reason: reason, byRule: byRule,
                                   actor: (user.userID, user.displayName), effects: caller.effects, on: db)
            try await AuditTrail.record("think_tank.expert_\(move.rawValue)", entityType: "expert", entityID: id.uuidString.lowercased(),
                                        summary: "from=\(from.rawValue) to=\(next.rawValue) by_rule=\(byRule)", context: caller.audit, on: db)
            return opened
        }
    }

    /// Writes a member's new status only if nobody changed it since it was read (check and write in one statement).
    private static func claim(_ table: String, id: UUID, lockVersion: Int, status: LibraryStatus, organizationID: UUID? = nil,
                              on db: any Database) async throws {
        struct Row: Decodable { var id: UUID }
        var update = db.sql.update(table).set("status", to: SQLBind(status.rawValue)).set("lock_version", to: SQLRaw("lock_version + 1"))
        if let organizationID { update = update.set("organization_id", to: SQLBind(organizationID)) }
        let claimed = try await update.where("id", .equal, SQLBind(id)).where("lock_version", .equal, SQLBind(lockVersion)).returning("id").all(decoding: Row.self)
        guard claimed.count == 1 else { throw AppError(.conflict, "conflict", Message(.errorThinkTankConflict)) }
    }

    // MARK: agencies

    static func registerAgency(_ draft: AgencyDraft, source: LibrarySource, bureau: OrganizationModel, actor: (id: UUID?, name: String),
                               audit: AuditContext, effects: Effects, on db: any Database) async throws -> UUID {
        var errors: [AppError] = []
        for (field, text) in [("name", draft.name), ("contactName", draft.contactName)] {
            if text.trimmed.isEmpty { errors.append(.invalid(field, Message(.errorRequired))) }
            else if let problem = AppError.text(text, field: field, maximum: InputLimits.name) { errors.append(problem) }
        }
        if let problem = AppError.text(draft.qualification, field: "qualification", maximum: InputLimits.longText, multiLine: true) { errors.append(problem) }
        else if draft.qualification.trimmed.isEmpty { errors.append(.invalid("qualification", Message(.errorRequired))) }
        let type = AgencyType(rawValue: draft.type) ?? AgencyType.allCases.first { $0.chineseName == draft.type.trimmed }
        if type == nil { errors.append(.invalid("type", Message(.errorThinkTankAgencyType))) }
        let code = IdentityNumbers.creditCode(draft.creditCode)
        if code == nil { errors.append(.invalid("creditCode", Message(.errorThinkTankCreditCode))) }
        let levels = Set(draft.levels.compactMap(AdministrativeLevel.init(rawValue:)).filter { $0 != .township })
        if levels.isEmpty || levels.count != Set(draft.levels).count { errors.append(.invalid("levels", Message(.errorThinkTankLevels))) }
        if !isPhone(draft.phone) { errors.append(.invalid("phone", Message(.errorThinkTankPhone))) }
        let relations = try await checkedRelations(draft.relations ?? [], errors: &errors, on: db)
        guard errors.isEmpty, let type, let code else { throw FormErrors(errors: errors) }
        let relationsToSave = relations
        if let holder = try await AgencyModel.query(on: db).filter(\.$bureauID == bureau.id!).filter(\.$creditCode == code).first() {
            throw AppError(.conflict, "duplicate_registration", source == .application ? Message(.errorThinkTankAlreadyApplied)
                           : Message(.errorThinkTankDuplicateAgency(holder.name, holder.libraryStatus.title)), field: "creditCode")
        }
        let agency = AgencyModel()
        agency.id = effects.uuid(); agency.bureauID = bureau.id!; agency.bureauPath = bureau.path
        agency.name = draft.name.trimmed; agency.agencyType = type.rawValue; agency.creditCode = code; agency.qualification = draft.qualification.trimmed
        agency.levelCodes = "," + levels.sorted().map { String($0.rawValue) }.joined(separator: ",") + ","
        agency.contactName = draft.contactName.trimmed; agency.phone = draft.phone.trimmed; agency.status = LibraryStatus.candidate.rawValue
        agency.source = source.rawValue; agency.lockVersion = 0; agency.createdAt = effects.now()
        try await db.transaction { db in
            try await agency.create(on: db)
            try await saveRelations(relationsToSave, kind: .agency, memberID: agency.id!, effects: effects, on: db)
            try await recordChange(.agency, agency.id!, move: "register", from: nil, to: .candidate, reason: source.rawValue, byRule: false,
                                   actor: actor, effects: effects, on: db)
            try await AuditTrail.record("think_tank.agency_registered", entityType: "agency", entityID: agency.id!.uuidString.lowercased(),
                                        summary: "bureau=\(bureau.code) source=\(source.rawValue) type=\(type.rawValue)", context: audit, on: db)
        }
        return agency.id!
    }

    static func agency(_ id: UUID, by caller: Caller, on db: any Database) async throws -> AgencyModel {
        guard let agency = try await AgencyModel.find(id, on: db) else { throw AppError.notFound() }
        try caller.authorize(.viewThinkTank, AccessTarget(organizationID: agency.bureauID, organizationPath: HierarchyPath(rawValue: agency.bureauPath)))
        return agency
    }

    /// Moves an agency with a reason. Admitting links the agency organisation (kind 中介机构, inside the bureau's area,
    /// not in the library yet) whose users are its staff; the administrator opens that organisation (三员分立).
    static func moveAgency(_ id: UUID, _ move: LibraryStatus.Move, reason: String, organizationCode: String?, lockVersion: Int?, byRule: Bool = false,
                           by caller: Caller, on db: any Database) async throws {
        guard let agency = try await AgencyModel.find(id, on: db) else { throw AppError.notFound() }
        try caller.authorize(.manageThinkTank, AccessTarget(organizationID: agency.bureauID, organizationPath: HierarchyPath(rawValue: agency.bureauPath)))
        let user = try caller.person()
        let (next, reason) = try checkedMove(agency.libraryStatus, move, reason: reason, seen: lockVersion, current: agency.lockVersion)
        var organizationID: UUID?
        if next == .admitted && agency.organizationID == nil {
            let code = organizationCode?.trimmed ?? ""
            let range = HierarchyPath(rawValue: agency.bureauPath).subtreeRange
            guard !code.isEmpty, let org = try await OrganizationModel.query(on: db).filter(\.$code == code)
                    .filter(\.$kind == OrganizationKind.agency.rawValue).filter(\.$path >= range.lower).filter(\.$path < range.upper).first() else {
                throw AppError.invalid("organizationCode", Message(.errorThinkTankAgencyOrganization(code)))
            }
            if let other = try await AgencyModel.query(on: db).filter(\.$organizationID == org.id!).filter(\.$bureauID == agency.bureauID).first() {
                throw AppError.invalid("organizationCode", Message(.errorThinkTankAgencyOrganizationTaken(org.code, other.name)))
            }
            organizationID = org.id
        }
        let from = agency.libraryStatus, linked = organizationID
        try await db.transaction { db in
            try await claim(AgencyModel.schema, id: id, lockVersion: agency.lockVersion, status: next, organizationID: linked, on: db)
            try await recordChange(.agency, id, move: move.rawValue, from: from, to: next, reason: reason, byRule: byRule,
                                   actor: (user.userID, user.displayName), effects: caller.effects, on: db)
            try await AuditTrail.record("think_tank.agency_\(move.rawValue)", entityType: "agency", entityID: id.uuidString.lowercased(),
                                        summary: "from=\(from.rawValue) to=\(next.rawValue) by_rule=\(byRule)", context: caller.audit, on: db)
        }
    }

    // MARK: supervisors

    /// Lists a supervisor of the caller's level; an account, when named, must be an active supervisor of the bureau
    /// itself (read-only across the level — the role gives exactly that).
    static func addSupervisor(name: String, category: String, employerName: String, username: String?, by caller: Caller, on db: any Database) async throws -> UUID {
        let bureau = try await managedBureau(caller, on: db)
        var errors: [AppError] = []
        if name.trimmed.isEmpty { errors.append(.invalid("name", Message(.errorRequired))) }
        else if let problem = AppError.text(name, field: "name", maximum: InputLimits.name) { errors.append(problem) }
        if let problem = AppError.text(employerName, field: "employerName", maximum: InputLimits.name) { errors.append(problem) }
        let category = SupervisorCategory(rawValue: category)
        if category == nil { errors.append(.invalid("category", Message(.errorThinkTankSupervisorCategory))) }
        var account: UserModel?
        if let username = username?.trimmed.lowercased(), !username.isEmpty {
            account = try await UserModel.query(on: db).filter(\.$username == username).with(\.$roles).first()
            if let found = account, !(found.isActive && found.$organization.id == bureau.id! && found.roleSet.contains(.supervisor)) { account = nil }
            if account == nil { errors.append(.invalid("username", Message(.errorThinkTankSupervisorAccount(username, bureau.name)))) }
            else if let holder = try await SupervisorModel.query(on: db).filter(\.$userID == account!.id!).filter(\.$active == true).first() {
                errors.append(.invalid("username", Message(.errorThinkTankSupervisorAccountTaken(username, holder.name))))
            }
        }
        guard errors.isEmpty, let category else { throw FormErrors(errors: errors) }
        let accountName = account?.username ?? "-"
        let supervisor = SupervisorModel()
        supervisor.id = caller.effects.uuid(); supervisor.bureauID = bureau.id!; supervisor.bureauPath = bureau.path
        supervisor.name = name.trimmed; supervisor.category = category.rawValue; supervisor.employerName = employerName.trimmed
        supervisor.userID = account?.id; supervisor.active = true; supervisor.createdAt = caller.now
        try await db.transaction { db in
            try await supervisor.create(on: db)
            try await AuditTrail.record("think_tank.supervisor_added", entityType: "supervisor", entityID: supervisor.id!.uuidString.lowercased(),
                                        summary: "bureau=\(bureau.code) category=\(category.rawValue) account=\(accountName)", context: caller.audit, on: db)
        }
        return supervisor.id!
    }

    // MARK: calls

    /// Publishes a call for applications; its key is the address applicants use, without an account.
    static func openCall(kind: LibraryKind, title: String, body: String, closesOn: String, by caller: Caller, on db: any Database) async throws -> LibraryCallModel {
        let bureau = try await managedBureau(caller, on: db)
        var errors: [AppError] = []
        if title.trimmed.isEmpty { errors.append(.invalid("title", Message(.errorRequired))) }
        else if let problem = AppError.text(title, field: "title", maximum: InputLimits.name) { errors.append(problem) }
        if let problem = AppError.text(body, field: "body", maximum: InputLimits.longText, multiLine: true) { errors.append(problem) }
        guard let day = CalendarDay(isoDate: closesOn.trimmed), day >= CalendarDay(chinaDay: caller.now) else {
            throw FormErrors(errors: errors + [.invalid("closesOn", Message(.errorThinkTankCloseDate))])
        }
        guard errors.isEmpty else { throw FormErrors(errors: errors) }
        let call = LibraryCallModel()
        call.id = caller.effects.uuid(); call.bureauID = bureau.id!; call.memberKind = kind.rawValue; call.title = title.trimmed
        call.body = body.trimmed; call.closesOn = day.isoDate; call.key = KeyEvaluations.surveyToken()
        call.createdByName = try caller.person().displayName; call.createdAt = caller.now
        try await db.transaction { db in
            try await call.create(on: db)
            try await AuditTrail.record("think_tank.call_opened", entityType: "library_call", entityID: call.id!.uuidString.lowercased(),
                                        summary: "kind=\(kind.rawValue) closes=\(day.isoDate)", context: caller.audit, on: db)
        }
        return call
    }

    /// Applications one address may send to one call in a window (a public form without an account; default 3 a day).
    static let applicationLimit = OpenLinkLimit(answers: 3, hours: 24)

    static func addressHash(call: LibraryCallModel, address: String) -> String {
        SHA256.hash(data: Data((call.key + "|" + address).utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Refuses an address that has sent the window's applications already.
    static func checkApplicationLimit(call: LibraryCallModel, address: String, now: Date, on db: any Database) async throws {
        let since = now.addingTimeInterval(-Double(applicationLimit.hours) * 3600)
        let sent = try await LibraryApplicationModel.query(on: db).filter(\.$callID == call.id!).filter(\.$addressHash == addressHash(call: call, address: address))
            .filter(\.$submittedAt >= since).count()
        // `sent` includes this attempt, recorded first.
        guard applicationLimit.allows(previousAnswers: sent - 1) else {
            throw AppError(.tooManyRequests, "too_many_applications", Message(.errorThinkTankTooManyApplications(applicationLimit.answers, applicationLimit.hours)))
        }
    }

    static func recordApplication(call: LibraryCallModel, address: String, effects: Effects, on db: any Database) async throws {
        let row = LibraryApplicationModel()
        row.id = effects.uuid(); row.callID = call.id!; row.addressHash = addressHash(call: call, address: address); row.submittedAt = effects.now()
        try await row.create(on: db)
    }

    /// A call an applicant may still answer.
    static func openCall(key: String, now: Date, on db: any Database) async throws -> (LibraryCallModel, OrganizationModel)? {
        guard key.count <= 64, let call = try await LibraryCallModel.query(on: db).filter(\.$key == key).first(),
              let closes = CalendarDay(isoDate: call.closesOn), closes >= CalendarDay(chinaDay: now),
              let bureau = try await OrganizationModel.find(call.bureauID, on: db) else { return nil }
        return (call, bureau)
    }
}

extension LibraryStatus {
    var title: TextKey {
        switch self {
        case .candidate: .libraryStatusCandidate
        case .admitted: .libraryStatusAdmitted
        case .suspended: .libraryStatusSuspended
        case .withdrawn: .libraryStatusWithdrawn
        }
    }
}

extension LibraryStatus.Move {
    var title: TextKey {
        switch self {
        case .admit: .libraryMoveAdmit
        case .reject: .libraryMoveReject
        case .suspend: .libraryMoveSuspend
        case .restore: .libraryMoveRestore
        case .withdraw: .libraryMoveWithdraw
        }
    }
}
