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

    /// A regional goal of a transfer payment added, removed, or changed in its recipient, money, text or indicators.
    public enum RegionChange: Hashable, Sendable {
        case added(RegionalGoal)
        case removed(RegionalGoal)
        case changed(old: RegionalGoal, new: RegionalGoal, recipientChanged: Bool, allocationChanged: Bool, annualGoalChanged: Bool,
                     indicators: [IndicatorChange])
    }

    public var annualGoalChanged: Bool
    public var midTermGoalChanged: Bool
    public var changes: [IndicatorChange]
    public var regionChanges: [RegionChange] = []

    public var isEmpty: Bool { !annualGoalChanged && !midTermGoalChanged && changes.isEmpty && regionChanges.isEmpty }

    /// Indicators and regions are matched by their stable ids; order follows the new version, removed ones last.
    public static func between(_ old: PerformanceGoal, _ new: PerformanceGoal) -> GoalDiff {
        var regionChanges: [RegionChange] = []
        let oldRegions = Dictionary(old.regions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for region in new.regions {
            guard let before = oldRegions[region.id] else { regionChanges.append(.added(region)); continue }
            let indicators = indicatorChanges(before.indicators, region.indicators)
            let recipient = before.recipientCode != region.recipientCode, money = before.allocated != region.allocated
            let text = before.annualGoal != region.annualGoal
            if recipient || money || text || !indicators.isEmpty {
                regionChanges.append(.changed(old: before, new: region, recipientChanged: recipient, allocationChanged: money,
                                              annualGoalChanged: text, indicators: indicators))
            }
        }
        let newRegionIDs = Set(new.regions.map(\.id))
        for region in old.regions where !newRegionIDs.contains(region.id) { regionChanges.append(.removed(region)) }
        return GoalDiff(annualGoalChanged: old.annualGoal != new.annualGoal, midTermGoalChanged: old.midTermGoal != new.midTermGoal,
                        changes: indicatorChanges(old.indicators, new.indicators), regionChanges: regionChanges)
    }

    static func indicatorChanges(_ oldIndicators: [Indicator], _ newIndicators: [Indicator]) -> [IndicatorChange] {
        let oldByID = Dictionary(oldIndicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(newIndicators.map(\.id))
        var changes: [IndicatorChange] = []
        for indicator in newIndicators {
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
        for indicator in oldIndicators where !newIDs.contains(indicator.id) { changes.append(.removed(indicator)) }
        return changes
    }
}
