import Plot
import JixiaoDomain

/// 区域绩效目标 on a transfer payment's goal page: each region's recipient, money, goal and indicators with the
/// problems found in them, read-only or as part of the goal editor.
struct RegionalGoalsView {
    let t: Localizer
    let checks: GoalChecks

    typealias RowRenderer = (_ prefix: String, _ number: Int, _ indicator: Indicator?, _ messages: Node<HTML.BodyContext>) -> Node<HTML.TableContext>

    private func recipientLabel(_ region: RegionalGoal) -> String {
        region.recipientCode.isEmpty ? "—" : checks.recipientNames[region.recipientCode].map { "\($0)（\(region.recipientCode)）" } ?? region.recipientCode
    }

    /// Problems of the region as a whole: recipient, money, goal text, missing categories.
    private func regionMessages(_ position: Int) -> Node<HTML.BodyContext> {
        let errors = checks.regional.filter { $0.region == position && $0.indicatorIndex == nil }.map(\.message)
            + (checks.recipientProblems[position].map { [$0] } ?? [])
        let findings = (checks.regionalFindings[position] ?? []).filter { $0.index == nil }
        guard !errors.isEmpty || !findings.isEmpty else { return .empty }
        return FindingList.general(errors: errors, findings: findings, t)
    }

    /// The messages of indicator `index` of region `position`.
    private func rowMessages(_ position: Int, _ index: Int) -> Node<HTML.BodyContext> {
        FindingList.row(errors: checks.regional.filter { $0.region == position && $0.indicatorIndex == index }.map(\.message),
                        findings: (checks.regionalFindings[position] ?? []).filter { $0.index == index }, t)
    }

    func readOnly(_ regions: [RegionalGoal]) -> Node<HTML.BodyContext> {
        .section(.class("regions"),
            .h2(.text(t(.regionalTitle))),
            .if(regions.isEmpty, .p(.class("hint"), .text(t(.regionalNone)))),
            .forEach(Array(regions.enumerated())) { position, region in
                .div(.class("card region"),
                    .h3(.text(t(.regionalRegion(String(position + 1))) + "　" + recipientLabel(region))),
                    .dl(.class("facts"),
                        .dt(.text(t(.regionalAllocated))), .dd(.text(region.allocated.wanYuanText)),
                        .dt(.text(t(.regionalAnnualGoal))), .dd(.text(region.annualGoal.isEmpty ? "—" : region.annualGoal))),
                    regionMessages(position),
                    .div(.class("table-scroll"), .table(.class("data indicators"),
                        .thead(.tr(.th(.text("#")), .th(.text(t(.fieldLevel1))), .th(.text(t(.fieldLevel2))), .th(.text(t(.fieldIndicatorName))),
                                   .th(.text(t(.fieldTarget))), .th(.text(t(.checksTitle))))),
                        .tbody(.forEach(Array(region.indicators.enumerated())) { index, indicator in
                            .tr(.td(.text(String(index + 1))), .td(.text(t.term(indicator.category))), .td(.text(t.term(indicator.subcategory))),
                                .td(.text(indicator.name)), .td(.text(indicator.targetText)), .td(rowMessages(position, index)))
                        }))))
            })
    }

    /// The regions inside the goal editor's form, with one blank region to add and spare indicator lines in each.
    func editor(_ regions: [RegionalGoal], row: RowRenderer) -> Node<HTML.FormContext> {
        let slots: [RegionalGoal?] = regions.map { Optional($0) } + [nil]
        return .section(.class("regions"),
            .h2(.text(t(.regionalTitle))),
            .p(.class("hint"), .text(t(.regionalExplain))),
            .p(.class("hint"), .text(t(.regionalAddHint))),
            .forEach(Array(slots.enumerated())) { position, region in
                let prefix = "regions[\(position)]"
                let indicators: [Indicator?] = (region?.indicators.map { Optional($0) } ?? []) + Array(repeating: nil, count: max(2, 4 - (region?.indicators.count ?? 0)))
                let title = t(.regionalRegion(String(position + 1))) + (region.map { "　" + recipientLabel($0) } ?? "")
                return .div(.class("card region"),
                    .h3(.text(title)),
                    .input(.type(.hidden), .name("\(prefix)[region_id]"), .value(region?.id.uuidString ?? "")),
                    .div(.class("field-row"),
                        .div(.class("field"), .label(.for("\(prefix)-recipient"), .text(t(.regionalRecipient))),
                             Components.input([.type(.text), .id("\(prefix)-recipient"), .name("\(prefix)[recipient]"), .value(region?.recipientCode ?? "")])),
                        .div(.class("field"), .label(.for("\(prefix)-allocated"), .text(t(.regionalAllocated))),
                             Components.input([.type(.text), .id("\(prefix)-allocated"), .name("\(prefix)[allocated]"),
                                               .value(region.map { $0.allocated == .zero ? "" : $0.allocated.wanYuanText } ?? ""),
                                               .attribute(named: "inputmode", value: "decimal")]))),
                    .div(.class("field"), .label(.for("\(prefix)-goal"), .text(t(.regionalAnnualGoal))),
                         .textarea(.id("\(prefix)-goal"), .name("\(prefix)[annual_goal]"), .attribute(named: "rows", value: "2"), .text(region?.annualGoal ?? ""))),
                    .if(region != nil, regionMessages(position)),
                    .div(.class("table-scroll"), .table(.class("data indicators editor"),
                        .thead(.tr(.th(.text("#")), .th(.text(t(.fieldCategory))), .th(.text(t(.fieldIndicatorName))), .th(.text(t(.fieldTarget))),
                                   .th(.text(t(.fieldWeight))), .th(.text(t(.fieldStandard))), .th(.text(t(.checksTitle))))),
                        .tbody(.forEach(Array(indicators.enumerated())) { index, indicator in
                            let messages: Node<HTML.BodyContext> = indicator == nil || region == nil ? .empty : rowMessages(position, index)
                            return row("\(prefix)[rows][\(index)]", index + 1, indicator, messages)
                        }))))
            })
    }
}
