import Foundation

/// 满意度调查 / 公众评判: a short questionnaire beneficiaries answer from a public link on their phones. One five-point
/// question is the satisfaction question; its share of 满意 and 非常满意 is the satisfaction rate, which becomes the actual
/// value of the evaluation's satisfaction indicator.
public struct SurveyQuestion: Hashable, Codable, Sendable {
    public enum Kind: String, CaseIterable, Codable, Sendable {
        /// 单选.
        case singleChoice = "single_choice"
        /// 五级量表: 非常满意 5 … 非常不满意 1.
        case scale
        /// 文字.
        case text
    }
    public var kind: Kind
    public var text: String
    /// The choices of a single-choice question.
    public var options: [String]
    public var required: Bool

    public init(kind: Kind, text: String, options: [String] = [], required: Bool = true) {
        self.kind = kind; self.text = text; self.options = options; self.required = required
    }

    /// The five points of the scale, best first.
    public static let scaleLabels = ["非常满意", "满意", "一般", "不满意", "非常不满意"]
}

public struct SurveyDesign: Hashable, Codable, Sendable {
    public var title: String
    public var intro: String
    public var questions: [SurveyQuestion]
    /// Index of the scale question whose answers give the satisfaction rate.
    public var satisfactionQuestion: Int

    public init(title: String, intro: String, questions: [SurveyQuestion], satisfactionQuestion: Int) {
        self.title = title; self.intro = intro; self.questions = questions; self.satisfactionQuestion = satisfactionQuestion
    }

    /// A questionnaire to start from: overall satisfaction, whether the service arrived on time, suggestions.
    public static func standard(objectName: String) -> SurveyDesign {
        SurveyDesign(title: "“\(objectName)”满意度调查",
                     intro: "为了解项目实施效果，请您根据亲身感受如实填写。问卷匿名，约需 1 分钟。",
                     questions: [SurveyQuestion(kind: .scale, text: "您对该项目实施效果的总体评价是？"),
                                 SurveyQuestion(kind: .singleChoice, text: "相关补助或服务是否按时送达？", options: ["是", "否", "不清楚"]),
                                 SurveyQuestion(kind: .text, text: "您对该项目还有哪些意见和建议？", required: false)],
                     satisfactionQuestion: 0)
    }
}

public enum SurveyDesignProblem: Hashable, Sendable {
    case noQuestions
    case tooManyQuestions(maximum: Int)
    case emptyQuestion(index: Int)
    case tooFewOptions(index: Int)
    case satisfactionNotScale
}

/// Every problem of one answer set.
public struct SurveyAnswerErrors: Error, Hashable, Sendable {
    public var problems: [SurveyAnswerProblem]
}

/// How an answer set can be refused.
public enum SurveyAnswerProblem: Hashable, Sendable {
    case missing(index: Int)
    case notAnOption(index: Int)
    case tooLong(index: Int, maximum: Int)
    /// A control character or another that may not be stored (`TextInputRules`).
    case forbiddenCharacter(index: Int)
}

public enum SatisfactionSurvey {
    public static let maximumQuestions = 30
    public static let maximumTextAnswer = 1_000

    public static func problems(_ design: SurveyDesign) -> [SurveyDesignProblem] {
        var problems: [SurveyDesignProblem] = []
        if design.questions.isEmpty { problems.append(.noQuestions) }
        if design.questions.count > maximumQuestions { problems.append(.tooManyQuestions(maximum: maximumQuestions)) }
        for (index, question) in design.questions.enumerated() {
            if question.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append(.emptyQuestion(index: index)) }
            if question.kind == .singleChoice && question.options.filter({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }).count < 2 {
                problems.append(.tooFewOptions(index: index))
            }
        }
        if !design.questions.indices.contains(design.satisfactionQuestion) || design.questions[design.satisfactionQuestion].kind != .scale {
            problems.append(.satisfactionNotScale)
        }
        return problems
    }

    /// The answers as stored (question index → the option or scale point as text, or the words), or what is wrong.
    /// A scale answer is "1"…"5"; a choice is the option's text; unknown indices are ignored.
    public static func validate(_ answers: [Int: String], for design: SurveyDesign) -> Result<[Int: String], SurveyAnswerErrors> {
        var clean: [Int: String] = [:], problems: [SurveyAnswerProblem] = []
        for (index, question) in design.questions.enumerated() {
            let answer = answers[index]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if answer.isEmpty {
                if question.required { problems.append(.missing(index: index)) }
                continue
            }
            switch question.kind {
            case .scale:
                guard let point = Int(answer), (1...5).contains(point) else { problems.append(.notAnOption(index: index)); continue }
                clean[index] = String(point)
            case .singleChoice:
                guard question.options.contains(answer) else { problems.append(.notAnOption(index: index)); continue }
                clean[index] = answer
            case .text:
                guard answer.count <= maximumTextAnswer else { problems.append(.tooLong(index: index, maximum: maximumTextAnswer)); continue }
                guard TextInputRules.firstForbiddenCharacter(in: answer, field: .multiLine) == nil else { problems.append(.forbiddenCharacter(index: index)); continue }
                clean[index] = answer
            }
        }
        return problems.isEmpty ? .success(clean) : .failure(SurveyAnswerErrors(problems: problems))
    }

    /// The satisfaction rate: answers of 4 or 5 on the satisfaction question over all its answers; nil without answers.
    public static func rate(_ responses: [[Int: String]], design: SurveyDesign) -> (satisfied: Int, answered: Int, percent: Decimal)? {
        let points = responses.compactMap { $0[design.satisfactionQuestion].flatMap(Int.init) }
        guard !points.isEmpty else { return nil }
        let satisfied = points.filter { $0 >= 4 }.count
        return (satisfied, points.count, Decimal(satisfied) * 100 / Decimal(points.count))
    }

    /// Each option's (or scale point's) count for one question, in the question's order.
    public static func tally(_ responses: [[Int: String]], question index: Int, design: SurveyDesign) -> [(label: String, count: Int)] {
        let question = design.questions[index]
        let values = responses.compactMap { $0[index] }
        switch question.kind {
        case .scale: return (1...5).reversed().map { point in (SurveyQuestion.scaleLabels[5 - point], values.filter { $0 == String(point) }.count) }
        case .singleChoice: return question.options.map { option in (option, values.filter { $0 == option }.count) }
        case .text: return []
        }
    }
}

/// How often one address may answer an open link: at most `answers` within `hours` (default 3 in 24 h — a household
/// sharing a phone, not a script).
public struct OpenLinkLimit: Hashable, Codable, Sendable {
    public var answers: Int
    public var hours: Int
    public init(answers: Int = 3, hours: Int = 24) { self.answers = answers; self.hours = hours }

    public func allows(previousAnswers: Int) -> Bool { previousAnswers < answers }
}
