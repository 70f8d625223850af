package cn.gannan.hpf.rooms.api;

import java.time.Instant;

import cn.gannan.hpf.core.api.RecordMeta;

/**
 * A booking of a room for [startsAt, endsAt): the end is exclusive, so a booking ending when
 * another starts does not clash.
 *
 * @param externalRef a reference of the module that booked, e.g. {@code meetings:<id>}; null for manual bookings
 */
public record Booking(String id, String officeCode, String roomId, String roomName, java.time.Instant startsAt,
        Instant endsAt, String purpose, String organizer, String externalRef, BookingStatus status,
        String cancelReason, RecordMeta meta) {
}
