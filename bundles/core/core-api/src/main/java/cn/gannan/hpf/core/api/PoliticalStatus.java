package cn.gannan.hpf.core.api;

/** Political status of a person; its changes are kept as history. */
public enum PoliticalStatus {
    FULL_MEMBER,          // 正式党员
    PROBATIONARY_MEMBER,  // 预备党员
    ACTIVIST,             // 入党积极分子
    APPLICANT,            // 入党申请人
    LEAGUE_MEMBER,        // 共青团员
    DEMOCRATIC_PARTY,     // 民主党派
    MASSES;               // 群众

    public String messageKey() {
        return "politicalStatus." + name();
    }

    /** Party members, full or probationary. */
    public boolean partyMember() {
        return this == FULL_MEMBER || this == PROBATIONARY_MEMBER;
    }
}
