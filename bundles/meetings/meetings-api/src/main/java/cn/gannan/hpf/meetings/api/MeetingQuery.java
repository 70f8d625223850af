package cn.gannan.hpf.meetings.api;

/** Filters of the meeting list; null means any. {@code text} matches the subject, body or place. */
public record MeetingQuery(String officeCode, Integer year, String bodyId, MeetingType type, MinutesStatus status,
        String text) {

    public static MeetingQuery all() {
        return new MeetingQuery(null, null, null, null, null, null);
    }
}
