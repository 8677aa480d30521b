/// What changed between two versions of a goal, indicator by indicator, for the reviewer.
public struct GoalDiff: Hashable, Sendable {
    public enum Field: String, CaseIterable, Sendable {
        case category, subcategory, name, target, weight, standard, note
    }

    public enum IndicatorChange: Hashable, Sendable {
        case added(Indicator)
        case removed(Indicator)
        case changed(old: Indicator, new: Indicator, fields: [Field])
    }

    public var annualGoalChanged: Bool
    public var midTermGoalChanged: Bool
    public var changes: [IndicatorChange]

    public var isEmpty: Bool { !annualGoalChanged && !midTermGoalChanged && changes.isEmpty }

    /// Indicators are matched by their stable id; order follows the new version, removed ones last.
    public static func between(_ old: PerformanceGoal, _ new: PerformanceGoal) -> GoalDiff {
        let oldByID = Dictionary(old.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(new.indicators.map(\.id))
        var changes: [IndicatorChange] = []
        for indicator in new.indicators {
            guard let before = oldByID[indicator.id] else { changes.append(.added(indicator)); continue }
            var fields: [Field] = []
            if before.category != indicator.category { fields.append(.category) }
            if before.subcategory != indicator.subcategory { fields.append(.subcategory) }
            if before.name != indicator.name { fields.append(.name) }
            if before.targetText != indicator.targetText && before.target != indicator.target || (before.target == nil && before.targetText != indicator.targetText) {
                fields.append(.target)
            }
            if before.weight != indicator.weight { fields.append(.weight) }
            if before.standard != indicator.standard { fields.append(.standard) }
            if before.note != indicator.note { fields.append(.note) }
            if !fields.isEmpty { changes.append(.changed(old: before, new: indicator, fields: fields)) }
        }
        for indicator in old.indicators where !newIDs.contains(indicator.id) { changes.append(.removed(indicator)) }
        return GoalDiff(annualGoalChanged: old.annualGoal != new.annualGoal, midTermGoalChanged: old.midTermGoal != new.midTermGoal,
                        changes: changes)
    }
}
