package cn.gannan.hpf.rooms.api;

import java.time.Instant;

/** One entry of an item's history: what changed, from what to what, by whom and why. */
public record Movement(String id, String itemId, MovementKind kind, String fromValue, String toValue, String note,
        Instant at, String by) {
}
