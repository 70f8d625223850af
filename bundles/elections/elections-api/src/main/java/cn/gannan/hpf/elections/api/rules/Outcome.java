package cn.gannan.hpf.elections.api.rules;

/** What a round decided for one candidate. */
public enum Outcome {
    /** Elected in this round. */
    ELECTED,
    /** Reached the majority but tied at the cut-off: goes to a run-off among the tied only. */
    TIED,
    /** Reached the majority but others had more votes for the seats. */
    OUTRANKED,
    /** Did not reach the majority: can never fill a seat from this round. */
    NO_MAJORITY;

    public String messageKey() {
        return "outcome." + name();
    }
}
