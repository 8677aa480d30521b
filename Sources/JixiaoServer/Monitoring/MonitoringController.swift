import Fluent
import Plot
import Vapor
import JixiaoDomain

/// 运行监控 pages: the rounds, a round's dashboard, one object's task with its form, actions and dispositions. Every
/// handler decodes, calls the command with the person as caller, and renders or redirects; a refused form is shown
/// again with what was typed and each error beside its field.
struct MonitoringController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(MonitoringRoute.rounds(), use: rounds)
        routes.post(MonitoringRoute.rounds(), use: openRound)
        routes.get(MonitoringRoute.round(.key), use: round)
        routes.post(MonitoringRoute.close(.key), use: close)
        routes.get(MonitoringRoute.summary(.key), use: summary)
        routes.get(MonitoringRoute.summarySheet(.key), use: summarySheet)
        routes.get(MonitoringRoute.list(.key), use: list)
        routes.post(MonitoringRoute.importList(.key), body: .collect(maxSize: "25mb"), use: importList).bodyLimit = 25 * 1024 * 1024
        routes.post(MonitoringRoute.treasury(.key), body: .collect(maxSize: "25mb"), use: treasury).bodyLimit = 25 * 1024 * 1024
        routes.get(MonitoringRoute.task(.key), use: task)
        routes.post(MonitoringRoute.report(.key), use: report)
        routes.get(MonitoringRoute.sheet(.key), use: sheet)
        routes.get(MonitoringRoute.printable(.key), use: printable)
        routes.post(MonitoringRoute.transition(.key), use: transition)
        routes.post(MonitoringRoute.dispose(.key), use: dispose)
        routes.post(MonitoringRoute.answer(.key), use: answer)
    }

    private func id(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound() }
        return id
    }

    private func refusal(_ error: any Error, _ req: Request) throws -> (AppError, [String: Message]) {
        try ErrorRenderingMiddleware.pageRefusal(error, request: req)
    }

    // MARK: rounds

    @Sendable func rounds(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        guard Authorization.mayEver(user.actor, .viewBudget) else { throw AppError.notFound() }
        let caller = try req.caller()
        // Monitoring follows the year being executed (this calendar year), not the one whose budgets are prepared.
        let asked = try? req.query.get(Int.self, at: "year")
        var model = try await MonitoringRoundsModel.load(year: asked ?? CalendarDay(chinaDay: caller.now).year, for: caller, on: req.db)
        if asked == nil && model.rounds.isEmpty {
            // Early in the year nothing is monitored yet: last year's rounds are what there is to read.
            let previous = try await MonitoringRoundsModel.load(year: model.year - 1, for: caller, on: req.db)
            if !previous.rounds.isEmpty { model = previous }
        }
        return req.layout.render(title: req.localizer(.navMonitoring), MonitoringRoundsView(model: model, t: req.localizer).body)
    }

    @Sendable func openRound(req: Request) async throws -> Response {
        let form = try req.content.decode(RoundForm.self)
        let today = CalendarDay(chinaDay: try req.caller().now)
        let year = Int(form.year?.trimmed ?? "") ?? today.year
        do {
            var errors: [AppError] = []
            let periodEnd = CalendarDay(isoDate: form.period_end?.trimmed ?? "")
            let deadline = CalendarDay(isoDate: form.deadline?.trimmed ?? "")
            if periodEnd == nil { errors.append(.invalid("period_end", Message(.errorDateFormat))) }
            if deadline == nil { errors.append(.invalid("deadline", Message(.errorDateFormat))) }
            guard let periodEnd, let deadline else { throw FormErrors(errors: errors) }
            let draft = RoundDraft(fiscalYear: year, periodEnd: periodEnd, deadline: deadline,
                                   scope: RoundScopeKind(rawValue: form.scope ?? "") ?? .all,
                                   departmentCodes: (form.departments ?? "").split(whereSeparator: { ",，、 ".contains($0) }).map(String.init))
            let id = try await MonitoringRounds.create(draft, by: try req.caller(), on: req.db, ringing: req.application)
            // The tasks are made by a job; a small area is done at once.
            if let job = try await RoundRow.find(id, on: req.db)?.job_id { _ = try await JobQueue.wait(for: job, upTo: .seconds(2), app: req.application, on: req.db) }
            return req.redirect(to: MonitoringRoute.round(.value(id)))
        } catch {
            let (problem, fields) = try refusal(error, req)
            var model = try await MonitoringRoundsModel.load(year: year, for: try req.caller(), on: req.db)
            model.problem = problem
            // The form's names for the command's fields.
            model.errors = Dictionary(fields.map { ($0.key == "periodEnd" ? "period_end" : $0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            model.draft = form
            return req.layout.render(title: req.localizer(.navMonitoring), status: problem.status, MonitoringRoundsView(model: model, t: req.localizer).body)
        }
    }

    @Sendable func round(req: Request) async throws -> Response {
        let model = try await MonitoringRoundModel.load(try id(req), under: req.query[String.self, at: "under"], colour: req.query[String.self, at: "colour"],
                                                        page: req.query[Int.self, at: "page"], by: try req.caller(), on: req.db)
        return renderRound(req, model)
    }

    private func renderRound(_ req: Request, _ model: MonitoringRoundModel, status: HTTPResponseStatus = .ok) -> Response {
        let t = req.localizer
        // While the round's tasks are being made, the page looks again on its own.
        return req.layout.render(title: t(.roundTitle(model.round.period, model.round.fiscal_year)), status: status,
                                 refreshSeconds: model.round.roundState == .opening ? 2 : nil, MonitoringRoundView(model: model, t: t).body)
    }

    struct LockForm: Content { var lock_version: Int }

    @Sendable func close(req: Request) async throws -> Response {
        let form = try req.content.decode(LockForm.self)
        let roundID = try id(req)
        do {
            try await MonitoringRounds.close(roundID, lockVersion: form.lock_version, by: try req.caller(), on: req.db)
            return req.redirect(to: MonitoringRoute.round(.value(roundID)))
        } catch {
            let (problem, _) = try refusal(error, req)
            var model = try await MonitoringRoundModel.load(roundID, under: nil, colour: nil, page: nil, by: try req.caller(), on: req.db)
            model.problem = problem
            return renderRound(req, model, status: problem.status)
        }
    }

    struct Upload: Content { var file: File? }

    @Sendable func treasury(req: Request) async throws -> Response {
        let roundID = try id(req)
        do {
            // An empty upload is refused by the command after it has checked who asks (403 before 422).
            let file = try req.content.decode(Upload.self).file
            let job = try await TreasuryImport.start(file?.data ?? ByteBuffer(), fileName: file?.filename ?? "", round: roundID, by: try req.caller(),
                                                     on: req.db, ringing: req.application)
            // Up to ten seconds for the job: most regions' files are done by then; a larger one goes on and the
            // dashboard shows its figures once it has.
            if let ended = try await JobQueue.wait(for: job, upTo: .seconds(10), app: req.application, on: req.db), ended.jobState == .failed {
                throw ended.appError ?? AppError(.internalServerError, "import_failed", Message(.errorImportFailed))
            }
            return req.redirect(to: MonitoringRoute.round(.value(roundID)))
        } catch {
            let (problem, _) = try refusal(error, req)
            var model = try await MonitoringRoundModel.load(roundID, under: nil, colour: nil, page: nil, by: try req.caller(), on: req.db)
            model.problem = problem
            return renderRound(req, model, status: problem.status)
        }
    }

    // MARK: tasks

    @Sendable func task(req: Request) async throws -> Response {
        var model = try await MonitoringTaskModel.load(try id(req), by: try req.caller(), on: req.db)
        model.saved = req.query[String.self, at: "saved"] == "1"
        return renderTask(req, model)
    }

    private func renderTask(_ req: Request, _ model: MonitoringTaskModel, status: HTTPResponseStatus = .ok) -> Response {
        req.layout.render(title: model.detail.task.object_name, status: status, MonitoringTaskView(model: model, t: req.localizer).body)
    }

    /// Runs a task command; on refusal shows the task again with the problem, the errors and what was typed.
    private func onTask(_ req: Request, draft: ReportForm? = nil, disposeDraft: DisposeForm? = nil,
                        _ command: (Caller, UUID) async throws -> Void) async throws -> Response {
        let taskID = try id(req)
        do {
            try await command(try req.caller(), taskID)
            return req.redirect(to: MonitoringRoute.task(.value(taskID), saved: true))
        } catch {
            let (problem, fields) = try refusal(error, req)
            var model = try await MonitoringTaskModel.load(taskID, by: try req.caller(), on: req.db)
            model.problem = problem
            model.errors = fields
            model.draft = problem.status == .conflict ? nil : draft
            // A refused disposition keeps what was chosen and typed, so the officer corrects one field rather than refiling.
            model.disposeDraft = disposeDraft
            return renderTask(req, model, status: problem.status)
        }
    }

    @Sendable func report(req: Request) async throws -> Response {
        let form = try req.content.decode(ReportForm.self)
        return try await onTask(req, draft: form) { caller, id in _ = try await MonitoringReports.save(id, form.input, by: caller, on: req.db) }
    }

    struct TransitionForm: Content { var action: String; var lock_version: Int; var opinion: String? }

    @Sendable func transition(req: Request) async throws -> Response {
        let form = try req.content.decode(TransitionForm.self)
        let opinion = form.opinion ?? ""
        let action: MonitoringAction
        switch form.action {
        case "submit": action = .submit
        case "department_confirm": action = .departmentConfirm
        case "department_return": action = .departmentReturn(opinion: opinion)
        case "finance_confirm": action = .financeConfirm
        case "finance_return": action = .financeReturn(opinion: opinion)
        default: throw AppError.invalid("action", Message(.errorBadRequest("action")))
        }
        return try await onTask(req) { caller, id in _ = try await MonitoringReports.apply(action, to: id, lockVersion: form.lock_version, by: caller, on: req.db) }
    }

    struct DisposeForm: Content { var kind: String?; var reason: String?; var due_by: String?; var amount: String? }

    @Sendable func dispose(req: Request) async throws -> Response {
        let form = try req.content.decode(DisposeForm.self)
        return try await onTask(req, disposeDraft: form) { caller, id in
            guard let kind = DispositionKind(rawValue: form.kind ?? "") else { throw FormErrors(errors: [.invalid("kind", Message(.errorRequired))]) }
            var amount: Money?
            if let text = form.amount?.trimmed, !text.isEmpty {
                do { amount = try Money(wanYuan: text) } catch {
                    let message = Message((error as? MoneyParseError) == .negative(text) ? .errorFundNegative(TextKey.dispositionAmount) : .errorMoney)
                    throw FormErrors(errors: [.invalid("amountWanYuan", message)])
                }
            }
            let due = form.due_by.flatMap { CalendarDay(isoDate: $0.trimmed) }
            _ = try await MonitoringDispositions.decide(id, Disposition(kind: kind, reason: form.reason ?? "", dueBy: due, amount: amount), by: caller, on: req.db)
        }
    }

    struct AnswerForm: Content { var response: String? }

    @Sendable func answer(req: Request) async throws -> Response {
        let form = try req.content.decode(AnswerForm.self)
        guard let dispositionID = req.parameters.get("id", as: UUID.self), let row = try await MonitoringDispositions.find(dispositionID, on: req.db) else {
            throw AppError.notFound()
        }
        do {
            _ = try await MonitoringDispositions.respond(dispositionID, response: form.response ?? "", by: try req.caller(), on: req.db)
            return req.redirect(to: MonitoringRoute.task(.value(row.task_id), saved: true))
        } catch {
            let (problem, fields) = try refusal(error, req)
            var model = try await MonitoringTaskModel.load(row.task_id, by: try req.caller(), on: req.db)
            model.problem = problem
            model.errors = fields
            return renderTask(req, model, status: problem.status)
        }
    }

    // MARK: forms

    @Sendable func sheet(req: Request) async throws -> Response {
        let detail = try await MonitoringReports.load(try id(req), by: try req.caller(), on: req.db)
        return try await MonitoringSheet.load(detail, on: req.db).workbook.response
    }

    /// The monitoring form as a page to print or save as PDF from the browser.
    @Sendable func printable(req: Request) async throws -> Response {
        let taskID = try id(req)
        let sheet = try await MonitoringSheet.load(try await MonitoringReports.load(taskID, by: try req.caller(), on: req.db), on: req.db)
        return req.layout.render(title: sheet.title, sheet.printable(back: MonitoringRoute.task(.value(taskID)).url,
                                                                      download: MonitoringRoute.sheet(.value(taskID)).url, req.localizer))
    }

    @Sendable func summary(req: Request) async throws -> Response {
        let roundID = try id(req)
        let under = req.query[String.self, at: "under"]
        let report = try await MonitoringReport.load(roundID, under: under, by: try req.caller(), on: req.db)
        return req.layout.render(title: report.title, report.page(back: MonitoringRoute.round(.value(roundID), under: under).url,
                                                                  download: MonitoringRoute.summarySheet(.value(roundID), under: under).url, req.localizer))
    }

    @Sendable func summarySheet(req: Request) async throws -> Response {
        try await MonitoringReport.load(try id(req), under: req.query[String.self, at: "under"], by: try req.caller(), on: req.db).workbook.response
    }

    @Sendable func list(req: Request) async throws -> Response {
        try await MonitoringListExchange.export(round: try id(req), under: req.query[String.self, at: "under"], by: try req.caller(), on: req.db).response
    }

    @Sendable func importList(req: Request) async throws -> Response {
        let roundID = try id(req)
        do {
            guard let file = try req.content.decode(Upload.self).file, file.data.readableBytes > 0 else {
                throw AppError(.unprocessableEntity, "csv_empty", Message(.errorCSVEmpty))
            }
            let outcome = try await MonitoringListExchange.importList(Data(file.data.readableBytesView), round: roundID, by: try req.caller(), on: req.db)
            var model = try await MonitoringRoundModel.load(roundID, under: nil, colour: nil, page: nil, by: try req.caller(), on: req.db)
            model.notice = req.localizer(.listImported(outcome.saved, outcome.skipped))
            return renderRound(req, model)
        } catch {
            let (problem, _) = try refusal(error, req)
            var model = try await MonitoringRoundModel.load(roundID, under: nil, colour: nil, page: nil, by: try req.caller(), on: req.db)
            model.problem = problem
            return renderRound(req, model, status: problem.status)
        }
    }
}
