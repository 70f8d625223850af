package cn.gannan.hpf.rooms.api;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import cn.gannan.hpf.core.api.Caller;

/**
 * The narrow contract for other modules (e.g. meetings) to book a site's room. Use it through an
 * optional, dynamic reference: it is there only while the rooms module is enabled. Bookings made
 * here follow the same rules as the UI's (no overlaps, office scope of the caller).
 */
@ProviderType
public interface RoomBookingService {

    /** The rooms of the office that take bookings (at most one: the site's combined room). */
    List<Room> bookableRooms(Caller caller, String officeCode);

    /**
     * Books [start, end) of the room for a purpose, tagged with the caller module's reference.
     *
     * @param externalRef e.g. {@code meetings:<meeting id>}; up to 100 characters
     * @throws cn.gannan.hpf.core.api.ValidationException when the slot clashes (the message names the booking)
     */
    Booking book(Caller caller, String roomId, Instant start, Instant end, String purpose, String externalRef);

    /** Cancels every active booking with the reference; returns how many were cancelled (0 when none). */
    int cancelByReference(Caller caller, String externalRef, String reason);

    /** Bookings with the reference (active and cancelled), oldest first. */
    List<Booking> bookingsByReference(Caller caller, String externalRef);
}
