import Fluent
import Plot
import Vapor
import JixiaoDomain

/// 单位自评 pages: the years, a year's overview and list, one self-evaluation with its form and workflow. Every handler
/// decodes, calls the command with the person as caller, and renders or redirects; a refused form is shown again with
/// what was typed and each error beside its field.
struct SelfEvaluationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SelfEvaluationRoute.years(), use: years)
        routes.post(SelfEvaluationRoute.years(), use: openYear)
        routes.get(SelfEvaluationRoute.rules(), use: rules)
        routes.post(SelfEvaluationRoute.rules(), use: saveRules)
        routes.get(SelfEvaluationRoute.year(.key), use: year)
        routes.post(SelfEvaluationRoute.close(.key), use: close)
        routes.get(SelfEvaluationRoute.form(.key), use: form)
        routes.post(SelfEvaluationRoute.save(.key), use: save)
        routes.post(SelfEvaluationRoute.transition(.key), use: transition)
        routes.get(SelfEvaluationRoute.list(.key), use: list)
        routes.post(SelfEvaluationRoute.importForms(.key), body: .collect(maxSize: "25mb"), use: importForms).bodyLimit = 25 * 1024 * 1024
        routes.post(SelfEvaluationRoute.check(.key), use: checkYear)
        routes.get(SelfEvaluationRoute.sheet(.key), use: sheet)
        routes.get(SelfEvaluationRoute.printable(.key), use: printable)
        routes.post(SelfEvaluationRoute.drawSample(.key), use: drawSample)
        routes.get(SelfEvaluationRoute.sample(.key), use: sample)
        routes.post(SelfEvaluationRoute.assign(.key, .key), use: assign)
        routes.get(SelfEvaluationRoute.rescore(.key, .key), use: rescorePage)
        routes.post(SelfEvaluationRoute.rescore(.key, .key), use: rescore)
    }

    private func id(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound() }
        return id
    }

    private func refusal(_ error: any Error, _ req: Request) throws -> (AppError, [String: Message]) {
        try ErrorRenderingMiddleware.pageRefusal(error, request: req)
    }

    // MARK: years

    @Sendable func years(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        guard Authorization.mayEver(user.actor, .viewBudget) || Authorization.mayEver(user.actor, .reevaluate) else { throw AppError.notFound() }
        let model = try await EvaluationYearsModel.load(for: try req.caller(), on: req.db)
        return req.layout.render(title: req.localizer(.navSelfEvaluation), EvaluationYearsView(model: model, t: req.localizer).body)
    }

    // MARK: scoring rules

    /// The year asked for, else the year that ended last (Beijing time); one outside 2000–2100 is refused by name.
    private func rulesYear(_ req: Request) throws -> Int {
        let text = req.query[String.self, at: "year"]?.trimmed ?? ""
        if text.isEmpty { return CalendarDay(chinaDay: try req.caller().now).year - 1 }
        guard let year = Int(text), (2000...2100).contains(year) else { throw AppError.invalid("year", Message(.errorEvaluationYearRange)) }
        return year
    }

    @Sendable func rules(req: Request) async throws -> Response {
        let year = try rulesYear(req)
        var model = try await ScoringRulesModel.load(year: year, for: try req.caller(), on: req.db)
        // After a save (redirected here, so a reload saves nothing again).
        if let saved = req.query[String.self, at: "saved"].flatMap({ Int($0) }), model.versions.contains(where: { $0.version == saved }) {
            model.notice = req.localizer(.rulesSaved(saved, year))
        }
        return req.layout.render(title: req.localizer(.rulesTitle), ScoringRulesView(model: model, t: req.localizer).body)
    }

    @Sendable func saveRules(req: Request) async throws -> Response {
        let year = try rulesYear(req)
        let form = try req.content.decode(ScoringRulesForm.self)
        do {
            let caller = try req.caller()
            guard let bureau = try await OrganizationModel.find(try caller.person().organizationID, on: req.db) else { throw AppError.notFound() }
            let version = try await ScoringRuleStore.save(try form.ruleSet(), fiscalYear: year, for: bureau, by: caller, on: req.db)
            return req.redirect(to: SelfEvaluationRoute.rules(year: year, saved: version))
        } catch {
            let (problem, fields) = try refusal(error, req)
            var model = try await ScoringRulesModel.load(year: year, for: try req.caller(), on: req.db)
            model.problem = problem
            model.fieldErrors = fields
            model.draft = form
            return req.layout.render(title: req.localizer(.rulesTitle), status: problem.status, ScoringRulesView(model: model, t: req.localizer).body)
        }
    }

    @Sendable func openYear(req: Request) async throws -> Response {
        let form = try req.content.decode(EvaluationYearForm.self)
        do {
            var errors: [AppError] = []
            let fiscalYear = Int(form.year?.trimmed ?? "")
            let deadline = CalendarDay(isoDate: form.deadline?.trimmed ?? "")
            if fiscalYear == nil { errors.append(.invalid("fiscalYear", Message(.errorRequired))) }
            if deadline == nil { errors.append(.invalid("deadline", Message(.errorDateFormat))) }
            guard let fiscalYear, let deadline else { throw FormErrors(errors: errors) }
            let id = try await SelfEvaluationYears.create(fiscalYear: fiscalYear, deadline: deadline, by: try req.caller(), on: req.db, ringing: req.application)
            // The forms are made by a job; a small area is done at once.
            if let job = try await EvaluationYearRow.find(id, on: req.db)?.job_id { _ = try await JobQueue.wait(for: job, upTo: .seconds(2), app: req.application, on: req.db) }
            return req.redirect(to: SelfEvaluationRoute.year(.value(id)))
        } catch {
            let (problem, fields) = try refusal(error, req)
            var model = try await EvaluationYearsModel.load(for: try req.caller(), on: req.db)
            model.problem = problem
            model.errors = fields
            model.draft = form
            return req.layout.render(title: req.localizer(.navSelfEvaluation), status: problem.status, EvaluationYearsView(model: model, t: req.localizer).body)
        }
    }

    @Sendable func year(req: Request) async throws -> Response {
        var model = try await EvaluationYearModel.load(try id(req), state: req.query[String.self, at: "state"], grade: req.query[String.self, at: "grade"],
                                                       findings: req.query[String.self, at: "findings"] == "1", page: req.query[Int.self, at: "page"],
                                                       by: try req.caller(), on: req.db)
        // After the check was asked for (redirected here): its outcome, to the person who asked, once it is there.
        if let checked = req.query[String.self, at: "checked"].flatMap(UUID.init(uuidString:)),
           let job = try await JobQueue.find(checked, app: req.application, on: req.db), job.kind == SelfEvaluationYearCheck.kind,
           job.callerUserID == (try req.caller().person().userID) {
            switch job.jobState {
            case .succeeded:
                let outcome = job.result(as: SelfEvaluationYearCheck.Outcome.self) ?? SelfEvaluationYearCheck.Outcome()
                model.notice = req.localizer(.selfEvaluationChecked(outcome.forms - outcome.notFilledIn, outcome.withFindings, outcome.corrected, outcome.notFilledIn))
            case .failed: model.problem = job.appError ?? AppError(.internalServerError, "evaluation_check_failed", Message(.errorEvaluationCheckFailed))
            default: model.notice = req.localizer(.selfEvaluationCheckRunning)
            }
        }
        return renderYear(req, model)
    }

    private func renderYear(_ req: Request, _ model: EvaluationYearModel, status: HTTPResponseStatus = .ok) -> Response {
        let t = req.localizer
        // While the forms are being made, the page looks again on its own.
        return req.layout.render(title: t(.selfEvaluationYearTitle(model.year.fiscal_year)), status: status,
                                 refreshSeconds: model.year.yearState == .opening ? 2 : nil, EvaluationYearView(model: model, t: t).body)
    }

    struct CloseForm: Content { var lock_version: Int; var confirm: String? }

    @Sendable func close(req: Request) async throws -> Response {
        let form = try req.content.decode(CloseForm.self)
        let yearID = try id(req)
        do {
            try await SelfEvaluationYears.close(yearID, lockVersion: form.lock_version, confirmed: form.confirm == "1", by: try req.caller(), on: req.db)
            return req.redirect(to: SelfEvaluationRoute.year(.value(yearID)))
        } catch {
            let (problem, _) = try refusal(error, req)
            var model = try await EvaluationYearModel.load(yearID, state: nil, grade: nil, findings: false, page: nil, by: try req.caller(), on: req.db)
            model.problem = problem
            return renderYear(req, model, status: problem.status)
        }
    }

    // MARK: forms

    @Sendable func form(req: Request) async throws -> Response {
        var model = try await EvaluationFormModel.load(try id(req), by: try req.caller(), on: req.db)
        model.done = req.query[String.self, at: "done"]
        return renderForm(req, model)
    }

    private func renderForm(_ req: Request, _ model: EvaluationFormModel, status: HTTPResponseStatus = .ok) -> Response {
        req.layout.render(title: model.detail.evaluation.object_name, status: status, EvaluationFormView(model: model, t: req.localizer).body)
    }

    /// Runs a command on the form; on refusal shows it again with the problem, the errors and what was typed.
    private func onForm(_ req: Request, draft: EvaluationPageForm? = nil, done: String, _ command: (Caller, UUID) async throws -> Void) async throws -> Response {
        let formID = try id(req)
        do {
            try await command(try req.caller(), formID)
            return req.redirect(to: SelfEvaluationRoute.form(.value(formID), done: done))
        } catch {
            let (problem, fields) = try refusal(error, req)
            var model = try await EvaluationFormModel.load(formID, by: try req.caller(), on: req.db)
            model.problem = problem
            model.errors = fields
            model.draft = problem.status == .conflict ? nil : draft
            return renderForm(req, model, status: problem.status)
        }
    }

    @Sendable func save(req: Request) async throws -> Response {
        let form = try req.content.decode(EvaluationPageForm.self)
        return try await onForm(req, draft: form, done: "saved") { caller, id in _ = try await SelfEvaluationForms.save(id, form.input, by: caller, on: req.db) }
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
        return try await onForm(req, done: action.name) { caller, id in _ = try await SelfEvaluationForms.apply(action, to: id, lockVersion: form.lock_version, by: caller, on: req.db) }
    }

    // MARK: the standard forms

    @Sendable func sheet(req: Request) async throws -> Response {
        let detail = try await SelfEvaluationForms.load(try id(req), by: try req.caller(), on: req.db)
        return try await SelfEvaluationSheet.load(detail, on: req.db).workbook.response
    }

    /// The self-evaluation form as a page to print or save as PDF from the browser.
    @Sendable func printable(req: Request) async throws -> Response {
        let formID = try id(req)
        let sheet = try await SelfEvaluationSheet.load(try await SelfEvaluationForms.load(formID, by: try req.caller(), on: req.db), on: req.db)
        return req.layout.render(title: sheet.title, sheet.printable(back: SelfEvaluationRoute.form(.value(formID)).url,
                                                                      download: SelfEvaluationRoute.sheet(.value(formID)).url, req.localizer))
    }

    @Sendable func list(req: Request) async throws -> Response {
        var filter = EvaluationFilter(yearID: try id(req))
        filter.state = req.query[String.self, at: "state"].flatMap(MonitoringTaskState.init(rawValue:))
        filter.grade = req.query[String.self, at: "grade"].flatMap(ScoreGrade.init(rawValue:))
        return try await SelfEvaluationListExport.workbook(year: filter.yearID, filter: filter, by: try req.caller(), on: req.db).response
    }

    struct Upload: Content { var file: File? }

    /// Starts the year's quality check and waits up to ten seconds for it, then shows the year with its outcome (or
    /// that it goes on).
    @Sendable func checkYear(req: Request) async throws -> Response {
        let yearID = try id(req)
        do {
            let job = try await SelfEvaluationYearCheck.start(year: yearID, by: try req.caller(), on: req.db, ringing: req.application)
            _ = try await JobQueue.wait(for: job, upTo: .seconds(10), app: req.application, on: req.db)
            // The year's page tells the outcome: a reload there runs nothing again.
            return req.redirect(to: SelfEvaluationRoute.year(.value(yearID), checked: job))
        } catch {
            let (problem, _) = try refusal(error, req)
            var model = try await EvaluationYearModel.load(yearID, state: nil, grade: nil, findings: false, page: nil, by: try req.caller(), on: req.db)
            model.problem = problem
            return renderYear(req, model, status: problem.status)
        }
    }

    @Sendable func importForms(req: Request) async throws -> Response {
        let yearID = try id(req)
        do {
            let file = try req.content.decode(Upload.self).file
            let job = try await SelfEvaluationImport.start(file?.data ?? ByteBuffer(), fileName: file?.filename ?? "", year: yearID, by: try req.caller(),
                                                           on: req.db, ringing: req.application)
            var model = try await EvaluationYearModel.load(yearID, state: nil, grade: nil, findings: false, page: nil, by: try req.caller(), on: req.db)
            // Up to ten seconds for the job: a department's file is done by then; a larger one goes on, and the page says so.
            if let ended = try await JobQueue.wait(for: job, upTo: .seconds(10), app: req.application, on: req.db) {
                if ended.jobState == .failed { throw ended.appError ?? AppError(.internalServerError, "import_failed", Message(.errorImportFailed)) }
                let outcome = ended.result(as: SelfEvaluationImport.Outcome.self)
                model = try await EvaluationYearModel.load(yearID, state: nil, grade: nil, findings: false, page: nil, by: try req.caller(), on: req.db)
                model.notice = req.localizer(.selfEvaluationImported(outcome?.forms ?? 0, outcome?.withFindings ?? 0))
            } else {
                model.notice = req.localizer(.selfEvaluationImportRunning)
            }
            return renderYear(req, model)
        } catch {
            let (problem, _) = try refusal(error, req)
            var model = try await EvaluationYearModel.load(yearID, state: nil, grade: nil, findings: false, page: nil, by: try req.caller(), on: req.db)
            model.problem = problem
            return renderYear(req, model, status: problem.status)
        }
    }

    // MARK: 抽查复核

    struct DrawForm: Content { var count_percent: String?; var amount_percent: String?; var risk_percent: String?; var seed: String? }

    @Sendable func drawSample(req: Request) async throws -> Response {
        let form = try req.content.decode(DrawForm.self)
        let yearID = try id(req)
        do {
            func percent(_ text: String?, _ field: String, _ fallback: Decimal) throws -> Decimal {
                guard let text = text?.trimmed, !text.isEmpty else { return fallback }
                guard let value = Decimal(pointsText: text) else { throw FormErrors(errors: [.invalid(field, Message(.errorSamplePercent))]) }
                return value
            }
            let plan = SamplingPlan(countPercent: try percent(form.count_percent, "countPercent", 20), amountPercent: try percent(form.amount_percent, "amountPercent", 30),
                                    riskSharePercent: try percent(form.risk_percent, "riskSharePercent", 50))
            var seed: UInt64?
            if let text = form.seed?.trimmed, !text.isEmpty {
                guard let value = UInt64(text) else { throw FormErrors(errors: [.invalid("seed", Message(.errorBadRequest("seed")))]) }
                seed = value
            }
            let sampleID = try await Reevaluations.draw(year: yearID, plan: plan, seed: seed, by: try req.caller(), on: req.db)
            return req.redirect(to: SelfEvaluationRoute.sample(.value(sampleID)))
        } catch {
            let (problem, _) = try refusal(error, req)
            var model = try await EvaluationYearModel.load(yearID, state: nil, grade: nil, findings: false, page: nil, by: try req.caller(), on: req.db)
            model.problem = problem
            return renderYear(req, model, status: problem.status)
        }
    }

    private func renderSample(_ req: Request, _ model: SampleModel, status: HTTPResponseStatus = .ok) -> Response {
        req.layout.render(title: req.localizer(.sampleTitle), status: status, SampleView(model: model, t: req.localizer).body)
    }

    @Sendable func sample(req: Request) async throws -> Response {
        renderSample(req, try await SampleModel.load(try id(req), by: try req.caller(), on: req.db))
    }

    struct AssignForm: Content { var agency: String? }

    @Sendable func assign(req: Request) async throws -> Response {
        let form = try req.content.decode(AssignForm.self)
        let sampleID = try id(req)
        guard let evaluationID = req.parameters.get("evaluation", as: UUID.self) else { throw AppError.notFound() }
        do {
            try await Reevaluations.assign(sample: sampleID, evaluation: evaluationID, agencyCode: form.agency, by: try req.caller(), on: req.db)
            return req.redirect(to: SelfEvaluationRoute.sample(.value(sampleID)))
        } catch {
            let (problem, _) = try refusal(error, req)
            var model = try await SampleModel.load(sampleID, by: try req.caller(), on: req.db)
            model.problem = problem
            return renderSample(req, model, status: problem.status)
        }
    }

    private func renderRescore(_ req: Request, _ model: RescoreModel, status: HTTPResponseStatus = .ok) -> Response {
        req.layout.render(title: req.localizer(.sampleRescoreTitle), status: status, RescoreView(model: model, t: req.localizer).body)
    }

    @Sendable func rescorePage(req: Request) async throws -> Response {
        guard let evaluationID = req.parameters.get("evaluation", as: UUID.self) else { throw AppError.notFound() }
        return renderRescore(req, try await RescoreModel.load(sample: try id(req), evaluation: evaluationID, by: try req.caller(), on: req.db))
    }

    @Sendable func rescore(req: Request) async throws -> Response {
        let form = try req.content.decode(RescorePageForm.self)
        let sampleID = try id(req)
        guard let evaluationID = req.parameters.get("evaluation", as: UUID.self) else { throw AppError.notFound() }
        do {
            _ = try await Reevaluations.rescore(sample: sampleID, evaluation: evaluationID, form.input, by: try req.caller(), on: req.db)
            return req.redirect(to: SelfEvaluationRoute.sample(.value(sampleID)))
        } catch {
            let (problem, fields) = try refusal(error, req)
            var model = try await RescoreModel.load(sample: sampleID, evaluation: evaluationID, by: try req.caller(), on: req.db)
            model.problem = problem
            model.errors = fields
            model.draft = problem.status == .conflict ? nil : form
            return renderRescore(req, model, status: problem.status)
        }
    }
}
