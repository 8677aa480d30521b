/// Texts of 组织机构 — the organisation tree, in Simplified Chinese and English side by side.
/// `{0}`, `{1}` … are the arguments a caller passes, in order.
extension TextKey {
    static let navOrganizations = TextKey("navOrganizations", zh: "组织机构",
                             en: "Organizations")
    static let fieldName = TextKey("fieldName", zh: "名称",
                             en: "Name")
    static let fieldKind = TextKey("fieldKind", zh: "类型",
                             en: "Kind")
    static let fieldLevel = TextKey("fieldLevel", zh: "级次",
                             en: "Level")
    static let fieldParent = TextKey("fieldParent", zh: "上级机构",
                             en: "Parent")
    static let fieldParentCode = TextKey("fieldParentCode", zh: "上级机构编码",
                             en: "Parent code")
    static let fieldNewParentCode = TextKey("fieldNewParentCode", zh: "新的上级机构编码",
                             en: "New parent code")
    static let fieldCSVFile = TextKey("fieldCSVFile", zh: "CSV 文件（UTF-8 编码）",
                             en: "CSV file (UTF-8)")
    static let searchOrganizations = TextKey("searchOrganizations", zh: "按名称或编码查询",
                             en: "Search by name or code")
    static let newOrganization = TextKey("newOrganization", zh: "新增机构",
                             en: "New organization")
    static let importOrganizations = TextKey("importOrganizations", zh: "导入机构名录",
                             en: "Import organizations")
    static func searchResultCount(_ p0: some TextArgument) -> TextKey {
        TextKey("searchResultCount", zh: "共找到 \(p0.text(in: .zhHans)) 个机构。",
                en: "\(p0.text(in: .en)) organizations found.")
    }
    static func treeShowing(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("treeShowing", zh: "显示 \(p0.text(in: .zhHans)) 个机构（本级以下共 \(p1.text(in: .zhHans)) 个，展示三级；点击“下级”查看更深层级）。",
                en: "Showing \(p0.text(in: .en)) organizations (\(p1.text(in: .en)) in this subtree, three levels deep; follow “below” for more).")
    }
    static func moreBelow(_ p0: some TextArgument) -> TextKey {
        TextKey("moreBelow", zh: "下级 \(p0.text(in: .zhHans)) 个",
                en: "\(p0.text(in: .en)) below")
    }
    static let childOrganizations = TextKey("childOrganizations", zh: "下级机构",
                             en: "Organizations below")
    static let viewSubtree = TextKey("viewSubtree", zh: "查看全部下级",
                             en: "View whole subtree")
    static let editOrganization = TextKey("editOrganization", zh: "修改机构信息",
                             en: "Edit organization")
    static let moveOrganization = TextKey("moveOrganization", zh: "调整上级机构",
                             en: "Move organization")
    static let moveHint = TextKey("moveHint", zh: "整个下级机构树随之移动。财政部门只能隶属于上一级财政部门。",
                             en: "The whole subtree moves with it. A finance bureau can only belong to the bureau one level up.")
    static let move = TextKey("move", zh: "移动",
                             en: "Move")
    static let deactivateHint = TextKey("deactivateHint", zh: "停用后该机构人员不能登录。须先停用全部下级机构。",
                             en: "People of a deactivated organization cannot sign in. Deactivate everything below it first.")
    static let reactivateHint = TextKey("reactivateHint", zh: "上级机构须处于启用状态。",
                             en: "The parent must be active.")
    static let codeHint = TextKey("codeHint", zh: "字母、数字、“-”、“_”、“.”，最长 64 位，例如行政区划代码或统一社会信用代码。",
                             en: "Letters, digits, “-”, “_”, “.”, at most 64, e.g. a division code or credit code.")
    static let levelInherited = TextKey("levelInherited", zh: "（非财政部门随上级财政部门）",
                             en: "(inherited unless a finance bureau)")
    static let levelNone = TextKey("levelNone", zh: "无级次",
                             en: "no level")
    static let importExplain = TextKey("importExplain", zh: "上传 CSV 文件：第一行为表头 code,name,kind,level,parent_code（也可用 编码,名称,类型,级次,上级编码）。类型填写 财政部门/预算部门/预算单位/第三方机构；级次仅财政部门填写（中央/省/市/县/乡镇）。上级编码可以是已有机构，也可以是同一文件中的机构。文件中只要有一处错误，全部不导入。",
                             en: "Upload a CSV file with the header code,name,kind,level,parent_code (or the Chinese headers). Kind is 财政部门/预算部门/预算单位/第三方机构 or finance_bureau/department/unit/agency; level only for finance bureaus. A parent may exist already or appear in the same file. If any row is wrong, nothing is imported.")
    static func importDone(_ p0: some TextArgument) -> TextKey {
        TextKey("importDone", zh: "已导入 \(p0.text(in: .zhHans)) 个机构。",
                en: "\(p0.text(in: .en)) organizations imported.")
    }
    static func importLocationLine(_ p0: some TextArgument) -> TextKey {
        TextKey("importLocationLine", zh: "第 \(p0.text(in: .zhHans)) 行",
                en: "Line \(p0.text(in: .en))")
    }
    static func importLocationColumn(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("importLocationColumn", zh: "第 \(p0.text(in: .zhHans)) 行“\(p1.text(in: .zhHans))”列",
                en: "Line \(p0.text(in: .en)), column “\(p1.text(in: .en))”")
    }
    static func importWrongFieldCount(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("importWrongFieldCount", zh: "应有 \(p0.text(in: .zhHans)) 列，实际 \(p1.text(in: .zhHans)) 列",
                en: "expected \(p0.text(in: .en)) columns, found \(p1.text(in: .en))")
    }
    static func importUnknownKind(_ p0: some TextArgument) -> TextKey {
        TextKey("importUnknownKind", zh: "无法识别的机构类型“\(p0.text(in: .zhHans))”（应为 财政部门、预算部门、预算单位 或 第三方机构）",
                en: "unknown kind “\(p0.text(in: .en))” (use finance_bureau, department, unit or agency)")
    }
    static func importUnknownLevel(_ p0: some TextArgument) -> TextKey {
        TextKey("importUnknownLevel", zh: "无法识别的级次“\(p0.text(in: .zhHans))”（应为 中央、省、市、县 或 乡镇）",
                en: "unknown level “\(p0.text(in: .en))” (use central, province, city, county or township)")
    }
    static func importDuplicateCode(_ p0: some TextArgument) -> TextKey {
        TextKey("importDuplicateCode", zh: "编码与第 \(p0.text(in: .zhHans)) 行重复",
                en: "code repeats line \(p0.text(in: .en))")
    }
    static let importCodeExists = TextKey("importCodeExists", zh: "编码已被现有机构使用",
                             en: "code already used by an existing organization")
    static func importCycle(_ p0: some TextArgument) -> TextKey {
        TextKey("importCycle", zh: "上级关系形成循环：\(p0.text(in: .zhHans))",
                en: "parent relations form a cycle: \(p0.text(in: .en))")
    }
    static let kindFinanceBureau = TextKey("kindFinanceBureau", zh: "财政部门",
                             en: "Finance bureau")
    static let kindDepartment = TextKey("kindDepartment", zh: "预算部门",
                             en: "Budget department")
    static let kindUnit = TextKey("kindUnit", zh: "预算单位",
                             en: "Budget unit")
    static let kindAgency = TextKey("kindAgency", zh: "第三方机构",
                             en: "Third-party agency")
    static let levelCentral = TextKey("levelCentral", zh: "中央",
                             en: "Central")
    static let levelProvince = TextKey("levelProvince", zh: "省级",
                             en: "Province")
    static let levelCity = TextKey("levelCity", zh: "市级",
                             en: "City")
    static let levelCounty = TextKey("levelCounty", zh: "县级",
                             en: "County")
    static let levelTownship = TextKey("levelTownship", zh: "乡镇",
                             en: "Township")
    static func errorCSVRows(_ p0: some TextArgument) -> TextKey {
        TextKey("errorCSVRows", zh: "有 \(p0.text(in: .zhHans)) 处错误，未导入任何机构：",
                en: "\(p0.text(in: .en)) problems found; nothing was imported:")
    }
    static func errorTooLong(_ p0: some TextArgument) -> TextKey {
        TextKey("errorTooLong", zh: "最多 \(p0.text(in: .zhHans)) 个字符。",
                en: "At most \(p0.text(in: .en)) characters.")
    }
    static func errorUnknownParent(_ p0: some TextArgument) -> TextKey {
        TextKey("errorUnknownParent", zh: "找不到编码为“\(p0.text(in: .zhHans))”的上级机构（或不在您的权限范围内）。",
                en: "No parent with code “\(p0.text(in: .en))” (or it is outside your reach).")
    }
    static let errorBureauNeedsLevel = TextKey("errorBureauNeedsLevel", zh: "财政部门须填写级次。",
                             en: "A finance bureau needs a level.")
    static let errorNeedsParent = TextKey("errorNeedsParent", zh: "只有财政部门可以没有上级机构。",
                             en: "Only a finance bureau may have no parent.")
    static func errorBureauParentLevel(_ p0: some TextArgument, _ p1: some TextArgument) -> TextKey {
        TextKey("errorBureauParentLevel", zh: "\(p0.text(in: .zhHans))财政部门只能隶属于上一级财政部门（所选上级：\(p1.text(in: .zhHans))）。",
                en: "A \(p0.text(in: .en)) finance bureau belongs to the bureau one level up (chosen parent: \(p1.text(in: .en))).")
    }
    static let errorDepartmentParent = TextKey("errorDepartmentParent", zh: "预算部门只能隶属于一个财政部门。",
                             en: "A budget department belongs to a finance bureau.")
    static let errorUnitParent = TextKey("errorUnitParent", zh: "预算单位只能隶属于预算部门或其他预算单位。",
                             en: "A budget unit belongs to a department or another unit.")
    static let errorAgencyParent = TextKey("errorAgencyParent", zh: "第三方机构须登记在财政部门之下。",
                             en: "An agency is registered under a finance bureau.")
    static let errorParentInactive = TextKey("errorParentInactive", zh: "上级机构已停用。",
                             en: "The parent is deactivated.")
    static let errorCycle = TextKey("errorCycle", zh: "不能移到自身或其下级机构之下。",
                             en: "An organization cannot move under itself or its own descendants.")
    static let errorCentralHasNoParent = TextKey("errorCentralHasNoParent", zh: "中央财政部门没有上级机构。",
                             en: "The central finance bureau has no parent.")
    static func errorLevelHasLowerBureaus(_ p0: some TextArgument) -> TextKey {
        TextKey("errorLevelHasLowerBureaus", zh: "该财政部门下已有 \(p0.text(in: .zhHans)) 个下级财政部门，不能修改级次。",
                en: "This bureau has \(p0.text(in: .en)) lower bureaus; its level cannot change.")
    }
    static func errorActiveChildren(_ p0: some TextArgument) -> TextKey {
        TextKey("errorActiveChildren", zh: "下级还有 \(p0.text(in: .zhHans)) 个启用的机构，须先停用它们。",
                en: "\(p0.text(in: .en)) organizations below are still active; deactivate them first.")
    }
    static let errorDeactivateOwnOrganization = TextKey("errorDeactivateOwnOrganization", zh: "不能停用自己所在的机构。",
                             en: "You cannot deactivate your own organization.")
    static let adminOrganizationsSummary = TextKey("adminOrganizationsSummary", zh: "财政部门、预算部门、预算单位与第三方机构的层级树，导入机构名录。",
                             en: "The tree of finance bureaus, departments, units and agencies; importing lists.")
    static let firstStepsRename = TextKey("firstStepsRename", zh: "为首次启动建立的“本级财政部门”改名，填写真实编码（如行政区划代码）和级次。",
                             en: "Rename the placeholder finance bureau created on first start (“本级财政部门”) and give it its real code (e.g. the administrative division code) and level.")
    static let firstStepsImportLink = TextKey("firstStepsImportLink", zh: "导入机构清单",
                             en: "Import an organization list")
    static let setupRename = TextKey("setupRename", zh: "为本级财政部门改名",
                             en: "Rename the first-start bureau")
    static let setupTree = TextKey("setupTree", zh: "建立组织机构",
                             en: "Build the organization tree")
    static let setupImportDetail = TextKey("setupImportDetail", zh: "一次导入整份机构清单（CSV）：有错误时不导入，并逐行指出。",
                             en: "Import a whole organization list at once (CSV): a list with errors imports nothing and names every error by line.")
    static let setupTreeDetail = TextKey("setupTreeDetail", zh: "逐个新增下级财政部门、预算部门、单位和第三方机构。",
                             en: "Add lower-level bureaus, departments, units and agencies one by one.")
}
