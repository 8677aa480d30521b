import Fluent
import Foundation
import SQLKit
import Vapor
import JixiaoDomain

/// 评价报告 assembled from the evaluation's data: each section's text as the team wrote it (or, until then, a draft made
/// from the data), the tables of scores and indicators, the findings with their responsible organisations and the
/// suggestions tied to them. The page, the printable page and the .docx all read this one value.
struct KeyEvaluationReport: Sendable {
    var evaluation: KeyEvaluationModel
    var plan: EvaluationPlan
    var objects: [KeyEvaluationObjectModel]
    var indicators: [KeyEvaluationIndicatorModel]
    var results: [UUID: IndicatorAggregate]
    var members: [KeyEvaluationMemberModel]
    var agencyName: String?
    var survey: SurveySummary?
    var saved: [ReportSection: ReportSectionModel]
    var findings: [ReportFindingModel]
    var suggestions: [ReportSuggestionModel]
    /// Organisations a finding may be addressed to: the evaluated objects' owners and the organisations above them up
    /// to (not including) the running organisation.
    var responsibleCandidates: [OrganizationModel]
    var canWrite: Bool

    var total: (total: Decimal, grade: ScoreGrade)? {
        guard !indicators.isEmpty, indicators.allSatisfy({ results[$0.id!] != nil }) else { return nil }
        return TeamScoring.total(indicators.compactMap { results[$0.id!] })
    }

    static func load(_ id: UUID, by caller: Caller, on db: any Database) async throws -> KeyEvaluationReport {
        let page = try await KeyEvaluationPageModel.load(id, by: caller, on: db)
        // Independence first: a member reads the report once their own scores are in.
        guard page.seesResults else { throw AppError(.forbidden, "scores_first", Message(.keyEvaluationResultsAfterSubmit)) }
        let objectIDs = page.objects.map(\.budgetObjectID)
        let owners = try await BudgetObjectModel.query(on: db).filter(\.$id ~~ objectIDs).with(\.$organization).all().map(\.organization)
        let runnerPath = HierarchyPath(rawValue: page.evaluation.organizationPath)
        let chainIDs = Set(owners.flatMap { $0.hierarchyPath.ids }).subtracting(runnerPath.ids)
        let candidates = chainIDs.isEmpty ? [] : try await OrganizationModel.query(on: db).filter(\.$id ~~ Array(chainIDs)).sort(\.$path).all()
        let saved = try await ReportSectionModel.query(on: db).filter(\.$evaluationID == id).all()
        let isMember = page.me != nil
        return KeyEvaluationReport(
            evaluation: page.evaluation, plan: page.plan, objects: page.objects, indicators: page.indicators, results: page.results, members: page.members,
            agencyName: page.agencyName, survey: page.survey,
            saved: Dictionary(saved.compactMap { row in ReportSection(rawValue: row.section).map { ($0, row) } }, uniquingKeysWith: { first, _ in first }),
            findings: try await ReportFindingModel.query(on: db).filter(\.$evaluationID == id).sort(\.$position).all(),
            suggestions: try await ReportSuggestionModel.query(on: db).filter(\.$evaluationID == id).sort(\.$position).all(),
            responsibleCandidates: candidates,
            canWrite: page.evaluation.evaluationState == .underway && (isMember || page.canRun))
    }

    /// The section's text: what the team saved, else the draft.
    func text(_ section: ReportSection) -> String { saved[section]?.text ?? draft(section) }

    /// A first version of each section made from the data, which the team edits.
    func draft(_ section: ReportSection) -> String {
        let money: (Int64) -> String = { Money(fen: $0).wanYuanDisplay }
        switch section {
        case .basicInfo:
            let list = objects.map { "\($0.objectName)（\($0.objectCode)），资金 \(money($0.amountFen)) 万元" }.joined(separator: "；")
            let reasons = Set(objects.flatMap(\.reasons)).sorted().map(\.chineseName).joined(separator: "、")
            return "本次评价对象为\(list)。" + (reasons.isEmpty ? "" : "列入重点评价的原因：\(reasons)。")
                + (objects.first.map { "选择理由：\($0.choiceReason)" } ?? "")
        case .workDone:
            let roles = Dictionary(grouping: members, by: \.teamRole).mapValues(\.count)
            let team = TeamRole.allCases.compactMap { role in roles[role].map { "\(role.chineseName) \($0) 人" } }.joined(separator: "、")
            var text = "评价主体：\(plan.evaluatorKind.chineseName)" + (agencyName.map { "（\($0)）" } ?? "") + "。"
            text += "评价依据：\(plan.basis.isEmpty ? "—" : plan.basis)。评价方法：\(plan.methods.map(\.chineseName).joined(separator: "、"))。"
            text += "评价组共 \(members.count) 人（\(team)），各成员独立评分。"
            if !plan.milestones.isEmpty { text += "\n工作安排：" + plan.milestones.map { "\($0.due) \($0.name)" }.joined(separator: "；") + "。" }
            if let survey, let rate = SatisfactionSurvey.rate(survey.responses, design: survey.design) {
                text += "\n开展满意度问卷调查，收回有效答卷 \(rate.answered) 份，满意度 \(Ratio.text(rate.percent, decimals: 2))%。"
            }
            if !plan.dataToCollect.isEmpty { text += "\n数据采集：\(plan.dataToCollect)" }
            return text
        case .conclusion:
            guard let total else { return "评价组成员尚未全部完成评分。" }
            return "经评价，综合得分 \(Ratio.text(total.total, decimals: 2)) 分，评价等级为“\(total.grade.rawValue)”。"
        case .indicatorAnalysis:
            let short = indicators.filter { indicator in results[indicator.id!].map { $0.points < indicator.weight } ?? false }
            guard !short.isEmpty else { return "各项指标均得满分。" }
            return short.map { "\($0.level3)：得分 \(Ratio.text(results[$0.id!]!.points, decimals: 2)) 分（权重 \(Ratio.text($0.weight, decimals: 2))）。" }.joined(separator: "\n")
        case .experienceAndProblems: return ""
        case .suggestions: return ""
        case .other: return "无。"
        }
    }

    /// Each level-1 group's weight and points (the conclusion's table).
    var groupRows: [[String]] {
        EvaluationFramework.groupWeights(indicators.map(\.framework), kind: evaluation.kind).filter { $0.weight > 0 }.map { group in
            let points = indicators.filter { $0.level1 == group.group }.compactMap { results[$0.id!]?.points }.reduce(Decimal(0), +)
            return [group.group, Ratio.text(group.weight, decimals: 2), Ratio.text(points, decimals: 2)]
        }
    }

    /// Every indicator with its target, actual, weight and points (the analysis's table).
    var indicatorRows: [[String]] {
        indicators.map { indicator in
            [indicator.level1, indicator.level2, indicator.level3, Ratio.text(indicator.weight, decimals: 2), indicator.target ?? "—", indicator.actual ?? "—",
             results[indicator.id!].map { Ratio.text($0.points, decimals: 2) } ?? "—"]
        }
    }

    var findingRows: [[String]] {
        findings.enumerated().map { index, finding in [String(index + 1), finding.findingDescription, finding.responsibleName] }
    }

    func suggestionLine(_ index: Int, _ suggestion: ReportSuggestionModel) -> String {
        let numbers = suggestion.findingIDs.compactMap { id in findings.firstIndex { $0.id == id }.map { String($0 + 1) } }
        return "（\(ReportSection.numeral(index))）\(suggestion.text)" + (numbers.isEmpty ? "" : "（针对问题 \(numbers.joined(separator: "、"))）")
    }

    /// What keeps the report from being submitted.
    var problems: [ReportProblem] {
        EvaluationReportRules.problems(sections: Dictionary(uniqueKeysWithValues: ReportSection.allCases.map { ($0, text($0)) }),
                                       findings: findings.map(\.finding), suggestions: suggestions.map(\.suggestion))
    }

    var title: String { "“\(evaluation.title)”绩效评价报告" }

    /// The report as a .docx download, for the page and the API alike.
    static func docx(_ id: UUID, by caller: Caller, on db: any Database) async throws -> DownloadFile {
        let report = try await load(id, by: caller, on: db)
        let runner = try await OrganizationModel.find(report.evaluation.organizationID, on: db)?.name ?? ""
        let data = try WordDocumentWriter.data(title: report.title, author: runner, created: caller.now, blocks: report.wordBlocks(runnerName: runner))
        return DownloadFile(name: "\(report.evaluation.title)-绩效评价报告.docx",
                            contentType: HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.wordprocessingml.document"), data: data)
    }

    /// The report as a Word document, in the policy's outline.
    func wordBlocks(runnerName: String) -> [WordBlock] {
        var blocks: [WordBlock] = [.title(title), .paragraph("\(evaluation.fiscalYear) 年度 · \(runnerName)", centered: true)]
        for (index, section) in ReportSection.allCases.enumerated() {
            blocks.append(.heading("\(ReportSection.numeral(index))、\(section.chineseName)", level: 1))
            let body = text(section)
            if !body.isEmpty { blocks.append(.paragraph(body)) }
            switch section {
            case .conclusion:
                blocks.append(.table(header: ["一级指标", "权重", "得分"], rows: groupRows + (total.map { [["合计", "100", Ratio.text($0.total, decimals: 2)]] } ?? []),
                                     widths: [4, 3, 3]))
            case .indicatorAnalysis:
                blocks.append(.table(header: ["一级指标", "二级指标", "三级指标", "权重", "目标值", "实际值", "得分"], rows: indicatorRows,
                                     widths: [10, 14, 24, 8, 16, 16, 8]))
            case .experienceAndProblems where !findings.isEmpty:
                blocks.append(.heading("存在的问题", level: 2))
                blocks.append(.table(header: ["序号", "问题", "责任单位"], rows: findingRows, widths: [8, 62, 30]))
            case .suggestions:
                for (index, suggestion) in suggestions.enumerated() { blocks.append(.paragraph(suggestionLine(index, suggestion))) }
            default: break
            }
        }
        return blocks
    }
}

extension ReportProblem {
    var appError: AppError {
        switch self {
        case .emptySection(let section): .invalid("section_\(section.rawValue)", Message(.errorReportEmptySection(section.termKey)))
        case .findingWithoutResponsible(let index): .invalid("findings", Message(.errorReportFindingResponsible(index + 1)))
        case .suggestionForUnknownFinding(let index): .invalid("suggestions", Message(.errorReportSuggestionFinding(index + 1)))
        case .findingWithoutSuggestion(let index): .invalid("findings", Message(.errorReportFindingUnanswered(index + 1)))
        }
    }
}
