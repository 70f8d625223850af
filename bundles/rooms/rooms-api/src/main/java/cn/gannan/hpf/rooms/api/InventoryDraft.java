package cn.gannan.hpf.rooms.api;

import java.time.LocalDate;

/** A new inventory item; see {@link InventoryItem}. */
public record InventoryDraft(String assetNo, String standardItemCode, String name, Integer quantity,
        Condition condition, String location, String responsiblePerson, LocalDate acquiredOn, Boolean specOk) {
}
