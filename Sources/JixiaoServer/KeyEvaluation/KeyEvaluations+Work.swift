import Fluent
import Foundation
import SQLKit
import JixiaoDomain

/// The plan, framework, team and procedure of one key evaluation.
extension KeyEvaluations {
    /// The evaluation for a change by its runners, at the version the person saw; refuses a stale page.
    static func forChange(_ id: UUID, lockVersion: Int?, by caller: Caller, on db: any Database) async throws -> (KeyEvaluationModel, [KeyEvaluationMemberModel]) {
        let (evaluation, members) = try await find(id, by: caller, on: db)
        try caller.authorize(.runKeyEvaluation, accessTarget(evaluation, members: members))
        if let lockVersion, lockVersion != evaluation.lockVersion {
            throw AppError(.conflict, "conflict", Message(.errorKeyEvaluationConflict))
        }
        return (evaluation, members)
    }

    /// Writes the evaluation's own fields and raises its version, only if nobody else did since it was read (the check
    /// and the write are one statement).
    static func bump(_ evaluation: KeyEvaluationModel, on db: any Database) async throws {
        struct Row: Decodable { var id: UUID }
        let claimed = try await db.sql.update(KeyEvaluationModel.schema)
            .set("state", to: SQLBind(evaluation.state)).set("plan", to: SQLBind(evaluation.planJSON)).set("agency_id", to: SQLBind(evaluation.agencyID))
            .set("submitted_by", to: SQLBind(evaluation.submittedBy)).set("title", to: SQLBind(evaluation.title))
            .set("lock_version", to: SQLRaw("lock_version + 1"))
            .where("id", .equal, SQLBind(evaluation.id!)).where("lock_version", .equal, SQLBind(evaluation.lockVersion))
            .returning("id").all(decoding: Row.self)
        guard claimed.count == 1 else { throw AppError(.conflict, "conflict", Message(.errorKeyEvaluationConflict)) }
        evaluation.lockVersion += 1
    }

    private static func requirePlanning(_ evaluation: KeyEvaluationModel) throws {
        guard evaluation.evaluationState == .planning else {
            throw AppError(.conflict, "not_editable", Message(.errorKeyEvaluationNotEditable(evaluation.evaluationState.termKey)))
        }
    }

    // MARK: plan

    /// Saves the plan as typed (the checks that bind it run when it is submitted, so a draft may be incomplete, but
    /// every text must be storable and every date a day).
    static func savePlan(_ id: UUID, plan: EvaluationPlan, agencyCode: String?, lockVersion: Int, by caller: Caller, on db: any Database) async throws {
        let (evaluation, _) = try await forChange(id, lockVersion: lockVersion, by: caller, on: db)
        try requirePlanning(evaluation)
        var plan = plan
        var errors: [AppError] = []
        for (field, text) in [("basis", plan.basis), ("dataToCollect", plan.dataToCollect)] {
            if let problem = AppError.text(text, field: field, maximum: InputLimits.longText, multiLine: true) { errors.append(problem) }
        }
        for (index, milestone) in plan.milestones.enumerated() {
            if let problem = AppError.text(milestone.name, field: "milestones[\(index + 1)].name", maximum: InputLimits.shortText) { errors.append(problem) }
            if !EvaluationPlanRules.isDate(milestone.due) {
                errors.append(.invalid("milestones[\(index + 1)].due", Message(.errorKeyEvaluationMilestoneDate(index + 1))))
            }
        }
        if plan.milestones.count > 20 { errors.append(.invalid("milestones", Message(.errorTooMany("20", String(plan.milestones.count))))) }
        plan.agencyID = nil
        if let code = agencyCode?.trimmed, !code.isEmpty {
            guard plan.evaluatorKind == .agency else { throw FormErrors(errors: errors + [.invalid("agency", Message(.errorKeyEvaluationAgencyForOtherKind))]) }
            let range = HierarchyPath(rawValue: evaluation.organizationPath).subtreeRange
            guard let agency = try await OrganizationModel.query(on: db).filter(\.$code == code).filter(\.$kind == OrganizationKind.agency.rawValue)
                    .filter(\.$isActive == true).filter(\.$path >= range.lower).filter(\.$path < range.upper).first() else {
                throw FormErrors(errors: errors + [.unknownOrganization("agency", code: code)])
            }
            if agency.id != evaluation.agencyID, let refusal = try await Capabilities.entrustmentRefusal(of: agency.id!, for: evaluation, on: db) {
                throw FormErrors(errors: errors + [.invalid("agency", refusal)])
            }
            plan.agencyID = agency.id
        }
        guard errors.isEmpty else { throw FormErrors(errors: errors) }
        evaluation.planJSON = try KeyEvaluationModel.json(plan)
        evaluation.agencyID = plan.agencyID
        let saved = plan
        try await db.transaction { db in
            try await bump(evaluation, on: db)
            try await AuditTrail.record("key_evaluation.plan_saved", entityType: "key_evaluation", entityID: id.uuidString.lowercased(),
                                        summary: "evaluator=\(saved.evaluatorKind.rawValue) agency=\(saved.agencyID?.uuidString.lowercased() ?? "-") methods=\(saved.methods.map(\.rawValue).joined(separator: ",")) milestones=\(saved.milestones.count)",
                                        context: caller.audit, on: db)
        }
    }

    // MARK: framework

    /// Replaces the framework while the plan is being written; it must pass the framework checks (100 in all, the
    /// results groups at least 60 for a project) — each problem names its row.
    static func saveFramework(_ id: UUID, rows: [FrameworkIndicator], lockVersion: Int, by caller: Caller, on db: any Database) async throws {
        let (evaluation, _) = try await forChange(id, lockVersion: lockVersion, by: caller, on: db)
        try requirePlanning(evaluation)
        var errors: [AppError] = []
        if rows.count > InputLimits.indicatorsPerGoal {
            throw AppError.invalid("rows", Message(.errorTooMany(String(InputLimits.indicatorsPerGoal), String(rows.count))))
        }
        for (index, row) in rows.enumerated() {
            let field = "rows[\(index + 1)]"
            for (name, text) in [("level1", row.level1), ("level2", row.level2), ("level3", row.level3)] {
                if let problem = AppError.text(text, field: "\(field).\(name)", maximum: InputLimits.shortText) { errors.append(problem) }
            }
            if let problem = AppError.text(row.criteria, field: "\(field).criteria", maximum: InputLimits.longText, multiLine: true) { errors.append(problem) }
        }
        errors += EvaluationFramework.problems(rows, kind: evaluation.kind).map { $0.appError(kind: evaluation.kind) }
        guard errors.isEmpty else { throw FormErrors(errors: errors) }
        try await db.transaction { db in
            try await bump(evaluation, on: db)
            try await KeyEvaluationScoreModel.query(on: db).filter(\.$evaluationID == id).delete()
            try await replaceFramework(of: id, with: rows, caller: caller, on: db)
            try await AuditTrail.record("key_evaluation.framework_saved", entityType: "key_evaluation", entityID: id.uuidString.lowercased(),
                                        summary: "rows=\(rows.count) groups=\(EvaluationFramework.groupWeights(rows, kind: evaluation.kind).map { "\($0.group)\($0.weight.storedText)" }.joined(separator: ","))",
                                        context: caller.audit, on: db)
        }
    }

    // MARK: team

    /// Adds a person to the team by username with a role their system roles allow; an agency evaluator must belong to
    /// the entrusted agency. Being on the team is what gives an expert or agency evaluator access to the evaluation.
    /// The team is part of the plan the bureau approves: it changes only while the plan is written, so nobody who has
    /// read the others' points (a runner off the team sees them) can join the scoring, or leave and come back.
    static func addMember(_ id: UUID, username: String, role: TeamRole, reason: String = "", lockVersion: Int, by caller: Caller, on db: any Database) async throws {
        let (evaluation, members) = try await forChange(id, lockVersion: lockVersion, by: caller, on: db)
        guard evaluation.evaluationState == .planning else {
            throw AppError(.conflict, "not_editable", Message(.errorKeyEvaluationNotEditable(evaluation.evaluationState.termKey)))
        }
        let name = username.trimmed.lowercased()
        guard let user = try await UserModel.query(on: db).filter(\.$username == name).with(\.$roles).with(\.$organization).first(),
              user.isActive, user.organization.isActive else {
            throw AppError.invalid("username", Message(.errorKeyEvaluationUnknownUser(username.trimmed)))
        }
        let member = try checkedMember(evaluation, members: members, user: user, role: role, by: caller)
        try await db.transaction { db in
            try await bump(evaluation, on: db)
            try await Capabilities.teamJoining(TeamChange(evaluation: evaluation, userID: user.id!, role: role, reason: reason, caller: caller), on: db)
            try await member.create(on: db)
            try await AuditTrail.record("key_evaluation.member_added", entityType: "key_evaluation", entityID: id.uuidString.lowercased(),
                                        summary: "user=\(user.username) role=\(role.rawValue)", context: caller.audit, on: db)
        }
    }

    /// The team's rules for one new member (`user` with its roles and organisation loaded): not on it yet, a part its
    /// system roles allow, the runner's own people as leader or staff, the entrusted agency's evaluators. Returns the
    /// member to create — by `addMember`, or by a draw from the libraries in its own transaction.
    static func checkedMember(_ evaluation: KeyEvaluationModel, members: [KeyEvaluationMemberModel], user: UserModel, role: TeamRole,
                              by caller: Caller) throws -> KeyEvaluationMemberModel {
        if members.contains(where: { $0.userID == user.id! }) { throw AppError.invalid("username", Message(.errorKeyEvaluationAlreadyMember(user.displayName))) }
        let roles = Set(user.roles.compactMap { Role(rawValue: $0.role) })
        guard TeamRole.allowed(for: roles).contains(role) else {
            throw AppError.invalid("role", Message(.errorKeyEvaluationRoleNotAllowed(user.displayName, role.termKey)))
        }
        // The leader and staff are the running organisation's own people (its reach is theirs); experts and agencies come
        // from anywhere and reach the evaluation by being on the team.
        if role == .leader || role == .staff, user.$organization.id != evaluation.organizationID {
            throw AppError.invalid("username", Message(.errorKeyEvaluationStaffOutside(user.displayName)))
        }
        if role == .leader, members.contains(where: { $0.teamRole == .leader }) { throw AppError.invalid("role", Message(.errorKeyEvaluationOneLeader)) }
        if role == .agencyEvaluator, user.$organization.id != evaluation.agencyID {
            throw AppError.invalid("username", Message(evaluation.agencyID == nil ? .errorKeyEvaluationNoAgencyYet(user.displayName)
                                                       : .errorKeyEvaluationNotEntrustedAgency(user.displayName, user.organization.name)))
        }
        let member = KeyEvaluationMemberModel()
        member.id = caller.effects.uuid()
        member.evaluationID = evaluation.id!; member.userID = user.id!; member.role = role.rawValue
        member.userName = user.displayName; member.organizationName = user.organization.name; member.addedAt = caller.now
        return member
    }

    /// Takes a person off the team, with their scores; not once they submitted (their scores are part of the result).
    static func removeMember(_ id: UUID, userID: UUID, lockVersion: Int, by caller: Caller, on db: any Database) async throws {
        let (evaluation, members) = try await forChange(id, lockVersion: lockVersion, by: caller, on: db)
        guard let member = members.first(where: { $0.userID == userID }) else { throw AppError.notFound() }
        guard member.teamRole != .leader else { throw AppError(.conflict, "leader_stays", Message(.errorKeyEvaluationLeaderStays)) }
        guard evaluation.evaluationState == .planning else {
            throw AppError(.conflict, "not_editable", Message(.errorKeyEvaluationNotEditable(evaluation.evaluationState.termKey)))
        }
        try await db.transaction { db in
            try await bump(evaluation, on: db)
            try await KeyEvaluationScoreModel.query(on: db).filter(\.$evaluationID == id).filter(\.$userID == userID).delete()
            try await member.delete(on: db)
            try await Capabilities.teamLeft(TeamChange(evaluation: evaluation, userID: userID, role: member.teamRole, reason: "", caller: caller), on: db)
            try await AuditTrail.record("key_evaluation.member_removed", entityType: "key_evaluation", entityID: id.uuidString.lowercased(),
                                        summary: "user=\(userID.uuidString.lowercased()) name=\(member.userName)", context: caller.audit, on: db)
        }
    }

    // MARK: procedure

    /// Moves the evaluation on. Submitting the plan needs a complete plan, a sound framework and a team with its
    /// leader (and the entrusted agency on it); the report is submitted once every member has scored; the bureau's
    /// decisions are taken by someone other than the submitter.
    static func transition(_ id: UUID, action: KeyEvaluationAction, opinion: String, lockVersion: Int, by caller: Caller, on db: any Database) async throws {
        let (evaluation, members) = try await forChange(id, lockVersion: lockVersion, by: caller, on: db)
        let user = try caller.person()
        if let problem = AppError.text(opinion, field: "opinion", maximum: InputLimits.longText, multiLine: true) { throw problem }
        let from = evaluation.evaluationState
        let next: KeyEvaluationState
        do { next = try KeyEvaluationWorkflow.apply(action, to: from, by: user.userID, submittedBy: evaluation.submittedBy, opinion: opinion) }
        catch { throw error.appError }
        var errors: [AppError] = []
        if action == .submitPlan {
            let plan = try evaluation.plan
            errors += EvaluationPlanRules.problems(plan).map(\.appError)
            let indicators = try await KeyEvaluationIndicatorModel.query(on: db).filter(\.$evaluationID == id).sort(\.$position).all()
            errors += EvaluationFramework.problems(indicators.map(\.framework), kind: evaluation.kind).map { $0.appError(kind: evaluation.kind) }
            let team = try await teamMembers(members, on: db)
            errors += TeamRules.problems(team, plan: plan).map { $0.appError(members: members) }
        }
        if action == .submitReport {
            // The leader writes the report and submits it for the team.
            guard members.contains(where: { $0.userID == user.userID && $0.teamRole == .leader }) else {
                throw AppError(.forbidden, "leader_only", Message(.errorKeyEvaluationLeaderSubmits))
            }
            let waiting = members.filter { $0.submittedAt == nil }
            if !waiting.isEmpty {
                errors.append(.invalid("team", Message(.errorKeyEvaluationScoresMissing(waiting.map(\.userName).joined(separator: "、")))))
            } else {
                errors += try await KeyEvaluationReport.load(id, by: caller, on: db).problems.map(\.appError)
            }
        }
        guard errors.isEmpty else { throw FormErrors(errors: errors) }
        evaluation.state = next.rawValue
        if action == .submitPlan || action == .submitReport { evaluation.submittedBy = user.userID }
        if action.isReview { evaluation.submittedBy = nil }
        try await db.transaction { db in
            try await bump(evaluation, on: db)
            let step = KeyEvaluationTransitionModel()
            step.id = caller.effects.uuid()
            step.evaluationID = id; step.action = action.rawValue; step.fromState = from.rawValue; step.toState = next.rawValue
            step.actorUserID = user.userID; step.actorName = user.displayName; step.opinion = opinion.trimmed; step.occurredAt = caller.now
            try await step.create(on: db)
            try await AuditTrail.record("key_evaluation.\(action.rawValue)", entityType: "key_evaluation", entityID: id.uuidString.lowercased(),
                                        summary: "from=\(from.rawValue) to=\(next.rawValue) opinion=\(opinion.trimmed)", context: caller.audit, on: db)
        }
    }

    /// The members with the organisation each belongs to (for the agency rule).
    static func teamMembers(_ members: [KeyEvaluationMemberModel], on db: any Database) async throws -> [TeamMember] {
        guard !members.isEmpty else { return [] }
        let users = try await UserModel.query(on: db).filter(\.$id ~~ members.map(\.userID)).all()
        let organization = Dictionary(uniqueKeysWithValues: users.map { ($0.id!, $0.$organization.id) })
        return members.compactMap { member in
            organization[member.userID].map { TeamMember(userID: member.userID, role: member.teamRole, organizationID: $0) }
        }
    }
}
