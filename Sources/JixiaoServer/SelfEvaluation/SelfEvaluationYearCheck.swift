import Fluent
import Foundation
import SQLKit
import Vapor
import JixiaoDomain

/// 自评质量检查 of a whole year: every self-evaluation of the year scored again by the rules it keeps (never a newer set)
/// and checked, and what is stored brought in line where it differs — a form written behind the commands' back, forms
/// saved before a correction of the checks. Finance runs it as a job; it reports how many forms it read, how many it
/// corrected, and the year's findings by rule.
enum SelfEvaluationYearCheck {
    static let kind = "self_evaluation.check_year"
    struct Parameters: Codable, Sendable { var yearID: UUID }

    struct Outcome: Codable, Sendable, Equatable {
        var forms = 0
        /// Rows of the forms filled in (those scored and checked).
        var rows = 0
        /// Forms whose stored score, findings or row points differed and were written again.
        var corrected = 0
        /// Forms that cannot be scored as stored (a row that does not read): their page names the row.
        var unscorable = 0
        /// Forms nobody saved yet (as the opening made them): they carry no score to check.
        var notFilledIn = 0
        var withFindings = 0
        var findingsByRule: [String: Int] = [:]

        /// Counts a form's findings, by rule.
        mutating func count(_ findings: [ConsistencyFinding]) {
            if !findings.isEmpty { withFindings += 1 }
            for finding in findings { findingsByRule[ScoreWords.kind(finding), default: 0] += 1 }
        }

        mutating func add(_ other: Outcome) {
            forms += other.forms; rows += other.rows; corrected += other.corrected; unscorable += other.unscorable
            notFilledIn += other.notFilledIn
            withFindings += other.withFindings
            findingsByRule.merge(other.findingsByRule, uniquingKeysWith: +)
        }
    }

    /// Queues the check of a year the caller runs (its bureau's or one below).
    static func start(year yearID: UUID, by caller: Caller, on db: any Database, ringing app: Application?) async throws -> UUID {
        _ = try caller.person()
        guard let year = try await EvaluationYearRow.find(yearID, on: db) else { throw AppError.notFound() }
        try caller.authorize(.runEvaluation, year.target)
        guard year.yearState != .opening else { throw AppError(.conflict, "evaluation_year_opening", Message(.errorEvaluationYearOpening)) }
        let job = try await JobQueue.enqueue(kind, caller: caller, parameters: Parameters(yearID: yearID), on: db, ringing: app)
        try await AuditTrail.record("self_evaluation.check_queued", entityType: "self_evaluation_year", entityID: yearID.uuidString.lowercased(),
                                    summary: "job=\(job.uuidString.lowercased())", context: caller.audit, on: db)
        return job
    }

    static let jobKind = JobKind(name: kind, maxAttempts: 2, run: { run in
        guard let parameters = run.parameters(as: Parameters.self) else { throw AppError.notFound() }
        let outcome = try await check(parameters.yearID, on: run.database, audit: run.caller.audit) { done, total in
            run.progress.report(JobProgress(phase: "checking", done: done, total: total))
        }
        try await AuditTrail.record("self_evaluation.checked", entityType: "self_evaluation_year", entityID: parameters.yearID.uuidString.lowercased(),
                                    summary: "forms=\(outcome.forms) corrected=\(outcome.corrected) unscorable=\(outcome.unscorable) with_findings=\(outcome.withFindings)",
                                    context: run.caller.audit, on: run.database)
        return String(decoding: try MonitoringRuleStore.encoder.encode(outcome), as: UTF8.self)
    }, failure: AppError(.internalServerError, "evaluation_check_failed", Message(.errorEvaluationCheckFailed)))

    /// A form as the check reads it: what scoring needs, what is stored of its score, and its lock version (a save in
    /// between wins: its own score is the fresh one).
    struct CheckedForm: Decodable, Sendable {
        var id: UUID
        var initial_budget_fen: Int64
        var full_year_budget_fen: Int64
        var executed_fen: Int64?
        var narrative: String
        var reassignments: String
        var printed_rate: String?
        var printed_budget_points: String?
        var printed_total: String?
        var rules: String
        var budget_points: String?
        var total: String?
        var total_cents: Int?
        var grade: String?
        var finding_count: Int
        var findings: String
        var lock_version: Int
        /// The version of its rows when they were read (in the same statement as the rows, on the general way): a
        /// correction is written only while the rows are still those.
        var rows_version: Int

        /// As the opening made it (closing the year or a hand-over moves its lock but fills nothing in): no score is
        /// shown before the first save, so there is none to check. A save always stores a total when the form scores,
        /// and the executed amount when one was given.
        var isFilledIn: Bool { lock_version > 0 && (total != nil || executed_fen != nil) }

        var budgetFigures: YearBudgetFigures {
            YearBudgetFigures(initialBudget: Money(fen: initial_budget_fen), fullYearBudget: Money(fen: full_year_budget_fen),
                              executed: Money(fen: executed_fen ?? 0))
        }

        /// What is stored of its score, for `CompactScoring` (a text that is not exactly how a save writes the number
        /// reads as none: a difference, as the general way sees it).
        var compactStored: CompactScoring.Stored {
            CompactScoring.Stored(budgetPoints: budget_points.flatMap { FixedPoint(canonicalText: $0) }, total: total.flatMap { FixedPoint(canonicalText: $0) },
                                  totalCents: total_cents, grade: grade, findingCount: finding_count)
        }

        /// What an imported sheet printed of its totals, read as a save reads it (`Decimal(pointsText:)`: a text that
        /// is no number is no printed figure); nil when a figure does not fit `FixedPoint` (the general way's then).
        var compactPrinted: CompactScoring.Printed? {
            guard printed_rate != nil || printed_budget_points != nil || printed_total != nil else { return .nothing }
            var printed = CompactScoring.Printed.nothing
            if let rate = Decimal(pointsText: printed_rate) {
                guard let value = FixedPoint(rate) else { return nil }
                printed.ratePercent = value
                printed.ratePlaces = max(0, -Int(rate.exponent))
            }
            if let points = Decimal(pointsText: printed_budget_points) {
                guard let value = FixedPoint(points) else { return nil }
                printed.budgetPoints = value
            }
            if let total = Decimal(pointsText: printed_total) {
                guard let value = FixedPoint(total) else { return nil }
                printed.total = value
            }
            return printed
        }

        static let columns = ["id", "initial_budget_fen", "full_year_budget_fen", "executed_fen", "narrative", "reassignments", "printed_rate",
                              "printed_budget_points", "printed_total", "rules", "budget_points", "total", "total_cents", "grade", "finding_count",
                              "findings", "lock_version", "rows_version"]
    }

    /// Forms are read, scored and written a chunk at a time, two chunks in flight (one reads while the other scores).
    static let chunkSize = 2_000

    /// `audit`: where each chunk's corrections are recorded (the job's caller); nil records nothing (the bench).
    static func check(_ yearID: UUID, on db: any Database, audit: AuditContext? = nil,
                      progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> Outcome {
        guard let year = try await EvaluationYearRow.find(yearID, on: db) else { throw AppError.notFound() }
        guard year.yearState != .opening else { throw AppError(.conflict, "evaluation_year_opening", Message(.errorEvaluationYearOpening)) }
        let chunks = try await idChunks(yearID, on: db)
        let total = chunks.reduce(0) { $0 + $1.count }
        progress(0, total)
        var outcome = Outcome(), done = 0
        try await inFlight(chunks, width: 2) { chunk in
            try await checkChunk(chunk, year: yearID, on: db)
        } collect: { scored in
            var part = scored.outcome
            await SelfEvaluationBulkRead.keep(scored.copies, on: db)
            part.corrected = try await write(scored.corrections, year: yearID, audit: audit, on: db)
            outcome.add(part)
            done += scored.outcome.forms
            progress(done, total)
        }
        return outcome
    }

    /// The year's form ids in the database's order, cut into chunks: each chunk is then one range of the primary keys.
    static func idChunks(_ yearID: UUID, on db: any Database) async throws -> [[UUID]] {
        // Read as text (`UUID(compactHex:)` is many times faster than Foundation's reading of a province's 200,000 ids).
        let ids = try await db.sql.raw("""
            SELECT CAST(id AS TEXT) AS id FROM \(ident: SelfEvaluationTables.evaluations) WHERE year_id = \(bind: yearID) ORDER BY id
            """).all().map { row in
                guard let id = UUID(compactHex: try row.decode(column: "id", as: String.self)) else { throw AppError.notFound() }
                return id
            }
        return stride(from: 0, to: ids.count, by: chunkSize).map { Array(ids[$0..<min($0 + chunkSize, ids.count)]) }
    }

    /// One chunk: each form read the compact way and, when `CompactScoring` finds its score and findings as stored,
    /// done; every other form — no current compact copy, a shape the compact scoring does not take, a difference — read
    /// and scored the general way, which alone decides what to correct. The general way also makes the
    /// compact copies that were missing or behind, for the next check.
    static func checkChunk(_ chunk: [UUID], year yearID: UUID, on db: any Database) async throws -> Scored {
        guard let first = chunk.first, let last = chunk.last else { return Scored(outcome: Outcome(), corrections: []) }
        let items = try await SelfEvaluationBulkRead.readCompact(year: yearID, from: first, to: last, on: db)
        let settled = settle(items)
        let general = try await SelfEvaluationBulkRead.read(settled.general, year: yearID, on: db)
        var scored = score(general.forms, rows: general.rows, copying: settled.uncopied)
        scored.outcome.add(settled.outcome)
        return scored
    }

    /// What the compact way settled of a chunk, and the forms it leaves to the general way.
    struct Settled: Sendable {
        var outcome = Outcome()
        var general: [UUID] = []
        /// Forms without a current compact copy: the general way makes one.
        var uncopied: Set<UUID> = []
    }

    static func settle(_ items: [SelfEvaluationBulkRead.CompactItem]) -> Settled {
        var settled = Settled()
        var ruleSets: [String: CompactScoring.Rules?] = [:]
        let decoder = JSONDecoder()
        for item in items {
            guard let form = item.form else { settled.general.append(item.id); continue }
            guard form.isFilledIn else { settled.outcome.forms += 1; settled.outcome.notFilledIn += 1; continue }
            if item.rows == nil { settled.uncopied.insert(item.id) }
            let rules: CompactScoring.Rules?
            if let known = ruleSets[form.rules] { rules = known } else {
                rules = (try? decoder.decode(ScoringRuleSet.self, from: Data(form.rules.utf8))).flatMap(CompactScoring.Rules.init)
                ruleSets[form.rules] = rules
            }
            // Group hand-overs are the general way's (and rare). The findings are compared as a save stores them.
            if case .rows(let rows)? = item.rows, let rules, form.reassignments == "[]", let printed = form.compactPrinted,
               case .scored(_, let findings) = CompactScoring.verdict(rows, budget: form.budgetFigures, narrative: form.narrative, rules: rules,
                                                                      stored: form.compactStored, printed: printed),
               form.findings == (try? StoredScore.text(of: findings)) {
                settled.outcome.forms += 1
                settled.outcome.rows += rows.count
                settled.outcome.count(findings)
                continue
            }
            settled.general.append(item.id)
        }
        return settled
    }

    struct Correction: Sendable {
        var form: CheckedForm
        var score: StoredScore
        var rows: [EvaluationIndicatorRow]
        /// The compact copy of the rows with their corrected points, kept with the correction.
        var compact: [UInt8]
    }

    struct Scored: Sendable {
        var outcome: Outcome
        var corrections: [Correction]
        /// Compact copies of rows read the general way, kept before the corrections (which change rows and so outdate them).
        var copies: [SelfEvaluationBulkRead.CompactCopy] = []
    }

    /// Scores forms the general way, as a save would, and keeps what differs from what is stored; makes a compact copy
    /// of the rows of the forms in `copying` (at the version read with the rows).
    static func score(_ forms: [CheckedForm], rows: [UUID: [EvaluationIndicatorRow]], copying: Set<UUID> = []) -> Scored {
        var outcome = Outcome(), corrections: [Correction] = [], copies: [SelfEvaluationBulkRead.CompactCopy] = []
        var ruleSets: [String: ScoringRuleSet?] = [:]
        let targets = TargetCache(), decoder = JSONDecoder()
        for form in forms {
            let formRows = rows[form.id] ?? []
            outcome.forms += 1
            guard form.isFilledIn else { outcome.notFilledIn += 1; continue }
            outcome.rows += formRows.count
            let rules: ScoringRuleSet?
            if let known = ruleSets[form.rules] { rules = known } else {
                rules = try? decoder.decode(ScoringRuleSet.self, from: Data(form.rules.utf8))
                ruleSets[form.rules] = rules
            }
            let reassignments = form.reassignments == "[]" ? []
                : (try? decoder.decode([GroupReassignment].self, from: Data(form.reassignments.utf8))) ?? []
            let inputs = EvaluationScoringInputs(
                budget: form.budgetFigures,
                narrative: form.narrative, printedRate: form.printed_rate, printedBudgetPoints: form.printed_budget_points,
                printedTotal: form.printed_total, reassignments: reassignments)
            let evaluated = EvaluatedForm(inputs, rules: rules, rows: formRows, targets: targets)
            if copying.contains(form.id) {
                copies.append(.init(evaluationID: form.id, version: form.rows_version,
                                    bytes: SelfEvaluationBulkRead.compactBytes(evaluated, points: formRows.map(\.points))))
            }
            if evaluated.score == nil { outcome.unscorable += 1 }
            outcome.count(evaluated.findings)
            guard let fresh = try? StoredScore(evaluated, rowCount: formRows.count) else { continue }
            let stored = StoredScore(budgetPoints: form.budget_points, total: form.total, totalCents: form.total_cents, grade: form.grade,
                                     findingCount: form.finding_count, findings: form.findings, rowPoints: formRows.map(\.points))
            if fresh != stored {
                corrections.append(Correction(form: form, score: fresh, rows: formRows,
                                              compact: SelfEvaluationBulkRead.compactBytes(evaluated, points: fresh.rowPoints)))
            }
        }
        return Scored(outcome: outcome, corrections: corrections, copies: copies)
    }

    /// Writes the corrected scores of a chunk in one transaction: a form (if nobody saved it since it was read) and then
    /// the points of its rows. Returns how many forms it wrote.
    static func write(_ corrections: [Correction], year yearID: UUID, audit: AuditContext?, on db: any Database) async throws -> Int {
        guard !corrections.isEmpty else { return 0 }
        return try await db.transaction { db in
            var claimed: Set<UUID> = []
            for part in stride(from: 0, to: corrections.count, by: 500).map({ corrections[$0..<min($0 + 500, corrections.count)] }) {
                let values = SQLList(part.map { item in
                    SQLGroupExpression([SQLBind(item.form.id), SQLBind(item.form.lock_version), SQLBind(item.form.rows_version), SQLBind(item.score.budgetPoints), SQLBind(item.score.total),
                                        SQLBind(item.score.totalCents), SQLBind(item.score.grade), SQLBind(item.score.findingCount),
                                        SQLBind(item.score.findings)] as [any SQLExpression])
                })
                let ids = try await db.sql.raw("""
                    WITH v(id, lock_version, rows_version, budget_points, total, total_cents, grade, finding_count, findings) AS (VALUES \(values))
                    UPDATE \(ident: SelfEvaluationTables.evaluations) SET budget_points = CAST(v.budget_points AS TEXT), total = CAST(v.total AS TEXT),
                      total_cents = CAST(v.total_cents AS INTEGER), grade = CAST(v.grade AS TEXT), finding_count = CAST(v.finding_count AS INTEGER),
                      findings = CAST(v.findings AS TEXT)
                    FROM v WHERE \(ident: SelfEvaluationTables.evaluations).id = v.id
                      AND \(ident: SelfEvaluationTables.evaluations).lock_version = CAST(v.lock_version AS INTEGER)
                      AND \(ident: SelfEvaluationTables.evaluations).rows_version = CAST(v.rows_version AS INTEGER)
                    RETURNING \(ident: SelfEvaluationTables.evaluations).id
                    """).all(decoding: TaskID.self)
                claimed.formUnion(ids.map(\.id))
            }
            // Only the rows whose points differ, of forms claimed above.
            var changed: [(UUID, UUID, String?)] = []
            for item in corrections where claimed.contains(item.form.id) {
                for (row, points) in zip(item.rows, item.score.rowPoints) where row.points != points {
                    changed.append((row.evaluation_id, row.indicator_id, points))
                }
            }
            for part in stride(from: 0, to: changed.count, by: 1_000).map({ changed[$0..<min($0 + 1_000, changed.count)] }) {
                let values = SQLList(part.map { SQLGroupExpression([SQLBind($0.0), SQLBind($0.1), SQLBind($0.2)] as [any SQLExpression]) })
                try await db.sql.raw("""
                    WITH v(evaluation_id, indicator_id, points) AS (VALUES \(values))
                    UPDATE \(ident: SelfEvaluationTables.rows) SET points = CAST(v.points AS TEXT)
                    FROM v WHERE \(ident: SelfEvaluationTables.rows).evaluation_id = v.evaluation_id
                      AND \(ident: SelfEvaluationTables.rows).indicator_id = v.indicator_id
                    """).run()
            }
            // The corrected rows outdated their compact copies (the trigger): each is kept again at the rows' new version.
            let kept = corrections.filter { claimed.contains($0.form.id) }
            for part in stride(from: 0, to: kept.count, by: 300).map({ kept[$0..<min($0 + 300, kept.count)] }) {
                try await SelfEvaluationBulkRead.keepCurrent(part.map { ($0.form.id, $0.compact) }, on: db)
            }
            // Which forms were corrected, in the audit trail with the corrections (a confirmed form's stored score may be
            // among them: it is put back to what its own rules give, and that is recorded).
            if let audit, !claimed.isEmpty {
                let corrected = corrections.filter { claimed.contains($0.form.id) }
                let ids = corrected.prefix(200).map { "\($0.form.id.uuidString.lowercased()):\($0.form.total ?? "-")→\($0.score.total ?? "-")" }
                    + (corrected.count > 200 ? ["…"] : [])
                try await AuditTrail.record("self_evaluation.scores_corrected", entityType: "self_evaluation_year", entityID: yearID.uuidString.lowercased(),
                                            summary: "forms=\(claimed.count) " + ids.joined(separator: ","), context: audit, on: db)
            }
            return claimed.count
        }
    }

    /// Runs `work` over the items with at most `width` in flight and hands each result to `collect` in the items' order,
    /// one at a time (the writes of one chunk never overlap another's).
    static func inFlight<Item: Sendable, Result: Sendable>(_ items: [Item], width: Int, _ work: @escaping @Sendable (Item) async throws -> Result,
                                                            collect: (Result) async throws -> Void) async throws {
        var pending: [Task<Result, any Error>] = []
        var next = 0
        func launch() {
            guard next < items.count else { return }
            let item = items[next]
            next += 1
            pending.append(Task { try await work(item) })
        }
        for _ in 0..<width { launch() }
        do {
            while !pending.isEmpty {
                let result = try await pending.removeFirst().value
                launch()
                try await collect(result)
            }
        } catch {
            for task in pending { task.cancel() }
            throw error
        }
    }
}
