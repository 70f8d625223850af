package cn.gannan.hpf.meetings.api;

/** Kinds of meeting and organisational life. */
public enum MeetingType {
    PARTY_GROUP,          // 党组会议
    DIRECTOR_OFFICE,      // 主任办公会议
    THEORY_STUDY,         // 党组理论中心组学习
    BRANCH_PLENARY,       // 支部党员大会
    BRANCH_COMMITTEE,     // 支委会
    PARTY_CELL,           // 党小组会
    PARTY_LECTURE,        // 党课
    THEME_PARTY_DAY,      // 主题党日
    ORG_LIFE,             // 组织生活会
    MEMBER_APPRAISAL,     // 民主评议党员
    DEMOCRATIC_LIFE,      // 民主生活会
    COLLECTIVE_STUDY;     // 支部集体学习

    public String messageKey() {
        return "meetingType." + name();
    }

    /** Study sessions, counted apart in the statistics. */
    public boolean study() {
        return this == THEORY_STUDY || this == COLLECTIVE_STUDY;
    }
}
