import Fluent
import SQLKit

extension Database {
    var sql: any SQLDatabase { self as! any SQLDatabase }
    var isPostgres: Bool { sql.dialect.name == "postgresql" }
}
