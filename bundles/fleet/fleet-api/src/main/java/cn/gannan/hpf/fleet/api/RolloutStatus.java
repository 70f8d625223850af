package cn.gannan.hpf.fleet.api;

/** Where a rollout stands. */
public enum RolloutStatus {
    /** Created, not started: nothing was sent to any office. */
    DRAFT,
    /** A wave is updating. */
    RUNNING,
    /** A wave reached its success condition and the next one waits for an admin's approval. */
    WAITING_APPROVAL,
    /** A wave reached the error threshold: no further office is sent the release until a retry. */
    STOPPED,
    /** The last wave reached its success condition. */
    SUCCEEDED,
    CANCELLED;

    public String messageKey() {
        return "rolloutStatus." + name();
    }

    /** Still holding its offices (another rollout cannot take them). */
    public boolean active() {
        return this == RUNNING || this == WAITING_APPROVAL || this == STOPPED;
    }
}
