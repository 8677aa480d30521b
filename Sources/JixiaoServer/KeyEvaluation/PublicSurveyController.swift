import Fluent
import Plot
import Vapor
import JixiaoDomain

/// The questionnaire's public page: no account, no session; the answer is stored anonymously (the address only as a
/// salted hash, to enforce an open link's limit).
struct PublicSurveyController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(PublicSurveyRoute.form(.key), use: form)
        routes.post(PublicSurveyRoute.form(.key), use: answer)
    }

    private func survey(_ req: Request) async throws -> KeyEvaluationSurveyModel {
        guard let key = req.parameters.get("key"), let survey = try await KeyEvaluations.publicSurvey(key: key, on: req.db) else { throw AppError.notFound() }
        return survey
    }

    @Sendable func form(req: Request) async throws -> Response {
        let survey = try await survey(req)
        let design = try survey.design
        if req.query[String.self, at: "thanks"] == "1" {
            return req.layout.render(title: design.title, Components.notice(req.localizer(.surveyThanks), kind: "success"))
        }
        guard survey.isOpen else { return req.layout.render(title: design.title, status: .gone, Components.notice(req.localizer(.errorSurveyClosed))) }
        let view = PublicSurveyView(survey: survey, design: design, token: req.query[String.self, at: "t"], draft: [:], problem: nil, errors: [:], t: req.localizer)
        return req.layout.render(title: design.title, view.body)
    }

    @Sendable func answer(req: Request) async throws -> Response {
        let survey = try await survey(req)
        let design = try survey.design
        let form = try req.content.decode(SurveyAnswerForm.self)
        do {
            try await KeyEvaluations.answer(key: survey.publicKey, token: form.t, answers: form.answers, address: req.clientAddress, now: req.application.effects.now(), on: req.db)
            return req.redirect(to: PublicSurveyRoute.form(.value(survey.publicKey), thanks: true))
        } catch let error as AppError where error.code == "survey_closed" {
            return req.layout.render(title: design.title, status: .gone, Components.notice(req.localizer(error.message)))
        } catch {
            var (problem, fields) = try ErrorRenderingMiddleware.pageRefusal(error, request: req)
            if problem.code == "survey_token" { fields["t"] = problem.message }
            let view = PublicSurveyView(survey: survey, design: design, token: form.t, draft: form.answers, problem: problem, errors: fields, t: req.localizer)
            return req.layout.render(title: design.title, status: problem.status, view.body)
        }
    }
}
