package cn.gannan.hpf.rooms.api;

/** A booking holds its slot until it is cancelled (kept, never deleted). */
public enum BookingStatus {
    BOOKED, CANCELLED
}
