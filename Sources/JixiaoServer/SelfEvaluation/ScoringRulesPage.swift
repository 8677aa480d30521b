import Fluent
import Plot
import SQLKit
import Vapor
import JixiaoDomain

/// 评分规则 of a fiscal year as a page: the rules in force where the person works (the policy's, or the nearest bureau's
/// newest version), the versions its own bureau saved, and — for a bureau's performance office — a form that saves a new
/// version. Years already opened keep the version they copied; the page says so.
struct ScoringRulesModel: Sendable {
    struct Version: Decodable, Sendable {
        var version: Int; var rules: String; var created_by_name: String; var created_at: Date
        var ruleSet: ScoringRuleSet? { try? JSONDecoder().decode(ScoringRuleSet.self, from: Data(rules.utf8)) }
    }
    /// A year opened with one of the bureau's versions (its own, or a bureau below that follows it).
    struct YearUsing: Decodable, Sendable { var id: UUID; var rules_version: Int; var name: String }

    var fiscalYear: Int
    var inForce: ScoringRulesStoreView
    var versions: [Version]
    /// By version: the opened years of the fiscal year scored by it.
    var yearsUsing: [Int: [YearUsing]] = [:]
    var canEdit: Bool
    var draft: ScoringRulesForm?
    var problem: AppError?
    var fieldErrors: [String: Message] = [:]
    var notice: String?
    var csrfToken: String

    static func load(year: Int, for caller: Caller, on db: any Database) async throws -> ScoringRulesModel {
        let user = try caller.person()
        guard Authorization.mayEver(user.actor, .viewBudget) else { throw AppError.notFound() }
        let inForce = try await ScoringRuleStore.inForce(at: user.organizationPath, fiscalYear: year, on: db)
        var ownerName: String?
        if let owner = inForce.ownerID { ownerName = try await OrganizationModel.find(owner, on: db)?.name }
        let canEdit = user.organizationKind == .financeBureau && user.roles.contains(.performanceOfficer) && Authorization.mayEver(user.actor, .runEvaluation)
        let versions = user.organizationKind == .financeBureau
            ? try await db.sql.select().columns("version", "rules", "created_by_name", "created_at").from(SelfEvaluationTables.ruleSets)
                .where("organization_id", .equal, SQLBind(user.organizationID)).where("fiscal_year", .equal, SQLBind(year))
                .orderBy("version", .descending).all(decoding: Version.self)
            : []
        // Which years already opened keep which version: what a new version will not change.
        let using = versions.isEmpty ? [] : try await db.sql.select()
            .column(SQLColumn("id", table: "y")).column(SQLColumn("rules_version", table: "y")).column(SQLColumn("name", table: "o"))
            .from(SQLAlias(SQLIdentifier(SelfEvaluationTables.years), as: SQLIdentifier("y")))
            .join(SQLAlias(SQLIdentifier(OrganizationModel.schema), as: SQLIdentifier("o")), on: SQLColumn("id", table: "o"), .equal, SQLColumn("organization_id", table: "y"))
            .where(SQLColumn("rules_owner_id", table: "y"), .equal, SQLBind(user.organizationID))
            .where(SQLColumn("fiscal_year", table: "y"), .equal, SQLBind(year))
            .orderBy(SQLColumn("organization_path", table: "y")).all(decoding: ScoringRulesModel.YearUsing.self)
        return ScoringRulesModel(fiscalYear: year, inForce: ScoringRulesStoreView(rules: inForce.rules, version: inForce.version, ownerName: ownerName),
                                 versions: versions, yearsUsing: Dictionary(grouping: using, by: \.rules_version), canEdit: canEdit,
                                 csrfToken: user.csrfToken ?? "")
    }
}

/// The rules in force and whose they are.
struct ScoringRulesStoreView: Sendable {
    var rules: ScoringRuleSet
    var version: Int
    var ownerName: String?
}

/// What the form sends, as typed: kept on refusal.
struct ScoringRulesForm: Content, Sendable {
    var budget_weight: String?
    var over_achievement_percent: String?
    var late_share_percent: String?
    var late_grace_months: String?
    var execution_divisor: String?

    init(_ rules: ScoringRuleSet) {
        budget_weight = rules.budgetWeight.storedText; over_achievement_percent = rules.overAchievementPercent.storedText
        late_share_percent = rules.lateSharePercent.storedText; late_grace_months = String(rules.lateGraceMonths)
        execution_divisor = rules.executionDivisor.rawValue
    }

    /// The rule set typed, each field that does not read named (the domain then checks the ranges).
    func ruleSet() throws -> ScoringRuleSet {
        var errors: [AppError] = []
        // "10%" is what a percentage field invites, and "-1" is a number out of range (the domain says which range),
        // not "not a number".
        func number(_ text: String?, _ field: String) -> Decimal {
            var typed = (text ?? "").trimmed
            if typed.hasSuffix("%") || typed.hasSuffix("％") { typed = String(typed.dropLast()).trimmed }
            let negative = typed.hasPrefix("-") || typed.hasPrefix("－")
            if negative { typed = String(typed.dropFirst()) }
            guard let value = Decimal(pointsText: typed) else { errors.append(.invalid(field, Message(.errorScoringNumber))); return 0 }
            return negative ? -value : value
        }
        let months = Int((late_grace_months ?? "").trimmed)
        if months == nil { errors.append(.invalid("late_grace_months", Message(.errorScoringLateGrace))) }
        let divisor = ExecutionDivisor(rawValue: execution_divisor ?? "")
        if divisor == nil { errors.append(.invalid("execution_divisor", Message(.errorScoringDivisor))) }
        let rules = ScoringRuleSet(budgetWeight: number(budget_weight, "budget_weight"), overAchievementPercent: number(over_achievement_percent, "over_achievement_percent"),
                                   lateSharePercent: number(late_share_percent, "late_share_percent"), lateGraceMonths: months ?? 0,
                                   executionDivisor: divisor ?? .fullYearBudget)
        // Every problem at once: the domain's ranges for the fields that read (the page names fields in snake case).
        let unread = Set(errors.compactMap(\.field))
        errors += rules.check().map(\.appError).compactMap { error in
            var renamed = error
            renamed.field = error.field.map(Self.pageField)
            return renamed.field.map { unread.contains($0) } == true ? nil : renamed
        }
        if !errors.isEmpty { throw FormErrors(errors: errors) }
        return rules
    }

    static func pageField(_ apiField: String) -> String {
        switch apiField {
        case "budgetWeight": "budget_weight"
        case "overAchievementPercent": "over_achievement_percent"
        case "lateSharePercent": "late_share_percent"
        case "lateGraceMonths": "late_grace_months"
        default: apiField
        }
    }
}

struct ScoringRulesView {
    let model: ScoringRulesModel
    let t: Localizer

    private func divisorText(_ divisor: ExecutionDivisor) -> String {
        t(divisor == .fullYearBudget ? .rulesDivisorFullYear : .rulesDivisorInitial)
    }

    private func lateText(_ rules: ScoringRuleSet) -> String {
        rules.lateGraceMonths == 0 ? t(.rulesLateNoGrace) : t(.rulesLateShareValue(ScoreArithmetic.number(rules.lateSharePercent), rules.lateGraceMonths))
    }

    private func field(_ name: String, _ label: String, _ value: String?, hint: String, numeric: String = "decimal") -> Node<HTML.FormContext> {
        let error: Node<HTML.FormContext> = model.fieldErrors[name].map { .p(.class("field-error"), .id(name + "-error"), .text(t($0))) } ?? .empty
        return .div(.class("field"),
            .label(.for(name), .text(label)),
            .input(.type(.text), .id(name), .name(name), .value(value ?? ""), .attribute(named: "inputmode", value: numeric),
                   .attribute(named: "aria-describedby", value: name + "-hint" + (model.fieldErrors[name] == nil ? "" : " " + name + "-error")),
                   .attribute(named: "aria-invalid", value: model.fieldErrors[name] == nil ? "false" : "true")),
            .p(.class("hint"), .id(name + "-hint"), .text(hint)),
            error)
    }

    private var current: Node<HTML.BodyContext> {
        let rules = model.inForce.rules
        let whose = model.inForce.version == 0 ? t(.rulesPolicyLabel) : t(.rulesVersionLabel(model.inForce.version)) + " · " + (model.inForce.ownerName ?? "")
        let late = lateText(rules)
        return .section(.class("card"),
            .h2(.text(t(.rulesInForce(model.fiscalYear)))),
            .p(.text(whose)),
            .table(.class("data"), .tbody(
                .tr(.th(.text(t(.rulesBudgetWeight))), .td(.text(ScoreArithmetic.number(rules.budgetWeight)))),
                .tr(.th(.text(t(.rulesOverAchievement))), .td(.text(ScoreArithmetic.number(rules.overAchievementPercent) + "%"))),
                .tr(.th(.text(t(.rulesLateShare))), .td(.text(late))),
                .tr(.th(.text(t(.rulesDivisor))), .td(.text(divisorText(rules.executionDivisor)))))))
    }

    /// Each version with its values, who saved it when, and the opened years it scores — so that an auditor sees what
    /// changed from one version to the next and which forms each one governs.
    private var versions: Node<HTML.BodyContext> {
        guard !model.versions.isEmpty else { return .empty }
        func values(_ version: ScoringRulesModel.Version) -> [Node<HTML.TableRowContext>] {
            guard let rules = version.ruleSet else { return [.td(.attribute(named: "colspan", value: "4"), .text("—"))] }
            return [.td(.class("num"), .text(ScoreArithmetic.number(rules.budgetWeight))),
                    .td(.class("num"), .text(ScoreArithmetic.number(rules.overAchievementPercent) + "%")),
                    .td(.class("words"), .text(lateText(rules))),
                    .td(.text(divisorText(rules.executionDivisor)))]
        }
        func years(_ version: Int) -> Node<HTML.BodyContext> {
            let using = model.yearsUsing[version] ?? []
            guard !using.isEmpty else { return .text("—") }
            return .ul(.class("plain"), .forEach(using) { year in
                .li(.a(.href(SelfEvaluationRoute.year(.value(year.id)).url), .text(t(.rulesYearOf(year.name, model.fiscalYear)))))
            })
        }
        return .section(.h2(.text(t(.rulesVersions))),
            .div(.class("table-scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(t(.rulesVersionColumn))), .th(.text(t(.rulesBudgetWeight))), .th(.text(t(.rulesOverAchievement))),
                           .th(.text(t(.rulesLateShare))), .th(.text(t(.rulesDivisor))), .th(.text(t(.rulesSavedColumn))), .th(.text(t(.rulesUsedByColumn))))),
                .tbody(.forEach(model.versions) { version in
                    .tr(.td(.text(t(.rulesVersionLabel(version.version)))), .group(values(version)),
                        .td(.text(version.created_by_name + " · " + DisplayTime.minute(version.created_at))), .td(.class("words"), years(version.version)))
                }))))
    }

    private var editForm: Node<HTML.BodyContext> {
        guard model.canEdit else { return .empty }
        let form = model.draft ?? ScoringRulesForm(model.inForce.rules)
        let divisorError: Node<HTML.FormContext> = model.fieldErrors["execution_divisor"].map { .p(.class("field-error"), .id("execution_divisor-error"), .text(t($0))) } ?? .empty
        let divisor: Node<HTML.FormContext> = .div(.class("field"),
            .label(.for("execution_divisor"), .text(t(.rulesDivisor))),
            .select(.id("execution_divisor"), .attribute(named: "name", value: "execution_divisor"),
                    .attribute(named: "aria-invalid", value: model.fieldErrors["execution_divisor"] == nil ? "false" : "true"),
                    .attribute(named: "aria-describedby", value: model.fieldErrors["execution_divisor"] == nil ? "" : "execution_divisor-error"),
                .forEach(ExecutionDivisor.allCases) { divisor in
                    Components.option(value: divisor.rawValue, label: divisorText(divisor), selected: form.execution_divisor == divisor.rawValue)
                }),
            divisorError)
        return .form(.method(.post), .action(SelfEvaluationRoute.rules(year: model.fiscalYear).url), .class("card"),
            Components.csrfField(model.csrfToken),
            .h2(.text(t(.rulesSaveTitle(model.fiscalYear)))),
            .p(.class("hint"), .text(t(.rulesSaveHint))),
            field("budget_weight", t(.rulesBudgetWeight), form.budget_weight, hint: t(.rulesBudgetWeightHint)),
            field("over_achievement_percent", t(.rulesOverAchievementPercent), form.over_achievement_percent, hint: t(.rulesOverAchievementHint)),
            field("late_share_percent", t(.rulesLateSharePercent), form.late_share_percent, hint: t(.rulesLateShareHint)),
            field("late_grace_months", t(.rulesLateGrace), form.late_grace_months, hint: t(.rulesLateGraceHint), numeric: "numeric"),
            divisor,
            .button(.type(.submit), .text(t(.rulesSaveButton))))
    }

    var body: Node<HTML.BodyContext> {
        let notice: Node<HTML.BodyContext> = model.notice.map { Components.notice($0, kind: "success") } ?? .empty
        let problem: Node<HTML.BodyContext> = model.problem.map { Components.problem($0, t) } ?? .empty
        let chooser: Node<HTML.BodyContext> = .form(.method(.get), .action(SelfEvaluationRoute.rules().url), .class("inline"),
            .label(.for("year"), .text(t(.fieldFiscalYear))),
            .input(.type(.number), .id("year"), .name("year"), .value(String(model.fiscalYear)), .attribute(named: "min", value: "2000"),
                   .attribute(named: "max", value: "2100")),
            .button(.type(.submit), .text(t(.rulesShow))))
        return .group(
            .p(.a(.href(SelfEvaluationRoute.years().url), .text(t(.selfEvaluationBackToYears)))),
            .p(.class("lead"), .text(t(.rulesIntro))),
            chooser, notice, problem, current, versions, editForm)
    }
}
