package cn.gannan.hpf.counter.api;

/** When a catalogue document is required. */
public enum DocCondition {
    ALWAYS,
    /** Only for married applicants (spouse's ID, marriage certificate). */
    MARRIED,
    /** Only when someone applies on the applicant's behalf (agent's ID, power of attorney). */
    AGENT
}
