import Foundation
import Testing
@testable import JixiaoDomain

@Suite("Password policy")
struct PasswordPolicyTests {
    @Test func accepts() throws {
        try PasswordPolicy.validate("Budget2026perf", username: "li")
        try PasswordPolicy.validate("预算绩效管理2026年度", username: "li")
    }

    @Test func refuses() {
        #expect(throws: PasswordPolicyError.tooShort(minimum: 10)) { try PasswordPolicy.validate("abc123", username: "li") }
        #expect(throws: PasswordPolicyError.needsLetterAndDigit) { try PasswordPolicy.validate("abcdefghijkl", username: "li") }
        #expect(throws: PasswordPolicyError.needsLetterAndDigit) { try PasswordPolicy.validate("12345678901", username: "li") }
        #expect(throws: PasswordPolicyError.sameAsUsername) { try PasswordPolicy.validate("Zhangwei2026", username: "zhangwei2026") }
        #expect(throws: PasswordPolicyError.tooLong(maximum: 72)) { try PasswordPolicy.validate(String(repeating: "a1", count: 40), username: "li") }
    }
}

@Suite("Sign-in throttle: 5 failures within 15 minutes")
struct SignInThrottleTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let throttle = SignInThrottle.standard

    @Test func fourFailuresAreAllowed() {
        let failures = (1...4).map { now.addingTimeInterval(Double(-$0 * 60)) }
        #expect(throttle.lockedUntil(failures: failures, now: now) == nil)
    }

    @Test func fiveFailuresLockUntilTheOldestAgesOut() {
        let failures = (1...5).map { now.addingTimeInterval(Double(-$0 * 60)) }
        // The oldest of the five was 5 minutes ago: the lock lifts 10 minutes from now.
        #expect(throttle.lockedUntil(failures: failures, now: now) == now.addingTimeInterval(10 * 60))
    }

    @Test func oldFailuresDoNotCount() {
        let failures = (1...5).map { now.addingTimeInterval(Double(-$0 * 60 - 15 * 60)) }
        #expect(throttle.lockedUntil(failures: failures, now: now) == nil)
    }

    @Test func manyFailuresKeepTheLockUntilEnoughAgeOut() {
        let failures = (1...8).map { now.addingTimeInterval(Double(-$0 * 60)) }
        // Eight failures at -1…-8 min: the fifth most recent (-5 min) must age out.
        #expect(throttle.lockedUntil(failures: failures, now: now) == now.addingTimeInterval(10 * 60))
    }
}

@Suite("Audit hash chain")
struct AuditChainTests {
    static func hash(_ text: String) -> String {
        // A deterministic stand-in for SHA-256 (the domain takes the hash function as a parameter).
        var value: UInt64 = 1469598103934665603
        for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 1099511628211 }
        return String(value, radix: 16)
    }

    static func chain(_ count: Int) -> [AuditRecord] {
        var records: [AuditRecord] = []
        var previous = auditGenesisHash
        for sequence in 1...Int64(count) {
            let record = AuditChainVerifier.seal(AuditRecord(
                sequence: sequence, occurredAt: "2026-11-23T00:00:0\(sequence % 10).000Z", actorUserID: "u", actorName: "admin",
                actorOrganizationID: "o", scopePath: "/o/", action: "organization.created", entityType: "organization",
                entityID: "e\(sequence)", summary: "name=县教育局\(sequence)", requestID: "r", clientAddress: "127.0.0.1",
                previousHash: previous, hash: ""), hash: hash)
            previous = record.hash
            records.append(record)
        }
        return records
    }

    static func verify(_ records: [AuditRecord], head: (Int64, String)) -> AuditChainProblem? {
        var verifier = AuditChainVerifier(hash: hash)
        for record in records { if let problem = verifier.feed(record) { return problem } }
        return verifier.finish(headSequence: head.0, headHash: head.1)
    }

    @Test func intactChainVerifies() {
        let records = Self.chain(5)
        #expect(Self.verify(records, head: (5, records[4].hash)) == nil)
        #expect(Self.verify([], head: (0, auditGenesisHash)) == nil)
    }

    @Test func alteredContentIsFound() {
        var records = Self.chain(5)
        records[2].summary = "name=改过的"
        #expect(Self.verify(records, head: (5, records[4].hash)) == .altered(sequence: 3))
    }

    @Test func resealedEntryIsFoundByTheNextLink() {
        var records = Self.chain(5)
        records[2].summary = "name=改过的"
        records[2] = AuditChainVerifier.seal(records[2], hash: Self.hash)
        #expect(Self.verify(records, head: (5, records[4].hash)) == .altered(sequence: 3))
    }

    @Test func removedEntryIsFound() {
        var records = Self.chain(5)
        records.remove(at: 1)
        #expect(Self.verify(records, head: (5, records.last!.hash)) == .removed(expectedSequence: 2))
    }

    @Test func removedNewestEntriesAreFoundByTheHead() {
        let records = Self.chain(5)
        #expect(Self.verify(Array(records.prefix(3)), head: (5, records[4].hash)) == .truncated(expectedLast: 5, foundLast: 3))
    }

    @Test func separatorsInContentCannotForgeAnotherEntry() {
        var a = Self.chain(1)[0], b = a
        a.summary = "x\u{1F}y"; b.summary = "x"; b.requestID = "y\u{1F}r"
        #expect(a.canonicalContent != b.canonicalContent)
    }
}
