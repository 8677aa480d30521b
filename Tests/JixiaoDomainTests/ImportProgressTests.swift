import Testing
@testable import JixiaoDomain

@Suite("Import progress")
struct ImportProgressTests {
    @Test("the bar moves forward through reading, checking and saving", arguments: [
        (ImportProgress(phase: .reading, done: 5_000), 0),
        (ImportProgress(phase: .checking, done: 0, total: 2_000), 10),
        (ImportProgress(phase: .checking, done: 1_000, total: 2_000), 25),
        (ImportProgress(phase: .checking, done: 2_000, total: 2_000), 40),
        (ImportProgress(phase: .saving, done: 500, total: 2_000), 55),
        (ImportProgress(phase: .saving, done: 2_000, total: 2_000), 100),
        (ImportProgress(phase: .saving, done: 9_999, total: 2_000), 100),
        (ImportProgress(phase: .saving, done: 3, total: 0), 40),
        (ImportProgress(phase: .succeeded), 100),
        (ImportProgress(phase: .failed, done: 7, total: 9), 0),
    ])
    func percent(progress: ImportProgress, expected: Int) {
        #expect(progress.percent == expected)
    }

    @Test("finished phases are the last three")
    func finished() {
        #expect(ImportProgress.Phase.allCases.filter(\.isFinished) == [.succeeded, .failed, .interrupted])
    }

    @Test("the throttle reports every interval and at the end")
    func throttle() {
        var throttle = ProgressThrottle(interval: 100)
        let reported = (1...250).filter { throttle.shouldReport($0, total: 250) }
        #expect(reported == [100, 200, 250])
        var open = ProgressThrottle(interval: 100)
        #expect((1...250).filter { open.shouldReport($0, total: nil) } == [100, 200])
    }
}
