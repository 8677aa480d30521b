import Foundation

/// 评价主体 — who carries out a key evaluation (DOMAIN.md §3.4).
public enum EvaluatorKind: String, CaseIterable, Codable, Sendable {
    /// 财政评价 — the finance bureau itself.
    case finance
    /// 部门评价 — the department, for its units.
    case department
    /// 委托第三方 — an agency entrusted by the bureau.
    case agency

    public var chineseName: String {
        switch self {
        case .finance: "财政部门自行评价"
        case .department: "主管部门评价"
        case .agency: "委托第三方机构"
        }
    }
}

/// 评价方法 (policy, 财预〔2011〕416号 and 财预〔2020〕10号).
public enum EvaluationMethod: String, CaseIterable, Codable, Sendable {
    case costBenefit = "cost_benefit"
    case comparison
    case factorAnalysis = "factor_analysis"
    case lowestCost = "lowest_cost"
    case publicJudgement = "public_judgement"

    public var chineseName: String {
        switch self {
        case .costBenefit: "成本效益分析法"
        case .comparison: "比较法"
        case .factorAnalysis: "因素分析法"
        case .lowestCost: "最低成本法"
        case .publicJudgement: "公众评判法"
        }
    }
}

/// A dated step of the plan's schedule (前期准备, 组织实施, 撰写报告 …).
public struct Milestone: Hashable, Codable, Sendable {
    public var name: String
    /// yyyy-MM-dd.
    public var due: String
    public init(name: String, due: String) { self.name = name; self.due = due }
}

/// 评价方案 — what the bureau approves before work starts.
public struct EvaluationPlan: Hashable, Codable, Sendable {
    public var evaluatorKind: EvaluatorKind
    /// The entrusted agency's organisation, for `.agency`.
    public var agencyID: UUID?
    /// 评价依据 — the documents the evaluation rests on.
    public var basis: String
    public var methods: [EvaluationMethod]
    public var milestones: [Milestone]
    /// 数据采集 — what data the team collects and from whom.
    public var dataToCollect: String

    public init(evaluatorKind: EvaluatorKind = .finance, agencyID: UUID? = nil, basis: String = "", methods: [EvaluationMethod] = [],
                milestones: [Milestone] = [], dataToCollect: String = "") {
        self.evaluatorKind = evaluatorKind; self.agencyID = agencyID; self.basis = basis; self.methods = methods
        self.milestones = milestones; self.dataToCollect = dataToCollect
    }

    /// The four steps of the policy's procedure, as the schedule a new plan proposes from its start date.
    public static func proposedMilestones(startingOn start: DateComponents) -> [Milestone] {
        let names = ["前期准备（确定对象、组建评价组、制定方案）", "组织实施（收集核实数据、问卷调查、现场评价）", "撰写报告（分析评价、形成结论）", "报告审核与定稿"]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        guard let first = calendar.date(from: start) else { return [] }
        let offsets = [15, 60, 90, 105]
        return zip(names, offsets).map { name, days in
            let date = calendar.date(byAdding: .day, value: days, to: first)!
            let c = calendar.dateComponents([.year, .month, .day], from: date)
            return Milestone(name: name, due: String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!))
        }
    }
}

/// What keeps a plan from being submitted for approval.
public enum PlanProblem: Hashable, Sendable {
    case missingAgency
    case agencyForOtherKind
    case missingBasis
    case missingMethods
    case missingMilestones
    case milestoneWithoutName(index: Int)
    case invalidDate(index: Int, text: String)
    /// Milestones must follow each other in time.
    case milestonesOutOfOrder(index: Int)
    case missingDataToCollect
}

public enum EvaluationPlanRules {
    public static func problems(_ plan: EvaluationPlan) -> [PlanProblem] {
        var problems: [PlanProblem] = []
        if plan.evaluatorKind == .agency && plan.agencyID == nil { problems.append(.missingAgency) }
        if plan.evaluatorKind != .agency && plan.agencyID != nil { problems.append(.agencyForOtherKind) }
        if plan.basis.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append(.missingBasis) }
        if plan.methods.isEmpty { problems.append(.missingMethods) }
        if plan.milestones.isEmpty { problems.append(.missingMilestones) }
        var previous: String?
        for (index, milestone) in plan.milestones.enumerated() {
            if milestone.name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(.milestoneWithoutName(index: index)) }
            guard isDate(milestone.due) else { problems.append(.invalidDate(index: index, text: milestone.due)); continue }
            if let previous, milestone.due < previous { problems.append(.milestonesOutOfOrder(index: index)) }
            previous = milestone.due
        }
        if plan.dataToCollect.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append(.missingDataToCollect) }
        return problems
    }

    /// A real calendar day written yyyy-MM-dd (so text order is time order).
    public static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        return CalendarDay(year: year, month: month, day: day) != nil
    }
}

/// A member's part in a key evaluation's team (评价工作组).
public enum TeamRole: String, CaseIterable, Codable, Sendable {
    /// 组长 — leads the team, writes the report; one per team.
    case leader
    /// 财政（部门）工作人员.
    case staff
    /// 评审专家.
    case expert
    /// 第三方机构评价人员.
    case agencyEvaluator = "agency_evaluator"

    public var chineseName: String {
        switch self {
        case .leader: "组长"
        case .staff: "财政（部门）工作人员"
        case .expert: "评审专家"
        case .agencyEvaluator: "第三方机构评价人员"
        }
    }

    /// The team role a person with these system roles may take: experts and agency evaluators as such; the running
    /// organisation's own staff as leader or staff. Nil when the person may not join at all.
    public static func allowed(for roles: Set<Role>) -> Set<TeamRole> {
        var allowed: Set<TeamRole> = []
        if roles.contains(.expert) { allowed.insert(.expert) }
        if roles.contains(.agencyEvaluator) { allowed.insert(.agencyEvaluator) }
        if roles.contains(.performanceOfficer) || roles.contains(.departmentOfficer) { allowed.formUnion([.leader, .staff]) }
        return allowed
    }
}

/// One member as the team rules see it.
public struct TeamMember: Hashable, Sendable {
    public var userID: UUID
    public var role: TeamRole
    public var organizationID: UUID
    public init(userID: UUID, role: TeamRole, organizationID: UUID) { self.userID = userID; self.role = role; self.organizationID = organizationID }
}

public enum TeamProblem: Hashable, Sendable {
    case noLeader
    case severalLeaders
    /// An entrusted evaluation has nobody of the agency on its team.
    case agencyNotOnTeam
    /// An agency evaluator from another agency than the one entrusted.
    case otherAgency(UUID)
}

public enum TeamRules {
    /// What keeps a team from starting the work the plan describes.
    public static func problems(_ members: [TeamMember], plan: EvaluationPlan) -> [TeamProblem] {
        var problems: [TeamProblem] = []
        let leaders = members.filter { $0.role == .leader }.count
        if leaders == 0 { problems.append(.noLeader) }
        if leaders > 1 { problems.append(.severalLeaders) }
        let evaluators = members.filter { $0.role == .agencyEvaluator }
        if plan.evaluatorKind == .agency, let agency = plan.agencyID, !evaluators.contains(where: { $0.organizationID == agency }) {
            problems.append(.agencyNotOnTeam)
        }
        for member in evaluators where member.organizationID != plan.agencyID { problems.append(.otherAgency(member.userID)) }
        return problems
    }
}
