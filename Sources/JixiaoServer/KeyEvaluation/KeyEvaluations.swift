import Fluent
import Foundation
import SQLKit
import JixiaoDomain

/// 重点评价's use cases: choose objects, write the plan, adjust the framework, form the team, move through the procedure
/// and score. Each takes a `Caller`; each change is saved in one transaction with its audit entry.
enum KeyEvaluations {
    /// The organisation the caller runs key evaluations for: its own finance bureau (财政评价) or department (部门评价).
    static func runner(_ caller: Caller, on db: any Database) async throws -> OrganizationModel {
        let user = try caller.person()
        guard let organization = try await OrganizationModel.find(user.organizationID, on: db),
              [OrganizationKind.financeBureau.rawValue, OrganizationKind.department.rawValue].contains(organization.kind) else {
            throw AppError(.forbidden, "not_a_runner", Message(.errorKeyEvaluationRunner))
        }
        try caller.authorize(.runKeyEvaluation, organization.accessTarget)
        return organization
    }

    static func evaluatorKind(of runner: OrganizationModel) -> EvaluatorKind {
        runner.kind == OrganizationKind.department.rawValue ? .department : .finance
    }

    // MARK: reading

    /// The evaluation and who may do what to it; 404 when the caller does not reach it.
    static func find(_ id: UUID, by caller: Caller, on db: any Database) async throws -> (KeyEvaluationModel, [KeyEvaluationMemberModel]) {
        guard let evaluation = try await KeyEvaluationModel.find(id, on: db) else { throw AppError.notFound() }
        let members = try await KeyEvaluationMemberModel.query(on: db).filter(\.$evaluationID == id).sort(\.$addedAt).all()
        let target = accessTarget(evaluation, members: members)
        guard caller.reaches(.viewBudget, target) || caller.reaches(.viewAssignedWork, target) else {
            try caller.authorize(.viewAssignedWork, target)
            throw AppError.notFound()
        }
        return (evaluation, members)
    }

    /// The evaluation as authorization sees it: the running organisation's, and assigned by name to its team.
    static func accessTarget(_ evaluation: KeyEvaluationModel, members: [KeyEvaluationMemberModel]) -> AccessTarget {
        AccessTarget(organizationID: evaluation.organizationID, organizationPath: HierarchyPath(rawValue: evaluation.organizationPath),
                     assignedUserIDs: Set(members.map(\.userID)))
    }

    /// What lists may show: the running organisations in reach, and the evaluations the person is on the team of.
    static func listScope(_ caller: Caller) throws -> ListScope {
        let actor = try caller.person().actor
        var scope = Authorization.scope(actor, .viewBudget)
        scope.assignedUserID = Authorization.scope(actor, .viewAssignedWork).assignedUserID
        return scope
    }

    // MARK: choosing

    /// Chooses released objects of the year in the runner's area for key evaluation: one evaluation per object, or one
    /// for all of them together (the objects of one policy). Each records the rules it met and the person's reason;
    /// each starts with the proposed plan, the framework template with the object's goal pulled in, and the chooser as
    /// the team's leader.
    static func choose(fiscalYear: Int, objectIDs: [UUID], reason: String, together: Bool, by caller: Caller, on db: any Database) async throws -> [UUID] {
        let runner = try await runner(caller, on: db)
        let user = try caller.person()
        var errors: [AppError] = []
        let reason = reason.trimmed
        if reason.isEmpty { errors.append(.invalid("reason", Message(.errorKeyEvaluationReasonRequired))) }
        if let problem = AppError.text(reason, field: "reason", maximum: InputLimits.longText, multiLine: true) { errors.append(problem) }
        if objectIDs.isEmpty { errors.append(.invalid("objects", Message(.errorKeyEvaluationNothingChosen))) }
        guard errors.isEmpty else { throw FormErrors(errors: errors) }
        let rules = SelectionRules()
        let candidates = try await KeyEvaluationQueries.candidates(fiscalYear: fiscalYear, area: runner.hierarchyPath, rules: rules, on: db)
        let byID = Dictionary(uniqueKeysWithValues: candidates.map { ($0.objectID, $0) })
        var chosen: [KeyEvaluationQueries.Candidate] = []
        for id in Set(objectIDs).sorted(by: { $0.uuidString < $1.uuidString }) {
            guard let candidate = byID[id] else { throw AppError.invalid("objects", Message(.errorKeyEvaluationNotReleased)) }
            if candidate.evaluationID != nil { errors.append(.invalid("objects", Message(.errorKeyEvaluationAlreadyChosen(candidate.code)))) }
            chosen.append(candidate)
        }
        chosen.sort { $0.code < $1.code }
        if together && Set(chosen.map(\.kind)).count > 1 { errors.append(.invalid("together", Message(.errorKeyEvaluationMixedKinds))) }
        guard errors.isEmpty else { throw FormErrors(errors: errors) }
        let groups = together ? [chosen] : chosen.map { [$0] }
        // The template in force, once per framework kind the choice needs.
        var inForce: [FrameworkKind: FrameworkTemplateStore.InForce] = [:]
        for kind in Set(groups.map { FrameworkKind(objectKind: $0[0].kind) }) {
            inForce[kind] = try await FrameworkTemplateStore.inForce(kind, fiscalYear: fiscalYear, at: runner.hierarchyPath, on: db)
        }
        let templates = inForce
        let now = caller.now
        return try await db.transaction { db in
            var created: [UUID] = []
            for group in groups {
                let first = group[0]
                let kind = FrameworkKind(objectKind: first.kind)
                let evaluation = KeyEvaluationModel()
                evaluation.id = caller.effects.uuid()
                evaluation.organizationID = runner.id!; evaluation.organizationPath = runner.path
                evaluation.fiscalYear = fiscalYear
                evaluation.title = group.count == 1 ? first.name : first.name + "等\(group.count)项"
                evaluation.frameworkKind = kind.rawValue
                evaluation.state = KeyEvaluationState.planning.rawValue
                let start = CalendarDay(chinaDay: now)
                evaluation.planJSON = try KeyEvaluationModel.json(EvaluationPlan(
                    evaluatorKind: evaluatorKind(of: runner), basis: "《项目支出绩效评价管理办法》（财预〔2020〕10号）",
                    methods: [.comparison], milestones: EvaluationPlan.proposedMilestones(startingOn: DateComponents(year: start.year, month: start.month, day: start.day)),
                    dataToCollect: ""))
                evaluation.selectionRulesJSON = try KeyEvaluationModel.json(rules)
                evaluation.scoringRulesJSON = try KeyEvaluationModel.json(TeamScoringRules())
                evaluation.createdByName = user.displayName; evaluation.createdAt = now; evaluation.lockVersion = 0
                let template = templates[kind]!
                evaluation.templateSource = template.source
                try await evaluation.create(on: db)
                for candidate in group {
                    let object = KeyEvaluationObjectModel()
                    object.id = caller.effects.uuid()
                    object.evaluationID = evaluation.id!; object.budgetObjectID = candidate.objectID
                    object.objectCode = candidate.code; object.objectName = candidate.name; object.objectKind = candidate.kind.rawValue
                    object.amountFen = candidate.amount.fen
                    object.reasonsText = candidate.reasons.map(\.rawValue).joined(separator: ",")
                    object.choiceReason = reason
                    try await object.create(on: db)
                }
                let goal = try await goalIndicators(of: first.objectID, fiscalYear: fiscalYear, on: db)
                let framework = EvaluationFramework.pullingGoal(template.indicators, kind: kind, goal: goal)
                try await replaceFramework(of: evaluation.id!, with: framework, caller: caller, on: db)
                let leader = KeyEvaluationMemberModel()
                leader.id = caller.effects.uuid()
                leader.evaluationID = evaluation.id!; leader.userID = user.userID; leader.role = TeamRole.leader.rawValue
                leader.userName = user.displayName; leader.organizationName = runner.name; leader.addedAt = now
                try await leader.create(on: db)
                try await AuditTrail.record("key_evaluation.chosen", entityType: "key_evaluation", entityID: evaluation.id!.uuidString.lowercased(),
                                            summary: "year=\(fiscalYear) objects=\(group.map(\.code).joined(separator: ",")) reasons=\(group.map { $0.reasons.map(\.rawValue).joined(separator: "+") }.joined(separator: ",")) reason=\(reason)",
                                            context: caller.audit, on: db)
                created.append(evaluation.id!)
            }
            return created
        }
    }

    /// The released goal's indicators of an object, with the self-evaluation's actual values where one was filled.
    static func goalIndicators(of objectID: UUID, fiscalYear: Int, on db: any Database) async throws -> [EvaluationFramework.GoalIndicator] {
        struct Row: Decodable { var indicator_id: UUID; var category: String; var subcategory: String; var name: String; var target_text: String; var weight: String? }
        let rows = try await db.sql.select()
            .column(SQLColumn("indicator_id", table: "i")).column(SQLColumn("category", table: "i")).column(SQLColumn("subcategory", table: "i"))
            .column(SQLColumn("name", table: "i")).column(SQLColumn("target_text", table: "i")).column(SQLColumn("weight", table: "i"))
            .from(SQLAlias(SQLIdentifier(GoalIndicatorModel.schema), as: SQLIdentifier("i")))
            .join(SQLAlias(SQLIdentifier(GoalVersionModel.schema), as: SQLIdentifier("v")), on: SQLColumn("id", table: "v"), .equal, SQLColumn("version_id", table: "i"))
            .where(SQLColumn("budget_object_id", table: "v"), .equal, SQLBind(objectID))
            .where(SQLColumn("state", table: "v"), .equal, SQLBind(GoalState.released.rawValue))
            .where(SQLColumn("region_row_id", table: "i"), .is, SQLLiteral.null)
            .orderBy(SQLColumn("position", table: "i"))
            .all(decoding: Row.self)
        // The actual values of the object's own self-evaluation (a transfer payment's: the issuer's summary).
        struct Actual: Decodable { var indicator_id: UUID; var actual_text: String }
        let actuals = try await db.sql.select().column(SQLColumn("indicator_id", table: "r")).column(SQLColumn("actual_text", table: "r"))
            .from(SQLAlias(SQLIdentifier(SelfEvaluationTables.rows), as: SQLIdentifier("r")))
            .join(SQLAlias(SQLIdentifier(SelfEvaluationTables.evaluations), as: SQLIdentifier("e")), on: SQLColumn("id", table: "e"), .equal, SQLColumn("evaluation_id", table: "r"))
            .where(SQLColumn("budget_object_id", table: "e"), .equal, SQLBind(objectID))
            .where(SQLColumn("region_id", table: "e"), .is, SQLLiteral.null)
            .all(decoding: Actual.self)
        let actualByIndicator = Dictionary(actuals.map { ($0.indicator_id, $0.actual_text) }, uniquingKeysWith: { first, _ in first })
        return rows.compactMap { row in
            guard let category = IndicatorCategory(rawValue: row.category) else { return nil }
            let subcategory = IndicatorSubcategory(rawValue: row.subcategory)?.chineseName ?? row.subcategory
            let actual = actualByIndicator[row.indicator_id].flatMap { $0.trimmed.isEmpty ? nil : $0 }
            return EvaluationFramework.GoalIndicator(id: row.indicator_id, category: category, subcategoryName: subcategory, name: row.name,
                                                     target: row.target_text, actual: actual, weight: row.weight.flatMap { Decimal(pointsText: $0) })
        }
    }

    static func replaceFramework(of evaluationID: UUID, with framework: [FrameworkIndicator], caller: Caller, on db: any Database) async throws {
        try await KeyEvaluationIndicatorModel.query(on: db).filter(\.$evaluationID == evaluationID).delete()
        for (position, indicator) in framework.enumerated() {
            let row = KeyEvaluationIndicatorModel()
            row.id = caller.effects.uuid()
            row.evaluationID = evaluationID; row.position = position
            row.level1 = indicator.level1; row.level2 = indicator.level2; row.level3 = indicator.level3
            row.weightText = indicator.weight.storedText; row.criteria = indicator.criteria
            row.goalIndicatorID = indicator.goalIndicatorID; row.target = indicator.target; row.actual = indicator.actual
            try await row.create(on: db)
        }
    }
}
