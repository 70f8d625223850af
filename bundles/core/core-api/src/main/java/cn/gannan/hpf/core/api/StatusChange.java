package cn.gannan.hpf.core.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** One change of a person's political status. {@code fromStatus} is null for the first entry. */
public record StatusChange(String id, String personId, PoliticalStatus fromStatus, PoliticalStatus toStatus,
        LocalDate effectiveDate, String note, String recordedBy, Instant recordedAt) {

    /**
     * The status a history gives for a day: the target of the last change that took effect on or before it.
     * The first entry (no {@code fromStatus}) is the status the record was created with; its date is the day
     * of entry, not a change, so it counts as the status before every later change. Null for an empty history.
     */
    public static PoliticalStatus statusOn(List<StatusChange> history, LocalDate day) {
        if (history == null || history.isEmpty()) {
            return null;
        }
        PoliticalStatus initial = null;
        StatusChange last = null;
        List<StatusChange> changes = history.stream().filter(c -> c.fromStatus() != null)
                .sorted(Comparator.comparing(StatusChange::effectiveDate)
                        .thenComparing(StatusChange::recordedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        for (StatusChange c : history) {
            if (c.fromStatus() == null && initial == null) {
                initial = c.toStatus();
            }
        }
        for (StatusChange c : changes) {
            if (!c.effectiveDate().isAfter(day)) {
                last = c;
            }
        }
        if (last != null) {
            return last.toStatus();
        }
        return !changes.isEmpty() ? changes.get(0).fromStatus() : initial;
    }
}
