package cn.gannan.hpf.rooms.api;

/** Filters of the inventory list; null means any. Written-off items only when asked. */
public record InventoryQuery(String officeCode, String roomId, String text, String standardItemCode,
        Condition condition, boolean includeWrittenOff) {

    public static InventoryQuery ofRoom(String roomId) {
        return new InventoryQuery(null, roomId, null, null, null, false);
    }
}
