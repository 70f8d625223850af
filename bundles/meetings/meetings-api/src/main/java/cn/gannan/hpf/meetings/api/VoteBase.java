package cn.gannan.hpf.meetings.api;

/** What a vote's threshold is a fraction of: members expected to attend (应到) or present (实到). */
public enum VoteBase {
    EXPECTED, PRESENT;

    public String messageKey() {
        return "voteBase." + name();
    }
}
