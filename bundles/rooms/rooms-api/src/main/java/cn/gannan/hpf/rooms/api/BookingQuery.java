package cn.gannan.hpf.rooms.api;

import java.time.Instant;

/** Filters of bookings and usage entries: those overlapping [from, to); null means any. */
public record BookingQuery(String officeCode, String roomId, Instant from, Instant to, BookingStatus status,
        String text) {
}
