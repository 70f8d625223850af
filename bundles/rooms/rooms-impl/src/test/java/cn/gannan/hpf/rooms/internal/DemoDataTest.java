package cn.gannan.hpf.rooms.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;

import org.junit.Test;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.rooms.api.ConformanceReport;
import cn.gannan.hpf.rooms.api.InspectionQuery;

/** Demo data: nine rooms, realistic shortfalls, loaded once, only in demo mode. */
public class DemoDataTest {

    @Test
    public void loadsOnceInDemoModeOnly() {
        RoomsNode n = new RoomsNode();
        OfficeService off = mock(OfficeService.class);
        when(off.demoMode()).thenReturn(false);
        new RoomsDemoData(off, n.db, n.schema, n.standards, n.rooms, n.inventory, n.inspections, n.bookings, n.people);
        assertEquals(0, n.count("ROOMS_ROOM"));

        OfficeService demo = mock(OfficeService.class);
        when(demo.demoMode()).thenReturn(true);
        when(demo.current()).thenReturn(n.offices.current());
        when(demo.offices()).thenReturn(n.offices.offices());
        new RoomsDemoData(demo, n.db, n.schema, n.standards, n.rooms, n.inventory, n.inspections, n.bookings, n.people);
        assertEquals(9, n.count("ROOMS_ROOM"));
        long items = n.count("ROOMS_ITEM");
        new RoomsDemoData(demo, n.db, n.schema, n.standards, n.rooms, n.inventory, n.inspections, n.bookings, n.people);
        assertEquals("loaded twice", items, n.count("ROOMS_ITEM"));

        Caller auditor = RoomsNode.caller("GN00", Role.AUDITOR);
        List<ConformanceReport> all = n.rooms.compare(auditor);
        assertEquals(9, all.size());
        assertEquals(1.0, all.get(0).rate(), 0); // the centre meets the standard
        assertTrue(all.stream().filter(r -> r.rate() < 1).count() >= 5); // shortfalls spread over counties
        assertTrue(n.inspections.openRectifications(auditor, null).size() >= 5);
        assertEquals(7, n.inspections.find(auditor, new InspectionQuery(null, null, null, null, true),
                new PageRequest(0, 50)).items().stream().map(i -> i.officeCode()).distinct().count()); // GN02–GN08 fall short somewhere, GN01 meets it
        assertTrue(n.count("ROOMS_USAGE") > 50);
        assertTrue(n.count("ROOMS_BOOKING") >= 36);
    }
}
