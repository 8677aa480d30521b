import Plot

/// 工作台 — one piece of work that waits for the signed-in person: what it is, with its count, and where to do it.
/// Capabilities answer them (`Capability.workbench`); the start page shows them all.
struct WorkbenchTile: Sendable, Equatable {
    enum Kind: String, Sendable, CaseIterable {
        /// 待办 — something waits for this person to act.
        case action
        /// 首次使用 — a step of setting up a new installation that is still open.
        case setup
        /// 提示 — worth knowing, nothing to do yet (an import still running).
        case information

        var title: TextKey {
            switch self {
            case .action: .workbenchKindAction
            case .setup: .workbenchKindSetup
            case .information: .workbenchKindInformation
            }
        }
    }

    var kind: Kind
    /// Says what and how many: "待我审核 3 项".
    var title: String
    /// A second line: which year and state, or how to do it.
    var detail: String?
    var link: String
    /// The number in the title, when there is one (tests compare it with the list behind the link).
    var count: Int?
}

/// The workbench section of the start page.
enum WorkbenchView {
    static func section(_ tiles: [WorkbenchTile], _ t: Localizer) -> Node<HTML.BodyContext> {
        .section(.class("workbench"), .attribute(named: "aria-labelledby", value: "workbench-title"),
            .h2(.id("workbench-title"), .text(t(.workbenchTitle))),
            tiles.isEmpty
                ? .p(.class("workbench-empty"), .text(t(.workbenchEmpty)))
                : .ul(.class("work-tiles"), .forEach(tiles) { tile in
                    .li(.a(.class("work-tile work-\(tile.kind.rawValue)"), .href(tile.link),
                           .span(.class("work-kind"), .text(t(tile.kind.title))),
                           .strong(.text(tile.title)),
                           .unwrap(tile.detail) { .span(.class("work-detail"), .text($0)) }))
                })
        )
    }
}
