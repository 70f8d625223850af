package cn.gannan.hpf.elections.api.rules;

/** What a vote fills. */
public enum ContestKind {
    /** Members of the committee (委员): always differential under the default rules. */
    COMMITTEE,
    /** Members of the audit committee (经费审查委员会): equal allowed where the rule set says so. */
    AUDIT_COMMITTEE,
    /** Secretary / deputy (or chair / vice chair): as many candidates as posts is allowed. */
    POSTS;

    public String messageKey() {
        return "contestKind." + name();
    }
}
