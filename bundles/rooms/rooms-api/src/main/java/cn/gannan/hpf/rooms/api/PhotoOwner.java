package cn.gannan.hpf.rooms.api;

/** What a photo belongs to. */
public enum PhotoOwner {
    ROOM, INSPECTION
}
