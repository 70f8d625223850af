package cn.gannan.hpf.core.api;

/** Political status of a person; its changes are kept as history. */
public enum PoliticalStatus {
    FULL_MEMBER,          // 正式党员
    /**
     * 正式党员（留党察看）: a full member under the party discipline of probation within the party. The
     * member keeps the membership but has no right to vote, elect or stand for election while it lasts.
     * The status history gives the period: the change to this status takes effect on the decision, the
     * change back to {@link #FULL_MEMBER} on the restoration of rights (or to {@link #MASSES} on expulsion).
     */
    PARTY_PROBATION,
    PROBATIONARY_MEMBER,  // 预备党员
    ACTIVIST,             // 入党积极分子
    APPLICANT,            // 入党申请人
    LEAGUE_MEMBER,        // 共青团员
    DEMOCRATIC_PARTY,     // 民主党派
    MASSES;               // 群众

    public String messageKey() {
        return "politicalStatus." + name();
    }

    /** Party members: full (including those under 留党察看) or probationary. */
    public boolean partyMember() {
        return this == FULL_MEMBER || this == PARTY_PROBATION || this == PROBATIONARY_MEMBER;
    }

    /** Full members with the rights to vote, elect and stand (not probationary, not under 留党察看). */
    public boolean fullRights() {
        return this == FULL_MEMBER;
    }
}
