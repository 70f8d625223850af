package cn.gannan.hpf.core.rest.internal;

import java.time.LocalDate;

import cn.gannan.hpf.core.api.PoliticalStatus;

/** Body of {@code POST /api/people/{id}/status}. */
public record StatusChangeRequest(PoliticalStatus status, LocalDate effectiveDate, String note, Long version) {
}
