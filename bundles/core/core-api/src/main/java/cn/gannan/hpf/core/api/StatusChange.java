package cn.gannan.hpf.core.api;

import java.time.Instant;
import java.time.LocalDate;

/** One change of a person's political status. {@code fromStatus} is null for the first entry. */
public record StatusChange(String id, String personId, PoliticalStatus fromStatus, PoliticalStatus toStatus,
        LocalDate effectiveDate, String note, String recordedBy, Instant recordedAt) {
}
