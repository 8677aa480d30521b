import Foundation
import JixiaoDomain

/// The shape of a synthetic installation for `generate` and `bench`.
struct ScalePlan: Sendable {
    var name: String
    var cities: Int
    var countiesPerCity: [Int]
    var departmentsPerBureau: (province: Int, city: Int, county: Int)
    var unitsPerDepartment: Int
    var users: Int
    /// Projects each department and unit declares in the generated fiscal year.
    var projectsPerOrganization: Int

    /// One county: its bureau, 60 departments, 300 units, 1,000 users.
    static let county = ScalePlan(name: "county", cities: 0, countiesPerCity: [], departmentsPerBureau: (0, 0, 60),
                                  unitsPerDepartment: 5, users: 1_000, projectsPerOrganization: 10)
    /// A province: 1 + 16 + 100 bureaus, about 5,000 departments and units, 20,000 users.
    static let province = ScalePlan(name: "province", cities: 16, countiesPerCity: (0..<16).map { $0 < 4 ? 7 : 6 },
                                    departmentsPerBureau: (40, 25, 8), unitsPerDepartment: 3, users: 20_000, projectsPerOrganization: 41)

    static func named(_ name: String) -> ScalePlan? {
        switch name {
        case "county": .county
        case "province": .province
        default: nil
        }
    }
}

/// One organisation row as it is stored.
struct OrganizationRow: Sendable {
    var id: UUID
    var code: String
    var name: String
    var kind: OrganizationKind
    var level: AdministrativeLevel?
    var parentID: UUID?
    var path: HierarchyPath
}

/// Produces a realistic-looking hierarchy in parent-first order, deterministically, checking every
/// placement with the domain rules as a real import would.
struct SyntheticHierarchy: Sequence {
    let plan: ScalePlan
    let codePrefix: String
    /// Id for the top bureau, to adopt an existing row (the placeholder bureau of a fresh installation).
    var rootID: UUID?

    static let departmentNames = ["教育局", "卫生健康委员会", "农业农村局", "交通运输局", "人力资源和社会保障局", "民政局",
        "住房和城乡建设局", "自然资源局", "生态环境局", "水利局", "文化和旅游局", "科学技术局", "公安局", "司法局",
        "应急管理局", "市场监督管理局", "统计局", "审计局", "林业局", "体育局", "医疗保障局", "退役军人事务局", "商务局",
        "工业和信息化局", "发展和改革委员会", "档案馆", "气象局", "地震局", "人民防空办公室", "乡村振兴局", "信访局",
        "机关事务管理局", "供销合作社", "广播电视台", "粮食和物资储备局", "国有资产监督管理委员会", "城市管理局",
        "数据资源局", "消防救援支队", "残疾人联合会"]
    static let unitSuffixes = ["事务服务中心", "信息中心", "监测站", "培训中心", "综合执法大队"]
    static let syllables = Array("安平临江青山白石清河长宁永丰新华东阳云龙湖溪源泰康兴和桂林松柏明德福瑞")

    func placeName(_ index: Int) -> String {
        let n = Self.syllables.count
        return String(Self.syllables[(index * 7) % n]) + String(Self.syllables[(index * 13 + 5) % n])
    }

    func makeIterator() -> AnyIterator<OrganizationRow> {
        var rows: [OrganizationRow] = []
        rows.reserveCapacity(6_000)
        func add(_ code: String, _ name: String, _ kind: OrganizationKind, _ level: AdministrativeLevel?, under parent: OrganizationRow?) -> OrganizationRow {
            let id = parent == nil ? (rootID ?? UUID()) : UUID()
            let facts = parent.map { ParentFacts(kind: $0.kind, level: $0.level) }
            // A generator that broke the rules would measure nothing real; a violation is a programming error.
            let resolved = (try? HierarchyRules.validatePlacement(kind: kind, level: level, parent: facts)) ?? nil
            precondition(resolved != nil, "synthetic hierarchy violates the placement rules at \(code)")
            let row = OrganizationRow(id: id, code: code, name: name, kind: kind, level: resolved, parentID: parent?.id,
                                      path: parent.map { $0.path.appending(id) } ?? .root(id))
            rows.append(row)
            return row
        }
        func departments(of bureau: OrganizationRow, count: Int, place: String) {
            for d in 0..<count {
                let base = Self.departmentNames[d % Self.departmentNames.count]
                let department = add("\(bureau.code)-D\(String(format: "%03d", d + 1))", "\(place)\(base)", .department, nil, under: bureau)
                for u in 0..<plan.unitsPerDepartment {
                    let stem = base.hasSuffix("局") ? String(base.dropLast()) : base
                    _ = add("\(department.code)-U\(String(format: "%02d", u + 1))",
                            "\(place)\(stem)\(Self.unitSuffixes[u % Self.unitSuffixes.count])", .unit, nil, under: department)
                }
            }
        }
        var placeIndex = 0
        if plan.cities == 0 {
            let place = placeName(placeIndex) + "县"
            let bureau = add(codePrefix, "\(place)财政局", .financeBureau, .county, under: nil)
            departments(of: bureau, count: plan.departmentsPerBureau.county, place: place)
        } else {
            let province = add(codePrefix, "\(placeName(placeIndex))省财政厅", .financeBureau, .province, under: nil)
            departments(of: province, count: plan.departmentsPerBureau.province, place: placeName(placeIndex) + "省")
            for c in 0..<plan.cities {
                placeIndex += 1
                let cityPlace = placeName(placeIndex) + "市"
                let city = add("\(codePrefix)-C\(String(format: "%02d", c + 1))", "\(cityPlace)财政局", .financeBureau, .city, under: province)
                departments(of: city, count: plan.departmentsPerBureau.city, place: cityPlace)
                for k in 0..<plan.countiesPerCity[c] {
                    placeIndex += 1
                    let countyPlace = placeName(placeIndex) + "县"
                    let county = add("\(city.code)-X\(String(format: "%02d", k + 1))", "\(countyPlace)财政局", .financeBureau, .county, under: city)
                    departments(of: county, count: plan.departmentsPerBureau.county, place: countyPlace)
                }
            }
        }
        return AnyIterator(rows.makeIterator())
    }

    /// The role a generated person gets, fitting the kind of organisation they belong to.
    static func role(for kind: OrganizationKind, index: Int) -> Role {
        switch kind {
        case .financeBureau: [Role.performanceOfficer, .budgetOfficer, .supervisor, .administrator][index % 4]
        case .department: .departmentOfficer
        case .unit: .unitOfficer
        case .agency: .agencyEvaluator
        }
    }
}
