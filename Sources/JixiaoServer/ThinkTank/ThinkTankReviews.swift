import Fluent
import Foundation
import SQLKit
import Vapor
import JixiaoDomain

/// 评价报告质量评审 — the bureau's review of each report an agency wrote for it, the yearly result per agency, and the
/// published notice (通报).
enum ThinkTankReviews {
    /// An entrusted evaluation of the bureau's area whose report is submitted, as the review list shows it.
    struct Reviewable: Sendable {
        var evaluation: KeyEvaluationModel
        var agencyName: String
        var libraryAgencyID: UUID?
        var review: QualityReviewModel?
    }

    /// The bureau of the performance office reviewing, and the entrusted evaluations of its area in a year.
    static func reviewables(year: Int, by caller: Caller, on db: any Database) async throws -> (OrganizationModel, [Reviewable]) {
        let bureau = try await ThinkTankLibrary.managedBureau(caller, on: db)
        let range = bureau.hierarchyPath.subtreeRange
        let evaluations = try await KeyEvaluationModel.query(on: db).filter(\.$fiscalYear == year).filter(\.$agencyID != nil)
            .filter(\.$organizationPath >= range.lower).filter(\.$organizationPath < range.upper)
            .filter(\.$state ~~ [KeyEvaluationState.reportSubmitted.rawValue, KeyEvaluationState.finalized.rawValue]).sort(\.$title).all()
        let orgs = Dictionary(uniqueKeysWithValues: try await OrganizationModel.query(on: db).filter(\.$id ~~ evaluations.compactMap(\.agencyID)).all().map { ($0.id!, $0) })
        let library = try await libraryAgencies(bureau: bureau, organizations: Array(orgs.keys), on: db)
        let reviews = Dictionary(uniqueKeysWithValues: try await QualityReviewModel.query(on: db).filter(\.$evaluationID ~~ evaluations.compactMap(\.id)).all().map { ($0.evaluationID, $0) })
        return (bureau, evaluations.map { e in
            Reviewable(evaluation: e, agencyName: e.agencyID.flatMap { orgs[$0]?.name } ?? "", libraryAgencyID: e.agencyID.flatMap { library[$0]?.id },
                       review: reviews[e.id!])
        })
    }

    /// The library records of agency organisations, nearest library first (the bureau's own, then those above).
    static func libraryAgencies(bureau: OrganizationModel, organizations: [UUID], on db: any Database) async throws -> [UUID: AgencyModel] {
        guard !organizations.isEmpty else { return [:] }
        let libraries = bureau.hierarchyPath.ids
        var result: [UUID: AgencyModel] = [:]
        for agency in try await AgencyModel.query(on: db).filter(\.$organizationID ~~ organizations).filter(\.$bureauID ~~ libraries).all() {
            guard let org = agency.organizationID else { continue }
            if let seen = result[org], (libraries.firstIndex(of: seen.bureauID) ?? 0) > (libraries.firstIndex(of: agency.bureauID) ?? 0) { continue }
            result[org] = agency
        }
        return result
    }

    /// Saves (or revises, until the year's notice is published) the review of one entrusted evaluation's report.
    static func review(evaluationID: UUID, entries: [QualityReviewEntry], by caller: Caller, on db: any Database) async throws -> Int {
        let bureau = try await ThinkTankLibrary.managedBureau(caller, on: db)
        guard let evaluation = try await KeyEvaluationModel.find(evaluationID, on: db),
              bureau.hierarchyPath.contains(HierarchyPath(rawValue: evaluation.organizationPath)) else { throw AppError.notFound() }
        guard let agencyOrg = evaluation.agencyID else { throw AppError(.conflict, "not_entrusted", Message(.errorThinkTankReviewNotEntrusted)) }
        guard [.reportSubmitted, .finalized].contains(evaluation.evaluationState) else {
            throw AppError(.conflict, "too_early", Message(.errorThinkTankReviewTooEarly))
        }
        guard let agency = try await libraryAgencies(bureau: bureau, organizations: [agencyOrg], on: db)[agencyOrg] else {
            throw AppError(.conflict, "not_in_library", Message(.errorThinkTankReviewNoLibraryAgency))
        }
        let problems = ReportQualityReview.problems(entries)
        if !problems.isEmpty { throw FormErrors(errors: problems.map(\.appError)) }
        for entry in entries {
            if let problem = AppError.text(entry.finding, field: "\(entry.criterion.rawValue).finding", maximum: InputLimits.longText, multiLine: true) { throw problem }
        }
        if try await QualityNoticeModel.query(on: db).filter(\.$bureauID == bureau.id!).filter(\.$fiscalYear == evaluation.fiscalYear).first() != nil {
            throw AppError(.conflict, "published", Message(.errorThinkTankReviewPublished(evaluation.fiscalYear)))
        }
        let user = try caller.person()
        let total = ReportQualityReview.total(entries)
        let existing = try await QualityReviewModel.query(on: db).filter(\.$evaluationID == evaluationID).first()
        // A review is its bureau's: another bureau (a province over a city's) does not rewrite it.
        if let existing, existing.bureauID != bureau.id! { throw AppError(.forbidden, "other_bureau", Message(.errorThinkTankReviewOtherBureau)) }
        let review = existing ?? QualityReviewModel()
        if existing == nil { review.id = caller.effects.uuid() }
        review.evaluationID = evaluationID; review.agencyID = agency.id!; review.bureauID = bureau.id!; review.fiscalYear = evaluation.fiscalYear
        review.entriesJSON = try KeyEvaluationModel.json(entries.map { QualityReviewEntry(criterion: $0.criterion, points: $0.points, finding: $0.finding.trimmed) })
        review.total = total; review.reviewedBy = user.userID; review.reviewedByName = user.displayName; review.reviewedAt = caller.now
        try await db.transaction { db in
            try await review.save(on: db)
            try await AuditTrail.record("think_tank.report_reviewed", entityType: "key_evaluation", entityID: evaluationID.uuidString.lowercased(),
                                        summary: "agency=\(agency.id!.uuidString.lowercased()) total=\(total) revised=\(existing != nil)", context: caller.audit, on: db)
        }
        return total
    }

    /// The year's result per agency of the bureau's reviews: the mean, the grade, and whether the entrustment rule
    /// now excludes it.
    static func yearly(bureau: OrganizationModel, year: Int, on db: any Database) async throws -> [QualityNoticeModel.Line] {
        let reviews = try await QualityReviewModel.query(on: db).filter(\.$bureauID == bureau.id!).filter(\.$fiscalYear == year).all()
        let agencies = Dictionary(uniqueKeysWithValues: try await AgencyModel.query(on: db).filter(\.$id ~~ Array(Set(reviews.map(\.agencyID)))).all().map { ($0.id!, $0) })
        let latest = try await ThinkTankDraws.lastReviews(of: Array(agencies.keys), on: db)
        return Dictionary(grouping: reviews, by: \.agencyID).compactMap { id, list -> QualityNoticeModel.Line? in
            guard let agency = agencies[id], let mean = ReportQualityReview.yearlyResult(list.map(\.total)) else { return nil }
            return QualityNoticeModel.Line(agency: agency.name, type: agency.type.chineseName, reviews: list.count, score: mean.storedText,
                                           grade: ReportQualityReview.grade(mean).chineseName,
                                           excluded: DynamicManagement.excludesAgency(lastReviewScore: latest[id].map { Decimal($0) }))
        }.sorted { ($0.score.decimalValue ?? 0, $1.agency) > ($1.score.decimalValue ?? 0, $0.agency) }
    }

    /// Publishes the year's results as the bureau's notice; a published notice stays as it was published.
    static func publish(year: Int, by caller: Caller, on db: any Database) async throws {
        let bureau = try await ThinkTankLibrary.managedBureau(caller, on: db)
        if try await QualityNoticeModel.query(on: db).filter(\.$bureauID == bureau.id!).filter(\.$fiscalYear == year).first() != nil {
            throw AppError(.conflict, "published", Message(.errorThinkTankReviewPublished(year)))
        }
        let lines = try await yearly(bureau: bureau, year: year, on: db)
        guard !lines.isEmpty else { throw AppError(.conflict, "nothing_reviewed", Message(.errorThinkTankNothingReviewed(year))) }
        let notice = QualityNoticeModel()
        notice.id = caller.effects.uuid(); notice.bureauID = bureau.id!; notice.fiscalYear = year; notice.linesJSON = try KeyEvaluationModel.json(lines)
        notice.publishedByName = try caller.person().displayName; notice.publishedAt = caller.now
        try await db.transaction { db in
            try await notice.create(on: db)
            try await AuditTrail.record("think_tank.notice_published", entityType: "organization", entityID: bureau.id!.uuidString.lowercased(),
                                        summary: "year=\(year) agencies=\(lines.count)", context: caller.audit, on: db)
        }
    }

    static func notice(bureauCode: String, year: Int, on db: any Database) async throws -> (OrganizationModel, QualityNoticeModel)? {
        guard let bureau = try await OrganizationCommands.byCode(bureauCode, on: db), bureau.organizationKind == .financeBureau,
              let notice = try await QualityNoticeModel.query(on: db).filter(\.$bureauID == bureau.id!).filter(\.$fiscalYear == year).first() else { return nil }
        return (bureau, notice)
    }
}

extension QualityReviewProblem {
    var appError: AppError {
        switch self {
        case .missing(let c): .invalid(c.rawValue, Message(.errorThinkTankReviewMissing(c)))
        case .duplicate(let c): .invalid(c.rawValue, Message(.errorThinkTankReviewDuplicate(c)))
        case .outOfRange(let c, let maximum): .invalid("\(c.rawValue).points", Message(.errorThinkTankReviewRange(c, maximum)))
        case .findingNeeded(let c): .invalid("\(c.rawValue).finding", Message(.errorThinkTankReviewFinding(c)))
        }
    }
}

private extension String {
    var decimalValue: Decimal? { Decimal(string: self) }
}
