import Fluent
import Vapor
import JixiaoDomain

/// Everything the system says about one goal version's content: what blocks submission (the goal's own tree, the
/// regional goals of a transfer payment and their recipients) and what the linter finds. Pages, the API, saving and
/// submitting all ask here, so they never disagree.
struct GoalChecks: Sendable {
    var validation: [GoalValidationError]
    var regional: [RegionalGoalError]
    /// Regions (by position) whose recipient cannot receive, with why.
    var recipientProblems: [Int: Message]
    /// Names of the organisations the regions name, by code (for showing "临江市财政局（990100）").
    var recipientNames: [String: String]
    var findings: [LintFinding]
    /// Linter findings of each region's goal, by position.
    var regionalFindings: [Int: [LintFinding]]
    var libraryHistory: [UUID: [LibraryHistoryYear]]

    var blockingCount: Int { validation.count + regional.count + recipientProblems.count }
    private var allFindings: [LintFinding] { findings + regionalFindings.values.flatMap { $0 } }
    var warningCount: Int { allFindings.filter { $0.severity == .warning }.count }
    var noticeCount: Int { allFindings.filter { $0.severity == .notice }.count }

    /// The checks of a goal's own tree: what the importer stores for a project, and where `of` starts.
    static func assess(_ goal: PerformanceGoal, context: GoalContext, history: [UUID: [LibraryHistoryYear]] = [:]) -> GoalChecks {
        GoalChecks(validation: GoalValidation.validate(goal), regional: [], recipientProblems: [:], recipientNames: [:],
                   findings: GoalLinter.lint(goal, context: context), regionalFindings: [:], libraryHistory: history)
    }

    static func of(_ goal: PerformanceGoal, object: BudgetObjectModel, owner: OrganizationModel, on db: any Database) async throws -> GoalChecks {
        let (context, history) = try await LibraryService.context(for: object, goal: goal, on: db)
        var checks = assess(goal, context: context, history: history)
        if object.objectKind == .transferPayment {
            checks.regional = RegionalGoalValidation.validate(goal.regions, amount: object.approved ?? object.requested)
            let recipients = try await RegionalGoalStore.recipients(of: goal.regions, owner: owner, on: db)
            checks.recipientProblems = recipients.compactMapValues { $0.problem }
            checks.recipientNames = Dictionary(recipients.values.compactMap { $0.organization.map { ($0.code, $0.name) } },
                                               uniquingKeysWith: { first, _ in first })
            for (position, region) in goal.regions.enumerated() {
                let found = GoalLinter.lint(region.goal, context: GoalContext(requestedAmount: region.allocated, isContinuing: context.isContinuing,
                                                                                    fiscalYear: context.fiscalYear),
                                            rules: RegionalGoalValidation.rules)
                if !found.isEmpty { checks.regionalFindings[position] = found }
            }
        }
        return checks
    }
}

/// Reads and writes the regional goals of a transfer payment's versions, and tells whether each named recipient may
/// receive from the owner's bureau.
enum RegionalGoalStore {
    struct Recipient: Sendable {
        var organization: OrganizationModel?
        var problem: Message?
    }

    /// The finance bureau a transfer payment is paid from: the owner itself, or the bureau above the department
    /// that manages the fund.
    static func grantingBureau(of owner: OrganizationModel, on db: any Database) async throws -> OrganizationModel? {
        if owner.organizationKind == .financeBureau { return owner }
        let ancestorIDs = owner.hierarchyPath.rawValue.split(separator: "/").compactMap { UUID(uuidString: String($0)) }
        let bureaus = try await OrganizationModel.query(on: db).filter(\.$id ~~ ancestorIDs)
            .filter(\.$kind == OrganizationKind.financeBureau.rawValue).all()
        return bureaus.max { $0.hierarchyPath.rawValue.count < $1.hierarchyPath.rawValue.count }
    }

    /// Each region's recipient by position: the organisation when it may receive, else the reason it may not.
    static func recipients(of regions: [RegionalGoal], owner: OrganizationModel, on db: any Database) async throws -> [Int: Recipient] {
        guard !regions.isEmpty else { return [:] }
        let codes = Set(regions.map { $0.recipientCode.trimmed }.filter { !$0.isEmpty })
        let found = try await OrganizationModel.query(on: db).filter(\.$code ~~ Array(codes)).all()
        let byCode = Dictionary(found.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let bureau = try await grantingBureau(of: owner, on: db)
        var result: [Int: Recipient] = [:]
        for (position, region) in regions.enumerated() {
            let code = region.recipientCode.trimmed
            guard !code.isEmpty else { continue }   // the validation names a missing recipient
            guard let organization = byCode[code] else {
                result[position] = Recipient(organization: nil, problem: Message(.errorUnknownOrganization(code))); continue
            }
            guard organization.isActive else {
                result[position] = Recipient(organization: organization, problem: Message(.errorUnknownOrganization(code))); continue
            }
            guard let bureau, TransferRules.mayReceive(recipientKind: organization.organizationKind, recipientPath: organization.hierarchyPath,
                                                       grantingBureau: bureau.hierarchyPath) else {
                result[position] = Recipient(organization: organization, problem: Message(.errorRecipientNotBelow(organization.name))); continue
            }
            result[position] = Recipient(organization: organization, problem: nil)
        }
        return result
    }

    /// The regions of a version, with their indicators taken from the version's indicator rows.
    static func load(versionID: UUID, indicatorRows: [IndicatorRow], on db: any Database) async throws -> [RegionalGoal] {
        let regions = try await GoalRegionModel.query(on: db).filter(\.$versionID == versionID).sort(\.$position).all()
        guard !regions.isEmpty else { return [] }
        let rowsByRegion = Dictionary(grouping: indicatorRows.filter { $0.region_row_id != nil }, by: { $0.region_row_id! })
        return regions.map { region in
            RegionalGoal(id: region.regionID, recipientCode: region.recipientCode, allocated: Money(fen: region.allocatedFen),
                         annualGoal: region.annualGoal,
                         indicators: (rowsByRegion[region.id!] ?? []).sorted { $0.position < $1.position }.map(\.indicator))
        }
    }

    /// Writes the regions of a version and their indicator rows (the caller has removed the old ones).
    static func save(_ regions: [RegionalGoal], versionID: UUID, owner: OrganizationModel, on db: any Database) async throws {
        guard !regions.isEmpty else { return }
        let recipients = try await recipients(of: regions, owner: owner, on: db)
        for (position, region) in regions.enumerated() {
            let valid = recipients[position].flatMap { $0.problem == nil ? $0.organization?.id : nil }
            let row = GoalRegionModel(versionID: versionID, position: position, region: region, recipientOrganizationID: valid)
            try await row.create(on: db)
            for (index, indicator) in region.indicators.enumerated() {
                try await GoalIndicatorModel(versionID: versionID, position: index, indicator: indicator, regionRowID: row.id!).create(on: db)
            }
        }
    }

    /// Removes a version's regions (their indicator rows go with the version's indicator rows).
    static func delete(versionID: UUID, on db: any Database) async throws {
        try await GoalRegionModel.query(on: db).filter(\.$versionID == versionID).delete()
    }
}
