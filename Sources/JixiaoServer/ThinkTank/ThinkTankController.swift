import Fluent
import Plot
import Vapor
import JixiaoDomain

/// What the pages' forms send (one shape for all: each form fills what it has).
struct ThinkTankForm: Content {
    var name: String?, idNumber: String?, phone: String?, email: String?, title: String?, employerName: String?, employerCode: String?
    var regionCode: String?, fields: [String]?, profile: String?
    var relationOrganization: String?, relationKind: String?, relationYear: String?
    var type: String?, creditCode: String?, qualification: String?, levels: [String]?, contactName: String?
    var move: String?, reason: String?, organizationCode: String?, lock_version: Int?
    var category: String?, username: String?
    var kind: String?, body: String?, closesOn: String?
    var id: UUID?, expert: String?, replacing: String?, agencies: String?, agencyType: String?
    var attitude: Int?, ability: Int?, integrity: Int?, comment: String?, year: Int?

    var expertDraft: ExpertDraft {
        var relations: [ExpertDraft.Relation] = []
        if let code = relationOrganization?.trimmed, !code.isEmpty {
            relations.append(.init(organization: code, kind: relationKind ?? "relation", year: relationYear.flatMap { Int($0.trimmed) }, note: nil))
        }
        return ExpertDraft(name: name ?? "", idNumber: idNumber ?? "", phone: phone ?? "", email: email ?? "", title: title ?? "",
                           employerName: employerName ?? "", employerCode: employerCode, regionCode: regionCode, fields: fields ?? [], profile: profile,
                           relations: relations)
    }
    var agencyDraft: AgencyDraft {
        AgencyDraft(name: name ?? "", type: type ?? "", creditCode: creditCode ?? "", qualification: qualification ?? "",
                    levels: (levels ?? []).compactMap { Int($0) }, contactName: contactName ?? "", phone: phone ?? "", relations: nil)
    }
}

/// 智库 pages: each handler loads, or runs the command with the person as caller and redirects; a refusal shows the
/// page again with the problem.
struct ThinkTankController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(ThinkTankRoute.experts(), use: experts)
        routes.post(ThinkTankRoute.experts(), use: registerExpert)
        routes.post(ThinkTankRoute.importExperts, body: .collect(maxSize: "6mb"), use: importExperts).bodyLimit = 6 * 1024 * 1024
        routes.get(ThinkTankRoute.expert(.key), use: expert)
        routes.post(ThinkTankRoute.expertMove(.key), use: moveExpert)
        routes.post(ThinkTankRoute.expertLinks(.key), use: updateExpertLinks)
        routes.get(ThinkTankRoute.agencies(), use: agencies)
        routes.post(ThinkTankRoute.agencies(), use: registerAgency)
        routes.get(ThinkTankRoute.agency(.key), use: agency)
        routes.post(ThinkTankRoute.agencyMove(.key), use: moveAgency)
        routes.get(ThinkTankRoute.supervisors(), use: supervisors)
        routes.post(ThinkTankRoute.supervisors(), use: addSupervisor)
        routes.get(ThinkTankRoute.calls(), use: calls)
        routes.post(ThinkTankRoute.calls(), use: openCall)
        routes.get(ThinkTankRoute.proposals(), use: proposals)
        routes.post(ThinkTankRoute.confirmProposal, use: confirm)
        routes.get(ThinkTankRoute.team(.key), use: team)
        routes.post(ThinkTankRoute.draw(.key), use: draw)
        routes.post(ThinkTankRoute.manual(.key), use: manual)
        routes.post(ThinkTankRoute.rate(.key, .key), use: rate)
        routes.get(ThinkTankRoute.reviews(), use: reviews)
        routes.get(ThinkTankRoute.review(.key), use: review)
        routes.post(ThinkTankRoute.review(.key), use: saveReview)
        routes.post(ThinkTankRoute.publish, use: publish)
    }

    private func id(_ req: Request, _ name: String = "id") throws -> UUID {
        guard let id = req.parameters.get(name, as: UUID.self) else { throw AppError.notFound() }
        return id
    }

    /// Runs a change; on a refusal renders `page` with the problem (status of the problem), else redirects.
    private func perform(_ req: Request, redirect: String, page: @Sendable (AppError, [String: Message]) async throws -> Response,
                         _ work: @Sendable (Caller) async throws -> Void) async throws -> Response {
        do {
            try await work(try req.caller())
            return req.redirect(to: redirect)
        } catch {
            let (problem, fields) = try ErrorRenderingMiddleware.pageRefusal(error, request: req)
            return try await page(problem, fields)
        }
    }

    private func render(_ req: Request, _ title: TextKey, status: HTTPResponseStatus = .ok, _ body: Node<HTML.BodyContext>) -> Response {
        render(req, named: req.localizer(title), status: status, body)
    }

    private func render(_ req: Request, named title: String, status: HTTPResponseStatus = .ok, _ body: Node<HTML.BodyContext>) -> Response {
        let manager = (try? req.requireSignedIn()).map { Authorization.mayEver($0.actor, .manageThinkTank) } ?? false
        return req.layout.render(title: title, status: status, .group(ThinkTankViews.tabs(manager: manager, req.localizer), body))
    }

    // MARK: experts

    private func expertsPage(_ req: Request, problem: AppError? = nil, draft: ThinkTankForm? = nil, errors: [String: Message] = [:]) async throws -> Response {
        let caller = try req.caller()
        let bureau = try await ThinkTankLibrary.readableBureau(code: req.query[String.self, at: "bureau"], by: caller, on: req.db)
        let status = req.query[String.self, at: "status"].flatMap(LibraryStatus.init(rawValue:))
        let filter = ThinkTankQueries.ExpertFilter(search: req.query[String.self, at: "q"], field: req.query[String.self, at: "field"], status: status)
        let list = try await ThinkTankQueries.experts(of: bureau, filter: filter, limit: ThinkTankQueries.pageLimit + 1, on: req.db)
        let model = ThinkTankViews.ExpertsModel(bureau: bureau, experts: Array(list.prefix(ThinkTankQueries.pageLimit)), more: list.count > ThinkTankQueries.pageLimit, regions: try await ThinkTankAPI.regionNames(list, on: req.db), filter: filter,
                                                isManager: caller.reaches(.manageThinkTank, bureau.accessTarget), csrf: try caller.person().csrfToken ?? "",
                                                done: req.query[String.self, at: "done"], problem: problem, draft: draft, errors: errors)
        return render(req, .thinkTankExpertsTitle, status: problem?.status ?? .ok, ThinkTankViews.experts(model, req.localizer))
    }

    @Sendable func experts(req: Request) async throws -> Response { try await expertsPage(req) }

    @Sendable func registerExpert(req: Request) async throws -> Response {
        let form = try req.content.decode(ThinkTankForm.self)
        return try await perform(req, redirect: ThinkTankRoute.experts(done: "registered").url,
                                 page: { p, fields in try await expertsPage(req, problem: p, draft: form, errors: fields) }) { caller in
            let bureau = try await ThinkTankLibrary.managedBureau(caller, on: req.db)
            let user = try caller.person()
            _ = try await ThinkTankLibrary.registerExpert(form.expertDraft, source: .invitation, bureau: bureau, actor: (user.userID, user.displayName),
                                                          audit: caller.audit, effects: caller.effects, on: req.db)
        }
    }

    @Sendable func importExperts(req: Request) async throws -> Response {
        struct Upload: Content { var file: File? }
        let file = try req.content.decode(Upload.self).file
        return try await perform(req, redirect: ThinkTankRoute.experts(done: "imported").url, page: { p, _ in try await expertsPage(req, problem: p) }) { caller in
            guard let file, file.data.readableBytes > 0 else { throw AppError(.unprocessableEntity, "csv_empty", Message(.errorCSVEmpty)) }
            _ = try await ThinkTankImport.importExperts(Data(buffer: file.data), by: caller, on: req.db)
        }
    }

    private func expertPage(_ req: Request, problem: AppError? = nil, opened: (String, String)? = nil) async throws -> Response {
        let caller = try req.caller()
        let expert = try await ThinkTankLibrary.expert(try id(req), by: caller, on: req.db)
        let relations = try await LibraryRelationModel.query(on: req.db).filter(\.$memberID == expert.id!).all()
        let model = ThinkTankViews.ExpertPageModel(
            expert: expert, isManager: ThinkTankLibrary.isManager(caller, of: expert.bureauID, path: expert.bureauPath),
            region: try await OrganizationModel.find(expert.regionID, on: req.db)?.name ?? "",
            history: try await ThinkTankQueries.history(of: expert.id!, on: req.db),
            relations: relations,
            organizations: Dictionary(uniqueKeysWithValues: try await OrganizationModel.query(on: req.db)
                .filter(\.$id ~~ relations.map(\.organizationID)).all()
                .map { ($0.id!, $0.name) }),
            engagements: try await ThinkTankQueries.engagements(member: expert.id!, on: req.db),
            username: try await expert.userID.asyncMap { try await UserModel.find($0, on: req.db)?.username } ?? nil,
            csrf: try caller.person().csrfToken ?? "", done: req.query[String.self, at: "done"], problem: problem, opened: opened)
        return render(req, named: expert.name, status: problem?.status ?? .ok, ThinkTankViews.expert(model, req.localizer))
    }

    @Sendable func expert(req: Request) async throws -> Response { try await expertPage(req) }

    @Sendable func moveExpert(req: Request) async throws -> Response {
        let form = try req.content.decode(ThinkTankForm.self)
        let expertID = try id(req)
        do {
            guard let move = LibraryStatus.Move(rawValue: form.move ?? "") else { throw AppError.invalid("move", Message(.errorRequired)) }
            let opened = try await ThinkTankLibrary.moveExpert(expertID, move, reason: form.reason ?? "", lockVersion: form.lock_version, by: try req.caller(), on: req.db)
            // The one-time password is shown once, on this answer, never in a redirect's address.
            if let opened { return try await expertPage(req, opened: (opened.username, opened.password)) }
            return req.redirect(to: ThinkTankRoute.expert(.value(expertID), done: "moved").url)
        } catch {
            let (problem, _) = try ErrorRenderingMiddleware.pageRefusal(error, request: req)
            return try await expertPage(req, problem: problem)
        }
    }

    @Sendable func updateExpertLinks(req: Request) async throws -> Response {
        let form = try req.content.decode(ThinkTankForm.self)
        let expertID = try id(req)
        return try await perform(req, redirect: ThinkTankRoute.expert(.value(expertID), done: "updated").url, page: { p, _ in try await expertPage(req, problem: p) }) { caller in
            let relation = form.relationOrganization.flatMap { $0.trimmed.isEmpty ? nil : ExpertDraft.Relation(organization: $0, kind: form.relationKind ?? "relation",
                                                                                                             year: form.relationYear.flatMap { Int($0.trimmed) }, note: nil) }
            try await ThinkTankLibrary.updateExpertLinks(expertID, employerCode: form.employerCode, relation: relation, reason: form.reason ?? "", by: caller, on: req.db)
        }
    }

    // MARK: agencies

    private func agenciesPage(_ req: Request, problem: AppError? = nil, draft: ThinkTankForm? = nil, errors: [String: Message] = [:]) async throws -> Response {
        let caller = try req.caller()
        let bureau = try await ThinkTankLibrary.readableBureau(code: req.query[String.self, at: "bureau"], by: caller, on: req.db)
        let list = try await ThinkTankQueries.agencies(of: bureau, status: nil, type: nil, on: req.db)
        let model = ThinkTankViews.AgenciesModel(bureau: bureau, agencies: try await ThinkTankAPI.agencyDTOs(list, on: req.db),
                                                 isManager: caller.reaches(.manageThinkTank, bureau.accessTarget), csrf: try caller.person().csrfToken ?? "",
                                                 done: req.query[String.self, at: "done"], problem: problem, draft: draft, errors: errors)
        return render(req, .thinkTankAgenciesTitle, status: problem?.status ?? .ok, ThinkTankViews.agencies(model, req.localizer))
    }

    @Sendable func agencies(req: Request) async throws -> Response { try await agenciesPage(req) }

    @Sendable func registerAgency(req: Request) async throws -> Response {
        let form = try req.content.decode(ThinkTankForm.self)
        return try await perform(req, redirect: ThinkTankRoute.agencies(done: "registered").url,
                                 page: { p, fields in try await agenciesPage(req, problem: p, draft: form, errors: fields) }) { caller in
            let bureau = try await ThinkTankLibrary.managedBureau(caller, on: req.db)
            let user = try caller.person()
            _ = try await ThinkTankLibrary.registerAgency(form.agencyDraft, source: .invitation, bureau: bureau, actor: (user.userID, user.displayName),
                                                          audit: caller.audit, effects: caller.effects, on: req.db)
        }
    }

    private func agencyPage(_ req: Request, problem: AppError? = nil) async throws -> Response {
        let caller = try req.caller()
        let agency = try await ThinkTankLibrary.agency(try id(req), by: caller, on: req.db)
        let model = ThinkTankViews.AgencyPageModel(
            agency: try await ThinkTankAPI.agencyDTOs([agency], on: req.db)[0], record: agency,
            isManager: ThinkTankLibrary.isManager(caller, of: agency.bureauID, path: agency.bureauPath),
            history: try await ThinkTankQueries.history(of: agency.id!, on: req.db),
            engagements: try await ThinkTankQueries.engagements(member: agency.id!, on: req.db),
            csrf: try caller.person().csrfToken ?? "", done: req.query[String.self, at: "done"], problem: problem)
        return render(req, named: agency.name, status: problem?.status ?? .ok, ThinkTankViews.agency(model, req.localizer))
    }

    @Sendable func agency(req: Request) async throws -> Response { try await agencyPage(req) }

    @Sendable func moveAgency(req: Request) async throws -> Response {
        let form = try req.content.decode(ThinkTankForm.self)
        let agencyID = try id(req)
        return try await perform(req, redirect: ThinkTankRoute.agency(.value(agencyID), done: "moved").url, page: { p, _ in try await agencyPage(req, problem: p) }) { caller in
            guard let move = LibraryStatus.Move(rawValue: form.move ?? "") else { throw AppError.invalid("move", Message(.errorRequired)) }
            try await ThinkTankLibrary.moveAgency(agencyID, move, reason: form.reason ?? "", organizationCode: form.organizationCode, lockVersion: form.lock_version,
                                                  by: caller, on: req.db)
        }
    }

    // MARK: supervisors, calls, proposals

    private func supervisorsPage(_ req: Request, problem: AppError? = nil) async throws -> Response {
        let caller = try req.caller()
        let bureau = try await ThinkTankLibrary.readableBureau(code: req.query[String.self, at: "bureau"], by: caller, on: req.db)
        let list = try await ThinkTankQueries.supervisors(of: bureau, on: req.db)
        let usernames = Dictionary(uniqueKeysWithValues: try await UserModel.query(on: req.db).filter(\.$id ~~ list.compactMap(\.userID)).all().map { ($0.id!, $0.username) })
        return render(req, .thinkTankSupervisorsTitle, status: problem?.status ?? .ok,
                      ThinkTankViews.supervisors(bureau: bureau, list: list, usernames: usernames, isManager: caller.reaches(.manageThinkTank, bureau.accessTarget),
                                                 csrf: try caller.person().csrfToken ?? "", done: req.query[String.self, at: "done"], problem: problem, req.localizer))
    }

    @Sendable func supervisors(req: Request) async throws -> Response { try await supervisorsPage(req) }

    @Sendable func addSupervisor(req: Request) async throws -> Response {
        let form = try req.content.decode(ThinkTankForm.self)
        return try await perform(req, redirect: ThinkTankRoute.supervisors(done: "added").url, page: { p, _ in try await supervisorsPage(req, problem: p) }) { caller in
            _ = try await ThinkTankLibrary.addSupervisor(name: form.name ?? "", category: form.category ?? "", employerName: form.employerName ?? "",
                                                         username: form.username, by: caller, on: req.db)
        }
    }

    private func callsPage(_ req: Request, problem: AppError? = nil) async throws -> Response {
        let caller = try req.caller()
        let bureau = try await ThinkTankLibrary.managedBureau(caller, on: req.db)
        let calls = try await LibraryCallModel.query(on: req.db).filter(\.$bureauID == bureau.id!).sort(\.$createdAt, .descending).all()
        return render(req, .thinkTankCallsTitle, status: problem?.status ?? .ok,
                      ThinkTankViews.calls(calls, csrf: try caller.person().csrfToken ?? "", done: req.query[String.self, at: "done"], problem: problem, req.localizer))
    }

    @Sendable func calls(req: Request) async throws -> Response { try await callsPage(req) }

    @Sendable func openCall(req: Request) async throws -> Response {
        let form = try req.content.decode(ThinkTankForm.self)
        return try await perform(req, redirect: ThinkTankRoute.calls(done: "opened").url, page: { p, _ in try await callsPage(req, problem: p) }) { caller in
            _ = try await ThinkTankLibrary.openCall(kind: LibraryKind(rawValue: form.kind ?? "") ?? .expert, title: form.title ?? "", body: form.body ?? "",
                                                    closesOn: form.closesOn ?? "", by: caller, on: req.db)
        }
    }

    private func proposalsPage(_ req: Request, problem: AppError? = nil) async throws -> Response {
        let caller = try req.caller()
        let bureau = try await ThinkTankLibrary.managedBureau(caller, on: req.db)
        return render(req, .thinkTankProposalsTitle, status: problem?.status ?? .ok,
                      ThinkTankViews.proposals(try await ThinkTankDraws.proposals(bureau: bureau, on: req.db), csrf: try caller.person().csrfToken ?? "",
                                               done: req.query[String.self, at: "done"], problem: problem, req.localizer))
    }

    @Sendable func proposals(req: Request) async throws -> Response { try await proposalsPage(req) }

    @Sendable func confirm(req: Request) async throws -> Response {
        let form = try req.content.decode(ThinkTankForm.self)
        return try await perform(req, redirect: ThinkTankRoute.proposals(done: "confirmed").url, page: { p, _ in try await proposalsPage(req, problem: p) }) { caller in
            guard let kind = LibraryKind(rawValue: form.kind ?? ""), let id = form.id else { throw AppError.invalid("id", Message(.errorThinkTankNoProposal)) }
            try await ThinkTankDraws.confirm(kind: kind, id: id, reason: form.reason ?? "", by: caller, on: req.db)
        }
    }

    // MARK: an evaluation's team from the libraries

    private func teamPage(_ req: Request, problem: AppError? = nil) async throws -> Response {
        let caller = try req.caller()
        let (evaluation, _) = try await KeyEvaluations.find(try id(req), by: caller, on: req.db)
        let draws = try await ThinkTankQueries.draws(of: evaluation.id!, on: req.db)
        var replays: [(LibraryDrawModel, [StoredCandidate], StoredOutcome, Bool)] = []
        for draw in draws {   // the evaluation is read above: each record replays without another query
            let (candidates, outcome, matches) = try ThinkTankDraws.replayed(draw)
            replays.append((draw, candidates, outcome, matches))
        }
        let lines = try await ThinkTankQueries.engagements(evaluation: evaluation.id!, on: req.db)
        let target = AccessTarget(organizationID: evaluation.organizationID, organizationPath: HierarchyPath(rawValue: evaluation.organizationPath))
        let canRun = caller.reaches(.runKeyEvaluation, target)
        // Who may be added by hand: the admitted experts of the libraries without a conflict (runners of a plan only).
        var available: [StoredCandidate] = []
        if canRun && evaluation.evaluationState == .planning {
            let members = try await KeyEvaluationMemberModel.query(on: req.db).filter(\.$evaluationID == evaluation.id!).all()
            available = try await ThinkTankDraws.candidates(for: evaluation, members: members, spec: DrawSpec(experts: [.init(field: "any", count: 1)]),
                                                            region: nil, on: req.db).filter { $0.kind == .expert && $0.conflicts.isEmpty }
                .sorted { $0.name < $1.name }
        }
        let model = ThinkTankViews.TeamModel(
            evaluation: evaluation, draws: replays, engagements: lines.reversed(),
            names: try await ThinkTankQueries.memberNames(lines.map(\.engagement.memberID), on: req.db),
            canRun: canRun, seesReasons: canRun || caller.reaches(.manageThinkTank, target), available: available,
            csrf: try caller.person().csrfToken ?? "", done: req.query[String.self, at: "done"], problem: problem)
        return render(req, .thinkTankTeamTitle, status: problem?.status ?? .ok, ThinkTankViews.team(model, req.localizer))
    }

    @Sendable func team(req: Request) async throws -> Response { try await teamPage(req) }

    @Sendable func draw(req: Request) async throws -> Response {
        struct DrawForm: Content { var field: [String]?; var count: [String]?; var regionCode: String?; var agencies: String?; var agencyType: String?; var lock_version: Int? }
        let form = try req.content.decode(DrawForm.self)
        let evaluationID = try id(req)
        return try await perform(req, redirect: ThinkTankRoute.team(.value(evaluationID), done: "drawn").url, page: { p, _ in try await teamPage(req, problem: p) }) { caller in
            var lines: [DrawSpec.FieldCount] = []
            for (field, count) in zip(form.field ?? [], form.count ?? []) where !field.isEmpty {
                let text = count.trimmed
                guard let n = text.isEmpty ? 0 : Int(text) else { throw AppError.invalid("count", Message(.errorThinkTankDrawCount)) }
                lines.append(.init(field: field, count: n))
            }
            _ = try await ThinkTankDraws.draw(evaluationID: evaluationID, spec: DrawSpec(experts: lines, regionCode: form.regionCode,
                                                                                      agencies: form.agencies == "1" ? 1 : 0, agencyType: form.agencyType),
                                              lockVersion: form.lock_version, by: caller, on: req.db)
        }
    }

    @Sendable func manual(req: Request) async throws -> Response {
        let form = try req.content.decode(ThinkTankForm.self)
        let evaluationID = try id(req)
        return try await perform(req, redirect: ThinkTankRoute.team(.value(evaluationID), done: "added").url, page: { p, _ in try await teamPage(req, problem: p) }) { caller in
            guard let expert = form.expert.flatMap({ UUID(uuidString: $0) }) else { throw AppError.invalid("expert", Message(.errorThinkTankUnknownExpert)) }
            let replacing = form.replacing.flatMap { $0.isEmpty ? nil : UUID(uuidString: $0) }
            if let text = form.replacing, !text.isEmpty, replacing == nil { throw AppError.invalid("replacing", Message(.errorThinkTankNotOnTeam)) }
            try await ThinkTankDraws.addByHand(evaluationID: evaluationID, expertID: expert, reason: form.reason ?? "", replacing: replacing,
                                               lockVersion: nil, by: caller, on: req.db)
        }
    }

    @Sendable func rate(req: Request) async throws -> Response {
        let form = try req.content.decode(ThinkTankForm.self)
        let evaluationID = try id(req), engagementID = try id(req, "engagement")
        return try await perform(req, redirect: ThinkTankRoute.team(.value(evaluationID), done: "rated").url, page: { p, _ in try await teamPage(req, problem: p) }) { caller in
            guard let engagement = try await EngagementModel.find(engagementID, on: req.db), engagement.evaluationID == evaluationID else { throw AppError.notFound() }
            try await ThinkTankDraws.rate(engagementID: engagementID, rating: ExpertRating(attitude: form.attitude ?? 0, ability: form.ability ?? 0,
                                                                                          integrity: form.integrity ?? 0),
                                          comment: form.comment ?? "", by: caller, on: req.db)
        }
    }

    // MARK: quality reviews

    private func reviewsPage(_ req: Request, problem: AppError? = nil) async throws -> Response {
        let caller = try req.caller()
        let year = req.query[Int.self, at: "year"].flatMap { BudgetObjectRules.fiscalYears.contains($0) ? $0 : nil }
            ?? CalendarDay(chinaDay: caller.now).year - 1
        let (bureau, list) = try await ThinkTankReviews.reviewables(year: year, by: caller, on: req.db)
        let notice = try await QualityNoticeModel.query(on: req.db).filter(\.$bureauID == bureau.id!).filter(\.$fiscalYear == year).first()
        return render(req, .thinkTankReviewsTitle, status: problem?.status ?? .ok,
                      ThinkTankViews.reviews(bureau: bureau, year: year, list: list, lines: try await ThinkTankReviews.yearly(bureau: bureau, year: year, on: req.db),
                                             notice: notice, csrf: try caller.person().csrfToken ?? "", done: req.query[String.self, at: "done"], problem: problem, req.localizer))
    }

    @Sendable func reviews(req: Request) async throws -> Response { try await reviewsPage(req) }

    private func reviewPage(_ req: Request, problem: AppError? = nil) async throws -> Response {
        let caller = try req.caller()
        let evaluationID = try id(req)
        guard let evaluation = try await KeyEvaluationModel.find(evaluationID, on: req.db) else { throw AppError.notFound() }
        let (bureau, list) = try await ThinkTankReviews.reviewables(year: evaluation.fiscalYear, by: caller, on: req.db)
        guard let item = list.first(where: { $0.evaluation.id == evaluationID }) else { throw AppError.notFound() }
        let published = try await QualityNoticeModel.query(on: req.db).filter(\.$bureauID == bureau.id!).filter(\.$fiscalYear == evaluation.fiscalYear).first() != nil
        let sections = try await ReportSectionModel.query(on: req.db).filter(\.$evaluationID == evaluationID).all()
        let written = sections.filter { !$0.text.trimmed.isEmpty }.count
        return render(req, .thinkTankReviewTitle, status: problem?.status ?? .ok,
                      ThinkTankViews.review(item, written: written, of: ReportSection.allCases.count, published: published, csrf: try caller.person().csrfToken ?? "", problem: problem, req.localizer))
    }

    @Sendable func review(req: Request) async throws -> Response { try await reviewPage(req) }

    @Sendable func saveReview(req: Request) async throws -> Response {
        struct ReviewForm: Content { var points: [String: String]?; var finding: [String: String]? }
        let form = try req.content.decode(ReviewForm.self)
        let evaluationID = try id(req)
        guard let evaluation = try await KeyEvaluationModel.find(evaluationID, on: req.db) else { throw AppError.notFound() }
        return try await perform(req, redirect: ThinkTankRoute.reviews(year: evaluation.fiscalYear, done: "reviewed").url, page: { p, _ in try await reviewPage(req, problem: p) }) { caller in
            let entries = try QualityCriterion.allCases.map { criterion -> QualityReviewEntry in
                guard let points = Int((form.points?[criterion.rawValue] ?? "").trimmed) else {
                    throw AppError.invalid("\(criterion.rawValue).points", Message(.errorThinkTankReviewRange(criterion, criterion.maximum)))
                }
                return QualityReviewEntry(criterion: criterion, points: points, finding: form.finding?[criterion.rawValue] ?? "")
            }
            _ = try await ThinkTankReviews.review(evaluationID: evaluationID, entries: entries, by: caller, on: req.db)
        }
    }

    @Sendable func publish(req: Request) async throws -> Response {
        let form = try req.content.decode(ThinkTankForm.self)
        let year = form.year ?? 0
        return try await perform(req, redirect: ThinkTankRoute.reviews(year: year, done: "published").url, page: { p, _ in try await reviewsPage(req, problem: p) }) { caller in
            guard BudgetObjectRules.fiscalYears.contains(year) else { throw AppError.invalid("year", Message(.errorEvaluationYearRange)) }
            try await ThinkTankReviews.publish(year: year, by: caller, on: req.db)
        }
    }
}
