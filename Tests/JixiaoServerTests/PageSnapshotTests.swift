import Foundation
import Plot
import Testing
@testable import JixiaoServer
import JixiaoDomain

/// The key pages of goal management rendered from fixed models, no database: what a person sees, line by line.
@Suite("Page snapshots")
struct PageSnapshotTests {
    static let objectID = UUID(uuidString: "00000000-0000-4000-8000-0000000000b1")!
    static let unitID = UUID(uuidString: "00000000-0000-4000-8000-00000000000a")!
    static let day = Date(timeIntervalSince1970: 1_800_000_000)

    static func loaded(state: GoalState, versions: Int = 1) -> LoadedGoal {
        let unit = OrganizationModel(id: unitID, code: "990000-101-01", name: "江南师范大学", kind: .unit, level: .province, parentID: nil,
                                     path: .root(unitID))
        let object = BudgetObjectModel()
        object.id = objectID; object.kind = BudgetObjectKind.project.rawValue; object.code = "JN2027-EDU-001"; object.name = "师范生实习支教补助"
        object.$organization.id = unitID; object.fiscalYear = 2027; object.functionalClassification = "2050205"
        object.fundSource = FundSource.generalPublic.rawValue; object.category = ProjectCategory.continuing.rawValue
        object.startYear = 2026; object.endYear = 2028; object.requestedFen = 320_000_000; object.isKeyProject = true; object.isServiceProject = true
        let models: [GoalVersionModel] = (1...versions).map { number in
            let version = GoalVersionModel()
            version.id = UUID(uuidString: String(format: "00000000-0000-4000-8000-0000000000c%d", number))!
            version.$budgetObject.id = objectID; version.versionNumber = number
            version.state = (number == versions ? state : .superseded).rawValue
            version.annualGoal = "组织 600 名师范生赴县域学校实习支教一学期。"; version.isAdjustment = number > 1; version.everSubmitted = state != .draft
            version.lockVersion = 3; version.validationErrors = 0; version.lintWarnings = 0; version.lintNotices = 0
            return version
        }
        return LoadedGoal(object: object, organization: unit, version: models.last!, goal: goal, versions: models)
    }

    static let goal = PerformanceGoal(annualGoal: "组织 600 名师范生赴县域学校实习支教一学期。", midTermGoal: "三年内覆盖全省 40 个县。", indicators: [
        Indicator(id: UUID(uuidString: "00000000-0000-4000-8000-0000000000d1")!, category: .output, subcategory: .quantity,
                  name: "实习支教人数", targetText: "≥600人", weight: 30, standard: .plan),
        Indicator(id: UUID(uuidString: "00000000-0000-4000-8000-0000000000d2")!, category: .output, subcategory: .quality,
                  name: "实习考核合格率", targetText: "≥95%", weight: 30, standard: .history),
        Indicator(id: UUID(uuidString: "00000000-0000-4000-8000-0000000000d3")!, category: .satisfaction, subcategory: .serviceSatisfaction,
                  name: "受援学校满意度", targetText: "≥90%", weight: 40, standard: .industry),
    ])

    static func page(state: GoalState, canEdit: Bool, offered: [GoalActionKind], versions: Int = 1) -> GoalPageModel {
        let loaded = loaded(state: state, versions: versions)
        let transition = GoalTransitionModel()
        transition.versionID = loaded.version.id!; transition.action = "submit"; transition.fromState = "draft"; transition.toState = "submitted"
        transition.actorUserID = UUID(uuidString: "00000000-0000-4000-8000-0000000000e1")!; transition.actorName = "刘洋"; transition.opinion = ""
        transition.occurredAt = day
        let checks = GoalChecks.assess(goal, context: GoalContext(requestedAmount: loaded.object.requested, isContinuing: true,
                                                                  isServiceProject: true, fiscalYear: 2027))
        return GoalPageModel(loaded: loaded, goal: goal, checks: checks, transitions: state == .draft ? [] : [transition], canEdit: canEdit,
                             offered: offered, notice: nil, problem: nil, resubmitted: nil, librarySearch: nil, libraryEntries: [],
                             csrfToken: "csrf-token")
    }

    @Test("the goal page, read by the department reviewing it")
    func goalPageUnderReview() {
        let model = Self.page(state: .submitted, canEdit: false, offered: [.departmentApprove, .departmentReturn], versions: 2)
        assertSnapshot(GoalPageView(model: model, t: Localizer(locale: .zhHans)).body.render(), named: "goal-page-review")
    }

    @Test("the goal page's editor, as the unit fills it in, in English")
    func goalPageEditor() {
        let model = Self.page(state: .draft, canEdit: true, offered: [.submit])
        assertSnapshot(GoalPageView(model: model, t: Localizer(locale: .en)).body.render(), named: "goal-form-en")
    }

    @Test("the goal list")
    func goalList() {
        let row = GoalQueueRow(objectID: Self.objectID, code: "JN2027-EDU-001", name: "师范生实习支教补助", kind: "project", fiscalYear: 2027,
                               fundSource: "general_public", isKeyProject: true, requestedFen: 320_000_000, organizationName: "江南师范大学",
                               organizationPath: "/a/", state: "submitted", versionNumber: 2, lockVersion: 3, lintWarnings: 1, lintNotices: 0,
                               validationErrors: 0)
        let model = GoalListModel(filter: GoalController.Filter(year: "2027", all: "1"), year: 2027, yearInvalid: false, unknownUnder: nil,
                                  showAll: true, page: 2, rows: [row], total: 51, approved: 3, canDeclare: false, canRelease: true,
                                  csrfToken: "csrf-token")
        assertSnapshot(GoalListView(model: model, t: Localizer(locale: .zhHans)).body.render(), named: "goal-list")
    }

    @Test("the difference between two versions")
    func diff() {
        var adjusted = Self.goal
        adjusted.indicators[0].targetText = "≥800人"
        adjusted.indicators.remove(at: 1)
        adjusted.annualGoal = "组织 800 名师范生赴县域学校实习支教一学期。"
        let model = GoalDiffModel(objectID: Self.objectID, name: "师范生实习支教补助", fromNumber: 1, toNumber: 2, from: Self.goal, to: adjusted,
                                  changes: GoalDiff.between(Self.goal, adjusted))
        assertSnapshot(GoalDiffView(model: model, t: Localizer(locale: .zhHans)).body.render(), named: "goal-diff")
    }
}
