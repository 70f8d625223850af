package cn.gannan.hpf.meetings.spi;

import java.time.LocalDateTime;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

import cn.gannan.hpf.core.api.Caller;

/**
 * Bookable places for meetings, offered by another module (e.g. the rooms module's 四位一体 room).
 * The meeting register references it optionally and dynamically: with a provider, a meeting can book
 * a place; without one, the place is free text. Implementations check the caller's rights and raise
 * localized {@link cn.gannan.hpf.core.api.HpfException}s (e.g. the place is taken at that time).
 */
@ConsumerType
public interface MeetingPlaceProvider {

    /** A place that can be booked. */
    record Place(String id, String officeCode, String name, int capacity) {
    }

    /** A booking made for a meeting. */
    record Booking(String id, String placeId, String placeName, LocalDateTime start, LocalDateTime end) {
    }

    /** The places of an office that meetings may book. */
    List<Place> places(Caller caller, String officeCode);

    /**
     * Books a place for a meeting's time.
     *
     * @param purpose shown in the place's usage log, e.g. the meeting's subject
     * @throws cn.gannan.hpf.core.api.HpfException when the place is unknown or taken at that time
     */
    Booking book(Caller caller, String placeId, LocalDateTime start, LocalDateTime end, String purpose);

    /** Cancels a booking made by {@link #book}; unknown or already cancelled bookings are ignored. */
    void cancel(Caller caller, String bookingId);
}
