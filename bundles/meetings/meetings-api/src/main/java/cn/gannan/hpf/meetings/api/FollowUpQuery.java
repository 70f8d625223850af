package cn.gannan.hpf.meetings.api;

/** Filters of the follow-up list; null means any. */
public record FollowUpQuery(String officeCode, String meetingId, String ownerId, ActionStatus status,
        boolean overdueOnly) {
}
