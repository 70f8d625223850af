package cn.gannan.hpf.rooms.api;

import cn.gannan.hpf.core.api.RecordMeta;

/**
 * One requirement of the standard.
 *
 * @param code             stable code (e.g. {@code FLAG}); inventory items name the code they satisfy
 * @param requiredQuantity how many usable items ({@link Measure#QUANTITY}), or the minimum value of
 *                         the room property (m² for {@link Measure#ROOM_AREA}, seats); 1 for the others
 * @param mandatory        whether a site must have it; optional items are reported but not rated
 */
public record StandardItem(String id, String code, StandardCategory category, String name, String specification,
        Measure measure, int requiredQuantity, boolean mandatory, int sortOrder, RecordMeta meta) {
}
