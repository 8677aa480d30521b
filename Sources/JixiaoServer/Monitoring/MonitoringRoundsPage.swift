import Fluent
import Plot
import Vapor
import JixiaoDomain

/// The rounds of a year the person runs or reports in, and the form that opens one.
struct MonitoringRoundsModel: Sendable {
    var year: Int
    var rounds: [RoundRow]
    var canOpen: Bool
    var csrfToken: String
    var errors: [String: Message] = [:]
    var problem: AppError?
    var draft = RoundForm()

    static func load(year: Int, for caller: Caller, on db: any Database) async throws -> MonitoringRoundsModel {
        let user = try caller.person()
        return MonitoringRoundsModel(year: year, rounds: try await MonitoringQueries.rounds(fiscalYear: year, for: user, on: db),
                                     canOpen: Authorization.mayEver(user.actor, .runMonitoring)
                                        && (user.organizationKind == .financeBureau || user.organizationKind == .department),
                                     csrfToken: user.csrfToken ?? "")
    }
}

/// What the open-a-round form sends, kept as typed when it is refused.
struct RoundForm: Content {
    var year: String?
    var period_end: String?
    var deadline: String?
    var scope: String?
    var departments: String?
}

struct MonitoringRoundsView {
    let model: MonitoringRoundsModel
    let t: Localizer

    var body: Node<HTML.BodyContext> {
        let form = model.draft
        func field(_ name: String, _ label: TextKey, _ value: String, type: HTMLInputType = .date) -> Node<HTML.FormContext> {
            Components.textField(label: t(label), name: name, value: value, error: model.errors[name].map { t($0) }, type: type)
        }
        return .group(
            .form(.method(.get), .action(MonitoringRoute.rounds().url), .class("toolbar"),
                  .div(.class("field"), .label(.for("year"), .text(t(.fieldFiscalYear))),
                       .input(.type(.number), .id("year"), .name("year"), .value(String(model.year)))),
                  .button(.type(.submit), .text(t(.filter)))),
            .unwrap(model.problem) { Components.problem($0, t) },
            model.rounds.isEmpty ? Components.notice(t(.monitoringNoRounds(model.year))) :
            .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(t(.roundPeriod))), .th(.text(t(.roundDeadline))), .th(.text(t(.roundScope))), .th(.text(t(.fieldState))),
                           .th(.text(t(.roundTasks))), .th(.text(t(.roundCreatedBy))))),
                .tbody(.forEach(model.rounds) { round in
                    .tr(.td(.a(.href(MonitoringRoute.round(.value(round.id)).url), .text("\(round.fiscal_year) \(round.period.text(in: t.locale))"))),
                        .td(.text(round.deadline)), .td(.text(t(round.scopeKind.text))),
                        .td(Components.badge(t(round.roundState.text), kind: "round-\(round.state)")),
                        .td(.class("number"), .text(String(round.task_count))), .td(.text(round.created_by_name)))
                }))),
            .if(model.canOpen, .form(.method(.post), .action(MonitoringRoute.rounds().url), .class("card"),
                Components.csrfField(model.csrfToken),
                .h2(.text(t(.roundOpenTitle))),
                .p(.class("hint"), .text(t(.roundOpenHint))),
                field("year", .fieldFiscalYear, form.year ?? String(model.year), type: .number),
                field("period_end", .roundPeriodEnd, form.period_end ?? "\(model.year)-07-31"),
                field("deadline", .roundDeadline, form.deadline ?? "\(model.year)-08-20"),
                Components.selectField(label: t(.roundScope), name: "scope",
                                       options: RoundScopeKind.allCases.map { ($0.rawValue, t($0.text)) }, selected: form.scope ?? RoundScopeKind.all.rawValue),
                field("departments", .roundDepartments, form.departments ?? "", type: .text),
                .button(.type(.submit), .class("primary"), .text(t(.roundOpenButton)))))
        )
    }
}

extension RoundScopeKind {
    var text: TextKey {
        switch self {
        case .all: .scopeAll
        case .keyProjects: .scopeKey
        case .departments: .scopeDepartments
        case .transferPayments: .scopeTransfers
        }
    }
}
