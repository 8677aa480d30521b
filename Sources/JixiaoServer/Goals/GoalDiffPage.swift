import Fluent
import Plot
import Vapor
import JixiaoDomain

/// What changed between two versions of a goal, loaded once: both versions' content and their difference.
struct GoalDiffModel: Sendable {
    var objectID: UUID
    var name: String
    var fromNumber: Int
    var toNumber: Int
    var from: PerformanceGoal
    var to: PerformanceGoal
    var changes: GoalDiff

    /// Without numbers the newest version is compared with the one before it.
    static func load(_ id: UUID, from: Int?, to: Int?, by caller: Caller, on db: any Database) async throws -> GoalDiffModel {
        let newest = try await GoalCommands.load(id, by: caller, on: db)
        let toNumber = to ?? newest.version.versionNumber
        let fromNumber = from ?? newest.versions.last { $0.versionNumber < toNumber }?.versionNumber ?? toNumber
        // The newest version is already loaded; only the other one(s) are read again.
        func version(_ number: Int) async throws -> LoadedGoal {
            number == newest.version.versionNumber ? newest : try await GoalCommands.load(id, versionNumber: number, by: caller, on: db)
        }
        let older = try await version(fromNumber)
        let newer = try await version(toNumber)
        return GoalDiffModel(objectID: id, name: newest.object.name, fromNumber: fromNumber, toNumber: toNumber, from: older.goal, to: newer.goal,
                             changes: GoalDiff.between(older.goal, newer.goal))
    }
}

/// The difference page as a pure function of its model.
struct GoalDiffView {
    let model: GoalDiffModel
    let t: Localizer

    var body: Node<HTML.BodyContext> {
        let id = model.objectID, changes = model.changes
        return .group(
            .p(.a(.href(GoalRoute.show(.value(id)).url), .text(t(.backToGoal)))),
            changes.isEmpty ? Components.notice(t(.diffNone)) : .group(
                .if(changes.annualGoalChanged, .div(.class("card"), .h2(.text(t(.fieldAnnualGoal))),
                    .p(.del(.text(model.from.annualGoal))), .p(.ins(.text(model.to.annualGoal))))),
                .if(changes.midTermGoalChanged, .div(.class("card"), .h2(.text(t(.fieldMidTermGoal))),
                    .p(.del(.text(model.from.midTermGoal ?? ""))), .p(.ins(.text(model.to.midTermGoal ?? ""))))),
                GoalController.indicatorChanges(changes.changes, t),
                .if(!changes.regionChanges.isEmpty, .section(.h2(.text(t(.regionalTitle))), .ul(.class("diff"), .forEach(changes.regionChanges) { change in
                    switch change {
                    case .added(let region):
                        .li(.class("added"), Components.badge(t(.diffAdded), kind: "added"),
                            .text(" \(region.recipientCode) \(region.allocated.wanYuanText)\(t(.unitWanYuan))：\(region.annualGoal)（\(region.indicators.count)）"))
                    case .removed(let region):
                        .li(.class("removed"), Components.badge(t(.diffRemoved), kind: "removed"),
                            .text(" \(region.recipientCode) \(region.allocated.wanYuanText)\(t(.unitWanYuan))：\(region.annualGoal)"))
                    case .changed(let old, let new, let recipient, let money, let text, let indicators):
                        .li(.class("changed"), Components.badge(t(.diffChanged), kind: "changed"), .text(" " + new.recipientCode + "："),
                            .if(recipient, .span(.class("field-change"), .text(t(.regionalDiffRecipient) + " " + old.recipientCode + " → "), .strong(.text(new.recipientCode)), .text("；"))),
                            .if(money, .span(.class("field-change"), .text(t(.regionalDiffAllocation) + " " + old.allocated.wanYuanText + " → "),
                                             .strong(.text(new.allocated.wanYuanText)), .text("；"))),
                            .if(text, .span(.class("field-change"), .del(.text(old.annualGoal)), .text(" → "), .ins(.text(new.annualGoal)))),
                            GoalController.indicatorChanges(indicators, t))
                    }
                })))
            )
        )
    }
}
