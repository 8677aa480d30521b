import JixiaoDomain

/// 演示数据 — a fictional province (江南省) with two cities and three counties, their departments,
/// units and four evaluation agencies. Codes follow the shape of administrative division codes;
/// 99 is not a real province code, so nothing here is mistaken for a real bureau.
enum DemoData {
    struct Org { var code: String; var name: String; var kind: OrganizationKind; var level: AdministrativeLevel?; var parent: String? }

    static let password = "Demo2026jixiao"
    static let provinceCode = "990000"

    static let organizations: [Org] = {
        var list: [Org] = [
            Org(code: "990000", name: "江南省财政厅", kind: .financeBureau, level: .province, parent: nil),
            Org(code: "990100", name: "临江市财政局", kind: .financeBureau, level: .city, parent: "990000"),
            Org(code: "990200", name: "青山市财政局", kind: .financeBureau, level: .city, parent: "990000"),
            Org(code: "990121", name: "安平县财政局", kind: .financeBureau, level: .county, parent: "990100"),
            Org(code: "990122", name: "清河县财政局", kind: .financeBureau, level: .county, parent: "990100"),
            Org(code: "990221", name: "白石县财政局", kind: .financeBureau, level: .county, parent: "990200"),
            Org(code: "990000-A01", name: "江南华信绩效评价咨询有限公司", kind: .agency, level: nil, parent: "990000"),
            Org(code: "990000-A02", name: "江南明正会计师事务所", kind: .agency, level: nil, parent: "990000"),
            Org(code: "990000-A03", name: "江南信诚资产评估有限公司", kind: .agency, level: nil, parent: "990000"),
            Org(code: "990000-A04", name: "江南恒远管理咨询有限公司", kind: .agency, level: nil, parent: "990000"),
        ]
        let departments: [(String, String, [String])] = [
            ("990000-101", "江南省教育厅", ["江南师范大学", "江南省实验中学", "江南职业技术学院"]),
            ("990000-102", "江南省卫生健康委员会", ["江南省人民医院", "江南省疾病预防控制中心", "江南省妇幼保健院"]),
            ("990000-103", "江南省农业农村厅", ["江南省农业科学院", "江南省农业技术推广总站"]),
            ("990000-104", "江南省交通运输厅", ["江南省公路事业发展中心", "江南省港航管理局"]),
            ("990000-105", "江南省人力资源和社会保障厅", ["江南省社会保险事业管理中心", "江南省就业服务中心"]),
            ("990100-101", "临江市教育局", ["临江市第一中学", "临江市实验小学", "临江市特殊教育学校"]),
            ("990100-102", "临江市卫生健康委员会", ["临江市人民医院", "临江市中医院"]),
            ("990200-101", "青山市农业农村局", ["青山市农业技术推广中心", "青山市动物疫病预防控制中心"]),
            ("990200-102", "青山市交通运输局", ["青山市公路养护中心"]),
            ("990121-101", "安平县教育局", ["安平县第一中学", "安平县城关小学", "安平县职业中学"]),
            ("990121-102", "安平县卫生健康局", ["安平县人民医院", "安平县疾病预防控制中心"]),
            ("990122-101", "清河县农业农村局", ["清河县农业技术推广站", "清河县农村经营管理站"]),
            ("990221-101", "白石县交通运输局", ["白石县农村公路管理所"]),
            ("990221-102", "白石县人力资源和社会保障局", ["白石县就业服务中心", "白石县社会保险中心"]),
        ]
        for (code, name, units) in departments {
            list.append(Org(code: code, name: name, kind: .department, level: nil, parent: String(code.prefix(6))))
            for (index, unit) in units.enumerated() {
                list.append(Org(code: "\(code)-\(String(format: "%02d", index + 1))", name: unit, kind: .unit, level: nil, parent: code))
            }
        }
        return list
    }()

    /// One account per role, all with `password`, written in the README.
}

import Fluent
import Vapor
import JixiaoDomain

/// Loads the demo province's organisations; what exists already is kept.
enum OrganizationDemo {
    /// Adds what is missing; returns how many organisations were created.
    static func load(on database: any Database) async throws -> Int {
        try await database.transaction { db in
            var created = 0
            var byCode: [String: OrganizationModel] = [:]
            let context = AuditContext.system("demo")
            for org in DemoData.organizations {
                if let existing = try await OrganizationModel.query(on: db).filter(\.$code == org.code).first() {
                    byCode[org.code] = existing; continue
                }
                if org.parent == nil, let root = try await untouchedRoot(on: db) {
                    // A fresh installation's placeholder bureau becomes the demo province, so `admin` sees it.
                    let before = root.auditSummary
                    root.code = org.code; root.name = org.name; root.level = org.level?.rawValue
                    try await root.save(on: db)
                    try await AuditTrail.record("organization.updated", entityType: "organization", entityID: root.id!.uuidString.lowercased(),
                                                summary: "before: \(before); after: \(root.auditSummary)", context: context, on: db)
                    byCode[org.code] = root; continue
                }
                let id = UUID()
                let parent = org.parent.flatMap { byCode[$0] }
                let level = try HierarchyRules.validatePlacement(kind: org.kind, level: org.level, parent: parent?.parentFacts)
                let model = OrganizationModel(id: id, code: org.code, name: org.name, kind: org.kind, level: level, parentID: parent?.id,
                                              path: parent.map { $0.hierarchyPath.appending(id) } ?? .root(id))
                try await model.create(on: db)
                try await AuditTrail.record("organization.created", entityType: "organization", entityID: id.uuidString.lowercased(),
                                            summary: "after: \(model.auditSummary)", context: context, on: db)
                byCode[org.code] = model
                created += 1
            }
            return created
        }
    }

    /// The bureau made at first start, still with its placeholder code and nothing under it.
    static func untouchedRoot(on db: any Database) async throws -> OrganizationModel? {
        guard let root = try await OrganizationModel.query(on: db).filter(\.$code == Bootstrap.rootCode).filter(\.$parentID == nil).first(),
              try await OrganizationModel.query(on: db).filter(\.$parentID == root.id).count() == 0 else { return nil }
        return root
    }
}
