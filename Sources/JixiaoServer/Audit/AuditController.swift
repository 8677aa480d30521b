import Fluent
import Plot
import SQLKit
import Vapor
import JixiaoDomain

/// 审计日志 page: the trail filtered by action, person, object and date, limited to what the reader may see.
struct AuditController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(AuditRoute.list(), use: index)
        routes.get(AuditRoute.export(), use: export)
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

    private func reader(_ req: Request) async throws -> SignedInUser {
        let user = try req.requireSignedIn()
        guard Authorization.mayEver(user.actor, .viewAudit) else {
            try await req.authorize(.viewAudit, AccessTarget(organizationID: user.organizationID, organizationPath: user.organizationPath))
            throw AppError.forbidden()
        }
        return user
    }

    /// The entries the filter selects, with their canonical values (UTC times, codes, ids), as CSV for Excel.
    @Sendable func export(req: Request) async throws -> Response {
        let user = try await reader(req)
        let filter = try req.query.decode(Filter.self)
        let rows = try await Self.entries(for: user, filter: filter, limit: 50_000, on: req.db)
        let field = CSVExport.field
        var csv = "\u{FEFF}sequence,occurred_at_utc,actor_user_id,actor_name,actor_organization_id,action,entity_type,entity_id,summary,request_id,client_address,hash\r\n"
        for row in rows {
            csv += [String(row.sequence), row.occurred_at, row.actor_user_id, row.actor_name, row.actor_organization_id, row.action,
                    row.entity_type, row.entity_id, row.summary, row.request_id, row.client_address, row.hash].map(field).joined(separator: ",") + "\r\n"
        }
        let response = Response(status: .ok, body: .init(string: csv))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"audit.csv\"")
        return response
    }

    /// Names of the organisations, people and goals the entries refer to, for the page (the trail keeps ids).
    static func entityNames(of rows: [AuditTrail.Row], on db: any Database) async throws -> [String: String] {
        let ids = Set(rows.compactMap { UUID(uuidString: $0.entity_id) })
        guard !ids.isEmpty else { return [:] }
        var names: [String: String] = [:]
        for org in try await OrganizationModel.query(on: db).filter(\.$id ~~ ids).all() { names[org.id!.uuidString.lowercased()] = org.name }
        for user in try await UserModel.query(on: db).filter(\.$id ~~ ids).all() {
            names[user.id!.uuidString.lowercased()] = "\(user.displayName)（\(user.username)）"
        }
        for object in try await BudgetObjectModel.query(on: db).filter(\.$id ~~ ids).all() {
            names[object.id!.uuidString.lowercased()] = "\(object.code) \(object.name)"
        }
        let versions = try await GoalVersionModel.query(on: db).filter(\.$id ~~ ids).all()
        let objects = try await BudgetObjectModel.query(on: db).filter(\.$id ~~ versions.map { $0.$budgetObject.id }).all()
        let objectNames = Dictionary(objects.map { ($0.id!, "\($0.code) \($0.name)") }, uniquingKeysWith: { first, _ in first })
        for version in versions {
            names[version.id!.uuidString.lowercased()] = (objectNames[version.$budgetObject.id] ?? "") + " v\(version.versionNumber)"
        }
        return names
    }

    @Sendable func index(req: Request) async throws -> Response {
        let user = try await reader(req)
        let t = req.localizer
        let filter = try req.query.decode(Filter.self)
        let pageSize = 100
        let rows = try await Self.entries(for: user, filter: filter, limit: pageSize, on: req.db)
        let names = try await Self.entityNames(of: rows, on: req.db)
        let filterItems = [("action", filter.action), ("actor", filter.actor), ("entity", filter.entity), ("from", filter.from), ("to", filter.to)]
            .map { AuditFilterItem(name: $0.0, value: $0.1) }
        func nextLink() -> String {
            AuditRoute.list([AuditFilterItem(name: "before", value: String(rows.last?.sequence ?? 0))] + filterItems).url
        }
        return req.layout.render(title: t(.navAudit),
            .p(.class("hint"), .text(t(.auditExplain))),
            .form(.method(.get), .action(AuditRoute.list().url), .class("toolbar wrap"),
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
                    .tr(.td(.text(String(row.sequence))), .td(.class("nowrap"), .text(AuditLabels.beijingTime(row.occurred_at))),
                        .td(.text(row.actor_name)),
                        .td(.span(.text(AuditLabels.action(row.action, t))), .element(named: "small", nodes: [.class("code"), .text(row.action)])),
                        .td(.text(names[row.entity_id] ?? (row.entity_id == "-" ? "" : row.entity_id))),
                        .td(.class("summary"), .text(row.summary)), .td(.text("\(row.request_id) · \(row.client_address)")))
                })
            )),
            .p(.a(.href(AuditRoute.export(filterItems).url), .text(t(.auditExportCSV)))),
            .if(rows.count == pageSize, .p(.a(.href(nextLink()), .text(t(.olderEntries)))))
        )
    }
}
