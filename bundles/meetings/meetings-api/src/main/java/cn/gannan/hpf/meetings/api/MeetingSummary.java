package cn.gannan.hpf.meetings.api;

import java.time.LocalDateTime;

/** A line of the meeting list. */
public record MeetingSummary(String id, String officeCode, String bodyId, String bodyName, MeetingType type,
        LocalDateTime startAt, String subject, MinutesStatus status, String numberText, int topics, int expected,
        int present, long version) {
}
