package cn.gannan.hpf.rooms.internal;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.Test;

import cn.gannan.hpf.rooms.api.Condition;
import cn.gannan.hpf.rooms.api.ConformanceLine;
import cn.gannan.hpf.rooms.api.ConformanceReport;
import cn.gannan.hpf.rooms.api.ConformanceStatus;
import cn.gannan.hpf.rooms.api.InventoryItem;
import cn.gannan.hpf.rooms.api.Measure;
import cn.gannan.hpf.rooms.api.Room;
import cn.gannan.hpf.rooms.api.RoomFunction;
import cn.gannan.hpf.rooms.api.Standard;
import cn.gannan.hpf.rooms.api.StandardCategory;
import cn.gannan.hpf.rooms.api.StandardItem;
import cn.gannan.hpf.rooms.api.StandardStatus;

public class ConformanceTest {

    private static StandardItem si(String code, Measure m, int required, boolean mandatory) {
        return new StandardItem(code, code, StandardCategory.FURNITURE, code, null, m, required, mandatory, 0, null);
    }

    private static Room room(String area, Integer seats, String manager, Set<RoomFunction> fn) {
        return new Room("r", "GN01", "活动室", fn, area == null ? null : new BigDecimal(area), seats, null, manager, null,
                null, null, true, null, null);
    }

    private static InventoryItem item(String code, int qty, Condition c, boolean specOk, boolean writtenOff) {
        return new InventoryItem("i" + qty + c, "GN01", "r", "A", code, code, qty, c, null, null, null, specOk, writtenOff,
                null);
    }

    private static ConformanceLine line(StandardItem si, Room room, InventoryItem... items) {
        return Conformance.line(si, room, List.of(items));
    }

    private static final Room FULL = room("20", 20, "张三", EnumSet.allOf(RoomFunction.class));

    @Test
    public void areaExactlyTheMinimumSatisfiesBelowIsNonConformantUnknownIsMissing() {
        StandardItem area = si("AREA", Measure.ROOM_AREA, 20, true);
        assertEquals(ConformanceStatus.SATISFIED, line(area, room("20.00", 1, "x", Set.of())).status());
        assertEquals(ConformanceStatus.SATISFIED, line(area, room("45.5", 1, "x", Set.of())).status());
        ConformanceLine small = line(area, room("19.99", 1, "x", Set.of()));
        assertEquals(ConformanceStatus.NON_CONFORMANT, small.status());
        assertEquals(19.99, small.actual(), 1e-9);
        assertEquals(20.0, small.required(), 1e-9);
        assertEquals(ConformanceStatus.MISSING, line(area, room(null, 1, "x", Set.of())).status());
    }

    @Test
    public void quantitySatisfiedShortNonConformantMissing() {
        StandardItem rules = si("RULES", Measure.QUANTITY, 4, true);
        assertEquals(ConformanceStatus.SATISFIED, line(rules, FULL, item("RULES", 4, Condition.GOOD, true, false)).status());
        assertEquals(ConformanceStatus.SATISFIED,
                line(rules, FULL, item("RULES", 2, Condition.GOOD, true, false), item("RULES", 2, Condition.WORN, true, false))
                        .status());
        ConformanceLine shortLine = line(rules, FULL, item("RULES", 3, Condition.GOOD, true, false),
                item("RULES", 1, Condition.BROKEN, true, false));
        assertEquals(ConformanceStatus.SHORT, shortLine.status());
        assertEquals(3.0, shortLine.actual(), 0);
        assertEquals(4.0, shortLine.required(), 0);
        assertEquals(1, shortLine.unusable());
        assertEquals(ConformanceStatus.NON_CONFORMANT, line(rules, FULL, item("RULES", 4, Condition.BROKEN, true, false)).status());
        // a flag not to the specification does not count
        assertEquals(ConformanceStatus.NON_CONFORMANT, line(rules, FULL, item("RULES", 4, Condition.GOOD, false, false)).status());
        assertEquals(ConformanceStatus.MISSING, line(rules, FULL).status());
        assertEquals(ConformanceStatus.MISSING, line(rules, FULL, item("OTHER", 9, Condition.GOOD, true, false)).status());
        // written-off items are ignored altogether
        assertEquals(ConformanceStatus.MISSING, line(rules, FULL, item("RULES", 4, Condition.GOOD, true, true)).status());
        // recorded but missing from the room: present in the books, not usable
        assertEquals(ConformanceStatus.NON_CONFORMANT,
                line(rules, FULL, item("RULES", 4, Condition.MISSING, true, false)).status());
    }

    @Test
    public void seatsFunctionsAndManager() {
        StandardItem seats = si("SEATS", Measure.ROOM_SEATS, 20, false);
        assertEquals(ConformanceStatus.SATISFIED, line(seats, room("30", 20, "x", Set.of())).status());
        assertEquals(ConformanceStatus.SHORT, line(seats, room("30", 19, "x", Set.of())).status());
        assertEquals(ConformanceStatus.MISSING, line(seats, room("30", null, "x", Set.of())).status());
        StandardItem fn = si("FN", Measure.ROOM_FUNCTIONS, 4, true);
        assertEquals(ConformanceStatus.SATISFIED, line(fn, FULL).status());
        ConformanceLine three = line(fn, room("30", 1, "x", EnumSet.of(RoomFunction.MEETING, RoomFunction.STUDY_READING,
                RoomFunction.PARTY_BUILDING)));
        assertEquals(ConformanceStatus.SHORT, three.status());
        assertEquals(3.0, three.actual(), 0);
        assertEquals(ConformanceStatus.MISSING, line(fn, room("30", 1, "x", Set.of())).status());
        StandardItem mgr = si("MGR", Measure.ROOM_MANAGER, 1, true);
        assertEquals(ConformanceStatus.SATISFIED, line(mgr, FULL).status());
        assertEquals(ConformanceStatus.MISSING, line(mgr, room("30", 1, "  ", Set.of())).status());
        assertEquals(ConformanceStatus.MISSING, line(mgr, room("30", 1, null, Set.of())).status());
    }

    @Test
    public void withoutRoomEverythingIsMissingAndRateCountsMandatoryOnly() {
        List<StandardItem> items = new ArrayList<>(List.of(si("AREA", Measure.ROOM_AREA, 20, true),
                si("FLAG", Measure.QUANTITY, 1, true), si("SOUND", Measure.QUANTITY, 1, false)));
        Standard std = new Standard("s", 1, "t", StandardStatus.PUBLISHED, null, null, null, items, null);
        ConformanceReport none = Conformance.check("GN02", std, null, List.of(), Instant.now());
        assertEquals(3, none.failures().size());
        assertEquals(0.0, none.rate(), 0);
        none.lines().forEach(l -> assertEquals(ConformanceStatus.MISSING, l.status()));

        ConformanceReport some = Conformance.check("GN01", std, FULL, List.of(item("FLAG", 1, Condition.GOOD, true, false)),
                Instant.now());
        assertEquals(2, some.mandatoryTotal());
        assertEquals(2, some.mandatorySatisfied());
        assertEquals(1.0, some.rate(), 0);
        assertEquals(1, some.failures().size()); // the optional sound system, reported but not rated
    }
}
