package cn.gannan.hpf.core.api;

/** What a person enters to create or change an org unit. */
public record OrgUnitDraft(String officeCode, String parentId, OrgUnitType type, String name, Integer sortOrder) {
}
