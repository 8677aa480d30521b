import Fluent
import Foundation
import SQLKit
import JixiaoDomain

/// Reads of the libraries as lists, pages and the API show them.
enum ThinkTankQueries {
    struct ExpertFilter: Sendable {
        var search: String?
        var field: String?
        var status: LibraryStatus?
    }

    /// A list page shows at most this many; more asks the reader to narrow the search.
    static let pageLimit = 500

    static func experts(of bureau: OrganizationModel, filter: ExpertFilter, limit: Int = 500, on db: any Database) async throws -> [ExpertModel] {
        var query = ExpertModel.query(on: db).filter(\.$bureauID == bureau.id!)
        if let status = filter.status { query = query.filter(\.$status == status.rawValue) }
        if let field = filter.field, ExpertField.named(field) != nil { query = query.filter(\.$fieldCodes, .custom("LIKE"), "%,\(field),%") }
        if let search = TextSearch.contains(filter.search, in: [(ExpertModel.schema, "name"), (ExpertModel.schema, "employer_name"), (ExpertModel.schema, "title")],
                                            on: db) {
            query = query.filter(search)
        }
        return try await query.sort(\.$name).limit(limit).all()
    }

    static func agencies(of bureau: OrganizationModel, status: LibraryStatus?, type: AgencyType?, on db: any Database) async throws -> [AgencyModel] {
        var query = AgencyModel.query(on: db).filter(\.$bureauID == bureau.id!)
        if let status { query = query.filter(\.$status == status.rawValue) }
        if let type { query = query.filter(\.$agencyType == type.rawValue) }
        return try await query.sort(\.$name).limit(500).all()
    }

    static func supervisors(of bureau: OrganizationModel, on db: any Database) async throws -> [SupervisorModel] {
        try await SupervisorModel.query(on: db).filter(\.$bureauID == bureau.id!).sort(\.$category).sort(\.$name).all()
    }

    static func history(of memberID: UUID, on db: any Database) async throws -> [LibraryStatusChangeModel] {
        try await LibraryStatusChangeModel.query(on: db).filter(\.$memberID == memberID).sort(\.$occurredAt).all()
    }

    /// A member's engagements with the evaluation's title and the rating, newest first.
    struct EngagementLine: Sendable {
        var engagement: EngagementModel
        var evaluationTitle: String
        var rating: LibraryRatingModel?
    }

    static func engagements(member memberID: UUID? = nil, evaluation evaluationID: UUID? = nil, on db: any Database) async throws -> [EngagementLine] {
        var query = EngagementModel.query(on: db)
        if let memberID { query = query.filter(\.$memberID == memberID) }
        if let evaluationID { query = query.filter(\.$evaluationID == evaluationID) }
        let engagements = try await query.sort(\.$createdAt, .descending).all()
        let titles = Dictionary(uniqueKeysWithValues: try await KeyEvaluationModel.query(on: db).filter(\.$id ~~ Array(Set(engagements.map(\.evaluationID)))).all()
            .map { ($0.id!, $0.title) })
        let ratings = Dictionary(uniqueKeysWithValues: try await LibraryRatingModel.query(on: db).filter(\.$engagementID ~~ engagements.compactMap(\.id)).all()
            .map { ($0.engagementID, $0) })
        return engagements.map { EngagementLine(engagement: $0, evaluationTitle: titles[$0.evaluationID] ?? "", rating: ratings[$0.id!]) }
    }

    /// Names of engaged members (experts and agencies) by id.
    static func memberNames(_ ids: [UUID], on db: any Database) async throws -> [UUID: String] {
        var names: [UUID: String] = [:]
        for expert in try await ExpertModel.query(on: db).filter(\.$id ~~ ids).all() { names[expert.id!] = expert.name }
        for agency in try await AgencyModel.query(on: db).filter(\.$id ~~ ids).all() { names[agency.id!] = agency.name }
        return names
    }

    static func draws(of evaluationID: UUID, on db: any Database) async throws -> [LibraryDrawModel] {
        try await LibraryDrawModel.query(on: db).filter(\.$evaluationID == evaluationID).sort(\.$occurredAt).all()
    }
}
