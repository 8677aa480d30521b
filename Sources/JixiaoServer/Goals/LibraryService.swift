import Fluent
import SQLKit
import Vapor
import JixiaoDomain

/// One year of an entry's history: the targets declared in released goals of that year, and what the units' submitted
/// self-evaluations of that year say was actually reached.
struct LibraryHistoryYear: Sendable, Codable {
    var fiscalYear: Int
    var declared: [Decimal]
    var actuals: [Decimal] = []

    /// "2026：735（实际 742）" — declared targets, and the actuals where there are any.
    func text(_ t: Localizer) -> String {
        "\(fiscalYear)：" + declared.map { "\($0)" }.joined(separator: "/")
            + (actuals.isEmpty ? "" : t.parenthesized(t(.libraryActuals) + " " + actuals.map { "\($0)" }.joined(separator: "/")))
    }
}

/// 指标库 queries: entries a person inherits from the bureaus above, search, and history aggregated from released goals.
enum LibraryService {
    /// Entries kept by the person's own organisation or any finance bureau above it.
    static func search(_ text: String?, subcategory: IndicatorSubcategory?, for user: SignedInUser, limit: Int = 50,
                       on db: any Database) async throws -> [LibraryEntryModel] {
        let owners = user.organizationPath.ids
        let query = LibraryEntryModel.query(on: db).filter(\.$owner.$id ~~ owners)
        if let search = TextSearch.contains(text, in: [(LibraryEntryModel.schema, "name")], on: db) { query.filter(search) }
        if let subcategory { query.filter(\.$subcategory == subcategory.rawValue) }
        return try await query.sort(\.$category).sort(\.$subcategory).sort(\.$name).limit(limit).all()
    }

    static func entry(_ id: UUID, for user: SignedInUser, on db: any Database) async throws -> LibraryEntryModel? {
        try await LibraryEntryModel.query(on: db).filter(\.$id == id).filter(\.$owner.$id ~~ user.organizationPath.ids).first()
    }

    /// Declared targets of released (or since superseded) goals that used these entries, by entry and year,
    /// before `beforeYear`. One grouped query for all entries of a goal.
    static func history(of entryIDs: [UUID], beforeYear: Int, on db: any Database) async throws -> [UUID: [LibraryHistoryYear]] {
        guard !entryIDs.isEmpty else { return [:] }
        struct Row: Decodable { var library_entry_id: UUID; var fiscal_year: Int; var target_number: String }
        let rows = try await db.sql.raw("""
            SELECT gi.library_entry_id, bo.fiscal_year, gi.target_number
            FROM goal_indicators gi
            JOIN goal_versions v ON v.id = gi.version_id
            JOIN budget_objects bo ON bo.id = v.budget_object_id
            WHERE gi.library_entry_id IN \(SQLBind.group(entryIDs)) AND gi.target_number IS NOT NULL
              AND v.state IN ('released', 'superseded') AND bo.fiscal_year < \(bind: beforeYear)
            """).all(decoding: Row.self)
        var result: [UUID: [Int: [Decimal]]] = [:]
        for row in rows {
            guard let value = DecimalText.parse(row.target_number) else { continue }
            result[row.library_entry_id, default: [:]][row.fiscal_year, default: []].append(value)
        }
        // What was reached: the actuals of submitted self-evaluations of those years that used the entries.
        struct Actual: Decodable { var library_entry_id: UUID; var fiscal_year: Int; var actual_text: String; var target_text: String }
        let actualRows = try await db.sql.raw("""
            SELECT gi.library_entry_id, e.fiscal_year, r.actual_text, r.target_text
            FROM self_evaluation_rows r
            JOIN self_evaluations e ON e.id = r.evaluation_id
            JOIN goal_indicators gi ON gi.version_id = e.goal_version_id AND gi.indicator_id = r.indicator_id
            WHERE gi.library_entry_id IN \(SQLBind.group(entryIDs)) AND r.actual_text <> '' AND r.not_applicable_reason IS NULL
              AND e.state IN \(SQLBind.group(MonitoringTaskState.allCases.filter(\.isReported).map(\.rawValue))) AND e.fiscal_year < \(bind: beforeYear)
            """).all(decoding: Actual.self)
        var actuals: [UUID: [Int: [Decimal]]] = [:]
        for row in actualRows {
            guard let target = try? TargetParser.parse(row.target_text), case .number(let value, _)? = try? ProgressValue.parse(row.actual_text, against: target) else { continue }
            actuals[row.library_entry_id, default: [:]][row.fiscal_year, default: []].append(value)
        }
        var history: [UUID: [LibraryHistoryYear]] = [:]
        for entry in Set(result.keys).union(actuals.keys) {
            let years = Set((result[entry] ?? [:]).keys).union((actuals[entry] ?? [:]).keys).sorted()
            history[entry] = years.map { LibraryHistoryYear(fiscalYear: $0, declared: (result[entry]?[$0] ?? []).sorted(), actuals: (actuals[entry]?[$0] ?? []).sorted()) }
        }
        return history
    }

    /// 上年实际完成值 of a continuing project's indicators: what its organisation's submitted self-evaluations of the year
    /// before reported, by the linter's history key (the library entry, else the indicator's name).
    static func lastYearActuals(owner: UUID, fiscalYear: Int, on db: any Database) async throws -> [String: Decimal] {
        struct Row: Decodable { var library_entry_id: UUID?; var name: String; var actual_text: String; var target_text: String }
        let rows = try await db.sql.raw("""
            SELECT gi.library_entry_id, r.name, r.actual_text, r.target_text
            FROM self_evaluation_rows r
            JOIN self_evaluations e ON e.id = r.evaluation_id
            JOIN goal_indicators gi ON gi.version_id = e.goal_version_id AND gi.indicator_id = r.indicator_id
            WHERE e.assignee_id = \(bind: owner) AND e.fiscal_year = \(bind: fiscalYear - 1) AND r.actual_text <> '' AND r.not_applicable_reason IS NULL
              AND e.state IN \(SQLBind.group(MonitoringTaskState.allCases.filter(\.isReported).map(\.rawValue)))
            """).all(decoding: Row.self)
        var found: [String: Decimal] = [:]
        for row in rows {
            guard let target = try? TargetParser.parse(row.target_text), case .number(let value, _)? = try? ProgressValue.parse(row.actual_text, against: target) else { continue }
            found[row.library_entry_id?.uuidString.lowercased() ?? row.name.filter { !$0.isWhitespace }] = value
        }
        return found
    }

    /// The linter's view of a goal: its money and character, and the history of the library entries it uses.
    static func context(for object: BudgetObjectModel, goal: PerformanceGoal, on db: any Database) async throws -> (GoalContext, [UUID: [LibraryHistoryYear]]) {
        var context = GoalCommands.context(for: object)
        let entries = Array(Set(goal.indicators.compactMap(\.libraryEntryID)))
        let history = try await history(of: entries, beforeYear: object.fiscalYear, on: db)
        context.libraryHistory = history.mapValues { $0.flatMap(\.declared) }
        if context.isContinuing {
            context.lastYearActuals = try await lastYearActuals(owner: object.$organization.id, fiscalYear: object.fiscalYear, on: db)
        }
        return (context, history)
    }
}
