import JixiaoDomain
import Vapor
import Plot
import AsyncKit
import FluentPostgresDriver

/// Turns every error into a localized page for browsers or a JSON body with a stable code for the API.
struct ErrorRenderingMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let appError = Self.appError(for: error, request: request)
            Self.noteRefusal(appError, innerErrors: (error as? FormErrors)?.errors ?? [], request: request)
            return Self.render(appError, request: request)
        }
    }

    /// Refusals go to the audit trail (aggregated, see `RefusalRecorder`): 401, 403, 404, and errors that say
    /// something was refused although they answer otherwise (a workflow step, a code outside the caller's reach).
    /// A refusal as a page shows it again: the problem at the top and the errors by field, noted in the trail. A
    /// "not found" or a fault is thrown on, to be answered as such.
    static func pageRefusal(_ error: any Error, request req: Request) throws -> (AppError, [String: Message]) {
        switch error {
        case let errors as FormErrors:
            noteRefusal(nil, innerErrors: errors.errors, request: req)
            return (appError(for: errors, request: req), errors.byField)
        case let error as AppError where error.status != .notFound && error.status != .internalServerError:
            noteRefusal(error, innerErrors: [], request: req)
            return (error, error.field.map { [$0: error.message] } ?? [:])
        default:
            throw error
        }
    }

    static func noteRefusal(_ error: AppError?, innerErrors: [AppError], request: Request) {
        let all = (error.map { [$0] } ?? []) + innerErrors
        let notes = all.compactMap(\.auditNote)
        guard let error = error ?? innerErrors.first,
              all.contains(where: { [.unauthorized, .forbidden, .notFound].contains($0.status) }) || !notes.isEmpty else { return }
        let action = error.code == "csrf_rejected" ? "auth.csrf_rejected"
            : error.code == "invalid_token" ? "auth.token_rejected" : "access.refused"
        request.noteRefusal(action, summary: "\(error.status.code) \(error.code) \(request.method.rawValue) \(request.url.path)"
                            + (notes.isEmpty ? "" : " " + notes.joined(separator: "; ")))
    }

    static func appError(for error: any Error, request: Request) -> AppError {
        switch error {
        case let error as AppError:
            return error
        case let error as FormErrors:
            guard let first = error.errors.first else { return AppError(.unprocessableEntity, "invalid_input", Message(.errorInvalidInput)) }
            if error.errors.count == 1 && error.summary == nil && first.location == nil { return first }
            return AppError(first.status, error.summary?.code ?? first.code, error.summary?.message ?? Message(.formHasErrors(String(error.errors.count))),
                            field: first.field, details: error.errors.map { AppError.Detail(location: $0.location, field: $0.field, message: $0.message) })
        case let abort as any AbortError:
            switch abort.status {
            case .notFound: return .notFound()
            case .payloadTooLarge:
                // The limit that applies to what was sent: the file limits of the two imports (their routes accept a little
                // more for the form's own bytes), else the route's own body limit.
                let path = request.url.path
                let bytes = path == GoalRoute.importFile.url ? GoalExchangeService.maximumImportBytes
                    : path == OrganizationRoute.importFile.url ? request.application.jixiao.maximumImportBytes
                    : path.hasPrefix("/evaluation/key/") && path.hasSuffix("/evidence") ? EvidenceFiles.maximumBytes
                    : request.route?.bodyLimit ?? request.application.routes.defaultMaxBodySize.value
                return AppError(.payloadTooLarge, "payload_too_large", Message(.errorTooLarge(String(max(1, bytes / (1024 * 1024))))))
            case .unauthorized: return .unauthenticated()
            case .forbidden: return .forbidden()
            case .badRequest, .unprocessableEntity, .unsupportedMediaType:
                return AppError(abort.status, "bad_request", Message(.errorBadRequest(abort.reason)))
            case .methodNotAllowed: return AppError(.methodNotAllowed, "method_not_allowed", Message(.errorBadRequest(abort.reason)))
            case .tooManyRequests, .serviceUnavailable:
                return AppError(abort.status, "busy", Message(.errorBusy))
            default:
                request.logger.report(error: error)
                return AppError(abort.status, "error", Message(.errorInternal(request.id)))
            }
        case let error as DecodingError:
            return AppError(.badRequest, "bad_request", Message(.errorBadRequest("\(error)")))
        case let error where SQLiteWriters.isBusy(error):
            // Another writer (an import saving its file) held SQLite's write lock for the whole wait.
            request.logger.notice("SQLite write lock busy: answered 503")
            return AppError(.serviceUnavailable, "busy", Message(.errorDatabaseBusy))
        case let error as PSQLError where ["22021", "22P05"].contains(error.serverInfo?[.sqlState] ?? ""):
            // A NUL byte (or another character PostgreSQL cannot store) in a value: the request is malformed, not the server.
            return AppError(.badRequest, "bad_request", Message(.errorBadRequest("invalid character in the request")))
        case is ConnectionPoolTimeoutError:
            // Every database connection stayed busy for the pool's whole timeout: overload, not a fault.
            request.logger.warning("database connection pool exhausted: answered 503")
            return AppError(.serviceUnavailable, "busy", Message(.errorDatabaseBusy))
        default:
            request.logger.report(error: error)
            return AppError(.internalServerError, "internal_error", Message(.errorInternal(request.id)))
        }
    }

    static func render(_ error: AppError, request: Request) -> Response {
        let t = request.localizer
        if request.isAPI || request.headers.accept.contains(where: { $0.mediaType == .json }) && !request.headers.accept.contains(where: { $0.mediaType == .html }) {
            return APIErrorBody(error, localizer: t).response(status: error.status)
        }
        if error.status == .unauthorized {
            return request.redirect(to: AccessRoute.signIn())
        }
        let title: TextKey = switch error.status {
        case .notFound: .errorNotFoundTitle
        case .forbidden: .errorForbiddenTitle
        case .internalServerError: .errorInternalTitle
        default: .errorGenericTitle
        }
        return request.layout.render(title: t(title), status: error.status,
            Components.problem(error, t),
            .p(.a(.href(HomeRoute.home().url), .text(t(.backHome))))
        )
    }
}

/// The JSON shape of every API error: `{"error": {"code", "message", "field", "details": […]}}`.
struct APIErrorBody: Content {
    struct Body: Content {
        var code: String
        var message: String
        var field: String?
        var details: [DetailBody]
    }
    struct DetailBody: Content {
        var line: Int?
        var location: String?
        var field: String?
        var message: String
    }
    var error: Body

    init(_ error: AppError, localizer t: Localizer) {
        self.error = Body(code: error.code, message: t(error.message), field: error.field,
                          details: error.details.map { DetailBody(line: $0.line, location: $0.location.map { t($0) }, field: $0.field, message: t($0.message)) })
    }

    func response(status: HTTPResponseStatus) -> Response {
        (try? Response.json(self, status: status)) ?? Response(status: status)
    }
}
