import Foundation
import Testing
@testable import JixiaoDomain

@Suite("Budget object rules: the fields of a draft and who may own it")
struct BudgetObjectRulesTests {
    private func problems(name: String = "义务教育营养改善计划", code: String = "JN2027-001", fiscalYear: Int = 2027,
                          start: Int = 2027, end: Int = 2027, requested: Money = Money(fen: 100_000_00),
                          approved: Money? = nil) -> [BudgetObjectError] {
        BudgetObjectRules.validate(name: name, code: code, fiscalYear: fiscalYear, startYear: start, endYear: end,
                                   requested: requested, approved: approved)
    }

    @Test("a complete one-year project passes")
    func complete() {
        #expect(problems().isEmpty)
        #expect(problems(start: 2025, end: 2029).isEmpty)
    }

    @Test("name and code are required, codes keep to letters, digits and . _ -")
    func nameAndCode() {
        #expect(problems(name: "  ") == [.missingName])
        #expect(problems(code: "") == [.missingCode])
        #expect(problems(code: "JN 2027/001") == [.invalidCode])
        if case .unstorableName? = problems(name: "项目\u{0007}").first {} else { Issue.record("a control character in a name is refused") }
        if case .unstorableName? = problems(name: String(repeating: "长", count: InputLimits.name + 1)).first {} else {
            Issue.record("an over-long name is refused")
        }
    }

    @Test("the fiscal year lies in the kept range and inside the term")
    func years() {
        #expect(problems(fiscalYear: 1999, start: 1999, end: 1999) == [.fiscalYearOutOfRange(fiscalYear: 1999)])
        #expect(problems(fiscalYear: 2101, start: 2027, end: 2027) == [.fiscalYearOutOfRange(fiscalYear: 2101)])
        #expect(problems(fiscalYear: 2030, start: 2027, end: 2029) == [.fiscalYearOutsideTerm(fiscalYear: 2030)])
        #expect(problems(start: 2028, end: 2027) == [.invalidYears(start: 2028, end: 2027)])
        #expect(problems(start: 1980, end: 2027) == [.invalidYears(start: 1980, end: 2027)])
        #expect(BudgetObjectRules.fiscalYears.lowerBound == 2000 && BudgetObjectRules.fiscalYears.upperBound == 2100)
    }

    @Test("an approved amount never exceeds the requested one")
    func approvedAmount() {
        #expect(problems(approved: Money(fen: 100_000_00)).isEmpty)
        #expect(problems(approved: Money(fen: 100_000_01)) == [.approvedAboveRequested])
    }

    @Test("transfer payments belong to a bureau or department; 部门整体支出 to a department", arguments: OrganizationKind.allCases)
    func owners(owner: OrganizationKind) {
        #expect(BudgetObjectRules.ownerProblem(kind: .project, ownerKind: owner) == nil)
        #expect(BudgetObjectRules.ownerProblem(kind: .policy, ownerKind: owner) == nil)
        #expect((BudgetObjectRules.ownerProblem(kind: .transferPayment, ownerKind: owner) == nil) == [.financeBureau, .department].contains(owner))
        #expect((BudgetObjectRules.ownerProblem(kind: .departmentOverall, ownerKind: owner) == nil) == (owner == .department))
    }
}

@Suite("Goal workflow offers: what a page offers and whom a version waits for")
struct GoalWorkflowOfferTests {
    @Test("every offered action is accepted by the workflow, and every accepted action is offered",
          arguments: GoalState.allCases)
    func offeredMatchesApply(state: GoalState) {
        let roleSets: [Set<Role>] = Role.allCases.map { [$0] } + [[.unitOfficer, .departmentOfficer], [.budgetOfficer, .performanceOfficer]]
        for roles in roleSets {
            for owner in [true, false] {
                for submitted in [true, false] {
                    let offered = GoalWorkflow.offeredActions(state: state, roles: roles, actorIsOwner: owner, actorSubmittedVersion: submitted)
                    for kind in GoalActionKind.allCases {
                        let accepted = (try? GoalWorkflow.apply(kind.probe, to: state, by: roles, actorIsOwner: owner,
                                                                 actorSubmittedVersion: submitted)) != nil
                        #expect(offered.contains(kind) == accepted, "\(kind) from \(state) by \(roles) owner=\(owner) submitted=\(submitted)")
                        if offered.contains(kind) { #expect(kind.fromStates.contains(state)) }
                    }
                }
            }
        }
    }

    @Test("a few offers spelled out")
    func examples() {
        #expect(GoalWorkflow.offeredActions(state: .draft, roles: [.unitOfficer], actorIsOwner: true, actorSubmittedVersion: false) == [.submit])
        #expect(GoalWorkflow.offeredActions(state: .draft, roles: [.unitOfficer], actorIsOwner: false, actorSubmittedVersion: false).isEmpty)
        #expect(GoalWorkflow.offeredActions(state: .submitted, roles: [.departmentOfficer], actorIsOwner: false, actorSubmittedVersion: false)
                == [.departmentApprove, .departmentReturn])
        // Four eyes: the person who submitted may withdraw but not approve.
        #expect(GoalWorkflow.offeredActions(state: .submitted, roles: [.departmentOfficer], actorIsOwner: true, actorSubmittedVersion: true)
                == [.withdraw, .departmentReturn])
        #expect(GoalWorkflow.offeredActions(state: .approved, roles: [.budgetOfficer], actorIsOwner: false, actorSubmittedVersion: false) == [.release])
        #expect(GoalWorkflow.offeredActions(state: .released, roles: [.supervisor], actorIsOwner: false, actorSubmittedVersion: false).isEmpty)
    }

    @Test("versions wait for the next step of the review path")
    func waiting() {
        #expect(GoalWorkflow.waitingStates(for: [.unitOfficer]).own == [.draft, .returned])
        #expect(GoalWorkflow.waitingStates(for: [.unitOfficer]).below.isEmpty)
        #expect(GoalWorkflow.waitingStates(for: [.departmentOfficer]).own == [.draft, .returned])
        #expect(GoalWorkflow.waitingStates(for: [.departmentOfficer]).below == [.submitted])
        #expect(GoalWorkflow.waitingStates(for: [.performanceOfficer]).below == [.departmentApproved, .approved])
        #expect(GoalWorkflow.waitingStates(for: [.budgetOfficer]).own.isEmpty)
        for role in [Role.supervisor, .expert, .agencyEvaluator, .administrator, .securityOfficer, .auditOfficer] {
            let waiting = GoalWorkflow.waitingStates(for: [role])
            #expect(waiting.own.isEmpty && waiting.below.isEmpty, "\(role) reviews nothing")
        }
    }
}
