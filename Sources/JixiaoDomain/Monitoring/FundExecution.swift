import Foundation

/// Which figure counts as 执行数: what the unit actually spent (实际支出, the default) or what the treasury paid out to
/// it (已拨付). Bureaus differ; the rule set says which one its rounds use.
public enum ExecutionBasis: String, CaseIterable, Codable, Sendable {
    case spent
    case allocated
}

/// 预算执行 — the money of one budget object in one round: budgets, what was paid out and spent by the period end,
/// optionally the monthly spending plan and the unit's forecast for the year. Everything is exact money.
public struct FundFigures: Hashable, Codable, Sendable {
    /// 年初预算数 — the budget as approved at the start of the year (the released amount).
    public var initialBudget: Money
    /// 全年预算数 — the budget after 追加/调减 during the year; starts equal to the initial budget.
    public var fullYearBudget: Money
    /// 已拨付 — paid out by the treasury to the period end.
    public var allocated: Money
    /// 实际支出 — spent by the unit to the period end.
    public var spent: Money
    /// 全年预计执行数 — the unit's forecast of what it will have executed by the year end, when it gave one.
    public var yearEndForecast: Money?
    public var plan: SpendingPlan?

    public init(initialBudget: Money, fullYearBudget: Money? = nil, allocated: Money, spent: Money,
                yearEndForecast: Money? = nil, plan: SpendingPlan? = nil) {
        self.initialBudget = initialBudget
        self.fullYearBudget = fullYearBudget ?? initialBudget
        self.allocated = allocated
        self.spent = spent
        self.yearEndForecast = yearEndForecast
        self.plan = plan
    }

    /// Why figures cannot be right. Each names the figure that is wrong.
    public enum Problem: Error, Hashable, Sendable {
        case negative(FundField)
        /// More spent than the treasury paid out.
        case spentAboveAllocated(spent: Money, allocated: Money)
        /// More paid out than the full-year budget.
        case allocatedAboveBudget(allocated: Money, budget: Money)
        case plan(SpendingPlan.Problem)
    }

    /// The rules a treasury row and a hand entry both follow: nothing negative, spent ≤ allocated ≤ full-year budget,
    /// a plan within the budget.
    public func check() -> [Problem] {
        var problems: [Problem] = []
        for (field, amount) in [(FundField.initialBudget, initialBudget), (.fullYearBudget, fullYearBudget),
                                (.allocated, allocated), (.spent, spent)] where amount.fen < 0 {
            problems.append(.negative(field))
        }
        if let forecast = yearEndForecast, forecast.fen < 0 { problems.append(.negative(.yearEndForecast)) }
        if spent > allocated { problems.append(.spentAboveAllocated(spent: spent, allocated: allocated)) }
        if allocated > fullYearBudget { problems.append(.allocatedAboveBudget(allocated: allocated, budget: fullYearBudget)) }
        if let plan {
            do throws(SpendingPlan.Problem) { try plan.check(budget: fullYearBudget) } catch { problems.append(.plan(error)) }
        }
        return problems
    }

    /// 追加/调减: the change of the full-year budget against the initial one (negative for a cut).
    public var budgetChange: Money { fullYearBudget - initialBudget }

    public func executed(_ basis: ExecutionBasis) -> Money { basis == .spent ? spent : allocated }
}

/// The fields of `FundFigures`, to name them in problems and in the treasury file.
public enum FundField: String, CaseIterable, Codable, Sendable {
    case initialBudget, fullYearBudget, allocated, spent, yearEndForecast
}

/// 执行进度 — what the figures mean at the period end: how much of the full-year budget is executed, how much should
/// have been by now, and the pace (executed ÷ expected) that the money warning judges.
public struct FundProgress: Hashable, Codable, Sendable {
    public var period: MonitoringPeriod
    public var basis: ExecutionBasis
    public var executed: Money
    public var fullYearBudget: Money
    /// 执行率 — executed ÷ full-year budget; nil when the budget is zero.
    public var executionRate: Ratio?
    /// 时间进度 — the share of the budget expected executed by now: the plan's share when a plan was entered, else the
    /// share of the year gone. Nil when the budget is zero.
    public var timeProgress: Ratio?
    /// Whether `timeProgress` comes from a spending plan.
    public var fromPlan: Bool
    /// 执行进度 — executed ÷ expected; nil when nothing was expected yet (an empty plan so far, or a zero budget).
    public var pace: Ratio?
    /// 预计结转 — what will be left at the year end: the budget less the unit's forecast, or, without one, less a
    /// straight-line projection of what was executed (rounded down to the fen). Negative when the forecast overruns.
    public var expectedCarryOver: Money
    /// Whether `expectedCarryOver` rests on the straight-line projection rather than the unit's forecast.
    public var carryOverProjected: Bool

    public init(_ figures: FundFigures, period: MonitoringPeriod, basis: ExecutionBasis = .spent) {
        self.period = period
        self.basis = basis
        let executed = figures.executed(basis)
        self.executed = executed
        fullYearBudget = figures.fullYearBudget
        let budget = Decimal(figures.fullYearBudget.fen)
        executionRate = Ratio(Decimal(executed.fen), over: budget)
        // Expected spending by the period end, in fen, as an exact ratio.
        let expected: Ratio
        if let plan = figures.plan {
            expected = plan.expected(by: period)
            fromPlan = true
        } else {
            expected = Ratio(budget) * period.timeProgress
            fromPlan = false
        }
        timeProgress = expected / Ratio(budget)
        pace = expected.numerator == 0 ? nil : Ratio(Decimal(executed.fen)) / expected
        if let forecast = figures.yearEndForecast {
            expectedCarryOver = figures.fullYearBudget - forecast
            carryOverProjected = false
        } else {
            // executed ÷ share of the year gone, at most the budget: a unit that spent fast is not projected to overrun.
            let share = period.timeProgress
            var projected = Decimal(executed.fen) * share.denominator / share.numerator
            var down = Decimal()
            NSDecimalRound(&down, &projected, 0, .down)
            let projectedFen = min(NSDecimalNumber(decimal: down).int64Value, figures.fullYearBudget.fen)
            expectedCarryOver = Money(fen: max(0, figures.fullYearBudget.fen - projectedFen))
            carryOverProjected = true
        }
    }
}
