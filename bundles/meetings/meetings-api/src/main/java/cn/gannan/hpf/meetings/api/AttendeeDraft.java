package cn.gannan.hpf.meetings.api;

/** An attendance line as entered; leadership is derived from the body's memberships. */
public record AttendeeDraft(String personId, String name, AttendeeKind kind, Boolean present, String absenceReason) {
}
