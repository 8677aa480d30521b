import Plot
import JixiaoDomain

/// The pieces of HTML that show an import job: its progress while it runs, its outcome, the person's recent jobs.
struct ImportJobView {
    let t: Localizer

    func phaseName(_ phase: ImportProgress.Phase) -> String {
        switch phase {
        case .queued: t(.importJobPhaseQueued)
        case .reading: t(.importJobPhaseReading)
        case .checking: t(.importJobPhaseChecking)
        case .saving: t(.importJobPhaseSaving)
        case .succeeded: t(.importJobPhaseSucceeded)
        case .failed: t(.importJobPhaseFailed)
        case .interrupted: t(.importJobPhaseInterrupted)
        }
    }

    /// "已检查 800 / 2000 个项目" and the like.
    func counts(_ progress: ImportProgress) -> String {
        switch progress.phase {
        case .reading: progress.done > 0 ? t(.importJobRowsRead(String(progress.done))) : ""
        case .checking: t(.importJobProjectsChecked(String(progress.done), String(progress.total ?? 0)))
        case .saving: t(.importJobProjectsSaved(String(progress.done), String(progress.total ?? 0)))
        default: ""
        }
    }

    /// The whole job page: the bar while it runs, the outcome when it is done.
    func page(_ status: ImportJobStatus) -> Node<HTML.BodyContext> {
        let progress = status.progress
        return .group(
            .if(!progress.phase.isFinished, .div(.class("card import-progress"),
                .p(.strong(.text(phaseName(progress.phase)))),
                .element(named: "progress", nodes: [.attribute(named: "max", value: "100"), .attribute(named: "value", value: String(progress.percent)),
                                                    .attribute(named: "aria-label", value: phaseName(progress.phase)), .text("\(progress.percent)%")]),
                .p(.text("\(progress.percent)%　" + counts(progress))),
                .p(.class("hint"), .text(t(.importJobRefreshing))))),
            .if(progress.phase.isFinished, .group(.p(.text(t(.importJobState) + "："), .strong(.text(phaseName(progress.phase)))), result(status))),
            .p(.a(.href(GoalRoute.importFile.url), .text(t(.importJobBack))))
        )
    }

    /// How a finished job ended: how many projects came in, or every error by sheet, row and column.
    func result(_ status: ImportJobStatus) -> Node<HTML.BodyContext> {
        switch status.progress.phase {
        case .succeeded:
            return .div(Components.notice(summary(status), kind: "success"),
                        .unwrap(status.outcome.flatMap { $0.unchanged.isEmpty ? nil : $0.unchanged }) { unchanged in
                            Components.notice(t(.importGoalsUnchanged(String(unchanged.count),
                                                unchanged.prefix(50).map { "\($0.code)（\(GoalState(rawValue: $0.state).map { t($0.title) } ?? $0.state)）" }
                                                    .joined(separator: "、") + (unchanged.count > 50 ? "…" : ""))), kind: "info")
                        },
                        .p(.a(.href(GoalRoute.list().url), .text(t(.importJobGoToList)))))
        case .interrupted:
            return Components.notice(t(.importJobInterruptedExplain), kind: "error")
        case .failed:
            guard let error = status.error else { return Components.notice(t(.errorImportFailed), kind: "error") }
            return Components.problem(error, t)
        case .queued, .reading, .checking, .saving:
            return .p(.text(phaseName(status.progress.phase) + "　" + counts(status.progress)))
        }
    }

    /// Created and updated counts (jobs from before outcomes were kept show their total).
    func summary(_ status: ImportJobStatus) -> String {
        guard let outcome = status.outcome else { return t(.importGoalsDone(String(status.imported ?? 0))) }
        return t(.importGoalsOutcome(String(outcome.created.count), String(outcome.updated.count)))
    }

    func recentTable(_ jobs: [ImportJobStatus]) -> Node<HTML.BodyContext> {
        .section(.h2(.text(t(.importJobRecent))),
            .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(t(.importJobStarted))), .th(.text(t(.importJobFile))), .th(.text(t(.importJobState))), .th(.text(t(.importJobResult))))),
                .tbody(.forEach(jobs) { job in
                    .tr(.td(.text(DisplayTime.minute(job.createdAt))),
                        .td(.a(.href(GoalRoute.importJob(.value(job.id)).url), .text(job.fileName.isEmpty ? "—" : job.fileName))),
                        .td(.text(phaseName(job.progress.phase) + (job.progress.phase.isFinished ? "" : " \(job.progress.percent)%"))),
                        .td(.text(job.progress.phase == .succeeded ? summary(job)
                                  : job.error.map { t($0.message) } ?? "")))
                })))
        )
    }
}
