package cn.gannan.hpf.rooms.api;

import java.time.LocalDate;

/** The descriptive fields of an inventory item that may be corrected in place (audited). */
public record InventoryDetails(String assetNo, String standardItemCode, String name, String responsiblePerson,
        LocalDate acquiredOn, Boolean specOk) {
}
