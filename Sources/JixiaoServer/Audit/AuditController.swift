import Fluent
import Plot
import SQLKit
import Vapor
import JixiaoDomain

/// 审计日志 page: the trail filtered by action, person, object and date, limited to what the reader may see.
struct AuditController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("audit", use: index)
    }

    struct Filter: Content {
        var action: String?
        var actor: String?
        var entity: String?
        var from: String?
        var to: String?
        var before: Int64?
    }

    /// Entries the reader may see: a top-level reader sees all, others what people of their subtree did.
    static func entries(for user: SignedInUser, filter: Filter, limit: Int, on db: any Database) async throws -> [AuditTrail.Row] {
        let query = db.sql.select().column("*").from(AuditTrail.entriesTable)
        if user.organizationPath.depth > 1 {
            let range = user.organizationPath.subtreeRange
            query.where("scope_path", .greaterThanOrEqual, SQLBind(range.lower)).where("scope_path", .lessThan, SQLBind(range.upper))
        }
        if let action = filter.action, !action.isEmpty { query.where("action", .like, SQLBind("\(action)%")) }
        if let actor = filter.actor, !actor.isEmpty { query.where("actor_name", .equal, SQLBind(actor.lowercased())) }
        if let entity = filter.entity, !entity.isEmpty { query.where("entity_id", .equal, SQLBind(entity.lowercased())) }
        if let from = filter.from, !from.isEmpty { query.where("occurred_at", .greaterThanOrEqual, SQLBind(from)) }
        if let to = filter.to, !to.isEmpty { query.where("occurred_at", .lessThan, SQLBind(to + "T99")) }
        if let before = filter.before { query.where("sequence", .lessThan, SQLBind(before)) }
        return try await query.orderBy("sequence", .descending).limit(limit).all(decoding: AuditTrail.Row.self)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        guard Authorization.mayEver(user.actor, .viewAudit) else {
            try await req.authorize(.viewAudit, AccessTarget(organizationID: user.organizationID, organizationPath: user.organizationPath))
            throw AppError.forbidden()
        }
        let t = req.localizer
        let filter = try req.query.decode(Filter.self)
        let pageSize = 100
        let rows = try await Self.entries(for: user, filter: filter, limit: pageSize, on: req.db)
        func nextLink() -> String {
            var items = [("before", String(rows.last?.sequence ?? 0))]
            for (key, value) in [("action", filter.action), ("actor", filter.actor), ("entity", filter.entity), ("from", filter.from), ("to", filter.to)] {
                if let value, !value.isEmpty { items.append((key, value)) }
            }
            return "/audit?" + items.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        }
        return req.layout.render(title: t(.navAudit),
            .p(.class("hint"), .text(t(.auditExplain))),
            .form(.method(.get), .action("/audit"), .class("toolbar wrap"),
                .div(.class("field"), .label(.for("action"), .text(t(.fieldAction))),
                     .input(.type(.text), .id("action"), .name("action"), .value(filter.action ?? ""), .placeholder("organization.")) ),
                .div(.class("field"), .label(.for("actor"), .text(t(.fieldActor))),
                     .input(.type(.text), .id("actor"), .name("actor"), .value(filter.actor ?? ""))),
                .div(.class("field"), .label(.for("entity"), .text(t(.fieldEntityID))),
                     .input(.type(.text), .id("entity"), .name("entity"), .value(filter.entity ?? ""))),
                .div(.class("field"), .label(.for("from"), .text(t(.fieldFrom))),
                     .input(.type(.date), .id("from"), .name("from"), .value(filter.from ?? ""))),
                .div(.class("field"), .label(.for("to"), .text(t(.fieldTo))),
                     .input(.type(.date), .id("to"), .name("to"), .value(filter.to ?? ""))),
                .button(.type(.submit), .text(t(.filter)))
            ),
            .div(.class("table-scroll"), .table(.class("data audit"),
                .thead(.tr(.th(.text("#")), .th(.text(t(.fieldTime))), .th(.text(t(.fieldActor))), .th(.text(t(.fieldAction))),
                           .th(.text(t(.fieldEntity))), .th(.text(t(.fieldSummary))), .th(.text(t(.fieldRequest))))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.text(String(row.sequence))), .td(.text(row.occurred_at)), .td(.text(row.actor_name)),
                        .td(.code(.text(row.action))), .td(.text("\(row.entity_type) \(row.entity_id)")),
                        .td(.class("summary"), .text(row.summary)), .td(.text("\(row.request_id) · \(row.client_address)")))
                })
            )),
            .if(rows.count == pageSize, .p(.a(.href(nextLink()), .text(t(.olderEntries)))))
        )
    }
}
