import Foundation

/// 组织类型 — what an organisation is in the budget hierarchy (DOMAIN.md §1).
public enum OrganizationKind: String, CaseIterable, Codable, Sendable {
    /// 财政部门 — a finance bureau at one administrative level.
    case financeBureau = "finance_bureau"
    /// 预算部门 — a first-level budget department under a finance bureau.
    case department
    /// 预算单位 — a second- or third-level budget unit under a department or another unit.
    case unit
    /// 第三方机构 — an evaluation agency registered with a finance bureau.
    case agency

    /// Words people write in a spreadsheet for each kind, in either locale.
    public static func parse(_ text: String) -> OrganizationKind? {
        let key = text.trimmed.lowercased()
        switch key {
        case "finance_bureau", "financebureau", "bureau", "财政部门", "财政", "财政局", "财政厅": return .financeBureau
        case "department", "预算部门", "部门", "一级预算单位": return .department
        case "unit", "预算单位", "单位", "二级预算单位", "三级预算单位": return .unit
        case "agency", "第三方机构", "第三方", "中介机构": return .agency
        default: return nil
        }
    }
}

/// 行政级次 — the administrative level of a finance bureau; departments and units inherit their bureau's.
public enum AdministrativeLevel: Int, CaseIterable, Codable, Sendable, Comparable {
    case central = 0   // 中央
    case province = 1  // 省
    case city = 2      // 市
    case county = 3    // 县
    case township = 4  // 乡镇 (optional level)

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The level directly below this one, if any.
    public var below: AdministrativeLevel? { AdministrativeLevel(rawValue: rawValue + 1) }

    public var key: String {
        switch self {
        case .central: "central"
        case .province: "province"
        case .city: "city"
        case .county: "county"
        case .township: "township"
        }
    }

    public init?(key: String) {
        guard let level = Self.allCases.first(where: { $0.key == key }) else { return nil }
        self = level
    }

    public static func parse(_ text: String) -> AdministrativeLevel? {
        let key = text.trimmed.lowercased()
        if let level = AdministrativeLevel(key: key) { return level }
        switch key {
        case "中央", "中央级": return .central
        case "省", "省级", "自治区", "直辖市": return .province
        case "市", "市级", "地市", "地级市", "州", "盟": return .city
        case "县", "县级", "区", "县区", "旗", "县级市": return .county
        case "乡", "镇", "乡镇", "乡镇级", "街道": return .township
        default: return nil
        }
    }
}
