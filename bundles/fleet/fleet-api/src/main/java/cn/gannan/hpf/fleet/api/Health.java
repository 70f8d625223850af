package cn.gannan.hpf.fleet.api;

/** An office node's health as its agent last reported it. */
public enum Health {
    /** Every bundle active, every component satisfied, every migration applied, UI and API answering. */
    HEALTHY,
    /** At least one of those checks fails; the heartbeat's last error says which. */
    UNHEALTHY,
    /** Not reported yet. */
    UNKNOWN;

    public String messageKey() {
        return "health." + name();
    }
}
