package cn.gannan.hpf.core.api;

/** Kinds of org unit: party bodies, mass organisations and administrative units. */
public enum OrgUnitType {
    PARTY_GROUP,        // 党组
    PRIMARY_COMMITTEE,  // 党的基层委员会 (e.g. 机关党委), elected for 5 years
    GENERAL_BRANCH,     // 党总支
    BRANCH,             // 党支部
    PARTY_CELL,         // 党小组
    TRADE_UNION,        // 工会
    YOUTH_LEAGUE,       // 团委
    WOMENS_FEDERATION,  // 妇联
    SECTION,            // 科室
    COUNTY_DEPARTMENT;  // 管理部

    public String messageKey() {
        return "orgUnitType." + name();
    }
}
