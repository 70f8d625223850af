package cn.gannan.hpf.talks.api;

import java.time.LocalDate;

/** A new follow-up: what to do, who owns it (a person id, optional) and by when (optional). */
public record FollowUpDraft(String action, String ownerId, LocalDate dueDate) {
}
