import Fluent
import SQLKit

/// Every schema change, in order. A migration is never edited once it has landed; changes get a new one.
enum Migrations {
    static let all: [any AsyncMigration] = [
        CreateOrganizations(),
        CreateUsers(),
        CreateCredentials(),
        CreateAuditTrail(),
        CreateGoals(),
        CreateIndicatorLibrary(),
        AddCurrentGoalVersion(),
        CreateImportJobs(),
        AddRegionalGoals(),
        CreateSignInLocks(),
        AddAuditKeyCheck(),
        AddImportJobOutcome(),
    ]
}

extension Database {
    var sql: any SQLDatabase { self as! any SQLDatabase }
    var isPostgres: Bool { sql.dialect.name == "postgresql" }
}
