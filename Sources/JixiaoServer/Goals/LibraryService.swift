import Fluent
import SQLKit
import Vapor
import JixiaoDomain

/// One year of an entry's history: the targets declared in released goals of that year.
struct LibraryHistoryYear: Sendable, Codable {
    var fiscalYear: Int
    var declared: [Decimal]
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
        return result.mapValues { years in years.keys.sorted().map { LibraryHistoryYear(fiscalYear: $0, declared: years[$0]!.sorted()) } }
    }

    /// The linter's view of a goal: its money and character, and the history of the library entries it uses.
    static func context(for object: BudgetObjectModel, goal: PerformanceGoal, on db: any Database) async throws -> (GoalContext, [UUID: [LibraryHistoryYear]]) {
        var context = GoalCommands.context(for: object)
        let entries = Array(Set(goal.indicators.compactMap(\.libraryEntryID)))
        let history = try await history(of: entries, beforeYear: object.fiscalYear, on: db)
        context.libraryHistory = history.mapValues { $0.flatMap(\.declared) }
        return (context, history)
    }
}
