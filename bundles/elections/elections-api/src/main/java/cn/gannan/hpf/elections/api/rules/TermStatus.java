package cn.gannan.hpf.elections.api.rules;

/** Where a body stands in its term. */
public enum TermStatus {
    /** More than the warning period before the term ends. */
    CURRENT,
    /** Within the warning period, up to and including the day the term ends. */
    DUE_SOON,
    /** The term has ended and no new election was held. */
    OVERDUE,
    /** No election on record. */
    UNKNOWN;

    public String messageKey() {
        return "termStatus." + name();
    }
}
