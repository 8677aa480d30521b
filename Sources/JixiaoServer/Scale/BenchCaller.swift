import Fluent
import Foundation
import SQLKit
import JixiaoDomain

/// A generated account as the commands see a person, for the benches: jobs and the audit trail name a real account.
enum BenchCaller {
    /// The first generated account of an organisation matching `organization` that holds `role`, on the clock `now`.
    static func person(holding role: Role, organizationCode code: String? = nil, kind: OrganizationKind? = nil, level: AdministrativeLevel? = nil,
                       now: @escaping @Sendable () -> Date = { Date() }, on db: any Database) async throws -> Caller {
        struct Row: Decodable {
            var user_id: UUID; var username: String; var display_name: String
            var organization_id: UUID; var organization_name: String; var organization_kind: String; var organization_path: String
        }
        var query = db.sql.select()
            .column(SQLColumn("id", table: "u"), as: "user_id").column(SQLColumn("username", table: "u")).column(SQLColumn("display_name", table: "u"))
            .column(SQLColumn("id", table: "o"), as: "organization_id").column(SQLColumn("name", table: "o"), as: "organization_name")
            .column(SQLColumn("kind", table: "o"), as: "organization_kind").column(SQLColumn("path", table: "o"), as: "organization_path")
            .from(SQLAlias(SQLIdentifier(UserModel.schema), as: SQLIdentifier("u")))
            .join(SQLAlias(SQLIdentifier(OrganizationModel.schema), as: SQLIdentifier("o")), on: SQLColumn("id", table: "o"), .equal, SQLColumn("organization_id", table: "u"))
            .join(SQLAlias(SQLIdentifier(UserRoleModel.schema), as: SQLIdentifier("r")), on: SQLColumn("user_id", table: "r"), .equal, SQLColumn("id", table: "u"))
            .where(SQLColumn("role", table: "r"), .equal, SQLBind(role.rawValue))
            .where(SQLColumn("code", table: "o"), .like, SQLBind("GP%"))
        if let code { query = query.where(SQLColumn("code", table: "o"), .equal, SQLBind(code)) }
        if let kind { query = query.where(SQLColumn("kind", table: "o"), .equal, SQLBind(kind.rawValue)) }
        if let level { query = query.where(SQLColumn("level", table: "o"), .equal, SQLBind(level.rawValue)) }
        guard let row = try await query.orderBy(SQLColumn("code", table: "o")).orderBy(SQLColumn("username", table: "u")).limit(1).first(decoding: Row.self) else {
            throw BenchError.missing("no generated account with role \(role.rawValue)\(code.map { " at \($0)" } ?? ""): run `jixiao generate --scale province` first")
        }
        let user = SignedInUser(userID: row.user_id, username: row.username, displayName: row.display_name, locale: nil, mustChangePassword: false,
                                organizationID: row.organization_id, organizationName: row.organization_name,
                                organizationKind: OrganizationKind(rawValue: row.organization_kind) ?? .unit,
                                organizationPath: HierarchyPath(rawValue: row.organization_path), roles: [role])
        return Caller(principal: .person(user), audit: AuditContext(userID: row.user_id.uuidString.lowercased(), userName: row.username,
                                                                    organizationID: row.organization_id.uuidString.lowercased(),
                                                                    scopePath: row.organization_path, requestID: "bench", clientAddress: "127.0.0.1"),
                      effects: Effects(now: now, uuid: { UUID() }, seed: { 1 }, hashPassword: { $0 }))
    }

    enum BenchError: Error, CustomStringConvertible {
        case missing(String)
        var description: String { switch self { case .missing(let text): text } }
    }
}

/// Timing helpers of the benches.
enum BenchClock {
    static func seconds(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000_000 }
    static func milliseconds(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000 }
    static var now: UInt64 { DispatchTime.now().uptimeNanoseconds }
    static func text(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }
    /// p50 and p99 of sorted-or-not samples, as the README quotes them.
    static func percentiles(_ samples: [Double]) -> String {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return "-" }
        return "p50 \(text(sorted[sorted.count / 2], 1)) ms, p99 \(text(sorted[min(sorted.count - 1, sorted.count * 99 / 100)], 1)) ms"
    }
}
