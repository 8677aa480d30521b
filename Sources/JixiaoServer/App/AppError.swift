import Vapor

/// A problem with a request, carrying what a person needs to fix it: a stable code for programs,
/// a localizable message, the form field it belongs to, and per-row details for imports.
struct AppError: Error, Sendable {
    var status: HTTPResponseStatus
    var code: String
    var message: Message
    var field: String?
    var details: [Detail] = []
    /// Set on refusals (out of reach, not permitted, a workflow step refused): what the audit trail records of it.
    /// Errors with 401/403/404 are recorded even without it (see `RefusalRecorder`).
    var auditNote: String? = nil
    /// Where in a form with repeated rows the problem is ("第 2 个指标“学生满意度”"), for the list of problems.
    var location: Message? = nil

    struct Detail: Sendable, Codable {
        /// The row of an imported file, for programs; `location` says the same for people.
        var line: Int?
        var location: Message?
        var field: String?
        var message: Message
    }

    init(_ status: HTTPResponseStatus, _ code: String, _ message: Message, field: String? = nil, details: [Detail] = []) {
        self.status = status; self.code = code; self.message = message; self.field = field; self.details = details
    }

    static func notFound() -> AppError { AppError(.notFound, "not_found", Message(.errorNotFound)) }
    static func forbidden() -> AppError { AppError(.forbidden, "forbidden", Message(.errorForbidden)) }
    static func unauthenticated() -> AppError { AppError(.unauthorized, "unauthenticated", Message(.errorUnauthenticated)) }
    /// A code the caller may not use: unknown, or outside its reach — the answer does not say which, and the audit
    /// trail records the attempt.
    static func unknownOrganization(_ field: String, code: String) -> AppError {
        var error = AppError.invalid(field, Message(.errorUnknownOrganization(code)))
        error.auditNote = "\(field)=\(code.prefix(80)) unknown or out of reach"
        return error
    }

    /// A name or code that must be unique is in use. Inside the caller's reach the answer says so; outside it the
    /// answer is the one given for reserved names, so it confirms nothing about organisations the caller cannot see.
    static func taken(_ field: String, value: String, holderInReach: Bool) -> AppError {
        if holderInReach {
            let message = field == "username" ? Message(.errorUsernameTaken(value)) : Message(.errorCodeTaken(value))
            return AppError(.conflict, field == "username" ? "username_taken" : "code_taken", message, field: field)
        }
        var error = AppError(.conflict, "unavailable", Message(.errorUnavailable), field: field)
        error.auditNote = "\(field)=\(value.prefix(80)) in use outside the caller's reach"
        return error
    }

    static func invalid(_ field: String, _ message: Message, code: String = "invalid_input") -> AppError {
        AppError(.unprocessableEntity, code, message, field: field)
    }
}

/// Several field errors found in one form, shown next to their fields together.
struct FormErrors: Error, Sendable {
    var errors: [AppError]
    /// What the whole refusal says above the list ("还有 5 处须填写或说明，不能报送。"); default: how many fields.
    var summary: (code: String, message: Message)? = nil
    var byField: [String: Message] {
        Dictionary(errors.compactMap { error in error.field.map { ($0, error.message) } }, uniquingKeysWith: { first, _ in first })
    }
}
