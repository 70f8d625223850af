package cn.gannan.hpf.rooms.meetings.internal;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.meetings.spi.MeetingPlaceProvider;
import cn.gannan.hpf.rooms.api.RoomBookingService;

/**
 * The meeting register's places are the sites' four-in-one rooms. A meeting's booking is a room booking tagged
 * with its own reference ({@value #REF_PREFIX}&lt;uuid&gt;), so it shows in the room's usage log and clashes are
 * refused by the rooms module's rules, naming the clashing booking. This bundle is installed only when both
 * modules are (a conditional of the {@code hpf-rooms} feature); it depends on their APIs only.
 */
@Component(service = MeetingPlaceProvider.class)
public class RoomsAsMeetingPlaces implements MeetingPlaceProvider {

    static final String REF_PREFIX = "meetings-place:";

    private final RoomBookingService rooms;
    private final ZoneId zone;

    @Activate
    public RoomsAsMeetingPlaces(@Reference RoomBookingService rooms) {
        this(rooms, ZoneId.systemDefault());
    }

    RoomsAsMeetingPlaces(RoomBookingService rooms, ZoneId zone) {
        this.rooms = rooms;
        this.zone = zone;
    }

    @Override
    public List<Place> places(Caller caller, String officeCode) {
        return rooms.bookableRooms(caller, officeCode).stream()
                .map(r -> new Place(r.id(), r.officeCode(), r.name(), r.seats() == null ? 0 : r.seats()))
                .toList();
    }

    @Override
    public Booking book(Caller caller, String placeId, LocalDateTime start, LocalDateTime end, String purpose) {
        String ref = REF_PREFIX + UUID.randomUUID();
        cn.gannan.hpf.rooms.api.Booking b = rooms.book(caller, placeId, start.atZone(zone).toInstant(),
                end.atZone(zone).toInstant(), purpose, ref);
        return new Booking(ref, b.roomId(), b.roomName(), LocalDateTime.ofInstant(b.startsAt(), zone),
                LocalDateTime.ofInstant(b.endsAt(), zone));
    }

    @Override
    public void cancel(Caller caller, String bookingId) {
        if (bookingId != null && bookingId.startsWith(REF_PREFIX)) {
            rooms.cancelByReference(caller, bookingId, "会议取消或改期 (meeting cancelled or moved)");
        }
    }
}
