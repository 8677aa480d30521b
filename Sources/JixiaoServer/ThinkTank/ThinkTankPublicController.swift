import Fluent
import Plot
import Vapor
import JixiaoDomain

/// Pages without an account: an applicant answering a call (the call's key is the permission, until it closes), and a
/// bureau's published quality notice.
struct ThinkTankPublicController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(ThinkTankPublicRoute.apply(.key), use: applyForm)
        routes.post(ThinkTankPublicRoute.apply(.key), use: apply)
        routes.get(ThinkTankPublicRoute.notice(.key, .key), use: notice)
    }

    private func call(_ req: Request) async throws -> (LibraryCallModel, OrganizationModel) {
        guard let key = req.parameters.get("key"), let found = try await ThinkTankLibrary.openCall(key: key, now: req.application.effects.now(), on: req.db) else {
            throw AppError.notFound()
        }
        return found
    }

    private func page(_ req: Request, status: HTTPResponseStatus = .ok, problem: AppError? = nil, done: Bool = false, draft: ThinkTankForm? = nil,
                      errors: [String: Message] = [:]) async throws -> Response {
        let (call, bureau) = try await call(req)
        let t = req.localizer
        let kind = LibraryKind(rawValue: call.memberKind) ?? .expert
        let form: Node<HTML.BodyContext> = kind == .expert ? .form(.method(.post), .action(ThinkTankPublicRoute.apply(.value(call.key)).url), .class("card"),
            ThinkTankViews.expertFields(t, draft: draft, errors: errors),
            ThinkTankViews.relationFields(t, draft: draft, errors: errors),
            .div(.class("field"), .label(.for("profile"), .text(t(.thinkTankProfile))), .textarea(.id("profile"), .name("profile"), .attribute(named: "rows", value: "4"))),
            .p(.class("hint"), .text(t(.thinkTankApplyPrivacy))),
            .button(.type(.submit), .class("button primary"), .text(t(.thinkTankSubmitApplication))))
        : .form(.method(.post), .action(ThinkTankPublicRoute.apply(.value(call.key)).url), .class("card"),
            ThinkTankViews.agencyFields(t, draft: draft, errors: errors),
            .button(.type(.submit), .class("button primary"), .text(t(.thinkTankSubmitApplication))))
        return req.layout.render(title: call.title, status: status, .group(
            .p(.class("lead"), .text(bureau.name + " · " + t(.thinkTankCloses(call.closesOn)))),
            .if(!call.body.isEmpty, .p(.text(call.body))),
            .unwrap(problem) { Components.problem($0, t) },
            done ? Components.notice(t(.thinkTankApplicationReceived), kind: "success") : form))
    }

    @Sendable func applyForm(req: Request) async throws -> Response {
        try await page(req, done: req.query[String.self, at: "done"] == "1")
    }

    @Sendable func apply(req: Request) async throws -> Response {
        let (call, bureau) = try await call(req)
        let form = try req.content.decode(ThinkTankForm.self)
        let effects = req.application.effects
        let audit = AuditContext.system("application")
        do {
            // Every attempt counts, refused ones too (so probing numbers or sending bad forms is limited the same way).
            try await ThinkTankLibrary.recordApplication(call: call, address: req.clientAddress, effects: effects, on: req.db)
            try await ThinkTankLibrary.checkApplicationLimit(call: call, address: req.clientAddress, now: effects.now(), on: req.db)
            switch LibraryKind(rawValue: call.memberKind) ?? .expert {
            case .expert:
                var draft = form.expertDraft
                draft.employerCode = nil; draft.regionCode = nil
                _ = try await ThinkTankLibrary.registerExpert(draft, source: .application, bureau: bureau, actor: (nil, form.name ?? ""), audit: audit, effects: effects, on: req.db)
            case .agency:
                _ = try await ThinkTankLibrary.registerAgency(form.agencyDraft, source: .application, bureau: bureau, actor: (nil, form.name ?? ""), audit: audit,
                                                              effects: effects, on: req.db)
            }
            return req.redirect(to: ThinkTankPublicRoute.apply(.value(call.key), done: true).url)
        } catch {
            let (problem, fields) = try ErrorRenderingMiddleware.pageRefusal(error, request: req)
            return try await page(req, status: problem.status, problem: problem, draft: form, errors: fields)
        }
    }

    @Sendable func notice(req: Request) async throws -> Response {
        guard let code = req.parameters.get("code"), let year = req.parameters.get("year", as: Int.self),
              let (bureau, notice) = try await ThinkTankReviews.notice(bureauCode: code, year: year, on: req.db) else { throw AppError.notFound() }
        let t = req.localizer
        return req.layout.render(title: t(.thinkTankNoticeTitle(bureau.name, year)), .group(
            .p(.class("lead"), .text(t(.thinkTankNoticeIntro(DisplayTime.minute(notice.publishedAt))))),
            .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(t(.keyEvaluationAgency))), .th(.text(t(.thinkTankAgencyType))), .th(.text(t(.thinkTankReviewsCount))), .th(.text(t(.thinkTankScore))),
                           .th(.text(t(.thinkTankGrade))), .th(.text(t(.thinkTankEntrustment))))),
                .tbody(.forEach(notice.lines) { l in
                    .tr(.td(.text(l.agency)), .td(.text(l.type)), .td(.class("number"), .text(String(l.reviews))), .td(.class("number"), .text(l.score)),
                        .td(.text(l.grade)), .td(.text(l.excluded ? t(.thinkTankExcludedFromEntrustment) : t(.thinkTankMayBeEntrusted))))
                })))))
    }
}
