import JixiaoDomain

/// The sections of the closed loop as the navigation shows them. Which pages a section holds comes from the
/// capabilities' `navigation` entries; a section no capability fills yet answers with an honest placeholder.
enum Section: String, CaseIterable, Sendable {
    case goals, monitoring, evaluation, results, thinkTank = "think-tank", analytics, admin


    var title: TextKey {
        switch self {
        case .goals: .navGoals
        case .monitoring: .navMonitoring
        case .evaluation: .navEvaluation
        case .results: .navResults
        case .thinkTank: .navThinkTank
        case .analytics: .navAnalytics
        case .admin: .navAdmin
        }
    }

    /// What the section will hold, said on its "not yet available" page.
    var summary: TextKey {
        switch self {
        case .goals: .sectionGoalsSummary
        case .monitoring: .sectionMonitoringSummary
        case .evaluation: .sectionEvaluationSummary
        case .results: .sectionResultsSummary
        case .thinkTank: .sectionThinkTankSummary
        case .analytics: .sectionAnalyticsSummary
        case .admin: .sectionAdminSummary
        }
    }

    /// Who will use a section that is not built yet: the roles its future pages serve. Built sections are shown by
    /// their entries' actions instead.
    func placeholderVisible(to roles: Set<Role>) -> Bool {
        let loopRoles: Set<Role> = [.performanceOfficer, .budgetOfficer, .departmentOfficer, .unitOfficer, .supervisor]
        switch self {
        case .goals, .monitoring, .results: return !roles.isDisjoint(with: loopRoles)
        case .evaluation: return !roles.isDisjoint(with: loopRoles.union([.agencyEvaluator, .expert]))
        case .thinkTank: return !roles.isDisjoint(with: [.performanceOfficer, .supervisor, .expert, .agencyEvaluator])
        case .analytics: return !roles.isDisjoint(with: [.performanceOfficer, .budgetOfficer, .departmentOfficer, .supervisor])
        case .admin: return false
        }
    }

    /// Sections no capability has filled yet.
    static var placeholders: [Section] {
        let built = Set(Capabilities.navigation.map(\.section))
        return allCases.filter { !built.contains($0) && $0 != .admin }
    }
}

/// A page a capability puts in the navigation and on the start page, shown to those who may ever do its action.
struct NavigationEntry: Sendable {
    var section: Section
    var path: String
    var title: TextKey
    var summary: TextKey
    var requiredAction: Action
    /// Other actions that also lead someone here (an agency's evaluators reach self-evaluation by re-scoring).
    var alternativeActions: [Action] = []

    func isVisible(to actor: Actor) -> Bool {
        ([requiredAction] + alternativeActions).contains { Authorization.mayEver(actor, $0) }
    }
}

/// The navigation as one person sees it: the entries their roles may use and the placeholders of their sections.
struct NavigationMenu {
    struct Group {
        var section: Section
        var entries: [(path: String, title: TextKey, summary: TextKey)]
        var isPlaceholder: Bool
    }

    var groups: [Group]

    init(for actor: Actor) {
        let entries = Capabilities.navigation.filter { $0.isVisible(to: actor) }
        let placeholders = Set(Section.placeholders)
        groups = Section.allCases.compactMap { section in
            if placeholders.contains(section) {
                guard section.placeholderVisible(to: actor.roles) else { return nil }
                return Group(section: section, entries: [(HomeRoute.placeholder(section).url, section.title, section.summary)], isPlaceholder: true)
            }
            let own = entries.filter { $0.section == section }.map { ($0.path, $0.title, $0.summary) }
            return own.isEmpty ? nil : Group(section: section, entries: own, isPlaceholder: false)
        }
    }
}
