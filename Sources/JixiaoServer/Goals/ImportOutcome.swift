import Fluent
import SQLKit

/// What an import did with each project it named: created it, updated its draft or returned goal, or left it as it
/// was because it is under review or released (a file exported earlier names those too, so it can come back).
struct ImportOutcome: Codable, Sendable, Equatable {
    struct Unchanged: Codable, Sendable, Equatable { var code: String; var state: String }
    var created: [String] = []
    var updated: [String] = []
    var unchanged: [Unchanged] = []

    /// Projects written (created or updated).
    var imported: Int { created.count + updated.count }
}

/// The job row keeps the outcome as JSON, so any process can show it.
struct AddImportJobOutcome: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.alter(table: ImportJobModel.schema).column("outcome", type: .text).run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.alter(table: ImportJobModel.schema).dropColumn("outcome").run()
    }
}
