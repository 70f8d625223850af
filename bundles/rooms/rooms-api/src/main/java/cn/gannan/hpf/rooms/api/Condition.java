package cn.gannan.hpf.rooms.api;

/** How an inventory item is: usable (good, worn) or not (broken, missing). */
public enum Condition {
    GOOD, WORN, BROKEN, MISSING;

    /** Whether the item counts towards the standard. */
    public boolean usable() {
        return this == GOOD || this == WORN;
    }
}
