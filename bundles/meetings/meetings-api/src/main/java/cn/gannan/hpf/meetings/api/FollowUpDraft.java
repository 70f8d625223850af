package cn.gannan.hpf.meetings.api;

import java.time.LocalDate;

/** A new follow-up action of a topic's decision. */
public record FollowUpDraft(String topicId, String title, String ownerId, LocalDate dueDate) {
}
