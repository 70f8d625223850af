package cn.gannan.hpf.core.api;

/**
 * A node of the organisation tree.
 *
 * @param parentId null for a root
 */
public record OrgUnit(String id, String officeCode, String parentId, OrgUnitType type, String name,
        int sortOrder, RecordMeta meta) {
}
