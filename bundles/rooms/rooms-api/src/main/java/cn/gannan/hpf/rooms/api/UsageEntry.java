package cn.gannan.hpf.rooms.api;

import java.time.Instant;

import cn.gannan.hpf.core.api.RecordMeta;

/** One line of the room's usage log (台账): who used it, when, for what, with how many people. */
public record UsageEntry(String id, String officeCode, String roomId, Instant startsAt, Instant endsAt,
        String purpose, String usedBy, Integer participants, String bookingId, RecordMeta meta) {

    /** Hours of use, to the minute. */
    public double hours() {
        return java.time.Duration.between(startsAt, endsAt).toMinutes() / 60.0;
    }
}
