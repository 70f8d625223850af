package cn.gannan.hpf.meetings.api;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A meeting as entered. {@code placeId} asks the place provider (when one is installed) to book that
 * place; otherwise {@code place} is free text.
 */
public record MeetingDraft(String bodyId, MeetingType type, LocalDateTime startAt, LocalDateTime endAt,
        String place, String placeId, String chairId, String recorderId, String subject, String notes,
        List<AttendeeDraft> attendees, List<TopicDraft> topics) {
}
