import Fluent
import SQLKit
import Vapor
import JixiaoDomain

/// What a person fills in to open a budget object.
struct BudgetObjectDraft: Sendable {
    var kind: BudgetObjectKind
    var code: String
    var name: String
    var organizationCode: String
    var fiscalYear: Int
    var functionalClassification: String
    var fundSource: FundSource
    var category: ProjectCategory
    var startYear: Int
    var endYear: Int
    var requestedWanYuan: String
    var isKeyProject: Bool
    var isServiceProject: Bool
}

/// A budget object with the goal version a person is looking at.
struct LoadedGoal: Sendable {
    var object: BudgetObjectModel
    var organization: OrganizationModel
    var version: GoalVersionModel
    var goal: PerformanceGoal
    var versions: [GoalVersionModel]

    var target: AccessTarget { organization.accessTarget }
}

/// 绩效目标 use cases shared by pages, API, importer, demo and generator. Each takes a `Caller` (never a request),
/// authorizes, applies the domain rules and saves with its
/// audit entry in one transaction. Concurrent changes are caught by the version's lock counter.
enum GoalCommands {
    // MARK: budget objects

    static func open(_ draft: BudgetObjectDraft, by caller: Caller, on db: any Database) async throws -> BudgetObjectModel {
        let user = try caller.person()
        var errors: [AppError] = []
        let organization = try await OrganizationCommands.byCode(draft.organizationCode, on: db)
        let reachable = organization.map { Authorization.decide(user.actor, .viewOrganization, $0.accessTarget) != .conceal } ?? false
        if !reachable { errors.append(.unknownOrganization("organization_code", code: draft.organizationCode)) }
        var requested = Money.zero
        do { requested = try Money(wanYuan: draft.requestedWanYuan) } catch { errors.append(.invalid("requested", Message(.errorMoney))) }
        for problem in BudgetObjectRules.validate(name: draft.name, code: draft.code, fiscalYear: draft.fiscalYear, startYear: draft.startYear,
                                                  endYear: draft.endYear, requested: requested, approved: nil) {
            errors.append(problem.appError)
        }
        if errors.isEmpty, let holder = try await BudgetObjectModel.query(on: db).filter(\.$code == draft.code)
            .filter(\.$fiscalYear == draft.fiscalYear).first(),
           let holderOrganization = try await OrganizationModel.find(holder.$organization.id, on: db) {
            errors.append(.taken("code", value: draft.code, holderInReach: caller.reaches(.viewBudget, holderOrganization.accessTarget)))
        }
        if !errors.isEmpty { throw FormErrors(errors: errors) }
        guard let organization else { throw FormErrors(errors: errors) }
        try caller.authorize(.declareGoal, organization.accessTarget)
        if let problem = BudgetObjectRules.ownerProblem(kind: draft.kind, ownerKind: organization.organizationKind) {
            throw FormErrors(errors: [problem.appError])
        }
        if draft.kind == .departmentOverall {
            // 部门整体支出: one per department per year.
            if try await BudgetObjectModel.query(on: db).filter(\.$organization.$id == organization.id!).filter(\.$fiscalYear == draft.fiscalYear)
                .filter(\.$kind == BudgetObjectKind.departmentOverall.rawValue).first() != nil {
                throw FormErrors(errors: [AppError(.conflict, "department_overall_exists", Message(.errorDepartmentOverallExists), field: "kind")])
            }
        }

        let object = BudgetObjectModel()
        object.id = caller.effects.uuid(); object.kind = draft.kind.rawValue; object.code = draft.code; object.name = draft.name
        object.$organization.id = organization.id!; object.fiscalYear = draft.fiscalYear
        object.functionalClassification = draft.functionalClassification; object.fundSource = draft.fundSource.rawValue
        object.category = draft.category.rawValue; object.startYear = draft.startYear; object.endYear = draft.endYear
        object.requestedFen = requested.fen; object.isKeyProject = draft.isKeyProject; object.isServiceProject = draft.isServiceProject
        let version = newVersion(for: object.id!, number: 1, goal: PerformanceGoal(annualGoal: "", indicators: []), id: caller.effects.uuid())
        object.currentVersionID = version.id!; object.currentState = version.state
        try await db.transaction { db in
            try await object.create(on: db)
            try await version.create(on: db)
            try await AuditTrail.record("budget_object.created", entityType: "budget_object", entityID: object.id!.uuidString.lowercased(),
                                        summary: "after: \(object.auditSummary)", context: caller.audit, on: db)
        }
        return object
    }

    private static func newVersion(for objectID: UUID, number: Int, goal: PerformanceGoal, id: UUID) -> GoalVersionModel {
        let version = GoalVersionModel()
        version.id = id; version.$budgetObject.id = objectID; version.versionNumber = number
        version.state = GoalState.draft.rawValue; version.annualGoal = goal.annualGoal; version.midTermGoal = goal.midTermGoal
        version.isAdjustment = number > 1; version.everSubmitted = false; version.lockVersion = 0
        version.validationErrors = 0; version.lintWarnings = 0; version.lintNotices = 0
        return version
    }

    // MARK: loading

    /// The object and the version asked for (default: the newest the person may see).
    static func load(_ objectID: UUID, versionNumber: Int? = nil, by caller: Caller, on db: any Database) async throws -> LoadedGoal {
        let user = try caller.person()
        guard let object = try await GoalReads.object(objectID, on: db) else { throw AppError.notFound() }
        try await caller.authorizeObjectRead(objectID, object.organization.accessTarget, on: db)
        let versions = try await GoalReads.versions(of: objectID, on: db)
        let visible = versions.filter {
            GoalVisibility.canSee(user.actor, ownerOrganizationPath: object.organization.hierarchyPath, state: $0.goalState, everSubmitted: $0.everSubmitted)
        }
        let chosen = versionNumber.flatMap { number in visible.first { $0.versionNumber == number } } ?? (versionNumber == nil ? visible.last : nil)
        guard let version = chosen else { throw AppError.notFound() }
        return LoadedGoal(object: object, organization: object.organization, version: version,
                          goal: try await goal(of: version, kind: object.objectKind, on: db), versions: visible)
    }

    /// The content of a version. Only a transfer payment has regional goals (`saveContent` drops them for other
    /// objects), so a read that names another kind does not ask for them.
    static func goal(of version: GoalVersionModel, kind: BudgetObjectKind? = nil, on db: any Database) async throws -> PerformanceGoal {
        let rows = try await IndicatorRow.of(version: version.id!, on: db)
        return PerformanceGoal(annualGoal: version.annualGoal, midTermGoal: version.midTermGoal,
                               indicators: rows.filter { $0.region_row_id == nil }.map(\.indicator),
                               regions: kind == nil || kind == .transferPayment ? try await RegionalGoalStore.load(versionID: version.id!, indicatorRows: rows, on: db) : [])
    }

    /// Writes a version's indicator rows and regional goals, replacing what it had.
    private static func writeContent(_ goal: PerformanceGoal, of version: GoalVersionModel, owner: OrganizationModel, on db: any Database) async throws {
        try await GoalIndicatorModel.query(on: db).filter(\.$versionID == version.id!).delete()
        try await RegionalGoalStore.delete(versionID: version.id!, on: db)
        for (position, indicator) in goal.indicators.enumerated() {
            try await GoalIndicatorModel(versionID: version.id!, position: position, indicator: indicator).create(on: db)
        }
        try await RegionalGoalStore.save(goal.regions, versionID: version.id!, owner: owner, on: db)
    }

    /// What the linter knows about this object: its money, whether it continues, its service character.
    static func context(for object: BudgetObjectModel) -> GoalContext {
        GoalContext(requestedAmount: object.requested, isContinuing: object.projectCategory == .continuing,
                    isServiceProject: object.isServiceProject, fiscalYear: object.fiscalYear)
    }

    // MARK: editing

    /// Replaces the content of an editable version. `lockVersion` is the counter the person's form was built on.
    static func saveContent(_ objectID: UUID, lockVersion: Int, goal submitted: PerformanceGoal, by caller: Caller, on db: any Database) async throws -> LoadedGoal {
        let problems = GoalInput.problems(submitted)
        guard problems.isEmpty else { throw AppError.inputRefused(problems) }
        let loaded = try await load(objectID, by: caller, on: db)
        let user = try caller.person()
        try caller.authorize(.declareGoal, loaded.target)
        guard loaded.organization.id == user.organizationID else { throw AppError(.forbidden, "not_owner", Message(.errorGoalNotOwner)) }
        guard loaded.version.goalState.isEditable else {
            throw AppError(.conflict, "goal_not_editable", Message(.errorGoalNotEditable(loaded.version.state)))
        }
        // Only a transfer payment is issued to regions.
        let goal = loaded.object.objectKind == .transferPayment ? submitted
            : PerformanceGoal(annualGoal: submitted.annualGoal, midTermGoal: submitted.midTermGoal, indicators: submitted.indicators)
        let checks = try await GoalChecks.of(goal, object: loaded.object, owner: loaded.organization, on: db)
        let version = loaded.version
        let before = summary(of: loaded.goal)
        try await db.transaction { db in
            try await claim(version, lockVersion: lockVersion, on: db) { update in
                update.set("annual_goal", to: SQLBind(goal.annualGoal)).set("mid_term_goal", to: SQLBind(goal.midTermGoal))
                    .set("validation_errors", to: SQLBind(checks.blockingCount))
                    .set("lint_warnings", to: SQLBind(checks.warningCount))
                    .set("lint_notices", to: SQLBind(checks.noticeCount))
            }
            try await writeContent(goal, of: version, owner: loaded.organization, on: db)
            try await AuditTrail.record("goal.saved", entityType: "goal_version", entityID: version.id!.uuidString.lowercased(),
                                        summary: "object=\(loaded.object.code) v\(version.versionNumber) before: \(before); after: \(summary(of: goal))",
                                        context: caller.audit, on: db)
        }
        return try await load(objectID, by: caller, on: db)
    }

    /// Moves the version's lock counter on, or fails with a conflict if someone else moved it first.
    /// Runs inside the caller's transaction, before anything else is written.
    private static func claim(_ version: GoalVersionModel, lockVersion: Int, on db: any Database,
                              _ changes: (SQLUpdateBuilder) -> SQLUpdateBuilder = { $0 }) async throws {
        struct Row: Decodable { var lock_version: Int }
        let update = db.sql.update(GoalVersionModel.schema)
            .set("lock_version", to: SQLBind(lockVersion + 1))
            .where("id", .equal, SQLBind(version.id!)).where("lock_version", .equal, SQLBind(lockVersion))
        let rows = try await changes(update).returning("lock_version").all(decoding: Row.self)
        guard rows.count == 1 else {
            throw AppError(.conflict, "goal_conflict", Message(.errorGoalConflict))
        }
    }

    /// Appends a library entry as a new indicator row of an editable version; the filer then writes the value.
    static func addLibraryEntry(_ objectID: UUID, entryID: UUID, lockVersion: Int, by caller: Caller, on db: any Database) async throws -> LoadedGoal {
        let user = try caller.person()
        guard let entry = try await LibraryService.entry(entryID, for: user, on: db) else { throw AppError.notFound() }
        let loaded = try await load(objectID, by: caller, on: db)
        var goal = loaded.goal
        let subcategory = entry.indicatorSubcategory
        goal.indicators.append(Indicator(category: subcategory.category, subcategory: subcategory, name: entry.name,
                                         targetText: "", weight: nil, libraryEntryID: entry.id))
        return try await saveContent(objectID, lockVersion: lockVersion, goal: goal, by: caller, on: db)
    }

    static func summary(of goal: PerformanceGoal) -> String {
        "goal=\(goal.annualGoal.prefix(60)) indicators=[" + goal.indicators.map { "\($0.name) \($0.targetText) w=\($0.weight.map { "\($0)" } ?? "-")" }.joined(separator: "; ") + "]"
            + (goal.regions.isEmpty ? "" : " regions=[" + goal.regions.map { region in
                "\(region.recipientCode) \(region.allocated.wanYuanText)万元 " + region.indicators.map { "\($0.name) \($0.targetText)" }.joined(separator: ", ")
            }.joined(separator: "; ") + "]")
    }

    // MARK: workflow

    /// Applies a workflow action to the newest visible version; adjustments open a new version.
    static func apply(_ action: GoalAction, to objectID: UUID, lockVersion: Int, by caller: Caller, on db: any Database) async throws -> LoadedGoal {
        let decided = try await decide(objectID, action: action, by: caller, on: db)
        try await db.transaction { db in try await persist(decided, lockVersion: lockVersion, by: caller, on: db) }
        return try await load(objectID, by: caller, on: db)
    }

    /// A workflow step the rules allowed, ready to be saved.
    struct DecidedTransition {
        var loaded: LoadedGoal
        var action: GoalAction
        var result: GoalTransition
    }

    /// Loads the goal and asks the workflow whether the caller may take `action` now; refusals carry their audit note.
    static func decide(_ objectID: UUID, action: GoalAction, by caller: Caller, on db: any Database) async throws -> DecidedTransition {
        let user = try caller.person()
        let loaded = try await load(objectID, by: caller, on: db)
        let version = loaded.version
        let reaching = user.roles.filter { Authorization.reaches($0, actor: user.actor, target: loaded.target) }
        let validation = action == .submit
            ? try await GoalChecks.of(loaded.goal, object: loaded.object, owner: loaded.organization, on: db).blockingCount : 0
        // Four eyes: whoever submitted this version (its latest submission) does not approve it.
        let submittedBy = action.approvesSubmission
            ? try await GoalTransitionModel.query(on: db).filter(\.$versionID == version.id!)
                .filter(\.$action == GoalAction.submit.name).sort(\.$occurredAt, .descending).first()?.actorUserID
            : nil
        let result: GoalTransition
        do {
            result = try GoalWorkflow.apply(action, to: version.goalState, by: reaching,
                                            actorIsOwner: loaded.organization.id == user.organizationID,
                                            actorSubmittedVersion: submittedBy == user.userID, validationErrors: validation)
        } catch {
            var refusal = error.appError
            refusal.auditNote = "goal=\(objectID.uuidString.lowercased()) version=\(version.versionNumber) action=\(action.name) refused=\(error)"
            throw refusal
        }
        return DecidedTransition(loaded: loaded, action: action, result: result)
    }

    /// Saves a decided step inside the caller's transaction: the version's state (if no one moved it since
    /// `lockVersion`), the object's current state, the history, a new version for an adjustment, the audit entry.
    /// `audited: false` leaves the audit entry to the caller (a batch writes one entry for all, at its end, so the
    /// chain's head row is not held for the whole batch).
    static func persist(_ decided: DecidedTransition, lockVersion: Int, audited: Bool = true, by caller: Caller, on db: any Database) async throws {
        let (loaded, action, result) = (decided.loaded, decided.action, decided.result)
        let version = loaded.version, objectID = loaded.object.id!
        let from = version.goalState
        let (opinion, reviewJSON, grade) = details(of: action)
        do {
            try await claim(version, lockVersion: lockVersion, on: db) { update in
                var update = update.set("state", to: SQLBind(result.newState.rawValue))
                if action == .submit { update = update.set("ever_submitted", to: SQLBind(true)) }
                if let grade { update = update.set("finance_grade", to: SQLBind(grade.rawValue)) }
                if result.newState == .released && from != .released { update = update.set("released_at", to: SQLBind(caller.now)) }
                return update
            }
            try await pointCurrent(objectID, to: version.id!, state: result.newState, on: db)
            if result.newState == .released && from == .approved {
                // An adjusted version replaces the one in force.
                try await GoalVersionModel.query(on: db).filter(\.$budgetObject.$id == objectID)
                    .filter(\.$state == GoalState.released.rawValue).filter(\.$id != version.id!)
                    .set(\.$state, to: GoalWorkflow.stateOfReplacedVersion.rawValue).update()
            }
            try await record(version: version, action: action, from: from, to: result.newState, opinion: opinion, review: reviewJSON, by: caller, on: db)
            if result.opensNewVersion {
                let next = newVersion(for: objectID, number: (loaded.versions.map(\.versionNumber).max() ?? version.versionNumber) + 1, goal: loaded.goal,
                                      id: caller.effects.uuid())
                next.adjustmentReason = opinion
                try await next.create(on: db)
                try await pointCurrent(objectID, to: next.id!, state: .draft, on: db)
                try await writeContent(loaded.goal, of: next, owner: loaded.organization, on: db)
            }
            guard audited else { return }
            try await AuditTrail.record("goal.\(action.name)", entityType: "goal_version", entityID: version.id!.uuidString.lowercased(),
                                        summary: "object=\(loaded.object.code) v\(version.versionNumber) \(from.rawValue)→\(result.newState.rawValue) opinion=\(opinion)",
                                        context: caller.audit, on: db)
        }
    }

    /// 调整目标 ordered by finance in monitoring: opens the adjustment draft of the goal in force for the unit to revise
    /// (its reason says so), inside the caller's transaction. When an adjustment is already under way, that one is the
    /// answer. Returns the adjustment's version id.
    static func orderAdjustment(_ objectID: UUID, reason: String, by caller: Caller, on db: any Database) async throws -> UUID {
        let user = try caller.person()
        guard let object = try await BudgetObjectModel.find(objectID, on: db) else { throw AppError.notFound() }
        let versions = try await GoalReads.versions(of: objectID, on: db)
        if let current = versions.last, current.isAdjustment, current.goalState != .released, current.goalState != .superseded {
            return current.id!
        }
        guard let inForce = versions.last(where: { $0.goalState == .released }),
              let organization = try await OrganizationModel.find(object.$organization.id, on: db) else {
            throw AppError(.conflict, "goal_not_released", Message(.errorDispositionGoalNotReleased))
        }
        let result: GoalTransition
        do { result = try GoalWorkflow.adjustmentOrderedByFinance(from: inForce.goalState, roles: user.roles, reason: reason) }
        catch { throw error.appError }
        let loaded = LoadedGoal(object: object, organization: organization, version: inForce,
                                goal: try await goal(of: inForce, kind: object.objectKind, on: db), versions: versions)
        try await persist(DecidedTransition(loaded: loaded, action: .requestAdjustment(reason: reason), result: result),
                          lockVersion: inForce.lockVersion, by: caller, on: db)
        guard let opened = try await GoalReads.versions(of: objectID, on: db).last, opened.id != inForce.id else { throw AppError.notFound() }
        return opened.id!
    }

    /// Records on the object which version is the newest and in what state (the work queues read it from there).
    static func pointCurrent(_ objectID: UUID, to versionID: UUID, state: GoalState, on db: any Database) async throws {
        try await db.sql.update(BudgetObjectModel.schema)
            .set("current_version_id", to: SQLBind(versionID)).set("current_state", to: SQLBind(state.rawValue))
            .where("id", .equal, SQLBind(objectID)).run()
    }

    private static func record(version: GoalVersionModel, action: GoalAction, from: GoalState, to: GoalState, opinion: String,
                               review: String?, by caller: Caller, on db: any Database) async throws {
        let user = try caller.person()
        let transition = GoalTransitionModel()
        transition.versionID = version.id!; transition.action = action.name; transition.fromState = from.rawValue
        transition.toState = to.rawValue; transition.actorUserID = user.userID; transition.actorName = user.displayName
        transition.opinion = opinion; transition.review = review; transition.occurredAt = caller.now
        try await transition.create(on: db)
    }

    private static func details(of action: GoalAction) -> (opinion: String, review: String?, grade: ReviewGrade?) {
        switch action {
        case .departmentApprove(let opinion), .departmentReturn(let opinion), .financeReturn(let opinion): return (opinion, nil, nil)
        case .requestAdjustment(let reason): return (reason, nil, nil)
        case .financeReview(let review):
            let payload = ReviewCriterion.allCases.map { criterion in
                ["criterion": criterion.rawValue, "grade": review.ratings[criterion]?.rawValue ?? "", "opinion": review.criterionOpinions[criterion] ?? ""]
            }
            let json = (try? JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) }
            return (review.opinion, json, review.grade)
        case .submit, .withdraw, .release: return ("", nil, nil)
        }
    }

    /// The transitions of a version, oldest first, read as plain rows (every goal page shows them; Fluent's decoder
    /// reflects over the model's properties for each row).
    static func history(of version: GoalVersionModel, on db: any Database) async throws -> [GoalTransitionModel] {
        struct Row: Decodable {
            var id: UUID, version_id: UUID, action: String, from_state: String, to_state: String, actor_user_id: UUID
            var actor_name: String, opinion: String, review: String?, occurred_at: Date
        }
        let rows = try await db.sql.raw("""
            SELECT id, version_id, action, from_state, to_state, actor_user_id, actor_name, opinion, review, occurred_at
            FROM goal_transitions WHERE version_id = \(bind: version.id!) ORDER BY occurred_at
            """).all(decoding: Row.self)
        return rows.map { row in
            let transition = GoalTransitionModel()
            transition.id = row.id; transition.versionID = row.version_id; transition.action = row.action
            transition.fromState = row.from_state; transition.toState = row.to_state; transition.actorUserID = row.actor_user_id
            transition.actorName = row.actor_name; transition.opinion = row.opinion; transition.review = row.review
            transition.occurredAt = row.occurred_at
            return transition
        }
    }

    /// 批量批复 — releases every approved goal of a fiscal year under an organisation in one transaction.
    static func releaseAll(under organization: OrganizationModel, fiscalYear: Int, by caller: Caller, on db: any Database) async throws -> Int {
        let user = try caller.person()
        try caller.authorize(.viewBudget, organization.accessTarget)
        guard !user.roles.isDisjoint(with: GoalAction.release.permittedRoles) else { throw AppError.forbidden() }
        // Every approved goal in reach, without the queue's page limit.
        let rows = try await queue(GoalQueueFilter(fiscalYear: fiscalYear, states: [.approved], under: organization, limit: Int.max),
                                   for: user, on: db)
        var decided: [(DecidedTransition, lockVersion: Int)] = []
        for row in rows { decided.append((try await decide(row.objectID, action: .release, by: caller, on: db), row.lockVersion)) }
        // All or nothing: a goal changed by someone else meanwhile rolls the whole batch back (409, nothing released).
        let steps = decided
        try await db.transaction { db in
            for (step, lockVersion) in steps { try await persist(step, lockVersion: lockVersion, audited: false, by: caller, on: db) }
            let codes = steps.map { "\($0.0.loaded.object.code) v\($0.0.loaded.version.versionNumber)" }
            try await AuditTrail.record("goal.release", entityType: "organization", entityID: organization.id!.uuidString.lowercased(),
                                        summary: "batch fiscal_year=\(fiscalYear) released=\(steps.count) " + codes.joined(separator: ","),
                                        context: caller.audit, on: db)
        }
        return decided.count
    }
}

extension GoalWorkflowError {
    var appError: AppError {
        switch self {
        case .notAllowed(let action, let from): AppError(.conflict, "transition_not_allowed", Message(.errorTransitionNotAllowed(action, from.rawValue)))
        case .roleNotPermitted: AppError(.forbidden, "forbidden", Message(.errorForbidden))
        case .opinionRequired: AppError.invalid("opinion", Message(.errorOpinionRequired))
        case .reviewIncomplete(let missing): AppError.invalid("ratings", Message(.errorReviewIncomplete(missing.map(\.chineseName).joined(separator: "、"))))
        case .validationFailed(let count): AppError(.unprocessableEntity, "goal_invalid", Message(.errorGoalInvalid(String(count))))
        case .notOwner: AppError(.forbidden, "not_owner", Message(.errorGoalNotOwner))
        case .ownSubmission: AppError(.forbidden, "own_submission", Message(.errorOwnSubmission))
        }
    }
}

extension BudgetObjectError {
    var appError: AppError {
        switch self {
        case .missingName: .invalid("name", Message(.errorRequired))
        case .unstorableName(let error): .invalid("name", error.message)
        case .missingCode: .invalid("code", Message(.errorRequired))
        case .invalidCode: .invalid("code", Message(.errorInvalidCode))
        case .invalidYears: .invalid("end_year", Message(.errorYears))
        case .fiscalYearOutsideTerm: .invalid("fiscal_year", Message(.errorFiscalYearOutsideTerm))
        case .approvedAboveRequested: .invalid("approved", Message(.errorApprovedAboveRequested))
        case .fiscalYearOutOfRange: .invalid("fiscal_year", Message(.errorYearInvalid))
        case .transferPaymentOwner: .invalid("kind", Message(.errorTransferOwner))
        case .departmentOverallOwner: .invalid("kind", Message(.errorDepartmentOverallOwner))
        }
    }
}
