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
    static func invalid(_ field: String, _ message: Message, code: String = "invalid_input") -> AppError {
        AppError(.unprocessableEntity, code, message, field: field)
    }
}

/// Several field errors found in one form, shown next to their fields together.
struct FormErrors: Error, Sendable {
    var errors: [AppError]
    var byField: [String: Message] {
        Dictionary(errors.compactMap { error in error.field.map { ($0, error.message) } }, uniquingKeysWith: { first, _ in first })
    }
}
