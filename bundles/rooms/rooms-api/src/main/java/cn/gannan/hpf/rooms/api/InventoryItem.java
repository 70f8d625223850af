package cn.gannan.hpf.rooms.api;

import java.time.LocalDate;

import cn.gannan.hpf.core.api.RecordMeta;

/**
 * An item of a room's inventory. Location, condition and quantity change only through movements,
 * which are kept as history.
 *
 * @param standardItemCode the standard item it satisfies, or null
 * @param specOk           whether it meets the standard item's specification (e.g. a flag of 144×96 cm)
 * @param writtenOff       written off: kept for the record, no longer counted
 */
public record InventoryItem(String id, String officeCode, String roomId, String assetNo, String standardItemCode,
        String name, int quantity, Condition condition, String location, String responsiblePerson,
        LocalDate acquiredOn, boolean specOk, boolean writtenOff, RecordMeta meta) {
}
