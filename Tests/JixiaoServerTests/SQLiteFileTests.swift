import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
@testable import JixiaoServer

@Suite("An SQLite file: connections tuned for gigabytes, the log copied into the file in the background")
struct SQLiteFileTests {
    func setting(_ name: String, on db: any Database) async throws -> Int {
        try #require(try await db.sql.raw("PRAGMA \(unsafeRaw: name)").first()).decode(column: name, as: Int.self)
    }

    @Test("requests' and jobs' connections keep a 64 MB cache and temporary tables in memory, and leave checkpoints to the checkpointer")
    func connectionsAreTuned() async throws {
        try await withJixiao(.sqlite, demo: false) { app in
            let job = try await SQLiteWriters.jobDatabase(app, on: app.eventLoopGroup.any())
            for db in [app.db, job] {
                #expect(try await setting("cache_size", on: db) == -65536)
                #expect(try await setting("temp_store", on: db) == 2, "2 = memory")
                #expect(try await setting("wal_autocheckpoint", on: db) == SQLiteCheckpointer.backstopPages)
            }
        }
    }

    @Test("a write of thousands of pages, which no commit checkpoints, is in the file within seconds")
    func checkpointerCopiesTheLog() async throws {
        try await withJixiao(.sqlite, demo: false) { app in
            try await app.asyncBoot()   // as every command does before it runs (tests boot on their first request)
            // act: ≈8 MB in one transaction (2,000 pages: past SQLite's own threshold of 1,000, under the backstop)
            try await app.db.sql.raw("CREATE TABLE wal_probe (body TEXT NOT NULL)").run()
            try await app.db.transaction { db in
                for _ in 0..<40 {
                    try await db.sql.raw("""
                        INSERT INTO wal_probe (body) SELECT printf('%.4000c', 'x') FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) SELECT i FROM n)
                        """).run()
                }
            }
            // check: the checkpointer reports a log of at least those pages, all of them in the file
            let deadline = ContinuousClock.now + .seconds(15)
            var last = app.lastCheckpoint
            while ContinuousClock.now < deadline {
                last = app.lastCheckpoint
                if let last, last.log >= 2_000, last.checkpointed == last.log { break }
                try await Task.sleep(for: .milliseconds(200))
            }
            let report = try #require(last, "the checkpointer never reported")
            #expect(report.log >= 2_000 && report.checkpointed == report.log, "log \(report.log), in the file \(report.checkpointed)")
        }
    }
}
