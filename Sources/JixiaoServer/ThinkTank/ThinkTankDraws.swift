import Fluent
import Foundation
import SQLKit
import Vapor
import JixiaoDomain

/// What the officer asks a draw for: so many experts of each field (from the libraries of the bureaus above the
/// evaluation, optionally of one region), and an agency of a type.
struct DrawSpec: Content, Sendable {
    struct FieldCount: Content, Sendable { var field: String; var count: Int }
    var experts: [FieldCount]
    var regionCode: String?
    var agencies: Int?
    var agencyType: String?
}

/// A candidate as the draw saw it, stored so anyone can replay the draw.
struct StoredCandidate: Codable, Sendable { var kind: LibraryKind; var id: UUID; var name: String; var fields: [String]; var conflicts: [ConflictRule] }
struct StoredOutcome: Codable, Sendable {
    struct Pick: Codable, Sendable { var kind: LibraryKind; var id: UUID; var field: String }
    struct Exclusion: Codable, Sendable { var kind: LibraryKind; var id: UUID; var rules: [ConflictRule] }
    var picks: [Pick]
    var exclusions: [Exclusion]
    var missing: [String: Int]
}

/// 随机抽取 into key-evaluation teams, manual additions with a reason, ratings after the work, and the dynamic
/// management proposals they lead to.
enum ThinkTankDraws {
    static let agencyField = "agency"

    // MARK: what the rules know

    /// The evaluated parties of an evaluation: one per object's owner, with its department.
    static func parties(of evaluation: KeyEvaluationModel, on db: any Database) async throws -> [EvaluatedParty] {
        let objects = try await KeyEvaluationObjectModel.query(on: db).filter(\.$evaluationID == evaluation.id!).all()
        let budgetObjects = try await BudgetObjectModel.query(on: db).filter(\.$id ~~ objects.map(\.budgetObjectID)).with(\.$organization).all()
        var parties: [UUID: EvaluatedParty] = [:]
        for object in budgetObjects {
            let owner = object.organization
            if var party = parties[owner.id!] { party.objectIDs.insert(object.id!); parties[owner.id!] = party; continue }
            let department = owner.organizationKind == .department ? owner : try await OrganizationCommands.nearestDepartment(of: owner.hierarchyPath, on: db)
            parties[owner.id!] = EvaluatedParty(objectIDs: [object.id!], organizationID: owner.id!, departmentID: department?.id,
                                                departmentPath: department?.hierarchyPath, fiscalYear: evaluation.fiscalYear)
        }
        return parties.values.sorted { $0.organizationID.uuidString < $1.organizationID.uuidString }
    }

    /// Budget objects among `objects` whose goal, monitoring or self-evaluation each user acted on.
    static func involvement(users: [UUID], objects: Set<UUID>, on db: any Database) async throws -> [UUID: Set<UUID>] {
        guard !users.isEmpty, !objects.isEmpty else { return [:] }
        struct Row: Decodable { var user_id: UUID; var object_id: UUID }
        let u: [any Encodable & Sendable] = users, o: [any Encodable & Sendable] = Array(objects)
        let rows = try await db.sql.raw("""
            SELECT t.actor_user_id AS user_id, v.budget_object_id AS object_id FROM \(ident: GoalTransitionModel.schema) t
              JOIN \(ident: GoalVersionModel.schema) v ON v.id = t.version_id WHERE t.actor_user_id IN (\(binds: u)) AND v.budget_object_id IN (\(binds: o))
            UNION SELECT t.actor_user_id, k.budget_object_id FROM \(ident: MonitoringTables.transitions) t
              JOIN \(ident: MonitoringTables.tasks) k ON k.id = t.task_id WHERE t.actor_user_id IN (\(binds: u)) AND k.budget_object_id IN (\(binds: o))
            UNION SELECT t.actor_user_id, e.budget_object_id FROM \(ident: SelfEvaluationTables.transitions) t
              JOIN \(ident: SelfEvaluationTables.evaluations) e ON e.id = t.evaluation_id WHERE t.actor_user_id IN (\(binds: u)) AND e.budget_object_id IN (\(binds: o))
            """).all(decoding: Row.self)
        var result: [UUID: Set<UUID>] = [:]
        for row in rows { result[row.user_id, default: []].insert(row.object_id) }
        return result
    }

    /// Declared relations, paid work and past draws by department of library members.
    private static func history(of memberIDs: [UUID], on db: any Database) async throws
        -> (relations: [UUID: [LibraryRelationModel]], draws: [UUID: [UUID: [Int]]]) {
        guard !memberIDs.isEmpty else { return ([:], [:]) }
        let relations = Dictionary(grouping: try await LibraryRelationModel.query(on: db).filter(\.$memberID ~~ memberIDs).all(), by: \.memberID)
        var draws: [UUID: [UUID: [Int]]] = [:]
        // Drawn or chosen by hand alike (a favourite added by hand every year counts too); not those who left or were replaced.
        for engagement in try await EngagementModel.query(on: db).filter(\.$memberID ~~ memberIDs).filter(\.$source ~~ ["drawn", "manual"])
            .filter(\.$replacedBy == nil).all() {
            if let department = engagement.departmentID { draws[engagement.memberID, default: [:]][department, default: []].append(engagement.fiscalYear) }
        }
        return (relations, draws)
    }

    private static func record(employer: OrganizationModel?, involved: Set<UUID>, relations: [LibraryRelationModel], draws: [UUID: [Int]],
                               lastReview: Decimal? = nil) -> MemberRecord {
        MemberRecord(employerID: employer?.id, employerPath: employer?.hierarchyPath, involvedObjectIDs: involved,
                     declaredRelations: Set(relations.filter { $0.kind == "relation" }.map(\.organizationID)),
                     paidWork: relations.filter { $0.kind == "paid_work" }.compactMap { r in r.year.map { MemberRecord.PaidWork(organizationID: r.organizationID, year: $0) } },
                     drawsByDepartment: draws, lastReviewScore: lastReview)
    }

    private static func conflicts(_ member: MemberRecord, _ parties: [EvaluatedParty]) -> [ConflictRule] {
        let found = Set(parties.flatMap { ConflictRules.conflicts(member, $0) })
        return ConflictRule.allCases.filter(found.contains)
    }

    /// Finance bureaus whose libraries serve an evaluation run by the organisation at `path`: it and those above.
    static func libraries(for path: HierarchyPath, on db: any Database) async throws -> [OrganizationModel] {
        try await OrganizationModel.query(on: db).filter(\.$id ~~ path.ids).filter(\.$kind == OrganizationKind.financeBureau.rawValue).all()
    }

    /// Every candidate for a draw: admitted experts with an account (and agencies admitted at the runner's level, of the
    /// type asked), with the conflicts each has with the evaluated objects.
    static func candidates(for evaluation: KeyEvaluationModel, members: [KeyEvaluationMemberModel], spec: DrawSpec, region: OrganizationModel?,
                           on db: any Database) async throws -> [StoredCandidate] {
        let parties = try await parties(of: evaluation, on: db)
        let objects = Set(parties.flatMap(\.objectIDs))
        let libraries = try await libraries(for: HierarchyPath(rawValue: evaluation.organizationPath), on: db).compactMap(\.id)
        let onTeam = Set(members.map(\.userID))
        var result: [StoredCandidate] = []

        if spec.experts.contains(where: { $0.count > 0 }) {   // (any field: candidates are every admitted expert, drawn by field later)
            // Nobody on the team already, and nobody who was engaged and replaced on this evaluation.
            let engaged = Set(try await EngagementModel.query(on: db).filter(\.$evaluationID == evaluation.id!).all().map(\.memberID))
            var experts = try await ExpertModel.query(on: db).filter(\.$bureauID ~~ libraries).filter(\.$status == LibraryStatus.admitted.rawValue)
                .filter(\.$userID != nil).all().filter { !onTeam.contains($0.userID!) && !engaged.contains($0.id!) }
            let orgIDs = Set(experts.compactMap(\.employerID) + experts.map(\.regionID))
            let orgs = Dictionary(uniqueKeysWithValues: try await OrganizationModel.query(on: db).filter(\.$id ~~ orgIDs).all().map { ($0.id!, $0) })
            if let region { experts = experts.filter { orgs[$0.regionID].map { region.hierarchyPath.contains($0.hierarchyPath) } ?? false } }
            let involved = try await involvement(users: experts.compactMap(\.userID), objects: objects, on: db)
            let history = try await history(of: experts.compactMap(\.id), on: db)
            for expert in experts {
                let member = record(employer: expert.employerID.flatMap { orgs[$0] }, involved: involved[expert.userID!] ?? [],
                                    relations: history.relations[expert.id!] ?? [], draws: history.draws[expert.id!] ?? [:])
                result.append(StoredCandidate(kind: .expert, id: expert.id!, name: expert.name, fields: expert.fields, conflicts: conflicts(member, parties)))
            }
        }
        if (spec.agencies ?? 0) > 0 {
            let runner = try await OrganizationModel.find(evaluation.organizationID, on: db)
            var agencies = try await AgencyModel.query(on: db).filter(\.$bureauID ~~ libraries).filter(\.$status == LibraryStatus.admitted.rawValue)
                .filter(\.$organizationID != nil).all()
            if let level = runner?.administrativeLevel { agencies = agencies.filter { $0.levels.contains(level) } }
            if let type = spec.agencyType.flatMap(AgencyType.init(rawValue:)) { agencies = agencies.filter { $0.type == type } }
            let orgs = Dictionary(uniqueKeysWithValues: try await OrganizationModel.query(on: db).filter(\.$id ~~ agencies.compactMap(\.organizationID)).all().map { ($0.id!, $0) })
            let staff = try await UserModel.query(on: db).filter(\.$organization.$id ~~ Array(orgs.keys)).all()
            let involvedByUser = try await involvement(users: staff.compactMap(\.id), objects: objects, on: db)
            let history = try await history(of: agencies.compactMap(\.id), on: db)
            let reviews = try await lastReviews(of: agencies.compactMap(\.id), on: db)
            for agency in agencies {
                let involved = staff.filter { $0.$organization.id == agency.organizationID }.reduce(into: Set<UUID>()) { $0.formUnion(involvedByUser[$1.id!] ?? []) }
                let member = record(employer: agency.organizationID.flatMap { orgs[$0] }, involved: involved, relations: history.relations[agency.id!] ?? [],
                                    draws: history.draws[agency.id!] ?? [:], lastReview: reviews[agency.id!].map { Decimal($0) })
                result.append(StoredCandidate(kind: .agency, id: agency.id!, name: agency.name, fields: [agencyField, agency.agencyType], conflicts: conflicts(member, parties)))
            }
        }
        return result
    }

    /// Each agency's score in its latest quality review.
    static func lastReviews(of agencyIDs: [UUID], on db: any Database) async throws -> [UUID: Int] {
        guard !agencyIDs.isEmpty else { return [:] }
        var result: [UUID: (Date, Int)] = [:]
        for review in try await QualityReviewModel.query(on: db).filter(\.$agencyID ~~ agencyIDs).all() {
            if let seen = result[review.agencyID], seen.0 >= review.reviewedAt { continue }
            result[review.agencyID] = (review.reviewedAt, review.total)
        }
        return result.mapValues(\.1)
    }

    /// The draw itself: the same candidates, spec and seed always give the same outcome.
    static func outcome(_ candidates: [StoredCandidate], spec: DrawSpec, seed: UInt64) -> StoredOutcome {
        func drawn(_ kind: LibraryKind, _ request: DrawRequest) -> DrawOutcome {
            LibraryDraw.draw(candidates.filter { $0.kind == kind }.map { DrawCandidate(id: $0.id, fields: Set($0.fields), conflicts: $0.conflicts) },
                             request: request, seed: seed)
        }
        let experts = drawn(.expert, DrawRequest(spec.experts.map { ($0.field, $0.count) }))
        let agencyCount = spec.agencies ?? 0
        let agencies = drawn(.agency, DrawRequest(agencyCount > 0 ? [(spec.agencyType ?? agencyField, agencyCount)] : []))
        return StoredOutcome(
            picks: experts.picks.map { .init(kind: .expert, id: $0.id, field: $0.field) } + agencies.picks.map { .init(kind: .agency, id: $0.id, field: $0.field) },
            exclusions: experts.exclusions.map { .init(kind: .expert, id: $0.id, rules: $0.rules) } + agencies.exclusions.map { .init(kind: .agency, id: $0.id, rules: $0.rules) },
            missing: experts.missing.merging(agencies.missing, uniquingKeysWith: +))
    }

    private static func json(_ value: some Encodable) throws -> String { try KeyEvaluationModel.json(value) }

    // MARK: drawing

    /// Draws the team's experts (and the entrusted agency) while the plan is written, skipping every candidate with a
    /// conflict; fills the team in one transaction with the draw's record (seed, request, candidates, outcome). A draw
    /// that cannot be filled changes nothing and says, per field, how many are missing and why the others were skipped.
    static func draw(evaluationID: UUID, spec: DrawSpec, seed: UInt64? = nil, lockVersion: Int?, by caller: Caller, on db: any Database) async throws -> UUID {
        let (evaluation, members) = try await KeyEvaluations.forChange(evaluationID, lockVersion: lockVersion, by: caller, on: db)
        guard evaluation.evaluationState == .planning else {
            throw AppError(.conflict, "not_editable", Message(.errorKeyEvaluationNotEditable(evaluation.evaluationState.termKey)))
        }
        var errors: [AppError] = []
        for (index, line) in spec.experts.enumerated() {
            if ExpertField.named(line.field) == nil { errors.append(.invalid("experts[\(index + 1)].field", Message(.errorThinkTankUnknownField(line.field)))) }
            if !(0...20).contains(line.count) { errors.append(.invalid("experts[\(index + 1)].count", Message(.errorThinkTankDrawCount))) }
        }
        if Set(spec.experts.map(\.field)).count != spec.experts.count { errors.append(.invalid("experts", Message(.errorThinkTankDrawFieldTwice))) }
        let agencies = spec.agencies ?? 0
        if !(0...1).contains(agencies) { errors.append(.invalid("agencies", Message(.errorThinkTankDrawAgencies))) }
        if let type = spec.agencyType, !type.isEmpty, AgencyType(rawValue: type) == nil { errors.append(.invalid("agencyType", Message(.errorThinkTankAgencyType))) }
        if spec.experts.allSatisfy({ $0.count == 0 }) && agencies == 0 { errors.append(.invalid("experts", Message(.errorThinkTankDrawNothing))) }
        if agencies > 0 {
            if try evaluation.plan.evaluatorKind != .agency { errors.append(.invalid("agencies", Message(.errorThinkTankDrawAgencyNotEntrusting))) }
            else if evaluation.agencyID != nil { errors.append(.invalid("agencies", Message(.errorThinkTankDrawAgencyChosen))) }
        }
        var region: OrganizationModel?
        if let code = spec.regionCode?.trimmed, !code.isEmpty {
            region = try await OrganizationCommands.byCode(code, on: db)
            if region?.organizationKind != .financeBureau || !(region.map { caller.reaches(.viewOrganization, $0.accessTarget) } ?? false) {
                errors.append(.unknownOrganization("regionCode", code: code)); region = nil
            }
        }
        guard errors.isEmpty else { throw FormErrors(errors: errors) }
        var cleaned = spec
        cleaned.agencyType = (spec.agencyType ?? "").isEmpty ? nil : spec.agencyType
        cleaned.experts = spec.experts.filter { $0.count > 0 }

        let candidates = try await candidates(for: evaluation, members: members, spec: cleaned, region: region, on: db)
        let seed = seed ?? caller.effects.seed()
        let outcome = outcome(candidates, spec: cleaned, seed: seed)
        guard outcome.missing.isEmpty else { throw shortfall(outcome, candidates: candidates, spec: cleaned) }

        let user = try caller.person()
        let drawID = caller.effects.uuid()
        let pickedExperts = outcome.picks.filter { $0.kind == .expert }.map(\.id)
        let experts = try await ExpertModel.query(on: db).filter(\.$id ~~ pickedExperts).all()
        let accounts = Dictionary(uniqueKeysWithValues: try await UserModel.query(on: db).filter(\.$id ~~ experts.compactMap(\.userID))
            .with(\.$roles).with(\.$organization).all().map { ($0.id!, $0) })
        var newMembers: [KeyEvaluationMemberModel] = []
        var team = members
        for id in pickedExperts {
            guard let expert = experts.first(where: { $0.id == id }), let account = expert.userID.flatMap({ accounts[$0] }), account.isActive else {
                throw AppError(.conflict, "account_missing", Message(.errorThinkTankExpertAccount))
            }
            let member = try KeyEvaluations.checkedMember(evaluation, members: team, user: account, role: .expert, by: caller)
            newMembers.append(member); team.append(member)
        }
        let agencyPick = outcome.picks.first { $0.kind == .agency }
        var agencyOrganization: UUID?
        if let agencyPick { agencyOrganization = try await AgencyModel.find(agencyPick.id, on: db)?.organizationID }
        let departments = try await parties(of: evaluation, on: db)
        let toCreate = newMembers, entrusted = agencyOrganization
        let record = LibraryDrawModel()
        record.id = drawID; record.evaluationID = evaluationID; record.seed = String(seed); record.requestJSON = try json(cleaned)
        record.candidatesJSON = try json(candidates); record.outcomeJSON = try json(outcome)
        record.requestedBy = user.userID; record.requestedByName = user.displayName; record.occurredAt = caller.now
        try await db.transaction { db in
            if let entrusted {
                var plan = try evaluation.plan
                plan.agencyID = entrusted
                evaluation.planJSON = try KeyEvaluationModel.json(plan)
                evaluation.agencyID = entrusted
            }
            try await KeyEvaluations.bump(evaluation, on: db)
            try await record.create(on: db)
            for member in toCreate { try await member.create(on: db) }
            for pick in outcome.picks {
                try await engage(evaluation, kind: pick.kind, memberID: pick.id, department: departments.first?.departmentID, source: "drawn", drawID: drawID,
                                 reason: "", by: caller, on: db)
            }
            try await AuditTrail.record("think_tank.drawn", entityType: "key_evaluation", entityID: evaluationID.uuidString.lowercased(),
                                        summary: "draw=\(drawID.uuidString.lowercased()) seed=\(seed) picks=\(outcome.picks.count) exclusions=\(outcome.exclusions.count)",
                                        context: caller.audit, on: db)
        }
        return drawID
    }

    private static func engage(_ evaluation: KeyEvaluationModel, kind: LibraryKind, memberID: UUID, department: UUID?, source: String, drawID: UUID?,
                               reason: String, by caller: Caller, on db: any Database) async throws {
        let engagement = EngagementModel()
        engagement.id = caller.effects.uuid(); engagement.evaluationID = evaluation.id!; engagement.memberKind = kind.rawValue
        engagement.memberID = memberID; engagement.departmentID = department; engagement.fiscalYear = evaluation.fiscalYear
        engagement.source = source; engagement.drawID = drawID; engagement.reason = reason
        engagement.createdByName = try caller.person().displayName; engagement.createdAt = caller.now
        try await engagement.create(on: db)
    }

    /// Why a draw could not be filled: per field, how many are missing, how many qualified and why the others were skipped.
    static func shortfall(_ outcome: StoredOutcome, candidates: [StoredCandidate], spec: DrawSpec) -> AppError {
        var details: [AppError.Detail] = []
        for (field, missing) in outcome.missing.sorted(by: { $0.key < $1.key }) {
            let qualified = candidates.filter { $0.fields.contains(field) }
            var reasons: [ConflictRule: Int] = [:]
            for candidate in qualified { for rule in candidate.conflicts { reasons[rule, default: 0] += 1 } }
            let why = ConflictCounts(counts: ConflictRule.allCases.compactMap { rule in reasons[rule].map { (rule, $0) } })
            details.append(AppError.Detail(line: nil, location: nil, field: field,
                                           message: Message(.errorThinkTankDrawFieldShort(DrawFieldName(code: field), missing, qualified.count, why))))
        }
        let total = outcome.missing.values.reduce(0, +)
        return AppError(.unprocessableEntity, "draw_short", Message(.errorThinkTankDrawShort(total)), field: "experts", details: details)
    }

    /// The draw recorded, and whether drawing again from its stored candidates, request and seed gives the same outcome.
    static func replay(_ drawID: UUID, by caller: Caller, on db: any Database) async throws -> (LibraryDrawModel, [StoredCandidate], StoredOutcome, matches: Bool) {
        guard let record = try await LibraryDrawModel.find(drawID, on: db) else { throw AppError.notFound() }
        _ = try await KeyEvaluations.find(record.evaluationID, by: caller, on: db)
        let (candidates, stored, matches) = try replayed(record)
        return (record, candidates, stored, matches)
    }

    /// The replay of a record already authorized for reading (pure: no database).
    static func replayed(_ record: LibraryDrawModel) throws -> ([StoredCandidate], StoredOutcome, matches: Bool) {
        let decoder = JSONDecoder()
        let candidates = try decoder.decode([StoredCandidate].self, from: Data(record.candidatesJSON.utf8))
        let spec = try decoder.decode(DrawSpec.self, from: Data(record.requestJSON.utf8))
        let stored = try decoder.decode(StoredOutcome.self, from: Data(record.outcomeJSON.utf8))
        guard let seed = UInt64(record.seed) else { throw AppError.notFound() }
        return (candidates, stored, try json(outcome(candidates, spec: spec, seed: seed)) == json(stored))
    }

    // MARK: by hand

    /// Adds an admitted expert by hand, with a recorded reason (marked as such wherever the team is shown), optionally
    /// in place of a drawn one who leaves the team. A member with a conflict is never added.
    static func addByHand(evaluationID: UUID, expertID: UUID, reason: String, replacing: UUID?, lockVersion: Int?, by caller: Caller, on db: any Database) async throws {
        let (evaluation, members) = try await KeyEvaluations.forChange(evaluationID, lockVersion: lockVersion, by: caller, on: db)
        guard evaluation.evaluationState == .planning else {
            throw AppError(.conflict, "not_editable", Message(.errorKeyEvaluationNotEditable(evaluation.evaluationState.termKey)))
        }
        let reason = reason.trimmed
        if reason.isEmpty { throw AppError.invalid("reason", Message(.errorThinkTankManualReason)) }
        if let problem = AppError.text(reason, field: "reason", maximum: InputLimits.longText, multiLine: true) { throw problem }
        let libraries = try await libraries(for: HierarchyPath(rawValue: evaluation.organizationPath), on: db).compactMap(\.id)
        guard let expert = try await ExpertModel.find(expertID, on: db), libraries.contains(expert.bureauID) else {
            throw AppError.invalid("expert", Message(.errorThinkTankUnknownExpert))
        }
        guard expert.libraryStatus == .admitted, let userID = expert.userID,
              let account = try await UserModel.query(on: db).filter(\.$id == userID).with(\.$roles).with(\.$organization).first(), account.isActive else {
            throw AppError.invalid("expert", Message(.errorThinkTankNotAdmitted(expert.name, expert.libraryStatus.title)))
        }
        var replaced: (EngagementModel, KeyEvaluationMemberModel)?
        if let replacing {
            guard let engagement = try await EngagementModel.query(on: db).filter(\.$evaluationID == evaluationID).filter(\.$memberID == replacing)
                    .filter(\.$memberKind == LibraryKind.expert.rawValue).filter(\.$replacedBy == nil).first(),
                  let old = try await ExpertModel.find(replacing, on: db), let member = members.first(where: { $0.userID == old.userID }) else {
                throw AppError.invalid("replacing", Message(.errorThinkTankNotOnTeam))
            }
            replaced = (engagement, member)
        }
        let team = members.filter { $0.id != replaced?.1.id }
        let parties = try await parties(of: evaluation, on: db)
        let found = try await conflicts(of: expert, userID: userID, parties: parties, on: db)
        if !found.isEmpty {
            throw AppError.invalid("expert", Message(.errorThinkTankManualConflict(expert.name, ConflictList(rules: found))))
        }
        if try await EngagementModel.query(on: db).filter(\.$evaluationID == evaluationID).filter(\.$memberID == expertID).first() != nil {
            throw AppError.invalid("expert", Message(.errorKeyEvaluationAlreadyMember(expert.name)))
        }
        let member = try KeyEvaluations.checkedMember(evaluation, members: team, user: account, role: .expert, by: caller)
        let leaving = replaced
        try await db.transaction { db in
            try await KeyEvaluations.bump(evaluation, on: db)
            if let (engagement, old) = leaving {
                try await KeyEvaluationScoreModel.query(on: db).filter(\.$evaluationID == evaluationID).filter(\.$userID == old.userID).delete()
                try await old.delete(on: db)
                engagement.replacedBy = expertID
                try await engagement.save(on: db)
            }
            try await member.create(on: db)
            try await engage(evaluation, kind: .expert, memberID: expertID, department: parties.first?.departmentID, source: "manual", drawID: nil,
                             reason: reason, by: caller, on: db)
            try await AuditTrail.record("think_tank.added_by_hand", entityType: "key_evaluation", entityID: evaluationID.uuidString.lowercased(),
                                        summary: "expert=\(expertID.uuidString.lowercased()) replacing=\(replacing?.uuidString.lowercased() ?? "-")",
                                        context: caller.audit, on: db)
        }
    }

    /// The conflicts one expert has with an evaluation's parties.
    static func conflicts(of expert: ExpertModel, userID: UUID, parties: [EvaluatedParty], on db: any Database) async throws -> [ConflictRule] {
        let involved = try await involvement(users: [userID], objects: Set(parties.flatMap(\.objectIDs)), on: db)
        let history = try await history(of: [expert.id!], on: db)
        let employer = try await expert.employerID.asyncMap { try await OrganizationModel.find($0, on: db) } ?? nil
        return conflicts(record(employer: employer, involved: involved[userID] ?? [], relations: history.relations[expert.id!] ?? [],
                                draws: history.draws[expert.id!] ?? [:]), parties)
    }

    /// Whether the caller reads why candidates were skipped and how members were rated: the evaluation's runners and the
    /// library managers above it, not the team.
    static func seesReasons(_ evaluationID: UUID, by caller: Caller, on db: any Database) async throws -> Bool {
        guard let evaluation = try await KeyEvaluationModel.find(evaluationID, on: db) else { return false }
        let target = AccessTarget(organizationID: evaluation.organizationID, organizationPath: HierarchyPath(rawValue: evaluation.organizationPath))
        return caller.reaches(.runKeyEvaluation, target) || caller.reaches(.manageThinkTank, target)
    }

    // MARK: the key evaluation's own team form

    /// A library expert joining a team through the key evaluation's own form: admitted, free of conflicts, and — added by
    /// hand — with a reason, recorded as an engagement like the think tank's own hand additions. People outside the
    /// libraries join as before.
    static func joining(_ change: TeamChange, on db: any Database) async throws {
        guard change.role == .expert else { return }
        let libraries = try await libraries(for: HierarchyPath(rawValue: change.evaluation.organizationPath), on: db).compactMap(\.id)
        guard let expert = try await ExpertModel.query(on: db).filter(\.$userID == change.userID).filter(\.$bureauID ~~ libraries).sort(\.$createdAt).first() else {
            // Where the runner's libraries hold experts, experts come from them (drawn, or chosen by hand with a reason).
            if try await ExpertModel.query(on: db).filter(\.$bureauID ~~ libraries).filter(\.$status == LibraryStatus.admitted.rawValue).first() != nil {
                throw AppError.invalid("username", Message(.errorThinkTankNotInLibrary))
            }
            return
        }
        guard expert.libraryStatus == .admitted else {
            throw AppError.invalid("username", Message(.errorThinkTankNotAdmitted(expert.name, expert.libraryStatus.title)))
        }
        let parties = try await parties(of: change.evaluation, on: db)
        let found = try await conflicts(of: expert, userID: change.userID, parties: parties, on: db)
        if !found.isEmpty {
            throw AppError.invalid("username", Message(.errorThinkTankManualConflict(expert.name, ConflictList(rules: found))))
        }
        let reason = change.reason.trimmed
        if reason.isEmpty { throw AppError.invalid("reason", Message(.errorThinkTankManualReason)) }
        if let problem = AppError.text(reason, field: "reason", maximum: InputLimits.longText, multiLine: true) { throw problem }
        if try await EngagementModel.query(on: db).filter(\.$evaluationID == change.evaluation.id!).filter(\.$memberID == expert.id!).first() != nil {
            throw AppError.invalid("username", Message(.errorThinkTankEngagedBefore(expert.name)))
        }
        try await engage(change.evaluation, kind: .expert, memberID: expert.id!, department: parties.first?.departmentID, source: "manual", drawID: nil,
                         reason: reason, by: change.caller, on: db)
    }

    /// Why an agency organisation may not be entrusted to this evaluation through its plan: the agency the draw chose is
    /// not swapped without the draw's record; a library agency (of the runner's libraries) must be admitted, free of the
    /// conflict rules (paid work, a declared relation, involvement, a review below the line). Agencies outside the
    /// runner's libraries are the runner's call.
    static func entrustmentRefusal(of organizationID: UUID, for evaluation: KeyEvaluationModel, on db: any Database) async throws -> Message? {
        if try await EngagementModel.query(on: db).filter(\.$evaluationID == evaluation.id!).filter(\.$memberKind == LibraryKind.agency.rawValue)
            .filter(\.$source == "drawn").filter(\.$replacedBy == nil).first() != nil {
            return Message(.errorThinkTankAgencyDrawn)
        }
        let libraries = try await libraries(for: HierarchyPath(rawValue: evaluation.organizationPath), on: db).compactMap(\.id)
        let records = try await AgencyModel.query(on: db).filter(\.$organizationID == organizationID).filter(\.$bureauID ~~ libraries).all()
        guard let record = records.first(where: { $0.libraryStatus == .admitted }) ?? records.first else { return nil }
        guard record.libraryStatus == .admitted else { return Message(.errorThinkTankAgencyNotEntrustable(record.name, record.libraryStatus.title)) }
        let candidates = try await candidates(for: evaluation, members: [], spec: DrawSpec(experts: [], agencies: 1), region: nil, on: db)
        if let found = candidates.first(where: { $0.id == record.id }), !found.conflicts.isEmpty {
            return Message(.errorThinkTankManualConflict(record.name, ConflictList(rules: found.conflicts)))
        }
        return nil
    }

    /// Someone left the team while the plan was written: their engagement is marked "left" (no work to rate).
    static func left(_ change: TeamChange, on db: any Database) async throws {
        let experts = try await ExpertModel.query(on: db).filter(\.$userID == change.userID).all().compactMap(\.id)
        guard !experts.isEmpty else { return }
        // Kept, marked as having left (the team page and the audit trail show it); nobody who left is drawn or added again.
        try await EngagementModel.query(on: db).filter(\.$evaluationID == change.evaluation.id!).filter(\.$memberID ~~ experts)
            .filter(\.$replacedBy == nil).set(\.$source, to: "left").update()
    }

    // MARK: ratings

    /// The organiser rates a member's work once the report is submitted: only the evaluation's runners, once each.
    static func rate(engagementID: UUID, rating: ExpertRating, comment: String, by caller: Caller, on db: any Database) async throws {
        guard let engagement = try await EngagementModel.find(engagementID, on: db) else { throw AppError.notFound() }
        let (evaluation, members) = try await KeyEvaluations.find(engagement.evaluationID, by: caller, on: db)
        guard caller.reaches(.runKeyEvaluation, KeyEvaluations.accessTarget(evaluation, members: members)) else {
            throw AppError(.forbidden, "not_organiser", Message(.errorThinkTankRatingNotOrganiser))
        }
        guard [.reportSubmitted, .finalized].contains(evaluation.evaluationState) else {
            throw AppError(.conflict, "too_early", Message(.errorThinkTankRatingTooEarly))
        }
        guard engagement.replacedBy == nil && engagement.source != "left" else { throw AppError(.conflict, "replaced", Message(.errorThinkTankRatingReplaced)) }
        guard rating.isValid else { throw AppError.invalid("rating", Message(.errorThinkTankRatingRange)) }
        if let problem = AppError.text(comment, field: "comment", maximum: InputLimits.longText, multiLine: true) { throw problem }
        if try await LibraryRatingModel.query(on: db).filter(\.$engagementID == engagementID).first() != nil {
            throw AppError(.conflict, "already_rated", Message(.errorThinkTankAlreadyRated))
        }
        let user = try caller.person()
        let row = LibraryRatingModel()
        row.id = caller.effects.uuid(); row.engagementID = engagementID; row.memberID = engagement.memberID
        row.attitude = rating.attitude; row.ability = rating.ability; row.integrity = rating.integrity; row.comment = comment.trimmed
        row.ratedBy = user.userID; row.ratedByName = user.displayName; row.ratedAt = caller.now
        do {
            try await db.transaction { db in
                try await row.create(on: db)
                try await AuditTrail.record("think_tank.rated", entityType: engagement.memberKind, entityID: engagement.memberID.uuidString.lowercased(),
                                        summary: "evaluation=\(engagement.evaluationID.uuidString.lowercased()) attitude=\(rating.attitude) ability=\(rating.ability) integrity=\(rating.integrity)",
                                            context: caller.audit, on: db)
            }
        } catch {
            // Two organisers rating at once: the unique engagement lets one through; the other hears it is rated.
            if try await LibraryRatingModel.query(on: db).filter(\.$engagementID == engagementID).first() != nil {
                throw AppError(.conflict, "already_rated", Message(.errorThinkTankAlreadyRated))
            }
            throw error
        }
    }

    // MARK: dynamic management

    struct Proposal: Sendable {
        var kind: LibraryKind
        var id: UUID
        var name: String
        /// The rule's words: "最近 3 次评价平均 2.67 分，低于 3 分".
        var basis: String
    }

    /// What the rules propose for a bureau's libraries: admitted experts whose last ratings are too low, admitted
    /// agencies whose last quality review fell below the line. Nothing changes until a person confirms.
    static func proposals(bureau: OrganizationModel, rules: DynamicManagementRules = DynamicManagementRules(), on db: any Database) async throws -> [Proposal] {
        var result: [Proposal] = []
        let experts = try await ExpertModel.query(on: db).filter(\.$bureauID == bureau.id!).filter(\.$status == LibraryStatus.admitted.rawValue).all()
        let ratings = Dictionary(grouping: try await LibraryRatingModel.query(on: db).filter(\.$memberID ~~ experts.compactMap(\.id)).sort(\.$ratedAt).all(), by: \.memberID)
        // A restored member starts afresh: only ratings after the last move into the library count.
        var since: [UUID: Date] = [:]
        for change in try await LibraryStatusChangeModel.query(on: db).filter(\.$memberID ~~ experts.compactMap(\.id))
            .filter(\.$toStatus == LibraryStatus.admitted.rawValue).all() {
            since[change.memberID] = max(since[change.memberID] ?? .distantPast, change.occurredAt)
        }
        for expert in experts {
            let list = (ratings[expert.id!] ?? []).filter { $0.ratedAt > (since[expert.id!] ?? .distantPast) }.map(\.rating)
            guard DynamicManagement.proposesSuspension(list, rules: rules) else { continue }
            let last = list.suffix(rules.expertWindow)
            var mean = last.reduce(Decimal(0)) { $0 + $1.mean } / Decimal(last.count), rounded = Decimal()
            NSDecimalRound(&rounded, &mean, 2, .plain)
            result.append(Proposal(kind: .expert, id: expert.id!, name: expert.name,
                                   basis: "最近 \(last.count) 次评价平均 \(rounded) 分，低于 \(rules.expertMeanBelow) 分（建议暂停）"))
        }
        let agencies = try await AgencyModel.query(on: db).filter(\.$bureauID == bureau.id!).filter(\.$status == LibraryStatus.admitted.rawValue).all()
        let reviews = try await lastReviews(of: agencies.compactMap(\.id), on: db)
        for agency in agencies {
            guard let score = reviews[agency.id!], DynamicManagement.excludesAgency(lastReviewScore: Decimal(score), rules: rules) else { continue }
            result.append(Proposal(kind: .agency, id: agency.id!, name: agency.name,
                                   basis: "最近一次评价报告质量评审 \(score) 分，低于 \(rules.agencyScoreBelow) 分（建议暂停委托）"))
        }
        return result
    }

    /// A person confirms a proposal: the member is suspended with the rule's words and the person's own reason.
    static func confirm(kind: LibraryKind, id: UUID, reason: String, by caller: Caller, on db: any Database) async throws {
        let bureau = try await managedBureauOf(kind: kind, id: id, on: db)
        try caller.authorize(.manageThinkTank, bureau.accessTarget)
        guard let proposal = try await proposals(bureau: bureau, on: db).first(where: { $0.kind == kind && $0.id == id }) else {
            throw AppError(.conflict, "no_proposal", Message(.errorThinkTankNoProposal))
        }
        let text = reason.trimmed.isEmpty ? "" : "；" + reason.trimmed
        switch kind {
        case .expert: _ = try await ThinkTankLibrary.moveExpert(id, .suspend, reason: proposal.basis + text, lockVersion: nil, byRule: true, by: caller, on: db)
        case .agency: try await ThinkTankLibrary.moveAgency(id, .suspend, reason: proposal.basis + text, organizationCode: nil, lockVersion: nil, byRule: true, by: caller, on: db)
        }
    }

    private static func managedBureauOf(kind: LibraryKind, id: UUID, on db: any Database) async throws -> OrganizationModel {
        let bureauID: UUID?
        switch kind {
        case .expert: bureauID = try await ExpertModel.find(id, on: db)?.bureauID
        case .agency: bureauID = try await AgencyModel.find(id, on: db)?.bureauID
        }
        guard let bureauID, let bureau = try await OrganizationModel.find(bureauID, on: db) else { throw AppError.notFound() }
        return bureau
    }
}
