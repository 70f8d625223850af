package cn.gannan.hpf.elections.api;

/** A round of voting. */
public enum RoundStatus {
    /** Ballots are being entered. */
    OPEN,
    /** Counted; the result stands. */
    COUNTED,
    /** More ballots returned than issued: void, re-run. */
    VOID;

    public String messageKey() {
        return "roundStatus." + name();
    }
}
