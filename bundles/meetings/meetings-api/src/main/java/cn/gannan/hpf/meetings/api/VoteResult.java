package cn.gannan.hpf.meetings.api;

/** Outcome of a topic's vote; NONE when no vote was taken. */
public enum VoteResult {
    NONE, PASSED, FAILED;

    public String messageKey() {
        return "voteResult." + name();
    }
}
