import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import JixiaoServer
import JixiaoDomain

/// The caller a page would make for `username`.
func personCaller(_ app: Application, _ username: String) async throws -> Caller {
    let id = try #require(try await UserModel.query(on: app.db).filter(\.$username == username).first()?.id)
    let (user, organization) = try #require(try await SessionStore.loadUser(id, on: app.db))
    let signedIn = try SignedInUser(user: user, organization: organization)
    return Caller(principal: .person(signedIn), audit: AuditContext(userID: id.uuidString.lowercased(), userName: username,
                                                                    organizationID: signedIn.organizationID.uuidString.lowercased(),
                                                                    scopePath: signedIn.organizationPath.rawValue, requestID: "req-test",
                                                                    clientAddress: "192.0.2.30"), effects: app.effects)
}

/// A job row as a worker somewhere else left it: running, claimed by `runner`, last heard of at `heartbeat`.
func insertRunningJob(_ app: Application, kind: String, caller: Caller, parameters: (some Encodable & Sendable)? = String?.none,
                      input: ByteBuffer? = nil, runner: String, attempts: Int, heartbeat: Date,
                      progress: JobProgress = JobProgress(phase: "checking", done: 39, total: 100)) async throws -> UUID {
    // Queued and claimed in one transaction, so a worker of this application never sees it queued.
    try await app.db.transaction { db in
        let id = try await JobQueue.enqueue(kind, caller: caller, parameters: parameters, input: input, on: db)
        try await db.sql.update(JobQueue.table).set("state", to: SQLBind("running")).set("claimed_by", to: SQLBind(runner))
            .set("attempts", to: SQLBind(attempts)).set("heartbeat_at", to: SQLBind(heartbeat)).set("started_at", to: SQLBind(heartbeat))
            .set("phase", to: SQLBind(progress.phase)).set("done", to: SQLBind(progress.done)).set("total", to: SQLBind(progress.total))
            .where("id", .equal, SQLBind(id)).run()
        return id
    }
}

func jobRow(_ app: Application, _ id: UUID) async throws -> JobRow {
    try #require(try await app.db.sql.select().columns(JobRow.columns.map { SQLIdentifier($0) }).from(JobQueue.table)
        .where("id", .equal, SQLBind(id)).first(decoding: JobRow.self))
}

/// Opens once; waits until then.
final class Gate: Sendable {
    private let open = NIOLockedValueBox(false)
    func release() { open.withLockedValue { $0 = true } }
    func wait() async { while !open.withLockedValue({ $0 }) { try? await Task.sleep(for: .milliseconds(5)) } }
}

@Suite("Jobs: queued in the database, claimed once, taken back when their runner is gone")
struct JobTests {
    static let noop = JobKind(name: "test.noop", maxAttempts: 2, run: { _ in nil })

    @Test("two claimers at once take every job exactly once", arguments: TestDatabase.all)
    func claimExactlyOnce(database: TestDatabase) async throws {
        try await withJixiao(database, demo: false) { app in
            // setup: 40 queued jobs, and a database handle per event loop (so on PostgreSQL each claimer has its own connection)
            app.jobKinds[Self.noop.name] = Self.noop
            var queued: Set<UUID> = []
            for _ in 0..<40 { queued.insert(try await JobQueue.enqueue(Self.noop.name, caller: .system("test", effects: app.effects), on: app.db)) }
            let loops = Array(app.eventLoopGroup.makeIterator())
            func claimAll(_ worker: String, _ index: Int) async throws -> [UUID] {
                let db = app.databases.database(logger: app.logger, on: loops[index % loops.count])!
                return try await db.withConnection { connection in
                    var claimed: [UUID] = []
                    while let job = try await JobQueue.claim(kinds: [Self.noop.name, "test.unknown"], by: worker, now: Date(), on: connection) {
                        claimed.append(job.id)
                        #expect(job.claimedBy == worker && job.attempts == 1 && job.jobState == .running)
                    }
                    return claimed
                }
            }
            // act
            async let first = claimAll("worker-a", 0)
            async let second = claimAll("worker-b", 1)
            let (a, b) = try await (first, second)
            // check
            #expect(a.count + b.count == 40 && Set(a).union(b) == queued, "every job claimed")
            #expect(Set(a).isDisjoint(with: b), "no job claimed twice")
            #expect(try await JobQueue.claim(kinds: [Self.noop.name], by: "worker-c", now: Date(), on: app.db) == nil)
            // A kind this process does not know is left for processes that know it.
            let foreign = try await JobQueue.enqueue("test.newer-kind", caller: .system("test", effects: app.effects), on: app.db)
            #expect(try await JobQueue.claim(kinds: [Self.noop.name], by: "worker-c", now: Date(), on: app.db) == nil)
            #expect(try await jobRow(app, foreign).jobState == .queued)
        }
    }

    @Test("a job whose runner went silent is queued again, and given up as interrupted after its last attempt", arguments: TestDatabase.all)
    func abandonedJobs(database: TestDatabase) async throws {
        try await withJixiao(database, demo: false) { app in
            // setup
            app.jobKinds[Self.noop.name] = Self.noop
            let id = try await JobQueue.enqueue(Self.noop.name, caller: .system("test", effects: app.effects), on: app.db)
            func silence() async throws {
                try await app.db.sql.update(JobQueue.table).set("heartbeat_at", to: SQLBind(Date().addingTimeInterval(-3_600)))
                    .where("id", .equal, SQLBind(id)).run()
            }
            // A runner that keeps its heartbeat keeps its job.
            _ = try #require(try await JobQueue.claim(kinds: [Self.noop.name], by: "gone-host:1#first", now: Date(), on: app.db))
            #expect(try await JobQueue.reap(app: app, on: app.db) == 0)
            #expect(try await jobRow(app, id).jobState == .running)

            // act 1: silent for an hour → back in the queue, the attempt counted
            try await silence()
            #expect(try await JobQueue.reap(app: app, on: app.db) == 1)
            var row = try await jobRow(app, id)
            #expect(row.jobState == .queued && row.attempts == 1 && row.claimedBy == nil)
            // The first runner, if it was only slow, finds its job gone and writes nothing.
            #expect(try await JobQueue.touch(id, by: "gone-host:1#first", progress: nil, now: Date(), on: app.db) == false)
            #expect(try await JobQueue.finish(id, by: "gone-host:1#first", .succeeded(result: nil), progress: nil, now: Date(), on: app.db) == false)

            // act 2: the second runner goes silent too → interrupted, with a clear error, its input let go
            let again = try #require(try await JobQueue.claim(kinds: [Self.noop.name], by: "gone-host:2#second", now: Date(), on: app.db))
            #expect(again.id == id && again.attempts == 2)
            try await silence()
            #expect(try await JobQueue.reap(app: app, on: app.db) == 1)
            row = try await jobRow(app, id)
            #expect(row.jobState == .interrupted && row.attempts == 2 && row.finishedAt != nil)
            #expect(row.appError?.code == "job_interrupted")
            #expect(try await JobQueue.claim(kinds: [Self.noop.name], by: "gone-host:3#third", now: Date(), on: app.db) == nil)
        }
    }

    @Test("a queued job runs through the worker, with its progress on the row while it runs", arguments: TestDatabase.all)
    func progressOnTheRow(database: TestDatabase) async throws {
        try await withJixiao(database, demo: false) { app in
            // setup: a kind that reports progress, then waits for the test
            let gate = Gate()
            app.jobKinds["test.steps"] = JobKind(name: "test.steps", run: { run in
                run.progress.report(JobProgress(phase: "counting", done: 3, total: 10))
                await gate.wait()
                run.progress.report(JobProgress(phase: "counting", done: 10, total: 10))
                return "{\"counted\":\(run.input?.readableBytes ?? 0)}"
            })
            app.jobSettings.progressInterval = .milliseconds(20)
            app.jobWorkers.start(app)
            // act
            let id = try await JobQueue.enqueue("test.steps", caller: .system("test", effects: app.effects), input: ByteBuffer(string: "12345"), on: app.db, ringing: app)
            // check: the row (not this process's memory) says how far it is
            var row = try await jobRow(app, id)
            for _ in 0..<400 where row.phase != "counting" || row.done != 3 {
                try await Task.sleep(for: .milliseconds(10))
                row = try await jobRow(app, id)
            }
            #expect(row.jobState == .running && row.phase == "counting" && row.done == 3 && row.total == 10)
            #expect(row.claimedBy == app.jobWorkers.identity && row.heartbeatAt != nil)
            gate.release()
            let done = try #require(try await JobQueue.wait(for: id, upTo: .seconds(10), app: app, on: app.db))
            #expect(done.jobState == .succeeded && done.result == "{\"counted\":5}" && done.done == 10 && done.finishedAt != nil)
            #expect(try await JobQueue.input(of: id, on: app.db) == nil, "the input is let go once the job ended")
            #expect(done.inputBytes == 5)
        }
    }

    @Test("while a job holds a long write transaction, pages still answer and a request's write gives up with 503, nothing saved", arguments: TestDatabase.all)
    func longJobTransaction(database: TestDatabase) async throws {
        try await withJixiao(database, demo: false) { app in
            // setup: a kind that writes in a transaction and keeps it open until the test lets go (an import saving)
            let holding = Gate(), letGo = Gate()
            let root = try #require(try await OrganizationModel.query(on: app.db).filter(\.$parentID == nil).first())
            let rootID = try root.requireID(), rootName = root.name
            app.jobKinds["test.hold"] = JobKind(name: "test.hold", run: { run in
                try await run.database.transaction { db in
                    try await db.sql.update(OrganizationModel.schema).set("name", to: SQLBind(rootName))
                        .where("id", .equal, SQLBind(rootID)).run()
                    holding.release()
                    await letGo.wait()
                }
                return nil
            })
            app.jixiao.sqliteRequestWait = .milliseconds(300)
            try await SQLiteWriters.boundRequestWaits(app)
            let browser = Browser(app)
            try await browser.signIn("admin", adminPassword)
            let admin = try await APIClient.signIn(app, "admin", adminPassword)
            // both credentials were last seen long ago: the next request wants to note that it saw them
            try await app.db.sql.update(SessionModel.schema).set("last_seen_at", to: SQLBind(Date(timeIntervalSinceNow: -600))).run()
            try await app.db.sql.update(APITokenModel.schema).set("last_used_at", to: SQLBind(Date(timeIntervalSinceNow: -600))).run()
            app.jobWorkers.start(app)
            let id = try await JobQueue.enqueue("test.hold", caller: .system("test", effects: app.effects), on: app.db, ringing: app)
            await holding.wait()
            // act and check: every event loop's requests read while the job writes (on SQLite a job's connection is
            // not one of theirs); noting when a credential was seen waits, then gives way
            for _ in 0..<(2 * System.coreCount) {
                let page = try await browser.get("/orgs")
                #expect(page.status == .ok, "a page during a long job: \(page.status)")
                #expect(try await admin.send(.GET, "/api/v1/orgs/\(rootID)").status == .ok)
            }
            // (PostgreSQL locks rows, not the database: there the rename would wait for the job's row, so it is not sent.)
            if case .sqlite = database {
                let rename = try await admin.send(.PATCH, "/api/v1/orgs/\(rootID)", json: ["name": "改名测试局"])
                #expect(rename.status == .serviceUnavailable && admin.errorCode(rename) == "busy", "\(rename.status) \(rename.body.string)")
                #expect(rename.body.string.contains("未保存"), "\(rename.body.string)")
            }
            letGo.release()
            let done = try #require(try await JobQueue.wait(for: id, upTo: .seconds(20), app: app, on: app.db))
            #expect(done.jobState == .succeeded)
            if case .sqlite = database {
                #expect(try await OrganizationModel.find(rootID, on: app.db)?.name == rootName, "the refused rename saved nothing")
                #expect(try await admin.send(.PATCH, "/api/v1/orgs/\(rootID)", json: ["name": "改名测试局"]).status == .ok,
                        "once the job committed the same write goes through")
            }
        }
    }

    @Test("an import queued through the API runs on the worker in the name of the person and request that queued it", arguments: TestDatabase.all)
    func importThroughWorker(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            // act
            let unit = try await APIClient.signIn(app, "unit-officer", DemoData.password)
            let accepted = try await unit.send(.POST, "/api/v1/goals/import", body: ImportJobTests().list("Q", projects: 40), contentType: .binary,
                                               headers: ["Prefer": "respond-async"])
            #expect(accepted.status == .accepted)
            let requestID = try #require(accepted.headers.first(name: "X-Request-ID"))
            let id = try accepted.content.decode(ImportJobDTO.self).id
            let job = try #require(try await JobQueue.wait(for: id, upTo: .seconds(20), app: app, on: app.db))
            // check: the row
            #expect(job.jobState == .succeeded && job.kind == "goal.import" && job.attempts == 1)
            #expect(job.phase == "saving" && job.done == 40 && job.total == 40, "the last progress stays on the row")
            #expect(job.claimedBy == app.jobWorkers.identity && job.requestID == requestID && job.callerName == "unit-officer")
            #expect(job.result(as: ImportOutcome.self)?.created.count == 40)
            #expect(try await BudgetObjectModel.query(on: app.db).filter(\.$code, .custom("LIKE"), "Q-%").count() == 40)
            // check: the audit entry names the person and the request, not the worker
            struct Entry: Decodable { var actor_user_id: String; var actor_name: String; var request_id: String; var client_address: String }
            let entry = try #require(try await app.db.sql.select().columns("actor_user_id", "actor_name", "request_id", "client_address")
                .from(AuditTrail.entriesTable).where("action", .equal, SQLBind("goal.imported")).first(decoding: Entry.self))
            let user = try #require(try await UserModel.query(on: app.db).filter(\.$username == "unit-officer").first())
            #expect(entry.actor_name == "unit-officer" && entry.actor_user_id == user.id!.uuidString.lowercased())
            #expect(entry.request_id == requestID && entry.client_address == unit.address)
        }
    }

    @Test("a job of a person deactivated before it ran fails with a clear error and does nothing", arguments: TestDatabase.all)
    func deactivatedCaller(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            // setup: queued by the unit officer, who is then deactivated (no worker runs yet)
            let caller = try await personCaller(app, "unit-officer")
            let id = try await JobQueue.enqueue(ImportJobService.kind, caller: caller, parameters: ImportJobService.Parameters(fileName: "x.csv"),
                                                input: ImportJobTests().list("D", projects: 2), on: app.db)
            try await UserModel.query(on: app.db).filter(\.$username == "unit-officer").set(\.$isActive, to: false).update()
            // act
            #expect(try await app.jobWorkers.runNext(app))
            // check
            let row = try await jobRow(app, id)
            #expect(row.jobState == .failed && row.appError?.code == "job_caller_inactive")
            #expect(row.appError.map { Localizer(locale: .zhHans)($0.message) }?.contains("已被停用") == true)
            #expect(try await BudgetObjectModel.query(on: app.db).filter(\.$code, .custom("LIKE"), "D-%").count() == 0)
        }
    }

    @Test("imports kept in the old import_jobs table move to jobs and stay listed; the move reverts", arguments: TestDatabase.all)
    func importJobsMove(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            // setup: an import that succeeded before outcomes were kept, and one that was running, in the old table
            let caller = try await personCaller(app, "unit-officer")
            let done = try await JobQueue.enqueue(ImportJobService.kind, caller: caller, parameters: ImportJobService.Parameters(fileName: "旧清单.xlsx"), on: app.db)
            try await app.db.sql.update(JobQueue.table).set("state", to: SQLBind("succeeded")).set("done", to: SQLBind(7))
                .set("finished_at", to: SQLBind(Date())).where("id", .equal, SQLBind(done)).run()
            try await MoveImportJobsToJobs().revert(on: app.db)
            #expect(try await app.db.sql.select().column("id").from(JobQueue.table).all().isEmpty)
            let old = ImportJobModel()
            old.kind = "goal_list"; old.userID = try #require(UUID(uuidString: caller.audit.userID))
            old.fileName = "半路.csv"; old.fileBytes = 10; old.phase = "saving"; old.done = 3; old.total = 9; old.runner = "h:8080#x"
            try await old.create(on: app.db)
            // act
            try await MoveImportJobsToJobs().prepare(on: app.db)
            // check: both listed on the import page, the finished one with its count, the unfinished one interrupted
            let browser = Browser(app)
            try await browser.signIn("unit-officer", DemoData.password)
            let page = try await browser.get("/goals/import").body.string
            #expect(page.contains("旧清单.xlsx") && page.contains("半路.csv") && page.contains("已中断"))
            #expect(try await jobRow(app, done).jobState == .succeeded)
            #expect(try await jobRow(app, old.id!).jobState == .interrupted)
            let status = try await ImportJobService.status(of: jobRow(app, done))
            #expect(status.imported == 7 && status.fileName == "旧清单.xlsx")
        }
    }

    @Test("`jixiao worker` is a command, and serve's workers stop with the application")
    func workerCommand() async throws {
        try await withJixiao(.sqlite, demo: false) { app in
            #expect(app.asyncCommands.commands["worker"] is WorkerCommand)
            #expect(app.jobWorkers.isRunning == false, "no worker before the application boots")
            try await app.asyncBoot()
            #expect(app.jobWorkers.isRunning, "the testing environment runs workers as serve does")
            await app.jobWorkers.stop(app)
            #expect(app.jobWorkers.isRunning == false)
        }
    }
}
