import Crypto
import Fluent
import Foundation
import SQLKit
import Vapor
import JixiaoDomain

/// 满意度调查: the runners set up one questionnaire per evaluation; beneficiaries answer through a public link without an
/// account; the satisfaction rate becomes the actual value of the chosen indicator.
extension KeyEvaluations {
    /// How the office wants the questionnaire handed out.
    struct SurveySetup: Sendable {
        var design: SurveyDesign
        var usesTokens: Bool
        var tokenCount: Int
        var limit: OpenLinkLimit
        var indicatorID: UUID?
    }

    static let maximumTokens = 5_000

    static func survey(of evaluationID: UUID, on db: any Database) async throws -> KeyEvaluationSurveyModel? {
        try await KeyEvaluationSurveyModel.query(on: db).filter(\.$evaluationID == evaluationID).first()
    }

    /// Creates the evaluation's questionnaire, issuing the tokens in the same transaction.
    static func createSurvey(_ id: UUID, setup: SurveySetup, by caller: Caller, on db: any Database) async throws -> UUID {
        let (evaluation, _) = try await forChange(id, lockVersion: nil, by: caller, on: db)
        guard [.planning, .planSubmitted, .underway].contains(evaluation.evaluationState) else {
            throw AppError(.conflict, "not_editable", Message(.errorKeyEvaluationNotEditable(evaluation.evaluationState.termKey)))
        }
        guard try await survey(of: id, on: db) == nil else { throw AppError(.conflict, "survey_exists", Message(.errorSurveyExists)) }
        var errors = SatisfactionSurvey.problems(setup.design).map(\.appError)
        for (field, text, maximum) in [("title", setup.design.title, InputLimits.name), ("intro", setup.design.intro, InputLimits.longText)] {
            if let problem = AppError.text(text, field: field, maximum: maximum, multiLine: field == "intro") { errors.append(problem) }
        }
        for (index, question) in setup.design.questions.enumerated() {
            if let problem = AppError.text(question.text, field: "q[\(index)][text]", maximum: InputLimits.shortText) { errors.append(problem) }
            for option in question.options {
                if let problem = AppError.text(option, field: "q[\(index)][options]", maximum: InputLimits.shortText) { errors.append(problem) }
            }
        }
        if setup.usesTokens && !(1...maximumTokens).contains(setup.tokenCount) {
            errors.append(.invalid("tokens", Message(.errorSurveyTokenCount(String(maximumTokens)))))
        }
        if !setup.usesTokens && (!(1...100).contains(setup.limit.answers) || !(1...720).contains(setup.limit.hours)) {
            errors.append(.invalid("limit", Message(.errorSurveyLimit)))
        }
        if let indicator = setup.indicatorID,
           try await KeyEvaluationIndicatorModel.query(on: db).filter(\.$id == indicator).filter(\.$evaluationID == id).count() == 0 {
            errors.append(.invalid("indicator", Message(.errorKeyEvaluationUnknownIndicator)))
        }
        guard errors.isEmpty else { throw FormErrors(errors: errors) }
        let survey = KeyEvaluationSurveyModel()
        survey.id = caller.effects.uuid()
        survey.evaluationID = id; survey.publicKey = Secrets.token(); survey.designJSON = try KeyEvaluationModel.json(setup.design)
        survey.mode = setup.usesTokens ? "tokens" : "open"; survey.limitAnswers = setup.limit.answers; survey.limitHours = setup.limit.hours
        survey.indicatorID = setup.indicatorID; survey.state = "open"
        survey.createdByName = try caller.person().displayName; survey.createdAt = caller.now
        try await db.transaction { db in
            try await survey.create(on: db)
            if setup.usesTokens {
                for chunk in Array(0..<setup.tokenCount).chunked(into: 500) {
                    var insert = db.sql.insert(into: SurveyTokenModel.schema).columns("id", "survey_id", "token")
                    for _ in chunk { insert = insert.values(SQLBind(UUID()), SQLBind(survey.id!), SQLBind(surveyToken())) }
                    try await insert.run()
                }
            }
            try await AuditTrail.record("key_evaluation.survey_created", entityType: "key_evaluation", entityID: id.uuidString.lowercased(),
                                        summary: "questions=\(setup.design.questions.count) mode=\(survey.mode) tokens=\(setup.usesTokens ? setup.tokenCount : 0)",
                                        context: caller.audit, on: db)
        }
        return survey.id!
    }

    /// A code short enough to type from paper (12 characters from an alphabet without look-alikes: about 60 bits).
    static func surveyToken() -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<12).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// Closes the questionnaire: the link then says so and takes no more answers.
    static func closeSurvey(_ id: UUID, by caller: Caller, on db: any Database) async throws {
        _ = try await forChange(id, lockVersion: nil, by: caller, on: db)
        guard let survey = try await survey(of: id, on: db) else { throw AppError.notFound() }
        survey.state = "closed"
        try await db.transaction { db in
            try await survey.save(on: db)
            try await AuditTrail.record("key_evaluation.survey_closed", entityType: "key_evaluation", entityID: id.uuidString.lowercased(),
                                        summary: "answers=\(try await SurveyResponseModel.query(on: db).filter(\.$surveyID == survey.id!).count())",
                                        context: caller.audit, on: db)
        }
    }

    /// The answers so far.
    static func responses(_ survey: KeyEvaluationSurveyModel, on db: any Database) async throws -> [SurveyResponseModel] {
        try await SurveyResponseModel.query(on: db).filter(\.$surveyID == survey.id!).sort(\.$submittedAt).all()
    }

    /// Writes the satisfaction rate as the actual value of the survey's indicator (while the team scores).
    static func applySurveyRate(_ id: UUID, by caller: Caller, on db: any Database) async throws {
        let (evaluation, _) = try await forChange(id, lockVersion: nil, by: caller, on: db)
        guard evaluation.evaluationState == .underway else { throw AppError(.conflict, "not_scoring", Message(.errorKeyEvaluationNotScoring)) }
        guard let survey = try await survey(of: id, on: db) else { throw AppError.notFound() }
        guard let indicatorID = survey.indicatorID, let indicator = try await KeyEvaluationIndicatorModel.find(indicatorID, on: db) else {
            throw AppError.invalid("indicator", Message(.errorSurveyNoIndicator))
        }
        let design = try survey.design
        guard let rate = SatisfactionSurvey.rate(try await responses(survey, on: db).map(\.answers), design: design) else {
            throw AppError(.conflict, "no_answers", Message(.errorSurveyNoAnswers))
        }
        indicator.actual = Ratio.text(rate.percent, decimals: 2) + "%"
        try await db.transaction { db in
            try await indicator.save(on: db)
            try await AuditTrail.record("key_evaluation.survey_rate_applied", entityType: "key_evaluation", entityID: id.uuidString.lowercased(),
                                        summary: "indicator=\(indicator.level3) actual=\(indicator.actual ?? "") satisfied=\(rate.satisfied)/\(rate.answered)",
                                        context: caller.audit, on: db)
        }
    }

    // MARK: the public side

    /// The open questionnaire behind a public key; nil when there is none.
    static func publicSurvey(key: String, on db: any Database) async throws -> KeyEvaluationSurveyModel? {
        guard key.count <= 64, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { return nil }
        return try await KeyEvaluationSurveyModel.query(on: db).filter(\.$publicKey == key).first()
    }

    /// Takes one anonymous answer: with a token, once per token; on an open link, within the limit per address. The
    /// token is spent in the same transaction as the answer is stored.
    static func answer(key: String, token: String?, answers: [Int: String], address: String, now: Date, on db: any Database) async throws {
        guard let survey = try await publicSurvey(key: key, on: db) else { throw AppError.notFound() }
        guard survey.isOpen else { throw AppError(.gone, "survey_closed", Message(.errorSurveyClosed)) }
        let design = try survey.design
        let clean: [Int: String]
        switch SatisfactionSurvey.validate(answers, for: design) {
        case .success(let value): clean = value
        case .failure(let refused): throw FormErrors(errors: refused.problems.map { $0.appError(design) })
        }
        let addressHash = SHA256.hash(data: Data((survey.publicKey + "|" + address).utf8)).map { String(format: "%02x", $0) }.joined()
        if !survey.usesTokens {
            let since = now.addingTimeInterval(-Double(survey.limitHours) * 3600)
            let previous = try await SurveyResponseModel.query(on: db).filter(\.$surveyID == survey.id!).filter(\.$addressHash == addressHash)
                .filter(\.$submittedAt > since).count()
            guard survey.limit.allows(previousAnswers: previous) else {
                throw AppError(.tooManyRequests, "survey_limit", Message(.errorSurveyTooMany(String(survey.limitAnswers), String(survey.limitHours))))
            }
        }
        let stored = Dictionary(uniqueKeysWithValues: clean.map { (String($0.key), $0.value) })
        let response = SurveyResponseModel()
        response.id = UUID(); response.surveyID = survey.id!; response.answersJSON = try KeyEvaluationModel.json(stored)
        response.addressHash = addressHash; response.submittedAt = now
        try await db.transaction { db in
            if survey.usesTokens {
                struct Row: Decodable { var id: UUID }
                let code = (token ?? "").trimmed.uppercased()
                let spent = try await db.sql.update(SurveyTokenModel.schema).set("used_at", to: SQLBind(now))
                    .where("survey_id", .equal, SQLBind(survey.id!)).where("token", .equal, SQLBind(code)).where("used_at", .is, SQLLiteral.null)
                    .returning("id").all(decoding: Row.self)
                guard spent.count == 1 else { throw AppError(.forbidden, "survey_token", Message(.errorSurveyToken)) }
            }
            try await response.create(on: db)
        }
    }
}

extension SurveyDesignProblem {
    var appError: AppError {
        switch self {
        case .noQuestions: .invalid("questions", Message(.errorSurveyNoQuestions))
        case .tooManyQuestions(let maximum): .invalid("questions", Message(.errorTooMany(String(maximum), "")))
        case .emptyQuestion(let index): .invalid("q[\(index)][text]", Message(.errorSurveyEmptyQuestion(index + 1)))
        case .tooFewOptions(let index): .invalid("q[\(index)][options]", Message(.errorSurveyOptions(index + 1)))
        case .satisfactionNotScale: .invalid("satisfaction", Message(.errorSurveySatisfaction))
        }
    }
}

extension SurveyAnswerProblem {
    func appError(_ design: SurveyDesign) -> AppError {
        switch self {
        case .missing(let index): .invalid("a[\(index)]", Message(.errorSurveyAnswerMissing(index + 1)))
        case .notAnOption(let index): .invalid("a[\(index)]", Message(.errorSurveyAnswerOption(index + 1)))
        case .tooLong(let index, let maximum): .invalid("a[\(index)]", Message(.errorTextTooLong(String(maximum), "")))
        case .forbiddenCharacter(let index): .invalid("a[\(index)]", Message(.errorSurveyAnswerCharacters(index + 1)))
        }
    }
}
