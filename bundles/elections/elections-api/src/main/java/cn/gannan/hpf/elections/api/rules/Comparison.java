package cn.gannan.hpf.elections.api.rules;

/** How a count is compared with a threshold: 超过 (more than) or 不少于 (at least). */
public enum Comparison {
    /** 超过: exactly the threshold does not pass. */
    MORE_THAN,
    /** 不少于: exactly the threshold passes. */
    AT_LEAST;

    public String messageKey() {
        return "comparison." + name();
    }
}
