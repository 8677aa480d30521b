import Foundation

/// What the importer needs to know about an organisation that already exists.
public struct ExistingOrganizationFacts: Sendable, Equatable {
    public var kind: OrganizationKind
    public var level: AdministrativeLevel?
    public var isActive: Bool
    /// False when the organisation exists but lies outside the importing person's reach:
    /// its code is taken, but nothing may be placed under it.
    public var isReachable: Bool

    public init(kind: OrganizationKind, level: AdministrativeLevel?, isActive: Bool = true, isReachable: Bool = true) {
        self.kind = kind; self.level = level; self.isActive = isActive; self.isReachable = isReachable
    }
}

/// One organisation the import will create, in an order where every parent comes before its children.
public struct PlannedOrganization: Sendable, Equatable {
    public var line: Int
    public var code: String
    public var name: String
    public var kind: OrganizationKind
    public var level: AdministrativeLevel?
    public var parentCode: String
}

/// The columns of the organisation list, with the header words accepted for each.
public enum OrganizationImportColumn: String, CaseIterable, Sendable {
    case code, name, kind, level
    case parentCode = "parent_code"

    var headerAliases: Set<String> {
        switch self {
        case .code: ["code", "编码", "机构编码", "单位编码", "代码"]
        case .name: ["name", "名称", "机构名称", "单位名称"]
        case .kind: ["kind", "type", "类型", "机构类型"]
        case .level: ["level", "级次", "行政级次", "级别"]
        case .parentCode: ["parent_code", "parent", "上级编码", "上级机构编码", "上级代码"]
        }
    }

    var isRequired: Bool { self != .level }
}

/// What is wrong with one row.
public enum OrganizationImportProblem: Equatable, Sendable {
    case wrongFieldCount(expected: Int, found: Int)
    case missingValue
    case invalidCode
    case valueTooLong(maximum: Int)
    /// A control character or noncharacter that cannot be stored (`TextInputRules`).
    case unstorableText(TextInputError)
    case unknownKind(String)
    case unknownLevel(String)
    case duplicateCodeInFile(firstLine: Int)
    case codeAlreadyExists
    case unknownParent(String)
    case cycle(codes: [String])
    case placement(HierarchyRuleError)
}

public struct OrganizationImportRowError: Equatable, Sendable {
    public var line: Int
    public var column: OrganizationImportColumn?
    public var problem: OrganizationImportProblem
}

/// Why a file is refused as a whole.
public enum OrganizationImportError: Error, Equatable, Sendable {
    case unreadable(CSVError)
    case noRows
    case missingColumns([OrganizationImportColumn])
    case rows([OrganizationImportRowError])
}

/// 组织机构导入 — turns a CSV organisation list into a checked, parent-first plan, or every error found.
/// All-or-nothing: the caller saves the plan in one transaction, or nothing.
public enum OrganizationImport {
    public static let maximumCodeLength = 64
    public static let maximumNameLength = 200

    public static func plan(
        csv text: String, existing: [String: ExistingOrganizationFacts]
    ) throws(OrganizationImportError) -> [PlannedOrganization] {
        let records: [CSVRecord]
        do { records = try CSVReader.records(in: text) } catch { throw .unreadable(error) }
        guard let header = records.first else { throw .noRows }
        let columns = try columnIndexes(header.fields)
        let dataRows = records.dropFirst()
        guard !dataRows.isEmpty else { throw .noRows }

        var errors: [OrganizationImportRowError] = []
        var rows: [PlannedOrganization] = []
        var firstLineOfCode: [String: Int] = [:]

        for record in dataRows {
            func fail(_ column: OrganizationImportColumn?, _ problem: OrganizationImportProblem) {
                errors.append(OrganizationImportRowError(line: record.line, column: column, problem: problem))
            }
            guard record.fields.count == header.fields.count else {
                fail(nil, .wrongFieldCount(expected: header.fields.count, found: record.fields.count)); continue
            }
            func value(_ column: OrganizationImportColumn) -> String {
                guard let index = columns[column] else { return "" }
                return record.fields[index].trimmed
            }
            let errorCountBefore = errors.count
            let code = value(.code), name = value(.name), kindText = value(.kind)
            let levelText = value(.level), parentCode = value(.parentCode)

            if code.isEmpty { fail(.code, .missingValue) }
            else if code.count > maximumCodeLength { fail(.code, .valueTooLong(maximum: maximumCodeLength)) }
            else if !isValidCode(code) { fail(.code, .invalidCode) }
            else if let first = firstLineOfCode[code] { fail(.code, .duplicateCodeInFile(firstLine: first)) }
            else if existing[code] != nil { fail(.code, .codeAlreadyExists) }
            if !code.isEmpty && firstLineOfCode[code] == nil { firstLineOfCode[code] = record.line }

            if name.isEmpty { fail(.name, .missingValue) }
            else if name.count > maximumNameLength { fail(.name, .valueTooLong(maximum: maximumNameLength)) }
            else if let (position, codePoint) = TextInputRules.firstForbiddenCharacter(in: name, field: .singleLine) {
                fail(.name, .unstorableText(.forbiddenCharacter(position: position, codePoint: codePoint)))
            }

            let kind = OrganizationKind.parse(kindText)
            if kindText.isEmpty { fail(.kind, .missingValue) } else if kind == nil { fail(.kind, .unknownKind(kindText)) }

            var level: AdministrativeLevel?
            if !levelText.isEmpty {
                level = AdministrativeLevel.parse(levelText)
                if level == nil { fail(.level, .unknownLevel(levelText)) }
            }
            if parentCode.isEmpty { fail(.parentCode, .missingValue) }

            if errors.count == errorCountBefore, let kind {
                rows.append(PlannedOrganization(line: record.line, code: code, name: name, kind: kind,
                                                level: kind == .financeBureau ? level : nil, parentCode: parentCode))
            }
        }

        let ordered = placeParentsFirst(rows, existing: existing, errors: &errors)
        if !errors.isEmpty { throw .rows(errors.sorted { ($0.line, $0.column?.rawValue ?? "") < ($1.line, $1.column?.rawValue ?? "") }) }
        return ordered
    }

    /// Codes are identifiers that appear in URLs and other files: letters, digits, '-', '_', '.'.
    public static func isValidCode(_ code: String) -> Bool {
        !code.isEmpty && code.count <= maximumCodeLength && code.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
        }
    }

    private static func columnIndexes(_ header: [String]) throws(OrganizationImportError) -> [OrganizationImportColumn: Int] {
        var indexes: [OrganizationImportColumn: Int] = [:]
        for (index, title) in header.enumerated() {
            let key = title.trimmed.lowercased()
            if let column = OrganizationImportColumn.allCases.first(where: { $0.headerAliases.contains(key) }), indexes[column] == nil {
                indexes[column] = index
            }
        }
        let missing = OrganizationImportColumn.allCases.filter { $0.isRequired && indexes[$0] == nil }
        if !missing.isEmpty { throw .missingColumns(missing) }
        return indexes
    }

    /// Orders rows so each parent precedes its children, resolving levels and checking placement;
    /// rows that form a cycle or hang under an unknown parent become errors.
    private static func placeParentsFirst(
        _ rows: [PlannedOrganization], existing: [String: ExistingOrganizationFacts],
        errors: inout [OrganizationImportRowError]
    ) -> [PlannedOrganization] {
        let rowByCode = Dictionary(rows.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var resolved: [String: ParentFacts] = [:]   // codes placed so far (file rows) with their facts
        var failed: Set<String> = []
        var ordered: [PlannedOrganization] = []

        for start in rows where resolved[start.code] == nil && !failed.contains(start.code) {
            // Walk up through file rows until reaching an existing organisation, a placed row or a problem.
            var chain: [PlannedOrganization] = [start]
            var seen: Set<String> = [start.code]
            var anchor: ParentFacts?
            var chainProblem: (line: Int, problem: OrganizationImportProblem)?
            while true {
                let parentCode = chain[chain.count - 1].parentCode
                if let facts = resolved[parentCode] { anchor = facts; break }
                if failed.contains(parentCode) { break }
                if let facts = existing[parentCode] {
                    if facts.isReachable {
                        anchor = ParentFacts(kind: facts.kind, level: facts.level, isActive: facts.isActive)
                    } else {
                        chainProblem = (chain[chain.count - 1].line, .unknownParent(parentCode))
                    }
                    break
                }
                guard let parentRow = rowByCode[parentCode] else {
                    chainProblem = (chain[chain.count - 1].line, .unknownParent(parentCode)); break
                }
                if seen.contains(parentCode) {
                    let loopStart = chain.firstIndex { $0.code == parentCode }!
                    let loop = Array(chain[loopStart...])
                    for row in loop {
                        errors.append(.init(line: row.line, column: .parentCode, problem: .cycle(codes: loop.map(\.code) + [parentCode])))
                        failed.insert(row.code)
                    }
                    chain.removeSubrange(loopStart...)
                    break
                }
                seen.insert(parentCode)
                chain.append(parentRow)
            }
            if let chainProblem {
                errors.append(.init(line: chainProblem.line, column: .parentCode, problem: chainProblem.problem))
            }
            guard var parentFacts = anchor else {
                // Everything below a failed ancestor is left out without repeating its error.
                failed.formUnion(chain.map(\.code)); continue
            }
            var blocked = false
            for var row in chain.reversed() {
                // Rows below one that failed are left out without repeating its error.
                if blocked || failed.contains(row.code) { failed.insert(row.code); blocked = true; continue }
                do {
                    row.level = try HierarchyRules.validatePlacement(kind: row.kind, level: row.level, parent: parentFacts)
                } catch {
                    errors.append(.init(line: row.line, column: error == .bureauNeedsLevel ? .level : .parentCode, problem: .placement(error)))
                    failed.insert(row.code)
                    blocked = true
                    continue
                }
                parentFacts = ParentFacts(kind: row.kind, level: row.level, isActive: true)
                resolved[row.code] = parentFacts
                ordered.append(row)
            }
        }
        return ordered
    }
}
