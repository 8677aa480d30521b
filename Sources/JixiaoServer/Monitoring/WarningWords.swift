import Foundation
import JixiaoDomain

/// A warning's arithmetic in words, from the facts stored with it: "1–7月：时间进度 58.3%，支出 31.0% → 执行进度 53.1% <
/// 60% → 红色（资金执行滞后）". Pages, the API and the exports say it the same way.
enum WarningWords {
    static func explain(_ warning: MonitoringWarning, _ t: Localizer) -> String {
        let zh = t.locale == .zhHans
        let colon = zh ? "：" : ": ", comma = zh ? "，" : ", "
        func verdict(_ reason: TextKey) -> String {
            " → " + t(warning.level.text) + (zh ? "（\(t(reason))）" : " (\(t(reason)))")
        }
        func percent(_ value: Decimal) -> String { "\(value)%" }
        switch warning.facts {
        case .fundPace(let period, let time, let rate, let pace, let bound, let fromPlan, let basis):
            return (zh ? period.label : period.englishLabel) + colon
                + t(fromPlan ? .warnPlanProgress : .warnTimeProgress) + " " + time.percentText() + comma
                + t(basis == .spent ? .warnSpent : .warnAllocated) + " " + rate.percentText()
                + " → " + t(.warnPace) + " " + pace.percentText() + " < " + percent(bound) + verdict(.warnReasonFund)
        case .forecast(let indicator, let target, let forecast, let share, let bound):
            var text = indicator + colon + t(.warnTarget) + " " + target + comma + t(.warnForecast) + " " + forecast + " → "
            let red = warning.level == .red
            switch warning.rule {
            case .reverseForecast:
                if let share { text += t(.warnShareOfTarget) + " " + share.percentText() + (red ? " > " + percent(bound) : comma + t(.warnAbove)) }
                else { text += t(.warnAbove) }
                return text + verdict(.warnReasonOver)
            case .exactForecast:
                if let share { text += t(.warnCloseness) + " " + share.percentText() + (red ? " < " + percent(bound) : comma + t(.warnOff)) }
                else { text += t(.warnOff) }
                return text + verdict(.warnReasonOff)
            default:
                if let share { text += t(.warnShareOfTarget) + " " + share.percentText() + (red ? " < " + percent(bound) : comma + t(.warnShort)) }
                else { text += t(.warnShort) }
                return text + verdict(.warnReasonShort)
            }
        case .deadline(let indicator, let target, let forecast, let daysLate, let graceDays):
            let comparison = warning.level == .red ? " > " : " ≤ "
            return indicator + colon + t(.warnTarget) + " " + day(target, zh) + (zh ? "前" : "") + comma + t(.warnForecast) + " " + day(forecast, zh)
                + " → " + t(.warnDaysLate(daysLate)) + comparison + t(.warnGraceDays(graceDays)) + verdict(.warnReasonLate)
        case .likelihood(let indicator, let likelihood):
            return indicator + colon + t(.warnLikelihood(likelihood.text)) + " → " + t(warning.level.text)
        case .notReported(let deadline):
            return t(.warnUnreported(day(deadline, zh))) + verdict(.warnReasonUnreported)
        }
    }

    private static func day(_ day: CalendarDay, _ zh: Bool) -> String {
        zh ? day.description : String(format: "%04d-%02d-%02d", day.year, day.month, day.day)
    }
}
