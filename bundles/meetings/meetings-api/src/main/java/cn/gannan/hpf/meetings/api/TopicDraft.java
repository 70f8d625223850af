package cn.gannan.hpf.meetings.api;

/** A topic as entered; {@code id} is null for a new topic and kept for an existing one. */
public record TopicDraft(String id, String title, String categoryCode, String submittedBy, String presenter,
        String summary, String decision, Boolean personnel, Integer votesFor, Integer votesAgainst,
        Integer votesAbstain) {
}
