import Fluent
import Plot
import SQLKit
import Vapor
import JixiaoDomain

/// A sample as its page shows it: the plan and seed, whether it replays, the comparison, the drawn forms.
struct SampleModel: Sendable {
    var sample: SampleRow
    var picks: [ReevaluationRow]
    var strata: [UUID: String]
    var replays: Bool?
    var canAssign: Bool
    /// Forms the person may re-score now.
    var canScore: Set<UUID>
    var agencies: [OrganizationModel]
    var csrfToken: String
    var problem: AppError?

    static func load(_ id: UUID, by caller: Caller, on db: any Database) async throws -> SampleModel {
        let user = try caller.person()
        let sample = try await Reevaluations.sample(id, by: caller, on: db)
        let picks = try await Reevaluations.picks(sample, by: caller, on: db)
        let manages = caller.reaches(.runEvaluation, sample.target)
        let range = HierarchyPath(rawValue: sample.organization_path).subtreeRange
        let agencies = manages ? try await OrganizationModel.query(on: db).filter(\.$kind == OrganizationKind.agency.rawValue).filter(\.$isActive == true)
            .filter(\.$path >= range.lower).filter(\.$path < range.upper).sort(\.$code).all() : []
        let canScore = Set(picks.filter { pick in
            guard !pick.isScored else { return false }
            if let agency = pick.agency_id { return user.organizationID == agency && user.roles.contains(.agencyEvaluator) }
            return user.roles.contains(.performanceOfficer) && caller.reaches(.reevaluate, sample.target)
        }.map(\.evaluation_id))
        return SampleModel(sample: sample, picks: picks, strata: try await ReevaluationAPI.strataNames(picks, sample: sample, on: db),
                           replays: caller.reaches(.viewBudget, sample.target) ? try await Reevaluations.replays(sample, on: db) : nil,
                           canAssign: manages, canScore: canScore, agencies: agencies, csrfToken: user.csrfToken ?? "")
    }
}

struct SampleView {
    let model: SampleModel
    let t: Localizer

    var body: Node<HTML.BodyContext> {
        let sample = model.sample, plan = sample.samplingPlan
        return .group(
            .p(.a(.href(SelfEvaluationRoute.year(.value(sample.year_id)).url), .text(t(.selfEvaluationBackToYear)))),
            .unwrap(model.problem) { Components.problem($0, t) },
            .div(.class("card"),
                .p(.text(t(.samplePlanLine(plan.countPercent.storedText, plan.amountPercent.storedText, plan.riskSharePercent.storedText, sample.distortion_points)))),
                .p(.text(t(.sampleSeedLine(sample.seed, sample.population_count, sample.drawn_count, sample.created_by_name)))),
                .unwrap(model.replays) { replays in
                    replays ? Components.notice(t(.sampleReplays), kind: "success") : Components.notice(t(.sampleDoesNotReplay), kind: "error")
                }),
            .h2(.text(t(.sampleByDepartment))), comparison(Reevaluations.compare(model.picks) { model.strata[$0.evaluation_id] ?? "" }),
            .h2(.text(t(.sampleByUnit))), comparison(Reevaluations.compare(model.picks, by: \.assignee_name)),
            .h2(.text(t(.samplePicks))),
            .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text("#")), .th(.text(t(.fieldCode))), .th(.text(t(.selfEvaluationAssignee))), .th(.text(t(.sampleReason))),
                           .th(.text(t(.sampleReviewer))), .th(.text(t(.sampleSelfScore))), .th(.text(t(.sampleReScore))), .th(.text(t(.sampleDifference))))),
                .tbody(.forEach(model.picks) { pick in row(pick) })))
        )
    }

    private func comparison(_ groups: [Reevaluations.Comparison]) -> Node<HTML.BodyContext> {
        .div(.class("table-scroll"), .table(.class("data"),
            .thead(.tr(.th(.text(t(.fieldName))), .th(.text(t(.sampleDrawn))), .th(.text(t(.sampleScored))), .th(.text(t(.sampleSelfScore))),
                       .th(.text(t(.sampleReScore))), .th(.text(t(.sampleDistorted))))),
            .tbody(.forEach(groups) { group in
                .tr(.td(.text(group.name)), .td(.class("number"), .text(String(group.drawn))), .td(.class("number"), .text(String(group.scored))),
                    .td(.class("number"), .text(group.meanSelf ?? "—")), .td(.class("number"), .text(group.meanRe ?? "—")),
                    .td(.class(group.distorted > 0 ? "number level-red" : "number"), .text(String(group.distorted))))
            })))
    }

    private func reason(_ pick: ReevaluationRow) -> String {
        switch pick.sampleReason {
        case .risk(let risks)?: return t(.sampleReasonRisk) + t.colon + risks.sorted().map { t($0.text) }.joined(separator: "、")
        case .amount?: return t(.sampleReasonAmount)
        default: return t(.sampleReasonLot)
        }
    }

    private func row(_ pick: ReevaluationRow) -> Node<HTML.TableContext> {
        let sample = model.sample
        let money: (Int?) -> String = { $0.map { Ratio.text(Decimal($0) / 100, decimals: 2) } ?? "—" }
        let difference: String = {
            guard let re = pick.total_cents, let own = pick.self_total_cents else { return "—" }
            return Ratio.text(Decimal(re - own) / 100, decimals: 2)
        }()
        let reviewer: Node<HTML.BodyContext> = model.canAssign && !pick.isScored
            ? .form(.method(.post), .action(SelfEvaluationRoute.assign(.value(sample.id), .value(pick.evaluation_id)).url), .class("inline-form"),
                    Components.csrfField(model.csrfToken),
                    .select(.attribute(named: "name", value: "agency"), .attribute(named: "aria-label", value: pick.object_name + " · " + t(.sampleReviewer)),
                            Components.option(value: "", label: t(.sampleFinanceStaff), selected: pick.agency_id == nil),
                            .forEach(model.agencies) { agency in Components.option(value: agency.code, label: agency.name, selected: agency.id == pick.agency_id) }),
                    .button(.type(.submit), .text(t(.sampleAssignButton))))
            : .text(pick.agency_name ?? t(.sampleFinanceStaff))
        return .tr(.td(.class("number"), .text(String(pick.position + 1))),
                   .td(.a(.href(SelfEvaluationRoute.form(.value(pick.evaluation_id)).url), .span(.class("code"), .text(pick.object_code))), .text(" " + pick.object_name)),
                   .td(.text(pick.assignee_name)), .td(.text(reason(pick))), .td(reviewer),
                   .td(.class("number"), .text(money(pick.self_total_cents))),
                   .td(.class("number"), .text(money(pick.total_cents)),
                       .if(model.canScore.contains(pick.evaluation_id),
                           .a(.class("button"), .href(SelfEvaluationRoute.rescore(.value(sample.id), .value(pick.evaluation_id)).url), .text(t(.sampleRescoreLink))))),
                   .td(.class("number"), .text(difference), .if(pick.distorted == true, .group(.text(" "), Components.badge(t(.sampleDistortedBadge), kind: "level-red")))))
    }
}

/// What the re-score form sends, kept as typed when it is refused.
struct RescorePageForm: Content {
    var lock_version: Int
    var executed: String?
    var comment: String?
    var r: [EvaluationPageForm.RowForm]?

    var input: ReevaluationInput {
        ReevaluationInput(lockVersion: lock_version, executed: executed, rows: (r ?? []).map { row in
            EvaluationRowInput(indicatorID: row.id, actual: row.actual, band: row.band, bandPoints: row.band_points, notApplicable: row.na == "1",
                               notApplicableReason: row.na_reason, overridePoints: row.override_points ?? "", overrideReason: row.override_reason ?? "",
                               explanation: row.explanation)
        }, comment: comment ?? "")
    }
}

/// The re-score page: each indicator as the unit reported it, beside the reviewer's verified value.
struct RescoreModel: Sendable {
    var sample: SampleRow
    var pick: ReevaluationRow
    var detail: EvaluationDetail
    var csrfToken: String
    var errors: [String: Message] = [:]
    var problem: AppError?
    var draft: RescorePageForm?

    static func load(sample sampleID: UUID, evaluation evaluationID: UUID, by caller: Caller, on db: any Database) async throws -> RescoreModel {
        let user = try caller.person()
        let sample = try await Reevaluations.sample(sampleID, by: caller, on: db)
        guard let pick = try await Reevaluations.picks(sample, by: caller, on: db).first(where: { $0.evaluation_id == evaluationID }) else { throw AppError.notFound() }
        return RescoreModel(sample: sample, pick: pick, detail: try await SelfEvaluationForms.load(evaluationID, by: caller, on: db), csrfToken: user.csrfToken ?? "")
    }
}

struct RescoreView {
    let model: RescoreModel
    let t: Localizer
    private func error(_ field: String) -> String? { model.errors[field].map { t($0) } }

    var body: Node<HTML.BodyContext> {
        let e = model.detail.evaluation, sample = model.sample
        let executed = model.draft?.executed ?? e.executed_fen.map { Money(fen: $0).wanYuanText } ?? ""
        return .group(
            .p(.a(.href(SelfEvaluationRoute.sample(.value(sample.id)).url), .text(t(.sampleBack)))),
            .unwrap(model.problem) { Components.problem($0, t) },
            .p(.class("lead"), .span(.class("code"), .text(e.object_code)), .text(" " + e.object_name + " · " + e.assignee_name + " · "
                + t(.sampleSelfScore) + t.colon + (e.total.flatMap { Decimal(pointsText: $0) }.map { Ratio.text($0, decimals: 2) } ?? "—"))),
            .p(.class("hint"), .text(t(.sampleRescoreHint))),
            .form(.method(.post), .action(SelfEvaluationRoute.rescore(.value(sample.id), .value(e.id)).url), .class("card report"),
                Components.csrfField(model.csrfToken),
                .input(.type(.hidden), .name("lock_version"), .value(String(model.pick.lock_version))),
                Components.textField(label: t(.sampleVerifiedExecuted) + t(.inWanYuan), name: "executed", value: executed, error: error("executed")),
                .div(.class("table-scroll"), .table(.class("data progress"),
                    .thead(.tr(.th(.text(t(.fieldIndicator))), .th(.text(t(.fieldTarget))), .th(.text(t(.sampleUnitReported))),
                               .th(.text(t(.sampleVerified))), .th(.text(t(.selfEvaluationOverridePoints))), .th(.text(t(.selfEvaluationOverrideReason))))),
                    .tbody(.forEach(model.detail.rows.enumerated().map { $0 }) { index, row in rescoreRow(index, row) }))),
                .div(.class(error("comment") == nil ? "field" : "field has-error"),
                     .label(.for("comment"), .text(t(.sampleComment))),
                     .textarea(.id("comment"), .name("comment"), .attribute(named: "rows", value: "3"), .text(model.draft?.comment ?? model.pick.comment)),
                     .unwrap(error("comment")) { .p(.class("field-error"), .attribute(named: "role", value: "alert"), .text($0)) }),
                .button(.type(.submit), .class("primary"), .text(t(.sampleRescoreButton))))
        )
    }

    private func rescoreRow(_ index: Int, _ row: EvaluationIndicatorRow) -> Node<HTML.TableContext> {
        let typed = model.draft?.r?.first { $0.id == row.indicator_id }
        let prefix = "r[\(index)]", field = "rows[\(index + 1)]"
        let unit: String = row.not_applicable_reason != nil ? t(.selfEvaluationNotApplicable) : row.qualitativeBand.map { t.term($0) + " " + (row.band_points ?? "") }
            ?? (row.actual_text.isEmpty ? "—" : row.actual_text)
        let qualitative = row.target?.op == .qualitative
        let message = error("\(field).actual") ?? error("\(field).bandPoints") ?? error("\(field).band") ?? error("\(field).points") ?? error("\(field).reason")
        let verified: Node<HTML.TableRowContext> = qualitative
            ? .td(.attribute(named: "data-label", value: t(.sampleVerified)),
                  .select(.attribute(named: "name", value: "\(prefix)[band]"), .attribute(named: "aria-label", value: row.name + " · " + t(.selfEvaluationBand)),
                          .forEach(QualitativeBand.allCases) { band in Components.option(value: band.rawValue, label: t.term(band), selected: (typed?.band ?? row.band) == band.rawValue) }),
                  .input(.type(.text), .name("\(prefix)[band_points]"), .value(typed?.band_points ?? row.band_points ?? ""),
                         .attribute(named: "aria-label", value: row.name + " · " + t(.selfEvaluationPoints))),
                  .unwrap(message) { .p(.class("field-error"), .text($0)) })
            : .td(.attribute(named: "data-label", value: t(.sampleVerified)),
                  .input(.type(.text), .name("\(prefix)[actual]"), .value(typed?.actual ?? row.actual_text), .attribute(named: "aria-label", value: row.name + " · " + t(.sampleVerified))),
                  .unwrap(message) { .p(.class("field-error"), .text($0)) })
        return .tr(.td(.input(.type(.hidden), .name("\(prefix)[id]"), .value(row.indicator_id.uuidString)), .text(row.name)),
                   .td(.attribute(named: "data-label", value: t(.fieldTarget)), .span(.class("code"), .text(row.target_text))),
                   .td(.attribute(named: "data-label", value: t(.sampleUnitReported)), .text(unit)),
                   verified,
                   .td(.attribute(named: "data-label", value: t(.selfEvaluationOverridePoints)),
                       .input(.type(.text), .name("\(prefix)[override_points]"), .value(typed?.override_points ?? ""),
                              .attribute(named: "aria-label", value: row.name + " · " + t(.selfEvaluationOverridePoints)))),
                   .td(.attribute(named: "data-label", value: t(.selfEvaluationOverrideReason)),
                       .input(.type(.text), .name("\(prefix)[override_reason]"), .value(typed?.override_reason ?? ""),
                              .attribute(named: "aria-label", value: row.name + " · " + t(.selfEvaluationOverrideReason)))))
    }
}

extension SamplingRisk {
    var text: TextKey {
        switch self {
        case .poorSelfScore: .riskPoorSelfScore
        case .redMonitoring: .riskRedMonitoring
        case .qualityFindings: .riskQualityFindings
        case .perfectScore: .riskPerfectScore
        case .highScoreLowExecution: .riskHighScoreLowExecution
        case .neverSampled: .riskNeverSampled
        }
    }
}
