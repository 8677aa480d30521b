import Foundation
import Vapor

/// `/api/v1/jobs/{id}` — how a job the caller queued stands: what an answer 202 (`Prefer: respond-async`, or work
/// that outlasted the wait) points to with its `Location`. Only the person who queued a job reads it; anyone else,
/// like a job that does not exist, gets 404.
enum JobsAPI: OpenAPIVocabulary {
    static let endpoints: [APIEndpoint] = [
        APIEndpoint(method: .GET, path: ["jobs", ":id"], operationID: "getJob",
                    summary: "A job the caller queued: its state, how far it has come, and its outcome or the error that ended it", tag: "jobs",
                    responseSchema: "Job", handler: job),
    ]

    static var schemas: [(String, JSONValue)] {
        let time: JSONValue = ["type": "string", "format": "date-time"], laterTime: JSONValue = ["type": ["string", "null"], "format": "date-time"]
        return [
            ("JobAccepted", object([("jobID", uuid)], required: ["jobID"])),
            ("Job", object([("id", uuid), ("kind", string), ("state", values(JobState.self)), ("phase", nullableString), ("done", integer),
                            ("total", ["type": ["integer", "null"]]), ("createdAt", time), ("startedAt", laterTime), ("finishedAt", laterTime),
                            ("outcome", ["description": "What the finished job reports, as its kind defines it (null until it succeeded)"]),
                            ("error", ["anyOf": [ref("ErrorBody"), ["type": "null"]], "description": "Why it failed, as the API's errors say it"])],
                           required: ["id", "kind", "state", "done", "createdAt"])),
        ]
    }

    struct JobDTO: Content {
        var id: UUID
        var kind: String
        var state: String
        var phase: String?
        var done: Int
        var total: Int?
        var createdAt: String
        var startedAt: String?
        var finishedAt: String?
        var outcome: JSONValue?
        var error: APIErrorBody.Body?

        init(_ job: JobRow, app: Application, localizer: Localizer) {
            let time = ISO8601DateFormatter()
            id = job.id; kind = job.kind; state = job.state; phase = job.phase; done = job.done; total = job.total
            createdAt = time.string(from: job.createdAt); startedAt = job.startedAt.map(time.string(from:)); finishedAt = job.finishedAt.map(time.string(from:))
            outcome = job.jobState == .succeeded ? job.result.flatMap { try? JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) } : nil
            error = job.jobState == .failed || job.jobState == .interrupted
                ? APIErrorBody(JobsAPI.failure(of: job, app: app), localizer: localizer).error : nil
        }

        /// Every key written, `null` where there is nothing (the schema names them all).
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(kind, forKey: .kind); try c.encode(state, forKey: .state)
            try c.encode(phase, forKey: .phase); try c.encode(done, forKey: .done); try c.encode(total, forKey: .total)
            try c.encode(createdAt, forKey: .createdAt); try c.encode(startedAt, forKey: .startedAt); try c.encode(finishedAt, forKey: .finishedAt)
            try c.encode(outcome, forKey: .outcome); try c.encode(error, forKey: .error)
        }
    }

    @Sendable static func job(req: Request) async throws -> Response {
        let job = try await JobQueue.find(try APIRoutes.id(req), for: try req.caller(), app: req.application, on: req.db)
        return try .json(JobDTO(job, app: req.application, localizer: req.localizer))
    }

    /// Why a job ended without its outcome: its own error, else what its kind says, else the general words.
    static func failure(of job: JobRow, app: Application) -> AppError {
        job.appError ?? app.jobKinds[job.kind]?.failure ?? AppError(.internalServerError, "job_failed", Message(.errorJobFailed))
    }

    /// How an endpoint that queues a job answers: with `Prefer: respond-async` at once, 202 and the job; otherwise it waits
    /// (up to ten minutes) and answers with what `succeeded` makes of the finished job, the job's own error when it
    /// failed (else its kind's), or 202 when it is still running. A 202 names the job and its `Location`.
    static func answer(_ job: UUID, _ req: Request, succeeded: (JobRow) throws -> Response) async throws -> Response {
        func accepted() throws -> Response {
            let response = try Response.json(JobAcceptedDTO(jobID: job), status: .accepted)
            response.headers.replaceOrAdd(name: .location, value: "/api/v1/jobs/\(job.uuidString.lowercased())")
            return response
        }
        if req.headers[canonicalForm: "Prefer"].contains(where: { $0.lowercased().trimmed == "respond-async" }) { return try accepted() }
        guard let ended = try await JobQueue.wait(for: job, upTo: .seconds(600), app: req.application, on: req.db) else { throw AppError.notFound() }
        switch ended.jobState {
        case .succeeded: return try succeeded(ended)
        case .failed, .interrupted: throw failure(of: ended, app: req.application)
        case .queued, .running: return try accepted()
        }
    }
}

struct JobAcceptedDTO: Content { var jobID: UUID }
