/// 草稿不公开 — nobody sees another organisation's drafts (DOMAIN.md §1). A goal that has never left its
/// unit is seen only by the people of the organisation that owns it; once submitted, the reviewers above see it.
public enum GoalVisibility {
    public static func canSee(_ actor: Actor, ownerOrganizationPath: HierarchyPath, state: GoalState, everSubmitted: Bool) -> Bool {
        guard state == .draft && !everSubmitted else { return true }
        return actor.organizationPath == ownerOrganizationPath
    }
}
