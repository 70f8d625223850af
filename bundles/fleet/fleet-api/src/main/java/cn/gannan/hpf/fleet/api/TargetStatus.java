package cn.gannan.hpf.fleet.api;

/** Where one office of a rollout stands. */
public enum TargetStatus {
    /** Its wave has not started (or was stopped before the office took the release). */
    PENDING,
    /** The office has been sent the release and has not reported it running and healthy yet. */
    UPDATING,
    /** It reported the release running and healthy. */
    SUCCEEDED,
    /** Its agent reported that the update failed and was rolled back. */
    FAILED,
    CANCELLED;

    public String messageKey() {
        return "targetStatus." + name();
    }
}
