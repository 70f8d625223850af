package cn.gannan.hpf.rooms.api;

import java.time.Instant;

/** A booking request; see {@link Booking}. */
public record BookingDraft(String roomId, Instant startsAt, Instant endsAt, String purpose, String organizer,
        String externalRef) {
}
