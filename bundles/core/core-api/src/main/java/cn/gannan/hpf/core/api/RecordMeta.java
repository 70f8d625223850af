package cn.gannan.hpf.core.api;

import java.time.Instant;

/**
 * The bookkeeping every record carries: who created and last changed it, when, and the version
 * used for optimistic locking.
 */
public record RecordMeta(String createdBy, Instant createdAt, String updatedBy, Instant updatedAt, long version) {
}
