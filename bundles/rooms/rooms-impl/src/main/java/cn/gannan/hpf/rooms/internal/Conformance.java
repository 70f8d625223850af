package cn.gannan.hpf.rooms.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.gannan.hpf.rooms.api.ConformanceLine;
import cn.gannan.hpf.rooms.api.ConformanceReport;
import cn.gannan.hpf.rooms.api.ConformanceStatus;
import cn.gannan.hpf.rooms.api.InventoryItem;
import cn.gannan.hpf.rooms.api.Room;
import cn.gannan.hpf.rooms.api.Standard;
import cn.gannan.hpf.rooms.api.StandardItem;

/**
 * The conformance rule, as a pure function: a site's room and inventory against a standard, item
 * by item.
 * <ul>
 * <li>QUANTITY: usable items (good or worn, to specification, not written off) linked to the item's
 * code; enough → satisfied; some → short (have/required); none usable but some linked →
 * non-conformant; none → missing.</li>
 * <li>ROOM_AREA: at least the required m² (exactly the minimum satisfies) → satisfied; less →
 * non-conformant; unknown → missing.</li>
 * <li>ROOM_SEATS, ROOM_FUNCTIONS: enough → satisfied; some → short; none/unknown → missing.</li>
 * <li>ROOM_MANAGER: a named manager → satisfied; none → missing.</li>
 * </ul>
 * Without a room every item is missing. The rate counts mandatory items only.
 */
final class Conformance {

    private Conformance() {
    }

    static ConformanceReport check(String officeCode, Standard standard, Room room, List<InventoryItem> items,
            Instant at) {
        List<ConformanceLine> lines = new ArrayList<>();
        int total = 0;
        int satisfied = 0;
        for (StandardItem si : standard.items()) {
            ConformanceLine line = line(si, room, items);
            lines.add(line);
            if (si.mandatory()) {
                total++;
                if (line.status() == ConformanceStatus.SATISFIED) {
                    satisfied++;
                }
            }
        }
        return new ConformanceReport(officeCode, room == null ? null : room.id(), room == null ? null : room.name(),
                standard.id(), standard.versionNo(), at, List.copyOf(lines), total, satisfied);
    }

    static ConformanceLine line(StandardItem si, Room room, List<InventoryItem> items) {
        int required = si.requiredQuantity();
        if (room == null) {
            return line(si, ConformanceStatus.MISSING, 0, 0);
        }
        switch (si.measure()) {
            case QUANTITY: {
                int usable = 0;
                int unusable = 0;
                for (InventoryItem it : items) {
                    if (it.writtenOff() || !si.code().equals(it.standardItemCode())) {
                        continue;
                    }
                    if (it.condition().usable() && it.specOk()) {
                        usable += it.quantity();
                    } else {
                        unusable += it.quantity();
                    }
                }
                ConformanceStatus st = usable >= required ? ConformanceStatus.SATISFIED
                        : usable > 0 ? ConformanceStatus.SHORT
                        : unusable > 0 ? ConformanceStatus.NON_CONFORMANT : ConformanceStatus.MISSING;
                return new ConformanceLine(si.code(), si.category(), si.name(), si.specification(), si.measure(),
                        si.mandatory(), st, required, usable, unusable);
            }
            case ROOM_AREA: {
                if (room.areaM2() == null) {
                    return line(si, ConformanceStatus.MISSING, 0, 0);
                }
                double area = room.areaM2().doubleValue();
                return line(si, room.areaM2().compareTo(java.math.BigDecimal.valueOf(required)) >= 0
                        ? ConformanceStatus.SATISFIED : ConformanceStatus.NON_CONFORMANT, area, 0);
            }
            case ROOM_SEATS: {
                int seats = room.seats() == null ? 0 : room.seats();
                return line(si, atLeast(seats, required), seats, 0);
            }
            case ROOM_FUNCTIONS: {
                int n = room.functions() == null ? 0 : room.functions().size();
                return line(si, atLeast(n, required), n, 0);
            }
            case ROOM_MANAGER: {
                boolean named = room.managerName() != null && !room.managerName().isBlank();
                return line(si, named ? ConformanceStatus.SATISFIED : ConformanceStatus.MISSING, named ? 1 : 0, 0);
            }
            default:
                throw new IllegalStateException("measure " + si.measure());
        }
    }

    private static ConformanceStatus atLeast(int have, int required) {
        return have >= required ? ConformanceStatus.SATISFIED
                : have > 0 ? ConformanceStatus.SHORT : ConformanceStatus.MISSING;
    }

    private static ConformanceLine line(StandardItem si, ConformanceStatus st, double actual, int unusable) {
        return new ConformanceLine(si.code(), si.category(), si.name(), si.specification(), si.measure(),
                si.mandatory(), st, si.requiredQuantity(), actual, unusable);
    }
}
