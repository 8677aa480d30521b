import Testing
@testable import JixiaoDomain

@Suite("Organization import planner")
struct OrganizationImportTests {
    let existing: [String: ExistingOrganizationFacts] = [
        "990000": ExistingOrganizationFacts(kind: .financeBureau, level: .province),
        "990100": ExistingOrganizationFacts(kind: .financeBureau, level: .city),
        "880000": ExistingOrganizationFacts(kind: .financeBureau, level: .province, isReachable: false),
    ]

    func rowErrors(_ csv: String) -> [OrganizationImportRowError] {
        do {
            _ = try OrganizationImport.plan(csv: csv, existing: existing)
            Issue.record("expected the file to be refused")
            return []
        } catch {
            guard case .rows(let errors) = error else { Issue.record("unexpected \(error)"); return [] }
            return errors
        }
    }

    @Test func validFilePlansParentsFirstAndInheritsLevels() throws {
        let csv = """
        编码,名称,类型,级次,上级编码
        990121-101-01,安平县第一中学,预算单位,,990121-101
        990121-101,安平县教育局,预算部门,,990121
        990121,安平县财政局,财政部门,县,990100
        """
        let plan = try OrganizationImport.plan(csv: csv, existing: existing)
        #expect(plan.map(\.code) == ["990121", "990121-101", "990121-101-01"])
        #expect(plan.map(\.level) == [.county, .county, .county])
        #expect(plan.map(\.line) == [4, 3, 2])
    }

    @Test func missingColumnsRefuseTheFile() {
        #expect(throws: OrganizationImportError.missingColumns([.kind, .parentCode])) {
            try OrganizationImport.plan(csv: "code,name\n1,a", existing: existing)
        }
    }

    @Test func headerOnlyIsEmpty() {
        #expect(throws: OrganizationImportError.noRows) { try OrganizationImport.plan(csv: "code,name,kind,parent_code\n", existing: existing) }
        #expect(throws: OrganizationImportError.noRows) { try OrganizationImport.plan(csv: "", existing: existing) }
    }

    @Test func everyRowErrorIsNamedByLineAndColumn() {
        let errors = rowErrors("""
        code,name,kind,level,parent_code
        A1,教育局,预算部门,,990000
        A1,重复,预算部门,,990000
        A2,,预算部门,,990000
        A3,坏类型,学校,,990000
        A4,坏级次,财政部门,村,990000
        A5,无上级,预算单位,,NOPE
        A6,列数不对,预算单位
        A7,看不见的上级,预算部门,,880000
        A8,现有编码,预算部门,,990000
        990100,编码已存在,预算部门,,990000
        """)
        let summary = errors.map { "\($0.line):\($0.column?.rawValue ?? "-"):\($0.problem)" }
        #expect(summary.contains("3:code:duplicateCodeInFile(firstLine: 2)"))
        #expect(summary.contains("4:name:missingValue"))
        #expect(summary.contains("5:kind:unknownKind(\"学校\")"))
        #expect(summary.contains("6:level:unknownLevel(\"村\")"))
        #expect(summary.contains("7:parent_code:unknownParent(\"NOPE\")"))
        #expect(summary.contains("8:-:wrongFieldCount(expected: 5, found: 3)"))
        #expect(summary.contains("9:parent_code:unknownParent(\"880000\")"))
        #expect(summary.contains("11:code:codeAlreadyExists"))
        #expect(!summary.contains { $0.hasPrefix("2:") }, "a correct row has no error")
        #expect(errors.map(\.line) == errors.map(\.line).sorted())
    }

    @Test func cyclesAreReportedOnEveryRowOfTheLoop() {
        let errors = rowErrors("""
        code,name,kind,level,parent_code
        U1,甲,预算单位,,U2
        U2,乙,预算单位,,U3
        U3,丙,预算单位,,U1
        U4,挂在循环下,预算单位,,U1
        """)
        #expect(errors.map(\.line) == [2, 3, 4])
        for error in errors {
            guard case .cycle(let codes) = error.problem else { Issue.record("expected a cycle, got \(error.problem)"); continue }
            #expect(codes.count == 4 && codes.first == codes.last)
        }
    }

    @Test func placementRulesApplyToFileRows() {
        let errors = rowErrors("""
        code,name,kind,level,parent_code
        D1,部门,预算部门,,990000
        D2,部门下的部门,预算部门,,D1
        C1,越级的县,财政部门,县,990000
        C2,下面的单位,预算单位,,D2
        """)
        #expect(errors.map(\.line) == [3, 4])
        #expect(errors[0].problem == .placement(.departmentParentMustBeBureau(parentKind: .department)))
        #expect(errors[1].problem == .placement(.bureauParentMustBeOneLevelUp(childLevel: .county, parentLevel: .province)))
    }
}

@Suite("Organization import refuses invisible characters")
struct OrganizationImportTextTests {
    @Test func controlCharactersInNamesAreNamed() {
        let existing = ["990000": ExistingOrganizationFacts(kind: .financeBureau, level: .province)]
        do {
            _ = try OrganizationImport.plan(csv: "code,name,kind,level,parent_code\n990000-901,教育\u{7}局,预算部门,,990000\n", existing: existing)
            Issue.record("a bell in a name was accepted")
        } catch {
            guard case .rows(let errors) = error else { Issue.record("unexpected \(error)"); return }
            #expect(errors.contains { $0.line == 2 && $0.problem == .unstorableText(.forbiddenCharacter(position: 3, codePoint: 7)) }, "\(errors)")
        }
    }
}
