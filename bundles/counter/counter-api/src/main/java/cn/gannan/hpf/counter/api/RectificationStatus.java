package cn.gannan.hpf.counter.api;

/** A rectification item opened by a bad rating. */
public enum RectificationStatus {
    OPEN, CALLED_BACK, CLOSED
}
