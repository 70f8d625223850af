package cn.gannan.hpf.rooms.api;

import java.math.BigDecimal;
import java.util.Set;

import cn.gannan.hpf.core.api.RecordMeta;

/**
 * A site's combined room (会议室 + 党组织活动室 + 学习阅览室 + 党建室); one per office.
 *
 * @param managerPersonId the manager from the staff directory, if chosen there
 * @param managerName     the manager's name as shown (a named manager is part of the standard)
 * @param bookable        whether the room takes bookings
 */
public record Room(String id, String officeCode, String name, Set<RoomFunction> functions, BigDecimal areaM2,
        Integer seats, String managerPersonId, String managerName, String managerPhone, String openingHours,
        String location, boolean bookable, String note, RecordMeta meta) {
}
