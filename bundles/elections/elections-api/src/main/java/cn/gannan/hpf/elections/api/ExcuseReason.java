package cn.gannan.hpf.elections.api;

/** Why someone entitled is not counted as expected to attend (RULES.md §1). */
public enum ExcuseReason {
    ABROAD_OVER_6_MONTHS,
    SERVING_SENTENCE,
    LONG_TERM_ILLNESS,
    AWAY_OVER_6_MONTHS_NOT_TRANSFERRED,
    MEMBERSHIP_SUSPENDED,
    IN_DETENTION,
    /** Mass organisations only: any other reason, described in the note. */
    OTHER;

    public String messageKey() {
        return "excuseReason." + name();
    }
}
