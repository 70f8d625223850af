package cn.gannan.hpf.core.api;

/**
 * Filters of the people list; null means "any".
 *
 * @param officeCode the office; null for the caller's scope
 * @param text       part of the name, staff number or phone
 * @param orgUnitId  current members of this org unit
 */
public record PersonQuery(String officeCode, String text, PoliticalStatus status, String orgUnitId, Boolean active) {

    public static PersonQuery all() {
        return new PersonQuery(null, null, null, null, null);
    }
}
