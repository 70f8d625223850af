package cn.gannan.hpf.elections.api;

/** A voter on the roll. */
public enum VoterStatus {
    /** Entitled and expected to attend; not (yet) signed in. */
    EXPECTED,
    /** Not counted as expected, with the reason (and the superior's approval for party elections). */
    EXCUSED,
    /** Signed in at the meeting. */
    PRESENT;

    public String messageKey() {
        return "voterStatus." + name();
    }
}
