package cn.gannan.hpf.rooms.api;

/**
 * What a standard item is checked against: the quantity of usable inventory items linked to it
 * ({@link #QUANTITY}) or a property of the room (area in m², seats, a named manager, the four functions).
 */
public enum Measure {
    QUANTITY, ROOM_AREA, ROOM_SEATS, ROOM_MANAGER, ROOM_FUNCTIONS
}
