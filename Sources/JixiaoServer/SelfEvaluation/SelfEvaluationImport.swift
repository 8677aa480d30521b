import Fluent
import Foundation
import SQLKit
import Vapor
import JixiaoDomain

/// 自评表导入 — units (or their department) load the 自评表 they keep in Excel, as they published them: one form or many,
/// in the standard layout or a province's variant. What the sheet printed (points, execution rate, total) is kept beside
/// what the rule computes, and every difference becomes a quality finding naming its row. All forms of a file or none,
/// with every wrong row and column named. Runs as a job.
enum SelfEvaluationImport {
    static let kind = "self_evaluation.import"
    static let maximumBytes = 24 * 1024 * 1024
    struct Parameters: Codable, Sendable { var yearID: UUID; var fileName: String }
    struct Outcome: Content { var forms: Int; var withFindings: Int; var findings: Int }

    static let jobKind = JobKind(name: kind, maxAttempts: 2, run: { run in
        guard let parameters = run.parameters(as: Parameters.self), let bytes = run.input, bytes.readableBytes > 0 else {
            throw AppError(.unprocessableEntity, "csv_empty", Message(.errorCSVEmpty))
        }
        let outcome = try await importFile(Data(bytes.readableBytesView), year: parameters.yearID, by: run.caller, on: run.database) { phase, done, total in
            run.progress.report(JobProgress(phase: phase, done: done, total: total), holdsWriteLock: phase == "saving")
        }
        return String(decoding: try JSONEncoder().encode(outcome), as: UTF8.self)
    }, failure: AppError(.internalServerError, "import_failed", Message(.errorImportFailed)))

    /// Queues the import of a file into a year the caller fills in; returns the job.
    static func start(_ bytes: ByteBuffer, fileName: String, year yearID: UUID, by caller: Caller, on db: any Database, ringing app: Application?) async throws -> UUID {
        let user = try caller.person()
        _ = try await SelfEvaluationQueries.year(yearID, by: caller, on: db)
        guard Authorization.mayEver(user.actor, .reportEvaluation) else { throw AppError.forbidden() }
        guard bytes.readableBytes > 0 else { throw AppError(.unprocessableEntity, "csv_empty", Message(.errorCSVEmpty)) }
        guard bytes.readableBytes <= maximumBytes else {
            throw AppError(.payloadTooLarge, "payload_too_large", Message(.errorTooLarge(String(maximumBytes / (1024 * 1024)))))
        }
        return try await JobQueue.enqueue(kind, caller: caller, parameters: Parameters(yearID: yearID, fileName: String(fileName.prefix(200))),
                                          input: bytes, on: db, ringing: app)
    }

    /// A form of the file matched to its self-evaluation and read into it, ready to store.
    struct Matched {
        var evaluation: EvaluationRow
        var rows: [EvaluationIndicatorRow]
        var evaluated: EvaluatedForm
    }

    static func importFile(_ data: Data, year yearID: UUID, by caller: Caller, on db: any Database,
                           progress: @escaping @Sendable (String, Int, Int?) -> Void = { _, _, _ in }) async throws -> Outcome {
        let user = try caller.person()
        let year = try await SelfEvaluationQueries.year(yearID, by: caller, on: db)
        guard year.yearState == .open else { throw AppError(.conflict, "evaluation_year_not_open", Message(.errorEvaluationYearNotOpen)) }
        progress("reading", 0, nil)
        let grid = try UploadedGrid.read(data, limits: .goalList, sheets: .all) { progress("reading", $0, nil) }
        let forms = PrintedFormReader.read(grid.rows.map { PrintedFormReader.Line(sheet: $0.sheet, line: $0.line, cells: $0.cells) })
        guard !forms.isEmpty else { throw AppError(.unprocessableEntity, "no_forms", Message(.errorImportNoForms)) }

        // The year's forms the caller may fill in, by code and by name.
        let scope = Authorization.scope(user.actor, .reportEvaluation)
        let candidates = try await EvaluationRow.select(on: db)
            .where(SQLColumn("year_id", table: "e"), .equal, SQLBind(yearID))
            .where(ScopePredicate(scope, path: SQLColumn("assignee_path", table: "e"), id: SQLColumn("assignee_id", table: "e")))
            .all(decoding: EvaluationRow.self)
        let byCode = Dictionary(grouping: candidates, by: \.object_code)
        let byName = Dictionary(grouping: candidates, by: { PrintedFormReader.normalizedName($0.object_name) })

        var details: [AppError.Detail] = []
        func fail(_ sheet: String, _ line: Int?, _ column: String?, _ message: Message) {
            let location = line.map { line in column.map { Message(.importSheetLocation(sheet, String(line), $0)) } ?? Message(.importSheetLine(sheet, String(line))) }
            details.append(AppError.Detail(line: line, location: location, field: column, message: message))
        }
        var found: [(PrintedForm, EvaluationRow)] = [], taken: [UUID: Int] = [:]
        for (index, form) in forms.enumerated() {
            if index % 200 == 0 { progress("checking", index, forms.count) }
            // Prefer the caller's own form when a code has several (the regions of a transfer payment).
            let pool = !form.code.isEmpty ? byCode[form.code] ?? [] : byName[PrintedFormReader.normalizedName(form.name)] ?? []
            let own = pool.filter { $0.assignee_id == user.organizationID }
            guard let evaluation = own.count == 1 ? own.first : pool.count == 1 ? pool.first : nil else {
                let message = pool.isEmpty ? Message(.errorImportUnknownForm(form.code.isEmpty ? form.name : form.code))
                    : Message(.errorImportAmbiguousForm(form.code.isEmpty ? form.name : form.code))
                fail(form.sheet, form.line, "项目名称", message)
                continue
            }
            if let first = taken[evaluation.id] { fail(form.sheet, form.line, "项目名称", Message(.errorImportDuplicateForm(first))); continue }
            taken[evaluation.id] = form.line
            guard evaluation.evaluationState.isEditable else {
                let message = evaluation.evaluationState == .financeConfirmed ? Message(.errorImportConfirmed(evaluation.object_code))
                    : Message(.errorImportSubmitted(evaluation.object_code, evaluation.evaluationState.text))
                fail(form.sheet, form.line, "项目名称", message)
                continue
            }
            found.append((form, evaluation))
        }
        // The stored rows of every matched form, read a few hundred forms at a time rather than one query per form.
        let storedRows = try await EvaluationIndicatorRow.of(found.map(\.1.id), on: db)
        var matched: [Matched] = []
        for (form, evaluation) in found {
            if let read = read(form, into: evaluation, rows: storedRows[evaluation.id] ?? [], fail: fail) { matched.append(read) }
        }
        if !details.isEmpty {
            throw AppError(.unprocessableEntity, "import_rows_invalid", Message(.errorImportForms(details.count)),
                           details: details.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
        }
        let toSave = matched
        progress("saving", 0, toSave.count)
        try await db.transaction { db in
            for (index, item) in toSave.enumerated() {
                try await SelfEvaluationForms.store(item.evaluation, rows: item.rows, evaluated: item.evaluated, lockVersion: item.evaluation.lock_version,
                                                    now: caller.now, on: db)
                if index % 200 == 0 { progress("saving", index, toSave.count) }
            }
            if toSave.count >= bulkWriteRows { try await db.refreshStatistics([SelfEvaluationTables.evaluations, SelfEvaluationTables.rows]) }
            try await AuditTrail.record("self_evaluation.imported", entityType: "self_evaluation_year", entityID: yearID.uuidString.lowercased(),
                                        summary: "forms=\(toSave.count) codes=\(toSave.prefix(20).map(\.evaluation.object_code).joined(separator: ","))",
                                        context: caller.audit, on: db)
        }
        progress("saving", toSave.count, toSave.count)
        let findings = toSave.map(\.evaluated.findings.count)
        return Outcome(forms: toSave.count, withFindings: findings.filter { $0 > 0 }.count, findings: findings.reduce(0, +))
    }

    /// Reads one printed form into its self-evaluation: the money, the narrative, each row's actual, explanation and
    /// printed points, the printed rate and total. Returns nil after reporting what could not be read.
    static func read(_ form: PrintedForm, into stored: EvaluationRow, rows storedRows: [EvaluationIndicatorRow],
                     fail: (String, Int?, String?, Message) -> Void) -> Matched? {
        var evaluation = stored, rows = storedRows
        var failed = false
        func problem(_ line: Int?, _ column: String?, _ message: Message) { failed = true; fail(form.sheet, line ?? form.line, column, message) }
        func money(_ text: String, _ column: String) -> Int64?? {
            let cleaned = text.replacingOccurrences(of: "万元", with: "").replacingOccurrences(of: ",", with: "").trimmed
            guard !cleaned.isEmpty else { return .some(nil) }
            do { return .some(try Money(wanYuan: cleaned).fen) } catch { problem(form.budgetLine, column, Message(.errorMoney)); return .none }
        }
        func number(_ text: String, _ line: Int?, _ column: String) -> String?? {
            let cleaned = text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "％", with: "").replacingOccurrences(of: "分", with: "").trimmed
            guard !cleaned.isEmpty else { return .some(nil) }
            guard let value = Decimal(pointsText: cleaned) else { problem(line, column, Message(.errorImportNumber(text))); return .none }
            return .some(value.storedText)
        }
        if case .some(let full?) = money(form.fullYearBudget, "全年预算数") { evaluation.full_year_budget_fen = full }
        if case .some(let executed) = money(form.executed, "全年执行数") { evaluation.executed_fen = executed }
        if evaluation.executed_fen == nil { problem(form.budgetLine, "全年执行数", Message(.errorEvaluationExecutedMissing)) }
        if case .some(let rate) = number(form.rate, form.budgetLine, "执行率") { evaluation.printed_rate = rate }
        if case .some(let points) = number(form.budgetPoints, form.budgetLine, "得分") { evaluation.printed_budget_points = points }
        if case .some(let total) = number(form.total, form.totalLine, "总分") { evaluation.printed_total = total }
        if !form.narrative.isEmpty { evaluation.narrative = String(form.narrative.prefix(InputLimits.longText)) }
        evaluation.source = "import"

        let positions = Dictionary(rows.enumerated().map { (PrintedFormReader.normalizedName($0.element.name), $0.offset) }, uniquingKeysWith: { first, _ in first })
        var seen: [Int: Int] = [:]
        for printed in form.rows {
            guard let position = positions[PrintedFormReader.normalizedName(printed.name)] else {
                problem(printed.line, "三级指标", Message(.errorImportUnknownIndicator(printed.name, stored.object_code)))
                continue
            }
            if let first = seen[position] { problem(printed.line, "三级指标", Message(.errorImportDuplicateIndicator(printed.name, first))); continue }
            seen[position] = printed.line
            var row = rows[position]
            let points = number(printed.points, printed.line, "得分")
            if case .some(let value) = points { row.printed_points = value }
            row.explanation = String(printed.explanation.prefix(InputLimits.note))
            let actual = printed.actual.trimmed
            row.not_applicable_reason = nil; row.band = nil; row.band_points = nil
            if actual == "不适用" {
                row.not_applicable_reason = printed.explanation.trimmed.isEmpty ? "表上标注不适用" : String(printed.explanation.prefix(InputLimits.note))
                row.actual_text = ""
            } else if row.target?.op == .qualitative {
                // A qualitative row is scored by its band: the words when the sheet names one, else the printed points'
                // share of the weight; the points inside it are the printed ones.
                let weight = Decimal(pointsText: printed.weight.replacingOccurrences(of: "分", with: "")) ?? row.weightValue
                guard case .some(let text?) = points, let printedPoints = Decimal(string: text), weight > 0 else {
                    problem(printed.line, "得分", Message(.errorImportQualitativePoints(printed.name)))
                    continue
                }
                let scaled = printedPoints * row.weightValue / weight
                let band = QualitativeBand.named(actual) ?? QualitativeBand.allCases.first { $0.contains(scaled, weight: row.weightValue) } ?? .notAchieved
                row.band = band.rawValue
                row.band_points = scaled.storedText
                row.actual_text = String(actual.prefix(InputLimits.shortText))
            } else {
                // A province's 度量单位 column: the value without its unit in the 实际完成值 column.
                let unit = printed.unit.trimmed
                let composed = !unit.isEmpty && Decimal(pointsText: actual) != nil ? actual + unit : actual
                row.actual_text = String(composed.prefix(InputLimits.shortText))
            }
            rows[position] = row
        }
        // Scored even when something failed already, so every problem of the form is named at once.
        let evaluated = EvaluatedForm(evaluation, rows: rows)
        if !evaluated.rowErrors.isEmpty {
            // Each problem at the printed row it came from.
            let lines = Dictionary(form.rows.compactMap { printed in positions[PrintedFormReader.normalizedName(printed.name)].map { ($0 + 1, printed.line) } },
                                   uniquingKeysWith: { first, _ in first })
            for error in evaluated.rowErrors {
                let row = error.field.flatMap { field -> Int? in
                    guard field.hasPrefix("rows["), let end = field.firstIndex(of: "]") else { return nil }
                    return Int(field[field.index(field.startIndex, offsetBy: 5)..<end])
                }
                problem(row.flatMap { lines[$0] } ?? form.line, row == nil ? nil : "实际完成值", error.message)
            }
        }
        guard !failed else { return nil }
        return Matched(evaluation: evaluation, rows: rows, evaluated: evaluated)
    }
}

extension QualitativeBand {
    /// The band a sheet names in words ("达成", "部分达成", "未达成"), if it does.
    static func named(_ text: String) -> QualitativeBand? {
        let compact = text.filter { !$0.isWhitespace }
        if compact.hasPrefix("未达成") || compact == "未完成" { return .notAchieved }
        if compact.hasPrefix("部分达成") || compact == "基本完成" || compact == "基本达成" { return .partly }
        if compact.hasPrefix("达成") || compact == "完成" || compact == "已完成" { return .achieved }
        return nil
    }
}

extension PrintedFormReader {
    /// A name as compared when matching: no spaces, half-width.
    static func normalizedName(_ name: String) -> String {
        TextNormalization.halfWidth(name).filter { !$0.isWhitespace }
    }
}
