import Fluent
import Foundation
import SQLKit
import JixiaoDomain

/// Writing the report: the team (and the runners) edit the sections and keep the findings and suggestions while the
/// evaluation is under way; the leader submits it, the bureau finalizes or returns it.
extension KeyEvaluations {
    private static func reportForWriting(_ id: UUID, by caller: Caller, on db: any Database) async throws -> KeyEvaluationReport {
        let report = try await KeyEvaluationReport.load(id, by: caller, on: db)
        guard report.canWrite else {
            throw AppError(.conflict, "not_editable", Message(.errorKeyEvaluationNotEditable(report.evaluation.evaluationState.termKey)))
        }
        return report
    }

    /// Saves the sections' texts as typed (an empty one falls back to its draft on the page).
    static func saveReport(_ id: UUID, texts: [ReportSection: String], by caller: Caller, on db: any Database) async throws {
        let report = try await reportForWriting(id, by: caller, on: db)
        var errors: [AppError] = []
        for (section, text) in texts {
            if let problem = AppError.text(text, field: "section_\(section.rawValue)", maximum: 20_000, multiLine: true) { errors.append(problem) }
        }
        guard errors.isEmpty else { throw FormErrors(errors: errors) }
        let user = try caller.person()
        try await db.transaction { db in
            for (section, text) in texts.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                let row = report.saved[section] ?? ReportSectionModel()
                if row.id == nil { row.id = caller.effects.uuid(); row.evaluationID = id; row.section = section.rawValue }
                row.text = text.trimmed; row.updatedByName = user.displayName; row.updatedAt = caller.now
                try await row.save(on: db)
            }
            try await AuditTrail.record("key_evaluation.report_saved", entityType: "key_evaluation", entityID: id.uuidString.lowercased(),
                                        summary: "sections=\(texts.keys.map(\.rawValue).sorted().joined(separator: ","))", context: caller.audit, on: db)
        }
    }

    /// Records a problem the evaluation found, addressed to one of the evaluated organisations.
    static func addFinding(_ id: UUID, description: String, responsible: UUID?, indicator: UUID?, by caller: Caller, on db: any Database) async throws {
        let report = try await reportForWriting(id, by: caller, on: db)
        var errors: [AppError] = []
        let text = description.trimmed
        if text.isEmpty { errors.append(.invalid("description", Message(.errorReportFindingText))) }
        if let problem = AppError.text(text, field: "description", maximum: InputLimits.longText, multiLine: true) { errors.append(problem) }
        let organization = report.responsibleCandidates.first { $0.id == responsible }
        if organization == nil { errors.append(.invalid("responsible", Message(.errorReportFindingResponsible(report.findings.count + 1)))) }
        if let indicator, !report.indicators.contains(where: { $0.id == indicator }) {
            errors.append(.invalid("indicator", Message(.errorKeyEvaluationUnknownIndicator)))
        }
        if report.findings.count >= 100 { errors.append(.invalid("description", Message(.errorTooMany("100", "101")))) }
        guard errors.isEmpty, let organization else { throw FormErrors(errors: errors) }
        let finding = ReportFindingModel()
        finding.id = caller.effects.uuid()
        finding.evaluationID = id; finding.position = (report.findings.map(\.position).max() ?? -1) + 1
        finding.findingDescription = text; finding.responsibleOrganizationID = organization.id; finding.responsibleName = organization.name
        finding.indicatorID = indicator; finding.createdAt = caller.now
        try await db.transaction { db in
            try await finding.create(on: db)
            try await AuditTrail.record("key_evaluation.finding_added", entityType: "key_evaluation", entityID: id.uuidString.lowercased(),
                                        summary: "responsible=\(organization.code) finding=\(text)", context: caller.audit, on: db)
        }
    }

    /// Removes a finding and its ties to suggestions.
    static func removeFinding(_ id: UUID, findingID: UUID, by caller: Caller, on db: any Database) async throws {
        let report = try await reportForWriting(id, by: caller, on: db)
        guard let finding = report.findings.first(where: { $0.id == findingID }) else { throw AppError.notFound() }
        try await db.transaction { db in
            for suggestion in report.suggestions where suggestion.findingIDs.contains(findingID) {
                suggestion.findingIDsText = suggestion.findingIDs.filter { $0 != findingID }.map(\.uuidString).joined(separator: ",")
                try await suggestion.save(on: db)
            }
            try await finding.delete(on: db)
            try await AuditTrail.record("key_evaluation.finding_removed", entityType: "key_evaluation", entityID: id.uuidString.lowercased(),
                                        summary: "finding=\(finding.findingDescription)", context: caller.audit, on: db)
        }
    }

    /// Records a suggestion tied to findings of this report.
    static func addSuggestion(_ id: UUID, text: String, findingIDs: [UUID], by caller: Caller, on db: any Database) async throws {
        let report = try await reportForWriting(id, by: caller, on: db)
        var errors: [AppError] = []
        let body = text.trimmed
        if body.isEmpty { errors.append(.invalid("suggestion", Message(.errorReportSuggestionText))) }
        if let problem = AppError.text(body, field: "suggestion", maximum: InputLimits.longText, multiLine: true) { errors.append(problem) }
        let known = Set(report.findings.compactMap(\.id))
        if findingIDs.contains(where: { !known.contains($0) }) { errors.append(.invalid("findings", Message(.errorReportSuggestionFinding(report.suggestions.count + 1)))) }
        if report.suggestions.count >= 100 { errors.append(.invalid("suggestion", Message(.errorTooMany("100", "101")))) }
        guard errors.isEmpty else { throw FormErrors(errors: errors) }
        let suggestion = ReportSuggestionModel()
        suggestion.id = caller.effects.uuid()
        suggestion.evaluationID = id; suggestion.position = (report.suggestions.map(\.position).max() ?? -1) + 1
        suggestion.text = body; suggestion.findingIDsText = Array(Set(findingIDs)).map(\.uuidString).sorted().joined(separator: ","); suggestion.createdAt = caller.now
        try await db.transaction { db in
            try await suggestion.create(on: db)
            try await AuditTrail.record("key_evaluation.suggestion_added", entityType: "key_evaluation", entityID: id.uuidString.lowercased(),
                                        summary: "findings=\(findingIDs.count) suggestion=\(body)", context: caller.audit, on: db)
        }
    }

    static func removeSuggestion(_ id: UUID, suggestionID: UUID, by caller: Caller, on db: any Database) async throws {
        let report = try await reportForWriting(id, by: caller, on: db)
        guard let suggestion = report.suggestions.first(where: { $0.id == suggestionID }) else { throw AppError.notFound() }
        try await db.transaction { db in
            try await suggestion.delete(on: db)
            try await AuditTrail.record("key_evaluation.suggestion_removed", entityType: "key_evaluation", entityID: id.uuidString.lowercased(),
                                        summary: "suggestion=\(suggestion.text)", context: caller.audit, on: db)
        }
    }
}
