import Fluent
import Plot
import Vapor
import JixiaoDomain

/// 重点评价 pages. Every handler decodes, calls the command with the person as caller, and redirects or renders; a
/// refused form is shown again with what was typed and each error beside its field.
struct KeyEvaluationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(KeyEvaluationRoute.list(), use: list)
        routes.get(KeyEvaluationRoute.candidates(), use: candidates)
        routes.post(KeyEvaluationRoute.candidates(), use: choose)
        routes.get(KeyEvaluationRoute.templates(), use: templates)
        routes.post(KeyEvaluationRoute.templates(), use: saveTemplate)
        routes.get(KeyEvaluationRoute.evaluation(.key), use: evaluation)
        routes.post(KeyEvaluationRoute.plan(.key), use: savePlan)
        routes.post(KeyEvaluationRoute.framework(.key), use: saveFramework)
        routes.post(KeyEvaluationRoute.addMember(.key), use: addMember)
        routes.post(KeyEvaluationRoute.removeMember(.key, .key), use: removeMember)
        routes.post(KeyEvaluationRoute.transition(.key), use: transition)
        routes.get(KeyEvaluationRoute.scores(.key), use: scores)
        routes.post(KeyEvaluationRoute.scores(.key), use: saveScores)
        routes.post(KeyEvaluationRoute.evidence(.key), body: .collect(maxSize: "21mb"), use: attachEvidence).bodyLimit = 21 * 1024 * 1024
        routes.get(KeyEvaluationRoute.evidenceFile(.key, .key), use: evidenceFile)
        routes.post(KeyEvaluationRoute.removeEvidence(.key, .key), use: removeEvidence)
        routes.post(KeyEvaluationRoute.survey(.key), use: createSurvey)
        routes.post(KeyEvaluationRoute.surveyClose(.key), use: closeSurvey)
        routes.post(KeyEvaluationRoute.surveyApply(.key), use: applySurvey)
        routes.get(KeyEvaluationRoute.surveyAnswers(.key), use: surveyAnswers)
        routes.get(KeyEvaluationRoute.surveyLinks(.key), use: surveyLinks)
        routes.get(KeyEvaluationRoute.report(.key), use: report)
        routes.post(KeyEvaluationRoute.report(.key), use: saveReport)
        routes.get(KeyEvaluationRoute.reportPrint(.key), use: reportPrint)
        routes.get(KeyEvaluationRoute.reportDocx(.key), use: reportDocx)
        routes.post(KeyEvaluationRoute.finding(.key), use: addFinding)
        routes.post(KeyEvaluationRoute.removeFinding(.key, .key), use: removeFinding)
        routes.post(KeyEvaluationRoute.suggestion(.key), use: addSuggestion)
        routes.post(KeyEvaluationRoute.removeSuggestion(.key, .key), use: removeSuggestion)
    }

    private func id(_ req: Request, _ name: String = "id") throws -> UUID {
        guard let id = req.parameters.get(name, as: UUID.self) else { throw AppError.notFound() }
        return id
    }

    /// The year asked for, else the year that ended last (Beijing time); one outside 2000–2100 is refused by name.
    private func year(_ req: Request, default fallback: Int?) throws -> Int? {
        let text = req.query[String.self, at: "year"]?.trimmed ?? ""
        if text.isEmpty { return fallback }
        guard let year = Int(text), BudgetObjectRules.fiscalYears.contains(year) else {
            throw AppError.invalid("year", Message(.errorEvaluationYearRange))
        }
        return year
    }

    private func lastYear(_ req: Request) throws -> Int { CalendarDay(chinaDay: try req.caller().now).year - 1 }

    @Sendable func list(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        guard [Action.viewBudget, .viewAssignedWork, .runKeyEvaluation].contains(where: { Authorization.mayEver(user.actor, $0) }) else { throw AppError.notFound() }
        let model = try await KeyEvaluationListModel.load(year: try year(req, default: nil), by: try req.caller(), on: req.db)
        return req.layout.render(title: req.localizer(.navKeyEvaluation), KeyEvaluationListView(model: model, t: req.localizer).body)
    }

    @Sendable func candidates(req: Request) async throws -> Response {
        let year = try year(req, default: try lastYear(req)) ?? (try lastYear(req))
        let model = try await KeyEvaluationCandidatesModel.load(year: year, by: try req.caller(), on: req.db)
        return req.layout.render(title: req.localizer(.keyEvaluationCandidatesTitle), KeyEvaluationCandidatesView(model: model, t: req.localizer).body)
    }

    @Sendable func choose(req: Request) async throws -> Response {
        let year = try year(req, default: try lastYear(req)) ?? (try lastYear(req))
        let form = try req.content.decode(CandidatesForm.self)
        let ticked = Set(form.objects ?? [])
        if form.intent == "choose" {
            do {
                let ids = try await KeyEvaluations.choose(fiscalYear: year, objectIDs: Array(ticked), reason: form.reason ?? "", together: form.together == "1",
                                                          by: try req.caller(), on: req.db)
                return req.redirect(to: ids.count == 1 ? KeyEvaluationRoute.evaluation(.value(ids[0]), done: "chosen").url : KeyEvaluationRoute.list(year: year).url)
            } catch {
                let (problem, fields) = try ErrorRenderingMiddleware.pageRefusal(error, request: req)
                var model = try await KeyEvaluationCandidatesModel.load(year: year, ticked: ticked, by: try req.caller(), on: req.db)
                model.problem = problem; model.errors = fields; model.draft = form
                return req.layout.render(title: req.localizer(.keyEvaluationCandidatesTitle), status: problem.status,
                                         KeyEvaluationCandidatesView(model: model, t: req.localizer).body)
            }
        }
        // A preview: the coverage with the ticked objects added, nothing saved.
        var model = try await KeyEvaluationCandidatesModel.load(year: year, ticked: ticked, by: try req.caller(), on: req.db)
        model.draft = form
        return req.layout.render(title: req.localizer(.keyEvaluationCandidatesTitle), KeyEvaluationCandidatesView(model: model, t: req.localizer).body)
    }

    @Sendable func evaluation(req: Request) async throws -> Response {
        var model = try await KeyEvaluationPageModel.load(try id(req), by: try req.caller(), on: req.db)
        let done: [String: TextKey] = ["plan": .keyEvaluationDonePlan, "framework": .keyEvaluationDoneFramework, "member": .keyEvaluationDoneMember,
                                       "step": .keyEvaluationDoneStep, "chosen": .keyEvaluationDoneChosen, "scores": .keyEvaluationDoneScores,
                                       "survey": .surveyDone, "rate": .surveyApplied]
        model.notice = req.query[String.self, at: "done"].flatMap { done[$0] }.map { req.localizer($0) }
        return req.layout.render(title: model.evaluation.title, KeyEvaluationView(model: model, t: req.localizer).body)
    }

    /// Runs a change and returns to the evaluation; a refusal shows the page again with the problem, `keep` putting
    /// back what was typed.
    private func change(_ req: Request, done: String, keep: @Sendable (inout KeyEvaluationPageModel) -> Void = { _ in },
                        _ work: @Sendable (UUID, Caller) async throws -> Void) async throws -> Response {
        let evaluationID = try id(req)
        do {
            try await work(evaluationID, try req.caller())
            return req.redirect(to: KeyEvaluationRoute.evaluation(.value(evaluationID), done: done).url(fragment: done))
        } catch {
            let (problem, fields) = try ErrorRenderingMiddleware.pageRefusal(error, request: req)
            var model = try await KeyEvaluationPageModel.load(evaluationID, by: try req.caller(), on: req.db)
            model.problem = problem; model.errors = fields
            keep(&model)
            return req.layout.render(title: model.evaluation.title, status: problem.status, KeyEvaluationView(model: model, t: req.localizer).body)
        }
    }

    @Sendable func savePlan(req: Request) async throws -> Response {
        let form = try req.content.decode(PlanForm.self)
        return try await change(req, done: "plan", keep: { $0.planDraft = form }) { id, caller in
            try await KeyEvaluations.savePlan(id, plan: form.plan, agencyCode: form.agency, lockVersion: form.lock_version, by: caller, on: req.db)
        }
    }

    @Sendable func saveFramework(req: Request) async throws -> Response {
        let form = try req.content.decode(FrameworkForm.self)
        return try await change(req, done: "framework", keep: { $0.frameworkDraft = form }) { id, caller in
            let (rows, errors) = form.rows()
            guard errors.isEmpty else { throw FormErrors(errors: errors) }
            try await KeyEvaluations.saveFramework(id, rows: rows, lockVersion: form.lock_version, by: caller, on: req.db)
        }
    }

    @Sendable func addMember(req: Request) async throws -> Response {
        let form = try req.content.decode(MemberForm.self)
        return try await change(req, done: "member", keep: { $0.memberDraft = form }) { id, caller in
            guard let role = TeamRole(rawValue: form.role ?? "") else { throw AppError.invalid("role", Message(.errorRequired)) }
            try await KeyEvaluations.addMember(id, username: form.username ?? "", role: role, reason: form.reason ?? "", lockVersion: form.lock_version,
                                               by: caller, on: req.db)
        }
    }

    @Sendable func removeMember(req: Request) async throws -> Response {
        let form = try req.content.decode(RemoveMemberForm.self)
        let userID = try id(req, "user")
        return try await change(req, done: "member") { id, caller in
            try await KeyEvaluations.removeMember(id, userID: userID, lockVersion: form.lock_version, by: caller, on: req.db)
        }
    }

    @Sendable func transition(req: Request) async throws -> Response {
        let form = try req.content.decode(KeyTransitionForm.self)
        return try await change(req, done: "step") { id, caller in
            guard let action = KeyEvaluationAction(rawValue: form.action) else { throw AppError.invalid("action", Message(.errorBadRequest(form.action))) }
            try await KeyEvaluations.transition(id, action: action, opinion: form.opinion ?? "", lockVersion: form.lock_version, by: caller, on: req.db)
        }
    }

    @Sendable func scores(req: Request) async throws -> Response {
        var model = try await KeyEvaluationScoresModel.load(try id(req), by: try req.caller(), on: req.db)
        if req.query[String.self, at: "saved"] == "1" { model.notice = req.localizer(.keyEvaluationDraftSaved) }
        return req.layout.render(title: model.evaluation.title, KeyEvaluationScoresView(model: model, t: req.localizer).body)
    }

    @Sendable func saveScores(req: Request) async throws -> Response {
        let evaluationID = try id(req)
        let form = try req.content.decode(ScoresForm.self)
        let submit = form.intent == "submit"
        do {
            // The page asks for the confirmation a submission cannot be undone after (the API's `submit` is the same).
            if submit && form.confirm != "1" { throw AppError.invalid("confirm", Message(.errorKeyEvaluationConfirmSubmit)) }
            try await KeyEvaluations.saveScores(evaluationID, entries: form.entries, submit: submit, by: try req.caller(), on: req.db)
            return submit ? req.redirect(to: KeyEvaluationRoute.evaluation(.value(evaluationID), done: "scores"))
                : req.redirect(to: KeyEvaluationRoute.scores(.value(evaluationID), saved: true))
        } catch {
            let (problem, fields) = try ErrorRenderingMiddleware.pageRefusal(error, request: req)
            var model = try await KeyEvaluationScoresModel.load(evaluationID, by: try req.caller(), on: req.db)
            model.problem = problem; model.errors = fields; model.draft = form
            return req.layout.render(title: model.evaluation.title, status: problem.status, KeyEvaluationScoresView(model: model, t: req.localizer).body)
        }
    }

    struct EvidenceUpload: Content { var indicator: UUID?; var file: File? }

    @Sendable func attachEvidence(req: Request) async throws -> Response {
        let evaluationID = try id(req)
        do {
            let upload = try req.content.decode(EvidenceUpload.self)
            guard let indicator = upload.indicator else { throw AppError.invalid("indicator", Message(.errorKeyEvaluationUnknownIndicator)) }
            let data = upload.file.map { Data(buffer: $0.data) } ?? Data()
            _ = try await KeyEvaluations.attachEvidence(evaluationID, indicatorID: indicator, fileName: upload.file?.filename ?? "", data: data,
                                                        by: try req.caller(), on: req.db)
            return req.redirect(to: KeyEvaluationRoute.scores(.value(evaluationID)))
        } catch {
            let (problem, fields) = try ErrorRenderingMiddleware.pageRefusal(error, request: req)
            var model = try await KeyEvaluationScoresModel.load(evaluationID, by: try req.caller(), on: req.db)
            model.problem = problem; model.errors = fields
            return req.layout.render(title: model.evaluation.title, status: problem.status, KeyEvaluationScoresView(model: model, t: req.localizer).body)
        }
    }

    @Sendable func evidenceFile(req: Request) async throws -> Response {
        try await KeyEvaluations.evidenceFile(try id(req), evidenceID: try id(req, "file"), by: try req.caller(), on: req.db).response
    }

    @Sendable func removeEvidence(req: Request) async throws -> Response {
        let evaluationID = try id(req)
        try await KeyEvaluations.removeEvidence(evaluationID, evidenceID: try id(req, "file"), by: try req.caller(), on: req.db)
        return req.redirect(to: KeyEvaluationRoute.scores(.value(evaluationID)))
    }

    // MARK: survey

    @Sendable func createSurvey(req: Request) async throws -> Response {
        let form = try req.content.decode(SurveyForm.self)
        return try await change(req, done: "survey", keep: { $0.surveyDraft = form }) { id, caller in
            _ = try await KeyEvaluations.createSurvey(id, setup: form.setup, by: caller, on: req.db)
        }
    }

    @Sendable func closeSurvey(req: Request) async throws -> Response {
        try await change(req, done: "step") { id, caller in try await KeyEvaluations.closeSurvey(id, by: caller, on: req.db) }
    }

    @Sendable func applySurvey(req: Request) async throws -> Response {
        try await change(req, done: "rate") { id, caller in try await KeyEvaluations.applySurveyRate(id, by: caller, on: req.db) }
    }

    /// The survey of an evaluation the caller runs.
    private func runSurvey(_ req: Request) async throws -> (KeyEvaluationModel, KeyEvaluationSurveyModel) {
        let (evaluation, _) = try await KeyEvaluations.forChange(try id(req), lockVersion: nil, by: try req.caller(), on: req.db)
        guard let survey = try await KeyEvaluations.survey(of: evaluation.id!, on: req.db) else { throw AppError.notFound() }
        return (evaluation, survey)
    }

    @Sendable func surveyAnswers(req: Request) async throws -> Response {
        let (evaluation, survey) = try await runSurvey(req)
        let design = try survey.design
        let responses = try await KeyEvaluations.responses(survey, on: req.db)
        let header = [req.localizer(.keyEvaluationWhen)] + design.questions.enumerated().map { "\($0 + 1). \($1.text)" }
        let rows = responses.map { response in
            [DisplayTime.minute(response.submittedAt)] + design.questions.indices.map { index in
                let answer = response.answers[index] ?? ""
                // A scale answer reads as its words; the point is in the words' order.
                return design.questions[index].kind == .scale ? (Int(answer).map { "\($0) \(SurveyQuestion.scaleLabels[5 - $0])" } ?? "") : answer
            }
        }
        return CSVExport.response(header: header, rows: rows, name: "\(evaluation.title)-满意度调查答卷.csv")
    }

    @Sendable func surveyLinks(req: Request) async throws -> Response {
        let (evaluation, survey) = try await runSurvey(req)
        let tokens = try await SurveyTokenModel.query(on: req.db).filter(\.$surveyID == survey.id!).sort(\.$token).all()
        let base = req.headers.first(name: .host).map { "http://\($0)" } ?? ""
        let rows = tokens.map { [$0.token, base + PublicSurveyRoute.form(.value(survey.publicKey), token: $0.token).url, $0.usedAt == nil ? "" : DisplayTime.minute($0.usedAt)] }
        return CSVExport.response(header: [req.localizer(.surveyCode), req.localizer(.surveyLink), req.localizer(.surveyUsedAt)], rows: rows,
                                  name: "\(evaluation.title)-答题链接.csv")
    }

    // MARK: report

    private func runnerName(_ report: KeyEvaluationReport, _ req: Request) async throws -> String {
        try await OrganizationModel.find(report.evaluation.organizationID, on: req.db)?.name ?? ""
    }

    private func renderReport(_ req: Request, _ evaluationID: UUID, status: HTTPResponseStatus = .ok, notice: String? = nil, problem: AppError? = nil,
                              errors: [String: Message] = [:], draft: [ReportSection: String] = [:], printable: Bool = false) async throws -> Response {
        let report = try await KeyEvaluationReport.load(evaluationID, by: try req.caller(), on: req.db)
        let view = KeyEvaluationReportView(report: report, runnerName: try await runnerName(report, req), csrfToken: try req.caller().person().csrfToken ?? "",
                                           printable: printable, notice: notice, problem: problem, errors: errors, draft: draft, t: req.localizer)
        return req.layout.render(title: report.title, status: status, view.body)
    }

    @Sendable func report(req: Request) async throws -> Response {
        try await renderReport(req, try id(req), notice: req.query[String.self, at: "saved"] == "1" ? req.localizer(.keyReportSaved) : nil)
    }

    @Sendable func reportPrint(req: Request) async throws -> Response {
        try await renderReport(req, try id(req), printable: true)
    }

    @Sendable func reportDocx(req: Request) async throws -> Response {
        try await KeyEvaluationReport.docx(try id(req), by: try req.caller(), on: req.db).response
    }

    /// Runs a change of the report and returns to it; a refusal shows it again with what was typed.
    private func reportChange(_ req: Request, draft: [ReportSection: String] = [:], _ work: @Sendable (UUID, Caller) async throws -> Void) async throws -> Response {
        let evaluationID = try id(req)
        do {
            try await work(evaluationID, try req.caller())
            return req.redirect(to: KeyEvaluationRoute.report(.value(evaluationID), done: true))
        } catch {
            let (problem, fields) = try ErrorRenderingMiddleware.pageRefusal(error, request: req)
            return try await renderReport(req, evaluationID, status: problem.status, problem: problem, errors: fields, draft: draft)
        }
    }

    @Sendable func saveReport(req: Request) async throws -> Response {
        let texts = try req.content.decode(KeyReportForm.self).texts
        return try await reportChange(req, draft: texts) { id, caller in try await KeyEvaluations.saveReport(id, texts: texts, by: caller, on: req.db) }
    }

    @Sendable func addFinding(req: Request) async throws -> Response {
        let form = try req.content.decode(FindingForm.self)
        return try await reportChange(req) { id, caller in
            try await KeyEvaluations.addFinding(id, description: form.description ?? "", responsible: form.responsible, indicator: form.indicator, by: caller, on: req.db)
        }
    }

    @Sendable func removeFinding(req: Request) async throws -> Response {
        let finding = try id(req, "finding")
        return try await reportChange(req) { id, caller in try await KeyEvaluations.removeFinding(id, findingID: finding, by: caller, on: req.db) }
    }

    @Sendable func addSuggestion(req: Request) async throws -> Response {
        let form = try req.content.decode(SuggestionForm.self)
        return try await reportChange(req) { id, caller in
            try await KeyEvaluations.addSuggestion(id, text: form.suggestion ?? "", findingIDs: form.findings ?? [], by: caller, on: req.db)
        }
    }

    @Sendable func removeSuggestion(req: Request) async throws -> Response {
        let suggestion = try id(req, "suggestion")
        return try await reportChange(req) { id, caller in try await KeyEvaluations.removeSuggestion(id, suggestionID: suggestion, by: caller, on: req.db) }
    }

    // MARK: templates

    private func templateKind(_ req: Request) -> FrameworkKind { FrameworkKind(rawValue: req.query[String.self, at: "kind"] ?? "") ?? .project }

    private func renderTemplates(_ req: Request, year: Int, kind: FrameworkKind, status: HTTPResponseStatus = .ok, notice: String? = nil,
                                 problem: AppError? = nil, errors: [String: Message] = [:], draft: FrameworkForm? = nil) async throws -> Response {
        let user = try req.caller().person()
        guard Authorization.mayEver(user.actor, .runKeyEvaluation) else { throw AppError.notFound() }
        let inForce = try await FrameworkTemplateStore.inForce(kind, fiscalYear: year, at: user.organizationPath, on: req.db)
        let view = FrameworkTemplatesView(year: year, kind: kind, inForce: inForce,
                                          canSave: user.organizationKind == .financeBureau && user.roles.contains(.performanceOfficer),
                                          csrfToken: user.csrfToken ?? "", notice: notice, problem: problem, errors: errors, draft: draft, t: req.localizer)
        return req.layout.render(title: req.localizer(.templateTitle), status: status, view.body)
    }

    @Sendable func templates(req: Request) async throws -> Response {
        let year = try year(req, default: try lastYear(req) + 1) ?? (try lastYear(req) + 1)
        let saved = req.query[Int.self, at: "saved"].map { req.localizer(.templateSaved($0)) }
        return try await renderTemplates(req, year: year, kind: templateKind(req), notice: saved)
    }

    @Sendable func saveTemplate(req: Request) async throws -> Response {
        let year = try year(req, default: try lastYear(req) + 1) ?? (try lastYear(req) + 1)
        let kind = templateKind(req)
        let form = try req.content.decode(FrameworkForm.self)
        do {
            let (rows, errors) = form.rows()
            guard errors.isEmpty else { throw FormErrors(errors: errors) }
            let version = try await FrameworkTemplateStore.save(rows, kind: kind, fiscalYear: year, by: try req.caller(), on: req.db)
            return req.redirect(to: KeyEvaluationRoute.templates(year: year, kind: kind.rawValue, saved: version))
        } catch {
            let (problem, fields) = try ErrorRenderingMiddleware.pageRefusal(error, request: req)
            return try await renderTemplates(req, year: year, kind: kind, status: problem.status, problem: problem, errors: fields, draft: form)
        }
    }
}
