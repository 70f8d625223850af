package cn.gannan.hpf.fleet.api;

/** An office node's health as its agent last reported it. */
public enum Health {
    /** Every bundle active, every component satisfied, every migration applied, UI and API answering. */
    HEALTHY,
    /** At least one of those checks fails; the heartbeat's last error says which. */
    UNHEALTHY,
    /**
     * The node is starting: module management is still bringing the office's modules up, so checks that fail now
     * (listed in the last error) may pass in a moment. Not a failure, not yet healthy; the agent applies no release
     * meanwhile.
     */
    STARTING,
    /** Not reported yet. */
    UNKNOWN;

    public String messageKey() {
        return "health." + name();
    }
}
