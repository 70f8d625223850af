package cn.gannan.hpf.meetings.api;

/** A member of the body expected to attend, or an invited non-member (列席). */
public enum AttendeeKind {
    MEMBER, INVITED;

    public String messageKey() {
        return "attendeeKind." + name();
    }
}
