package cn.gannan.hpf.meetings.api;

import java.time.LocalDate;

import cn.gannan.hpf.core.api.RecordMeta;

/**
 * A follow-up action (落实) of a decision.
 *
 * @param overdue open and past its due date, as of the day of the query
 */
public record FollowUp(String id, String officeCode, String meetingId, String topicId, String topicTitle,
        String title, String ownerId, String ownerName, LocalDate dueDate, ActionStatus status, String evidence,
        LocalDate doneOn, boolean overdue, RecordMeta meta) {
}
