import Foundation
import Testing
@testable import JixiaoDomain

private func wan(_ text: String) -> Money { try! Money(wanYuan: text) }
private func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDay { CalendarDay(year: y, month: m, day: d)! }
private let julyRound = MonitoringPeriod(year: 2027, throughMonth: 7)!

@Suite("Monitoring: time progress, pace and carry-over with exact money")
struct FundProgressTests {
    @Test("time progress is m/12 at month ends, counted by days inside a month, leap years included")
    func timeProgress() {
        #expect(MonitoringPeriod(year: 2027, throughMonth: 7)!.timeProgress.sameValue(as: Ratio(7, over: 12)!))
        #expect(MonitoringPeriod(year: 2027, throughMonth: 12)!.timeProgress.sameValue(as: Ratio(1)))
        #expect(MonitoringPeriod(year: 2027, throughMonth: 7)!.timeProgress.percentText() == "58.3%")
        // 28 February is the month end in 2027 but not in 2028, whose February has 29 days.
        #expect(MonitoringPeriod(end: day(2027, 2, 28)).timeProgress.sameValue(as: Ratio(2, over: 12)!))
        #expect(MonitoringPeriod(end: day(2028, 2, 28)).timeProgress.sameValue(as: Ratio(1 * 29 + 28, over: 12 * 29)!))
        #expect(MonitoringPeriod(end: day(2028, 2, 29)).timeProgress.sameValue(as: Ratio(2, over: 12)!))
        #expect(MonitoringPeriod(end: day(2027, 7, 15)).timeProgress.sameValue(as: Ratio(6 * 31 + 15, over: 12 * 31)!))
        #expect(MonitoringPeriod(year: 2028, throughMonth: 2)!.end == day(2028, 2, 29))
        #expect(MonitoringPeriod(year: 2027, throughMonth: 13) == nil)
        #expect(julyRound.label == "1–7月" && julyRound.englishLabel == "Jan–Jul")
        #expect(MonitoringPeriod(end: day(2027, 7, 15)).label == "1月1日–7月15日")
    }

    @Test("the issue's example: 58.3 % of the year gone, 31.0 % spent, pace 53.2 % — red")
    func issueExample() {
        let figures = FundFigures(initialBudget: wan("1000"), allocated: wan("400"), spent: wan("310"))
        let progress = FundProgress(figures, period: julyRound)
        #expect(progress.executionRate?.percentText() == "31.0%")
        #expect(progress.timeProgress?.percentText() == "58.3%")
        #expect(progress.pace?.percentText() == "53.1%", "310 ÷ (1000 × 7/12) = 53.14 %: the exact pace, not 31.0 ÷ 58.3")
        let warning = MonitoringScan.fundWarning(figures, period: julyRound, rules: .standard)
        #expect(warning?.level == .red)
        guard case .fundPace(_, _, _, let pace, let bound, let fromPlan, let basis)? = warning?.facts else { Issue.record("no facts"); return }
        #expect(bound == 60 && !fromPlan && basis == .spent && pace.sameValue(as: Ratio(310 * 12, over: 1000 * 7)!))
    }

    @Test("pace at and around 60 % and 80 % with a budget that does not divide by twelve")
    func paceThresholds() {
        // Budget 100 万元, seven months: expected 58.333… 万元. 35 万元 is exactly 60 %.
        func level(_ spent: String) -> WarningLevel? {
            MonitoringScan.fundWarning(FundFigures(initialBudget: wan("100"), allocated: wan("100"), spent: wan(spent)),
                                       period: julyRound, rules: .standard)?.level
        }
        #expect(level("35") == .yellow, "exactly 60 % is yellow")
        #expect(level("34.999999") == .red, "one fen below 60 % is red")
        // 80 % of 58.333… 万元 is 46.666…: 46.666667 is above it, 46.666666 below.
        #expect(level("46.666666") == .yellow)
        #expect(level("46.666667") == nil, "at 80 % and above: green, no warning")
        #expect(level("100") == nil)
    }

    @Test("a spending plan sets the expected spending; an empty plan so far expects nothing")
    func spendingPlan() throws {
        // Nothing planned before August, then 25 万元 a month: by July nothing is expected, so no money warning.
        let lateStart = try SpendingPlan(monthly: Array(repeating: wan("0"), count: 7) + Array(repeating: wan("20"), count: 5))
        let quiet = FundFigures(initialBudget: wan("100"), allocated: .zero, spent: .zero, plan: lateStart)
        #expect(FundProgress(quiet, period: julyRound).pace == nil)
        #expect(MonitoringScan.fundWarning(quiet, period: julyRound, rules: .standard) == nil)
        // Front-loaded: 60 planned by July of 100; 40 spent → pace 66.7 % → yellow, time progress 60 %.
        let front = try SpendingPlan(monthly: [wan("10"), wan("10"), wan("10"), wan("10"), wan("10"), wan("5"), wan("5")]
                                     + Array(repeating: wan("8"), count: 5))
        let figures = FundFigures(initialBudget: wan("100"), allocated: wan("50"), spent: wan("40"), plan: front)
        let progress = FundProgress(figures, period: julyRound)
        #expect(progress.fromPlan && progress.timeProgress?.percentText() == "60.0%" && progress.pace?.percentText() == "66.7%")
        #expect(MonitoringScan.fundWarning(figures, period: julyRound, rules: .standard)?.level == .yellow)
        // Inside a month the plan's last month counts by days: to 16 July, 55 + 5 × 16/31.
        let mid = FundProgress(figures, period: MonitoringPeriod(end: day(2027, 7, 16)))
        #expect(mid.timeProgress!.sameValue(as: Ratio(Decimal(55 * 31 + 5 * 16), over: Decimal(100 * 31))!))
        #expect(throws: SpendingPlan.Problem.wrongMonthCount(11)) { try SpendingPlan(monthly: Array(repeating: .zero, count: 11)) }
        let tooMuch = try SpendingPlan(monthly: Array(repeating: wan("10"), count: 12))
        #expect(FundFigures(initialBudget: wan("100"), allocated: .zero, spent: .zero, plan: tooMuch).check()
                == [.plan(.exceedsBudget(plan: wan("120"), budget: wan("100")))])
    }

    @Test("figures are checked: nothing negative, spent ≤ allocated ≤ full-year budget; 追加 raises the budget")
    func figureChecks() {
        #expect(FundFigures(initialBudget: wan("100"), allocated: wan("50"), spent: wan("60")).check()
                == [.spentAboveAllocated(spent: wan("60"), allocated: wan("50"))])
        #expect(FundFigures(initialBudget: wan("100"), allocated: wan("120"), spent: wan("60")).check()
                == [.allocatedAboveBudget(allocated: wan("120"), budget: wan("100"))])
        #expect(FundFigures(initialBudget: wan("100"), fullYearBudget: wan("130"), allocated: wan("120"), spent: wan("60")).check().isEmpty)
        #expect(FundFigures(initialBudget: wan("100"), fullYearBudget: wan("130"), allocated: .zero, spent: .zero).budgetChange == wan("30"))
        #expect(FundFigures(initialBudget: Money(fen: -1), allocated: .zero, spent: .zero).check().contains(.negative(.initialBudget)))
        // A zero budget with nothing spent: no rate, no pace, no warning.
        let empty = FundFigures(initialBudget: .zero, allocated: .zero, spent: .zero)
        #expect(FundProgress(empty, period: julyRound).executionRate == nil)
        #expect(MonitoringScan.fundWarning(empty, period: julyRound, rules: .standard) == nil)
    }

    @Test("expected carry-over: budget less the forecast, or less a straight-line projection down to the fen")
    func carryOver() {
        let forecast = FundProgress(FundFigures(initialBudget: wan("100"), allocated: wan("50"), spent: wan("40"), yearEndForecast: wan("90")),
                                    period: julyRound)
        #expect(forecast.expectedCarryOver == wan("10") && !forecast.carryOverProjected)
        // 0.000007 万元 (7 fen) in seven months projects to 12 fen: 88 fen carried over of one 元.
        let projected = FundProgress(FundFigures(initialBudget: Money(fen: 100), allocated: Money(fen: 50), spent: Money(fen: 7)), period: julyRound)
        #expect(projected.expectedCarryOver == Money(fen: 88) && projected.carryOverProjected)
        // 10 fen in seven months projects to 17.14… fen, rounded down to 17.
        let down = FundProgress(FundFigures(initialBudget: Money(fen: 100), allocated: Money(fen: 50), spent: Money(fen: 10)), period: julyRound)
        #expect(down.expectedCarryOver == Money(fen: 83))
        // Fast spenders are not projected past the budget.
        let fast = FundProgress(FundFigures(initialBudget: wan("100"), allocated: wan("100"), spent: wan("90")), period: julyRound)
        #expect(fast.expectedCarryOver == .zero)
        // The basis can be what the treasury paid out.
        let allocatedBasis = FundProgress(FundFigures(initialBudget: wan("120"), allocated: wan("70"), spent: wan("10")), period: julyRound,
                                          basis: .allocated)
        #expect(allocatedBasis.pace!.sameValue(as: Ratio(1)))
    }

    @Test("percent text rounds half-up")
    func rounding() {
        #expect(Ratio(1, over: 8)!.percentText() == "12.5%")
        #expect(Ratio(1, over: 16)!.percentText() == "6.3%", "6.25 → 6.3")
        #expect(Ratio(2, over: 3)!.percentText(decimals: 2) == "66.67%")
        #expect(Ratio(1).percentText() == "100.0%")
        #expect(Ratio.text(Decimal(string: "9.785")!, decimals: 2) == "9.79")
        #expect(Ratio(1, over: 0) == nil)
    }
}

@Suite("Monitoring: goal progress warnings")
struct GoalProgressWarningTests {
    static func indicator(_ name: String, _ target: String) -> Indicator {
        Indicator(category: .output, subcategory: .quantity, name: name, targetText: target, weight: 10)
    }

    static func level(_ target: String, forecast: String, likelihood: CompletionLikelihood? = .certain,
                      rules: MonitoringRuleSet = .standard) -> WarningLevel {
        let item = indicator("指标", target)
        let progress = IndicatorProgress(indicatorID: item.id, reachedText: "", forecastText: forecast, likelihood: likelihood)
        return MonitoringScan.colour(MonitoringScan.indicatorWarnings(item, progress, period: julyRound, rules: rules))
    }

    @Test("positive: met is green, short is yellow, below 80 % of the target is red", arguments: [
        ("≥100人", "100", WarningLevel.green), ("≥100人", "99", .yellow), ("≥100人", "80", .yellow), ("≥100人", "79.99", .red),
        (">100人", "100", .yellow), (">100人", "100.5人", .green), ("≥95%", "76%", .yellow), ("≥95%", "75.9%", .red),
        ("≥0个", "0", .green),
    ])
    func positive(target: String, forecast: String, expected: WarningLevel) {
        #expect(Self.level(target, forecast: forecast) == expected, "\(target) forecast \(forecast)")
    }

    @Test("reverse: within is green, above is yellow, above 120 % is red", arguments: [
        ("≤5300元", "5300", WarningLevel.green), ("≤5300元", "5301", .yellow), ("≤5300元", "6360", .yellow), ("≤5300元", "6360.01", .red),
        ("<10天", "10", .yellow), ("<10天", "9", .green), ("≤0起", "0", .green), ("≤0起", "1", .red),
    ])
    func reverse(target: String, forecast: String, expected: WarningLevel) {
        #expect(Self.level(target, forecast: forecast) == expected, "\(target) forecast \(forecast)")
    }

    @Test("exact: off is yellow, the smaller under 80 % of the larger is red", arguments: [
        ("=100%", "100%", WarningLevel.green), ("=100%", "98%", .yellow), ("=100%", "80%", .yellow), ("=100%", "79%", .red),
        ("=100个", "125", .yellow), ("=100个", "126", .red),
    ])
    func exact(target: String, forecast: String, expected: WarningLevel) {
        #expect(Self.level(target, forecast: forecast) == expected, "\(target) forecast \(forecast)")
    }

    @Test("a forecast misses its target exactly when the standard rules warn on it (what a save stores for the round's scan)", arguments: [
        ("≥100人", "100"), ("≥100人", "99.99"), (">100人", "100"), (">100人", "100.5"), ("≤5300元", "5300"), ("≤5300元", "5300.01"),
        ("<10天", "10"), ("<10天", "9"), ("=100%", "100%"), ("=100%", "100.1%"), ("2027年10月31日前", "2027年10月31日"),
        ("2027年10月31日前", "2027年11月1日"), ("≥95%", "95人"), ("≥95%", "很好"), ("≥95%", ""), ("群众满意", "基本满意"),
    ])
    func misses(target: String, forecast: String) {
        let item = Self.indicator("指标", target)
        let progress = IndicatorProgress(indicatorID: item.id, forecastText: forecast, likelihood: .certain)
        let warns = !MonitoringScan.indicatorWarnings(item, progress, period: julyRound, rules: .standard).isEmpty
        #expect(MonitoringScan.forecastMisses(item, progress) == warns, "\(target) forecast \(forecast)")
    }

    @Test("deadlines: on time green, up to the grace days yellow, later red")
    func deadlines() {
        #expect(Self.level("2027年10月31日前", forecast: "2027年10月31日") == .green)
        #expect(Self.level("2027年10月31日前", forecast: "2027年11月30日") == .yellow)
        #expect(Self.level("2027年10月31日前", forecast: "2027年12月1日") == .yellow, "31 days late is within the grace")
        #expect(Self.level("2027年10月31日前", forecast: "2027年12月2日") == .red)
        #expect(Self.level("2027年10月31日前", forecast: "2027年9月前") == .green, "a forecast written as a deadline is read as its date")
        #expect(day(2028, 3, 1).daysSince(day(2028, 2, 1)) == 29 && day(2027, 3, 1).daysSince(day(2027, 2, 1)) == 28)
        #expect(day(2028, 1, 1).daysSince(day(2027, 1, 1)) == 365 && day(2029, 1, 1).daysSince(day(2028, 1, 1)) == 366)
    }

    @Test("likelihood: 完全不可能 red, 有可能 yellow, whatever the forecast; the worst colour wins")
    func likelihood() {
        #expect(Self.level("≥100人", forecast: "120", likelihood: .impossible) == .red)
        #expect(Self.level("≥100人", forecast: "120", likelihood: .possible) == .yellow)
        #expect(Self.level("≥100人", forecast: "50", likelihood: .possible) == .red)
        #expect(Self.level("优", forecast: "良", likelihood: .certain) == .green, "qualitative indicators warn by likelihood only")
        #expect(CompletionLikelihood(text: "完全不可能") == .impossible && CompletionLikelihood(text: " 有可能 ") == .possible)
        #expect(CompletionLikelihood(text: "可能") == nil)
    }

    @Test("rule sets: thresholds, levels and switched-off rules change the result")
    func ruleSets() {
        var strict = MonitoringRuleSet.standard
        strict.positiveRedBelow = 95
        #expect(Self.level("≥100人", forecast: "94", rules: strict) == .red)
        var quiet = MonitoringRuleSet.standard
        quiet.enabled.remove(.likelihoodPossible)
        quiet.enabled.remove(.positiveForecast)
        #expect(Self.level("≥100人", forecast: "50", likelihood: .possible, rules: quiet) == .green)
        var redPossible = MonitoringRuleSet.standard
        redPossible.possibleLevel = .red
        #expect(Self.level("≥100人", forecast: "120", likelihood: .possible, rules: redPossible) == .red)
        var broken = MonitoringRuleSet.standard
        broken.fundRedBelow = 90
        broken.possibleLevel = .green
        broken.deviationCauses = ["其他", "其他"]
        #expect(broken.check() == [.fundThresholds, .greenLevel(.likelihoodPossible), .duplicateCause("其他")])
        #expect(MonitoringRuleSet.standard.check().isEmpty)
        // A rule set stored before a setting existed reads with that setting's default; a past round stays readable.
        let old = #"{"enabled":["fund_pace"],"fundRedBelow":55}"#
        let read = try? JSONDecoder().decode(MonitoringRuleSet.self, from: Data(old.utf8))
        #expect(read?.fundRedBelow == 55 && read?.enabled == [.fundPace] && read?.fundYellowBelow == 80 && read?.deviationCauses == DeviationCauses.national)
        let written = try? JSONEncoder().encode(strict)
        #expect(written.flatMap { try? JSONDecoder().decode(MonitoringRuleSet.self, from: $0) } == strict)
    }

    @Test("a lower bureau uses its nearest superior's rule set unless it keeps its own")
    func inheritance() {
        let province = UUID(), city = UUID(), county = UUID(), otherCity = UUID()
        let provincePath = HierarchyPath.root(province), cityPath = provincePath.appending(city)
        var provinceRules = MonitoringRuleSet.standard
        provinceRules.fundRedBelow = 50
        var cityRules = MonitoringRuleSet.standard
        cityRules.fundRedBelow = 55
        let sets = [provincePath: provinceRules, cityPath: cityRules]
        #expect(MonitoringRuleSet.inForce(at: cityPath.appending(county), among: sets).fundRedBelow == 55)
        #expect(MonitoringRuleSet.inForce(at: provincePath.appending(otherCity), among: sets).fundRedBelow == 50)
        #expect(MonitoringRuleSet.inForce(at: HierarchyPath.root(UUID()), among: sets) == .standard)
    }

    @Test("not reported by the deadline is red; an object's colour is its worst warning")
    func notReportedAndColour() {
        let item = Self.indicator("受益人数", "≥100人")
        let subject = MonitoringSubject(period: julyRound, fund: FundFigures(initialBudget: wan("120"), allocated: wan("60"), spent: wan("50")),
                                        indicators: [(item, nil)], unreportedPastDeadline: day(2027, 8, 20))
        let warnings = MonitoringScan.warnings(subject, rules: .standard)
        #expect(warnings.map(\.rule) == [.notReported, .fundPace])
        #expect(warnings.map(\.level) == [.red, .yellow], "50 of 70 expected is 71.4 %: yellow")
        #expect(MonitoringScan.colour(warnings) == .red)
        #expect(MonitoringScan.colour([]) == .green)
        var tally = ColourTally()
        tally.add(.red, amount: wan("120"))
        tally.add(.green, amount: wan("30"))
        var region = ColourTally()
        region.add(tally)
        region.add(.red, amount: wan("5"))
        #expect(region.count(.red) == 2 && region.amount(.red) == wan("125") && region.total == 3 && region.count(.yellow) == 0)
    }
}

@Suite("Monitoring: reported values, submission and the task workflow")
struct MonitoringWorkflowTests {
    @Test("values are parsed like targets, in the target's unit and without a sign")
    func values() throws {
        let percent = try TargetParser.parse("≥95%"), people = try TargetParser.parse("≥4754人"), deadline = try TargetParser.parse("2027年10月前")
        #expect(try ProgressValue.parse("88%", against: percent) == .number(88, unit: "%"))
        #expect(try ProgressValue.parse("88", against: percent) == .number(88, unit: "%"), "a bare number takes the target's unit")
        #expect(try ProgressValue.parse("４６０４人", against: people) == .number(4604, unit: "人"))
        #expect(throws: ProgressValueError.unitMismatch(value: "88人", expected: "%")) { try ProgressValue.parse("88人", against: percent) }
        #expect(throws: ProgressValueError.hasSign("≥88%")) { try ProgressValue.parse("≥88%", against: percent) }
        #expect(throws: ProgressValueError.notANumber("基本完成")) { try ProgressValue.parse("基本完成", against: percent) }
        #expect(throws: ProgressValueError.notADate("95%")) { try ProgressValue.parse("95%", against: deadline) }
        #expect(throws: ProgressValueError.empty) { try ProgressValue.parse(" ", against: percent) }
        #expect(try ProgressValue.parse("2027年9月30日", against: deadline) == .date(day(2027, 9, 30)))
        #expect(try ProgressValue.parse("基本达到", against: TargetParser.parse("优")) == .text("基本达到"))
    }

    @Test("red and yellow items need a cause, an explanation and measures before they are submitted")
    func submission() {
        let item = GoalProgressWarningTests.indicator("受益人数", "≥100人")
        let fund = FundFigures(initialBudget: wan("120"), allocated: wan("60"), spent: wan("20"))
        var progress = IndicatorProgress(indicatorID: item.id, reachedText: "40", forecastText: "70", likelihood: .possible)
        var subject = MonitoringSubject(period: julyRound, fund: fund, indicators: [(item, progress)])
        var problems = MonitoringScan.submissionProblems(subject, rules: .standard, fundExplained: false)
        #expect(problems.map(\.problem) == [.explanationRequired(.red), .explanationRequired(.red)])
        #expect(problems.map(\.indicatorID) == [nil, item.id])
        progress.cause = "资金未及时到位"
        progress.explanation = "上半年资金到位晚"
        progress.measures = "加快进度"
        subject.indicators = [(item, progress)]
        problems = MonitoringScan.submissionProblems(subject, rules: .standard, fundExplained: true)
        #expect(problems.map(\.problem) == [.unknownCause("资金未及时到位")], "a cause outside the bureau's list")
        progress.cause = "经费保障"
        progress.forecastText = "七十"
        subject.indicators = [(item, progress)]
        problems = MonitoringScan.submissionProblems(subject, rules: .standard, fundExplained: true)
        #expect(problems.map(\.problem) == [.forecast(.notANumber("七十"))])
        subject.indicators = [(item, nil)]
        #expect(MonitoringScan.submissionProblems(subject, rules: .standard, fundExplained: true).map(\.problem) == [.missingForecast])
        subject.fund = nil
        #expect(MonitoringScan.submissionProblems(subject, rules: .standard, fundExplained: true).map(\.problem) == [.missingFund, .missingForecast],
                "the money is half of the double monitoring")
    }

    static func step(_ action: MonitoringAction, from state: MonitoringTaskState, roles: Set<Role>, round: MonitoringRoundState = .open,
                     today: CalendarDay = day(2027, 8, 10), assignee: MonitoringAssignee = .unit, isAssignee: Bool = true,
                     callerSubmitted: Bool = false) throws(MonitoringWorkflowError) -> MonitoringTransition {
        try MonitoringWorkflow.transition(action, from: state, roles: roles, round: round, deadline: day(2027, 8, 20), today: today,
                                          assignee: assignee, isAssignee: isAssignee, callerSubmitted: callerSubmitted)
    }

    @Test("a unit's report goes to its department, then to finance; returns need an opinion; late is marked")
    func workflow() throws {
        #expect(try Self.step(.submit, from: .pending, roles: [.unitOfficer]) == MonitoringTransition(newState: .submitted, late: false))
        #expect(try Self.step(.submit, from: .returned, roles: [.unitOfficer], today: day(2027, 8, 21)).late, "after the deadline: 逾期报送")
        #expect(try Self.step(.submit, from: .pending, roles: [.departmentOfficer], assignee: .department).newState == .departmentConfirmed)
        #expect(try Self.step(.submit, from: .pending, roles: [.performanceOfficer], assignee: .financeBureau).newState == .departmentConfirmed)
        #expect(try Self.step(.departmentConfirm, from: .submitted, roles: [.departmentOfficer]).newState == .departmentConfirmed)
        #expect(try Self.step(.financeConfirm, from: .departmentConfirmed, roles: [.performanceOfficer]).newState == .financeConfirmed)
        #expect(try Self.step(.financeReturn(opinion: "支出数与国库不符"), from: .departmentConfirmed, roles: [.budgetOfficer]).newState == .returned)
        #expect(throws: MonitoringWorkflowError.opinionRequired) { try Self.step(.departmentReturn(opinion: " "), from: .submitted, roles: [.departmentOfficer]) }
        #expect(throws: MonitoringWorkflowError.notAssignee) { try Self.step(.submit, from: .pending, roles: [.unitOfficer], isAssignee: false) }
        #expect(throws: MonitoringWorkflowError.roleNotPermitted(action: "finance_confirm")) {
            try Self.step(.financeConfirm, from: .departmentConfirmed, roles: [.departmentOfficer])
        }
        #expect(throws: MonitoringWorkflowError.notAllowed(action: "submit", from: .submitted)) { try Self.step(.submit, from: .submitted, roles: [.unitOfficer]) }
        #expect(throws: MonitoringWorkflowError.roundNotOpen(.closed)) { try Self.step(.submit, from: .pending, roles: [.unitOfficer], round: .closed) }
        #expect(throws: MonitoringWorkflowError.ownSubmission) {
            try Self.step(.financeConfirm, from: .departmentConfirmed, roles: [.performanceOfficer], callerSubmitted: true)
        }
        #expect(MonitoringWorkflow.closing(.pending) == .unreported && MonitoringWorkflow.closing(.returned) == .unreported)
        #expect(MonitoringWorkflow.closing(.submitted) == .submitted)
        #expect(MonitoringAssignee(kind: .department) == .department && MonitoringAssignee(kind: .financeBureau) == .financeBureau)
    }

    @Test("dispositions: a reason always, a due date for corrections, cuts no larger than what is unspent, never on green")
    func dispositions() {
        let fund = FundFigures(initialBudget: wan("100"), allocated: wan("40"), spent: wan("30"))
        let today = day(2027, 8, 25), finance: Set<Role> = [.performanceOfficer]
        func problems(_ d: Disposition, colour: WarningLevel = .red, roles: Set<Role> = finance, released: Bool = true) -> [Disposition.Problem] {
            d.check(colour: colour, fund: fund, roles: roles, today: today, goalReleased: released)
        }
        #expect(problems(Disposition(kind: .cutBudget, reason: "进度滞后", amount: wan("70"))).isEmpty, "70 unspent: a cut of 70 is allowed")
        #expect(problems(Disposition(kind: .cutBudget, reason: "进度滞后", amount: wan("70.000001")))
                == [.cutAboveUnspent(cut: wan("70.000001"), unspent: wan("70"))])
        #expect(problems(Disposition(kind: .cutBudget, reason: "x")) == [.amountRequired])
        #expect(problems(Disposition(kind: .correct, reason: "请加快", dueBy: day(2027, 9, 30))).isEmpty)
        #expect(problems(Disposition(kind: .correct, reason: "请加快", dueBy: day(2027, 8, 24))) == [.dueByPast(day(2027, 8, 24))])
        #expect(problems(Disposition(kind: .correct, reason: "请加快")) == [.dueByRequired])
        #expect(problems(Disposition(kind: .stop, reason: " ")) == [.reasonRequired])
        #expect(problems(Disposition(kind: .stop, reason: "政策取消"), colour: .green) == [.objectGreen])
        #expect(problems(Disposition(kind: .suspendPayments, reason: "x"), colour: .yellow).isEmpty, "finance may dispose of yellow items")
        #expect(problems(Disposition(kind: .stop, reason: "x"), roles: [.departmentOfficer]) == [.roleNotPermitted], "a department cannot dispose")
        #expect(problems(Disposition(kind: .adjustGoal, reason: "政策调整"), released: false) == [.goalNotReleased])
    }
}
