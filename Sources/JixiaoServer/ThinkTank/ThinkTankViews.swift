import Foundation
import Plot
import JixiaoDomain

/// 智库 pages as views of their models.
enum ThinkTankViews {
    typealias Body = Node<HTML.BodyContext>

    /// The libraries for every reader; calls, dynamic management and reviews for their managers.
    static func tabs(manager: Bool, _ t: Localizer) -> Body {
        .nav(.class("tabs"), .attribute(named: "aria-label", value: t(.navThinkTank)),
             .a(.href(ThinkTankRoute.experts().url), .text(t(.thinkTankExpertsTitle))),
             .a(.href(ThinkTankRoute.agencies().url), .text(t(.thinkTankAgenciesTitle))),
             .a(.href(ThinkTankRoute.supervisors().url), .text(t(.thinkTankSupervisorsTitle))),
             .if(manager, .group(
                .a(.href(ThinkTankRoute.calls().url), .text(t(.thinkTankCallsTitle))),
                .a(.href(ThinkTankRoute.proposals().url), .text(t(.thinkTankProposalsTitle))),
                .a(.href(ThinkTankRoute.reviews().url), .text(t(.thinkTankReviewsTitle))))))
    }

    static func head(done: String?, problem: AppError?, _ t: Localizer) -> Body {
        .group(.unwrap(problem) { Components.problem($0, t) }, .if(done != nil && problem == nil, Components.notice(t(.thinkTankSaved), kind: "success")))
    }

    static func statusBadge(_ status: LibraryStatus, _ t: Localizer) -> Body { Components.badge(t(status.title), kind: "library-\(status.rawValue)") }

    static func fieldNames(_ codes: [String], _ t: Localizer) -> String {
        codes.compactMap { ExpertField.named($0) }.map { t.locale == .zhHans ? $0.chinese : $0.english }.joined(separator: "、")
    }

    /// A field, an agency type or "agency" as a draw's line names it.
    static func fieldTitle(_ code: String, _ t: Localizer) -> String { DrawFieldName(code: code).text(in: t.locale) }

    static func fieldOptions(_ t: Localizer) -> [(value: String, label: String)] {
        ExpertField.all.map { ($0.code, t.locale == .zhHans ? $0.chinese : $0.english) }
    }

    /// What registering an expert asks, on the office's form and on a call's public form alike; a refused form comes
    /// back as typed, each problem beside its field.
    static func expertFields(_ t: Localizer, draft: ThinkTankForm? = nil, errors: [String: Message] = [:]) -> Node<HTML.FormContext> {
        let e = { (field: String) in errors[field].map { t($0) } }
        return .group(
            Components.textField(label: t(.thinkTankPersonName), name: "name", value: draft?.name ?? "", error: e("name"), required: true),
            Components.textField(label: t(.thinkTankIDNumber), name: "idNumber", value: draft?.idNumber ?? "", error: e("idNumber"), required: true, autocomplete: "off"),
            Components.textField(label: t(.thinkTankPhone), name: "phone", value: draft?.phone ?? "", error: e("phone"), type: .tel, required: true),
            Components.textField(label: t(.thinkTankEmail), name: "email", value: draft?.email ?? "", error: e("email"), type: .email),
            Components.textField(label: t(.thinkTankTitleColumn), name: "title", value: draft?.title ?? "", error: e("title")),
            Components.textField(label: t(.thinkTankEmployer), name: "employerName", value: draft?.employerName ?? "", error: e("employerName"), required: true),
            Components.checkboxes(legend: t(.thinkTankField), name: "fields", options: fieldOptions(t), checked: Set(draft?.fields ?? []), error: e("fields")))
    }

    /// One declared relation or paid work (an organisation by code or name, the kind, the year of paid work).
    static func relationFields(_ t: Localizer, draft: ThinkTankForm? = nil, errors: [String: Message] = [:]) -> Node<HTML.FormContext> {
        let e = { (field: String) in errors[field].map { t($0) } }
        return .fieldset(.class("field"), .element(named: "legend", text: t(.thinkTankRelations)),
            Components.textField(label: t(.thinkTankRelation), name: "relationOrganization", value: draft?.relationOrganization ?? "",
                                 error: e("relations[1].organization"), hint: t(.thinkTankRelationHint)),
            Components.selectField(label: t(.thinkTankRelationKind), name: "relationKind",
                                   options: [("relation", t(.thinkTankRelationDeclared)), ("paid_work", t(.thinkTankRelationPaid))],
                                   selected: draft?.relationKind ?? "relation", error: e("relations[1].kind")),
            Components.textField(label: t(.thinkTankRelationYear), name: "relationYear", value: draft?.relationYear ?? "", error: e("relations[1].year"), type: .number))
    }

    /// What registering an agency asks, on the office's form and on a call's public form alike.
    static func agencyFields(_ t: Localizer, draft: ThinkTankForm? = nil, errors: [String: Message] = [:]) -> Node<HTML.FormContext> {
        let e = { (field: String) in errors[field].map { t($0) } }
        return .group(
            Components.textField(label: t(.thinkTankAgencyName), name: "name", value: draft?.name ?? "", error: e("name"), required: true),
            Components.selectField(label: t(.thinkTankAgencyType), name: "type", options: AgencyType.allCases.map { ($0.rawValue, t.term($0)) },
                                   selected: draft?.type, error: e("type")),
            Components.textField(label: t(.thinkTankCreditCode), name: "creditCode", value: draft?.creditCode ?? "", error: e("creditCode"), required: true),
            Components.textField(label: t(.thinkTankQualification), name: "qualification", value: draft?.qualification ?? "", error: e("qualification"), required: true),
            Components.checkboxes(legend: t(.thinkTankLevels), name: "levels",
                                  options: [AdministrativeLevel.central, .province, .city, .county].map { (String($0.rawValue), t($0.title)) },
                                  checked: Set(draft?.levels ?? []), error: e("levels")),
            Components.textField(label: t(.thinkTankContact), name: "contactName", value: draft?.contactName ?? "", error: e("contactName"), required: true),
            Components.textField(label: t(.thinkTankPhone), name: "phone", value: draft?.phone ?? "", error: e("phone"), type: .tel, required: true))
    }

    static func moveForm(action: String, moves: [LibraryStatus.Move], lockVersion: Int, csrf: String, extra: Node<HTML.FormContext> = .empty, _ t: Localizer) -> Body {
        guard !moves.isEmpty else { return .empty }
        return .form(.method(.post), .action(action), .class("card"),
            Components.csrfField(csrf), .input(.type(.hidden), .name("lock_version"), .value(String(lockVersion))),
            .h3(.text(t(.thinkTankChangeStatus))),
            Components.selectField(label: t(.thinkTankMove), name: "move", options: moves.map { ($0.rawValue, t($0.title)) }, selected: nil),
            extra,
            .div(.class("field"), .label(.for("reason"), .text(t(.thinkTankReason))), .textarea(.id("reason"), .name("reason"), .attribute(named: "rows", value: "2"), .required(true))),
            .button(.type(.submit), .class("button primary"), .text(t(.thinkTankApply))))
    }

    // MARK: experts

    struct ExpertsModel {
        var bureau: OrganizationModel
        var experts: [ExpertModel]
        /// More matched than the page shows.
        var more: Bool
        var regions: [UUID: String]
        var filter: ThinkTankQueries.ExpertFilter
        var isManager: Bool
        var csrf: String
        var done: String?
        var problem: AppError?
        var draft: ThinkTankForm?
        var errors: [String: Message] = [:]
    }

    static func experts(_ m: ExpertsModel, _ t: Localizer) -> Body {
        .group(
            head(done: m.done, problem: m.problem, t),
            .p(.class("lead"), .text(t(.thinkTankExpertsIntro(m.bureau.name)))),
            .form(.method(.get), .action(ThinkTankRoute.experts().url), .class("inline-form"),
                .input(.type(.hidden), .name("bureau"), .value(m.bureau.code)),
                .label(.for("q"), .text(t(.thinkTankSearch))), Components.input([.type(.search), .id("q"), .name("q"), .value(m.filter.search ?? "")]),
                .label(.for("field"), .text(t(.thinkTankField))),
                .select(.id("field"), .attribute(named: "name", value: "field"), Components.option(value: "", label: t(.thinkTankAll), selected: false),
                        .forEach(fieldOptions(t)) { Components.option(value: $0.value, label: $0.label, selected: $0.value == m.filter.field) }),
                .label(.for("status"), .text(t(.fieldState))),
                .select(.id("status"), .attribute(named: "name", value: "status"), Components.option(value: "", label: t(.thinkTankAll), selected: false),
                        .forEach(LibraryStatus.allCases) { Components.option(value: $0.rawValue, label: t($0.title), selected: $0 == m.filter.status) }),
                .button(.type(.submit), .text(t(.thinkTankFilter)))),
            .if(m.more, Components.notice(t(.thinkTankMoreExperts(ThinkTankQueries.pageLimit)), kind: "warning")),
            m.experts.isEmpty ? Components.notice(t(.thinkTankNoExperts)) :
            .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(t(.thinkTankPersonName))), .th(.text(t(.thinkTankTitleColumn))), .th(.text(t(.thinkTankEmployer))), .th(.text(t(.thinkTankField))),
                           .th(.text(t(.thinkTankRegion))), .th(.text(t(.fieldState))))),
                .tbody(.forEach(m.experts) { e in
                    .tr(.td(.a(.href(ThinkTankRoute.expert(.value(e.id!)).url), .text(e.name))), .td(.text(e.title)), .td(.text(e.employerName)),
                        .td(.text(fieldNames(e.fields, t))), .td(.text(m.regions[e.regionID] ?? "")), .td(statusBadge(e.libraryStatus, t)))
                }))),
            .if(m.isManager, .group(
                .form(.method(.post), .action(ThinkTankRoute.experts().url), .class("card"),
                    Components.csrfField(m.csrf), .h2(.text(t(.thinkTankInviteExpert))), .p(.class("hint"), .text(t(.thinkTankInviteHint))),
                    expertFields(t, draft: m.draft, errors: m.errors),
                    Components.textField(label: t(.thinkTankEmployerCode), name: "employerCode", hint: t(.thinkTankEmployerCodeHint)),
                    Components.textField(label: t(.thinkTankRegionCode), name: "regionCode", hint: t(.thinkTankRegionCodeHint)),
                    relationFields(t, draft: m.draft, errors: m.errors),
                    .button(.type(.submit), .class("button primary"), .text(t(.thinkTankRegister)))),
                .form(.method(.post), .action(ThinkTankRoute.importExperts.url), .enctype(.multipartData), .class("card"),
                    Components.csrfField(m.csrf), .h2(.text(t(.thinkTankImportExperts))), .p(.class("hint"), .text(t(.thinkTankImportHint))),
                    .div(.class("field"), .label(.for("file"), .text(t(.fieldCSVFile))),
                         .input(.type(.file), .id("file"), .name("file"), .attribute(named: "accept", value: ".csv,.xlsx"), .required(true))),
                    .button(.type(.submit), .class("button"), .text(t(.thinkTankImport))))))
        )
    }

    struct ExpertPageModel {
        var expert: ExpertModel
        var isManager: Bool
        var region: String
        var history: [LibraryStatusChangeModel]
        var relations: [LibraryRelationModel]
        var organizations: [UUID: String]
        var engagements: [ThinkTankQueries.EngagementLine]
        var username: String?
        var employerLinked: Bool { expert.employerID != nil }
        var csrf: String
        var done: String?
        var problem: AppError?
        var opened: (String, String)?
    }

    static func history(_ changes: [LibraryStatusChangeModel], _ t: Localizer) -> Body {
        .group(.h2(.text(t(.thinkTankHistory))),
               .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(t(.thinkTankWhen))), .th(.text(t(.thinkTankWho))), .th(.text(t(.fieldState))), .th(.text(t(.thinkTankReason))))),
                .tbody(.forEach(changes) { c in
                    .tr(.td(.text(DisplayTime.minute(c.occurredAt))), .td(.text(c.actorName)),
                        .td(.text((c.fromStatus.flatMap(LibraryStatus.init(rawValue:)).map { t($0.title) + " → " } ?? "")
                                  + (LibraryStatus(rawValue: c.toStatus).map { t($0.title) } ?? c.toStatus))),
                        .td(.text((c.byRule ? t(.thinkTankByRule) + " " : "") + (c.move == "register" ? LibrarySource(rawValue: c.reason).map { t($0.title) } ?? c.reason : c.reason))))
                }))))
    }

    /// A member's engagements; how each came about and its rating only to the library's managers.
    static func engagementTable(_ lines: [ThinkTankQueries.EngagementLine], manager: Bool, _ t: Localizer) -> Body {
        lines.isEmpty ? .empty : .group(.h2(.text(t(.thinkTankEngagements))), .div(.class("table-scroll"), .table(.class("data"),
            .thead(.tr(.th(.text(t(.keyEvaluationTitle))), .th(.text(t(.thinkTankHow))), .if(manager, .th(.text(t(.thinkTankRating)))))),
            .tbody(.forEach(lines) { line in
                .tr(.td(.a(.href(ThinkTankRoute.team(.value(line.engagement.evaluationID)).url), .text(line.evaluationTitle))),
                    .td(.text(how(line.engagement, reason: manager, t))),
                    .if(manager, .td(.text(line.rating.map { "\($0.attitude) / \($0.ability) / \($0.integrity)" } ?? "—"))))
            }))))
    }

    /// How a member came onto (or left) a team.
    static func how(_ g: EngagementModel, reason: Bool, _ t: Localizer) -> String {
        if g.replacedBy != nil { return t(.thinkTankReplaced) }
        switch g.source {
        case "drawn": return t(.thinkTankDrawn)
        case "left": return t(.thinkTankLeft)
        default: return t(.thinkTankByHand) + (reason ? t(.colon) + g.reason : "")
        }
    }

    static func expert(_ m: ExpertPageModel, _ t: Localizer) -> Body {
        let e = m.expert
        return .group(
            head(done: m.done, problem: m.problem, t),
            .unwrap(m.opened) { opened in Components.notice(t(.thinkTankAccountOpened(opened.0, opened.1)), kind: "success") },
            .p(.a(.href(ThinkTankRoute.experts().url), .text(t(.thinkTankBackToExperts)))),
            .h2(.text(e.name), .text(" "), statusBadge(e.libraryStatus, t)),
            .dl(.class("facts"),
                .dt(.text(t(.thinkTankTitleColumn))), .dd(.text(e.title.isEmpty ? "—" : e.title)),
                .dt(.text(t(.thinkTankEmployer))), .dd(.text(e.employerName)),
                .dt(.text(t(.thinkTankField))), .dd(.text(fieldNames(e.fields, t))),
                .dt(.text(t(.thinkTankRegion))), .dd(.text(m.region)),
                .dt(.text(t(.thinkTankAccount))), .dd(.text(m.username ?? t(.thinkTankNoAccount)))),
            .if(!e.profile.isEmpty, .p(.text(e.profile))),
            // Personal data: only those who manage the library see it (DOMAIN.md §3.11; issue 13).
            .if(m.isManager, .section(.class("card"), .h3(.text(t(.thinkTankPersonal))),
                .dl(.class("facts"), .dt(.text(t(.thinkTankIDNumber))), .dd(.text(e.idNumber)),
                    .dt(.text(t(.thinkTankPhone))), .dd(.text(e.phone)), .dt(.text(t(.thinkTankEmail))), .dd(.text(e.email.isEmpty ? "—" : e.email))))),
            .if(m.isManager && !m.relations.isEmpty, .group(.h3(.text(t(.thinkTankRelations))), .ul(.forEach(m.relations) { r in
                .li(.text((m.organizations[r.organizationID] ?? "") + " — " + (r.kind == "paid_work" ? t(.thinkTankRelationPaid) + " \(r.year ?? 0)" : t(.thinkTankRelationDeclared))))
            }))),
            .if(m.isManager, moveForm(action: ThinkTankRoute.expertMove(.value(e.id!)).url, moves: e.libraryStatus.moves, lockVersion: e.lockVersion, csrf: m.csrf, t)),
            .if(m.isManager && e.libraryStatus != .withdrawn, .form(.method(.post), .action(ThinkTankRoute.expertLinks(.value(e.id!)).url), .class("card"),
                Components.csrfField(m.csrf), .h3(.text(t(.thinkTankUpdateLinks))), .p(.class("hint"), .text(t(.thinkTankUpdateLinksHint))),
                Components.textField(label: t(.thinkTankEmployerCode), name: "employerCode", hint: m.employerLinked ? t(.thinkTankEmployerLinked) : t(.thinkTankEmployerNotLinked)),
                relationFields(t),
                .div(.class("field"), .label(.for("links-reason"), .text(t(.thinkTankReason))), .textarea(.id("links-reason"), .name("reason"), .attribute(named: "rows", value: "2"), .required(true))),
                .button(.type(.submit), .class("button"), .text(t(.thinkTankApply))))),
            engagementTable(m.engagements, manager: m.isManager, t),
            history(m.history, t)
        )
    }

    // MARK: agencies

    struct AgenciesModel {
        var bureau: OrganizationModel
        var agencies: [AgencyDTO]
        var isManager: Bool
        var csrf: String
        var done: String?
        var problem: AppError?
        var draft: ThinkTankForm?
        var errors: [String: Message] = [:]
    }

    static func levelNames(_ levels: [Int], _ t: Localizer) -> String {
        levels.compactMap(AdministrativeLevel.init(rawValue:)).map { t($0.title) }.joined(separator: "、")
    }

    static func agencies(_ m: AgenciesModel, _ t: Localizer) -> Body {
        .group(
            head(done: m.done, problem: m.problem, t),
            .p(.class("lead"), .text(t(.thinkTankAgenciesIntro(m.bureau.name)))),
            m.agencies.isEmpty ? Components.notice(t(.thinkTankNoAgencies)) :
            .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(t(.thinkTankAgencyName))), .th(.text(t(.thinkTankAgencyType))), .th(.text(t(.thinkTankCreditCode))), .th(.text(t(.thinkTankLevels))),
                           .th(.text(t(.thinkTankStaff))), .th(.text(t(.thinkTankLastReview))), .th(.text(t(.fieldState))))),
                .tbody(.forEach(m.agencies) { a in
                    .tr(.td(.a(.href(ThinkTankRoute.agency(.value(a.id)).url), .text(a.name))),
                        .td(.text(AgencyType(rawValue: a.type).map { t.term($0) } ?? a.type)), .td(.text(a.creditCode)), .td(.text(levelNames(a.levels, t))),
                        .td(.text(a.staff.map { $0.isEmpty ? "—" : $0.joined(separator: "、") } ?? t(.thinkTankNotLinked))),
                        .td(.class("number"), .text(a.lastReview.map(String.init) ?? "—")),
                        .td(statusBadge(LibraryStatus(rawValue: a.status) ?? .candidate, t)))
                }))),
            .if(m.isManager, .form(.method(.post), .action(ThinkTankRoute.agencies().url), .class("card"),
                Components.csrfField(m.csrf), .h2(.text(t(.thinkTankRegisterAgency))),
                agencyFields(t, draft: m.draft, errors: m.errors),
                .button(.type(.submit), .class("button primary"), .text(t(.thinkTankRegister)))))
        )
    }

    struct AgencyPageModel {
        var agency: AgencyDTO
        var record: AgencyModel
        var isManager: Bool
        var history: [LibraryStatusChangeModel]
        var engagements: [ThinkTankQueries.EngagementLine]
        var csrf: String
        var done: String?
        var problem: AppError?
    }

    static func agency(_ m: AgencyPageModel, _ t: Localizer) -> Body {
        let a = m.agency
        let admitting = m.record.organizationID == nil && m.record.libraryStatus == .candidate
        return .group(
            head(done: m.done, problem: m.problem, t),
            .p(.a(.href(ThinkTankRoute.agencies().url), .text(t(.thinkTankBackToAgencies)))),
            .h2(.text(a.name), .text(" "), statusBadge(m.record.libraryStatus, t)),
            .dl(.class("facts"),
                .dt(.text(t(.thinkTankAgencyType))), .dd(.text(t.term(m.record.type))),
                .dt(.text(t(.thinkTankCreditCode))), .dd(.text(a.creditCode)),
                .dt(.text(t(.thinkTankQualification))), .dd(.text(a.qualification)),
                .dt(.text(t(.thinkTankLevels))), .dd(.text(levelNames(a.levels, t))),
                .dt(.text(t(.thinkTankStaff))), .dd(.text(a.staff.map { $0.isEmpty ? "—" : $0.joined(separator: "、") } ?? t(.thinkTankNotLinked))),
                .dt(.text(t(.thinkTankLastReview))), .dd(.text(a.lastReview.map(String.init) ?? "—"))),
            .if(m.isManager, moveForm(action: ThinkTankRoute.agencyMove(.value(a.id)).url, moves: m.record.libraryStatus.moves, lockVersion: m.record.lockVersion,
                                      csrf: m.csrf, extra: admitting ? Components.textField(label: t(.thinkTankAgencyOrganization), name: "organizationCode",
                                                                                            hint: t(.thinkTankAgencyOrganizationHint)) : .empty, t)),
            engagementTable(m.engagements, manager: m.isManager, t),
            history(m.history, t)
        )
    }

    // MARK: supervisors, calls, proposals

    static func supervisors(bureau: OrganizationModel, list: [SupervisorModel], usernames: [UUID: String], isManager: Bool, csrf: String, done: String?,
                            problem: AppError?, _ t: Localizer) -> Body {
        .group(
            head(done: done, problem: problem, t),
            .p(.class("lead"), .text(t(.thinkTankSupervisorsIntro(bureau.name)))),
            list.isEmpty ? Components.notice(t(.thinkTankNoSupervisors)) :
            .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(t(.thinkTankName))), .th(.text(t(.thinkTankCategory))), .th(.text(t(.thinkTankEmployer))), .th(.text(t(.thinkTankAccount))))),
                .tbody(.forEach(list) { s in
                    .tr(.td(.text(s.name)), .td(.text(SupervisorCategory(rawValue: s.category).map { t.term($0) } ?? s.category)), .td(.text(s.employerName)),
                        .td(.text(s.userID.flatMap { usernames[$0] } ?? "—")))
                }))),
            .if(isManager, .form(.method(.post), .action(ThinkTankRoute.supervisors().url), .class("card"),
                Components.csrfField(csrf), .h2(.text(t(.thinkTankAddSupervisor))),
                Components.textField(label: t(.thinkTankName), name: "name", required: true),
                Components.selectField(label: t(.thinkTankCategory), name: "category", options: SupervisorCategory.allCases.map { ($0.rawValue, t.term($0)) }, selected: nil),
                Components.textField(label: t(.thinkTankEmployer), name: "employerName"),
                Components.textField(label: t(.thinkTankSupervisorAccount), name: "username", hint: t(.thinkTankSupervisorAccountHint)),
                .button(.type(.submit), .class("button primary"), .text(t(.thinkTankAdd)))))
        )
    }

    static func calls(_ calls: [LibraryCallModel], csrf: String, done: String?, problem: AppError?, _ t: Localizer) -> Body {
        .group(
            head(done: done, problem: problem, t),
            .p(.class("lead"), .text(t(.thinkTankCallsIntro))),
            .ul(.forEach(calls) { call in
                .li(.strong(.text(call.title)), .text(" — " + t(.thinkTankCloses(call.closesOn)) + " — "),
                    .a(.href(ThinkTankPublicRoute.apply(.value(call.key)).url), .text(ThinkTankPublicRoute.apply(.value(call.key)).url)))
            }),
            .form(.method(.post), .action(ThinkTankRoute.calls().url), .class("card"),
                Components.csrfField(csrf), .h2(.text(t(.thinkTankOpenCall))),
                Components.selectField(label: t(.thinkTankCallKind), name: "kind", options: [("expert", t(.thinkTankExpertsTitle)), ("agency", t(.thinkTankAgenciesTitle))], selected: "expert"),
                Components.textField(label: t(.thinkTankCallTitle), name: "title", required: true),
                .div(.class("field"), .label(.for("body"), .text(t(.thinkTankCallBody))), .textarea(.id("body"), .name("body"), .attribute(named: "rows", value: "4"))),
                Components.textField(label: t(.thinkTankClosesOn), name: "closesOn", type: .date, required: true),
                .button(.type(.submit), .class("button primary"), .text(t(.thinkTankPublishCall))))
        )
    }

    static func proposals(_ list: [ThinkTankDraws.Proposal], csrf: String, done: String?, problem: AppError?, _ t: Localizer) -> Body {
        .group(
            head(done: done, problem: problem, t),
            .p(.class("lead"), .text(t(.thinkTankProposalsIntro))),
            list.isEmpty ? Components.notice(t(.thinkTankNoProposals)) :
            .div(.forEach(list) { p in
                .form(.method(.post), .action(ThinkTankRoute.confirmProposal.url), .class("card"),
                    Components.csrfField(csrf), .input(.type(.hidden), .name("kind"), .value(p.kind.rawValue)), .input(.type(.hidden), .name("id"), .value(p.id.uuidString)),
                    .h3(.text(p.name)), .p(.text(p.basis)),
                    .div(.class("field"), .label(.for("reason-\(p.id)"), .text(t(.thinkTankReason))), .textarea(.id("reason-\(p.id)"), .name("reason"), .attribute(named: "rows", value: "2"))),
                    .button(.type(.submit), .class("button primary"), .text(t(.thinkTankConfirmSuspension))))
            })
        )
    }

    // MARK: an evaluation's team

    struct TeamModel {
        var evaluation: KeyEvaluationModel
        var draws: [(LibraryDrawModel, [StoredCandidate], StoredOutcome, Bool)]
        var engagements: [ThinkTankQueries.EngagementLine]
        var names: [UUID: String]
        var canRun: Bool
        /// Runners and library managers read why others were skipped and how members were rated; the team itself does not.
        var seesReasons: Bool
        /// Admitted experts without a conflict who may be added by hand.
        var available: [StoredCandidate]
        var csrf: String
        var done: String?
        var problem: AppError?
    }

    static func team(_ m: TeamModel, _ t: Localizer) -> Body {
        let e = m.evaluation
        let planning = e.evaluationState == .planning
        let rateable = [.reportSubmitted, .finalized].contains(e.evaluationState)
        return .group(
            head(done: m.done, problem: m.problem, t),
            .p(.a(.href(KeyEvaluationRoute.evaluation(.value(e.id!)).url), .text("← " + e.title))),
            .p(.class("lead"), .text(t(.thinkTankTeamIntro))),
            .if(m.canRun && planning, .form(.method(.post), .action(ThinkTankRoute.draw(.value(e.id!)).url), .class("card"),
                Components.csrfField(m.csrf), .input(.type(.hidden), .name("lock_version"), .value(String(e.lockVersion))),
                .h2(.text(t(.thinkTankDraw))),
                .div(.forEach(0..<3) { i in
                    .div(.class("inline-form"),
                         .label(.for("field-\(i)"), .text(t(.thinkTankField))),
                         .select(.id("field-\(i)"), .attribute(named: "name", value: "field[]"), Components.option(value: "", label: "—", selected: false),
                                 .forEach(fieldOptions(t)) { Components.option(value: $0.value, label: $0.label, selected: false) }),
                         .label(.for("count-\(i)"), .text(t(.thinkTankCount))),
                         Components.input([.type(.number), .id("count-\(i)"), .name("count[]"), .attribute(named: "min", value: "0"), .attribute(named: "max", value: "20")]))
                }),
                Components.textField(label: t(.thinkTankRegionCode), name: "regionCode", hint: t(.thinkTankDrawRegionHint)),
                .label(.class("check"), .input(.type(.checkbox), .name("agencies"), .value("1")), .text(" " + t(.thinkTankDrawAgency))),
                Components.selectField(label: t(.thinkTankAgencyType), name: "agencyType", options: AgencyType.allCases.map { ($0.rawValue, t.term($0)) },
                                       selected: nil, includeEmpty: t(.thinkTankAll)),
                .button(.type(.submit), .class("button primary"), .text(t(.thinkTankDrawButton))))),
            .forEach(m.draws) { draw in
                let (record, candidates, outcome, matches) = draw
                let names = Dictionary(candidates.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
                return .section(.class("card"),
                    .h2(.text(t(.thinkTankDrawRecord(DisplayTime.minute(record.occurredAt), record.requestedByName)))),
                    .p(.text(t(.thinkTankSeed(record.seed, candidates.count))), .text(" "),
                       Components.badge(matches ? t(.thinkTankReplayMatches) : t(.thinkTankReplayDiffers), kind: matches ? "ok" : "warning")),
                    .h3(.text(t(.thinkTankPicked))),
                    .ul(.forEach(outcome.picks) { p in .li(.text((names[p.id] ?? "") + "（" + fieldTitle(p.field, t) + "）")) }),
                    .h3(.text(t(.thinkTankExcluded(outcome.exclusions.count)))),
                    outcome.exclusions.isEmpty || !m.seesReasons ? .p(.text(outcome.exclusions.isEmpty ? "—" : t(.thinkTankExclusionsForRunners))) :
                    .ul(.forEach(outcome.exclusions) { x in .li(.text((names[x.id] ?? "") + "：" + x.rules.map { t.term($0) }.joined(separator: "、"))) }))
            },
            .h2(.text(t(.thinkTankEngagements))),
            m.engagements.isEmpty ? Components.notice(t(.thinkTankNoEngagements)) :
            .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(t(.thinkTankName))), .th(.text(t(.thinkTankHow))), .if(m.seesReasons, .th(.text(t(.thinkTankRating)))))),
                .tbody(.forEach(m.engagements) { line in
                    let g = line.engagement
                    return .tr(.td(.text((m.names[g.memberID] ?? "") + (g.memberKind == "agency" ? "（" + t(.thinkTankAgencyShort) + "）" : ""))),
                        .td(.text(how(g, reason: true, t))),
                        .if(m.seesReasons, .td(line.rating.map { r in .text("\(t(.thinkTankAttitude)) \(r.attitude) · \(t(.thinkTankAbility)) \(r.ability) · \(t(.thinkTankIntegrity)) \(r.integrity)") }
                            ?? (m.canRun && rateable && g.replacedBy == nil && g.source != "left" ? rateForm(e.id!, g.id!, csrf: m.csrf, t) : .text("—")))))
                }))),
            .if(m.canRun && planning, .form(.method(.post), .action(ThinkTankRoute.manual(.value(e.id!)).url), .class("card"),
                Components.csrfField(m.csrf), .h2(.text(t(.thinkTankAddByHand))), .p(.class("hint"), .text(t(.thinkTankAddByHandHint))),
                Components.selectField(label: t(.thinkTankExpertID), name: "expert",
                                       options: m.available.map { ($0.id.uuidString, $0.name + "（" + fieldNames($0.fields, t) + "）") }, selected: nil),
                Components.selectField(label: t(.thinkTankReplacing), name: "replacing",
                                       options: m.engagements.filter { $0.engagement.memberKind == "expert" && $0.engagement.replacedBy == nil && $0.engagement.source != "left" }
                                        .map { ($0.engagement.memberID.uuidString, m.names[$0.engagement.memberID] ?? "") }, selected: nil, includeEmpty: t(.thinkTankNobody)),
                .div(.class("field"), .label(.for("manual-reason"), .text(t(.thinkTankReason))), .textarea(.id("manual-reason"), .name("reason"), .attribute(named: "rows", value: "2"), .required(true))),
                .button(.type(.submit), .class("button"), .text(t(.thinkTankAdd)))))
        )
    }

    static func rateForm(_ evaluationID: UUID, _ engagementID: UUID, csrf: String, _ t: Localizer) -> Body {
        .form(.method(.post), .action(ThinkTankRoute.rate(.value(evaluationID), .value(engagementID)).url), .class("inline-form"),
            Components.csrfField(csrf),
            .forEach([("attitude", t(.thinkTankAttitude)), ("ability", t(.thinkTankAbility)), ("integrity", t(.thinkTankIntegrity))]) { name, label in
                .group(.label(.for("\(name)-\(engagementID)"), .text(label)),
                       .select(.id("\(name)-\(engagementID)"), .attribute(named: "name", value: name),
                               .forEach((1...5).reversed()) { Components.option(value: String($0), label: String($0), selected: false) }))
            },
            Components.input([.type(.text), .name("comment"), .attribute(named: "aria-label", value: t(.thinkTankComment)), .attribute(named: "placeholder", value: t(.thinkTankComment))]),
            .button(.type(.submit), .class("button"), .text(t(.thinkTankRate))))
    }

    // MARK: quality reviews

    static func reviews(bureau: OrganizationModel, year: Int, list: [ThinkTankReviews.Reviewable], lines: [QualityNoticeModel.Line], notice: QualityNoticeModel?,
                        csrf: String, done: String?, problem: AppError?, _ t: Localizer) -> Body {
        .group(
            head(done: done, problem: problem, t),
            .p(.class("lead"), .text(t(.thinkTankReviewsIntro(bureau.name, year)))),
            .form(.method(.get), .action(ThinkTankRoute.reviews().url), .class("inline-form"),
                .label(.for("year"), .text(t(.fieldFiscalYear))), Components.input([.type(.number), .id("year"), .name("year"), .value(String(year))]),
                .button(.type(.submit), .text(t(.thinkTankFilter)))),
            list.isEmpty ? Components.notice(t(.thinkTankNothingToReview)) :
            .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(t(.keyEvaluationTitle))), .th(.text(t(.keyEvaluationAgency))), .th(.text(t(.thinkTankScore))))),
                .tbody(.forEach(list) { item in
                    .tr(.td(.text(item.evaluation.title)), .td(.text(item.agencyName)),
                        .td(notice == nil ? .a(.href(ThinkTankRoute.review(.value(item.evaluation.id!)).url), .text(item.review.map { String($0.total) + " · " + t(.thinkTankRevise) } ?? t(.thinkTankReviewNow)))
                            : .text(item.review.map { String($0.total) } ?? "—")))
                }))),
            .h2(.text(t(.thinkTankYearly))),
            lines.isEmpty ? Components.notice(t(.thinkTankNoResults)) :
            .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(t(.keyEvaluationAgency))), .th(.text(t(.thinkTankReviewsCount))), .th(.text(t(.thinkTankScore))), .th(.text(t(.thinkTankGrade))),
                           .th(.text(t(.thinkTankEntrustment))))),
                .tbody(.forEach(lines) { l in
                    .tr(.td(.text(l.agency)), .td(.class("number"), .text(String(l.reviews))), .td(.class("number"), .text(l.score)), .td(.text(l.grade)),
                        .td(.text(l.excluded ? t(.thinkTankExcludedFromEntrustment) : t(.thinkTankMayBeEntrusted))))
                }))),
            notice.map { n in
                .p(Components.badge(t(.thinkTankPublished(DisplayTime.minute(n.publishedAt))), kind: "ok"), .text(" "),
                   .a(.href(ThinkTankPublicRoute.notice(.value(bureau.code), .value(year)).url), .text(t(.thinkTankPublicNotice))))
            } ?? (lines.isEmpty ? .empty : .form(.method(.post), .action(ThinkTankRoute.publish.url), .class("card"),
                Components.csrfField(csrf), .input(.type(.hidden), .name("year"), .value(String(year))),
                .p(.text(t(.thinkTankPublishHint))),
                .button(.type(.submit), .class("button primary"), .attribute(named: "data-confirm", value: t(.thinkTankPublishConfirm)), .text(t(.thinkTankPublish)))))
        )
    }

    static func review(_ item: ThinkTankReviews.Reviewable, written: Int, of sections: Int, published: Bool, csrf: String, problem: AppError?, _ t: Localizer) -> Body {
        let previous = Dictionary(uniqueKeysWithValues: (item.review?.entries ?? []).map { ($0.criterion, $0) })
        return .group(
            head(done: nil, problem: problem, t),
            .p(.a(.href(ThinkTankRoute.reviews(year: item.evaluation.fiscalYear).url), .text(t(.thinkTankBackToReviews)))),
            .h2(.text(item.evaluation.title + " — " + item.agencyName)),
            .p(.a(.href(KeyEvaluationRoute.report(.value(item.evaluation.id!)).url), .text(t(.thinkTankReadReport)))),
            .p(.class("hint"), .text(t(.thinkTankSectionsWritten(written, sections, ReportQualityReview.suggestedCompleteness(writtenSections: written, of: sections))))),
            .if(published, Components.notice(t(.errorThinkTankReviewPublished(item.evaluation.fiscalYear)), kind: "warning")),
            .if(published, .ul(.forEach(item.review?.entries ?? []) { e in .li(.text("\(t.term(e.criterion))：\(e.points)" + (e.finding.isEmpty ? "" : " — " + e.finding))) })),
            .if(!published, .form(.method(.post), .action(ThinkTankRoute.review(.value(item.evaluation.id!)).url), .class("card"),
                Components.csrfField(csrf),
                .forEach(QualityCriterion.allCases) { c in
                    .fieldset(.class("field"), .element(named: "legend", text: "\(t.term(c))（\(c.maximum)）"),
                        .label(.for("points-\(c.rawValue)"), .text(t(.thinkTankPoints))),
                        Components.input([.type(.number), .id("points-\(c.rawValue)"), .name("points[\(c.rawValue)]"), .attribute(named: "min", value: "0"),
                                          .attribute(named: "max", value: String(c.maximum)), .value(previous[c].map { String($0.points) } ?? String(c.maximum)), .required(true)]),
                        .label(.for("finding-\(c.rawValue)"), .text(t(.thinkTankFinding))),
                        .textarea(.id("finding-\(c.rawValue)"), .name("finding[\(c.rawValue)]"), .attribute(named: "rows", value: "2"), .text(previous[c]?.finding ?? "")))
                },
                .button(.type(.submit), .class("button primary"), .text(t(.thinkTankSaveReview)))))
        )
    }
}
