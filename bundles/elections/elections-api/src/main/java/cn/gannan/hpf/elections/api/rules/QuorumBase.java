package cn.gannan.hpf.elections.api.rules;

/** Whose number the quorum (到会人数) is counted against. */
public enum QuorumBase {
    /** 应到会人数: those entitled to vote, less those excused (with the superior's approval where the rules need it). */
    EXPECTED,
    /** 有选举权的全体人数: everyone entitled to vote on the roll, the excused included. */
    ENTITLED;

    public String messageKey() {
        return "quorumBase." + name();
    }

    /** The number a quorum is counted against: the whole roll or the roll less the excused. */
    public long of(long entitled, long excused) {
        return this == ENTITLED ? entitled : entitled - excused;
    }
}
