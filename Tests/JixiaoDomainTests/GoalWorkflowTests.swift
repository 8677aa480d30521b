import Foundation
import Testing
@testable import JixiaoDomain

private func completeReview(_ grade: ReviewGrade, _ opinion: String) -> FinanceReview {
    FinanceReview(ratings: Dictionary(uniqueKeysWithValues: ReviewCriterion.allCases.map { ($0, grade) }), grade: grade, opinion: opinion)
}

/// One example of each action, with the role that may take it.
private let actions: [(GoalAction, Role)] = [
    (.submit, .unitOfficer),
    (.withdraw, .unitOfficer),
    (.departmentApprove(opinion: ""), .departmentOfficer),
    (.departmentReturn(opinion: "指标不够具体"), .departmentOfficer),
    (.financeReview(completeReview(.excellent, "")), .performanceOfficer),
    (.financeReturn(opinion: "成本测算依据不足"), .budgetOfficer),
    (.release, .budgetOfficer),
    (.requestAdjustment(reason: "政策调整，受助范围扩大"), .unitOfficer),
]

/// The allowed transitions, restated from DOMAIN.md §3.1: (action name, from) → to.
private let allowed: [String: [GoalState: GoalState]] = [
    "submit": [.draft: .submitted, .returned: .submitted],
    "withdraw": [.submitted: .draft],
    "department_approve": [.submitted: .departmentApproved],
    "department_return": [.submitted: .returned],
    "finance_review": [.departmentApproved: .approved],
    "finance_return": [.departmentApproved: .returned],
    "release": [.approved: .released],
    "request_adjustment": [.released: .released],
]

@Suite("Goal workflow: every transition allowed and refused")
struct GoalWorkflowTests {
    static let combinations: [(Int, GoalState)] = actions.indices.flatMap { i in GoalState.allCases.map { (i, $0) } }

    @Test("each action from each state", arguments: combinations)
    func transition(actionIndex: Int, state: GoalState) {
        let (action, role) = actions[actionIndex]
        let expected = allowed[action.name]?[state]
        do {
            let result = try GoalWorkflow.apply(action, to: state, by: [role])
            #expect(result.newState == expected, "\(action.name) from \(state)")
            #expect(result.opensNewVersion == (action.name == "request_adjustment"))
        } catch {
            #expect(expected == nil, "\(action.name) from \(state) was refused: \(error)")
            #expect(error == .notAllowed(action: action.name, from: state))
        }
    }

    @Test("each action needs its role", arguments: actions.indices)
    func roles(actionIndex: Int) {
        let (action, _) = actions[actionIndex]
        for role in Role.allCases {
            let from = allowed[action.name]!.keys.first!
            let result = Result { () throws(GoalWorkflowError) -> GoalTransition in try GoalWorkflow.apply(action, to: from, by: [role]) }
            if action.permittedRoles.contains(role) {
                #expect((try? result.get()) != nil, "\(role) may \(action.name)")
            } else {
                #expect(throws: GoalWorkflowError.roleNotPermitted(action: action.name)) { try result.get() }
            }
        }
        #expect(!action.permittedRoles.contains(.supervisor) && !action.permittedRoles.contains(.expert) && !action.permittedRoles.contains(.agencyEvaluator))
    }

    @Test func returnsAndAdjustmentsNeedAnOpinion() {
        #expect(throws: GoalWorkflowError.opinionRequired) { try GoalWorkflow.apply(.departmentReturn(opinion: " "), to: .submitted, by: [.departmentOfficer]) }
        #expect(throws: GoalWorkflowError.opinionRequired) { try GoalWorkflow.apply(.financeReturn(opinion: ""), to: .departmentApproved, by: [.budgetOfficer]) }
        #expect(throws: GoalWorkflowError.opinionRequired) { try GoalWorkflow.apply(.requestAdjustment(reason: ""), to: .released, by: [.unitOfficer]) }
        #expect(throws: GoalWorkflowError.opinionRequired) {
            try GoalWorkflow.apply(.financeReview(completeReview(.fair, "")), to: .departmentApproved, by: [.performanceOfficer])
        }
    }

    @Test("the overall grade decides", arguments: ReviewGrade.allCases)
    func grades(grade: ReviewGrade) throws {
        let result = try GoalWorkflow.apply(.financeReview(completeReview(grade, "意见")), to: .departmentApproved, by: [.performanceOfficer])
        let expected: GoalState = switch grade {
        case .excellent, .good: .approved
        case .fair: .returned
        case .poor: .rejected
        }
        #expect(result.newState == expected)
    }

    @Test func reviewsRateAllFourCriteria() {
        let partial = FinanceReview(ratings: [.relevance: .excellent, .feasibility: .good], grade: .excellent, opinion: "")
        #expect(throws: GoalWorkflowError.reviewIncomplete(missing: [.scientific, .reasonableness])) {
            try GoalWorkflow.apply(.financeReview(partial), to: .departmentApproved, by: [.budgetOfficer])
        }
    }

    @Test func onlyTheOwnerFiles() {
        #expect(throws: GoalWorkflowError.notOwner(action: "submit")) { try GoalWorkflow.apply(.submit, to: .draft, by: [.departmentOfficer], actorIsOwner: false) }
        #expect(throws: Never.self) { try GoalWorkflow.apply(.departmentApprove(opinion: ""), to: .submitted, by: [.departmentOfficer], actorIsOwner: false) }
    }

    @Test func submissionWaitsForValidation() {
        #expect(throws: GoalWorkflowError.validationFailed(count: 2)) { try GoalWorkflow.apply(.submit, to: .draft, by: [.unitOfficer], validationErrors: 2) }
    }

    @Test func onlyDraftsAndReturnedGoalsAreEditable() {
        #expect(GoalState.allCases.filter(\.isEditable) == [.draft, .returned])
    }
}

@Suite("Goal version differences")
struct GoalDiffTests {
    @Test func indicatorByIndicator() {
        let old = nutritionGoal()
        var new = old
        new.indicators[0].targetText = "≥800人次"
        new.indicators[1].targetText = "≥ 12 所"          // same target, typed differently: no change
        new.indicators[2].weight = 5
        new.indicators[3].weight = 15
        let removed = new.indicators.remove(at: 4)
        new.indicators.append(Indicator(category: .effect, subcategory: .sustainableImpact, name: "营养改善长效机制", targetText: "建立", weight: 10))
        new.annualGoal += "覆盖全部农村学校。"
        let diff = GoalDiff.between(old, new)
        #expect(diff.annualGoalChanged && !diff.midTermGoalChanged)
        #expect(diff.changes.count == 5)
        #expect(diff.changes.contains(.changed(old: old.indicators[0], new: new.indicators[0], fields: [.target])))
        #expect(diff.changes.contains(.changed(old: old.indicators[2], new: new.indicators[2], fields: [.weight])))
        #expect(diff.changes.contains(.removed(removed)))
        #expect(diff.changes.contains { if case .added(let i) = $0 { i.name == "营养改善长效机制" } else { false } })
        #expect(GoalDiff.between(old, old).isEmpty)
    }
}

@Suite("Drafts stay with their organisation")
struct GoalVisibilityTests {
    @Test func draftsAreSeenOnlyByTheirOwner() {
        let bureau = HierarchyPath.root(UUID()), department = bureau.appending(UUID()), unit = department.appending(UUID())
        let unitOfficer = Actor(userID: UUID(), organizationID: unit.ids.last!, organizationPath: unit, roles: [.unitOfficer])
        let departmentOfficer = Actor(userID: UUID(), organizationID: department.ids.last!, organizationPath: department, roles: [.departmentOfficer])
        #expect(GoalVisibility.canSee(unitOfficer, ownerOrganizationPath: unit, state: .draft, everSubmitted: false))
        #expect(!GoalVisibility.canSee(departmentOfficer, ownerOrganizationPath: unit, state: .draft, everSubmitted: false))
        #expect(GoalVisibility.canSee(departmentOfficer, ownerOrganizationPath: unit, state: .submitted, everSubmitted: true))
        #expect(GoalVisibility.canSee(departmentOfficer, ownerOrganizationPath: unit, state: .draft, everSubmitted: true), "a withdrawn goal was seen before")
    }
}

@Suite("Four eyes: nobody approves what they submitted")
struct FourEyesTests {
    @Test(arguments: actions)
    func submitterCannotApprove(action: GoalAction, role: Role) {
        let from: GoalState = switch action {
        case .departmentApprove: .submitted
        case .financeReview: .departmentApproved
        case .release: .approved
        default: .draft
        }
        // A department officer that holds the reviewer's role too (its own units' goals) is the typical case.
        let roles: Set<Role> = [role, .departmentOfficer]
        let outcome = Result { () throws(GoalWorkflowError) in
            try GoalWorkflow.apply(action, to: from, by: roles, actorSubmittedVersion: true)
        }
        if action.approvesSubmission {
            #expect(throws: GoalWorkflowError.ownSubmission(action: action.name)) { try outcome.get() }
            // Someone else may.
            #expect(throws: Never.self) { try GoalWorkflow.apply(action, to: from, by: roles, actorSubmittedVersion: false) }
        } else if case .failure(let error) = outcome {
            #expect(error != .ownSubmission(action: action.name))
        }
    }
}
