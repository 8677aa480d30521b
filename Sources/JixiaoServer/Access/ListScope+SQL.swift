import Fluent
import SQLKit
import JixiaoDomain

/// `Authorization.scope` as SQL: every list, queue, search and export narrows its rows with this one predicate, so
/// what a list shows is what `Authorization.decide` would let the person open.
struct ScopePredicate: SQLExpression {
    var scope: ListScope
    /// The organisation's materialized path and id, qualified as the query names them (`o.path`, `o.id`).
    var path: SQLColumn
    var id: SQLColumn

    init(_ scope: ListScope, organization alias: String) {
        self.init(scope, path: SQLColumn("path", table: alias), id: SQLColumn("id", table: alias))
    }

    /// For rows that carry an organisation's path and id themselves (a monitoring task's assignee).
    init(_ scope: ListScope, path: SQLColumn, id: SQLColumn) {
        self.scope = scope
        self.path = path
        self.id = id
    }

    func serialize(to serializer: inout SQLSerializer) {
        var parts: [any SQLExpression] = scope.subtrees.map { subtree in
            let range = subtree.subtreeRange
            return SQLGroupExpression(SQLBinaryExpression(SQLBinaryExpression(path, .greaterThanOrEqual, SQLBind(range.lower)), .and,
                                                          SQLBinaryExpression(path, .lessThan, SQLBind(range.upper))))
        }
        if !scope.organizations.isEmpty {
            parts.append(SQLBinaryExpression(id, .in, SQLGroupExpression(scope.organizations.sorted { $0.uuidString < $1.uuidString }.map { SQLBind($0) })))
        }
        // An empty scope reaches nothing.
        SQLGroupExpression(parts.isEmpty ? SQLRaw("1 = 0") : SQLList(parts, separator: SQLRaw(" OR "))).serialize(to: &serializer)
    }
}

extension QueryBuilder {
    /// Narrows a Fluent query on organisations (or joined to them) to the scope.
    @discardableResult
    func filter(scope: ListScope, organizationAlias: String = OrganizationModel.schema) -> Self {
        filter(.sql(ScopePredicate(scope, organization: organizationAlias)))
    }
}
