import Foundation

/// 监控期间 — what a monitoring round covers: from 1 January of its fiscal year to the period end, a calendar day of
/// the same year. The national form's rounds end at a month's end ("1–7月", the default round in August); execution
/// tracking may stop on another day, and the time gone is then counted by days inside the last month.
public struct MonitoringPeriod: Hashable, Codable, Sendable, CustomStringConvertible {
    public var end: CalendarDay

    public init(end: CalendarDay) { self.end = end }

    /// The period that ends with month `month` of `year` ("1–7月" is `MonitoringPeriod(year: 2027, throughMonth: 7)`).
    public init?(year: Int, throughMonth month: Int) {
        guard (1...12).contains(month), let day = CalendarDay(year: year, month: month, day: CalendarDay.days(in: month, of: year)) else { return nil }
        end = day
    }

    public var fiscalYear: Int { end.year }
    public var endsAtMonthEnd: Bool { end.day == CalendarDay.days(in: end.month, of: end.year) }
    /// Months fully gone (7 for 1–7月; 6 for a period that ends on 15 July).
    public var completeMonths: Int { endsAtMonthEnd ? end.month : end.month - 1 }

    /// "1–7月", or "1月1日–7月15日" when the period stops inside a month.
    public var label: String {
        endsAtMonthEnd ? (end.month == 1 ? "1月" : "1–\(end.month)月") : "1月1日–\(end.month)月\(end.day)日"
    }

    /// "Jan–Jul", or "1 Jan–15 Jul".
    public var englishLabel: String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let month = names[end.month - 1]
        return endsAtMonthEnd ? (end.month == 1 ? "Jan" : "Jan–\(month)") : "1 Jan–\(end.day) \(month)"
    }

    public var description: String { label }

    /// 时间进度 without a spending plan (DOMAIN.md §3.2): m ÷ 12 at the end of month m; inside a month the days gone
    /// of that month count as a share of it, so 15 February is (1 + 15/28) ÷ 12, or (1 + 15/29) ÷ 12 in a leap year.
    public var timeProgress: Ratio {
        if endsAtMonthEnd { return Ratio(Decimal(end.month), over: 12)! }
        let days = CalendarDay.days(in: end.month, of: end.year)
        return Ratio(Decimal((end.month - 1) * days + end.day), over: Decimal(12 * days))!
    }

    /// The share of month `month` that lies inside the period: 1 for months fully gone, the days gone over the
    /// days of the month for the last one, 0 after it.
    func shareOfMonth(_ month: Int) -> Ratio {
        if month <= completeMonths { return Ratio(1) }
        if month == end.month { return Ratio(Decimal(end.day), over: Decimal(CalendarDay.days(in: month, of: end.year)))! }
        return Ratio(0)
    }
}

/// 用款计划 — the amounts a unit plans to spend in each month of the year. When a unit has entered one, the spending
/// expected by the period end is what it planned up to then, instead of an even share of the year.
public struct SpendingPlan: Hashable, Codable, Sendable {
    /// Twelve amounts, January first.
    public private(set) var monthly: [Money]

    public enum Problem: Error, Hashable, Sendable {
        case wrongMonthCount(Int)
        case negative(month: Int)
        /// The plan spends more than the full-year budget (全年预算数).
        case exceedsBudget(plan: Money, budget: Money)
    }

    public init(monthly: [Money]) throws(Problem) {
        guard monthly.count == 12 else { throw .wrongMonthCount(monthly.count) }
        if let month = monthly.firstIndex(where: { $0.fen < 0 }) { throw .negative(month: month + 1) }
        self.monthly = monthly
    }

    public var total: Money { monthly.reduce(.zero, +) }

    /// What the plan expects spent by the end of `period`, in fen as an exact ratio (the last month counted by days).
    public func expected(by period: MonitoringPeriod) -> Ratio {
        var sum = Ratio(0)
        for (index, amount) in monthly.enumerated() {
            let share = period.shareOfMonth(index + 1)
            guard share.numerator != 0 else { continue }
            let part = Ratio(Decimal(amount.fen)) * share
            sum = Ratio(sum.numerator * part.denominator + part.numerator * sum.denominator, over: sum.denominator * part.denominator)!
        }
        return sum
    }

    /// Checks the plan against the full-year budget it belongs to.
    public func check(budget: Money) throws(Problem) {
        if total > budget { throw .exceedsBudget(plan: total, budget: budget) }
    }
}
