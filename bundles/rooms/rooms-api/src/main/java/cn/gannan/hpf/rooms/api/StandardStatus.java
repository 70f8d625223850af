package cn.gannan.hpf.rooms.api;

/** Life of a standard version: edited as a draft, published (the current one), superseded by a later one. */
public enum StandardStatus {
    DRAFT, PUBLISHED, SUPERSEDED
}
