package cn.gannan.hpf.fleet.api;

/** Where one wave of a rollout stands. */
public enum WaveStatus {
    PENDING, RUNNING, SUCCEEDED, STOPPED, CANCELLED;

    public String messageKey() {
        return "waveStatus." + name();
    }
}
