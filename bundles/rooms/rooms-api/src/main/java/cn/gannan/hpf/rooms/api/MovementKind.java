package cn.gannan.hpf.rooms.api;

/** Kinds of inventory movement; the history of an item is its movements. */
public enum MovementKind {
    ADDED, MOVED, CONDITION_CHANGED, QUANTITY_CHANGED, WRITTEN_OFF
}
