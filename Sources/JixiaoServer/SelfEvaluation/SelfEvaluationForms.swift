import Fluent
import Foundation
import SQLKit
import Vapor
import JixiaoDomain

/// What a unit (or a reviewer re-scoring it) sends for one indicator row. Nil leaves a field as it is.
struct EvaluationRowInput: Codable, Sendable {
    var indicatorID: UUID
    /// 实际完成值 as typed ("88%", "4604", "2027年10月31日").
    var actual: String?
    /// For a qualitative indicator: the band's key (`QualitativeBand`) and the points inside it.
    var band: String?
    var bandPoints: String?
    /// 不适用 with its reason; an empty reason with `notApplicable` true is kept and demanded before submission.
    var notApplicable: Bool?
    var notApplicableReason: String?
    /// Why a positive indicator ended at or above the over-achievement threshold (`OverCauseKey`).
    var overCause: String?
    /// The evaluator's points where the rule asks for them (a late deadline, a target set too low), with the reason.
    var chosenPoints: String?
    var chosenReason: String?
    /// A score over the rule, with the reason: shown as an override everywhere.
    var overridePoints: String?
    var overrideReason: String?
    /// 偏差原因分析及改进措施.
    var explanation: String?
}

/// What a unit sends for its self-evaluation.
struct EvaluationInput: Sendable {
    var lockVersion: Int
    var fullYearBudget: String?
    var executed: String?
    var narrative: String?
    var rows: [EvaluationRowInput]?
    var reassignments: [GroupReassignment]?
}

/// A self-evaluation with everything its page and the API show.
struct EvaluationDetail: Sendable {
    var year: EvaluationYearRow
    var evaluation: EvaluationRow
    var rows: [EvaluationIndicatorRow]
    var evaluated: EvaluatedForm
    var history: [TransitionRow]
}

/// 单位自评 use cases: read one, save what the unit fills in (scored again on the server every time), move it through
/// unit → department → finance. Each takes a `Caller`.
enum SelfEvaluationForms {
    static func load(_ id: UUID, by caller: Caller, on db: any Database) async throws -> EvaluationDetail {
        guard let evaluation = try await EvaluationRow.find(id, on: db) else { throw AppError.notFound() }
        if !caller.reaches(.viewBudget, evaluation.target) {
            // An agency entrusted with re-evaluating it reaches exactly this form (the foundation's assignment rule).
            struct Agency: Decodable { var agency_id: UUID? }
            let agencies = try await db.sql.select().column("agency_id").from(SelfEvaluationTables.reevaluations)
                .where("evaluation_id", .equal, SQLBind(id)).all(decoding: Agency.self).compactMap(\.agency_id)
            try await caller.authorizeObjectRead(evaluation.budget_object_id, evaluation.target, extraAgencies: Set(agencies), on: db)
        }
        guard let year = try await EvaluationYearRow.find(evaluation.year_id, on: db) else { throw AppError.notFound() }
        let rows = try await EvaluationIndicatorRow.of(id, on: db)
        let history = try await db.sql.select().columns("action", "from_state", "to_state", "late", "actor_name", "opinion", "occurred_at")
            .from(SelfEvaluationTables.transitions).where("evaluation_id", .equal, SQLBind(id)).orderBy("occurred_at").all(decoding: TransitionRow.self)
        return EvaluationDetail(year: year, evaluation: evaluation, rows: rows, evaluated: EvaluatedForm(evaluation, rows: rows), history: history)
    }

    // MARK: saving

    static func save(_ id: UUID, _ input: EvaluationInput, by caller: Caller, on db: any Database) async throws -> EvaluationDetail {
        let user = try caller.person()
        let detail = try await load(id, by: caller, on: db)
        var evaluation = detail.evaluation
        try caller.authorize(.reportEvaluation, evaluation.target)
        guard user.organizationID == evaluation.assignee_id else { throw AppError(.forbidden, "evaluation_not_assignee", Message(.errorEvaluationNotAssignee)) }
        guard detail.year.yearState == .open else { throw AppError(.conflict, "evaluation_year_not_open", Message(.errorEvaluationYearNotOpen)) }
        guard evaluation.evaluationState.isEditable else {
            throw AppError(.conflict, "evaluation_not_editable", Message(.errorEvaluationNotEditable(evaluation.evaluationState.text)))
        }
        var errors: [AppError] = []
        func amount(_ text: String?, _ field: String, current: Int64?) -> Int64? {
            guard let text else { return current }
            guard !text.trimmed.isEmpty else { return nil }
            do { return try Money(wanYuan: text).fen } catch {
                errors.append(.invalid(field, Message(error == .negative(text) ? .errorEvaluationAmountNegative : .errorMoney)))
                return current
            }
        }
        evaluation.full_year_budget_fen = amount(input.fullYearBudget, "fullYearBudget", current: evaluation.full_year_budget_fen) ?? evaluation.initial_budget_fen
        evaluation.executed_fen = amount(input.executed, "executed", current: evaluation.executed_fen)
        if let narrative = input.narrative { evaluation.narrative = String(narrative.trimmed.prefix(InputLimits.longText)) }
        if let reassignments = input.reassignments {
            evaluation.reassignments = String(decoding: try MonitoringRuleStore.encoder.encode(reassignments), as: UTF8.self)
        }
        var rows = detail.rows
        if let inputs = input.rows {
            let positions = Dictionary(rows.enumerated().map { ($0.element.indicator_id, $0.offset) }, uniquingKeysWith: { first, _ in first })
            var seen: Set<UUID> = []
            for (index, item) in inputs.enumerated() {
                guard let position = positions[item.indicatorID], seen.insert(item.indicatorID).inserted else {
                    errors.append(.invalid("rows[\(index + 1)]", Message(.errorUnknownIndicator(index + 1))))
                    continue
                }
                errors += merge(item, into: &rows[position], row: position + 1)
            }
        }
        // A group handed over while all its rows were 不适用 needs no hand-over once one applies again: dropped, rather than
        // refusing every later save.
        let stale = evaluation.groupReassignments.filter { reassignment in
            rows.contains { $0.indicatorCategory == reassignment.from && $0.not_applicable_reason == nil }
        }
        if !stale.isEmpty, input.reassignments == nil {
            let kept = evaluation.groupReassignments.filter { candidate in !stale.contains(candidate) }
            evaluation.reassignments = String(decoding: try MonitoringRuleStore.encoder.encode(kept), as: UTF8.self)
        }
        // Every problem at once: the money's and each row's, read and scored together.
        let evaluated = EvaluatedForm(evaluation, rows: rows)
        errors += evaluated.rowErrors
        if !errors.isEmpty { throw FormErrors(errors: errors) }
        let saved = evaluation, savedRows = rows
        try await db.transaction { db in
            try await store(saved, rows: savedRows, evaluated: evaluated, lockVersion: input.lockVersion, now: caller.now, on: db)
            try await AuditTrail.record("self_evaluation.saved", entityType: "self_evaluation", entityID: id.uuidString.lowercased(),
                                        summary: "object=\(saved.object_code) executed=\(saved.executed_fen.map { Money(fen: $0).wanYuanText } ?? "-") total=\(evaluated.score?.totalText ?? "-") findings=\(evaluated.findings.count)",
                                        context: caller.audit, on: db)
        }
        return try await load(id, by: caller, on: db)
    }

    /// Writes a form and its rows with the score just computed, if nobody saved in between (`lockVersion`).
    static func store(_ evaluation: EvaluationRow, rows: [EvaluationIndicatorRow], evaluated: EvaluatedForm, lockVersion: Int, now: Date,
                      on db: any Database) async throws {
        struct Row: Decodable { var id: UUID }
        let stored = try StoredScore(evaluated, rowCount: rows.count)
        let claimed = try await db.sql.update(SelfEvaluationTables.evaluations)
            .set("full_year_budget_fen", to: SQLBind(evaluation.full_year_budget_fen)).set("executed_fen", to: SQLBind(evaluation.executed_fen))
            .set("narrative", to: SQLBind(evaluation.narrative)).set("reassignments", to: SQLBind(evaluation.reassignments))
            .set("printed_rate", to: SQLBind(evaluation.printed_rate)).set("printed_budget_points", to: SQLBind(evaluation.printed_budget_points))
            .set("printed_total", to: SQLBind(evaluation.printed_total)).set("source", to: SQLBind(evaluation.source))
            .set("budget_points", to: SQLBind(stored.budgetPoints)).set("total", to: SQLBind(stored.total))
            .set("total_cents", to: SQLBind(stored.totalCents)).set("grade", to: SQLBind(stored.grade))
            .set("finding_count", to: SQLBind(stored.findingCount)).set("findings", to: SQLBind(stored.findings))
            .set("lock_version", to: SQLRaw("lock_version + 1")).set("updated_at", to: SQLBind(now))
            .where("id", .equal, SQLBind(evaluation.id)).where("lock_version", .equal, SQLBind(lockVersion))
            .returning("id").all(decoding: Row.self)
        guard claimed.count == 1 else { throw AppError(.conflict, "evaluation_conflict", Message(.errorEvaluationConflict)) }
        try await db.sql.delete(from: SelfEvaluationTables.rows).where("evaluation_id", .equal, SQLBind(evaluation.id)).run()
        guard !rows.isEmpty else { return }
        var insert = db.sql.insert(into: SelfEvaluationTables.rows).columns(EvaluationIndicatorRow.columns)
        for (index, row) in rows.enumerated() {
            let points = stored.rowPoints[index]
            insert = insert.values(SQLBind(evaluation.id), SQLBind(row.indicator_id), SQLBind(index), SQLBind(row.category), SQLBind(row.subcategory),
                                   SQLBind(row.name), SQLBind(row.target_text), SQLBind(row.weight), SQLBind(row.actual_text), SQLBind(row.band),
                                   SQLBind(row.band_points), SQLBind(row.not_applicable_reason), SQLBind(row.over_cause), SQLBind(row.chosen_points),
                                   SQLBind(row.chosen_reason), SQLBind(row.override_points), SQLBind(row.override_reason), SQLBind(row.explanation),
                                   SQLBind(row.last_forecast), SQLBind(row.printed_points), SQLBind(points))
        }
        try await insert.run()
        // The year's check reads these rows from their compact copy, kept here at the version the rows now have.
        try await SelfEvaluationBulkRead.keepCurrent(evaluation.id, bytes: SelfEvaluationBulkRead.compactBytes(evaluated, points: stored.rowPoints), on: db)
    }

    /// Hundredths of a point, half-up: how lists sort and sum scores.
    static func cents(_ value: Decimal) -> Int {
        var input = value * 100, rounded = Decimal()
        NSDecimalRound(&rounded, &input, 0, .plain)
        return NSDecimalNumber(decimal: rounded).intValue
    }

    /// Applies what the unit sent for one row; returns what cannot be read.
    static func merge(_ item: EvaluationRowInput, into row: inout EvaluationIndicatorRow, row number: Int) -> [AppError] {
        var errors: [AppError] = []
        let field = "rows[\(number)]"
        func text(_ value: String?, _ limit: Int = InputLimits.shortText) -> String? { value.map { String($0.trimmed.prefix(limit)) } }
        func optional(_ value: String?) -> String?? {
            guard let value else { return .none }
            let trimmed = String(value.trimmed.prefix(InputLimits.note))
            return .some(trimmed.isEmpty ? nil : trimmed)
        }
        if let actual = text(item.actual) { row.actual_text = actual }
        if let band = item.band {
            if band.trimmed.isEmpty { row.band = nil }
            else if QualitativeBand(rawValue: band.trimmed) != nil { row.band = band.trimmed }
            else { errors.append(.invalid("\(field).band", Message(.errorEvaluationBandRequired(number)))) }
        }
        if case .some(let points) = optional(item.bandPoints) { row.band_points = points }
        if let notApplicable = item.notApplicable {
            row.not_applicable_reason = notApplicable ? String((item.notApplicableReason ?? row.not_applicable_reason ?? "").trimmed.prefix(InputLimits.note)) : nil
        } else if let reason = item.notApplicableReason, row.not_applicable_reason != nil {
            row.not_applicable_reason = String(reason.trimmed.prefix(InputLimits.note))
        }
        if let cause = item.overCause {
            if cause.trimmed.isEmpty { row.over_cause = nil }
            else if OverCauseKey(rawValue: cause.trimmed) != nil { row.over_cause = cause.trimmed }
            else { errors.append(.invalid("\(field).overCause", Message(.errorEvaluationOverCause(number, row.name)))) }
        }
        for (value, name) in [(item.chosenPoints, "chosenPoints"), (item.overridePoints, "overridePoints"), (item.bandPoints, "bandPoints")] {
            if let value, !value.trimmed.isEmpty, Decimal(pointsText: value) == nil { errors.append(.invalid("\(field).\(name)", Message(.errorEvaluationPoints(number)))) }
        }
        if case .some(let points) = optional(item.chosenPoints) { row.chosen_points = points }
        if case .some(let reason) = optional(item.chosenReason) { row.chosen_reason = reason }
        if case .some(let points) = optional(item.overridePoints) { row.override_points = points }
        if case .some(let reason) = optional(item.overrideReason) { row.override_reason = reason }
        if let explanation = text(item.explanation, InputLimits.note) { row.explanation = explanation }
        return errors
    }

    // MARK: workflow

    static func apply(_ action: MonitoringAction, to id: UUID, lockVersion: Int, by caller: Caller, on db: any Database) async throws -> EvaluationDetail {
        let user = try caller.person()
        let detail = try await load(id, by: caller, on: db)
        let evaluation = detail.evaluation
        try caller.authorize(action == .submit ? .reportEvaluation : .reviewEvaluation, evaluation.target)
        if action.isFinanceStep {
            // Finance's step belongs to the bureau that opened the year (or one above it), never to the organisation that
            // filled the form in.
            guard caller.reaches(.reviewEvaluation, detail.year.target) else { throw AppError.forbidden() }
            guard user.organizationID != evaluation.assignee_id else {
                throw AppError(.forbidden, "own_submission", Message(.errorEvaluationOwnSubmission))
            }
        }
        let reaching = user.roles.filter { Authorization.reaches($0, actor: user.actor, target: evaluation.target) }
        let today = CalendarDay(chinaDay: caller.now)
        let result: MonitoringTransition
        do {
            result = try MonitoringWorkflow.transition(action, from: evaluation.evaluationState, roles: reaching, round: detail.year.yearState,
                                                       deadline: detail.year.deadlineDay, today: today, assignee: evaluation.assignee,
                                                       isAssignee: user.organizationID == evaluation.assignee_id,
                                                       callerSubmitted: evaluation.submitted_by == user.userID)
        } catch {
            var refusal = error.evaluationError
            refusal.auditNote = "self_evaluation=\(id.uuidString.lowercased()) action=\(action.name) refused=\(error)"
            throw refusal
        }
        if action == .submit {
            let demands = detail.evaluated.demands(evaluation, rows: detail.rows)
            if !demands.isEmpty {
                throw FormErrors(errors: demands, summary: ("evaluation_incomplete", Message(.errorEvaluationSubmission(demands.count))))
            }
        }
        let opinion: String = switch action {
        case .departmentReturn(let text), .financeReturn(let text): String(text.trimmed.prefix(InputLimits.note))
        default: ""
        }
        try await db.transaction { db in
            struct Row: Decodable { var id: UUID }
            var update = db.sql.update(SelfEvaluationTables.evaluations).set("state", to: SQLBind(result.newState.rawValue))
                .set("lock_version", to: SQLRaw("lock_version + 1")).set("updated_at", to: SQLBind(caller.now))
            if action == .submit {
                update = update.set("late", to: SQLBind(result.late)).set("submitted_by", to: SQLBind(user.userID)).set("submitted_at", to: SQLBind(caller.now))
            }
            let claimed = try await update.where("id", .equal, SQLBind(id)).where("lock_version", .equal, SQLBind(lockVersion))
                .returning("id").all(decoding: Row.self)
            guard claimed.count == 1 else { throw AppError(.conflict, "evaluation_conflict", Message(.errorEvaluationConflict)) }
            try await db.sql.insert(into: SelfEvaluationTables.transitions)
                .columns("id", "evaluation_id", "action", "from_state", "to_state", "late", "actor_user_id", "actor_name", "opinion", "occurred_at")
                .values(SQLBind(UUID.timeOrdered(at: caller.now)), SQLBind(id), SQLBind(action.name), SQLBind(evaluation.state),
                        SQLBind(result.newState.rawValue), SQLBind(result.late), SQLBind(user.userID), SQLBind(user.displayName),
                        SQLBind(opinion), SQLBind(caller.now))
                .run()
            try await AuditTrail.record("self_evaluation.\(action.name)", entityType: "self_evaluation", entityID: id.uuidString.lowercased(),
                                        summary: "object=\(evaluation.object_code) \(evaluation.state)→\(result.newState.rawValue)\(result.late ? " late" : "") total=\(detail.evaluated.score?.totalText ?? "-") opinion=\(opinion)",
                                        context: caller.audit, on: db)
        }
        return try await load(id, by: caller, on: db)
    }
}

extension MonitoringWorkflowError {
    /// The same refusals as a monitoring task's, in the words of a self-evaluation.
    var evaluationError: AppError {
        switch self {
        case .notAllowed(let action, let from):
            AppError(.conflict, "transition_not_allowed", Message(.errorTransitionNotAllowed(MonitoringAction.title(of: action), from.text)))
        case .roleNotPermitted: .forbidden()
        case .opinionRequired: .invalid("opinion", Message(.errorEvaluationOpinionRequired))
        case .roundNotOpen: AppError(.conflict, "evaluation_year_not_open", Message(.errorEvaluationYearNotOpen))
        case .notAssignee: AppError(.forbidden, "evaluation_not_assignee", Message(.errorEvaluationNotAssignee))
        case .ownSubmission: AppError(.forbidden, "own_submission", Message(.errorEvaluationOwnSubmission))
        }
    }
}

extension MonitoringAction {
    /// An action's name for people, from the name a form or the API sends.
    static func title(of name: String) -> TextKey {
        switch name {
        case "submit": .selfEvaluationSubmit
        case "department_confirm", "finance_confirm": .confirmReport
        default: .returnReport
        }
    }
}
