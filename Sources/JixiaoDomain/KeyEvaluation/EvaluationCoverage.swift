import Foundation

/// The §3.9 coverage targets that key evaluations answer to (财预〔2012〕396号): a department's evaluated funds are at
/// least 10 % of its spending, a region's at least 20 % of its level's. Rule-table values; these are the defaults.
public struct CoverageTargets: Hashable, Codable, Sendable {
    public var departmentPercent: Decimal
    public var regionPercent: Decimal
    public init(departmentPercent: Decimal = 10, regionPercent: Decimal = 20) {
        self.departmentPercent = departmentPercent; self.regionPercent = regionPercent
    }
}

/// One released budget object as coverage counts it.
public struct CoverageObject: Hashable, Sendable {
    public var id: UUID
    public var kind: BudgetObjectKind
    public var amount: Money
    /// The department (一级预算单位) it belongs to; nil for what a finance bureau itself owns (its transfer payments).
    public var department: UUID?
    /// The finance bureau of the region it belongs to.
    public var region: UUID

    public init(id: UUID, kind: BudgetObjectKind, amount: Money, department: UUID?, region: UUID) {
        self.id = id; self.kind = kind; self.amount = amount; self.department = department; self.region = region
    }
}

/// Coverage of one department or region: how much of its spending the evaluations reach, against the target.
public struct CoverageLine: Hashable, Sendable {
    public var objectCount = 0
    public var evaluatedCount = 0
    /// Its spending: a department's whole-spending object (部门整体支出) when it has one — that amount is the whole
    /// department — else the sum of its objects.
    public var spending = Money.zero
    public var evaluated = Money.zero
    public var targetPercent: Decimal

    /// Evaluated ÷ spending in percent, unrounded; nil when there is no spending to cover.
    public var percent: Decimal? {
        spending.fen > 0 ? Decimal(evaluated.fen) * 100 / Decimal(spending.fen) : nil
    }
    public var meetsTarget: Bool { (percent ?? 0) >= targetPercent }
    /// What is still missing to reach the target (zero when met).
    public var shortfall: Money {
        let needed = Decimal(spending.fen) * targetPercent / 100
        var rounded = Decimal(), raw = needed
        NSDecimalRound(&rounded, &raw, 0, .up)
        let missing = NSDecimalNumber(decimal: rounded).int64Value - evaluated.fen
        return Money(fen: max(0, missing))
    }
}

public struct CoverageReport: Hashable, Sendable {
    public var departments: [UUID: CoverageLine]
    public var regions: [UUID: CoverageLine]
}

public enum EvaluationCoverage {
    /// Coverage by department and by region when the objects in `evaluated` are key-evaluated. Evaluating a
    /// department's whole spending covers all of it; otherwise an object covers its own amount. No line reports more
    /// evaluated than spent.
    public static func report(objects: [CoverageObject], evaluated: Set<UUID>, targets: CoverageTargets = CoverageTargets()) -> CoverageReport {
        var departments: [UUID: CoverageLine] = [:]
        var overall: [UUID: Money] = [:]
        var summed: [UUID: Money] = [:]
        var regionOfDepartment: [UUID: UUID] = [:]
        var regions: [UUID: CoverageLine] = [:]
        var undepartmented: [UUID: Money] = [:]
        for object in objects {
            let isEvaluated = evaluated.contains(object.id)
            regions[object.region, default: CoverageLine(targetPercent: targets.regionPercent)].objectCount += 1
            if isEvaluated { regions[object.region]!.evaluatedCount += 1 }
            guard let department = object.department else {
                undepartmented[object.region, default: .zero] = undepartmented[object.region, default: .zero] + object.amount
                if isEvaluated { regions[object.region]!.evaluated = regions[object.region]!.evaluated + object.amount }
                continue
            }
            regionOfDepartment[department] = object.region
            var line = departments[department, default: CoverageLine(targetPercent: targets.departmentPercent)]
            line.objectCount += 1
            if object.kind == .departmentOverall {
                overall[department] = (overall[department] ?? .zero) + object.amount
            } else {
                summed[department] = (summed[department] ?? .zero) + object.amount
            }
            if isEvaluated {
                line.evaluatedCount += 1
                line.evaluated = line.evaluated + object.amount
            }
            departments[department] = line
        }
        for (department, var line) in departments {
            line.spending = overall[department] ?? summed[department] ?? .zero
            // A whole-spending evaluation covers the department, and projects inside it add nothing beyond that.
            line.evaluated = Money(fen: min(line.evaluated.fen, line.spending.fen))
            departments[department] = line
            let region = regionOfDepartment[department]!
            regions[region]!.spending = regions[region]!.spending + line.spending
            regions[region]!.evaluated = regions[region]!.evaluated + line.evaluated
        }
        for (region, amount) in undepartmented { regions[region]!.spending = regions[region]!.spending + amount }
        return CoverageReport(departments: departments, regions: regions)
    }
}
