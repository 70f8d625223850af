package cn.gannan.hpf.core.api;

/** Posts a person holds in an org unit. */
public enum Post {
    SECRETARY,         // 书记
    DEPUTY_SECRETARY,  // 副书记
    COMMITTEE_MEMBER,  // 委员
    CHAIR,             // 主席
    VICE_CHAIR,        // 副主席
    GROUP_LEADER,      // 组长
    HEAD,              // 负责人 (主任 / 科长)
    DEPUTY_HEAD,       // 副职
    MEMBER;            // 成员

    public String messageKey() {
        return "post." + name();
    }

    /** Leadership posts, whose holders co-sign documents. */
    public boolean leadership() {
        return this != MEMBER;
    }
}
