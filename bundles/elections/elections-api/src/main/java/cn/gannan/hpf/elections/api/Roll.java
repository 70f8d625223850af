package cn.gannan.hpf.elections.api;

/** Which meeting a voter belongs to. */
public enum Roll {
    /** The members' meeting (党员大会 / 会员大会) that elects the committee. */
    GENERAL,
    /** The new committee's first plenary, which elects the secretary and deputy. */
    PLENARY;

    public String messageKey() {
        return "roll." + name();
    }
}
