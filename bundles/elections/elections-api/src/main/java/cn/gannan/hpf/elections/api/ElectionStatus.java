package cn.gannan.hpf.elections.api;

/** Life of an election (换届). */
public enum ElectionStatus {
    /** The plan is being drawn up; candidates and the roll may change; no vote. */
    PLANNED,
    /** The superior approved the plan: the meeting may open and vote. */
    APPROVED,
    /** Every seat and post is filled; waiting for the superior's approval of the result. */
    ELECTED,
    /** The superior approved the result: posts are in effect and in the directory. */
    IN_EFFECT,
    /** Abandoned (kept, with its reason). */
    CANCELLED;

    public String messageKey() {
        return "electionStatus." + name();
    }
}
