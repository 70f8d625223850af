package cn.gannan.hpf.rooms.api;

import java.time.Instant;

/** A usage log entry to record; {@code bookingId} when it fulfils a booking. */
public record UsageDraft(String roomId, Instant startsAt, Instant endsAt, String purpose, String usedBy,
        Integer participants, String bookingId) {
}
