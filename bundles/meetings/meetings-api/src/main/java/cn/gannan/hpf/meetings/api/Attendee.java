package cn.gannan.hpf.meetings.api;

/**
 * One line of the attendance list.
 *
 * @param personId      null for an invited guest from outside the staff
 * @param leadership    holds a leadership post in the body (co-signs the minutes when present)
 * @param absenceReason why an expected member was absent (请假事由)
 */
public record Attendee(String personId, String name, AttendeeKind kind, boolean present, String absenceReason,
        boolean leadership) {
}
