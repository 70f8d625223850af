package cn.gannan.hpf.rooms.api;

import java.math.BigDecimal;
import java.util.Set;

/** What an editor fills in for a room; see {@link Room}. */
public record RoomDraft(String officeCode, String name, Set<RoomFunction> functions, BigDecimal areaM2, Integer seats,
        String managerPersonId, String managerName, String managerPhone, String openingHours, String location,
        Boolean bookable, String note) {
}
