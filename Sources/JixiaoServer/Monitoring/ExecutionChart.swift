import Foundation
import Plot
import JixiaoDomain

/// 执行进度图 — execution rate against time progress as server-side SVG: one dot per object, coloured by its warning
/// and linking to its task, with the lines where the pace is 60 % and 80 % (below them an object is red or yellow when
/// time progress is an even share of the year). No script: the dots' titles name the object and its figures.
struct ExecutionChart {
    struct Point { var id: UUID; var code: String; var colour: String; var time: Decimal; var rate: Decimal; var href: String }

    var points: [Point]
    /// The round's share of the year gone, where the dots stand without a spending plan.
    var timeProgress: Decimal
    var redBelow: Decimal
    var yellowBelow: Decimal

    static let width = 560.0, height = 360.0, margin = 44.0

    func svg(_ t: Localizer) -> Node<HTML.BodyContext> {
        let w = Self.width, h = Self.height, m = Self.margin
        let plotW = w - 2 * m, plotH = h - 2 * m
        func x(_ value: Decimal) -> Double { m + plotW * min(1, max(0, NSDecimalNumber(decimal: value).doubleValue)) }
        func y(_ value: Decimal) -> Double { h - m - plotH * min(1, max(0, NSDecimalNumber(decimal: value).doubleValue)) }
        func f(_ value: Double) -> String { String(format: "%.1f", value) }
        func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ cls: String) -> Node<HTML.BodyContext> {
            .selfClosedElement(named: "line", attributes: [.attribute(named: "x1", value: f(x1)), .attribute(named: "y1", value: f(y1)),
                                                            .attribute(named: "x2", value: f(x2)), .attribute(named: "y2", value: f(y2)),
                                                            .attribute(named: "class", value: cls)])
        }
        func label(_ text: String, _ x: Double, _ y: Double, anchor: String = "middle") -> Node<HTML.BodyContext> {
            .element(named: "text", nodes: [.attribute(named: "x", value: f(x)), .attribute(named: "y", value: f(y)),
                                            .attribute(named: "text-anchor", value: anchor), .text(text)])
        }
        var nodes: [Node<HTML.BodyContext>] = [
            .attribute(named: "viewBox", value: "0 0 \(Int(w)) \(Int(h))"),
            .attribute(named: "class", value: "chart"),
            .attribute(named: "role", value: "img"),
            .attribute(named: "aria-label", value: t(.chartTitle)),
            .element(named: "title", text: t(.chartTitle)),
        ]
        // Axes with ticks every 20 %.
        nodes.append(line(m, h - m, w - m, h - m, "axis"))
        nodes.append(line(m, m, m, h - m, "axis"))
        for step in stride(from: 0, through: 100, by: 20) {
            let value = Decimal(step) / 100
            nodes.append(line(x(value), h - m, x(value), h - m + 4, "axis"))
            nodes.append(label("\(step)%", x(value), h - m + 16))
            nodes.append(line(m - 4, y(value), m, y(value), "axis"))
            nodes.append(label("\(step)%", m - 6, y(value) + 4, anchor: "end"))
        }
        nodes.append(label(t(.chartTimeAxis), m + plotW / 2, h - 6))
        nodes.append(.element(named: "text", nodes: [.attribute(named: "transform", value: "translate(12 \(f(m + plotH / 2))) rotate(-90)"),
                                                     .attribute(named: "text-anchor", value: "middle"), .text(t(.chartRateAxis))]))
        // Pace lines: rate = bound × time.
        for (bound, cls) in [(redBelow, "pace-red"), (yellowBelow, "pace-yellow")] {
            let share = bound / 100
            nodes.append(line(x(0), y(0), x(1), y(share), cls))
            nodes.append(label("\(bound)%", x(1) - 4, y(share) - 6, anchor: "end"))
        }
        nodes.append(line(x(timeProgress), m, x(timeProgress), h - m, "time-now"))
        // Without spending plans every dot stands at the same time progress: they are fanned out sideways (by rate, a
        // few pixels each) so each can be seen and followed; its title keeps the true figures.
        var spread: [UUID: Double] = [:]
        for (_, group) in Dictionary(grouping: points, by: \.time) {
            for (index, point) in group.sorted(by: { ($0.rate, $0.code) < ($1.rate, $1.code) }).enumerated() {
                spread[point.id] = Double(index % 9 - 4) * 9
            }
        }
        for point in points {
            nodes.append(.element(named: "a", nodes: [
                .attribute(named: "href", value: point.href),
                .element(named: "circle", nodes: [
                    .attribute(named: "cx", value: f(x(point.time) + (spread[point.id] ?? 0))), .attribute(named: "cy", value: f(y(point.rate))),
                    .attribute(named: "r", value: "7"), .attribute(named: "class", value: "dot \(point.colour)"),
                    .element(named: "title", text: "\(point.code)：\(t(.warnTimeProgress)) \(Ratio(point.time).percentText())，\(t(.warnSpent)) \(Ratio(point.rate).percentText())"),
                ]),
            ]))
        }
        return .div(.class("chart-box"), .element(named: "svg", nodes: nodes))
    }
}
