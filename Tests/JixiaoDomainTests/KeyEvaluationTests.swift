import Foundation
import Testing
@testable import JixiaoDomain

private func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", n))! }
private func wan(_ n: Int64) -> Money { Money(fen: n * 1_000_000) }

@Suite("Key evaluations (重点评价): candidates and their reasons, coverage, frameworks, the team's scores, the plan and its workflow")
struct KeyEvaluationTests {
    private func facts(_ kind: BudgetObjectKind = .project, start: Int = 2027, category: ProjectCategory = .oneOff, classification: String = "2010101",
                       amount: Money = wan(100), key: Bool = false, lastEvaluated: Int? = nil, selfScore: Decimal? = nil, red: Bool = false) -> CandidateFacts {
        CandidateFacts(kind: kind, fiscalYear: 2027, startYear: start, category: category, functionalClassification: classification, amount: amount,
                       isKeyProject: key, lastKeyEvaluationYear: lastEvaluated, selfEvaluationScore: selfScore, redMonitoring: red)
    }

    @Test("each selection rule on its own, and an ordinary project meets none")
    func selectionRules() {
        #expect(KeyEvaluationSelection.reasons(facts()).isEmpty)
        #expect(KeyEvaluationSelection.reasons(facts(classification: "2050202")) == [.livelihood])
        #expect(KeyEvaluationSelection.reasons(facts(classification: "2080101")) == [.livelihood])
        #expect(KeyEvaluationSelection.reasons(facts(key: true)) == [.publicConcern])
        #expect(KeyEvaluationSelection.reasons(facts(start: 2026, amount: wan(500))) == [.largeAmount], "500 万元 is large; it did not start this year")
        #expect(KeyEvaluationSelection.reasons(facts(start: 2026, amount: Money(fen: 499_999_999))).isEmpty)
        #expect(KeyEvaluationSelection.reasons(facts(amount: wan(800))) == [.largeAmount, .newPolicy], "a large project new this year")
        #expect(KeyEvaluationSelection.reasons(facts(.policy)) == [.newPolicy], "a policy new this year, whatever its amount")
        #expect(KeyEvaluationSelection.reasons(facts(.policy, start: 2026)).isEmpty)
        #expect(KeyEvaluationSelection.reasons(facts(.transferPayment, start: 2026)) == [.transferPayment])
        #expect(KeyEvaluationSelection.reasons(facts(start: 2025, category: .recurring)) == [.neverEvaluated], "third year, never evaluated")
        #expect(KeyEvaluationSelection.reasons(facts(start: 2026, category: .recurring)).isEmpty, "second year only")
        #expect(KeyEvaluationSelection.reasons(facts(start: 2020, category: .continuing, lastEvaluated: 2024)).isEmpty)
        #expect(KeyEvaluationSelection.reasons(facts(start: 2020, category: .oneOff)).isEmpty, "one-off spending is not periodic")
        #expect(KeyEvaluationSelection.reasons(facts(selfScore: Decimal(string: "79.99"))) == [.poorSelfEvaluation])
        #expect(KeyEvaluationSelection.reasons(facts(selfScore: 80)).isEmpty)
        #expect(KeyEvaluationSelection.reasons(facts(red: true)) == [.redMonitoring])
        // A department's whole spending: not a spending line for the livelihood, concern or never-evaluated rules.
        #expect(KeyEvaluationSelection.reasons(facts(.departmentOverall, start: 2020, category: .recurring, classification: "2050202", key: true)).isEmpty)
        #expect(KeyEvaluationSelection.reasons(facts(.departmentOverall, amount: wan(9000), selfScore: 70)) == [.largeAmount, .poorSelfEvaluation])
        // Several at once, in the reasons' order.
        let many = KeyEvaluationSelection.reasons(facts(.transferPayment, start: 2024, category: .continuing, classification: "2100101", amount: wan(2000),
                                                         key: true, selfScore: 55, red: true))
        #expect(many == [.livelihood, .publicConcern, .largeAmount, .transferPayment, .neverEvaluated, .poorSelfEvaluation, .redMonitoring])
        // A bureau's own lines.
        let rules = SelectionRules(largeAmount: wan(50), livelihoodClasses: ["201"], unevaluatedYears: 2, poorSelfEvaluationBelow: 90)
        #expect(KeyEvaluationSelection.reasons(facts(start: 2026, category: .recurring, selfScore: 85), rules: rules)
                == [.livelihood, .largeAmount, .neverEvaluated, .poorSelfEvaluation])
    }

    @Test("coverage by department and region: a whole-spending object is the department's spending; evaluated never exceeds it")
    func coverage() {
        let education = id(100), health = id(101), county = id(200), city = id(201)
        let objects = [
            CoverageObject(id: id(1), kind: .departmentOverall, amount: wan(10_000), department: education, region: county),
            CoverageObject(id: id(2), kind: .project, amount: wan(800), department: education, region: county),
            CoverageObject(id: id(3), kind: .project, amount: wan(400), department: education, region: county),
            CoverageObject(id: id(4), kind: .project, amount: wan(300), department: health, region: county),
            CoverageObject(id: id(5), kind: .project, amount: wan(700), department: health, region: county),
            CoverageObject(id: id(6), kind: .transferPayment, amount: wan(1_000), department: nil, region: county),
            CoverageObject(id: id(7), kind: .project, amount: wan(50), department: id(102), region: city),
        ]
        let report = EvaluationCoverage.report(objects: objects, evaluated: [id(2), id(5), id(6)])
        let edu = report.departments[education]!
        #expect(edu.spending == wan(10_000) && edu.evaluated == wan(800) && edu.evaluatedCount == 1 && edu.objectCount == 3)
        #expect(edu.percent == 8 && !edu.meetsTarget && edu.shortfall == wan(200))
        let hea = report.departments[health]!
        #expect(hea.spending == wan(1_000) && hea.percent == 70 && hea.meetsTarget && hea.shortfall == .zero)
        let region = report.regions[county]!
        #expect(region.spending == wan(12_000) && region.evaluated == wan(2_500) && region.evaluatedCount == 3 && region.objectCount == 6)
        #expect(region.meetsTarget, "2,500 of 12,000 is 20.83 %")
        #expect(report.regions[city]!.percent == 0 && report.regions[city]!.shortfall == wan(10))
        // Evaluating the whole department and a project inside it covers the department once.
        let whole = EvaluationCoverage.report(objects: objects, evaluated: [id(1), id(2)])
        #expect(whole.departments[education]!.evaluated == wan(10_000) && whole.departments[education]!.percent == 100)
        // Nothing to spend: no percentage, and no target to miss by money.
        let empty = EvaluationCoverage.report(objects: [CoverageObject(id: id(9), kind: .project, amount: .zero, department: education, region: county)], evaluated: [])
        #expect(empty.departments[education]!.percent == nil && empty.departments[education]!.shortfall == .zero)
    }

    @Test("both standard frameworks sum to 100 with results of at least 60, and the checks name each row")
    func frameworks() {
        for kind in FrameworkKind.allCases {
            let template = FrameworkTemplates.standard(kind)
            #expect(EvaluationFramework.problems(template, kind: kind).isEmpty, "\(kind)")
            #expect(Set(template.map(\.level1)) == Set(kind.groups))
            #expect(template.allSatisfy { !$0.criteria.isEmpty })
        }
        let groups = EvaluationFramework.groupWeights(FrameworkTemplates.standard(.project), kind: .project)
        #expect(groups.map(\.group) == ["决策", "过程", "产出", "效益"] && groups.map(\.weight) == [15, 20, 35, 30])
        var broken = FrameworkTemplates.standard(.project)
        broken[0].weight = 0
        broken[1].level1 = "投入"
        broken[2].level3 = " "
        broken[4] = broken[3]
        #expect(EvaluationFramework.problems(broken, kind: .project) == [
            .weightOutOfRange(row: 0), .unknownGroup(row: 1, name: "投入"), .missingName(row: 2), .duplicate(row: 4), .weightsDoNotSum(actual: 96),
        ])
        // Moving weight from results to 决策 keeps 100 but breaks the 60 % rule.
        var heavy = FrameworkTemplates.standard(.project)
        heavy[0].weight += 6
        heavy[heavy.count - 2].weight -= 6
        #expect(EvaluationFramework.problems(heavy, kind: .project) == [.resultsBelowMinimum(actual: 59, minimum: 60)])
        #expect(EvaluationFramework.problems([], kind: .project) == [.empty])
    }

    @Test("the object's goal indicators replace the template's results rows, sharing each group's weight exactly")
    func pullingGoal() {
        let goal = [
            EvaluationFramework.GoalIndicator(id: id(1), category: .output, subcategoryName: "数量指标", name: "资助学生人数", target: "≥4754人", actual: "4604人", weight: 20),
            EvaluationFramework.GoalIndicator(id: id(2), category: .output, subcategoryName: "时效指标", name: "发放时间", target: "2027年11月前", actual: nil, weight: 10),
            EvaluationFramework.GoalIndicator(id: id(3), category: .cost, subcategoryName: "成本指标", name: "生均标准", target: "≤3300元", actual: "3300元", weight: 10),
            EvaluationFramework.GoalIndicator(id: id(4), category: .effect, subcategoryName: "社会效益指标", name: "因贫辍学率", target: "=0", actual: "0", weight: nil),
            EvaluationFramework.GoalIndicator(id: id(5), category: .satisfaction, subcategoryName: "服务对象满意度指标", name: "受助学生满意度", target: "≥95%", actual: "96%", weight: nil),
        ]
        let framework = EvaluationFramework.pullingGoal(FrameworkTemplates.standard(.project), kind: .project, goal: goal)
        #expect(EvaluationFramework.problems(framework, kind: .project).isEmpty)
        let outputs = framework.filter { $0.level1 == "产出" }
        #expect(outputs.map(\.level3) == ["资助学生人数", "发放时间", "生均标准"])
        #expect(outputs.map(\.weight) == [17.5, 8.75, 8.75], "35 shared 2 : 1 : 1")
        #expect(outputs[0].target == "≥4754人" && outputs[0].actual == "4604人" && outputs[0].goalIndicatorID == id(1))
        let effects = framework.filter { $0.level1 == "效益" }
        #expect(effects.map(\.level2) == ["社会效益指标", "满意度"] && effects.map(\.weight) == [15, 15])
        #expect(framework.filter { $0.level1 == "决策" }.count == 6, "the other groups keep the template's rows")
        // Thirds settle at two places with the rest on the last row.
        #expect(EvaluationFramework.share(35, by: [1, 1, 1]) == [Decimal(string: "11.67")!, Decimal(string: "11.67")!, Decimal(string: "11.66")!])
        // No goal indicators for a group: the template's rows stay.
        #expect(EvaluationFramework.pullingGoal(FrameworkTemplates.standard(.project), kind: .project, goal: []) == FrameworkTemplates.standard(.project))
    }

    @Test("team scores: a plain mean below five members, the highest and lowest dropped from five, spreads over 20 % flagged")
    func teamScoring() throws {
        let three = try #require(try TeamScoring.aggregate([8, 9, 10], weight: 10))
        #expect(three.points == 9 && three.method == .mean && three.spread == 2 && !three.needsDiscussion)
        let five = try #require(try TeamScoring.aggregate([4, 8, 8.5, 9, 10], weight: 10))
        #expect(five.method == .trimmedMean && five.points == Decimal(string: "8.5")! && five.scorerCount == 5)
        #expect(five.needsDiscussion, "a spread of 6 is above 2 (20 % of 10)")
        #expect(try #require(try TeamScoring.aggregate([8, 10], weight: 10)).needsDiscussion == false, "exactly 20 % is not above it")
        #expect(try TeamScoring.aggregate([], weight: 10) == nil)
        #expect(throws: TeamScoringError.pointsOutOfRange(points: 11, weight: 10)) { try TeamScoring.aggregate([9, 11], weight: 10) }
        #expect(throws: TeamScoringError.pointsOutOfRange(points: -1, weight: 10)) { try TeamScoring.aggregate([-1], weight: 10) }
        let total = TeamScoring.total([three, five])
        #expect(total.total == Decimal(string: "17.5")! && total.grade == .poor)
        let rules = TeamScoringRules(trimFrom: 3, spreadPercent: 50)
        let trimmed = try #require(try TeamScoring.aggregate([2, 8, 9], weight: 10, rules: rules))
        #expect(trimmed.points == 8 && trimmed.method == .trimmedMean && trimmed.needsDiscussion)
    }

    @Test("a plan names an agency exactly when entrusted, has basis, methods, ordered real dates and data to collect")
    func plan() {
        var plan = EvaluationPlan(evaluatorKind: .agency, basis: "财预〔2020〕10号", methods: [.comparison, .publicJudgement],
                                  milestones: EvaluationPlan.proposedMilestones(startingOn: DateComponents(year: 2028, month: 3, day: 1)),
                                  dataToCollect: "资金拨付凭证、受助学生名册")
        #expect(plan.milestones.map(\.due) == ["2028-03-16", "2028-04-30", "2028-05-30", "2028-06-14"])
        #expect(EvaluationPlanRules.problems(plan) == [.missingAgency])
        plan.agencyID = id(9)
        #expect(EvaluationPlanRules.problems(plan).isEmpty)
        plan.evaluatorKind = .finance
        #expect(EvaluationPlanRules.problems(plan) == [.agencyForOtherKind])
        plan.agencyID = nil
        plan.milestones = [Milestone(name: "准备", due: "2028-05-01"), Milestone(name: "", due: "2028-04-01"), Milestone(name: "报告", due: "2028-02-30")]
        #expect(EvaluationPlanRules.problems(plan) == [.milestoneWithoutName(index: 1), .milestonesOutOfOrder(index: 1), .invalidDate(index: 2, text: "2028-02-30")])
        #expect(EvaluationPlanRules.problems(EvaluationPlan()) == [.missingBasis, .missingMethods, .missingMilestones, .missingDataToCollect])
        #expect(EvaluationPlanRules.isDate("2028-02-29") && !EvaluationPlanRules.isDate("2027-02-29") && !EvaluationPlanRules.isDate("2028-2-01"))
    }

    @Test("the procedure: plan → approval by someone else → work → report → review; returns need an opinion")
    func workflow() throws {
        let officer = id(1), head = id(2)
        var state = KeyEvaluationState.planning
        state = try KeyEvaluationWorkflow.apply(.submitPlan, to: state, by: officer, submittedBy: nil, opinion: "")
        #expect(state == .planSubmitted)
        #expect(throws: KeyEvaluationWorkflowError.ownSubmission) {
            try KeyEvaluationWorkflow.apply(.approvePlan, to: .planSubmitted, by: officer, submittedBy: officer, opinion: "")
        }
        #expect(throws: KeyEvaluationWorkflowError.opinionRequired) {
            try KeyEvaluationWorkflow.apply(.returnPlan, to: .planSubmitted, by: head, submittedBy: officer, opinion: "  ")
        }
        #expect(try KeyEvaluationWorkflow.apply(.returnPlan, to: .planSubmitted, by: head, submittedBy: officer, opinion: "补充问卷") == .planning)
        state = try KeyEvaluationWorkflow.apply(.approvePlan, to: state, by: head, submittedBy: officer, opinion: "")
        #expect(state == .underway)
        #expect(throws: KeyEvaluationWorkflowError.notAllowed(action: .finalizeReport, state: .underway)) {
            try KeyEvaluationWorkflow.apply(.finalizeReport, to: .underway, by: head, submittedBy: officer, opinion: "")
        }
        state = try KeyEvaluationWorkflow.apply(.submitReport, to: state, by: officer, submittedBy: nil, opinion: "")
        #expect(try KeyEvaluationWorkflow.apply(.returnReport, to: state, by: head, submittedBy: officer, opinion: "结论依据不足") == .underway)
        #expect(try KeyEvaluationWorkflow.apply(.finalizeReport, to: state, by: head, submittedBy: officer, opinion: "") == .finalized)
        #expect(KeyEvaluationWorkflow.actions(from: .planSubmitted) == [.approvePlan, .returnPlan])
        #expect(KeyEvaluationWorkflow.actions(from: .finalized).isEmpty)
    }

    @Test("being on a team is the access: an expert or agency evaluator reaches exactly that evaluation, lists scope by name")
    func teamAccess() {
        let province = id(1), agency = id(2), expertID = id(3), evaluatorID = id(4)
        let provincePath = HierarchyPath.root(province)
        let expert = Actor(userID: expertID, organizationID: province, organizationPath: provincePath, roles: [.expert])
        let evaluator = Actor(userID: evaluatorID, organizationID: agency, organizationPath: provincePath.appending(agency), roles: [.agencyEvaluator])
        let officer = Actor(userID: id(5), organizationID: province, organizationPath: provincePath, roles: [.performanceOfficer])
        let evaluation = AccessTarget(organizationID: province, organizationPath: provincePath, assignedUserIDs: [expertID, evaluatorID])
        let other = AccessTarget(organizationID: province, organizationPath: provincePath, assignedUserIDs: [id(9)])
        for actor in [expert, evaluator] {
            #expect(Authorization.decide(actor, .viewAssignedWork, evaluation) == .allow)
            #expect(Authorization.decide(actor, .scoreKeyEvaluation, evaluation) == .allow)
            #expect(Authorization.decide(actor, .runKeyEvaluation, evaluation) != .allow)
            #expect(Authorization.decide(actor, .scoreKeyEvaluation, other) == .conceal, "another team's evaluation stays hidden")
            #expect(Authorization.decide(actor, .viewAssignedWork, other) == .conceal)
            let scope = Authorization.scope(actor, .viewAssignedWork)
            #expect(scope.assignedUserID == actor.userID && scope.subtrees.isEmpty && scope.organizations.isEmpty)
        }
        // An expert of the province itself does not reach the province's evaluations by its organisation.
        #expect(Authorization.decide(expert, .scoreKeyEvaluation, AccessTarget(organizationID: province, organizationPath: provincePath)) == .conceal)
        // The bureau's own staff reach by their subtree, on the team or not.
        #expect(Authorization.decide(officer, .scoreKeyEvaluation, other) == .allow)
        #expect(Authorization.decide(officer, .runKeyEvaluation, other) == .allow)
        #expect(Authorization.scope(officer, .viewAssignedWork).isEmpty)
    }

    @Test("a team has one leader and, when entrusted, the agency's evaluators and no other agency's; roles decide the parts")
    func teamRules() {
        let agency = id(7), otherAgency = id(8), bureau = id(9)
        var plan = EvaluationPlan(evaluatorKind: .agency, agencyID: agency)
        let leader = TeamMember(userID: id(1), role: .leader, organizationID: bureau)
        let expert = TeamMember(userID: id(2), role: .expert, organizationID: id(20))
        let ours = TeamMember(userID: id(3), role: .agencyEvaluator, organizationID: agency)
        let theirs = TeamMember(userID: id(4), role: .agencyEvaluator, organizationID: otherAgency)
        #expect(TeamRules.problems([leader, expert, ours], plan: plan).isEmpty)
        #expect(TeamRules.problems([expert, ours], plan: plan) == [.noLeader])
        #expect(TeamRules.problems([leader, TeamMember(userID: id(5), role: .leader, organizationID: bureau), ours], plan: plan) == [.severalLeaders])
        #expect(TeamRules.problems([leader, expert], plan: plan) == [.agencyNotOnTeam])
        #expect(TeamRules.problems([leader, ours, theirs], plan: plan) == [.otherAgency(id(4))])
        plan = EvaluationPlan(evaluatorKind: .finance)
        #expect(TeamRules.problems([leader, expert], plan: plan).isEmpty)
        #expect(TeamRules.problems([leader, ours], plan: plan) == [.otherAgency(id(3))], "no agency evaluators when finance evaluates itself")
        #expect(TeamRole.allowed(for: [.expert]) == [.expert])
        #expect(TeamRole.allowed(for: [.agencyEvaluator]) == [.agencyEvaluator])
        #expect(TeamRole.allowed(for: [.performanceOfficer]) == [.leader, .staff])
        #expect(TeamRole.allowed(for: [.departmentOfficer, .expert]) == [.leader, .staff, .expert])
        #expect(TeamRole.allowed(for: [.unitOfficer, .supervisor, .administrator]).isEmpty)
    }

    @Test("evidence files: the kind comes from the content and must agree with the extension; size and name limits")
    func evidenceKinds() throws {
        let pdf = Array("%PDF-1.7".utf8), png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14]
        #expect(try EvidenceFiles.kind(name: "凭证.pdf", head: pdf, size: 100) == .pdf)
        #expect(try EvidenceFiles.kind(name: "SCAN.PDF", head: pdf, size: 100) == .pdf)
        #expect(try EvidenceFiles.kind(name: "现场.png", head: png, size: 100) == .png)
        #expect(try EvidenceFiles.kind(name: "photo.JPEG", head: [0xFF, 0xD8, 0xFF, 0xE0], size: 100) == .jpeg)
        #expect(try EvidenceFiles.kind(name: "台账.xlsx", head: zip, size: 100) == .xlsx)
        #expect(try EvidenceFiles.kind(name: "old.doc", head: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], size: 100) == .doc)
        #expect(EvidenceKind.docx.mediaType.hasSuffix("wordprocessingml.document"))
        #expect(throws: EvidenceFileError.contentMismatch(expected: .pdf)) { try EvidenceFiles.kind(name: "a.pdf", head: Array("MZ".utf8), size: 100) }
        #expect(throws: EvidenceFileError.contentMismatch(expected: .png)) { try EvidenceFiles.kind(name: "a.png", head: pdf, size: 100) }
        #expect(throws: EvidenceFileError.unsupportedExtension("html")) { try EvidenceFiles.kind(name: "page.html", head: pdf, size: 100) }
        #expect(throws: EvidenceFileError.unsupportedExtension("")) { try EvidenceFiles.kind(name: "pdf", head: pdf, size: 100) }
        #expect(throws: EvidenceFileError.empty) { try EvidenceFiles.kind(name: "a.pdf", head: [], size: 0) }
        #expect(throws: EvidenceFileError.tooLarge(maximumBytes: EvidenceFiles.maximumBytes)) {
            try EvidenceFiles.kind(name: "a.pdf", head: pdf, size: EvidenceFiles.maximumBytes + 1)
        }
        #expect(throws: EvidenceFileError.badName) { try EvidenceFiles.kind(name: "../a.pdf", head: pdf, size: 10) }
        #expect(throws: EvidenceFileError.badName) { try EvidenceFiles.kind(name: "a\u{7}.pdf", head: pdf, size: 10) }
        #expect(throws: EvidenceFileError.badName) { try EvidenceFiles.kind(name: "  ", head: pdf, size: 10) }
    }

    @Test("a questionnaire: design checks, answers validated per question, the satisfaction rate and the tallies, the open link's limit")
    func survey() throws {
        let design = SurveyDesign.standard(objectName: "助学金")
        #expect(SatisfactionSurvey.problems(design).isEmpty)
        var broken = design
        broken.questions[1].options = ["是"]
        broken.questions[2].text = " "
        broken.satisfactionQuestion = 1
        #expect(SatisfactionSurvey.problems(broken) == [.tooFewOptions(index: 1), .emptyQuestion(index: 2), .satisfactionNotScale])
        #expect(SatisfactionSurvey.problems(SurveyDesign(title: "x", intro: "", questions: [], satisfactionQuestion: 0)) == [.noQuestions, .satisfactionNotScale])
        #expect(try SatisfactionSurvey.validate([0: "5", 1: "是", 2: " 很好 "], for: design).get() == [0: "5", 1: "是", 2: "很好"])
        #expect(try SatisfactionSurvey.validate([0: "4", 1: "否"], for: design).get() == [0: "4", 1: "否"], "the text question is optional")
        #expect(throws: SurveyAnswerErrors(problems: [.notAnOption(index: 0), .missing(index: 1)])) {
            try SatisfactionSurvey.validate([0: "6"], for: design).get()
        }
        #expect(throws: SurveyAnswerErrors(problems: [.notAnOption(index: 1), .tooLong(index: 2, maximum: SatisfactionSurvey.maximumTextAnswer)])) {
            try SatisfactionSurvey.validate([0: "1", 1: "也许", 2: String(repeating: "长", count: 1_001)], for: design).get()
        }
        let answers: [[Int: String]] = (Array(repeating: "5", count: 9) + Array(repeating: "4", count: 8) + ["3", "3", "2"]).map { [0: $0, 1: "是"] } + [[1: "否"]]
        let rate = try #require(SatisfactionSurvey.rate(answers, design: design))
        #expect(rate.satisfied == 17 && rate.answered == 20 && rate.percent == 85, "a set without the satisfaction answer does not count")
        #expect(SatisfactionSurvey.rate([], design: design) == nil)
        #expect(SatisfactionSurvey.tally(answers, question: 0, design: design).map(\.count) == [9, 8, 2, 1, 0])
        #expect(SatisfactionSurvey.tally(answers, question: 0, design: design).first?.label == "非常满意")
        #expect(SatisfactionSurvey.tally(answers, question: 1, design: design).map(\.count) == [20, 1, 0])
        #expect(OpenLinkLimit().allows(previousAnswers: 2) && !OpenLinkLimit().allows(previousAnswers: 3))
    }
}
