package cn.gannan.hpf.rooms.meetings.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.Test;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.meetings.spi.MeetingPlaceProvider.Booking;
import cn.gannan.hpf.meetings.spi.MeetingPlaceProvider.Place;
import cn.gannan.hpf.rooms.api.Room;
import cn.gannan.hpf.rooms.api.RoomBookingService;

public class RoomsAsMeetingPlacesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final RoomBookingService rooms = mock(RoomBookingService.class);
    private final RoomsAsMeetingPlaces places = new RoomsAsMeetingPlaces(rooms, SHANGHAI);
    private final Caller caller = Caller.system("GN01");

    @Test
    public void theSiteRoomIsThePlace() {
        when(rooms.bookableRooms(caller, "GN01")).thenReturn(List.of(new Room("r1", "GN01", "合作管理部党建活动室",
                Set.of(), null, 24, null, null, null, null, null, true, null, null)));
        assertEquals(List.of(new Place("r1", "GN01", "合作管理部党建活动室", 24)), places.places(caller, "GN01"));
    }

    @Test
    public void aMeetingBookingIsARoomBookingWithItsOwnReference() {
        LocalDateTime start = LocalDateTime.of(2026, 12, 1, 9, 0);
        Instant s = start.atZone(SHANGHAI).toInstant();
        Instant e = start.plusHours(2).atZone(SHANGHAI).toInstant();
        when(rooms.book(eq(caller), eq("r1"), eq(s), eq(e), eq("支委会"), startsWith("meetings-place:")))
                .thenAnswer(inv -> new cn.gannan.hpf.rooms.api.Booking("b1", "GN01", "r1", "活动室", s, e, "支委会",
                        "x", inv.getArgument(5), null, null, null));
        Booking b = places.book(caller, "r1", start, start.plusHours(2), "支委会");
        assertTrue(b.id(), b.id().startsWith(RoomsAsMeetingPlaces.REF_PREFIX));
        assertEquals(start, b.start());
        assertEquals(start.plusHours(2), b.end());
        assertEquals("活动室", b.placeName());

        places.cancel(caller, b.id());
        verify(rooms).cancelByReference(eq(caller), eq(b.id()), anyString());
    }

    @Test
    public void foreignIdsAreIgnoredOnCancel() {
        places.cancel(caller, "b1");
        places.cancel(caller, null);
        verify(rooms, never()).cancelByReference(any(), any(), any());
    }
}
