package cn.gannan.hpf.elections.api.rules;

/** Whose number an election majority is counted against. */
public enum MajorityBase {
    /** 实到会有选举权的人数: the voters actually present (signed in). */
    PRESENT,
    /** 应到会人数: those entitled to attend, less those excused. */
    EXPECTED;

    public String messageKey() {
        return "majorityBase." + name();
    }
}
