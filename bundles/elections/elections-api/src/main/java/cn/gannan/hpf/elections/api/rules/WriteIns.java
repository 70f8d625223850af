package cn.gannan.hpf.elections.api.rules;

/** Whether a voter may write in a name that is not on the ballot. */
public enum WriteIns {
    /** Never. */
    NONE,
    /** Only in place of a candidate the voter disapproves of (at most one write-in per disapproval). */
    ON_DISAPPROVAL,
    /** Freely (still counted against the seats). */
    ANY;

    public String messageKey() {
        return "writeIns." + name();
    }
}
