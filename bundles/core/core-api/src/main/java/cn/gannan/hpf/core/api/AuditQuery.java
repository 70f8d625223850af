package cn.gannan.hpf.core.api;

import java.time.Instant;

/** Filters of the audit log; null means any. */
public record AuditQuery(String officeCode, String username, String module, String entity, String entityId,
        AuditAction action, Instant from, Instant to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, null, null);
    }
}
