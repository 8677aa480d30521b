import Foundation

/// 入库状态 of an expert or agency in a library (DOMAIN.md §3.11): 候选 → 在库 → 暂停 → 退出. Every change is made by a
/// person with a reason and kept.
public enum LibraryStatus: String, CaseIterable, Codable, Sendable {
    case candidate, admitted, suspended, withdrawn

    /// The moves a library manager may make.
    public enum Move: String, CaseIterable, Codable, Sendable {
        /// 审核通过 入库
        case admit
        /// 审核不通过
        case reject
        /// 暂停 (by hand, or confirming a dynamic-management proposal)
        case suspend
        /// 恢复
        case restore
        /// 退出
        case withdraw
    }

    public func after(_ move: Move) -> LibraryStatus? {
        switch (self, move) {
        case (.candidate, .admit): .admitted
        case (.candidate, .reject): .withdrawn
        case (.admitted, .suspend): .suspended
        case (.suspended, .restore): .admitted
        case (.admitted, .withdraw), (.suspended, .withdraw): .withdrawn
        default: nil
        }
    }

    public var moves: [Move] { Move.allCases.filter { after($0) != nil } }
    /// Only members in the library are drawn or entrusted.
    public var isDrawable: Bool { self == .admitted }
}

/// 专业领域 — the classification experts are registered and drawn by: the spending sectors (类 of 功能分类科目, so an
/// evaluated object's own class names the sector) and the professions an evaluation team needs beside them.
public struct ExpertField: Hashable, Codable, Sendable, Comparable {
    public var code: String
    public var chinese: String
    public var english: String

    public static func < (a: Self, b: Self) -> Bool { a.code < b.code }

    public static let all: [ExpertField] = [
        .init(code: "201", chinese: "一般公共服务", english: "General public services"),
        .init(code: "204", chinese: "公共安全", english: "Public security"),
        .init(code: "205", chinese: "教育", english: "Education"),
        .init(code: "206", chinese: "科学技术", english: "Science and technology"),
        .init(code: "207", chinese: "文化旅游体育与传媒", english: "Culture, tourism, sports and media"),
        .init(code: "208", chinese: "社会保障和就业", english: "Social security and employment"),
        .init(code: "210", chinese: "卫生健康", english: "Health"),
        .init(code: "211", chinese: "节能环保", english: "Energy saving and environment"),
        .init(code: "212", chinese: "城乡社区", english: "Urban and rural communities"),
        .init(code: "213", chinese: "农林水", english: "Agriculture, forestry and water"),
        .init(code: "214", chinese: "交通运输", english: "Transport"),
        .init(code: "221", chinese: "住房保障", english: "Housing"),
        .init(code: "224", chinese: "灾害防治及应急管理", english: "Disaster prevention and emergencies"),
        .init(code: "finance", chinese: "财务会计", english: "Finance and accounting"),
        .init(code: "economics", chinese: "经济", english: "Economics"),
        .init(code: "management", chinese: "公共管理与绩效评价", english: "Public management and performance evaluation"),
        .init(code: "engineering", chinese: "工程技术", english: "Engineering"),
        .init(code: "law", chinese: "法律", english: "Law"),
        .init(code: "information", chinese: "信息技术", english: "Information technology"),
    ]

    public static func named(_ code: String) -> ExpertField? { all.first { $0.code == code } }

    /// A field written as its code or its Chinese or English name (imports, API).
    public static func parse(_ text: String) -> ExpertField? {
        let t = text.trimmingCharacters(in: .whitespaces)
        return all.first { $0.code == t || $0.chinese == t || $0.english.caseInsensitiveCompare(t) == .orderedSame }
    }
}

/// 中介机构类型 (DOMAIN.md §3.11).
public enum AgencyType: String, CaseIterable, Codable, Sendable {
    case accounting, assetAppraisal = "asset_appraisal", consulting
    public var chineseName: String {
        switch self {
        case .accounting: "会计师事务所"
        case .assetAppraisal: "资产评估机构"
        case .consulting: "咨询机构"
        }
    }
}

/// 监督指导库 categories (DOMAIN.md §3.11).
public enum SupervisorCategory: String, CaseIterable, Codable, Sendable {
    case peoplesCongress = "peoples_congress", disciplineInspection = "discipline_inspection", audit, expert, publicRepresentative = "public_representative"
    public var chineseName: String {
        switch self {
        case .peoplesCongress: "人大代表"
        case .disciplineInspection: "纪检监察"
        case .audit: "审计"
        case .expert: "专家学者"
        case .publicRepresentative: "群众代表"
        }
    }
}

/// The identity numbers a registration is known by: two applications with the same number are one person or firm.
public enum IdentityNumbers {
    /// 公民身份号码 (GB 11643-1999): 17 digits, a date of birth at 7–14, and the ISO 7064 MOD 11-2 check character.
    /// Returns the number in its canonical form (upper-case X), or nil.
    public static func residentID(_ text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        let chars = Array(t)
        guard chars.count == 18, chars.prefix(17).allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let digits = chars.prefix(17).map { Int(String($0))! }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let check = Array("10X98765432")[sum % 11]
        guard chars[17] == check else { return nil }
        let month = digits[10] * 10 + digits[11], day = digits[12] * 10 + digits[13]
        let year = digits[6...9].reduce(0) { $0 * 10 + $1 }
        guard (1900...2100).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        return t
    }

    /// 统一社会信用代码 (GB 32100-2015): 18 characters from the code's alphabet (no I, O, Z, S, V) with the MOD 31 check
    /// character last. Returns the canonical upper-case code, or nil.
    public static func creditCode(_ text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        let chars = Array(t)
        guard chars.count == 18 else { return nil }
        var values: [Int] = []
        for c in chars {
            guard let v = alphabet.firstIndex(of: c) else { return nil }
            values.append(v)
        }
        let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        let sum = zip(values.prefix(17), weights).reduce(0) { $0 + $1.0 * $1.1 }
        let check = (31 - sum % 31) % 31
        return values[17] == check ? t : nil
    }

    /// The 18th character of a resident ID for its first 17 digits (for generated and demo data).
    public static func residentIDCheck(_ first17: String) -> Character? {
        let digits = first17.compactMap { $0.wholeNumberValue }
        guard digits.count == 17, first17.count == 17 else { return nil }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        return Array("10X98765432")[zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11]
    }

    /// The 18th character of a credit code for its first 17 (for generated and demo data).
    public static func creditCodeCheck(_ first17: String) -> Character? {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        let values = first17.uppercased().compactMap { alphabet.firstIndex(of: $0) }
        guard values.count == 17, first17.count == 17 else { return nil }
        let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        return alphabet[(31 - zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 } % 31) % 31]
    }

    /// The number with all but its first and last few characters hidden, for anyone who may know the person is listed
    /// but not their number.
    public static func masked(_ number: String, keepFirst: Int = 3, keepLast: Int = 2) -> String {
        let chars = Array(number)
        guard chars.count > keepFirst + keepLast else { return String(repeating: "*", count: chars.count) }
        return String(chars.prefix(keepFirst)) + String(repeating: "*", count: chars.count - keepFirst - keepLast) + String(chars.suffix(keepLast))
    }
}
