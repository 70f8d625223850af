package cn.gannan.hpf.rooms.api;

/** A rectification item is open until it is closed, one by one. */
public enum RectificationStatus {
    OPEN, CLOSED
}
