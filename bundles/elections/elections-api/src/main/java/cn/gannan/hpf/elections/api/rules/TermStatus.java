package cn.gannan.hpf.elections.api.rules;

/** Where a body stands in its term. */
public enum TermStatus {
    /** More than the warning period before the term ends. */
    CURRENT,
    /** Within the warning period, up to and including the day the term ends. */
    DUE_SOON,
    /** The term has ended and no new election was held. */
    OVERDUE,
    /**
     * The election is delayed past the term end with the superior's approval (the plan's approval, within the
     * rule set's limit) and its planned date has not passed, or it was held and awaits the approval of the result.
     * Once the planned date passes without the election held, the body is {@link #OVERDUE} again.
     */
    DELAYED_APPROVED,
    /** No election on record. */
    UNKNOWN;

    public String messageKey() {
        return "termStatus." + name();
    }
}
