package cn.gannan.hpf.meetings.api;

/** A current member of a body, proposed as an expected attendee. */
public record ExpectedAttendee(String personId, String name, boolean leadership, String post) {
}
