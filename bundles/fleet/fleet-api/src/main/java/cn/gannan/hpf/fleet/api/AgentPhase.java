package cn.gannan.hpf.fleet.api;

/** What a county agent is doing. */
public enum AgentPhase {
    /** On its release, nothing to do. */
    IDLE,
    DOWNLOADING,
    VERIFYING,
    BACKING_UP,
    APPLYING,
    CHECKING,
    ROLLING_BACK,
    /** The last update failed and was rolled back; the office runs its previous release. */
    FAILED;

    public String messageKey() {
        return "phase." + name();
    }
}
