package cn.gannan.hpf.rooms.api;

/** Kinds of inspection (RULES.md §7). */
public enum InspectionKind {
    CONCENTRATED, UNANNOUNCED, FOLLOW_UP, SELF_CHECK
}
