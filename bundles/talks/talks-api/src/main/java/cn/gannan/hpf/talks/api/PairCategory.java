package cn.gannan.hpf.talks.api;

/** Who must talk with whom in a plan. */
public enum PairCategory {
    LEADERSHIP,        // 班子成员之间
    COMMITTEE_MEMBER,  // 班子成员与党员
    MEMBER_MEMBER;     // 党员之间

    public String messageKey() {
        return "pair." + name();
    }
}
