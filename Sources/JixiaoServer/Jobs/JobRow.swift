import Foundation
import SQLKit
import Vapor

/// 后台任务 — one piece of long work (an import now; round openings, warning scans, scoring and report builds next):
/// what it is, who asked for it, how far it has come and how it ended. It lives as a row of `jobs`, so any process
/// can run it, show it or take it over.
enum JobState: String, Codable, Sendable, CaseIterable {
    /// Waiting for a worker.
    case queued
    /// Claimed by a worker, which keeps `heartbeat_at` fresh.
    case running
    case succeeded
    /// The work refused or broke; `error` says why.
    case failed
    /// Its runner stopped once too often (every attempt ended with the process, not the work).
    case interrupted

    var isFinished: Bool { self == .succeeded || self == .failed || self == .interrupted }
}

/// How far a running job has come: the step it is in (named by its kind) and the count within that step.
struct JobProgress: Codable, Sendable, Equatable {
    var phase: String
    var done: Int = 0
    var total: Int? = nil
}

/// A job as read from its row, without its input (which can be megabytes and is read only by the worker that runs it).
struct JobRow: Sendable, Decodable {
    var id: UUID
    var kind: String
    var state: String
    var callerUserID: UUID?
    var callerName: String
    var callerOrganizationID: String
    var callerScopePath: String
    var requestID: String
    var clientAddress: String
    var parameters: String?
    var inputBytes: Int
    var phase: String?
    var done: Int
    var total: Int?
    var result: String?
    var error: String?
    var attempts: Int
    var claimedBy: String?
    var heartbeatAt: Date?
    var createdAt: Date
    var startedAt: Date?
    var finishedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, kind, state, parameters, phase, done, total, result, error, attempts
        case callerUserID = "caller_user_id", callerName = "caller_name", callerOrganizationID = "caller_organization_id"
        case callerScopePath = "caller_scope_path", requestID = "request_id", clientAddress = "client_address"
        case inputBytes = "input_bytes", claimedBy = "claimed_by", heartbeatAt = "heartbeat_at"
        case createdAt = "created_at", startedAt = "started_at", finishedAt = "finished_at"
    }

    /// Every column but `input`, for selects and `RETURNING`.
    static let columns = ["id", "kind", "state", "caller_user_id", "caller_name", "caller_organization_id", "caller_scope_path",
                          "request_id", "client_address", "parameters", "input_bytes", "phase", "done", "total", "result", "error",
                          "attempts", "claimed_by", "heartbeat_at", "created_at", "started_at", "finished_at"]

    var jobState: JobState { JobState(rawValue: state) ?? .failed }
    var progress: JobProgress? { phase.map { JobProgress(phase: $0, done: done, total: total) } }

    /// The audit context the job's changes are recorded with: the person (or system) and request that queued it.
    var auditContext: AuditContext {
        AuditContext(userID: callerUserID?.uuidString.lowercased() ?? "-", userName: callerName, organizationID: callerOrganizationID,
                     scopePath: callerScopePath, requestID: requestID, clientAddress: clientAddress)
    }

    /// The kind's parameters, decoded.
    func parameters<P: Decodable>(as type: P.Type) -> P? {
        parameters.flatMap { try? JSONDecoder().decode(P.self, from: Data($0.utf8)) }
    }

    /// The job's result, decoded (nil until it succeeded).
    func result<R: Decodable>(as type: R.Type) -> R? {
        result.flatMap { try? JSONDecoder().decode(R.self, from: Data($0.utf8)) }
    }

    /// The error that ended it, as the person will read it.
    var appError: AppError? {
        error.flatMap { try? JSONDecoder().decode(StoredAppError.self, from: Data($0.utf8)) }?.appError
    }
}

/// An `AppError` as JSON on a job's row, rendered in the reader's language when shown.
struct StoredAppError: Codable {
    var status: UInt
    var code: String
    var message: Message
    var details: [AppError.Detail]

    init(_ error: AppError) { status = error.status.code; code = error.code; message = error.message; details = error.details }
    var appError: AppError { AppError(.init(statusCode: Int(status)), code, message, details: details) }

    var json: String { (try? JSONEncoder().encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}" }
}
