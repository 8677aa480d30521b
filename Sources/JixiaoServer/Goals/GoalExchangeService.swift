import Fluent
import SQLKit
import Vapor
import JixiaoDomain

/// 申报表导入导出 — the department list and the single project's declaration form as .xlsx, and importing lists.
enum GoalExchangeService {
    static let xlsxType = DownloadFile.xlsxType
    static let maximumImportBytes = 20 * 1024 * 1024
    /// Indicator rows per INSERT statement: 15 columns each stays well under both engines' limits on bound values.
    static let indicatorsPerInsert = 1_000

    // MARK: export

    /// The goals a person may see for a fiscal year under an organisation, as the list layout, every one of them (no
    /// page limit). Each project is exported in the version in force — the released one while an adjustment is under
    /// review — or, before release, its newest version the person may see; 状态 and 版本 say which. Objects, versions,
    /// organisations and indicators are read in batches of 500 projects, not project by project.
    static func exportList(year: Int, under: OrganizationModel?, localizer: Localizer, by caller: Caller, on db: any Database) async throws -> DownloadFile {
        let user = try caller.person()
        let queued = try await GoalCommands.queue(GoalQueueFilter(fiscalYear: year, under: under, limit: Int.max), for: user, on: db)
        var lines: [[SheetCell]] = [GoalListColumn.exported.map { .text($0.title, .header) }]
        for chunk in queued.map(\.objectID).chunked(into: 500) {
            let objects = try await BudgetObjectModel.query(on: db).filter(\.$id ~~ Array(chunk)).with(\.$organization).all()
            let byID = Dictionary(objects.map { ($0.id!, $0) }, uniquingKeysWith: { first, _ in first })
            let versions = try await GoalVersionModel.query(on: db).filter(\.$budgetObject.$id ~~ Array(chunk)).all()
            var chosen: [UUID: GoalVersionModel] = [:]
            for (objectID, objectVersions) in Dictionary(grouping: versions, by: { $0.$budgetObject.id }) {
                guard let object = byID[objectID] else { continue }
                let visible = objectVersions.filter {
                    GoalVisibility.canSee(user.actor, ownerOrganizationPath: object.organization.hierarchyPath, state: $0.goalState, everSubmitted: $0.everSubmitted)
                }
                chosen[objectID] = visible.first { $0.goalState == .released } ?? visible.max { $0.versionNumber < $1.versionNumber }
            }
            let indicatorRows = try await GoalIndicatorModel.query(on: db).filter(\.$versionID ~~ chosen.values.map { $0.id! })
                .filter(\.$regionRowID == nil).sort(\.$position).all()
            let indicatorsByVersion = Dictionary(grouping: indicatorRows, by: \.versionID)
            for objectID in chunk {
                guard let o = byID[objectID], let version = chosen[objectID] else { continue }
                let stateName = localizer(version.goalState.title)
                let projectCells: [GoalListColumn: SheetCell] = [
                    .code: .text(o.code, .boxed), .name: .text(o.name, .boxed), .unitCode: .text(o.organization.code, .boxed),
                    .unitName: .text(o.organization.name, .boxed), .fiscalYear: .number(String(o.fiscalYear), .boxed),
                    .fundSource: .text(FundSource(rawValue: o.fundSource)?.chineseName ?? o.fundSource, .boxed),
                    .category: .text(o.projectCategory.chineseName, .boxed), .term: .text("\(o.startYear)-\(o.endYear)", .boxed),
                    .requested: .number(o.requested.wanYuanText, .amount), .annualGoal: .text(version.annualGoal, .boxed),
                    .state: .text(stateName, .boxed), .version: .number(String(version.versionNumber), .boxed)]
                let indicators = (indicatorsByVersion[version.id!] ?? []).map(\.indicator)
                for indicator in indicators.isEmpty ? [nil] : indicators.map(Optional.some) {
                    lines.append(GoalListColumn.exported.map { column in
                        if let cell = projectCells[column] { return cell }
                        guard let i = indicator else { return SheetCell(value: .empty, style: .boxed) }
                        switch column {
                        case .level1: return .text(i.category.chineseName, .boxed)
                        case .level2: return .text(i.subcategory.chineseName, .boxed)
                        case .indicator: return .text(i.name, .boxed)
                        case .target: return .text(i.targetText, .boxed)
                        case .weight: return i.weight.map { .number("\($0)", .boxed) } ?? SheetCell(value: .empty, style: .boxed)
                        case .standard: return .text(i.standard?.chineseName ?? "", .boxed)
                        case .note: return .text(i.note, .boxed)
                        default: return SheetCell(value: .empty, style: .boxed)
                        }
                    })
                }
            }
        }
        return try file([SheetSpec(name: "绩效目标清单", columnWidths: GoalListColumn.exported.map(\.width), rows: AnySequence(lines))],
                        name: "绩效目标清单-\(year).xlsx")
    }

    /// 项目支出绩效目标申报表 for one project, laid out like the standard form (DOMAIN.md §6): amounts as numbers,
    /// indicators grouped under their 一级指标 (merged cells).
    static func exportForm(_ form: DeclarationForm) throws -> DownloadFile {
        let box: (String) -> SheetCell = { .text($0, .boxed) }
        let head: (String) -> SheetCell = { .text($0, .header) }
        let amount: (Money) -> SheetCell = { .number($0.wanYuanText, .amount) }
        var rows: [[SheetCell]] = [
            [.text("项目支出绩效目标申报表", .title), .empty, .empty, .empty, .empty, .empty],
            [.text("（\(form.fiscalYear)年度）"), .empty, .empty, .empty, .empty, .empty],
            [head("项目名称"), box(form.name), box(""), head("项目编码"), box(form.code), box("")],
            [head("主管部门及代码"), box("\(form.department)（\(form.departmentCode)）"), box(""), head("实施单位"), box(form.unit), box("")],
            [head("项目属性"), box(form.category), box(""), head("项目期"), box(form.term), box("")],
            [head("项目资金（万元）"), head("年度资金总额"), amount(form.total), head("其中：财政拨款"), amount(form.fiscal), box("")],
            [head("总体目标"), head("中期目标"), box(form.midTermGoal), head("年度目标"), box(form.annualGoal), box("")],
            [head("绩效指标"), head("一级指标"), head("二级指标"), head("三级指标"), head("指标值"), head("分值")],
        ]
        var merges = ["A1:F1", "A2:F2", "B3:C3", "E3:F3", "B4:C4", "E4:F4", "B5:C5", "E5:F5", "E6:F6", "E7:F7"]
        let firstIndicatorRow = rows.count + 1
        for group in form.groups {
            let groupStart = rows.count + 1
            for (index, indicator) in group.indicators.enumerated() {
                rows.append([box(""), box(index == 0 ? group.category.chineseName : ""), box(indicator.subcategory.chineseName), box(indicator.name),
                             box(indicator.targetText), indicator.weight.map { .number("\($0)", .boxed) } ?? box("")])
            }
            if group.indicators.count > 1 { merges.append("B\(groupStart):B\(rows.count)") }
        }
        if rows.count >= firstIndicatorRow { merges.append("A\(firstIndicatorRow - 1):A\(rows.count)") }
        return try file([SheetSpec(name: "申报表", columnWidths: [16, 14, 16, 30, 24, 10], merges: merges, rows: AnySequence(rows))],
                        name: "\(form.code)-绩效目标申报表.xlsx")
    }

    private static func file(_ sheets: [SheetSpec], name: String) throws -> DownloadFile {
        try DownloadFile.workbook(sheets, name: name)
    }

    // MARK: import

    /// Reads an .xlsx (first sheet) or UTF-8 .csv in the list layout into rows, finding the header in the first ten rows.
    /// `progress` hears the number of rows read so far, every few thousand rows.
    static func readRows(_ bytes: ByteBuffer, progress: @Sendable (Int) -> Void = { _ in }) throws -> [ImportedGoalRow] {
        guard bytes.readableBytes <= maximumImportBytes else {
            throw AppError(.payloadTooLarge, "payload_too_large", Message(.errorTooLarge(String(maximumImportBytes / (1024 * 1024)))))
        }
        return try UploadedTable<GoalListColumn>.read(Data(bytes.readableBytesView), limits: .goalList, match: GoalListColumn.match, anchor: .code,
                                                      required: GoalListColumn.allCases.filter(\.isRequired).map { ($0, $0.title) }, progress: progress).rows
    }

    struct PlannedProject {
        var draft: BudgetObjectDraft
        var organizationID: UUID
        var goal: PerformanceGoal
        var requested: Money
        /// The draft or returned goal of the same code and year that this project updates; nil creates one.
        var existing: ExistingGoal? = nil

        /// What a save of this goal would store (`GoalChecks`, as the editor and the API compute it). Imported
        /// indicators name no library entry, so there is no library history to compare with.
        var checks: GoalChecks {
            GoalChecks.assess(goal, context: GoalContext(requestedAmount: requested, isContinuing: draft.category == .continuing,
                                                         isServiceProject: draft.isServiceProject, fiscalYear: draft.fiscalYear))
        }
    }

    struct ExistingGoal: Sendable { var objectID: UUID; var versionID: UUID }

    /// The projects to write and those named in the file but left unchanged (under review or released).
    struct Plan: Sendable {
        var projects: [PlannedProject]
        var unchanged: [ImportOutcome.Unchanged]
    }

    /// Reads, checks and saves a list, telling `progress` where it stands; returns the number of projects imported.
    static func importList(_ bytes: ByteBuffer, by caller: Caller, on database: any Database,
                           progress: @escaping @Sendable (ImportProgress) -> Void = { _ in }) async throws -> ImportOutcome {
        let user = try caller.person()
        guard Authorization.mayEver(user.actor, .declareGoal) else { throw AppError.forbidden() }
        progress(ImportProgress(phase: .reading))
        let rows = try readRows(bytes) { progress(ImportProgress(phase: .reading, done: $0)) }
        let plan = try await plan(rows, user: user, on: database) { progress(ImportProgress(phase: .checking, done: $0, total: $1)) }
        try await save(plan.projects, context: caller.audit, now: caller.now, on: database) {
            progress(ImportProgress(phase: .saving, done: $0, total: $1))
        }
        return ImportOutcome(created: plan.projects.filter { $0.existing == nil }.map(\.draft.code),
                             updated: plan.projects.filter { $0.existing != nil }.map(\.draft.code), unchanged: plan.unchanged)
    }

    /// Reads and checks every row against the database; returns the projects to create, or throws every error found.
    /// `progress` hears projects checked and projects in the file.
    static func plan(_ rows: [ImportedGoalRow], user: SignedInUser, on database: any Database,
                     progress: @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> Plan {
        guard !rows.isEmpty else { throw AppError(.unprocessableEntity, "csv_empty", Message(.errorCSVEmpty)) }
        var details: [AppError.Detail] = []
        func fail(_ row: ImportedGoalRow, _ column: GoalListColumn?, _ message: Message) {
            let location = column.map { Message(.importSheetLocation(row.sheet, String(row.line), $0.title)) } ?? Message(.importSheetLine(row.sheet, String(row.line)))
            details.append(AppError.Detail(line: row.line, location: location, field: column?.title, message: message))
        }
        // Organisations the rows name, looked up once.
        let codes = Set(rows.map { $0.value(.unitCode) }.filter { !$0.isEmpty })
        let organizations = try await OrganizationModel.query(on: database).filter(\.$code ~~ Array(codes)).all()
        let organizationByCode = Dictionary(organizations.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

        var groups: [(key: String, rows: [ImportedGoalRow])] = []
        var groupIndex: [String: Int] = [:]
        for row in rows {
            let key = "\(row.value(.code))|\(row.value(.fiscalYear))"
            if let index = groupIndex[key] { groups[index].rows.append(row) } else { groupIndex[key] = groups.count; groups.append((key, [row])) }
        }
        var planned: [PlannedProject] = []
        var throttle = ProgressThrottle(interval: 500)
        progress(0, groups.count)
        for (checked, group) in groups.enumerated() {
            if throttle.shouldReport(checked + 1, total: groups.count) { progress(checked + 1, groups.count) }
            let first = group.rows[0]
            // Project fields come from the first row; later rows may repeat them but not contradict them.
            for row in group.rows.dropFirst() {
                for column in [GoalListColumn.name, .unitCode, .requested, .annualGoal] where !row.value(column).isEmpty && row.value(column) != first.value(column) {
                    fail(row, column, Message(.importInconsistent(String(first.line))))
                }
            }
            let code = first.value(.code)
            if !OrganizationImport.isValidCode(code) { fail(first, .code, code.isEmpty ? Message(.errorRequired) : Message(.errorInvalidCode)) }
            guard let year = Int(first.value(.fiscalYear)), BudgetObjectRules.fiscalYears.contains(year) else { fail(first, .fiscalYear, Message(.importBadYear)); continue }
            if first.value(.name).isEmpty { fail(first, .name, Message(.errorRequired)) }
            let organization = organizationByCode[first.value(.unitCode)]
            if organization == nil || Authorization.decide(user.actor, .declareGoal, organization!.accessTarget) != .allow {
                fail(first, .unitCode, Message(.errorUnknownOrganization(first.value(.unitCode))))
            }
            var requested = Money.zero
            do { requested = try Money(wanYuan: first.value(.requested)) } catch { fail(first, .requested, Message(.errorMoney)) }
            let fund = first.value(.fundSource).isEmpty ? FundSource.generalPublic : FundSource.parse(first.value(.fundSource))
            if fund == nil { fail(first, .fundSource, Message(.importUnknownValue(first.value(.fundSource)))) }
            let category = first.value(.category).isEmpty ? ProjectCategory.oneOff : ProjectCategory.parse(first.value(.category))
            if category == nil { fail(first, .category, Message(.importUnknownValue(first.value(.category)))) }
            var start = year, end = year
            let term = first.value(.term).split(whereSeparator: { "-–~至".contains($0) }).compactMap { Int($0.trimmed.prefix(4)) }
            if term.count == 2 { start = term[0]; end = term[1] } else if !first.value(.term).isEmpty { fail(first, .term, Message(.importUnknownValue(first.value(.term)))) }

            var indicators: [Indicator] = []
            var indicatorRows: [ImportedGoalRow] = []
            for row in group.rows where !(row.value(.indicator).isEmpty && row.value(.target).isEmpty && row.value(.level1).isEmpty) {
                let level1 = IndicatorCategory.parse(row.value(.level1))
                if level1 == nil { fail(row, .level1, Message(.importUnknownValue(row.value(.level1)))) }
                let level2 = IndicatorSubcategory.parse(row.value(.level2), in: level1)
                if level2 == nil { fail(row, .level2, Message(.importUnknownValue(row.value(.level2)))) }
                if row.value(.indicator).isEmpty { fail(row, .indicator, Message(.errorRequired)) }
                // The import stores what the editor stores: a target without its sign (未标注) or one that cannot be read
                // is kept as written and shown as a validation error that blocks submission until the filer fixes it;
                // the operator is never guessed. Only contradictions between split columns are refused.
                var target: Target?
                var targetText = row.value(.target)
                do {
                    targetText = try TargetColumns.compose(target: targetText, unit: row.value(.measureUnit), nature: row.value(.nature))
                    if case .target(let read) = TargetParser.read(targetText) { target = read }
                } catch {
                    switch error {
                    case .natureContradictsSign(let nature, let written): fail(row, .nature, Message(.importNatureContradicts(nature, written)))
                    case .unitContradictsTarget(let unit, let written): fail(row, .measureUnit, Message(.importUnitContradicts(unit, written)))
                    case .unknownNature(let word): fail(row, .nature, Message(.importUnknownValue(word)))
                    }
                }
                var weight: Decimal?
                if !row.value(.weight).isEmpty {
                    weight = DecimalText.parse(row.value(.weight))
                    if weight == nil { fail(row, .weight, Message(.importNotANumber(row.value(.weight)))) }
                }
                let standard = row.value(.standard).isEmpty ? nil : StandardSource.parse(row.value(.standard))
                if !row.value(.standard).isEmpty && standard == nil { fail(row, .standard, Message(.importUnknownValue(row.value(.standard)))) }
                if let level2 {
                    indicatorRows.append(row)
                    indicators.append(Indicator(category: level2.category, subcategory: level2, name: row.value(.indicator), targetText: targetText,
                                                parsedTarget: target, weight: weight, standard: standard, note: row.value(.note)))
                }
            }
            for problem in BudgetObjectRules.validate(name: first.value(.name), code: code, fiscalYear: year, startYear: start, endYear: end,
                                                      requested: requested, approved: nil) {
                switch problem {
                case .unstorableName(let error): fail(first, .name, error.message)
                case .invalidYears, .fiscalYearOutsideTerm: fail(first, .term, problem.appError.message)
                // Reported above (name, code, year), or not possible for an imported project (approval, owner kinds).
                case .missingName, .missingCode, .invalidCode, .fiscalYearOutOfRange, .approvedAboveRequested,
                     .transferPaymentOwner, .departmentOverallOwner: break
                }
            }
            for problem in GoalInput.problems(PerformanceGoal(annualGoal: first.value(.annualGoal), indicators: indicators)) {
                let column: GoalListColumn = switch problem.field {
                case "name": .indicator
                case "target": .target
                case "note": .note
                default: .annualGoal
                }
                let row = problem.row.map { indicatorRows[$0 - 1] } ?? first
                fail(row, problem.field == "indicators" ? nil : column, problem.message)
            }
            if let organization, let fund, let category {
                planned.append(PlannedProject(draft: BudgetObjectDraft(kind: .project, code: code, name: first.value(.name), organizationCode: organization.code,
                                                                       fiscalYear: year, functionalClassification: "", fundSource: fund, category: category,
                                                                       startYear: start, endYear: end, requestedWanYuan: first.value(.requested),
                                                                       isKeyProject: false, isServiceProject: false),
                                              organizationID: organization.id!, goal: PerformanceGoal(annualGoal: first.value(.annualGoal), indicators: indicators),
                                              requested: requested))
            }
        }
        // Codes already used in those years: the filer's own drafts and returned goals are updated, goals under review
        // or released are left as they are (and said so), anything else cannot be imported over.
        let years = Set(planned.map(\.draft.fiscalYear))
        var existingByKey: [String: BudgetObjectModel] = [:]
        for chunk in planned.map(\.draft.code).chunked(into: 1_000) {
            for object in try await BudgetObjectModel.query(on: database).filter(\.$code ~~ Array(chunk)).filter(\.$fiscalYear ~~ Array(years)).all() {
                existingByKey["\(object.code)|\(object.fiscalYear)"] = object
            }
        }
        var unchanged: [ImportOutcome.Unchanged] = []
        var writable: [PlannedProject] = []
        for var project in planned {
            let key = "\(project.draft.code)|\(project.draft.fiscalYear)"
            guard let object = existingByKey[key] else { writable.append(project); continue }
            let firstRow = groups[groupIndex[key]!].rows[0]
            guard object.$organization.id == project.organizationID, object.objectKind == .project else {
                // Another unit's project, or a transfer payment or policy: not this file's to change.
                fail(firstRow, .code, Message(.errorCodeTaken(object.code))); continue
            }
            let state = GoalState(rawValue: object.currentState) ?? .draft
            if state.isEditable {
                project.existing = ExistingGoal(objectID: object.id!, versionID: object.currentVersionID)
                writable.append(project)
            } else {
                unchanged.append(ImportOutcome.Unchanged(code: object.code, state: state.rawValue))
            }
        }
        if !details.isEmpty {
            throw AppError(.unprocessableEntity, "import_rows_invalid", Message(.errorGoalRows(String(details.count))),
                           details: details.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
        }
        return Plan(projects: writable, unchanged: unchanged)
    }

    /// Batched inserts of objects, first versions and indicators in one transaction with one audit entry.
    /// `progress` hears projects written and projects to write (they become visible only when all are written).
    static func save(_ projects: [PlannedProject], context: AuditContext, now: Date, on database: any Database,
                     progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) async throws {
        let updates = projects.filter { $0.existing != nil }
        let creations = projects.filter { $0.existing == nil }
        try await database.transaction { db in
            var saved = 0
            progress(0, projects.count)
            for project in updates {
                try await update(project, now: now, on: db)
                saved += 1
                progress(saved, projects.count)
            }
            for batch in creations.chunked(into: 200) {
                var objects = db.sql.insert(into: BudgetObjectModel.schema).columns(BudgetObjectModel.insertColumns)
                var versions = db.sql.insert(into: GoalVersionModel.schema).columns(GoalVersionModel.insertColumns)
                var indicatorRows: [(UUID, Int, Indicator)] = []
                for project in batch {
                    let objectID = UUID(), versionID = UUID()
                    let d = project.draft
                    objects = objects.values(SQLBind(objectID), SQLBind(d.kind.rawValue), SQLBind(d.code), SQLBind(d.name), SQLBind(project.organizationID),
                                             SQLBind(d.fiscalYear), SQLBind(d.functionalClassification), SQLBind(d.fundSource.rawValue), SQLBind(d.category.rawValue),
                                             SQLBind(d.startYear), SQLBind(d.endYear), SQLBind(project.requested.fen), SQLBind(Int64?.none), SQLBind(false), SQLBind(false),
                                             SQLBind(versionID), SQLBind(GoalState.draft.rawValue), SQLBind(now), SQLBind(now))
                    let checks = project.checks
                    versions = versions.values(SQLBind(versionID), SQLBind(objectID), SQLBind(1), SQLBind(GoalState.draft.rawValue), SQLBind(project.goal.annualGoal),
                                               SQLBind(String?.none), SQLBind(false), SQLBind(String?.none), SQLBind(false), SQLBind(0),
                                               SQLBind(checks.blockingCount), SQLBind(checks.warningCount), SQLBind(checks.noticeCount), SQLBind(String?.none), SQLBind(Date?.none), SQLBind(now), SQLBind(now))
                    indicatorRows += project.goal.indicators.enumerated().map { (versionID, $0.offset, $0.element) }
                }
                try await objects.run()
                try await versions.run()
                for chunk in indicatorRows.chunked(into: indicatorsPerInsert) { try await insertIndicators(chunk, on: db) }
                saved += batch.count
                progress(saved, projects.count)
            }
            try await AuditTrail.record("goal.imported", entityType: "budget_object", entityID: "-",
                                        summary: "created=\(creations.count) updated=\(updates.count) codes=\(projects.prefix(40).map(\.draft.code).joined(separator: ","))\(projects.count > 40 ? ",…" : "")",
                                        context: context, on: db)
        }
    }

    /// Replaces a draft or returned goal's project fields and content with the file's, in the caller's transaction.
    /// The version's lock counter moves on, so a person editing it at the same time gets a conflict, not a mix.
    private static func update(_ project: PlannedProject, now: Date, on db: any Database) async throws {
        guard let existing = project.existing else { return }
        let d = project.draft
        try await db.sql.update(BudgetObjectModel.schema)
            .set("name", to: SQLBind(d.name)).set("fund_source", to: SQLBind(d.fundSource.rawValue))
            .set("category", to: SQLBind(d.category.rawValue)).set("start_year", to: SQLBind(d.startYear)).set("end_year", to: SQLBind(d.endYear))
            .set("requested_fen", to: SQLBind(project.requested.fen)).set("updated_at", to: SQLBind(now))
            .where("id", .equal, SQLBind(existing.objectID)).run()
        let checks = project.checks
        let editable = [GoalState.draft.rawValue, GoalState.returned.rawValue]
        let changed = try await db.sql.update(GoalVersionModel.schema)
            .set("annual_goal", to: SQLBind(project.goal.annualGoal))
            .set("validation_errors", to: SQLBind(checks.blockingCount))
            .set("lint_warnings", to: SQLBind(checks.warningCount))
            .set("lint_notices", to: SQLBind(checks.noticeCount))
            .set("lock_version", to: SQLRaw("lock_version + 1")).set("updated_at", to: SQLBind(now))
            .where("id", .equal, SQLBind(existing.versionID))
            .where { $0.where("state", .equal, SQLBind(editable[0])).orWhere("state", .equal, SQLBind(editable[1])) }
            .returning("id").all()
        guard !changed.isEmpty else {
            // Submitted by someone between the check and the save: nothing of this import is written.
            throw AppError(.conflict, "lock_conflict", Message(.errorImportConflict(d.code)))
        }
        try await GoalIndicatorModel.query(on: db).filter(\.$versionID == existing.versionID).delete()
        try await insertIndicators(project.goal.indicators.enumerated().map { (existing.versionID, $0.offset, $0.element) }[...], on: db)
    }

    static func insertIndicators(_ rows: ArraySlice<(UUID, Int, Indicator)>, on db: any Database) async throws {
        guard !rows.isEmpty else { return }
        var insert = db.sql.insert(into: GoalIndicatorModel.schema).columns(GoalIndicatorModel.insertColumns)
        for (versionID, position, i) in rows {
            insert = insert.values(SQLBind(UUID()), SQLBind(versionID), SQLBind(i.id), SQLBind(position), SQLBind(i.category.rawValue),
                                   SQLBind(i.subcategory.rawValue), SQLBind(i.name), SQLBind(i.targetText), SQLBind(i.target?.op.rawValue),
                                   SQLBind(i.target?.number.map { "\($0)" }), SQLBind(i.target?.unit), SQLBind(i.weight.map { "\($0)" }),
                                   SQLBind(i.standard?.rawValue), SQLBind(i.note), SQLBind(i.libraryEntryID), SQLBind(UUID?.none))
        }
        try await insert.run()
    }
}
